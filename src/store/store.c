/* store: the SQLite database in the data dir (only src/store/ uses SQLite): opening, migrations,
 * and the store_* API. The schema is described in include/rebound/store.h. */
#include "rebound/date.h"
#include "rebound/sched.h"
#include "store-internal.h"
#include "rebound/util.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>


/* ------------------------------------------------------------------------------------------------
 * Migrations: migration N takes the schema from version N-1 to N. Never edit a released one.
 */

static const char *const migrations[STORE_LATEST_VERSION] = {
	/* 1: banks, themes, sessions, answers, ratings */
	"CREATE TABLE source_file ("
	"  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL,"
	"  error_count INTEGER NOT NULL DEFAULT 0, synced_at TEXT NOT NULL);"
	"CREATE TABLE stage (id TEXT PRIMARY KEY, title TEXT NOT NULL, position INTEGER NOT NULL);"
	"CREATE TABLE theme ("
	"  id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL,"
	"  rubric_1 TEXT NOT NULL, rubric_3 TEXT NOT NULL, rubric_5 TEXT NOT NULL, position INTEGER NOT NULL);"
	"CREATE TABLE bank ("
	"  name TEXT PRIMARY KEY, title TEXT NOT NULL, version INTEGER NOT NULL, path TEXT NOT NULL,"
	"  think_seconds INTEGER NOT NULL, answer_seconds INTEGER NOT NULL);"
	"CREATE TABLE question ("
	"  id TEXT PRIMARY KEY, bank TEXT NOT NULL, text TEXT NOT NULL,"
	"  difficulty INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),"
	"  think_seconds INTEGER NOT NULL, answer_seconds INTEGER NOT NULL,"
	"  retired INTEGER NOT NULL DEFAULT 0, first_seen TEXT NOT NULL);"
	"CREATE INDEX question_bank ON question(bank);"
	"CREATE TABLE question_theme ("
	"  question_id TEXT NOT NULL REFERENCES question(id) ON DELETE CASCADE, theme_id TEXT NOT NULL,"
	"  PRIMARY KEY (question_id, theme_id)) WITHOUT ROWID;"
	"CREATE TABLE question_stage ("
	"  question_id TEXT NOT NULL REFERENCES question(id) ON DELETE CASCADE, stage_id TEXT NOT NULL,"
	"  PRIMARY KEY (question_id, stage_id)) WITHOUT ROWID;"
	"CREATE TABLE session ("
	"  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('interview', 'drill')),"
	"  started_at TEXT NOT NULL, ended_at TEXT,"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished', 'discarded')),"
	"  bank TEXT, stage TEXT, theme TEXT, planned_count INTEGER, note TEXT);"
	"CREATE TABLE answer ("
	"  id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, question_id TEXT NOT NULL, question_text TEXT NOT NULL,"
	"  follow_up_of INTEGER REFERENCES answer(id) ON DELETE CASCADE,"
	"  mode TEXT NOT NULL CHECK (mode IN ('typed', 'spoken')), text TEXT,"
	"  think_limit_seconds INTEGER NOT NULL, think_used_ms INTEGER NOT NULL,"
	"  answer_limit_seconds INTEGER NOT NULL, answer_used_ms INTEGER NOT NULL,"
	"  overtime INTEGER NOT NULL DEFAULT 0,"
	"  stopped_by TEXT CHECK (stopped_by IN ('enter', 'eof', 'limit', 'interrupt')),"
	"  note TEXT, answered_at TEXT NOT NULL);"
	"CREATE INDEX answer_session ON answer(session_id, position);"
	"CREATE INDEX answer_question ON answer(question_id);"
	"CREATE TABLE rating ("
	"  answer_id INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE, theme_id TEXT NOT NULL,"
	"  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5), rated_at TEXT NOT NULL,"
	"  PRIMARY KEY (answer_id, theme_id)) WITHOUT ROWID;"
	"CREATE INDEX rating_theme ON rating(theme_id);",

	/* 2: recordings, the rejection log, the growth plan, spaced repetition */
	"CREATE TABLE recording ("
	"  id INTEGER PRIMARY KEY, answer_id INTEGER NOT NULL UNIQUE REFERENCES answer(id) ON DELETE CASCADE,"
	"  path TEXT NOT NULL, sample_rate INTEGER NOT NULL, channels INTEGER NOT NULL,"
	"  frames INTEGER NOT NULL DEFAULT 0, dropped_frames INTEGER NOT NULL DEFAULT 0,"
	"  speaking_ms INTEGER, silence_ratio REAL, long_pauses INTEGER, longest_pause_ms INTEGER,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE rejection ("
	"  id INTEGER PRIMARY KEY, company TEXT NOT NULL, role TEXT NOT NULL, rejected_on TEXT NOT NULL,"
	"  stage_reached TEXT, interviewer TEXT, feedback TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);"
	"CREATE TABLE rejection_theme ("
	"  rejection_id INTEGER NOT NULL REFERENCES rejection(id) ON DELETE CASCADE, theme_id TEXT NOT NULL,"
	"  reason TEXT, PRIMARY KEY (rejection_id, theme_id)) WITHOUT ROWID;"
	"CREATE TABLE reflection ("
	"  rejection_id INTEGER NOT NULL REFERENCES rejection(id) ON DELETE CASCADE, stage_id TEXT NOT NULL,"
	"  went_well TEXT, do_better TEXT, PRIMARY KEY (rejection_id, stage_id)) WITHOUT ROWID;"
	"CREATE TABLE plan_action ("
	"  id INTEGER PRIMARY KEY, theme_id TEXT NOT NULL,"
	"  rejection_id INTEGER REFERENCES rejection(id) ON DELETE SET NULL, text TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),"
	"  due_on TEXT, created_at TEXT NOT NULL, done_at TEXT);"
	"CREATE TABLE review ("
	"  question_id TEXT PRIMARY KEY, due_on TEXT NOT NULL, interval_days REAL NOT NULL,"
	"  ease REAL NOT NULL, repetitions INTEGER NOT NULL, last_reviewed_at TEXT);",

	/* 3: what a session plans to ask (for resume), its clock settings, when an answer was rated, and
	 * running totals kept by triggers so that progress never scans every answer or rating:
	 * per session (answers, rated answers, answering time) and per session and theme (score sums) */
	"CREATE TABLE session_question ("
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE, position INTEGER NOT NULL,"
	"  question_id TEXT NOT NULL, PRIMARY KEY (session_id, position)) WITHOUT ROWID;"
	"ALTER TABLE session ADD COLUMN think_seconds INTEGER;"
	"ALTER TABLE session ADD COLUMN answer_seconds INTEGER;"
	"ALTER TABLE session ADD COLUMN follow_ups INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE session ADD COLUMN answer_count INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE session ADD COLUMN rated_count INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE session ADD COLUMN answer_ms INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE answer ADD COLUMN rated_at TEXT;"
	"UPDATE answer SET rated_at = (SELECT MAX(rated_at) FROM rating WHERE answer_id = answer.id);"
	"UPDATE session SET"
	"  answer_count = (SELECT COUNT(*) FROM answer WHERE session_id = session.id AND follow_up_of IS NULL),"
	"  rated_count = (SELECT COUNT(rated_at) FROM answer WHERE session_id = session.id),"
	"  answer_ms = (SELECT TOTAL(answer_used_ms) FROM answer WHERE session_id = session.id);"
	"CREATE INDEX session_status ON session(status, id);"
	"CREATE TRIGGER answer_added AFTER INSERT ON answer BEGIN"
	"  UPDATE session SET answer_count = answer_count + (NEW.follow_up_of IS NULL),"
	"    rated_count = rated_count + (NEW.rated_at IS NOT NULL), answer_ms = answer_ms + NEW.answer_used_ms"
	"    WHERE id = NEW.session_id;"
	"END;"
	"CREATE TRIGGER answer_changed AFTER UPDATE OF rated_at, answer_used_ms ON answer BEGIN"
	"  UPDATE session SET rated_count = rated_count + (NEW.rated_at IS NOT NULL) - (OLD.rated_at IS NOT NULL),"
	"    answer_ms = answer_ms + NEW.answer_used_ms - OLD.answer_used_ms WHERE id = NEW.session_id;"
	"END;"
	"CREATE TABLE session_theme ("
	"  theme_id TEXT NOT NULL, session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  score_sum INTEGER NOT NULL, score_count INTEGER NOT NULL,"
	"  PRIMARY KEY (theme_id, session_id)) WITHOUT ROWID;"
	"CREATE INDEX session_theme_session ON session_theme(session_id);"
	"INSERT INTO session_theme (session_id, theme_id, score_sum, score_count)"
	"  SELECT a.session_id, r.theme_id, SUM(r.score), COUNT(*) FROM rating r JOIN answer a ON a.id = r.answer_id"
	"  GROUP BY a.session_id, r.theme_id;"
	"CREATE TRIGGER rating_added AFTER INSERT ON rating BEGIN"
	"  INSERT INTO session_theme (session_id, theme_id, score_sum, score_count)"
	"    SELECT session_id, NEW.theme_id, NEW.score, 1 FROM answer WHERE id = NEW.answer_id"
	"    ON CONFLICT (theme_id, session_id) DO UPDATE SET score_sum = score_sum + excluded.score_sum,"
	"    score_count = score_count + 1;"
	"END;"
	"CREATE TRIGGER rating_removed AFTER DELETE ON rating BEGIN"
	"  UPDATE session_theme SET score_sum = score_sum - OLD.score, score_count = score_count - 1"
	"    WHERE theme_id = OLD.theme_id AND session_id = (SELECT session_id FROM answer WHERE id = OLD.answer_id);"
	"  DELETE FROM session_theme WHERE score_count = 0;"
	"END;"
	"CREATE TRIGGER rating_changed AFTER UPDATE ON rating BEGIN"
	"  UPDATE session_theme SET score_sum = score_sum - OLD.score, score_count = score_count - 1"
	"    WHERE theme_id = OLD.theme_id AND session_id = (SELECT session_id FROM answer WHERE id = OLD.answer_id);"
	"  INSERT INTO session_theme (session_id, theme_id, score_sum, score_count)"
	"    SELECT session_id, NEW.theme_id, NEW.score, 1 FROM answer WHERE id = NEW.answer_id"
	"    ON CONFLICT (theme_id, session_id) DO UPDATE SET score_sum = score_sum + excluded.score_sum,"
	"    score_count = score_count + 1;"
	"  DELETE FROM session_theme WHERE score_count = 0;"
	"END;"
	/* The cascade from answer to rating runs after the answer is gone, when rating_removed could no
	 * longer find its session: take the ratings out first, and the answer out of its session's totals. */
	"CREATE TRIGGER answer_removed BEFORE DELETE ON answer BEGIN"
	"  DELETE FROM rating WHERE answer_id = OLD.id;"
	"  UPDATE session SET answer_count = answer_count - (OLD.follow_up_of IS NULL),"
	"    rated_count = rated_count - (OLD.rated_at IS NOT NULL), answer_ms = answer_ms - OLD.answer_used_ms"
	"    WHERE id = OLD.session_id;"
	"END;",

	/* 4: settings, and whether a session records spoken answers */
	"CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"ALTER TABLE session ADD COLUMN spoken INTEGER NOT NULL DEFAULT 0;",

	/* 5: the day a question entered the drill schedule (its reviews are folded from then on), and
	 * indexes for the rejection log */
	"ALTER TABLE review ADD COLUMN added_on TEXT NOT NULL DEFAULT '1970-01-01';"
	"UPDATE review SET added_on = due_on;"
	"CREATE INDEX review_due ON review(due_on);"
	"CREATE INDEX rejection_theme_theme ON rejection_theme(theme_id);"
	"CREATE INDEX plan_action_theme ON plan_action(theme_id);",

	/* 6: speaking pace from the signal, transcripts with word timings and coaching counts, and a
	 * full-text index over what was said or typed */
	"ALTER TABLE recording ADD COLUMN syllables INTEGER;"
	"ALTER TABLE recording ADD COLUMN pace_wpm REAL;"
	"CREATE TABLE transcript ("
	"  answer_id INTEGER PRIMARY KEY REFERENCES answer(id) ON DELETE CASCADE,"
	"  engine TEXT NOT NULL, text TEXT NOT NULL, word_count INTEGER NOT NULL, confidence REAL NOT NULL,"
	"  filler_count INTEGER NOT NULL, hedge_count INTEGER NOT NULL, repeat_count INTEGER NOT NULL,"
	"  decode_ms INTEGER NOT NULL, created_at TEXT NOT NULL);"
	"CREATE TABLE transcript_word ("
	"  answer_id INTEGER NOT NULL REFERENCES transcript(answer_id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, word TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,"
	"  confidence REAL NOT NULL, PRIMARY KEY (answer_id, position)) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE answer_words USING fts5(text, tokenize = 'porter unicode61');"
	"INSERT INTO answer_words (rowid, text) SELECT id, text FROM answer WHERE text IS NOT NULL AND text != '';"
	"CREATE TRIGGER answer_words_typed AFTER INSERT ON answer WHEN NEW.text IS NOT NULL AND NEW.text != '' BEGIN"
	"  INSERT INTO answer_words (rowid, text) VALUES (NEW.id, NEW.text);"
	"END;"
	"CREATE TRIGGER answer_words_gone AFTER DELETE ON answer BEGIN"
	"  DELETE FROM answer_words WHERE rowid = OLD.id;"
	"END;"
	"CREATE TRIGGER answer_words_heard AFTER INSERT ON transcript BEGIN"
	"  DELETE FROM answer_words WHERE rowid = NEW.answer_id;"
	"  INSERT INTO answer_words (rowid, text) VALUES (NEW.answer_id, NEW.text);"
	"END;"
	"CREATE TRIGGER answer_words_unheard AFTER DELETE ON transcript BEGIN"
	"  DELETE FROM answer_words WHERE rowid = OLD.answer_id;"
	"END;",

	/* 7: frames a recording captured but could not write (a full disk): the file holds the rest */
	"ALTER TABLE recording ADD COLUMN unwritten_frames INTEGER NOT NULL DEFAULT 0;",

	/* 8: what an answer held (analysis.h), kept beside its self-ratings */
	"CREATE TABLE evidence ("
	"  answer_id INTEGER PRIMARY KEY REFERENCES answer(id) ON DELETE CASCADE,"
	"  source TEXT NOT NULL CHECK (source IN ('typed', 'transcript')),"
	"  situation INTEGER NOT NULL, task INTEGER NOT NULL, action INTEGER NOT NULL, result INTEGER NOT NULL,"
	"  ends_at_action INTEGER NOT NULL, generic INTEGER NOT NULL, numbers INTEGER NOT NULL,"
	"  dates INTEGER NOT NULL, i_actions INTEGER NOT NULL, we_actions INTEGER NOT NULL,"
	"  words INTEGER NOT NULL, keywords_said INTEGER NOT NULL, keywords_total INTEGER NOT NULL,"
	"  points_said INTEGER NOT NULL, points_total INTEGER NOT NULL, created_at TEXT NOT NULL);",

	/* 9: the search index holds Snowball stems, written by the store (store_index_answer) in place of the
	 * triggers that copied the text for FTS5's Porter stemmer; migration_code[8] fills it again */
	"DROP TRIGGER answer_words_typed;"
	"DROP TRIGGER answer_words_heard;"
	"DROP TABLE answer_words;"
	"CREATE VIRTUAL TABLE answer_words USING fts5(stems, tokenize = 'unicode61');",

	/* 10: the drill schedule is FSRS-6 (sched.h): a memory state in place of SM-2's ease, the days of the
	 * first and last review (for the daily limits), the retention it was folded for; every row is folded
	 * again from its rated answers (migration_code[9]). And the interviews to be ready by ('prep'). */
	"ALTER TABLE review RENAME COLUMN repetitions TO streak;"
	"ALTER TABLE review DROP COLUMN ease;"
	"ALTER TABLE review ADD COLUMN stability REAL NOT NULL DEFAULT 0;"
	"ALTER TABLE review ADD COLUMN difficulty REAL NOT NULL DEFAULT 0;"
	"ALTER TABLE review ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE review ADD COLUMN lapses INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE review ADD COLUMN first_reviewed_on TEXT;"
	"ALTER TABLE review ADD COLUMN reviewed_on TEXT;"
	"ALTER TABLE review ADD COLUMN retention REAL NOT NULL DEFAULT 0;"
	"CREATE TABLE prep ("
	"  id INTEGER PRIMARY KEY, company TEXT NOT NULL, role TEXT, on_day TEXT NOT NULL, stage TEXT,"
	"  banks TEXT, outcome TEXT CHECK (outcome IN ('offer', 'rejected', 'withdrawn')),"
	"  rejection_id INTEGER REFERENCES rejection(id) ON DELETE SET NULL, created_at TEXT NOT NULL,"
	"  closed_at TEXT);"
	"CREATE INDEX prep_day ON prep(on_day);",

	/* 11: the answer's stretch of speech, and a spoken answer that the silence after it ended (the CHECK
	 * on answer.stopped_by is widened by migration_code[10]) */
	"ALTER TABLE recording ADD COLUMN speech_start_ms INTEGER;"
	"ALTER TABLE recording ADD COLUMN speech_end_ms INTEGER;",

	/* 12: what the keyword spotter made of each phrase it listened for */
	"CREATE TABLE spot ("
	"  answer_id INTEGER NOT NULL REFERENCES transcript(answer_id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, phrase TEXT NOT NULL, listened INTEGER NOT NULL CHECK (listened IN (0, 1)),"
	"  score REAL, start_ms INTEGER, end_ms INTEGER, PRIMARY KEY (answer_id, position)) WITHOUT ROWID;",
};

