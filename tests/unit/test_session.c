/* Unit tests for the store's sessions, answers and ratings: round trips, the session_theme sums that
 * triggers keep, discarded sessions left out of progress, and migration 3 on an older database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rebound/arena.h"
#include "rebound/bank.h"
#include "rebound/date.h"
#include "rebound/map.h"
#include "rebound/store.h"
#include "rebound/util.h"
#include "store-fixture.h"

/* ------------------------------------------------------------------------------------------------
 * Fixture: a fresh store in a temporary directory, with the themes synced so ratings sort by theme.
 */

/* Theme order in the file: structure, clarity, rapport (not alphabetical, on purpose). */
static const char themes_yaml[] =
	"stages: [{id: onsite, title: Onsite}]\n"
	"themes:\n"
	"  - {id: structure, title: S, description: D, rubric: {1: a, 3: b, 5: c}}\n"
	"  - {id: clarity, title: C, description: D, rubric: {1: a, 3: b, 5: c}}\n"
	"  - {id: rapport, title: R, description: D, rubric: {1: a, 3: b, 5: c}}\n";

static int setup(void **state)
{
	return fixture_setup(state, themes_yaml);
}

static int teardown(void **state)
{
	return fixture_teardown(state);
}

/* session_theme must always equal the sums computed from the ratings themselves. */
static void assert_session_theme_consistent(const char *path)
{
	static const char aggregate[] = "SELECT a.session_id, r.theme_id, SUM(r.score), COUNT(*) FROM rating r"
					" JOIN answer a ON a.id = r.answer_id GROUP BY a.session_id, r.theme_id";
	static const char kept[] = "SELECT session_id, theme_id, score_sum, score_count FROM session_theme";
	char *sql = xasprintf("SELECT (SELECT count(*) FROM (%s EXCEPT %s)) + (SELECT count(*) FROM (%s EXCEPT %s))",
			      kept, aggregate, aggregate, kept);

	assert_int_equal(query_int(path, sql), 0);
	free(sql);
}

/* ------------------------------------------------------------------------------------------------
 * Helpers that drive the API
 */

static long long create_session(struct fixture *f, const char *kind, const char *const *ids, size_t count)
{
	struct store_session spec;
	char *cause = NULL;
	long long id;

	memset(&spec, 0, sizeof spec);
	spec.kind = kind;
	spec.think_seconds = spec.answer_seconds = -1;
	spec.follow_ups = 1;
	id = store_session_create(f->store, &spec, ids, count, &cause);
	if (id <= 0)
		fail_msg("cannot create a session: %s", cause);
	return id;
}

static long long add_answer(struct fixture *f, long long session_id, int position, const char *question_id,
			    long long follow_up_of, long long answer_used_ms)
{
	struct store_answer a;
	char *cause = NULL;
	long long id;

	memset(&a, 0, sizeof a);
	a.session_id = session_id;
	a.position = position;
	a.question_id = question_id;
	a.question_text = follow_up_of ? "And then?" : "Why?";
	a.follow_up_of = follow_up_of;
	a.mode = "typed";
	a.text = "Because.";
	a.think_limit_seconds = 15;
	a.think_used_ms = 2000;
	a.answer_limit_seconds = 120;
	a.answer_used_ms = answer_used_ms;
	a.stopped_by = "enter";
	id = store_answer_add(f->store, &a, &cause);
	if (id <= 0)
		fail_msg("cannot save an answer: %s", cause);
	return id;
}

/* Saves ratings given as "theme=score,theme=score" ("" for none). */
static void rate(struct fixture *f, long long answer_id, const char *spec, const char *note)
{
	struct store_rating ratings[8];
	char *copy = xstrdup(spec), *item, *saveptr = NULL, *cause = NULL;
	size_t count = 0;

	for (item = strtok_r(copy, ",", &saveptr); item; item = strtok_r(NULL, ",", &saveptr)) {
		char *equals = strchr(item, '=');
		assert_non_null(equals);
		assert_true(count < 8);
		*equals = '\0';
		ratings[count].theme_id = item;
		ratings[count].score = atoi(equals + 1);
		count++;
	}
	if (store_rating_save(f->store, answer_id, ratings, count, note, &cause) != 0)
		fail_msg("cannot rate answer %lld: %s", answer_id, cause);
	free(copy);
}

