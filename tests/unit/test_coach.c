/* Unit tests for coach (the evidence behind 'insights', 'plan' and 'drill': rejections and recent
 * self-ratings read from the store and ranked) and drill (the order the schedule's questions come up in),
 * called directly on a store in a temporary directory with the clock pinned. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rebound/coach.h"
#include "rebound/date.h"
#include "rebound/drill.h"
#include "rebound/util.h"
#include "store-fixture.h"

static const char themes_yaml[] =
	"stages: [{id: screen, title: Screen}]\n"
	"themes:\n"
	"  - {id: structure, title: Structure, description: D, rubric: {1: a, 3: b, 5: c}}\n"
	"  - {id: clarity, title: Clarity, description: D, rubric: {1: a, 3: b, 5: c}}\n"
	"  - {id: rapport, title: Rapport, description: D, rubric: {1: a, 3: b, 5: c}}\n"
	"  - {id: fit, title: Fit, description: D, rubric: {1: a, 3: b, 5: c}}\n";

/* Two structure questions of different difficulty, one each for clarity and rapport, one for fit. */
static const char bank_yaml[] =
	"bank: practice\ntitle: Practice\nversion: 1\n"
	"questions:\n"
	"  - {id: s-hard, text: S hard?, themes: [structure], stages: [screen], difficulty: 4}\n"
	"  - {id: s-easy, text: S easy?, themes: [structure], stages: [screen], difficulty: 1}\n"
	"  - {id: c-one, text: C?, themes: [clarity], stages: [screen], difficulty: 2}\n"
	"  - {id: r-one, text: R?, themes: [rapport], stages: [screen], difficulty: 2}\n"
	"  - {id: f-one, text: F?, themes: [fit], stages: [screen], difficulty: 2}\n";

static int setup(void **state)
{
	return fixture_setup(state, themes_yaml);
}

static int teardown(void **state)
{
	return fixture_teardown(state);
}

static void gather(struct fixture *f, struct coach *coach)
{
	char *cause = NULL;

	if (coach_gather(f->store, date_today(), &f->arena, coach, &cause) != 0)
		fail_msg("coach_gather: %s", cause);
}

/* The ranking as "theme score citations ratings;" for each theme, best first. */
static const char *ranking(struct fixture *f, const struct coach *coach)
{
	char *text = arena_strdup(&f->arena, ""), *joined;
	size_t i;

	for (i = 0; i < coach->theme_count; i++) {
		const struct insight_theme *t = &coach->themes[i];
		joined = xasprintf("%s%s %.3f %d %d;", text, t->theme_id, t->score, t->citations, t->rating_count);
		text = arena_strdup(&f->arena, joined);
		free(joined);
	}
	return text;
}

static void test_no_evidence_names_nothing(void **state)
{
	struct fixture *f = *state;
	struct coach coach;

	gather(f, &coach);
	assert_int_equal(coach.today, date_today());
	assert_int_equal(coach.rejection_count, 0);
	assert_int_equal(coach.theme_count, 0);
	assert_int_equal(coach_named(&coach), 0);
	assert_null(coach_theme(&coach, "structure"));
}

/* A fresh rejection weighs 1, one 180 days old 0.25 (two half-lives); a recent average of 1 adds 0.5 and one
 * of 5 takes 0.5 off; ratings older than COACH_RECENT_DAYS do not count. */
static void test_rejections_and_recent_ratings_rank_the_themes(void **state)
{
	static const char *const fresh[] = { "structure", "clarity" }, *const old[] = { "rapport" };
	const struct store_rating weak = { "structure", 1 }, strong = { "clarity", 5 }, stale = { "rapport", 1 };
	struct fixture *f = *state;
	long today = date_today();
	struct coach coach;

	fixture_rejection(f, today, "Acme", fresh, 2);
	fixture_rejection(f, today - 180, "Globex", old, 1);
	fixture_rated_answer(f, today - 2, "s-easy", &weak, 1);
	fixture_rated_answer(f, today - 1, "c-one", &strong, 1);
	fixture_rated_answer(f, today - COACH_RECENT_DAYS - 1, "r-one", &stale, 1);
	gather(f, &coach);
	assert_int_equal(coach.rejection_count, 2);
	assert_string_equal(coach.rejections[0].company, "Acme");	/* newest first */
	assert_string_equal(ranking(f, &coach), "structure 1.500 1 1;clarity 0.500 1 1;rapport 0.250 1 0;");
	assert_int_equal(coach_named(&coach), 3);
	assert_near(coach_theme(&coach, "clarity")->rating_average, 5);
	assert_null(coach_theme(&coach, "fit"));
}

