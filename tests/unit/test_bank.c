/* Unit tests for the bank loader: one valid bank in several YAML styles must load identically,
 * and every kind of error must produce its exact FILE:LINE:COLUMN message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rebound/bank.h"
#include "rebound/util.h"

static const char themes_yaml[] =
	"stages:\n"
	"  - { id: phone-screen, title: Phone screen }\n"
	"  - { id: onsite, title: Onsite }\n"
	"themes:\n"
	"  - id: structure\n"
	"    title: Answer structure\n"
	"    description: Situation, task, action, result.\n"
	"    rubric: { 1: Rambling., 3: Some order., 5: Clear STAR. }\n"
	"  - id: clarity\n"
	"    title: Clarity\n"
	"    description: Short and clear.\n"
	"    rubric: { 1: Lost., 3: Mostly clear., 5: Crisp. }\n"
	"    phrases: [rambled, hard to follow]\n"
	"  - id: rapport\n"
	"    title: Rapport\n"
	"    description: Warmth.\n"
	"    rubric: { 1: Cold., 3: Polite., 5: Warm. }\n";

static struct bank_catalog *catalog_with_themes(void)
{
	struct bank_catalog *catalog = bank_catalog_new();

	assert_int_equal(bank_load_buffer(catalog, "themes.yaml", themes_yaml, strlen(themes_yaml)), 0);
	assert_int_equal(bank_theme_count(catalog), 3);
	assert_int_equal(bank_stage_count(catalog), 2);
	return catalog;
}

/* Loads text as "t.yaml" after the themes and returns all its diagnostics, one per line (caller frees). */
static char *diagnostics_of(const char *text)
{
	struct bank_catalog *catalog = catalog_with_themes();
	size_t first = bank_diag_count(catalog), i;
	char *all = xstrdup("");

	bank_load_buffer(catalog, "t.yaml", text, strlen(text));
	for (i = first; i < bank_diag_count(catalog); i++) {
		char *line = bank_diag_format(bank_diag_get(catalog, i)), *joined;
		joined = xasprintf("%s%s\n", all, line);
		free(line);
		free(all);
		all = joined;
	}
	bank_catalog_free(catalog);
	return all;
}

static void assert_diagnostics(const char *text, const char *expected)
{
	char *actual = diagnostics_of(text);
	assert_string_equal(actual, expected);
	free(actual);
}

/* ------------------------------------------------------------------------------------------------
 * Valid banks in several styles
 */

static const char block_style[] =
	"bank: core\n"
	"title: Core questions\n"
	"version: 2\n"
	"defaults:\n"
	"  think_seconds: 20\n"
	"  answer_seconds: 100\n"
	"questions:\n"
	"  - id: tell-me-about-yourself\n"
	"    text: Tell me about yourself.\n"
	"    themes:\n"
	"      - structure\n"
	"      - clarity\n"
	"    stages: [phone-screen]\n"
	"    difficulty: 1\n"
	"    answer_seconds: 90\n"
	"    talking_points: [current role, one achievement]\n"
	"    keywords: [team, impact]\n"
	"    tips: [Keep it under two minutes.]\n"
	"    follow_ups: [What is your biggest strength?]\n";

static const char flow_style[] =
	"{bank: core, title: Core questions, version: 2, defaults: {think_seconds: 20, answer_seconds: 100},\n"
	" questions: [{id: tell-me-about-yourself, text: Tell me about yourself., themes: [structure, clarity],\n"
	"   stages: [phone-screen], difficulty: 1, answer_seconds: 90,\n"
	"   talking_points: [current role, one achievement], keywords: [team, impact],\n"
	"   tips: [Keep it under two minutes.], follow_ups: [What is your biggest strength?]}]}\n";

static const char scalars_and_anchors[] =
	"bank: core\n"
	"title: >-\n"
	"  Core\n"
	"  questions\n"
	"version: 2\n"
	"defaults: &defaults { think_seconds: 20, answer_seconds: 100 }\n"
	"x-common: &common\n"
	"  stages: &stages [phone-screen]\n"
	"  difficulty: 1\n"
	"questions:\n"
	"  - <<: *common\n"
	"    id: tell-me-about-yourself\n"
	"    text: |-\n"
	"      Tell me about yourself.\n"
	"    themes: [structure, clarity]\n"
	"    answer_seconds: 90\n"
	"    talking_points: [\"current role\", 'one achievement']\n"
	"    keywords: [team, impact]\n"
	"    tips: Keep it under two minutes.\n"
	"    follow_ups: [What is your biggest strength?]\n";

