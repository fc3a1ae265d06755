# The shell driven through stdin, the user's own banks, and a broken user bank next to good ones.
. "$(dirname "$0")/lib.sh"

printf 'banks\n\n# a comment\nshow why-this-team\nquit\nshow never-run\n' >"$TMP/script"
mkdir -p "$REBOUND_HOME/questions"
cat >"$REBOUND_HOME/questions/mine.yaml" <<'YAML'
bank: mine
title: My own questions
questions:
  - { id: why-this-team, text: Why this team?, themes: [fit], stages: [onsite], difficulty: 2 }
YAML
printf 'bank: broken\ntitle: [oops\n' >"$REBOUND_HOME/questions/broken.yaml"
STDIN="$TMP/script" run "$REBOUND"
expect_status 0
expect_out_has "mine                          1  My own questions"
expect_out_has "why-this-team  (mine, difficulty 2 of 5)"
expect_true '! printf %s "$out$err" | grep -q never-run'	# nothing after quit runs
expect_err "$REBOUND_HOME/questions/broken.yaml:3:1: error: did not find expected ',' or ']' (while parsing a flow sequence at 2:8)"

# The words people type to leave: exit (and q) end the shell like quit; clear writes nothing to a pipe.
printf 'clear\nexit\nshow never-run\n' >"$TMP/script"
STDIN="$TMP/script" run "$REBOUND"
expect_status 0
expect_out ""
expect_true '! printf %s "$out$err" | grep -q never-run'
printf 'q\nshow never-run\n' >"$TMP/script"
STDIN="$TMP/script" run "$REBOUND"
expect_status 0
expect_true '! printf %s "$out$err" | grep -q never-run'

# The status of a script is the status of its last command.
printf 'show nope\n' >"$TMP/script"
STDIN="$TMP/script" run "$REBOUND"
expect_status 1
expect_err_has "unknown question 'nope'"
expect_true '! printf %s "$err" | grep -q "^rebound: unknown"'	# no program prefix inside the shell

printf "show 'unterminated\n" >"$TMP/script"
STDIN="$TMP/script" run "$REBOUND"
expect_status 2
expect_err_has "unterminated single quote"

# Synced to the store: the user's question is queryable with sqlite3.
expect_true '[ "$(sqlite3 "$REBOUND_HOME/rebound.db" "SELECT bank FROM question WHERE id = '"'"'why-this-team'"'"'")" = mine ]'
finish
