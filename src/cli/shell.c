/* shell: the interactive prompt (readline, which only cli/ uses: here and in input.c): line editing, completion
 * from the command table, history in the data dir, Ctrl-C abandons the line, Ctrl-D leaves.
 * Lines come through input (input.h), which edits them with readline on a terminal. */
#include "rebound/input.h"
#include "rebound/shell.h"
#include "rebound/today.h"
#include "rebound/util.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

/* ------------------------------------------------------------------------------------------------
 * Words
 */

int shell_split(const char *line, int *argc, char ***argv, char **cause)
{
	size_t len = strlen(line), count = 0, capacity = 0, n;
	char **words = NULL, *word = xmalloc(len + 1);
	const char *p = line;

	for (;;) {
		int in_word = 0;
		char quote = 0;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		for (n = 0; *p != '\0'; p++) {
			if (quote != 0 && *p == quote) {
				quote = 0;
			} else if (quote == 0 && (*p == '\'' || *p == '"')) {
				quote = *p;
			} else if (quote == 0 && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) {
				break;
			} else if (*p == '\\' && quote != '\'' && p[1] != '\0') {
				word[n++] = *++p;
			} else {
				word[n++] = *p;
			}
			in_word = 1;
		}
		if (quote != 0) {
			free(word);
			shell_words_free(words);
			return util_fail(cause, "unterminated %s quote", quote == '"' ? "double" : "single");
		}
		if (in_word) {
			xgrow(&words, &capacity, count + 2, sizeof *words);
			words[count++] = xstrndup(word, n);
			words[count] = NULL;
		}
	}
	free(word);
	if (words == NULL)
		words = xcalloc(1, sizeof *words);
	*argc = (int)count;
	*argv = words;
	return 0;
}

void shell_words_free(char **argv)
{
	char **p;

	if (argv == NULL)
		return;
	for (p = argv; *p != NULL; p++)
		free(*p);
	free(argv);
}

int shell_run_line(struct cmd_ctx *ctx, const char *line)
{
	char **argv, *cause = NULL;
	int argc, status;

	if (shell_split(line, &argc, &argv, &cause) != 0) {
		status = cmd_error(ctx, CMD_USAGE_ERROR, "%s", cause);
		free(cause);
		return status;
	}
	status = argc > 0 ? cmd_run(ctx, argc, argv) : CMD_OK;
	shell_words_free(argv);
	return status;
}

/* ------------------------------------------------------------------------------------------------
 * Completion: readline calls back without a context pointer, so the shell keeps the one it runs.
 */

static struct cmd_ctx *completion_ctx;
static enum cmd_complete completion_kind;
static const struct cmd_entry *completion_entry;	/* completing one of its options */
static const struct cmd_sub *completion_sub;		/* the subcommand named, or NULL */
static const struct cmd_sub *completion_subs;		/* completing a subcommand of this table */

static const char *candidate_at(size_t index)
{
	const struct bank_catalog *catalog = completion_ctx->app->catalog;

	switch (completion_kind) {
	case COMPLETE_COMMAND:
		return cmd_table[index] ? cmd_table[index]->name : NULL;
	case COMPLETE_BANK:
		return index < bank_count(catalog) ? bank_at(catalog, index)->name : NULL;
	case COMPLETE_QUESTION:
		return index < bank_question_total(catalog) ? bank_question_at(catalog, index)->id : NULL;
	case COMPLETE_THEME:
		return index < bank_theme_count(catalog) ? bank_theme_at(catalog, index)->id : NULL;
	case COMPLETE_STAGE:
		return index < bank_stage_count(catalog) ? bank_stage_at(catalog, index)->id : NULL;
	case COMPLETE_SUBCOMMAND:
		return completion_subs[index].name;
	default:
		return NULL;
	}
}

static char *generate(const char *text, int state)
{
	static size_t index;
	static char option[72];
	const char *candidate;

	if (state == 0)
		index = 0;
	if (completion_entry != NULL) {	/* option names */
		while (index < CMD_MAX_OPTIONS && completion_entry->options[index].name != NULL) {
			if (!cmd_takes_option(completion_entry, completion_sub, (int)index)) {
				index++;
				continue;
			}
			snprintf(option, sizeof option, "--%s", completion_entry->options[index++].name);
			if (util_starts_with(option, text))
				return xstrdup(option);
		}
		return NULL;
	}
	while ((candidate = candidate_at(index++)) != NULL)
		if (util_starts_with(candidate, text))
			return xstrdup(candidate);
	return NULL;
}