/*
 * Lets answer.stopped_by say 'silence'. A CHECK cannot be altered, and rebuilding the answer table would
 * cascade deletes into everything that refers to it, so the table's SQL is edited in place by the
 * procedure SQLite documents for loosening a constraint (lang_altertable.html, "otheralter"): inside the
 * migration's transaction, with writable_schema on and the schema version bumped so that every
 * connection reads the new definition. Widening the list cannot make an existing row invalid.
 */
static int widen_stopped_by(struct store *store, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "PRAGMA schema_version", cause);
	char *sql;
	int version, rc;

	if (stmt == NULL)
		return -1;
	version = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
	sqlite3_finalize(stmt);
	if (version < 0)
		return store_fail(store, cause, "read the schema version");
	sql = xasprintf("PRAGMA writable_schema = ON;"
			"UPDATE sqlite_schema SET sql = replace(sql, '''limit'', ''interrupt'')',"
			" '''limit'', ''interrupt'', ''silence'')') WHERE type = 'table' AND name = 'answer';"
			"PRAGMA schema_version = %d;"
			"PRAGMA writable_schema = OFF;", version + 1);
	rc = store_exec(store, sql, "widen answer.stopped_by", cause);
	free(sql);
	return rc;
}

/* What a migration does beyond its SQL, after it, or NULL. */
static int (*const migration_code[STORE_LATEST_VERSION])(struct store *store, char **cause) = {
	[8] = store_index_all,
	[9] = store_review_refresh_all,
	[10] = widen_stopped_by,
};

