/* Unit tests for the store: fresh databases migrate to the latest version, older ones migrate
 * forward keeping their data, newer ones are refused, and banks sync and round-trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rebound/bank.h"
#include "rebound/store.h"
#include "rebound/util.h"
#include "store-fixture.h"

static void test_fresh_database_is_latest_private_and_wal(void **state)
{
	char *path = temp_db(), *cause = NULL;
	struct store *store;
	struct stat st;
	(void)state;

	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), STORE_LATEST_VERSION);
	store_close(store);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(query_int(path, "PRAGMA user_version"), STORE_LATEST_VERSION);
	assert_int_equal(query_int(path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('session', 'answer',"
					 " 'rating', 'recording', 'rejection', 'plan_action', 'review')"), 7);
	remove_db(path);
}

static void test_old_database_migrates_forward_keeping_data(void **state)
{
	char *path = temp_db(), *cause = NULL;
	struct store *store;
	(void)state;

	store = store_open_version(path, 1, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), 1);
	store_close(store);
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'rejection'"), 0);
	exec_sql(path, "INSERT INTO session (id, kind, started_at, status) VALUES (7, 'interview', '2026-01-02T03:04:05Z', 'finished');"
		       "INSERT INTO answer (id, session_id, position, question_id, question_text, mode, text,"
		       " think_limit_seconds, think_used_ms, answer_limit_seconds, answer_used_ms, answered_at)"
		       " VALUES (1, 7, 1, 'why-us', 'Why us?', 'typed', 'Because.', 15, 4000, 120, 30000, '2026-01-02T03:05:00Z');"
		       "INSERT INTO rating (answer_id, theme_id, score, rated_at) VALUES (1, 'clarity', 4, '2026-01-02T03:06:00Z');");

	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), STORE_LATEST_VERSION);
	store_close(store);
	assert_int_equal(query_int(path, "SELECT score FROM rating WHERE answer_id = 1 AND theme_id = 'clarity'"), 4);
	assert_int_equal(query_int(path, "SELECT answer_used_ms FROM answer WHERE session_id = 7"), 30000);
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'rejection'"), 1);
	remove_db(path);
}

static void test_newer_database_is_refused(void **state)
{
	char *path = temp_db(), *cause = NULL, *expected;
	struct store *store;
	(void)state;

	store_close(store_open(path, &cause));
	exec_sql(path, "PRAGMA user_version = 99");
	store = store_open(path, &cause);
	assert_null(store);
	expected = xasprintf("'%s' was written by a newer rebound (schema version 99; this one knows up to %d)", path,
			     STORE_LATEST_VERSION);
	assert_string_equal(cause, expected);
	free(expected);
	free(cause);
	remove_db(path);
}

static void test_corrupt_database_is_refused(void **state)
{
	char *path = temp_db(), *cause = NULL;
	FILE *f;
	(void)state;

	f = fopen(path, "w");
	fputs("this is not a database, just some personal notes\n", f);
	fclose(f);
	assert_null(store_open(path, &cause));
	assert_non_null(strstr(cause, "file is not a database"));
	free(cause);
	remove_db(path);
}

static const char themes[] = "stages: [{id: onsite, title: Onsite}]\n"
			     "themes: [{id: clarity, title: C, description: D, rubric: {1: a, 3: b, 5: c}}]\n";

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static struct bank_catalog *load(const char *dir)
{
	struct bank_catalog *catalog = bank_catalog_new();
	bank_load_dir(catalog, dir, NULL, 0);
	assert_int_equal(bank_error_count(catalog), 0);
	return catalog;
}

/* Opens the store, loads dir and syncs it; returns how many files were synced. */
static int sync_dir(const char *path, const char *dir)
{
	char *cause = NULL;
	struct store *store = store_open(path, &cause);
	struct bank_catalog *catalog = load(dir);
	int changed = -1;

	assert_non_null(store);
	assert_int_equal(store_sync_catalog(store, catalog, &changed, &cause), 0);
	bank_catalog_free(catalog);
	store_close(store);
	return changed;
}

