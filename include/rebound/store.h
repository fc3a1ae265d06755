/* store: the SQLite database in the data dir; only src/store/ uses SQLite.
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
 *   -- since version 3:
 *   session_question(session_id -> session, position, question_id)   what the session set out to ask
 *   session.think_seconds, session.answer_seconds   clock overrides (NULL: each question's own)
 *   session.follow_ups                              1 if follow-up questions are asked
 *   session.answer_count, rated_count, answer_ms    main answers, rated answers and answering time,
 *                                                   kept by triggers on answer
 *   answer.rated_at                                 when the self-rating was given (NULL: not yet)
 *   session_theme(theme_id, session_id -> session, score_sum, score_count)
 *       the sum and number of ratings per theme and session, kept by triggers on rating.
 *   -- since version 4:
 *   setting(key PK, value)   the user's settings ("audio.input", "audio.rate", "interview.spoken"...)
 *   session.spoken           1 if the session records spoken answers
 *   -- since version 5:
 *   review.added_on          the day the question entered the drill schedule: the rated answers given
 *                            from that day on drive it (src/practice/sched.c explains how)
 *   -- since version 6:
 *   recording.syllables, pace_wpm   syllable nuclei counted in the signal, and the words per minute over
 *                                   speaking time estimated from them (NULL: too little speech)
 *   transcript(answer_id PK -> answer, engine, text, word_count, confidence 0..1 (mean word posterior),
 *              filler_count, hedge_count, repeat_count, decode_ms, created_at)
 *       decode_ms: how long the transcript took once the answer had ended (the wait after a spoken answer),
 *       or to make from the recording ('transcribe')
 *   transcript_word(answer_id -> transcript, position, word, start_ms, end_ms, confidence 0..1)
 *   answer_words   FTS5 index of each answer's typed text or transcript, rowid = answer id; since version 9
 *                  its one column, stems, holds the Snowball stems of the words (words.h), written by the
 *                  store: SELECT rowid FROM answer_words WHERE answer_words MATCH 'team lead';
 *   -- since version 7:
 *   recording.unwritten_frames   frames captured but not written (a full disk, a file size limit): the
 *                                file, and recording.frames, hold only the rest
 *   -- since version 8:
 *   evidence(answer_id PK -> answer, source 'typed'|'transcript', situation, task, action, result (0/1),
 *            ends_at_action, generic, numbers, dates, i_actions, we_actions, words, keywords_said,
 *            keywords_total, points_said, points_total, created_at)
 *       what the answer held when it was saved (analysis.h), beside its self-ratings
 *   -- since version 10:
 *   review(question_id PK, due_on, interval_days, streak, last_reviewed_at, added_on, stability, difficulty,
 *          reviews, lapses, first_reviewed_on, reviewed_on, retention)
 *       FSRS-6's memory state (sched.h) folded from the rated answers for the desired retention; ease is
 *       gone and repetitions is streak (reviews in a row graded Hard or better); first_reviewed_on and
 *       reviewed_on are the local days of the first and the last review (NULL: never reviewed)
 *   prep(id PK, company, role, on_day, stage, banks (comma-separated ids, or NULL: the drill banks),
 *        outcome NULL|'offer'|'rejected'|'withdrawn', rejection_id -> rejection, created_at, closed_at)
 *       the interviews coming up, to be ready by ('prep'), and how each went
 *   -- since version 11:
 *   recording.speech_start_ms, speech_end_ms   where the first speech began and the last ended (vad.h):
 *                                              the answer's length; NULL in recordings made before
 *   answer.stopped_by 'silence'                a spoken answer ended by the silence after it
 *                                              (audio.end_silence)
 *   -- since version 12:
 *   spot(answer_id -> transcript, phrase, listened 0/1, score (NULL: never detected), start_ms, end_ms)
 *       what the keyword spotter made of each phrase it was given (recognizer.h): listened 0 when it
 *       could not listen for it; score in nats a phone, RECOGNIZER_SPOTTED or over meaning said
 */
#ifndef REBOUND_STORE_H
#define REBOUND_STORE_H

