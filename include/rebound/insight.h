/* insight: which themes to work on, ranked from two kinds of evidence: the rejections that cite a
 * theme (a recent one weighs more: its weight halves every INSIGHT_HALF_LIFE_DAYS days) and the
 * user's recent self-ratings of it (an average under 3 raises it, over 3 lowers it). Pure.
 *
 *   score = sum over citing rejections of 0.5^(age in days / half-life)
 *         + INSIGHT_RATING_WEIGHT x (3 - recent average) / 2        (only when there are ratings)
 *
 * so one fresh citation weighs 1, and the ratings move a theme by at most INSIGHT_RATING_WEIGHT. */
#ifndef REBOUND_INSIGHT_H
#define REBOUND_INSIGHT_H

#include <stddef.h>

#define INSIGHT_HALF_LIFE_DAYS 90.0
#define INSIGHT_RATING_WEIGHT 0.5

/* One logged rejection: the day it happened and the themes it cites. */
struct insight_rejection {
	long day;				/* date.h day number */
	const char *const *themes;
	size_t theme_count;
};

/* A theme's recent self-ratings. */
struct insight_rating {
	const char *theme_id;
	double average;				/* 1..5 */
	int count;				/* 0: no recent rating (ignored) */
};

struct insight_theme {
	const char *theme_id;			/* borrowed from the input */
	double score;
	double weight;				/* the rejections' part of the score */
	int citations;				/* rejections citing it */
	double rating_average;			/* 0 when rating_count is 0 */
	int rating_count;
};

/*
 * Ranks every theme cited by a rejection or with recent ratings: highest score first, ties broken by
 * more citations, then by theme id (strcmp). A rejection dated after today counts as today's; a theme
 * listed twice in one rejection is cited once; NULL ids are skipped. Ratings of one theme given in
 * several entries are merged (their averages weighted by count). Writes at most room themes to out;
 * returns how many were written.
 */
size_t insight_rank(const struct insight_rejection *rejections, size_t rejection_count,
		    const struct insight_rating *ratings, size_t rating_count, long today,
		    struct insight_theme *out, size_t room);

#endif
