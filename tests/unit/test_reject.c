/* Unit tests for the store's rejection log, growth plan and drill schedule (store-reject.c and
 * store-review.c): rejections with their themes and reflections round trip, update and delete; plan
 * actions change status; questions enter the schedule and are folded from their rated main answers
 * (sched.h's SM-2 variant) when answers are rated, re-rated or their session discarded; migration 5. */
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
#include "rebound/sched.h"
#include "rebound/store.h"
#include "rebound/util.h"
#include "store-fixture.h"

/* ------------------------------------------------------------------------------------------------
 * Fixture: a fresh store in a temporary directory, with stages and themes synced so that themes and
 * reflections sort by their place in the file.
 */

/* Stage order: screen, onsite, final; theme order: structure, clarity, rapport (neither alphabetical). */
static const char themes_yaml[] =
	"stages: [{id: screen, title: Screen}, {id: onsite, title: Onsite}, {id: final, title: Final}]\n"
	"themes:\n"
	"  - {id: structure, title: S, description: D, rubric: {1: a, 3: b, 5: c}}\n"
	"  - {id: clarity, title: C, description: D, rubric: {1: a, 3: b, 5: c}}\n"
	"  - {id: rapport, title: R, description: D, rubric: {1: a, 3: b, 5: c}}\n";

/* Text that quoting, statement splitting or a byte-wise cut would damage. */
#define NASTY "O'Brien \"&\" Sons; DROP TABLE rejection; -- " \
	"caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80 %s %d\\n"

static int setup(void **state)
{
	return fixture_setup(state, themes_yaml);
}

static int teardown(void **state)
{
	return fixture_teardown(state);
}


/* Checks that text is an ISO UTC time within [before, after]. */
static void assert_time_between(const char *text, time_t before, time_t after)
{
	time_t t;

	assert_non_null(text);
	assert_int_equal(strlen(text), DATE_ISO_SIZE - 1);
	assert_int_equal(date_parse_iso(text, &t), 0);
	assert_true(t >= before && t <= after);
}

/* A day number as "YYYY-MM-DD", kept in the fixture's arena. */
static const char *day_text(struct fixture *f, long day)
{
	char buf[11];

	date_format_day(day, buf);
	return arena_strdup(&f->arena, buf);
}

static long today(void)
{
	return date_today();
}

/* ------------------------------------------------------------------------------------------------
 * Helpers that drive the API
 */

static long long add_rejection(struct fixture *f, const struct store_rejection *r, const char *const *ids,
			       size_t count, const char *day)
{
	char *cause = NULL;
	long long id = store_rejection_add(f->store, r, ids, count, day, &cause);

	if (id <= 0)
		fail_msg("cannot save a rejection: %s", cause);
	return id;
}

/* A rejection with only the required fields. */
static struct store_rejection plain_rejection(const char *company, const char *rejected_on)
{
	struct store_rejection r;

	memset(&r, 0, sizeof r);
	r.company = company;
	r.role = "Engineer";
	r.rejected_on = rejected_on;
	return r;
}

static void get_rejection(struct fixture *f, long long id, struct store_rejection *out)
{
	char *cause = NULL;

	memset(out, 0xa5, sizeof *out);		/* every field must be written */
	assert_int_equal(store_rejection_get(f->store, id, &f->arena, out, &cause), 1);
	assert_true(out->id == id);
}

/* A rejection's themes as "theme[:reason],..." (in the arena). */
static const char *themes_text(struct fixture *f, const struct store_rejection *r)
{
	char *all = xstrdup("");
	const char *kept;
	size_t i;

	for (i = 0; i < r->theme_count; i++) {
		char *joined = xasprintf("%s%s%s%s%s", all, i ? "," : "", r->themes[i].theme_id,
					 r->themes[i].reason ? ":" : "", r->themes[i].reason ? r->themes[i].reason : "");
		free(all);
		all = joined;
	}
	kept = arena_strdup(&f->arena, all);
	free(all);
	return kept;
}

/* A rejection's reflections as "stage=went_well/do_better;..." with NULL shown as "-" (in the arena). */
static const char *reflections_text(struct fixture *f, const struct store_rejection *r)
{
	char *all = xstrdup("");
	const char *kept;
	size_t i;

	for (i = 0; i < r->reflection_count; i++) {
		const struct store_reflection *x = &r->reflections[i];
		char *joined = xasprintf("%s%s%s=%s/%s", all, i ? ";" : "", x->stage_id,
					 x->went_well ? x->went_well : "-", x->do_better ? x->do_better : "-");
		free(all);
		all = joined;
	}
	kept = arena_strdup(&f->arena, all);
	free(all);
	return kept;
}

/* The rejection log as "id:company@date[themes];..." (in the arena). */
static const char *rejections_text(struct fixture *f)
{
	struct store_rejection *list = NULL;
	char *all = xstrdup(""), *cause = NULL;
	const char *kept;
	size_t count = 99, i;

	assert_int_equal(store_rejection_list(f->store, &f->arena, &list, &count, &cause), 0);
	for (i = 0; i < count; i++) {
		char *joined;
		/* The list carries themes, not reflections. */
		assert_int_equal(list[i].reflection_count, 0);
		assert_null(list[i].reflections);
		joined = xasprintf("%s%s%lld:%s@%s[%s]", all, i ? ";" : "", list[i].id, list[i].company,
				   list[i].rejected_on, themes_text(f, &list[i]));
		free(all);
		all = joined;
	}
	kept = arena_strdup(&f->arena, all);
	free(all);
	return kept;
}

static long long plan_add(struct fixture *f, const char *theme_id, long long rejection_id, const char *text,
			  const char *status, const char *due_on)
{
	struct store_plan_action a;
	char *cause = NULL;
	long long id;

	memset(&a, 0, sizeof a);
	a.theme_id = theme_id;
	a.rejection_id = rejection_id;
	a.text = text;
	a.status = status;
	a.due_on = due_on;
	id = store_plan_add(f->store, &a, &cause);
	if (id <= 0)
		fail_msg("cannot add a plan action: %s", cause);
	return id;
}

static void plan_list(struct fixture *f, struct store_plan_action **out, size_t *count)
{
	char *cause = NULL;

	*count = 99;
	assert_int_equal(store_plan_list(f->store, &f->arena, out, count, &cause), 0);
}

static int plan_set_status(struct fixture *f, long long id, const char *status)
{
	char *cause = NULL;
	int rc = store_plan_set_status(f->store, id, status, &cause);

	assert_true(rc >= 0);
	return rc;
}

static void schedule(struct fixture *f, const char *const *ids, size_t count, const char *day, int expect_added)
{
	char *cause = NULL;
	int added = -1;

	if (store_review_add(f->store, ids, count, day, &added, &cause) != 0)
		fail_msg("cannot schedule: %s", cause);
	assert_int_equal(added, expect_added);
}

static long long create_session(struct fixture *f, const char *kind)
{
	struct store_session spec;
	char *cause = NULL;
	long long id;

	memset(&spec, 0, sizeof spec);
	spec.kind = kind;
	spec.think_seconds = spec.answer_seconds = -1;
	spec.follow_ups = 1;
	id = store_session_create(f->store, &spec, NULL, 0, &cause);
	if (id <= 0)
		fail_msg("cannot create a session: %s", cause);
	return id;
}

