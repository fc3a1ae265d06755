# --json on the listing commands: sessions, session, progress, due, insights, reject list and plan each
# print one JSON document in the layout the README gives, whose figures are the database's own; text from
# the user (quotes, control characters, a line separator) is escaped, never raw.
. "$(dirname "$0")/lib.sh"
require python3
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"

run "$REBOUND" reject add --company "$(printf 'Acme "Inc"\tLtd')" --role Engineer --stage onsite \
	--feedback "Your answers rambled and lacked examples." --well "Rapport" --better "Shorter stories"
expect_status 0
printf 'I led the migration and we cut costs by 30%%.\n\n4 2\nfine\n' >"$TMP/one"
STDIN="$TMP/one" run "$REBOUND" interview --bank practice --count 1 --think 0 --no-follow-ups --typed
expect_status 0
printf 'Another answer.\n\n3 3\n\n' >"$TMP/two"
STDIN="$TMP/two" run "$REBOUND" interview --bank practice --count 1 --think 0 --no-follow-ups --typed
expect_status 0
run "$REBOUND" plan add --yes
expect_status 0

json() { "$REBOUND" "$@" >"$TMP/out.json" 2>"$TMP/err" && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/out.json"; }
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/out.json" "$1"; }

expect_true 'json sessions --json'
expect_true '[ "$(field "d[\"command\"], d[\"version\"]")" = "('"'"'sessions'"'"', 1)" ]'
expect_true '[ "$(field "[s[\"id\"] for s in d[\"sessions\"]]")" = "[2, 1]" ]'
expect_true '[ "$(field "[s[\"answered\"] for s in d[\"sessions\"]]")" = "$(python3 -c "print([int(x) for x in \"$(db "SELECT answer_count FROM session ORDER BY id DESC" | tr "\n" " ")\".split()])")" ]'
expect_true '[ "$(field "\"%.2f\" % d[\"sessions\"][1][\"rating\"]")" = "$(db "SELECT printf(\"%.2f\", avg(score)) FROM rating JOIN answer ON answer.id = answer_id WHERE session_id = 1")" ]'
expect_true '[ "$(field "d[\"sessions\"][1][\"bank\"]")" = practice ]'

expect_true 'json session 1 --json'
expect_true '[ "$(field "d[\"answers\"][0][\"text\"]")" = "I led the migration and we cut costs by 30%." ]'
expect_true '[ "$(field "\" \".join(\"%s=%d\" % (r[\"theme\"], r[\"score\"]) for r in sorted(d[\"answers\"][0][\"ratings\"], key=lambda r: r[\"theme\"]))")" = "$(db "SELECT group_concat(theme_id || \"=\" || score, \" \") FROM (SELECT * FROM rating WHERE answer_id = 1 ORDER BY theme_id)")" ]'
expect_true '[ "$(field "d[\"answers\"][0][\"evidence\"][\"numbers\"]")" = "$(db "SELECT numbers FROM evidence WHERE answer_id = 1")" ]'

expect_true 'json progress --json'
expect_true '[ "$(field "\" \".join(\"%s=%d\" % (t[\"id\"], t[\"rated\"]) for t in d[\"themes\"])")" = "$(db "SELECT group_concat(theme_id || \"=\" || n, \" \") FROM (SELECT theme_id, COUNT(*) AS n FROM rating GROUP BY theme_id ORDER BY theme_id)")" ]'
expect_true '[ "$(field "d[\"totals\"][\"sessions\"], d[\"totals\"][\"answers\"]")" = "(2, 2)" ]'

expect_true 'json due --json --all'
expect_true '[ "$(field "len(d[\"questions\"])")" = "$(db "SELECT COUNT(*) FROM review")" ]'
expect_true '[ "$(field "d[\"reviews\"] + d[\"new\"]")" = "$(field "len([q for q in d[\"questions\"] if q[\"when\"] == \"today\"])")" ]'

expect_true 'json insights --json'
expect_true '[ "$(field "[t[\"id\"] for t in d[\"themes\"] if t[\"named\"]][:1]")" != "[]" ]'
expect_true '[ "$(field "d[\"stages\"][\"onsite\"]")" = 1 ]'

expect_true 'json reject list --json'
expect_true '[ "$(field "d[\"rejections\"][0][\"company\"]")" = "$(printf "Acme \"Inc\"\tLtd")" ]'
expect_true 'grep -q "Acme \\\\\"Inc\\\\\"\\\\tLtd" "$TMP/out.json"'	# escaped in the file, never raw
expect_true '[ "$(field "sorted(t[\"id\"] for t in d[\"rejections\"][0][\"themes\"])")" = "['"'"'examples'"'"', '"'"'structure'"'"']" ]'
expect_true '[ "$(field "d[\"rejections\"][0][\"reflections\"][0][\"do_better\"]")" = "Shorter stories" ]'

expect_true 'json plan --json'
expect_true '[ "$(field "len(d[\"actions\"])")" = "$(db "SELECT COUNT(*) FROM plan_action")" ]'
expect_true '[ "$(field "d[\"actions\"][0][\"status\"]")" = todo ]'

# A line separator in a note comes out escaped: every JSON reader keeps it.
db "UPDATE answer SET note = 'x' || char(8232) || 'y' WHERE id = 1"
expect_true 'json session 1 --json'
expect_true 'grep -q "x\\\\u2028y" "$TMP/out.json"'
finish
