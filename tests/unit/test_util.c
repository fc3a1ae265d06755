/* Unit tests for util, arena and map: suggestions, edit distance, hashing and allocation helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rebound/arena.h"
#include "rebound/map.h"
#include "rebound/util.h"

static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(util_edit_distance("rapport", "rapport"), 0);
	assert_int_equal(util_edit_distance("rapor", "rapport"), 2);
	assert_int_equal(util_edit_distance("clarity", "calrity"), 1);	/* a swap counts one */
	assert_int_equal(util_edit_distance("", "abc"), 3);
}

static void test_suggest(void **state)
{
	const char *themes[] = { "structure", "examples", "clarity", "rapport", "fit" };
	(void)state;
	assert_string_equal(util_suggest("rapor", themes, 5), "rapport");
	assert_string_equal(util_suggest("exmaples", themes, 5), "examples");
	assert_null(util_suggest("zzzzzzzzz", themes, 5));
}

static void test_hash_fingerprints_content(void **state)
{
	char a[] = "bank: core\ntitle: Core questions\n", b[sizeof a];
	uint64_t h = util_hash64(a, sizeof a - 1);
	size_t i;
	(void)state;

	/* The same value in every version and build: the store keeps it to tell a bank file that has not
	 * changed, so a new value would parse every bank again on the first run after an upgrade. */
	assert_true(h == 0x0172bbbee6f4350fULL);
	assert_true(util_hash64("", 0) == 0x90f8749b0fb13233ULL);
	assert_true(util_hash64(a, sizeof a - 2) != h);	/* length matters */
	assert_true(util_hash64("", 0) != util_hash64("\0", 1));
	for (i = 0; i < sizeof a - 1; i++) {			/* any one changed byte changes it */
		memcpy(b, a, sizeof a);
		b[i] ^= 1;
		assert_true(util_hash64(b, sizeof a - 1) != h);
	}
}

static void test_arena_and_map(void **state)
{
	struct arena arena;
	struct map map;
	char key[32];
	int i;
	(void)state;

	arena_init(&arena);
	map_init(&map);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "q-%d", i);
		assert_null(map_put(&map, arena_strdup(&arena, key), (void *)(intptr_t)(i + 1)));
	}
	assert_int_equal(map.count, 5000);
	assert_int_equal((intptr_t)map_get(&map, "q-4321"), 4322);
	assert_null(map_get(&map, "q-5000"));
	/* A big block is served too and is zeroed. */
	char *big = arena_alloc(&arena, 1 << 20);
	assert_int_equal(big[(1 << 20) - 1], 0);
	map_release(&map);
	arena_release(&arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_hash_fingerprints_content),
		cmocka_unit_test(test_arena_and_map),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
