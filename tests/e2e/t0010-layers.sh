# The source tree keeps its layers: the library (every folder of src/ but cli/) never includes the
# command layer's headers, include/rebound/ holds no module's internal header, no two sources share a
# basename, and each external library is included in its own folder only (libyaml: bank/, and config/ by
# the one exception its opening comment names). Reads the tree; runs nothing.
. "$(dirname "$0")/lib.sh"
cd "$REBOUND_SOURCE" || exit 1

cli_headers='cmd|app|shell|input|form|interview|coaching|evidence|docs|reject|today|recordings'
found=$(grep -rlE "#include \"rebound/($cli_headers)\.h\"" src --include='*.[ch]' | grep -v '^src/cli/' |
	grep -v '^src/main.c$')
[ -z "$found" ] && pass || fail "library files include the command layer: $found"
found=$(grep -lE "#include \"rebound/($cli_headers)\.h\"" $(grep -LE '^/\* ('"$cli_headers"'):' include/rebound/*.h))
[ -z "$found" ] && pass || fail "library headers include the command layer: $found"
found=$(ls include/rebound | grep -E -- '-internal\.h$|^bank-yaml\.h$')
[ -z "$found" ] && pass || fail "internal headers in include/rebound/: $found"
found=$(find src -name '*.c' | sed 's#.*/##' | sort | uniq -d)
[ -z "$found" ] && pass || fail "sources that share a basename: $found"

# only_in HEADER-PATTERN FOLDER...: the headers are included under those folders of src/ and nowhere else there.
only_in() {
	local pattern=$1 allowed file ok stray=
	shift
	for file in $(grep -rlE "#include <($pattern)" src include); do
		ok=0
		for allowed in "$@"; do case $file in "$allowed"*) ok=1 ;; esac; done
		[ $ok = 1 ] || stray="$stray $file"
	done
	[ -z "$stray" ] && pass || fail "<$pattern> is included outside $*:$stray"
}
only_in 'sqlite3\.h' src/store/
only_in 'portaudio\.h|sndfile\.h' src/audio/
only_in 'readline/' src/cli/
only_in 'pocketsphinx\.h|sphinxbase/' src/speech/
only_in 'libstemmer\.h' src/speech/
only_in 'yaml\.h' src/bank/ src/config/ src/report/import.c	# import reads JSON as YAML's flow style, streamed
expect_true 'grep -q "the one exception" src/config/config.c'
finish
