# Two processes on one data dir: two shells answering interviews at once while a third writes reports,
# progress and exports over and over. No answer is lost, nothing reaches the user as "database is
# locked", every process succeeds, and the database passes its integrity check.
. "$(dirname "$0")/lib.sh"
require python3 sqlite3
# Two first runs at once on an empty data dir: both make the database, its schema and the catalog.
for i in 1 2 3; do
	fresh="$TMP/empty$i"
	REBOUND_HOME="$fresh" "$REBOUND" banks >"$TMP/first.a" 2>&1 &
	first=$!
	REBOUND_HOME="$fresh" "$REBOUND" questions --bank behavioural >"$TMP/first.b" 2>&1
	b=$?
	wait $first
	a=$?
	expect_true "[ $a = 0 ] && [ $b = 0 ]" || cat "$TMP/first.a" "$TMP/first.b"
	expect_true "[ \"\$(sqlite3 '$fresh/rebound.db' 'PRAGMA integrity_check')\" = ok ]"
done

run "$REBOUND" bank import "$REBOUND_SOURCE/tests/e2e/data/practice.yaml"
expect_status 0

cat >"$TMP/together.py" <<'PY'
import subprocess, sys, threading, time
rebound, out = sys.argv[1], sys.argv[2]
results = {}

def interviewer(name, sessions):
    # Three questions a session, no follow-ups: think line, answer, end, ratings, note.
    lines = []
    for q in range(3):
        lines += ["", "%s answers question %d" % (name, q + 1), "", "4 3", "note from %s" % name]
    codes, errors = [], []
    for s in range(sessions):
        proc = subprocess.Popen([rebound, "interview", "--bank", "practice", "--count", "3", "--no-follow-ups",
                                 "--typed", "--think", "5"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        for line in lines:
            time.sleep(0.01)
            proc.stdin.write(line.encode() + b"\n")
            proc.stdin.flush()
        out, err = proc.communicate(timeout=60)	# closes its input: the interview has had every line
        codes.append(proc.returncode)
        errors.append(err.decode())
    results[name] = (codes, errors)

def reader(name, rounds):
    codes, errors = [], []
    for r in range(rounds):
        for args in (["report", "--out", out + "/report.html"], ["progress"], ["export", "--out", out + "/export.json"],
                     ["sessions"]):
            proc = subprocess.run([rebound] + args, capture_output=True, timeout=60)
            codes.append(proc.returncode)
            errors.append(proc.stderr.decode())
    results[name] = (codes, errors)

threads = [threading.Thread(target=interviewer, args=("alice", 4)), threading.Thread(target=interviewer, args=("bob", 4)),
           threading.Thread(target=reader, args=("reader", 12))]
for t in threads:
    t.start()
for t in threads:
    t.join()
bad = 3 - len(results)	# a thread that died says so above
for name, (codes, errors) in sorted(results.items()):
    print("%s: %d runs, exit codes %s" % (name, len(codes), sorted(set(codes))))
    for code, err in zip(codes, errors):
        if code != 0 or err.strip():
            bad += 1
            print("  exit %d: %s" % (code, err.strip()[-300:]))
sys.exit(1 if bad else 0)
PY
run python3 "$TMP/together.py" "$REBOUND" "$TMP"
expect_status 0
echo "$out"
[ -z "$err" ] || echo "$err"	# a thread that died says why here
expect_true "[ \"\$(db \"SELECT COUNT(*) FROM answer WHERE text LIKE 'alice answers%'\")\" = 12 ]"
expect_true "[ \"\$(db \"SELECT COUNT(*) FROM answer WHERE text LIKE 'bob answers%'\")\" = 12 ]"
expect_true "[ \"\$(db \"SELECT COUNT(*) FROM rating\")\" -ge 24 ]"
expect_true "[ \"\$(db \"SELECT COUNT(*) FROM session WHERE status = 'finished'\")\" = 8 ]"
expect_true "[ \"\$(db 'PRAGMA integrity_check')\" = ok ]"
# The running totals kept by triggers agree with the rows they count.
expect_true "[ \"\$(db 'SELECT COUNT(*) FROM session s WHERE answer_count != (SELECT COUNT(*) FROM answer a
	WHERE a.session_id = s.id AND a.follow_up_of IS NULL)')\" = 0 ]"
finish
