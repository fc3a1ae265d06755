/* report: gathers the progress report's figures from the store (see report.h); report-html.c writes them. */
#include "rebound/coach.h"
#include "rebound/date.h"
#include "rebound/report.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The index of session id in report->sessions (sorted by id), or report->session_count. */
static size_t session_index(const struct report *r, long long id)
{
	size_t low = 0, high = r->session_count;

	while (low < high) {
		size_t mid = low + (high - low) / 2;
		if (r->sessions[mid].session_id < id)
			low = mid + 1;
		else
			high = mid;
	}
	return low < r->session_count && r->sessions[low].session_id == id ? low : r->session_count;
}

static const char *local_day(const char *iso, struct arena *arena)
{
	char *day = arena_alloc(arena, 11);

	date_format_day(date_local_day_iso(iso), day);
	return day;
}

static void add_theme(struct report *r, const char *id, const char *title, const struct store_theme_point *p, size_t n,
		      struct arena *arena)
{
	struct report_theme *t = &r->themes[r->theme_count++];
	size_t i;

	t->id = id;
	t->title = title;
	t->evidence_theme = -1;
	t->points = arena_alloc(arena, n * sizeof *t->points);
	t->x = arena_alloc(arena, n * sizeof *t->x);
	for (i = 0; i < n; i++) {
		t->points[t->count].session_id = p[i].session_id;
		t->points[t->count].sum = p[i].sum;
		t->points[t->count].count = p[i].count;
		t->x[t->count] = session_index(r, p[i].session_id);
		t->count += t->x[t->count] < r->session_count;
	}
	stats_theme(t->points, t->count, &t->stats);
}

/* Splits points (ordered by theme, then session) into themes: the catalog's first, then the rest. */
static void group_themes(struct report *r, const struct store_theme_point *points, size_t count, struct arena *arena)
{
	size_t t, first, end, themes = bank_theme_count(r->catalog);

	r->themes = arena_alloc(arena, (count + 1) * sizeof *r->themes);
	memset(r->themes, 0, (count + 1) * sizeof *r->themes);
	for (t = 0; t < themes; t++) {
		const struct bank_theme *theme = bank_theme_at(r->catalog, t);
		for (first = 0; first < count && strcmp(points[first].theme_id, theme->id) != 0; first++)
			;
		for (end = first; end < count && strcmp(points[end].theme_id, theme->id) == 0; end++)
			;
		if (end > first)
			add_theme(r, theme->id, theme->title, points + first, end - first, arena);
	}
	for (first = 0; first < count; first = end) {
		for (end = first; end < count && strcmp(points[end].theme_id, points[first].theme_id) == 0; end++)
			;
		if (bank_theme_find(r->catalog, points[first].theme_id) == NULL)
			add_theme(r, points[first].theme_id, points[first].theme_id, points + first, end - first, arena);
	}
}

/* Puts each evidence point (ordered by theme, then session) with its theme, where the theme has one. */
static void add_evidence(struct report *r, const struct store_evidence_point *p, size_t count, struct arena *arena)
{
	size_t t, first, end, k;

	for (t = 0; t < r->theme_count; t++) {
		struct report_theme *theme = &r->themes[t];
		int which = coach_evidence_theme(theme->id);
		for (first = 0; first < count && strcmp(p[first].theme_id, theme->id) != 0; first++)
			;
		for (end = first; end < count && strcmp(p[end].theme_id, theme->id) == 0; end++)
			;
		if (which < 0 || end == first)
			continue;
		theme->evidence_theme = which;
		theme->evidence_share = arena_alloc(arena, (end - first) * sizeof *theme->evidence_share);
		theme->evidence_x = arena_alloc(arena, (end - first) * sizeof *theme->evidence_x);
		theme->evidence_ids = arena_alloc(arena, (end - first) * sizeof *theme->evidence_ids);
		for (k = first; k < end; k++) {
			size_t n = theme->evidence_count, x = session_index(r, p[k].session_id);
			if (x >= r->session_count)
				continue;
			theme->evidence_x[n] = x;
			theme->evidence_ids[n] = p[k].session_id;
			theme->evidence_share[n] = 100.0 * coach_evidence_held(&p[k], which) / p[k].answers;
			theme->evidence_held += coach_evidence_held(&p[k], which);
			theme->evidence_answers += p[k].answers;
			theme->evidence_count++;
		}
	}
}

#define CALENDAR_MIN_DAYS (12 * 7)	/* the calendar shows at least the last twelve weeks (after since_day) */

/* The streak, and sessions per local day from the first session (or twelve weeks ago, or since_day, if
 * later) to today. */
