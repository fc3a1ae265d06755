/* progress: per theme, the average self-rating of each session as a sparkline, first against latest,
 * the best session and how many ratings, with the evidence of the answers beside it where a theme has
 * one (structure: answers with a result; examples: with a number); then the practice streak and totals. */
#include "rebound/coach.h"
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/json.h"
#include "rebound/stats.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_THEME, OPT_SINCE, OPT_LAST, OPT_JSON };

#define SPARK_WIDTH 20	/* cells; longer histories are averaged into runs */
#define EVIDENCE_LABEL "  evidence"

struct range {
	char since[DATE_ISO_SIZE];	/* "" for all time */
	struct store_range store;
	const char *label;		/* "all time", "since 2026-10-01", "last 5 sessions" */
	char label_buf[64];
};

/* Turns --since and --last into the earliest session start to count. Returns CMD_OK or a status. */
static int parse_range(struct cmd_ctx *ctx, const struct cmd_args *args, struct arena *arena, struct range *range)
{
	const char *since = args->values[OPT_SINCE], *last = args->values[OPT_LAST];
	struct store_session *sessions;
	size_t count = 0;
	char *cause = NULL;
	long day;
	int n;

	memset(range, 0, sizeof *range);
	range->label = "all time";
	if (since != NULL) {
		if (date_parse_day(since, &day) != 0)
			return cmd_error(ctx, CMD_USAGE_ERROR, "progress: --since takes a date as YYYY-MM-DD, not '%s'", since);
		date_iso_utc(date_day_start(day), range->since);
		range->store.since = range->since;
		snprintf(range->label_buf, sizeof range->label_buf, "since %s", since);
		range->label = range->label_buf;
	}
	if (last == NULL)
		return CMD_OK;
	if (cmd_int_option(ctx, "progress", "last", last, 1, 1000000, &n) != 0)
		return CMD_USAGE_ERROR;
	if (store_session_list(ctx->app->store, 0, n, arena, &sessions, &count, &cause) != 0) {
		n = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return n;
	}
	range->store.first_id = count > 0 ? sessions[count - 1].id : 0;
	snprintf(range->label_buf, sizeof range->label_buf, "last %d session%s%s%s", n, n == 1 ? "" : "s",
		 since ? ", since " : "", since ? since : "");
	range->label = range->label_buf;
	return CMD_OK;
}

/* A terminal too narrow for the table (it needs NARROW_BELOW columns): each theme on two lines instead. */
#define NARROW_BELOW 76
static int narrow(struct cmd_ctx *ctx)
{
	int width = term_width(ctx->out);

	return width > 0 && width < NARROW_BELOW;
}

static void print_theme(struct cmd_ctx *ctx, const char *theme_id, const struct store_theme_point *p, size_t n,
			int id_width)
{
	struct stats_point *points = xcalloc(n, sizeof *points);
	double *values = xcalloc(n, sizeof *values);
	char spark[STATS_SPARK_MAX * 4 + 1], best[40];
	struct stats_theme s;
	size_t i, cells;

	for (i = 0; i < n; i++) {
		points[i].session_id = p[i].session_id;
		points[i].sum = p[i].sum;
		points[i].count = p[i].count;
		values[i] = stats_point_average(&points[i]);
	}
	stats_theme(points, n, &s);
	cells = stats_sparkline(values, n, SPARK_WIDTH, term_utf8(), spark, sizeof spark);
	snprintf(best, sizeof best, "%.1f #%lld", s.best, s.best_session);
	if (narrow(ctx))	/* the table would not fit: two lines a theme */
		fprintf(ctx->out, "%s %s\n  first %.1f, latest %.1f (%+.1f), best %s, %d rated\n", theme_id, spark,
			s.first, s.latest, s.change, best, s.rated);
	else
		fprintf(ctx->out, "%-*s  %s%*s  %5.1f  %6.1f  %+6.1f  %-9s  %5d\n", id_width, theme_id, spark,
			(int)(SPARK_WIDTH - cells), "", s.first, s.latest, s.change, best, s.rated);
	free(points);
	free(values);
}

/* The evidence points of theme_id (points are ordered by theme): *n of them from the returned one. */
static const struct store_evidence_point *theme_evidence(const char *theme_id, const struct store_evidence_point *points,
							 size_t count, size_t *n)
{
	size_t first, end;

	for (first = 0; first < count && strcmp(points[first].theme_id, theme_id) != 0; first++)
		;
	for (end = first; end < count && strcmp(points[end].theme_id, theme_id) == 0; end++)
		;
	*n = end - first;
	return points + first;
}

