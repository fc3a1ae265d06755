/* drill: the order in which the drill schedule's questions come up: those due today or earlier first
 * (questions reviewed before, most overdue first, then new ones), each ordered by how weak the themes
 * they train are ('insights'); then the rest by the day they come due. */
#ifndef REBOUND_DRILL_H
#define REBOUND_DRILL_H

#include "rebound/coach.h"

struct drill_item {
	const struct bank_question *question;
	const struct store_review *review;
	long due_day;
	int is_new;		/* never reviewed since it entered the schedule */
	double weakness;	/* the highest 'insights' score among the themes it trains (0: none ranked) */
};

/*
 * Every question in store's drill schedule that is still in catalog (and trains theme, unless theme is
 * NULL), in drill order; *out in arena. Days come from coach->today.
 */
int drill_agenda(struct store *store, const struct bank_catalog *catalog, const struct coach *coach,
		 const char *theme, struct arena *arena, struct drill_item **out, size_t *count, char **cause);

/* How many items at the start of the agenda are due on coach->today or earlier. */
size_t drill_due_count(const struct drill_item *items, size_t count, long today);

#endif
