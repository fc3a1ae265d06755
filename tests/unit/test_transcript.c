/* Unit tests for transcripts: spoken answers saved with their recording and transcript and read back, a
 * transcript replaced, the full-text search over typed and spoken answers (answer_words and its triggers),
 * migration 6 on an older database, and transcript.c's build, withheld and lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "rebound/arena.h"
#include "rebound/date.h"
#include "rebound/recognizer.h"
#include "rebound/speech.h"
#include "rebound/store.h"
#include "rebound/transcript.h"
#include "rebound/util.h"
#include "store-fixture.h"

#define MAX_WORDS 32

/* ------------------------------------------------------------------------------------------------
 * Fixture: a fresh store in a temporary directory
 */

static const char themes_yaml[] =
	"stages: [{id: onsite, title: Onsite}]\n"
	"themes:\n"
	"  - {id: clarity, title: C, description: D, rubric: {1: a, 3: b, 5: c}}\n";

static int setup(void **state)
{
	return fixture_setup(state, themes_yaml);
}

static int teardown(void **state)
{
	return fixture_teardown(state);
}

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */


static const char *source_dir(void)
{
	const char *source = getenv("REBOUND_SOURCE");

	if (source == NULL)
		fail_msg("REBOUND_SOURCE is not set: it must name the source tree holding assets/fillers.txt");
	return source;
}

/* The bundled filler and hedge lists (caller frees with speech_lists_free). */
static struct speech_lists *bundled_lists(void)
{
	char *fillers = xasprintf("%s/assets/fillers.txt", source_dir());
	char *hedges = xasprintf("%s/assets/hedges.txt", source_dir());
	char *cause = NULL;
	struct speech_lists *lists = speech_lists_load(fillers, hedges, &cause);

	if (lists == NULL)
		fail_msg("%s", cause);
	free(fillers);
	free(hedges);
	return lists;
}

static long long create_session(struct fixture *f)
{
	struct store_session spec;
	char *cause = NULL;
	long long id;

	memset(&spec, 0, sizeof spec);
	spec.kind = "interview";
	spec.think_seconds = spec.answer_seconds = -1;
	spec.follow_ups = 1;
	spec.spoken = 1;
	id = store_session_create(f->store, &spec, NULL, 0, &cause);
	if (id <= 0)
		fail_msg("cannot create a session: %s", cause);
	return id;
}

static void fill_answer(struct store_answer *a, long long session_id, int position, const char *question_id)
{
	memset(a, 0, sizeof *a);
	a->session_id = session_id;
	a->position = position;
	a->question_id = question_id;
	a->question_text = "Tell me about a time.";
	a->think_limit_seconds = 15;
	a->think_used_ms = 3000;
	a->answer_limit_seconds = 120;
	a->answer_used_ms = 45000;
	a->stopped_by = "enter";
}

static long long add_typed(struct fixture *f, long long session_id, int position, const char *text)
{
	struct store_answer a;
	char *cause = NULL;
	long long id;

	fill_answer(&a, session_id, position, "q-typed");
	a.mode = "typed";
	a.text = text;
	id = store_answer_add(f->store, &a, &cause);
	if (id <= 0)
		fail_msg("cannot save an answer: %s", cause);
	return id;
}

/* A recording with figures that differ from one another, so that a swapped column shows. */
static struct store_recording recording_for(const char *path, int syllables, double pace_wpm)
{
	struct store_recording r;

	memset(&r, 0, sizeof r);
	r.path = path;
	r.sample_rate = 16000;
	r.channels = 1;
	r.frames = 720000;
	r.dropped_frames = 3;
	r.speaking_ms = 38000;
	r.longest_pause_ms = 2100;
	r.silence_ratio = 0.25;
	r.long_pauses = 2;
	r.syllables = syllables;
	r.pace_wpm = pace_wpm;
	r.speech_start_ms = 1200;
	r.speech_end_ms = 41000;
	return r;
}

/* A spoken answer with a recording and, unless NULL, a transcript. */
static long long add_spoken(struct fixture *f, long long session_id, int position,
			    const struct store_transcript *transcript)
{
	struct store_recording r = recording_for("recordings/s1-q1.wav", 100, 140);
	struct store_answer a;
	char *cause = NULL;
	long long id;

	fill_answer(&a, session_id, position, "q-spoken");
	a.mode = "spoken";
	a.recording = &r;
	a.transcript = transcript;
	id = store_answer_add(f->store, &a, &cause);
	if (id <= 0)
		fail_msg("cannot save a spoken answer: %s", cause);
	return id;
}

/* A transcript of text cut at spaces (in arena): word i from i*500 to i*500+400 ms, sure to 0.5 + i/100. */
static struct store_transcript transcript_of(struct arena *arena, const char *text)
{
	struct store_transcript_word *words = arena_alloc(arena, MAX_WORDS * sizeof *words);
	char *copy = arena_strdup(arena, text), *save = NULL, *word;
	struct store_transcript t;
	size_t n = 0;

	for (word = strtok_r(copy, " ", &save); word != NULL; word = strtok_r(NULL, " ", &save)) {
		assert_true(n < MAX_WORDS);
		words[n].word = word;
		words[n].start_ms = (long long)n * 500;
		words[n].end_ms = (long long)n * 500 + 400;
		words[n].confidence = 0.5 + (double)n / 100;
		n++;
	}
	memset(&t, 0, sizeof t);
	t.engine = "test engine";
	t.text = arena_strdup(arena, text);
	t.confidence = 0.75;
	t.fillers = 1;
	t.hedges = 2;
	t.repeats = 3;
	t.decode_ms = 420;
	t.words = words;
	t.word_count = n;
	return t;
}