/* Under a theme's ratings: the share of its rated answers, session by session, that held what the
 * theme's evidence looks for, on the same columns. */
static void print_evidence(struct cmd_ctx *ctx, int t, const struct store_evidence_point *p, size_t n, int id_width)
{
	double *values = xcalloc(n, sizeof *values), first = 0, latest = 0;
	char spark[STATS_SPARK_MAX * 4 + 1];
	int held = 0, answers = 0;
	size_t i, cells;

	for (i = 0; i < n; i++) {
		double share = 100.0 * coach_evidence_held(&p[i], t) / p[i].answers;
		held += coach_evidence_held(&p[i], t);
		answers += p[i].answers;
		first = i == 0 ? share : first;
		latest = share;
		values[i] = 1 + 4 * share / 100;	/* onto the sparkline's 1..5 */
	}
	cells = stats_sparkline(values, n, SPARK_WIDTH, term_utf8(), spark, sizeof spark);
	if (narrow(ctx))
		fprintf(ctx->out, "  evidence %s %.0f%% then %.0f%% of the answers held a %s (%d of %d)\n", spark, first,
			latest, coach_evidence_looks_for(t), held, answers);
	else
		fprintf(ctx->out, "%-*s  %s%*s  %4.0f%%  %5.0f%%  of the answers held a %s (%d of %d in all)\n", id_width,
			EVIDENCE_LABEL, spark, (int)(SPARK_WIDTH - cells), "", first, latest, coach_evidence_looks_for(t),
			held, answers);
	free(values);
}

/* Prints each theme with points, in the catalog's theme order, then any the catalog no longer has. */
static void print_themes(struct cmd_ctx *ctx, const char *only, const struct store_theme_point *points, size_t count,
			 const struct store_evidence_point *evidence, size_t evidence_count)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	const struct store_evidence_point *held;
	size_t t, i, first, printed = 0, n;
	int id_width = evidence_count > 0 ? (int)strlen(EVIDENCE_LABEL) : 5, pass;

	for (i = 0; i < count; i++)
		if ((int)strlen(points[i].theme_id) > id_width)
			id_width = (int)strlen(points[i].theme_id);
	if (!narrow(ctx))
		fprintf(ctx->out, "%s%-*s  %-*s  %5s  %6s  %6s  %-9s  %5s%s\n", term_bold(ctx->color), id_width, "THEME",
			SPARK_WIDTH, "TREND", "FIRST", "LATEST", "CHANGE", "BEST", "RATED", term_reset(ctx->color));
	for (pass = 0; pass < 2; pass++) {
		for (t = 0; t < (pass == 0 ? bank_theme_count(catalog) : count); t++) {
			const char *id = pass == 0 ? bank_theme_at(catalog, t)->id : points[t].theme_id;
			if ((only && strcmp(id, only) != 0) || (pass == 1 && (t > 0 && strcmp(points[t - 1].theme_id, id) == 0)))
				continue;
			if (pass == 1 && bank_theme_find(catalog, id) != NULL)
				continue;
			for (first = 0; first < count && strcmp(points[first].theme_id, id) != 0; first++)
				;
			for (i = first; i < count && strcmp(points[i].theme_id, id) == 0; i++)
				;
			if (i == first)
				continue;
			print_theme(ctx, id, points + first, i - first, id_width);
			printed++;
			held = theme_evidence(id, evidence, evidence_count, &n);
			if (n > 0 && coach_evidence_theme(id) >= 0)
				print_evidence(ctx, coach_evidence_theme(id), held, n, id_width);
		}
	}
	if (printed == 0)
		fprintf(ctx->out, "No ratings of %s in this range.\n", only ? only : "any theme");
}

/* How a trend's figures are shown: mapped onto the sparkline's fixed 1..5 scale, and printed with
 * decimals and a sign ("%" or ""), then unit after the latest. */
struct trend {
	const char *label;
	double (*scale)(double value);
	int decimals;
	const char *sign, *unit;
};

