/* insight: ranks the themes to work on from the rejections that cite them (recent ones weigh more)
 * and the user's recent self-ratings of them (see insight.h). Inputs are small (tens of rejections,
 * a few dozen themes), so themes are found by a linear search. */
#include "rebound/insight.h"
#include "rebound/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The theme_id entry of themes[0..*count), added (zeroed) if it is not there yet. */
static struct insight_theme *theme_entry(struct insight_theme *themes, size_t *count, const char *theme_id)
{
	size_t i;

	for (i = 0; i < *count; i++)
		if (strcmp(themes[i].theme_id, theme_id) == 0)
			return &themes[i];
	memset(&themes[*count], 0, sizeof themes[*count]);
	themes[*count].theme_id = theme_id;
	return &themes[(*count)++];
}

/* 1 if themes[index] already appeared earlier in the same list: a rejection cites a theme once. */
static int listed_before(const char *const *themes, size_t index)
{
	size_t i;

	for (i = 0; i < index; i++)
		if (themes[i] != NULL && strcmp(themes[i], themes[index]) == 0)
			return 1;
	return 0;
}

static void add_rejection(const struct insight_rejection *rejection, long today, struct insight_theme *themes,
			  size_t *count)
{
	long age = today - rejection->day;
	double weight = pow(0.5, (age > 0 ? (double)age : 0) / INSIGHT_HALF_LIFE_DAYS);
	size_t i;

	for (i = 0; i < rejection->theme_count; i++) {
		struct insight_theme *theme;
		if (rejection->themes[i] == NULL || listed_before(rejection->themes, i))
			continue;
		theme = theme_entry(themes, count, rejection->themes[i]);
		theme->weight += weight;
		theme->citations++;
	}
}

/* Two entries for one theme are merged as one set of ratings: their average weighted by count. */
static void add_rating(const struct insight_rating *rating, struct insight_theme *themes, size_t *count)
{
	struct insight_theme *theme;
	int total;

	if (rating->count <= 0 || rating->theme_id == NULL)
		return;
	theme = theme_entry(themes, count, rating->theme_id);
	total = theme->rating_count + rating->count;
	theme->rating_average = (theme->rating_average * theme->rating_count + rating->average * rating->count)
				/ total;
	theme->rating_count = total;
}

static int compare_themes(const void *a, const void *b)
{
	const struct insight_theme *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->citations != y->citations)
		return x->citations > y->citations ? -1 : 1;
	return strcmp(x->theme_id, y->theme_id);
}

size_t insight_rank(const struct insight_rejection *rejections, size_t rejection_count,
		    const struct insight_rating *ratings, size_t rating_count, long today,
		    struct insight_theme *out, size_t room)
{
	struct insight_theme *themes;
	size_t most = rating_count, count = 0, i;

	for (i = 0; i < rejection_count; i++)
		most += rejections[i].theme_count;
	if (most == 0 || room == 0)
		return 0;
	themes = xcalloc(most, sizeof *themes);
	for (i = 0; i < rejection_count; i++)
		add_rejection(&rejections[i], today, themes, &count);
	for (i = 0; i < rating_count; i++)
		add_rating(&ratings[i], themes, &count);
	for (i = 0; i < count; i++) {
		themes[i].score = themes[i].weight;
		if (themes[i].rating_count > 0)
			themes[i].score += INSIGHT_RATING_WEIGHT * (3 - themes[i].rating_average) / 2;
	}
	qsort(themes, count, sizeof *themes, compare_themes);
	if (count > room)
		count = room;
	memcpy(out, themes, count * sizeof *out);
	free(themes);
	return count;
}
