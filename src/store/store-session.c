/* store-session: sessions, answers, ratings and the progress queries over them.
 * Every write is one transaction, so a session cut short keeps each answer that was finished. */
#include "rebound/date.h"
#include "store-internal.h"
#include "rebound/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Binds a store_range to ?1 (since) and ?2 (first_id). */
static void bind_range(sqlite3_stmt *stmt, const struct store_range *range)
{
	store_bind_text(stmt, 1, range->since);
	sqlite3_bind_int64(stmt, 2, range->first_id);
}

/* ------------------------------------------------------------------------------------------------
 * Sessions
 */

long long store_session_create(struct store *store, const struct store_session *spec,
			       const char *const *question_ids, size_t count, char **cause)
{
	sqlite3_stmt *session = NULL, *planned = NULL;
	long long id = -1;
	size_t i;

	if (store_begin(store, cause) != 0)
		return -1;
	session = store_prepare(store, "INSERT INTO session (kind, started_at, status, bank, stage, theme,"
				" planned_count, think_seconds, answer_seconds, follow_ups, spoken)"
				" VALUES (?, " NOW_SQL ", 'open', ?, ?, ?, ?, ?, ?, ?, ?)", cause);
	planned = session ? store_prepare(store, "INSERT INTO session_question (session_id, position, question_id)"
					  " VALUES (?, ?, ?)", cause) : NULL;
	if (session == NULL || planned == NULL)
		goto out;
	store_bind_text(session, 1, spec->kind);
	store_bind_text(session, 2, spec->bank);
	store_bind_text(session, 3, spec->stage);
	store_bind_text(session, 4, spec->theme);
	sqlite3_bind_int64(session, 5, (sqlite3_int64)count);
	store_bind_optional_int(session, 6, spec->think_seconds);
	store_bind_optional_int(session, 7, spec->answer_seconds);
	sqlite3_bind_int(session, 8, spec->follow_ups);
	sqlite3_bind_int(session, 9, spec->spoken);
	if (store_step_done(store, session, "start a session", cause) != 0)
		goto out;
	id = sqlite3_last_insert_rowid(store->db);
	for (i = 0; i < count; i++) {
		sqlite3_bind_int64(planned, 1, id);
		sqlite3_bind_int64(planned, 2, (sqlite3_int64)i + 1);
		store_bind_text(planned, 3, question_ids[i]);
		if (store_step_done(store, planned, "plan a session's questions", cause) != 0) {
			id = -1;
			goto out;
		}
	}
	if (store_commit(store, cause) != 0)
		id = -1;
out:
	sqlite3_finalize(session);
	sqlite3_finalize(planned);
	if (id < 0)
		store_rollback(store);
	return id;
}

#define SESSION_COLUMNS \
	"SELECT s.id, s.kind, s.status, s.started_at, s.ended_at, s.bank, s.stage, s.theme, s.planned_count," \
	" s.think_seconds, s.answer_seconds, s.follow_ups, s.spoken," \
	" s.answer_count," \
	" (SELECT SUM(score_sum) FROM session_theme t WHERE t.session_id = s.id)," \
	" (SELECT SUM(score_count) FROM session_theme t WHERE t.session_id = s.id) FROM session s"

static void read_session(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_session *s = item;
	int sum;

	s->id = sqlite3_column_int64(stmt, 0);
	s->kind = store_column_text(stmt, 1, arena);
	s->status = store_column_text(stmt, 2, arena);
	s->started_at = store_column_text(stmt, 3, arena);
	s->ended_at = store_column_text(stmt, 4, arena);
	s->bank = store_column_text(stmt, 5, arena);
	s->stage = store_column_text(stmt, 6, arena);
	s->theme = store_column_text(stmt, 7, arena);
	s->planned_count = sqlite3_column_int(stmt, 8);
	s->think_seconds = store_column_int_or(stmt, 9, -1);
	s->answer_seconds = store_column_int_or(stmt, 10, -1);
	s->follow_ups = sqlite3_column_int(stmt, 11);
	s->spoken = sqlite3_column_int(stmt, 12);
	s->answered = sqlite3_column_int(stmt, 13);
	sum = sqlite3_column_int(stmt, 14);
	s->rating_count = sqlite3_column_int(stmt, 15);
	s->rating_avg = s->rating_count > 0 ? (double)sum / s->rating_count : 0;
}

