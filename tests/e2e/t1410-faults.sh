# Faults: a database from a newer rebound, a damaged one, one locked by another program for longer than
# the busy timeout, a data dir rebound may not write, a file size limit (a full disk), the recordings
# folder deleted during a session, and a microphone whose sound ends early. Each gives one clear line on
# stderr and a failing exit status, leaves what was saved as it was, and never puts a half-written file
# where a good one was.
. "$(dirname "$0")/lib.sh"
require sqlite3 python3 cmp
export REBOUND_SEED=1
run "$REBOUND" bank import "$REBOUND_SOURCE/tests/e2e/data/practice.yaml"
printf 'A first answer\n\n3 3\n\n' >"$TMP/answer"
STDIN="$TMP/answer" run "$REBOUND" interview --bank practice --theme clarity --count 1 --think 0 --typed
expect_status 0
GOOD="$TMP/good"
cp -a "$REBOUND_HOME" "$GOOD"

# fresh NAME: a copy of the good data dir in $TMP/NAME, as REBOUND_HOME.
fresh() { rm -rf "$TMP/$1"; cp -a "$GOOD" "$TMP/$1"; export REBOUND_HOME="$TMP/$1"; }
one_line() { [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ]; }

# A newer schema: refused, the file untouched.
fresh newer
db "PRAGMA user_version = 99"
cp "$REBOUND_HOME/rebound.db" "$TMP/newer.db"
run "$REBOUND" sessions
expect_status 3
expect_err "rebound: '$REBOUND_HOME/rebound.db' was written by a newer rebound (schema version 99; this one knows up to 12)"
expect_true "cmp -s '$REBOUND_HOME/rebound.db' '$TMP/newer.db'"

# Damaged: random bytes over pages in the middle, and over the header.
fresh damaged
python3 -c "import random, sys; f = open(sys.argv[1], 'r+b'); f.seek(4096 * 3); random.seed(7);
f.write(bytes(random.randrange(256) for _ in range(4096 * 20)))" "$REBOUND_HOME/rebound.db"
cp "$REBOUND_HOME/rebound.db" "$TMP/damaged.db"
for command in sessions progress "interview --bank practice --count 1 --think 0 --typed"; do
	STDIN="$TMP/answer" run "$REBOUND" $command
	expect_status 3
	expect_err_has "is damaged (database disk image is malformed); rebound has not written to it, \"sqlite3 '$REBOUND_HOME/rebound.db' .recover | sqlite3 recovered.db\" may save what is left"
	expect_true one_line
done
expect_true "cmp -s '$REBOUND_HOME/rebound.db' '$TMP/damaged.db'"
fresh header
printf 'not a database at all' | dd of="$REBOUND_HOME/rebound.db" conv=notrunc 2>/dev/null
run "$REBOUND" progress
expect_status 3
expect_err_has "rebound: cannot open the database: '$REBOUND_HOME/rebound.db' is damaged (file is not a database);"

# Locked by another program for longer than the busy timeout (5 s): a clear line after it, nothing lost.
fresh locked
python3 - "$REBOUND_HOME/rebound.db" "$REBOUND" "$TMP/answer" >"$TMP/locked.out" <<'PY'
import sqlite3, subprocess, sys, time
holder = sqlite3.connect(sys.argv[1], isolation_level=None)
holder.execute("BEGIN EXCLUSIVE")
began = time.time()
run = subprocess.run([sys.argv[2], "interview", "--bank", "practice", "--count", "1", "--think", "0", "--typed"],
                     stdin=open(sys.argv[3]), capture_output=True, text=True)
print(run.returncode, round(time.time() - began))
print(run.stderr.strip())
holder.rollback()
PY
read -r code seconds <"$TMP/locked.out"
expect_true "[ '$code' = 3 ] && [ '$seconds' -ge 5 ] && [ '$seconds' -lt 60 ]" || cat "$TMP/locked.out"	# after the timeout
expect_true "[ \"\$(sed -n '2,\$p' '$TMP/locked.out')\" = \"rebound: cannot start a transaction: another program kept '$REBOUND_HOME/rebound.db' busy for 5 s (database is locked); is another rebound writing to it?\" ]"
expect_true "[ \"\$(db 'SELECT COUNT(*) FROM answer')\" = 1 ] && [ \"\$(db 'PRAGMA integrity_check')\" = ok ]"

