/* store-prep: the interviews coming up that the user prepares for ('prep'), how each went, and the
 * practice given since one was set (how many rated answers each question has had since a day). */
#include "store-internal.h"
#include "rebound/util.h"

#include <stdlib.h>

long long store_prep_add(struct store *store, const struct store_prep *p, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT INTO prep (company, role, on_day, stage, banks, created_at)"
					   " VALUES (?1, ?2, ?3, ?4, ?5, " NOW_SQL ")", cause);
	long long id;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, p->company);
	store_bind_text(stmt, 2, p->role);
	store_bind_text(stmt, 3, p->on_day);
	store_bind_text(stmt, 4, p->stage);
	store_bind_text(stmt, 5, p->banks);
	id = store_step_done(store, stmt, "add an interview to prepare for", cause) == 0 ?
		sqlite3_last_insert_rowid(store->db) : -1;
	sqlite3_finalize(stmt);
	return id;
}

static void read_prep(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_prep *p = item;

	p->id = sqlite3_column_int64(stmt, 0);
	p->company = store_column_text(stmt, 1, arena);
	p->role = store_column_text(stmt, 2, arena);
	p->on_day = store_column_text(stmt, 3, arena);
	p->stage = store_column_text(stmt, 4, arena);
	p->banks = store_column_text(stmt, 5, arena);
	p->outcome = store_column_text(stmt, 6, arena);
	p->rejection_id = sqlite3_column_int64(stmt, 7);
	p->created_at = store_column_text(stmt, 8, arena);
	p->closed_at = store_column_text(stmt, 9, arena);
}

int store_prep_list(struct store *store, struct arena *arena, struct store_prep **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT id, company, role, on_day, stage, banks, outcome, rejection_id,"
					   " created_at, closed_at FROM prep ORDER BY on_day, id", cause);

	if (stmt == NULL)
		return -1;
	return store_read_list(store, stmt, sizeof **out, read_prep, arena, "read the interviews to prepare for", out,
			       count, cause);
}

int store_prep_close(struct store *store, long long id, const char *outcome, long long rejection_id, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "UPDATE prep SET outcome = ?2, rejection_id = ?3,"
					   " closed_at = CASE WHEN ?2 IS NULL THEN NULL ELSE " NOW_SQL " END WHERE id = ?1",
					   cause);
	int rc, changed;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text(stmt, 2, outcome);
	if (rejection_id > 0)
		sqlite3_bind_int64(stmt, 3, rejection_id);
	rc = store_step_done(store, stmt, "record how an interview went", cause);
	changed = sqlite3_changes(store->db) > 0;
	sqlite3_finalize(stmt);
	return rc == 0 ? changed : -1;
}

int store_prep_delete(struct store *store, long long id, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "DELETE FROM prep WHERE id = ?1", cause);
	int rc, changed;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = store_step_done(store, stmt, "remove an interview to prepare for", cause);
	changed = sqlite3_changes(store->db) > 0;
	sqlite3_finalize(stmt);
	return rc == 0 ? changed : -1;
}

static void read_count(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_count *c = item;

	c->key = store_column_text(stmt, 0, arena);
	c->count = sqlite3_column_int(stmt, 1);
}

int store_practice_since(struct store *store, const char *day, struct arena *arena, struct store_count **out,
			 size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store,
		"SELECT a.question_id, COUNT(DISTINCT a.id) FROM answer a JOIN session s ON s.id = a.session_id"
		" JOIN rating r ON r.answer_id = a.id WHERE a.follow_up_of IS NULL AND s.status <> 'discarded'"
		" AND date(a.answered_at, 'localtime') >= ?1 GROUP BY a.question_id ORDER BY a.question_id", cause);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, day);
	return store_read_list(store, stmt, sizeof **out, read_count, arena, "count the practice", out, count, cause);
}
