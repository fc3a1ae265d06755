/* chart: line charts, the practice calendar and the timeline as inline SVG (see chart.h). Sizes are in
 * the viewBox's units; the report's CSS scales each svg to the width of the page. Styling is by class
 * (ch-sN for the series colours), so the report's stylesheet decides the look and print can change it. */
#include "rebound/chart.h"
#include "rebound/date.h"
#include "rebound/html.h"
#include "rebound/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The line chart's frame: the plot area inside the viewBox (its right edge depends on the width). */
enum { LINE_W = 440, LINE_H = 230, PLOT_LEFT = 52, PLOT_TOP = 30, PLOT_BOTTOM = 180 };
#define CHART_MAX_TICK_CANDIDATES 4096	/* distinct days looked at for ticks; later ones are not labelled */

static int chart_width(const struct chart_line *c)
{
	return c->width > 0 ? c->width : LINE_W;
}

static int plot_right(const struct chart_line *c)
{
	return chart_width(c) - 16;
}

/* Opens an svg of the given size. A chart scales to its column; a calendar (fixed) keeps its size
 * unless the page is narrower. */
static void svg_open(FILE *out, const char *id, const char *title, int width, int height, int fixed)
{
	fputs("<svg id=\"", out);
	html_attr(out, id);
	if (fixed)
		fprintf(out, "\" class=\"chart fixed\" width=\"%d\" height=\"%d\"", width, height);
	else
		fputs("\" class=\"chart\"", out);
	fprintf(out, " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", width, height);
	html_attr(out, title);
	fputs("\"><title>", out);
	html_attr(out, title);
	fputs("</title>\n", out);
}

static double x_at(const struct chart_line *c, size_t index, size_t count)
{
	if (count < 2)
		return (PLOT_LEFT + plot_right(c)) / 2.0;
	return PLOT_LEFT + (double)index * (plot_right(c) - PLOT_LEFT) / (double)(count - 1);
}

static double y_at(const struct chart_line *c, double value)
{
	double share = (value - c->y_min) / (c->y_max - c->y_min);

	if (!(share >= 0))
		share = 0;
	else if (share > 1)
		share = 1;
	return PLOT_BOTTOM - share * (PLOT_BOTTOM - PLOT_TOP);
}

/* The x ticks: where the label changes (one label for the sessions of one day), thinned so that labels
 * TICK_GAP apart at their width never touch; the first and the last day always. *out gets the indices. */
#define TICK_CHAR_WIDTH 6.6	/* user units per character at the charts' 11px (wider than most fonts draw) */
#define TICK_GAP 10
static size_t pick_ticks(const struct chart_line *c, size_t *out, size_t room)
{
	size_t i, n = 0, kept = 0;
	double widest = 0, gap;

	for (i = 0; i < c->x_count; i++)
		widest = fmax(widest, strlen(c->x_ticks[i]) * TICK_CHAR_WIDTH);
	gap = 1.5 * widest + TICK_GAP;	/* a middle label reaches half its width either side, an end one its whole */
	for (i = 0; i < c->x_count && n < room; i++)
		if (i == 0 || strcmp(c->x_ticks[i], c->x_ticks[i - 1]) != 0)
			out[n++] = i;
	for (i = 0; i < n; i++)	/* from the left, each far enough from the one before */
		if (kept == 0 || x_at(c, out[i], c->x_count) - x_at(c, out[kept - 1], c->x_count) >= gap)
			out[kept++] = out[i];
	if (n > 1 && out[kept - 1] != out[n - 1]) {	/* the last day is labelled, in place of one it would touch */
		if (x_at(c, out[n - 1], c->x_count) - x_at(c, out[kept - 1], c->x_count) >= gap)
			out[kept++] = out[n - 1];
		else if (kept > 1)
			out[kept - 1] = out[n - 1];
	}
	return kept;
}

/* The y grid with its labels, the axis titles, and a few x ticks with their days. */
static void line_axes(FILE *out, const struct chart_line *c)
{
	size_t picked[CHART_MAX_TICK_CANDIDATES], ticks = pick_ticks(c, picked, CHART_MAX_TICK_CANDIDATES), i;
	double v;

	for (v = c->y_min; v <= c->y_max + c->y_step / 1000; v += c->y_step) {
		double y = y_at(c, v);
		fprintf(out, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", PLOT_LEFT, y, plot_right(c), y);
		fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.*f</text>\n", PLOT_LEFT - 6,
			y + 4, c->y_decimals, v);
	}
	fprintf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", PLOT_LEFT, PLOT_BOTTOM, plot_right(c),
		PLOT_BOTTOM);
	for (i = 0; i < ticks; i++) {
		size_t index = picked[i];
		double x = x_at(c, index, c->x_count);
		const char *anchor = ticks < 2 ? "middle" : i == 0 ? "start" : i + 1 == ticks ? "end" : "middle";
		fprintf(out, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, PLOT_BOTTOM, x,
			PLOT_BOTTOM + 4);
		fprintf(out, "<text class=\"tick x-tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">", x, PLOT_BOTTOM + 16, anchor);
		html_attr(out, c->x_ticks[index]);
		fputs("</text>\n", out);
	}
	fprintf(out, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">", (PLOT_LEFT + plot_right(c)) / 2,
		LINE_H - 10);
	html_attr(out, c->x_label);
	fprintf(out, "</text><text class=\"label\" x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">",
		(PLOT_TOP + PLOT_BOTTOM) / 2, (PLOT_TOP + PLOT_BOTTOM) / 2);
	html_attr(out, c->y_label);
	fputs("</text>\n", out);
}

