# A FIFO (or another special file) where rebound expects a file is refused with a message, never waited
# on: in the banks folder, as the settings file, as a template, and given to check or bank import. Every
# command runs under a timeout, so a hang fails the script instead of stalling the suite.
. "$(dirname "$0")/lib.sh"

# trun CMD...: run with a 20 s limit; a hang shows as exit status 124.
trun() { run timeout 20 "$@"; [ "$status" -ne 124 ] || fail "'$*' hung on a FIFO"; }

run "$REBOUND" banks	# makes the data dir
mkdir -p "$REBOUND_HOME/questions" "$REBOUND_HOME/templates"
mkfifo "$REBOUND_HOME/questions/stuck.yaml"
for command in sessions "show tell-me-about-yourself" "reject list" progress; do
	trun "$REBOUND" $command
	expect_status 0
	expect_err_has "cannot read '$REBOUND_HOME/questions/stuck.yaml': not a regular file"
done
rm "$REBOUND_HOME/questions/stuck.yaml"

mkfifo "$TMP/bank.yaml"
trun "$REBOUND" check "$TMP/bank.yaml"
expect_status 1
expect_err "$TMP/bank.yaml: error: cannot read '$TMP/bank.yaml': not a regular file"
trun "$REBOUND" bank import "$TMP/bank.yaml"
expect_status 1
expect_err_has "not a regular file"

mkfifo "$REBOUND_HOME/templates/thank-you.txt"
trun "$REBOUND" reject add --company Acme --role Engineer
expect_status 0
trun "$REBOUND" template thank-you 1
expect_status 1
expect_err_has "cannot read '$REBOUND_HOME/templates/thank-you.txt': not a regular file"

# The settings file: 'config list' still runs and says what is wrong; other commands refuse.
mkdir -p "$HOME/.config/rebound"
mkfifo "$HOME/.config/rebound/config.yaml"
trun "$REBOUND" config list
expect_err_has "not a regular file"
trun "$REBOUND" sessions
expect_status 1
expect_err_has "cannot read '$HOME/.config/rebound/config.yaml': not a regular file"
finish
