# report: the HTML progress report read back and checked against the database. It parses as HTML
# (xmllint, which knows HTML 4 only, so the HTML5 and SVG element names are the one complaint allowed) and
# as strict XML; every chart is an SVG whose data points carry the database's figures, placed linearly;
# text is escaped; nothing points outside the file; --since, --out -, --open, an empty history, errors.
export TZ=Pacific/Auckland	# days are local: far from UTC, so that a day taken from UTC would show
. "$(dirname "$0")/lib.sh"
require python3 sqlite3 xmllint
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"

# An empty history still makes a whole report.
run "$REBOUND" report --out "$TMP/empty.html"
expect_status 0
expect_true "grep -q 'No rated answers in this range yet' '$TMP/empty.html'"
expect_true "python3 -c 'import xml.etree.ElementTree as E, sys; E.parse(sys.argv[1])' '$TMP/empty.html'"

# Four interviews of typed answers with different ratings, moved onto different days; the third is
# discarded. The first asks q-one (structure, clarity) and q-two (examples, with its follow-up); the others
# q-one alone.
export REBOUND_SEED=1
printf 'Answer 1 <script>alert(1)</script>\n\n2 4\n\nSecond 1\n\nand its follow-up\n\n3\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 2 --think 0 --typed
expect_status 0
for i in 2 3 4; do
	printf 'Answer %d\n\n%d %d\n\n' $i $((1 + i)) $((5 - i)) >"$TMP/answers"
	STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --theme clarity --count 1 --think 0 --typed
	expect_status 0
done
# 20:00 UTC is the next day in Auckland.
db "UPDATE session SET started_at = '$(day -40)T20:00:00Z' WHERE id = 1;
    UPDATE session SET started_at = '$(day -25)T20:00:00Z' WHERE id = 2;
    UPDATE session SET started_at = '$(day -10)T20:00:00Z', status = 'discarded' WHERE id = 3;
    UPDATE answer SET answer_used_ms = 1000 * (10 + 7 * id) + 250, answer_limit_seconds = 60 + 10 * (id % 2);
    UPDATE answer SET stopped_by = 'limit' WHERE id = 2;
    INSERT INTO recording (answer_id, path, sample_rate, channels, frames, speaking_ms, silence_ratio, long_pauses,
      longest_pause_ms, created_at, syllables, pace_wpm) VALUES
      (1, 'a.wav', 16000, 1, 0, 40000, 0.25, 2, 3000, '2026-01-01T00:00:00Z', 90, 131.5),
      (2, 'b.wav', 16000, 1, 0, 20000, 0.40, 1, 2500, '2026-01-01T00:00:00Z', 40, NULL),
      (4, 'c.wav', 16000, 1, 0, 30000, 0.10, 0, 900, '2026-01-01T00:00:00Z', 80, 155.25),
      (5, 'd.wav', 16000, 1, 0, 30000, 0.10, 0, 900, '2026-01-01T00:00:00Z', 80, 200),
      (6, 'e.wav', 16000, 1, 0, 5000, 0.30, 0, 900, '2026-01-01T00:00:00Z', 10, 170);
    INSERT INTO transcript (answer_id, engine, text, word_count, confidence, filler_count, hedge_count, repeat_count,
      decode_ms, created_at) VALUES
      (1, 'test', 'um so', 2, 0.3, 9, 0, 0, 1, '2026-01-01T00:00:00Z'),
      (4, 'test', 'um well', 2, 0.8, 3, 1, 0, 1, '2026-01-01T00:00:00Z'),
      (5, 'test', 'um well', 2, 0.8, 7, 1, 0, 1, '2026-01-01T00:00:00Z'),
      (6, 'test', 'uh', 1, 0.9, 4, 0, 0, 1, '2026-01-01T00:00:00Z');"
old=$(day -60)
recent=$(day -5)
since=$(day -30)
run "$REBOUND" reject add --company 'Acme <b>&amp;' --role 'Lead "eng"' --date "$old" --stage onsite \
	--feedback 'Needed more examples.
