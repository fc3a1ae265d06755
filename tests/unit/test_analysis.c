/* Unit tests for the answer analysis: the cue file's format and its errors; the STAR parts found sentence
 * by sentence in a whole story, in one that stops at the action (and which sentence it stops after), in a
 * generic answer and in text with no punctuation; numbers, dates and "I" against "we"; a direct question's
 * first sentence; and the question's keywords and talking points. Uses the bundled assets/star-cues.txt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rebound/analysis.h"
#include "rebound/util.h"

#define BIT(p) ANALYSIS_PART_BIT(ANALYSIS_##p)

static struct analysis_cues *cues;
static struct arena arena;

static int setup(void **state)
{
	char *path = xasprintf("%s/assets/star-cues.txt", getenv("REBOUND_SOURCE") ? getenv("REBOUND_SOURCE") : ".");
	char *cause = NULL;

	(void)state;
	cues = analysis_cues_load(path, &cause);
	if (cues == NULL)
		fail_msg("%s", cause);
	free(path);
	arena_init(&arena);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	analysis_cues_free(cues);
	arena_release(&arena);
	return 0;
}

static void expect_cue_error(const char *text, const char *want)
{
	char *cause = NULL;
	struct analysis_cues *c = analysis_cues_parse("cues.txt", text, strlen(text), &cause);

	assert_null(c);
	assert_string_equal(cause, want);
	free(cause);
}

static void test_cue_format(void **state)
{
	char *cause = NULL;
	const char *good = "# comment\n[result]\nas a result  # trailing comment\nwent from N to N\n\n[past-verbs]\nled\n";
	struct analysis_cues *c = analysis_cues_parse("cues.txt", good, strlen(good), &cause);

	(void)state;
	assert_non_null(c);
	analysis_cues_free(c);
	expect_cue_error("as a result\n", "cues.txt:1: a cue before the first [section]");
	expect_cue_error("[results]\n", "cues.txt:1: unknown section '[results]'");
	expect_cue_error("[task]\nI Needed To\n", "cues.txt:2: bad cue word 'I' (use lowercase words, N, YEAR, MONTH or *)");
	expect_cue_error("[task]\na b c d e f g\n", "cues.txt:2: a cue has at most 6 words");
	expect_cue_error("[past-verbs]\nran off\n", "cues.txt:2: a [past-verbs] cue is one word");
}

static void run(const char *text, int story, struct analysis *a)
{
	struct analysis_question q = { .story = story, .text = "Why do you want this job?" };

	analysis_run(cues, NULL, &q, text, &arena, a);
}

static void test_whole_story(void **state)
{
	struct analysis a;

	(void)state;
	run("At my last job our deploys broke twice a week. I was asked to make releases safer. "
	    "I wrote a canary script and we added a rollback button. As a result, failed deploys dropped from "
	    "eight a month to one in 2023.", 1, &a);
	assert_int_equal(a.sentences, 4);
	assert_int_equal(a.sentence[0].parts, BIT(SITUATION));
	assert_int_equal(a.sentence[1].parts, BIT(TASK));
	assert_int_equal(a.sentence[2].parts, BIT(ACTION));
	assert_true(a.sentence[3].parts & BIT(RESULT));
	assert_true(a.in_order);
	assert_false(a.ends_at_action);
	assert_false(a.generic);
	assert_int_equal(a.i_actions, 1);
	assert_int_equal(a.we_actions, 1);
	assert_int_equal(a.dates, 1);
	assert_true(a.numbers >= 3);	/* twice, eight, one */
}

static void test_stops_at_action(void **state)
{
	struct analysis a;

	(void)state;
	run("In my first month at a web agency I broke the checkout page. I had to fix it fast. "
	    "I reverted my commit and redeployed. I rolled back the change.", 1, &a);
	assert_false(a.parts & BIT(RESULT));
	assert_true(a.ends_at_action);
	assert_int_equal(a.last_action, 3);
	assert_memory_equal("I rolled back the change", "In my first month at a web agency I broke the checkout page. "
			    "I had to fix it fast. I reverted my commit and redeployed. I rolled back the change." +
			    a.sentence[3].start, 24);
	/* What happened afterwards, told without "I": a result. */
	run("In my first month at a web agency I broke the checkout page. I reverted my commit. "
	    "The shop was back up within ten minutes.", 1, &a);
	assert_true(a.parts & BIT(RESULT));
	assert_false(a.ends_at_action);
	/* A later time, told after the deeds: a result; with a deed of its own, an action. */
	run("At my last job two reps missed quota. I shadowed their calls. By Q4 both were above target.", 1, &a);
	assert_true(a.sentence[2].parts & BIT(RESULT));
	run("At my last job two reps missed quota. I shadowed their calls. After that I called them weekly.", 1, &a);
	assert_false(a.sentence[2].parts & BIT(RESULT));
}

