# --help and -h on every command and every subcommand, walked from the tables themselves (the command
# list that 'help' prints, the subcommands that the bash completion offers): each exits 0 with what
# 'help COMMAND [SUB]' prints, and its usage lines are the ones the manual page shows.
. "$(dirname "$0")/lib.sh"

run "$REBOUND" --help
expect_status 0
expect_out_has "usage: rebound [--data-dir DIR]"
expect_out_has "Commands (any unique prefix works; i, d, p and q are interview, drill, progress and quit):"
expect_out_has "  interview  run a timed mock interview"
run "$REBOUND" -h
expect_status 0
expect_out_has "  plan       the growth plan"

# The manual as text, and each command's subcommands as the completion script lists them.
"$REBOUND" help --man | python3 -c '
import sys
text = sys.stdin.read()
for a, b in (("\\-", "-"), ("\\fB", ""), ("\\fR", ""), ("\\fI", ""), ("\\&", ""), ("\\e", "\\")):
    text = text.replace(a, b)
print(text)' >"$TMP/page.txt"
"$REBOUND" help --bash-completion >"$TMP/completion"
# Filled, the manual fits the reader's width: at MANWIDTH=80 no line runs past 80 columns.
"$REBOUND" help --man >"$TMP/rebound.1"
MANWIDTH=80 man -l "$TMP/rebound.1" >"$TMP/man80.txt" 2>/dev/null
expect_true '[ "$(wc -l <"$TMP/man80.txt")" -gt 200 ] && [ "$(awk "length > 80" "$TMP/man80.txt" | wc -l)" = 0 ]'
subs_of() { sed -n "s/^	$1) opts=.* subs=\"\(.*\)\" ;;\$/\1/p" "$TMP/completion"; }

# check_help WORDS...: 'rebound WORDS --help' and -h exit 0, print nothing on stderr, print what
# 'help WORDS' prints, and every usage line ("usage: X" or "   or: X") is a line of the manual.
check_help() {
	local usage
	run "$REBOUND" "$@" --help
	expect_status 0 || return
	expect_err ""
	local help_out=$out
	run "$REBOUND" "$@" -h
	[ "$out" = "$help_out" ] && pass || fail "'$* -h' differs from '$* --help'"
	run "$REBOUND" help "$@"
	[ "$out" = "$help_out" ] && pass || fail "'help $*' differs from '$* --help'"
	[ "${help_out%%$'\n'*}" != "${help_out#usage: }" ] && pass || fail "'$* --help' starts with no usage: $help_out"
	while IFS= read -r usage; do
		grep -qxF "$usage" "$TMP/page.txt" && pass || fail "the manual lacks the usage line of '$*': '$usage'"
	done < <(printf '%s\n' "$help_out" | sed -n 's/^usage: //p; s/^   or: //p')
}

commands=$("$REBOUND" help | sed -n 's/^  \([a-z]*\)  .*/\1/p')
expect_true '[ "$(printf "%s\n" "$commands" | wc -l)" -ge 25 ]'
walked=0
for command in $commands; do
	check_help "$command"
	for sub in $(subs_of "$command"); do
		check_help "$command" "$sub"
		walked=$((walked + 1))
	done
done
expect_true '[ "$walked" -ge 24 ]'	# reject 5, plan 6, audio 4, bank 2, template 3, config 4

# A subcommand's help names only the options it takes.
run "$REBOUND" reject rm --help
expect_out_has "  --yes                rm without asking"
case "$out" in *--company*) fail "'reject rm --help' lists --company" ;; *) pass ;; esac
run "$REBOUND" plan add -h
expect_out "usage: plan add [--theme T] [--due DAY] [--yes] [TEXT]

add a suggested action, or your own with --theme T TEXT

Without --theme: a suggested action (from the theme's 'actions') for each theme 'insights'
names that has no open action, shown first and added when you say yes (--yes: without
asking). With --theme T: the next suggested action for T, or with TEXT your own. --due takes
YYYY-MM-DD, today, tomorrow or +N (days from today).

Options:
  --theme T            the theme the action is for
  --due DAY            when it should be done
  --yes                add the suggested actions without asking"

# --help wins over missing operands and runs nothing: no data dir is made for it.
run "$REBOUND" show --help
expect_status 0
expect_out_has "usage: show"
run "$REBOUND" reject add --company Acme --help
expect_status 0
expect_true '[ ! -e "$REBOUND_HOME/rebound.db" ]'
# After "--", --help is an operand.
run "$REBOUND" search -- --help
case "$out" in usage:*) fail "'search -- --help' printed the help" ;; *) pass ;; esac

# Subcommands are dispatched from their table: unknown ones, wrong counts, options they do not take.
run "$REBOUND" plan strat
expect_status 2
expect_err "rebound: plan: unknown subcommand 'strat' (did you mean 'start'?)
usage: plan [list] [--json]
   or: plan add [--theme T] [--due DAY] [--yes] [TEXT]
   or: plan start ID
   or: plan done ID
   or: plan todo ID
   or: plan rm ID"
run "$REBOUND" reject show 1 2
expect_status 2
expect_err "rebound: reject show: too many arguments
usage: reject show ID"
run "$REBOUND" plan start --theme x 3
expect_status 2
expect_err "rebound: plan start: takes no option '--theme'
usage: plan start ID"
run "$REBOUND" bank
expect_status 2
expect_err "rebound: bank: name a subcommand
usage: bank export BANK [--out FILE]
   or: bank import FILE [--replace]"
run "$REBOUND" help plan frob
expect_status 1
expect_err "rebound: help: 'plan' has no subcommand 'frob' (see 'help plan')"
run "$REBOUND" help show x
expect_status 1
expect_err "rebound: help: 'show' has no subcommands"

# In the shell too.
STDIN="$TMP/lines"
printf 'plan add --help\nquit\n' >"$STDIN"
run "$REBOUND"
expect_status 0
expect_out_has "usage: plan add [--theme T] [--due DAY] [--yes] [TEXT]"
# 'help COMMAND' lists the subcommands with their help lines.
run "$REBOUND" help reject
expect_out_has "Subcommands ('reject SUBCOMMAND --help' says more):
  add                  log a rejection: asked field by field, or given by the options
  list                 every rejection, newest first"
finish