/* ------------------------------------------------------------------------------------------------
 * Helpers shared with the other store-*.c files (store-internal.h)
 */

int store_fail(struct store *store, char **cause, const char *doing)
{
	const char *message = sqlite3_errmsg(store->db);

	switch (sqlite3_errcode(store->db)) {
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return util_fail(cause, "cannot %s: '%s' is damaged (%s); rebound has not written to it, "
				 "\"sqlite3 '%s' .recover | sqlite3 recovered.db\" may save what is left, and the "
				 "recordings are untouched", doing, store->path, message, store->path);
	case SQLITE_BUSY:
		return util_fail(cause, "cannot %s: another program kept '%s' busy for %.0f s (%s); "
				 "is another rebound writing to it?", doing, store->path, STORE_BUSY_TIMEOUT_MS / 1000.0,
				 message);
	case SQLITE_FULL:
		return util_fail(cause, "cannot %s in '%s': the disk is full", doing, store->path);
	case SQLITE_READONLY:
		if (store->readonly)
			return util_fail(cause, "cannot %s: '%s' is read-only here (a read-only data dir or file); "
					 "reading works, saving does not", doing, store->path);
		/* fall through */
	case SQLITE_CANTOPEN:
		return util_fail(cause, "cannot %s in '%s': %s (can rebound write to its data dir?)", doing, store->path,
				 message);
	case SQLITE_IOERR:	/* say which: "File too large", "No space left on device" */
		if (sqlite3_system_errno(store->db) != 0)
			return util_fail(cause, "cannot %s in '%s': %s (%s)", doing, store->path, message,
					 strerror(sqlite3_system_errno(store->db)));
		return util_fail(cause, "cannot %s in '%s': %s", doing, store->path, message);
	default:
		return util_fail(cause, "cannot %s in '%s': %s", doing, store->path, message);
	}
}

