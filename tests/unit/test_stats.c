/* Unit tests for stats: per-theme summaries, sparklines in UTF-8 and ASCII, and practice streaks,
 * including streaks over local days that depend on the time zone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rebound/date.h"
#include "rebound/stats.h"
#include "rebound/util.h"

#define TODAY 20779L	/* 2026-11-22 */

static void assert_near(double actual, double expected)
{
	if (fabs(actual - expected) > 1e-9)
		fail_msg("%.12g != %.12g", actual, expected);
}

/* ------------------------------------------------------------------------------------------------
 * Per-theme summaries
 */

static void test_point_average(void **state)
{
	struct stats_point point = { 1, 7, 2 }, empty = { 2, 0, 0 };
	(void)state;

	assert_near(stats_point_average(&point), 3.5);
	assert_near(stats_point_average(&empty), 0);
}

static void test_theme_summary(void **state)
{
	/* Oldest first; session 3 has no ratings of the theme and counts for nothing. */
	static const struct stats_point points[] = {
		{ 1, 6, 2 },	/* 3.0 */
		{ 2, 4, 1 },	/* 4.0 */
		{ 3, 0, 0 },
		{ 4, 12, 3 },	/* 4.0: equals session 2, and is later */
		{ 5, 5, 2 },	/* 2.5 */
	};
	static const struct stats_point weighted[] = { { 10, 50, 10 }, { 11, 1, 1 } };
	struct stats_theme theme;
	(void)state;

	stats_theme(points, 5, &theme);
	assert_int_equal(theme.sessions, 4);
	assert_int_equal(theme.rated, 8);
	assert_near(theme.average, 27.0 / 8);	/* over every rating, not the mean of session means */
	assert_near(theme.first, 3.0);
	assert_near(theme.latest, 2.5);
	assert_near(theme.change, -0.5);
	assert_near(theme.best, 4.0);
	assert_int_equal(theme.best_session, 4);

	/* Weighted: one session of ten 5s and one of a single 1 average near 5, not 3. */
	stats_theme(weighted, 2, &theme);
	assert_near(theme.average, 51.0 / 11);
	assert_near(theme.first, 5);
	assert_near(theme.latest, 1);
	assert_near(theme.change, -4);
	assert_near(theme.best, 5);
	assert_int_equal(theme.best_session, 10);
}

static void test_theme_single_and_rising(void **state)
{
	static const struct stats_point one[] = { { 9, 3, 1 } };
	static const struct stats_point rising[] = { { 1, 2, 1 }, { 2, 3, 1 }, { 3, 9, 2 } };
	struct stats_theme theme;
	(void)state;

	stats_theme(one, 1, &theme);
	assert_int_equal(theme.sessions, 1);
	assert_int_equal(theme.rated, 1);
	assert_near(theme.average, 3);
	assert_near(theme.first, 3);
	assert_near(theme.latest, 3);
	assert_near(theme.change, 0);
	assert_int_equal(theme.best_session, 9);

	stats_theme(rising, 3, &theme);
	assert_near(theme.average, 14.0 / 4);
	assert_near(theme.change, 2.5);
	assert_near(theme.best, 4.5);
	assert_int_equal(theme.best_session, 3);
}

static void test_theme_without_points_is_zero(void **state)
{
	static const struct stats_point unrated[] = { { 1, 0, 0 }, { 2, 0, 0 } };
	struct stats_theme theme;
	(void)state;

	memset(&theme, 0x5a, sizeof theme);
	stats_theme(NULL, 0, &theme);
	assert_int_equal(theme.sessions, 0);
	assert_int_equal(theme.rated, 0);
	assert_near(theme.average, 0);
	assert_near(theme.first, 0);
	assert_near(theme.latest, 0);
	assert_near(theme.change, 0);
	assert_near(theme.best, 0);
	assert_int_equal(theme.best_session, 0);

	memset(&theme, 0x5a, sizeof theme);
	stats_theme(unrated, 2, &theme);
	assert_int_equal(theme.sessions, 0);
	assert_int_equal(theme.rated, 0);
	assert_near(theme.average, 0);
	assert_int_equal(theme.best_session, 0);
}

/* ------------------------------------------------------------------------------------------------
 * Sparklines: level = lround((value - 1) / 4 * 7), clamped to 0..7
 */

static void assert_spark(const double *values, size_t n, size_t width, int utf8, const char *expected,
			 size_t expected_cells)
{
	char buf[256];

	memset(buf, 'X', sizeof buf);
	assert_int_equal(stats_sparkline(values, n, width, utf8, buf, sizeof buf), expected_cells);
	assert_string_equal(buf, expected);
}

