/* Unit tests for template: fields, fallbacks and escaped braces filled to exact text, the errors with
 * their file:line:column, and the bundled reply templates filled with and without optional fields. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "rebound/template.h"
#include "rebound/util.h"

static const struct template_field rejection[] = {
	{ "company", "Acme" },
	{ "role", "Backend engineer" },
	{ "interviewer", NULL },
	{ "stage", "" },
	{ "me", "Sam Lee" },
};
#define REJECTION_COUNT (sizeof rejection / sizeof rejection[0])

static void assert_filled(const char *text, const struct template_field *fields, size_t count,
			  const char *expected)
{
	char *cause = NULL, *filled = template_fill("t.txt", text, fields, count, &cause);

	if (filled == NULL)
		fail_msg("%s", cause);
	assert_string_equal(filled, expected);
	assert_null(cause);
	free(filled);
}

static void assert_fails(const char *text, const struct template_field *fields, size_t count,
			 const char *expected)
{
	char *cause = NULL, *filled = template_fill("t.txt", text, fields, count, &cause);

	if (filled != NULL)
		fail_msg("filled as \"%s\"", filled);
	assert_non_null(cause);
	assert_string_equal(cause, expected);
	free(cause);
}

/* ------------------------------------------------------------------------------------------------
 * Filling
 */

static void test_plain_text(void **state)
{
	(void)state;

	assert_filled("", rejection, REJECTION_COUNT, "");
	assert_filled("No fields here.\n", rejection, REJECTION_COUNT, "No fields here.\n");
	assert_filled("a | b, (c)\n\n", NULL, 0, "a | b, (c)\n\n");
}

static void test_fields(void **state)
{
	(void)state;

	assert_filled("{company}", rejection, REJECTION_COUNT, "Acme");
	assert_filled("The {role} role at {company}.", rejection, REJECTION_COUNT,
		      "The Backend engineer role at Acme.");
	assert_filled("{company}{company}", rejection, REJECTION_COUNT, "AcmeAcme");
	assert_filled("Subject: {role}\n\nDear team,\n\nThanks, {company}!\n{me}\n", rejection, REJECTION_COUNT,
		      "Subject: Backend engineer\n\nDear team,\n\nThanks, Acme!\nSam Lee\n");
}

static void test_empty_fields(void **state)
{
	(void)state;

	/* NULL and "" are both empty, and with no fallback they leave nothing. */
	assert_filled("[{interviewer}]", rejection, REJECTION_COUNT, "[]");
	assert_filled("[{stage}]", rejection, REJECTION_COUNT, "[]");
	assert_filled("Hello {interviewer}!\n", rejection, REJECTION_COUNT, "Hello !\n");
}

static void test_fallbacks(void **state)
{
	static const struct template_field named[] = { { "interviewer", "Ms Rivera" }, { "stage", "Onsite" } };
	(void)state;

	assert_filled("Dear {interviewer|hiring team},", rejection, REJECTION_COUNT, "Dear hiring team,");
	assert_filled("Dear {interviewer|hiring team},", named, 2, "Dear Ms Rivera,");
	assert_filled("after the {stage|interviews}", rejection, REJECTION_COUNT, "after the interviews");
	assert_filled("after the {stage|interviews}", named, 2, "after the Onsite");
	/* Spaces and punctuation are kept as written, even a '|' or a '{'. */
	assert_filled("{interviewer| the team (or whoever reads this), thanks! }", rejection, REJECTION_COUNT,
		      " the team (or whoever reads this), thanks! ");
	assert_filled("{stage|a|b {c}", rejection, REJECTION_COUNT, "a|b {c");
	assert_filled("{stage|[your name]}", rejection, REJECTION_COUNT, "[your name]");
	/* An empty fallback is allowed; a set value ignores its fallback. */
	assert_filled("<{stage|}>", rejection, REJECTION_COUNT, "<>");
	assert_filled("{me|[your name]}", rejection, REJECTION_COUNT, "Sam Lee");
}

static void test_escaped_braces(void **state)
{
	(void)state;

	assert_filled("{{company}}", rejection, REJECTION_COUNT, "{company}");
	assert_filled("{{{company}}}", rejection, REJECTION_COUNT, "{Acme}");
	assert_filled("a {{ b }} c }}{{", NULL, 0, "a { b } c }{");
	assert_filled("{{{{", NULL, 0, "{{");
}

static void test_values_are_not_parsed(void **state)
{
	static const struct template_field braces[] = { { "company", "{role} }{" }, { "role", "x\ny" } };
	(void)state;

	assert_filled("{company}|{role}", braces, 2, "{role} }{|x\ny");
}

static void test_first_of_repeated_names(void **state)
{
	static const struct template_field twice[] = { { "company", "First" }, { "company", "Second" } };
	(void)state;

	assert_filled("{company}", twice, 2, "First");
}

static void test_name_characters(void **state)
{
	static const struct template_field names[] = { { "a_b-9", "ok" } };
	(void)state;

	assert_filled("{a_b-9}", names, 1, "ok");
	assert_fails("{A_B-9}", names, 1, "t.txt:1:1: unknown field 'A_B-9' (fields: a_b-9)");
}

/* ------------------------------------------------------------------------------------------------
 * Errors
 */

