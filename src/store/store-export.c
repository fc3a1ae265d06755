/* store-export: the tables 'export' writes, as rows of text with each value's kind, read in one
 * snapshot so that sessions, answers, ratings and rejections agree with each other. The columns are a
 * documented, stable layout (include/rebound/store.h): add columns at the end, never rename or reorder. */
#include "store-internal.h"
#include "rebound/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct export_query {
	const char *name;
	const char *sql;
};

/* An answer's STAR parts as one text ("situation action result"), NULL when it has no evidence. */
#define EVIDENCE_PARTS "CASE WHEN e.answer_id IS NULL THEN NULL ELSE rtrim(" \
	"CASE WHEN e.situation THEN 'situation ' ELSE '' END || CASE WHEN e.task THEN 'task ' ELSE '' END ||" \
	" CASE WHEN e.action THEN 'action ' ELSE '' END || CASE WHEN e.result THEN 'result' ELSE '' END) END"

static const struct export_query tables[] = {
	{ "sessions",
	  "SELECT id, kind, status, started_at, ended_at, bank, stage, theme, planned_count,"
	  " answer_count AS answered, rated_count AS rated, answer_ms, think_seconds, answer_seconds, follow_ups,"
	  " spoken, note FROM session ORDER BY id" },
	{ "answers",
	  "SELECT a.id, a.session_id, a.position, a.question_id, a.question_text, a.follow_up_of, a.mode, a.text,"
	  " a.think_limit_seconds, a.think_used_ms, a.answer_limit_seconds, a.answer_used_ms, a.overtime,"
	  " a.stopped_by, a.note, a.answered_at, a.rated_at, r.path AS recording, r.speaking_ms, r.silence_ratio,"
	  " r.long_pauses, r.longest_pause_ms, r.pace_wpm, t.text AS transcript,"
	  " t.confidence AS transcript_confidence, t.filler_count, t.hedge_count, r.unwritten_frames,"
	  " e.source AS evidence_source, " EVIDENCE_PARTS " AS star_parts, e.ends_at_action, e.numbers, e.i_actions,"
	  " e.we_actions, e.keywords_said, e.keywords_total, e.points_said, e.points_total"
	  " FROM answer a LEFT JOIN recording r ON r.answer_id = a.id LEFT JOIN transcript t ON t.answer_id = a.id"
	  " LEFT JOIN evidence e ON e.answer_id = a.id ORDER BY a.id" },
	{ "ratings", "SELECT answer_id, theme_id, score, rated_at FROM rating ORDER BY answer_id, theme_id" },
	{ "rejections",
	  "SELECT id, company, role, rejected_on, stage_reached, interviewer, feedback,"
	  " (SELECT group_concat(theme_id, ' ') FROM (SELECT theme_id FROM rejection_theme"
	  "   WHERE rejection_id = rejection.id ORDER BY theme_id)) AS themes, created_at"
	  " FROM rejection ORDER BY id" },
	/* Version 2: the rest of what the store keeps, each table as stored, so that an export restores whole
	 * ('import'). In this order a row's parent is always written, and so read back, before it. */
	{ "session_questions", "SELECT session_id, position, question_id FROM session_question ORDER BY session_id, position" },
	{ "recordings",
	  "SELECT id, answer_id, path, sample_rate, channels, frames, dropped_frames, speaking_ms, silence_ratio,"
	  " long_pauses, longest_pause_ms, created_at, syllables, pace_wpm, unwritten_frames, speech_start_ms,"
	  " speech_end_ms FROM recording ORDER BY id" },
	{ "transcripts",
	  "SELECT answer_id, engine, text, word_count, confidence, filler_count, hedge_count, repeat_count, decode_ms,"
	  " created_at FROM transcript ORDER BY answer_id" },
	{ "transcript_words",
	  "SELECT answer_id, position, word, start_ms, end_ms, confidence FROM transcript_word ORDER BY answer_id, position" },
	{ "spots",
	  "SELECT answer_id, position, phrase, listened, score, start_ms, end_ms FROM spot ORDER BY answer_id, position" },
	{ "evidence",
	  "SELECT answer_id, source, situation, task, action, result, ends_at_action, generic, numbers, dates, i_actions,"
	  " we_actions, words, keywords_said, keywords_total, points_said, points_total, created_at FROM evidence"
	  " ORDER BY answer_id" },
	{ "rejection_themes",
	  "SELECT rejection_id, theme_id, reason FROM rejection_theme ORDER BY rejection_id, theme_id" },
	{ "reflections",
	  "SELECT rejection_id, stage_id, went_well, do_better FROM reflection ORDER BY rejection_id, stage_id" },
	{ "plan",
	  "SELECT id, theme_id, rejection_id, text, status, due_on, created_at, done_at FROM plan_action ORDER BY id" },
	{ "reviews",
	  "SELECT question_id, due_on, interval_days, streak, last_reviewed_at, added_on, stability, difficulty, reviews,"
	  " lapses, first_reviewed_on, reviewed_on, retention FROM review ORDER BY question_id" },
	{ "preps",
	  "SELECT id, company, role, on_day, stage, banks, outcome, rejection_id, created_at, closed_at FROM prep"
	  " ORDER BY id" },
};