/* An answer's ratings as "theme=score,..." in the store's order (caller frees). */
static char *ratings_of(struct fixture *f, long long answer_id)
{
	struct store_rating *ratings = NULL;
	char *all = xstrdup(""), *cause = NULL;
	size_t count = 99, i;

	assert_int_equal(store_rating_list(f->store, answer_id, &f->arena, &ratings, &count, &cause), 0);
	for (i = 0; i < count; i++) {
		char *joined = xasprintf("%s%s%s=%d", all, i ? "," : "", ratings[i].theme_id, ratings[i].score);
		free(all);
		all = joined;
	}
	return all;
}

static void assert_ratings(struct fixture *f, long long answer_id, const char *expected)
{
	char *actual = ratings_of(f, answer_id);

	assert_string_equal(actual, expected);
	free(actual);
}

static const struct store_range all_time = { NULL, 0 };

/* Theme points as "theme@session=sum/count;..." (caller frees). */
static char *points_text(struct fixture *f, const char *since)
{
	struct store_theme_point *points = NULL;
	char *all = xstrdup(""), *cause = NULL;
	size_t count = 99, i;

	struct store_range range = { since, 0 };

	assert_int_equal(store_theme_points(f->store, &range, &f->arena, &points, &count, &cause), 0);
	for (i = 0; i < count; i++) {
		char *joined = xasprintf("%s%s%s@%lld=%d/%d", all, i ? ";" : "", points[i].theme_id,
					 points[i].session_id, points[i].sum, points[i].count);
		free(all);
		all = joined;
	}
	return all;
}

static void assert_points(struct fixture *f, const char *since, const char *expected)
{
	char *actual = points_text(f, since);

	assert_string_equal(actual, expected);
	free(actual);
}

/* Theme sums as "theme=sum/count;..." (caller frees). */
static void assert_sums(struct fixture *f, long long session_id, int before, const char *expected)
{
	struct store_theme_sum *sums = NULL;
	char *all = xstrdup(""), *cause = NULL;
	size_t count = 99, i;

	assert_int_equal(store_theme_sums(f->store, session_id, before, &f->arena, &sums, &count, &cause), 0);
	for (i = 0; i < count; i++) {
		char *joined = xasprintf("%s%s%s=%d/%d", all, i ? ";" : "", sums[i].theme_id, sums[i].sum,
					 sums[i].count);
		free(all);
		all = joined;
	}
	assert_string_equal(all, expected);
	free(all);
}

static void get_session(struct fixture *f, long long id, struct store_session *out)
{
	char *cause = NULL;

	assert_int_equal(store_session_get(f->store, id, &f->arena, out, &cause), 1);
	assert_true(out->id == id);
}

static void close_session(struct fixture *f, long long id, const char *status)
{
	char *cause = NULL;

	assert_int_equal(store_session_close(f->store, id, status, &cause), 0);
}


/* ------------------------------------------------------------------------------------------------
 * Sessions
 */

/* The one clock reaches SQL: every row the store stamps carries the pinned instant, not SQLite's 'now'. */
static void test_pinned_clock_stamps_every_row(void **state)
{
	struct fixture *f = *state;
	time_t pinned, before = date_now();
	long long session, answer;
	char *cause = NULL;

	assert_int_equal(date_parse_instant("2031-02-28T23:59:30+14:00", &pinned), 0);
	date_clock_pin(pinned);
	session = create_session(f, "interview", NULL, 0);
	answer = add_answer(f, session, 1, "q-a", 0, 1000);
	rate(f, answer, "clarity=3", NULL);
	assert_int_equal(store_session_close(f->store, session, "finished", &cause), 0);
	date_clock_pin(before);
	assert_query_text(f->path, "SELECT started_at || ' ' || ended_at FROM session",
			  "2031-02-28T09:59:30Z 2031-02-28T09:59:30Z");
	assert_query_text(f->path, "SELECT answered_at || ' ' || rated_at FROM answer",
			  "2031-02-28T09:59:30Z 2031-02-28T09:59:30Z");
	assert_query_text(f->path, "SELECT rated_at FROM rating", "2031-02-28T09:59:30Z");
}

