# Crash safety: 60 runs killed with SIGKILL at random moments: thinking, typing an answer, recording one
# (PortAudio on ALSA's file device), rating, and writing the report; then 24 killed by strace exactly at a
# random write, sync or rename (inside a commit, a WAV header update, the report's write or its rename). After each kill the database passes
# PRAGMA integrity_check, every answer rebound said it saved is there and nothing saved before is gone,
# every WAV opens, the report is the old one or a whole new one, and 'resume' finishes the session.
. "$(dirname "$0")/lib.sh"
require python3 sqlite3 strace
export REBOUND_SEED=1 ALSA_CONFIG_PATH="$REBOUND_SOURCE/tests/e2e/data/alsa-file.conf" FAKE_RATE=16000
export FAKE_MIC_RAW="$TMP/mic.raw" FAKE_SPK_RAW="$TMP/spk.raw"
python3 -c "import random, struct, sys; random.seed(5);
sys.stdout.buffer.write(b''.join(struct.pack('<h', random.randrange(-9000, 9000)) for _ in range(16000 * 4)))" >"$FAKE_MIC_RAW"
run "$REBOUND" bank import "$REBOUND_SOURCE/tests/e2e/data/practice.yaml"
expect_status 0
run "$REBOUND" audio set transcripts off	# the recogniser is t0930's; here only the recording matters
run "$REBOUND" report
expect_status 0

cat >"$TMP/crash.py" <<'PY'
import os, random, signal, sqlite3, subprocess, sys, time, wave
rebound, home, runs, injections = sys.argv[1], os.environ["REBOUND_HOME"], int(sys.argv[2]), int(sys.argv[3])
seed = int(os.environ.get("CRASH_SEED", "20261122"))
rng = random.Random(seed)
db_path = os.path.join(home, "rebound.db")
failures = []

def answers(db):
    return {row[0]: row[1:] for row in db.execute("SELECT id, session_id, text FROM answer")}

# Feeds lines with pauses (so that the kill can land while rebound waits for one, or works between).
def feed(proc, lines, pause):
    for line in lines:
        time.sleep(pause)
        try:
            proc.stdin.write(line.encode() + b"\n")
            proc.stdin.flush()
        except (BrokenPipeError, OSError):
            return

def interview(kind):
    args = [rebound, "interview", "--bank", "practice", "--count", "2", "--no-follow-ups"]
    if kind == "spoken":
        args += ["--spoken", "--think", "0", "--answer", "4"]
        lines = ["3 4", "spoken note", "4", ""]
    else:
        args += ["--typed", "--think", "5", "--answer", "60"]
        lines = ["", "Typed answer line one", "line two", "", "3 4", "a note", "", "Second answer", "", "4", ""]
    return args, lines

def check(run, kind, before):
    db = sqlite3.connect(db_path)
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        failures.append("run %d (%s): integrity_check fails" % (run, kind))
    now = answers(db)
    lost = [a for a in before if a not in now or now[a] != before[a]]
    if lost:
        failures.append("run %d (%s): answers saved earlier are gone or changed: %s" % (run, kind, lost))
    folder = os.path.join(home, "recordings")
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        if not name.endswith(".wav"):
            continue	# a recording killed before its header was written is left under a temporary name
        path = os.path.join(folder, name)
        try:	# the header's frame count must match the data that is there
            w = wave.open(path)
            frames = w.getnframes()
            if len(w.readframes(frames)) != frames * w.getsampwidth() * w.getnchannels():
                failures.append("run %d (%s): %s holds fewer frames than its header says" % (run, kind, name))
        except Exception as e:
            failures.append("run %d (%s): %s does not open: %s" % (run, kind, name, e))
    for (path,) in db.execute("SELECT path FROM recording"):
        if not os.path.exists(os.path.join(home, path)):
            failures.append("run %d (%s): the database names %s, which is not there" % (run, kind, path))
    report = open(os.path.join(home, "report.html"), "rb").read()
    if not report.endswith(b"</html>\n"):
        failures.append("run %d (%s): report.html is not whole" % (run, kind))
    db.close()
    return now

def saved_ids(output):
    return [int(line.split()[2]) for line in output.decode(errors="replace").splitlines()
            if line.startswith("Saved answer ")]

# "s" then an empty line, over and over, finishes any session from any point: it skips a rating, or is
# an answer ended by the empty line, or a note; an empty line ends thinking and is asked again at a rating.
def resume(run):
    out = subprocess.run([rebound, "resume"], input=b"s\n\n" * 40, capture_output=True, timeout=120)
    if out.returncode not in (0, 1) or (out.returncode == 1 and b"no unfinished session" not in out.stderr):
        failures.append("run %d: resume failed (%d): %s" % (run, out.returncode, out.stderr.decode()[-300:]))
    if b"Cannot record" in out.stdout:
        failures.append("run %d: resume could not record" % run)
    left = sqlite3.connect(db_path).execute("SELECT COUNT(*) FROM session WHERE status = 'open'").fetchone()[0]
    if left:
        failures.append("run %d: %d sessions are still unfinished after resume" % (run, left))