static void assert_transcripts_equal(const struct store_transcript *actual, const struct store_transcript *expected)
{
	size_t i;

	assert_string_equal(actual->engine, expected->engine);
	assert_string_equal(actual->text, expected->text);
	assert_near(actual->confidence, expected->confidence);
	assert_int_equal(actual->fillers, expected->fillers);
	assert_int_equal(actual->hedges, expected->hedges);
	assert_int_equal(actual->repeats, expected->repeats);
	assert_int_equal(actual->decode_ms, expected->decode_ms);
	assert_int_equal(actual->word_count, expected->word_count);
	for (i = 0; i < expected->word_count; i++) {
		assert_string_equal(actual->words[i].word, expected->words[i].word);
		assert_int_equal(actual->words[i].start_ms, expected->words[i].start_ms);
		assert_int_equal(actual->words[i].end_ms, expected->words[i].end_ms);
		assert_near(actual->words[i].confidence, expected->words[i].confidence);
	}
	assert_int_equal(actual->spot_count, expected->spot_count);
	for (i = 0; i < expected->spot_count; i++) {
		assert_string_equal(actual->spots[i].phrase, expected->spots[i].phrase);
		assert_int_equal(actual->spots[i].listened, expected->spots[i].listened);
		assert_int_equal(actual->spots[i].detected, expected->spots[i].detected);
		if (expected->spots[i].detected) {
			assert_near(actual->spots[i].score, expected->spots[i].score);
			assert_int_equal(actual->spots[i].start_ms, expected->spots[i].start_ms);
			assert_int_equal(actual->spots[i].end_ms, expected->spots[i].end_ms);
		}
	}
}

static void get_transcript(struct fixture *f, long long answer_id, struct store_transcript *out)
{
	char *cause = NULL;

	memset(out, 0x5a, sizeof *out);
	if (store_transcript_get(f->store, answer_id, &f->arena, out, &cause) != 1)
		fail_msg("no transcript for answer %lld: %s", answer_id, cause ? cause : "none saved");
}

/* The ids store_search finds for text, in its order, as "3,1" (caller frees). */
static char *search_ids(struct fixture *f, const char *text, int limit)
{
	struct store_search_hit *hits = NULL;
	char *all = xstrdup(""), *cause = NULL;
	size_t count = 99, i;

	if (store_search(f->store, text, limit, &f->arena, &hits, &count, &cause) != 0)
		fail_msg("searching '%s' failed: %s", text, cause);
	assert_true(count == 0 ? hits == NULL : hits != NULL);
	for (i = 0; i < count; i++) {
		char *joined = xasprintf("%s%s%lld", all, i ? "," : "", hits[i].answer_id);
		free(all);
		all = joined;
	}
	return all;
}

/* The ids found, sorted, for searches whose order (bm25's) is not the point. */
static char *search_set(struct fixture *f, const char *text)
{
	struct store_search_hit *hits = NULL;
	char *all = xstrdup(""), *cause = NULL;
	size_t count = 99, i, j;

	if (store_search(f->store, text, 100, &f->arena, &hits, &count, &cause) != 0)
		fail_msg("searching '%s' failed: %s", text, cause);
	for (i = 1; i < count; i++)
		for (j = i; j > 0 && hits[j - 1].answer_id > hits[j].answer_id; j--) {
			struct store_search_hit swap = hits[j];
			hits[j] = hits[j - 1];
			hits[j - 1] = swap;
		}
	for (i = 0; i < count; i++) {
		char *joined = xasprintf("%s%s%lld", all, i ? "," : "", hits[i].answer_id);
		free(all);
		all = joined;
	}
	return all;
}

static void assert_found(struct fixture *f, const char *text, const char *expected)
{
	char *actual = search_set(f, text);

	if (strcmp(actual, expected) != 0)
		fail_msg("searching '%s' found '%s', expected '%s'", text, actual, expected);
	free(actual);
}

/* Asserts that text finds exactly the answers listed (in any order): assert_found_ids(f, "team", a, b). */
#define assert_found_ids(f, text, ...) assert_found_list(f, text, (const long long[]){ __VA_ARGS__, 0 })

static void assert_found_list(struct fixture *f, const char *text, const long long *ids)
{
	char *expected = xstrdup("");
	size_t i;

	for (i = 0; ids[i] != 0; i++) {
		char *joined = xasprintf("%s%s%lld", expected, i ? "," : "", ids[i]);
		free(expected);
		expected = joined;
	}
	assert_found(f, text, expected);
	free(expected);
}

/* answer_words rows for one answer. */
static long long indexed(struct fixture *f, long long answer_id)
{
	char *sql = xasprintf("SELECT count(*) FROM answer_words WHERE rowid = %lld", answer_id);
	long long n = query_int(f->path, sql);

	free(sql);
	return n;
}

/* ------------------------------------------------------------------------------------------------
 * Saving and reading transcripts
 */

