/* today: what the drill commands and the shell's greeting share: the agenda in scope (the field, or the
 * next interview's banks, or --bank), the next interview's plan pulled into it, and today's list within
 * the daily limits; and the lines that count down to the interview or ask how a past one went. */
#ifndef REBOUND_TODAY_H
#define REBOUND_TODAY_H

#include "rebound/cmd.h"
#include "rebound/prep.h"

struct today {
	struct coach coach;
	struct drill_filter filter;
	struct drill_limits limits;
	struct drill_item *items;	/* the agenda: today's list, what waits, then what is not due */
	size_t count;
	size_t due;			/* items[0..due) are due today (prep's share included) */
	struct drill_today list;
	struct store_prep *preps;
	size_t prep_count;
	const struct store_prep *next;	/* the next interview, or NULL */
	const struct store_prep *to_ask;	/* a past one whose outcome is not said, or NULL */
	struct prep_plan plan;		/* for next */
};

/*
 * Fills *t for today, in arena: banks_option (--bank) or the next interview's banks or drill.banks, theme
 * (or NULL). CMD_OK, or a status after reporting.
 */
int today_load(struct cmd_ctx *ctx, const char *banks_option, const char *theme, struct arena *arena,
	       struct today *t);

/* "Acme onsite in 3 days: 9 questions left." and "How did ... go? ..." when they apply. */
void today_print_prep(struct cmd_ctx *ctx, const struct today *t);

/* The same lines for the shell's greeting, read on their own. */
void today_greet(struct cmd_ctx *ctx);

#endif
