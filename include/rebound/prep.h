/* prep: getting ready for an interview on a given day. Until that day the weakest and most-cited themes
 * ('insights': the coach's first PREP_THEMES) each have PREP_QUESTIONS_PER_THEME questions to practise
 * before it: twice for the weakest theme's, once for the others'. Each day pulls its share of what is
 * left into the drill agenda (what is left spread over the days to come), so that no interval jumps past
 * the day; the daily limits still hold. Pure: the caller reads the interviews, the agenda and the
 * practice from the store. */
#ifndef REBOUND_PREP_H
#define REBOUND_PREP_H

#include "rebound/drill.h"

#define PREP_THEMES 3
#define PREP_QUESTIONS_PER_THEME 3

struct prep_target {
	const struct bank_question *question;
	const char *theme_id;		/* the theme it was chosen for */
	int needed, done;		/* practices before the day, and those given since the interview was set */
};

struct prep_plan {
	const struct store_prep *prep;
	long day;			/* the interview's day */
	long days_left;			/* days until it: 0 on the day */
	const char *themes[PREP_THEMES];
	size_t theme_count;
	struct prep_target targets[PREP_THEMES * PREP_QUESTIONS_PER_THEME];
	size_t target_count;
	size_t questions_left;		/* targets with practice still needed */
	int practices_left;
};

/* The soonest interview on today or later with no outcome said, or NULL. */
const struct store_prep *prep_next(const struct store_prep *list, size_t count, long today);
/* The first one before today whose outcome is not said yet (to ask how it went), or NULL. */
const struct store_prep *prep_to_ask(const struct store_prep *list, size_t count, long today);

/*
 * The plan for prep: the coach's first themes, and for each the questions of the agenda (items) that
 * train it and are not chosen already: those of prep's stage first, then the easiest, then by id (an
 * order that holds while they are practised); practice is store_practice_since(the day prep was set).
 * The plan borrows from its inputs.
 */
void prep_plan_make(struct prep_plan *plan, const struct store_prep *prep, const struct coach *coach,
		    const struct drill_item *items, size_t count, const struct store_count *practice,
		    size_t practice_count, long today);

/*
 * Pulls today's share of the plan into the agenda (before drill_plan_today): the targets still needing
 * practice, ceil(practices left / days left) of them at most (those due already count), become due today
 * and lead their part of the agenda (reviews, or new questions), the weakest theme's first. Returns how
 * many targets are due today. Not practised twice on one day: a target practised today waits.
 */
size_t prep_pull(const struct prep_plan *plan, struct drill_item *items, size_t count, long today);

/* "Acme onsite in 3 days: 9 questions left" (or "today", "tomorrow"; "ready" when none is left), without
 * a full stop; the caller frees. */
char *prep_countdown(const struct prep_plan *plan);

#endif
