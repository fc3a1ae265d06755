# A date to be ready by: 'prep add' records an interview; until its day 'due', 'drill' and the shell's
# greeting count down and make room for the weakest themes' questions (twice for the weakest); after
# it rebound asks how it went: a rejection logged with the interview's details, or an offer that
# 'progress' and the report count.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

answers() { local i; for ((i = 0; i < $1; i++)); do printf 'An answer.\n\n%s %s %s %s\n\n' "$2" "$2" "$2" "$2"; done; }

run "$REBOUND" config set drill.banks software-engineering,behavioural,closing
run "$REBOUND" reject add --company Acme --role "Backend engineer" --themes structure,examples --date -5
run "$REBOUND" prep
expect_out "No interview to prepare for: 'prep add --company C --date DAY [--stage S]' adds one."

# Wrong input: a day gone, a stage no one has, no company.
run "$REBOUND" prep add --company Initech --date -1
expect_status 1
expect_err "rebound: prep add: --date: -1 has passed; 'reject add' logs how it went"
run "$REBOUND" prep add --company Initech --date +3 --stage onsit
expect_status 1
expect_err_has "unknown stage 'onsit'"
run "$REBOUND" prep add --date +3
expect_status 2
run "$REBOUND" prep add --company Initech --date soon
expect_status 2
expect_err "rebound: prep add: --date: write YYYY-MM-DD, today, tomorrow or +N, not 'soon'"
expect_db "SELECT COUNT(*) FROM prep" 0

# Three days ahead: the two cited themes, three questions each, the weakest's twice.
run "$REBOUND" prep add --company Initech --role "Backend engineer" --date +3 --stage onsite
expect_status 0
expect_out_has "Added interview 1: Initech onsite on $(day 3)."
expect_out_has "Initech onsite in 3 days: 6 questions left.
Before it, practise (done/needed since it was set):"
expect_true 'printf "%s\n" "$out" | grep -Eq "^  [a-z]+ \(the weakest: twice each\): [a-z0-9-]+ 0/2 [a-z0-9-]+ 0/2 [a-z0-9-]+ 0/2$"'
weakest=$(printf '%s\n' "$out" | sed -n 's/^  \([a-z]*\) (the weakest.*/\1/p')
targets=$(printf '%s\n' "$out" | grep -E '^  [a-z]+( \(the weakest: twice each\))?:' | tr ' ' '\n' | grep -E '^[a-z0-9-]+$' | sort)
run "$REBOUND" due
expect_out_has "Initech onsite in 3 days: 6 questions left.
Today: 0 reviews and 8 new"
# Today's share leads the list: ceil(9 practices / 3 days) = 3 of the targets.
first3=$(printf '%s\n' "$out" | sed -n '3,5p' | awk '{print $1}' | sort)
expect_true '[ -z "$(comm -23 <(printf "%s\n" "$first3") <(printf "%s\n" "$targets"))" ]'

# The greeting in a terminal counts down too.
tmux_start "env REBOUND_HOME='$REBOUND_HOME' HOME='$HOME' REBOUND_NOW='$REBOUND_NOW' TERM=xterm '$REBOUND'"
expect_screen "Initech onsite in 3 days: 6 questions left."
tmux_cmd send-keys -t t 'quit' Enter
tmux_stop

# A drill of three practises them (the weakest theme's, once of twice); they count for the interview.
answers 3 4 >"$TMP/a1"
STDIN="$TMP/a1" run "$REBOUND" drill --count 3 --think 0 --no-follow-ups
expect_status 0
run "$REBOUND" prep
expect_out_has "Initech onsite in 3 days: 6 questions left."
expect_true '[ "$(printf "%s\n" "$out" | grep -o " 1/2" | wc -l)" -eq 3 ]'
# The next day: 6 practices over 2 days, 3 of them today (the other theme's, new and due).
tick 86400
run "$REBOUND" due
expect_out_has "Initech onsite in 2 days: 6 questions left."

# After the day: asked how it went, in 'due' and the greeting.
tick $((3 * 86400))
run "$REBOUND" due
expect_out_has "How did Initech onsite on $(day -1) go? 'prep done 1 offer', 'prep done 1 rejected' (logs the rejection) or 'prep done 1 withdrawn'."
run "$REBOUND" prep done 1 maybe
expect_status 2
expect_err "rebound: prep done: say how it went: offer, rejected or withdrawn"
run "$REBOUND" prep done 9 offer
expect_status 1
expect_err "rebound: prep done: no interview 9 (see 'prep')"
# Rejected: 'reject add' asked with the interview's company, role, day and stage as the defaults.
printf '\n\n\n\n\nThe panel wanted more depth.\n\n\n\n\n\n\n\n\n\n\n\n' >"$TMP/rejected"
STDIN="$TMP/rejected" run "$REBOUND" prep done 1 rejected
expect_status 0
expect_out_has "Company [Initech]:"
expect_out_has "Logged rejection 2: Initech, Backend engineer (onsite, $(day -1))."
expect_out_has "Interview 1 with Initech: rejected."
expect_db "SELECT outcome, rejection_id FROM prep WHERE id = 1" "rejected|2"
run "$REBOUND" due
case "$out" in *"How did"*) fail "asked again after the answer" ;; *) pass ;; esac

# An offer: a small win that progress and the report count.
run "$REBOUND" prep add --company Globex --date today --bank data --bank behavioural
expect_status 0
expect_out_has "2  $(day 0)  Globex, banks data,behavioural"
# The themes' questions of its banks joined the schedule (the field had no data questions).
expect_true '[ "$(db "SELECT COUNT(*) FROM review r JOIN question q ON q.id = r.question_id WHERE q.bank = '"'data'"'")" -gt 0 ]'
run "$REBOUND" due --all
listed=$(printf '%s\n' "$out" | awk '/^  [a-z0-9-]+ +[a-z,-]+ +(new|due)/ {print $1}')
banks=$(for id in $listed; do db "SELECT bank FROM question WHERE id = '$id'"; done | sort -u | tr '\n' ' ')
expect_true '[ "$banks" = "behavioural " ] || [ "$banks" = "behavioural data " ] || [ "$banks" = "data " ]'
run "$REBOUND" prep done 2 offer
expect_out "An offer from Globex: congratulations. 'progress' and the report count it."
run "$REBOUND" progress
expect_out_has "Offers: Globex ($(day 0))."
run "$REBOUND" report --out "$TMP/report.html"
expect_true 'grep -q "<dt>Offers</dt>" "$TMP/report.html"'
run "$REBOUND" prep rm 2
expect_out "Removed interview 2."
run "$REBOUND" prep rm 2
expect_status 1
finish