/* One sparkline row: the values, first and latest figures. */
static void print_trend(struct cmd_ctx *ctx, const struct trend *trend, const double *values, size_t n)
{
	double *scaled = xcalloc(n, sizeof *scaled);
	char spark[STATS_SPARK_MAX * 4 + 1], first[32], latest[32];
	size_t i, cells;

	for (i = 0; i < n; i++)
		scaled[i] = trend->scale(values[i]);
	cells = stats_sparkline(scaled, n, SPARK_WIDTH, term_utf8(), spark, sizeof spark);
	snprintf(first, sizeof first, "%*.*f%s", 3 + (trend->decimals > 0) + trend->decimals, trend->decimals,
		 values[0], trend->sign);
	snprintf(latest, sizeof latest, "%*.*f%s", 3 + (trend->decimals > 0) + trend->decimals, trend->decimals,
		 values[n - 1], trend->sign);
	fprintf(ctx->out, "  %-13s %s%*s  first %s  latest %s%s\n", trend->label, spark, (int)(SPARK_WIDTH - cells),
		"", first, latest, trend->unit);
	free(scaled);
}

static double silence_scale(double percent)
{
	return 1 + 4 * percent / 100;
}

static double pauses_scale(double pauses)
{
	return 1 + (pauses < 4 ? pauses : 4);		/* 0-4+ per answer */
}

static double pace_scale(double wpm)
{
	double cell = 1 + (wpm - 90) / 30;		/* 90-210 words a minute: 150 in the middle */

	return cell < 1 ? 1 : cell > 5 ? 5 : cell;
}

static double fillers_scale(double per_minute)
{
	return 1 + (per_minute < 8 ? per_minute : 8) / 2;	/* 0-8+ a minute */
}

/* Recorded answers per session: silence, long pauses, pace, fillers and hedges, as sparklines. Pace and
 * the transcript figures count only the sessions that have them (transcripts clear enough to coach from). */
static void print_speaking(struct cmd_ctx *ctx, const struct store_speaking_point *p, size_t n)
{
	static const struct trend silence = { "silence", silence_scale, 0, "%", " (lower is smoother)" };
	static const struct trend pauses = { "long pauses", pauses_scale, 1, "", " per answer" };
	static const struct trend pace = { "pace", pace_scale, 0, "", " words a minute (130-170 is comfortable)" };
	static const struct trend fillers = { "fillers", fillers_scale, 1, "", " a minute, from transcripts (under 2)" };
	static const struct trend hedges = { "hedges", fillers_scale, 1, "", " a minute, from transcripts" };
	double *values = xcalloc(n, sizeof *values);
	size_t i, k;
	int recordings = 0;

	for (i = 0; i < n; i++)
		recordings += p[i].recordings;
	fprintf(ctx->out, "\nSpeaking, over %d recorded answer%s:\n", recordings, recordings == 1 ? "" : "s");
	for (i = 0; i < n; i++)
		values[i] = p[i].silence_ratio * 100;
	print_trend(ctx, &silence, values, n);
	for (i = 0; i < n; i++)
		values[i] = p[i].long_pauses;
	print_trend(ctx, &pauses, values, n);
	for (i = k = 0; i < n; i++)
		if (p[i].pace_wpm > 0)
			values[k++] = p[i].pace_wpm;
	if (k > 0)
		print_trend(ctx, &pace, values, k);
	for (i = k = 0; i < n; i++)
		if (p[i].fillers_per_minute >= 0)
			values[k++] = p[i].fillers_per_minute;
	if (k > 0)
		print_trend(ctx, &fillers, values, k);
	for (i = k = 0; i < n; i++)
		if (p[i].hedges_per_minute >= 0)
			values[k++] = p[i].hedges_per_minute;
	if (k > 0)
		print_trend(ctx, &hedges, values, k);
	free(values);
}

static void print_totals(struct cmd_ctx *ctx, const struct store_totals *totals, const char *const *starts,
			 size_t count)
{
	long *days = xcalloc(count + 1, sizeof *days);
	struct stats_streak streak;
	char answering[16];
	size_t i;

	for (i = 0; i < count; i++)
		days[i] = date_local_day_iso(starts[i]);
	stats_streak(days, count, date_today(), &streak);
	date_format_duration(totals->answer_ms, answering);
	fprintf(ctx->out, "\nStreak: %ld day%s in a row (longest %ld).\n", streak.current, streak.current == 1 ? "" : "s",
		streak.longest);
	fprintf(ctx->out, "Totals: %lld session%s on %ld day%s, %lld answer%s (%lld rated), %s answering.\n",
		totals->sessions, totals->sessions == 1 ? "" : "s", streak.days, streak.days == 1 ? "" : "s",
		totals->answers, totals->answers == 1 ? "" : "s", totals->rated_answers, answering);
	free(days);
}

