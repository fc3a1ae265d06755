/* Unit tests for export's writers: CSV fields quoted as RFC 4180 asks (and only then), rows with CRLF and
 * NULL as an empty field, text cells that look like formulas neutralised; JSON strings escaped, with
 * every malformed UTF-8 sequence (stray continuation bytes, overlong forms, surrogates, beyond U+10FFFF, cut short) replaced by U+FFFD and valid ones kept;
 * JSON rows with numbers, null and text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rebound/export.h"
#include "rebound/html.h"

typedef void (*writer_fn)(FILE *out, const char *text);

static void assert_written(writer_fn writer, const char *text, const char *expected)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);

	writer(out, text);
	fclose(out);
	assert_string_equal(buf, expected);
	free(buf);
}

static void test_csv_fields(void **state)
{
	(void)state;
	assert_written(export_csv_field, "plain text", "plain text");
	assert_written(export_csv_field, "", "");
	assert_written(export_csv_field, NULL, "");
	assert_written(export_csv_field, "a,b", "\"a,b\"");
	assert_written(export_csv_field, "say \"hi\"", "\"say \"\"hi\"\"\"");
	assert_written(export_csv_field, "two\nlines", "\"two\nlines\"");
	assert_written(export_csv_field, "cr\r", "\"cr\r\"");
	assert_written(export_csv_field, "\"", "\"\"\"\"");
	assert_written(export_csv_field, "café; 100% ‘ok’", "café; 100% ‘ok’");
}

static void text_cell(FILE *out, const char *text)
{
	export_csv_cell(out, text, 1);
}

static void number_cell(FILE *out, const char *text)
{
	export_csv_cell(out, text, 0);
}

/* CSV injection (OWASP): a text cell that would run as a formula gets a leading quote; numbers do not. */
static void test_csv_formulas(void **state)
{
	(void)state;
	assert_written(text_cell, "=1+2", "\"'=1+2\"");
	assert_written(text_cell, "=HYPERLINK(\"http://x\"&H2,\"go\")", "\"'=HYPERLINK(\"\"http://x\"\"&H2,\"\"go\"\")\"");
	assert_written(text_cell, "+1", "\"'+1\"");
	assert_written(text_cell, "-2+3", "\"'-2+3\"");
	assert_written(text_cell, "@SUM(A1)", "\"'@SUM(A1)\"");
	assert_written(text_cell, "\tx", "\"'\tx\"");
	assert_written(text_cell, "\rx", "\"'\rx\"");
	assert_written(text_cell, "a=1", "a=1");
	assert_written(text_cell, "", "");
	assert_written(text_cell, NULL, "");
	assert_written(number_cell, "-5", "-5");
}

static void test_json_strings(void **state)
{
	(void)state;
	assert_written(export_json_string, NULL, "null");
	assert_written(export_json_string, "", "\"\"");
	assert_written(export_json_string, "a \"q\" \\ b", "\"a \\\"q\\\" \\\\ b\"");
	assert_written(export_json_string, "l1\nl2\tt\rr", "\"l1\\nl2\\tt\\rr\"");
	assert_written(export_json_string, "\x01\x1f", "\"\\u0001\\u001f\"");
	assert_written(export_json_string, "naïve — 日本 😀", "\"naïve — 日本 😀\"");
	/* Malformed UTF-8, each bad byte one U+FFFD. */
	assert_written(export_json_string, "a\xff" "b", "\"a\xEF\xBF\xBD" "b\"");
	assert_written(export_json_string, "\x80", "\"\xEF\xBF\xBD\"");				/* stray continuation */
	assert_written(export_json_string, "\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");		/* overlong '/' */
	assert_written(export_json_string, "\xE0\x80\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
	assert_written(export_json_string, "\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");	/* surrogate */
	assert_written(export_json_string, "\xF4\x90\x80\x80",
		       "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");			/* > U+10FFFF */
	assert_written(export_json_string, "\xE6\x97", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");		/* cut short */
	assert_written(export_json_string, "\xF0\x9F\x98\x80", "\"\xF0\x9F\x98\x80\"");	/* U+1F600 kept */
}

static void test_html(void **state)
{
	(void)state;
	assert_written(html_text, "a < b & c > \"d\" 'e'\nnext\t\x01\xff",
		       "a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;<br/>next \xEF\xBF\xBD");
	assert_written(html_attr, "one\ntwo", "one two");
	assert_written(html_text, "plain", "plain");
}

static const char *names[] = { "id", "text", "score", "note" };

static char *write_rows(int (*row_fn)(void *, const struct store_export_row *), int json)
{
	const char *values[] = { "7", "a, \"b\"", "0.5", NULL };
	enum store_value_kind kinds[] = { STORE_VALUE_NUMBER, STORE_VALUE_TEXT, STORE_VALUE_NUMBER, STORE_VALUE_NULL };
	struct store_export_row row = { 4, names, NULL, kinds, 1, 0 };
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	struct export_table table = { out, 0 };

	if (json)
		export_json_table_begin(out, "things");
	assert_int_equal(row_fn(&table, &row), 0);
	row.header = 0;
	row.first = 1;
	row.values = values;
	assert_int_equal(row_fn(&table, &row), 0);
	row.first = 0;
	assert_int_equal(row_fn(&table, &row), 0);
	if (json)
		export_json_table_end(&table);
	assert_int_equal(table.rows, 2);
	fclose(out);
	return buf;
}

static void test_rows(void **state)
{
	char *csv = write_rows(export_csv_row, 0), *json = write_rows(export_json_row, 1);
	(void)state;

	assert_string_equal(csv, "id,text,score,note\r\n7,\"a, \"\"b\"\"\",0.5,\r\n7,\"a, \"\"b\"\"\",0.5,\r\n");
	assert_string_equal(json, ",\n  \"things\": [\n"
				  "    {\"id\": 7, \"text\": \"a, \\\"b\\\"\", \"score\": 0.5, \"note\": null},\n"
				  "    {\"id\": 7, \"text\": \"a, \\\"b\\\"\", \"score\": 0.5, \"note\": null}\n  ]");
	free(csv);
	free(json);
}

static void test_document(void **state)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	struct export_table empty = { out, 0 };
	(void)state;

	export_json_begin(out);
	export_json_table_begin(out, "sessions");
	export_json_table_end(&empty);
	export_json_end(out);
	fclose(out);
	assert_string_equal(buf, "{\n  \"format\": \"rebound-export\",\n  \"version\": 2,\n  \"sessions\": []\n}\n");
	free(buf);
}

/* What JSON allows raw but a YAML reader (import's) would not keep is escaped: DEL, C1 controls, the line
 * and paragraph separators, the byte-order mark; other characters stay as they are. */
static void test_json_yaml_safe(void **state)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	(void)state;

	export_json_string(out, "a\xe2\x80\xa8" "b\xc2\x85" "c\x7f" "d\xef\xbb\xbf" "e\xe2\x80\xa9" "f\xc3\xa9" "\xe2\x80\x94");
	fclose(out);
	assert_string_equal(buf, "\"a\\u2028b\\u0085c\\u007fd\\ufeffe\\u2029f\xc3\xa9\xe2\x80\x94\"");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_fields),
		cmocka_unit_test(test_csv_formulas),
		cmocka_unit_test(test_json_strings),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_json_yaml_safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