#include "rebound/arena.h"
#include "rebound/bank.h"
#include "rebound/map.h"

#define STORE_FILE_NAME "rebound.db"
#define STORE_LATEST_VERSION 12
#define STORE_BUSY_TIMEOUT_MS 5000

struct store;

/*
 * Opens (creating if needed, mode 0600) the database at path and migrates it to the latest version.
 * Refuses a database whose version is newer than this binary knows. A current schema is only read, so
 * opening takes no write lock. A database that cannot be written where it is (a read-only data dir or
 * file) opens read-only (store_readonly), for reading and export; its writes fail with a message that
 * says so. Returns NULL with *cause set.
 */
struct store *store_open(const char *path, char **cause);
/* The same, migrating only up to target_version (for tests of migrations). */
struct store *store_open_version(const char *path, int target_version, char **cause);
/* 1 if the store was opened read-only. */
int store_readonly(const struct store *store);
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

/* ------------------------------------------------------------------------------------------------
 * Sessions, answers and ratings (store-session.c). Results are allocated in the caller's arena.
 */

struct store_session {
	long long id;
	const char *kind, *status;		/* "interview" or "drill"; "open", "finished" or "discarded" */
	const char *started_at, *ended_at;	/* ISO UTC; ended_at NULL while open */
	const char *bank, *stage, *theme;	/* the filters it was started with, or NULL */
	int planned_count;
	int think_seconds, answer_seconds;	/* clock overrides, or -1 for each question's own */
	int follow_ups;				/* 1 if follow-up questions are asked */
	int spoken;				/* 1 if answers are recorded */
	/* Filled by get and list: */
	int answered;				/* main answers saved (follow-ups not counted) */
	int rating_count;
	double rating_avg;			/* over every rating in the session; 0 without ratings */
};

/* A spoken answer's recording and its voice-activity and pace figures. */
struct store_recording {
	const char *path;			/* relative to the data dir: "recordings/s12-q3.wav" */
	int sample_rate, channels;
	long long frames, dropped_frames;	/* frames: what the file holds */
	long long unwritten_frames;		/* captured but not written (a full disk): the answer was cut short */
	long long speaking_ms, longest_pause_ms;
	long long speech_start_ms, speech_end_ms;	/* -1 and -1: not measured (before schema 11) */
	double silence_ratio;
	int long_pauses;
	int syllables;				/* nuclei counted (pace.h) */
	double pace_wpm;			/* estimated words per minute; 0 when there was too little speech */
};

/* The answer's length: from the first speech to the last, or the whole recording when that was not
 * measured. */
long long store_recording_length_ms(const struct store_recording *r);

/* A spoken answer's transcript (store-transcript.c), with the coaching counts made from it. */
struct store_transcript_word {
	const char *word;
	long long start_ms, end_ms;
	double confidence;			/* 0..1 */
};

/* What the keyword spotter made of one phrase (the spot table above). */
struct store_spot {
	const char *phrase;
	int listened, detected;			/* detected 0: score, start_ms and end_ms mean nothing */
	double score;
	long long start_ms, end_ms;
};

struct store_transcript {
	const char *engine;			/* "pocketsphinx 5prealpha, en-us model" */
	const char *text;			/* the words, space-separated */
	double confidence;			/* the words' mean */
	int fillers, hedges, repeats;
	long long decode_ms;			/* see the schema above */
	const char *created_at;			/* filled by get */
	const struct store_transcript_word *words;
	size_t word_count;
	const struct store_spot *spots;		/* the phrases listened for, in the order given; none before v12 */
	size_t spot_count;
};

/* What an answer held (analysis.h's figures, as kept). */
struct store_evidence {
	const char *source;			/* "typed" or "transcript" */
	int situation, task, action, result;	/* 1 when present */
	int ends_at_action, generic;
	int numbers, dates, i_actions, we_actions, words;
	int keywords_said, keywords_total, points_said, points_total;
};

