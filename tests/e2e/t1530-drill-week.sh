# Drills that fit a week: the daily limits (new questions and reviews a day, new ones paused behind a
# backlog), the field (drill.banks, --bank given more than once), practice ahead of the schedule, and an
# older database whose SM-2 schedule is folded again by FSRS when it is opened.
. "$(dirname "$0")/lib.sh"

# answers N SCORE: N typed answers rated SCORE on every theme, for 'drill --think 0 --no-follow-ups'.
answers() { local i; for ((i = 0; i < $1; i++)); do printf 'An answer.\n\n%s %s %s %s\n\n' "$2" "$2" "$2" "$2"; done; }

# Added by flags: no field is asked, the one the role suggests is named.
run "$REBOUND" reject add --company Acme --role "Backend engineer" --themes structure,examples
expect_status 0
expect_out_has "Drills ask from every bank; 'config set drill.banks software-engineering,behavioural,closing' keeps them to the field of the role."
scheduled=$(db "SELECT COUNT(*) FROM review")
expect_true '[ "$scheduled" -gt 20 ]'

# --- The daily limits -----------------------------------------------------------------------------
run "$REBOUND" due
expect_status 0
expect_out_has "Today: 0 reviews and 8 new ($((scheduled - 8)) waiting); 'drill' asks them in this order:"
expect_true '[ "$(printf "%s\n" "$out" | grep -c " new$")" -eq 8 ]'
run "$REBOUND" config set drill.new_per_day 3
run "$REBOUND" due --all
expect_out_has "Today: 0 reviews and 3 new ($((scheduled - 3)) waiting)"
expect_out_has "Waiting past today's limits:"
# A drill asks today's list only, however many are asked for.
answers 5 1 >"$TMP/a1"
STDIN="$TMP/a1" run "$REBOUND" drill --count 5 --think 0 --no-follow-ups
expect_status 0
expect_out_has "Session 1: 3 questions."
run "$REBOUND" due
expect_out_has "Today: nothing left within the daily limits ($((scheduled - 3)) waiting).
Done today: 0 reviews and 3 new."
expect_out_has "'drill --ahead' practises the waiting ones now"
run "$REBOUND" drill
expect_status 0
expect_out "Today's list is done (0 reviews and 3 new); $((scheduled - 3)) more wait past the daily limits. 'drill --ahead' practises them now."

# The next day the three rated 1 (Again) are due again as reviews, before the new ones.
tick 86400
run "$REBOUND" due
expect_out_has "Today: 3 reviews and 3 new ($((scheduled - 6)) waiting)"
# More reviews due than a day's limit: new questions wait until the backlog is cleared.
run "$REBOUND" config set drill.reviews_per_day 2
run "$REBOUND" due
expect_out_has "Today: 2 reviews and 0 new ($((scheduled - 2)) waiting)"
expect_out_has "New questions wait while more reviews are due than drill.reviews_per_day (2)."
run "$REBOUND" config set drill.reviews_per_day 0
expect_status 1

# --- The field ------------------------------------------------------------------------------------
run "$REBOUND" config set drill.reviews_per_day 20
run "$REBOUND" due --all --bank behavioural --bank closing
expect_status 0
listed=$(printf '%s\n' "$out" | awk '/^  [a-z0-9-]+ +[a-z,-]+ +(new|due)/ {print $1}')
expect_true '[ -n "$listed" ]'
banks=$(for id in $listed; do db "SELECT bank FROM question WHERE id = '$id'"; done | sort -u | tr '\n' ' ')
expect_true '[ "$banks" = "behavioural closing " ]'
run "$REBOUND" due --bank nope
expect_status 1
expect_err_has "unknown bank 'nope'"
run "$REBOUND" config set drill.banks "sales-and-support, nope"
run "$REBOUND" due --all
expect_status 0
expect_err "rebound: warning: drill.banks names no bank 'nope'; it is left out ('banks' lists them)"
listed=$(printf '%s\n' "$out" | awk '/^  [a-z0-9-]+ +[a-z,-]+ +(new|due)/ {print $1}')
banks=$(for id in $listed; do db "SELECT bank FROM question WHERE id = '$id'"; done | sort -u | tr '\n' ' ')
expect_true '[ "$banks" = "sales-and-support " ]'
# A drill from another field asks nothing from this one.
answers 2 4 >"$TMP/a2"
STDIN="$TMP/a2" run "$REBOUND" drill --count 2 --think 0 --no-follow-ups
expect_status 0
expect_db "SELECT DISTINCT q.bank FROM answer a JOIN question q ON q.id = a.question_id WHERE a.session_id = 2" "sales-and-support"
run "$REBOUND" config set drill.banks all
run "$REBOUND" due
expect_err ""

