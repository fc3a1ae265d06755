/* report-html: writes a gathered report (report.h) as one HTML file: inline CSS for screen, narrow
 * screens and print, the charts as inline SVG (chart.c), every text escaped, nothing that loads from
 * anywhere. The markup is also well-formed XML (void elements closed), so strict parsers read it. */
#include "rebound/chart.h"
#include "rebound/coach.h"
#include "rebound/date.h"
#include "rebound/html.h"
#include "rebound/report.h"
#include "rebound/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char style[] =
	":root{--ink:#1d2330;--muted:#5b6473;--line:#d5dae2;--bg:#fff;--s0:#2f6fb3;--s1:#c2572f;--s2:#6b7280;"
	"--s3:#2e8b57;--band:#e7f3ea}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0 auto;max-width:64rem;padding:1rem 1.25rem 3rem;font:16px/1.5 system-ui,-apple-system,"
	"'Segoe UI',sans-serif;color:var(--ink);background:var(--bg)}\n"
	"h1{font-size:1.75rem;margin:.5rem 0 0}h2{font-size:1.3rem;margin:2.25rem 0 .5rem;border-bottom:1px solid "
	"var(--line);padding-bottom:.25rem}h3{font-size:1rem;margin:0}\n"
	".meta,.caption,figcaption p{color:var(--muted);font-size:.9rem;margin:.25rem 0}\n"
	".figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem;margin:0}\n"
	".figures div{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}\n"
	".figures dt{color:var(--muted);font-size:.85rem}.figures dd{margin:0;font-size:1.25rem;font-weight:600}\n"
	".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem 1.5rem}\n"
	"figure{margin:0;break-inside:avoid}\n"
	"svg.chart{display:block;width:100%;max-width:36rem;height:auto;font-size:11px;font-family:inherit}\n"
	"svg.fixed{width:auto;max-width:100%}\n"
	".grid{stroke:var(--line);stroke-width:1}.axis{stroke:var(--muted);stroke-width:1}\n"
	".tick{fill:var(--muted)}.label{fill:var(--ink)}.note{fill:var(--muted);font-style:italic}\n"
	".band{fill:var(--band)}.ref{stroke:var(--s3);stroke-dasharray:4 3}\n"
	"polyline,svg line[class^=ch-]{fill:none;stroke-width:2}.dashed{stroke-dasharray:6 4}\n"
	".ch-s0{stroke:var(--s0);fill:var(--s0)}.ch-s1{stroke:var(--s1);fill:var(--s1)}"
	".ch-s2{stroke:var(--s2);fill:var(--s2)}.ch-s3{stroke:var(--s3);fill:var(--s3)}\n"
	"polyline.ch-s0,polyline.ch-s1,polyline.ch-s2,polyline.ch-s3{fill:none}\n"
	".day{rx:2px}.c0{fill:#eceff3}.c1{fill:#b9d3ee}.c2{fill:#7fb0e0}.c3{fill:#3f86cc}.c4{fill:#1c5a99}\n"
	".scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.95rem}\n"
	"th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}\n"
	"th{font-weight:600;color:var(--muted)}.chip{display:inline-block;border:1px solid var(--line);"
	"border-radius:1rem;padding:0 .5rem;margin:0 .25rem .25rem 0;font-size:.85rem}\n"
	".timeline{list-style:none;padding:0}.timeline li{margin:.75rem 0}blockquote{margin:.25rem 0 0 1rem;"
	"color:var(--muted)}\n"
	".work li{margin:.5rem 0}.reflections dt{font-weight:600;margin-top:.5rem}.reflections dd{margin:.25rem 0 0 1rem}\n"
	".done{color:var(--s3)}.overdue{color:var(--s1);font-weight:600}\n"
	"@media (max-width:40rem){body{padding:.75rem}.charts{grid-template-columns:1fr}h1{font-size:1.4rem}}\n"
	"@media print{body{max-width:none;padding:0;font-size:11pt}h2{break-after:avoid}section{break-inside:"
	"avoid-page}.scroll{overflow:visible}}\n";

