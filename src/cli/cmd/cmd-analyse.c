/* analyse: the evidence rebound shows before a self-rating, for any text: an answer written out before an
 * interview, or one pasted from elsewhere; --json gives the figures to scripts. */
#include "rebound/cmd.h"
#include "rebound/evidence.h"
#include "rebound/export.h"
#include "rebound/input.h"
#include "rebound/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OPT_QUESTION, OPT_JSON };

/* Standard input, at most INPUT_LINE_MAX bytes: NULL with *cause when more or unreadable. */
static char *read_stdin(char **cause)
{
	size_t len = 0, room = 0;
	char *text = NULL;
	ssize_t n;

	for (;;) {
		xgrow(&text, &room, len + 65536 + 1, 1);
		if ((n = read(STDIN_FILENO, text + len, room - len - 1)) < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len > INPUT_LINE_MAX) {
			free(text);
			util_fail(cause, "the answer on standard input is over %s", INPUT_LINE_MAX_TEXT);
			return NULL;
		}
	}
	if (n < 0) {
		free(text);
		util_fail(cause, "cannot read standard input: %s", strerror(errno));
		return NULL;
	}
	text[len] = '\0';
	return text;
}

static void json_list(FILE *out, const char *name, const char *const *items, size_t count)
{
	size_t i;

	fprintf(out, "\"%s\": [", name);
	for (i = 0; i < count; i++) {
		fputs(i ? ", " : "", out);
		export_json_string(out, items[i]);
	}
	fputc(']', out);
}

static void json_coverage(FILE *out, const char *name, const struct speech_coverage *c)
{
	fprintf(out, "  \"%s\": {", name);
	json_list(out, "said", c->said, c->said_count);
	fputs(", ", out);
	json_list(out, "missed", c->missed, c->missed_count);
	fputs("},\n", out);
}

static void json_sentences(FILE *out, const struct analysis *a, const char *text)
{
	size_t s;
	int p;

	fputs("  \"sentences\": [", out);
	for (s = 0; s < a->sentences; s++) {
		char *copy = xstrndup(text + a->sentence[s].start, a->sentence[s].length);
		const char *names[ANALYSIS_PART_COUNT];
		size_t n = 0;
		for (p = 0; p < ANALYSIS_PART_COUNT; p++)
			if (a->sentence[s].parts & ANALYSIS_PART_BIT(p))
				names[n++] = analysis_part_name(p);
		fprintf(out, "%s\n    {\"text\": ", s ? "," : "");
		export_json_string(out, copy);
		fputs(", ", out);
		json_list(out, "parts", names, n);
		fputc('}', out);
		free(copy);
	}
	fputs(a->sentences ? "\n  ],\n" : "],\n", out);
}

/* The figures as one JSON object (the README documents each field). */
static void print_json(FILE *out, const struct analysis *a, const struct analysis_question *q, const char *text)
{
	int p;

	fprintf(out, "{\n  \"format\": \"rebound-analysis\",\n  \"version\": 1,\n  \"story\": %s,\n",
		q->story ? "true" : "false");
	fprintf(out, "  \"words\": %zu,\n  \"sentence_count\": %zu,\n  \"parts\": {", a->words, a->sentences);
	for (p = 0; p < ANALYSIS_PART_COUNT; p++)
		fprintf(out, "%s\"%s\": %s", p ? ", " : "", analysis_part_name(p),
			(a->parts & ANALYSIS_PART_BIT(p)) ? "true" : "false");
	fprintf(out, "},\n  \"in_order\": %s,\n  \"ends_at_action\": %s,\n  \"generic\": %s,\n",
		a->in_order ? "true" : "false", a->ends_at_action ? "true" : "false", a->generic ? "true" : "false");
	fprintf(out, "  \"leads_with_point\": %s,\n", q->story ? "null" : a->leads_with_point ? "true" : "false");
	fprintf(out, "  \"numbers\": %d,\n  \"dates\": %d,\n  \"i_actions\": %d,\n  \"we_actions\": %d,\n", a->numbers,
		a->dates, a->i_actions, a->we_actions);
	fprintf(out, "  \"words_per_sentence\": %.1f,\n  \"spoken_seconds\": %lld,\n", a->words_per_sentence,
		a->spoken_ms / 1000);
	fprintf(out, "  \"fillers\": %d,\n  \"hedges\": %d,\n", a->speech.fillers, a->speech.hedges);
	json_coverage(out, "keywords", &a->keywords);
	json_coverage(out, "talking_points", &a->points);
	json_sentences(out, a, text);
	fprintf(out, "  \"last_action_sentence\": %d\n}\n", a->last_action);
}

static int cmd_analyse_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct bank_question *q = NULL;
	const char *path = args->argc > 0 ? args->argv[0] : "-";
	char *text, *cause = NULL;
	size_t len;

	if (args->values[OPT_QUESTION] != NULL && (q = cmd_question_arg(ctx, args->values[OPT_QUESTION])) == NULL)
		return CMD_USER_ERROR;
	text = strcmp(path, "-") == 0 ? read_stdin(&cause) : util_read_file(path, INPUT_LINE_MAX, &len, NULL, &cause);
	if (text == NULL) {
		int status = cmd_error(ctx, CMD_USER_ERROR, "analyse: %s", cause);
		free(cause);
		return status;
	}
	if (args->values[OPT_JSON] != NULL) {
		struct analysis_question question;
		struct analysis a;
		struct arena arena;
		int rc;
		arena_init(&arena);
		if ((rc = evidence_analyse(ctx, q, text, &arena, &question, &a, &cause)) == 0)
			print_json(ctx->out, &a, &question, text);
		arena_release(&arena);
		if (rc != 0) {
			int status = cmd_error(ctx, CMD_SYSTEM_ERROR, "analyse: %s", cause);
			free(cause);
			free(text);
			return status;
		}
	} else if (evidence_print(ctx, "", q, text) != 0) {
		free(text);
		return CMD_SYSTEM_ERROR;
	}
	free(text);
	return CMD_OK;
}

const struct cmd_entry cmd_analyse_entry = {
	.name = "analyse",
	.usage = "[--question ID] [--json] [FILE | -]",
	.help = "the evidence in an answer: the parts of its story, specifics, coverage, length",
	.description = "Reads an answer from FILE (or standard input) and prints what rebound shows before a\n"
		       "self-rating: which parts of a STAR story it has (situation, task, action, result),\n"
		       "numbers and dates, \"I\" against \"we\", the question's keywords and talking points it\n"
		       "touched, its length and its fillers and hedges. Without --question it is read as a story.\n"
		       "--json prints the figures as one object (the README lists its fields).",
	.operands_min = 0,
	.operands_max = 1,
	.flags = CMD_NEEDS_CATALOG,
	.complete = COMPLETE_FILE,
	.options = {
		{ "question", "ID", COMPLETE_QUESTION, "judge it as an answer to this question" },
		{ "json", NULL, COMPLETE_NONE, "print the figures as JSON" },
	},
	.exec = cmd_analyse_exec,
};