static void test_sparkline_one_cell_per_value(void **state)
{
	static const double ramp[] = { 1, 2, 3, 4, 5 };
	static const double every_level[] = { 1, 1 + 4.0 / 7, 1 + 8.0 / 7, 1 + 12.0 / 7,
					      1 + 16.0 / 7, 1 + 20.0 / 7, 1 + 24.0 / 7, 5 };
	static const double edges[] = { 0, 1.2, 1.3, 4.99, 9 };
	(void)state;

	/* 1, 2, 3, 4, 5 are levels 0, 1.75 -> 2, 3.5 -> 4, 5.25 -> 5, 7. */
	assert_spark(ramp, 5, 10, 1, "▁▃▅▆█", 5);
	assert_spark(ramp, 5, 10, 0, "_,=+#", 5);
	assert_spark(ramp, 5, 5, 1, "▁▃▅▆█", 5);
	assert_spark(every_level, 8, 8, 1, "▁▂▃▄▅▆▇█", 8);
	assert_spark(every_level, 8, STATS_SPARK_MAX, 0, "_.,-=+*#", 8);
	/* Out-of-range values are clamped; 1.2 is level 0.35 -> 0, 1.3 is 0.525 -> 1. */
	assert_spark(edges, 5, 10, 0, "__.##", 5);
	assert_spark(edges, 5, 10, 1, "▁▁▂██", 5);
}

static void test_sparkline_buckets_when_narrow(void **state)
{
	static const double pairs[] = { 1, 1, 5, 5, 3, 4, 2, 4 };
	static const double uneven[] = { 1, 1, 5, 5, 5 };
	static const double thirds[] = { 1, 2, 3, 4, 5, 1, 2 };
	(void)state;

	/* Means of pairs: 1, 5, 3.5, 3, at levels 0, 7, 4.375 -> 4 and 3.5 -> 4. */
	assert_spark(pairs, 8, 4, 1, "▁█▅▅", 4);
	assert_spark(pairs, 8, 4, 0, "_#==", 4);
	/* One cell: the mean of all eight, 3.125 -> 3.72 -> 4. */
	assert_spark(pairs, 8, 1, 0, "=", 1);
	/* Five into two: cells take values [0, 2) and [2, 5). */
	assert_spark(uneven, 5, 2, 0, "_#", 2);
	/* Seven into three: [0, 2) mean 1.5, [2, 4) mean 3.5, [4, 7) mean 8/3 -> levels 1, 4, 3. */
	assert_spark(thirds, 7, 3, 0, ".=-", 3);
}

static void test_sparkline_empty(void **state)
{
	static const double ramp[] = { 1, 2, 3 };
	char buf[8];
	(void)state;

	assert_spark(ramp, 0, 10, 1, "", 0);
	assert_spark(NULL, 0, 10, 1, "", 0);
	assert_spark(ramp, 3, 0, 1, "", 0);
	/* No room at all: nothing is written. */
	memset(buf, 'X', sizeof buf);
	assert_int_equal(stats_sparkline(ramp, 3, 10, 1, buf, 0), 0);
	assert_int_equal(buf[0], 'X');
}

static void test_sparkline_small_buffer_truncates_whole_cells(void **state)
{
	static const double ramp[] = { 1, 2, 3, 4, 5 };
	char buf[16];
	(void)state;

	/* Each UTF-8 block is 3 bytes: 7 bytes hold two and the NUL. */
	memset(buf, 'X', sizeof buf);
	assert_int_equal(stats_sparkline(ramp, 5, 10, 1, buf, 7), 2);
	assert_string_equal(buf, "▁▃");
	assert_int_equal(buf[7], 'X');
	/* 6 bytes hold one: a block is never cut in half. */
	memset(buf, 'X', sizeof buf);
	assert_int_equal(stats_sparkline(ramp, 5, 10, 1, buf, 6), 1);
	assert_string_equal(buf, "▁");
	assert_int_equal(buf[6], 'X');
	/* 3 bytes: not even one block, but still a string. */
	memset(buf, 'X', sizeof buf);
	assert_int_equal(stats_sparkline(ramp, 5, 10, 1, buf, 3), 0);
	assert_string_equal(buf, "");
	assert_int_equal(buf[1], 'X');
	/* ASCII: one byte a cell. */
	memset(buf, 'X', sizeof buf);
	assert_int_equal(stats_sparkline(ramp, 5, 10, 0, buf, 3), 2);
	assert_string_equal(buf, "_,");
	assert_int_equal(buf[3], 'X');
	memset(buf, 'X', sizeof buf);
	assert_int_equal(stats_sparkline(ramp, 5, 10, 0, buf, 1), 0);
	assert_string_equal(buf, "");
	/* Exactly enough. */
	memset(buf, 'X', sizeof buf);
	assert_int_equal(stats_sparkline(ramp, 5, 10, 1, buf, 16), 5);
	assert_string_equal(buf, "▁▃▅▆█");
}

/* ------------------------------------------------------------------------------------------------
 * Streaks
 */

static void assert_streak(const long *days, size_t n, long today, long current, long longest, long distinct)
{
	struct stats_streak streak;

	memset(&streak, 0x5a, sizeof streak);
	stats_streak(days, n, today, &streak);
	assert_int_equal(streak.current, current);
	assert_int_equal(streak.longest, longest);
	assert_int_equal(streak.days, distinct);
}