/* The small wins: interviews that ended in an offer ('prep done ID offer'). */
static void print_offers(struct cmd_ctx *ctx, struct arena *arena)
{
	struct store_prep *list = NULL;
	size_t count = 0, i, offers = 0;

	if (store_prep_list(ctx->app->store, arena, &list, &count, NULL) != 0)
		return;
	for (i = 0; i < count; i++) {
		if (list[i].outcome == NULL || strcmp(list[i].outcome, "offer") != 0)
			continue;
		fprintf(ctx->out, "%s%s (%s)", offers++ ? ", " : "Offers: ", list[i].company, list[i].on_day);
	}
	if (offers > 0)
		fprintf(ctx->out, ".\n");
}

/* Everything progress shows, gathered once for the text and the JSON. */
struct progress {
	struct store_theme_point *points;
	struct store_speaking_point *speaking;
	struct store_evidence_point *evidence;
	const char **starts;
	struct store_totals totals;
	size_t count, start_count, speaking_count, evidence_count;
};

/* One theme's points, summary and evidence, as JSON. */
static void json_theme(struct json *j, const char *id, const struct progress *g, size_t first, size_t end)
{
	struct stats_point *points = xcalloc(end - first, sizeof *points);
	const struct store_evidence_point *held;
	struct stats_theme s;
	size_t i, n;

	json_object(j, NULL);
	json_string(j, "id", id);
	json_array(j, "sessions");
	for (i = first; i < end; i++) {
		points[i - first].session_id = g->points[i].session_id;
		points[i - first].sum = g->points[i].sum;
		points[i - first].count = g->points[i].count;
		json_object(j, NULL);
		json_int(j, "session", g->points[i].session_id);
		json_double(j, "average", stats_point_average(&points[i - first]));
		json_int(j, "ratings", g->points[i].count);
		json_object_end(j);
	}
	json_array_end(j);
	stats_theme(points, end - first, &s);
	json_double(j, "first", s.first);
	json_double(j, "latest", s.latest);
	json_double(j, "change", s.change);
	json_double(j, "best", s.best);
	json_int(j, "best_session", s.best_session);
	json_int(j, "rated", s.rated);
	held = theme_evidence(id, g->evidence, g->evidence_count, &n);
	if (n > 0 && coach_evidence_theme(id) >= 0) {
		json_string(j, "evidence_looks_for", coach_evidence_looks_for(coach_evidence_theme(id)));
		json_array(j, "evidence");
		for (i = 0; i < n; i++) {
			json_object(j, NULL);
			json_int(j, "session", held[i].session_id);
			json_int(j, "answers", held[i].answers);
			json_int(j, "held", coach_evidence_held(&held[i], coach_evidence_theme(id)));
			json_object_end(j);
		}
		json_array_end(j);
	}
	json_object_end(j);
	free(points);
}

/* {"command": "progress", "version": 1, "range", "themes": [...], "speaking": [...], "streak", "totals",
 * "offers"}: themes in the order their points come (by theme id), each with every session's average. */
static void print_json(struct cmd_ctx *ctx, const char *only, const struct range *range, const struct progress *g,
		       struct arena *arena)
{
	struct store_prep *preps = NULL;
	size_t i, first, prep_count = 0;
	long *days = xcalloc(g->start_count + 1, sizeof *days);
	struct stats_streak streak;
	struct json j;

	json_begin(&j, ctx->out, "progress", 1);
	json_string(&j, "range", range->label);
	json_array(&j, "themes");
	for (first = 0; first < g->count; first = i) {
		for (i = first; i < g->count && strcmp(g->points[i].theme_id, g->points[first].theme_id) == 0; i++)
			;
		if (only == NULL || strcmp(only, g->points[first].theme_id) == 0)
			json_theme(&j, g->points[first].theme_id, g, first, i);
	}
	json_array_end(&j);
	json_array(&j, "speaking");
	for (i = 0; i < g->speaking_count && only == NULL; i++) {
		const struct store_speaking_point *p = &g->speaking[i];
		json_object(&j, NULL);
		json_int(&j, "session", p->session_id);
		json_int(&j, "recordings", p->recordings);
		json_double(&j, "silence_ratio", p->silence_ratio);
		json_double(&j, "long_pauses", p->long_pauses);
		json_double(&j, "pace_wpm", p->pace_wpm > 0 ? p->pace_wpm : NAN);
		json_double(&j, "fillers_per_minute", p->fillers_per_minute >= 0 ? p->fillers_per_minute : NAN);
		json_double(&j, "hedges_per_minute", p->hedges_per_minute >= 0 ? p->hedges_per_minute : NAN);
		json_object_end(&j);
	}
	json_array_end(&j);
	for (i = 0; i < g->start_count; i++)
		days[i] = date_local_day_iso(g->starts[i]);
	stats_streak(days, g->start_count, date_today(), &streak);
	json_object(&j, "streak");
	json_int(&j, "current", streak.current);
	json_int(&j, "longest", streak.longest);
	json_int(&j, "days", streak.days);
	json_object_end(&j);
	json_object(&j, "totals");
	json_int(&j, "sessions", g->totals.sessions);
	json_int(&j, "answers", g->totals.answers);
	json_int(&j, "rated_answers", g->totals.rated_answers);
	json_int(&j, "answer_ms", g->totals.answer_ms);
	json_object_end(&j);
	json_array(&j, "offers");
	if (store_prep_list(ctx->app->store, arena, &preps, &prep_count, NULL) == 0)
		for (i = 0; i < prep_count; i++)
			if (preps[i].outcome != NULL && strcmp(preps[i].outcome, "offer") == 0) {
				json_object(&j, NULL);
				json_string(&j, "company", preps[i].company);
				json_string(&j, "on_day", preps[i].on_day);
				json_object_end(&j);
			}
	json_array_end(&j);
	json_end(&j);
	free(days);
}

