# Bounded input: one typed answer holds at most 1 MiB. A longer one is refused whole with a message,
# the answers before it are kept and 'resume' asks its question again; a line is never cut into pieces
# or inside a character. A flood ends instead of running forever: 'yes' as the answers, /dev/zero as the
# answers file, and a run of lines that are not ratings. A signal stops a flood of buffered lines.
. "$(dirname "$0")/lib.sh"
require python3
export REBOUND_SEED=1

python3 - "$TMP/answers" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("first answer\n\n3 3 3\n\n")		# answer 1, its ratings and no note
    f.write("é" * 600000 + "\n\n")			# answer 2: 1.2 MB on one line
    f.write("3 3 3\n\n")
PY
STDIN="$TMP/answers" run "$REBOUND" interview --bank behavioural --theme teamwork --count 2 --think 0 --typed \
	--no-follow-ups
expect_status 1
expect_err_has "rebound: answer 2 is over 1 MiB, the most one answer may hold; it was not saved"
expect_out_has "Stopped at question 2 of 2. Saved answers are kept: 'resume' continues session 1"
expect_db "SELECT position, text FROM answer WHERE session_id = 1" "1|first answer"

# Just under the limit, in two-byte characters: stored byte for byte.
python3 -c 'import sys; sys.stdout.write("é" * 500000 + "\n\n3 3 3\n\n")' >"$TMP/long"
STDIN="$TMP/long" run "$REBOUND" resume 1
expect_status 0
expect_db "SELECT length(CAST(text AS BLOB)), length(text), instr(text, char(10)), text GLOB '*[^é]*'
	   FROM answer WHERE position = 2" "1000000|500000|0|0"

# Floods end: 'yes' as the answer, /dev/zero as the answers file (no newline ever), and 'yes' as ratings.
yes | "$REBOUND" interview --count 1 --think 0 --answer 600 --typed >"$TMP/out" 2>"$TMP/err"
status=$?
expect_status 1
expect_true "grep -q 'over 1 MiB' '$TMP/err'"
run timeout 30 "$REBOUND" interview --count 1 --think 0 --typed --answers /dev/zero
expect_status 1
expect_err_has "over 1 MiB"
{ printf 'An answer\n\n'; yes; } | timeout 30 "$REBOUND" interview --count 1 --think 0 --typed --no-follow-ups \
	>"$TMP/out" 2>"$TMP/err"
status=$?
expect_status 1
expect_true "grep -q 'rate: 3 lines in a row were not ratings; stopping' '$TMP/err'"
expect_true "[ \$(grep -c \"is not a rating\" '$TMP/out') -eq 3 ]"
finish
