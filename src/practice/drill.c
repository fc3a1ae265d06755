/* drill: orders the drill schedule (see drill.h). The schedule itself is kept by the store from the
 * ratings (store-review.c, sched.c); this only decides what comes up first. */
#include "rebound/date.h"
#include "rebound/drill.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

static double weakness_of(const struct coach *coach, const struct bank_question *q)
{
	double best = 0;
	size_t i;

	for (i = 0; i < q->themes.count; i++) {
		const struct insight_theme *t = coach_theme(coach, q->themes.items[i]);
		if (t != NULL && t->score > best)
			best = t->score;
	}
	return best;
}

/* An item with what the comparison needs besides it, since qsort passes no context. */
struct sortable {
	struct drill_item item;
	long today;
	size_t index;		/* the order the schedule listed it in, for stable ties */
};

/* 0: due and reviewed before, 1: due and new, 2: not due yet. */
static int group(const struct sortable *s)
{
	if (s->item.due_day > s->today)
		return 2;
	return s->item.is_new;
}

static int compare(const void *a, const void *b)
{
	const struct sortable *x = a, *y = b;
	int gx = group(x), gy = group(y);

	if (gx != gy)
		return gx < gy ? -1 : 1;
	if (gx != 1 && x->item.due_day != y->item.due_day)
		return x->item.due_day < y->item.due_day ? -1 : 1;
	if (gx != 2 && x->item.weakness != y->item.weakness)
		return x->item.weakness > y->item.weakness ? -1 : 1;
	if (gx == 1 && x->item.question->difficulty != y->item.question->difficulty)
		return x->item.question->difficulty < y->item.question->difficulty ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

int drill_agenda(struct store *store, const struct bank_catalog *catalog, const struct coach *coach,
		 const char *theme, struct arena *arena, struct drill_item **out, size_t *count, char **cause)
{
	struct store_review *reviews = NULL;
	struct sortable *list;
	size_t review_count = 0, i, n = 0;

	if (store_review_list(store, arena, &reviews, &review_count, cause) != 0)
		return -1;
	list = xcalloc(review_count + 1, sizeof *list);
	for (i = 0; i < review_count; i++) {
		const struct bank_question *q = bank_question_find(catalog, reviews[i].question_id);
		struct sortable *s = &list[n];
		if (q == NULL || (theme != NULL && !bank_question_has_theme(q, theme)))
			continue;
		s->item.question = q;
		s->item.review = &reviews[i];
		if (date_parse_day(reviews[i].due_on, &s->item.due_day) != 0)
			s->item.due_day = coach->today;
		s->item.is_new = reviews[i].last_reviewed_at == NULL && reviews[i].repetitions == 0;
		s->item.weakness = weakness_of(coach, q);
		s->today = coach->today;
		s->index = n++;
	}
	qsort(list, n, sizeof *list, compare);
	*out = arena_alloc(arena, (n + 1) * sizeof **out);
	for (i = 0; i < n; i++)
		(*out)[i] = list[i].item;
	*count = n;
	free(list);
	return 0;
}

size_t drill_due_count(const struct drill_item *items, size_t count, long today)
{
	size_t n = 0;

	while (n < count && items[n].due_day <= today)
		n++;
	return n;
}
