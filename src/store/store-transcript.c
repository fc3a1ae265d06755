/* store-transcript: transcripts of spoken answers with their words, and the full-text search over what
 * was said or typed (the answer_words FTS5 table, kept by triggers: see store.c's migration 6). */
#include "store-internal.h"
#include "rebound/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int insert_words(struct store *store, long long answer_id, const struct store_transcript *t, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT INTO transcript_word (answer_id, position, word, start_ms,"
					   " end_ms, confidence) VALUES (?, ?, ?, ?, ?, ?)", cause);
	size_t i;
	int rc = 0;

	if (stmt == NULL)
		return -1;
	for (i = 0; i < t->word_count && rc == 0; i++) {
		sqlite3_bind_int64(stmt, 1, answer_id);
		sqlite3_bind_int64(stmt, 2, (long long)i + 1);
		store_bind_text(stmt, 3, t->words[i].word);
		sqlite3_bind_int64(stmt, 4, t->words[i].start_ms);
		sqlite3_bind_int64(stmt, 5, t->words[i].end_ms);
		sqlite3_bind_double(stmt, 6, t->words[i].confidence);
		rc = store_step_done(store, stmt, "save a transcript's words", cause);
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Inside the caller's transaction (store_answer_add's, or store_transcript_save's). */
int store_transcript_add_locked(struct store *store, long long answer_id, const struct store_transcript *t,
				char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT INTO transcript (answer_id, engine, text, word_count, confidence,"
					   " filler_count, hedge_count, repeat_count, decode_ms, created_at)"
					   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " NOW_SQL ")", cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	store_bind_text(stmt, 2, t->engine);
	store_bind_text(stmt, 3, t->text);
	sqlite3_bind_int64(stmt, 4, (long long)t->word_count);
	sqlite3_bind_double(stmt, 5, t->confidence);
	sqlite3_bind_int(stmt, 6, t->fillers);
	sqlite3_bind_int(stmt, 7, t->hedges);
	sqlite3_bind_int(stmt, 8, t->repeats);
	sqlite3_bind_int64(stmt, 9, t->decode_ms);
	rc = store_step_done(store, stmt, "save a transcript", cause);
	sqlite3_finalize(stmt);
	return rc == 0 ? insert_words(store, answer_id, t, cause) : -1;
}

/* Deletes the rows of answer_id that sql (with one parameter, the answer's id) selects. */
static int delete_rows(struct store *store, const char *sql, long long answer_id, const char *what, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, sql, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	rc = store_step_done(store, stmt, what, cause);
	sqlite3_finalize(stmt);
	return rc;
}

int store_transcript_save(struct store *store, long long answer_id, const struct store_transcript *t,
			  const struct store_evidence *evidence, char **cause)
{
	int rc;

	if (store_begin(store, cause) != 0)
		return -1;
	rc = delete_rows(store, "DELETE FROM transcript WHERE answer_id = ?", answer_id, "replace a transcript", cause);
	if (rc == 0)
		rc = delete_rows(store, evidence != NULL ? "DELETE FROM evidence WHERE answer_id = ?" :
				 "DELETE FROM evidence WHERE answer_id = ? AND source = 'transcript'", answer_id,
				 "replace an answer's evidence", cause);
	if (rc == 0)
		rc = store_transcript_add_locked(store, answer_id, t, cause);
	if (rc == 0 && evidence != NULL)
		rc = store_evidence_add_locked(store, answer_id, evidence, cause);
	if (rc != 0 || store_commit(store, cause) != 0) {
		store_rollback(store);
		return -1;
	}
	return 0;
}

static void read_word(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_transcript_word *w = item;

	w->word = store_column_text(stmt, 0, arena);
	w->start_ms = sqlite3_column_int64(stmt, 1);
	w->end_ms = sqlite3_column_int64(stmt, 2);
	w->confidence = sqlite3_column_double(stmt, 3);
}

static void read_transcript(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_transcript *out = item;

	out->engine = store_column_text(stmt, 0, arena);
	out->text = store_column_text(stmt, 1, arena);
	out->confidence = sqlite3_column_double(stmt, 2);
	out->fillers = sqlite3_column_int(stmt, 3);
	out->hedges = sqlite3_column_int(stmt, 4);
	out->repeats = sqlite3_column_int(stmt, 5);
	out->decode_ms = sqlite3_column_int64(stmt, 6);
	out->created_at = store_column_text(stmt, 7, arena);
}

int store_transcript_get(struct store *store, long long answer_id, struct arena *arena, struct store_transcript *out,
			 char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT engine, text, confidence, filler_count, hedge_count,"
					   " repeat_count, decode_ms, created_at FROM transcript WHERE answer_id = ?",
					   cause);
	struct store_transcript_word *words = NULL;
	int found;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	found = store_read_one(store, stmt, sizeof *out, read_transcript, arena, "read a transcript", out, cause);
	if (found != 1)
		return found;
	stmt = store_prepare(store, "SELECT word, start_ms, end_ms, confidence FROM transcript_word"
			     " WHERE answer_id = ? ORDER BY position", cause);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	if (store_read_list(store, stmt, sizeof *words, read_word, arena, "read a transcript's words", &words,
			    &out->word_count, cause) != 0)
		return -1;
	out->words = words;
	return 1;
}

