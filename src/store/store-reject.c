/* store-reject: the rejection log (each rejection with the themes it cites and a reflection per
 * stage) and the growth plan. Writes are one transaction each; logging a rejection also puts the
 * questions that train its themes into the drill schedule, in the same transaction. */
#include "store-internal.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------------
 * Rejections
 */

/* Writes the themes and reflections of rejection id (after any old ones were removed). */
static int save_parts(struct store *store, long long id, const struct store_rejection *r, char **cause)
{
	sqlite3_stmt *theme = store_prepare(store, "INSERT OR IGNORE INTO rejection_theme (rejection_id, theme_id, reason)"
					    " VALUES (?, ?, ?)", cause);
	sqlite3_stmt *reflection = theme ? store_prepare(store, "INSERT OR REPLACE INTO reflection (rejection_id,"
							 " stage_id, went_well, do_better) VALUES (?, ?, ?, ?)", cause) : NULL;
	int rc = reflection ? 0 : -1;
	size_t i;

	for (i = 0; rc == 0 && i < r->theme_count; i++) {
		sqlite3_bind_int64(theme, 1, id);
		store_bind_text(theme, 2, r->themes[i].theme_id);
		store_bind_text(theme, 3, r->themes[i].reason);
		rc = store_step_done(store, theme, "save a rejection's theme", cause);
	}
	for (i = 0; rc == 0 && i < r->reflection_count; i++) {
		const struct store_reflection *f = &r->reflections[i];
		if (f->went_well == NULL && f->do_better == NULL)
			continue;
		sqlite3_bind_int64(reflection, 1, id);
		store_bind_text(reflection, 2, f->stage_id);
		store_bind_text(reflection, 3, f->went_well);
		store_bind_text(reflection, 4, f->do_better);
		rc = store_step_done(store, reflection, "save a reflection", cause);
	}
	sqlite3_finalize(theme);
	sqlite3_finalize(reflection);
	return rc;
}

/* Binds the fields of r to ?1..?6 (company, role, date, stage, interviewer, feedback). */
static void bind_fields(sqlite3_stmt *stmt, const struct store_rejection *r)
{
	store_bind_text(stmt, 1, r->company);
	store_bind_text(stmt, 2, r->role);
	store_bind_text(stmt, 3, r->rejected_on);
	store_bind_text(stmt, 4, r->stage_reached);
	store_bind_text(stmt, 5, r->interviewer);
	store_bind_text(stmt, 6, r->feedback ? r->feedback : "");
}

/* Takes out of the drill schedule the questions never reviewed that no rejection's themes call for any
 * more (after a rejection is removed or loses a theme): a mistaken entry leaves no backlog behind. */
static int prune_schedule(struct store *store, char **cause)
{
	return store_exec(store, "DELETE FROM review WHERE last_reviewed_at IS NULL AND question_id NOT IN"
			  " (SELECT q.question_id FROM question_theme q JOIN rejection_theme r ON r.theme_id = q.theme_id)",
			  "prune the drill schedule", cause);
}

/* Ends a write begun by the caller: prunes the schedule if asked, adds review_ids to it, then commits,
 * or rolls back when anything failed. */
static int finish_write(struct store *store, int rc, int prune, const char *const *review_ids, size_t review_count,
			const char *review_day, char **cause)
{
	if (rc == 0 && prune)
		rc = prune_schedule(store, cause);
	if (rc == 0 && review_count > 0)
		rc = store_review_add_locked(store, review_ids, review_count, review_day, NULL, cause);
	if (rc == 0)
		rc = store_commit(store, cause);
	if (rc != 0)
		store_rollback(store);
	return rc;
}

long long store_rejection_add(struct store *store, const struct store_rejection *r, const char *const *review_ids,
			      size_t review_count, const char *review_day, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT INTO rejection (company, role, rejected_on, stage_reached,"
					   " interviewer, feedback, created_at) VALUES (?, ?, ?, ?, ?, ?, " NOW_SQL ")",
					   cause);
	long long id = -1;
	int rc = stmt ? store_begin(store, cause) : -1;

	if (rc == 0) {
		bind_fields(stmt, r);
		rc = store_step_done(store, stmt, "save a rejection", cause);
		if (rc == 0) {
			id = sqlite3_last_insert_rowid(store->db);
			rc = save_parts(store, id, r, cause);
		}
		rc = finish_write(store, rc, 0, review_ids, review_count, review_day, cause);
	}
	sqlite3_finalize(stmt);
	return rc == 0 ? id : -1;
}