int store_exec(struct store *store, const char *sql, const char *doing, char **cause)
{
	if (sqlite3_exec(store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(store, cause, doing);
	return 0;
}

sqlite3_stmt *store_prepare(struct store *store, const char *sql, char **cause)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(store->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_fail(store, cause, "prepare a statement");
		return NULL;
	}
	return stmt;
}

/* Runs a statement that returns no rows and resets it for the next use. */
int store_step_done(struct store *store, sqlite3_stmt *stmt, const char *doing, char **cause)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(store, cause, doing);
	return 0;
}

void store_bind_text(sqlite3_stmt *stmt, int index, const char *text)
{
	sqlite3_bind_text(stmt, index, text, -1, SQLITE_STATIC);
}

/* Writes take the write lock up front so two processes never deadlock upgrading a read lock. */
int store_begin(struct store *store, char **cause)
{
	return store_exec(store, "BEGIN IMMEDIATE", "start a transaction", cause);
}

int store_commit(struct store *store, char **cause)
{
	return store_exec(store, "COMMIT", "commit", cause);
}

void store_rollback(struct store *store)
{
	sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

const char *store_column_text(sqlite3_stmt *stmt, int index, struct arena *arena)
{
	const unsigned char *text = sqlite3_column_text(stmt, index);

	return text ? arena_strdup(arena, (const char *)text) : NULL;
}

int store_column_int_or(sqlite3_stmt *stmt, int index, int fallback)
{
	return sqlite3_column_type(stmt, index) == SQLITE_NULL ? fallback : sqlite3_column_int(stmt, index);
}

void store_bind_optional_int(sqlite3_stmt *stmt, int index, int value)
{
	if (value < 0)
		sqlite3_bind_null(stmt, index);
	else
		sqlite3_bind_int(stmt, index, value);
}

/* A growing array of rows that ends up in the arena. */
struct rows {
	void *items;
	size_t count, capacity, size;
};

static void *rows_next(struct rows *rows)
{
	xgrow(&rows->items, &rows->capacity, rows->count + 1, rows->size);
	return memset((char *)rows->items + rows->size * rows->count++, 0, rows->size);
}

int store_read_list(struct store *store, sqlite3_stmt *stmt, size_t size,
		    void (*read)(sqlite3_stmt *, struct arena *, void *), struct arena *arena, const char *doing,
		    void *out, size_t *count, char **cause)
{
	struct rows rows = { .size = size };
	void *items = NULL;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		read(stmt, arena, rows_next(&rows));
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE && rows.count > 0)
		items = arena_memdup(arena, rows.items, rows.size * rows.count);
	free(rows.items);
	if (rc != SQLITE_DONE)
		return store_fail(store, cause, doing);
	memcpy(out, &items, sizeof items);
	*count = rows.count;
	return 0;
}

