# Whole interviews through stdin: the answers and ratings saved, 'sessions', 'session ID' and 'progress',
# the database rows, the summary against earlier sessions, discard, rate, and bad arguments.
. "$(dirname "$0")/lib.sh"
export REBOUND_SEED=1	# questions in a known order
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"

# Per question: Enter ends the think time, answer lines, an empty line submits, then a follow-up's
# answer if the question has one, then the scores (several on one line fill the themes in order), a note.
cat >"$TMP/first" <<'EOF_ANSWERS'

I led the migration.
It cut costs by 30%.

4 3
first note

Answer two.

Follow-up answer.

5


Three.

s

EOF_ANSWERS
STDIN="$TMP/first" run "$REBOUND" interview --bank practice --count 3
expect_status 0
expect_out_has "Session 1: 3 questions. Ctrl-C stops; every answer is saved as you go."
expect_out_has "Question 1 of 3  practice · difficulty 2 · structure, clarity
First question?
Think for up to 0:05. Press Enter to start answering, or just start typing.
Answer within 1:00. An empty line submits.
Saved answer 1 (0:00 of 1:00)."
expect_out_has "Follow-up: And then what happened?
Answer within 0:30. An empty line submits.
Saved answer 3 (0:00 of 0:30)."
expect_out_has "structure: Answer structure
  1  The answer starts in the middle"
expect_out_has "Session 1 finished.
Your ratings this session against your average before it:
  structure 4.0 (first rating)
  examples 5.0 (first rating)
  clarity 3.0 (first rating)"

