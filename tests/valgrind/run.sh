#!/usr/bin/env bash
# Runs the suite under valgrind memcheck: every unit test, then the end-to-end scripts with rebound
# started through valgrind (its reports go to files, so the scripts still see rebound's own stderr).
# Any memory error, or any leak rebound itself made, fails. Usage: tests/valgrind/run.sh BUILD-DIR [REGEX]
# (REGEX picks tests by name, as ctest -R does; the default is all but the slowest and the clocked ones).
set -u
build=$(cd "${1:?usage: tests/valgrind/run.sh BUILD-DIR [REGEX]}" && pwd)
filter=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
source=$(cd "$here/../.." && pwd)
logs=$(mktemp -d "${TMPDIR:-/tmp}/rebound-valgrind.XXXXXX")
# t1410 runs rebound as another user when it runs as root: that user must reach the wrapper and write its log.
chmod 755 "$logs"
mkdir -m 1777 "$logs/processes"
export REBOUND_VALGRIND_LOGS="$logs"
options=(--leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect
	--error-exitcode=99 --suppressions="$here/suppressions" --child-silent-after-fork=yes --trace-children=no)
# Clocked tests and the 60-kill crash test measure time, which valgrind stretches 20 to 50 times; the
# recogniser's unit test takes minutes. Named explicitly, they run too.
skip='unit_recognizer|t0700|t0910|t1420|t1430|t1210'
# Tests that drive the sound stack: alsa-lib computes on memory it never wrote (its hardware-parameter
# masks and its plug layers' stack buffers), and memcheck follows that doubt into the sample counts and
# every figure made from them, so in these uninitialised-value reports are off; invalid reads and writes
# and leaks are still errors.
sound='t0900|t0920|t0930|t1400|t1410'
failed=0

# The wrapper the end-to-end scripts run instead of rebound.
cat >"$logs/rebound" <<WRAP
#!/bin/sh
exec valgrind ${options[*]} \${REBOUND_VALGRIND_EXTRA:-} --log-file="$logs/processes/rebound.%p.log" "$build/rebound" "\$@"
WRAP
chmod +x "$logs/rebound"

for test in "$build"/tests/test_*; do
	name=unit_$(basename "$test" | sed 's/^test_//')
	if [ -n "$filter" ]; then [[ $name =~ $filter ]] || continue; else [[ $name =~ $skip ]] && continue; fi
	if REBOUND_TEST_DATA="$source/tests/data" REBOUND_SOURCE="$source" valgrind "${options[@]}" -q "$test" \
		>"$logs/$name.out" 2>&1; then
		echo "ok      $name"
	else
		echo "FAILED  $name (see $logs/$name.out)"
		failed=$((failed + 1))
	fi
done
for script in "$source"/tests/e2e/t[0-9]*.sh; do
	name=e2e_$(basename "$script" .sh)
	if [ -n "$filter" ]; then [[ $name =~ $filter ]] || continue; else [[ $name =~ $skip ]] && continue; fi
	extra=
	[[ $name =~ $sound ]] && extra=--undef-value-errors=no
	if REBOUND_VALGRIND_EXTRA=$extra REBOUND="$logs/rebound" REBOUND_SOURCE="$source" REBOUND_BUILD="$build" \
		NO_COLOR= bash "$script" >"$logs/$name.out" 2>&1; then
		echo "ok      $name"
	else
		echo "FAILED  $name (see $logs/$name.out)"
		failed=$((failed + 1))
	fi
done
# Every process's report: an error or a leak anywhere fails, even where a script did not notice.
if grep -l "ERROR SUMMARY: [1-9]\|definitely lost: [1-9]\|indirectly lost: [1-9]" "$logs"/processes/*.log 2>/dev/null; then
	echo "FAILED  memcheck found errors in the processes above"
	failed=$((failed + 1))
fi
echo "$failed failed; logs in $logs"
[ "$failed" -eq 0 ]
