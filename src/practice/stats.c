/* stats: per-theme summaries, sparklines and streaks for 'progress' and interview summaries. */
#include "rebound/stats.h"
#include "rebound/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double stats_point_average(const struct stats_point *point)
{
	return point->count > 0 ? (double)point->sum / point->count : 0;
}

void stats_theme(const struct stats_point *points, size_t n, struct stats_theme *out)
{
	long long sum = 0;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < n; i++) {
		double average = stats_point_average(&points[i]);
		if (points[i].count <= 0)
			continue;
		if (out->sessions == 0)
			out->first = average;
		out->latest = average;
		if (out->sessions == 0 || average >= out->best) {
			out->best = average;
			out->best_session = points[i].session_id;
		}
		out->sessions++;
		out->rated += points[i].count;
		sum += points[i].sum;
	}
	if (out->rated > 0)
		out->average = (double)sum / out->rated;
	out->change = out->latest - out->first;
}

static int level_of(double value)
{
	long level = lround((value - 1) / 4 * 7);

	return level < 0 ? 0 : level > 7 ? 7 : (int)level;
}

size_t stats_sparkline(const double *values, size_t n, size_t width, int utf8, char *buf, size_t size)
{
	static const char *const blocks[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char ascii[] = "_.,-=+*#";
	size_t cells = n < width ? n : width, used = 0, cell;

	if (size == 0)
		return 0;
	for (cell = 0; cell < cells; cell++) {
		size_t from = cell * n / cells, to = (cell + 1) * n / cells, i;
		double sum = 0;
		const char *glyph;
		char one[2];
		for (i = from; i < to; i++)
			sum += values[i];
		if (utf8) {
			glyph = blocks[level_of(sum / (double)(to - from))];
		} else {
			one[0] = ascii[level_of(sum / (double)(to - from))];
			one[1] = '\0';
			glyph = one;
		}
		if (used + strlen(glyph) >= size)
			break;
		memcpy(buf + used, glyph, strlen(glyph));
		used += strlen(glyph);
	}
	buf[used] = '\0';
	return cell;
}

static int compare_days(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

void stats_streak(const long *days, size_t n, long today, struct stats_streak *out)
{
	long *sorted, run = 0, previous = 0;
	size_t i;

	memset(out, 0, sizeof *out);
	if (n == 0)
		return;
	sorted = xmalloc(n * sizeof *sorted);
	for (i = 0; i < n; i++)
		sorted[i] = days[i] > today ? today : days[i];	/* from a clock that was ahead: see stats.h */
	qsort(sorted, n, sizeof *sorted, compare_days);
	for (i = 0; i < n; i++) {
		if (i > 0 && sorted[i] == previous)
			continue;
		run = i > 0 && sorted[i] == previous + 1 ? run + 1 : 1;
		previous = sorted[i];
		out->days++;
		if (run > out->longest)
			out->longest = run;
	}
	/* previous is the last day with a session; the streak is alive if that is today or yesterday. */
	if (previous == today || previous == today - 1)
		out->current = run;
	free(sorted);
}
