/* show: prints one question in full: text, themes, stages, times, talking points, tips, follow-ups. */
#include "rebound/cmd.h"

static void print_inline(struct cmd_ctx *ctx, const char *label, const struct bank_strings *list)
{
	size_t i;

	if (list->count == 0)
		return;
	fprintf(ctx->out, "%-10s ", label);
	for (i = 0; i < list->count; i++)
		fprintf(ctx->out, "%s%s", i ? ", " : "", list->items[i]);
	fputc('\n', ctx->out);
}

static void print_bullets(struct cmd_ctx *ctx, const char *label, const struct bank_strings *list)
{
	size_t i;

	if (list->count == 0)
		return;
	fprintf(ctx->out, "%s:\n", label);
	for (i = 0; i < list->count; i++)
		fprintf(ctx->out, "  - %s\n", list->items[i]);
}

static int cmd_show_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct bank_question *q = cmd_question_arg(ctx, args->argv[0]);
	size_t i;

	if (q == NULL)
		return CMD_USER_ERROR;
	fprintf(ctx->out, "%s%s%s  (%s, difficulty %d of 5)\n", term_bold(ctx->color), q->id, term_reset(ctx->color),
		q->bank->name, q->difficulty);
	fprintf(ctx->out, "%s\n\n", q->text);
	fprintf(ctx->out, "%-10s ", "Themes:");
	for (i = 0; i < q->themes.count; i++) {
		const struct bank_theme *theme = bank_theme_find(ctx->app->catalog, q->themes.items[i]);
		fprintf(ctx->out, "%s%s (%s)", i ? ", " : "", theme->id, theme->title);
	}
	fputc('\n', ctx->out);
	print_inline(ctx, "Stages:", &q->stages);
	fprintf(ctx->out, "%-10s %d s to think, %d s to answer\n", "Time:", q->think_seconds, q->answer_seconds);
	print_inline(ctx, "Keywords:", &q->keywords);
	print_bullets(ctx, "Talking points", &q->talking_points);
	print_bullets(ctx, "Tips", &q->tips);
	print_bullets(ctx, "Follow-ups", &q->follow_ups);
	return CMD_OK;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "QUESTION-ID",
	.help = "show a question with its themes, talking points and tips",
	.operands_min = 1,
	.operands_max = 1,
	.flags = CMD_NEEDS_CATALOG,
	.complete = COMPLETE_QUESTION,
	.exec = cmd_show_exec,
};