static long long add_answer(struct fixture *f, long long session_id, int position, const char *question_id,
			    long long follow_up_of)
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
	a.answer_used_ms = 30000;
	a.stopped_by = "enter";
	id = store_answer_add(f->store, &a, &cause);
	if (id <= 0)
		fail_msg("cannot save an answer: %s", cause);
	return id;
}

/* Gives an answer two ratings (structure and clarity). */
static void rate(struct fixture *f, long long answer_id, int structure, int clarity)
{
	struct store_rating ratings[2] = { { "structure", structure }, { "clarity", clarity } };
	char *cause = NULL;

	if (store_rating_save(f->store, answer_id, ratings, 2, NULL, &cause) != 0)
		fail_msg("cannot rate answer %lld: %s", answer_id, cause);
}

/* When the store says an answer was given (in the arena), and its local day. */
static const char *answered_at(struct fixture *f, long long answer_id, long *day)
{
	struct store_answer a;
	char *cause = NULL;
	time_t t;

	assert_int_equal(store_answer_get(f->store, answer_id, &f->arena, &a, &cause), 1);
	assert_non_null(a.answered_at);
	assert_int_equal(date_parse_iso(a.answered_at, &t), 0);
	if (day != NULL)
		*day = date_local_day(t);
	return a.answered_at;
}

/* Moves an answer to noon (local) of day, as if it had been given then. */
static void backdate_answer(struct fixture *f, long long answer_id, long day)
{
	char iso[DATE_ISO_SIZE], *sql;

	date_iso_utc(date_day_start(day) + 12 * 3600, iso);
	sql = xasprintf("UPDATE answer SET answered_at = '%s' WHERE id = %lld", iso, answer_id);
	exec_sql(f->path, sql);
	free(sql);
}

static void close_session(struct fixture *f, long long id, const char *status)
{
	char *cause = NULL;

	if (store_session_close(f->store, id, status, &cause) != 0)
		fail_msg("cannot close session %lld: %s", id, cause);
}

static void review_list(struct fixture *f, struct store_review **out, size_t *count)
{
	char *cause = NULL;

	*count = 99;
	assert_int_equal(store_review_list(f->store, &f->arena, out, count, &cause), 0);
}

/* The schedule's question ids in its order, joined with ",". */
static const char *schedule_order(struct fixture *f)
{
	struct store_review *list = NULL;
	char *all = xstrdup("");
	const char *kept;
	size_t count, i;

	review_list(f, &list, &count);
	for (i = 0; i < count; i++) {
		char *joined = xasprintf("%s%s%s", all, i ? "," : "", list[i].question_id);
		free(all);
		all = joined;
	}
	kept = arena_strdup(&f->arena, all);
	free(all);
	return kept;
}

/* Checks a question with no review folded: due on due, added on added, nothing else set. */
static void assert_unreviewed(struct fixture *f, const char *question_id, long due, long added)
{
	struct store_review *list = NULL;
	size_t count, i;

	review_list(f, &list, &count);
	for (i = 0; i < count && strcmp(list[i].question_id, question_id) != 0; i++)
		;
	if (i == count)
		fail_msg("%s is not in the schedule", question_id);
	assert_string_equal(list[i].due_on, day_text(f, due));
	assert_string_equal(list[i].added_on, day_text(f, added));
	assert_int_equal(list[i].interval_days, 0);
	assert_int_equal(list[i].streak, 0);
	assert_int_equal(list[i].reviews, 0);
	assert_near(list[i].stability, 0);
	assert_null(list[i].last_reviewed_at);
	assert_null(list[i].first_reviewed_on);
	assert_null(list[i].reviewed_on);
}

/* The reviews a fold should have made: the average rating of each answer and the day it counts on. */
struct expected_review {
	long day;
	double quality;
};

/*
 * Checks a question's row against sched.c applied to reviews in order from added (test_sched checks
 * sched.c against reference values); last is the answer that last moved it. Returns the row.
 */
static const struct store_review *assert_folded(struct fixture *f, const char *question_id, long added,
						 const char *last, size_t n, const struct expected_review *reviews)
{
	struct store_review *list = NULL;
	struct sched_state s;
	size_t count, i;

	sched_start(&s, added);
	for (i = 0; i < n; i++)
		sched_review(&s, reviews[i].day, sched_grade_of(reviews[i].quality), SCHED_RETENTION_DEFAULT);
	review_list(f, &list, &count);
	for (i = 0; i < count && strcmp(list[i].question_id, question_id) != 0; i++)
		;
	if (i == count)
		fail_msg("%s is not in the schedule", question_id);
	assert_string_equal(list[i].due_on, day_text(f, s.due_day));
	assert_string_equal(list[i].added_on, day_text(f, added));
	assert_int_equal(list[i].interval_days, s.interval_days);
	assert_int_equal(list[i].streak, s.streak);
	assert_int_equal(list[i].reviews, s.reviews);
	assert_int_equal(list[i].lapses, s.lapses);
	assert_near(list[i].stability, s.stability);
	assert_near(list[i].difficulty, s.difficulty);
	assert_string_equal(list[i].first_reviewed_on, day_text(f, reviews[0].day));
	assert_string_equal(list[i].reviewed_on, day_text(f, s.last_day));
	assert_string_equal(list[i].last_reviewed_at, last);
	return &list[i];
}

#define FOLDED(f, id, added, last, ...) \
	assert_folded(f, id, added, last, sizeof((struct expected_review[]){ __VA_ARGS__ }) / \
		      sizeof(struct expected_review), (struct expected_review[]){ __VA_ARGS__ })
/* ------------------------------------------------------------------------------------------------
 * Rejections
 */

static void test_rejection_add_and_get_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store_rejection_theme themes[] = {
		{ "rapport", "\"lacked examples\"" },
		{ "structure", NULL },
	};
	struct store_reflection reflections[] = {
		{ "onsite", "whiteboard went fine", "ask about scope first" },
		{ "final", NULL, NULL },		/* nothing said: not stored */
		{ "screen", "good rapport", NULL },
	};
	struct store_rejection r, got;
	char *cause = NULL;
	time_t before = fixture_now(), after;
	long long id, bare;

	memset(&r, 0, sizeof r);
	r.company = "Acme";
	r.role = "Staff Engineer";
	r.rejected_on = "2026-11-20";
	r.stage_reached = "onsite";
	r.interviewer = "Dana";
	r.feedback = "Strong coding, unclear on trade-offs.";
	r.created_at = "1999-01-01T00:00:00Z";	/* set by the store, not taken */
	r.themes = themes;
	r.theme_count = 2;
	r.reflections = reflections;
	r.reflection_count = 3;
	id = add_rejection(f, &r, NULL, 0, NULL);
	after = fixture_now();

	get_rejection(f, id, &got);
	assert_string_equal(got.company, "Acme");
	assert_string_equal(got.role, "Staff Engineer");
	assert_string_equal(got.rejected_on, "2026-11-20");
	assert_string_equal(got.stage_reached, "onsite");
	assert_string_equal(got.interviewer, "Dana");
	assert_string_equal(got.feedback, "Strong coding, unclear on trade-offs.");
	assert_time_between(got.created_at, before, after);
	/* Themes in the themes file's order, reflections in the stages' order. */
	assert_int_equal(got.theme_count, 2);
	assert_string_equal(themes_text(f, &got), "structure,rapport:\"lacked examples\"");
	assert_null(got.themes[0].reason);
	assert_int_equal(got.reflection_count, 2);
	assert_string_equal(reflections_text(f, &got),
			    "screen=good rapport/-;onsite=whiteboard went fine/ask about scope first");
	assert_null(got.reflections[0].do_better);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM reflection"), 2);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM reflection WHERE stage_id = 'final'"), 0);
	/* Nothing was scheduled. */
	assert_string_equal(schedule_order(f), "");

	/* The optional fields: no stage, no interviewer, no feedback (kept as ""), no themes or reflections. */
	r = plain_rejection("Initech", "2026-11-21");
	bare = add_rejection(f, &r, NULL, 0, NULL);
	assert_true(bare > id);
	get_rejection(f, bare, &got);
	assert_string_equal(got.company, "Initech");
	assert_string_equal(got.role, "Engineer");
	assert_string_equal(got.rejected_on, "2026-11-21");
	assert_null(got.stage_reached);
	assert_null(got.interviewer);
	assert_string_equal(got.feedback, "");
	assert_int_equal(got.theme_count, 0);
	assert_int_equal(got.reflection_count, 0);
	assert_null(got.reflections);
	assert_query_text(f->path, "SELECT quote(feedback) FROM rejection WHERE id = 2", "''");

	/* No such rejection. */
	assert_int_equal(store_rejection_get(f->store, bare + 1, &f->arena, &got, &cause), 0);
	assert_int_equal(store_rejection_get(f->store, 0, &f->arena, &got, &cause), 0);
	assert_null(cause);
}

