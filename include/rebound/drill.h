/* drill: the order in which the drill schedule's questions come up, and today's share of them.
 * The agenda: those due today or earlier first (questions reviewed before, most overdue first, then new
 * ones), each ordered by how weak the themes they train are ('insights'); then the rest by the day they
 * come due. Today's list takes from the front of the due ones within the daily limits, as Anki's do:
 * a number of reviews and a number of new questions a day, counting those already practised today, and
 * no new ones while more reviews are overdue than a day's limit (the backlog is cleared first). */
#ifndef REBOUND_DRILL_H
#define REBOUND_DRILL_H

#include "rebound/coach.h"

struct drill_item {
	const struct bank_question *question;
	const struct store_review *review;
	long due_day;
	long first_day, last_day;	/* the days of its first and last reviews, or -1 */
	int is_new;		/* never reviewed since it entered the schedule */
	double weakness;	/* the highest 'insights' score among the themes it trains (0: none ranked) */
};

/* Which of the schedule's questions the agenda holds. */
struct drill_filter {
	const char *theme;		/* only questions that train it, or NULL */
	const char *const *banks;	/* only questions of these banks (the user's field), or NULL: every bank */
	size_t bank_count;
};

struct drill_limits {
	int new_per_day;		/* drill.new_per_day */
	int reviews_per_day;		/* drill.reviews_per_day */
};

/* Today's share of the agenda. */
struct drill_today {
	size_t reviews, fresh;		/* today's list: reviews, then new questions */
	size_t reviews_done, fresh_done;	/* practised already today (first reviewed today: new) */
	size_t waiting;			/* due, but past today's limits */
	int fresh_paused;		/* more reviews are due than a day's limit: no new question today */
};

/*
 * Every question in store's drill schedule that is still in catalog and passes filter (NULL: all), in
 * drill order; *out in arena. Days come from coach->today.
 */
int drill_agenda(struct store *store, const struct bank_catalog *catalog, const struct coach *coach,
		 const struct drill_filter *filter, struct arena *arena, struct drill_item **out, size_t *count,
		 char **cause);

/* How many items at the start of the agenda are due on today or earlier. */
size_t drill_due_count(const struct drill_item *items, size_t count, long today);

/*
 * Works out today's list from an agenda (in drill order) and moves it to the front: its reviews, then
 * its new questions, then the due questions that wait, then those not due; the order within each part
 * is kept. Pure.
 */
void drill_plan_today(struct drill_item *items, size_t count, long today, const struct drill_limits *limits,
		      struct drill_today *out);

/* 1 if list is "all" (spaces around it aside): every bank. */
int drill_every_bank(const char *list);
/* The banks in a comma-separated list ("a, b,c"), as pointers into arena; NULL and 0 for NULL, "" or
 * "all" (every bank). */
const char **drill_split_banks(const char *list, struct arena *arena, size_t *count);

#endif