static void test_spoken_answer_round_trips(void **state)
{
	struct fixture *f = *state;
	struct store_recording recording = recording_for("recordings/s1-q1.wav", 212, 148.5), quiet, read;
	struct store_transcript saved = transcript_of(&f->arena, "we cut the release time by half"), got;
	/* what the keyword spotter made of the question's phrases: heard, never detected, not listened for */
	static const struct store_spot spots[] = {
		{ "release", 1, 1, -14.5, 800, 1300 }, { "rollback", 1, 0, 0, 0, 0 }, { "xqzt", 0, 0, 0, 0, 0 },
	};
	struct store_answer a;
	long long session, answer, typed, silent;
	char *cause = NULL, *sql;
	time_t created;

	saved.spots = spots;
	saved.spot_count = 3;
	session = create_session(f);
	fill_answer(&a, session, 1, "q-spoken");
	a.mode = "spoken";
	a.recording = &recording;
	a.transcript = &saved;
	answer = store_answer_add(f->store, &a, &cause);
	assert_true(answer > 0);

	get_transcript(f, answer, &got);
	assert_transcripts_equal(&got, &saved);
	assert_int_equal(got.word_count, 7);
	assert_string_equal(got.words[6].word, "half");
	assert_int_equal(got.words[6].start_ms, 3000);
	assert_int_equal(got.words[6].end_ms, 3400);
	assert_near(got.words[6].confidence, 0.56);
	assert_non_null(got.created_at);
	assert_int_equal(date_parse_iso(got.created_at, &created), 0);
	sql = xasprintf("SELECT word_count || '/' || filler_count || '/' || hedge_count || '/' || repeat_count"
			" FROM transcript WHERE answer_id = %lld", answer);
	assert_query_text(f->path, sql, "7/1/2/3");
	free(sql);
	sql = xasprintf("SELECT group_concat(position, ',') FROM transcript_word WHERE answer_id = %lld", answer);
	assert_query_text(f->path, sql, "1,2,3,4,5,6,7");
	free(sql);
	sql = xasprintf("SELECT group_concat(phrase || ':' || listened || ':' || coalesce(score, '-'), ',') FROM spot"
			" WHERE answer_id = %lld", answer);
	assert_query_text(f->path, sql, "release:1:-14.5,rollback:1:-,xqzt:0:-");
	free(sql);

	memset(&read, 0x5a, sizeof read);
	assert_int_equal(store_recording_get(f->store, answer, &f->arena, &read, &cause), 1);
	assert_string_equal(read.path, "recordings/s1-q1.wav");
	assert_int_equal(read.sample_rate, 16000);
	assert_int_equal(read.channels, 1);
	assert_int_equal(read.frames, 720000);
	assert_int_equal(read.dropped_frames, 3);
	assert_int_equal(read.speaking_ms, 38000);
	assert_int_equal(read.longest_pause_ms, 2100);
	assert_near(read.silence_ratio, 0.25);
	assert_int_equal(read.long_pauses, 2);
	assert_int_equal(read.syllables, 212);
	assert_near(read.pace_wpm, 148.5);
	assert_int_equal(read.speech_start_ms, 1200);
	assert_int_equal(read.speech_end_ms, 41000);
	assert_int_equal(store_recording_length_ms(&read), 39800);	/* the speech, not the 45 s file */

	/* Too little speech for a pace: 0 is stored as NULL and read back as 0; the syllables stay. */
	quiet = recording_for("recordings/s1-q2.wav", 3, 0);
	fill_answer(&a, session, 2, "q-quiet");
	a.mode = "spoken";
	a.recording = &quiet;
	a.transcript = NULL;
	silent = store_answer_add(f->store, &a, &cause);
	assert_true(silent > answer);
	sql = xasprintf("SELECT pace_wpm IS NULL FROM recording WHERE answer_id = %lld", silent);
	assert_int_equal(query_int(f->path, sql), 1);
	free(sql);
	sql = xasprintf("SELECT pace_wpm IS NULL FROM recording WHERE answer_id = %lld", answer);
	assert_int_equal(query_int(f->path, sql), 0);
	free(sql);
	memset(&read, 0x5a, sizeof read);
	assert_int_equal(store_recording_get(f->store, silent, &f->arena, &read, &cause), 1);
	assert_int_equal(read.syllables, 3);
	assert_near(read.pace_wpm, 0);

	/* No transcript: a recording saved without one, a typed answer, an answer that does not exist. */
	typed = add_typed(f, session, 3, "Typed, not said.");
	memset(&got, 0x5a, sizeof got);
	assert_int_equal(store_transcript_get(f->store, silent, &f->arena, &got, &cause), 0);
	assert_int_equal(store_transcript_get(f->store, typed, &f->arena, &got, &cause), 0);
	assert_int_equal(store_transcript_get(f->store, typed + 100, &f->arena, &got, &cause), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript"), 1);
}

/* A transcript goes with a recording: given without one, it is not saved. */
static void test_transcript_without_recording_is_not_saved(void **state)
{
	struct fixture *f = *state;
	struct store_transcript t = transcript_of(&f->arena, "nobody recorded this"), got;
	struct store_answer a;
	char *cause = NULL;
	long long answer;

	fill_answer(&a, create_session(f), 1, "q-a");
	a.mode = "spoken";
	a.transcript = &t;
	answer = store_answer_add(f->store, &a, &cause);
	assert_true(answer > 0);
	assert_int_equal(store_transcript_get(f->store, answer, &f->arena, &got, &cause), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript_word"), 0);
	assert_int_equal(indexed(f, answer), 0);
}

static void test_transcript_save_replaces(void **state)
{
	struct fixture *f = *state;
	struct store_transcript first = transcript_of(&f->arena, "we shipped the migration late"), got;
	struct store_transcript second = transcript_of(&f->arena, "the team rolled back");
	long long session, answer;
	char *cause = NULL, *sql;

	session = create_session(f);
	answer = add_spoken(f, session, 1, &first);
	assert_found_ids(f, "migration", answer);

	second.engine = "another engine";
	second.confidence = 0.61;
	second.fillers = 0;
	second.hedges = 0;
	second.repeats = 1;
	second.decode_ms = 9000;
	assert_int_equal(store_transcript_save(f->store, answer, &second, NULL, &cause), 0);
	get_transcript(f, answer, &got);
	assert_transcripts_equal(&got, &second);
	sql = xasprintf("SELECT group_concat(word, ' ') FROM (SELECT word FROM transcript_word"
			" WHERE answer_id = %lld ORDER BY position)", answer);
	assert_query_text(f->path, sql, "the team rolled back");
	free(sql);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript_word"), 4);

	/* One row in the index, with the new words only. */
	assert_int_equal(indexed(f, answer), 1);
	assert_found(f, "migration", "");
	assert_found(f, "shipped", "");
	assert_found_ids(f, "rolled", answer);
	assert_found_ids(f, "team back", answer);

	/* Saving fewer words leaves none of the old ones behind. */
	second = transcript_of(&f->arena, "fine");
	assert_int_equal(store_transcript_save(f->store, answer, &second, NULL, &cause), 0);
	get_transcript(f, answer, &got);
	assert_int_equal(got.word_count, 1);
	assert_string_equal(got.words[0].word, "fine");
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript_word"), 1);
	assert_found(f, "rolled", "");
}

/* The evidence drawn from a transcript goes with it: replaced by the new one's, and removed when the new
 * transcript is too unsure to draw any from. */
static void test_transcript_save_replaces_its_evidence(void **state)
{
	struct fixture *f = *state;
	struct store_transcript first = transcript_of(&f->arena, "i shipped it"), second = first;
	struct store_evidence e = { .source = "transcript", .action = 1, .words = 3 }, got;
	long long answer;
	char *cause = NULL;

	answer = add_spoken(f, create_session(f), 1, &first);
	assert_int_equal(store_transcript_save(f->store, answer, &second, &e, &cause), 0);
	assert_int_equal(store_evidence_get(f->store, answer, &f->arena, &got, &cause), 1);
	assert_string_equal(got.source, "transcript");
	assert_int_equal(got.action, 1);
	assert_int_equal(got.words, 3);
	e.result = 1;
	e.words = 7;
	assert_int_equal(store_transcript_save(f->store, answer, &second, &e, &cause), 0);
	assert_int_equal(store_evidence_get(f->store, answer, &f->arena, &got, &cause), 1);
	assert_int_equal(got.result, 1);
	assert_int_equal(got.words, 7);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM evidence"), 1);
	assert_int_equal(store_transcript_save(f->store, answer, &second, NULL, &cause), 0);
	assert_int_equal(store_evidence_get(f->store, answer, &f->arena, &got, &cause), 0);
}

/* A failed save changes nothing: the old transcript and its index row stay. */
static void test_transcript_save_failure_keeps_the_old_one(void **state)
{
	struct fixture *f = *state;
	struct store_transcript kept = transcript_of(&f->arena, "keep these words"), bad, got;
	struct store_transcript_word broken[2] = { { "fine", 0, 100, 0.9 }, { NULL, 100, 200, 0.9 } };
	long long answer;
	char *cause = NULL;

	answer = add_spoken(f, create_session(f), 1, &kept);
	bad = transcript_of(&f->arena, "fine lost");
	bad.words = broken;	/* a word without text breaks NOT NULL after the old transcript is deleted */
	assert_int_equal(store_transcript_save(f->store, answer, &bad, NULL, &cause), -1);
	assert_non_null(cause);
	assert_true(util_starts_with(cause, "cannot save a transcript's words in '"));
	free(cause);
	cause = NULL;
	get_transcript(f, answer, &got);
	assert_transcripts_equal(&got, &kept);
	assert_found_ids(f, "keep", answer);
	assert_found(f, "lost", "");

	/* An answer that does not exist has no transcript to replace. */
	assert_int_equal(store_transcript_save(f->store, answer + 100, &kept, NULL, &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript"), 1);

	/* The store is still usable: no transaction was left open. */
	assert_int_equal(store_transcript_save(f->store, answer, &kept, NULL, NULL), 0);
}

static void test_hostile_text_round_trips(void **state)
{
	static const char *const hostile[] = {
		"it's", "\"quoted\";", "%s%n%d", "100%", "café", "naïve", "日本語", "\"; DROP TABLE answer; --",
		"'); DELETE FROM transcript; --", "back\\slash", "tab\there",
	};
	struct fixture *f = *state;
	struct store_transcript_word words[sizeof hostile / sizeof *hostile];
	struct store_transcript t, got;
	long long answer;
	char *cause = NULL, *text = xstrdup("");
	size_t i;

	for (i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		char *joined = xasprintf("%s%s%s", text, i ? " " : "", hostile[i]);
		free(text);
		text = joined;
		words[i].word = hostile[i];
		words[i].start_ms = (long long)i * 1000;
		words[i].end_ms = (long long)i * 1000 + 999;
		words[i].confidence = 1.0 / (double)(i + 2);
	}
	memset(&t, 0, sizeof t);
	t.engine = "engine \"x\"; %s 'y' — ü";
	t.text = text;
	t.confidence = 0.333;
	t.decode_ms = 1;
	t.words = words;
	t.word_count = sizeof hostile / sizeof *hostile;

	/* Through store_answer_add, then again through store_transcript_save. */
	answer = add_spoken(f, create_session(f), 1, &t);
	get_transcript(f, answer, &got);
	assert_transcripts_equal(&got, &t);
	assert_int_equal(store_transcript_save(f->store, answer, &t, NULL, &cause), 0);
	get_transcript(f, answer, &got);
	assert_transcripts_equal(&got, &t);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM answer"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript"), 1);

	/* The index has the hostile words too, and searching with them is safe. */
	assert_found_ids(f, "café", answer);
	assert_found_ids(f, "naïve", answer);
	assert_found_ids(f, "\"; DROP TABLE answer; --", answer);
	assert_found_ids(f, "'); DELETE FROM transcript; --", answer);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript"), 1);
	free(text);
}

/* ------------------------------------------------------------------------------------------------
 * Search
 */

struct corpus {
	long long session, typed_lead, typed_ship, spoken, plain;
};

/* Two typed answers and a spoken one with a transcript, and one with neither word of interest. */
static void add_corpus(struct fixture *f, struct corpus *c)
{
	struct store_transcript heard;

	heard = transcript_of(&f->arena, "um so i think we lead the teams and shipped the rollout");
	c->session = create_session(f);
	c->typed_lead = add_typed(f, c->session, 1, "I led the team through a database migration.");
	c->typed_ship = add_typed(f, c->session, 2, "We shipped the feature on time; the client was happy.");
	c->spoken = add_spoken(f, c->session, 3, &heard);
	c->plain = add_typed(f, c->session, 4, "Nothing to see here.");
}

static void test_search_finds_typed_and_spoken(void **state)
{
	struct fixture *f = *state;
	struct store_search_hit *hits = NULL;
	struct corpus c;
	char *cause = NULL;
	size_t count = 99;

	add_corpus(f, &c);
	assert_int_equal(indexed(f, c.typed_lead), 1);
	assert_int_equal(indexed(f, c.spoken), 1);

	assert_found_ids(f, "migration", c.typed_lead);
	assert_found_ids(f, "rollout", c.spoken);
	assert_found_ids(f, "shipped", c.typed_ship, c.spoken);
	assert_found_ids(f, "MIGRATION", c.typed_lead);		/* case does not matter */
	assert_found(f, "kubernetes", "");

	/* Every word must be there. */
	assert_found_ids(f, "shipped client", c.typed_ship);
	assert_found_ids(f, "shipped rollout", c.spoken);
	assert_found(f, "migration rollout", "");

	/* Snowball stems: "leading" finds "lead", "teams" finds "team" (and "team" finds "teams"); "led" is no
	 * stem of "lead". */
	assert_found_ids(f, "leading", c.spoken);
	assert_found_ids(f, "teams", c.typed_lead, c.spoken);
	assert_found_ids(f, "team", c.typed_lead, c.spoken);
	assert_found_ids(f, "shipping", c.typed_ship, c.spoken);
	assert_found_ids(f, "led", c.typed_lead);

	/* A hit says where it is, and its snippet marks the word found. */
	assert_int_equal(store_search(f->store, "migration", 10, &f->arena, &hits, &count, &cause), 0);
	assert_int_equal(count, 1);
	assert_true(hits[0].answer_id == c.typed_lead);
	assert_true(hits[0].session_id == c.session);
	assert_string_equal(hits[0].question_id, "q-typed");
	assert_string_equal(hits[0].mode, "typed");
	assert_non_null(hits[0].answered_at);
	assert_int_equal(date_parse_iso(hits[0].answered_at, &(time_t){ 0 }), 0);
	assert_string_equal(hits[0].snippet, "I led the team through a database [migration].");
	assert_true(hits[0].confidence == -1);	/* typed: no recogniser to doubt */
	assert_int_equal(store_search(f->store, "rollout leading", 10, &f->arena, &hits, &count, &cause), 0);
	assert_int_equal(count, 1);
	assert_string_equal(hits[0].mode, "spoken");
	assert_near(hits[0].confidence, 0.75);	/* heard: how sure the recogniser was */
	assert_string_equal(hits[0].question_id, "q-spoken");
	assert_non_null(strstr(hits[0].snippet, "[lead]"));
	assert_non_null(strstr(hits[0].snippet, "[rollout]"));
	assert_null(strstr(hits[0].snippet, "[teams]"));
}

static void test_search_of_no_words_finds_nothing(void **state)
{
	static const char *const empty[] = { "", " ", "?!... --", "\"\"", "*", "()", "-:^+", "'", "''", " ' ' " };
	struct fixture *f = *state;
	struct store_search_hit *hits, stale;
	struct corpus c;
	char *cause;
	size_t count, i;

	add_corpus(f, &c);
	for (i = 0; i < sizeof empty / sizeof *empty; i++) {
		hits = &stale;	/* overwritten with NULL */
		count = 99;
		cause = NULL;
		if (store_search(f->store, empty[i], 10, &f->arena, &hits, &count, &cause) != 0)
			fail_msg("searching '%s' failed: %s", empty[i], cause);
		if (count != 0 || hits != NULL)
			fail_msg("searching '%s' found %zu", empty[i], count);
	}
}

static void test_search_syntax_is_just_words(void **state)
{
	struct fixture *f = *state;
	struct corpus c;

	add_corpus(f, &c);
	/* Query syntax is cut away: what is left is words, all of which must be there. */
	assert_found_ids(f, "\"migration", c.typed_lead);
	assert_found_ids(f, "migration\"", c.typed_lead);
	assert_found(f, "migr*", "");	/* no prefix search: "migr" is no word here */
	assert_found_ids(f, "migration*", c.typed_lead);
	assert_found_ids(f, "-migration", c.typed_lead);	/* not a NOT */
	assert_found_ids(f, "team -migration", c.typed_lead);
	assert_found(f, "team NOT migration", "");	/* "not" is a word no answer has */
	assert_found_ids(f, "shipped AND", c.spoken);	/* "and" is in the transcript only */
	assert_found(f, "shipped OR migration", "");
	assert_found(f, "NEAR(team migration", "");
	assert_found(f, "NEAR(team migration)", "");
	assert_found(f, "text:migration", "");	/* not a column filter: "text" is a word */
	assert_found_ids(f, "migration:", c.typed_lead);
	assert_found(f, "{text}: migration", "");
	assert_found_ids(f, "^migration", c.typed_lead);
	assert_found_ids(f, "(migration)", c.typed_lead);
	assert_found_ids(f, "migration + team", c.typed_lead);
	assert_found_ids(f, "team's", c.typed_lead, c.spoken);	/* the possessive dropped, as for keywords */
	assert_found_ids(f, "I led", c.typed_lead);
	/* Punctuation that makes a "word" of no letters (an apostrophe alone, a UTF-8 dash) is no word. */
	assert_found_ids(f, "migration ' team", c.typed_lead);
	assert_found_ids(f, "migration — team", c.typed_lead);
	assert_found_ids(f, "“migration”", c.typed_lead);
}

static void test_search_leaves_out_discarded_sessions(void **state)
{
	struct fixture *f = *state;
	struct store_transcript heard = transcript_of(&f->arena, "the retro went well");
	long long open, finished, discarded, a, b, c, d;
	char *cause = NULL;

	open = create_session(f);
	a = add_typed(f, open, 1, "We ran a retro.");
	finished = create_session(f);
	b = add_typed(f, finished, 1, "The retro helped.");
	assert_int_equal(store_session_close(f->store, finished, "finished", &cause), 0);
	discarded = create_session(f);
	c = add_typed(f, discarded, 1, "A retro I would rather forget.");
	d = add_spoken(f, discarded, 2, &heard);
	assert_found_ids(f, "retro", a, b, c, d);	/* before it is discarded */
	assert_int_equal(store_session_close(f->store, discarded, "discarded", &cause), 0);
	assert_found_ids(f, "retro", a, b);
	assert_found(f, "forget", "");
	assert_found(f, "went well", "");
	/* Still indexed: discarding is a filter, not a deletion. */
	assert_int_equal(indexed(f, c), 1);
	assert_int_equal(indexed(f, d), 1);
}

static void test_search_limit(void **state)
{
	struct fixture *f = *state;
	long long session, sparse, twice, thrice;
	char *found, *expected;

	session = create_session(f);
	/* bm25 ranks the answer that says it most, and most densely, first. */
	sparse = add_typed(f, session, 1, "A retro, and another thing, and one more thing after that.");
	twice = add_typed(f, session, 2, "Retro after retro.");
	thrice = add_typed(f, session, 3, "Retro retro retro.");

	found = search_ids(f, "retro", 10);
	expected = xasprintf("%lld,%lld,%lld", thrice, twice, sparse);
	assert_string_equal(found, expected);
	free(found);
	free(expected);
	found = search_ids(f, "retro", 2);
	expected = xasprintf("%lld,%lld", thrice, twice);
	assert_string_equal(found, expected);
	free(found);
	free(expected);
	found = search_ids(f, "retro", 1);
	expected = xasprintf("%lld", thrice);
	assert_string_equal(found, expected);
	free(found);
	free(expected);
}

/* Deleting a session takes its answers out of the index, typed and spoken, with their transcripts. */
static void test_deleted_answers_leave_the_index(void **state)
{
	struct fixture *f = *state;
	struct store_transcript heard = transcript_of(&f->arena, "a spoken retro");
	long long kept, gone, typed, spoken, other;
	char *sql;

	kept = create_session(f);
	other = add_typed(f, kept, 1, "The retro I keep.");
	gone = create_session(f);
	typed = add_typed(f, gone, 1, "A retro to delete.");
	spoken = add_spoken(f, gone, 2, &heard);
	assert_found_ids(f, "retro", other, typed, spoken);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM answer_words"), 3);

	/* The second connection must ask for foreign keys to cascade from session to answer. */
	sql = xasprintf("PRAGMA foreign_keys = ON; DELETE FROM session WHERE id = %lld", gone);
	exec_sql(f->path, sql);
	free(sql);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM answer"), 1);
	assert_int_equal(indexed(f, typed), 0);
	assert_int_equal(indexed(f, spoken), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM answer_words"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM transcript_word"), 0);
	assert_found_ids(f, "retro", other);
	assert_found(f, "spoken", "");

	/* Deleting one answer directly does the same. */
	sql = xasprintf("DELETE FROM answer WHERE id = %lld", other);
	exec_sql(f->path, sql);
	free(sql);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM answer_words"), 0);
	assert_found(f, "retro", "");
}

/* ------------------------------------------------------------------------------------------------
 * Migration 6
 */

static void test_version_5_migrates_to_6(void **state)
{
	char *path = temp_db(), *cause = NULL;
	struct store_recording read;
	struct store_transcript t;
	struct store *store;
	struct fixture f;
	(void)state;

	store = store_open_version(path, 5, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), 5);
	store_close(store);
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE name IN"
				   " ('transcript', 'transcript_word', 'answer_words')"), 0);
	assert_int_equal(query_int(path, "SELECT count(*) FROM pragma_table_info('recording')"
				   " WHERE name IN ('syllables', 'pace_wpm')"), 0);
	exec_sql(path,
		 "INSERT INTO session (id, kind, started_at, status) VALUES"
		 " (7, 'interview', '2026-01-02T03:04:05Z', 'finished');"
		 "INSERT INTO answer (id, session_id, position, question_id, question_text, mode, text,"
		 " think_limit_seconds, think_used_ms, answer_limit_seconds, answer_used_ms, answered_at) VALUES"
		 " (1, 7, 1, 'why-us', 'Why us?', 'typed', 'Because your mentoring culture is strong.', 15, 4000,"
		 "  120, 30000, '2026-01-02T03:05:00Z'),"
		 " (2, 7, 2, 'why-now', 'Why now?', 'typed', '', 15, 1000, 120, 20000, '2026-01-02T03:06:00Z'),"
		 " (3, 7, 3, 'tell-me', 'Tell me.', 'spoken', NULL, 15, 1000, 120, 20000, '2026-01-02T03:07:00Z');"
		 "INSERT INTO recording (answer_id, path, sample_rate, channels, frames, speaking_ms, silence_ratio,"
		 " long_pauses, longest_pause_ms, created_at) VALUES"
		 " (3, 'recordings/s7-q3.wav', 16000, 1, 320000, 15000, 0.3, 1, 1600, '2026-01-02T03:07:00Z');");

	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), STORE_LATEST_VERSION);
	assert_int_equal(query_int(path, "PRAGMA user_version"), STORE_LATEST_VERSION);
	assert_query_text(path, "SELECT name FROM pragma_table_info('recording') WHERE name IN"
				" ('syllables', 'pace_wpm') ORDER BY name", "pace_wpm;syllables");
	assert_query_text(path, "SELECT name FROM sqlite_schema WHERE name IN ('transcript', 'transcript_word',"
				" 'answer_words') ORDER BY name", "answer_words;transcript;transcript_word");
	/* Only the typed answer with text was indexed; the old recording has no pace. */
	assert_query_text(path, "SELECT rowid FROM answer_words", "1");
	assert_int_equal(query_int(path, "SELECT syllables IS NULL AND pace_wpm IS NULL FROM recording"), 1);

	f.path = path;
	f.store = store;
	arena_init(&f.arena);
	assert_found(&f, "mentoring", "1");
	assert_found(&f, "mentor culture", "1");
	assert_found(&f, "cultures strong", "1");
	memset(&read, 0x5a, sizeof read);
	assert_int_equal(store_recording_get(store, 3, &f.arena, &read, &cause), 1);
	assert_int_equal(read.syllables, 0);
	assert_near(read.pace_wpm, 0);
	/* recorded before the speech's stretch was measured: its length is the whole file */
	assert_int_equal(read.speech_start_ms, -1);
	assert_int_equal(read.speech_end_ms, -1);
	assert_int_equal(store_recording_length_ms(&read), 20000);
	assert_int_equal(store_transcript_get(store, 3, &f.arena, &t, &cause), 0);
	/* the widened CHECK: an answer the silence ended saves, an unknown reason is still refused */
	{
		sqlite3 *db;
		assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "UPDATE answer SET stopped_by = 'silence' WHERE id = 3", NULL, NULL, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "UPDATE answer SET stopped_by = 'sung' WHERE id = 2", NULL, NULL, NULL),
				 SQLITE_CONSTRAINT);
		sqlite3_close(db);
	}
	assert_query_text(path, "PRAGMA integrity_check", "ok");

	/* The triggers work on the migrated database: a transcript for the old recording is found. */
	t = transcript_of(&f.arena, "we mentor new hires");
	assert_int_equal(store_transcript_save(store, 3, &t, NULL, &cause), 0);
	assert_found(&f, "mentoring", "1,3");
	assert_found(&f, "hires", "3");
	arena_release(&f.arena);
	store_close(store);

	assert_query_text(path, "PRAGMA integrity_check", "ok");
	assert_int_equal(query_int(path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	exec_sql(path, "INSERT INTO answer_words (answer_words) VALUES ('integrity-check')");
	/* Opening again does nothing more. */
	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), STORE_LATEST_VERSION);
	store_close(store);
	assert_int_equal(query_int(path, "SELECT count(*) FROM answer_words"), 2);
	remove_db(path);
}