int store_session_get(struct store *store, long long id, struct arena *arena, struct store_session *out,
		      char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, SESSION_COLUMNS " WHERE s.id = ?", cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	return store_read_one(store, stmt, sizeof *out, read_session, arena, "read a session", out, cause);
}

int store_session_list(struct store *store, int include_discarded, int limit, struct arena *arena,
		       struct store_session **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, SESSION_COLUMNS " WHERE ?1 OR s.status != 'discarded'"
					   " ORDER BY s.id DESC LIMIT ?2", cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 1, include_discarded);
	sqlite3_bind_int(stmt, 2, limit > 0 ? limit : -1);
	return store_read_list(store, stmt, sizeof **out, read_session, arena, "list sessions", out, count, cause);
}

long long store_session_last_open(struct store *store, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT MAX(id) FROM session WHERE status = 'open'", cause);
	long long id = -1;

	if (stmt == NULL)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);	/* NULL reads as 0 */
	else
		store_fail(store, cause, "find the open session");
	sqlite3_finalize(stmt);
	return id;
}

/* A row of one text column. */
static void read_text(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	*(const char **)item = store_column_text(stmt, 0, arena);
}

int store_session_questions(struct store *store, long long id, struct arena *arena, const char ***ids,
			    size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT question_id FROM session_question WHERE session_id = ?"
					   " ORDER BY position", cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	return store_read_list(store, stmt, sizeof **ids, read_text, arena, "read a session's questions", ids, count, cause);
}

/* Discarding a session takes its answers out of the drill schedule, in the same transaction. */
int store_session_close(struct store *store, long long id, const char *status, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "UPDATE session SET status = ?, ended_at = " NOW_SQL
					   " WHERE id = ?", cause);
	int rc = stmt ? store_begin(store, cause) : -1;

	if (rc == 0) {
		store_bind_text(stmt, 1, status);
		sqlite3_bind_int64(stmt, 2, id);
		rc = store_step_done(store, stmt, "close a session", cause);
		if (rc == 0 && strcmp(status, "discarded") == 0)
			rc = store_review_refresh_session(store, id, cause);
		if (rc == 0)
			rc = store_commit(store, cause);
		if (rc != 0)
			store_rollback(store);
	}
	sqlite3_finalize(stmt);
	return rc;
}

int store_session_delete_empty(struct store *store, long long id, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "DELETE FROM session WHERE id = ?1 AND answer_count = 0", cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = store_step_done(store, stmt, "remove an empty session", cause);
	sqlite3_finalize(stmt);
	return rc == 0 ? sqlite3_changes(store->db) : -1;
}

/* ------------------------------------------------------------------------------------------------
 * Answers and ratings
 */

static int add_recording(struct store *store, long long answer_id, const struct store_recording *r, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT INTO recording (answer_id, path, sample_rate, channels, frames,"
					   " dropped_frames, speaking_ms, silence_ratio, long_pauses, longest_pause_ms,"
					   " syllables, pace_wpm, unwritten_frames, speech_start_ms, speech_end_ms, created_at)"
					   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " NOW_SQL ")", cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	store_bind_text(stmt, 2, r->path);
	sqlite3_bind_int(stmt, 3, r->sample_rate);
	sqlite3_bind_int(stmt, 4, r->channels);
	sqlite3_bind_int64(stmt, 5, r->frames);
	sqlite3_bind_int64(stmt, 6, r->dropped_frames);
	sqlite3_bind_int64(stmt, 7, r->speaking_ms);
	sqlite3_bind_double(stmt, 8, r->silence_ratio);
	sqlite3_bind_int(stmt, 9, r->long_pauses);
	sqlite3_bind_int64(stmt, 10, r->longest_pause_ms);
	sqlite3_bind_int(stmt, 11, r->syllables);
	if (r->pace_wpm > 0)
		sqlite3_bind_double(stmt, 12, r->pace_wpm);
	sqlite3_bind_int64(stmt, 13, r->unwritten_frames);
	if (r->speech_end_ms >= 0) {
		sqlite3_bind_int64(stmt, 14, r->speech_start_ms);
		sqlite3_bind_int64(stmt, 15, r->speech_end_ms);
	}
	rc = store_step_done(store, stmt, "save a recording", cause);
	sqlite3_finalize(stmt);
	return rc;
}