static void check_core_bank(const char *text, const char *name)
{
	struct bank_catalog *catalog = catalog_with_themes();
	const struct bank_question *q;
	const struct bank *bank;

	bank_load_buffer(catalog, name, text, strlen(text));
	if (bank_error_count(catalog) != 0)
		bank_diag_print(catalog, 0, stderr);
	assert_int_equal(bank_error_count(catalog), 0);
	assert_non_null(bank = bank_find(catalog, "core"));
	assert_string_equal(bank->title, "Core questions");
	assert_int_equal(bank->version, 2);
	assert_int_equal(bank->think_seconds, 20);
	assert_int_equal(bank->question_count, 1);
	assert_non_null(q = bank_question_find(catalog, "tell-me-about-yourself"));
	assert_string_equal(q->text, "Tell me about yourself.");
	assert_int_equal(q->themes.count, 2);
	assert_string_equal(q->themes.items[1], "clarity");
	assert_int_equal(q->stages.count, 1);
	assert_int_equal(q->difficulty, 1);
	assert_int_equal(q->think_seconds, 20);		/* from the bank's defaults */
	assert_int_equal(q->answer_seconds, 90);	/* its own */
	assert_int_equal(q->talking_points.count, 2);
	assert_string_equal(q->talking_points.items[1], "one achievement");
	assert_string_equal(q->tips.items[0], "Keep it under two minutes.");
	assert_string_equal(q->follow_ups.items[0], "What is your biggest strength?");
	bank_catalog_free(catalog);
}

static void test_block_style(void **state)
{
	(void)state;
	check_core_bank(block_style, "block.yaml");
}

static void test_flow_style(void **state)
{
	(void)state;
	check_core_bank(flow_style, "flow.yaml");
}

static void test_block_scalars_anchors_and_merge_keys(void **state)
{
	(void)state;
	check_core_bank(scalars_and_anchors, "anchors.yaml");
}

static void test_crlf_line_endings(void **state)
{
	const char *p;
	char *crlf = xmalloc(2 * sizeof scalars_and_anchors), *out = crlf;
	(void)state;

	for (p = scalars_and_anchors; *p; p++) {
		if (*p == '\n')
			*out++ = '\r';
		*out++ = *p;
	}
	*out = '\0';
	check_core_bank(crlf, "crlf.yaml");
	free(crlf);
}

static void test_non_ascii_text(void **state)
{
	static const char text[] =
		"bank: intl\n"
		"title: \"Entretiens \xc3\xa0 l'\xc3\xa9tranger \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac\"\n"
		"questions:\n"
		"  - id: pourquoi-nous\n"
		"    text: Pourquoi voulez-vous travailler chez nous ? \xf0\x9f\x99\x82\n"
		"    themes: [rapport]\n"
		"    stages: [onsite]\n"
		"    difficulty: 2\n";
	struct bank_catalog *catalog = catalog_with_themes();
	(void)state;

	bank_load_buffer(catalog, "intl.yaml", text, strlen(text));
	assert_int_equal(bank_error_count(catalog), 0);
	assert_string_equal(bank_find(catalog, "intl")->title, "Entretiens \xc3\xa0 l'\xc3\xa9tranger \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac");
	assert_string_equal(bank_question_find(catalog, "pourquoi-nous")->text,
			    "Pourquoi voulez-vous travailler chez nous ? \xf0\x9f\x99\x82");
	bank_catalog_free(catalog);
}

/* ------------------------------------------------------------------------------------------------
 * One test per error kind, with the exact message
 */

#define BANK_HEAD "bank: core\ntitle: Core\nquestions:\n"
#define Q(id) "  - id: " id "\n    text: Why?\n    themes: [clarity]\n    stages: [onsite]\n    difficulty: 2\n"

static void test_yaml_syntax_error(void **state)
{
	(void)state;
	assert_diagnostics("bank: x\n  title: y\n", "t.yaml:2:8: error: mapping values are not allowed in this context\n");
	assert_diagnostics(BANK_HEAD "  - id: a\n    text: [x\n",
			   "t.yaml:6:1: error: did not find expected ',' or ']' (while parsing a flow sequence at 5:11)\n");
}

static void test_not_utf8(void **state)
{
	(void)state;
	assert_diagnostics("bank: core\ntitle: caf\xe9 noir\n",
			   "t.yaml:2:11: error: not valid UTF-8 text (byte 0xe9); save the file as UTF-8\n");
	assert_diagnostics("bank: core\ntitle: \xff\n",
			   "t.yaml:2:8: error: not valid UTF-8 text (byte 0xff); save the file as UTF-8\n");
}