struct store_answer {
	long long id, session_id;
	long long follow_up_of;			/* the main answer's id, or 0 */
	int position;				/* 1-based place in the session; a follow-up shares its main's */
	const char *question_id, *question_text;
	const char *mode;			/* "typed" or "spoken" */
	const char *text;			/* what was typed, or NULL */
	int think_limit_seconds, answer_limit_seconds;
	long long think_used_ms, answer_used_ms;
	int overtime;				/* 1 if the clock ran out */
	const char *stopped_by;			/* "enter", "eof", "limit", "interrupt" or "silence" */
	const char *note, *answered_at, *rated_at;
	const struct store_recording *recording;	/* saved with the answer when not NULL (add only) */
	const struct store_transcript *transcript;	/* likewise, with a recording */
	const struct store_evidence *evidence;		/* saved with the answer when not NULL (add only) */
};

struct store_rating {
	const char *theme_id;
	int score;				/* 1..5 */
};

/* Creates an open session that plans to ask question_ids in order; returns its id, or -1 with *cause. */
long long store_session_create(struct store *store, const struct store_session *spec,
			       const char *const *question_ids, size_t count, char **cause);
/* 1 found, 0 no such session, -1 error. */
int store_session_get(struct store *store, long long id, struct arena *arena, struct store_session *out,
		      char **cause);
/* Sessions newest first, at most limit (0: all), discarded ones only if include_discarded. */
int store_session_list(struct store *store, int include_discarded, int limit, struct arena *arena,
		       struct store_session **out, size_t *count, char **cause);
/* The newest open session's id, 0 if none, -1 on error. */
long long store_session_last_open(struct store *store, char **cause);
/* The planned question ids in order. */
int store_session_questions(struct store *store, long long id, struct arena *arena, const char ***ids,
			    size_t *count, char **cause);
/* Sets status to "finished" or "discarded" (and ended_at to now). */
int store_session_close(struct store *store, long long id, const char *status, char **cause);

/* Removes a session that has no answer (one stopped before its first); returns 1 if removed, 0 if it has
 * answers, -1 on error. */
int store_session_delete_empty(struct store *store, long long id, char **cause);

/* Saves one answer in one transaction; returns its id, or -1 with *cause. */
long long store_answer_add(struct store *store, const struct store_answer *answer, char **cause);
/* The same, in place of answer old_id (one not rated yet: an interrupted answer continued or answered
 * again), removed in the same transaction with its recording's row, transcript and evidence; the
 * recording's file is the caller's to remove. */
long long store_answer_replace(struct store *store, long long old_id, const struct store_answer *answer,
			       char **cause);
/* 1 found, 0 not, -1 error. */
int store_answer_get(struct store *store, long long id, struct arena *arena, struct store_answer *out,
		     char **cause);
/* A self-rating with the evidence of its answer. */
struct store_rated_evidence {
	int score;
	struct store_evidence evidence;
};
/* The newest limit ratings of theme_id (in sessions not discarded) whose answers have evidence, newest
 * first. 0, or -1 with *cause. */
int store_rated_evidence(struct store *store, const char *theme_id, int limit, struct arena *arena,
			 struct store_rated_evidence **out, size_t *count, char **cause);
/* An answer's evidence: 1 found, 0 none, -1 error. */
int store_evidence_get(struct store *store, long long answer_id, struct arena *arena, struct store_evidence *out,
		       char **cause);
/* 1 if a saved answer's recording is at path (relative to the data dir), 0 if none is, -1 on error. */
int store_recording_path_used(struct store *store, const char *path, char **cause);
/* Points the answer's recording at a new file (its compact copy): 1 if it was at old_path and now is at
 * new_path, 0 if it was not at old_path (nothing changed), -1 on error. */
int store_recording_move(struct store *store, long long answer_id, const char *old_path, const char *new_path,
			 char **cause);
/* The recording of an answer: 1 found, 0 none, -1 error. */
int store_recording_get(struct store *store, long long answer_id, struct arena *arena, struct store_recording *out,
			char **cause);
/* Every recorded answer to question_id (follow-ups included) in sessions not discarded, oldest first. */
int store_answer_list_recorded(struct store *store, const char *question_id, struct arena *arena,
			       struct store_answer **out, size_t *count, char **cause);