static void test_rejection_text_round_trips(void **state)
{
	struct fixture *f = *state;
	struct store_rejection_theme themes[] = { { "clarity", NASTY } };
	struct store_reflection reflections[] = { { "onsite", NASTY, "\"" NASTY "\"" } };
	struct store_rejection r, got, *list = NULL;
	char *cause = NULL;
	size_t count = 0;
	long long id;

	memset(&r, 0, sizeof r);
	r.company = NASTY;
	r.role = "R\xc3\xb4le \xe2\x80\x94 '\"';";
	r.rejected_on = "2026-02-28";
	r.stage_reached = "onsite";
	r.interviewer = "Zo\xc3\xab; 'Z' \"Q\"";
	r.feedback = "line 1\nline 2\t'quoted' \"double\"; 100% \xf0\x9f\x98\x90";
	r.themes = themes;
	r.theme_count = 1;
	r.reflections = reflections;
	r.reflection_count = 1;
	id = add_rejection(f, &r, NULL, 0, NULL);

	get_rejection(f, id, &got);
	assert_string_equal(got.company, NASTY);
	assert_string_equal(got.role, "R\xc3\xb4le \xe2\x80\x94 '\"';");
	assert_string_equal(got.interviewer, "Zo\xc3\xab; 'Z' \"Q\"");
	assert_string_equal(got.feedback, "line 1\nline 2\t'quoted' \"double\"; 100% \xf0\x9f\x98\x90");
	assert_int_equal(got.theme_count, 1);
	assert_string_equal(got.themes[0].theme_id, "clarity");
	assert_string_equal(got.themes[0].reason, NASTY);
	assert_int_equal(got.reflection_count, 1);
	assert_string_equal(got.reflections[0].went_well, NASTY);
	assert_string_equal(got.reflections[0].do_better, "\"" NASTY "\"");
	/* Nothing ran as SQL. */
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection"), 1);

	assert_int_equal(store_rejection_list(f->store, &f->arena, &list, &count, &cause), 0);
	assert_int_equal(count, 1);
	assert_string_equal(list[0].company, NASTY);
	assert_string_equal(list[0].themes[0].reason, NASTY);

	/* And through an update. */
	r.id = id;
	r.company = "\xe6\x97\xa5\xe6\x9c\xac'; --";
	assert_int_equal(store_rejection_update(f->store, &r, NULL, 0, NULL, &cause), 1);
	get_rejection(f, id, &got);
	assert_string_equal(got.company, "\xe6\x97\xa5\xe6\x9c\xac'; --");
	assert_string_equal(got.themes[0].reason, NASTY);
}

static void test_rejection_list_newest_first(void **state)
{
	struct fixture *f = *state;
	struct store_rejection_theme both[] = { { "clarity", "rambled" }, { "structure", NULL } };
	struct store_rejection_theme one[] = { { "rapport", NULL } };
	struct store_reflection reflection[] = { { "screen", "fine", "better" } };
	struct store_rejection r;
	long long a, b, c;

	assert_string_equal(rejections_text(f), "");

	r = plain_rejection("Alpha", "2026-03-01");
	r.themes = both;
	r.theme_count = 2;
	r.reflections = reflection;
	r.reflection_count = 1;
	a = add_rejection(f, &r, NULL, 0, NULL);
	r = plain_rejection("Beta", "2026-05-10");
	r.themes = one;
	r.theme_count = 1;
	b = add_rejection(f, &r, NULL, 0, NULL);
	r = plain_rejection("Gamma", "2026-03-01");	/* same day as Alpha, logged later */
	c = add_rejection(f, &r, NULL, 0, NULL);
	assert_true(a == 1 && b == 2 && c == 3);

	assert_string_equal(rejections_text(f), "2:Beta@2026-05-10[rapport];3:Gamma@2026-03-01[];"
						"1:Alpha@2026-03-01[structure,clarity:rambled]");
}

