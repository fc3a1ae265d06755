/* Unit tests for the shell's word splitting and the command table's prefix lookup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "rebound/cmd.h"
#include "rebound/shell.h"

static void test_split_words_and_quotes(void **state)
{
	char **argv, *cause = NULL;
	int argc;
	(void)state;

	assert_int_equal(shell_split("  show   'tell me'  \"a \\\"b\\\"\" c\\ d # comment", &argc, &argv, &cause), 0);
	assert_int_equal(argc, 4);
	assert_string_equal(argv[0], "show");
	assert_string_equal(argv[1], "tell me");
	assert_string_equal(argv[2], "a \"b\"");
	assert_string_equal(argv[3], "c d");
	assert_null(argv[4]);
	shell_words_free(argv);

	assert_int_equal(shell_split("   ", &argc, &argv, &cause), 0);
	assert_int_equal(argc, 0);
	shell_words_free(argv);

	assert_int_equal(shell_split("''", &argc, &argv, &cause), 0);
	assert_int_equal(argc, 1);
	assert_string_equal(argv[0], "");
	shell_words_free(argv);
}

static void test_split_unterminated_quote(void **state)
{
	char **argv = NULL, *cause = NULL;
	int argc;
	(void)state;

	assert_int_equal(shell_split("show 'oops", &argc, &argv, &cause), -1);
	assert_string_equal(cause, "unterminated single quote");
	free(cause);
}

static void test_prefix_lookup(void **state)
{
	char *cause = NULL;
	(void)state;

	assert_string_equal(cmd_find("sh", &cause)->name, "show");
	assert_string_equal(cmd_find("bank", &cause)->name, "bank");		/* an exact name wins */
	assert_string_equal(cmd_find("banks", &cause)->name, "banks");
	assert_null(cmd_find("ban", &cause));
	assert_string_equal(cause, "ambiguous command: ban, could be: bank, banks");
	free(cause);
	assert_string_equal(cmd_find("quit", &cause)->name, "quit");
	assert_null(cmd_find("", &cause));
	assert_string_equal(cause, "unknown command '' (try 'help')");
	free(cause);
	assert_string_equal(cmd_find("th", &cause)->name, "themes");
	/* The commonest commands keep their short prefixes; an alias is a whole word only. */
	assert_string_equal(cmd_find("q", &cause)->name, "quit");
	assert_string_equal(cmd_find("qu", &cause)->name, "quit");
	assert_string_equal(cmd_find("que", &cause)->name, "questions");
	assert_string_equal(cmd_find("exit", &cause)->name, "quit");
	assert_string_equal(cmd_find("i", &cause)->name, "interview");
	assert_string_equal(cmd_find("in", &cause)->name, "interview");
	assert_string_equal(cmd_find("ins", &cause)->name, "insights");
	assert_string_equal(cmd_find("d", &cause)->name, "drill");
	assert_string_equal(cmd_find("p", &cause)->name, "progress");
	assert_string_equal(cmd_find("pl", &cause)->name, "plan");
	assert_string_equal(cmd_find("clear", &cause)->name, "clear");
	assert_string_equal(cmd_find("cls", &cause)->name, "clear");
	assert_null(cmd_find("c", &cause));
	assert_string_equal(cause, "ambiguous command: c, could be: config, check, clear");
	free(cause);
	assert_string_equal(cmd_find("ex", &cause)->name, "export");	/* aliases are not prefixed */
	assert_null(cmd_find("shwo", &cause));
	assert_string_equal(cause, "unknown command 'shwo' (did you mean 'show'?)");
	free(cause);
}

/* A subcommand table: every row complete, names unique, only the command's options named, the default there. */
static void check_subs(const struct cmd_entry *entry)
{
	const struct cmd_sub *sub, *other;
	unsigned known = 0;
	int i;

	for (i = 0; i < CMD_MAX_OPTIONS && entry->options[i].name != NULL; i++)
		known |= CMD_OPT(i);
	assert_null(entry->usage);
	assert_null(entry->exec);
	for (sub = entry->subs; sub->name != NULL; sub++) {
		assert_non_null(sub->usage);
		assert_non_null(sub->help);
		assert_non_null(sub->exec);
		assert_true(sub->operands_max < 0 || sub->operands_min <= sub->operands_max);
		assert_int_equal(sub->options & ~known, 0);
		for (other = entry->subs; other < sub; other++)
			assert_string_not_equal(sub->name, other->name);
	}
	assert_true(sub - entry->subs >= 2);
	if (entry->default_sub != NULL)
		assert_non_null(cmd_sub_find(entry, entry->default_sub));
}

static void test_table_is_well_formed(void **state)
{
	size_t i, j, with_subs = 0;
	(void)state;

	for (i = 0; cmd_table[i] != NULL; i++) {
		assert_non_null(cmd_table[i]->help);
		if (cmd_table[i]->subs != NULL) {
			check_subs(cmd_table[i]);
			with_subs++;
		} else {
			assert_non_null(cmd_table[i]->usage);
			assert_non_null(cmd_table[i]->exec);
			assert_null(cmd_table[i]->default_sub);
		}
		for (j = 0; j < i; j++)
			assert_string_not_equal(cmd_table[i]->name, cmd_table[j]->name);
	}
	assert_true(i >= 7);
	assert_true(with_subs >= 6);	/* reject, plan, audio, bank, template, config */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_words_and_quotes),
		cmocka_unit_test(test_split_unterminated_quote),
		cmocka_unit_test(test_prefix_lookup),
		cmocka_unit_test(test_table_is_well_formed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
