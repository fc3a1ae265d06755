/* store-fixture: the temporary databases and direct queries the store's unit tests share. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rebound/bank.h"
#include "rebound/date.h"
#include "rebound/util.h"
#include "store-fixture.h"

char *temp_db(void)
{
	char dir[] = "/tmp/rebound-test-db-XXXXXX";	/* mkdtemp fills in the X's */

	assert_non_null(mkdtemp(dir));
	return xasprintf("%s/rebound.db", dir);
}

void remove_db(char *path)
{
	char *command = xasprintf("rm -rf \"$(dirname '%s')\"", path);

	assert_int_equal(system(command), 0);
	free(command);
	free(path);
}

int fixture_setup(void **state, const char *themes_yaml)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct bank_catalog *catalog = bank_catalog_new();
	char *cause = NULL, *themes_path;
	int changed = 0;
	FILE *file;

	f->path = temp_db();
	f->store = store_open(f->path, &cause);
	assert_non_null(f->store);
	/* Only files (not buffers) are synced, so the themes go next to the database. */
	themes_path = xasprintf("%.*s/themes.yaml", (int)(strrchr(f->path, '/') - f->path), f->path);
	file = fopen(themes_path, "w");
	assert_non_null(file);
	fputs(themes_yaml, file);
	fclose(file);
	bank_load_file(catalog, themes_path);
	free(themes_path);
	assert_int_equal(bank_error_count(catalog), 0);
	assert_int_equal(store_sync_catalog(f->store, catalog, &changed, &cause), 0);
	assert_int_equal(changed, 1);
	bank_catalog_free(catalog);
	arena_init(&f->arena);
	*state = f;
	return 0;
}

int fixture_teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->store);
	arena_release(&f->arena);
	remove_db(f->path);
	free(f);
	return 0;
}

long long query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	long long value = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		value = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return value;
}

char *query_text(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	char *all = xstrdup("");

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const unsigned char *text = sqlite3_column_text(stmt, 0);
		char *joined = xasprintf("%s%s%s", all, *all ? ";" : "", text ? (const char *)text : "NULL");
		free(all);
		all = joined;
	}
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return all;
}

void assert_query_text(const char *path, const char *sql, const char *expected)
{
	char *actual = query_text(path, sql);

	assert_string_equal(actual, expected);
	free(actual);
}

void exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	char *message = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &message) != SQLITE_OK)
		fail_msg("%s: %s", sql, message);
	sqlite3_close(db);
}

void fixture_pin_clock(void)
{
	const char *text = getenv("REBOUND_TEST_NOW");
	time_t t;

	if (text == NULL || *text == '\0')
		text = FIXTURE_NOW;
	if (date_parse_instant(text, &t) != 0) {
		fprintf(stderr, "REBOUND_TEST_NOW: '%s' is not a time\n", text);
		exit(2);
	}
	date_clock_pin(t);
}

time_t fixture_now(void)
{
	return date_now();
}

void assert_near(double actual, double expected)
{
	if (fabs(actual - expected) > 1e-9)
		fail_msg("%.12g != %.12g", actual, expected);
}
