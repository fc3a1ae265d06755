/* Unit tests for date: ISO UTC text both ways, the civil calendar behind day numbers, day parsing,
 * durations, and local days in other time zones (POSIX TZ strings, so no tzdata is needed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rebound/date.h"
#include "rebound/util.h"

/* 2026-11-21T23:30:00Z: still the 21st in UTC and New York, already the 22nd in Tokyo. */
#define LATE_EVENING ((time_t)1795303800)
#define DAY_2026_11_21 20778L
#define DAY_2026_11_22 20779L

/* ------------------------------------------------------------------------------------------------
 * Time zones: each test that sets TZ puts the old value back before it ends.
 */

static char *saved_tz;
static int tz_saved, had_tz;

/* Sets TZ, remembering the process's own value the first time. */
static void tz_set(const char *tz)
{
	if (!tz_saved) {
		const char *old = getenv("TZ");
		had_tz = old != NULL;
		saved_tz = old ? xstrdup(old) : NULL;
		tz_saved = 1;
	}
	assert_int_equal(setenv("TZ", tz, 1), 0);
	tzset();
}

/* Puts the process's TZ back; does nothing if tz_set was not called. */
static void tz_restore(void)
{
	if (!tz_saved)
		return;
	if (had_tz)
		setenv("TZ", saved_tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved_tz);
	saved_tz = NULL;
	tz_saved = 0;
}

/* Also run after each zone test, so that a failed assertion cannot leave TZ changed for the next. */
static int restore_tz(void **state)
{
	(void)state;
	tz_restore();
	return 0;
}

/* ------------------------------------------------------------------------------------------------
 * ISO 8601 UTC text
 */

static void test_iso_round_trip(void **state)
{
	static const char *const texts[] = { "2026-11-22T09:30:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
					     "2000-01-01T12:00:00Z", "2100-03-01T00:00:01Z" };
	char buf[DATE_ISO_SIZE];
	time_t t = 0;
	size_t i;
	(void)state;

	assert_int_equal(date_parse_iso("2026-11-22T09:30:00Z", &t), 0);
	assert_true(t == (time_t)1795339800);
	assert_int_equal(date_parse_iso("2026-11-21T23:30:00Z", &t), 0);
	assert_true(t == LATE_EVENING);
	assert_int_equal(date_parse_iso("1970-01-01T00:00:00Z", &t), 0);
	assert_true(t == 0);
	date_iso_utc(LATE_EVENING, buf);
	assert_string_equal(buf, "2026-11-21T23:30:00Z");
	date_iso_utc(-1, buf);
	assert_string_equal(buf, "1969-12-31T23:59:59Z");
	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		assert_int_equal(date_parse_iso(texts[i], &t), 0);
		date_iso_utc(t, buf);
		assert_string_equal(buf, texts[i]);
	}
}

static void test_iso_is_utc_whatever_the_zone(void **state)
{
	char buf[DATE_ISO_SIZE];
	time_t t = 0;
	(void)state;

	tz_set("JST-9");
	assert_int_equal(date_parse_iso("2026-11-21T23:30:00Z", &t), 0);
	assert_true(t == LATE_EVENING);
	date_iso_utc(LATE_EVENING, buf);
	assert_string_equal(buf, "2026-11-21T23:30:00Z");
	tz_restore();
}

static void test_iso_parse_rejects_bad_forms(void **state)
{
	static const char *const bad[] = {
		"",
		"garbage",
		"2026-11-22",
		"2026-11-22T09:30Z",
		"2026-11-22T09:30:00",		/* no Z */
		"2026-11-22 09:30:00Z",		/* space, not T */
		"2026-11-22T09:30:00z",
		"2026-11-22T09:30:00Z ",	/* trailing text */
		"2026-11-22T09:30:00+01:00",
		"2026-1-22T09:30:00Z",
		"2026-11-2T09:30:00Z",
		"26-11-22T09:30:00Z",
		"2026-00-22T09:30:00Z",
		"2026-13-22T09:30:00Z",
		"2026-11-00T09:30:00Z",
		"2026-11-32T09:30:00Z",
		"2026-11-22T24:00:00Z",
		"2026-11-22T09:60:00Z",
		"2026-11-22T09:30:61Z",
		"2026-11-22T-1:30:00Z",
		"2026-+1-22T09:30:00Z",		/* a sign is not a digit */
		"2026-11-22T 9:30:00Z",		/* nor is a space */
		"+026-11-22T09:30:00Z",
	};
	time_t t = 12345;
	size_t i;
	(void)state;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (date_parse_iso(bad[i], &t) != -1)
			fail_msg("'%s' was accepted", bad[i]);
	}
	assert_true(t == 12345);	/* untouched on failure */
}

