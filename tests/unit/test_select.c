/* Unit tests for select: each filter alone and together, no question twice, never-asked questions
 * first and then the least recently asked, and a shuffle that the seed alone decides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rebound/bank.h"
#include "rebound/map.h"
#include "rebound/select.h"
#include "rebound/util.h"

static const char themes_yaml[] =
	"stages:\n"
	"  - { id: phone-screen, title: Phone screen }\n"
	"  - { id: onsite, title: Onsite }\n"
	"themes:\n"
	"  - { id: structure, title: Structure, description: D, rubric: { 1: a, 3: b, 5: c } }\n"
	"  - { id: clarity, title: Clarity, description: D, rubric: { 1: a, 3: b, 5: c } }\n"
	"  - { id: rapport, title: Rapport, description: D, rubric: { 1: a, 3: b, 5: c } }\n";

/* Six questions over two banks:   bank   stages                 themes               difficulty
 *                          q-a    core   phone-screen           structure            1
 *                          q-b    core   onsite                 clarity, structure   2
 *                          q-c    core   phone-screen, onsite   rapport              3
 *                          q-d    core   onsite                 clarity              5
 *                          q-e    extra  onsite                 structure            4
 *                          q-f    extra  phone-screen           rapport, clarity     2 */
static const char core_yaml[] =
	"bank: core\n"
	"title: Core\n"
	"questions:\n"
	"  - { id: q-a, text: A?, themes: [structure], stages: [phone-screen], difficulty: 1 }\n"
	"  - { id: q-b, text: B?, themes: [clarity, structure], stages: [onsite], difficulty: 2 }\n"
	"  - { id: q-c, text: C?, themes: [rapport], stages: [phone-screen, onsite], difficulty: 3 }\n"
	"  - { id: q-d, text: D?, themes: [clarity], stages: [onsite], difficulty: 5 }\n";

static const char extra_yaml[] =
	"bank: extra\n"
	"title: Extra\n"
	"questions:\n"
	"  - { id: q-e, text: E?, themes: [structure], stages: [onsite], difficulty: 4 }\n"
	"  - { id: q-f, text: F?, themes: [rapport, clarity], stages: [phone-screen], difficulty: 2 }\n";

static int setup_catalog(void **state)
{
	struct bank_catalog *catalog = bank_catalog_new();

	bank_load_buffer(catalog, "themes.yaml", themes_yaml, strlen(themes_yaml));
	bank_load_buffer(catalog, "core.yaml", core_yaml, strlen(core_yaml));
	bank_load_buffer(catalog, "extra.yaml", extra_yaml, strlen(extra_yaml));
	if (bank_error_count(catalog) != 0 || bank_question_total(catalog) != 6) {
		bank_diag_print(catalog, 0, stderr);
		bank_catalog_free(catalog);
		return -1;
	}
	*state = catalog;
	return 0;
}

static int teardown_catalog(void **state)
{
	bank_catalog_free(*state);
	return 0;
}

static struct select_filter any(void)
{
	struct select_filter filter = { NULL, NULL, NULL, 1, 5 };

