# A narrow terminal (tmux, 50 columns): text folds at word boundaries under its own indent, tables fold
# their last column or take two lines a row, no line runs past the edge, and no word is cut; the same
# commands into a pipe keep one record per line.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
require python3
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
export REBOUND_SEED=1
for i in 1 2; do
	printf 'An answer with 3 numbers.\n\n4 3\n\n' >"$TMP/answer"
	STDIN="$TMP/answer" run "$REBOUND" interview --bank practice --count 1 --think 0 --no-follow-ups --typed
done

tmux_cmd new-session -d -s t -x 50 -y 200 "env REBOUND_HOME='$REBOUND_HOME' HOME='$HOME' TERM=xterm '$REBOUND'"
expect_screen "rebound>"
# words A B: the words of the screen from the line after the command A to the next prompt, against B's.
words_match() {
	screen | python3 -c '
import sys
lines = sys.stdin.read().split("\n")
start = max(i for i, l in enumerate(lines) if l.startswith("rebound> " + sys.argv[1]))
end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("rebound>"))
got = " ".join(lines[start + 1:end]).split()
want = open(sys.argv[2]).read().split()
long = [l for l in lines if len(l) > 50]
sys.exit(0 if got == want and not long else 1)' "$1" "$2"
}
for command in "themes confidence" "questions --bank practice" "help plan"; do
	$REBOUND $command >"$TMP/piped" 2>&1
	tmux_cmd send-keys -t t "clear" Enter "$command" Enter
	expect_screen "rebound> $command"

	for i in $(seq 50); do words_match "$command" "$TMP/piped" && break; sleep 0.1; done
	expect_true 'words_match "$command" "$TMP/piped"' || screen
done
# The rubric folds under its text, not under the score.
tmux_cmd send-keys -t t "clear" Enter "themes confidence" Enter
expect_screen "  1  Visibly flustered, apologises for answers,
     undersells their work or freezes when"
# progress takes two lines a theme where its table would not fit; a pipe still gets the table.
tmux_cmd send-keys -t t "clear" Enter "progress" Enter
expect_screen "  first 4.0, latest 4.0 (+0.0), best 4.0 #"
run "$REBOUND" progress
expect_out_has "THEME       TREND"
# Into a pipe a question stays on one line, however long.
run "$REBOUND" questions
expect_true '[ "$(printf "%s\n" "$out" | wc -l)" = "$(db "SELECT COUNT(*) FROM question WHERE retired = 0")" ]'
expect_true '[ "$(printf "%s\n" "$out" | awk "length > 120" | wc -l)" -gt 0 ]'
tmux_cmd send-keys -t t 'quit' Enter
finish
