/* sched: the drill schedule's arithmetic, FSRS-6 at the grain of days (the formulas are in sched.h). The
 * store folds a question's rated answers, in the order they were given from the day it was added
 * (store-review.c says how a clock that was wrong is handled), through sched_review to get its row. */
#include "rebound/sched.h"

#include <math.h>

#define W sched_default_parameters
#define STABILITY_MIN 0.001
#define DIFFICULTY_MIN 1.0
#define DIFFICULTY_MAX 10.0

const double sched_default_parameters[SCHED_PARAMETER_COUNT] = {
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
	1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

enum sched_grade sched_grade_of(double quality)
{
	if (!(quality >= 3))
		return SCHED_AGAIN;	/* NaN too */
	if (quality < 3.5)
		return SCHED_HARD;
	return quality < 4.5 ? SCHED_GOOD : SCHED_EASY;
}

/* The curve's shape: R(t) = (1 + factor t / S)^decay, with R(S) = 0.9. */
static double decay(void)
{
	return -W[20];
}

static double factor(void)
{
	return pow(0.9, 1 / decay()) - 1;
}

static double clamp_difficulty(double d)
{
	return d < DIFFICULTY_MIN ? DIFFICULTY_MIN : d > DIFFICULTY_MAX ? DIFFICULTY_MAX : d;
}

static double clamp_stability(double s)
{
	return s < STABILITY_MIN ? STABILITY_MIN : s;
}

/* The grade as a number: an enum of positive constants may be unsigned, and G - 3 must go below zero. */
static double grade_value(enum sched_grade g)
{
	return (double)(int)g;
}

static double initial_difficulty(enum sched_grade g)
{
	return W[4] - exp(W[5] * (grade_value(g) - 1)) + 1;
}

static double next_difficulty(double d, enum sched_grade g)
{
	double damped = d + (10 - d) * (-W[6] * (grade_value(g) - 3)) / 9;

	return clamp_difficulty(W[7] * initial_difficulty(SCHED_EASY) + (1 - W[7]) * damped);
}

static double same_day_stability(double s, enum sched_grade g)
{
	double increase = exp(W[17] * (grade_value(g) - 3 + W[18])) * pow(s, -W[19]);

	if (g >= SCHED_GOOD && increase < 1)
		increase = 1;
	return clamp_stability(s * increase);
}

static double lapse_stability(double d, double s, double r)
{
	double long_term = W[11] * pow(d, -W[12]) * (pow(s + 1, W[13]) - 1) * exp((1 - r) * W[14]);
	double short_term = s / exp(W[17] * W[18]);

	return long_term < short_term ? long_term : short_term;
}

static double recall_stability(double d, double s, double r, enum sched_grade g)
{
	double hard = g == SCHED_HARD ? W[15] : 1, easy = g == SCHED_EASY ? W[16] : 1;

	return s * (1 + exp(W[8]) * (11 - d) * pow(s, -W[9]) * (exp((1 - r) * W[10]) - 1) * hard * easy);
}

static double recall(double elapsed_days, double stability)
{
	return pow(1 + factor() * elapsed_days / stability, decay());
}

int sched_interval(double stability, double retention)
{
	double days;

	if (!(retention >= 0.7 && retention <= 0.99))
		retention = SCHED_RETENTION_DEFAULT;
	days = nearbyint(stability / factor() * (pow(retention, 1 / decay()) - 1));
	if (!(days >= 1))
		return 1;
	return days > SCHED_INTERVAL_MAX ? SCHED_INTERVAL_MAX : (int)days;
}

void sched_start(struct sched_state *state, long day)
{
	*state = (struct sched_state){ .due_day = day, .last_day = -1 };
}

double sched_retrievability(const struct sched_state *state, long day)
{
	if (state->last_day < 0 || state->stability <= 0)
		return 0;
	return day <= state->last_day ? 1 : recall((double)(day - state->last_day), state->stability);
}

void sched_review(struct sched_state *state, long day, enum sched_grade grade, double retention)
{
	if (grade < SCHED_AGAIN || grade > SCHED_EASY)
		grade = SCHED_AGAIN;
	if (state->last_day < 0) {
		state->stability = clamp_stability(W[grade - 1]);
		state->difficulty = clamp_difficulty(initial_difficulty(grade));
	} else {
		if (day <= state->last_day) {
			day = state->last_day;
			state->stability = same_day_stability(state->stability, grade);
		} else {
			double r = sched_retrievability(state, day);
			state->stability = clamp_stability(grade == SCHED_AGAIN
				? lapse_stability(state->difficulty, state->stability, r)
				: recall_stability(state->difficulty, state->stability, r, grade));
		}
		state->difficulty = next_difficulty(state->difficulty, grade);
		state->lapses += grade == SCHED_AGAIN;
	}
	state->reviews++;
	state->streak = grade == SCHED_AGAIN ? 0 : state->streak + 1;
	state->interval_days = sched_interval(state->stability, retention);
	state->due_day = day + state->interval_days;
	state->last_day = day;
}
