/* Unit tests for insight: themes ranked from decaying rejection citations and recent self-ratings,
 * with the scores worked out by hand (a citation d days old weighs 0.5^(d / 90); ratings add
 * 0.5 x (3 - average) / 2), the order of ties, and a short output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "rebound/insight.h"

#define TODAY 20779L	/* 2026-11-22 */
#define ROOM 8

static void assert_near(double actual, double expected)
{
	if (fabs(actual - expected) > 1e-9)
		fail_msg("%.12g != %.12g", actual, expected);
}

static void assert_theme(const struct insight_theme *theme, const char *theme_id, double score, double weight,
			 int citations, double rating_average, int rating_count)
{
	assert_string_equal(theme->theme_id, theme_id);
	assert_near(theme->score, score);
	assert_near(theme->weight, weight);
	assert_int_equal(theme->citations, citations);
	assert_near(theme->rating_average, rating_average);
	assert_int_equal(theme->rating_count, rating_count);
}

/* ------------------------------------------------------------------------------------------------
 * Citations
 */

static void test_twice_cited_outranks_once_cited(void **state)
{
	static const char *const first[] = { "rapport", "conflict" };
	static const char *const second[] = { "system-design", "rapport" };
	const struct insight_rejection rejections[] = {
		{ TODAY - 10, first, 2 },
		{ TODAY - 20, second, 2 },
	};
	struct insight_theme out[ROOM];
	(void)state;

	/* 0.5^(10/90) = 0.92587..., 0.5^(20/90) = 0.85724... */
	assert_int_equal(insight_rank(rejections, 2, NULL, 0, TODAY, out, ROOM), 3);
	assert_theme(&out[0], "rapport", 1.78311869514, 1.78311869514, 2, 0, 0);
	assert_theme(&out[1], "conflict", 0.925874712287, 0.925874712287, 1, 0, 0);
	assert_theme(&out[2], "system-design", 0.857243982853, 0.857243982853, 1, 0, 0);
	/* The ids are the caller's own strings. */
	assert_ptr_equal(out[0].theme_id, first[0]);
	assert_ptr_equal(out[1].theme_id, first[1]);
	assert_ptr_equal(out[2].theme_id, second[0]);
}

static void test_citations_decay_with_age(void **state)
{
	static const char *const year[] = { "old" }, *const half[] = { "half" }, *const quarter[] = { "quarter" };
	static const char *const fresh[] = { "fresh" }, *const future[] = { "future" };
	const struct insight_rejection rejections[] = {
		{ TODAY - 365, year, 1 },
		{ TODAY - 90, half, 1 },
		{ TODAY - 180, quarter, 1 },
		{ TODAY, fresh, 1 },
		{ TODAY + 30, future, 1 },	/* dated ahead: counts as today's, not more */
	};
	struct insight_theme out[ROOM];
	(void)state;

	assert_int_equal(insight_rank(rejections, 5, NULL, 0, TODAY, out, ROOM), 5);
	/* fresh and future tie at 1 with a citation each: by id. */
	assert_theme(&out[0], "fresh", 1, 1, 1, 0, 0);
	assert_theme(&out[1], "future", 1, 1, 1, 0, 0);
	assert_theme(&out[2], "half", 0.5, 0.5, 1, 0, 0);
	assert_theme(&out[3], "quarter", 0.25, 0.25, 1, 0, 0);
	/* A year ago: 0.5^(365/90) = 0.0601... */
	assert_theme(&out[4], "old", 0.0601389898059, 0.0601389898059, 1, 0, 0);
}

static void test_theme_listed_twice_counts_once(void **state)
{
	/* Separate copies of the same id are the same theme. */
	static const char copy[] = "rapport";
	static const char *const doubled[] = { "rapport", "conflict", copy, "rapport" };
	static const char *const single[] = { "conflict" };
	const struct insight_rejection rejections[] = {
		{ TODAY, doubled, 4 },
		{ TODAY - 90, single, 1 },
	};
	struct insight_theme out[ROOM];
	(void)state;

	assert_int_equal(insight_rank(rejections, 2, NULL, 0, TODAY, out, ROOM), 2);
	assert_theme(&out[0], "conflict", 1.5, 1.5, 2, 0, 0);
	assert_theme(&out[1], "rapport", 1, 1, 1, 0, 0);
}

/* ------------------------------------------------------------------------------------------------
 * Ratings
 */

