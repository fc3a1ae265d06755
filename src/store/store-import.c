/* store-import: an export's rows put back into a store that holds no practice yet, in one transaction
 * (store.h, "Import"). Each exported table maps to the store's table and the columns it keeps; the
 * counts a session carries and the search index are rebuilt by the store as the rows go in, so that
 * exporting again gives the same files. Every value goes through SQLite's own constraints (types, CHECKs,
 * foreign keys), and a recording's path must stay inside the recordings folder. */
#include "store-internal.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

struct import_table {
	const char *name;		/* as export names it */
	const char *table;		/* in the store */
	const char *const *columns;	/* the export's columns that are kept, named as the store's */
};

#define COLUMNS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* In export's order. The sessions' answer_count, rated_count and answer_ms ("answered", "rated",
 * "answer_ms") are counted again by the store's triggers as the answers go in. */
static const struct import_table tables[] = {
	{ "sessions", "session", COLUMNS("id", "kind", "status", "started_at", "ended_at", "bank", "stage", "theme",
					 "planned_count", "think_seconds", "answer_seconds", "follow_ups", "spoken",
					 "note") },
	{ "answers", "answer", COLUMNS("id", "session_id", "position", "question_id", "question_text", "follow_up_of",
				       "mode", "text", "think_limit_seconds", "think_used_ms", "answer_limit_seconds",
				       "answer_used_ms", "overtime", "stopped_by", "note", "answered_at", "rated_at") },
	{ "ratings", "rating", COLUMNS("answer_id", "theme_id", "score", "rated_at") },
	{ "rejections", "rejection", COLUMNS("id", "company", "role", "rejected_on", "stage_reached", "interviewer",
					     "feedback", "created_at") },
	{ "session_questions", "session_question", COLUMNS("session_id", "position", "question_id") },
	{ "recordings", "recording", COLUMNS("id", "answer_id", "path", "sample_rate", "channels", "frames",
					     "dropped_frames", "speaking_ms", "silence_ratio", "long_pauses",
					     "longest_pause_ms", "created_at", "syllables", "pace_wpm", "unwritten_frames",
					     "speech_start_ms", "speech_end_ms") },
	{ "transcripts", "transcript", COLUMNS("answer_id", "engine", "text", "word_count", "confidence", "filler_count",
					       "hedge_count", "repeat_count", "decode_ms", "created_at") },
	{ "transcript_words", "transcript_word", COLUMNS("answer_id", "position", "word", "start_ms", "end_ms",
							 "confidence") },
	{ "spots", "spot", COLUMNS("answer_id", "position", "phrase", "listened", "score", "start_ms", "end_ms") },
	{ "evidence", "evidence", COLUMNS("answer_id", "source", "situation", "task", "action", "result",
					  "ends_at_action", "generic", "numbers", "dates", "i_actions", "we_actions", "words",
					  "keywords_said", "keywords_total", "points_said", "points_total", "created_at") },
	{ "rejection_themes", "rejection_theme", COLUMNS("rejection_id", "theme_id", "reason") },
	{ "reflections", "reflection", COLUMNS("rejection_id", "stage_id", "went_well", "do_better") },
	{ "plan", "plan_action", COLUMNS("id", "theme_id", "rejection_id", "text", "status", "due_on", "created_at",
					 "done_at") },
	{ "reviews", "review", COLUMNS("question_id", "due_on", "interval_days", "streak", "last_reviewed_at",
				       "added_on", "stability", "difficulty", "reviews", "lapses", "first_reviewed_on",
				       "reviewed_on", "retention") },
	{ "preps", "prep", COLUMNS("id", "company", "role", "on_day", "stage", "banks", "outcome", "rejection_id",
				   "created_at", "closed_at") },
};

#define TABLE_COUNT (sizeof tables / sizeof tables[0])
#define RECORDING_NAME_MAX 128
#define PLURAL(n) ((n) == 1 ? "" : "s")

_Static_assert(TABLE_COUNT <= STORE_IMPORT_TABLES, "store-internal.h: STORE_IMPORT_TABLES too small");

static const struct import_table *find(const char *name, size_t *index)
{
	size_t i;

	for (i = 0; i < TABLE_COUNT; i++)
		if (strcmp(tables[i].name, name) == 0) {
			*index = i;
			return &tables[i];
		}
	return NULL;
}

static int kept(const struct import_table *t, const char *column)
{
	const char *const *c;

	for (c = t->columns; *c != NULL; c++)
		if (strcmp(*c, column) == 0)
			return 1;
	return 0;
}

/* "recordings/s12-q3.flac": one file right inside the recordings folder, so that replay, compacting and
 * removing it never reach outside the data dir. */
static int recording_path_ok(const char *path)
{
	const char *name = path + strlen("recordings/");
	size_t length;

	if (strncmp(path, "recordings/", strlen("recordings/")) != 0 || *name == '.' ||
	    (length = strlen(name)) == 0 || length > RECORDING_NAME_MAX)
		return 0;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == length;
}