int store_read_one(struct store *store, sqlite3_stmt *stmt, size_t size,
		   void (*read)(sqlite3_stmt *, struct arena *, void *), struct arena *arena, const char *doing,
		   void *out, char **cause)
{
	int rc = sqlite3_step(stmt), found;

	if (rc == SQLITE_ROW) {
		memset(out, 0, size);
		read(stmt, arena, out);
	}
	found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(store, cause, doing);	/* before finalize */
	sqlite3_finalize(stmt);
	return found;
}

/* ------------------------------------------------------------------------------------------------
 * Opening and migrating
 */

int store_version(struct store *store)
{
	sqlite3_stmt *stmt = store_prepare(store, "PRAGMA user_version", NULL);
	int version = -1;

	if (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW)
		version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return version;
}

/* Brings the schema up to target. A current schema is only read, so that opening takes no write lock: a
 * read-only data dir opens, and a writer in the middle of a commit does not hold up readers. */
static int migrate(struct store *store, int target, char **cause)
{
	int version = store_version(store);

	if (version == target || (version > target && version <= STORE_LATEST_VERSION))
		return 0;
	if (store->readonly && version >= 0 && version < target)
		return util_fail(cause, "cannot open '%s': it is read-only here and its schema (version %d) needs an "
				 "upgrade to version %d; run rebound once where it can be written", store->path, version,
				 target);
	if (store_begin(store, cause) != 0)
		return -1;
	version = store_version(store);
	if (version < 0) {
		store_rollback(store);
		return store_fail(store, cause, "read the schema version");
	}
	if (version > STORE_LATEST_VERSION) {
		store_rollback(store);
		return util_fail(cause, "'%s' was written by a newer rebound (schema version %d; this one knows up to %d)",
				 store->path, version, STORE_LATEST_VERSION);
	}
	for (; version < target; version++) {
		char pragma[48];
		if (store_exec(store, migrations[version], "migrate the schema", cause) != 0 ||
		    (migration_code[version] != NULL && migration_code[version](store, cause) != 0))
			goto fail;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version + 1);
		if (store_exec(store, pragma, "set the schema version", cause) != 0)
			goto fail;
	}
	return store_commit(store, cause);
fail:
	store_rollback(store);
	return -1;
}

/*
 * Turns on write-ahead logging. Switching needs the database to itself, and SQLite reports busy at once,
 * without waiting, when another connection has it open (two first runs at once): try again for as long as
 * the busy timeout allows.
 */
static int use_wal(struct store *store, char **cause)
{
	const struct timespec pause = { 0, 20 * 1000000 };
	long long waited;

	for (waited = 0;; waited += 20) {
		int rc = sqlite3_exec(store->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= STORE_BUSY_TIMEOUT_MS)
			return store_fail(store, cause, "open the database");
		nanosleep(&pause, NULL);
	}
}

/* Creates the file 0600 before SQLite does, so personal data is never world-readable. */
static int create_private(const char *path, char **cause)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0)
		return util_fail(cause, "cannot create '%s': %s", path, strerror(errno));
	close(fd);
	return 0;
}

