/* store-fixture: the temporary databases, direct queries and evidence (rated answers, rejections) the
 * store's unit tests and those of the modules that read it (coach, drill, report) share. */
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

/* The directory the database is in, with NAME after it (caller frees). */
static char *beside_db(const struct fixture *f, const char *name)
{
	return xasprintf("%.*s/%s", (int)(strrchr(f->path, '/') - f->path), f->path, name);
}

struct bank_catalog *fixture_catalog(struct fixture *f, const char *bank_yaml)
{
	struct bank_catalog *catalog = bank_catalog_new();
	char *themes_path = beside_db(f, "themes.yaml"), *bank_path = beside_db(f, "bank.yaml"), *cause = NULL;
	int changed = 0;
	FILE *file = fopen(bank_path, "w");

	assert_non_null(file);
	fputs(bank_yaml, file);
	fclose(file);
	bank_load_file(catalog, themes_path);
	bank_load_file(catalog, bank_path);
	if (bank_error_count(catalog) != 0) {
		bank_diag_print(catalog, 0, stderr);
		fail_msg("the fixture's bank has errors");
	}
	if (store_sync_catalog(f->store, catalog, &changed, &cause) != 0)
		fail_msg("cannot sync the catalog: %s", cause);
	free(themes_path);
	free(bank_path);
	return catalog;
}

long long fixture_rated_answer(struct fixture *f, long day, const char *question_id,
			       const struct store_rating *ratings, size_t count)
{
	struct store_session spec;
	struct store_answer a;
	time_t now = date_now();
	char *cause = NULL;
	long long session, answer;

	date_clock_pin(date_day_start(day) + 12 * 3600);
	memset(&spec, 0, sizeof spec);
	spec.kind = "interview";
	spec.think_seconds = spec.answer_seconds = -1;
	memset(&a, 0, sizeof a);
	a.question_id = question_id;
	a.question_text = "Why?";
	a.mode = "typed";
	a.text = "Because.";
	a.answer_limit_seconds = 120;
	a.answer_used_ms = 60000;
	a.stopped_by = "enter";
	if ((session = store_session_create(f->store, &spec, &question_id, 1, &cause)) <= 0)
		fail_msg("cannot create a session: %s", cause);
	a.session_id = session;
	a.position = 1;
	if ((answer = store_answer_add(f->store, &a, &cause)) <= 0 ||
	    store_rating_save(f->store, answer, ratings, count, NULL, &cause) != 0 ||
	    store_session_close(f->store, session, "finished", &cause) != 0)
		fail_msg("cannot save a rated answer: %s", cause);
	date_clock_pin(now);
	return answer;
}

long long fixture_rejection(struct fixture *f, long day, const char *company, const char *const *ids, size_t count)
{
	struct store_rejection_theme themes[8];
	struct store_rejection r;
	char day_text[11], *cause = NULL;
	long long id;
	size_t i;

	assert_true(count <= 8);
	date_format_day(day, day_text);
	memset(&r, 0, sizeof r);
	r.company = company;
	r.role = "Engineer";
	r.rejected_on = day_text;
	r.feedback = "";
	for (i = 0; i < count; i++)
		themes[i] = (struct store_rejection_theme){ ids[i], NULL };
	r.themes = themes;
	r.theme_count = count;
	if ((id = store_rejection_add(f->store, &r, NULL, 0, day_text, &cause)) <= 0)
		fail_msg("cannot save a rejection: %s", cause);
	return id;
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