static void test_missing_required_key(void **state)
{
	(void)state;
	assert_diagnostics(BANK_HEAD "  - id: a\n    themes: [clarity]\n    stages: [onsite]\n    difficulty: 1\n",
			   "t.yaml:4:5: error: question 'a' is missing required key 'text'\n");
	assert_diagnostics("bank: core\nquestions: []\n", "t.yaml:1:1: error: the bank is missing required key 'title'\n");
}

static void test_wrong_type(void **state)
{
	(void)state;
	assert_diagnostics(BANK_HEAD "  - id: a\n    text: {what: ever}\n    themes: [clarity]\n    stages: [onsite]\n"
				     "    difficulty: 1\n",
			   "t.yaml:5:11: error: 'text' must be a text, not a mapping\n");
	assert_diagnostics(BANK_HEAD "  - id: a\n    text: Why?\n    themes: [[clarity]]\n    stages: [onsite]\n"
				     "    difficulty: 1\n",
			   "t.yaml:6:14: error: each item of 'themes' must be a text, not a list\n");
	assert_diagnostics("bank: core\ntitle: Core\nquestions: all of them\n",
			   "t.yaml:3:12: error: 'questions' must be a list, not a text\n");
}

static void test_out_of_range(void **state)
{
	(void)state;
	assert_diagnostics(BANK_HEAD "  - id: a\n    text: Why?\n    themes: [clarity]\n    stages: [onsite]\n"
				     "    difficulty: 7\n",
			   "t.yaml:8:17: error: 'difficulty' must be a whole number from 1 to 5, not '7'\n");
	assert_diagnostics(BANK_HEAD Q("a") "    answer_seconds: 2\n",
			   "t.yaml:9:21: error: 'answer_seconds' must be a whole number from 5 to 3600, not '2'\n");
	assert_diagnostics(BANK_HEAD Q("a") "    think_seconds: soon\n",
			   "t.yaml:9:20: error: 'think_seconds' must be a whole number from 0 to 600, not 'soon'\n");
}