/* ------------------------------------------------------------------------------------------------
 * Search
 */

/* The FTS5 query for the words of text: each run of letters, digits and apostrophes as a quoted string,
 * so that nothing the user types is read as query syntax. NULL when there is no word. */
static char *fts_query(const char *text, struct arena *arena)
{
	char *query = arena_alloc(arena, strlen(text) * 3 + 1), *at = query;
	const unsigned char *p = (const unsigned char *)text;

	while (*p != '\0') {
		if (!(isalnum(*p) || *p == '\'' || *p >= 0x80)) {
			p++;
			continue;
		}
		if (at != query)
			*at++ = ' ';
		*at++ = '"';
		while (*p != '\0' && (isalnum(*p) || *p == '\'' || *p >= 0x80))
			*at++ = (char)*p++;
		*at++ = '"';
	}
	*at = '\0';
	return at == query ? NULL : query;
}

static void read_hit(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_search_hit *h = item;

	h->answer_id = sqlite3_column_int64(stmt, 0);
	h->session_id = sqlite3_column_int64(stmt, 1);
	h->question_id = store_column_text(stmt, 2, arena);
	h->mode = store_column_text(stmt, 3, arena);
	h->answered_at = store_column_text(stmt, 4, arena);
	h->snippet = store_column_text(stmt, 5, arena);
	h->confidence = sqlite3_column_double(stmt, 6);
}

int store_search(struct store *store, const char *text, int limit, struct arena *arena, struct store_search_hit **out,
		 size_t *count, char **cause)
{
	const char *query = fts_query(text, arena);
	sqlite3_stmt *stmt;

	*out = NULL;
	*count = 0;
	if (query == NULL)
		return 0;
	stmt = store_prepare(store, "SELECT a.id, a.session_id, a.question_id, a.mode, a.answered_at,"
			     " snippet(answer_words, 0, '[', ']', '...', 12), ifnull(t.confidence, -1)"
			     " FROM answer_words JOIN answer a ON a.id = answer_words.rowid"
			     " JOIN session s ON s.id = a.session_id LEFT JOIN transcript t ON t.answer_id = a.id"
			     " WHERE answer_words MATCH ? AND s.status != 'discarded'"
			     " ORDER BY rank, a.id DESC LIMIT ?", cause);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, query);
	sqlite3_bind_int(stmt, 2, limit);
	return store_read_list(store, stmt, sizeof **out, read_hit, arena, "search the answers", out, count, cause);
}