/* ------------------------------------------------------------------------------------------------
 * transcript_build and transcript_words
 */

/* A recogniser's result for text cut at spaces (in arena): word i from i*400 to i*400+300 ms. */
static struct recognizer_result heard_of(struct arena *arena, const char *text, double confidence)
{
	struct recognizer_word *words = arena_alloc(arena, MAX_WORDS * sizeof *words);
	char *copy = arena_strdup(arena, text), *save = NULL, *word;
	struct recognizer_result r;

	memset(&r, 0, sizeof r);
	for (word = strtok_r(copy, " ", &save); word != NULL; word = strtok_r(NULL, " ", &save)) {
		assert_true(r.count < MAX_WORDS);
		words[r.count].text = word;
		words[r.count].start_ms = (long long)r.count * 400;
		words[r.count].end_ms = (long long)r.count * 400 + 300;
		words[r.count].confidence = 0.9 - (double)r.count / 20;
		r.count++;
	}
	r.words = words;
	r.confidence = confidence;
	r.audio_ms = (long long)r.count * 400;
	return r;
}

static void assert_built(struct speech_lists *lists, const char *text, int fillers, int hedges, int repeats)
{
	struct arena arena;
	struct recognizer_result heard;
	struct store_transcript t;

	arena_init(&arena);
	heard = heard_of(&arena, text, 0.8);
	transcript_build(&heard, lists, 0, &arena, &t);
	if (t.fillers != fillers || t.hedges != hedges || t.repeats != repeats)
		fail_msg("'%s': %d fillers, %d hedges, %d repeats; expected %d, %d, %d", text, t.fillers, t.hedges,
			 t.repeats, fillers, hedges, repeats);
	arena_release(&arena);
}