/* Decides what the word at start completes to from the words before it. */
static char **complete(const char *text, int start, int end)
{
	char *before = xstrndup(rl_line_buffer, (size_t)start), **words = NULL;
	const struct cmd_entry *entry;
	int count = 0, option;

	(void)end;
	rl_attempted_completion_over = 1;
	completion_entry = NULL;
	completion_sub = NULL;
	completion_kind = COMPLETE_NONE;
	if (shell_split(before, &count, &words, NULL) != 0 || count == 0) {
		completion_kind = count == 0 && words != NULL ? COMPLETE_COMMAND : COMPLETE_NONE;
	} else if ((entry = cmd_find(words[0], NULL)) != NULL) {
		option = util_starts_with(words[count - 1], "--") ? cmd_option_index(entry, words[count - 1] + 2) : -1;
		completion_sub = count > 1 && entry->subs ? cmd_sub_find(entry, words[1]) : NULL;
		completion_subs = entry->subs;
		if (option >= 0 && entry->options[option].value_name != NULL)
			completion_kind = entry->options[option].complete;
		else if (util_starts_with(text, "-"))
			completion_entry = entry;
		else if (count == 1 && entry->subs != NULL)
			completion_kind = COMPLETE_SUBCOMMAND;
		else
			completion_kind = completion_sub ? completion_sub->complete : entry->subs ? COMPLETE_NONE
							 : entry->complete;
	}
	free(before);
	shell_words_free(words);
	if (completion_kind == COMPLETE_FILE) {
		rl_attempted_completion_over = 0;
		return NULL;
	}
	return rl_completion_matches(text, generate);
}

/* ------------------------------------------------------------------------------------------------
 * The loop
 */

static char *history_path;

static void open_history(struct cmd_ctx *ctx)
{
	int fd;

	history_path = xasprintf("%s/%s", ctx->app->data_dir, SHELL_HISTORY_FILE);
	fd = open(history_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	stifle_history(SHELL_HISTORY_MAX);
	read_history(history_path);
}

static void remember(const char *line)
{
	if (*line == '\0')
		return;
	add_history(line);
	if (history_path != NULL && append_history(1, history_path) == 0)
		history_truncate_file(history_path, SHELL_HISTORY_MAX);
}

/* A terminal: a prompt, completion and history. Ctrl-C drops the line, Ctrl-D, SIGHUP and SIGTERM leave. */
static int run_interactive(struct cmd_ctx *ctx)
{
	int status = CMD_OK;
	char *line;

	rl_attempted_completion_function = complete;
	completion_ctx = ctx;
	open_history(ctx);
	input_hold_signals(ctx->in, 1);	/* Ctrl-C while a command runs must not kill the shell */
	while (!ctx->quit) {
		enum input_result result = input_line(ctx->in, SHELL_PROMPT, -1, INPUT_COMPLETE, &line);
		if (result == INPUT_EOF) {
			fputc('\n', ctx->out);
			break;
		}
		if (result == INPUT_INTERRUPT && input_signal(ctx->in) != SIGINT) {
			free(line);
			break;
		}
		if (result == INPUT_TOO_LONG)
			status = cmd_error(ctx, CMD_USAGE_ERROR, "a line over %s was skipped", INPUT_LINE_MAX_TEXT);
		if (result == INPUT_LINE) {
			remember(line);
			status = shell_run_line(ctx, line);
		}
		free(line);
	}
	input_hold_signals(ctx->in, 0);
	free(history_path);
	history_path = NULL;
	clear_history();
	return status;
}

/* Input from a pipe or file: one command per line, no prompt, no history, like sh reading a script.
 * Commands that read answers take the following lines from the same reader. */
static int run_script(struct cmd_ctx *ctx)
{
	int status = CMD_OK;
	char *line = NULL;
	enum input_result result;

	while (!ctx->quit && ((result = input_line(ctx->in, "", -1, 0, &line)) == INPUT_LINE ||
			      result == INPUT_TOO_LONG)) {
		if (result == INPUT_TOO_LONG)
			status = cmd_error(ctx, CMD_USAGE_ERROR, "a line over %s was skipped", INPUT_LINE_MAX_TEXT);
		else
			status = shell_run_line(ctx, line);
		free(line);
		line = NULL;
	}
	free(line);	/* what an interrupted read had */
	return status;
}

int shell_run(struct cmd_ctx *ctx)
{
	char *cause = NULL;

	ctx->in_shell = 1;
	if (app_load_catalog(ctx->app, ctx->err, &cause) != 0) {
		int status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return status;
	}
	if (!input_is_terminal(ctx->in))
		return run_script(ctx);
	fprintf(ctx->out, "rebound %s: %zu questions in %zu banks. Type 'help' for commands, Ctrl-D to leave.\n",
		REBOUND_VERSION, bank_question_total(ctx->app->catalog), bank_count(ctx->app->catalog));
	today_greet(ctx);
	return run_interactive(ctx);
}