int store_evidence_add_locked(struct store *store, long long answer_id, const struct store_evidence *e, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT INTO evidence (answer_id, source, situation, task, action,"
					   " result, ends_at_action, generic, numbers, dates, i_actions, we_actions, words,"
					   " keywords_said, keywords_total, points_said, points_total, created_at)"
					   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " NOW_SQL ")", cause);
	const int values[] = { e->situation, e->task, e->action, e->result, e->ends_at_action, e->generic, e->numbers,
			       e->dates, e->i_actions, e->we_actions, e->words, e->keywords_said, e->keywords_total,
			       e->points_said, e->points_total };
	size_t i;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	store_bind_text(stmt, 2, e->source);
	for (i = 0; i < sizeof values / sizeof *values; i++)
		sqlite3_bind_int(stmt, (int)i + 3, values[i]);
	rc = store_step_done(store, stmt, "save an answer's evidence", cause);
	sqlite3_finalize(stmt);
	return rc;
}

/* The columns read_evidence reads, in its order. */
#define EVIDENCE_COLUMNS "e.source, e.situation, e.task, e.action, e.result, e.ends_at_action, e.generic," \
	" e.numbers, e.dates, e.i_actions, e.we_actions, e.words, e.keywords_said, e.keywords_total," \
	" e.points_said, e.points_total"

static void read_evidence(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_evidence *e = item;
	int *fields[] = { &e->situation, &e->task, &e->action, &e->result, &e->ends_at_action, &e->generic,
			  &e->numbers, &e->dates, &e->i_actions, &e->we_actions, &e->words, &e->keywords_said,
			  &e->keywords_total, &e->points_said, &e->points_total };
	size_t i;

	e->source = store_column_text(stmt, 0, arena);
	for (i = 0; i < sizeof fields / sizeof *fields; i++)
		*fields[i] = sqlite3_column_int(stmt, (int)i + 1);
}

static void read_rated_evidence(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_rated_evidence *r = item;

	r->score = sqlite3_column_int(stmt, 16);
	read_evidence(stmt, arena, &r->evidence);
}

int store_rated_evidence(struct store *store, const char *theme_id, int limit, struct arena *arena,
			 struct store_rated_evidence **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT " EVIDENCE_COLUMNS ", r.score"
					   /* from the evidence, which only answers since schema 8 have */
					   " FROM evidence e CROSS JOIN rating r ON r.answer_id = e.answer_id"
					   " JOIN answer a ON a.id = r.answer_id JOIN session s ON s.id = a.session_id"
					   " WHERE r.theme_id = ? AND s.status != 'discarded'"
					   " ORDER BY r.rated_at DESC, r.answer_id DESC LIMIT ?", cause);

	*out = NULL;
	*count = 0;
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, theme_id);
	sqlite3_bind_int(stmt, 2, limit);
	return store_read_list(store, stmt, sizeof **out, read_rated_evidence, arena, "read ratings with evidence",
			       out, count, cause);
}

int store_evidence_get(struct store *store, long long answer_id, struct arena *arena, struct store_evidence *out,
		       char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT " EVIDENCE_COLUMNS " FROM evidence e WHERE answer_id = ?",
					   cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	return store_read_one(store, stmt, sizeof *out, read_evidence, arena, "read an answer's evidence", out, cause);
}