static void test_build_counts_and_copies(void **state)
{
	struct speech_lists *lists = bundled_lists();
	struct recognizer_result heard;
	struct store_transcript t;
	struct arena arena;
	const char **words;
	size_t i;
	(void)state;

	arena_init(&arena);
	heard = heard_of(&arena, "um so i think we we shipped it you know", 0.72);
	memset(&t, 0x5a, sizeof t);
	transcript_build(&heard, lists, 350, &arena, &t);
	assert_string_equal(t.engine, recognizer_engine());
	assert_string_equal(t.text, "um so i think we we shipped it you know");
	assert_int_equal(t.word_count, 10);
	assert_near(t.confidence, 0.72);
	assert_int_equal(t.decode_ms, 350);
	assert_null(t.created_at);
	/* "um", "so" (nothing before or after it cancels it) and "you know": fillers; "i think": a hedge;
	 * "we we": a repeat. */
	assert_int_equal(t.fillers, 3);
	assert_int_equal(t.hedges, 1);
	assert_int_equal(t.repeats, 1);
	for (i = 0; i < t.word_count; i++) {
		assert_string_equal(t.words[i].word, heard.words[i].text);
		assert_true(t.words[i].word != heard.words[i].text);	/* a copy in the arena */
		assert_int_equal(t.words[i].start_ms, (long long)i * 400);
		assert_int_equal(t.words[i].end_ms, (long long)i * 400 + 300);
		assert_near(t.words[i].confidence, 0.9 - (double)i / 20);
	}
	/* The copy does not depend on the recogniser's words. */
	heard.words[0].text[0] = 'X';
	assert_string_equal(t.words[0].word, "um");
	assert_string_equal(t.text, "um so i think we we shipped it you know");

	words = transcript_words(&t, &arena);
	for (i = 0; i < t.word_count; i++)
		assert_true(words[i] == t.words[i].word);

	/* The counts follow the lists' rules. */
	assert_built(lists, "so that we could ship i would like to", 0, 0, 0);	/* "so > that", "like < would" */
	assert_built(lists, "what i think is we kind of shipped it", 0, 1, 0);	/* "i think < what" */
	assert_built(lists, "um um uh the the the plan", 3, 0, 2);		/* fillers said twice are no repeat */
	assert_built(lists, "i feel like maybe i'm not sure", 0, 3, 0);		/* longest phrase first */
	assert_built(lists, "", 0, 0, 0);
	arena_release(&arena);
	speech_lists_free(lists);
}