static void head(FILE *out, const struct report *r)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	      "<meta name=\"generator\" content=\"rebound\"/>\n<title>rebound: progress report, ", out);
	html_text(out, r->range_label);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	fputs("<header>\n<h1>Progress report</h1>\n<p class=\"meta\">", out);
	html_text(out, r->range_label);
	fputs(" &#183; made ", out);
	html_text(out, r->generated);
	fputs(" by rebound from your own ratings and recordings</p>\n</header>\n", out);
}

static void figure(FILE *out, const char *term, const char *value)
{
	fputs("<div><dt>", out);
	html_text(out, term);
	fputs("</dt><dd>", out);
	html_text(out, value);
	fputs("</dd></div>\n", out);
}

static void summary(FILE *out, const struct report *r)
{
	char buf[64], duration[16];
	size_t i, done = 0;

	fputs("<section id=\"summary\">\n<h2>At a glance</h2>\n<dl class=\"figures\">\n", out);
	snprintf(buf, sizeof buf, "%lld", r->totals.sessions);
	figure(out, "Sessions", buf);
	snprintf(buf, sizeof buf, "%lld (%lld rated)", r->totals.answers, r->totals.rated_answers);
	figure(out, "Answers", buf);
	date_format_duration(r->totals.answer_ms, duration);
	figure(out, "Time answering", duration);
	snprintf(buf, sizeof buf, "%ld day%s (longest %ld)", r->streak.current, r->streak.current == 1 ? "" : "s",
		 r->streak.longest);
	figure(out, "Streak", buf);
	snprintf(buf, sizeof buf, "%zu", r->rejection_count);
	figure(out, "Rejections logged", buf);
	if (r->offer_count > 0) {
		snprintf(buf, sizeof buf, "%zu", r->offer_count);
		figure(out, "Offers", buf);
	}
	for (i = 0; i < r->action_count; i++)
		done += strcmp(r->actions[i].status, "done") == 0;
	snprintf(buf, sizeof buf, "%zu of %zu done", done, r->action_count);
	figure(out, "Plan actions", buf);
	fputs("</dl>\n</section>\n", out);
}

static void empty(FILE *out, const char *message)
{
	fputs("<p class=\"caption\">", out);
	html_text(out, message);
	fputs("</p>\n", out);
}

/* Under a theme's ratings: the share of its rated answers, session by session, that held what its
 * evidence looks for. */
static void evidence_chart(FILE *out, const struct report *r, const struct report_theme *t)
{
	const char *looks_for = coach_evidence_looks_for(t->evidence_theme);
	struct chart_series series = { NULL, t->evidence_x, t->evidence_share, t->evidence_ids, t->evidence_count, 1, 0 };
	struct chart_line chart;
	char *id = xasprintf("evidence-%s", t->id), *name = xasprintf("answers with a %s (%%)", looks_for);
	char *title = xasprintf("%s: the share of rated answers that held a %s, per session", t->title, looks_for);

	series.name = name;
	chart = (struct chart_line){ .id = id, .title = title, .x_label = "sessions, oldest to newest",
				     .y_label = "% of answers", .x_ticks = r->session_days, .x_count = r->session_count,
				     .y_min = 0, .y_max = 100, .y_step = 25, .series = &series, .series_count = 1 };
	fprintf(out, "<p class=\"caption\">Evidence beside the ratings: %d of %d rated answer%s held a %s (first "
		"%.0f%%, latest %.0f%%).</p>\n", t->evidence_held, t->evidence_answers, t->evidence_answers == 1 ? "" : "s",
		looks_for, t->evidence_share[0], t->evidence_share[t->evidence_count - 1]);
	chart_line(out, &chart);
	free(id);
	free(name);
	free(title);
}