static void test_generic(void **state)
{
	struct analysis a;

	(void)state;
	run("I always try to listen first. Usually I set up a meeting and we agreed on next steps.", 1, &a);
	assert_true(a.generic);
	assert_false(a.parts & (BIT(ACTION) | BIT(RESULT)));
	run("Last year I always met my team on Mondays. I started a weekly demo.", 1, &a);
	assert_false(a.generic);	/* a real time, with habits in it */
}

/* A story's opening scene is its situation in words no cue holds; a deed or the task first is not. */
static void test_opening_scene(void **state)
{
	struct analysis a;

	(void)state;
	run("Sure. Once a customer called on a Sunday because her laptop had died. I drove a new one to her house.",
	    1, &a);
	assert_int_equal(a.sentence[0].parts, 0);	/* "Sure." is a lead-in */
	assert_true(a.sentence[1].parts & BIT(SITUATION));
	run("Okay so a pallet of paint tins slid off the top rack. I put cones at both ends.", 1, &a);
	assert_true(a.sentence[0].parts & BIT(SITUATION));
	run("I rebuilt the login page with a new form. It shipped the next day.", 1, &a);
	assert_false(a.parts & BIT(SITUATION));		/* a deed first */
	run("My priority was to keep him stable. I called the team.", 1, &a);
	assert_int_equal(a.sentence[0].parts, BIT(TASK));	/* the task first */
	run("A customer is someone you listen to. I always listen first.", 1, &a);
	assert_false(a.parts & BIT(SITUATION));		/* not told in the past */
	run("A customer called on a Sunday. I drove a laptop to her house.", 0, &a);
	assert_false(a.parts & BIT(SITUATION));		/* a direct question is read for no story */
}

/* Needs and goals count as the task early in a story, not once it is under way. */
static void test_early_task(void **state)
{
	struct analysis a;

	(void)state;
	run("At my last job the owner wanted food costs down. I logged the waste every night.", 1, &a);
	assert_true(a.sentence[0].parts & BIT(TASK));
	run("At my last job our waste was high. I logged it every night. I cut the prep lists. "
	    "Then the owner wanted a report.", 1, &a);
	assert_false(a.parts & BIT(TASK));
}

static void test_no_punctuation(void **state)
{
	struct analysis a;

	(void)state;
	run("so at my last job the printer kept jamming every morning and nobody knew why so i opened it up and "
	    "found a bent roller and i ordered a new one from the supplier and fitted it myself then the jams stopped "
	    "happening and my manager thanked me", 1, &a);
	assert_true(a.sentences >= 2);
	assert_true(a.parts & BIT(SITUATION));
	assert_true(a.parts & BIT(ACTION));
	assert_true(a.parts & BIT(RESULT));
}

static void test_direct_and_coverage(void **state)
{
	const char *keywords[] = { "customers", "product" }, *points[] = { "why now", "what you bring" };
	struct analysis_question q = { .story = 0, .text = "Why do you want this job?", .keywords = keywords,
				       .keyword_count = 2, .points = points, .point_count = 2 };
	struct analysis a;

	(void)state;
	analysis_run(cues, NULL, &q, "I want this job because your customers are people like me. I bring five years "
		     "of product work.", &arena, &a);
	assert_true(a.leads_with_point);
	assert_int_equal(a.keywords.said_count, 2);
	assert_int_equal(a.points.said_count, 1);	/* "bring"; "why now" has no word of it */
	assert_string_equal(a.points.missed[0], "why now");
	analysis_run(cues, NULL, &q, "Well, the weather here is nice.", &arena, &a);
	assert_false(a.leads_with_point);
	analysis_run(cues, NULL, &q, "", &arena, &a);
	assert_int_equal(a.words, 0);
	assert_int_equal(a.sentences, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cue_format),
		cmocka_unit_test(test_whole_story),
		cmocka_unit_test(test_stops_at_action),
		cmocka_unit_test(test_generic),
		cmocka_unit_test(test_opening_scene),
		cmocka_unit_test(test_early_task),
		cmocka_unit_test(test_no_punctuation),
		cmocka_unit_test(test_direct_and_coverage),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