/* Every recorded answer with no transcript, in sessions not discarded, oldest first. */
int store_answer_list_untranscribed(struct store *store, struct arena *arena, struct store_answer **out,
				    size_t *count, char **cause);
/* A session's answers by position, each follow-up after its main answer. */
int store_answer_list(struct store *store, long long session_id, struct arena *arena,
		      struct store_answer **out, size_t *count, char **cause);

/* Replaces an answer's ratings and note (NULL or "" for none) and marks it rated, in one transaction. */
int store_rating_save(struct store *store, long long answer_id, const struct store_rating *ratings,
		      size_t count, const char *note, char **cause);
int store_rating_list(struct store *store, long long answer_id, struct arena *arena,
		      struct store_rating **out, size_t *count, char **cause);

/*
 * Fills map (keys in arena) with every question ever answered in a session that was not discarded,
 * each mapped to a recency rank: (void *)(intptr_t) of the id of its latest answer (bigger is more recent).
 */
int store_question_recency(struct store *store, struct arena *arena, struct map *map, char **cause);

/* Replaces the transcript of an answer (which must have a recording) and the evidence drawn from it, in
 * one transaction: evidence (source "transcript") takes the place of any kept before; NULL, for a
 * transcript not clear enough to draw figures from, removes what an earlier transcript gave. */
int store_transcript_save(struct store *store, long long answer_id, const struct store_transcript *transcript,
			  const struct store_evidence *evidence, char **cause);
/* The transcript of an answer, words in order (in arena): 1 found, 0 none, -1 error. */
int store_transcript_get(struct store *store, long long answer_id, struct arena *arena, struct store_transcript *out,
			 char **cause);

/* An answer whose typed text or transcript has every word of a search. */
struct store_search_hit {
	long long answer_id, session_id;
	const char *question_id, *mode, *answered_at;
	const char *snippet;			/* the matching part, words found between [ and ] */
	double confidence;			/* the transcript's (0..1), or -1 for typed text */
};

/* Answers whose text or transcript contains every word of text (stemmed: "leading" finds "lead"), in
 * sessions not discarded, best match first, at most limit. 0 or -1 with *cause; no words: nothing found. */
int store_search(struct store *store, const char *text, int limit, struct arena *arena, struct store_search_hit **out,
		 size_t *count, char **cause);

/* ------------------------------------------------------------------------------------------------
 * Export (store-export.c): whole tables as text, in a stable layout. Columns, in order (add at the end,
 * never rename or reorder):
 *   sessions:   id, kind, status, started_at, ended_at, bank, stage, theme, planned_count, answered, rated,
 *               answer_ms, think_seconds, answer_seconds, follow_ups, spoken, note
 *   answers:    id, session_id, position, question_id, question_text, follow_up_of, mode, text,
 *               think_limit_seconds, think_used_ms, answer_limit_seconds, answer_used_ms, overtime, stopped_by,
 *               note, answered_at, rated_at, recording, speaking_ms, silence_ratio, long_pauses,
 *               longest_pause_ms, pace_wpm, transcript, transcript_confidence, filler_count, hedge_count
 *   ratings:    answer_id, theme_id, score, rated_at
 *   rejections: id, company, role, rejected_on, stage_reached, interviewer, feedback, themes (ids, space-
 *               separated), created_at
 * (the answers' columns after hedge_count: unwritten_frames, evidence_source, star_parts, ends_at_action,
 * numbers, i_actions, we_actions, keywords_said, keywords_total, points_said, points_total), then, from
 * version 2, the rest of the store as it is kept, every column of each table:
 *   session_questions (session_question), recordings (recording), transcripts (transcript),
 *   transcript_words (transcript_word), spots (spot), evidence, rejection_themes (rejection_theme),
 *   reflections (reflection), plan (plan_action), reviews (review: the drill schedule), preps (prep).
 */

enum store_value_kind { STORE_VALUE_NULL, STORE_VALUE_NUMBER, STORE_VALUE_TEXT };