static void theme_chart(FILE *out, const struct report *r, const struct report_theme *t)
{
	double *values = xcalloc(t->count + 1, sizeof *values);
	long long *ids = xcalloc(t->count + 1, sizeof *ids);
	struct chart_series series = { "average rating", t->x, values, ids, t->count, 0, 0 };
	struct chart_line chart = { 0 };
	char *id = xasprintf("theme-%s", t->id), *title = xasprintf("%s: self-rating per session", t->title);
	size_t i;

	for (i = 0; i < t->count; i++) {
		values[i] = stats_point_average(&t->points[i]);
		ids[i] = t->points[i].session_id;
	}
	chart = (struct chart_line){ .id = id, .title = title, .x_label = "sessions, oldest to newest",
				     .y_label = "rating (1-5)", .x_ticks = r->session_days, .x_count = r->session_count,
				     .y_min = 1, .y_max = 5, .y_step = 1, .series = &series, .series_count = 1 };
	fputs("<figure>\n<figcaption><h3>", out);
	html_text(out, t->title);
	if (t->count < 2)
		fprintf(out, "</h3><p>%d rating%s in one session</p></figcaption>\n", t->stats.rated,
			t->stats.rated == 1 ? "" : "s");
	else
		fprintf(out, "</h3><p>first %.1f &#183; latest %.1f (%+.1f) &#183; best %.1f on %s &#183; %d rating%s in "
			"%zu sessions</p></figcaption>\n", t->stats.first, t->stats.latest, t->stats.change, t->stats.best,
			report_session_day(r, t->stats.best_session), t->stats.rated, t->stats.rated == 1 ? "" : "s",
			t->count);
	if (t->count < 2) {	/* a lone dot on an empty chart says less than a sentence */
		fprintf(out, "<p class=\"caption lone\" data-id=\"%lld\" data-value=\"%.1f\">One session so far: %.1f "
			"on %s. The chart starts with the second.</p>\n", t->points[0].session_id, values[0], values[0],
			report_session_day(r, t->points[0].session_id));
	} else {
		chart_line(out, &chart);
	}
	if (t->evidence_theme >= 0 && t->evidence_count > 1)
		evidence_chart(out, r, t);
	fputs("</figure>\n", out);
	free(values);
	free(ids);
	free(id);
	free(title);
}

static const char *theme_title(const struct report *r, const char *id);

/* The themes 'insights' names, with the rejections and the ratings behind each: what to do next. */
static void work_on(FILE *out, const struct report *r)
{
	size_t named = coach_named(&r->coach), i, k, shown;

	fputs("<section id=\"work-on\">\n<h2>What to work on</h2>\n", out);
	if (named == 0) {
		empty(out, "Nothing points to a weak theme yet: log a rejection, or rate some answers.");
		fputs("</section>\n", out);
		return;
	}
	empty(out, "As 'insights' ranks them: the rejections that cite each theme (a citation weighs half after "
	      "90 days) and your ratings of the last 30 days.");
	fputs("<ol class=\"work\">\n", out);
	for (i = 0; i < named; i++) {
		const struct insight_theme *t = &r->coach.themes[i];
		fputs("<li data-theme=\"", out);
		html_attr(out, t->theme_id);
		fputs("\"><strong>", out);
		html_text(out, theme_title(r, t->theme_id));
		fprintf(out, "</strong><br/>cited by %d of %zu rejection%s", t->citations, r->coach.rejection_count,
			r->coach.rejection_count == 1 ? "" : "s");
		for (k = 0, shown = 0; k < r->coach.rejection_count && shown < 3; k++) {
			const struct store_rejection *rej = &r->coach.rejections[k];
			size_t c;
			for (c = 0; c < rej->theme_count && strcmp(rej->themes[c].theme_id, t->theme_id) != 0; c++)
				;
			if (c == rej->theme_count)
				continue;
			fputs(shown++ ? ", " : ": ", out);
			html_text(out, rej->company);
			fputs(" (", out);
			html_text(out, rej->rejected_on);
			fputs(")", out);
		}
		if (t->rating_count > 0)
			fprintf(out, "; your ratings of the last %d days average %.1f over %d", COACH_RECENT_DAYS,
				t->rating_average, t->rating_count);
		else
			fprintf(out, "; no rating in the last %d days", COACH_RECENT_DAYS);
		fputs("</li>\n", out);
	}
	fputs("</ol>\n</section>\n", out);
}