/* Saves the answer and what comes with it inside the caller's transaction; its id, or -1 with *cause. */
static long long insert_answer_locked(struct store *store, const struct store_answer *a, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT INTO answer (session_id, position, question_id,"
					   " question_text, follow_up_of, mode, text, think_limit_seconds, think_used_ms,"
					   " answer_limit_seconds, answer_used_ms, overtime, stopped_by, answered_at)"
					   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " NOW_SQL ")", cause);
	long long id = -1;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, a->session_id);
	sqlite3_bind_int(stmt, 2, a->position);
	store_bind_text(stmt, 3, a->question_id);
	store_bind_text(stmt, 4, a->question_text);
	if (a->follow_up_of > 0)
		sqlite3_bind_int64(stmt, 5, a->follow_up_of);
	store_bind_text(stmt, 6, a->mode);
	store_bind_text(stmt, 7, a->text);
	sqlite3_bind_int(stmt, 8, a->think_limit_seconds);
	sqlite3_bind_int64(stmt, 9, a->think_used_ms);
	sqlite3_bind_int(stmt, 10, a->answer_limit_seconds);
	sqlite3_bind_int64(stmt, 11, a->answer_used_ms);
	sqlite3_bind_int(stmt, 12, a->overtime);
	store_bind_text(stmt, 13, a->stopped_by);
	if (store_step_done(store, stmt, "save an answer", cause) == 0)
		id = sqlite3_last_insert_rowid(store->db);
	sqlite3_finalize(stmt);
	if (id > 0 && a->recording != NULL && add_recording(store, id, a->recording, cause) != 0)
		return -1;
	if (id > 0 && a->recording != NULL && a->transcript != NULL &&
	    store_transcript_add_locked(store, id, a->transcript, cause) != 0)
		return -1;
	if (id > 0 && !(a->recording != NULL && a->transcript != NULL) && store_index_answer(store, id, a->text, cause) != 0)
		return -1;
	if (id > 0 && a->evidence != NULL && store_evidence_add_locked(store, id, a->evidence, cause) != 0)
		return -1;
	return id;
}

/* Removes unrated answer id inside the caller's transaction: 0, or -1 with *cause. */
static int remove_unrated_locked(struct store *store, long long id, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "DELETE FROM answer WHERE id = ? AND rated_at IS NULL", cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = store_step_done(store, stmt, "replace an answer", cause);
	sqlite3_finalize(stmt);
	if (rc == 0 && sqlite3_changes(store->db) != 1) {
		util_fail(cause, "answer %lld is rated or gone: it cannot be replaced", id);
		rc = -1;
	}
	return rc;
}

/* Removes answer old_id (0: none) and saves a in its place, in one transaction. */
static long long put_answer(struct store *store, long long old_id, const struct store_answer *a, char **cause)
{
	long long id = -1;

	if (store_begin(store, cause) != 0)
		return -1;
	if (old_id <= 0 || remove_unrated_locked(store, old_id, cause) == 0)
		id = insert_answer_locked(store, a, cause);
	if (id < 0 || store_commit(store, cause) != 0) {
		store_rollback(store);
		id = -1;
	}
	return id;
}

long long store_answer_add(struct store *store, const struct store_answer *a, char **cause)
{
	return put_answer(store, 0, a, cause);
}

long long store_answer_replace(struct store *store, long long old_id, const struct store_answer *a, char **cause)
{
	return put_answer(store, old_id, a, cause);
}

long long store_recording_length_ms(const struct store_recording *r)
{
	if (r->speech_end_ms > r->speech_start_ms)
		return r->speech_end_ms - r->speech_start_ms;
	return r->sample_rate > 0 ? r->frames * 1000 / r->sample_rate : 0;
}

static void read_recording(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_recording *out = item;

	out->path = store_column_text(stmt, 0, arena);
	out->sample_rate = sqlite3_column_int(stmt, 1);
	out->channels = sqlite3_column_int(stmt, 2);
	out->frames = sqlite3_column_int64(stmt, 3);
	out->dropped_frames = sqlite3_column_int64(stmt, 4);
	out->speaking_ms = sqlite3_column_int64(stmt, 5);
	out->silence_ratio = sqlite3_column_double(stmt, 6);
	out->long_pauses = sqlite3_column_int(stmt, 7);
	out->longest_pause_ms = sqlite3_column_int64(stmt, 8);
	out->syllables = sqlite3_column_int(stmt, 9);
	out->pace_wpm = sqlite3_column_double(stmt, 10);
	out->unwritten_frames = sqlite3_column_int64(stmt, 11);
	out->speech_start_ms = sqlite3_column_int64(stmt, 12);
	out->speech_end_ms = sqlite3_column_int64(stmt, 13);
}

