# The interactive shell in a real terminal (tmux): prompt, completion of commands, question ids,
# option values and theme ids, Ctrl-C abandoning a line, history saved in the data dir, Ctrl-D leaving.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

tmux_start "env REBOUND_HOME='$REBOUND_HOME' TERM=xterm '$REBOUND'"
expect_screen "rebound>"	# capture-pane drops the prompt's trailing space
expect_screen "Type 'help' for commands"

tmux_cmd send-keys -t t 'sh' Tab
expect_screen "rebound> show"
tmux_cmd send-keys -t t 'tell-me-ab' Tab
expect_screen "rebound> show tell-me-about-yourself"
tmux_cmd send-keys -t t Enter
expect_screen "Tell me about yourself."

tmux_cmd send-keys -t t 'questions --theme cla' Tab
expect_screen "rebound> questions --theme clarity"
tmux_cmd send-keys -t t -- '--st' Tab
expect_screen "questions --theme clarity --stage"
tmux_cmd send-keys -t t 'fin' Tab Enter
expect_screen "rebound> questions --theme clarity --stage final"

# Ctrl-C drops the line being typed and gives a fresh prompt; the shell keeps running.
tmux_cmd send-keys -t t 'themes this-is-abandoned' C-c
sleep 0.3
tmux_cmd send-keys -t t 'themes confidence' Enter
expect_screen "Confidence and composure"
expect_true '! screen | grep -q "unknown theme .this-is-abandoned"'

# 'clear' clears the screen: the next prompt is on the first line, the earlier output is gone.
tmux_cmd send-keys -t t 'clear' Enter
wait_for_first() { for i in $(seq 50); do [ "$(screen | head -1)" = "rebound>" ] && return 0; sleep 0.1; done; return 1; }
expect_true 'wait_for_first'
expect_true '! screen | grep -q "Confidence and composure"'

tmux_cmd send-keys -t t C-d
for i in $(seq 50); do tmux_cmd has-session -t t 2>/dev/null || break; sleep 0.1; done
expect_true '! tmux_cmd has-session -t t 2>/dev/null'
expect_true 'grep -q "^show tell-me-about-yourself" "$REBOUND_HOME/history"'
expect_true 'grep -qx "themes confidence" "$REBOUND_HOME/history"'
expect_true '! grep -q abandoned "$REBOUND_HOME/history"'
expect_true '[ "$(stat -c %a "$REBOUND_HOME/history")" = 600 ]'

# History comes back in the next shell: Up recalls the last command. The first server may still be
# shutting down after its last session ended; a new one starts only once it is gone.
tmux_stop
tmux_start "env REBOUND_HOME='$REBOUND_HOME' TERM=xterm '$REBOUND'"
expect_screen "rebound>"
tmux_cmd send-keys -t t Up
expect_screen "rebound> clear"
tmux_cmd send-keys -t t Up
expect_screen "rebound> themes confidence"
tmux_cmd send-keys -t t C-u 'quit' Enter
for i in $(seq 50); do tmux_cmd has-session -t t 2>/dev/null || break; sleep 0.1; done
tmux_stop	# as above: the panes below need a server that is not shutting down

# On a terminal headings are bold; NO_COLOR turns every escape code off. The panes stay open (until the
# server is killed at the end) however long a loaded machine takes to show them.
esc=$(printf '\033')
tmux_cmd new-session -d -s c -x 120 -y 40 "env REBOUND_HOME='$REBOUND_HOME' TERM=xterm '$REBOUND' banks; sleep 600"
wait_for_pane() { for i in $(seq 200); do tmux_cmd capture-pane -p -t "$1" | grep -q "6 banks" && return 0; sleep 0.1; done; return 1; }
expect_true 'wait_for_pane c'
expect_true 'tmux_cmd capture-pane -p -e -t c | grep -q "${esc}\[1mBANK"'
tmux_cmd new-session -d -s n -x 120 -y 40 "env REBOUND_HOME='$REBOUND_HOME' TERM=xterm NO_COLOR=1 '$REBOUND' banks; sleep 600"
expect_true 'wait_for_pane n'
expect_true 'tmux_cmd capture-pane -p -t n | grep -q "^BANK"'
expect_true '! tmux_cmd capture-pane -p -e -t n | grep -q "$esc"'
finish