static void test_bad_id_syntax(void **state)
{
	(void)state;
	assert_diagnostics(BANK_HEAD Q("Tell_Me"),
			   "t.yaml:4:9: error: invalid question id 'Tell_Me': use lowercase letters, digits and dashes (at most 64)\n");
	assert_diagnostics("bank: My Bank\ntitle: x\nquestions: []\n",
			   "t.yaml:1:7: error: invalid bank id 'My Bank': use lowercase letters, digits and dashes (at most 64)\n");
	/* Too long: the limit is named and the id quoted only in part. */
	assert_diagnostics(BANK_HEAD Q("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
			   "t.yaml:4:9: error: invalid question id "
			   "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xe2\x80\xa6': 100 characters, "
			   "the most is 64\n");
}

static void test_duplicate_ids(void **state)
{
	static const char other[] = "bank: other\ntitle: Other\nquestions:\n" Q("why-us");
	struct bank_catalog *catalog = catalog_with_themes();
	size_t first;
	char *line;
	(void)state;

	bank_load_buffer(catalog, "a.yaml", other, strlen(other));
	first = bank_diag_count(catalog);
	bank_load_buffer(catalog, "b.yaml", BANK_HEAD Q("why-us") Q("second") Q("second"),
			 strlen(BANK_HEAD Q("why-us") Q("second") Q("second")));
	assert_int_equal(bank_diag_count(catalog) - first, 2);
	line = bank_diag_format(bank_diag_get(catalog, first));
	assert_string_equal(line, "b.yaml:4:9: error: duplicate question id 'why-us' (first defined at a.yaml:4:9)");
	free(line);
	line = bank_diag_format(bank_diag_get(catalog, first + 1));
	assert_string_equal(line, "b.yaml:14:9: error: duplicate question id 'second' (first defined at b.yaml:9:9)");
	free(line);
	/* The good question of the broken bank still loads. */
	assert_int_equal(bank_find(catalog, "core")->question_count, 1);
	bank_catalog_free(catalog);
	assert_diagnostics("bank: core\ntitle: x\nquestions: []\nbank: again\n",
			   "t.yaml:4:1: error: duplicate key 'bank' in a bank\n");
}

static void test_unknown_theme_and_stage(void **state)
{
	(void)state;
	assert_diagnostics(BANK_HEAD "  - id: a\n    text: Why?\n    themes: [clarity, rapor]\n    stages: [onsite]\n"
				     "    difficulty: 1\n",
			   "t.yaml:6:23: error: unknown theme 'rapor' (did you mean 'rapport'?)\n");
	assert_diagnostics(BANK_HEAD "  - id: a\n    text: Why?\n    themes: [clarity]\n    stages: [lunch]\n"
				     "    difficulty: 1\n",
			   "t.yaml:7:14: error: unknown stage 'lunch' (see 'rebound themes' for the list)\n");
	assert_diagnostics(BANK_HEAD "  - id: a\n    text: Why?\n    themes: []\n    stages: [onsite]\n"
				     "    difficulty: 1\n",
			   "t.yaml:6:13: error: 'themes' must list at least one theme\n");
}

static void test_unknown_key_is_a_warning(void **state)
{
	struct bank_catalog *catalog = catalog_with_themes();
	static const char text[] = BANK_HEAD Q("a") "    hint: Smile.\n";
	(void)state;

	assert_diagnostics(text, "t.yaml:9:5: warning: unknown key 'hint' in question (ignored)\n");
	assert_int_equal(bank_load_buffer(catalog, "t.yaml", text, strlen(text)), 0);
	assert_non_null(bank_question_find(catalog, "a"));
	bank_catalog_free(catalog);
}

static void test_not_a_bank(void **state)
{
	(void)state;
	assert_diagnostics("", "t.yaml: error: empty file: expected a question bank or a themes file\n");
	assert_diagnostics("- a\n- b\n",
			   "t.yaml:1:1: error: expected a mapping with 'bank', 'title' and 'questions' (or 'stages' and "
			   "'themes'), not a list\n");
	assert_diagnostics("name: x\n",
			   "t.yaml:1:1: error: not a question bank or themes file: expected a 'bank' key (or 'stages' "
			   "and 'themes')\n");
	assert_diagnostics("bank: a\ntitle: b\nquestions: []\n---\nbank: c\n",
			   "t.yaml:4:1: error: a file holds one YAML document; found a second one\n");
	assert_diagnostics("bank: a\ntitle: *nope\n",
			   "t.yaml:2:8: error: unknown anchor 'nope' (an alias must follow its anchor)\n");
}

static void test_themes_file_errors(void **state)
{
	(void)state;
	assert_diagnostics("themes:\n  - id: pace\n    title: Pace\n    description: Speed.\n    rubric: {1: Slow., 5: Good.}\n",
			   "t.yaml:5:13: error: rubric is missing required key '3'\n");
	assert_diagnostics("themes:\n  - id: clarity\n    title: C\n    description: D.\n    rubric: {1: a, 3: b, 5: c}\n",
			   "t.yaml:2:9: error: duplicate theme id 'clarity' (first defined at themes.yaml:9:9)\n");
}

/* ------------------------------------------------------------------------------------------------
 * Hostile input is bounded
 */

static void test_deep_nesting_is_refused(void **state)
{
	char *text = xmalloc(100001);
	(void)state;

	memset(text, '[', 100000);
	text[100000] = '\0';
	assert_diagnostics(text, "t.yaml:1:33: error: nested deeper than 32 levels\n");
	free(text);
}

static void test_alias_bomb_is_bounded(void **state)
{
	char *text = xstrdup("bank: bomb\ntitle: t\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"), *next;
	struct bank_catalog *catalog = catalog_with_themes();
	clock_t start = clock();
	int i;
	(void)state;

	for (i = 1; i < 12; i++) {
		next = xasprintf("%sx%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", text, i, i,
				 i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
		free(text);
		text = next;
	}
	/* 9^12 items if expanded; a question whose lists all alias the bomb. */
	next = xasprintf("%squestions:\n  - {id: q, text: t, themes: *a11, stages: *a11, difficulty: 1,"
			 " tips: *a11, keywords: *a11}\n  - *a11\n", text);
	bank_load_buffer(catalog, "bomb.yaml", next, strlen(next));
	assert_true(bank_error_count(catalog) > 0);
	assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 2.0);
	free(text);
	free(next);
	bank_catalog_free(catalog);
}

static void test_too_many_errors_stops(void **state)
{
	char *text = xstrdup(BANK_HEAD), *next;
	struct bank_catalog *catalog = catalog_with_themes();
	size_t first = bank_diag_count(catalog);
	int i;
	(void)state;

	for (i = 0; i < 300; i++) {
		next = xasprintf("%s  - {id: q%d, text: t, themes: [nope], stages: [onsite], difficulty: 1}\n", text, i);
		free(text);
		text = next;
	}
	bank_load_buffer(catalog, "t.yaml", text, strlen(text));
	assert_int_equal(bank_diag_count(catalog) - first, BANK_MAX_ERRORS_PER_FILE + 1);
	assert_string_equal(bank_diag_get(catalog, bank_diag_count(catalog) - 1)->message,
			    "too many errors; the rest of the file was not checked");
	free(text);
	bank_catalog_free(catalog);
}

static void test_huge_file_is_refused(void **state)
{
	char path[] = "/tmp/rebound-test-huge-XXXXXX";
	struct bank_catalog *catalog = bank_catalog_new();
	char *expected, *actual;
	int fd = mkstemp(path);
	(void)state;

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 100 * 1024 * 1024), 0);	/* sparse: no disk used */
	close(fd);
	bank_load_file(catalog, path);
	expected = xasprintf("%s: error: '%s' is too large (104857600 bytes; the limit is 67108864)", path, path);
	actual = bank_diag_format(bank_diag_get(catalog, 0));
	unlink(path);
	assert_string_equal(actual, expected);
	free(actual);
	free(expected);
	bank_catalog_free(catalog);
}