kinds = ["think", "typing", "spoken", "rating", "report"]
killed = {k: 0 for k in kinds}
for run in range(runs):
    kind = kinds[run % len(kinds)]
    before = answers(sqlite3.connect(db_path))
    if kind == "report":
        # A report takes a few tens of ms: the kill lands inside the time the last whole one took here,
        # so that a loaded (or a faster) machine still cuts most of them short.
        began = time.time()
        subprocess.run([rebound, "report"], capture_output=True)
        took = time.time() - began
        proc = subprocess.Popen([rebound, "report"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.1, 0.7) * took)
    else:
        args, lines = interview("spoken" if kind == "spoken" else "typed")
        proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        delay = {"think": (0.0, 0.3), "typing": (0.3, 0.9), "spoken": (0.05, 0.6), "rating": (0.35, 1.05)}[kind]
        kill_at = time.time() + rng.uniform(*delay)
        pause = 0.1 if kind != "spoken" else 0.15
        for line in lines:
            if time.time() >= kill_at:
                break
            time.sleep(min(pause, max(0, kill_at - time.time())))
            if time.time() >= kill_at:
                break
            try:
                proc.stdin.write(line.encode() + b"\n")
                proc.stdin.flush()
            except (BrokenPipeError, OSError):
                break
        time.sleep(max(0, kill_at - time.time()))
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        killed[kind] += 1
    output, _ = proc.communicate()
    now = check(run, kind, before)
    missing = [i for i in saved_ids(output) if i not in now]
    if missing:
        failures.append("run %d (%s): said it saved answers %s, which are not there" % (run, kind, missing))
    resume(run)
    check(run, kind + " after resume", now)

# Then kills that land exactly inside a write: strace sends SIGKILL at the Nth write, pwrite, sync or
# rename (the database's commits, the WAV's header, the report's temporary file and its rename).
injected = {"interview": 0, "report": 0}
typed = b"\nAn answer written in one go\n\n3 4\nnote\n\nAnother\n\n4\n\n"
for run in range(runs, runs + injections):
    kind = "interview" if run % 2 else "report"
    before = answers(sqlite3.connect(db_path))
    when = rng.randint(1, 80) if kind == "interview" else rng.randint(1, 5)	# the report writes a few times
    args = [rebound, "report"] if kind == "report" else [rebound, "interview", "--bank", "practice", "--count", "2",
                                                         "--no-follow-ups", "--typed", "--think", "5"]
    proc = subprocess.run(["strace", "-f", "-qq", "-o", os.devnull, "-e",
                           "inject=write,pwrite64,fsync,fdatasync,rename:signal=KILL:when=%d" % when] + args,
                          input=typed if kind == "interview" else b"", capture_output=True, timeout=120)
    if proc.returncode in (-9, 137):
        injected[kind] += 1
    now = check(run, "%s killed at write %d" % (kind, when), before)
    missing = [i for i in saved_ids(proc.stdout) if i not in now]
    if missing:
        failures.append("run %d (%s): said it saved answers %s, which are not there" % (run, kind, missing))
    resume(run)
    check(run, kind + " after resume", now)

db = sqlite3.connect(db_path)
print("killed inside a write: %s" % ", ".join("%s %d" % kv for kv in injected.items()))
print("seed %d: %d runs, killed mid-way: %s; %d answers, %d recordings, %d sessions" % (seed, runs,
      ", ".join("%s %d" % kv for kv in killed.items()), db.execute("SELECT COUNT(*) FROM answer").fetchone()[0],
      db.execute("SELECT COUNT(*) FROM recording").fetchone()[0], db.execute("SELECT COUNT(*) FROM session").fetchone()[0]))
print("\n".join(failures))
# Most runs must really have been cut short, in every phase.
short = [k for k, n in killed.items() if n < runs // len(kinds) // 2] + [k for k, n in injected.items() if n < injections // 4]
if short:
    print("too few kills landed while: %s" % ", ".join(short))
sys.exit(1 if failures or short else 0)
PY
run python3 "$TMP/crash.py" "$REBOUND" 60 24
expect_status 0
echo "$out"

# Stopped again while rating what a crash left unrated: it names the question it stopped at.
printf '\nFirst\n\n3 3\n\n\nSecond\n\n' >"$TMP/partial"
STDIN="$TMP/partial" run "$REBOUND" interview --bank practice --count 2 --no-follow-ups --typed --think 5
expect_out_has "Stopped at question 2 of 2."
run "$REBOUND" resume
expect_status 1
expect_out_has "Stopped at question 2 of 2. Saved answers are kept"
finish
