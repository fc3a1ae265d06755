/* date: the one clock, monotonic time, ISO 8601 UTC text for the store, and local calendar days.
 * Day numbers use the proleptic Gregorian calendar (days_from_civil, after Howard Hinnant's
 * public-domain algorithms), so day arithmetic never depends on the C library's time zone code. */
#include "rebound/date.h"
#include "rebound/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------------
 * The clock: the only place rebound reads the wall clock. Set once at start, before any thread.
 */

static int clock_pinned;
static time_t clock_pin;

int date_clock_init(char **cause)
{
	const char *text = getenv("REBOUND_NOW");
	time_t t;

	if (text == NULL || *text == '\0') {
		date_clock_unpin();
		return 0;
	}
	if (date_parse_instant(text, &t) != 0)
		return util_fail(cause, "REBOUND_NOW: '%.80s' is not a time like 2031-06-15T23:59:50Z,"
				 " 2031-06-15T23:59:50+14:00, 2031-06-15T23:59 (local) or @1970000000", text);
	date_clock_pin(t);
	return 0;
}

void date_clock_pin(time_t t)
{
	clock_pin = t;
	clock_pinned = 1;
}

void date_clock_unpin(void)
{
	clock_pinned = 0;
}

time_t date_now(void)
{
	return clock_pinned ? clock_pin : time(NULL);
}

long date_today(void)
{
	return date_local_day(date_now());
}

void date_now_iso(char buf[DATE_ISO_SIZE])
{
	date_iso_utc(date_now(), buf);
}

long long date_monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void date_iso_utc(time_t t, char buf[DATE_ISO_SIZE])
{
	char text[64];
	struct tm tm;
	int year;

	gmtime_r(&t, &tm);
	year = tm.tm_year + 1900;
	year = year < 0 ? 0 : year > 9999 ? 9999 : year;	/* four digits, so that the text sorts like the time */
	snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec);
	memcpy(buf, text, DATE_ISO_SIZE - 1);
	buf[DATE_ISO_SIZE - 1] = '\0';
}

/* 1 if text is exactly shape, where each '9' in shape stands for one digit: sscanf alone would also take
 * signs and spaces ("2026-+1-05"). */
static int has_shape(const char *text, const char *shape)
{
	for (; *shape != '\0'; text++, shape++) {
		if (*shape == '9' ? !isdigit((unsigned char)*text) : *text != *shape)
			return 0;
	}
	return *text == '\0';
}

int date_parse_iso(const char *text, time_t *t)
{
	int year, month, day, hour, minute, second, used = 0;

	if (!has_shape(text, "9999-99-99T99:99:99Z") ||
	    sscanf(text, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &year, &month, &day, &hour, &minute, &second, &used) != 6 ||
	    used != 20 || text[used] != '\0' || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
	    minute > 59 || second > 60 || hour < 0 || minute < 0 || second < 0)
		return -1;
	*t = (time_t)date_days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
	return 0;
}

/* "@SECONDS": digits only, as git's dates take them. */
static int parse_epoch(const char *text, time_t *t)
{
	char *end;
	long long seconds;

	if (!isdigit((unsigned char)text[0]) || strlen(text) > 15)
		return -1;
	seconds = strtoll(text, &end, 10);
	if (*end != '\0')
		return -1;
	*t = (time_t)seconds;
	return 0;
}

/* The offset after the time: "Z" (0), "+HH", "+HHMM" or "+HH:MM" in seconds east of UTC; *local = 1 for
 * nothing at all. 0, or -1. */
static int parse_offset(const char *text, long *offset, int *local)
{
	int sign, hours = 0, minutes = 0;

	*offset = 0;
	*local = *text == '\0';
	if (*local || strcmp(text, "Z") == 0)
		return 0;
	if (*text != '+' && *text != '-')
		return -1;
	sign = *text++ == '-' ? -1 : 1;
	if (has_shape(text, "99"))
		sscanf(text, "%2d", &hours);
	else if (has_shape(text, "9999"))
		sscanf(text, "%2d%2d", &hours, &minutes);
	else if (has_shape(text, "99:99"))
		sscanf(text, "%2d:%2d", &hours, &minutes);
	else
		return -1;
	if (hours > 14 || minutes > 59)
		return -1;
	*offset = sign * (hours * 3600L + minutes * 60L);
	return 0;
}

