/* Unit tests for the plain (pipe or file) line reader: a line over INPUT_LINE_MAX is refused whole
 * (INPUT_TOO_LONG) and the lines after it read as they were, never split into pieces or inside a
 * character; an endless line without a newline (/dev/zero) ends at the limit; and a signal is taken
 * before lines already buffered, so a flood of input cannot hide it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rebound/input.h"

/* A file holding text, open for reading at its start. */
static int file_with(const char *text, size_t len)
{
	char path[] = "/tmp/rebound-test-input.XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	lseek(fd, 0, SEEK_SET);
	return fd;
}

static void expect_line(struct input *in, const char *want)
{
	char *line;

	assert_int_equal(input_line(in, "", -1, 0, &line), INPUT_LINE);
	assert_string_equal(line, want);
	free(line);
}

static void test_too_long_refused_whole(void **state)
{
	size_t big = INPUT_LINE_MAX + 10, at = 0;
	char *text = malloc(big + 64), *line = NULL;
	struct input *in;
	int fd;

	(void)state;
	at += (size_t)sprintf(text, "short\n");
	memset(text + at, 'x', big);
	at += big;
	at += (size_t)sprintf(text + at, "\nafter\n");
	fd = file_with(text, at);
	in = input_open(fd, stdout, 0);
	expect_line(in, "short");
	assert_int_equal(input_line(in, "", -1, 0, &line), INPUT_TOO_LONG);
	assert_null(line);
	expect_line(in, "after");
	assert_int_equal(input_line(in, "", -1, 0, &line), INPUT_EOF);
	input_close(in);
	close(fd);
	free(text);
}

/* A line of two-byte characters just under the limit comes back whole, with no byte cut out. */
static void test_long_utf8_line_kept(void **state)
{
	size_t chars = INPUT_LINE_MAX / 2 - 1, i;
	char *text = malloc(chars * 2 + 2), *line;
	struct input *in;
	int fd;

	(void)state;
	for (i = 0; i < chars; i++)
		memcpy(text + 2 * i, "\xc3\xa9", 2);
	text[2 * chars] = '\n';
	fd = file_with(text, 2 * chars + 1);
	in = input_open(fd, stdout, 0);
	assert_int_equal(input_line(in, "", -1, 0, &line), INPUT_LINE);
	assert_int_equal(strlen(line), 2 * chars);
	assert_memory_equal(line, text, 2 * chars);
	free(line);
	input_close(in);
	close(fd);
	free(text);
}

static void test_endless_line_ends(void **state)
{
	int fd = open("/dev/zero", O_RDONLY);
	struct input *in = input_open(fd, stdout, 0);
	char *line = NULL;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(input_line(in, "", -1, 0, &line), INPUT_TOO_LONG);
	assert_null(line);
	input_close(in);
	close(fd);
}

static void test_signal_before_buffered_lines(void **state)
{
	char text[4000], *line;
	struct input *in;
	int fd, i;

	(void)state;
	for (i = 0; i < 1000; i++)
		memcpy(text + 4 * i, "y 3\n", 4);
	fd = file_with(text, sizeof text);
	in = input_open(fd, stdout, 0);
	input_hold_signals(in, 1);
	expect_line(in, "y 3");		/* the reader now holds many lines */
	raise(SIGTERM);
	assert_int_equal(input_line(in, "", -1, 0, &line), INPUT_INTERRUPT);
	assert_int_equal(input_signal(in), SIGTERM);
	free(line);
	input_hold_signals(in, 0);
	input_close(in);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_too_long_refused_whole),
		cmocka_unit_test(test_long_utf8_line_kept),
		cmocka_unit_test(test_endless_line_ends),
		cmocka_unit_test(test_signal_before_buffered_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
