/* store-review: the drill schedule. A row per question in it says when it entered; the rest of the
 * row (due day, interval, FSRS's stability and difficulty, the streak, the days of the first and last
 * review) is folded from the question's rated answers by sched.c, for the store's desired retention. Because the state is derived, re-rating or discarding an answer folds it again
 * exactly: store_review_refresh runs inside the transaction that changed the ratings.
 *
 * A clock that was wrong must not strand a question (a laptop set ahead, a restored copy, a changed time
 * zone). The rules, applied here:
 *   - answers are folded in the order they were given (their ids), not by their time stamps;
 *   - an answer counts on its stamped local day, but never before the day of the answer folded before it
 *     (the clock went back) and never after today (the clock was ahead): a stamp from the future is a
 *     review today;
 *   - a row added "in the future" is taken as added today, and its added_on is set so;
 *   - a row folded while the clock was ahead (reviewed after now) is folded again the next time the
 *     schedule is listed, by today's clock. */
#include "rebound/date.h"
#include "rebound/sched.h"
#include "store-internal.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

/* The day a row was added, or -1 if the stored text is not a day. */
static void read_day(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	(void)arena;
	if (date_parse_day((const char *)sqlite3_column_text(stmt, 0), item) != 0)
		*(long *)item = date_today();
}

static long added_day(struct store *store, const char *question_id, char **cause, int *found)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT added_on FROM review WHERE question_id = ?", cause);
	long day = -1;

	*found = -1;
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, question_id);
	*found = store_read_one(store, stmt, sizeof day, read_day, NULL, "read the drill schedule", &day, cause);
	return *found == 1 ? day : -1;
}

/* The day an answer counts on (see the rules at the top): its stamp's local day, kept between the day of
 * the answer before it and today. */
static long review_day(const char *stamp, long previous, long today)
{
	time_t t;
	long day = stamp != NULL && date_parse_iso(stamp, &t) == 0 ? date_local_day(t) : previous;

	if (day < previous)
		day = previous;
	return day > today ? today : day;
}

/* What a fold gives besides the memory state: the answer that last counted (caller frees) and the day of
 * the first review, or NULL and -1. */
struct fold {
	struct sched_state state;
	char *last;
	long first_day;
};

/* Folds the question's rated main answers from day on (in sessions not discarded) into *fold, in the order
 * they were given. Every rated answer is a review (an early one moves the schedule only as FSRS says). */
static int fold_answers(struct store *store, const char *question_id, long day, long today, struct fold *fold,
			char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store,
		"SELECT a.answered_at, AVG(r.score) FROM answer a JOIN session s ON s.id = a.session_id"
		" JOIN rating r ON r.answer_id = a.id WHERE a.question_id = ?1 AND a.follow_up_of IS NULL"
		" AND s.status <> 'discarded' AND a.answered_at >= ?2 GROUP BY a.id ORDER BY a.id",
		cause);
	char since[DATE_ISO_SIZE];
	long previous = day;
	int rc;

	*fold = (struct fold){ .first_day = -1 };
	if (stmt == NULL)
		return -1;
	date_iso_utc(date_day_start(day), since);
	store_bind_text(stmt, 1, question_id);
	store_bind_text(stmt, 2, since);
	sched_start(&fold->state, day);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *at = (const char *)sqlite3_column_text(stmt, 0);

		previous = review_day(at, previous, today);
		sched_review(&fold->state, previous, sched_grade_of(sqlite3_column_double(stmt, 1)), store->retention);
		if (fold->first_day < 0)
			fold->first_day = previous;
		free(fold->last);
		fold->last = xstrdup(at);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(store, cause, "read a question's rated answers");
}

/* Binds day as "YYYY-MM-DD", or NULL when it is negative; buf outlives the statement's step. */
static void bind_day(sqlite3_stmt *stmt, int index, long day, char buf[11])
{
	if (day < 0) {
		sqlite3_bind_null(stmt, index);
		return;
	}
	date_format_day(day, buf);
	store_bind_text(stmt, index, buf);
}

int store_review_refresh(struct store *store, const char *question_id, char **cause)
{
	sqlite3_stmt *stmt;
	struct fold fold;
	char due[11], added[11], first[11], last[11];
	int found, rc;
	long today = date_today(), day = added_day(store, question_id, cause, &found);

	if (found <= 0)
		return found;
	if (day > today)
		day = today;	/* added while the clock was ahead */
	if (fold_answers(store, question_id, day, today, &fold, cause) != 0 ||
	    (stmt = store_prepare(store, "UPDATE review SET due_on = ?, interval_days = ?, streak = ?,"
				  " last_reviewed_at = ?, added_on = ?, stability = ?, difficulty = ?, reviews = ?,"
				  " lapses = ?, first_reviewed_on = ?, reviewed_on = ?, retention = ?"
				  " WHERE question_id = ?", cause)) == NULL) {
		free(fold.last);
		return -1;
	}
	bind_day(stmt, 1, fold.state.due_day, due);
	sqlite3_bind_int(stmt, 2, fold.state.interval_days);
	sqlite3_bind_int(stmt, 3, fold.state.streak);
	store_bind_text(stmt, 4, fold.last);
	bind_day(stmt, 5, day, added);
	sqlite3_bind_double(stmt, 6, fold.state.stability);
	sqlite3_bind_double(stmt, 7, fold.state.difficulty);
	sqlite3_bind_int(stmt, 8, fold.state.reviews);
	sqlite3_bind_int(stmt, 9, fold.state.lapses);
	bind_day(stmt, 10, fold.first_day, first);
	bind_day(stmt, 11, fold.state.last_day, last);
	sqlite3_bind_double(stmt, 12, store->retention);
	store_bind_text(stmt, 13, question_id);
	rc = store_step_done(store, stmt, "update the drill schedule", cause);
	sqlite3_finalize(stmt);
	free(fold.last);
	return rc;
}

