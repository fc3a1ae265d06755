/* stats: the arithmetic behind 'progress' and the end-of-interview summary: per-theme averages,
 * first against latest, best session, sparklines and practice streaks. Pure functions, no I/O. */
#ifndef REBOUND_STATS_H
#define REBOUND_STATS_H

#include <stddef.h>

/* One session's ratings of one theme. */
struct stats_point {
	long long session_id;
	int sum, count;		/* of the scores (1..5) */
};

struct stats_theme {
	size_t sessions;	/* with at least one rating of the theme */
	int rated;		/* ratings of the theme */
	double average;		/* over every rating */
	double first, latest;	/* the first and the latest session's averages */
	double change;		/* latest - first */
	double best;		/* the best session's average (the latest of equals) */
	long long best_session;
};

/* Summarises points given oldest first; all zero when n is 0. */
void stats_theme(const struct stats_point *points, size_t n, struct stats_theme *out);

/* The average of a point: sum / count. */
double stats_point_average(const struct stats_point *point);

#define STATS_SPARK_MAX 64

/*
 * Draws values (each 1..5, oldest first) as a sparkline of at most width cells into buf (size bytes):
 * one cell per value, or when there are more values than cells, one cell per run of neighbouring values
 * (their mean). UTF-8 block characters ▁..█ when utf8, else the ASCII ramp "_.,-=+*#". The scale is
 * fixed (1 is the lowest cell, 5 the highest) so sparklines of different themes compare.
 * Returns the number of cells drawn.
 */
size_t stats_sparkline(const double *values, size_t n, size_t width, int utf8, char *buf, size_t size);

struct stats_streak {
	long current;		/* days in a row up to today, or up to yesterday if nothing yet today */
	long longest;
	long days;		/* distinct days with a session */
};

/* days: local day numbers of sessions, in any order, repeats allowed; today: the local day number now.
 * A day after today (a session stamped while the clock was ahead, a restored copy, a changed time zone)
 * counts as today: a wrong clock once never breaks a streak the user kept. */
void stats_streak(const long *days, size_t n, long today, struct stats_streak *out);

#endif
