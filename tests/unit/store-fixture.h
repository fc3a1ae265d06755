/* store-fixture: what the store's unit tests share: a database in a temporary directory, a fixture
 * with a themes file synced into it, and a second connection that reads and writes the database
 * directly to check what the store wrote. Include after <cmocka.h>. */
#ifndef REBOUND_TEST_STORE_FIXTURE_H
#define REBOUND_TEST_STORE_FIXTURE_H

#include <time.h>

#include "rebound/arena.h"
#include "rebound/store.h"

struct fixture {
	char *path;
	struct store *store;
	struct arena arena;
};

/* A path for rebound.db in a new temporary directory (caller frees with remove_db). */
char *temp_db(void);
/* Removes the directory of path, and frees path. */
void remove_db(char *path);

/* Opens a fresh store into a new fixture (*state) with themes_yaml written next to it and synced. */
int fixture_setup(void **state, const char *themes_yaml);
int fixture_teardown(void **state);

/* The first column of the first row, or -1. */
long long query_int(const char *path, const char *sql);
/* The first column of every row joined with ";" (NULL as "NULL"; caller frees). */
char *query_text(const char *path, const char *sql);
void assert_query_text(const char *path, const char *sql, const char *expected);
/* Runs SQL that must succeed. */
void exec_sql(const char *path, const char *sql);

/* Loads the fixture's themes file and bank_yaml (a bank file written next to the database) into a new catalog
 * and syncs it into the store; the caller frees the catalog. */
struct bank_catalog *fixture_catalog(struct fixture *f, const char *bank_yaml);
/* A finished session of one answer to question_id given at noon (local) of day, rated with count
 * (theme, score) pairs; the clock is pinned there meanwhile and put back. Returns the answer's id. */
long long fixture_rated_answer(struct fixture *f, long day, const char *question_id,
			       const struct store_rating *ratings, size_t count);
/* Saves a rejection on day citing the themes in ids (count of them); returns its id. */
long long fixture_rejection(struct fixture *f, long day, const char *company, const char *const *ids, size_t count);

/* Fails the test unless actual is within 1e-9 of expected. */
void assert_near(double actual, double expected);

/* Pins rebound's clock for the whole test program: at REBOUND_TEST_NOW when CI's pinned-clock passes set it
 * (any form date_parse_instant takes), else at FIXTURE_NOW, so no test depends on the day it runs. */
#define FIXTURE_NOW "2026-11-22T10:00:00Z"
void fixture_pin_clock(void);
/* Now by rebound's (pinned) clock. */
time_t fixture_now(void);

#endif