static void read_nothing(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	(void)stmt;
	(void)arena;
	(void)item;
}

int store_recording_path_used(struct store *store, const char *path, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT 1 FROM recording WHERE path = ?", cause);
	char unused;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, path);
	return store_read_one(store, stmt, 0, read_nothing, NULL, "look up a recording", &unused, cause);
}

int store_recording_move(struct store *store, long long answer_id, const char *old_path, const char *new_path,
			 char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "UPDATE recording SET path = ?3 WHERE answer_id = ?1 AND path = ?2",
					   cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	store_bind_text(stmt, 2, old_path);
	store_bind_text(stmt, 3, new_path);
	rc = store_step_done(store, stmt, "move a recording", cause);
	sqlite3_finalize(stmt);
	return rc != 0 ? -1 : sqlite3_changes(store->db) > 0;
}

int store_recording_get(struct store *store, long long answer_id, struct arena *arena, struct store_recording *out,
			char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT path, sample_rate, channels, frames, dropped_frames,"
					   " ifnull(speaking_ms, 0), ifnull(silence_ratio, 0), ifnull(long_pauses, 0),"
					   " ifnull(longest_pause_ms, 0), ifnull(syllables, 0), ifnull(pace_wpm, 0),"
					   " unwritten_frames, ifnull(speech_start_ms, -1), ifnull(speech_end_ms, -1)"
					   " FROM recording WHERE answer_id = ?", cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	return store_read_one(store, stmt, sizeof *out, read_recording, arena, "read a recording", out, cause);
}

#define ANSWER_COLUMNS \
	"SELECT id, session_id, follow_up_of, position, question_id, question_text, mode, text," \
	" think_limit_seconds, answer_limit_seconds, think_used_ms, answer_used_ms, overtime, stopped_by, note," \
	" answered_at, rated_at FROM answer"

static void read_answer(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_answer *a = item;

	a->id = sqlite3_column_int64(stmt, 0);
	a->session_id = sqlite3_column_int64(stmt, 1);
	a->follow_up_of = sqlite3_column_int64(stmt, 2);
	a->position = sqlite3_column_int(stmt, 3);
	a->question_id = store_column_text(stmt, 4, arena);
	a->question_text = store_column_text(stmt, 5, arena);
	a->mode = store_column_text(stmt, 6, arena);
	a->text = store_column_text(stmt, 7, arena);
	a->think_limit_seconds = sqlite3_column_int(stmt, 8);
	a->answer_limit_seconds = sqlite3_column_int(stmt, 9);
	a->think_used_ms = sqlite3_column_int64(stmt, 10);
	a->answer_used_ms = sqlite3_column_int64(stmt, 11);
	a->overtime = sqlite3_column_int(stmt, 12);
	a->stopped_by = store_column_text(stmt, 13, arena);
	a->note = store_column_text(stmt, 14, arena);
	a->answered_at = store_column_text(stmt, 15, arena);
	a->rated_at = store_column_text(stmt, 16, arena);
}

int store_answer_get(struct store *store, long long id, struct arena *arena, struct store_answer *out,
		     char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, ANSWER_COLUMNS " WHERE id = ?", cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	return store_read_one(store, stmt, sizeof *out, read_answer, arena, "read an answer", out, cause);
}

int store_answer_list(struct store *store, long long session_id, struct arena *arena,
		      struct store_answer **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, ANSWER_COLUMNS " WHERE session_id = ?"
					   " ORDER BY position, follow_up_of IS NOT NULL, id", cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, session_id);
	return store_read_list(store, stmt, sizeof **out, read_answer, arena, "read a session's answers", out, count, cause);
}