static void test_session_create_and_questions_round_trip(void **state)
{
	static const char *const planned[] = { "q-a", "q-b", "q-c" };
	struct fixture *f = *state;
	struct store_session spec, s, *list = NULL;
	const char **ids = NULL;
	char *cause = NULL;
	size_t count = 99;
	time_t before = fixture_now(), after, started;
	long long first, second;

	memset(&spec, 0, sizeof spec);
	spec.kind = "interview";
	spec.bank = "core";
	spec.theme = "clarity";
	spec.think_seconds = -1;
	spec.answer_seconds = 90;
	spec.follow_ups = 1;
	first = store_session_create(f->store, &spec, planned, 3, &cause);
	after = fixture_now();
	assert_true(first > 0);

	get_session(f, first, &s);
	assert_string_equal(s.kind, "interview");
	assert_string_equal(s.status, "open");
	assert_null(s.ended_at);
	assert_string_equal(s.bank, "core");
	assert_null(s.stage);
	assert_string_equal(s.theme, "clarity");
	assert_int_equal(s.planned_count, 3);
	assert_int_equal(s.think_seconds, -1);
	assert_int_equal(s.answer_seconds, 90);
	assert_int_equal(s.follow_ups, 1);
	assert_int_equal(s.answered, 0);
	assert_int_equal(s.rating_count, 0);
	assert_near(s.rating_avg, 0);
	assert_int_equal(date_parse_iso(s.started_at, &started), 0);
	assert_true(started >= before && started <= after);

	assert_int_equal(store_session_questions(f->store, first, &f->arena, &ids, &count, &cause), 0);
	assert_int_equal(count, 3);
	assert_string_equal(ids[0], "q-a");
	assert_string_equal(ids[1], "q-b");
	assert_string_equal(ids[2], "q-c");

	/* A drill with no planned questions and the other clock settings. */
	memset(&spec, 0, sizeof spec);
	spec.kind = "drill";
	spec.stage = "onsite";
	spec.think_seconds = 0;
	spec.answer_seconds = -1;
	spec.follow_ups = 0;
	second = store_session_create(f->store, &spec, NULL, 0, &cause);
	assert_true(second > first);
	get_session(f, second, &s);
	assert_string_equal(s.kind, "drill");
	assert_null(s.bank);
	assert_string_equal(s.stage, "onsite");
	assert_null(s.theme);
	assert_int_equal(s.planned_count, 0);
	assert_int_equal(s.think_seconds, 0);
	assert_int_equal(s.answer_seconds, -1);
	assert_int_equal(s.follow_ups, 0);
	count = 99;
	assert_int_equal(store_session_questions(f->store, second, &f->arena, &ids, &count, &cause), 0);
	assert_int_equal(count, 0);

	assert_int_equal(store_session_get(f->store, second + 100, &f->arena, &s, &cause), 0);
	assert_int_equal(store_session_list(f->store, 0, 0, &f->arena, &list, &count, &cause), 0);
	assert_int_equal(count, 2);
	assert_true(list[0].id == second && list[1].id == first);	/* newest first */
	assert_int_equal(list[1].planned_count, 3);

	/* A kind the schema does not know is refused, with the store's message. */
	spec.kind = "quiz";
	assert_int_equal(store_session_create(f->store, &spec, planned, 3, &cause), -1);
	assert_non_null(cause);
	assert_true(util_starts_with(cause, "cannot start a session in '"));
	free(cause);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM session"), 2);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM session_question"), 3);
}

