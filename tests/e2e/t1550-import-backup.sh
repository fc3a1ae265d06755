# Data that can leave and come back: a history of every kind (typed and spoken answers with a transcript,
# ratings, a rejection with themes and reflections, the plan, the drill schedule, an interview to prepare,
# settings) exported, imported into an empty data dir and exported again gives the same file byte for
# byte; import refuses a data dir that holds practice, a hostile recording path and a broken file,
# importing nothing; 'backup' taken while two interviews write is whole and agrees row for row.
. "$(dirname "$0")/lib.sh"
require python3 sqlite3
spoken_setup

# --- A history of every kind -----------------------------------------------------------------------
run "$REBOUND" reject add --company Acme --role "Backend engineer" --stage onsite \
	--feedback "Your answers were long-winded and lacked examples." --well "Good rapport" --better "Be brief"
expect_status 0
run "$REBOUND" config set drill.new_per_day 5
expect_status 0
printf 'First, I led the migration: we cut costs by 30%%.\n\n4 3\nfelt fine\n' >"$TMP/typed"
STDIN="$TMP/typed" run "$REBOUND" interview --bank practice --count 1 --think 0 --no-follow-ups --typed
expect_status 0
printf '3 4\n\n' >"$TMP/spoken"
STDIN="$TMP/spoken" run "$REBOUND" interview --bank practice --count 1 --think 0 --answer 5 --spoken --no-follow-ups
expect_status 0
run "$REBOUND" plan add --yes
expect_status 0
run "$REBOUND" prep add --company Initech --date +5 --stage onsite
expect_status 0
printf 'It went well.\n\n4 4 4 4\n\n' >"$TMP/drill"
STDIN="$TMP/drill" run "$REBOUND" drill --count 1 --think 0 --no-follow-ups --typed
expect_status 0
# Text that a YAML reader would not keep as it is: a line separator, a C1 control, a byte-order mark.
db "UPDATE answer SET note = 'a' || char(8232) || 'b' || char(133) || 'c' || char(65279) WHERE id = 1"

run "$REBOUND" export --out "$TMP/a.json"
expect_status 0
expect_out_has ", 1 rejection and "
expect_out_has "rows of the rest (the plan, reflections, drill schedule, recordings, transcripts, settings...)"
expect_true 'grep -q "\"version\": 2" "$TMP/a.json"'
for table in plan reflections reviews recordings evidence rejection_themes preps settings session_questions; do
	expect_true "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d[\"$table\"] else 1)' '$TMP/a.json'"
done
expect_true 'grep -q "\"key\": \"drill.new_per_day\", \"value\": \"5\"" "$TMP/a.json"'

# --- Into an empty data dir on another "machine", and out again: the same bytes ---------------------
other_home="$TMP/other-home" other_data="$TMP/other-data"
mkdir -p "$other_home"
HOME="$other_home" REBOUND_HOME="$other_data" run "$REBOUND" import "$TMP/a.json"
expect_status 0
expect_out_has "Restored 3 sessions, 3 answers, 5 ratings and 1 rejection from $TMP/a.json"
expect_out_has "1 setting taken."
expect_out_has "1 recording is named: an export holds no sound"
HOME="$other_home" REBOUND_HOME="$other_data" run "$REBOUND" export --out "$TMP/b.json"
expect_status 0
expect_true 'cmp "$TMP/a.json" "$TMP/b.json"'
expect_true 'grep -q "new_per_day: 5" "$other_home/.config/rebound/config.yaml"'
# What the store counts for itself came back the same, and search finds the restored answers.
expect_true '[ "$(sqlite3 "$other_data/rebound.db" "SELECT group_concat(answer_count || rated_count || answer_ms) FROM session")" = "$(db "SELECT group_concat(answer_count || rated_count || answer_ms) FROM session")" ]'
HOME="$other_home" REBOUND_HOME="$other_data" run "$REBOUND" search migration
expect_out_has "we cut costs"
expect_true '[ "$(sqlite3 "$other_data/rebound.db" "PRAGMA integrity_check")" = ok ]'

# --- Refused, and nothing imported ---------------------------------------------------------------
HOME="$other_home" REBOUND_HOME="$other_data" run "$REBOUND" import "$TMP/a.json"
expect_status 1
expect_err_has "already holds practice (3 sessions, 1 rejection, 2 plan actions, 1 interview to prepare"
expect_err_has "nothing was imported"
python3 - "$TMP/a.json" "$TMP/hostile.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["recordings"][0]["path"] = "../../../etc/passwd"
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
fresh="$TMP/fresh"
REBOUND_HOME="$fresh" run "$REBOUND" import "$TMP/hostile.json"
expect_status 1
expect_err_has "a recording's path must be a file in the recordings folder, not '../../../etc/passwd'; nothing was imported"
expect_true 'printf %s "$err" | grep -q "hostile.json:[0-9]*:[0-9]*: error: recordings row 1"'
expect_true '[ "$(sqlite3 "$fresh/rebound.db" "SELECT COUNT(*) FROM session")" = 0 ]'
head -c 300 "$TMP/a.json" >"$TMP/cut.json"
REBOUND_HOME="$fresh" run "$REBOUND" import "$TMP/cut.json"
expect_status 1
expect_true 'printf %s "$err" | grep -Eq "^rebound: import: .*cut.json:[0-9]+:[0-9]+: error: "'
printf '{"format": "rebound-export", "version": 9, "sessions": []}' >"$TMP/future.json"
REBOUND_HOME="$fresh" run "$REBOUND" import "$TMP/future.json"
expect_status 1
expect_err_has "future.json:1:41: error: version '9': this rebound reads exports of version 1 to 2"
mkfifo "$TMP/fifo.json"
REBOUND_HOME="$fresh" run "$REBOUND" import "$TMP/fifo.json"
expect_status 1
expect_err_has "fifo.json"
expect_true '[ "$(sqlite3 "$fresh/rebound.db" "SELECT COUNT(*) FROM session")" = 0 ]'

