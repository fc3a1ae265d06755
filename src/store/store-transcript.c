/* store-transcript: transcripts of spoken answers with their words, and the full-text search over what
 * was said or typed (the answer_words FTS5 table of Snowball stems, written here as answers and
 * transcripts are saved, emptied by triggers when they go: see store.c's migrations 6 and 9). */
#include "store-internal.h"
#include "rebound/util.h"
#include "rebound/words.h"

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

static int insert_spots(struct store *store, long long answer_id, const struct store_transcript *t, char **cause)
{
	sqlite3_stmt *stmt;
	size_t i;
	int rc = 0;

	if (t->spot_count == 0)
		return 0;
	stmt = store_prepare(store, "INSERT INTO spot (answer_id, position, phrase, listened, score, start_ms, end_ms)"
			     " VALUES (?, ?, ?, ?, ?, ?, ?)", cause);
	if (stmt == NULL)
		return -1;
	for (i = 0; i < t->spot_count && rc == 0; i++) {
		const struct store_spot *s = &t->spots[i];
		sqlite3_bind_int64(stmt, 1, answer_id);
		sqlite3_bind_int64(stmt, 2, (long long)i + 1);
		store_bind_text(stmt, 3, s->phrase);
		sqlite3_bind_int(stmt, 4, s->listened != 0);
		if (s->detected) {
			sqlite3_bind_double(stmt, 5, s->score);
			sqlite3_bind_int64(stmt, 6, s->start_ms);
			sqlite3_bind_int64(stmt, 7, s->end_ms);
		}
		rc = store_step_done(store, stmt, "save what the keyword spotter heard", cause);
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
	if (rc == 0)
		rc = insert_words(store, answer_id, t, cause);
	if (rc == 0)
		rc = insert_spots(store, answer_id, t, cause);
	return rc == 0 ? store_index_answer(store, answer_id, t->text, cause) : -1;
}

/* ------------------------------------------------------------------------------------------------
 * The search index
 */

/* The bytes of the separator at s (0 where a word character starts): ASCII other than letters, digits and
 * the apostrophe; Latin-1 punctuation (U+0080-U+00BF, the no-break space); the General Punctuation block
 * (U+2000-U+206F: dashes, curly quotes, bullets, the ellipsis), as FTS5's unicode61 reads them. */
static size_t separator(const unsigned char *s)
{
	if (*s < 0x80)
		return isalnum(*s) || *s == '\'' || *s == '\0' ? 0 : 1;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0xbf)
		return 2;
	if (s[0] == 0xe2 && (s[1] == 0x80 || s[1] == 0x81) && s[2] >= 0x80 && s[2] <= 0xbf)
		return 3;
	return 0;
}

/* The next word of text from *p: its start and length (0 at the end); *p moves past it. */
static size_t next_word(const char **p, const char **start)
{
	const unsigned char *s = (const unsigned char *)*p;
	size_t n;

	while (*s != '\0' && (n = separator(s)) > 0)
		s += n;
	*start = (const char *)s;
	while (*s != '\0' && separator(s) == 0)
		s++;
	*p = (const char *)s;
	return (size_t)((const char *)s - *start);
}

/* A word's stem (words_normalise), in arena. */
static char *stem_of(const char *word, size_t length, struct arena *arena)
{
	char *copy = arena_strndup(arena, word, length);

	words_normalise(copy);
	return copy;
}

/* The stems of text's words, separated by spaces, in arena. */
static char *stems_of(const char *text, struct arena *arena)
{
	char *out = arena_alloc(arena, strlen(text) + 1), *at = out;
	const char *p = text, *start;
	size_t n;

	while ((n = next_word(&p, &start)) > 0) {
		char *stem = stem_of(start, n, arena);
		size_t k = strlen(stem);
		if (at != out)
			*at++ = ' ';
		memcpy(at, stem, k);
		at += k;
	}
	*at = '\0';
	return out;
}

int store_index_answer(struct store *store, long long answer_id, const char *text, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "DELETE FROM answer_words WHERE rowid = ?", cause);
	struct arena arena;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	rc = store_step_done(store, stmt, "index an answer", cause);
	sqlite3_finalize(stmt);
	if (rc != 0 || text == NULL || *text == '\0')
		return rc;
	if ((stmt = store_prepare(store, "INSERT INTO answer_words (rowid, stems) VALUES (?, ?)", cause)) == NULL)
		return -1;
	arena_init(&arena);
	sqlite3_bind_int64(stmt, 1, answer_id);
	store_bind_text(stmt, 2, stems_of(text, &arena));
	rc = store_step_done(store, stmt, "index an answer", cause);
	sqlite3_finalize(stmt);
	arena_release(&arena);
	return rc;
}

static void read_indexable(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_search_hit *h = item;	/* only the id and the text */

	h->answer_id = sqlite3_column_int64(stmt, 0);
	h->snippet = store_column_text(stmt, 1, arena);
}

int store_index_all(struct store *store, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT a.id, coalesce(t.text, a.text) FROM answer a"
					   " LEFT JOIN transcript t ON t.answer_id = a.id"
					   " WHERE coalesce(t.text, a.text, '') != '' ORDER BY a.id", cause);
	struct store_search_hit *rows = NULL;
	struct arena arena;
	size_t count = 0, i;
	int rc;

	if (stmt == NULL)
		return -1;
	arena_init(&arena);
	rc = store_read_list(store, stmt, sizeof *rows, read_indexable, &arena, "read the answers to index", &rows,
			     &count, cause);
	for (i = 0; rc == 0 && i < count; i++)
		rc = store_index_answer(store, rows[i].answer_id, rows[i].snippet, cause);
	arena_release(&arena);
	return rc;
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