# A data dir rebound may not write (checked as another user when the test runs as root, who may write
# anywhere): a clear line, nothing changed.
fresh readonly
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	chmod 755 "$TMP" "$REBOUND_HOME" "$HOME" "$REBOUND_HOME/questions"
	chmod 644 "$REBOUND_HOME"/rebound.db* "$REBOUND_HOME"/questions/*
	as_other() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
	chmod 500 "$REBOUND_HOME"
	chmod 400 "$REBOUND_HOME"/rebound.db*
	as_other() { "$@"; }
fi
cp "$REBOUND_HOME/rebound.db" "$TMP/readonly.db"
STDIN="$TMP/answer" run as_other env HOME="$HOME" REBOUND_HOME="$REBOUND_HOME" "$REBOUND" interview --bank practice \
	--count 1 --think 0 --typed
expect_status 3
expect_err_has "' is read-only here (a read-only data dir or file); reading works, saving does not"
expect_true one_line
expect_true "cmp -s '$REBOUND_HOME/rebound.db' '$TMP/readonly.db'"
chmod 700 "$TMP" "$REBOUND_HOME" "$HOME" "$REBOUND_HOME/questions"

# A full disk (a file size limit): the database refuses with the reason; a report too big to write
# leaves the old one whole.
fresh full
run "$REBOUND" reject add --company Big --role Writer --date 2026-11-01 --themes clarity \
	--feedback "$(head -c 120000 /dev/zero | tr '\0' 'x')"
run "$REBOUND" report
expect_status 0
expect_true "[ \"\$(stat -c %s '$REBOUND_HOME/report.html')\" -gt 120000 ]"
cp "$REBOUND_HOME/report.html" "$TMP/report.before"
(ulimit -f 100; exec "$REBOUND" report) >"$TMP/.out" 2>"$TMP/.err"
status=$? err=$(cat "$TMP/.err")
expect_status 3
expect_err_has "rebound: report: cannot write '$REBOUND_HOME/report.html': File too large"
expect_true "cmp -s '$REBOUND_HOME/report.html' '$TMP/report.before'"
expect_true "[ -z \"\$(find '$REBOUND_HOME' -name 'report.html.*')\" ]"	# no temporary file left
(ulimit -f 4; exec "$REBOUND" interview --bank practice --count 1 --think 0 --typed) <"$TMP/answer" \
	>"$TMP/.out" 2>"$TMP/.err"
status=$? err=$(cat "$TMP/.err")
expect_status 3
expect_err_has "(File too large)"
expect_true one_line
expect_true "[ \"\$(db 'SELECT COUNT(*) FROM answer')\" = 1 ] && [ \"\$(db 'PRAGMA integrity_check')\" = ok ]"

# The recordings folder deleted between two answers: made again, both answers recorded. The microphone's
# sound ends after a second of a 3-second answer: the answer is saved whole, a valid WAV that begins with
# what was heard (ALSA's file device then repeats stale samples; a real device would give silence).
fresh recordings
export ALSA_CONFIG_PATH="$REBOUND_SOURCE/tests/e2e/data/alsa-file.conf" FAKE_RATE=16000
export FAKE_MIC_RAW="$TMP/mic.raw" FAKE_SPK_RAW="$TMP/spk.raw"
"$REBOUND" config set audio.format wav >/dev/null	# the WAV as recorded is checked here; t0950 the FLAC
python3 -c "import random, struct, sys; random.seed(3);
sys.stdout.buffer.write(b''.join(struct.pack('<h', random.randrange(-8000, 8000)) for _ in range(16000)))" >"$FAKE_MIC_RAW"
mkfifo "$TMP/fifo"
"$REBOUND" interview --bank practice --count 2 --think 0 --answer 3 --spoken --no-follow-ups <"$TMP/fifo" \
	>"$TMP/spoken.out" 2>&1 &
exec 3>"$TMP/fifo"
for i in $(seq 100); do grep -q "Rate it" "$TMP/spoken.out" 2>/dev/null && break; sleep 0.1; done
rm -rf "$REBOUND_HOME/recordings"
printf '3 3\n\n3\n\n' >&3
exec 3>&-
wait $!
expect_true "[ \"\$(db 'SELECT COUNT(*) FROM recording')\" = 2 ]" || tail -5 "$TMP/spoken.out"
expect_true "[ -e '$REBOUND_HOME/recordings/s2-q2.wav' ] && [ \"\$(stat -c %a '$REBOUND_HOME/recordings')\" = 700 ]"
python3 - "$REBOUND_HOME/recordings/s2-q2.wav" "$FAKE_MIC_RAW" >"$TMP/wav.out" <<'PY'
import struct, sys, wave
w = wave.open(sys.argv[1])
frames = struct.unpack('<%dh' % w.getnframes(), w.readframes(w.getnframes()))
raw = open(sys.argv[2], 'rb').read()
source = struct.unpack('<%dh' % (len(raw) // 2), raw)
print(len(frames), frames[:len(source)] == source)
PY
expect_true "[ \"\$(cat '$TMP/wav.out')\" = '48000 True' ]" || cat "$TMP/wav.out"
finish