static void count_days(struct report *r, const char *const *starts, size_t count, long since_day, struct arena *arena)
{
	long *days = arena_alloc(arena, (count + 1) * sizeof *days);
	size_t i;

	for (i = 0; i < count; i++) {
		days[i] = date_local_day_iso(starts[i]);
		if (days[i] > r->today)
			days[i] = r->today;	/* stamped while the clock was ahead: today's, as for the streak */
	}
	stats_streak(days, count, r->today, &r->streak);
	r->last_day = r->today;
	if (count == 0) {
		r->first_day = r->today + 1;	/* no calendar */
		return;
	}
	r->first_day = days[0] < r->today - CALENDAR_MIN_DAYS + 1 ? days[0] : r->today - CALENDAR_MIN_DAYS + 1;
	if (since_day != REPORT_ALL_TIME && since_day > r->first_day)
		r->first_day = since_day;
	if (r->last_day < r->first_day)
		return;
	r->day_counts = arena_alloc(arena, (size_t)(r->last_day - r->first_day + 1) * sizeof *r->day_counts);
	memset(r->day_counts, 0, (size_t)(r->last_day - r->first_day + 1) * sizeof *r->day_counts);
	for (i = 0; i < count; i++)
		if (days[i] >= r->first_day && days[i] <= r->last_day)
			r->day_counts[days[i] - r->first_day]++;
}

/* Rejections on or after since_day, oldest first. */
static void keep_rejections(struct report *r, const struct store_rejection *list, size_t count, long since_day,
			    struct arena *arena)
{
	size_t i;

	r->rejections = arena_alloc(arena, (count + 1) * sizeof *r->rejections);
	r->rejection_count = 0;
	for (i = count; i-- > 0;) {
		long day;
		if (since_day != REPORT_ALL_TIME && date_parse_day(list[i].rejected_on, &day) == 0 && day < since_day)
			continue;
		r->rejections[r->rejection_count++] = list[i];
	}
}

/* Each kept rejection with its reflections (the list has only its themes). */
static int keep_reflections(struct report *r, struct store *store, struct arena *arena, char **cause)
{
	size_t i;

	for (i = 0; i < r->rejection_count; i++)
		if (store_rejection_get(store, r->rejections[i].id, arena, &r->rejections[i], cause) < 0)
			return -1;
	return 0;
}

static void add_best(struct report *r, const char *what, const char *figure, const char *when, struct arena *arena)
{
	struct report_best *b = &r->bests[r->best_count++];

	b->what = what;
	b->figure = arena_strdup(arena, figure);
	b->when = when;
}

const char *report_session_day(const struct report *r, long long id)
{
	size_t i = session_index(r, id);

	return i < r->session_count ? r->session_days[i] : "";
}

static void find_speaking_bests(struct report *r, struct arena *arena)
{
	const struct store_speaking_point *fewest = NULL, *quietest = NULL;
	char figure[64];
	size_t i;

	for (i = 0; i < r->speaking_count; i++) {
		const struct store_speaking_point *p = &r->speaking[i];
		if (p->fillers_per_minute >= 0 && (fewest == NULL || p->fillers_per_minute <= fewest->fillers_per_minute))
			fewest = p;
		if (quietest == NULL || p->silence_ratio <= quietest->silence_ratio)
			quietest = p;
	}
	if (r->speaking_count < 2)
		return;	/* as with a theme: a best needs something to beat */
	if (quietest != NULL) {
		snprintf(figure, sizeof figure, "%.0f%% silence", quietest->silence_ratio * 100);
		add_best(r, "Smoothest recorded session", figure, report_session_day(r, quietest->session_id), arena);
	}
	if (fewest != NULL) {
		snprintf(figure, sizeof figure, "%.1f fillers a minute", fewest->fillers_per_minute);
		add_best(r, "Fewest fillers", figure, report_session_day(r, fewest->session_id), arena);
	}
}

/* Each theme's best session, the longest streak, the busiest day, and the speaking bests; on ties the
 * latest wins, as in stats_theme. */
