/* sched: the spaced-repetition schedule of drilled questions: FSRS-6 (J. Ye, open-spaced-repetition) with
 * its 21 default parameters, as py-fsrs 6 publishes them, at the grain of whole days. Pure: days are
 * date.h day numbers (local calendar days); no parameter optimiser, no fuzz.
 *
 * A question has a memory state: stability S (days until recall falls to 90%), difficulty D (1..10)
 * and the day of its last review. An answer's average self-rating q (1..5) is its grade: q < 3 Again,
 * q < 3.5 Hard, q < 4.5 Good, else Easy. Every rated answer is a review, whenever it was given:
 *   - The first review sets S = w[G-1] and D = w4 - e^(w5 (G-1)) + 1 (clamped to 1..10).
 *   - A review t >= 1 days after the last one sees retrievability R = (1 + F t / S)^-w20, with
 *     F = 0.9^(-1/w20) - 1; after Again S becomes
 *       min(w11 D^-w12 ((S+1)^w13 - 1) e^(w14 (1-R)),  S / e^(w17 w18)),
 *     after Hard, Good or Easy S (1 + e^w8 (11-D) S^-w9 (e^(w10 (1-R)) - 1) (w15 if Hard) (w16 if Easy)).
 *     An early review (R near 1) therefore moves S little, and a late one that is still recalled a lot.
 *   - A second review on the same day: S e^(w17 (G - 3 + w18)) S^-w19 (never lower for Good or Easy).
 *   - After each review after the first, D moves by -w6 (G-3) (10-D)/9, then reverts to the mean:
 *     D = w7 D0(Easy) + (1-w7) D, clamped to 1..10.
 *   - The next interval is the day count at which R falls to the desired retention r:
 *     S / F (r^(-1/w20) - 1), rounded to the nearest day (halves to even, as py-fsrs), at least 1,
 *     at most SCHED_INTERVAL_MAX; the question is due that many days after the review. */
#ifndef REBOUND_SCHED_H
#define REBOUND_SCHED_H

#define SCHED_INTERVAL_MAX 365
#define SCHED_RETENTION_DEFAULT 0.9
#define SCHED_PARAMETER_COUNT 21

/* FSRS-6's default parameters w0..w20. */
extern const double sched_default_parameters[SCHED_PARAMETER_COUNT];

enum sched_grade { SCHED_AGAIN = 1, SCHED_HARD, SCHED_GOOD, SCHED_EASY };

struct sched_state {
	double stability;	/* days; 0 before the first review */
	double difficulty;	/* 1..10; 0 before the first review */
	int reviews;		/* reviews folded */
	int lapses;		/* Again after the first review */
	int streak;		/* reviews in a row graded Hard or better */
	int interval_days;	/* the last interval set (0 before any review) */
	long due_day;		/* due from this day on */
	long last_day;		/* the day of the last review, or -1 */
};

/* The grade of an average self-rating (1..5; outside or NaN counts as the nearer end, NaN as 1). */
enum sched_grade sched_grade_of(double quality);

/* The state of a question added to the schedule on day: due that day, never reviewed. */
void sched_start(struct sched_state *state, long day);

/* Applies one review graded grade on day (a day before the last review's counts as that day).
 * retention is the desired retention, 0.7..0.99 (anything else: SCHED_RETENTION_DEFAULT). */
void sched_review(struct sched_state *state, long day, enum sched_grade grade, double retention);

/* The predicted chance of recall on day (1 for a question reviewed that day; 0 if never reviewed). */
double sched_retrievability(const struct sched_state *state, long day);

/* The interval, in whole days, after which recall of stability falls to retention. */
int sched_interval(double stability, double retention);

#endif