const char *const store_export_tables[] = { "sessions", "answers", "ratings", "rejections", "session_questions",
					    "recordings", "transcripts", "transcript_words", "spots", "evidence",
					    "rejection_themes", "reflections", "plan", "reviews", "preps", NULL };

static const struct export_query *find_table(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i].name, name) == 0)
			return &tables[i];
	return NULL;
}

int store_snapshot_begin(struct store *store, char **cause)
{
	return store_exec(store, "BEGIN", "start reading", cause);
}

void store_snapshot_end(struct store *store)
{
	sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
}

#define NUMBER_SIZE UTIL_DOUBLE_SIZE

/* Fills row from the statement's current row; returns 0 or fn's result. Reals are written so that they
 * read back as the same double (SQLite's own text has 15 digits); one that is not finite is NULL. */
static int emit_row(sqlite3_stmt *stmt, struct store_export_row *row, char (*numbers)[NUMBER_SIZE],
		    store_export_fn fn, void *data)
{
	int i;

	for (i = 0; i < (int)row->count; i++) {
		int type = sqlite3_column_type(stmt, i);
		double real = type == SQLITE_FLOAT ? sqlite3_column_double(stmt, i) : 0;
		row->kinds[i] = type == SQLITE_NULL || !isfinite(real) ? STORE_VALUE_NULL :
				type == SQLITE_INTEGER || type == SQLITE_FLOAT ? STORE_VALUE_NUMBER : STORE_VALUE_TEXT;
		if (type == SQLITE_FLOAT && isfinite(real)) {
			util_format_double(numbers[i], real);
			row->values[i] = numbers[i];
		} else {
			row->values[i] = row->kinds[i] == STORE_VALUE_NULL ? NULL : (const char *)sqlite3_column_text(stmt, i);
		}
	}
	return fn(data, row);
}

int store_export_rows(struct store *store, const char *name, store_export_fn fn, void *data, char **cause)
{
	const struct export_query *table = find_table(name);
	struct store_export_row row;
	char (*numbers)[NUMBER_SIZE];
	sqlite3_stmt *stmt;
	int rc, step = SQLITE_DONE, i;

	if (table == NULL)
		return util_fail(cause, "no table '%s' to export", name);
	if ((stmt = store_prepare(store, table->sql, cause)) == NULL)
		return -1;
	memset(&row, 0, sizeof row);
	row.count = (size_t)sqlite3_column_count(stmt);
	row.names = xcalloc(row.count, sizeof *row.names);
	row.values = xcalloc(row.count, sizeof *row.values);
	row.kinds = xcalloc(row.count, sizeof *row.kinds);
	numbers = xcalloc(row.count, sizeof *numbers);
	for (i = 0; i < (int)row.count; i++)
		row.names[i] = sqlite3_column_name(stmt, i);
	row.header = 1;
	rc = fn(data, &row);
	row.header = 0;
	row.first = 1;
	while (rc == 0 && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		rc = emit_row(stmt, &row, numbers, fn, data);
		row.first = 0;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_fail(store, cause, "read the data to export");
	sqlite3_finalize(stmt);
	free(row.names);
	free(row.values);
	free(row.kinds);
	free(numbers);
	return rc;
}