static void find_bests(struct report *r, struct arena *arena)
{
	char figure[64], *what, *when;
	long day, busiest = -1;
	size_t i;

	r->bests = arena_alloc(arena, (r->theme_count + 4) * sizeof *r->bests);
	for (i = 0; i < r->theme_count; i++) {
		const struct report_theme *t = &r->themes[i];
		if (t->count < 2)
			continue;	/* the best of one session says nothing */
		what = arena_alloc(arena, strlen(t->title) + 32);
		sprintf(what, "Best session for %s", t->title);
		snprintf(figure, sizeof figure, "%.1f average", t->stats.best);
		add_best(r, what, figure, report_session_day(r, t->stats.best_session), arena);
	}
	if (r->streak.longest > 0) {
		snprintf(figure, sizeof figure, "%ld day%s in a row", r->streak.longest, r->streak.longest == 1 ? "" : "s");
		add_best(r, "Longest streak", figure, "", arena);
	}
	for (day = r->first_day; day <= r->last_day; day++)
		if (r->day_counts[day - r->first_day] > 0 &&
		    (busiest < 0 || r->day_counts[day - r->first_day] >= r->day_counts[busiest - r->first_day]))
			busiest = day;
	if (busiest >= 0) {
		int n = r->day_counts[busiest - r->first_day];
		when = arena_alloc(arena, 11);
		date_format_day(busiest, when);
		snprintf(figure, sizeof figure, "%d session%s", n, n == 1 ? "" : "s");
		add_best(r, "Busiest day", figure, when, arena);
	}
	find_speaking_bests(r, arena);
}

static int gather_sessions(struct report *r, struct store *store, const struct store_range *range, long since_day,
			   struct arena *arena, char **cause)
{
	struct store_theme_point *points;
	struct store_evidence_point *evidence;
	const struct store_clear_enough clear = { TRANSCRIPT_MIN_CONFIDENCE, TRANSCRIPT_MIN_SPEAKING_MS };
	const char **starts;
	size_t count, i;

	if (store_session_times(store, range, arena, &r->sessions, &r->session_count, cause) != 0)
		return -1;
	r->session_days = arena_alloc(arena, (r->session_count + 1) * sizeof *r->session_days);
	for (i = 0; i < r->session_count; i++)
		r->session_days[i] = local_day(r->sessions[i].started_at, arena);
	if (store_theme_points(store, range, arena, &points, &count, cause) != 0)
		return -1;
	group_themes(r, points, count, arena);
	if (store_evidence_points(store, range, arena, &evidence, &count, cause) != 0)
		return -1;
	add_evidence(r, evidence, count, arena);
	if (store_totals(store, range, arena, &r->totals, &starts, &count, cause) != 0)
		return -1;
	count_days(r, starts, count, since_day, arena);
	if (store_speaking_points(store, range, &clear, arena, &r->speaking, &r->speaking_count, cause) != 0)
		return -1;
	r->speaking_x = arena_alloc(arena, (r->speaking_count + 1) * sizeof *r->speaking_x);
	for (i = 0; i < r->speaking_count; i++)
		r->speaking_x[i] = session_index(r, r->speaking[i].session_id);
	return 0;
}

/* The interviews that ended in an offer (every one: an offer is never out of range). */
static int keep_offers(struct report *r, struct store *store, struct arena *arena, char **cause)
{
	struct store_prep *list = NULL;
	size_t count = 0, i;

	if (store_prep_list(store, arena, &list, &count, cause) != 0)
		return -1;
	r->offers = arena_alloc(arena, (count + 1) * sizeof *r->offers);
	for (i = 0; i < count; i++)
		if (list[i].outcome != NULL && strcmp(list[i].outcome, "offer") == 0)
			r->offers[r->offer_count++] = list[i];
	return 0;
}

int report_gather(struct store *store, const struct bank_catalog *catalog, long since_day, long today,
		  struct arena *arena, struct report *r, char **cause)
{
	struct store_range range = { NULL, 0 };
	struct store_rejection *rejections;
	char *since = NULL, *label, generated[17];
	size_t count;

	memset(r, 0, sizeof *r);
	r->catalog = catalog;
	r->today = today;
	date_format_local(date_now(), generated);
	r->generated = arena_strdup(arena, generated);
	if (since_day != REPORT_ALL_TIME) {
		since = arena_alloc(arena, DATE_ISO_SIZE);
		date_iso_utc(date_day_start(since_day), since);
		range.since = since;
		label = arena_alloc(arena, 20);
		strcpy(label, "since ");
		date_format_day(since_day, label + 6);
		r->range_label = label;
	} else {
		r->range_label = "all time";
	}
	if (gather_sessions(r, store, &range, since_day, arena, cause) != 0 ||
	    store_rejection_list(store, arena, &rejections, &count, cause) != 0 ||
	    store_plan_list(store, arena, &r->actions, &r->action_count, cause) != 0)
		return -1;
	keep_rejections(r, rejections, count, since_day, arena);
	if (keep_reflections(r, store, arena, cause) != 0 || keep_offers(r, store, arena, cause) != 0 ||
	    coach_gather(store, today, arena, &r->coach, cause) != 0)
		return -1;
	find_bests(r, arena);
	return 0;
}
