/* Unit tests for the terminal guard's filter: control characters shown instead of obeyed (C0 as ^X,
 * DEL, C1 and bidi overrides as <U+XXXX>, bad UTF-8 as \xNN), valid UTF-8, tab, newline and CRLF kept,
 * codes marked with the token passed and unmarked ones shown, and every split of the input across
 * writes giving the same result as one write. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rebound/term.h"

static const unsigned char token[] = { 0xFF, 0x81, 0x92, 0xA3, 0xB4, 0x85, 0x96, 0xA7 };
#define TOKEN "\xFF\x81\x92\xA3\xB4\x85\x96\xA7"

/* The filter's output for in, written in pieces of at most step bytes (0: all at once). */
static char *filtered(const char *in, size_t len, size_t step)
{
	struct term_filter f;
	char *buf = NULL;
	size_t size = 0, at = 0;
	FILE *out = open_memstream(&buf, &size);

	term_filter_init(&f, token, sizeof token);
	while (at < len) {
		size_t n = step == 0 || len - at < step ? len - at : step;
		term_filter_write(&f, in + at, n, 0, out);
		at += n;
	}
	term_filter_write(&f, "", 0, 1, out);
	fclose(out);
	return buf;
}

static void expect(const char *in, const char *want)
{
	size_t len = strlen(in), step;

	for (step = 0; step <= len + 1; step++) {
		char *got = filtered(in, len, step);
		if (strcmp(got, want) != 0)
			fail_msg("'%s' in steps of %zu gave '%s', not '%s'", in, step, got, want);
		free(got);
	}
}

static void test_controls_shown(void **state)
{
	(void)state;
	expect("plain text", "plain text");
	expect("Shared bank \033]0;OWNED\a", "Shared bank ^[]0;OWNED^G");
	expect("Why us?\033]52;c;ZWNobyBoaQ==\a", "Why us?^[]52;c;ZWNobyBoaQ==^G");
	expect("\033[2J\033[H", "^[[2J^[[H");
	expect("back\bspace\x7f", "back^Hspace^?");
	expect("tab\tand\nnewline", "tab\tand\nnewline");
	expect("crlf\r\nline", "crlf\r\nline");
	expect("lone\rcr", "lone^Mcr");
	expect("end\r", "end^M");
	expect("\033P+q\033\\", "^[P+q^[\\");
}

static void test_unicode(void **state)
{
	(void)state;
	expect("naïve café — 日本 😀", "naïve café — 日本 😀");
	expect("c1 \xc2\x9b" "31m", "c1 <U+009B>31m");		/* CSI as a C1 control */
	expect("nel \xc2\x85", "nel <U+0085>");
	expect("rtl \xe2\x80\xae" "evil", "rtl <U+202E>evil");
	expect("bad \x9b" "31m", "bad \\x9b31m");			/* a raw 0x9b: not UTF-8 */
	expect("cut \xc3", "cut \\xc3");
	expect("cut \xe6\x97", "cut \\xe6\\x97");
	expect("overlong \xc0\xaf", "overlong \\xc0\\xaf");
	expect("surrogate \xed\xa0\x80", "surrogate \\xed\\xa0\\x80");
	expect("\xc3\x0a", "\\xc3\n");
}

static void test_token(void **state)
{
	(void)state;
	expect(TOKEN "\033[1mbold" TOKEN "\033[0m", "\033[1mbold\033[0m");
	expect(TOKEN "\r\033[K[0:42]", "\r\033[K[0:42]");
	/* Without the token, or with a wrong one, the same bytes are shown. */
	expect("\033[1mbold", "^[[1mbold");
	expect("\xFF\x81\x92\xA3\xB4\x85\x96\xA8\033[1m", "\\xff\\x81\\x92\\xa3\\xb4\\x85\\x96\\xa8^[[1m");
	/* The token takes one of our codes only: an OSC after it is still shown. */
	expect(TOKEN "\033]0;x\a", "^[]0;x^G");
	expect("\xFF", "\\xff");
}