static void test_last_open_and_close(void **state)
{
	struct fixture *f = *state;
	struct store_session s;
	char *cause = NULL;
	long long first, second, third;
	time_t ended;

	assert_int_equal(store_session_last_open(f->store, &cause), 0);
	first = create_session(f, "interview", NULL, 0);
	second = create_session(f, "drill", NULL, 0);
	assert_true(store_session_last_open(f->store, &cause) == second);

	close_session(f, second, "finished");
	get_session(f, second, &s);
	assert_string_equal(s.status, "finished");
	assert_non_null(s.ended_at);
	assert_int_equal(date_parse_iso(s.ended_at, &ended), 0);
	assert_true(store_session_last_open(f->store, &cause) == first);

	close_session(f, first, "discarded");
	get_session(f, first, &s);
	assert_string_equal(s.status, "discarded");
	assert_int_equal(store_session_last_open(f->store, &cause), 0);

	third = create_session(f, "interview", NULL, 0);
	assert_true(store_session_last_open(f->store, &cause) == third);

	/* A status the schema does not know is refused and changes nothing. */
	assert_int_equal(store_session_close(f->store, third, "paused", &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_true(store_session_last_open(f->store, NULL) == third);
}

/* ------------------------------------------------------------------------------------------------
 * Answers
 */

static void test_answers_list_follow_ups_after_their_main(void **state)
{
	static const char *const planned[] = { "q-a", "q-b" };
	struct fixture *f = *state;
	struct store_answer a, *list = NULL;
	struct store_session s;
	long long session, other, main1, main2, follow1, follow2, n;
	char *cause = NULL;
	size_t count = 99;

	session = create_session(f, "interview", planned, 2);
	other = create_session(f, "drill", NULL, 0);
	main1 = add_answer(f, session, 1, "q-a", 0, 30000);
	add_answer(f, other, 1, "q-z", 0, 1000);
	memset(&a, 0, sizeof a);
	a.session_id = session;
	a.position = 2;
	a.question_id = "q-b";
	a.question_text = "Why now?";
	a.mode = "spoken";
	a.think_limit_seconds = 20;
	a.think_used_ms = 20000;
	a.answer_limit_seconds = 90;
	a.answer_used_ms = 90000;
	a.overtime = 1;
	a.stopped_by = "limit";
	main2 = store_answer_add(f->store, &a, &cause);
	assert_true(main2 > main1);
	/* Follow-ups of the first answer, saved after the second answer. */
	follow1 = add_answer(f, session, 1, "q-a", main1, 10000);
	follow2 = add_answer(f, session, 1, "q-a", main1, 11000);

	assert_int_equal(store_answer_list(f->store, session, &f->arena, &list, &count, &cause), 0);
	assert_int_equal(count, 4);
	assert_true(list[0].id == main1);
	assert_true(list[1].id == follow1);
	assert_true(list[2].id == follow2);
	assert_true(list[3].id == main2);
	assert_true(list[0].follow_up_of == 0);
	assert_true(list[1].follow_up_of == main1);
	assert_int_equal(list[1].position, 1);
	assert_string_equal(list[1].question_text, "And then?");
	assert_string_equal(list[0].mode, "typed");
	assert_string_equal(list[0].text, "Because.");
	assert_int_equal(list[0].think_limit_seconds, 15);
	assert_int_equal(list[0].think_used_ms, 2000);
	assert_int_equal(list[0].answer_limit_seconds, 120);
	assert_int_equal(list[0].answer_used_ms, 30000);
	assert_int_equal(list[0].overtime, 0);
	assert_string_equal(list[0].stopped_by, "enter");

	memset(&a, 0, sizeof a);
	assert_int_equal(store_answer_get(f->store, main2, &f->arena, &a, &cause), 1);
	assert_true(a.id == main2 && a.session_id == session && a.follow_up_of == 0);
	assert_int_equal(a.position, 2);
	assert_string_equal(a.question_id, "q-b");
	assert_string_equal(a.question_text, "Why now?");
	assert_string_equal(a.mode, "spoken");
	assert_null(a.text);
	assert_int_equal(a.think_limit_seconds, 20);
	assert_int_equal(a.think_used_ms, 20000);
	assert_int_equal(a.answer_limit_seconds, 90);
	assert_int_equal(a.answer_used_ms, 90000);
	assert_int_equal(a.overtime, 1);
	assert_string_equal(a.stopped_by, "limit");
	assert_null(a.note);
	assert_null(a.rated_at);
	assert_non_null(a.answered_at);
	assert_int_equal(date_parse_iso(a.answered_at, &(time_t){ 0 }), 0);
	assert_int_equal(store_answer_get(f->store, follow2 + 100, &f->arena, &a, &cause), 0);

	/* Follow-ups are answers, but not answered questions. */
	get_session(f, session, &s);
	assert_int_equal(s.answered, 2);
	get_session(f, other, &s);
	assert_int_equal(s.answered, 1);

	/* A bad answer is refused whole; the next one saves (no transaction left open). */
	a.mode = "sung";
	assert_int_equal(store_answer_add(f->store, &a, &cause), -1);
	assert_non_null(cause);
	assert_true(util_starts_with(cause, "cannot save an answer in '"));
	free(cause);
	n = query_int(f->path, "SELECT count(*) FROM answer");
	assert_int_equal(n, 5);
	add_answer(f, session, 3, "q-c", 0, 1000);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM answer"), 6);
}

/* ------------------------------------------------------------------------------------------------
 * Ratings and the session_theme triggers
 */

static void test_rating_save_replaces_ratings_and_note(void **state)
{
	struct fixture *f = *state;
	struct store_rating bad[2] = { { "structure", 4 }, { "clarity", 6 } };
	struct store_answer a;
	struct store_session s;
	long long session, answer;
	char *cause = NULL;
	time_t rated;

	session = create_session(f, "interview", NULL, 0);
	answer = add_answer(f, session, 1, "q-a", 0, 1000);
	assert_ratings(f, answer, "");

	rate(f, answer, "clarity=2,structure=4", "too long");
	assert_ratings(f, answer, "structure=4,clarity=2");	/* in the themes file's order */
	assert_int_equal(store_answer_get(f->store, answer, &f->arena, &a, &cause), 1);
	assert_string_equal(a.note, "too long");
	assert_non_null(a.rated_at);
	assert_int_equal(date_parse_iso(a.rated_at, &rated), 0);
	get_session(f, session, &s);
	assert_int_equal(s.rating_count, 2);
	assert_near(s.rating_avg, 3.0);

	/* Saving again replaces every rating, and an empty note clears it. */
	rate(f, answer, "rapport=5", "");
	assert_ratings(f, answer, "rapport=5");
	assert_int_equal(store_answer_get(f->store, answer, &f->arena, &a, &cause), 1);
	assert_null(a.note);
	assert_non_null(a.rated_at);
	get_session(f, session, &s);
	assert_int_equal(s.rating_count, 1);
	assert_near(s.rating_avg, 5.0);

	/* No ratings at all still marks the answer rated (it was seen and skipped). */
	rate(f, answer, "", NULL);
	assert_ratings(f, answer, "");
	assert_int_equal(store_answer_get(f->store, answer, &f->arena, &a, &cause), 1);
	assert_null(a.note);
	assert_non_null(a.rated_at);
	get_session(f, session, &s);
	assert_int_equal(s.rating_count, 0);
	assert_near(s.rating_avg, 0);

	/* A score out of range is refused and the ratings saved before stay. */
	rate(f, answer, "clarity=3", "keep");
	assert_int_equal(store_rating_save(f->store, answer, bad, 2, "lost", &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_ratings(f, answer, "clarity=3");
	assert_int_equal(store_answer_get(f->store, answer, &f->arena, &a, &cause), 1);
	assert_string_equal(a.note, "keep");
	assert_points(f, NULL, "clarity@1=3/1");
	assert_session_theme_consistent(f->path);
}

static void test_session_theme_follows_ratings(void **state)
{
	struct fixture *f = *state;
	long long session, first, second;
	char *sql;

	session = create_session(f, "interview", NULL, 0);
	first = add_answer(f, session, 1, "q-a", 0, 1000);
	second = add_answer(f, session, 2, "q-b", 0, 1000);
	assert_points(f, NULL, "");

	rate(f, first, "clarity=4", NULL);
	rate(f, second, "clarity=2", NULL);
	assert_points(f, NULL, "clarity@1=6/2");
	assert_sums(f, session, 0, "clarity=6/2");
	assert_session_theme_consistent(f->path);

	/* Re-rating one answer moves the sums by the difference. */
	rate(f, first, "clarity=5,structure=3", NULL);
	assert_points(f, NULL, "clarity@1=7/2;structure@1=3/1");
	rate(f, second, "", NULL);
	assert_points(f, NULL, "clarity@1=5/1;structure@1=3/1");
	rate(f, first, "clarity=1", NULL);
	assert_points(f, NULL, "clarity@1=1/1");
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM session_theme"), 1);	/* no empty rows */
	assert_session_theme_consistent(f->path);

	/* Updates made outside the store keep the sums too, including a change of theme. */
	sql = xasprintf("UPDATE rating SET score = 4 WHERE answer_id = %lld", first);
	exec_sql(f->path, sql);
	free(sql);
	assert_points(f, NULL, "clarity@1=4/1");
	sql = xasprintf("UPDATE rating SET theme_id = 'rapport' WHERE answer_id = %lld", first);
	exec_sql(f->path, sql);
	free(sql);
	assert_points(f, NULL, "rapport@1=4/1");
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM session_theme"), 1);
	assert_session_theme_consistent(f->path);

	/* Ratings of two sessions stay apart. */
	rate(f, add_answer(f, create_session(f, "drill", NULL, 0), 1, "q-a", 0, 1000), "rapport=2", NULL);
	assert_points(f, NULL, "rapport@1=4/1;rapport@2=2/1");
	assert_session_theme_consistent(f->path);
}

/* ------------------------------------------------------------------------------------------------
 * Progress queries
 */

/* session.answer_count, rated_count and answer_ms follow every answer saved, rated and deleted, and deleting
 * an answer takes its ratings out of session_theme (the cascade alone would run too late). */
static void test_session_totals_follow_answers(void **state)
{
	struct fixture *f = *state;
	static const char totals_sql[] = "SELECT answer_count || '/' || rated_count || '/' || answer_ms FROM session";
	long long session, first, second;
	char *sql;

	session = create_session(f, "interview", NULL, 0);
	first = add_answer(f, session, 1, "q-a", 0, 1000);
	add_answer(f, session, 1, "q-a", first, 500);	/* a follow-up: time counts, the answer does not */
	second = add_answer(f, session, 2, "q-b", 0, 2000);
	assert_query_text(f->path, totals_sql, "2/0/3500");
	rate(f, first, "clarity=4", NULL);
	rate(f, first, "clarity=2", "again");	/* rating twice counts once */
	rate(f, second, "structure=5", NULL);
	assert_query_text(f->path, totals_sql, "2/2/3500");

	sql = xasprintf("DELETE FROM answer WHERE id = %lld", second);
	exec_sql(f->path, sql);
	free(sql);
	assert_query_text(f->path, totals_sql, "1/1/1500");
	assert_points(f, NULL, "clarity@1=2/1");
	assert_session_theme_consistent(f->path);
}

static void test_discarded_sessions_are_left_out(void **state)
{
	struct fixture *f = *state;
	struct store_session *list = NULL;
	struct store_totals totals;
	const char **starts = NULL;
	struct map recency;
	long long kept, discarded, open, a, b, c, d;
	char *cause = NULL;
	size_t count = 99;

	kept = create_session(f, "interview", NULL, 0);
	a = add_answer(f, kept, 1, "q-a", 0, 10000);
	rate(f, a, "clarity=4", NULL);
	close_session(f, kept, "finished");
	discarded = create_session(f, "interview", NULL, 0);
	b = add_answer(f, discarded, 1, "q-a", 0, 20000);
	c = add_answer(f, discarded, 2, "q-b", 0, 40000);
	rate(f, b, "clarity=1", NULL);
	rate(f, c, "structure=2", NULL);
	close_session(f, discarded, "discarded");
	open = create_session(f, "drill", NULL, 0);
	d = add_answer(f, open, 1, "q-c", 0, 3000);
	rate(f, d, "clarity=3", NULL);

	assert_points(f, NULL, "clarity@1=4/1;clarity@3=3/1");
	assert_sums(f, open, 1, "clarity=4/1");
	assert_sums(f, discarded, 0, "clarity=1/1;structure=2/1");	/* its own sums are still there */

	memset(&totals, 0x5a, sizeof totals);
	assert_int_equal(store_totals(f->store, &all_time, &f->arena, &totals, &starts, &count, &cause), 0);
	assert_int_equal(totals.sessions, 2);
	assert_int_equal(totals.answers, 2);
	assert_int_equal(totals.rated_answers, 2);
	assert_int_equal(totals.answer_ms, 13000);
	assert_int_equal(count, 2);

	/* q-a was last asked in the kept session (answer a), not the later discarded one; q-b never. */
	map_init(&recency);
	assert_int_equal(store_question_recency(f->store, &f->arena, &recency, &cause), 0);
	assert_int_equal(recency.count, 2);
	assert_true((intptr_t)map_get(&recency, "q-a") == a);
	assert_true((intptr_t)map_get(&recency, "q-c") == d);
	assert_null(map_get(&recency, "q-b"));
	map_release(&recency);

	assert_int_equal(store_session_list(f->store, 0, 0, &f->arena, &list, &count, &cause), 0);
	assert_int_equal(count, 2);
	assert_true(list[0].id == open && list[1].id == kept);
	assert_int_equal(store_session_list(f->store, 1, 0, &f->arena, &list, &count, &cause), 0);
	assert_int_equal(count, 3);
	assert_true(list[0].id == open && list[1].id == discarded && list[2].id == kept);
	assert_int_equal(list[1].answered, 2);
	assert_int_equal(list[1].rating_count, 2);
	assert_near(list[1].rating_avg, 1.5);
	assert_int_equal(store_session_list(f->store, 1, 1, &f->arena, &list, &count, &cause), 0);
	assert_int_equal(count, 1);
	assert_true(list[0].id == open);
}

static void test_theme_sums_before_cover_earlier_sessions(void **state)
{
	struct fixture *f = *state;
	long long first, second, third, answer;

	first = create_session(f, "interview", NULL, 0);
	rate(f, add_answer(f, first, 1, "q-a", 0, 1000), "clarity=4", NULL);
	second = create_session(f, "interview", NULL, 0);
	answer = add_answer(f, second, 1, "q-b", 0, 1000);
	rate(f, answer, "clarity=2", NULL);
	rate(f, add_answer(f, second, 2, "q-c", 0, 1000), "structure=5", NULL);
	third = create_session(f, "drill", NULL, 0);
	rate(f, add_answer(f, third, 1, "q-d", 0, 1000), "clarity=3,rapport=1", NULL);

	assert_sums(f, first, 1, "");
	assert_sums(f, second, 1, "clarity=4/1");
	assert_sums(f, third, 1, "clarity=6/2;structure=5/1");
	assert_sums(f, third, 0, "clarity=3/1;rapport=1/1");
	assert_sums(f, second, 0, "clarity=2/1;structure=5/1");
	assert_sums(f, third + 1, 1, "clarity=9/3;rapport=1/1;structure=5/1");
	assert_sums(f, third + 1, 0, "");
}

static void test_totals_and_since(void **state)
{
	struct fixture *f = *state;
	struct store_totals totals;
	const char **starts = NULL;
	long long s1, s2, s3, a1;
	char *cause = NULL, *sql;
	size_t count = 99;

	/* Empty. */
	memset(&totals, 0x5a, sizeof totals);
	assert_int_equal(store_totals(f->store, &all_time, &f->arena, &totals, &starts, &count, &cause), 0);
	assert_int_equal(totals.sessions, 0);
	assert_int_equal(totals.answers, 0);
	assert_int_equal(totals.rated_answers, 0);
	assert_int_equal(totals.answer_ms, 0);
	assert_int_equal(count, 0);

	s1 = create_session(f, "interview", NULL, 0);
	s2 = create_session(f, "interview", NULL, 0);
	s3 = create_session(f, "drill", NULL, 0);
	sql = xasprintf("UPDATE session SET started_at = '2026-11-20T10:00:00Z' WHERE id = %lld;"
			"UPDATE session SET started_at = '2026-11-18T09:00:00Z' WHERE id = %lld;"
			"UPDATE session SET started_at = '2026-11-22T08:00:00Z' WHERE id = %lld;", s1, s2, s3);
	exec_sql(f->path, sql);
	free(sql);
	a1 = add_answer(f, s1, 1, "q-a", 0, 30000);
	rate(f, a1, "clarity=4", NULL);
	add_answer(f, s1, 1, "q-a", a1, 5000);		/* a follow-up, not rated */
	rate(f, add_answer(f, s2, 1, "q-b", 0, 60000), "clarity=2,structure=5", NULL);
	add_answer(f, s3, 1, "q-c", 0, 1000);

	assert_int_equal(store_totals(f->store, &all_time, &f->arena, &totals, &starts, &count, &cause), 0);
	assert_int_equal(totals.sessions, 3);
	assert_int_equal(totals.answers, 3);		/* questions answered: the follow-up is not one */
	assert_int_equal(totals.rated_answers, 2);
	assert_int_equal(totals.answer_ms, 96000);	/* but its time counts */
	assert_int_equal(count, 3);
	assert_string_equal(starts[0], "2026-11-18T09:00:00Z");	/* oldest first */
	assert_string_equal(starts[1], "2026-11-20T10:00:00Z");
	assert_string_equal(starts[2], "2026-11-22T08:00:00Z");

	assert_int_equal(store_totals(f->store, &(struct store_range){ "2026-11-19T00:00:00Z", 0 }, &f->arena, &totals,
				      &starts, &count, &cause), 0);
	assert_int_equal(totals.sessions, 2);
	assert_int_equal(totals.answers, 2);
	assert_int_equal(totals.rated_answers, 1);
	assert_int_equal(totals.answer_ms, 36000);
	assert_int_equal(count, 2);
	assert_string_equal(starts[0], "2026-11-20T10:00:00Z");
	assert_string_equal(starts[1], "2026-11-22T08:00:00Z");

	/* since is inclusive: a session starting at that very second counts. */
	assert_int_equal(store_totals(f->store, &(struct store_range){ "2026-11-22T08:00:00Z", 0 }, &f->arena,
				      &totals, &starts, &count, &cause), 0);
	assert_int_equal(totals.sessions, 1);
	assert_int_equal(totals.answers, 1);
	assert_int_equal(totals.rated_answers, 0);

	/* Points by theme, then by session id: the order sessions were created in, even when a start time was
	 * set back (so that the per-theme index gives the order without a sort). */
	assert_points(f, NULL, "clarity@1=4/1;clarity@2=2/1;structure@2=5/1");
	assert_points(f, "2026-11-19T00:00:00Z", "clarity@1=4/1");
	assert_points(f, "2026-11-23T00:00:00Z", "");

	/* Discarding the oldest removes it from both. */
	close_session(f, s2, "discarded");
	assert_int_equal(store_totals(f->store, &all_time, &f->arena, &totals, &starts, &count, &cause), 0);
	assert_int_equal(totals.sessions, 2);
	assert_int_equal(totals.answers, 2);
	assert_int_equal(totals.rated_answers, 1);
	assert_int_equal(totals.answer_ms, 36000);
	assert_string_equal(starts[0], "2026-11-20T10:00:00Z");
	assert_points(f, NULL, "clarity@1=4/1");
}

/* ------------------------------------------------------------------------------------------------
 * Migration 3
 */

static void test_version_2_migrates_to_3(void **state)
{
	char *path = temp_db(), *cause = NULL;
	struct store_session s;
	struct store *store;
	struct fixture f;
	(void)state;

	store = store_open_version(path, 2, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), 2);
	store_close(store);
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'session_theme'"), 0);
	exec_sql(path,
		 "INSERT INTO session (id, kind, started_at, status) VALUES"
		 " (7, 'interview', '2026-01-02T03:04:05Z', 'finished'),"
		 " (8, 'drill', '2026-01-03T03:04:05Z', 'discarded');"
		 "INSERT INTO answer (id, session_id, position, question_id, question_text, mode, text,"
		 " think_limit_seconds, think_used_ms, answer_limit_seconds, answer_used_ms, answered_at) VALUES"
		 " (1, 7, 1, 'why-us', 'Why us?', 'typed', 'Because.', 15, 4000, 120, 30000, '2026-01-02T03:05:00Z'),"
		 " (2, 7, 2, 'why-now', 'Why now?', 'typed', 'Now.', 15, 1000, 120, 20000, '2026-01-02T03:06:00Z'),"
		 " (3, 8, 1, 'why-us', 'Why us?', 'typed', 'Hm.', 15, 1000, 120, 5000, '2026-01-03T03:05:00Z');"
		 "INSERT INTO rating (answer_id, theme_id, score, rated_at) VALUES"
		 " (1, 'clarity', 4, '2026-01-02T03:07:00Z'), (1, 'structure', 3, '2026-01-02T03:07:00Z'),"
		 " (2, 'clarity', 2, '2026-01-02T03:07:00Z'), (3, 'clarity', 5, '2026-01-03T03:07:00Z');");

	store = store_open_version(path, 3, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), 3);
	assert_int_equal(query_int(path, "PRAGMA user_version"), 3);
	/* The sums were filled from the ratings already there. */
	assert_query_text(path, "SELECT session_id || ':' || theme_id || '=' || score_sum || '/' || score_count"
				" FROM session_theme ORDER BY session_id, theme_id",
			  "7:clarity=6/2;7:structure=3/1;8:clarity=5/1");
	assert_session_theme_consistent(path);
	/* The API needs the latest schema: migrate on to it (4 adds settings and session.spoken). */
	store_close(store);
	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), STORE_LATEST_VERSION);

	f.path = path;
	f.store = store;
	arena_init(&f.arena);
	assert_points(&f, NULL, "clarity@7=6/2;structure@7=3/1");
	get_session(&f, 7, &s);
	assert_int_equal(s.follow_ups, 1);
	assert_int_equal(s.think_seconds, -1);
	assert_int_equal(s.answer_seconds, -1);
	assert_int_equal(s.answered, 2);
	assert_int_equal(s.rating_count, 3);
	assert_near(s.rating_avg, 3.0);
	assert_ratings(&f, 1, "clarity=4,structure=3");	/* no theme rows: by theme id */

	/* The triggers work on the migrated database. */
	rate(&f, 2, "clarity=5", NULL);
	assert_points(&f, NULL, "clarity@7=9/2;structure@7=3/1");
	assert_session_theme_consistent(path);
	arena_release(&f.arena);
	store_close(store);

	assert_query_text(path, "PRAGMA integrity_check", "ok");
	assert_int_equal(query_int(path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* Opening again does nothing more. */
	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), STORE_LATEST_VERSION);
	store_close(store);
	remove_db(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pinned_clock_stamps_every_row, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_create_and_questions_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_last_open_and_close, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answers_list_follow_ups_after_their_main, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rating_save_replaces_ratings_and_note, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_theme_follows_ratings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_discarded_sessions_are_left_out, setup, teardown),
		cmocka_unit_test_setup_teardown(test_theme_sums_before_cover_earlier_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_totals_and_since, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_totals_follow_answers, setup, teardown),
		cmocka_unit_test(test_version_2_migrates_to_3),
	};
	fixture_pin_clock();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