# What was saved: one row per answer (the follow-up points at its question's answer), one per rating.
expect_db "SELECT status, planned_count, bank FROM session" "finished|3|practice"
expect_db "SELECT id, position, question_id, ifnull(follow_up_of, 0), mode, think_limit_seconds,
	answer_limit_seconds, overtime, stopped_by, ifnull(note, \"-\"), rated_at IS NOT NULL FROM answer" "1|1|q-one|0|typed|5|60|0|enter|first note|1
2|2|q-two|0|typed|5|60|0|enter|-|1
3|2|q-two|2|typed|0|30|0|enter|-|0
4|3|q-three|0|typed|5|60|0|enter|-|1"
expect_db "SELECT text FROM answer WHERE id = 1" "I led the migration.
It cut costs by 30%."
expect_db "SELECT answer_id, theme_id, score FROM rating ORDER BY answer_id, theme_id" "1|clarity|3
1|structure|4
2|examples|5"

run "$REBOUND" sessions
mask_times
expect_status 0
expect_out "   ID  STARTED           KIND       MODE    STATUS      ANSWERED  RATING  FROM
    1  DATE  interview  typed   finished         3/3     4.0  practice"

run "$REBOUND" session 1
mask_times
expect_status 0
expect_out "Session 1 · interview · finished
started DATE, ended DATE · 3 of 3 answered · average rating 4.0
filters: bank practice

1. q-one (answer 1)
   First question?
   think 0:00 of 0:05 · answer 0:00 of 1:00 · submitted
   > I led the migration.
   > It cut costs by 30%.
   evidence: situation no, task no, action yes, result yes · 1 number · 9 words
   rated: structure 4, clarity 3
   note: first note

2. q-two (answer 2)
   Second question?
   think 0:00 of 0:05 · answer 0:00 of 1:00 · submitted
   > Answer two.
   evidence: situation no, task no, action no, result no · 1 number · 2 words
   follow-up (answer 3): And then what happened?
   answer 0:00 of 0:30 · submitted
   > Follow-up answer.
   rated: examples 5

3. q-three (answer 4)
   Third question?
   think 0:00 of 0:05 · answer 0:00 of 1:00 · submitted
   > Three.
   evidence: situation no, task no, action no, result no · 1 number · 1 word
   rated: every theme skipped"

# A second session: the least recently asked questions come first, and the summary compares.
printf '\nBetter this time.\n\n5 4\n\n\nShort.\n\nFollow.\n\n3\n\n' >"$TMP/second"
STDIN="$TMP/second" run "$REBOUND" interview --bank practice --count 2
expect_status 0
expect_out_has "First question?"
expect_out_has "Second question?"
expect_true '! printf %s "$out" | grep -q "Third question?"'
expect_out_has "Your ratings this session against your average before it:
  structure 4.0 → 5.0, up 1.0
  examples 5.0 → 3.0, down 2.0
  clarity 3.0 → 4.0, up 1.0"

run "$REBOUND" progress
expect_status 0
expect_out "Progress per theme, all time (ratings 1-5, averaged per session):
THEME       TREND                 FIRST  LATEST  CHANGE  BEST       RATED
structure   ▆█                      4.0     5.0    +1.0  5.0 #2         2
  evidence  █▁                     100%      0%  of the answers held a result (1 of 2 in all)
examples    █▅                      5.0     3.0    -2.0  5.0 #1         2
  evidence  █▁                     100%      0%  of the answers held a number (1 of 2 in all)
clarity     ▅▆                      3.0     4.0    +1.0  4.0 #2         2

Streak: 1 day in a row (longest 1).
Totals: 2 sessions on 1 day, 5 answers (5 rated), 0:00 answering."

LC_ALL=C run "$REBOUND" progress --theme examples
expect_out_has "examples    #=                      5.0     3.0    -2.0  5.0 #1         2"
expect_true '! printf %s "$out" | grep -q structure'
run "$REBOUND" progress --last 1
expect_out_has "Progress per theme, last 1 session (ratings 1-5, averaged per session):"
expect_out_has "examples    ▅                       3.0     3.0    +0.0  3.0 #2         1"
expect_true '! printf %s "$out" | grep -q "#1"'
run "$REBOUND" progress --since 2999-01-01
expect_out "No sessions since 2999-01-01: 'interview' starts one."
run "$REBOUND" progress --since 2026-02-30
expect_status 2
expect_err "rebound: progress: --since takes a date as YYYY-MM-DD, not '2026-02-30'"

# rate: new scores replace the old ones, and progress follows.
printf '2 2\nredo\n' >"$TMP/rerate"
STDIN="$TMP/rerate" run "$REBOUND" rate 1
expect_status 0
expect_out_has "Rated: structure 4, clarity 3; note: first note"
expect_out_has "Saved the ratings of answer 1."
expect_db "SELECT theme_id, score FROM rating WHERE answer_id = 1 ORDER BY theme_id" "clarity|2
structure|2"
expect_db "SELECT score_sum, score_count FROM session_theme WHERE session_id = 1 AND theme_id = \"structure\"" "2|1"
run "$REBOUND" rate 3
expect_status 1
expect_err "rebound: rate: answer 3 is a follow-up; its ratings are on answer 2"
run "$REBOUND" rate 99
expect_status 1
run "$REBOUND" rate x
expect_status 2

# Input that ends early leaves the session unfinished; discard drops it from lists and progress.
printf '\nJust one line.\n' >"$TMP/short"
STDIN="$TMP/short" run "$REBOUND" interview --bank practice --count 2 --no-follow-ups
expect_status 1
expect_out_has "Stopped at question 1 of 2. Saved answers are kept: 'resume' continues session 3, 'discard' drops it."
run "$REBOUND" sessions
expect_out_has "interview  typed   unfinished       1/2       -"
run "$REBOUND" interview --count 1 --answers /nonexistent
expect_status 1
expect_out_has "Session 3 is unfinished: 'resume' continues it, 'discard' drops it."
expect_err "rebound: interview: cannot open '/nonexistent': No such file or directory"
run "$REBOUND" discard
expect_status 0
expect_out "Discarded session 3 (1 of 2 questions answered)."
run "$REBOUND" sessions
expect_true '! printf %s "$out" | grep -q discarded'
run "$REBOUND" sessions --all
expect_out_has "discarded"
run "$REBOUND" discard
expect_status 1
expect_err "rebound: discard: no unfinished session (see 'sessions')"
run "$REBOUND" resume 1
expect_status 1
expect_err "rebound: resume: session 1 is finished, not unfinished"

# Inside the shell reading a script, the lines after 'interview' are its answers, then commands go on.
printf 'interview --bank practice --count 1 --think 0 --no-follow-ups\nScripted in the shell.\n\n3 3\n\nsessions --last 1\n' >"$TMP/script"
STDIN="$TMP/script" run "$REBOUND"
expect_status 0
expect_out_has "Session 4 finished."
expect_out_has "    4  "
expect_db "SELECT text FROM answer WHERE session_id = 4" "Scripted in the shell."

# A stored answer from before stopped_by was recorded still shows; --since takes any four-digit year.
db "INSERT INTO answer (session_id, position, question_id, question_text, mode, think_limit_seconds,
	think_used_ms, answer_limit_seconds, answer_used_ms, answered_at) VALUES (4, 9, 'old', 'An old one?',
	'typed', 0, 0, 60, 1000, '2026-01-01T00:00:00Z')"
run "$REBOUND" session 4
expect_status 0
expect_out_has "9. old (answer"
run "$REBOUND" progress --since 0999-01-01
expect_out_has "Progress per theme, since 0999-01-01"

# Input that ends before the first answer keeps no empty session; a NUL byte in an answer is a space.
run "$REBOUND" interview --bank practice --count 1
expect_status 1
expect_out_has "Stopped before the first answer; session 5 is not kept."
expect_db "SELECT count(*) FROM session WHERE id = 5" 0
printf 'before\0after\n\n4 4\n\n' >"$TMP/nul"
STDIN="$TMP/nul" run "$REBOUND" interview --bank practice --count 1 --think 0 --no-follow-ups
expect_status 0
expect_db "SELECT text FROM answer ORDER BY id DESC LIMIT 1" "before after"

# Bad arguments.
run "$REBOUND" interview --count 0
expect_status 2
expect_err "rebound: interview: --count takes a whole number from 1 to 100, not '0'"
run "$REBOUND" interview --bank practise
expect_status 1
expect_err "rebound: unknown bank 'practise' (did you mean 'practice'?)"
run "$REBOUND" interview --bank practice --difficulty 5
expect_status 1
expect_err "rebound: interview: no questions match (see 'questions')"
run "$REBOUND" session 42
expect_status 1
expect_err "rebound: session: no session 42 (see 'sessions')"
expect_db "PRAGMA integrity_check" ok
finish