/* A locale that is not UTF-8: its terminal may take 0x80-0x9F as C1 controls, even inside a character. */
static void test_eight_bit(void **state)
{
	struct term_filter f;
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);

	(void)state;
	term_filter_init(&f, NULL, 0);
	f.eight_bit = 1;
	term_filter_write(&f, "\xc3\x9d" "52;c;x\xc3\x9c caf\xc3\xa9", 16, 1, out);
	fclose(out);
	assert_string_equal(buf, "\\xc3\\x9d52;c;x\\xc3\\x9c caf\xc3\xa9");
	free(buf);
}

static void test_safe_text(void **state)
{
	char *safe = term_safe_text("Company [Acme\033]0;x\a]: ");

	(void)state;
	assert_string_equal(safe, "Company [Acme^[]0;x^G]: ");
	free(safe);
	assert_true(term_unsafe_char(0x1B) && term_unsafe_char(0x9B) && term_unsafe_char(0x202E));
	assert_false(term_unsafe_char('\t') || term_unsafe_char('\n') || term_unsafe_char('a') || term_unsafe_char(0xE9));
}

/* text folded at width through term_wrap, written in pieces of at most piece bytes (0: whole). */
static char *wrapped(const char *text, int width, size_t piece)
{
	struct term_wrap w;
	char *out = NULL;
	size_t size = 0, at = 0, n = strlen(text);
	FILE *f = open_memstream(&out, &size);

	term_wrap_init(&w, width);
	while (at < n) {
		size_t step = piece && n - at > piece ? piece : n - at;
		term_wrap_write(&w, text + at, step, f);
		term_wrap_flush(&w, f);
		at += step;
	}
	fclose(f);
	return out;
}

static void expect_wrapped(const char *text, int width, const char *want)
{
	char *got = wrapped(text, width, 0), *pieces = wrapped(text, width, 3);

	assert_string_equal(got, want);
	assert_int_equal(strlen(pieces) >= strlen(text), 1);	/* a prompt flushed piece by piece loses nothing */
	free(got);
	free(pieces);
}

/* Folding at word boundaries: under the text's indent, a quote's or a list's marker, or a table's last
 * column; escape codes take no room; a redrawn line and a line that fits are left alone. */
static void test_wrap(void **state)
{
	(void)state;
	expect_wrapped("the quick brown fox jumps\n", 12, "the quick\nbrown fox\njumps\n");
	expect_wrapped("short\n", 12, "short\n");
	expect_wrapped("  indented text that runs on\n", 14, "  indented\n  text that\n  runs on\n");
	expect_wrapped("  > quoted words that go on\n", 16, "  > quoted words\n    that go on\n");
	expect_wrapped("  1. first item of a list\n", 16, "  1. first item\n     of a list\n");
	expect_wrapped("id-one  3  the question text here\n", 24,
		       "id-one  3  the question\n           text here\n");
	expect_wrapped("\033[1mbold\033[0m words here\n", 10, "\033[1mbold\033[0m words\nhere\n");
	expect_wrapped("averylongwordwithoutspaces\n", 10, "averylongw\nordwithout\nspaces\n");
	expect_wrapped("\r\033[K[0:03] > a countdown line longer than the width\n", 10,
		       "\r\033[K[0:03] > a countdown line longer than the width\n");
	expect_wrapped("caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9\n", 9, "caf\xc3\xa9 caf\xc3\xa9\ncaf\xc3\xa9\n");
	expect_wrapped("no width at all, nothing folds\n", 0, "no width at all, nothing folds\n");
	/* A table column whose next word would not fit under it folds under the line's start instead. */
	expect_wrapped("a-long-question-id  3  confidence,clarity\n", 30,
		       "a-long-question-id  3\nconfidence,clarity\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_controls_shown),
		cmocka_unit_test(test_unicode),
		cmocka_unit_test(test_token),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_eight_bit),
		cmocka_unit_test(test_safe_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