<script>alert("x")</script> and more'  --themes examples,structure --well 'Rapport <i>' --better 'Shorter stories'
expect_status 0
run "$REBOUND" reject add --company Globex --role Staff --date "$recent" --themes clarity
expect_status 0
run "$REBOUND" plan add --theme structure --due 2026-01-01 'Outline with STAR <em>first</em>'
expect_status 0
run "$REBOUND" plan add --theme examples 'Collect three stories'
expect_status 0
run "$REBOUND" plan done 2
expect_status 0

run "$REBOUND" report --out "$TMP/report.html"
expect_status 0
expect_out "Wrote the report to $TMP/report.html."
expect_true "[ \"\$(stat -c %a '$TMP/report.html')\" = 600 ]"

# xmllint's HTML parser: nothing but unknown HTML5/SVG tag names.
xmllint --html --noout "$TMP/report.html" 2>"$TMP/xmllint" || true
grep 'error' "$TMP/xmllint" | grep -Ev 'Tag (header|main|section|figure|figcaption|svg|line|polyline|circle|rect|text|time|footer) invalid' >"$TMP/xmllint-other"
expect_true "[ ! -s '$TMP/xmllint-other' ]" || cat "$TMP/xmllint-other"
expect_true "grep -q 'Tag svg invalid' '$TMP/xmllint'"	# it did parse the SVG

# Nothing that loads from or links to anywhere, and no script.
expect_true "! grep -Eiq '(https?|ftp|file|data):|//|url\\(|@import|src=|href=|<script|<link|<iframe|<img|<object|<embed' '$TMP/report.html'"

cat >"$TMP/check.py" <<'PY'
import datetime, json, math, sqlite3, sys
import xml.etree.ElementTree as ET
db = sqlite3.connect(sys.argv[1])
root = ET.parse(sys.argv[2]).getroot()
today = datetime.date.fromisoformat(sys.argv[3])	# the pinned clock's today
since = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
bad = []
def check(cond, what):
    if not cond:
        bad.append(what)
def local_day(iso):
    utc = datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    return utc.astimezone().date().isoformat()
def utc_start(day):	# the local day's first moment, in UTC as the database writes it
    return datetime.datetime.fromisoformat(day).astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
KEPT = "s.status != 'discarded'" + (" AND s.started_at >= '%s'" % utc_start(since) if since else "")
svgs = {s.get("id"): s for s in root.iter("svg")}
def points(svg_id, series=None):
    svg = svgs.get(svg_id)
    if svg is None:
        return None
    return [(int(c.get("data-id")), float(c.get("data-value")), float(c.get("cx")), float(c.get("cy")))
            for c in svg.iter("circle") if series is None or c.get("data-series") == series]
def same_series(svg_id, series, want):
    got = points(svg_id, series)
    check(got is not None, "no chart %s" % svg_id)
    if got is None:
        return
    check([(i, v) for i, v, _, _ in got] == [(i, v) for i, v in want],
          "%s %s: %s, expected %s" % (svg_id, series, [(i, v) for i, v, _, _ in got], want))
    xs = [x for _, _, x, _ in got]
    check(xs == sorted(xs), "%s: points not oldest first" % svg_id)
def linear(svg_id):
    pts = points(svg_id) or []
    distinct = {}
    for _, v, _, y in pts:
        distinct[v] = y
    if len(distinct) < 2:
        return
    (v1, y1), (v2, y2) = list(distinct.items())[:2]
    slope = (y2 - y1) / (v2 - v1)
    check(slope < 0, "%s: higher values are not drawn higher" % svg_id)
    for v, y in distinct.items():
        check(abs(y1 + (v - v1) * slope - y) < 0.11, "%s: %s drawn at y %s, not on the line" % (svg_id, v, y))

# Self-ratings: one chart per theme, a point per session with ratings, the session's average.
themes = {}
for theme, session, avg in db.execute("SELECT st.theme_id, st.session_id, st.score_sum * 1.0 / st.score_count"
        " FROM session_theme st JOIN session s ON s.id = st.session_id WHERE " + KEPT +
        " ORDER BY st.theme_id, st.session_id"):
    themes.setdefault(theme, []).append((session, avg))
check(sorted(themes) == (["clarity", "structure"] if since else ["clarity", "examples", "structure"]),
      "themes rated: %s" % sorted(themes))