int store_answer_list_recorded(struct store *store, const char *question_id, struct arena *arena,
			       struct store_answer **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, ANSWER_COLUMNS " WHERE question_id = ?"
					   " AND id IN (SELECT answer_id FROM recording) AND session_id IN"
					   " (SELECT id FROM session WHERE status != 'discarded') ORDER BY id", cause);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, question_id);
	return store_read_list(store, stmt, sizeof **out, read_answer, arena, "read a question's recordings", out, count, cause);
}

int store_answer_list_untranscribed(struct store *store, struct arena *arena, struct store_answer **out,
				    size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, ANSWER_COLUMNS " WHERE id IN (SELECT answer_id FROM recording)"
					   " AND id NOT IN (SELECT answer_id FROM transcript) AND session_id IN"
					   " (SELECT id FROM session WHERE status != 'discarded') ORDER BY id", cause);

	if (stmt == NULL)
		return -1;
	return store_read_list(store, stmt, sizeof **out, read_answer, arena, "read the recordings", out, count, cause);
}

int store_rating_save(struct store *store, long long answer_id, const struct store_rating *ratings,
		      size_t count, const char *note, char **cause)
{
	sqlite3_stmt *clear = store_prepare(store, "DELETE FROM rating WHERE answer_id = ?", cause);
	sqlite3_stmt *insert = clear ? store_prepare(store, "INSERT INTO rating (answer_id, theme_id, score, rated_at)"
						     " VALUES (?, ?, ?, " NOW_SQL ")", cause) : NULL;
	sqlite3_stmt *mark = insert ? store_prepare(store, "UPDATE answer SET note = ?, rated_at = " NOW_SQL
						    " WHERE id = ?", cause) : NULL;
	int rc = clear && insert && mark ? store_begin(store, cause) : -1;
	size_t i;

	if (rc == 0) {
		sqlite3_bind_int64(clear, 1, answer_id);
		rc = store_step_done(store, clear, "clear an answer's ratings", cause);
		for (i = 0; rc == 0 && i < count; i++) {
			sqlite3_bind_int64(insert, 1, answer_id);
			store_bind_text(insert, 2, ratings[i].theme_id);
			sqlite3_bind_int(insert, 3, ratings[i].score);
			rc = store_step_done(store, insert, "save a rating", cause);
		}
		if (rc == 0) {
			store_bind_text(mark, 1, note != NULL && *note != '\0' ? note : NULL);
			sqlite3_bind_int64(mark, 2, answer_id);
			rc = store_step_done(store, mark, "save an answer's note", cause);
		}
		if (rc == 0)
			rc = store_review_refresh_answer(store, answer_id, cause);
		if (rc == 0)
			rc = store_commit(store, cause);
		if (rc != 0)
			store_rollback(store);
	}
	sqlite3_finalize(clear);
	sqlite3_finalize(insert);
	sqlite3_finalize(mark);
	return rc;
}

static void read_rating(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_rating *r = item;

	r->theme_id = store_column_text(stmt, 0, arena);
	r->score = sqlite3_column_int(stmt, 1);
}

int store_rating_list(struct store *store, long long answer_id, struct arena *arena,
		      struct store_rating **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT r.theme_id, r.score FROM rating r"
					   " LEFT JOIN theme t ON t.id = r.theme_id WHERE r.answer_id = ?"
					   " ORDER BY t.position, r.theme_id", cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, answer_id);
	return store_read_list(store, stmt, sizeof **out, read_rating, arena, "read ratings", out, count, cause);
}

int store_question_recency(struct store *store, struct arena *arena, struct map *map, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT a.question_id, MAX(a.id) FROM answer a"
					   " JOIN session s ON s.id = a.session_id WHERE s.status != 'discarded'"
					   " GROUP BY a.question_id", cause);
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		map_put(map, store_column_text(stmt, 0, arena), (void *)(intptr_t)sqlite3_column_int64(stmt, 1));
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(store, cause, "read when questions were last asked");
}

/* ------------------------------------------------------------------------------------------------
 * Progress
 */