static void test_rejection_update_replaces_everything(void **state)
{
	struct fixture *f = *state;
	struct store_rejection_theme old_themes[] = { { "structure", "no STAR" }, { "clarity", NULL } };
	struct store_rejection_theme new_themes[] = { { "rapport", "cold" }, { "clarity", "jargon" } };
	struct store_reflection old_reflections[] = { { "screen", "a", "b" }, { "onsite", "c", NULL } };
	struct store_reflection new_reflections[] = { { "final", NULL, "rest more" }, { "onsite", NULL, NULL } };
	struct store_rejection_theme other_theme[] = { { "structure", "other" } };
	struct store_reflection other_reflection[] = { { "screen", "other", NULL } };
	static const char *const ids[] = { "q-2", "q-1" };
	struct store_rejection r, other, got;
	char *cause = NULL;
	long long id, other_id;

	r = plain_rejection("Acme", "2026-01-10");
	r.stage_reached = "screen";
	r.interviewer = "Sam";
	r.feedback = "meh";
	r.themes = old_themes;
	r.theme_count = 2;
	r.reflections = old_reflections;
	r.reflection_count = 2;
	id = add_rejection(f, &r, NULL, 0, NULL);
	other = plain_rejection("Other", "2026-01-11");
	other.themes = other_theme;
	other.theme_count = 1;
	other.reflections = other_reflection;
	other.reflection_count = 1;
	other_id = add_rejection(f, &other, NULL, 0, NULL);
	exec_sql(f->path, "UPDATE rejection SET created_at = '2020-01-01T00:00:00Z' WHERE id = 1");

	memset(&r, 0, sizeof r);
	r.id = id;
	r.company = "Acme Corp";
	r.role = "Lead";
	r.rejected_on = "2026-01-12";
	r.stage_reached = NULL;
	r.interviewer = NULL;
	r.feedback = NULL;
	r.themes = new_themes;
	r.theme_count = 2;
	r.reflections = new_reflections;
	r.reflection_count = 2;
	assert_int_equal(store_rejection_update(f->store, &r, ids, 2, "2026-01-12", &cause), 1);

	get_rejection(f, id, &got);
	assert_string_equal(got.company, "Acme Corp");
	assert_string_equal(got.role, "Lead");
	assert_string_equal(got.rejected_on, "2026-01-12");
	assert_null(got.stage_reached);
	assert_null(got.interviewer);
	assert_string_equal(got.feedback, "");
	assert_string_equal(got.created_at, "2020-01-01T00:00:00Z");	/* not touched by an update */
	assert_string_equal(themes_text(f, &got), "clarity:jargon,rapport:cold");
	assert_string_equal(reflections_text(f, &got), "final=-/rest more");
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection_theme WHERE rejection_id = 1"), 2);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM reflection WHERE rejection_id = 1"), 1);
	/* The review ids were scheduled like add does. */
	assert_string_equal(schedule_order(f), "q-1,q-2");
	assert_unreviewed(f, "q-1", date_days_from_civil(2026, 1, 12), date_days_from_civil(2026, 1, 12));
	/* The other rejection kept its parts. */
	get_rejection(f, other_id, &got);
	assert_string_equal(themes_text(f, &got), "structure:other");
	assert_string_equal(reflections_text(f, &got), "screen=other/-");

	/* An update to nothing removes every theme and reflection. */
	r.themes = NULL;
	r.theme_count = 0;
	r.reflections = NULL;
	r.reflection_count = 0;
	r.feedback = "final word";
	assert_int_equal(store_rejection_update(f->store, &r, NULL, 0, NULL, &cause), 1);
	get_rejection(f, id, &got);
	assert_string_equal(got.feedback, "final word");
	assert_int_equal(got.theme_count, 0);
	assert_int_equal(got.reflection_count, 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection_theme WHERE rejection_id = 1"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM reflection WHERE rejection_id = 1"), 0);
	/* With no theme left calling for them, the questions never reviewed leave the schedule. */
	assert_string_equal(schedule_order(f), "");

	/* No such rejection: 0, nothing written, nothing scheduled. */
	r.id = 99;
	r.themes = new_themes;
	r.theme_count = 2;
	assert_int_equal(store_rejection_update(f->store, &r, (const char *const[]){ "q-3" }, 1, "2026-01-13", &cause),
			 0);
	assert_null(cause);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection"), 2);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection_theme WHERE rejection_id = 99"), 0);
	assert_string_equal(schedule_order(f), "");
}

static void test_rejection_delete_keeps_plan_actions(void **state)
{
	struct fixture *f = *state;
	struct store_rejection_theme themes[] = { { "structure", "why" }, { "rapport", NULL } };
	struct store_reflection reflections[] = { { "screen", "x", "y" }, { "onsite", NULL, "z" } };
	static const char *const ids[] = { "q-kept", "q-gone" };
	struct store_rejection r, got;
	struct store_plan_action *plan = NULL;
	char *cause = NULL;
	size_t count;
	long long id, other, action;

	r = plain_rejection("Gone", "2026-04-01");
	r.themes = themes;
	r.theme_count = 2;
	r.reflections = reflections;
	r.reflection_count = 2;
	exec_sql(f->path, "INSERT INTO question (id, bank, text, difficulty, think_seconds, answer_seconds, first_seen)"
		 " VALUES ('q-kept', 'b', 'Kept?', 1, 5, 60, '2026-04-01T00:00:00Z');"
		 "INSERT INTO question_theme (question_id, theme_id) VALUES ('q-kept', 'structure')");
	id = add_rejection(f, &r, ids, 2, "2026-04-01");
	other = add_rejection(f, &r, NULL, 0, NULL);
	action = plan_add(f, "structure", id, "Practise STAR answers", NULL, "2026-04-15");
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection_theme"), 4);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM reflection"), 4);

	assert_int_equal(store_rejection_delete(f->store, id, &cause), 1);
	assert_int_equal(store_rejection_get(f->store, id, &f->arena, &got, &cause), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection_theme WHERE rejection_id = 1"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM reflection WHERE rejection_id = 1"), 0);
	/* The plan action stays, no longer tied to a rejection. */
	plan_list(f, &plan, &count);
	assert_int_equal(count, 1);
	assert_true(plan[0].id == action);
	assert_true(plan[0].rejection_id == 0);
	assert_string_equal(plan[0].text, "Practise STAR answers");
	assert_string_equal(plan[0].due_on, "2026-04-15");
	assert_query_text(f->path, "SELECT quote(rejection_id) FROM plan_action", "NULL");
	/* Of the questions it scheduled, never reviewed, the one that trains a theme another rejection
	 * cites (structure) stays; the other leaves. */
	assert_string_equal(schedule_order(f), "q-kept");
	/* The other rejection is whole. */
	get_rejection(f, other, &got);
	assert_int_equal(got.theme_count, 2);
	assert_int_equal(got.reflection_count, 2);
	assert_string_equal(rejections_text(f), "2:Gone@2026-04-01[structure:why,rapport]");

	assert_int_equal(store_rejection_delete(f->store, id, &cause), 0);
	assert_int_equal(store_rejection_delete(f->store, 42, &cause), 0);
	assert_null(cause);
	assert_query_text(f->path, "PRAGMA foreign_key_check", "");
}