/* rebound_now(): the date module's clock inside SQL, so a pinned clock (REBOUND_NOW) reaches every row the
 * store stamps. Direct-only: the schema's triggers and views never depend on the clock. */
static void sql_now(sqlite3_context *context, int argc, sqlite3_value **argv)
{
	char now[DATE_ISO_SIZE];

	(void)argc;
	(void)argv;
	date_now_iso(now);
	sqlite3_result_text(context, now, -1, SQLITE_TRANSIENT);
}

/* 1 if the database exists but cannot be written where it is: the file, or the folder that must take its
 * -wal and -shm files, is read-only (a read-only mount, a copy without write permission). */
static int is_readonly(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
	int readonly = access(path, F_OK) == 0 && (access(path, W_OK) != 0 || access(dir, W_OK) != 0);

	free(dir);
	return readonly;
}

/* "file:PATH?immutable=1", with the characters a URI path cannot hold as they are (%, ? and #) escaped. */
static char *immutable_uri(const char *path)
{
	size_t len = strlen(path), i, n = 0;
	char *uri = xmalloc(5 + 3 * len + 13);

	memcpy(uri, "file:", 5);
	n = 5;
	for (i = 0; i < len; i++) {
		if (path[i] == '%' || path[i] == '?' || path[i] == '#')
			n += (size_t)sprintf(uri + n, "%%%02X", (unsigned char)path[i]);
		else
			uri[n++] = path[i];
	}
	strcpy(uri + n, "?immutable=1");
	return uri;
}

/* 1 if the file path + suffix exists. */
static int sibling_exists(const char *path, const char *suffix)
{
	char *sibling = xasprintf("%s%s", path, suffix);
	int exists = access(sibling, F_OK) == 0;

	free(sibling);
	return exists;
}

/*
 * Opens a database that cannot be written here. In WAL mode SQLite needs the -shm file, which a read-only
 * folder cannot take: when it is not there, the database is opened as immutable, which is exact only when
 * no -wal or -journal holds changes it would not see; with one, refused.
 */
static int open_readonly(struct store *store, char **cause)
{
	char *uri;
	int rc;

	if (sqlite3_open_v2(store->path, &store->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(store->db, STORE_BUSY_TIMEOUT_MS);
		if ((rc = sqlite3_exec(store->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL)) == SQLITE_OK)
			return 0;
		if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
			return store_fail(store, cause, "open the database");
	}
	sqlite3_close(store->db);
	store->db = NULL;
	if (sibling_exists(store->path, "-wal") || sibling_exists(store->path, "-journal"))
		return util_fail(cause, "cannot open '%s': it is read-only here and its last changes are in a -wal or "
				 "-journal file that cannot be read without writing; copy the data dir somewhere writable",
				 store->path);
	uri = immutable_uri(store->path);
	rc = sqlite3_open_v2(uri, &store->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, NULL);
	free(uri);
	return rc == SQLITE_OK ? 0 : store_fail(store, cause, "open the database");
}

struct store *store_open_version(const char *path, int target_version, char **cause)
{
	struct store *store;
	int readonly = is_readonly(path);

	if (!readonly && access(path, F_OK) != 0 && create_private(path, cause) != 0)
		return NULL;
	store = xcalloc(1, sizeof *store);
	store->path = xstrdup(path);
	store->readonly = readonly;
	store->retention = SCHED_RETENTION_DEFAULT;
	if (readonly) {
		if (open_readonly(store, cause) != 0)
			goto fail;
	} else if (sqlite3_open_v2(path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK) {
		store_fail(store, cause, "open the database");
		goto fail;
	}
	sqlite3_busy_timeout(store->db, STORE_BUSY_TIMEOUT_MS);
	if (sqlite3_create_function_v2(store->db, "rebound_now", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, sql_now,
				       NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(store, cause, "set up the clock");
		goto fail;
	}
	if (store_exec(store, "PRAGMA foreign_keys = ON", "turn on foreign keys", cause) != 0)
		goto fail;
	/* The journal mode query also proves the file is a database: a corrupt file fails here. */
	if (!readonly && use_wal(store, cause) != 0)
		goto fail;
	if (readonly && store_exec(store, "SELECT count(*) FROM sqlite_schema", "read the database", cause) != 0)
		goto fail;
	if (store_exec(store, "PRAGMA synchronous = NORMAL", "set synchronous mode", cause) != 0)
		goto fail;
	if (migrate(store, target_version, cause) != 0)
		goto fail;
	return store;
fail:
	store_close(store);
	return NULL;
}

struct store *store_open(const char *path, char **cause)
{
	return store_open_version(path, STORE_LATEST_VERSION, cause);
}

int store_readonly(const struct store *store)
{
	return store->readonly;
}

void store_close(struct store *store)
{
	if (store == NULL)
		return;
	sqlite3_close(store->db);
	free(store->path);
	free(store);
}

/* ------------------------------------------------------------------------------------------------
 * Settings
 */

static void read_value(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	*(const char **)item = arena_strdup(arena, (const char *)sqlite3_column_text(stmt, 0));
}

int store_setting_get(struct store *store, const char *key, struct arena *arena, const char **value, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT value FROM setting WHERE key = ?", cause);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	return store_read_one(store, stmt, sizeof *value, read_value, arena, "read a setting", value, cause);
}

int store_setting_any(struct store *store)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT 1 FROM setting LIMIT 1", NULL);
	int any;

	if (stmt == NULL)
		return 0;
	any = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return any;
}

int store_setting_set(struct store *store, const char *key, const char *value, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, value ? "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)"
						: "DELETE FROM setting WHERE key = ?1", cause);
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	if (value)
		store_bind_text(stmt, 2, value);
	rc = store_step_done(store, stmt, "save a setting", cause);
	sqlite3_finalize(stmt);
	return rc;
}

/* ------------------------------------------------------------------------------------------------
 * Bank sync
 */

static void read_fingerprint(sqlite3_stmt *stmt, struct arena *arena, void *item)
{
	struct store_fingerprint *fp = item;

	(void)arena;
	fp->size = sqlite3_column_int64(stmt, 0);
	fp->mtime_ns = sqlite3_column_int64(stmt, 1);
	fp->hash = strtoull((const char *)sqlite3_column_text(stmt, 2), NULL, 16);
	fp->error_count = sqlite3_column_int(stmt, 3);
}

int store_fingerprint_get(struct store *store, const char *path, struct store_fingerprint *fp, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "SELECT size, mtime_ns, hash, error_count FROM source_file WHERE path = ?",
				     cause);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, path);
	return store_read_one(store, stmt, sizeof *fp, read_fingerprint, NULL, "read a file fingerprint", fp, cause);
}