struct store_export_row {
	size_t count;
	const char **names;		/* the columns */
	const char **values;		/* as text; NULL for a NULL value */
	enum store_value_kind *kinds;
	int header;			/* 1 for the first call, which has only the names */
	int first;			/* 1 for the first row of values */
};

/* Called with the header, then each row; a non-zero return stops the export and is returned. */
typedef int (*store_export_fn)(void *data, const struct store_export_row *row);

/* The tables in the order above, NULL-terminated: a row's parent always comes before it. */
extern const char *const store_export_tables[];

/* Reads every row of the named table. -1 with *cause, or fn's non-zero result. */
int store_export_rows(struct store *store, const char *table, store_export_fn fn, void *data, char **cause);
/* A read snapshot: the tables read between these agree with each other. */
int store_snapshot_begin(struct store *store, char **cause);
void store_snapshot_end(struct store *store);

/*
 * Import (store-import.c): an export's rows put back into a store that holds no practice yet (no session,
 * rejection, plan action, interview to prepare or drill schedule), in one transaction: store_import_begin,
 * store_import_row for each row (a row's parent first, as export writes them), store_import_end. Each table's
 * columns as export writes them (store_export_row: names, values and kinds; header ignored); columns import
 * does not keep (the answers' joined ones, the sessions' counts, which the store counts again) and columns a
 * newer rebound added are passed over. A recording's path must name a file in the recordings folder.
 * store_import_end(store, 1) rebuilds the search index and commits; (store, 0) rolls everything back.
 */
int store_import_begin(struct store *store, char **cause);
int store_import_row(struct store *store, const char *table, const struct store_export_row *row, char **cause);
int store_import_end(struct store *store, int commit, char **cause);
/* How many rows of each kind an import put back so far, for its report (sessions, answers...). */
long long store_import_count(const struct store *store, const char *table);

/* A consistent copy of the database at path (SQLite's online backup API: other rebound processes may go on
 * writing meanwhile; the copy is the database as one moment saw it), written under a temporary name,
 * checked with PRAGMA integrity_check, fsynced and renamed into place, mode 0600. Never the store's own
 * file. 0 with *out describing the copy (the recordings' paths in arena), or -1 with *cause. */
struct store_backup_result {
	long long sessions, answers, rejections, bytes;
	const char **recordings;	/* "recordings/s1-q1.flac": the files the copy names */
	size_t recording_count;
};
int store_backup(struct store *store, const char *path, struct arena *arena, struct store_backup_result *out,
		 char **cause);

/* ------------------------------------------------------------------------------------------------
 * Settings (store.c)
 */

/* The value of key (in arena): 1 found, 0 not set, -1 error. */
int store_setting_get(struct store *store, const char *key, struct arena *arena, const char **value, char **cause);
/* 1 when any setting is kept (older versions kept them here; app.c moves them to the settings file). */
int store_setting_any(struct store *store);
/* Sets key to value, or removes it when value is NULL. */
int store_setting_set(struct store *store, const char *key, const char *value, char **cause);

/* ------------------------------------------------------------------------------------------------
 * Progress (store-session.c): per-session theme sums, from session_theme.
 */

struct store_theme_point {
	const char *theme_id;
	long long session_id;
	int sum, count;
};

/* Which sessions progress counts: those not discarded, started at or after since (ISO UTC, or NULL) and
 * with an id of at least first_id (0 for any). */
struct store_range {
	const char *since;
	long long first_id;
};

/* Every (theme, session) with ratings in range, ordered by theme id then session id (which is the
 * order sessions started in). */
int store_theme_points(struct store *store, const struct store_range *range, struct arena *arena,
		       struct store_theme_point **out, size_t *count, char **cause);

/* For one (theme, session): the rated answers with evidence, and how many of them held a result and a
 * number (what 'insights' calibrates structure and examples against). */
struct store_evidence_point {
	const char *theme_id;
	long long session_id;
	int answers, with_result, with_number;
};

/* Every (theme, session) in range with rated answers that have evidence, in store_theme_points' order. */
int store_evidence_points(struct store *store, const struct store_range *range, struct arena *arena,
			  struct store_evidence_point **out, size_t *count, char **cause);