static void test_streak_simple_cases(void **state)
{
	const long today[] = { TODAY }, yesterday[] = { TODAY - 1 }, two_ago[] = { TODAY - 2 };
	const long gap[] = { TODAY - 4, TODAY - 3, TODAY - 2 };
	const long broken[] = { TODAY - 3, TODAY - 1, TODAY };
	(void)state;

	assert_streak(NULL, 0, TODAY, 0, 0, 0);
	assert_streak(today, 1, TODAY, 1, 1, 1);
	assert_streak(yesterday, 1, TODAY, 1, 1, 1);	/* still alive until today ends */
	assert_streak(two_ago, 1, TODAY, 0, 1, 1);
	assert_streak(gap, 3, TODAY, 0, 3, 3);		/* two days missed: over */
	assert_streak(broken, 3, TODAY, 2, 2, 3);
}

/* A session stamped while the clock was ahead counts as today's (stats.h): the streak the user kept goes
 * on once the clock is right again, and a day far ahead adds one day, not a streak of its own. */
static void test_streak_with_days_from_a_clock_ahead(void **state)
{
	const long kept[] = { TODAY - 2, TODAY - 1, TODAY + 3 };
	const long only_ahead[] = { TODAY + 3 };
	const long ahead_and_today[] = { TODAY - 1, TODAY, TODAY + 2, TODAY + 700 };
	(void)state;

	assert_streak(kept, 3, TODAY, 3, 3, 3);
	assert_streak(only_ahead, 1, TODAY, 1, 1, 1);
	assert_streak(ahead_and_today, 4, TODAY, 2, 2, 2);
}

static void test_streak_duplicates_and_order(void **state)
{
	const long repeats[] = { TODAY, TODAY, TODAY - 1, TODAY - 1, TODAY - 1 };
	const long unsorted[] = { TODAY - 1, TODAY - 10, TODAY, TODAY - 11, TODAY - 12, TODAY - 2, TODAY - 10 };
	const long longer_before[] = { TODAY - 1, TODAY - 16, TODAY - 20, TODAY - 18, TODAY, TODAY - 17,
				       TODAY - 19 };
	const long repeated_old[] = { TODAY - 30, TODAY - 30, TODAY - 30 };
	const long before_1970[] = { -3, -1, -2, 0 };
	(void)state;

	assert_streak(repeats, 5, TODAY, 2, 2, 2);
	assert_streak(unsorted, 7, TODAY, 3, 3, 6);
	assert_streak(longer_before, 7, TODAY, 2, 5, 7);
	assert_streak(repeated_old, 3, TODAY, 0, 1, 1);
	assert_streak(before_1970, 4, 1, 4, 4, 4);
}

/* The process's TZ, put back after the test even if an assertion fails. */
static int save_tz(void **state)
{
	const char *tz = getenv("TZ");

	*state = tz ? xstrdup(tz) : NULL;
	return 0;
}

static int restore_tz(void **state)
{
	if (*state)
		setenv("TZ", *state, 1);
	else
		unsetenv("TZ");
	tzset();
	free(*state);
	return 0;
}

/* Local day numbers of ISO UTC starts in the zone tz. */
static void local_days(const char *tz, const char *const *starts, size_t n, long *days)
{
	time_t t;
	size_t i;

	assert_int_equal(setenv("TZ", tz, 1), 0);
	tzset();
	for (i = 0; i < n; i++) {
		assert_int_equal(date_parse_iso(starts[i], &t), 0);
		days[i] = date_local_day(t);
	}
}

/* The same two sessions are two days in a row in UTC but one evening in New York. */
static void test_streak_over_local_days(void **state)
{
	static const char *const starts[] = { "2026-11-21T23:30:00Z", "2026-11-22T00:30:00Z" };
	long days[2];
	(void)state;

	local_days("UTC0", starts, 2, days);
	assert_int_equal(days[0], TODAY - 1);
	assert_int_equal(days[1], TODAY);
	assert_streak(days, 2, days[1], 2, 2, 2);

	local_days("EST5", starts, 2, days);
	assert_int_equal(days[0], TODAY - 1);
	assert_int_equal(days[1], TODAY - 1);
	assert_streak(days, 2, days[1], 1, 1, 1);

	/* In Tokyo both are on the 22nd, and the 23rd still continues that streak. */
	local_days("JST-9", starts, 2, days);
	assert_int_equal(days[0], TODAY);
	assert_int_equal(days[1], TODAY);
	assert_streak(days, 2, TODAY + 1, 1, 1, 1);
	assert_streak(days, 2, TODAY + 2, 0, 1, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_point_average),
		cmocka_unit_test(test_theme_summary),
		cmocka_unit_test(test_theme_single_and_rising),
		cmocka_unit_test(test_theme_without_points_is_zero),
		cmocka_unit_test(test_sparkline_one_cell_per_value),
		cmocka_unit_test(test_sparkline_buckets_when_narrow),
		cmocka_unit_test(test_sparkline_empty),
		cmocka_unit_test(test_sparkline_small_buffer_truncates_whole_cells),
		cmocka_unit_test(test_streak_simple_cases),
		cmocka_unit_test(test_streak_duplicates_and_order),
		cmocka_unit_test(test_streak_with_days_from_a_clock_ahead),
		cmocka_unit_test_setup_teardown(test_streak_over_local_days, save_tz, restore_tz),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
