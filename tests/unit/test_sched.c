/* Unit tests for sched, FSRS-6 at the grain of days: stability, difficulty, retrievability, intervals and
 * due days for sequences of grades, against reference values worked out from the published formulas and
 * the 21 default parameters by a separate program (Python, double precision), not by this code. Days count
 * from the first review (day 0 is 2026-11-22; the arithmetic only sees differences). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "rebound/date.h"
#include "rebound/sched.h"

#define G(x) SCHED_##x

/* One review and the state it must leave: day (from the start), grade, S, D, interval. */
struct step {
	long day;
	enum sched_grade grade;
	double stability, difficulty;
	int interval;
};

static long start_day(void)
{
	return date_days_from_civil(2026, 11, 22);
}

static void assert_near(double actual, double expected, const char *what, size_t i)
{
	if (fabs(actual - expected) > 5e-6)
		fail_msg("review %zu: %s %.9g != %.9g", i + 1, what, actual, expected);
}

static void check_steps(const struct step *steps, size_t count, double retention)
{
	struct sched_state s;
	long day0 = start_day();
	size_t i;

	sched_start(&s, day0);
	for (i = 0; i < count; i++) {
		sched_review(&s, day0 + steps[i].day, steps[i].grade, retention);
		assert_near(s.stability, steps[i].stability, "stability", i);
		assert_near(s.difficulty, steps[i].difficulty, "difficulty", i);
		if (s.interval_days != steps[i].interval || s.due_day != day0 + steps[i].day + steps[i].interval)
			fail_msg("review %zu: interval %d (due day %+ld), expected %d", i + 1, s.interval_days,
				 s.due_day - day0, steps[i].interval);
		assert_int_equal(s.last_day, day0 + steps[i].day);
		assert_int_equal(s.reviews, (int)i + 1);
	}
}

#define CHECK(steps, retention) check_steps(steps, sizeof steps / sizeof steps[0], retention)

static void test_start(void **state)
{
	struct sched_state s;
	(void)state;

	sched_start(&s, start_day());
	assert_int_equal(s.due_day, start_day());
	assert_int_equal(s.last_day, -1);
	assert_int_equal(s.reviews, 0);
	assert_true(s.stability == 0 && s.difficulty == 0);
	assert_true(sched_retrievability(&s, start_day() + 3) == 0);
	sched_start(&s, -3);	/* before 1970 is still a day */
	assert_int_equal(s.due_day, -3);
}

static void test_grades_of_ratings(void **state)
{
	(void)state;
	assert_int_equal(sched_grade_of(1), G(AGAIN));
	assert_int_equal(sched_grade_of(2.99), G(AGAIN));
	assert_int_equal(sched_grade_of(3), G(HARD));
	assert_int_equal(sched_grade_of(3.49), G(HARD));
	assert_int_equal(sched_grade_of(3.5), G(GOOD));
	assert_int_equal(sched_grade_of(4.25), G(GOOD));
	assert_int_equal(sched_grade_of(4.5), G(EASY));
	assert_int_equal(sched_grade_of(5), G(EASY));
	assert_int_equal(sched_grade_of(NAN), G(AGAIN));
	assert_int_equal(sched_grade_of(-7), G(AGAIN));
	assert_int_equal(sched_grade_of(99), G(EASY));
}

/* Good on each due day: S grows 2.3 -> 11 -> 46 -> 163 -> 497, the interval capped at a year. */
static void test_good_on_each_due_day(void **state)
{
	static const struct step steps[] = {
		{ 0, G(GOOD), 2.306500, 2.118104, 2 },
		{ 2, G(GOOD), 10.964332, 2.111214, 11 },
		{ 13, G(GOOD), 46.280217, 2.104331, 46 },
		{ 59, G(GOOD), 162.862202, 2.097455, 163 },
		{ 222, G(GOOD), 497.447194, 2.090586, SCHED_INTERVAL_MAX },
		{ 587, G(GOOD), 1172.375554, 2.083724, SCHED_INTERVAL_MAX },
	};
	(void)state;
	CHECK(steps, 0.9);
}

static void test_first_grades(void **state)
{
	static const struct step again[] = {
		{ 0, G(AGAIN), 0.212, 6.4133, 1 },
		{ 1, G(GOOD), 1.886788, 6.402115, 2 },
		{ 3, G(GOOD), 6.269161, 6.390941, 6 },
		{ 9, G(GOOD), 17.379189, 6.379779, 17 },
	};
	static const struct step hard[] = {
		{ 0, G(HARD), 1.2931, 5.112171, 1 },
		{ 1, G(EASY), 7.385512, 3.464114, 7 },
		{ 8, G(EASY), 46.112409, 1.265354, 46 },
	};
	static const struct step easy[] = {	/* D0(Easy) is under 1: clamped */
		{ 0, G(EASY), 8.2956, 1.0, 8 },
		{ 8, G(GOOD), 38.905150, 1.0, 39 },
	};
	(void)state;
	CHECK(again, 0.9);
	CHECK(hard, 0.9);
	CHECK(easy, 0.9);
}