	return filter;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Joins the ids of picked questions with commas, in the order given (caller frees). */
static char *join_ids(const struct bank_question **picked, size_t n)
{
	char *all = xstrdup("");
	size_t i;

	for (i = 0; i < n; i++) {
		char *joined = xasprintf("%s%s%s", all, i ? "," : "", picked[i]->id);
		free(all);
		all = joined;
	}
	return all;
}

/* Picks up to count with the filter and returns the ids sorted, as "q-a,q-c" (caller frees); fails on
 * a repeat. */
static char *pick_sorted(const struct bank_catalog *catalog, const struct select_filter *filter, size_t count)
{
	const struct bank_question *picked[16];
	const char *ids[16];
	uint64_t rng = 7;
	size_t n, i;
	char *all;

	assert_true(count <= 16);
	n = select_questions(catalog, filter, NULL, count, &rng, picked);
	assert_true(n <= count);
	for (i = 0; i < n; i++)
		ids[i] = picked[i]->id;
	qsort(ids, n, sizeof *ids, compare_strings);
	all = xstrdup("");
	for (i = 0; i < n; i++) {
		char *joined;
		if (i > 0 && strcmp(ids[i - 1], ids[i]) == 0)
			fail_msg("'%s' was picked twice", ids[i]);
		joined = xasprintf("%s%s%s", all, i ? "," : "", ids[i]);
		free(all);
		all = joined;
	}
	return all;
}

static void assert_picks(const struct bank_catalog *catalog, const struct select_filter *filter, const char *expected)
{
	char *actual = pick_sorted(catalog, filter, 16);

	assert_string_equal(actual, expected);
	free(actual);
}

/* ------------------------------------------------------------------------------------------------
 * Filters
 */

static void test_no_filter_takes_every_question(void **state)
{
	struct select_filter filter = any();

	assert_picks(*state, &filter, "q-a,q-b,q-c,q-d,q-e,q-f");
}

static void test_each_filter_alone(void **state)
{
	const struct bank_catalog *catalog = *state;
	struct select_filter filter;

	filter = any();
	filter.bank = "core";
	assert_picks(catalog, &filter, "q-a,q-b,q-c,q-d");
	filter.bank = "extra";
	assert_picks(catalog, &filter, "q-e,q-f");
	filter.bank = "nope";
	assert_picks(catalog, &filter, "");

	filter = any();
	filter.stage = "phone-screen";
	assert_picks(catalog, &filter, "q-a,q-c,q-f");
	filter.stage = "onsite";
	assert_picks(catalog, &filter, "q-b,q-c,q-d,q-e");
	filter.stage = "final";
	assert_picks(catalog, &filter, "");

	filter = any();
	filter.theme = "structure";
	assert_picks(catalog, &filter, "q-a,q-b,q-e");
	filter.theme = "clarity";
	assert_picks(catalog, &filter, "q-b,q-d,q-f");
	filter.theme = "rapport";
	assert_picks(catalog, &filter, "q-c,q-f");

	filter = any();
	filter.min_difficulty = filter.max_difficulty = 1;
	assert_picks(catalog, &filter, "q-a");
	filter.min_difficulty = 2;
	filter.max_difficulty = 3;
	assert_picks(catalog, &filter, "q-b,q-c,q-f");
	filter.min_difficulty = 4;
	filter.max_difficulty = 5;
	assert_picks(catalog, &filter, "q-d,q-e");
	filter.min_difficulty = 5;
	filter.max_difficulty = 5;
	assert_picks(catalog, &filter, "q-d");
	filter.min_difficulty = 4;
	filter.max_difficulty = 3;	/* an empty range */
	assert_picks(catalog, &filter, "");
}

static void test_filters_combine(void **state)
{
	const struct bank_catalog *catalog = *state;
	struct select_filter filter = any();

	filter.bank = "core";
	filter.stage = "onsite";
	assert_picks(catalog, &filter, "q-b,q-c,q-d");
	filter.theme = "clarity";
	assert_picks(catalog, &filter, "q-b,q-d");
	filter.max_difficulty = 3;
	assert_picks(catalog, &filter, "q-b");
	filter.min_difficulty = 3;
	assert_picks(catalog, &filter, "");

	filter = any();
	filter.bank = "extra";
	filter.stage = "phone-screen";
	filter.theme = "rapport";
	assert_picks(catalog, &filter, "q-f");
	filter.stage = "onsite";
	assert_picks(catalog, &filter, "");

	filter = any();
	filter.theme = "structure";
	filter.min_difficulty = 2;
	assert_picks(catalog, &filter, "q-b,q-e");
	filter.stage = "onsite";
	filter.max_difficulty = 3;
	assert_picks(catalog, &filter, "q-b");
}

static void test_matches_one_question(void **state)
{
	const struct bank_question *q = bank_question_find(*state, "q-c");
	struct select_filter filter = any();

	assert_non_null(q);
	assert_true(select_matches(q, &filter));
	filter.stage = "onsite";
	assert_true(select_matches(q, &filter));
	filter.stage = "phone-screen";
	assert_true(select_matches(q, &filter));
	filter.bank = "core";
	filter.theme = "rapport";
	filter.min_difficulty = filter.max_difficulty = 3;
	assert_true(select_matches(q, &filter));
	filter.bank = "extra";
	assert_false(select_matches(q, &filter));
	filter.bank = "core";
	filter.theme = "clarity";
	assert_false(select_matches(q, &filter));
	filter.theme = NULL;
	filter.min_difficulty = 4;
	filter.max_difficulty = 5;
	assert_false(select_matches(q, &filter));
	filter.min_difficulty = 1;
	filter.max_difficulty = 2;
	assert_false(select_matches(q, &filter));
}

/* ------------------------------------------------------------------------------------------------
 * No repeats, counts
 */

static void test_count_limits_and_never_repeats(void **state)
{
	const struct bank_catalog *catalog = *state;
	const struct bank_question *picked[16];
	struct select_filter filter = any();
	char *ids;
	uint64_t rng;
	size_t n;

	/* More asked for than match: only the matches, each once. */
	assert_picks(catalog, &filter, "q-a,q-b,q-c,q-d,q-e,q-f");
	filter.theme = "rapport";
	ids = pick_sorted(catalog, &filter, 10);
	assert_string_equal(ids, "q-c,q-f");
	free(ids);

	/* Fewer: exactly that many, distinct, all matching. */
	filter = any();
	filter.stage = "onsite";
	for (rng = 0; rng < 50; rng++) {
		uint64_t seed = rng;
		size_t i, j;
		n = select_questions(catalog, &filter, NULL, 3, &seed, picked);
		assert_int_equal(n, 3);
		for (i = 0; i < n; i++) {
			assert_true(select_matches(picked[i], &filter));
			for (j = 0; j < i; j++)
				assert_ptr_not_equal(picked[i], picked[j]);
		}
	}

	rng = 1;
	picked[0] = NULL;
	assert_int_equal(select_questions(catalog, &filter, NULL, 0, &rng, picked), 0);
	assert_null(picked[0]);	/* nothing written */
	filter.bank = "nope";
	assert_int_equal(select_questions(catalog, &filter, NULL, 5, &rng, picked), 0);
}

static void test_empty_catalog_picks_nothing(void **state)
{
	struct bank_catalog *catalog = bank_catalog_new();
	const struct bank_question *picked[4];
	struct select_filter filter = any();
	uint64_t rng = 3;
	(void)state;

	assert_int_equal(select_questions(catalog, &filter, NULL, 4, &rng, picked), 0);
	bank_catalog_free(catalog);
}

/* ------------------------------------------------------------------------------------------------
 * Recency
 */

/* Difficulty 2..5 leaves five candidates: q-b and q-f never asked, then q-d (rank 10), q-e (20), q-c (30).
 * q-a is in the map too but filtered out. */
static void test_least_recent_first(void **state)
{
	const struct bank_catalog *catalog = *state;
	const struct bank_question *picked[8];
	struct select_filter filter = any();
	struct map recency;
	int b_first = 0;
	uint64_t seed;

	map_init(&recency);
	map_put(&recency, "q-c", (void *)(intptr_t)30);
	map_put(&recency, "q-d", (void *)(intptr_t)10);
	map_put(&recency, "q-e", (void *)(intptr_t)20);
	map_put(&recency, "q-a", (void *)(intptr_t)1);
	filter.min_difficulty = 2;
	for (seed = 0; seed < 40; seed++) {
		uint64_t rng = seed;
		char *ids;
		size_t n;

		/* The never-asked two in either order, then the least recent one. */
		n = select_questions(catalog, &filter, &recency, 3, &rng, picked);
		assert_int_equal(n, 3);
		ids = join_ids(picked, 2);
		if (strcmp(ids, "q-b,q-f") != 0 && strcmp(ids, "q-f,q-b") != 0)
			fail_msg("seed %llu: first two are %s", (unsigned long long)seed, ids);
		b_first += strcmp(ids, "q-b,q-f") == 0;
		free(ids);
		assert_string_equal(picked[2]->id, "q-d");

		rng = seed;
		n = select_questions(catalog, &filter, &recency, 4, &rng, picked);
		assert_int_equal(n, 4);
		assert_string_equal(picked[2]->id, "q-d");
		assert_string_equal(picked[3]->id, "q-e");

		rng = seed;
		n = select_questions(catalog, &filter, &recency, 8, &rng, picked);
		assert_int_equal(n, 5);
		ids = join_ids(picked + 2, 3);
		assert_string_equal(ids, "q-d,q-e,q-c");
		free(ids);
	}
	/* The seed orders the never-asked ones: each comes first for some seeds. */
	assert_true(b_first > 0 && b_first < 40);
	map_release(&recency);
}

static void test_recency_alone_decides_when_all_were_asked(void **state)
{
	const struct bank_catalog *catalog = *state;
	const struct bank_question *picked[8];
	struct select_filter filter = any();
	struct map recency;
	uint64_t rng = 99;
	char *ids;

	map_init(&recency);
	map_put(&recency, "q-a", (void *)(intptr_t)6);
	map_put(&recency, "q-b", (void *)(intptr_t)2);
	map_put(&recency, "q-c", (void *)(intptr_t)5);
	map_put(&recency, "q-d", (void *)(intptr_t)1);
	map_put(&recency, "q-e", (void *)(intptr_t)4);
	map_put(&recency, "q-f", (void *)(intptr_t)3);
	assert_int_equal(select_questions(catalog, &filter, &recency, 6, &rng, picked), 6);
	ids = join_ids(picked, 6);
	assert_string_equal(ids, "q-d,q-b,q-f,q-e,q-c,q-a");
	free(ids);
	filter.bank = "extra";
	assert_int_equal(select_questions(catalog, &filter, &recency, 1, &rng, picked), 1);
	assert_string_equal(picked[0]->id, "q-f");
	map_release(&recency);
}

/* ------------------------------------------------------------------------------------------------
 * The seeded shuffle
 */

static char *order_for_seed(const struct bank_catalog *catalog, uint64_t seed)
{
	const struct bank_question *picked[8];
	struct select_filter filter = any();
	size_t n = select_questions(catalog, &filter, NULL, 6, &seed, picked);

	assert_int_equal(n, 6);
	return join_ids(picked, n);
}

static void test_same_seed_same_order(void **state)
{
	const struct bank_catalog *catalog = *state;
	struct select_filter filter = any();
	const struct bank_question *picked[8];
	uint64_t seed;

	for (seed = 0; seed < 20; seed++) {
		char *a = order_for_seed(catalog, seed), *b = order_for_seed(catalog, seed);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	/* The generator's state moves on, so two interviews in a row differ in what they draw. */
	seed = 42;
	select_questions(catalog, &filter, NULL, 6, &seed, picked);
	assert_true(seed != 42);
}

static void test_seeds_vary_the_order(void **state)
{
	const struct bank_catalog *catalog = *state;
	char *first = order_for_seed(catalog, 0);
	int firsts[6] = { 0 }, distinct = 0, i;
	uint64_t seed;

	for (seed = 0; seed < 200; seed++) {
		char *order = order_for_seed(catalog, seed);
		if (strcmp(order, first) != 0)
			distinct = 1;
		firsts[order[2] - 'a']++;	/* "q-X,..." */
		free(order);
	}
	free(first);
	assert_true(distinct);
	/* Every question comes first for some seed: none is favoured by its place in the bank. */
	for (i = 0; i < 6; i++) {
		if (firsts[i] == 0)
			fail_msg("q-%c never came first", 'a' + i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_filter_takes_every_question),
		cmocka_unit_test(test_each_filter_alone),
		cmocka_unit_test(test_filters_combine),
		cmocka_unit_test(test_matches_one_question),
		cmocka_unit_test(test_count_limits_and_never_repeats),
		cmocka_unit_test(test_empty_catalog_picks_nothing),
		cmocka_unit_test(test_least_recent_first),
		cmocka_unit_test(test_recency_alone_decides_when_all_were_asked),
		cmocka_unit_test(test_same_seed_same_order),
		cmocka_unit_test(test_seeds_vary_the_order),
	};
	return cmocka_run_group_tests(tests, setup_catalog, teardown_catalog);
}
