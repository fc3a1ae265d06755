/* sched: the spaced-repetition schedule of drilled questions, a variant of SM-2 (P. Wozniak, 1990)
 * driven by self-ratings. Pure: days are date.h day numbers (local calendar days).
 *
 * A question enters the schedule due on the day it is added (the day a rejection citing one of its
 * themes is logged, or the day it is first drilled). Each rated answer to it is a review whose
 * quality q is the answer's average self-rating (1..5):
 *   - q < 3 is a lapse: the question comes back the next day and its run of successes starts again
 *     (repetitions 0, interval 1), whenever the answer was given.
 *   - q >= 3 given before the due day is early practice and leaves the schedule as it is.
 *   - q >= 3 on or after the due day is a success: repetitions + 1; the interval becomes 1 day after
 *     the first success (4 days if q >= 4.5, an easy first answer), 6 days after the second, and
 *     round(previous interval x ease) after that, halves up (at least one day more than before, at
 *     most SCHED_INTERVAL_MAX).
 *   - After every review that counts (a lapse or a success), the ease changes by SM-2's rule
 *     ease += 0.1 - (5 - q) (0.08 + 0.02 (5 - q)), never below SCHED_EASE_MIN; a success's interval
 *     uses the ease as updated.
 * The due day is the review's day plus the interval (a late answer does not lengthen it). A quality
 * outside 1..5 (or NaN) counts as the nearer end (NaN as 1). */
#ifndef REBOUND_SCHED_H
#define REBOUND_SCHED_H

#define SCHED_EASE_START 2.5
#define SCHED_EASE_MIN 1.3
#define SCHED_INTERVAL_MAX 365
#define SCHED_LAPSE_BELOW 3.0	/* a quality under this is a lapse */
#define SCHED_EASY_FROM 4.5	/* a first success at or over this waits 4 days, not 1 */

struct sched_state {
	int repetitions;	/* successes in a row since the last lapse */
	int interval_days;	/* the last interval set (0 before any review) */
	double ease;
	long due_day;		/* due from this day on */
	long last_day;		/* the day of the last review that counted, or -1 */
};

/* The state of a question added to the schedule on day: due that day. */
void sched_start(struct sched_state *state, long day);

/* Applies one review given on day with quality q (1..5). Returns 1 if it counted (changed the state),
 * 0 if it was early practice. */
int sched_review(struct sched_state *state, long day, double quality);

#endif
