/* Unit tests for report's figure gathering (report_gather): sessions in range oldest first with their local
 * days, each theme's points in the catalog's order then the themes no bank has, the calendar and the
 * streak, rejections in range oldest first, the whole plan and the personal bests, on a store in a temporary
 * directory with the clock pinned. report-html.c's writing is checked end to end (t1200). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rebound/date.h"
#include "rebound/report.h"
#include "rebound/util.h"
#include "store-fixture.h"

static const char themes_yaml[] =
	"stages: [{id: screen, title: Screen}]\n"
	"themes:\n"
	"  - {id: structure, title: Structure, description: D, rubric: {1: a, 3: b, 5: c}}\n"
	"  - {id: clarity, title: Clarity, description: D, rubric: {1: a, 3: b, 5: c}}\n";

static const char bank_yaml[] =
	"bank: practice\ntitle: Practice\nversion: 1\n"
	"questions:\n"
	"  - {id: q-one, text: One?, themes: [structure, clarity], stages: [screen], difficulty: 2}\n";

struct world {
	struct fixture *f;
	struct bank_catalog *catalog;
};

static int setup(void **state)
{
	struct world *w = xcalloc(1, sizeof *w);

	fixture_setup((void **)&w->f, themes_yaml);
	w->catalog = fixture_catalog(w->f, bank_yaml);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	bank_catalog_free(w->catalog);
	fixture_teardown((void **)&w->f);
	free(w);
	return 0;
}

static void gather(struct world *w, long since_day, struct report *r)
{
	char *cause = NULL;

	if (report_gather(w->f->store, w->catalog, since_day, date_today(), &w->f->arena, r, &cause) != 0)
		fail_msg("report_gather: %s", cause);
}

static const char *day_text(struct world *w, long day)
{
	char text[11];

	date_format_day(day, text);
	return arena_strdup(&w->f->arena, text);
}

/* Three sessions over four days (two rated themes, and one the catalog no longer has), two rejections and a
 * plan action: the evidence every test below gathers. */
static void add_evidence(struct world *w)
{
	const struct store_rating first[] = { { "structure", 2 }, { "clarity", 4 } };
	const struct store_rating second[] = { { "structure", 4 }, { "listening", 3 } };
	const struct store_rating third[] = { { "structure", 5 } };
	static const char *const old[] = { "clarity" }, *const recent[] = { "structure" };
	struct store_plan_action action = { 0 };
	long today = date_today();
	char *cause = NULL;

	fixture_rated_answer(w->f, today - 3, "q-one", first, 2);
	fixture_rated_answer(w->f, today - 1, "q-one", second, 2);
	fixture_rated_answer(w->f, today, "q-one", third, 1);
	fixture_rejection(w->f, today - 40, "Old Co", old, 1);
	fixture_rejection(w->f, today - 2, "New Co", recent, 1);
	action.theme_id = "structure";
	action.text = "Write three STAR stories";
	action.status = "todo";
	if (store_plan_add(w->f->store, &action, &cause) <= 0)
		fail_msg("cannot add an action: %s", cause);
}

static void test_empty_store(void **state)
{
	struct world *w = *state;
	struct report r;

	gather(w, REPORT_ALL_TIME, &r);
	assert_string_equal(r.range_label, "all time");
	assert_int_equal(r.session_count, 0);
	assert_int_equal(r.theme_count, 0);
	assert_int_equal(r.rejection_count, 0);
	assert_int_equal(r.action_count, 0);
	assert_int_equal(r.totals.sessions, 0);
	assert_true(r.last_day < r.first_day);	/* no calendar */
	assert_int_equal(r.best_count, 0);
	assert_int_equal(r.today, date_today());
}