/* A built transcript is what store_answer_add saves and store_transcript_get reads back. */
static void test_built_transcript_is_stored(void **state)
{
	struct fixture *f = *state;
	struct speech_lists *lists = bundled_lists();
	struct recognizer_result heard = heard_of(&f->arena, "basically i guess we um shipped it", 0.66);
	struct store_transcript built, got;
	long long answer;

	transcript_build(&heard, lists, 1234, &f->arena, &built);
	assert_int_equal(built.fillers, 2);
	assert_int_equal(built.hedges, 1);
	answer = add_spoken(f, create_session(f), 1, &built);
	get_transcript(f, answer, &got);
	assert_transcripts_equal(&got, &built);
	assert_string_equal(got.engine, recognizer_engine());
	assert_found_ids(f, "guess shipped", answer);
	speech_lists_free(lists);
}

static void test_build_with_no_words(void **state)
{
	struct speech_lists *lists = bundled_lists();
	struct recognizer_result heard;
	struct store_transcript t;
	struct arena arena;
	(void)state;

	arena_init(&arena);
	memset(&heard, 0, sizeof heard);
	memset(&t, 0x5a, sizeof t);
	transcript_build(&heard, lists, 80, &arena, &t);
	assert_string_equal(t.text, "");
	assert_int_equal(t.word_count, 0);
	assert_int_equal(t.fillers, 0);
	assert_int_equal(t.hedges, 0);
	assert_int_equal(t.repeats, 0);
	assert_near(t.confidence, 0);
	assert_int_equal(t.decode_ms, 80);
	assert_string_equal(t.engine, recognizer_engine());
	assert_non_null(transcript_words(&t, &arena));

	/* Without lists, only repeats count. */
	heard = heard_of(&arena, "um um so so", 0.9);
	transcript_build(&heard, NULL, 0, &arena, &t);
	assert_int_equal(t.fillers, 0);
	assert_int_equal(t.hedges, 0);
	assert_int_equal(t.repeats, 2);
	arena_release(&arena);
	speech_lists_free(lists);
}

