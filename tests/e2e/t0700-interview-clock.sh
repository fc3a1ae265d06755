# The clock and cut-short sessions: an answer stopped by a 2-second limit keeps its partial text;
# kill -9 after the first answer keeps it and 'resume' goes on at question 2; SIGTERM and SIGHUP save
# what was typed and 'resume' asks for the missing ratings first. The database stays intact throughout.
. "$(dirname "$0")/lib.sh"
export REBOUND_SEED=1	# q-one, q-two, q-three in that order on a fresh data dir
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"

# wait_db SQL VALUE: polls the database for up to 30 s until the query prints VALUE.
wait_db() {
	local i
	for i in $(seq 300); do
		[ "$(db "$1" 2>/dev/null)" = "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

# --- Overtime: a line and a half typed, then nothing until the 2-second clock runs out.
rm -f "$TMP/fifo"
mkfifo "$TMP/fifo"
"$REBOUND" interview --bank practice --count 1 --think 0 --answer 2 --no-follow-ups <"$TMP/fifo" >"$TMP/.out" 2>"$TMP/.err" &
pid=$!
exec 3>"$TMP/fifo"
printf 'Partial line one\npartial two' >&3
wait_file "Time is up" "$TMP/.out"
printf '4 4\n\n' >&3
exec 3>&-
wait "$pid"
status=$?
out=$(cat "$TMP/.out")
expect_status 0
expect_out_has "Answer within 0:02. An empty line submits.
Time is up: the answer keeps what you typed.
Saved answer 1 (0:02 of 0:02, overtime)."
expect_db "SELECT text FROM answer WHERE id = 1" "Partial line one
partial two"
expect_db "SELECT overtime, stopped_by, answer_used_ms, answer_limit_seconds FROM answer WHERE id = 1" "1|limit|2000|2"
expect_db "SELECT count(*) FROM rating WHERE answer_id = 1" 2

# --- A plain countdown prints a line as it passes a milestone (every 30 s, and 10 s before the end).
rm -f "$TMP/fifo"
mkfifo "$TMP/fifo"
"$REBOUND" interview --bank practice --count 1 --think 0 --answer 11 --no-follow-ups <"$TMP/fifo" >"$TMP/.out" 2>"$TMP/.err" &
pid=$!
exec 3>"$TMP/fifo"
printf 'thinking aloud' >&3
wait_file "Answer within" "$TMP/.out"
wait_file "0:10 left" "$TMP/.out"
printf '\n\n4 4\n\n' >&3
exec 3>&-
wait "$pid"
out=$(cat "$TMP/.out")
expect_out_has "Answer within 0:11. An empty line submits.
0:10 left
Saved answer 2"

# --- Both clocks run out before any input arrives: an empty answer, not overtime (nothing was said past
# the clock), then the input ends (only
# once the rating prompt shows, however slowly a loaded machine got there).
rm -f "$TMP/fifo"
mkfifo "$TMP/fifo"
"$REBOUND" interview --bank practice --count 1 --think 1 --answer 1 --no-follow-ups <"$TMP/fifo" >"$TMP/.out" 2>"$TMP/.err" &
pid=$!
exec 3>"$TMP/fifo"
expect_true 'wait_file "Time is up" "$TMP/.out"'
exec 3>&-
wait "$pid"
status=$?
out=$(cat "$TMP/.out")
expect_status 1
expect_out_has "Time to answer."
expect_out_has "Time is up with nothing typed."
expect_true '! printf %s "$out" | grep -q "keeps what you typed"'
expect_db "SELECT quote(text), overtime, stopped_by FROM answer ORDER BY id DESC LIMIT 1" "''|0|limit"

# --- A signal at rate's note prompt keeps the earlier ratings and note. (SIGTERM: a background job
# ignores SIGINT, and rebound leaves ignored signals ignored.)
rm -f "$TMP/fifo"
mkfifo "$TMP/fifo"
"$REBOUND" rate 1 <"$TMP/fifo" >"$TMP/rate.out" 2>&1 &
pid=$!
exec 3>"$TMP/fifo"
printf '1 1\n' >&3
wait_file "note (Enter" "$TMP/rate.out"
kill -TERM "$pid"
wait "$pid"
status=$?
exec 3>&-
expect_status 1
expect_true 'grep -q "answer 1 keeps its earlier ratings and note" "$TMP/rate.out"'
expect_db "SELECT group_concat(score) FROM rating WHERE answer_id = 1" "4,4"

# --- A SIGHUP the parent chose to ignore (nohup) stays ignored.
rm -f "$TMP/fifo"
mkfifo "$TMP/fifo"
(trap '' HUP; exec "$REBOUND" interview --bank practice --count 1 --think 0 --no-follow-ups <"$TMP/fifo" >"$TMP/sig.out" 2>&1) &
pid=$!
exec 3>"$TMP/fifo"
printf 'still here' >&3
wait_file "Answer within" "$TMP/sig.out"
kill -HUP "$pid"
sleep 0.3
printf '\n\n3 3\n\n' >&3
exec 3>&-
wait "$pid"
status=$?
expect_status 0
expect_db "SELECT text, stopped_by FROM answer ORDER BY id DESC LIMIT 1" "still here|enter"

# --- kill -9 after the first answer of three: the answer is kept and resume continues at question 2.
rm -f "$REBOUND_HOME/rebound.db"* "$TMP/fifo"
mkfifo "$TMP/fifo"
"$REBOUND" interview --bank practice --count 3 --no-follow-ups <"$TMP/fifo" >"$TMP/crash.out" 2>&1 &
pid=$!
exec 3>"$TMP/fifo"
printf '\nAnswer one.\n\n4 3\nsaved before the crash\n' >&3
expect_true 'wait_db "SELECT count(*) FROM answer WHERE rated_at IS NOT NULL" 1'
expect_true 'wait_file "Second question?" "$TMP/crash.out"'
kill -9 "$pid"
wait "$pid" 2>/dev/null
exec 3>&-
expect_db "SELECT status FROM session" open
expect_db "SELECT position, question_id, text, note FROM answer" "1|q-one|Answer one.|saved before the crash"
expect_db "PRAGMA integrity_check" ok
printf '\nAnswer two.\n\n5\n\n\nAnswer three.\n\n3\n\n' >"$TMP/rest"
STDIN="$TMP/rest" run "$REBOUND" resume
expect_status 0
expect_out_has "Resuming session 1 at question 2 of 3."
expect_out_has "Question 2 of 3  practice"
expect_out_has "Session 1 finished."
expect_true '! printf %s "$out" | grep -q "First question?"'
expect_db "SELECT position, question_id FROM answer ORDER BY id" "1|q-one
2|q-two
3|q-three"
expect_db "SELECT status FROM session" finished
expect_db "PRAGMA integrity_check" ok

# --- SIGTERM and SIGHUP while an answer is being typed: what was typed is saved as cut short.
for sig in TERM HUP; do
	rm -f "$REBOUND_HOME/rebound.db"* "$TMP/fifo"
	mkfifo "$TMP/fifo"
	"$REBOUND" interview --bank practice --count 2 --no-follow-ups <"$TMP/fifo" >"$TMP/sig.out" 2>&1 &
	pid=$!
	exec 3>"$TMP/fifo"
	printf '\nhalf an ans' >&3
	for i in $(seq 50); do grep -q "Answer within" "$TMP/sig.out" && break; sleep 0.1; done
	sleep 0.3
	kill -s "$sig" "$pid"
	wait "$pid"
	status=$?
	exec 3>&-
	expect_status 1
	expect_true 'grep -q "Stopped at question 1 of 2" "$TMP/sig.out"'
	expect_db "SELECT text, stopped_by, rated_at IS NULL FROM answer" "half an ans|interrupt|1"
	expect_db "PRAGMA integrity_check" ok
done
# resume offers the answer that was cut short; kept as it is (k), it is rated first, then question 2 is asked.
printf 'k\n2 2\n\n\nSecond.\n\n4\n\n' >"$TMP/rest"
STDIN="$TMP/rest" run "$REBOUND" resume
expect_status 0
expect_out_has "Answer 1 was stopped at 0:00 of 1:00: First question?
  > half an ans
Go on from where it stopped (Enter), answer it again (a) or keep it as it is (k)?"
expect_out_has "(k)? 
Resuming session 1 at question 2 of 2."
expect_out_has "Resuming session 1 at question 2 of 2.

Question 1 was answered but not rated: First question?"
expect_db "SELECT answer_id, theme_id, score FROM rating ORDER BY answer_id, theme_id" "1|clarity|2
1|structure|2
2|examples|4"
finish