static void read_point(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_theme_point *p = item;

	p->theme_id = store_column_text(stmt, 0, arena);
	p->session_id = sqlite3_column_int64(stmt, 1);
	p->sum = sqlite3_column_int(stmt, 2);
	p->count = sqlite3_column_int(stmt, 3);
}

int store_theme_points(struct store *store, const struct store_range *range, struct arena *arena,
		       struct store_theme_point **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT t.theme_id, t.session_id, t.score_sum, t.score_count"
					   " FROM session_theme t JOIN session s ON s.id = t.session_id"
					   " WHERE s.status != 'discarded' AND (?1 IS NULL OR s.started_at >= ?1)"
					   " AND s.id >= ?2 ORDER BY t.theme_id, t.session_id", cause);

	if (stmt == NULL)
		return -1;
	bind_range(stmt, range);
	return store_read_list(store, stmt, sizeof **out, read_point, arena, "read progress", out, count, cause);
}

static void read_evidence_point(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_evidence_point *p = item;

	p->theme_id = store_column_text(stmt, 0, arena);
	p->session_id = sqlite3_column_int64(stmt, 1);
	p->answers = sqlite3_column_int(stmt, 2);
	p->with_result = sqlite3_column_int(stmt, 3);
	p->with_number = sqlite3_column_int(stmt, 4);
}

int store_evidence_points(struct store *store, const struct store_range *range, struct arena *arena,
			  struct store_evidence_point **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT r.theme_id, a.session_id, COUNT(*), SUM(e.result),"
					   " SUM(e.numbers > 0) FROM evidence e CROSS JOIN rating r ON r.answer_id = e.answer_id"
					   " JOIN answer a ON a.id = r.answer_id JOIN session s ON s.id = a.session_id"
					   " WHERE s.status != 'discarded' AND (?1 IS NULL OR s.started_at >= ?1)"
					   " AND s.id >= ?2 GROUP BY r.theme_id, a.session_id"
					   " ORDER BY r.theme_id, a.session_id", cause);

	if (stmt == NULL)
		return -1;
	bind_range(stmt, range);
	return store_read_list(store, stmt, sizeof **out, read_evidence_point, arena, "read the evidence per session",
			       out, count, cause);
}

static void read_speaking(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_speaking_point *p = item;

	(void)arena;
	p->session_id = sqlite3_column_int64(stmt, 0);
	p->recordings = sqlite3_column_int(stmt, 1);
	p->silence_ratio = sqlite3_column_double(stmt, 2);
	p->long_pauses = sqlite3_column_double(stmt, 3);
	p->pace_wpm = sqlite3_column_double(stmt, 4);
	p->fillers_per_minute = sqlite3_column_double(stmt, 5);
	p->hedges_per_minute = sqlite3_column_double(stmt, 6);
}

int store_speaking_points(struct store *store, const struct store_range *range, const struct store_clear_enough *clear,
			  struct arena *arena, struct store_speaking_point **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT a.session_id, COUNT(*), AVG(r.silence_ratio), AVG(r.long_pauses),"
					   " ifnull(AVG(r.pace_wpm), 0),"
					   " ifnull(SUM(t.filler_count) * 60000.0 / nullif(SUM(CASE WHEN t.answer_id IS NOT NULL"
					   "   THEN r.speaking_ms END), 0), -1),"
					   " ifnull(SUM(t.hedge_count) * 60000.0 / nullif(SUM(CASE WHEN t.answer_id IS NOT NULL"
					   "   THEN r.speaking_ms END), 0), -1)"
					   " FROM recording r JOIN answer a ON a.id = r.answer_id"
					   " LEFT JOIN transcript t ON t.answer_id = r.answer_id AND t.confidence >= ?3"
					   "   AND r.speaking_ms >= ?4"
					   " JOIN session s ON s.id = a.session_id WHERE s.status != 'discarded'"
					   " AND (?1 IS NULL OR s.started_at >= ?1) AND s.id >= ?2"
					   " GROUP BY a.session_id ORDER BY a.session_id", cause);

	if (stmt == NULL)
		return -1;
	bind_range(stmt, range);
	sqlite3_bind_double(stmt, 3, clear->confidence);
	sqlite3_bind_int64(stmt, 4, clear->speaking_ms);
	return store_read_list(store, stmt, sizeof **out, read_speaking, arena, "read speaking figures", out, count, cause);
}