/* ------------------------------------------------------------------------------------------------
 * Day numbers
 */

static int is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

static void assert_civil(long days, int year, int month, int day)
{
	int y = 0, m = 0, d = 0;

	date_civil_from_days(days, &y, &m, &d);
	assert_int_equal(y, year);
	assert_int_equal(m, month);
	assert_int_equal(d, day);
	assert_int_equal(date_days_from_civil(year, month, day), days);
}

static void test_known_days(void **state)
{
	(void)state;
	assert_civil(0, 1970, 1, 1);
	assert_civil(-1, 1969, 12, 31);
	assert_civil(-365, 1969, 1, 1);
	assert_civil(11016, 2000, 2, 29);
	assert_civil(19782, 2024, 2, 29);
	assert_civil(19783, 2024, 3, 1);
	assert_civil(47540, 2100, 2, 28);
	assert_civil(47541, 2100, 3, 1);	/* 2100 is not a leap year */
	assert_civil(DAY_2026_11_22, 2026, 11, 22);
	assert_civil(-135080, 1600, 3, 1);
	assert_civil(-719162, 1, 1, 1);
	assert_civil(2932896, 9999, 12, 31);
}

/* Every date from 1600 to 2400 is one day after the one before, and converts back to itself. */
static void test_days_round_trip_over_centuries(void **state)
{
	long expected = date_days_from_civil(1600, 1, 1);
	int year, month, day;
	(void)state;

	assert_int_equal(expected, -135140);
	for (year = 1600; year <= 2400; year++) {
		for (month = 1; month <= 12; month++) {
			for (day = 1; day <= days_in_month(year, month); day++) {
				int y, m, d;
				if (date_days_from_civil(year, month, day) != expected)
					fail_msg("%04d-%02d-%02d is day %ld, expected %ld", year, month, day,
						 date_days_from_civil(year, month, day), expected);
				date_civil_from_days(expected, &y, &m, &d);
				if (y != year || m != month || d != day)
					fail_msg("day %ld is %04d-%02d-%02d, expected %04d-%02d-%02d", expected, y, m, d,
						 year, month, day);
				expected++;
			}
		}
	}
	assert_int_equal(expected, date_days_from_civil(2401, 1, 1));
	/* 800 years of the Gregorian cycle: 2 x 146097 days. */
	assert_int_equal(date_days_from_civil(2400, 1, 1) - date_days_from_civil(1600, 1, 1), 2 * 146097);
}

static void test_format_day(void **state)
{
	char buf[11];
	(void)state;

	date_format_day(DAY_2026_11_22, buf);
	assert_string_equal(buf, "2026-11-22");
	date_format_day(-1, buf);
	assert_string_equal(buf, "1969-12-31");
	date_format_day(19782, buf);
	assert_string_equal(buf, "2024-02-29");
}

static void test_parse_day(void **state)
{
	static const char *const bad[] = {
		"", "2026-02-30", "2026-02-29", "2100-02-29", "2026-04-31", "2026-1-5", "2026-01-5", "2026-1-05",
		"26-01-05", "2026/01/05", "2026-01-05 ", "2026-01-05T00:00:00Z", "2026-00-10", "2026-13-01",
		"2026-01-00", "2026-01-32", "2026-+1-05", "2026- 1-05", "+026-01-05", "yesterday",
	};
	long day = 777;
	size_t i;
	(void)state;

	assert_int_equal(date_parse_day("2026-11-22", &day), 0);
	assert_int_equal(day, DAY_2026_11_22);
	assert_int_equal(date_parse_day("2024-02-29", &day), 0);
	assert_int_equal(day, 19782);
	assert_int_equal(date_parse_day("2000-02-29", &day), 0);
	assert_int_equal(day, 11016);
	assert_int_equal(date_parse_day("1969-12-31", &day), 0);
	assert_int_equal(day, -1);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (date_parse_day(bad[i], &day) != -1)
			fail_msg("'%s' was accepted", bad[i]);
	}
}

/* ------------------------------------------------------------------------------------------------
 * Durations and clocks
 */

