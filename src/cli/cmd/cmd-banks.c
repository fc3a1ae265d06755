/* banks: lists the loaded question banks with their question counts and where they come from. */
#include "rebound/cmd.h"

#include <string.h>

static int cmd_banks_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	size_t i, width = 4;
	int verbose = args->values[0] != NULL;

	for (i = 0; i < bank_count(catalog); i++)
		if (strlen(bank_at(catalog, i)->name) > width)
			width = strlen(bank_at(catalog, i)->name);
	fprintf(ctx->out, "%s%-*s  %9s  %s%s\n", term_bold(ctx->color), (int)width, "BANK", "QUESTIONS", "TITLE",
		term_reset(ctx->color));
	for (i = 0; i < bank_count(catalog); i++) {
		const struct bank *bank = bank_at(catalog, i);
		fprintf(ctx->out, "%-*s  %9zu  %s\n", (int)width, bank->name, bank->question_count, bank->title);
		if (verbose)
			fprintf(ctx->out, "%-*s  %9s  %s%s%s\n", (int)width, "", "", term_dim(ctx->color), bank->path,
				term_reset(ctx->color));
	}
	fprintf(ctx->out, "%zu banks, %zu questions\n", bank_count(catalog), bank_question_total(catalog));
	return CMD_OK;
}

const struct cmd_entry cmd_banks_entry = {
	.name = "banks",
	.usage = "[--files]",
	.help = "list the question banks",
	.description = "Bundled banks load first, then your own from <data dir>/questions/.",
	.flags = CMD_NEEDS_CATALOG,
	.options = { { "files", NULL, COMPLETE_NONE, "show the file each bank was loaded from" } },
	.exec = cmd_banks_exec,
};