/* Ratings alone rank a theme; a theme rated well and never cited scores below zero and is not named. */
static void test_only_positive_scores_are_named(void **state)
{
	const struct store_rating weak = { "fit", 2 }, strong = { "rapport", 5 };
	struct fixture *f = *state;
	struct coach coach;

	fixture_rated_answer(f, date_today(), "f-one", &weak, 1);
	fixture_rated_answer(f, date_today(), "r-one", &strong, 1);
	gather(f, &coach);
	assert_string_equal(ranking(f, &coach), "fit 0.250 0 1;rapport -0.500 0 1;");
	assert_int_equal(coach_named(&coach), 1);
}

/* ------------------------------------------------------------------------------------------------
 * drill_agenda
 */

static void schedule(struct fixture *f, const char *const *ids, size_t count, long day)
{
	char text[11], *cause = NULL;

	date_format_day(day, text);
	if (store_review_add(f->store, ids, count, text, NULL, &cause) != 0)
		fail_msg("cannot schedule: %s", cause);
}

/* The agenda's question ids, space-separated. */
static const char *agenda(struct fixture *f, const struct bank_catalog *catalog, const struct coach *coach,
			  const char *theme, size_t *due)
{
	struct drill_item *items = NULL;
	char *text = arena_strdup(&f->arena, ""), *joined, *cause = NULL;
	size_t count = 0, i;

	if (drill_agenda(f->store, catalog, coach, theme, &f->arena, &items, &count, &cause) != 0)
		fail_msg("drill_agenda: %s", cause);
	for (i = 0; i < count; i++) {
		joined = xasprintf("%s%s%s", text, i ? " " : "", items[i].question->id);
		text = arena_strdup(&f->arena, joined);
		free(joined);
	}
	if (due != NULL)
		*due = drill_due_count(items, count, coach->today);
	return text;
}

/* Due questions reviewed before come first (most overdue first), then new ones by the weakness of their
 * themes and then the easiest, then those not due yet by their day; a question no bank has is left out. */
static void test_agenda_order(void **state)
{
	static const char *const cited[] = { "structure" }, *const due_now[] = { "c-one", "s-hard", "s-easy", "gone" },
				 *const later[] = { "f-one" }, *const reviewed[] = { "r-one" };	/* gone: in no bank */
	struct fixture *f = *state;
	struct bank_catalog *catalog = fixture_catalog(f, bank_yaml);
	long today = date_today();
	struct coach coach;
	size_t due;

	fixture_rejection(f, today, "Acme", cited, 1);
	schedule(f, due_now, 4, today);
	schedule(f, later, 1, today);
	schedule(f, reviewed, 1, today);
	/* As if f-one had been answered well (due in 3 days) and r-one answered before and now overdue. */
	exec_sql(f->path, "UPDATE review SET repetitions = 1, due_on = date(due_on, '+3 days')"
		 " WHERE question_id = 'f-one'");
	exec_sql(f->path, "UPDATE review SET repetitions = 1, last_reviewed_at = '2020-01-01T00:00:00Z',"
		 " due_on = date(due_on, '-2 days') WHERE question_id = 'r-one'");
	gather(f, &coach);
	assert_string_equal(agenda(f, catalog, &coach, NULL, &due), "r-one s-easy s-hard c-one f-one");
	assert_int_equal(due, 4);
	assert_string_equal(agenda(f, catalog, &coach, "structure", &due), "s-easy s-hard");
	assert_int_equal(due, 2);
	assert_string_equal(agenda(f, catalog, &coach, "fit", &due), "f-one");
	assert_int_equal(due, 0);
	bank_catalog_free(catalog);
}

static void test_empty_schedule(void **state)
{
	struct fixture *f = *state;
	struct bank_catalog *catalog = fixture_catalog(f, bank_yaml);
	struct coach coach;
	size_t due = 9;

	gather(f, &coach);
	assert_string_equal(agenda(f, catalog, &coach, NULL, &due), "");
	assert_int_equal(due, 0);
	bank_catalog_free(catalog);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_evidence_names_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejections_and_recent_ratings_rank_the_themes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_positive_scores_are_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_agenda_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_schedule, setup, teardown),
	};

	fixture_pin_clock();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