# A theme rated in one session only gets a sentence with its figure, not a lone dot on an empty chart.
charted = sorted(t for t in themes if len(themes[t]) > 1)
check(sorted(k for k in svgs if k.startswith("theme-")) == ["theme-" + t for t in charted],
      "theme charts: %s" % sorted(k for k in svgs if k.startswith("theme-")))
lone = {(int(e.get("data-id")), float(e.get("data-value"))) for e in root.iter() if "lone" in (e.get("class") or "")}
for theme, want in themes.items():
    if len(want) > 1:
        same_series("theme-" + theme, "average rating", want)
        linear("theme-" + theme)
    else:
        check((want[0][0], round(want[0][1], 1)) in lone, "no sentence for %s's one session" % theme)
# The evidence beside the ratings: per session, the share of structure's rated answers that held a
# result, and of examples' that held a number.
evidence_charts = 0
for theme, held in (("structure", "e.result"), ("examples", "e.numbers > 0")):
    want = list(db.execute("SELECT a.session_id, 100.0 * SUM(" + held + ") / COUNT(*) FROM rating r"
        " JOIN evidence e ON e.answer_id = r.answer_id JOIN answer a ON a.id = r.answer_id"
        " JOIN session s ON s.id = a.session_id WHERE r.theme_id = ? AND " + KEPT +
        " GROUP BY a.session_id ORDER BY a.session_id", (theme,)))
    if len(want) > 1:
        same_series("evidence-" + theme, "answers with a %s (%%)" % ("result" if theme == "structure" else "number"),
                    want)
        evidence_charts += 1
    else:
        check("evidence-" + theme not in svgs, "an evidence chart for %s, which has no evidence" % theme)
check(evidence_charts > 0 or since, "no evidence chart at all")
# Answer time against the limit: each session's averages.
rows = list(db.execute("SELECT s.id, AVG(a.answer_used_ms) / 1000.0, AVG(a.answer_limit_seconds) FROM session s"
                       " JOIN answer a ON a.session_id = s.id WHERE " + KEPT + " GROUP BY s.id ORDER BY s.id"))
same_series("answer-time", "time used", [(r[0], r[1]) for r in rows])
starts = dict(db.execute("SELECT id, started_at FROM session"))
for c in svgs["answer-time"].iter("circle"):	# each point's tooltip names its session's local day
    check(c.find("title").text.startswith(local_day(starts[int(c.get("data-id"))]) + " (session "),
          "point title %s" % c.find("title").text)
same_series("answer-time", "time allowed", [(r[0], r[2]) for r in rows])
linear("answer-time")
limit = db.execute("SELECT COUNT(*) FROM answer a JOIN session s ON s.id = a.session_id WHERE " + KEPT +
                   " AND a.stopped_by = 'limit'").fetchone()[0]
total = db.execute("SELECT COUNT(*) FROM answer a JOIN session s ON s.id = a.session_id WHERE " + KEPT).fetchone()[0]
time_caption = "".join(root.find(".//section[@id='time']/p").itertext())
check(time_caption.startswith("%d of %d answers ran to the limit." % (limit, total)), time_caption)
# Pace: sessions whose recordings have one; fillers: transcripts clear enough (50%, 10 s of speech).
same_series("pace", "words a minute", list(db.execute("SELECT s.id, AVG(r.pace_wpm) FROM recording r"
    " JOIN answer a ON a.id = r.answer_id JOIN session s ON s.id = a.session_id WHERE " + KEPT +
    " GROUP BY s.id HAVING COUNT(r.pace_wpm) > 0 ORDER BY s.id")))
same_series("fillers", "fillers a minute", list(db.execute("SELECT s.id, SUM(t.filler_count) * 60000.0 / SUM(r.speaking_ms)"
    " FROM recording r JOIN transcript t ON t.answer_id = r.answer_id JOIN answer a ON a.id = r.answer_id"
    " JOIN session s ON s.id = a.session_id WHERE " + KEPT + " AND t.confidence >= 0.5 AND r.speaking_ms >= 10000"
    " GROUP BY s.id ORDER BY s.id")))