# --- backup: whole, with the recordings on request ------------------------------------------------
run "$REBOUND" backup "$TMP/copy.db"
expect_status 0
expect_out_has "Backed up 3 sessions, 3 answers and 1 rejection to $TMP/copy.db"
expect_out_has "It names 1 recording, which stays in the data dir"
expect_true '[ "$(stat -c %a "$TMP/copy.db")" = 600 ] && [ ! -e "$TMP/copy.db-wal" ]'
expect_true '[ "$(sqlite3 "$TMP/copy.db" "PRAGMA integrity_check")" = ok ]'
run "$REBOUND" backup --recordings "$TMP/full"
expect_status 0
expect_out_has "With 1 of its 1 recordings"
rec=$(db "SELECT path FROM recording")
expect_true 'cmp "$REBOUND_HOME/$rec" "$TMP/full/$rec"'
run "$REBOUND" backup "$REBOUND_HOME/rebound.db"
expect_status 3
expect_err_has "is the database itself"
run "$REBOUND" backup --recordings "$TMP/full"
expect_status 3
expect_err_has "is not empty"

# --- backup while two interviews write: each copy is one moment's database --------------------------
cat >"$TMP/busy.py" <<'PY'
import subprocess, sys, threading, time, sqlite3
rebound, tmp = sys.argv[1], sys.argv[2]
failures = []

def interviewer(name):
    lines = []
    for q in range(3):
        lines += ["%s answers question %d" % (name, q + 1), "", "4 3", ""]
    for s in range(3):
        proc = subprocess.Popen([rebound, "interview", "--bank", "practice", "--count", "3", "--no-follow-ups",
                                 "--typed", "--think", "0"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        for line in lines:
            time.sleep(0.02)
            proc.stdin.write(line.encode() + b"\n")
            proc.stdin.flush()
        out, err = proc.communicate(timeout=60)
        if proc.returncode != 0:
            failures.append("%s: exit %d: %s" % (name, proc.returncode, err.decode()[-300:]))

def backups():
    for i in range(6):
        proc = subprocess.run([rebound, "backup", "%s/busy-%d.db" % (tmp, i)], capture_output=True, timeout=60)
        if proc.returncode != 0:
            failures.append("backup %d: exit %d: %s" % (i, proc.returncode, proc.stderr.decode()[-300:]))
        time.sleep(0.1)

threads = [threading.Thread(target=interviewer, args=(n,)) for n in ("alice", "bob")] + [threading.Thread(target=backups)]
for t in threads:
    t.start()
for t in threads:
    t.join()
live = sqlite3.connect(tmp + "/data/rebound.db")
for i in range(6):
    copy = sqlite3.connect("%s/busy-%d.db" % (tmp, i))
    if copy.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        failures.append("backup %d fails its integrity check" % i)
    # One moment's database: the counts its triggers keep agree with its own rows...
    if copy.execute("SELECT COUNT(*) FROM session s WHERE answer_count != (SELECT COUNT(*) FROM answer a"
                    " WHERE a.session_id = s.id AND a.follow_up_of IS NULL)").fetchone()[0]:
        failures.append("backup %d: a session's count disagrees with its answers" % i)
    # ...and every answer it holds is the live database's, row for row.
    for row in copy.execute("SELECT id, session_id, position, question_id, text, answered_at FROM answer"):
        if live.execute("SELECT id, session_id, position, question_id, text, answered_at FROM answer WHERE id = ?",
                        (row[0],)).fetchone() != row:
            failures.append("backup %d: answer %d differs from the live one" % (i, row[0]))
    for row in copy.execute("SELECT answer_id, theme_id, score FROM rating"):
        if live.execute("SELECT answer_id, theme_id, score FROM rating WHERE answer_id = ? AND theme_id = ?",
                        (row[0], row[1])).fetchone() != row:
            failures.append("backup %d: a rating differs" % i)
counts = [sqlite3.connect("%s/busy-%d.db" % (tmp, i)).execute("SELECT COUNT(*) FROM answer").fetchone()[0]
          for i in range(6)]
print("answers in the copies:", counts)
print("\n".join(failures))
sys.exit(1 if failures else 0)
PY
run python3 "$TMP/busy.py" "$REBOUND" "$TMP"
expect_status 0
echo "$out"
expect_true "[ \"\$(db \"SELECT COUNT(*) FROM answer WHERE text LIKE '% answers question %'\")\" = 18 ]"
finish
