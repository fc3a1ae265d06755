/* questions: lists questions, filtered by bank, theme, stage and difficulty. */
#include "rebound/cmd.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_BANK, OPT_THEME, OPT_STAGE, OPT_DIFFICULTY };

#define QUESTION_TEXT_MIN 30	/* columns the text needs beside the others, else it gets a line of its own */

/* One question a line: id, difficulty, themes, then the text, which a terminal folds under its own column
 * (term.h); where that column would be too narrow, the text goes on the next line instead. */
static void print_question(struct cmd_ctx *ctx, const struct bank_question *q, int id_width, int width)
{
	char themes[256] = "";
	size_t i, used = 0;
	int prefix = id_width + 2 + 1 + 2 + 34 + 2;

	for (i = 0; i < q->themes.count && used < sizeof themes; i++)
		used += (size_t)snprintf(themes + used, sizeof themes - used, "%s%s", i ? "," : "", q->themes.items[i]);
	if (width > 0 && width - prefix < QUESTION_TEXT_MIN)
		fprintf(ctx->out, "%s  %d  %s\n    %s\n", q->id, q->difficulty, themes, q->text);
	else
		fprintf(ctx->out, "%-*s  %d  %-34s  %s\n", id_width, q->id, q->difficulty, themes, q->text);
}

static int cmd_questions_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	const char *bank = args->values[OPT_BANK], *theme = args->values[OPT_THEME], *stage = args->values[OPT_STAGE];
	int min = 1, max = 5, id_width = 2, width = term_width(ctx->out);
	size_t i, shown = 0;

	if ((bank && !cmd_bank_arg(ctx, bank)) || (theme && !cmd_theme_arg(ctx, theme)) ||
	    (stage && !cmd_stage_arg(ctx, stage)))
		return CMD_USER_ERROR;
	if (args->values[OPT_DIFFICULTY] && cmd_parse_difficulty(args->values[OPT_DIFFICULTY], &min, &max) != 0)
		return cmd_error(ctx, CMD_USAGE_ERROR, "questions: --difficulty takes N or MIN-MAX within 1-5, not '%s'",
				 args->values[OPT_DIFFICULTY]);
	for (i = 0; i < bank_question_total(catalog); i++)
		if ((int)strlen(bank_question_at(catalog, i)->id) > id_width)
			id_width = (int)strlen(bank_question_at(catalog, i)->id);
	for (i = 0; i < bank_question_total(catalog); i++) {
		const struct bank_question *q = bank_question_at(catalog, i);
		if ((bank && strcmp(q->bank->name, bank) != 0) || (theme && !bank_question_has_theme(q, theme)) ||
		    (stage && !bank_question_has_stage(q, stage)) || q->difficulty < min || q->difficulty > max)
			continue;
		print_question(ctx, q, id_width, width);
		shown++;
	}
	if (shown == 0)
		return cmd_error(ctx, CMD_USER_ERROR, "no questions match");
	return CMD_OK;
}

const struct cmd_entry cmd_questions_entry = {
	.name = "questions",
	.usage = "[--bank B] [--theme T] [--stage S] [--difficulty MIN-MAX]",
	.help = "list questions: id, difficulty, themes and text",
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_BANK] = { "bank", "B", COMPLETE_BANK, "only questions from bank B" },
		[OPT_THEME] = { "theme", "T", COMPLETE_THEME, "only questions that train theme T" },
		[OPT_STAGE] = { "stage", "S", COMPLETE_STAGE, "only questions asked at stage S" },
		[OPT_DIFFICULTY] = { "difficulty", "N", COMPLETE_NONE, "only difficulty N, or MIN-MAX (1-5)" },
	},
	.exec = cmd_questions_exec,
};