static int cmd_progress_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *theme = args->values[OPT_THEME];
	struct store_clear_enough clear = { TRANSCRIPT_MIN_CONFIDENCE, TRANSCRIPT_MIN_SPEAKING_MS };
	struct progress g;
	struct range range;
	struct arena arena;
	char *cause = NULL;
	int status;

	if (theme != NULL && cmd_theme_arg(ctx, theme) == NULL)
		return CMD_USER_ERROR;
	memset(&g, 0, sizeof g);
	arena_init(&arena);
	if ((status = parse_range(ctx, args, &arena, &range)) != CMD_OK)
		goto out;
	if (store_theme_points(ctx->app->store, &range.store, &arena, &g.points, &g.count, &cause) != 0 ||
	    store_totals(ctx->app->store, &range.store, &arena, &g.totals, &g.starts, &g.start_count, &cause) != 0 ||
	    store_speaking_points(ctx->app->store, &range.store, &clear, &arena, &g.speaking, &g.speaking_count,
				  &cause) != 0 ||
	    store_evidence_points(ctx->app->store, &range.store, &arena, &g.evidence, &g.evidence_count, &cause) != 0) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		goto out;
	}
	if (args->values[OPT_JSON] != NULL) {
		print_json(ctx, theme, &range, &g, &arena);
		goto out;
	}
	if (g.totals.sessions == 0) {
		fprintf(ctx->out, "No sessions %s%s: 'interview' starts one.\n", range.since[0] ? "" : "yet",
			range.since[0] ? range.label : "");
		goto out;
	}
	fprintf(ctx->out, "Progress per theme, %s (ratings 1-5, averaged per session):\n", range.label);
	print_themes(ctx, theme, g.points, g.count, g.evidence, g.evidence_count);
	if (g.speaking_count > 0 && theme == NULL)
		print_speaking(ctx, g.speaking, g.speaking_count);
	print_totals(ctx, &g.totals, g.starts, g.start_count);
	print_offers(ctx, &arena);
out:
	arena_release(&arena);
	return status;
}

const struct cmd_entry cmd_progress_entry = {
	.name = "progress",
	.usage = "[--theme T] [--since DATE] [--last N] [--json]",
	.help = "show how each theme's self-ratings moved across sessions, streaks and totals",
	.description =
		"For each theme: the average rating of each session as a sparkline (oldest on the left;\n"
		"more than 20 sessions are averaged into runs), the first and the latest session's average,\n"
		"the change between them, the best session and the number of ratings. Under structure and\n"
		"examples, the evidence beside them: the share of those rated answers, session by session,\n"
		"whose text (or clear transcript) held a result, or a number. Then the practice streak (days\n"
		"in a row with a session, local time) and totals for the range.",
	.flags = CMD_NEEDS_CATALOG | CMD_COMMON,
	.options = {
		[OPT_THEME] = { "theme", "T", COMPLETE_THEME, "only theme T" },
		[OPT_SINCE] = { "since", "DATE", COMPLETE_NONE, "only sessions from DATE (YYYY-MM-DD) on" },
		[OPT_LAST] = { "last", "N", COMPLETE_NONE, "only the N newest sessions" },
		[OPT_JSON] = { "json", NULL, COMPLETE_NONE, "print JSON, in the stable layout the README lists" },
	},
	.exec = cmd_progress_exec,
};
