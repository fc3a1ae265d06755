/* coach: reads the rejection log and the recent self-ratings from the store and ranks the themes
 * (insight.c holds the arithmetic). */
#include "rebound/coach.h"
#include "rebound/date.h"
#include "rebound/util.h"

#include <string.h>
#include <time.h>

/* Per-theme averages of the ratings given in sessions since day (in arena). */
static int recent_ratings(struct store *store, long since_day, struct arena *arena, struct insight_rating **out,
			  size_t *count, char **cause)
{
	char since[DATE_ISO_SIZE];
	struct store_range range = { since, 0 };
	struct store_theme_point *points = NULL;
	struct insight_rating *ratings;
	size_t point_count = 0, i, n = 0;

	date_iso_utc(date_day_start(since_day), since);
	if (store_theme_points(store, &range, arena, &points, &point_count, cause) != 0)
		return -1;
	ratings = arena_alloc(arena, (point_count + 1) * sizeof *ratings);
	for (i = 0; i < point_count; i++) {	/* points come grouped by theme */
		if (n == 0 || strcmp(ratings[n - 1].theme_id, points[i].theme_id) != 0)
			ratings[n++].theme_id = points[i].theme_id;
		ratings[n - 1].average += points[i].sum;
		ratings[n - 1].count += points[i].count;
	}
	for (i = 0; i < n; i++)
		ratings[i].average /= ratings[i].count;
	*out = ratings;
	*count = n;
	return 0;
}

static const char *const evidence_themes[COACH_CALIBRATION_THEMES] = { "structure", "examples" };
static const char *const looks_for[COACH_CALIBRATION_THEMES] = { "result", "number" };

int coach_evidence_theme(const char *theme_id)
{
	int t;

	for (t = 0; t < COACH_CALIBRATION_THEMES; t++)
		if (strcmp(theme_id, evidence_themes[t]) == 0)
			return t;
	return -1;
}

const char *coach_evidence_looks_for(int t)
{
	return looks_for[t];
}

int coach_evidence_held(const struct store_evidence_point *p, int t)
{
	return t == 0 ? p->with_result : p->with_number;
}

/* 1 if the evidence lacks what theme t looks for (the same test as store_evidence_points' counts). */
static int lacks(const struct store_evidence *e, int t)
{
	return t == 0 ? !e->result : e->numbers == 0;
}

int coach_calibrate(struct store *store, struct arena *arena, struct coach_calibration out[COACH_CALIBRATION_THEMES],
		    char **cause)
{
	int t;

	for (t = 0; t < COACH_CALIBRATION_THEMES; t++) {
		struct store_rated_evidence *rows;
		struct coach_calibration *c = &out[t];
		size_t count, i;
		double sum = 0;
		memset(c, 0, sizeof *c);
		c->theme_id = evidence_themes[t];
		c->missing = looks_for[t];
		if (store_rated_evidence(store, evidence_themes[t], COACH_CALIBRATION_ANSWERS, arena, &rows, &count, cause) != 0)
			return -1;
		for (i = 0; i < count; i++) {
			sum += rows[i].score;
			c->lacking += lacks(&rows[i].evidence, t);
		}
		c->answers = (int)count;
		if (count < COACH_CALIBRATION_MIN)
			continue;
		c->average = sum / (double)count;
		c->high = c->average >= 4.0 && c->lacking * 2 >= c->answers;
		c->low = c->average <= 2.5 && c->lacking * 4 <= c->answers;
	}
	return 0;
}

int coach_gather(struct store *store, long today, struct arena *arena, struct coach *out, char **cause)
{
	struct insight_rejection *input;
	struct insight_rating *ratings = NULL;
	size_t rating_count = 0, i, room;

	memset(out, 0, sizeof *out);
	out->today = today;
	if (store_rejection_list(store, arena, &out->rejections, &out->rejection_count, cause) != 0 ||
	    recent_ratings(store, today - COACH_RECENT_DAYS, arena, &ratings, &rating_count, cause) != 0)
		return -1;
	input = arena_alloc(arena, (out->rejection_count + 1) * sizeof *input);
	room = rating_count;
	for (i = 0; i < out->rejection_count; i++) {
		const struct store_rejection *r = &out->rejections[i];
		const char **themes = arena_alloc(arena, (r->theme_count + 1) * sizeof *themes);
		size_t t;
		for (t = 0; t < r->theme_count; t++)
			themes[t] = r->themes[t].theme_id;
		if (date_parse_day(r->rejected_on, &input[i].day) != 0)
			input[i].day = today;
		input[i].themes = themes;
		input[i].theme_count = r->theme_count;
		room += r->theme_count;
	}
	out->themes = arena_alloc(arena, (room + 1) * sizeof *out->themes);
	out->theme_count = insight_rank(input, out->rejection_count, ratings, rating_count, today, out->themes, room);
	return 0;
}

const struct insight_theme *coach_theme(const struct coach *coach, const char *theme_id)
{
	size_t i;

	for (i = 0; i < coach->theme_count; i++)
		if (strcmp(coach->themes[i].theme_id, theme_id) == 0)
			return &coach->themes[i];
	return NULL;
}

size_t coach_named(const struct coach *coach)
{
	size_t n = 0;

	while (n < coach->theme_count && n < COACH_NAMED_MAX && coach->themes[n].score > 0)
		n++;
	return n;
}
