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

static int in_banks(const struct drill_filter *filter, const struct bank_question *q)
{
	size_t i;

	if (filter->banks == NULL)
		return 1;
	for (i = 0; i < filter->bank_count; i++)
		if (strcmp(filter->banks[i], q->bank->name) == 0)
			return 1;
	return 0;
}

static int passes(const struct drill_filter *filter, const struct bank_question *q)
{
	if (filter == NULL)
		return 1;
	return (filter->theme == NULL || bank_question_has_theme(q, filter->theme)) && in_banks(filter, q);
}

static long day_or(const char *text, long otherwise)
{
	long day;

	return text != NULL && date_parse_day(text, &day) == 0 ? day : otherwise;
}

int drill_agenda(struct store *store, const struct bank_catalog *catalog, const struct coach *coach,
		 const struct drill_filter *filter, struct arena *arena, struct drill_item **out, size_t *count,
		 char **cause)
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
		if (q == NULL || !passes(filter, q))
			continue;
		s->item.question = q;
		s->item.review = &reviews[i];
		s->item.due_day = day_or(reviews[i].due_on, coach->today);
		s->item.first_day = day_or(reviews[i].first_reviewed_on, -1);
		s->item.last_day = day_or(reviews[i].reviewed_on, -1);
		s->item.is_new = reviews[i].reviews == 0;
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

static size_t room(int limit, size_t done)
{
	return limit > 0 && (size_t)limit > done ? (size_t)limit - done : 0;
}

static size_t smaller(size_t a, size_t b)
{
	return a < b ? a : b;
}

void drill_plan_today(struct drill_item *items, size_t count, long today, const struct drill_limits *limits,
		      struct drill_today *out)
{
	size_t i, due_reviews = 0, due_fresh = 0, n = 0;
	struct drill_item *copy;

	*out = (struct drill_today){ 0 };
	for (i = 0; i < count; i++) {
		if (items[i].last_day == today && items[i].first_day == today)
			out->fresh_done++;
		else if (items[i].last_day == today)
			out->reviews_done++;
		if (items[i].due_day <= today && items[i].is_new)
			due_fresh++;
		else if (items[i].due_day <= today)
			due_reviews++;
	}
	out->fresh_paused = limits->reviews_per_day > 0 && due_reviews > (size_t)limits->reviews_per_day;
	out->reviews = smaller(due_reviews, room(limits->reviews_per_day, out->reviews_done));
	out->fresh = out->fresh_paused ? 0 : smaller(due_fresh, room(limits->new_per_day, out->fresh_done));
	out->waiting = due_reviews + due_fresh - out->reviews - out->fresh;
	/* The agenda has the due reviews, then the due new ones, then the rest: take each part's front. */
	copy = xcalloc(count + 1, sizeof *copy);
	for (i = 0; i < out->reviews; i++)
		copy[n++] = items[i];
	for (i = 0; i < out->fresh; i++)
		copy[n++] = items[due_reviews + i];
	for (i = out->reviews; i < due_reviews; i++)
		copy[n++] = items[i];
	for (i = due_reviews + out->fresh; i < count; i++)
		copy[n++] = items[i];
	memcpy(items, copy, count * sizeof *items);
	free(copy);
}

int drill_every_bank(const char *list)
{
	size_t start = strspn(list, " "), len = strcspn(list + start, " ");

	return len == 3 && strncmp(list + start, "all", 3) == 0 && list[start + len + strspn(list + start + len, " ")] == '\0';
}

const char **drill_split_banks(const char *list, struct arena *arena, size_t *count)
{
	const char **banks;
	const char *p;
	size_t n = 1;

	*count = 0;
	if (list == NULL || list[strspn(list, " ,")] == '\0' || drill_every_bank(list))
		return NULL;
	for (p = list; *p; p++)
		n += *p == ',';
	banks = arena_alloc(arena, (n + 1) * sizeof *banks);
	for (p = list; *p;) {
		size_t len;
		p += strspn(p, " ,");
		len = strcspn(p, ",");
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len > 0)
			banks[(*count)++] = arena_strndup(arena, p, len);
		p += strcspn(p, ",");
	}
	return banks;
}