/* A failed add leaves nothing behind: the rejection, its parts and the schedule are one transaction. */
static void test_rejection_add_is_one_transaction(void **state)
{
	struct fixture *f = *state;
	struct store_rejection_theme themes[] = { { "structure", NULL } };
	struct store_reflection reflections[] = { { "screen", "x", NULL } };
	static const char *const ids[] = { "q-a", "q-b" };
	struct store_rejection r;
	char *cause = NULL;

	r = plain_rejection("Acme", "2026-04-01");
	r.themes = themes;
	r.theme_count = 1;
	r.reflections = reflections;
	r.reflection_count = 1;
	/* No day for the schedule: the review rows cannot be written. */
	assert_int_equal(store_rejection_add(f->store, &r, ids, 2, NULL, &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection_theme"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM reflection"), 0);
	assert_string_equal(schedule_order(f), "");

	/* A required field missing fails too, and the store still works afterwards. */
	r.company = NULL;
	assert_int_equal(store_rejection_add(f->store, &r, ids, 2, "2026-04-01", &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_string_equal(schedule_order(f), "");
	r.company = "Acme";
	assert_true(add_rejection(f, &r, ids, 2, "2026-04-01") > 0);
	assert_string_equal(schedule_order(f), "q-a,q-b");
}

/* ------------------------------------------------------------------------------------------------
 * The growth plan
 */

static void test_plan_add_list_status_delete(void **state)
{
	struct fixture *f = *state;
	struct store_rejection r = plain_rejection("Acme", "2026-04-01");
	struct store_plan_action *plan = NULL, bad;
	char *cause = NULL;
	size_t count;
	time_t before = fixture_now(), after;
	long long rejection, first, second, third;

	plan_list(f, &plan, &count);
	assert_int_equal(count, 0);

	rejection = add_rejection(f, &r, NULL, 0, NULL);
	first = plan_add(f, "structure", 0, "Write three STAR stories", NULL, NULL);
	second = plan_add(f, "clarity", rejection, "Record a 2-minute pitch; \"no\" filler \xe2\x9c\x93", "doing",
			  "2026-12-01");
	third = plan_add(f, "rapport", 0, "Ask questions", "done", NULL);
	after = fixture_now();
	assert_true(first < second && second < third);

	plan_list(f, &plan, &count);
	assert_int_equal(count, 3);
	assert_true(plan[0].id == first);
	assert_string_equal(plan[0].theme_id, "structure");
	assert_true(plan[0].rejection_id == 0);
	assert_string_equal(plan[0].text, "Write three STAR stories");
	assert_string_equal(plan[0].status, "todo");
	assert_null(plan[0].due_on);
	assert_time_between(plan[0].created_at, before, after);
	assert_null(plan[0].done_at);
	assert_true(plan[1].id == second);
	assert_string_equal(plan[1].theme_id, "clarity");
	assert_true(plan[1].rejection_id == rejection);
	assert_string_equal(plan[1].text, "Record a 2-minute pitch; \"no\" filler \xe2\x9c\x93");
	assert_string_equal(plan[1].status, "doing");
	assert_string_equal(plan[1].due_on, "2026-12-01");
	assert_null(plan[1].done_at);
	assert_true(plan[2].id == third);
	assert_string_equal(plan[2].status, "done");
	assert_string_equal(plan[2].text, "Ask questions");

	/* done sets done_at; doing or todo clear it. */
	before = fixture_now();
	assert_int_equal(plan_set_status(f, first, "done"), 1);
	after = fixture_now();
	plan_list(f, &plan, &count);
	assert_string_equal(plan[0].status, "done");
	assert_time_between(plan[0].done_at, before, after);
	/* done again keeps the first done_at. */
	exec_sql(f->path, "UPDATE plan_action SET done_at = '2026-01-02T03:04:05Z' WHERE id = 1");
	assert_int_equal(plan_set_status(f, first, "done"), 1);
	plan_list(f, &plan, &count);
	assert_string_equal(plan[0].done_at, "2026-01-02T03:04:05Z");
	assert_int_equal(plan_set_status(f, first, "todo"), 1);
	plan_list(f, &plan, &count);
	assert_string_equal(plan[0].status, "todo");
	assert_null(plan[0].done_at);
	assert_int_equal(plan_set_status(f, first, "doing"), 1);
	plan_list(f, &plan, &count);
	assert_string_equal(plan[0].status, "doing");
	assert_null(plan[0].done_at);
	assert_int_equal(plan_set_status(f, first, "done"), 1);
	assert_int_equal(plan_set_status(f, first, "doing"), 1);
	plan_list(f, &plan, &count);
	assert_null(plan[0].done_at);
	/* The others did not move. */
	assert_string_equal(plan[1].status, "doing");
	assert_null(plan[1].done_at);

	/* No such action; a status the schema does not allow. */
	assert_int_equal(plan_set_status(f, 99, "done"), 0);
	assert_int_equal(store_plan_set_status(f->store, first, "later", &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	plan_list(f, &plan, &count);
	assert_string_equal(plan[0].status, "doing");

	/* An action must come from a rejection that exists. */
	memset(&bad, 0, sizeof bad);
	bad.theme_id = "clarity";
	bad.rejection_id = 77;
	bad.text = "orphan";
	assert_int_equal(store_plan_add(f->store, &bad, &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;

	assert_int_equal(store_plan_delete(f->store, first, &cause), 1);
	assert_int_equal(store_plan_delete(f->store, first, &cause), 0);
	assert_null(cause);
	plan_list(f, &plan, &count);
	assert_int_equal(count, 2);
	assert_true(plan[0].id == second && plan[1].id == third);
	/* Deleting an action leaves its rejection alone. */
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM rejection"), 1);
}

/* store.h: done_at is "set by the store; NULL unless done". An action saved as done is done, so it
 * has a done_at like one moved to done (no command adds one as done today; the API allows it). */
static void test_plan_added_as_done_has_done_at(void **state)
{
	struct fixture *f = *state;
	struct store_plan_action *plan = NULL;
	size_t count;
	time_t before = fixture_now(), after;

	plan_add(f, "rapport", 0, "Ask questions", "done", NULL);
	after = fixture_now();
	plan_list(f, &plan, &count);
	assert_int_equal(count, 1);
	assert_string_equal(plan[0].status, "done");
	if (plan[0].done_at == NULL)
		fail_msg("an action added with status \"done\" has done_at NULL");
	assert_time_between(plan[0].done_at, before, after);
}

/* ------------------------------------------------------------------------------------------------
 * The drill schedule
 */

static void test_rejection_schedules_questions(void **state)
{
	struct fixture *f = *state;
	static const char *const first[] = { "q-b", "q-a" };
	static const char *const second[] = { "q-a", "q-c" };
	static const char *const third[] = { "q-b", "q-d" };
	long june10 = date_days_from_civil(2026, 6, 10), june1 = date_days_from_civil(2026, 6, 1);
	struct store_rejection r = plain_rejection("Acme", "2026-06-10");
	char *cause = NULL;
	int added = -1;

	add_rejection(f, &r, first, 2, "2026-06-10");
	assert_string_equal(schedule_order(f), "q-a,q-b");
	assert_unreviewed(f, "q-a", june10, june10);
	assert_unreviewed(f, "q-b", june10, june10);
	assert_query_text(f->path, "SELECT due_on || '|' || added_on || '|' || interval_days || '|' || stability || '|' ||"
				   " streak || '|' || reviews || '|' || quote(last_reviewed_at) || '|' || retention"
				   " FROM review ORDER BY question_id",
			  "2026-06-10|2026-06-10|0.0|0.0|0|0|NULL|0.9;2026-06-10|2026-06-10|0.0|0.0|0|0|NULL|0.9");

	/* Adding again on another day: only the new question enters; the old keeps its place. */
	schedule(f, second, 2, "2026-06-01", 1);
	assert_unreviewed(f, "q-a", june10, june10);
	assert_unreviewed(f, "q-c", june1, june1);
	assert_string_equal(schedule_order(f), "q-c,q-a,q-b");
	schedule(f, second, 2, "2026-07-01", 0);
	/* A new question before one already there: only the new one counts. */
	schedule(f, (const char *const[]){ "q-g", "q-a", "q-c" }, 3, "2026-06-05", 1);
	assert_unreviewed(f, "q-g", june1 + 4, june1 + 4);
	assert_unreviewed(f, "q-a", june10, june10);
	assert_unreviewed(f, "q-c", june1, june1);
	schedule(f, second, 0, "2026-07-01", 0);
	assert_int_equal(store_review_add(f->store, (const char *const[]){ "q-e" }, 1, "2026-07-02", NULL, &cause), 0);
	assert_unreviewed(f, "q-e", june10 + 22, june10 + 22);

	/* Another rejection citing a scheduled question leaves it alone too. */
	r = plain_rejection("Initech", "2026-06-20");
	add_rejection(f, &r, third, 2, "2026-06-20");
	assert_unreviewed(f, "q-b", june10, june10);
	assert_unreviewed(f, "q-d", june10 + 10, june10 + 10);
	assert_string_equal(schedule_order(f), "q-c,q-g,q-a,q-b,q-d,q-e");

	/* A failed add (no day) adds nothing and reports nothing added. */
	assert_int_equal(store_review_add(f->store, (const char *const[]){ "q-f" }, 1, NULL, &added, &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_string_equal(schedule_order(f), "q-c,q-g,q-a,q-b,q-d,q-e");
}

static void test_review_list_order(void **state)
{
	struct fixture *f = *state;

	schedule(f, (const char *const[]){ "q-b", "q-a" }, 2, "2026-02-02", 2);
	schedule(f, (const char *const[]){ "q-z" }, 1, "2026-01-15", 1);
	schedule(f, (const char *const[]){ "q-0" }, 1, "2026-03-01", 1);
	schedule(f, (const char *const[]){ "q-A" }, 1, "2026-02-02", 1);
	/* By due day, then by question id (byte order: "A" before "a"). */
	assert_string_equal(schedule_order(f), "q-z,q-A,q-a,q-b,q-0");
}

static void test_ratings_fold_into_the_schedule(void **state)
{
	struct fixture *f = *state;
	long day0 = today(), day;
	const char *at;
	const struct store_review *r;
	long long session, answer;

	schedule(f, (const char *const[]){ "q-drill" }, 1, day_text(f, day0), 1);
	assert_unreviewed(f, "q-drill", day0, day0);

	session = create_session(f, "drill");
	answer = add_answer(f, session, 1, "q-drill", 0);
	/* An answer alone (not rated) is no review. */
	assert_unreviewed(f, "q-drill", day0, day0);
	at = answered_at(f, answer, &day);
	assert_true(day == day0 || day == day0 + 1);	/* the same day unless midnight passed */

	/* 4 and 5: an average of 4.5 is Easy: FSRS's first stability for Easy, w3 = 8.2956 days. */
	rate(f, answer, 4, 5);
	r = FOLDED(f, "q-drill", day0, at, { day, 4.5 });
	assert_near(r->stability, 8.2956);
	assert_int_equal(r->interval_days, 8);
	assert_string_equal(r->due_on, day_text(f, day + 8));

	/* Re-rated 2 and 2: the fold starts again from the added day and the answer is Again: tomorrow. */
	rate(f, answer, 2, 2);
	r = FOLDED(f, "q-drill", day0, at, { day, 2 });
	assert_near(r->stability, 0.212);
	assert_string_equal(r->due_on, day_text(f, day + 1));
	assert_int_equal(r->streak, 0);

	/* 3 and 3: Hard, 1.2931 days: tomorrow, one in a row. */
	rate(f, answer, 3, 3);
	r = FOLDED(f, "q-drill", day0, at, { day, 3 });
	assert_near(r->stability, 1.2931);
	assert_int_equal(r->streak, 1);

	/* 4 and 4: Good, 2.3065 days: in 2 days. */
	rate(f, answer, 4, 4);
	r = FOLDED(f, "q-drill", day0, at, { day, 4 });
	assert_string_equal(r->due_on, day_text(f, day + 2));

	/* Ratings removed: the answer no longer counts. */
	assert_int_equal(store_rating_save(f->store, answer, NULL, 0, NULL, &(char *){ NULL }), 0);
	assert_unreviewed(f, "q-drill", day0, day0);
}

/* A second answer on the same day is a same-day review (FSRS's short-term formula), early or not. */
static void test_second_answer_same_day(void **state)
{
	struct fixture *f = *state;
	long day0 = today(), day;
	const char *at, *at2;
	const struct store_review *r;
	long long session, first, second;

	schedule(f, (const char *const[]){ "q-drill" }, 1, day_text(f, day0), 1);
	session = create_session(f, "drill");
	first = add_answer(f, session, 1, "q-drill", 0);
	second = add_answer(f, session, 2, "q-drill", 0);
	at = answered_at(f, first, &day);
	exec_sql(f->path, "UPDATE answer SET answered_at = (SELECT answered_at FROM answer WHERE id = 1) WHERE id = 2");
	at2 = answered_at(f, second, NULL);

	rate(f, first, 5, 4);
	FOLDED(f, "q-drill", day0, at, { day, 4.5 });
	/* A good one the same day moves stability a little: never down for Good or Easy. */
	rate(f, second, 5, 5);
	r = FOLDED(f, "q-drill", day0, at2, { day, 4.5 }, { day, 5 });
	assert_true(r->stability >= 8.2956);
	assert_int_equal(r->reviews, 2);
	/* A bad one is a lapse whenever it is given: stability falls to under a third. */
	rate(f, second, 1, 2);
	r = FOLDED(f, "q-drill", day0, at2, { day, 4.5 }, { day, 1.5 });
	assert_true(r->stability < 8.2956 / 3);
	assert_int_equal(r->lapses, 1);
	assert_int_equal(r->streak, 0);
}

/* An answer given while the clock was three years ahead (store-review.c's rules): once the clock is right
 * again, listing the schedule folds it as today's, and a later low rating is folded after it (answer
 * order, not time stamps) as a same-day lapse. */
static void test_answer_from_a_clock_ahead_strands_nothing(void **state)
{
	struct fixture *f = *state;
	time_t now = date_now();
	long day0 = today();
	long long session, ahead, later;

	schedule(f, (const char *const[]){ "q-drill" }, 1, day_text(f, day0), 1);
	session = create_session(f, "drill");
	date_clock_pin(now + 3 * 365 * 86400L);
	ahead = add_answer(f, session, 1, "q-drill", 0);
	rate(f, ahead, 5, 5);
	date_clock_pin(now);
	FOLDED(f, "q-drill", day0, answered_at(f, ahead, NULL), { day0, 5 });

	later = add_answer(f, session, 2, "q-drill", 0);
	rate(f, later, 1, 2);
	assert_int_equal(FOLDED(f, "q-drill", day0, answered_at(f, later, NULL), { day0, 5 }, { day0, 1.5 })->lapses, 1);
}

/* A question scheduled while the clock was ahead counts as added today, and is due today. */
static void test_question_added_while_the_clock_was_ahead(void **state)
{
	struct fixture *f = *state;
	time_t now = date_now();
	long day0 = today();

	date_clock_pin(now + 400 * 86400L);
	schedule(f, (const char *const[]){ "q-late" }, 1, day_text(f, today()), 1);
	date_clock_pin(now);
	assert_unreviewed(f, "q-late", day0, day0);
}

/* The clock went back between two answers: the second, stamped three days before the first, is folded
 * after it on the first one's day, so its lapse ends the run of successes. */
static void test_answer_from_a_clock_gone_back_folds_in_answer_order(void **state)
{
	struct fixture *f = *state;
	long day0 = today();
	long long session, first, second;

	schedule(f, (const char *const[]){ "q-drill" }, 1, day_text(f, day0 - 5), 1);
	session = create_session(f, "drill");
	first = add_answer(f, session, 1, "q-drill", 0);
	second = add_answer(f, session, 2, "q-drill", 0);
	backdate_answer(f, first, day0);
	backdate_answer(f, second, day0 - 3);
	rate(f, first, 4, 4);
	rate(f, second, 1, 1);
	assert_int_equal(FOLDED(f, "q-drill", day0 - 5, answered_at(f, second, NULL), { day0, 4 }, { day0, 1 })->streak, 0);
}

static void test_unscheduled_and_follow_up_answers_move_nothing(void **state)
{
	struct fixture *f = *state;
	long day0 = today() - 2, day;
	const char *at;
	long long session, main_answer, follow_up, other;

	schedule(f, (const char *const[]){ "q-in" }, 1, day_text(f, day0), 1);
	session = create_session(f, "interview");

	/* A question not in the schedule does not enter it when answered and rated. */
	other = add_answer(f, session, 1, "q-out", 0);
	rate(f, other, 1, 1);
	assert_string_equal(schedule_order(f), "q-in");
	assert_unreviewed(f, "q-in", day0, day0);

	/* A follow-up (it carries its main answer's question id) is not a review. */
	main_answer = add_answer(f, session, 2, "q-in", 0);
	follow_up = add_answer(f, session, 2, "q-in", main_answer);
	rate(f, follow_up, 1, 1);
	assert_unreviewed(f, "q-in", day0, day0);
	rate(f, main_answer, 4, 4);
	at = answered_at(f, main_answer, &day);
	FOLDED(f, "q-in", day0, at, { day, 4 });
	rate(f, follow_up, 2, 1);
	FOLDED(f, "q-in", day0, at, { day, 4 });

	/* Discarding a session with only unscheduled answers schedules nothing either. */
	session = create_session(f, "drill");
	other = add_answer(f, session, 1, "q-elsewhere", 0);
	rate(f, other, 5, 5);
	close_session(f, session, "discarded");
	assert_string_equal(schedule_order(f), "q-in");
	FOLDED(f, "q-in", day0, at, { day, 4 });
}

static void test_discarding_a_session_refolds(void **state)
{
	struct fixture *f = *state;
	long day0 = today() - 3, day1, day2;
	const char *at1;
	long long kept, dropped, answer1, answer2, answer3;

	schedule(f, (const char *const[]){ "q-a", "q-b" }, 2, day_text(f, day0), 2);

	kept = create_session(f, "drill");
	answer1 = add_answer(f, kept, 1, "q-a", 0);
	rate(f, answer1, 4, 4);
	at1 = answered_at(f, answer1, &day1);
	FOLDED(f, "q-a", day0, at1, { day1, 4 });
	/* Closing as finished changes nothing. */
	close_session(f, kept, "finished");
	FOLDED(f, "q-a", day0, at1, { day1, 4 });
	assert_unreviewed(f, "q-b", day0, day0);

	dropped = create_session(f, "drill");
	answer2 = add_answer(f, dropped, 1, "q-a", 0);
	answer3 = add_answer(f, dropped, 2, "q-b", 0);
	rate(f, answer2, 1, 1);
	rate(f, answer3, 5, 5);
	answered_at(f, answer2, &day2);
	FOLDED(f, "q-a", day0, answered_at(f, answer2, NULL), { day1, 4 }, { day2, 1 });
	FOLDED(f, "q-b", day0, answered_at(f, answer3, NULL), { day2, 5 });

	/* Discarded: its answers no longer count, the kept session's still do. */
	close_session(f, dropped, "discarded");
	FOLDED(f, "q-a", day0, at1, { day1, 4 });
	assert_unreviewed(f, "q-b", day0, day0);
	/* Re-rating an answer of a discarded session does not bring it back. */
	rate(f, answer3, 5, 5);
	assert_unreviewed(f, "q-b", day0, day0);

	/* The kept session discarded too: back to the day it was added, as if never answered. */
	close_session(f, kept, "discarded");
	assert_unreviewed(f, "q-a", day0, day0);
	assert_query_text(f->path, "SELECT quote(last_reviewed_at) FROM review ORDER BY question_id", "NULL;NULL");
}

/* Answers on several days (moved there by SQL) fold in the order they were given, from the added day on;
 * an early review counts, and moves the schedule only as FSRS says an early review should. */
static void test_fold_over_several_days(void **state)
{
	struct fixture *f = *state;
	long day0 = today() - 20;
	long long session, late, before, first, second, early;
	const char *at;
	const struct store_review *r;

	schedule(f, (const char *const[]){ "q-x" }, 1, day_text(f, day0), 1);
	session = create_session(f, "drill");
	/* Given in this order (the fold goes by the order answers were given), on these days. */
	before = add_answer(f, session, 1, "q-x", 0);
	first = add_answer(f, session, 2, "q-x", 0);
	second = add_answer(f, session, 3, "q-x", 0);
	early = add_answer(f, session, 4, "q-x", 0);
	late = add_answer(f, session, 5, "q-x", 0);
	backdate_answer(f, late, day0 + 8);
	backdate_answer(f, before, day0 - 1);
	backdate_answer(f, first, day0);
	backdate_answer(f, second, day0 + 1);
	backdate_answer(f, early, day0 + 3);
	at = answered_at(f, late, NULL);

	/* Rated before the added day: ignored. */
	rate(f, before, 1, 1);
	assert_unreviewed(f, "q-x", day0, day0);
	rate(f, late, 3, 3);		/* alone: a first review, Hard, on day0 + 8 */
	FOLDED(f, "q-x", day0, at, { day0 + 8, 3 });
	rate(f, first, 4, 4);
	rate(f, second, 4, 4);
	rate(f, early, 5, 5);
	r = FOLDED(f, "q-x", day0, at, { day0, 4 }, { day0 + 1, 4 }, { day0 + 3, 5 }, { day0 + 8, 3 });
	assert_string_equal(r->first_reviewed_on, day_text(f, day0));
	assert_int_equal(r->streak, 4);

	/* The early answer re-rated as a lapse changes everything after it. */
	rate(f, early, 2, 1);
	r = FOLDED(f, "q-x", day0, at, { day0, 4 }, { day0 + 1, 4 }, { day0 + 3, 1.5 }, { day0 + 8, 3 });
	assert_int_equal(r->streak, 1);
	assert_int_equal(r->lapses, 1);
}

/* Adding a question folds the rated answers it already has from the added day on. */
static void test_review_add_folds_existing_answers(void **state)
{
	struct fixture *f = *state;
	long day0 = today(), day;
	const char *at;
	long long session, answer, other;

	session = create_session(f, "interview");
	answer = add_answer(f, session, 1, "q-now", 0);
	other = add_answer(f, session, 2, "q-later", 0);
	rate(f, answer, 5, 5);
	rate(f, other, 5, 5);
	at = answered_at(f, answer, &day);
	assert_string_equal(schedule_order(f), "");

	schedule(f, (const char *const[]){ "q-now" }, 1, day_text(f, day0 - 1), 1);
	FOLDED(f, "q-now", day0 - 1, at, { day, 5 });
	/* Added the next day: the answer came before it and does not count. */
	date_clock_pin(date_now() + 86400);
	schedule(f, (const char *const[]){ "q-later" }, 1, day_text(f, day + 1), 1);
	assert_unreviewed(f, "q-later", day + 1, day + 1);
	date_clock_pin(date_now() - 86400);
}

/* ------------------------------------------------------------------------------------------------
 * Migration 5
 */

static void test_version_4_migrates_to_5(void **state)
{
	char *path = temp_db(), *cause = NULL;
	struct store *store;
	struct fixture f;
	(void)state;

	store = store_open_version(path, 4, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), 4);
	store_close(store);
	assert_int_equal(query_int(path, "SELECT count(*) FROM pragma_table_info('review') WHERE name = 'added_on'"), 0);
	exec_sql(path, "INSERT INTO review (question_id, due_on, interval_days, ease, repetitions, last_reviewed_at)"
		       " VALUES ('q-old', '2026-04-02', 6, 2.6, 2, '2026-03-27T10:00:00Z'),"
		       " ('q-older', '2026-01-05', 0, 2.5, 0, NULL)");

	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), STORE_LATEST_VERSION);
	assert_int_equal(query_int(path, "PRAGMA user_version"), STORE_LATEST_VERSION);
	assert_query_text(path, "SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN"
				" ('review_due', 'rejection_theme_theme', 'plan_action_theme') ORDER BY name",
			  "plan_action_theme;rejection_theme_theme;review_due");

	f.path = path;
	f.store = store;
	arena_init(&f.arena);
	/* Each row entered on its due day, and is folded from its rated answers (none here: never reviewed). */
	assert_string_equal(schedule_order(&f), "q-older,q-old");
	assert_unreviewed(&f, "q-older", date_days_from_civil(2026, 1, 5), date_days_from_civil(2026, 1, 5));
	assert_unreviewed(&f, "q-old", date_days_from_civil(2026, 4, 2), date_days_from_civil(2026, 4, 2));
	/* Already there: left alone. */
	schedule(&f, (const char *const[]){ "q-old", "q-new" }, 2, "2026-05-01", 1);
	assert_unreviewed(&f, "q-old", date_days_from_civil(2026, 4, 2), date_days_from_civil(2026, 4, 2));
	arena_release(&f.arena);
	store_close(store);

	assert_query_text(path, "PRAGMA integrity_check", "ok");
	/* Opening again does nothing more. */
	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(store_version(store), STORE_LATEST_VERSION);
	store_close(store);
	remove_db(path);
}

/* ------------------------------------------------------------------------------------------------
 * Migration 10: SM-2's rows become FSRS's, folded again from the rated answers
 */

/* Noon (local) of day, as the store stamps answers. */
static char *noon_iso(long day, char buf[DATE_ISO_SIZE])
{
	date_iso_utc(date_day_start(day) + 12 * 3600, buf);
	return buf;
}

static void test_version_9_schedule_is_refolded_by_fsrs(void **state)
{
	char *path = temp_db(), *cause = NULL, *sql, first[DATE_ISO_SIZE], second[DATE_ISO_SIZE];
	long day0 = today() - 10;
	struct store *store;
	struct fixture f;
	(void)state;

	arena_init(&f.arena);
	store = store_open_version(path, 9, &cause);
	assert_non_null(store);
	store_close(store);
	/* SM-2 had it out 6 days after two successes; the answers say Good on day0, Easy the day after. */
	sql = xasprintf("INSERT INTO session (id, kind, started_at, status) VALUES (1, 'drill', '%s', 'finished');"
			"INSERT INTO answer (id, session_id, position, question_id, question_text, mode,"
			" think_limit_seconds, think_used_ms, answer_limit_seconds, answer_used_ms, answered_at)"
			" VALUES (1, 1, 1, 'q-mig', 'Why?', 'typed', 0, 0, 60, 1000, '%s'),"
			" (2, 1, 2, 'q-mig', 'Why?', 'typed', 0, 0, 60, 1000, '%s');"
			"INSERT INTO rating VALUES (1, 'structure', 4, '%s'), (1, 'clarity', 4, '%s'),"
			" (2, 'structure', 5, '%s'), (2, 'clarity', 5, '%s');"
			"INSERT INTO review (question_id, due_on, interval_days, ease, repetitions, last_reviewed_at, added_on)"
			" VALUES ('q-mig', '%s', 6, 2.6, 2, '%s', '%s'), ('q-fresh', '%s', 0, 2.5, 0, NULL, '%s')",
			noon_iso(day0, first), first, noon_iso(day0 + 1, second), first, first, second, second,
			day_text(&f, day0 + 7), second, day_text(&f, day0), day_text(&f, day0),
			day_text(&f, day0));
	exec_sql(path, sql);
	free(sql);

	store = store_open(path, &cause);
	assert_non_null(store);
	assert_int_equal(query_int(path, "PRAGMA user_version"), STORE_LATEST_VERSION);
	assert_int_equal(query_int(path, "SELECT count(*) FROM pragma_table_info('review') WHERE name = 'ease'"), 0);
	assert_int_equal(query_int(path, "SELECT count(*) FROM prep"), 0);
	/* Folded in the migration, before anything listed it. */
	assert_int_equal(query_int(path, "SELECT reviews FROM review WHERE question_id = 'q-mig'"), 2);
	f.path = path;
	f.store = store;
	FOLDED(&f, "q-mig", day0, second, { day0, 4 }, { day0 + 1, 5 });
	assert_unreviewed(&f, "q-fresh", day0, day0);
	arena_release(&f.arena);
	store_close(store);
	remove_db(path);
}

/* The desired retention is the store's: rows folded for another are folded again when next listed. */
static void test_retention_change_refolds(void **state)
{
	struct fixture *f = *state;
	long day0 = today() - 30, day;
	struct store_review *list = NULL;
	size_t count;
	long long session, answer;
	int at_90;

	schedule(f, (const char *const[]){ "q-r" }, 1, day_text(f, day0), 1);
	session = create_session(f, "drill");
	answer = add_answer(f, session, 1, "q-r", 0);
	backdate_answer(f, answer, day0);
	rate(f, answer, 5, 5);
	at_90 = FOLDED(f, "q-r", day0, answered_at(f, answer, &day), { day0, 5 })->interval_days;
	assert_int_equal(at_90, 8);

	store_set_retention(f->store, 0.8);
	review_list(f, &list, &count);
	/* S = 8.2956 at 80%: the interval is longer, by the same curve (sched_interval). */
	assert_int_equal(list[0].interval_days, sched_interval(8.2956, 0.8));
	assert_true(list[0].interval_days > at_90);
	assert_query_text(f->path, "SELECT retention FROM review", "0.8");
	/* Out of range: the default. */
	store_set_retention(f->store, 2);
	review_list(f, &list, &count);
	assert_int_equal(list[0].interval_days, at_90);
	(void)day;
}

/* A new database is at the latest version with an empty schedule. */
static void test_new_database_has_empty_schedule(void **state)
{
	struct fixture *f = *state;
	struct store_review *list = NULL;
	size_t count;

	assert_int_equal(store_version(f->store), STORE_LATEST_VERSION);
	review_list(f, &list, &count);
	assert_int_equal(count, 0);
	assert_null(list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rejection_add_and_get_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejection_text_round_trips, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejection_list_newest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejection_update_replaces_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejection_delete_keeps_plan_actions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejection_add_is_one_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_add_list_status_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_added_as_done_has_done_at, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejection_schedules_questions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_list_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ratings_fold_into_the_schedule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_answer_same_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unscheduled_and_follow_up_answers_move_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_from_a_clock_ahead_strands_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_question_added_while_the_clock_was_ahead, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_from_a_clock_gone_back_folds_in_answer_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_discarding_a_session_refolds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fold_over_several_days, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_add_folds_existing_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_database_has_empty_schedule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retention_change_refolds, setup, teardown),
		cmocka_unit_test(test_version_4_migrates_to_5),
		cmocka_unit_test(test_version_9_schedule_is_refolded_by_fsrs),
	};
	fixture_pin_clock();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