static void test_bank_sync_round_trips_and_retires(void **state)
{
	char *path = temp_db(), *dir = xstrndup(path, strrchr(path, '/') - path), *cause = NULL;
	char *themes_path = xasprintf("%s/themes.yaml", dir), *bank_path = xasprintf("%s/core.yaml", dir);
	struct bank_catalog *catalog;
	struct store_fingerprint fp;
	struct store *store;
	int changed = -1;
	(void)state;

	write_text(themes_path, themes);
	write_text(bank_path, "bank: core\ntitle: Core\nquestions:\n"
			      "  - {id: why-us, text: Why us?, themes: [clarity], stages: [onsite], difficulty: 2}\n"
			      "  - {id: why-now, text: Why now?, themes: [clarity], stages: [onsite], difficulty: 3}\n");
	store = store_open(path, &cause);
	catalog = load(dir);
	assert_int_equal(store_sync_catalog(store, catalog, &changed, &cause), 0);
	assert_int_equal(changed, 2);
	assert_int_equal(store_fingerprint_get(store, bank_path, &fp, &cause), 1);
	assert_int_equal(fp.size, bank_file_at(catalog, 1)->size);
	assert_true(fp.hash == bank_file_at(catalog, 1)->hash);
	/* Nothing changed: nothing is written. */
	assert_int_equal(store_sync_catalog(store, catalog, &changed, &cause), 0);
	assert_int_equal(changed, 0);
	bank_catalog_free(catalog);
	store_close(store);
	assert_int_equal(query_int(path, "SELECT difficulty FROM question WHERE id = 'why-now'"), 3);
	assert_int_equal(query_int(path, "SELECT count(*) FROM question_theme WHERE theme_id = 'clarity'"), 2);
	assert_int_equal(query_int(path, "SELECT count(*) FROM theme WHERE rubric_3 = 'b'"), 1);

	/* A question removed from the bank is retired, not deleted: answers keep their question. */
	write_text(bank_path, "bank: core\ntitle: Core\nquestions:\n"
			      "  - {id: why-us, text: Why us, really?, themes: [clarity], stages: [onsite], difficulty: 4}\n");
	assert_int_equal(sync_dir(path, dir), 1);
	assert_int_equal(query_int(path, "SELECT retired FROM question WHERE id = 'why-now'"), 1);
	assert_int_equal(query_int(path, "SELECT retired + difficulty FROM question WHERE id = 'why-us'"), 4);
	free(themes_path);
	free(bank_path);
	free(dir);
	remove_db(path);
}

/* Settings: absent until set, replaced by a second set, removed by NULL, and kept across opens. */
static void test_settings_round_trip(void **state)
{
	char *path = temp_db(), *cause = NULL;
	const char *value = NULL;
	struct store *store;
	struct arena arena;
	(void)state;

	arena_init(&arena);
	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_setting_get(store, "audio.rate", &arena, &value, &cause), 0);
	assert_int_equal(store_setting_set(store, "audio.rate", "48000", &cause), 0);
	assert_int_equal(store_setting_set(store, "audio.rate", "44100", &cause), 0);
	store_close(store);
	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_setting_get(store, "audio.rate", &arena, &value, &cause), 1);
	assert_string_equal(value, "44100");
	assert_int_equal(store_setting_set(store, "audio.rate", NULL, &cause), 0);
	assert_int_equal(store_setting_get(store, "audio.rate", &arena, &value, &cause), 0);
	store_close(store);
	arena_release(&arena);
	remove_db(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fresh_database_is_latest_private_and_wal),
		cmocka_unit_test(test_old_database_migrates_forward_keeping_data),
		cmocka_unit_test(test_newer_database_is_refused),
		cmocka_unit_test(test_corrupt_database_is_refused),
		cmocka_unit_test(test_bank_sync_round_trips_and_retires),
		cmocka_unit_test(test_settings_round_trip),
	};
	fixture_pin_clock();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