/* Refreshes every question that stmt (already bound) lists in its first column; the list is read to
 * the end first, since refreshing writes to the tables it reads. */
static int refresh_listed(struct store *store, sqlite3_stmt *stmt, char **cause)
{
	char **ids = NULL;
	size_t count = 0, capacity = 0, i;
	int rc, status = 0;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		xgrow(&ids, &capacity, count + 1, sizeof *ids);
		ids[count++] = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		status = store_fail(store, cause, "list the questions to reschedule");
	for (i = 0; i < count; i++) {
		if (status == 0)
			status = store_review_refresh(store, ids[i], cause);
		free(ids[i]);
	}
	free(ids);
	return status;
}

int store_review_refresh_answer(struct store *store, long long answer_id, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT question_id FROM answer WHERE id = ?", cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	return refresh_listed(store, stmt, cause);
}

int store_review_refresh_session(struct store *store, long long session_id, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT DISTINCT question_id FROM answer WHERE session_id = ?"
					   " AND question_id IN (SELECT question_id FROM review)", cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, session_id);
	return refresh_listed(store, stmt, cause);
}

int store_review_add_locked(struct store *store, const char *const *ids, size_t count, const char *day, int *added,
			    char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT INTO review (question_id, due_on, interval_days, streak,"
					   " added_on) VALUES (?1, ?2, 0, 0, ?2) ON CONFLICT (question_id) DO NOTHING", cause);
	size_t i;
	int rc = stmt ? 0 : -1, new_rows = 0;

	for (i = 0; rc == 0 && i < count; i++) {
		store_bind_text(stmt, 1, ids[i]);
		store_bind_text(stmt, 2, day);
		rc = store_step_done(store, stmt, "add a question to the drill schedule", cause);
		if (rc == 0 && sqlite3_changes(store->db) > 0) {
			new_rows++;
			rc = store_review_refresh(store, ids[i], cause);
		}
	}
	sqlite3_finalize(stmt);
	if (added != NULL)
		*added = new_rows;
	return rc;
}

int store_review_add(struct store *store, const char *const *ids, size_t count, const char *day, int *added,
		     char **cause)
{
	if (store_begin(store, cause) != 0)
		return -1;
	if (store_review_add_locked(store, ids, count, day, added, cause) != 0) {
		store_rollback(store);
		return -1;
	}
	return store_commit(store, cause);
}

static void read_review(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_review *r = item;

	r->question_id = store_column_text(stmt, 0, arena);
	r->due_on = store_column_text(stmt, 1, arena);
	r->added_on = store_column_text(stmt, 2, arena);
	r->interval_days = sqlite3_column_int(stmt, 3);
	r->streak = sqlite3_column_int(stmt, 4);
	r->last_reviewed_at = store_column_text(stmt, 5, arena);
	r->stability = sqlite3_column_double(stmt, 6);
	r->difficulty = sqlite3_column_double(stmt, 7);
	r->reviews = sqlite3_column_int(stmt, 8);
	r->lapses = sqlite3_column_int(stmt, 9);
	r->first_reviewed_on = store_column_text(stmt, 10, arena);
	r->reviewed_on = store_column_text(stmt, 11, arena);
}

int store_review_refresh_all(struct store *store, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT question_id FROM review ORDER BY question_id", cause);

	return stmt == NULL ? -1 : refresh_listed(store, stmt, cause);
}

void store_set_retention(struct store *store, double retention)
{
	store->retention = retention >= 0.7 && retention <= 0.99 ? retention : SCHED_RETENTION_DEFAULT;
}

/* Folds again, by today's clock and for the store's retention, the rows folded while the clock was ahead
 * (reviewed after now, or added after today) or for another retention. Rare, so the check is one query
 * and the write happens only when one is found. A data dir the user may not write keeps the rows as they
 * are (the list still shows). */
#define STALE "SELECT question_id FROM review WHERE last_reviewed_at > " NOW_SQL \
	" OR added_on > date(" NOW_SQL ", 'localtime') OR abs(retention - ?1) > 1e-9"

static int refold_stale(struct store *store, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, STALE " LIMIT 1", cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_double(stmt, 1, store->retention);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : store_fail(store, cause, "read the drill schedule");
	if (store->readonly || store_begin(store, NULL) != 0)
		return 0;
	stmt = store_prepare(store, STALE, NULL);
	if (stmt != NULL)
		sqlite3_bind_double(stmt, 1, store->retention);
	if (stmt == NULL || refresh_listed(store, stmt, NULL) != 0 || store_commit(store, NULL) != 0)
		store_rollback(store);
	return 0;
}

int store_review_list(struct store *store, struct arena *arena, struct store_review **out, size_t *count,
		      char **cause)
{
	sqlite3_stmt *stmt;

	if (refold_stale(store, cause) != 0)
		return -1;
	stmt = store_prepare(store, "SELECT question_id, due_on, added_on, interval_days, streak, last_reviewed_at,"
			     " stability, difficulty, reviews, lapses, first_reviewed_on, reviewed_on"
			     " FROM review ORDER BY due_on, question_id", cause);
	if (stmt == NULL)
		return -1;
	return store_read_list(store, stmt, sizeof **out, read_review, arena, "read the drill schedule", out, count,
			       cause);
}
