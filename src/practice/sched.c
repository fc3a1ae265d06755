/* sched: the drill schedule's arithmetic, a variant of SM-2 (see sched.h). The store folds a question's
 * rated answers, in the order they were given from the day it was added (store-review.c says how a clock
 * that was wrong is handled), through sched_review to get its row. */
#include "rebound/sched.h"

#include <math.h>

/* Ratings are averages of 1..5; anything outside (or NaN) is brought back into that range so the
 * ease rule cannot run away. */
static double clamp_quality(double quality)
{
	if (!(quality >= 1))
		return 1;
	return quality > 5 ? 5 : quality;
}

/* SM-2's ease update: +0.1 for a 5, 0 for a 4, -0.14 for a 3, -0.54 for a 1; never under the floor. */
static double next_ease(double ease, double quality)
{
	double miss = 5 - quality;

	ease += 0.1 - miss * (0.08 + 0.02 * miss);
	return ease < SCHED_EASE_MIN ? SCHED_EASE_MIN : ease;
}

/* The interval after the repetitions-th success in a row. */
static int next_interval(int repetitions, int previous, double ease, double quality)
{
	long interval;

	if (repetitions == 1)
		return quality >= SCHED_EASY_FROM ? 4 : 1;
	if (repetitions == 2)
		return 6;
	/*
	 * The ease is a sum of steps like -0.14 that doubles hold inexactly (2.5 - 0.14 - 0.14 is a hair
	 * under 2.22), so a product that is exactly a half in decimal (25 x 2.22 = 55.5) could round down;
	 * the nudge makes it round up as it would on paper.
	 */
	interval = lround(previous * ease + 1e-9);
	if (interval <= previous)
		interval = (long)previous + 1;
	return interval > SCHED_INTERVAL_MAX ? SCHED_INTERVAL_MAX : (int)interval;
}

void sched_start(struct sched_state *state, long day)
{
	state->repetitions = 0;
	state->interval_days = 0;
	state->ease = SCHED_EASE_START;
	state->due_day = day;
	state->last_day = -1;
}

int sched_review(struct sched_state *state, long day, double quality)
{
	quality = clamp_quality(quality);
	if (quality >= SCHED_LAPSE_BELOW && day < state->due_day)
		return 0;		/* early practice */
	state->ease = next_ease(state->ease, quality);
	if (quality < SCHED_LAPSE_BELOW) {
		state->repetitions = 0;
		state->interval_days = 1;
	} else {
		state->repetitions++;
		state->interval_days = next_interval(state->repetitions, state->interval_days, state->ease, quality);
	}
	state->due_day = day + state->interval_days;
	state->last_day = day;
	return 1;
}