struct store_theme_sum {
	const char *theme_id;
	int sum, count;
};

/* Theme sums of one session (before 0), or of every session not discarded before it (before 1). */
int store_theme_sums(struct store *store, long long session_id, int before, struct arena *arena,
		     struct store_theme_sum **out, size_t *count, char **cause);

/* One session's recorded answers: how many, and their average silence ratio and long pauses; the average
 * pace of those with one (0 if none); fillers and hedges per minute of speaking over those with a
 * transcript clear enough to count (-1 if none). */
struct store_speaking_point {
	long long session_id;
	int recordings;
	double silence_ratio, long_pauses;
	double pace_wpm, fillers_per_minute, hedges_per_minute;
};

/* Which transcripts are clear enough to count: at least this confidence over this much speech. */
struct store_clear_enough {
	double confidence;
	long long speaking_ms;
};

/* Every session in range with recordings, oldest first. */
int store_speaking_points(struct store *store, const struct store_range *range, const struct store_clear_enough *clear,
			  struct arena *arena, struct store_speaking_point **out, size_t *count, char **cause);

struct store_totals {
	long long sessions, answers, rated_answers, answer_ms;
};

/* Totals over the sessions in range; fills *starts (in arena) with each one's start, oldest first,
 * for streaks. */
int store_totals(struct store *store, const struct store_range *range, struct arena *arena, struct store_totals *totals,
		 const char ***starts, size_t *start_count, char **cause);

/* One session's answers against their clock (follow-ups included): how many, how many ran to the limit,
 * and the average time used and allowed, in seconds. */
struct store_session_times {
	long long session_id;
	const char *started_at;			/* ISO UTC */
	int answers, at_limit;
	double used_seconds, limit_seconds;
};

/* Every session in range with answers, oldest first. */
int store_session_times(struct store *store, const struct store_range *range, struct arena *arena,
			struct store_session_times **out, size_t *count, char **cause);

/* ------------------------------------------------------------------------------------------------
 * The rejection log and the growth plan (store-reject.c)
 */

struct store_rejection_theme {
	const char *theme_id;
	const char *reason;			/* why it was suggested ("\"lacked examples\""), or NULL */
};

struct store_reflection {
	const char *stage_id;
	const char *went_well, *do_better;	/* NULL when not given */
};

struct store_rejection {
	long long id;
	const char *company, *role;
	const char *rejected_on;		/* "YYYY-MM-DD" */
	const char *stage_reached;		/* a stage id, or NULL */
	const char *interviewer;		/* or NULL */
	const char *feedback;			/* "" when none was given */
	const char *created_at;			/* set by the store */
	struct store_rejection_theme *themes;
	size_t theme_count;
	struct store_reflection *reflections;
	size_t reflection_count;
};

/*
 * Saves a new rejection with its themes and reflections, and adds the questions in review_ids to the
 * drill schedule due on review_day ("YYYY-MM-DD"; those already in it keep their place), all in one
 * transaction. Returns the new id, or -1 with *cause.
 */
long long store_rejection_add(struct store *store, const struct store_rejection *rejection,
			      const char *const *review_ids, size_t review_count, const char *review_day, char **cause);
/* Replaces rejection->id's fields, themes and reflections, and schedules review_ids as add does; the
 * questions never reviewed that no rejection's themes call for any more leave the schedule.
 * 1 done, 0 no such rejection, -1 error. */
int store_rejection_update(struct store *store, const struct store_rejection *rejection,
			   const char *const *review_ids, size_t review_count, const char *review_day, char **cause);
/* One rejection with its themes and reflections: 1 found, 0 not, -1 error. */
int store_rejection_get(struct store *store, long long id, struct arena *arena, struct store_rejection *out,
			char **cause);
/* Every rejection with its themes (not its reflections), newest date first. */
int store_rejection_list(struct store *store, struct arena *arena, struct store_rejection **out, size_t *count,
			 char **cause);
/* Removes a rejection, its themes and reflections, and from the schedule the questions never reviewed
 * that no other rejection's themes call for; plan actions made from it stay. 1, 0 none, -1. */
