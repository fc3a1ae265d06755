/* form: one value at a time, with the current value as the default: the prompts behind 'reject add'
 * and 'reject edit'. See form.h for how a terminal and a pipe differ. */
#include "rebound/form.h"
#include "rebound/util.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads one line; when input_line will not show the prompt (a pipe), echo says whether to print it as
 * a line first. */
static enum form_result ask(struct form *form, const char *prompt, int echo, char **line)
{
	enum input_result result;

	if (echo && !input_is_terminal(form->in)) {
		int length = (int)strlen(prompt);
		while (length > 0 && prompt[length - 1] == ' ')
			length--;
		fprintf(form->ctx->out, "%.*s\n", length, prompt);
		fflush(form->ctx->out);
	}
	result = input_line(form->in, prompt, -1, 0, line);
	if (result == INPUT_LINE)
		return FORM_OK;
	free(*line);
	*line = NULL;
	if (result == INPUT_INTERRUPT && input_signal(form->in) != SIGINT)
		form->ctx->quit = 1;
	if (result == INPUT_TOO_LONG)
		cmd_error(form->ctx, CMD_USER_ERROR, "%s: a line over %s; nothing was saved", form->command,
			  INPUT_LINE_MAX_TEXT);
	return result == INPUT_EOF ? FORM_END : FORM_STOP;
}

/* Trims spaces at both ends, in place. */
static char *trim(char *text)
{
	char *end;

	size_t skip = strspn(text, " \t");

	if (skip > 0)
		memmove(text, text + skip, strlen(text + skip) + 1);
	end = text + strlen(text);
	while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return text;
}

enum form_result form_line(struct form *form, const char *label, const char *current, form_check_fn check,
			   void *arg, char **value)
{
	const char *colon = *label && label[strlen(label) - 1] == '?' ? "" : ":";
	char *prompt = current && *current ? xasprintf("%s [%s]%s ", label, current, colon)
					   : xasprintf("%s%s ", label, colon);
	enum form_result result;
	char *line = NULL, *problem;

	*value = NULL;
	for (;;) {
		if ((result = ask(form, prompt, 1, &line)) != FORM_OK)
			break;
		trim(line);
		if (*line == '\0' && current != NULL) {
			free(line);
			line = xstrdup(current);
		} else if (strcmp(line, "-") == 0) {
			*line = '\0';
		}
		if (check == NULL || (problem = check(arg, &line)) == NULL)
			break;
		cmd_error(form->ctx, CMD_USER_ERROR, "%s: %s", form->command, problem);
		free(problem);
		free(line);
		line = NULL;
		if (!input_is_terminal(form->in)) {
			result = FORM_STOP;
			break;
		}
	}
	if (result == FORM_OK && *line == '\0') {
		free(line);
		line = NULL;
	}
	*value = line;
	free(prompt);
	return result;
}

/* What Enter keeps, before a text's prompt: its lines quoted, the first FORM_SHOWN_LINES of them. */
#define FORM_SHOWN_LINES 12
static void show_current(FILE *out, const char *current)
{
	const char *line = current, *end;
	size_t shown = 0, more = 0;

	fputs("Now:\n", out);
	for (; *line != '\0'; line = *end ? end + 1 : end) {
		end = line + strcspn(line, "\n");
		if (shown++ < FORM_SHOWN_LINES)
			fprintf(out, "  > %.*s\n", (int)(end - line), line);
		else
			more++;
	}
	if (more > 0)
		fprintf(out, "  (and %zu more line%s)\n", more, more == 1 ? "" : "s");
}

enum form_result form_text(struct form *form, const char *label, const char *current, char **value)
{
	int keep = current != NULL && *current != '\0';
	char *prompt = xasprintf("%s (%san empty line ends it):", label, keep ? "Enter keeps it, - clears it; " : "");
	char *text = xstrdup(""), *line = NULL;
	size_t length = 0;
	enum form_result result;

	if (keep)
		show_current(form->ctx->out, current);
	fprintf(form->ctx->out, "%s\n", prompt);
	while ((result = ask(form, "> ", 0, &line)) == FORM_OK && *line != '\0') {
		size_t add = strlen(line);
		text = xrealloc(text, length + add + 2);
		if (length > 0)
			text[length++] = '\n';
		memcpy(text + length, line, add + 1);
		length += add;
		free(line);
	}
	free(line);
	free(prompt);
	if (result == FORM_END && length > 0)
		result = FORM_OK;	/* the text ran to the end of the input */
	if (result == FORM_OK && length == 0 && keep) {
		free(text);
		text = xstrdup(current);
	} else if (result == FORM_OK && strcmp(text, "-") == 0) {
		*text = '\0';
	}
	*value = text;
	return result;
}

enum form_result form_confirm(struct form *form, const char *question, int *yes)
{
	char *prompt = xasprintf("%s [y/N] ", question), *line = NULL;
	enum form_result result = ask(form, prompt, 1, &line);

	*yes = result == FORM_OK && (strcmp(trim(line), "y") == 0 || strcmp(line, "yes") == 0 ||
				     strcmp(line, "Y") == 0);
	free(line);
	free(prompt);
	return result;
}

int form_abandon(struct form *form, enum form_result result)
{
	if (result == FORM_END)
		return cmd_error(form->ctx, CMD_USER_ERROR, "%s: the input ended; nothing was saved", form->command);
	if (input_is_terminal(form->in) || form->ctx->quit)
		fprintf(form->ctx->out, "\n%s: stopped; nothing was saved.\n", form->command);
	return CMD_USER_ERROR;
}
