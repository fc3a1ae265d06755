# banks, questions, show, themes, help, --version, usage errors and the data dir's location and mode.
. "$(dirname "$0")/lib.sh"

run "$REBOUND" --version
expect_status 0
expect_out_has "rebound 0."
if grep -q '^POCKETSPHINX_FOUND:INTERNAL=1$' "$REBOUND_BUILD/CMakeCache.txt"; then
	expect_out_has "transcripts: pocketsphinx 5prealpha, en-us model"
else
	expect_out_has "transcripts: off (built without pocketsphinx)"
	run "$REBOUND" transcribe 1
	expect_status 2
	expect_err "rebound: 'transcribe' is not in this build: rebound was built without pocketsphinx (see README)"
	run "$REBOUND" audio set transcripts on
	expect_out "speech.transcripts: on (in $HOME/.config/rebound/config.yaml)
This build has no recogniser (rebound was built without pocketsphinx): recorded answers are not transcribed."
fi

run "$REBOUND" banks
expect_status 0
expect_out_has "BANK                  QUESTIONS  TITLE
behavioural                  "
expect_out_has "software-engineering "
expect_true '[ "$(stat -c %a "$REBOUND_HOME")" = 700 ]'
expect_true '[ "$(stat -c %a "$REBOUND_HOME/rebound.db")" = 600 ]'
expect_true '! printf %s "$out" | grep -q "$(printf "\033")"'	# plain on a pipe

run "$REBOUND" questions --theme closing --stage final
expect_status 0
expect_true '[ "$(printf "%s\n" "$out" | wc -l)" -ge 5 ]'
expect_true '! printf "%s\n" "$out" | grep -v closing'
run "$REBOUND" questions --bank data --difficulty 5
expect_status 0
expect_true '[ -z "$(printf "%s\n" "$out" | awk "\$2 != 5")" ]'
run "$REBOUND" questions --bank dta
expect_status 1
expect_err "rebound: unknown bank 'dta' (did you mean 'data'?)"
run "$REBOUND" questions --theme clarity --bnak x
expect_status 2
expect_err "rebound: questions: unknown option '--bnak'
usage: questions [--bank B] [--theme T] [--stage S] [--difficulty MIN-MAX]"
run "$REBOUND" questions --difficulty 4-2
expect_status 2
expect_err "rebound: questions: --difficulty takes N or MIN-MAX within 1-5, not '4-2'"

run "$REBOUND" show tell-me-about-yourself
expect_status 0
expect_out_has "tell-me-about-yourself  (behavioural, difficulty 1 of 5)
Tell me about yourself.

Themes:    structure (Answer structure), clarity (Clarity and concision), fit (Fit with the role and motivation)"
expect_out_has "Talking points:
  - "
run "$REBOUND" sh tell-me-about-yourslef
expect_status 1
expect_err "rebound: unknown question 'tell-me-about-yourslef' (did you mean 'tell-me-about-yourself'?)"

run "$REBOUND" themes
expect_status 0
expect_out_has "structure "
expect_out_has "STAGE
application "
run "$REBOUND" themes clarity
expect_status 0
expect_out_has "Rubric:
  1  "
expect_out_has "Growth-plan actions:"

run "$REBOUND" help
expect_status 0
expect_out_has "  check      validate bank and themes files"
run "$REBOUND" help que
expect_out_has "usage: questions [--bank B]"
expect_out_has "  --theme T            only questions that train theme T"
run "$REBOUND" r
expect_status 2
expect_err "rebound: ambiguous command: r, could be: resume, rate, report, replay, reject"
run "$REBOUND" help exit
expect_out_has "usage: quit"
expect_out_has "   also: exit"
run "$REBOUND" clear
expect_status 0
expect_out ""				# no escape codes into a pipe
run "$REBOUND" bogus
expect_status 2
expect_err "rebound: unknown command 'bogus' (try 'help')"
run "$REBOUND" --nope
expect_status 2
expect_err_has "rebound: unknown option '--nope'"

# Where the data dir is: --data-dir, then REBOUND_HOME, then XDG_DATA_HOME, then ~/.local/share.
run "$REBOUND" --data-dir "$TMP/flag" banks
expect_true '[ -f "$TMP/flag/rebound.db" ]'
(unset REBOUND_HOME; XDG_DATA_HOME="$TMP/xdg" "$REBOUND" banks >/dev/null)
expect_true '[ -f "$TMP/xdg/rebound/rebound.db" ]'
(unset REBOUND_HOME; "$REBOUND" banks >/dev/null)
expect_true '[ -f "$HOME/.local/share/rebound/rebound.db" ]'
finish