static void assert_duration(long long ms, const char *expected)
{
	char buf[16];

	memset(buf, 'X', sizeof buf);
	date_format_duration(ms, buf);
	assert_string_equal(buf, expected);
}

static void test_format_duration(void **state)
{
	char buf[16];
	(void)state;

	assert_duration(0, "0:00");
	assert_duration(999, "0:00");		/* whole seconds, cut down */
	assert_duration(1000, "0:01");
	assert_duration(59999, "0:59");
	assert_duration(61000, "1:01");
	assert_duration(600000, "10:00");
	assert_duration(3599999, "59:59");
	assert_duration(3600000, "1:00:00");
	assert_duration(3661000, "1:01:01");
	assert_duration(36000000 + 59 * 60000 + 5000, "10:59:05");
	assert_duration(-1, "0:00");
	assert_duration(-61000, "0:00");
	assert_duration(LLONG_MIN, "0:00");
	/* Too long for the buffer: cut, still terminated. */
	date_format_duration(LLONG_MAX, buf);
	assert_int_equal(strlen(buf), 15);
	assert_string_equal(buf, "2562047788015:1");
}

/* ------------------------------------------------------------------------------------------------
 * The clock and REBOUND_NOW
 */

static void assert_instant(const char *text, time_t expected)
{
	time_t t = 0;

	if (date_parse_instant(text, &t) != 0)
		fail_msg("'%s' was refused", text);
	if (t != expected)
		fail_msg("'%s' read as %lld, expected %lld", text, (long long)t, (long long)expected);
}

static void test_parse_instant_forms(void **state)
{
	const char *bad[] = { "", "2026-11-21", "2026-11-21T23", "2026-11-21T23:3Z", "2026-02-30T10:00Z",
			      "2026-11-21T24:00Z", "2026-11-21T23:60Z", "2026-11-21T23:30:60Z",
			      "2026-11-21T23:30:00+15:00", "2026-11-21T23:30:00+05:60", "2026-11-21T23:30:00+5",
			      "2026-11-21T23:30:00Zjunk", "2026-11-21T23:30:00 Z", "2026-11-21x23:30Z", "@", "@12a",
			      "@-5", "@+5", "tomorrow", " 2026-11-21T23:30Z" };
	time_t t;
	size_t i;
	(void)state;

	assert_instant("2026-11-21T23:30:00Z", LATE_EVENING);
	assert_instant("2026-11-21T23:30Z", LATE_EVENING);
	assert_instant("2026-11-21 23:30:00Z", LATE_EVENING);
	assert_instant("2026-11-22T13:30:00+14:00", LATE_EVENING);
	assert_instant("2026-11-22T13:30+1400", LATE_EVENING);
	assert_instant("2026-11-21T18:30:00-05", LATE_EVENING);
	assert_instant("2026-11-21T15:30:00-08:00", LATE_EVENING);
	assert_instant("@1795303800", LATE_EVENING);
	assert_instant("@0", 0);
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		if (date_parse_instant(bad[i], &t) == 0)
			fail_msg("'%s' was taken as %lld", bad[i], (long long)t);
}

/* Without an offset the time is local, in the process's zone. */
static void test_parse_instant_local(void **state)
{
	(void)state;
	tz_set("JST-9");
	assert_instant("2026-11-22T08:30", LATE_EVENING);
	tz_set("EST5");
	assert_instant("2026-11-21T18:30:00", LATE_EVENING);
}

static void test_clock_follows_the_override(void **state)
{
	char iso[DATE_ISO_SIZE], *cause = NULL;
	(void)state;

	tz_set("UTC0");
	assert_int_equal(setenv("REBOUND_NOW", "2031-06-15T23:59:50Z", 1), 0);
	assert_int_equal(date_clock_init(&cause), 0);
	assert_true(date_now() == (time_t)date_days_from_civil(2031, 6, 15) * 86400 + 86390);
	date_now_iso(iso);
	assert_string_equal(iso, "2031-06-15T23:59:50Z");
	assert_int_equal(date_today(), date_days_from_civil(2031, 6, 15));
	tz_set("JST-9");	/* the same instant is already the 16th in Tokyo */
	assert_int_equal(date_today(), date_days_from_civil(2031, 6, 16));

	/* A malformed value is refused with the variable and the forms named; the clock stays as it was. */
	assert_int_equal(setenv("REBOUND_NOW", "2031-13-01T00:00Z", 1), 0);
	assert_int_equal(date_clock_init(&cause), -1);
	assert_non_null(strstr(cause, "REBOUND_NOW: '2031-13-01T00:00Z' is not a time like 2031-06-15T23:59:50Z"));
	free(cause);

	/* Unset or empty: the system's clock. */
	assert_int_equal(setenv("REBOUND_NOW", "", 1), 0);
	assert_int_equal(date_clock_init(&cause), 0);
	assert_true(llabs((long long)(date_now() - time(NULL))) <= 1);
	unsetenv("REBOUND_NOW");
	date_clock_pin(LATE_EVENING);
	assert_true(date_now() == LATE_EVENING);
	date_clock_unpin();
	assert_true(llabs((long long)(date_now() - time(NULL))) <= 1);
}