int store_rejection_update(struct store *store, const struct store_rejection *r, const char *const *review_ids,
			   size_t review_count, const char *review_day, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "UPDATE rejection SET company = ?1, role = ?2, rejected_on = ?3,"
					   " stage_reached = ?4, interviewer = ?5, feedback = ?6 WHERE id = ?7", cause);
	sqlite3_stmt *clear = stmt ? store_prepare(store, "DELETE FROM rejection_theme WHERE rejection_id = ?1", cause)
				   : NULL;
	sqlite3_stmt *clear_reflections = clear ? store_prepare(store, "DELETE FROM reflection WHERE rejection_id = ?1",
								cause) : NULL;
	int rc = clear_reflections ? store_begin(store, cause) : -1, found = 0;

	if (rc == 0) {
		bind_fields(stmt, r);
		sqlite3_bind_int64(stmt, 7, r->id);
		rc = store_step_done(store, stmt, "update a rejection", cause);
		found = rc == 0 && sqlite3_changes(store->db) > 0;
		sqlite3_bind_int64(clear, 1, r->id);
		sqlite3_bind_int64(clear_reflections, 1, r->id);
		if (rc == 0 && found)
			rc = store_step_done(store, clear, "update a rejection's themes", cause);
		if (rc == 0 && found)
			rc = store_step_done(store, clear_reflections, "update a rejection's reflections", cause);
		if (rc == 0 && found)
			rc = save_parts(store, r->id, r, cause);
		rc = finish_write(store, rc, found, review_ids, found ? review_count : 0, review_day, cause);
	}
	sqlite3_finalize(stmt);
	sqlite3_finalize(clear);
	sqlite3_finalize(clear_reflections);
	return rc == 0 ? found : -1;
}

#define REJECTION_COLUMNS "id, company, role, rejected_on, stage_reached, interviewer, feedback, created_at"

static void read_rejection(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_rejection *r = item;

	r->id = sqlite3_column_int64(stmt, 0);
	r->company = store_column_text(stmt, 1, arena);
	r->role = store_column_text(stmt, 2, arena);
	r->rejected_on = store_column_text(stmt, 3, arena);
	r->stage_reached = store_column_text(stmt, 4, arena);
	r->interviewer = store_column_text(stmt, 5, arena);
	r->feedback = store_column_text(stmt, 6, arena);
	r->created_at = store_column_text(stmt, 7, arena);
}

/* A theme row with the id of its rejection, for attaching to a list. */
struct theme_row {
	long long rejection_id;
	struct store_rejection_theme theme;
};

static void read_theme_row(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct theme_row *row = item;

	row->rejection_id = sqlite3_column_int64(stmt, 0);
	row->theme.theme_id = store_column_text(stmt, 1, arena);
	row->theme.reason = store_column_text(stmt, 2, arena);
}

static void read_reflection(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_reflection *f = item;

	f->stage_id = store_column_text(stmt, 0, arena);
	f->went_well = store_column_text(stmt, 1, arena);
	f->do_better = store_column_text(stmt, 2, arena);
}

/* The first of count rows (sorted by rejection id) with rejection_id id or more. */
static size_t first_row(const struct theme_row *rows, size_t count, long long id)
{
	size_t low = 0, high = count;

	while (low < high) {
		size_t middle = low + (high - low) / 2;
		if (rows[middle].rejection_id < id)
			low = middle + 1;
		else
			high = middle;
	}
	return low;
}

/* Reads theme rows (of one rejection when id > 0, else of all) and gives each rejection its own. */
static int attach_themes(struct store *store, long long id, struct arena *arena, struct store_rejection *list,
			 size_t count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, id > 0
		? "SELECT rejection_id, theme_id, reason FROM rejection_theme LEFT JOIN theme ON theme.id = theme_id"
		  " WHERE rejection_id = ?1 ORDER BY theme.position, theme_id"
		: "SELECT rejection_id, theme_id, reason FROM rejection_theme LEFT JOIN theme ON theme.id = theme_id"
		  " ORDER BY rejection_id, theme.position, theme_id", cause);
	struct theme_row *rows = NULL;
	size_t row_count = 0, i, j;

	if (stmt == NULL)
		return -1;
	if (id > 0)
		sqlite3_bind_int64(stmt, 1, id);
	if (store_read_list(store, stmt, sizeof *rows, read_theme_row, arena, "read rejection themes", &rows, &row_count,
			    cause) != 0)
		return -1;
	for (i = 0; i < count; i++) {
		size_t first = first_row(rows, row_count, list[i].id), end = first;
		while (end < row_count && rows[end].rejection_id == list[i].id)
			end++;
		list[i].themes = arena_alloc(arena, (end - first + 1) * sizeof *list[i].themes);
		for (j = first; j < end; j++)
			list[i].themes[list[i].theme_count++] = rows[j].theme;
	}
	return 0;
}

