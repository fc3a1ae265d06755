# Shared helpers for the end-to-end scripts: a private temporary home and data dir per script,
# run-and-capture, and assertions that print what differed. Source it; end with 'finish'.
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
}

expect_status() { [ "$status" -eq "$1" ] && pass || fail "exit status $status, expected $1 (stderr: $err)"; }
expect_out() { [ "$out" = "$1" ] && pass || fail "stdout differs:$(printf '\n--- expected\n%s\n--- actual\n%s' "$1" "$out")"; }
expect_err() { [ "$err" = "$1" ] && pass || fail "stderr differs:$(printf '\n--- expected\n%s\n--- actual\n%s' "$1" "$err")"; }
expect_out_has() { case "$out" in *"$1"*) pass ;; *) fail "stdout lacks '$1':$(printf '\n%s' "$out")" ;; esac; }
expect_err_has() { case "$err" in *"$1"*) pass ;; *) fail "stderr lacks '$1':$(printf '\n%s' "$err")" ;; esac; }
expect_true() { if eval "$1"; then pass; else fail "not true: $1"; fi; }

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# mask_times: replaces local times ("2026-11-22 09:30") in $out with DATE, for exact comparisons.
mask_times() { out=$(printf '%s' "$out" | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/DATE/g'); }

# db SQL: runs a query on the data dir's database and prints the rows ('|' between columns).
db() { sqlite3 "$REBOUND_HOME/rebound.db" "$1"; }

# require TOOL...: ends the script with a clear message when a tool the test needs is missing.
require() {
	for tool in "$@"; do
		command -v "$tool" >/dev/null || { echo "$tool is required (see .ci/packages)"; exit 1; }
	done
}

# Real human speech with transcripts: Debian's pocketsphinx-testdata.
CLIPS=/usr/share/pocketsphinx/test/data/librivox
require_clips() { [ -d "$CLIPS" ] || { echo "pocketsphinx-testdata is required (see .ci/packages)"; exit 1; }; }