static void themes(FILE *out, const struct report *r)
{
	size_t i;

	fputs("<section id=\"themes\">\n<h2>Self-ratings by theme</h2>\n", out);
	if (r->theme_count == 0) {
		empty(out, "No rated answers in this range yet: rate your answers after an interview to see them here.");
	} else {
		empty(out, "Each point is one session's average self-rating of the theme (1 weak, 5 strong).");
		fputs("<div class=\"charts\">\n", out);
		for (i = 0; i < r->theme_count; i++)
			theme_chart(out, r, &r->themes[i]);
		fputs("</div>\n", out);
	}
	fputs("</section>\n", out);
}

/* A round step for an axis from 0 to at least top, in about five steps. */
static double nice_step(double top)
{
	static const double steps[] = { 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200 };
	size_t i;

	for (i = 0; i + 1 < sizeof steps / sizeof steps[0] && steps[i] * 5 < top; i++)
		;
	return steps[i];
}

static double axis_top(double top, double step)
{
	return step * ceil(top / step > 1 ? top / step : 1);
}

static void answer_time(FILE *out, const struct report *r)
{
	size_t n = r->session_count, i;
	double *used = xcalloc(n + 1, sizeof *used), *allowed = xcalloc(n + 1, sizeof *allowed), top = 0, step;
	long long *ids = xcalloc(n + 1, sizeof *ids), answers = 0, at_limit = 0;
	size_t *x = xcalloc(n + 1, sizeof *x);
	struct chart_series series[2] = { { "time used", x, used, ids, n, 0, 0 },
					  { "time allowed", x, allowed, ids, n, 2, 1 } };
	struct chart_line chart;

	for (i = 0; i < n; i++) {
		x[i] = i;
		ids[i] = r->sessions[i].session_id;
		used[i] = r->sessions[i].used_seconds;
		allowed[i] = r->sessions[i].limit_seconds;
		top = fmax(top, fmax(used[i], allowed[i]));
		answers += r->sessions[i].answers;
		at_limit += r->sessions[i].at_limit;
	}
	step = nice_step(top);
	chart = (struct chart_line){ .id = "answer-time", .title = "Answer time against the limit, per session",
				     .x_label = "sessions, oldest to newest", .y_label = "seconds (session average)",
				     .x_ticks = r->session_days, .x_count = n, .y_min = 0, .y_max = axis_top(top, step),
				     .y_step = step, .y_decimals = step < 1, .series = series, .series_count = 2 };
	fputs("<section id=\"time\">\n<h2>Answer time against the limit</h2>\n", out);
	if (n == 0) {
		empty(out, "No answers in this range yet.");
	} else {
		fprintf(out, "<p class=\"caption\">%lld of %lld answer%s ran to the limit. The dashed line is the time "
			"allowed; each point is a session's average.</p>\n<figure>\n", at_limit, answers,
			answers == 1 ? "" : "s");
		chart_line(out, &chart);
		fputs("</figure>\n", out);
	}
	fputs("</section>\n", out);
	free(used);
	free(allowed);
	free(ids);
	free(x);
}

/* One speaking chart over the sessions whose figure (picked by which) is there. */
static void speaking_chart(FILE *out, const struct report *r, struct chart_line *chart, int which)
{
	size_t n = r->speaking_count, i, k = 0;
	double *values = xcalloc(n + 1, sizeof *values);
	long long *ids = xcalloc(n + 1, sizeof *ids);
	size_t *x = xcalloc(n + 1, sizeof *x);
	struct chart_series series = { which ? "fillers a minute" : "words a minute", x, values, ids, 0, which, 0 };

	for (i = 0; i < n; i++) {
		const struct store_speaking_point *p = &r->speaking[i];
		double v = which ? p->fillers_per_minute : p->pace_wpm;
		if ((which ? v < 0 : v <= 0) || r->speaking_x[i] >= r->session_count)
			continue;
		values[k] = v;
		ids[k] = p->session_id;
		x[k++] = r->speaking_x[i];
	}
	series.count = k;
	chart->series = &series;
	chart->series_count = 1;
	chart->x_ticks = r->session_days;
	chart->x_count = r->session_count;
	chart->x_label = "sessions, oldest to newest";
	fputs("<figure>\n<figcaption><h3>", out);
	html_text(out, which ? "Fillers" : "Speaking pace");
	fputs("</h3></figcaption>\n", out);
	if (k == 0)
		empty(out, which ? "No transcript clear enough to count fillers from yet (they need pocketsphinx, 10 s of "
				   "speech and 50% confidence)." : "No recorded answer long enough to measure pace yet.");
	else
		chart_line(out, chart);
	fputs("</figure>\n", out);
	free(values);
	free(ids);
	free(x);
}