int store_rejection_get(struct store *store, long long id, struct arena *arena, struct store_rejection *out,
			char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT " REJECTION_COLUMNS " FROM rejection WHERE id = ?", cause);
	int found;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if ((found = store_read_one(store, stmt, sizeof *out, read_rejection, arena, "read a rejection", out,
				    cause)) != 1)
		return found;
	if (attach_themes(store, id, arena, out, 1, cause) != 0 ||
	    (stmt = store_prepare(store, "SELECT reflection.stage_id, went_well, do_better FROM reflection"
				  " LEFT JOIN stage ON stage.id = reflection.stage_id WHERE rejection_id = ?"
				  " ORDER BY stage.position, reflection.stage_id", cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (store_read_list(store, stmt, sizeof *out->reflections, read_reflection, arena, "read reflections",
			    &out->reflections, &out->reflection_count, cause) != 0)
		return -1;
	return 1;
}

int store_rejection_list(struct store *store, struct arena *arena, struct store_rejection **out, size_t *count,
			 char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT " REJECTION_COLUMNS " FROM rejection"
					   " ORDER BY rejected_on DESC, id DESC", cause);

	if (stmt == NULL)
		return -1;
	if (store_read_list(store, stmt, sizeof **out, read_rejection, arena, "list rejections", out, count, cause) != 0)
		return -1;
	return attach_themes(store, 0, arena, *out, *count, cause);
}

/* Runs a one-statement delete or update by id in a transaction: 1 if a row changed, 0 if none. */
static int change_by_id(struct store *store, const char *sql, long long id, const char *text, const char *doing,
			char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, sql, cause);
	int rc, changed;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (text != NULL)
		store_bind_text(stmt, 2, text);
	rc = store_step_done(store, stmt, doing, cause);
	changed = sqlite3_changes(store->db) > 0;
	sqlite3_finalize(stmt);
	return rc == 0 ? changed : -1;
}

int store_rejection_delete(struct store *store, long long id, char **cause)
{
	int removed;

	if (store_begin(store, cause) != 0)
		return -1;
	removed = change_by_id(store, "DELETE FROM rejection WHERE id = ?1", id, NULL, "remove a rejection", cause);
	if (removed < 0) {
		store_rollback(store);
		return -1;
	}
	return finish_write(store, 0, removed, NULL, 0, NULL, cause) == 0 ? removed : -1;
}

/* ------------------------------------------------------------------------------------------------
 * The growth plan
 */

long long store_plan_add(struct store *store, const struct store_plan_action *a, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT INTO plan_action (theme_id, rejection_id, text, status, due_on,"
					   " created_at, done_at) VALUES (?1, ?2, ?3, ?4, ?5, " NOW_SQL ","
					   " CASE WHEN ?4 = 'done' THEN " NOW_SQL " END)", cause);
	long long id;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, a->theme_id);
	if (a->rejection_id > 0)
		sqlite3_bind_int64(stmt, 2, a->rejection_id);
	store_bind_text(stmt, 3, a->text);
	store_bind_text(stmt, 4, a->status ? a->status : "todo");
	store_bind_text(stmt, 5, a->due_on);
	id = store_step_done(store, stmt, "add a plan action", cause) == 0 ? sqlite3_last_insert_rowid(store->db) : -1;
	sqlite3_finalize(stmt);
	return id;
}

static void read_action(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_plan_action *a = item;

	a->id = sqlite3_column_int64(stmt, 0);
	a->theme_id = store_column_text(stmt, 1, arena);
	a->rejection_id = sqlite3_column_int64(stmt, 2);
	a->text = store_column_text(stmt, 3, arena);
	a->status = store_column_text(stmt, 4, arena);
	a->due_on = store_column_text(stmt, 5, arena);
	a->created_at = store_column_text(stmt, 6, arena);
	a->done_at = store_column_text(stmt, 7, arena);
}

int store_plan_list(struct store *store, struct arena *arena, struct store_plan_action **out, size_t *count,
		    char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT id, theme_id, rejection_id, text, status, due_on, created_at,"
					   " done_at FROM plan_action ORDER BY id", cause);

	if (stmt == NULL)
		return -1;
	return store_read_list(store, stmt, sizeof **out, read_action, arena, "read the plan", out, count, cause);
}

int store_plan_set_status(struct store *store, long long id, const char *status, char **cause)
{
	return change_by_id(store, "UPDATE plan_action SET status = ?2,"
			    " done_at = CASE WHEN ?2 = 'done' THEN COALESCE(done_at, " NOW_SQL ") END WHERE id = ?1",
			    id, status, "change a plan action", cause);
}

int store_plan_delete(struct store *store, long long id, char **cause)
{
	return change_by_id(store, "DELETE FROM plan_action WHERE id = ?1", id, NULL, "remove a plan action", cause);
}