int store_rejection_delete(struct store *store, long long id, char **cause);

struct store_plan_action {
	long long id;
	const char *theme_id;
	long long rejection_id;			/* the rejection it came from, or 0 */
	const char *text;
	const char *status;			/* "todo", "doing" or "done" */
	const char *due_on;			/* "YYYY-MM-DD", or NULL */
	const char *created_at, *done_at;	/* set by the store; done_at NULL unless done */
};

/* Returns the new action's id, or -1. */
long long store_plan_add(struct store *store, const struct store_plan_action *action, char **cause);
/* Every action, oldest first. */
int store_plan_list(struct store *store, struct arena *arena, struct store_plan_action **out, size_t *count,
		    char **cause);
/* Sets an action's status (and done_at when "done"): 1, 0 no such action, -1. */
int store_plan_set_status(struct store *store, long long id, const char *status, char **cause);
/* 1 removed, 0 no such action, -1. */
int store_plan_delete(struct store *store, long long id, char **cause);

/* ------------------------------------------------------------------------------------------------
 * The drill schedule (store-review.c): one row per question in it, kept by store_rating_save and
 * store_session_close from the question's rated answers (see sched.h).
 */

struct store_review {
	const char *question_id;
	const char *due_on, *added_on;		/* "YYYY-MM-DD" */
	int interval_days, streak, reviews, lapses;
	double stability, difficulty;		/* FSRS's memory state (sched.h); 0 before the first review */
	const char *last_reviewed_at;		/* the answer that last moved it (ISO UTC), or NULL */
	const char *first_reviewed_on;		/* the local days of the first and last reviews, or NULL */
	const char *reviewed_on;
};

/* The desired retention (0.7..0.99; anything else is SCHED_RETENTION_DEFAULT) the schedule is folded for;
 * rows folded for another are folded again the next time the schedule is listed. */
void store_set_retention(struct store *store, double retention);

/* ------------------------------------------------------------------------------------------------
 * The interviews to prepare for (store-prep.c): 'prep'.
 */

struct store_prep {
	long long id;
	const char *company, *role;		/* role may be NULL */
	const char *on_day;			/* "YYYY-MM-DD" */
	const char *stage;			/* a stage id, or NULL */
	const char *banks;			/* comma-separated bank ids, or NULL: the drill banks */
	const char *outcome;			/* NULL (to come, or not said yet), "offer", "rejected", "withdrawn" */
	long long rejection_id;			/* the rejection logged for it, or 0 */
	const char *created_at, *closed_at;	/* ISO UTC; closed_at NULL until the outcome is said */
};

/* A key and how many times it was counted. */
struct store_count {
	const char *key;
	int count;
};

/* The new interview's id, or -1 with *cause (outcome, rejection_id and the times are the store's). */
long long store_prep_add(struct store *store, const struct store_prep *prep, char **cause);
/* Every one, soonest first. */
int store_prep_list(struct store *store, struct arena *arena, struct store_prep **out, size_t *count, char **cause);
/* Sets how it went (NULL: not said) and the rejection logged for it (0: none). 1, 0 for no such id, -1. */
int store_prep_close(struct store *store, long long id, const char *outcome, long long rejection_id, char **cause);
/* 1 removed, 0 no such id, -1. */
int store_prep_delete(struct store *store, long long id, char **cause);
/* For each question, the rated main answers (sessions not discarded) given on day ("YYYY-MM-DD", local)
 * or later, by question id. */
int store_practice_since(struct store *store, const char *day, struct arena *arena, struct store_count **out,
			 size_t *count, char **cause);

/* Adds questions to the schedule due on day ("YYYY-MM-DD"); those already in it are left alone.
 * *added (if not NULL) receives how many were new. */
int store_review_add(struct store *store, const char *const *question_ids, size_t count, const char *day,
		     int *added, char **cause);
/* The whole schedule, soonest due first (then by question id). */
int store_review_list(struct store *store, struct arena *arena, struct store_review **out, size_t *count,
		      char **cause);

#endif