linear("pace")
# The calendar: every day from the first shown to today, each with its count of sessions.
per_day = {}
for (started,) in db.execute("SELECT started_at FROM session s WHERE " + KEPT):
    per_day[local_day(started)] = per_day.get(local_day(started), 0) + 1
days = [(r.get("data-day"), int(r.get("data-value"))) for k, s in svgs.items() if k.startswith("calendar-")
        for r in s.iter("rect")]
check(days[-1][0] == today.isoformat(), "calendar ends on %s" % days[-1][0])
check(len(days) == len(set(d for d, _ in days)), "calendar repeats days")
check(all(datetime.date.fromisoformat(b[0]) - datetime.date.fromisoformat(a[0]) == datetime.timedelta(1)
          for a, b in zip(days, days[1:])), "calendar skips days")
check(dict((d, n) for d, n in days if n) == per_day, "calendar %s, expected %s" % (dict((d, n) for d, n in days if n), per_day))
check(min(per_day) >= days[0][0], "calendar starts after the first session")
# Rejections: a marker each, oldest first, and the list with the text as it was typed.
want = list(db.execute("SELECT id, rejected_on FROM rejection" + (" WHERE rejected_on >= '%s'" % since if since else "") +
                       " ORDER BY rejected_on, id"))
got = [(int(c.get("data-id")), c.get("data-day")) for c in svgs["rejection-timeline"].iter("circle")]
check(got == want, "timeline %s, expected %s" % (got, want))
for rid, company, role, feedback in db.execute("SELECT id, company, role, feedback FROM rejection"):
    li = root.find(".//li[@id='rejection-%d']" % rid)
    if any(r[0] == rid for r in want):
        check(li is not None and li.find("strong").text == company, "rejection %d's company" % rid)
        quote = li.find("blockquote")
        if feedback:
            check(quote is not None and "\n".join(t.strip() for t in quote.itertext()) == feedback,
                  "rejection %d's feedback: %r" % (rid, quote is not None and list(quote.itertext())))
        chips = [c.get("data-theme") for c in li.iter("span") if c.get("data-theme")]
        check(sorted(chips) == sorted(t for (t,) in db.execute(
              "SELECT theme_id FROM rejection_theme WHERE rejection_id = ?", (rid,))), "rejection %d's themes" % rid)
    else:
        check(li is None, "rejection %d is before --since" % rid)
# The plan: every action with its status; the overdue one marked.
for aid, text, status in db.execute("SELECT id, text, status FROM plan_action"):
    row = root.find(".//tr[@id='action-%d']" % aid)
    cells = ["".join(td.itertext()) for td in row.findall("td")]
    check(cells[1] == text and cells[2] == {"todo": "to do"}.get(status, status), "action %d: %s" % (aid, cells))
check("(overdue)" in "".join(root.find(".//tr[@id='action-1']").itertext()), "action 1 is not marked overdue")
# Personal bests: each theme's best session average.
bests = {"".join(tr.find("th").itertext()): ["".join(td.itertext()) for td in tr.findall("td")]
         for tr in root.find(".//section[@id='bests']").iter("tr")}
title = db.execute("SELECT title FROM theme WHERE id = 'structure'").fetchone()[0]
best = max(v for _, v in themes["structure"])
check(bests.get("Best session for " + title, [""])[0] == "%.1f average" % best, "best: %s" % bests)
# What to work on: insights' named themes, in its order.
named = [t["id"] for t in json.load(open(sys.argv[5]))["themes"] if t["named"]] if len(sys.argv) > 5 else []
work = root.find(".//section[@id='work-on']")
check(work is not None, "no 'What to work on' section")
if work is not None and named:
    check([li.get("data-theme") for li in work.iter("li")] == named,
          "work on %s, insights names %s" % ([li.get("data-theme") for li in work.iter("li")], named))
# The reflections, stage by stage, as typed.
refl = root.find(".//dl[@class='reflections']")
for company, stage, well, better in db.execute("SELECT r.company, f.stage_id, f.went_well, f.do_better FROM reflection f"
        " JOIN rejection r ON r.id = f.rejection_id" + (" WHERE r.rejected_on >= '%s'" % since if since else "")):
    text = "".join(refl.itertext()) if refl is not None else ""
    check(company in text and (well or "") in text and (better or "") in text, "reflection of %s: %r" % (company, text))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