static void speaking(FILE *out, const struct report *r)
{
	struct chart_line pace = { .id = "pace", .title = "Speaking pace per session", .y_label = "words a minute",
				   .y_min = 60, .y_max = 240, .y_step = 30, .band_label = "comfortable: 130-170",
				   .band_from = 130, .band_to = 170 };
	struct chart_line fillers = { .id = "fillers", .title = "Fillers a minute per session",
				      .y_label = "fillers a minute", .y_min = 0, .y_max = 8, .y_step = 2,
				      .ref_label = "aim: under 2", .ref_value = 2 };
	size_t i;
	int recordings = 0;

	fputs("<section id=\"speaking\">\n<h2>Speaking</h2>\n", out);
	for (i = 0; i < r->speaking_count; i++)
		recordings += r->speaking[i].recordings;
	if (recordings == 0) {
		empty(out, "No recorded answers in this range: answer with --spoken to see pace and fillers here.");
	} else {
		fprintf(out, "<p class=\"caption\">Over %d recorded answer%s; each point is a session's average.</p>\n",
			recordings, recordings == 1 ? "" : "s");
		fputs("<div class=\"charts\">\n", out);
		speaking_chart(out, r, &pace, 0);
		speaking_chart(out, r, &fillers, 1);
		fputs("</div>\n", out);
	}
	fputs("</section>\n", out);
}

/* One grid a calendar year, oldest first. */
static void calendar(FILE *out, const struct report *r)
{
	long first, last;
	int year, month, day;
	char id[32], title[64];

	fputs("<section id=\"calendar\">\n<h2>Practice calendar</h2>\n", out);
	if (r->last_day < r->first_day || r->totals.sessions == 0) {
		empty(out, "No sessions in this range yet.");
		fputs("</section>\n", out);
		return;
	}
	fprintf(out, "<p class=\"caption\">Sessions per day: %lld session%s on %ld day%s. Darker is more.</p>\n",
		r->totals.sessions, r->totals.sessions == 1 ? "" : "s", r->streak.days, r->streak.days == 1 ? "" : "s");
	for (first = r->first_day; first <= r->last_day; first = last + 1) {
		date_civil_from_days(first, &year, &month, &day);
		last = date_days_from_civil(year, 12, 31);
		if (last > r->last_day)
			last = r->last_day;
		snprintf(id, sizeof id, "calendar-%d", year);
		snprintf(title, sizeof title, "Sessions per day in %d", year);
		fprintf(out, "<figure class=\"scroll\">\n<figcaption><h3>%d</h3></figcaption>\n", year);
		chart_calendar(out, id, title, first, last, r->day_counts + (first - r->first_day));
		fputs("</figure>\n", out);
	}
	fputs("</section>\n", out);
}

static const char *theme_title(const struct report *r, const char *id)
{
	const struct bank_theme *theme = bank_theme_find(r->catalog, id);

	return theme ? theme->title : id;
}

static char *rejection_detail(const struct report *r, const struct store_rejection *rejection)
{
	size_t size = strlen(rejection->company) + strlen(rejection->role) + 32, i;
	char *detail;

	for (i = 0; i < rejection->theme_count; i++)
		size += strlen(theme_title(r, rejection->themes[i].theme_id)) + 2;
	detail = xmalloc(size);
	snprintf(detail, size, "%s: %s, %s", rejection->rejected_on, rejection->company, rejection->role);
	for (i = 0; i < rejection->theme_count; i++) {
		strcat(detail, i ? ", " : ": ");
		strcat(detail, theme_title(r, rejection->themes[i].theme_id));
	}
	return detail;
}