static void test_unknown_field(void **state)
{
	(void)state;

	assert_fails("Dear {intervewer|hiring team},", rejection, REJECTION_COUNT,
		     "t.txt:1:6: unknown field 'intervewer' (fields: company, role, interviewer, stage, me)");
	assert_fails("Hi\n\nat {Company}", rejection, 2,
		     "t.txt:3:4: unknown field 'Company' (fields: company, role)");
	assert_fails("{ company }", rejection, 1, "t.txt:1:1: unknown field ' company ' (fields: company)");
	assert_fails("x{}", rejection, 1, "t.txt:1:2: unknown field '' (fields: company)");
	assert_fails("x{|fallback}", rejection, 1, "t.txt:1:2: unknown field '' (fields: company)");
	assert_fails("{company}", NULL, 0, "t.txt:1:1: unknown field 'company' (no fields)");
	/* Columns count bytes: "é" is two, a tab one. */
	assert_fails("Café\t{date}", rejection, 1, "t.txt:1:7: unknown field 'date' (fields: company)");
}

static void test_unclosed_brace(void **state)
{
	(void)state;

	assert_fails("Hello {company", rejection, REJECTION_COUNT, "t.txt:1:7: '{' is not closed");
	assert_fails("{me|Sam", rejection, REJECTION_COUNT, "t.txt:1:1: '{' is not closed");
	assert_fails("Hello\n{", rejection, REJECTION_COUNT, "t.txt:2:1: '{' is not closed");
	/* A field ends on its line: the '}' below does not close it. */
	assert_fails("one\ntwo {company\n}", rejection, REJECTION_COUNT, "t.txt:2:5: '{' is not closed");
	assert_fails("a {{{company", rejection, REJECTION_COUNT, "t.txt:1:5: '{' is not closed");
}

static void test_stray_brace(void **state)
{
	(void)state;

	assert_fails("a } b", rejection, REJECTION_COUNT, "t.txt:1:3: stray '}' (write '}}' for a brace)");
	assert_fails("{{company}", rejection, REJECTION_COUNT, "t.txt:1:10: stray '}' (write '}}' for a brace)");
	assert_fails("{company}}}}", rejection, REJECTION_COUNT, "t.txt:1:12: stray '}' (write '}}' for a brace)");
	assert_fails("\n\n  {me|a}}", rejection, REJECTION_COUNT, "t.txt:3:9: stray '}' (write '}}' for a brace)");
}

static void test_errors_without_cause(void **state)
{
	(void)state;

	assert_null(template_fill("t.txt", "}", rejection, REJECTION_COUNT, NULL));
	assert_null(template_fill("t.txt", "{x}", rejection, REJECTION_COUNT, NULL));
	assert_null(template_fill("t.txt", "{", rejection, REJECTION_COUNT, NULL));
}

/* ------------------------------------------------------------------------------------------------
 * The bundled templates
 */

static char *fill_asset(const char *name, const struct template_field *fields, size_t count)
{
	const char *source = getenv("REBOUND_SOURCE");
	char *path, *text, *filled, *cause = NULL;
	size_t len;

	assert_non_null(source);
	path = xasprintf("%s/assets/%s", source, name);
	text = util_read_file(path, 1 << 16, &len, NULL, &cause);
	if (text == NULL)
		fail_msg("%s", cause);
	filled = template_fill(name, text, fields, count, &cause);
	if (filled == NULL)
		fail_msg("%s", cause);
	free(text);
	free(path);
	return filled;
}

static void assert_asset(const char *name)
{
	static const struct template_field full[] = {
		{ "company", "Acme" }, { "role", "Backend engineer" }, { "interviewer", "Ms Rivera" },
		{ "stage", "Onsite or panel" }, { "me", "Sam Lee" }, { "date", "22 November 2026" },
	};
	static const struct template_field sparse[] = {
		{ "company", "Acme" }, { "role", "Backend engineer" }, { "interviewer", NULL },
		{ "stage", NULL }, { "me", "" }, { "date", NULL },
	};
	char *filled = fill_asset(name, full, 6);

	assert_true(util_starts_with(filled, "Subject: "));
	assert_non_null(strstr(filled, "\n\nDear Ms Rivera,\n"));
	assert_non_null(strstr(filled, "\nSam Lee\n"));
	assert_non_null(strstr(filled, "Acme"));
	assert_null(strpbrk(filled, "{}"));
	free(filled);

	filled = fill_asset(name, sparse, 6);
	assert_non_null(strstr(filled, "\n\nDear hiring team,\n"));
	assert_non_null(strstr(filled, "\n[your name]\n"));
	assert_null(strpbrk(filled, "{}"));
	free(filled);
}

static void test_bundled_templates(void **state)
{
	(void)state;

	assert_asset("thank-you.txt");
	assert_asset("feedback-request.txt");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_fallbacks),
		cmocka_unit_test(test_escaped_braces),
		cmocka_unit_test(test_values_are_not_parsed),
		cmocka_unit_test(test_first_of_repeated_names),
		cmocka_unit_test(test_name_characters),
		cmocka_unit_test(test_unknown_field),
		cmocka_unit_test(test_unclosed_brace),
		cmocka_unit_test(test_stray_brace),
		cmocka_unit_test(test_errors_without_cause),
		cmocka_unit_test(test_bundled_templates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