"$REBOUND" insights --json >"$TMP/insights.json"
run python3 "$TMP/check.py" "$REBOUND_HOME/rebound.db" "$TMP/report.html" "$TODAY" "" "$TMP/insights.json"
expect_status 0
[ "$status" -eq 0 ] || echo "$out"

# --since: only the sessions and rejections from that day on; --out - writes to standard output.
run "$REBOUND" report --since "$since" --out -
expect_status 0
printf '%s\n' "$out" >"$TMP/since.html"
expect_true "grep -q '<title>rebound: progress report, since $since</title>' '$TMP/since.html'"
run python3 "$TMP/check.py" "$REBOUND_HOME/rebound.db" "$TMP/since.html" "$TODAY" "$since"
expect_status 0
[ "$status" -eq 0 ] || echo "$out"

# A pipe (or a device) is written into, never replaced by a file.
mkfifo "$TMP/pipe"
timeout 20 cat "$TMP/pipe" >"$TMP/from-pipe" &
run "$REBOUND" report --out "$TMP/pipe"
wait
expect_status 0
expect_true "[ -p '$TMP/pipe' ] && grep -q '</html>' '$TMP/from-pipe'"

# Through a symbolic link: the file it names is replaced, the link kept; a link to a descriptor
# (/dev/stdout is one) is written into.
printf 'old' >"$TMP/real.html"
ln -s "$TMP/real.html" "$TMP/link.html"
run "$REBOUND" report --out "$TMP/link.html"
expect_status 0
expect_true "[ -L '$TMP/link.html' ] && grep -q '</html>' '$TMP/real.html'"
ln -s /proc/self/fd/1 "$TMP/stdout-link"
"$REBOUND" report --out "$TMP/stdout-link" >"$TMP/via-stdout.html"
expect_true "[ -L '$TMP/stdout-link' ] && grep -q '</html>' '$TMP/via-stdout.html'"

# The default place is report.html in the data dir.
run "$REBOUND" report
expect_status 0
expect_out "Wrote the report to $REBOUND_HOME/report.html."
expect_true "[ -s '$REBOUND_HOME/report.html' ]"

# --open: xdg-open when there is a desktop, a note when there is none, an error when it fails.
mkdir -p "$TMP/bin"
printf '#!/bin/sh\necho "$@" >"%s/opened"\nexit "${FAKE_EXIT:-0}"\n' "$TMP" >"$TMP/bin/xdg-open"
chmod +x "$TMP/bin/xdg-open"
PATH="$TMP/bin:$PATH" DISPLAY=:7 run "$REBOUND" report --out "$TMP/r.html" --open
expect_status 0
expect_true "[ \"\$(cat '$TMP/opened')\" = '$TMP/r.html' ]"
rm -f "$TMP/opened"
env -u DISPLAY -u WAYLAND_DISPLAY PATH="$TMP/bin:$PATH" "$REBOUND" report --out "$TMP/r.html" --open \
	>"$TMP/.out" 2>"$TMP/.err"
status=$? err=$(cat "$TMP/.err")
expect_status 0
expect_err "report: no desktop to open it on (neither DISPLAY nor WAYLAND_DISPLAY is set); open $TMP/r.html in a browser"
expect_true "[ ! -e '$TMP/opened' ]"
PATH="$TMP/bin:$PATH" WAYLAND_DISPLAY=wayland-0 FAKE_EXIT=4 run "$REBOUND" report --out "$TMP/r.html" --open
expect_status 3
expect_err "rebound: report: xdg-open could not open $TMP/r.html (exit 4)"

# Errors: a bad date, --open with standard output, a folder that is not there (nothing written).
run "$REBOUND" report --since 'last week'
expect_status 2
expect_err "rebound: report: --since takes a day (YYYY-MM-DD, today, yesterday or -N days), not 'last week'"
run "$REBOUND" report --out - --open
expect_status 2
run "$REBOUND" report --out "$TMP/nowhere/r.html"
expect_status 3
expect_err_has "rebound: report: cannot create '$TMP/nowhere/r.html"
finish
