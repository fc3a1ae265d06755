/* themes: lists the feedback themes and interview stages, or shows one theme's rubric,
 * the feedback phrases that suggest it and the growth-plan actions for it. */
#include "rebound/cmd.h"

#include <string.h>

static void list_themes(struct cmd_ctx *ctx)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	size_t i, q, width = 5;

	for (i = 0; i < bank_theme_count(catalog); i++)
		if (strlen(bank_theme_at(catalog, i)->id) > width)
			width = strlen(bank_theme_at(catalog, i)->id);
	fprintf(ctx->out, "%s%-*s  %9s  %s%s\n", term_bold(ctx->color), (int)width, "THEME", "QUESTIONS", "TITLE",
		term_reset(ctx->color));
	for (i = 0; i < bank_theme_count(catalog); i++) {
		const struct bank_theme *theme = bank_theme_at(catalog, i);
		size_t count = 0;
		for (q = 0; q < bank_question_total(catalog); q++)
			count += (size_t)bank_question_has_theme(bank_question_at(catalog, q), theme->id);
		fprintf(ctx->out, "%-*s  %9zu  %s\n", (int)width, theme->id, count, theme->title);
	}
	fprintf(ctx->out, "\n%sSTAGE%s\n", term_bold(ctx->color), term_reset(ctx->color));
	for (i = 0; i < bank_stage_count(catalog); i++)
		fprintf(ctx->out, "%-*s  %9s  %s\n", (int)width, bank_stage_at(catalog, i)->id, "",
			bank_stage_at(catalog, i)->title);
}

static void show_theme(struct cmd_ctx *ctx, const struct bank_theme *theme)
{
	size_t i;
	int score;

	fprintf(ctx->out, "%s%s%s  %s\n%s\n\nRubric:\n", term_bold(ctx->color), theme->id, term_reset(ctx->color),
		theme->title, theme->description);
	for (score = 1; score <= 5; score++)
		if (theme->rubric[score] != NULL)
			fprintf(ctx->out, "  %d  %s\n", score, theme->rubric[score]);
	if (theme->phrases.count > 0) {
		fputs("\nFeedback that suggests it:\n  ", ctx->out);
		for (i = 0; i < theme->phrases.count; i++)
			fprintf(ctx->out, "%s\"%s\"", i ? ", " : "", theme->phrases.items[i]);
		fputc('\n', ctx->out);
	}
	if (theme->actions.count > 0)
		fputs("\nGrowth-plan actions:\n", ctx->out);
	for (i = 0; i < theme->actions.count; i++)
		fprintf(ctx->out, "  - %s\n", theme->actions.items[i]);
}

static int cmd_themes_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct bank_theme *theme;

	if (args->argc == 0) {
		list_themes(ctx);
		return CMD_OK;
	}
	if ((theme = cmd_theme_arg(ctx, args->argv[0])) == NULL)
		return CMD_USER_ERROR;
	show_theme(ctx, theme);
	return CMD_OK;
}

const struct cmd_entry cmd_themes_entry = {
	.name = "themes",
	.usage = "[THEME-ID]",
	.help = "list the feedback themes and stages, or show one theme's rubric",
	.operands_max = 1,
	.flags = CMD_NEEDS_CATALOG,
	.complete = COMPLETE_THEME,
	.exec = cmd_themes_exec,
};