/* ------------------------------------------------------------------------------------------------
 * Directories
 */

static void write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

static void remove_tree(const char *dir)
{
	char *command = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(command), 0);
	free(command);
}

static void test_broken_file_does_not_stop_the_others(void **state)
{
	char dir[] = "/tmp/rebound-test-dir-XXXXXX";
	struct bank_catalog *catalog = bank_catalog_new();
	(void)state;

	assert_non_null(mkdtemp(dir));
	write_file(dir, "themes.yaml", themes_yaml);
	write_file(dir, "a-broken.yaml", "bank: broken\ntitle: [unclosed\n");
	write_file(dir, "b-good.yaml", BANK_HEAD Q("why-us"));
	write_file(dir, "notes.txt", "not a bank");
	assert_int_equal(bank_load_dir(catalog, dir, NULL, 0), 1);
	assert_int_equal(bank_count(catalog), 1);
	assert_non_null(bank_question_find(catalog, "why-us"));
	assert_int_equal(bank_file_count(catalog), 3);
	assert_int_equal(bank_file_at(catalog, 0)->is_themes, 1);	/* themes first, whatever the name order */
	assert_int_equal(bank_file_at(catalog, 1)->error_count, 1);
	bank_catalog_free(catalog);
	remove_tree(dir);
}

static void test_bundled_banks_are_valid(void **state)
{
	const char *source = getenv("REBOUND_SOURCE");
	struct bank_catalog *catalog = bank_catalog_new();
	char *dir;
	size_t i;
	(void)state;

	assert_non_null(source);
	dir = xasprintf("%s/questions", source);
	bank_load_dir(catalog, dir, NULL, 0);
	bank_diag_print(catalog, 0, stderr);
	assert_int_equal(bank_diag_count(catalog), 0);
	assert_int_equal(bank_theme_count(catalog), 10);
	assert_int_equal(bank_stage_count(catalog), 5);
	assert_true(bank_question_total(catalog) >= 150);
	assert_true(bank_count(catalog) >= 6);
	for (i = 0; i < bank_theme_count(catalog); i++) {
		const struct bank_theme *theme = bank_theme_at(catalog, i);
		assert_true(theme->phrases.count >= 5);
		assert_true(theme->actions.count >= 3);
	}
	for (i = 0; i < bank_question_total(catalog); i++) {
		const struct bank_question *q = bank_question_at(catalog, i);
		assert_true(q->talking_points.count > 0);
		assert_true(q->keywords.count > 0);
	}
	free(dir);
	bank_catalog_free(catalog);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block_style),
		cmocka_unit_test(test_flow_style),
		cmocka_unit_test(test_block_scalars_anchors_and_merge_keys),
		cmocka_unit_test(test_crlf_line_endings),
		cmocka_unit_test(test_non_ascii_text),
		cmocka_unit_test(test_yaml_syntax_error),
		cmocka_unit_test(test_not_utf8),
		cmocka_unit_test(test_missing_required_key),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_bad_id_syntax),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_unknown_theme_and_stage),
		cmocka_unit_test(test_unknown_key_is_a_warning),
		cmocka_unit_test(test_not_a_bank),
		cmocka_unit_test(test_themes_file_errors),
		cmocka_unit_test(test_deep_nesting_is_refused),
		cmocka_unit_test(test_alias_bomb_is_bounded),
		cmocka_unit_test(test_too_many_errors_stops),
		cmocka_unit_test(test_huge_file_is_refused),
		cmocka_unit_test(test_broken_file_does_not_stop_the_others),
		cmocka_unit_test(test_bundled_banks_are_valid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
