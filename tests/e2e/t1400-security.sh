# Security: hostile text in every field goes into the database as text and comes back exactly (SQL only
# through bound parameters); names from banks cannot make paths outside the data dir; under a permissive
# umask the data dir is still 0700 and every file in it (and the settings file) 0600; and rebound opens
# no network socket, whatever it does (strace).
. "$(dirname "$0")/lib.sh"
require sqlite3 strace python3
umask 000
run "$REBOUND" bank import "$REBOUND_SOURCE/tests/e2e/data/practice.yaml"	# rebound makes the data dir
expect_status 0

# Text built to break SQL and shells: quotes, a statement, a comment, LIKE and FTS syntax, control bytes.
EVIL="Robert'); DROP TABLE session;-- \"x\" % _ * NEAR( \\0 %00 $(printf '\001\033[31m') end"
export REBOUND_SEED=1
printf '%s\n\n4 3\n%s\n\n' "$EVIL" "$EVIL" >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --theme clarity --count 1 --think 0 --typed
expect_status 0
run "$REBOUND" reject add --company "$EVIL" --role "$EVIL" --date 2026-11-01 --interviewer "$EVIL" \
	--feedback "$EVIL" --themes structure
expect_status 0
run "$REBOUND" plan add --theme structure "$EVIL"
expect_status 0
run "$REBOUND" search "$EVIL"
expect_status 0
run "$REBOUND" config set audio.input "$EVIL"
expect_status 1	# a control character: refused, not stored
run "$REBOUND" config set audio.input "Robert'); DROP TABLE x;-- \"mic\" #1"
expect_status 0
run "$REBOUND" config get audio.input
expect_out "Robert'); DROP TABLE x;-- \"mic\" #1"
run "$REBOUND" config unset audio.input

# Every field holds exactly what was typed, and every table is still there.
cat >"$TMP/fields.py" <<'PY'
import sqlite3, sys
db, evil = sqlite3.connect(sys.argv[1]), sys.argv[2]
want = {
    "SELECT text FROM answer WHERE id = 1": evil,
    "SELECT note FROM answer WHERE id = 1": evil,
    "SELECT company FROM rejection": evil,
    "SELECT role FROM rejection": evil,
    "SELECT interviewer FROM rejection": evil,
    "SELECT feedback FROM rejection": evil,
    "SELECT text FROM plan_action": evil,
}
bad = [q for q, v in want.items() if db.execute(q).fetchone()[0] != v]
tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
bad += ["table %s is gone" % t for t in ("session", "answer", "rating", "rejection", "plan_action") if t not in tables]
bad += [r[0] for r in db.execute("PRAGMA integrity_check") if r[0] != "ok"]
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
run python3 "$TMP/fields.py" "$REBOUND_HOME/rebound.db" "$EVIL"
expect_status 0
[ "$status" -eq 0 ] || echo "$out"

# Names from a bank cannot leave the data dir: a bank or question id with a path in it is refused.
printf 'bank: ../../escape\ntitle: x\nquestions:\n  - id: ok-id\n    text: A question?\n    themes: [clarity]\n' >"$TMP/bad-bank.yaml"
run "$REBOUND" bank import "$TMP/bad-bank.yaml"
expect_status 1
expect_err_has "bad-bank.yaml:1:7: error: invalid bank id '../../escape': use lowercase letters, digits and dashes"
expect_true "[ ! -e '$TMP/escape.yaml' ] && [ ! -e '$REBOUND_HOME/escape.yaml' ]"
printf 'bank: fine\ntitle: x\nquestions:\n  - id: ../../etc/q\n    text: A question?\n    themes: [clarity]\n' >"$TMP/bad-id.yaml"
run "$REBOUND" bank import "$TMP/bad-id.yaml"
expect_status 1
expect_true "[ ! -e '$REBOUND_HOME/questions/fine.yaml' ]"
run "$REBOUND" check "$TMP/bad-id.yaml"
expect_status 1
expect_err_has "bad-id.yaml:4:9: error: invalid question id '../../etc/q': use lowercase letters, digits and dashes"

# No network: no socket other than a local (AF_UNIX) one, in any process, for the commands that do the
# most (an interview, the report, export, search, the shell).
trace() { strace -f -qq -e trace=socket,connect,sendto -o "$TMP/strace.$1" "${@:2}" >/dev/null 2>&1 </dev/null; }
printf 'An answer\n\n3 3\n\n' >"$TMP/answer1"
strace -f -qq -e trace=socket,connect,sendto -o "$TMP/strace.interview" "$REBOUND" interview --bank practice \
	--theme clarity --count 1 --think 0 --typed <"$TMP/answer1" >/dev/null 2>&1
trace report "$REBOUND" report --out "$TMP/r.html"
trace export "$REBOUND" export --out "$TMP/e.json"
trace search "$REBOUND" search answer
trace progress "$REBOUND" progress
# A spoken answer too: PortAudio on ALSA's file device (it may talk to a local sound server, never further).
head -c 64000 /dev/zero >"$TMP/mic.raw"
printf '3 3\n\n' >"$TMP/answer2"
ALSA_CONFIG_PATH="$REBOUND_SOURCE/tests/e2e/data/alsa-file.conf" FAKE_RATE=16000 FAKE_MIC_RAW="$TMP/mic.raw" \
	FAKE_SPK_RAW="$TMP/spk.raw" strace -f -qq -e trace=socket,connect,sendto -o "$TMP/strace.spoken" \
	"$REBOUND" interview --bank practice --theme clarity --count 1 --think 0 --answer 2 --spoken <"$TMP/answer2" \
	>/dev/null 2>&1
expect_true "[ \"\$(db \"SELECT COUNT(*) FROM recording\")\" = 1 ]"
cat "$TMP"/strace.* >"$TMP/strace.all"
expect_true "[ \"\$(grep -c 'socket(' '$TMP/strace.all')\" = \"\$(grep -cE 'socket\\(AF_(UNIX|LOCAL),' '$TMP/strace.all')\" ]" ||
	grep 'socket(' "$TMP/strace.all" | grep -vE 'AF_(UNIX|LOCAL),'
expect_true "[ -s '$TMP/r.html' ] && [ -s '$TMP/e.json' ]"	# strace did run them
# Under umask 000: the data dir 0700, every file in it and the settings file 0600 (the database's
# journal files too), whatever made them.
run "$REBOUND" report
run "$REBOUND" export --format csv --out "$REBOUND_HOME/csv"
expect_true "[ -d '$HOME/.config/rebound' ]"	# the settings file was written, so it is checked too
loose=$(find "$REBOUND_HOME" "$HOME/.config/rebound" \( -type d -perm /077 \) -o \( -type f -perm /077 \) | sort)
expect_true "[ -z '$loose' ]" || echo "group or others can read: $loose"
expect_true "[ \"\$(stat -c %a '$REBOUND_HOME')\" = 700 ]"
expect_true "[ -e '$REBOUND_HOME/report.html' ] && [ -e '$REBOUND_HOME/recordings/s3-q1.flac' ] && [ -e '$REBOUND_HOME/questions/practice.yaml' ]"

finish
