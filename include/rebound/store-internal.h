/* store-internal: what the store-*.c files share: the handle and the statement helpers.
 * Not for use outside the store module. */
#ifndef REBOUND_STORE_INTERNAL_H
#define REBOUND_STORE_INTERNAL_H

#include <sqlite3.h>

#include "rebound/store.h"

struct store {
	sqlite3 *db;
	char *path;
};

/* Sets *cause to "cannot DOING in 'PATH': SQLITE MESSAGE"; returns -1. */
int store_fail(struct store *store, char **cause, const char *doing);
/* Runs SQL with no result rows. */
int store_exec(struct store *store, const char *sql, const char *doing, char **cause);
/* NULL with *cause on failure. */
sqlite3_stmt *store_prepare(struct store *store, const char *sql, char **cause);
/* Steps a statement that returns no rows, then resets it and clears its bindings. */
int store_step_done(struct store *store, sqlite3_stmt *stmt, const char *doing, char **cause);
/* Binds text that outlives the statement's next step (SQLITE_STATIC); NULL binds NULL. */
void store_bind_text(sqlite3_stmt *stmt, int index, const char *text);
/* BEGIN IMMEDIATE, COMMIT, ROLLBACK. */
int store_begin(struct store *store, char **cause);
int store_commit(struct store *store, char **cause);
void store_rollback(struct store *store);

#endif
