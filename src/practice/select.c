/* select: picks an interview's questions: filters, no repeats, least recently asked first. */
#include "rebound/select.h"
#include "rebound/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct candidate {
	const struct bank_question *question;
	intptr_t asked;		/* 0 never, else bigger is more recent */
	size_t order;		/* the shuffled position, to keep ties random but the sort total */
};

int select_matches(const struct bank_question *q, const struct select_filter *filter)
{
	return (filter->bank == NULL || strcmp(q->bank->name, filter->bank) == 0) &&
	       (filter->stage == NULL || bank_question_has_stage(q, filter->stage)) &&
	       (filter->theme == NULL || bank_question_has_theme(q, filter->theme)) &&
	       q->difficulty >= filter->min_difficulty && q->difficulty <= filter->max_difficulty;
}

static int by_recency(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	if (x->asked != y->asked)
		return x->asked < y->asked ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

size_t select_questions(const struct bank_catalog *catalog, const struct select_filter *filter,
			const struct map *recency, size_t count, uint64_t *rng, const struct bank_question **out)
{
	size_t total = bank_question_total(catalog), n = 0, i;
	struct candidate *c = xcalloc(total ? total : 1, sizeof *c);

	for (i = 0; i < total; i++) {
		const struct bank_question *q = bank_question_at(catalog, i);
		if (!select_matches(q, filter))
			continue;
		c[n].question = q;
		c[n].asked = recency ? (intptr_t)map_get(recency, q->id) : 0;
		n++;
	}
	for (i = n; i > 1; i--) {	/* Fisher-Yates, then a stable order by recency */
		size_t j = (size_t)util_random_below(rng, i);
		struct candidate swap = c[i - 1];
		c[i - 1] = c[j];
		c[j] = swap;
	}
	for (i = 0; i < n; i++)
		c[i].order = i;
	qsort(c, n, sizeof *c, by_recency);
	if (count > n)
		count = n;
	for (i = 0; i < count; i++)
		out[i] = c[i].question;
	free(c);
	return count;
}