/* A lapse on its due day, and one long after it: S falls, D jumps, the question is back in 2 days. */
static void test_lapses(void **state)
{
	static const struct step on_time[] = {
		{ 0, G(GOOD), 2.306500, 2.118104, 2 },
		{ 2, G(GOOD), 10.964332, 2.111214, 11 },
		{ 13, G(AGAIN), 1.538337, 7.392238, 2 },
		{ 15, G(GOOD), 4.876260, 7.380074, 5 },
		{ 20, G(GOOD), 12.311686, 7.367923, 12 },
	};
	static const struct step late[] = {
		{ 0, G(GOOD), 2.306500, 2.118104, 2 },
		{ 2, G(GOOD), 10.964332, 2.111214, 11 },
		{ 60, G(AGAIN), 1.952839, 7.392238, 2 },
	};
	struct sched_state s;
	(void)state;

	CHECK(on_time, 0.9);
	CHECK(late, 0.9);
	sched_start(&s, 0);
	sched_review(&s, 0, G(GOOD), 0.9);
	sched_review(&s, 2, G(AGAIN), 0.9);
	sched_review(&s, 4, G(GOOD), 0.9);
	assert_int_equal(s.lapses, 1);
	assert_int_equal(s.streak, 1);
}

/* Reviews on one day use the short-term formula: Good, then Again, then Good again the same day. */
static void test_same_day_reviews(void **state)
{
	static const struct step steps[] = {
		{ 0, G(GOOD), 2.306500, 2.118104, 2 },
		{ 0, G(AGAIN), 0.775084, 7.394503, 1 },
		{ 0, G(GOOD), 0.828165, 7.382337, 1 },
		{ 1, G(GOOD), 2.728445, 7.370183, 3 },
	};
	struct sched_state s;
	(void)state;

	CHECK(steps, 0.9);
	/* A review stamped before the last one counts on the last one's day. */
	sched_start(&s, 10);
	sched_review(&s, 10, G(GOOD), 0.9);
	sched_review(&s, 8, G(AGAIN), 0.9);
	assert_int_equal(s.last_day, 10);
	assert_near(s.stability, 0.775084, "stability", 1);
}

/* Early and late reviews: practising a day early moves S less than on time; a late success moves it more. */
static void test_early_and_late_reviews(void **state)
{
	static const struct step early[] = {
		{ 0, G(GOOD), 2.306500, 2.118104, 2 },
		{ 1, G(GOOD), 7.315301, 2.111214, 7 },
		{ 3, G(GOOD), 16.127272, 2.104331, 16 },
	};
	static const struct step late[] = {
		{ 0, G(GOOD), 2.306500, 2.118104, 2 },
		{ 30, G(GOOD), 37.420638, 2.111214, 37 },
	};
	(void)state;
	CHECK(early, 0.9);
	CHECK(late, 0.9);
}

static void test_desired_retention(void **state)
{
	static const struct step low[] = {
		{ 0, G(GOOD), 2.306500, 2.118104, 8 },
		{ 8, G(GOOD), 22.768180, 2.111214, 75 },
		{ 83, G(GOOD), 157.239067, 2.104331, SCHED_INTERVAL_MAX },
	};
	static const struct step high[] = {
		{ 0, G(GOOD), 2.306500, 2.118104, 1 },
		{ 1, G(GOOD), 7.315301, 2.111214, 3 },
		{ 4, G(GOOD), 19.833473, 2.104331, 8 },
	};
	(void)state;
	CHECK(low, 0.8);
	CHECK(high, 0.95);
	/* Out of range: the default. */
	assert_int_equal(sched_interval(10.964332, 0.2), sched_interval(10.964332, SCHED_RETENTION_DEFAULT));
	assert_int_equal(sched_interval(10.964332, NAN), 11);
	assert_int_equal(sched_interval(0.001, 0.9), 1);
	assert_int_equal(sched_interval(1e9, 0.9), SCHED_INTERVAL_MAX);
}

static void test_retrievability(void **state)
{
	struct sched_state s;
	(void)state;

	sched_start(&s, 0);
	sched_review(&s, 0, G(AGAIN), 0.9);
	assert_near(sched_retrievability(&s, 0), 1, "R", 0);
	assert_near(sched_retrievability(&s, 1), 0.766196, "R", 0);
	s.stability = 5;
	assert_near(sched_retrievability(&s, 5), 0.9, "R", 0);
	assert_near(sched_retrievability(&s, 10), 0.845885, "R", 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start),
		cmocka_unit_test(test_grades_of_ratings),
		cmocka_unit_test(test_good_on_each_due_day),
		cmocka_unit_test(test_first_grades),
		cmocka_unit_test(test_lapses),
		cmocka_unit_test(test_same_day_reviews),
		cmocka_unit_test(test_early_and_late_reviews),
		cmocka_unit_test(test_desired_retention),
		cmocka_unit_test(test_retrievability),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
