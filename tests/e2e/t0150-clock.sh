# The one clock: REBOUND_NOW pins every date rebound shows and stamps (in C and in SQL alike), a malformed
# value is a one-line error with exit status 2, and a clock that was ahead for one session breaks no streak.
. "$(dirname "$0")/lib.sh"
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"

for bad in 2031-13-01T00:00Z 2031-06-15 tomorrow '2031-06-15T23:59:50+15:00' @12x; do
	REBOUND_NOW=$bad run "$REBOUND" banks
	expect_status 2
	expect_err "rebound: REBOUND_NOW: '$bad' is not a time like 2031-06-15T23:59:50Z, 2031-06-15T23:59:50+14:00, 2031-06-15T23:59 (local) or @1970000000"
	expect_out ""
done

# Ten seconds before midnight in Kiritimati (UTC+14): the local day is the 15th, the stored times are UTC.
TZ=Pacific/Kiritimati REBOUND_NOW=2031-06-15T23:59:50 run "$REBOUND" reject add --company Initech --role Engineer \
	--stage onsite --themes clarity
expect_status 0
expect_out_has "Logged rejection 1: Initech, Engineer (onsite, 2031-06-15)."
expect_db "SELECT rejected_on, created_at FROM rejection" "2031-06-15|2031-06-15T09:59:50Z"
printf '\nMy answer.\n\n4 4\n\n' >"$TMP/answer"
STDIN="$TMP/answer" TZ=Pacific/Kiritimati REBOUND_NOW=2031-06-15T23:59:59+14:00 run "$REBOUND" interview \
	--bank practice --count 1 --think 0 --no-follow-ups --typed
expect_status 0
expect_db "SELECT started_at, ended_at FROM session" "2031-06-15T09:59:59Z|2031-06-15T09:59:59Z"
expect_db "SELECT DISTINCT rated_at FROM rating" "2031-06-15T09:59:59Z"
TZ=Pacific/Kiritimati REBOUND_NOW=@1939283999 run "$REBOUND" sessions
expect_out_has "2031-06-15 23:59"

# A streak across a clock that was three days ahead for one session: it counts as today's once the
# clock is right again, so yesterday and today make two days in a row.
rm -rf "$REBOUND_HOME/rebound.db"*
today=$TODAY yesterday=$(day -1) ahead=$(day 3)
at "$yesterday" 20:00
STDIN="$TMP/answer" run "$REBOUND" interview --bank practice --count 1 --think 0 --no-follow-ups --typed
expect_status 0
at "$ahead" 09:00
STDIN="$TMP/answer" run "$REBOUND" interview --bank practice --count 1 --think 0 --no-follow-ups --typed
expect_status 0
at "$today" 10:00	# the clock is right again
run "$REBOUND" progress
expect_status 0
expect_out_has "Streak: 2 days in a row (longest 2)."
# The report's calendar shows it on today too, not past its end.
run "$REBOUND" report --out "$TMP/report.html"
expect_status 0
expect_true "grep -q 'data-day=\"$today\" data-value=\"1\"' '$TMP/report.html'"
expect_true "grep -q 'data-day=\"$yesterday\" data-value=\"1\"' '$TMP/report.html'"
finish