static void bind_value(sqlite3_stmt *stmt, int index, const char *value, enum store_value_kind kind)
{
	char *end;

	if (kind == STORE_VALUE_NULL || value == NULL) {
		sqlite3_bind_null(stmt, index);
	} else if (kind == STORE_VALUE_NUMBER && strpbrk(value, ".eE") == NULL) {
		long long n = strtoll(value, &end, 10);
		if (*end == '\0')
			sqlite3_bind_int64(stmt, index, n);
		else
			store_bind_text(stmt, index, value);	/* not a number: the column's type decides */
	} else if (kind == STORE_VALUE_NUMBER) {
		double d = strtod(value, &end);
		if (*end == '\0')
			sqlite3_bind_double(stmt, index, d);
		else
			store_bind_text(stmt, index, value);
	} else {
		store_bind_text(stmt, index, value);
	}
}

int store_import_begin(struct store *store, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT (SELECT COUNT(*) FROM session), (SELECT COUNT(*) FROM rejection),"
					   " (SELECT COUNT(*) FROM plan_action), (SELECT COUNT(*) FROM prep),"
					   " (SELECT COUNT(*) FROM review)", cause);
	long long held[5] = { 0 };
	int i, rc;

	if (stmt == NULL)
		return -1;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		for (i = 0; i < 5; i++)
			held[i] = sqlite3_column_int64(stmt, i);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(store, cause, "read what the data dir holds");
	if (held[0] + held[1] + held[2] + held[3] + held[4] > 0)
		return util_fail(cause, "'%s' already holds practice (%lld session%s, %lld rejection%s, %lld plan "
				 "action%s, %lld interview%s to prepare, %lld question%s in the drill schedule): import "
				 "restores into an empty data dir; give a new one with --data-dir", store->path,
				 held[0], PLURAL(held[0]), held[1], PLURAL(held[1]), held[2], PLURAL(held[2]), held[3],
				 PLURAL(held[3]), held[4], PLURAL(held[4]));
	memset(store->import_counts, 0, sizeof store->import_counts);
	return store_begin(store, cause);
}

/* "INSERT INTO t (a, b) VALUES (?, ?)" over the row's kept columns; *kept_count how many. */
static char *insert_sql(const struct import_table *t, const struct store_export_row *row, int *kept_count)
{
	char *columns = xstrdup(""), *marks = xstrdup(""), *next, *sql;
	size_t i;

	*kept_count = 0;
	for (i = 0; i < row->count; i++) {
		if (!kept(t, row->names[i]))
			continue;
		next = xasprintf("%s%s\"%s\"", columns, *kept_count ? ", " : "", row->names[i]);
		free(columns);
		columns = next;
		next = xasprintf("%s%s?", marks, *kept_count ? ", " : "");
		free(marks);
		marks = next;
		(*kept_count)++;
	}
	sql = xasprintf("INSERT INTO %s (%s) VALUES (%s)", t->table, columns, marks);
	free(columns);
	free(marks);
	return sql;
}

int store_import_row(struct store *store, const char *name, const struct store_export_row *row, char **cause)
{
	size_t index, i;
	const struct import_table *t = find(name, &index);
	sqlite3_stmt *stmt;
	char *sql, doing[64];
	int kept_count, n = 0, rc;

	if (t == NULL)
		return util_fail(cause, "no table '%s' in an export of this rebound", name);
	if (row->header)
		return 0;
	for (i = 0; i < row->count; i++)
		if (strcmp(t->name, "recordings") == 0 && strcmp(row->names[i], "path") == 0 &&
		    (row->values[i] == NULL || !recording_path_ok(row->values[i])))
			return util_fail(cause, "a recording's path must be a file in the recordings folder, not '%s'",
					 row->values[i] ? row->values[i] : "null");
	sql = insert_sql(t, row, &kept_count);
	stmt = kept_count > 0 ? store_prepare(store, sql, cause) : NULL;
	free(sql);
	if (kept_count == 0)
		return util_fail(cause, "a row of %s with none of its columns", name);
	if (stmt == NULL)
		return -1;
	for (i = 0; i < row->count; i++)
		if (kept(t, row->names[i]))
			bind_value(stmt, ++n, row->values[i], row->kinds[i]);
	snprintf(doing, sizeof doing, "restore a row of %s", name);
	rc = store_step_done(store, stmt, doing, cause);
	sqlite3_finalize(stmt);
	if (rc == 0)
		store->import_counts[index]++;
	return rc;
}

/* The search index, as saving each answer would have written it: the transcript, else the typed text. */
static int index_all(struct store *store, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT a.id, coalesce(t.text, a.text) FROM answer a"
					   " LEFT JOIN transcript t ON t.answer_id = a.id ORDER BY a.id", cause);
	int rc = 0, step;

	if (stmt == NULL)
		return -1;
	while (rc == 0 && (step = sqlite3_step(stmt)) == SQLITE_ROW)
		rc = store_index_answer(store, sqlite3_column_int64(stmt, 0), (const char *)sqlite3_column_text(stmt, 1),
					cause);
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_fail(store, cause, "index the restored answers");
	sqlite3_finalize(stmt);
	return rc;
}

int store_import_end(struct store *store, int commit, char **cause)
{
	if (commit && index_all(store, cause) == 0 && store_commit(store, cause) == 0)
		return 0;
	store_rollback(store);
	return commit ? -1 : 0;
}

long long store_import_count(const struct store *store, const char *table)
{
	size_t index;

	return find(table, &index) != NULL ? store->import_counts[index] : 0;
}