static int file_changed(struct store *store, const struct bank_file *file, int *changed, char **cause)
{
	struct store_fingerprint fp;
	int found = store_fingerprint_get(store, file->path, &fp, cause);

	if (found < 0)
		return -1;
	*changed = !found || fp.size != file->size || fp.mtime_ns != file->mtime_ns || fp.hash != file->hash ||
		   fp.error_count != file->error_count;
	return 0;
}

static int sync_themes(struct store *store, const struct bank_catalog *catalog, char **cause)
{
	sqlite3_stmt *stage = store_prepare(store, "INSERT INTO stage (id, title, position) VALUES (?, ?, ?)"
				      " ON CONFLICT(id) DO UPDATE SET title = excluded.title, position = excluded.position",
				      cause);
	sqlite3_stmt *theme = stage == NULL ? NULL :
		store_prepare(store, "INSERT INTO theme (id, title, description, rubric_1, rubric_3, rubric_5,"
			      " position) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
			      " title = excluded.title, description = excluded.description,"
			      " rubric_1 = excluded.rubric_1, rubric_3 = excluded.rubric_3,"
			      " rubric_5 = excluded.rubric_5, position = excluded.position",
			      cause);
	size_t i;
	int rc = stage && theme ? 0 : -1;

	for (i = 0; rc == 0 && i < bank_stage_count(catalog); i++) {
		const struct bank_stage *s = bank_stage_at(catalog, i);
		store_bind_text(stage, 1, s->id);
		store_bind_text(stage, 2, s->title);
		sqlite3_bind_int64(stage, 3, (sqlite3_int64)i);
		rc = store_step_done(store, stage, "save a stage", cause);
	}
	for (i = 0; rc == 0 && i < bank_theme_count(catalog); i++) {
		const struct bank_theme *t = bank_theme_at(catalog, i);
		store_bind_text(theme, 1, t->id);
		store_bind_text(theme, 2, t->title);
		store_bind_text(theme, 3, t->description);
		store_bind_text(theme, 4, t->rubric[1]);
		store_bind_text(theme, 5, t->rubric[3]);
		store_bind_text(theme, 6, t->rubric[5]);
		sqlite3_bind_int64(theme, 7, (sqlite3_int64)i);
		rc = store_step_done(store, theme, "save a theme", cause);
	}
	sqlite3_finalize(stage);
	sqlite3_finalize(theme);
	return rc;
}

enum { Q_UPSERT, Q_DELETE_THEMES, Q_DELETE_STAGES, Q_THEME, Q_STAGE, Q_RETIRE, Q_BANK, Q_COUNT };

static const char *const bank_sql[Q_COUNT] = {
	[Q_UPSERT] = "INSERT INTO question (id, bank, text, difficulty, think_seconds, answer_seconds, retired,"
		     " first_seen) VALUES (?, ?, ?, ?, ?, ?, 0, " NOW_SQL ")"
		     " ON CONFLICT(id) DO UPDATE SET bank = excluded.bank, text = excluded.text,"
		     " difficulty = excluded.difficulty, think_seconds = excluded.think_seconds,"
		     " answer_seconds = excluded.answer_seconds, retired = 0",
	[Q_DELETE_THEMES] = "DELETE FROM question_theme WHERE question_id IN (SELECT id FROM question WHERE bank = ?)",
	[Q_DELETE_STAGES] = "DELETE FROM question_stage WHERE question_id IN (SELECT id FROM question WHERE bank = ?)",
	[Q_THEME] = "INSERT OR IGNORE INTO question_theme (question_id, theme_id) VALUES (?, ?)",
	[Q_STAGE] = "INSERT OR IGNORE INTO question_stage (question_id, stage_id) VALUES (?, ?)",
	[Q_RETIRE] = "UPDATE question SET retired = 1 WHERE bank = ?",
	[Q_BANK] = "INSERT INTO bank (name, title, version, path, think_seconds, answer_seconds)"
		   " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET title = excluded.title,"
		   " version = excluded.version, path = excluded.path, think_seconds = excluded.think_seconds,"
		   " answer_seconds = excluded.answer_seconds",
};

