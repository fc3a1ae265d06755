/* prep: the practice an interview on a given day calls for, and each day's share of it (prep.h). */
#include "rebound/date.h"
#include "rebound/prep.h"
#include "rebound/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

static long day_of(const char *text)
{
	long day;

	return text != NULL && date_parse_day(text, &day) == 0 ? day : -1;
}

const struct store_prep *prep_next(const struct store_prep *list, size_t count, long today)
{
	size_t i;

	for (i = 0; i < count; i++)	/* soonest first */
		if (list[i].outcome == NULL && day_of(list[i].on_day) >= today)
			return &list[i];
	return NULL;
}

const struct store_prep *prep_to_ask(const struct store_prep *list, size_t count, long today)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (list[i].outcome == NULL && day_of(list[i].on_day) >= 0 && day_of(list[i].on_day) < today)
			return &list[i];
	return NULL;
}

static int chosen(const struct prep_plan *plan, const struct bank_question *q)
{
	size_t i;

	for (i = 0; i < plan->target_count; i++)
		if (plan->targets[i].question == q)
			return 1;
	return 0;
}

static int practised(const struct store_count *practice, size_t count, const char *question_id)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strcmp(practice[i].key, question_id) == 0)
			return practice[i].count;
	return 0;
}

/* The order a theme's questions are chosen in, the same whatever the schedule says of them (so that the
 * plan holds still while they are practised): those of the interview's stage first, then the easiest,
 * then by id. */
static int better(const struct bank_question *a, const struct bank_question *b, const char *stage)
{
	int sa = stage != NULL && bank_question_has_stage(a, stage), sb = stage != NULL && bank_question_has_stage(b, stage);

	if (sa != sb)
		return sa > sb;
	if (a->difficulty != b->difficulty)
		return a->difficulty < b->difficulty;
	return strcmp(a->id, b->id) < 0;
}

/* Adds theme's PREP_QUESTIONS_PER_THEME best questions among the agenda's not chosen already. */
static void choose_for(struct prep_plan *plan, const char *theme, int needed, const struct drill_item *items,
		       size_t count)
{
	size_t i, taken;

	for (taken = 0; taken < PREP_QUESTIONS_PER_THEME; taken++) {
		const struct bank_question *best = NULL;
		for (i = 0; i < count; i++) {
			const struct bank_question *q = items[i].question;
			if (bank_question_has_theme(q, theme) && !chosen(plan, q) &&
			    (best == NULL || better(q, best, plan->prep->stage)))
				best = q;
		}
		if (best == NULL)
			return;
		plan->targets[plan->target_count++] = (struct prep_target){ best, theme, needed, 0 };
	}
}

void prep_plan_make(struct prep_plan *plan, const struct store_prep *prep, const struct coach *coach,
		    const struct drill_item *items, size_t count, const struct store_count *practice,
		    size_t practice_count, long today)
{
	size_t i;

	memset(plan, 0, sizeof *plan);
	plan->prep = prep;
	plan->day = day_of(prep->on_day);
	plan->days_left = plan->day - today;
	for (i = 0; i < coach->theme_count && plan->theme_count < PREP_THEMES; i++)
		if (coach->themes[i].score > 0)
			plan->themes[plan->theme_count++] = coach->themes[i].theme_id;
	for (i = 0; i < plan->theme_count; i++)
		choose_for(plan, plan->themes[i], i == 0 ? 2 : 1, items, count);
	for (i = 0; i < plan->target_count; i++) {
		struct prep_target *t = &plan->targets[i];
		t->done = practised(practice, practice_count, t->question->id);
		if (t->done < t->needed) {
			plan->questions_left++;
			plan->practices_left += t->needed - t->done;
		}
	}
}

/* The plan's target for q still needing practice: its index (the weakest theme's come first), or -1. */
static int target_of(const struct prep_plan *plan, const struct bank_question *q)
{
	size_t i;

	for (i = 0; i < plan->target_count; i++)
		if (plan->targets[i].question == q && plan->targets[i].done < plan->targets[i].needed)
			return (int)i;
	return -1;
}

struct ranked {
	struct drill_item item;
	int group;		/* 0 due review, 1 due new, 2 not due */
	int rank;		/* the target's index for a pulled target, else a number past them all */
	size_t index;
};

static int by_rank(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->group != y->group)
		return x->group - y->group;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->index < y->index ? -1 : x->index > y->index;
}

size_t prep_pull(const struct prep_plan *plan, struct drill_item *items, size_t count, long today)
{
	long days = plan->days_left > 0 ? plan->days_left : 1;
	size_t quota = (size_t)((plan->practices_left + days - 1) / days), pulled = 0, i;
	struct ranked *list;

	if (plan->days_left < 0 || plan->questions_left == 0)
		return 0;
	if (quota > plan->questions_left)
		quota = plan->questions_left;
	list = xcalloc(count + 1, sizeof *list);
	for (i = 0; i < count; i++) {
		int t = target_of(plan, items[i].question);
		list[i] = (struct ranked){ .item = items[i], .rank = INT_MAX, .index = i };
		if (t >= 0 && items[i].last_day != today && (items[i].due_day <= today || pulled < quota)) {
			list[i].item.due_day = items[i].due_day < today ? items[i].due_day : today;
			list[i].rank = t;
			pulled++;
		}
		list[i].group = list[i].item.due_day > today ? 2 : list[i].item.is_new;
	}
	qsort(list, count, sizeof *list, by_rank);
	for (i = 0; i < count; i++)
		items[i] = list[i].item;
	free(list);
	return pulled;
}

char *prep_countdown(const struct prep_plan *plan)
{
	const struct store_prep *p = plan->prep;
	const char *stage = p->stage ? p->stage : "interview";
	char when[32];

	if (plan->days_left == 0)
		snprintf(when, sizeof when, "today");
	else if (plan->days_left == 1)
		snprintf(when, sizeof when, "tomorrow");
	else
		snprintf(when, sizeof when, "in %ld days", plan->days_left);
	if (plan->questions_left == 0)
		return xasprintf("%s %s %s: ready, every question practised", p->company, stage, when);
	return xasprintf("%s %s %s: %zu question%s left", p->company, stage, when, plan->questions_left,
			 plan->questions_left == 1 ? "" : "s");
}
