# cmake --install puts the binary, banks and assets under a prefix, and the installed binary finds them
# wherever it is run from.
. "$(dirname "$0")/lib.sh"
: "${REBOUND_BUILD:?}"

run cmake --install "$REBOUND_BUILD" --prefix "$TMP/prefix"
expect_status 0
expect_true '[ -x "$TMP/prefix/bin/rebound" ]'
expect_true '[ -f "$TMP/prefix/share/rebound/questions/themes.yaml" ]'
cd /
run "$TMP/prefix/bin/rebound" banks --files
expect_status 0
expect_out_has "$TMP/prefix/bin/../share/rebound/questions/behavioural.yaml"

# The manual page and the bash completion, made from the command table: every command's usage and
# summary line in the page are what 'rebound help COMMAND' says.
page="$TMP/prefix/share/man/man1/rebound.1"
expect_true '[ -f "$page" ]'
commands=$("$TMP/prefix/bin/rebound" help | sed -n 's/^  \([a-z]*\)  .*/\1/p')
expect_true '[ "$(printf "%s\n" "$commands" | wc -l)" -ge 25 ]'
python3 - "$page" >"$TMP/page.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for a, b in (("\\-", "-"), ("\\fB", ""), ("\\fR", ""), ("\\fI", ""), ("\\&", ""), ("\\e", "\\")):
    text = text.replace(a, b)
print(text)
PY
for command in $commands; do
	usage=$("$TMP/prefix/bin/rebound" help "$command" | head -1 | sed 's/^usage: //')
	summary=$("$TMP/prefix/bin/rebound" help "$command" | sed -n '/^$/{n;p;q}')	# after the usage lines
	grep -qxF "$usage" "$TMP/page.txt" || fail "the manual's usage of $command differs from 'help $command': $usage"
	grep -qxF "$summary." "$TMP/page.txt" || fail "the manual's summary of $command differs: $summary"
done
if command -v man >/dev/null; then
	# man's seccomp sandbox refuses what a time-faking library (faketime, for the moved-clock check) asks.
	run env MANWIDTH=80 MAN_DISABLE_SECCOMP=1 man -l "$page"
	expect_status 0
	expect_out_has "EXIT STATUS"
	expect_out_has "REBOUND_HOME"
	expect_true '[ -z "$(groff -man -ww -z "$page" 2>&1)" ]'
else
	echo "man is not installed: the page's rendering is not checked (see .ci/packages)"
fi
completion="$TMP/prefix/share/bash-completion/completions/rebound"
expect_true '[ -f "$completion" ]'
expect_true '[ "$(bash -c ". \"$completion\"; COMP_WORDS=(rebound exp); COMP_CWORD=1; _rebound; echo \"\${COMPREPLY[*]}\"")" = export ]'
complete_words() {	# complete_words WORD...: what completing the last word offers
	bash -c '. "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rebound; echo "${COMPREPLY[*]}"' "$completion" "$@"
}
mkdir -p "$TMP/files" && touch "$TMP/files/deck.csv"
expect_true '[ "$(complete_words rebound bank "")" = "export import" ]'
expect_true '[ "$(complete_words rebound bank import "$TMP/files/de")" = "$TMP/files/deck.csv" ]'
expect_true '[ "$(complete_words rebound export --anki "$TMP/files/d")" = "$TMP/files/deck.csv" ]'
expect_true '[ "$(complete_words rebound ex --f)" = "--format" ]'
expect_true '[ "$(complete_words rebound help exp)" = "export" ]'
# 'transcribe' is offered exactly when this build has transcripts (pocketsphinx).
case "$("$REBOUND" --version)" in
*"transcripts: off"*) transcribe="" ;;
*) transcribe=transcribe ;;
esac
expect_true '[ "$(complete_words rebound --data-dir /tmp tr)" = "$transcribe" ]'
finish
