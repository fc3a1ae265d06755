/* date: the one clock (every wall-clock "now" in rebound, which REBOUND_NOW can pin), the monotonic clock,
 * the ISO 8601 UTC text the store keeps, and local calendar days (for "today", streaks and --since), which
 * follow the TZ the process runs in. */
#ifndef REBOUND_DATE_H
#define REBOUND_DATE_H

#include <time.h>

#define DATE_ISO_SIZE 21	/* "2026-11-22T09:30:00Z" and a NUL */

/*
 * The clock. date_clock_init reads REBOUND_NOW once (main calls it before anything asks the time): unset
 * or empty, date_now is the system's clock; otherwise the clock stands still at that instant, for tests
 * and demonstrations. The forms date_parse_instant takes are accepted. 0, or -1 with *cause (caller
 * frees) naming the variable and the forms.
 */
int date_clock_init(char **cause);
/* Pins the clock at t (tests); date_clock_unpin gives the system's clock back. */
void date_clock_pin(time_t t);
void date_clock_unpin(void);
/* Now, by the one clock: every wall-clock time rebound stamps or compares comes from here. */
time_t date_now(void);
/* Today's local calendar day, by the same clock. */
long date_today(void);
/* Now as the store keeps it, "YYYY-MM-DDTHH:MM:SSZ". */
void date_now_iso(char buf[DATE_ISO_SIZE]);

/* Milliseconds from an arbitrary start that never jumps (timers, durations, the audio callback's watchdog:
 * the only monotonic clock in rebound; safe in a real-time callback). */
long long date_monotonic_ms(void);

/*
 * Parses an instant: "YYYY-MM-DDTHH:MM[:SS]" followed by "Z", an offset ("+14:00", "-0800", "+05") or
 * nothing (local time in the process's TZ); a space may stand for the T; or "@SECONDS" since the epoch.
 * 0, or -1 if text is none of these or names no real time.
 */
int date_parse_instant(const char *text, time_t *t);

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
