/* store-internal: what the store-*.c files share: the handle and the statement helpers.
 * Not for use outside the store module. */
#ifndef REBOUND_STORE_INTERNAL_H
#define REBOUND_STORE_INTERNAL_H

#include <sqlite3.h>

#include "rebound/store.h"

#define STORE_IMPORT_TABLES 16

struct store {
	sqlite3 *db;
	char *path;
	int readonly;		/* opened read-only: the data dir or the database cannot be written */
	double retention;	/* the drill schedule's desired retention (store_set_retention) */
	long long import_counts[STORE_IMPORT_TABLES];	/* rows an import put back, per table (store-import.c) */
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

/* The current time as the store keeps it, for use inside SQL: the date module's clock (date_now_iso), which
 * store_open registers on the connection, never SQLite's own 'now', so a pinned clock reaches every row. */
#define NOW_SQL "rebound_now()"

/* Copies a text column into the arena; NULL stays NULL. */
const char *store_column_text(sqlite3_stmt *stmt, int index, struct arena *arena);
/* An int column, or fallback when it is NULL. */
int store_column_int_or(sqlite3_stmt *stmt, int index, int fallback);
/* Binds value, or NULL when it is negative. */
void store_bind_optional_int(sqlite3_stmt *stmt, int index, int value);
/*
 * Steps stmt to the end, reading each row into an item of size bytes with read, and finalizes it.
 * The items end up in the arena: *(T **)out and *count receive them. 0, or -1 with *cause.
 */
int store_read_list(struct store *store, sqlite3_stmt *stmt, size_t size,
		    void (*read)(sqlite3_stmt *, struct arena *, void *), struct arena *arena, const char *doing,
		    void *out, size_t *count, char **cause);

/*
 * Steps stmt once and finalizes it: a row is read into out (zeroed first; strings in arena) with read.
 * 1 when there was a row, 0 when there was none, or -1 with *cause ("cannot DOING ...").
 */
int store_read_one(struct store *store, sqlite3_stmt *stmt, size_t size,
		   void (*read)(sqlite3_stmt *, struct arena *, void *), struct arena *arena, const char *doing,
		   void *out, char **cause);

/* Brings the review row of question_id (if it is in the drill schedule) in line with its rated answers;
 * called inside the transaction that changed them (store-review.c). */
int store_review_refresh(struct store *store, const char *question_id, char **cause);
/* The same for the question of an answer, and for every scheduled question a session answered. */
int store_review_refresh_answer(struct store *store, long long answer_id, char **cause);
int store_review_refresh_session(struct store *store, long long session_id, char **cause);
/* store_review_add inside the caller's transaction. */
int store_review_add_locked(struct store *store, const char *const *ids, size_t count, const char *day, int *added,
			    char **cause);

/* An answer's evidence, inside the caller's transaction (store_answer_add's, or store_transcript_save's). */
int store_evidence_add_locked(struct store *store, long long answer_id, const struct store_evidence *evidence,
			      char **cause);

/* Puts text (an answer's typed text or transcript; NULL or "" for none) in the search index as the
 * answer's, in place of what was there, inside the caller's transaction (store-transcript.c). */
int store_index_answer(struct store *store, long long answer_id, const char *text, char **cause);
/* Indexes every answer again (migration 9). */
int store_index_all(struct store *store, char **cause);
/* Folds every row of the drill schedule again from its rated answers (inside the caller's transaction). */
int store_review_refresh_all(struct store *store, char **cause);

/* store_transcript_save's insert, inside the caller's transaction (store-transcript.c). */
int store_transcript_add_locked(struct store *store, long long answer_id, const struct store_transcript *transcript,
				char **cause);

#endif
