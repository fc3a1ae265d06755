# An interview in a real terminal (tmux): the countdown redraws in place on the prompt line, the clock
# stops an answer and keeps the unfinished line (even mid-search), and Ctrl-C stops the interview but not
# the shell.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"

tmux_start "env REBOUND_HOME='$REBOUND_HOME' REBOUND_SEED=1 TERM=xterm '$REBOUND'"
expect_screen "rebound>"
tmux_cmd send-keys -t t 'interview --bank practice --count 1 --think 0 --answer 4 --no-follow-ups' Enter
expect_screen "Answer within 0:04. An empty line or Ctrl-D submits."
expect_screen "[0:03] >"
first=$(screen)
expect_screen "[0:02] >"
second=$(screen)
# In place: one prompt line on screen at a time, the same line with a new time, nothing else moved.
expect_true '[ "$(printf %s "$second" | grep -c "^\[0:0[0-9]\] >")" = 1 ]'
expect_true '[ "$(printf %s "$first" | grep -n "^\[0:0" | cut -d: -f1)" = "$(printf %s "$second" | grep -n "^\[0:0" | cut -d: -f1)" ]'
tmux_cmd send-keys -t t 'typed on a terminal'
expect_screen "Time is up: the answer keeps what you typed."
expect_screen "Saved answer 1 (0:04 of 0:04, overtime)."
expect_screen "structure 1-5 or s>"
tmux_cmd send-keys -t t '4 5' Enter
expect_screen "note (Enter for none)>"
tmux_cmd send-keys -t t 'from tmux' Enter
expect_screen "Session 1 finished."
expect_db "SELECT text, overtime, stopped_by, note FROM answer" "typed on a terminal|1|limit|from tmux"

# The clock running out in the middle of a history search (Ctrl-R) leaves no search behind for the ratings.
tmux_cmd send-keys -t t 'interview --bank practice --count 1 --think 0 --answer 4 --no-follow-ups' Enter
expect_screen "Session 2: 1 question."
tmux_cmd send-keys -t t 'hello'
expect_screen "] > hello"
tmux_cmd send-keys -t t C-r h
expect_screen "reverse-i-search"
expect_screen "examples 1-5 or s>"	# the least recently asked question comes next: q-two
tmux_cmd send-keys -t t '4' Enter
expect_screen "note (Enter for none)>"
tmux_cmd send-keys -t t Enter
expect_screen "Session 2 finished."
expect_db "SELECT group_concat(score) FROM rating JOIN answer ON answer.id = answer_id WHERE session_id = 2" 4
expect_db "SELECT text, stopped_by FROM answer WHERE session_id = 2" "hello|limit"

# Ctrl-C during an answer: the typed text is saved as cut short, the shell stays.
tmux_cmd send-keys -t t 'interview --bank practice --count 2 --think 0 --answer 60 --no-follow-ups' Enter
expect_screen "Session 3: 2 questions."
expect_screen "[1:00] >"
tmux_cmd send-keys -t t 'stopped halfway'
expect_screen "] > stopped halfway"	# read by readline: the terminal drops unread input on Ctrl-C
tmux_cmd send-keys -t t C-c
expect_screen "Stopped at question 1 of 2."
tmux_cmd send-keys -t t 'sessions' Enter
expect_screen "interview  typed   unfinished       1/2       -  practice"
expect_db "SELECT text, stopped_by FROM answer WHERE session_id = 3" "stopped halfway|interrupt"

# 'resume' offers to go on from the interrupted answer: its text shown, the clock where it stopped; the
# answer that comes of it replaces the interrupted one.
tmux_cmd send-keys -t t 'resume' Enter
expect_screen "  > stopped halfway"
expect_screen "Go on from where it stopped (Enter), answer it again (a) or keep it as it is (k)?"
expect_true 'screen | grep -q "^Answer 1 was stopped at 0:0[0-9] of 1:00: "'
tmux_cmd send-keys -t t Enter
expect_screen "Type on; an empty line or Ctrl-D submits."
expect_true 'screen | grep -q "^Going on from 0:0[0-9] of 1:00, with 0:5[0-9] left. What you typed:"'
tmux_cmd send-keys -t t 'and then finished' Enter Enter
expect_screen "Saved answer"
expect_db "SELECT position, text, stopped_by, answer_used_ms < 60000 FROM answer WHERE session_id = 3" "1|stopped halfway
and then finished|enter|1"
tmux_cmd send-keys -t t '3 3' Enter
expect_screen "note (Enter for none)>"
tmux_cmd send-keys -t t Enter
# The second question, stopped again: answered afresh this time ('a'), and then kept ('k') once more.
expect_screen "Question 2 of 2"
expect_screen "[1:00] >"
tmux_cmd send-keys -t t 'a poor start'
expect_screen "] > a poor start"
tmux_cmd send-keys -t t C-c
expect_screen "Stopped at question 2 of 2."
tmux_cmd send-keys -t t 'resume' Enter
expect_screen "answer it again (a) or keep it as it is (k)?"
tmux_cmd send-keys -t t 'a' Enter
expect_screen "] >"
expect_true '! screen | grep -q "Going on from"'
tmux_cmd send-keys -t t 'a better one' Enter Enter
expect_screen "1-5 or s>"
tmux_cmd send-keys -t t '4 4' Enter
expect_screen "note (Enter for none)>"
tmux_cmd send-keys -t t Enter
expect_screen "Session 3 finished."
expect_db "SELECT position, text, stopped_by FROM answer WHERE session_id = 3 ORDER BY position" "1|stopped halfway
and then finished|enter
2|a better one|enter"
expect_db "SELECT COUNT(*) FROM answer_words WHERE rowid NOT IN (SELECT id FROM answer)" 0
tmux_cmd send-keys -t t C-d
finish