static void read_sum(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_theme_sum *s = item;

	s->theme_id = store_column_text(stmt, 0, arena);
	s->sum = sqlite3_column_int(stmt, 1);
	s->count = sqlite3_column_int(stmt, 2);
}

int store_theme_sums(struct store *store, long long session_id, int before, struct arena *arena,
		     struct store_theme_sum **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, before ?
		"SELECT t.theme_id, SUM(t.score_sum), SUM(t.score_count) FROM session_theme t"
		" JOIN session s ON s.id = t.session_id WHERE t.session_id < ? AND s.status != 'discarded'"
		" GROUP BY t.theme_id ORDER BY t.theme_id" :
		"SELECT theme_id, score_sum, score_count FROM session_theme WHERE session_id = ? ORDER BY theme_id",
		cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, session_id);
	return store_read_list(store, stmt, sizeof **out, read_sum, arena, "read theme averages", out, count, cause);
}

/* One session's part of the totals. */
struct session_total {
	const char *started_at;
	long long answers, rated, answer_ms;
};

static void read_session_total(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct session_total *t = item;

	t->started_at = store_column_text(stmt, 0, arena);
	t->answers = sqlite3_column_int64(stmt, 1);
	t->rated = sqlite3_column_int64(stmt, 2);
	t->answer_ms = sqlite3_column_int64(stmt, 3);
}

int store_totals(struct store *store, const struct store_range *range, struct arena *arena, struct store_totals *totals,
		 const char ***starts, size_t *start_count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT started_at, answer_count, rated_count, answer_ms FROM session"
					   " WHERE status != 'discarded' AND (?1 IS NULL OR started_at >= ?1) AND id >= ?2"
					   " ORDER BY started_at", cause);
	struct session_total *sessions = NULL;
	size_t count = 0, i;

	if (stmt == NULL)
		return -1;
	bind_range(stmt, range);
	if (store_read_list(store, stmt, sizeof *sessions, read_session_total, arena, "count sessions", &sessions, &count,
		      cause) != 0)
		return -1;
	memset(totals, 0, sizeof *totals);
	*starts = arena_alloc(arena, (count + 1) * sizeof **starts);
	for (i = 0; i < count; i++) {
		(*starts)[i] = sessions[i].started_at;
		totals->answers += sessions[i].answers;
		totals->rated_answers += sessions[i].rated;
		totals->answer_ms += sessions[i].answer_ms;
	}
	totals->sessions = (long long)count;
	*start_count = count;
	return 0;
}

static void read_session_times(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_session_times *t = item;

	t->session_id = sqlite3_column_int64(stmt, 0);
	t->started_at = store_column_text(stmt, 1, arena);
	t->answers = sqlite3_column_int(stmt, 2);
	t->at_limit = sqlite3_column_int(stmt, 3);
	t->used_seconds = sqlite3_column_double(stmt, 4);
	t->limit_seconds = sqlite3_column_double(stmt, 5);
}

int store_session_times(struct store *store, const struct store_range *range, struct arena *arena,
			struct store_session_times **out, size_t *count, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT s.id, s.started_at, COUNT(*), TOTAL(a.stopped_by = 'limit'),"
					   " AVG(a.answer_used_ms) / 1000.0, AVG(a.answer_limit_seconds)"
					   " FROM session s JOIN answer a ON a.session_id = s.id"
					   " WHERE s.status != 'discarded' AND (?1 IS NULL OR s.started_at >= ?1) AND s.id >= ?2"
					   " GROUP BY s.id ORDER BY s.id", cause);

	if (stmt == NULL)
		return -1;
	bind_range(stmt, range);
	return store_read_list(store, stmt, sizeof **out, read_session_times, arena, "time answers", out, count,
			       cause);
}
