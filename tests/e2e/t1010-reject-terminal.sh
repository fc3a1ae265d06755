# 'reject add' and 'reject edit' in a real terminal (tmux): the saved value shown as the default, a bad
# value asked again instead of ending the command, and Ctrl-C leaving the form with nothing saved and
# the shell still running.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
today=$TODAY

tmux_start "env REBOUND_HOME='$REBOUND_HOME' TERM=xterm '$REBOUND'"
expect_screen "rebound>"
tmux_cmd send-keys -t t 'reject add' Enter
expect_screen "Company:"
tmux_cmd send-keys -t t 'Acme' Enter
expect_screen "Role:"
tmux_cmd send-keys -t t 'Engineer' Enter
# The field, from the role; a bank no one has is asked again.
expect_screen "Your field: the banks drills ask from ('all' for every bank) [software-engineering,behavioural,closing]:"
tmux_cmd send-keys -t t 'sales-and-support,nope' Enter
expect_screen "reject add: unknown bank 'nope'"
tmux_cmd send-keys -t t Enter
expect_screen "Date (YYYY-MM-DD, today, yesterday, -N) [$today]:"
tmux_cmd send-keys -t t Enter
expect_screen "Stage reached"
tmux_cmd send-keys -t t 'onsit' Enter
expect_screen "reject add: unknown stage 'onsit'"
tmux_cmd send-keys -t t 'onsite' Enter
expect_screen "Interviewer's name (Enter to skip):"
tmux_cmd send-keys -t t Enter
expect_screen "an empty line ends it):"
tmux_cmd send-keys -t t 'The answers were vague.' Enter Enter
expect_screen "examples           \"vague\""
expect_screen "none clears) [examples]:"
tmux_cmd send-keys -t t C-c
expect_screen "reject add: stopped; nothing was saved."
expect_screen "rebound> "
expect_db "SELECT COUNT(*) FROM rejection" 0

# The whole form, then an edit that keeps every value with Enter but the role.
tmux_cmd send-keys -t t 'reject add' Enter
for value in Acme Engineer '' '' phone-screen Dana 'Too long-winded.' '' '' '' 'Slow down' y 'Clear CV' ''; do
	if [ -n "$value" ]; then tmux_cmd send-keys -t t "$value" Enter; else tmux_cmd send-keys -t t Enter; fi
	sleep 0.1
done
expect_screen "Logged rejection 1: Acme, Engineer (phone-screen, $today)."
# Tab completes the subcommand.
tmux_cmd send-keys -t t 'reject ed' Tab
expect_screen "rebound> reject edit"
tmux_cmd send-keys -t t '1' Enter
expect_screen "Company [Acme]:"
tmux_cmd send-keys -t t Enter
expect_screen "Role [Engineer]:"
tmux_cmd send-keys -t t C-u 'Staff engineer' Enter
for i in 1 2 3 4; do tmux_cmd send-keys -t t Enter; sleep 0.1; done
# A bad theme edit is asked again with the list as it was, not half applied.
expect_screen "none clears) [clarity]:"
tmux_cmd send-keys -t t -l -- '-clarity +bogus'	# -l: the text is not a tmux option
tmux_cmd send-keys -t t Enter
expect_screen "reject edit: unknown theme 'bogus' (see 'themes')"
tmux_cmd send-keys -t t '+structure' Enter
expect_screen "Phone screen: what went well?"
for i in 1 2 3; do tmux_cmd send-keys -t t Enter; sleep 0.1; done
expect_screen "Saved rejection 1: Acme, Staff engineer (phone-screen, $today).
Themes: clarity, structure."
expect_db "SELECT role, interviewer, feedback FROM rejection" "Staff engineer|Dana|Too long-winded."
expect_db "SELECT stage_id, ifnull(went_well, \"-\"), ifnull(do_better, \"-\") FROM reflection ORDER BY stage_id" "application|Clear CV|-
phone-screen|-|Slow down"
expect_db "SELECT theme_id FROM rejection_theme ORDER BY theme_id" "clarity
structure"
tmux_cmd send-keys -t t 'quit' Enter

finish