static void rejection_item(FILE *out, const struct report *r, const struct store_rejection *rejection)
{
	const struct bank_stage *stage =
		rejection->stage_reached ? bank_stage_find(r->catalog, rejection->stage_reached) : NULL;
	size_t i;

	fprintf(out, "<li id=\"rejection-%lld\"><time datetime=\"", rejection->id);
	html_attr(out, rejection->rejected_on);
	fputs("\">", out);
	html_text(out, rejection->rejected_on);
	fputs("</time> <strong>", out);
	html_text(out, rejection->company);
	fputs("</strong>, ", out);
	html_text(out, rejection->role);
	if (rejection->stage_reached != NULL) {
		fputs(", reached ", out);
		html_text(out, stage ? stage->title : rejection->stage_reached);
	}
	fputs("<br/>", out);
	for (i = 0; i < rejection->theme_count; i++) {
		fputs("<span class=\"chip\" data-theme=\"", out);
		html_attr(out, rejection->themes[i].theme_id);
		fputs("\">", out);
		html_text(out, theme_title(r, rejection->themes[i].theme_id));
		if (rejection->themes[i].reason != NULL) {
			fputs(": ", out);
			html_text(out, rejection->themes[i].reason);
		}
		fputs("</span>", out);
	}
	if (rejection->theme_count == 0)
		fputs("<span class=\"caption\">no themes recorded</span>", out);
	if (rejection->feedback[0] != '\0') {
		fputs("<blockquote>", out);
		html_text(out, rejection->feedback);
		fputs("</blockquote>", out);
	}
	fputs("</li>\n", out);
}

/* What went well and what to do better, stage by stage in the process's order, from every rejection. */
static void reflections(FILE *out, const struct report *r)
{
	size_t s, i, k, any = 0;

	for (i = 0; i < r->rejection_count; i++)
		any += r->rejections[i].reflection_count;
	if (any == 0)
		return;
	fputs("<h3 id=\"reflections\">Your reflections, stage by stage</h3>\n<dl class=\"reflections\">\n", out);
	for (s = 0; s < bank_stage_count(r->catalog); s++) {
		const struct bank_stage *stage = bank_stage_at(r->catalog, s);
		int listed = 0;
		for (i = r->rejection_count; i-- > 0;) {	/* newest first */
			const struct store_rejection *rej = &r->rejections[i];
			for (k = 0; k < rej->reflection_count; k++) {
				const struct store_reflection *f = &rej->reflections[k];
				if (strcmp(f->stage_id, stage->id) != 0 || (f->went_well == NULL && f->do_better == NULL))
					continue;
				if (!listed++) {
					fputs("<dt>", out);
					html_text(out, stage->title);
					fputs("</dt>\n", out);
				}
				fputs("<dd><strong>", out);
				html_text(out, rej->company);
				fputs("</strong>", out);
				if (f->went_well != NULL) {
					fputs(" &#183; went well: ", out);
					html_text(out, f->went_well);
				}
				if (f->do_better != NULL) {
					fputs(" &#183; do better: ", out);
					html_text(out, f->do_better);
				}
				fputs("</dd>\n", out);
			}
		}
	}
	fputs("</dl>\n", out);
}