static void line_guides(FILE *out, const struct chart_line *c)
{
	if (c->band_label != NULL) {
		double top = y_at(c, c->band_to), bottom = y_at(c, c->band_from);
		fprintf(out, "<rect class=\"band\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>", PLOT_LEFT, top,
			plot_right(c) - PLOT_LEFT, bottom - top);
		fprintf(out, "<text class=\"note\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", plot_right(c) - 4, top + 12);
		html_attr(out, c->band_label);
		fputs("</text>\n", out);
	}
	if (c->ref_label != NULL) {
		double y = y_at(c, c->ref_value);
		fprintf(out, "<line class=\"ref\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", PLOT_LEFT, y, plot_right(c), y);
		fprintf(out, "<text class=\"note\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", plot_right(c) - 4, y - 4);
		html_attr(out, c->ref_label);
		fputs("</text>\n", out);
	}
}

/* The legend along the top, one entry a series, when there is more than one. */
static void line_legend(FILE *out, const struct chart_line *c)
{
	size_t i;
	int x = PLOT_LEFT;

	if (c->series_count < 2)
		return;
	for (i = 0; i < c->series_count; i++) {
		const struct chart_series *s = &c->series[i];
		fprintf(out, "<line class=\"ch-s%d%s\" x1=\"%d\" y1=\"12\" x2=\"%d\" y2=\"12\"/>", s->colour,
			s->dashed ? " dashed" : "", x, x + 18);
		fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"16\">", x + 24);
		html_attr(out, s->name);
		fputs("</text>", out);
		x += 24 + 8 * (int)strlen(s->name) + 24;
	}
	fputc('\n', out);
}

/* A series with more than CHART_MAX_POINTS points is drawn as that many runs of neighbours, each at its
 * last point's place with the run's mean: data-id is the run's last session, data-count how many it
 * averages. A five-year history stays a small file that a browser draws at once. */
static void line_series(FILE *out, const struct chart_line *c, const struct chart_series *s)
{
	size_t runs = s->count > CHART_MAX_POINTS ? CHART_MAX_POINTS : s->count, r, i;
	double *x = xcalloc(runs + 1, sizeof *x), *y = xcalloc(runs + 1, sizeof *y);
	size_t *last = xcalloc(runs + 1, sizeof *last), *counts = xcalloc(runs + 1, sizeof *counts);
	char value[UTIL_DOUBLE_SIZE];

	for (r = 0; r < runs; r++) {
		size_t from = r * s->count / runs, to = (r + 1) * s->count / runs;
		double sum = 0;
		for (i = from; i < to; i++)
			sum += s->y[i];
		last[r] = to - 1;
		counts[r] = to - from;
		y[r] = sum / (double)(to - from);
		x[r] = x_at(c, s->x[to - 1], c->x_count);
	}
	if (runs > 1) {
		fprintf(out, "<polyline class=\"ch-s%d%s\" points=\"", s->colour, s->dashed ? " dashed" : "");
		for (r = 0; r < runs; r++)
			fprintf(out, "%s%.1f,%.1f", r ? " " : "", x[r], y_at(c, y[r]));
		fputs("\"/>\n", out);
	}
	for (r = 0; r < runs; r++) {
		util_format_double(value, y[r]);
		fprintf(out, "<circle class=\"pt ch-s%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" data-series=\"", s->colour, x[r],
			y_at(c, y[r]), counts[r] > 1 ? 2 : 3);
		html_attr(out, s->name);
		fprintf(out, "\" data-id=\"%lld\" data-value=\"%s\"", s->ids[last[r]], value);
		if (counts[r] > 1)
			fprintf(out, " data-count=\"%zu\"", counts[r]);
		fputs("><title>", out);
		html_attr(out, c->x_ticks[s->x[last[r]]]);
		if (counts[r] > 1)
			fprintf(out, " (%zu sessions to session %lld): ", counts[r], s->ids[last[r]]);
		else
			fprintf(out, " (session %lld): ", s->ids[last[r]]);
		html_attr(out, s->name);
		fprintf(out, " %.*f</title></circle>\n", c->y_decimals + 1, y[r]);
	}
	free(x);
	free(y);
	free(last);
	free(counts);
}