static int sync_question(struct store *store, sqlite3_stmt **stmts, const struct bank_question *q, char **cause)
{
	size_t i;

	store_bind_text(stmts[Q_UPSERT], 1, q->id);
	store_bind_text(stmts[Q_UPSERT], 2, q->bank->name);
	store_bind_text(stmts[Q_UPSERT], 3, q->text);
	sqlite3_bind_int(stmts[Q_UPSERT], 4, q->difficulty);
	sqlite3_bind_int(stmts[Q_UPSERT], 5, q->think_seconds);
	sqlite3_bind_int(stmts[Q_UPSERT], 6, q->answer_seconds);
	if (store_step_done(store, stmts[Q_UPSERT], "save a question", cause) != 0)
		return -1;
	for (i = 0; i < q->themes.count; i++) {
		store_bind_text(stmts[Q_THEME], 1, q->id);
		store_bind_text(stmts[Q_THEME], 2, q->themes.items[i]);
		if (store_step_done(store, stmts[Q_THEME], "save a question's theme", cause) != 0)
			return -1;
	}
	for (i = 0; i < q->stages.count; i++) {
		store_bind_text(stmts[Q_STAGE], 1, q->id);
		store_bind_text(stmts[Q_STAGE], 2, q->stages.items[i]);
		if (store_step_done(store, stmts[Q_STAGE], "save a question's stage", cause) != 0)
			return -1;
	}
	return 0;
}

static int sync_bank(struct store *store, sqlite3_stmt **stmts, const struct bank *bank, char **cause)
{
	size_t i;

	store_bind_text(stmts[Q_BANK], 1, bank->name);
	store_bind_text(stmts[Q_BANK], 2, bank->title);
	sqlite3_bind_int(stmts[Q_BANK], 3, bank->version);
	store_bind_text(stmts[Q_BANK], 4, bank->path);
	sqlite3_bind_int(stmts[Q_BANK], 5, bank->think_seconds);
	sqlite3_bind_int(stmts[Q_BANK], 6, bank->answer_seconds);
	if (store_step_done(store, stmts[Q_BANK], "save a bank", cause) != 0)
		return -1;
	for (i = Q_DELETE_THEMES; i <= Q_DELETE_STAGES; i++) {
		store_bind_text(stmts[i], 1, bank->name);
		if (store_step_done(store, stmts[i], "clear a bank's question links", cause) != 0)
			return -1;
	}
	store_bind_text(stmts[Q_RETIRE], 1, bank->name);
	if (store_step_done(store, stmts[Q_RETIRE], "retire a bank's questions", cause) != 0)
		return -1;
	for (i = 0; i < bank->question_count; i++)
		if (sync_question(store, stmts, bank->questions[i], cause) != 0)
			return -1;
	return 0;
}

static int save_fingerprint(struct store *store, const struct bank_file *file, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(store, "INSERT OR REPLACE INTO source_file (path, size, mtime_ns, hash,"
				     " error_count, synced_at) VALUES (?, ?, ?, ?, ?, " NOW_SQL ")",
				     cause);
	char hash[17];

	if (stmt == NULL)
		return -1;
	snprintf(hash, sizeof hash, "%016llx", file->hash);
	store_bind_text(stmt, 1, file->path);
	sqlite3_bind_int64(stmt, 2, file->size);
	sqlite3_bind_int64(stmt, 3, file->mtime_ns);
	store_bind_text(stmt, 4, hash);
	sqlite3_bind_int(stmt, 5, file->error_count);
	if (store_step_done(store, stmt, "save a file fingerprint", cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	sqlite3_finalize(stmt);
	return 0;
}

static int sync_file(struct store *store, const struct bank_catalog *catalog, sqlite3_stmt **stmts,
		     const struct bank_file *file, char **cause)
{
	size_t i;

	if (file->is_themes) {
		if (sync_themes(store, catalog, cause) != 0)
			return -1;
	} else {
		for (i = 0; i < bank_count(catalog); i++) {
			const struct bank *bank = bank_at(catalog, i);
			if (strcmp(bank->path, file->path) == 0 && sync_bank(store, stmts, bank, cause) != 0)
				return -1;
		}
	}
	return save_fingerprint(store, file, cause);
}

int store_sync_catalog(struct store *store, const struct bank_catalog *catalog, int *changed, char **cause)
{
	sqlite3_stmt *stmts[Q_COUNT] = { 0 };
	size_t i;
	int rc = 0, count = 0, in_transaction = 0;

	for (i = 0; i < bank_file_count(catalog) && rc == 0; i++) {
		const struct bank_file *file = bank_file_at(catalog, i);
		int file_is_new;
		if ((rc = file_changed(store, file, &file_is_new, cause)) != 0 || !file_is_new)
			continue;
		if (!in_transaction) {
			size_t s;
			if ((rc = store_begin(store, cause)) != 0)
				break;
			in_transaction = 1;
			for (s = 0; s < Q_COUNT && rc == 0; s++)
				if ((stmts[s] = store_prepare(store, bank_sql[s], cause)) == NULL)
					rc = -1;
			if (rc != 0)
				break;
		}
		rc = sync_file(store, catalog, stmts, file, cause);
		count++;
	}
	for (i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(stmts[i]);
	if (in_transaction) {
		if (rc == 0)
			rc = store_commit(store, cause);
		if (rc != 0)
			store_rollback(store);
	}
	if (changed != NULL)
		*changed = rc == 0 ? count : 0;
	return rc;
}