# --- Practice ahead -------------------------------------------------------------------------------
# A new data dir: one question, rated 5 (Easy: due in 8 days); three days on nothing is due.
export REBOUND_HOME="$TMP/ahead"
pin_clock "$TODAY"T12:00
run "$REBOUND" reject add --company Initech --role Engineer --themes rapport
q=$(db "SELECT question_id FROM review ORDER BY question_id LIMIT 1")
db "DELETE FROM review WHERE question_id <> '$q'"
run "$REBOUND" config set drill.banks all
answers 1 5 >"$TMP/a3"
STDIN="$TMP/a3" run "$REBOUND" drill --count 1 --think 0 --no-follow-ups
due8=$(day 8)
expect_db "SELECT due_on, reviews FROM review" "$due8|1"
tick $((3 * 86400))
run "$REBOUND" drill
expect_out_has "Nothing is due today; the next question comes due on $due8 ($q). 'drill --ahead' practises ahead of the schedule"
STDIN="$TMP/a3" run "$REBOUND" drill --ahead --count 3 --think 0 --no-follow-ups
expect_status 0
expect_out_has "1 question ahead of its day: an early review moves the schedule less."
expect_out_has "Session 2: 1 question."
# FSRS moved it, less than a review on its day would have: stability 8.3 days became 34.6 (recall
# 95% three days in), where on its day (recall 90%) it would have become 65.6.
expect_db "SELECT reviews FROM review" 2
expect_db "SELECT printf('%.1f', stability) FROM review" 34.6
expect_true '[ "$(db "SELECT due_on FROM review")" \> "$due8" ]'

# --- An older database: its SM-2 rows are folded again by FSRS ---------------------------------
# This data dir made to look as version 9 left it: SM-2's ease and repetitions, no FSRS state.
cp "$REBOUND_HOME/rebound.db" "$TMP/v10.db"
db "ALTER TABLE review RENAME COLUMN streak TO repetitions;
ALTER TABLE review ADD COLUMN ease REAL NOT NULL DEFAULT 2.5;
ALTER TABLE review DROP COLUMN stability; ALTER TABLE review DROP COLUMN difficulty;
ALTER TABLE review DROP COLUMN reviews; ALTER TABLE review DROP COLUMN lapses;
ALTER TABLE review DROP COLUMN first_reviewed_on; ALTER TABLE review DROP COLUMN reviewed_on;
ALTER TABLE review DROP COLUMN retention; DROP TABLE prep;
ALTER TABLE recording DROP COLUMN speech_start_ms; ALTER TABLE recording DROP COLUMN speech_end_ms;
DROP TABLE spot;
UPDATE review SET due_on = '$(day 20)', interval_days = 17, repetitions = 2, ease = 2.6;
PRAGMA user_version = 9;"
run "$REBOUND" due
expect_status 0
expect_db "PRAGMA user_version" 12
expect_db "SELECT reviews, streak, due_on FROM review" "$(sqlite3 "$TMP/v10.db" "SELECT reviews, streak, due_on FROM review")"
finish