static void rejections(FILE *out, const struct report *r)
{
	struct chart_event *events = xcalloc(r->rejection_count + 1, sizeof *events);
	char **details = xcalloc(r->rejection_count + 1, sizeof *details);
	size_t i;

	fputs("<section id=\"rejections\">\n<h2>Rejections and the themes they raised</h2>\n", out);
	for (i = 0; i < r->rejection_count; i++) {
		const struct store_rejection *rejection = &r->rejections[i];
		details[i] = rejection_detail(r, rejection);
		events[i] = (struct chart_event){ 0, rejection->id, rejection->company, details[i] };
		if (date_parse_day(rejection->rejected_on, &events[i].day) != 0)
			events[i].day = i ? events[i - 1].day : 0;
	}
	if (r->rejection_count == 0) {
		empty(out, "No rejections logged in this range.");
	} else {
		fputs("<figure>\n", out);
		chart_timeline(out, "rejection-timeline", "Rejections over time", events, r->rejection_count);
		fputs("</figure>\n<ol class=\"timeline\">\n", out);
		for (i = 0; i < r->rejection_count; i++)
			rejection_item(out, r, &r->rejections[i]);
		fputs("</ol>\n", out);
		reflections(out, r);
	}
	fputs("</section>\n", out);
	for (i = 0; i < r->rejection_count; i++)
		free(details[i]);
	free(details);
	free(events);
}

static void plan_row(FILE *out, const struct report *r, const struct store_plan_action *action)
{
	long due;
	int overdue = action->due_on && strcmp(action->status, "done") != 0 &&
		      date_parse_day(action->due_on, &due) == 0 &&
		      due < r->today;

	fprintf(out, "<tr id=\"action-%lld\"><td>", action->id);
	html_text(out, theme_title(r, action->theme_id));
	fputs("</td><td>", out);
	html_text(out, action->text);
	fprintf(out, "</td><td class=\"%s\">", strcmp(action->status, "done") == 0 ? "done" : "");
	html_text(out, strcmp(action->status, "todo") == 0 ? "to do" : action->status);
	fprintf(out, "</td><td%s>", overdue ? " class=\"overdue\"" : "");
	if (action->due_on != NULL)
		html_text(out, action->due_on);
	fputs(overdue ? " (overdue)" : "", out);
	fputs("</td></tr>\n", out);
}

static void plan(FILE *out, const struct report *r)
{
	size_t i, counts[3] = { 0, 0, 0 };

	fputs("<section id=\"plan\">\n<h2>Growth plan</h2>\n", out);
	if (r->action_count == 0) {
		empty(out, "No plan actions yet: 'plan' suggests some for your weakest themes.");
		fputs("</section>\n", out);
		return;
	}
	for (i = 0; i < r->action_count; i++)
		counts[strcmp(r->actions[i].status, "done") == 0 ? 2 : strcmp(r->actions[i].status, "doing") == 0]++;
	fprintf(out, "<p class=\"caption\">%zu done, %zu under way, %zu to do.</p>\n", counts[2], counts[1], counts[0]);
	fputs("<div class=\"scroll\"><table>\n<thead><tr><th>Theme</th><th>Action</th><th>Status</th><th>Due</th></tr>"
	      "</thead>\n<tbody>\n", out);
	for (i = 0; i < r->action_count; i++)
		plan_row(out, r, &r->actions[i]);
	fputs("</tbody></table></div>\n</section>\n", out);
}

static void bests(FILE *out, const struct report *r)
{
	size_t i;

	fputs("<section id=\"bests\">\n<h2>Personal bests</h2>\n", out);
	if (r->best_count == 0) {
		empty(out, "None yet: they appear after your first rated session.");
		fputs("</section>\n", out);
		return;
	}
	fputs("<div class=\"scroll\"><table>\n<tbody>\n", out);
	for (i = 0; i < r->best_count; i++) {
		fputs("<tr><th>", out);
		html_text(out, r->bests[i].what);
		fputs("</th><td>", out);
		html_text(out, r->bests[i].figure);
		fputs("</td><td>", out);
		html_text(out, r->bests[i].when);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table></div>\n</section>\n", out);
}

void report_write_html(FILE *out, const struct report *r)
{
	head(out, r);
	fputs("<main>\n", out);
	summary(out, r);
	work_on(out, r);
	themes(out, r);
	answer_time(out, r);
	speaking(out, r);
	calendar(out, r);
	rejections(out, r);
	plan(out, r);
	bests(out, r);
	fputs("</main>\n<footer><p class=\"meta\">Self-ratings are your own judgement; transcripts are a machine's "
	      "guess. This file was written on your computer and sends nothing anywhere.</p></footer>\n"
	      "</body>\n</html>\n", out);
}