static void read_spot(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_spot *s = item;

	s->phrase = store_column_text(stmt, 0, arena);
	s->listened = sqlite3_column_int(stmt, 1);
	s->detected = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
	s->score = sqlite3_column_double(stmt, 2);
	s->start_ms = sqlite3_column_int64(stmt, 3);
	s->end_ms = sqlite3_column_int64(stmt, 4);
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
	struct store_spot *spots = NULL;
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
	stmt = store_prepare(store, "SELECT phrase, listened, score, start_ms, end_ms FROM spot WHERE answer_id = ?"
			     " ORDER BY position", cause);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	if (store_read_list(store, stmt, sizeof *spots, read_spot, arena, "read what the keyword spotter heard",
			    &spots, &out->spot_count, cause) != 0)
		return -1;
	out->spots = spots;
	return 1;
}

/* ------------------------------------------------------------------------------------------------
 * Search
 */

/* The FTS5 query for the words of text: each word's stem as a quoted string, so that nothing the user
 * types is read as query syntax. NULL when there is no word. */
static char *fts_query(const char *text, struct arena *arena)
{
	char *query = arena_alloc(arena, strlen(text) * 3 + 3), *at = query;
	const char *p = text, *start;
	size_t n;

	while ((n = next_word(&p, &start)) > 0) {
		char *stem = stem_of(start, n, arena), *c;
		if (at != query)
			*at++ = ' ';
		*at++ = '"';
		for (c = stem; *c != '\0'; c++)
			if (*c != '"')
				*at++ = *c;
		*at++ = '"';
	}
	*at = '\0';
	return at == query ? NULL : query;
}

#define SNIPPET_WORDS 12	/* words of an answer shown around what a search found */

/* 1 if the stem of the word [start, start + n) is one of the query's. */
static int is_query_word(const char *start, size_t n, const char *query, struct arena *arena)
{
	char *stem = stem_of(start, n, arena), *quoted = arena_alloc(arena, strlen(stem) + 3);

	sprintf(quoted, "\"%s\"", stem);
	return strstr(query, quoted) != NULL;
}

/* The part of text around the words the query found, those words between [ and ], "..." where text was
 * left out: the window of SNIPPET_WORDS words that holds the most of them, the earliest of equals. */
static const char *snippet_of(const char *text, const char *query, struct arena *arena)
{
	size_t count = 0, room = 0, i, best = 0, best_hits = 0, first, last, hits;
	struct { const char *start; size_t n; int hit; } *w = NULL;
	const char *p = text, *start;
	char *out, *at;
	size_t n;

	while ((n = next_word(&p, &start)) > 0) {
		xgrow(&w, &room, count + 1, sizeof *w);
		w[count].start = start;
		w[count].n = n;
		w[count++].hit = is_query_word(start, n, query, arena);
	}
	for (first = 0; first < count; first++) {
		for (hits = 0, i = first; i < count && i < first + SNIPPET_WORDS; i++)
			hits += (size_t)w[i].hit;
		if (hits > best_hits) {
			best_hits = hits;
			best = first;
		}
	}
	last = best + SNIPPET_WORDS < count ? best + SNIPPET_WORDS : count;
	out = at = arena_alloc(arena, strlen(text) + 2 * count + 8);
	if (count == 0) {
		free(w);
		return arena_strdup(arena, text);
	}
	if (best > 0)
		at += sprintf(at, "...");
	for (p = best > 0 ? w[best].start : text, i = best; i < last; i++) {
		memcpy(at, p, (size_t)(w[i].start - p));	/* the separator before the word */
		at += w[i].start - p;
		at += sprintf(at, w[i].hit ? "[%.*s]" : "%.*s", (int)w[i].n, w[i].start);
		p = w[i].start + w[i].n;
	}
	strcpy(at, last < count ? "..." : p);	/* what follows the last word, at the end of the text */
	free(w);
	return out;
}

static void read_hit(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_search_hit *h = item;

	h->answer_id = sqlite3_column_int64(stmt, 0);
	h->session_id = sqlite3_column_int64(stmt, 1);
	h->question_id = store_column_text(stmt, 2, arena);
	h->mode = store_column_text(stmt, 3, arena);
	h->answered_at = store_column_text(stmt, 4, arena);
	h->snippet = store_column_text(stmt, 5, arena);	/* the whole text, until store_search cuts it */
	h->confidence = sqlite3_column_double(stmt, 6);
}

int store_search(struct store *store, const char *text, int limit, struct arena *arena, struct store_search_hit **out,
		 size_t *count, char **cause)
{
	const char *query = fts_query(text, arena);
	sqlite3_stmt *stmt;
	size_t i;

	*out = NULL;
	*count = 0;
	if (query == NULL)
		return 0;
	stmt = store_prepare(store, "SELECT a.id, a.session_id, a.question_id, a.mode, a.answered_at,"
			     " coalesce(t.text, a.text, ''), ifnull(t.confidence, -1)"
			     " FROM answer_words JOIN answer a ON a.id = answer_words.rowid"
			     " JOIN session s ON s.id = a.session_id LEFT JOIN transcript t ON t.answer_id = a.id"
			     " WHERE answer_words MATCH ? AND s.status != 'discarded'"
			     " ORDER BY rank, a.id DESC LIMIT ?", cause);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, query);
	sqlite3_bind_int(stmt, 2, limit);
	if (store_read_list(store, stmt, sizeof **out, read_hit, arena, "search the answers", out, count, cause) != 0)
		return -1;
	for (i = 0; i < *count; i++)
		(*out)[i].snippet = snippet_of((*out)[i].snippet, query, arena);
	return 0;
}
