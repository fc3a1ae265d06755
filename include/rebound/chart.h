/* chart: inline SVG charts for the HTML report: line charts over sessions, a practice calendar and a
 * timeline. Pure: each writes one <svg> element to a FILE and reads nothing else. Every data point is an
 * element with data-series, data-id and data-value (the exact figure, in its shortest exact form) and a
 * <title> tooltip, so that a test or a curious user can read the numbers back out of the picture. */
#ifndef REBOUND_CHART_H
#define REBOUND_CHART_H

#include <stddef.h>
#include <stdio.h>

/* One line of a line chart: count points, the i-th at x index x[i] with value y[i], standing for
 * ids[i] (a session). */
struct chart_series {
	const char *name;		/* the legend, data-series and each point's tooltip */
	const size_t *x;
	const double *y;
	const long long *ids;
	size_t count;
	int colour;			/* 0-3: which of the report's colours */
	int dashed;
};

struct chart_line {
	const char *id, *title;		/* the svg's id, and its accessible name and tooltip */
	int width;			/* of the viewBox, 440 if 0 */
	const char *x_label, *y_label;
	const char *const *x_ticks;	/* a label for each x index (the session's day) */
	size_t x_count;
	double y_min, y_max, y_step;	/* the y axis; values outside are drawn at its edge */
	int y_decimals;
	const char *band_label;		/* a shaded range from band_from to band_to, or NULL */
	double band_from, band_to;
	const char *ref_label;		/* a dashed line at ref_value, or NULL */
	double ref_value;
	const struct chart_series *series;
	size_t series_count;
};

/* Draws the chart. The x axis labels each day once (sessions of one day share it) and only as many days
 * as fit without touching. A series of more than CHART_MAX_POINTS points is drawn as that many runs of
 * neighbours, each point then the run's mean, with data-count the sessions it stands for. */
#define CHART_MAX_POINTS 120
void chart_line(FILE *out, const struct chart_line *chart);

/*
 * Sessions per day as a grid of weeks (columns, Monday on top) from first_day to last_day (days since
 * 1970-01-01, at most 371 of them); counts[i] is the count of day first_day + i. Each day is a <rect> with
 * data-day ("YYYY-MM-DD") and data-value.
 */
void chart_calendar(FILE *out, const char *id, const char *title, long first_day, long last_day, const int *counts);

struct chart_event {
	long day;			/* days since 1970-01-01 */
	long long id;
	const char *label;		/* written beside the marker when there are few */
	const char *detail;		/* the tooltip */
};

/* Events (oldest first) as markers on a time axis from the first to the last; each a <circle> with
 * data-id and data-day. */
void chart_timeline(FILE *out, const char *id, const char *title, const struct chart_event *events, size_t count);

#endif
