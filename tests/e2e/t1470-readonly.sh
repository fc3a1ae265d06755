# A read-only data dir (a read-only mount, in a private mount namespace) still opens: sessions, progress,
# export and report --out work, so a user can always get their data out, and a command that would save
# says the data dir is read-only. A writer holding the database in the middle of a commit does not hold
# up readers: opening a current schema takes no write lock. Needs unshare (root); exits 77 elsewhere.
. "$(dirname "$0")/lib.sh"
require python3 sqlite3
unshare -m true 2>/dev/null || { echo "needs unshare -m (root)"; exit 77; }

export REBOUND_SEED=1
printf 'An answer\n\n3 3\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --count 1 --think 0 --typed --bank behavioural
expect_status 0
run "$REBOUND" reject add --company Acme --role Engineer --date 2026-11-01 --themes structure
expect_status 0
expect_true "[ ! -e '$REBOUND_HOME/rebound.db-shm' ]"	# closed cleanly: no -shm for a reader to use

cat >"$TMP/readonly.sh" <<'SH'
TMP=$1
mount --bind "$REBOUND_HOME" "$REBOUND_HOME" && mount -o remount,ro,bind "$REBOUND_HOME" || exit 9
for command in sessions progress "reject list" "export --out $TMP/out.json" "report --out $TMP/report.html"; do
	$REBOUND $command >/dev/null 2>"$TMP/err" || { echo "'$command' failed: $(cat "$TMP/err")"; exit 1; }
done
$REBOUND reject add --company Other --role Engineer --date 2026-11-02 >/dev/null 2>"$TMP/err"
echo "status $?"
cat "$TMP/err"
SH
run unshare -m bash "$TMP/readonly.sh" "$TMP"
expect_status 0
expect_out_has "status 3"
expect_out_has "rebound: cannot save a rejection: '$REBOUND_HOME/rebound.db' is read-only here"
expect_true "grep -q '\"company\": \"Acme\"' '$TMP/out.json' && [ -s '$TMP/report.html' ]"
expect_db "SELECT count(*) FROM rejection" 1

# A writer paused in the middle of a commit: readers go on at once (no 5 s wait, no error).
python3 - "$REBOUND_HOME/rebound.db" "$TMP/holding" "$TMP/release" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE rejection SET role = 'Held' WHERE id = 1")
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
	time.sleep(0.05)
db.execute("COMMIT")
PY
writer=$!
for i in $(seq 600); do [ -e "$TMP/holding" ] && break; sleep 0.05; done
expect_true "[ -e '$TMP/holding' ]"	# the writer holds its lock
started=$(date +%s%N)
run "$REBOUND" reject list
elapsed=$((($(date +%s%N) - started) / 1000000))
touch "$TMP/release"
wait "$writer"
expect_status 0
expect_out_has "Acme"
expect_true "[ $elapsed -lt 4000 ]"	# the busy timeout is 5 s: a reader that waited for the writer shows
finish