void chart_line(FILE *out, const struct chart_line *c)
{
	size_t i;

	svg_open(out, c->id, c->title, chart_width(c), LINE_H, 0);
	line_guides(out, c);
	line_axes(out, c);
	line_legend(out, c);
	for (i = 0; i < c->series_count; i++)
		line_series(out, c, &c->series[i]);
	fputs("</svg>\n", out);
}

/* ------------------------------------------------------------------------------------------------
 * The practice calendar
 */

enum { CELL = 13, CAL_LEFT = 30, CAL_TOP = 22 };

/* 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday). */
static int weekday(long day)
{
	long w = (day + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

static int shade(int count)
{
	return count <= 0 ? 0 : count >= 4 ? 4 : count;
}

static void calendar_labels(FILE *out, long monday, long last_day)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	static const char *const days[] = { "Mon", "Wed", "Fri" };
	int i, year, month, day, last_month = -1;
	long week;

	for (i = 0; i < 3; i++)
		fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", CAL_LEFT - 4,
			CAL_TOP + (2 * i) * CELL + 10, days[i]);
	for (week = 0; monday + 7 * week <= last_day; week++) {
		date_civil_from_days(monday + 7 * week, &year, &month, &day);
		if (month != last_month && (week > 0 || day <= 14))	/* room before the next month's label */
			fprintf(out, "<text class=\"tick\" x=\"%ld\" y=\"%d\">%s</text>", CAL_LEFT + week * CELL,
				CAL_TOP - 6, months[month - 1]);
		last_month = month;
	}
	fputc('\n', out);
}

void chart_calendar(FILE *out, const char *id, const char *title, long first_day, long last_day, const int *counts)
{
	long monday = first_day - weekday(first_day), day;
	int weeks = (int)((last_day - monday) / 7 + 1);
	char iso[11];

	svg_open(out, id, title, CAL_LEFT + weeks * CELL + 4, CAL_TOP + 7 * CELL + 4, 1);
	calendar_labels(out, monday, last_day);
	for (day = first_day; day <= last_day; day++) {
		int count = counts[day - first_day];
		date_format_day(day, iso);
		fprintf(out, "<rect class=\"day c%d\" x=\"%ld\" y=\"%d\" width=\"%d\" height=\"%d\" data-day=\"%s\""
			" data-value=\"%d\"><title>%s: %d session%s</title></rect>\n", shade(count),
			CAL_LEFT + (day - monday) / 7 * CELL, CAL_TOP + weekday(day) * CELL, CELL - 2, CELL - 2, iso, count,
			iso, count, count == 1 ? "" : "s");
	}
	fputs("</svg>\n", out);
}

/* ------------------------------------------------------------------------------------------------
 * The timeline
 */

enum { TL_W = 440, TL_H = 120, TL_LEFT = 24, TL_RIGHT = 416, TL_AXIS = 64, TL_LABELS_MAX = 12 };

static double timeline_x(long day, long first, long last)
{
	return TL_LEFT + (double)(day - first) * (TL_RIGHT - TL_LEFT) / (double)(last - first);
}

static void timeline_axis(FILE *out, long first, long last)
{
	char a[11], b[11];

	date_format_day(first, a);
	date_format_day(last, b);
	fprintf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", TL_LEFT, TL_AXIS, TL_RIGHT, TL_AXIS);
	fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>", TL_LEFT, TL_H - 8, a);
	fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", TL_RIGHT, TL_H - 8, b);
	fputc('\n', out);
}

void chart_timeline(FILE *out, const char *id, const char *title, const struct chart_event *events, size_t count)
{
	long first = count ? events[0].day : 0, last = count ? events[count - 1].day : 0;
	char iso[11];
	size_t i;

	if (last - first < 30) {		/* a few days apart: a month around them */
		first -= (30 - (last - first)) / 2;
		last = first + 30;
	}
	svg_open(out, id, title, TL_W, TL_H, 0);
	timeline_axis(out, first, last);
	for (i = 0; i < count; i++) {
		const struct chart_event *e = &events[i];
		double x = timeline_x(e->day, first, last);
		int above = i % 2 == 0;
		date_format_day(e->day, iso);
		fprintf(out, "<circle class=\"pt ch-s1\" cx=\"%.1f\" cy=\"%d\" r=\"5\" data-id=\"%lld\" data-day=\"%s\"><title>",
			x, TL_AXIS, e->id, iso);
		html_attr(out, e->detail);
		fputs("</title></circle>", out);
		if (count <= TL_LABELS_MAX) {
			const char *anchor = x < TL_LEFT + 60 ? "start" : x > TL_RIGHT - 60 ? "end" : "middle";
			fprintf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">", x,
				above ? TL_AXIS - 12 - (int)(i / 2 % 2) * 14 : TL_AXIS + 20 + (int)(i / 2 % 2) * 14, anchor);
			html_attr(out, e->label);
			fputs("</text>", out);
		}
		fputc('\n', out);
	}
	fputs("</svg>\n", out);
}