/* ------------------------------------------------------------------------------------------------
 * transcript_withheld
 */

static const char *withheld(struct arena *arena, size_t word_count, double confidence, long long speaking_ms)
{
	struct store_transcript t;

	memset(&t, 0, sizeof t);
	t.word_count = word_count;
	t.confidence = confidence;
	return transcript_withheld(&t, speaking_ms, arena);
}

static void assert_withheld(struct arena *arena, size_t word_count, double confidence, long long speaking_ms,
			    const char *expected)
{
	const char *reason = withheld(arena, word_count, confidence, speaking_ms);

	if (expected == NULL && reason != NULL)
		fail_msg("%zu words, %.3f sure, %lld ms: withheld (%s)", word_count, confidence, speaking_ms, reason);
	if (expected != NULL && (reason == NULL || strcmp(reason, expected) != 0))
		fail_msg("%zu words, %.3f sure, %lld ms: '%s', expected '%s'", word_count, confidence, speaking_ms,
			 reason ? reason : "(shown)", expected);
}

static void test_withheld_reasons_and_edges(void **state)
{
	struct arena arena;
	(void)state;

	arena_init(&arena);
	assert_withheld(&arena, 40, 0.8, 30000, NULL);
	assert_withheld(&arena, 40, TRANSCRIPT_MIN_CONFIDENCE, TRANSCRIPT_MIN_SPEAKING_MS, NULL);
	assert_withheld(&arena, 1, 0.5, 10000, NULL);
	assert_withheld(&arena, 1, 1.0, 10000, NULL);

	assert_withheld(&arena, 0, 0.9, 60000, "the recogniser heard no words");
	assert_withheld(&arena, 0, 0, 0, "the recogniser heard no words");	/* before the other reasons */
	assert_withheld(&arena, 40, 0.41, 30000, "the recogniser was unsure of its words (41% sure)");
	assert_withheld(&arena, 40, 0.41, 6000, "the recogniser was unsure of its words (41% sure)");
	assert_withheld(&arena, 40, 0, 30000, "the recogniser was unsure of its words (0% sure)");
	assert_withheld(&arena, 40, 0.494, 30000, "the recogniser was unsure of its words (49% sure)");
	/* Just under the threshold the figure is rounded down, never up to the threshold itself. */
	assert_withheld(&arena, 40, 0.499, 30000, "the recogniser was unsure of its words (49% sure)");
	/* One rule everywhere: what is shown is what is judged. */
	assert_int_equal(transcript_sure_percent(0.499), 49);
	assert_int_equal(transcript_sure_percent(0.5), 50);
	assert_int_equal(transcript_sure_percent(0.29), 29);
	assert_int_equal(transcript_sure_percent(1.0), 100);
	assert_int_equal(transcript_sure_percent(-0.1), 0);
	assert_withheld(&arena, 40, 0.8, 6000, "too little speech (0:06)");
	assert_withheld(&arena, 40, 0.8, 6999, "too little speech (0:06)");
	assert_withheld(&arena, 40, 0.8, 9999, "too little speech (0:09)");
	assert_withheld(&arena, 40, 0.8, 0, "too little speech (0:00)");
	assert_withheld(&arena, 40, 0.8, -5, "too little speech (0:00)");
	assert_withheld(&arena, 40, 0.5, 9999, "too little speech (0:09)");
	arena_release(&arena);
}