static void test_low_ratings_lift_a_theme(void **state)
{
	static const char *const first[] = { "conflict", "estimation" };
	static const char *const second[] = { "rapport" };
	static const char *const third[] = { "ownership" };
	const struct insight_rejection rejections[] = {
		{ TODAY, second, 1 },
		{ TODAY - 30, first, 2 },
		{ TODAY - 180, third, 1 },
	};
	const struct insight_rating ratings[] = {
		{ "rapport", 5, 4 },		/* 1 - 0.5 = 0.5 */
		{ "conflict", 1, 2 },		/* 0.5^(1/3) + 0.5 = 1.2937 */
		{ "estimation", 3, 6 },		/* 0.7937 + 0 */
		{ "ownership", 4.5, 2 },	/* 0.25 - 0.375 = -0.125 */
		{ "negotiation", 2, 3 },	/* never cited: 0 + 0.25 */
		{ "unrated", 1, 0 },		/* no ratings: not a theme at all */
	};
	struct insight_theme out[ROOM];
	(void)state;

	assert_int_equal(insight_rank(rejections, 3, ratings, 6, TODAY, out, ROOM), 5);
	assert_theme(&out[0], "conflict", 1.29370052598, 0.79370052598, 1, 1, 2);
	assert_theme(&out[1], "estimation", 0.79370052598, 0.79370052598, 1, 3, 6);
	assert_theme(&out[2], "rapport", 0.5, 1, 1, 5, 4);
	assert_theme(&out[3], "negotiation", 0.25, 0, 0, 2, 3);
	assert_theme(&out[4], "ownership", -0.125, 0.25, 1, 4.5, 2);
}

static void test_ratings_of_one_theme_merge(void **state)
{
	const struct insight_rating ratings[] = {
		{ "conflict", 2, 1 },
		{ "rapport", 3.5, 2 },
		{ "conflict", 4, 3 },		/* with the 2: (2 + 12) / 4 = 3.5 */
		{ "rapport", 1, 0 },		/* empty: changes nothing */
	};
	struct insight_theme out[ROOM];
	(void)state;

	/* Both 3.5: -0.125; a tie on score and citations goes by id. */
	assert_int_equal(insight_rank(NULL, 0, ratings, 4, TODAY, out, ROOM), 2);
	assert_theme(&out[0], "conflict", -0.125, 0, 0, 3.5, 4);
	assert_theme(&out[1], "rapport", -0.125, 0, 0, 3.5, 2);
}

/* ------------------------------------------------------------------------------------------------
 * Order and room
 */

static void test_ties(void **state)
{
	static const char *const twice[] = { "zeta" }, *const once[] = { "beta", "alpha", "gamma" };
	const struct insight_rejection rejections[] = {
		{ TODAY - 90, twice, 1 },
		{ TODAY, once, 3 },
		{ TODAY - 90, twice, 1 },
	};
	const struct insight_rating ratings[] = { { "gamma", 3, 5 } };	/* an average of 3 moves nothing */
	struct insight_theme out[ROOM];
	(void)state;

	/* Every score is 1: zeta's two half-weight citations first, then the rest by id. */
	assert_int_equal(insight_rank(rejections, 3, ratings, 1, TODAY, out, ROOM), 4);
	assert_theme(&out[0], "zeta", 1, 1, 2, 0, 0);
	assert_theme(&out[1], "alpha", 1, 1, 1, 0, 0);
	assert_theme(&out[2], "beta", 1, 1, 1, 0, 0);
	assert_theme(&out[3], "gamma", 1, 1, 1, 3, 5);
}

static void test_room_smaller_than_themes(void **state)
{
	static const char *const first[] = { "a", "b", "c", "d" }, *const second[] = { "c", "d" };
	static const char *const third[] = { "d" };
	const struct insight_rejection rejections[] = {
		{ TODAY, first, 4 },
		{ TODAY, second, 2 },
		{ TODAY, third, 1 },
	};
	struct insight_theme out[ROOM];
	(void)state;

	memset(out, 0, sizeof out);
	out[2].citations = 99;
	assert_int_equal(insight_rank(rejections, 3, NULL, 0, TODAY, out, 2), 2);
	assert_theme(&out[0], "d", 3, 3, 3, 0, 0);
	assert_theme(&out[1], "c", 2, 2, 2, 0, 0);
	assert_int_equal(out[2].citations, 99);		/* nothing written past room */

	assert_int_equal(insight_rank(rejections, 3, NULL, 0, TODAY, out, 1), 1);
	assert_string_equal(out[0].theme_id, "d");
	assert_int_equal(insight_rank(rejections, 3, NULL, 0, TODAY, NULL, 0), 0);
}

static void test_nothing_to_rank(void **state)
{
	static const char *const none[] = { NULL };
	/* A rejection citing nothing, and one whose only id is NULL (skipped). */
	const struct insight_rejection rejections[] = { { TODAY, NULL, 0 }, { TODAY, none, 1 } };
	const struct insight_rating ratings[] = { { "rapport", 2, 0 } };
	struct insight_theme out[ROOM];
	(void)state;

	assert_int_equal(insight_rank(NULL, 0, NULL, 0, TODAY, out, ROOM), 0);
	assert_int_equal(insight_rank(rejections, 2, ratings, 1, TODAY, out, ROOM), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_twice_cited_outranks_once_cited),
		cmocka_unit_test(test_citations_decay_with_age),
		cmocka_unit_test(test_theme_listed_twice_counts_once),
		cmocka_unit_test(test_low_ratings_lift_a_theme),
		cmocka_unit_test(test_ratings_of_one_theme_merge),
		cmocka_unit_test(test_ties),
		cmocka_unit_test(test_room_smaller_than_themes),
		cmocka_unit_test(test_nothing_to_rank),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
