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
#include "rebound/prep.h"
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
	struct drill_filter filter = { .theme = theme };
	size_t count = 0, i;

	if (drill_agenda(f->store, catalog, coach, &filter, &f->arena, &items, &count, &cause) != 0)
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
	exec_sql(f->path, "UPDATE review SET streak = 1, reviews = 1, due_on = date(due_on, '+3 days')"
		 " WHERE question_id = 'f-one'");
	exec_sql(f->path, "UPDATE review SET streak = 1, reviews = 1, last_reviewed_at = '2020-01-01T00:00:00Z',"
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

/* The banks filter: only questions of the banks named; none of them: nothing. */
static void test_agenda_banks(void **state)
{
	static const char *const ids[] = { "c-one", "s-easy" };
	struct fixture *f = *state;
	struct bank_catalog *catalog = fixture_catalog(f, bank_yaml);
	struct drill_filter mine = { .banks = (const char *[]){ "other", "practice" }, .bank_count = 2 };
	struct drill_filter theirs = { .banks = (const char *[]){ "other" }, .bank_count = 1 };
	struct drill_item *items = NULL;
	struct coach coach;
	size_t count = 9;
	char *cause = NULL;

	schedule(f, ids, 2, date_today());
	gather(f, &coach);
	assert_int_equal(drill_agenda(f->store, catalog, &coach, &mine, &f->arena, &items, &count, &cause), 0);
	assert_int_equal(count, 2);
	assert_int_equal(drill_agenda(f->store, catalog, &coach, &theirs, &f->arena, &items, &count, &cause), 0);
	assert_int_equal(count, 0);
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

/* Items for drill_plan_today, in agenda order: 'r' a due review, 'n' a due new one, 'l' not due;
 * an upper-case letter was practised today ('R' first reviewed before today, 'N' first today). */
static struct drill_item *plan_items(const char *kinds, long today, const char **names)
{
	size_t n = strlen(kinds), i;
	struct drill_item *items = xcalloc(n + 1, sizeof *items);
	static struct bank_question questions[64];

	for (i = 0; i < n; i++) {
		char k = kinds[i];
		questions[i].id = names[i];
		items[i].question = &questions[i];
		items[i].is_new = k == 'n';
		items[i].due_day = k == 'r' ? today - 1 : k == 'n' ? today : today + 3;
		items[i].first_day = k == 'N' ? today : k == 'n' ? -1 : today - 9;
		items[i].last_day = k == 'R' || k == 'N' ? today : k == 'n' ? -1 : today - 3;
	}
	return items;
}

static const char *plan_order(struct fixture *f, const struct drill_item *items, size_t count)
{
	char *text = arena_strdup(&f->arena, ""), *joined;
	size_t i;

	for (i = 0; i < count; i++) {
		joined = xasprintf("%s%s", text, items[i].question->id);
		text = arena_strdup(&f->arena, joined);
		free(joined);
	}
	return text;
}

/* Today's list within the limits: reviews first, then new ones, then what waits, then the rest. */
static void test_daily_limits(void **state)
{
	static const char *names[] = { "a", "b", "c", "d", "e", "f", "g", "h", "i" };
	struct fixture *f = *state;
	long today = date_today();
	struct drill_limits limits = { .new_per_day = 2, .reviews_per_day = 3 };
	struct drill_today t;
	struct drill_item *items = plan_items("rrnnnlRNl", today, names);

	drill_plan_today(items, 9, today, &limits, &t);
	/* One review and one new one were practised today: room for 2 reviews and 1 new. */
	assert_int_equal(t.reviews_done, 1);
	assert_int_equal(t.fresh_done, 1);
	assert_int_equal(t.reviews, 2);
	assert_int_equal(t.fresh, 1);
	assert_int_equal(t.waiting, 2);
	assert_false(t.fresh_paused);
	assert_string_equal(plan_order(f, items, 9), "abcdefghi");
	free(items);

	/* The limits cut the due reviews and the new ones: those past them follow today's list. */
	items = plan_items("rrrnnnl", today, names);
	limits = (struct drill_limits){ .new_per_day = 1, .reviews_per_day = 3 };
	drill_plan_today(items, 7, today, &limits, &t);
	assert_int_equal(t.reviews, 3);
	assert_int_equal(t.fresh, 1);
	assert_int_equal(t.waiting, 2);
	assert_string_equal(plan_order(f, items, 7), "abcdefg");
	limits.reviews_per_day = 2;
	drill_plan_today(items, 7, today, &limits, &t);
	/* More reviews due than a day's limit: new ones pause until the backlog is cleared. */
	assert_true(t.fresh_paused);
	assert_int_equal(t.reviews, 2);
	assert_int_equal(t.fresh, 0);
	assert_int_equal(t.waiting, 4);
	assert_string_equal(plan_order(f, items, 7), "abcdefg");
	free(items);

	/* Reviews cut, new ones not: the new ones move ahead of the waiting reviews. */
	items = plan_items("rrrnl", today, names);
	limits = (struct drill_limits){ .new_per_day = 5, .reviews_per_day = 3 };
	items[2].due_day = today;
	drill_plan_today(items, 5, today, &limits, &t);
	assert_string_equal(plan_order(f, items, 5), "abcde");
	limits.reviews_per_day = 0;	/* no reviews at all: only the new one is listed */
	drill_plan_today(items, 5, today, &limits, &t);
	assert_int_equal(t.reviews + t.fresh, 1);
	free(items);
	items = plan_items("rrrnl", today, names);
	limits = (struct drill_limits){ .new_per_day = 5, .reviews_per_day = 4 };
	items[0].last_day = today;	/* a review done today takes one of the day's 4 */
	items[0].due_day = today + 2;
	items[0].first_day = today - 5;
	drill_plan_today(items, 5, today, &limits, &t);
	assert_int_equal(t.reviews_done, 1);
	assert_int_equal(t.reviews, 2);
	assert_int_equal(t.fresh, 1);
	free(items);
}

/* A review limit that cuts: the new question comes right after today's reviews, before those waiting. */
static void test_daily_limits_move_new_ahead_of_waiting(void **state)
{
	static const char *names[] = { "a", "b", "c", "d" };
	struct fixture *f = *state;
	long today = date_today();
	struct drill_limits limits = { .new_per_day = 1, .reviews_per_day = 2 };
	struct drill_today t;
	struct drill_item *items = plan_items("rrnl", today, names);

	limits.reviews_per_day = 1;
	limits.new_per_day = 1;
	/* 2 reviews due over a limit of 1: new ones pause. */
	drill_plan_today(items, 4, today, &limits, &t);
	assert_true(t.fresh_paused);
	assert_string_equal(plan_order(f, items, 4), "abcd");
	free(items);
	items = plan_items("rrnl", today, names);
	limits.reviews_per_day = 2;
	items[1].last_day = today - 1;	/* still due: a review */
	drill_plan_today(items, 4, today, &limits, &t);
	assert_string_equal(plan_order(f, items, 4), "abcd");
	free(items);
	/* Limit 2 with one done today: room for one review; b waits behind the new c. */
	items = plan_items("rrnlR", (long)today, (const char *[]){ "a", "b", "c", "d", "e" });
	drill_plan_today(items, 5, today, &limits, &t);
	assert_int_equal(t.reviews, 1);
	assert_int_equal(t.fresh, 1);
	assert_string_equal(plan_order(f, items, 5), "acbde");
	free(items);
}

static void test_split_banks(void **state)
{
	struct fixture *f = *state;
	size_t count = 9;
	const char **banks = drill_split_banks(" software-engineering, behavioural,,closing ", &f->arena, &count);

	assert_int_equal(count, 3);
	assert_string_equal(banks[0], "software-engineering");
	assert_string_equal(banks[1], "behavioural");
	assert_string_equal(banks[2], "closing");
	assert_null(drill_split_banks("", &f->arena, &count));
	assert_int_equal(count, 0);
	assert_null(drill_split_banks(" , ", &f->arena, &count));
	assert_null(drill_split_banks(NULL, &f->arena, &count));
}

/* ------------------------------------------------------------------------------------------------
 * prep: the practice an interview calls for, and each day's share of it
 */

static const char *theme_s[] = { "structure" }, *theme_e[] = { "examples" }, *theme_c[] = { "clarity" };
static const char *stage_onsite[] = { "onsite" }, *stage_screen[] = { "screen" };

/* Seven questions: structure s1..s4 (s3 and s4 onsite), examples e1, e2, clarity c1. */
static struct bank_question prep_questions[] = {
	{ .id = "s1", .themes = { theme_s, 1 }, .stages = { stage_screen, 1 } },
	{ .id = "s2", .themes = { theme_s, 1 }, .stages = { stage_screen, 1 } },
	{ .id = "s3", .themes = { theme_s, 1 }, .stages = { stage_onsite, 1 } },
	{ .id = "s4", .themes = { theme_s, 1 }, .stages = { stage_onsite, 1 } },
	{ .id = "e1", .themes = { theme_e, 1 }, .stages = { stage_screen, 1 } },
	{ .id = "e2", .themes = { theme_e, 1 }, .stages = { stage_screen, 1 } },
	{ .id = "c1", .themes = { theme_c, 1 }, .stages = { stage_screen, 1 } },
};

/* An agenda of the seven in drill order: the new ones due today (s1 c1 s3 s4 e1 e2), then s2, reviewed
 * before and due in 20 days. */
static void prep_agenda(struct drill_item items[7], long today)
{
	static const size_t order[] = { 0, 6, 2, 3, 4, 5, 1 };
	size_t i;

	for (i = 0; i < 7; i++)
		items[i] = (struct drill_item){ .question = &prep_questions[order[i]], .due_day = today, .first_day = -1,
						.last_day = -1, .is_new = 1 };
	items[6] = (struct drill_item){ .question = &prep_questions[1], .due_day = today + 20, .first_day = today - 9,
					.last_day = today - 3 };
}

static void test_prep_plan(void **state)
{
	struct insight_theme ranked[] = { { .theme_id = "structure", .score = 2 }, { .theme_id = "examples", .score = 1 },
					  { .theme_id = "clarity", .score = 0 } };
	struct coach coach = { .themes = ranked, .theme_count = 3 };
	struct store_prep onsite = { .company = "Acme", .stage = "onsite" }, any = { .company = "Globex" };
	struct store_count practice[] = { { "e1", 1 }, { "s3", 1 } };
	struct prep_plan plan;
	struct drill_item items[7];
	long today = date_today();
	char day[11], *line;
	(void)state;

	date_format_day(today + 3, day);
	onsite.on_day = any.on_day = day;
	prep_agenda(items, today);
	coach.today = today;
	/* Themes with a score: structure (the weakest: twice) and examples; onsite questions first. */
	prep_plan_make(&plan, &onsite, &coach, items, 7, practice, 2, today);
	assert_int_equal(plan.days_left, 3);
	assert_int_equal(plan.theme_count, 2);
	assert_string_equal(plan.themes[0], "structure");
	assert_int_equal(plan.target_count, 5);
	assert_string_equal(plan.targets[0].question->id, "s3");
	assert_string_equal(plan.targets[1].question->id, "s4");
	assert_string_equal(plan.targets[2].question->id, "s1");
	assert_int_equal(plan.targets[0].needed, 2);
	assert_int_equal(plan.targets[0].done, 1);
	assert_string_equal(plan.targets[3].question->id, "e1");
	assert_int_equal(plan.targets[3].needed, 1);
	/* e1 is done; s3 needs one more, s4 and s1 two, e2 one: 4 questions, 6 practices. */
	assert_int_equal(plan.questions_left, 4);
	assert_int_equal(plan.practices_left, 6);
	line = prep_countdown(&plan);
	assert_string_equal(line, "Acme onsite in 3 days: 4 questions left");
	free(line);
	/* With no stage: the easiest, then by id, whatever the schedule says (s2 is not due). */
	prep_plan_make(&plan, &any, &coach, items, 7, NULL, 0, today);
	assert_string_equal(plan.targets[0].question->id, "s1");
	assert_string_equal(plan.targets[1].question->id, "s2");
	line = prep_countdown(&plan);
	assert_string_equal(line, "Globex interview in 3 days: 5 questions left");
	free(line);
}

/* Each day pulls ceil(practices left / days left) targets forward; those due count, one a day each. */
static void test_prep_pull(void **state)
{
	struct insight_theme ranked[] = { { .theme_id = "structure", .score = 2 } };
	struct coach coach = { .themes = ranked, .theme_count = 1 };
	struct store_prep p = { .company = "Acme" };
	struct prep_plan plan;
	struct drill_item items[7];
	long today = date_today();
	char day[11];
	size_t i, pulled;
	(void)state;

	prep_agenda(items, today);
	for (i = 0; i < 7; i++)	/* nothing due today: every question reviewed, due in 20 days */
		items[i] = (struct drill_item){ .question = &prep_questions[i], .due_day = today + 20,
						.first_day = today - 9, .last_day = today - 3 };
	date_format_day(today + 4, day);
	p.on_day = day;
	coach.today = today;
	/* structure: s1..s4 twice each = 8 practices over 4 days: 2 today. */
	prep_plan_make(&plan, &p, &coach, items, 7, NULL, 0, today);
	assert_int_equal(plan.practices_left, 6);	/* three questions per theme: s1, s2, s3 */
	pulled = prep_pull(&plan, items, 7, today);
	assert_int_equal(pulled, 2);
	assert_string_equal(items[0].question->id, "s1");
	assert_string_equal(items[1].question->id, "s2");
	assert_int_equal(items[0].due_day, today);
	assert_int_equal(drill_due_count(items, 7, today), 2);
	/* A target practised today is not pulled again today. */
	prep_agenda(items, today);
	for (i = 0; i < 7; i++)
		items[i] = (struct drill_item){ .question = &prep_questions[i], .due_day = today + 20,
						.first_day = today - 9, .last_day = i == 0 ? today : today - 3 };
	prep_plan_make(&plan, &p, &coach, items, 7, NULL, 0, today);
	assert_int_equal(prep_pull(&plan, items, 7, today), 2);
	assert_string_equal(items[0].question->id, "s2");
	assert_string_equal(items[1].question->id, "s3");
	/* On the day itself everything left is pulled; after it, nothing. */
	date_format_day(today, day);
	prep_plan_make(&plan, &p, &coach, items, 7, NULL, 0, today);
	assert_int_equal(prep_pull(&plan, items, 7, today), 2);	/* s1 was practised today */
	date_format_day(today - 1, day);
	prep_plan_make(&plan, &p, &coach, items, 7, NULL, 0, today);
	assert_int_equal(prep_pull(&plan, items, 7, today), 0);
}

static void test_prep_next_and_to_ask(void **state)
{
	long today = date_today();
	char past[11], soon[11], later[11];
	struct store_prep list[4] = { { .id = 1, .on_day = past }, { .id = 2, .on_day = past, .outcome = "offer" },
				      { .id = 3, .on_day = soon }, { .id = 4, .on_day = later } };
	(void)state;

	date_format_day(today - 2, past);
	date_format_day(today, soon);
	date_format_day(today + 5, later);
	assert_int_equal(prep_next(list, 4, today)->id, 3);
	assert_int_equal(prep_to_ask(list, 4, today)->id, 1);
	list[0].outcome = "rejected";
	assert_null(prep_to_ask(list, 4, today));
	list[2].outcome = "withdrawn";
	assert_int_equal(prep_next(list, 4, today)->id, 4);
	assert_null(prep_next(list, 2, today));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_evidence_names_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejections_and_recent_ratings_rank_the_themes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_positive_scores_are_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_agenda_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_schedule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_agenda_banks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_daily_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_daily_limits_move_new_ahead_of_waiting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_split_banks, setup, teardown),
		cmocka_unit_test(test_prep_plan),
		cmocka_unit_test(test_prep_pull),
		cmocka_unit_test(test_prep_next_and_to_ask),
	};

	fixture_pin_clock();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
