/* date: wall-clock and monotonic time, the ISO 8601 UTC text the store keeps, and local calendar days
 * (for "today", streaks and --since), which follow the TZ the process runs in. */
#ifndef REBOUND_DATE_H
#define REBOUND_DATE_H

#include <time.h>

#define DATE_ISO_SIZE 21	/* "2026-11-22T09:30:00Z" and a NUL */

/* Milliseconds from an arbitrary start that never jumps (for timers and durations). */
long long date_monotonic_ms(void);

/* Formats t as "YYYY-MM-DDTHH:MM:SSZ" (UTC) into buf. */
void date_iso_utc(time_t t, char buf[DATE_ISO_SIZE]);
/* Parses the same form; 0, or -1 if text is not in that form. */
int date_parse_iso(const char *text, time_t *t);

/* A local calendar day as a count of days since 1970-01-01 (negative before). */
long date_local_day(time_t t);
/* The local day of a time as date_iso_utc writes it; 0 (1970-01-01) when text is not in that form. */
long date_local_day_iso(const char *text);
/* The day number of a civil date, and back; month 1-12, day 1-31. */
long date_days_from_civil(int year, int month, int day);
void date_civil_from_days(long days, int *year, int *month, int *day);
/* Parses "YYYY-MM-DD" (a real date) into a day number: 0, or -1. */
int date_parse_day(const char *text, long *day);
/* The instant local midnight begins on day. */
time_t date_day_start(long day);
/* Formats a day as "YYYY-MM-DD" into buf (11 bytes). */
void date_format_day(long day, char buf[11]);
/* Formats t in local time as "YYYY-MM-DD HH:MM" into buf (17 bytes). */
void date_format_local(time_t t, char buf[17]);
/* Formats a duration as "M:SS" (or "H:MM:SS" from an hour) into buf (16 bytes); negative counts as 0. */
void date_format_duration(long long ms, char buf[16]);

#endif