/* ------------------------------------------------------------------------------------------------
 * Local days
 */

static void test_local_day_follows_the_zone(void **state)
{
	char buf[17];
	(void)state;

	tz_set("UTC0");
	assert_int_equal(date_local_day(LATE_EVENING), DAY_2026_11_21);
	assert_int_equal(date_local_day(LATE_EVENING + 30 * 60), DAY_2026_11_22);	/* midnight UTC */
	assert_int_equal(date_local_day(LATE_EVENING + 30 * 60 - 1), DAY_2026_11_21);
	date_format_local(LATE_EVENING, buf);
	assert_string_equal(buf, "2026-11-21 23:30");

	tz_set("EST5");
	assert_int_equal(date_local_day(LATE_EVENING), DAY_2026_11_21);
	assert_int_equal(date_local_day(LATE_EVENING + 5 * 3600), DAY_2026_11_21);	/* 23:30 local */
	assert_int_equal(date_local_day(LATE_EVENING + 5 * 3600 + 30 * 60), DAY_2026_11_22);
	date_format_local(LATE_EVENING, buf);
	assert_string_equal(buf, "2026-11-21 18:30");

	tz_set("JST-9");
	assert_int_equal(date_local_day(LATE_EVENING), DAY_2026_11_22);
	assert_int_equal(date_local_day(LATE_EVENING - 9 * 3600), DAY_2026_11_21);	/* 23:30 local */
	date_format_local(LATE_EVENING, buf);
	assert_string_equal(buf, "2026-11-22 08:30");
	assert_int_equal(date_local_day(-1), 0);	/* 1970-01-01 08:59:59 in Tokyo */
	tz_restore();

	tz_set("EST5");
	assert_int_equal(date_local_day(0), -1);	/* 1969-12-31 19:00 in New York */
	tz_restore();
}

static void test_day_start_is_local_midnight(void **state)
{
	char buf[DATE_ISO_SIZE];
	(void)state;

	tz_set("JST-9");
	date_iso_utc(date_day_start(DAY_2026_11_22), buf);
	assert_string_equal(buf, "2026-11-21T15:00:00Z");
	assert_int_equal(date_local_day(date_day_start(DAY_2026_11_22)), DAY_2026_11_22);
	assert_int_equal(date_local_day(date_day_start(DAY_2026_11_22) - 1), DAY_2026_11_21);
	tz_restore();

	tz_set("EST5");
	date_iso_utc(date_day_start(DAY_2026_11_22), buf);
	assert_string_equal(buf, "2026-11-22T05:00:00Z");
	tz_restore();

	tz_set("UTC0");
	assert_true(date_day_start(DAY_2026_11_22) == (time_t)DAY_2026_11_22 * 86400);
	assert_true(date_day_start(0) == 0);
	assert_true(date_day_start(-1) == -86400);
	tz_restore();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso_round_trip),
		cmocka_unit_test_teardown(test_iso_is_utc_whatever_the_zone, restore_tz),
		cmocka_unit_test(test_iso_parse_rejects_bad_forms),
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_days_round_trip_over_centuries),
		cmocka_unit_test(test_format_day),
		cmocka_unit_test(test_parse_day),
		cmocka_unit_test(test_format_duration),
		cmocka_unit_test(test_parse_instant_forms),
		cmocka_unit_test_teardown(test_parse_instant_local, restore_tz),
		cmocka_unit_test_teardown(test_clock_follows_the_override, restore_tz),
		cmocka_unit_test_teardown(test_local_day_follows_the_zone, restore_tz),
		cmocka_unit_test_teardown(test_day_start_is_local_midnight, restore_tz),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
