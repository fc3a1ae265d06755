# Shared helpers for the end-to-end scripts: a private temporary home and data dir per script, a pinned
# clock, run-and-capture, and assertions that print what differed. Source it; end with 'finish'.
set -u
: "${REBOUND:?set REBOUND to the rebound binary}"
: "${REBOUND_SOURCE:?set REBOUND_SOURCE to the source tree}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/rebound-e2e.XXXXXX")
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$TMP"' EXIT
export HOME="$TMP/home" REBOUND_HOME="$TMP/data" NO_COLOR= LC_ALL=C.UTF-8
unset XDG_DATA_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
passed=0
failed=0

# The one clock. rebound's clock is pinned (REBOUND_NOW) for every script: at REBOUND_TEST_NOW when CI's
# pinned-clock passes set it (with TZ), else at a fixed instant. "Today" and every other day a script
# names come from that instant (day N), never from the machine's date, so a script passes on any day and
# at any hour, and a clock that moves on while it runs changes nothing.
pin_clock() {
	REBOUND_NOW=$1
	export REBOUND_NOW
	NOW_EPOCH=$(python3 -c 'import datetime, sys
t = sys.argv[1]
print(t[1:] if t.startswith("@") else int(datetime.datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()))' "$1") ||
		{ echo "cannot read the instant '$1'"; exit 1; }
	printf -v TODAY '%(%Y-%m-%d)T' "$NOW_EPOCH"
}
pin_clock "${REBOUND_TEST_NOW:-2026-11-22T10:00:00Z}"
# day N: the local day N days from the pinned today (N may be negative), as YYYY-MM-DD.
day() { python3 -c 'import datetime, sys
print(datetime.date.fromisoformat(sys.argv[1]) + datetime.timedelta(days=int(sys.argv[2])))' "$TODAY" "$1"; }
# tick [SECONDS]: moves the pinned clock on (default a minute), as git's test_tick does.
tick() { pin_clock "@$((NOW_EPOCH + ${1:-60}))"; }
# at DAY [HH:MM]: pins the clock at that local time (default noon) of a day, for what happened then.
at() { pin_clock "$1T${2:-12:00}"; }

# run CMD...: runs it with stdin from $STDIN (default /dev/null); sets $out, $err, $status.
run() {
	"$@" <"${STDIN:-/dev/null}" >"$TMP/.out" 2>"$TMP/.err"
	status=$?
	out=$(cat "$TMP/.out")
	err=$(cat "$TMP/.err")
}

pass() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	printf 'FAIL (%s line %s): %s\n' "$(basename "$0")" "${BASH_LINENO[1]}" "$1"
	return 1	# so that 'check || diagnose' runs the diagnosis
}

expect_status() { [ "$status" -eq "$1" ] && pass || fail "exit status $status, expected $1 (stderr: $err)"; }
expect_out() { [ "$out" = "$1" ] && pass || fail "stdout differs:$(printf '\n--- expected\n%s\n--- actual\n%s' "$1" "$out")"; }
expect_err() { [ "$err" = "$1" ] && pass || fail "stderr differs:$(printf '\n--- expected\n%s\n--- actual\n%s' "$1" "$err")"; }
expect_out_has() { case "$out" in *"$1"*) pass ;; *) fail "stdout lacks '$1':$(printf '\n%s' "$out")" ;; esac; }
expect_err_has() { case "$err" in *"$1"*) pass ;; *) fail "stderr lacks '$1':$(printf '\n%s' "$err")" ;; esac; }
expect_true() { if eval "$1"; then pass; else fail "not true: $1"; fi; }
# expect_db SQL EXPECTED: the query's rows ('|' between columns, a newline between rows) are EXPECTED.
expect_db() {
	local actual
	actual=$(db "$1")
	[ "$actual" = "$2" ] && pass || fail "$(printf 'query differs: %s\n--- expected\n%s\n--- actual\n%s' "$1" "$2" "$actual")"
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# mask_times: replaces local times ("2026-11-22 09:30") in $out with DATE, for exact comparisons.
mask_times() { out=$(printf '%s' "$out" | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/DATE/g'); }

# wait_file TEXT FILE [SECONDS]: waits until FILE shows TEXT (default up to 30 s, for a loaded machine);
# status 1 if it never does. Scripts wait on what rebound prints, never on a fixed sleep.
wait_file() {
	local i
	for i in $(seq $((${3:-30} * 20))); do grep -qF -- "$1" "$2" 2>/dev/null && return 0; sleep 0.05; done
	return 1
}

# db SQL: runs a query on the data dir's database and prints the rows ('|' between columns). It waits
# up to 5 s for a lock, as rebound does: a rebound that has just exited may still hold one while its
# last connection checkpoints the WAL.
db() { sqlite3 -cmd '.timeout 5000' "$REBOUND_HOME/rebound.db" "$1"; }

# require TOOL...: ends the script with a clear message when a tool the test needs is missing.
require() {
	for tool in "$@"; do
		command -v "$tool" >/dev/null || { echo "$tool is required (see .ci/packages)"; exit 1; }
	done
}

# spoken_setup [TEXT]: a microphone that says TEXT (or a sentence about a team) and then nothing: ALSA's
# file device (tests/e2e/data/alsa-file.conf) reads $FAKE_MIC_RAW, espeak-ng's speech at 16 kHz, and the
# speaker writes $FAKE_SPK_RAW; the practice bank is in the data dir.
spoken_setup() {
	require espeak-ng sox python3
	export REBOUND_SEED=1 ALSA_CONFIG_PATH="$REBOUND_SOURCE/tests/e2e/data/alsa-file.conf" FAKE_RATE=16000
	export FAKE_MIC_RAW="$TMP/speech.raw" FAKE_SPK_RAW="$TMP/speaker.raw"
	mkdir -p "$REBOUND_HOME/questions"
	cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
	espeak-ng -v en-us+klatt -s 150 -w "$TMP/speech.wav" \
		"${1:-In my last role I led a team of five engineers. We cut the release time from two weeks to two days.}" \
		2>/dev/null
	sox "$TMP/speech.wav" -r 16000 -c 1 -b 16 -e signed -t raw "$FAKE_MIC_RAW"
}

# Real human speech with transcripts: Debian's pocketsphinx-testdata.
CLIPS=/usr/share/pocketsphinx/test/data/librivox
require_clips() { [ -d "$CLIPS" ] || { echo "pocketsphinx-testdata is required (see .ci/packages)"; exit 1; }; }