static void test_all_time(void **state)
{
	struct world *w = *state;
	long today = date_today();
	struct report r;
	size_t i;

	add_evidence(w);
	gather(w, REPORT_ALL_TIME, &r);
	assert_int_equal(r.session_count, 3);
	assert_string_equal(r.session_days[0], day_text(w, today - 3));
	assert_string_equal(r.session_days[2], day_text(w, today));
	assert_true(r.sessions[0].session_id < r.sessions[1].session_id);
	assert_int_equal(r.totals.sessions, 3);
	assert_int_equal(r.totals.answers, 3);
	assert_int_equal(r.totals.rated_answers, 3);
	/* The catalog's themes in its order, then the one no bank has, titled by its id. */
	assert_int_equal(r.theme_count, 3);
	assert_string_equal(r.themes[0].id, "structure");
	assert_string_equal(r.themes[0].title, "Structure");
	assert_int_equal(r.themes[0].count, 3);
	assert_near(r.themes[0].stats.first, 2);
	assert_near(r.themes[0].stats.latest, 5);
	assert_near(r.themes[0].stats.best, 5);
	for (i = 0; i < 3; i++)
		assert_int_equal(r.themes[0].x[i], i);
	assert_string_equal(r.themes[1].id, "clarity");
	assert_int_equal(r.themes[1].count, 1);
	assert_int_equal(r.themes[1].x[0], 0);
	assert_string_equal(r.themes[2].id, "listening");
	assert_string_equal(r.themes[2].title, "listening");
	assert_int_equal(r.themes[2].x[0], 1);
	/* The calendar ends today and shows at least twelve weeks; a session on three of its days. */
	assert_int_equal(r.last_day, today);
	assert_int_equal(r.first_day, today - 12 * 7 + 1);
	assert_int_equal(r.day_counts[today - 3 - r.first_day], 1);
	assert_int_equal(r.day_counts[today - 2 - r.first_day], 0);
	assert_int_equal(r.day_counts[today - r.first_day], 1);
	assert_int_equal(r.streak.current, 2);
	assert_int_equal(r.streak.days, 3);
	/* Rejections oldest first; the whole plan. */
	assert_int_equal(r.rejection_count, 2);
	assert_string_equal(r.rejections[0].company, "Old Co");
	assert_string_equal(r.rejections[1].company, "New Co");
	assert_int_equal(r.action_count, 1);
	assert_string_equal(r.actions[0].text, "Write three STAR stories");
	/* Bests: the best session of each theme rated in two sessions or more (a single one says nothing), the
	 * longest streak, the busiest day (the latest of equals). */
	assert_int_equal(r.best_count, 3);
	assert_string_equal(r.bests[0].what, "Best session for Structure");
	assert_string_equal(r.bests[0].figure, "5.0 average");
	assert_string_equal(r.bests[0].when, day_text(w, today));
	assert_string_equal(r.bests[1].what, "Longest streak");
	assert_string_equal(r.bests[1].figure, "2 days in a row");
	assert_string_equal(r.bests[2].what, "Busiest day");
	assert_string_equal(r.bests[2].when, day_text(w, today));
	assert_string_equal(report_session_day(&r, r.sessions[1].session_id), day_text(w, today - 1));
	assert_string_equal(report_session_day(&r, 999), "");
}

/* Since a day: older sessions, their points and older rejections are left out; the plan is whole. */
static void test_since_a_day(void **state)
{
	struct world *w = *state;
	long today = date_today();
	struct report r;
	char label[20];

	add_evidence(w);
	gather(w, today - 1, &r);
	snprintf(label, sizeof label, "since %s", day_text(w, today - 1));
	assert_string_equal(r.range_label, label);
	assert_int_equal(r.session_count, 2);
	assert_int_equal(r.theme_count, 2);	/* clarity was rated only before */
	assert_string_equal(r.themes[0].id, "structure");
	assert_int_equal(r.themes[0].count, 2);
	assert_string_equal(r.themes[1].id, "listening");
	assert_int_equal(r.first_day, today - 1);
	assert_int_equal(r.rejection_count, 0);
	assert_int_equal(r.action_count, 1);
}

/* A session stamped while the clock was ahead shows on today in the calendar. */
static void test_session_from_the_future_counts_today(void **state)
{
	const struct store_rating rating = { "structure", 3 };
	struct world *w = *state;
	long today = date_today();
	struct report r;

	fixture_rated_answer(w->f, today + 5, "q-one", &rating, 1);
	gather(w, REPORT_ALL_TIME, &r);
	assert_int_equal(r.last_day, today);
	assert_int_equal(r.day_counts[today - r.first_day], 1);
	assert_int_equal(r.streak.current, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_all_time, setup, teardown),
		cmocka_unit_test_setup_teardown(test_since_a_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_from_the_future_counts_today, setup, teardown),
	};

	fixture_pin_clock();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