/* ------------------------------------------------------------------------------------------------
 * transcript_lists
 */

static void test_lists_from_the_bundle(void **state)
{
	struct speech_lists *lists;
	char *cause = NULL;
	(void)state;

	lists = transcript_lists(NULL, source_dir(), &cause);
	if (lists == NULL)
		fail_msg("%s", cause);
	assert_null(cause);
	assert_true(speech_filler_count(lists) > 0);
	assert_true(speech_hedge_count(lists) > 0);
	assert_built(lists, "um you know i guess", 2, 1, 0);
	speech_lists_free(lists);
}

static void test_lists_missing_from_the_bundle(void **state)
{
	char dir[] = "/tmp/rebound-test-bundle-XXXXXX";
	char *cause = NULL, *expected;
	(void)state;

	assert_non_null(mkdtemp(dir));
	assert_null(transcript_lists(NULL, dir, &cause));
	assert_non_null(cause);
	expected = xasprintf("cannot open '%s/assets/fillers.txt': No such file or directory", dir);
	assert_string_equal(cause, expected);
	free(expected);
	free(cause);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_spoken_answer_round_trips, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transcript_without_recording_is_not_saved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transcript_save_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transcript_save_replaces_its_evidence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transcript_save_failure_keeps_the_old_one, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_text_round_trips, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_finds_typed_and_spoken, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_of_no_words_finds_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_syntax_is_just_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_leaves_out_discarded_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_answers_leave_the_index, setup, teardown),
		cmocka_unit_test(test_version_5_migrates_to_6),
		cmocka_unit_test(test_build_counts_and_copies),
		cmocka_unit_test_setup_teardown(test_built_transcript_is_stored, setup, teardown),
		cmocka_unit_test(test_build_with_no_words),
		cmocka_unit_test(test_withheld_reasons_and_edges),
		cmocka_unit_test(test_lists_from_the_bundle),
		cmocka_unit_test(test_lists_missing_from_the_bundle),
	};
	fixture_pin_clock();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
