/* store: the SQLite database in the data dir; the only module that uses SQLite.
 * WAL mode, foreign keys on, a busy timeout, numbered migrations in PRAGMA user_version,
 * every write in one transaction, prepared statements only.
 *
 * The schema (query it with: sqlite3 ~/.local/share/rebound/rebound.db). Times are ISO 8601 UTC text
 * ("2026-11-22T09:30:00Z"), dates are "YYYY-MM-DD", durations say their unit in the column name.
 *
 *   source_file(path PK, size, mtime_ns, hash, error_count, synced_at)
 *       bank and themes files as last read: a file whose fingerprint is unchanged need not be re-read.
 *   stage(id PK, title, position)            theme(id PK, title, description, rubric_1, rubric_3, rubric_5, position)
 *   bank(name PK, title, version, path, think_seconds, answer_seconds)
 *   question(id PK, bank, text, difficulty 1..5, think_seconds, answer_seconds, retired, first_seen)
 *       retired = 1 once no loaded bank defines the question; rows stay so that old answers keep their question.
 *   question_theme(question_id, theme_id)     question_stage(question_id, stage_id)
 *   session(id PK, kind 'interview'|'drill', started_at, ended_at, status 'open'|'finished'|'discarded',
 *           bank, stage, theme, planned_count, note)
 *   answer(id PK, session_id -> session, position, question_id, question_text, follow_up_of -> answer,
 *          mode 'typed'|'spoken', text, think_limit_seconds, think_used_ms, answer_limit_seconds,
 *          answer_used_ms, overtime, stopped_by 'enter'|'eof'|'limit'|'interrupt', note, answered_at)
 *   rating(answer_id -> answer, theme_id, score 1..5, rated_at)
 *   -- since version 2:
 *   recording(id PK, answer_id -> answer, path (relative to the data dir), sample_rate, channels, frames,
 *             dropped_frames, speaking_ms, silence_ratio, long_pauses, longest_pause_ms, created_at)
 *   rejection(id PK, company, role, rejected_on, stage_reached, interviewer, feedback, created_at)
 *   rejection_theme(rejection_id -> rejection, theme_id, reason)
 *   reflection(rejection_id -> rejection, stage_id, went_well, do_better)
 *   plan_action(id PK, theme_id, rejection_id -> rejection, text, status 'todo'|'doing'|'done', due_on,
 *               created_at, done_at)
 *   review(question_id PK, due_on, interval_days, ease, repetitions, last_reviewed_at)
 *       the spaced-repetition state of each drilled question.
 */
#ifndef REBOUND_STORE_H
#define REBOUND_STORE_H

#include "rebound/bank.h"

#define STORE_FILE_NAME "rebound.db"
#define STORE_LATEST_VERSION 2
#define STORE_BUSY_TIMEOUT_MS 5000

struct store;

/*
 * Opens (creating if needed, mode 0600) the database at path and migrates it to the latest version.
 * Refuses a database whose version is newer than this binary knows. Returns NULL with *cause set.
 */
struct store *store_open(const char *path, char **cause);
/* The same, migrating only up to target_version (for tests of migrations). */
struct store *store_open_version(const char *path, int target_version, char **cause);
/* Accepts NULL. */
void store_close(struct store *store);
int store_version(struct store *store);

struct store_fingerprint {
	long long size, mtime_ns;
	unsigned long long hash;
	int error_count;
};

/* Fills *fp with what the store last saw of path: 1 found, 0 not known, -1 error with *cause. */
int store_fingerprint_get(struct store *store, const char *path, struct store_fingerprint *fp, char **cause);

/*
 * Brings the store in line with what the catalog loaded from files that changed since the last sync:
 * stages and themes, banks, questions (missing ones marked retired, never deleted) and their themes
 * and stages, and the files' fingerprints. One transaction; does nothing when no file changed.
 * *changed (if not NULL) receives the number of files synced.
 */
int store_sync_catalog(struct store *store, const struct bank_catalog *catalog, int *changed, char **cause);

#endif
