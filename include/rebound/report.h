/* report: the progress report as one self-contained HTML file (inline CSS and SVG charts, no scripts,
 * nothing fetched): the themes to work on, self-ratings per theme across sessions, answer time against the
 * limit, pace and fillers, a practice calendar, the rejection timeline with the reflections per stage, the
 * growth plan and personal bests.
 * report.c gathers the figures from the store; report-html.c writes them and does no other I/O. */
#ifndef REBOUND_REPORT_H
#define REBOUND_REPORT_H

#include <limits.h>
#include <stdio.h>

#include "rebound/bank.h"
#include "rebound/coach.h"
#include "rebound/store.h"
#include "rebound/stats.h"

struct report_theme {
	const char *id, *title;		/* title is the id for a theme no bank has any more */
	struct stats_point *points;	/* one per session with ratings of it, oldest first */
	size_t *x;			/* each point's session index in report.sessions */
	size_t count;
	struct stats_theme stats;
	/* The evidence beside the ratings, for a theme that has one (coach_evidence_theme): the share of
	 * its rated answers, per session, that held what it looks for (0-100). */
	int evidence_theme;		/* -1: none */
	double *evidence_share;
	size_t *evidence_x;
	long long *evidence_ids;
	size_t evidence_count;
	int evidence_held, evidence_answers;
};

/* One personal best: what, the figure, and when (a day, or ""). */
struct report_best {
	const char *what, *figure, *when;
};

struct report {
	const char *range_label;	/* "all time", "since 2026-10-01" */
	const char *generated;		/* local "YYYY-MM-DD HH:MM" */
	struct store_totals totals;
	struct stats_streak streak;
	/* Every session in range with answers, oldest first: the x axis of every chart over sessions. */
	struct store_session_times *sessions;
	const char **session_days;	/* each one's local day, "YYYY-MM-DD" */
	size_t session_count;
	struct report_theme *themes;	/* the catalog's order, then themes it no longer has */
	size_t theme_count;
	struct store_speaking_point *speaking;	/* sessions with recordings, oldest first */
	size_t *speaking_x;
	size_t speaking_count;
	long first_day, last_day;	/* the calendar: local days; no calendar when last < first */
	int *day_counts;		/* sessions on each day from first_day */
	struct store_rejection *rejections;	/* in range, oldest first */
	size_t rejection_count;
	struct store_plan_action *actions;	/* the whole plan, oldest first */
	size_t action_count;
	struct store_prep *offers;		/* the interviews that ended in an offer, soonest first */
	size_t offer_count;
	long today;
	struct report_best *bests;	/* none from a theme rated in a single session */
	size_t best_count;
	struct coach coach;		/* the themes to work on, as 'insights' ranks them (all time) */
	const struct bank_catalog *catalog;	/* theme and stage titles */
};

/*
 * Gathers the report of sessions started on or after since_day (a local day number, or REPORT_ALL_TIME)
 * from store, its names from catalog, in arena. today is the local day number now (the calendar ends there and overdue
 * actions are marked against it). 0, or -1 with *cause.
 */
#define REPORT_ALL_TIME LONG_MIN

int report_gather(struct store *store, const struct bank_catalog *catalog, long since_day, long today,
		  struct arena *arena, struct report *report, char **cause);

/* The local day ("YYYY-MM-DD") of session id, or "" when it is not in the report. */
const char *report_session_day(const struct report *report, long long id);

/* Writes the report as HTML. */
void report_write_html(FILE *out, const struct report *report);

#endif