int date_parse_instant(const char *text, time_t *t)
{
	char day_text[11];
	int hour, minute, second = 0, local;
	long day, offset;
	size_t used = 16;
	struct tm tm;

	if (text[0] == '@')
		return parse_epoch(text + 1, t);
	if (strlen(text) < 16 || (text[10] != 'T' && text[10] != ' '))
		return -1;
	memcpy(day_text, text, 10);
	day_text[10] = '\0';
	if (date_parse_day(day_text, &day) != 0 || !isdigit((unsigned char)text[11]) ||
	    !isdigit((unsigned char)text[12]) || text[13] != ':' || !isdigit((unsigned char)text[14]) ||
	    !isdigit((unsigned char)text[15]))
		return -1;
	hour = (text[11] - '0') * 10 + (text[12] - '0');
	minute = (text[14] - '0') * 10 + (text[15] - '0');
	if (text[16] == ':' && isdigit((unsigned char)text[17]) && isdigit((unsigned char)text[18])) {
		second = (text[17] - '0') * 10 + (text[18] - '0');
		used = 19;
	}
	if (hour > 23 || minute > 59 || second > 59 || parse_offset(text + used, &offset, &local) != 0)
		return -1;
	if (!local) {
		*t = (time_t)day * 86400 + hour * 3600 + minute * 60 + second - offset;
		return 0;
	}
	memset(&tm, 0, sizeof tm);
	date_civil_from_days(day, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_sec = second;
	tm.tm_isdst = -1;
	*t = mktime(&tm);
	return *t == (time_t)-1 ? -1 : 0;
}

long date_days_from_civil(int year, int month, int day)
{
	long y = month <= 2 ? year - 1 : year;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void date_civil_from_days(long days, int *year, int *month, int *day)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(yoe + era * 400 + (*month <= 2));
}

long date_local_day(time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	return date_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

long date_local_day_iso(const char *text)
{
	time_t t;

	return date_parse_iso(text, &t) == 0 ? date_local_day(t) : 0;
}

int date_parse_day(const char *text, long *day)
{
	int year, month, mday, used = 0, y, m, d;

	if (!has_shape(text, "9999-99-99") ||
	    sscanf(text, "%4d-%2d-%2d%n", &year, &month, &mday, &used) != 3 || used != 10 || text[used] != '\0' ||
	    month < 1 || month > 12 || mday < 1 || mday > 31)
		return -1;
	*day = date_days_from_civil(year, month, mday);
	date_civil_from_days(*day, &y, &m, &d);
	return y == year && m == month && d == mday ? 0 : -1;	/* rejects 2026-02-30 */
}

time_t date_day_start(long day)
{
	struct tm tm;
	int year, month, mday;

	date_civil_from_days(day, &year, &month, &mday);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = mday;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* Copies a formatted string into a fixed-size buffer, cutting it if it cannot fit. */
static void copy_out(char *buf, size_t size, const char *text)
{
	size_t len = strlen(text);

	if (len >= size)
		len = size - 1;
	memcpy(buf, text, len);
	buf[len] = '\0';
}

void date_format_day(long day, char buf[11])
{
	char text[48];
	int year, month, mday;

	date_civil_from_days(day, &year, &month, &mday);
	snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, mday);
	copy_out(buf, 11, text);
}

void date_format_local(time_t t, char buf[17])
{
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, 17, "%Y-%m-%d %H:%M", &tm);
}

void date_format_duration(long long ms, char buf[16])
{
	long long seconds = ms > 0 ? ms / 1000 : 0;
	char text[80];

	if (seconds >= 3600)
		snprintf(text, sizeof text, "%lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60, seconds % 60);
	else
		snprintf(text, sizeof text, "%lld:%02lld", seconds / 60, seconds % 60);
	copy_out(buf, 16, text);
}
