/* help: lists the commands, or shows one command's usage, options and description, from the table. */
#include "rebound/cmd.h"
#include "rebound/docs.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_MAN, OPT_COMPLETION };

static void list_commands(struct cmd_ctx *ctx)
{
	size_t i;

	fprintf(ctx->out, "%sCommands%s (any unique prefix works):\n", term_bold(ctx->color), term_reset(ctx->color));
	for (i = 0; cmd_table[i] != NULL; i++)
		fprintf(ctx->out, "  %-10s %s\n", cmd_table[i]->name, cmd_table[i]->help);
	fputs("\n'help COMMAND' shows a command's options. Exit status: 0 success, 1 bad input or not found,\n"
	      "2 usage error, 3 system error (data dir, database, disk).\n",
	      ctx->out);
}

static void show_command(struct cmd_ctx *ctx, const struct cmd_entry *entry)
{
	const struct cmd_option *option;
	int i;

	cmd_print_usage(entry, ctx->out);
	fprintf(ctx->out, "\n%s\n", entry->help);
	if (entry->description != NULL)
		fprintf(ctx->out, "\n%s\n", entry->description);
	if (entry->options[0].name != NULL)
		fputs("\nOptions:\n", ctx->out);
	for (i = 0; i < CMD_MAX_OPTIONS && entry->options[i].name != NULL; i++) {
		char left[64];
		option = &entry->options[i];
		snprintf(left, sizeof left, "--%s%s%s", option->name, option->value_name ? " " : "",
			 option->value_name ? option->value_name : "");
		fprintf(ctx->out, "  %-20s %s\n", left, option->help);
	}
}

static int cmd_help_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct cmd_entry *entry;
	char *cause = NULL;
	int status;

	if (args->values[OPT_MAN] != NULL || args->values[OPT_COMPLETION] != NULL) {
		if (args->argc > 0 || (args->values[OPT_MAN] != NULL && args->values[OPT_COMPLETION] != NULL))
			return cmd_error(ctx, CMD_USAGE_ERROR, "help: --man and --bash-completion stand alone");
		if (args->values[OPT_MAN] != NULL)
			docs_man_page(ctx->out);
		else
			docs_bash_completion(ctx->out);
		return CMD_OK;
	}
	if (args->argc == 0) {
		list_commands(ctx);
		return CMD_OK;
	}
	if ((entry = cmd_find(args->argv[0], &cause)) == NULL) {
		status = cmd_error(ctx, CMD_USER_ERROR, "%s", cause);
		free(cause);
		return status;
	}
	show_command(ctx, entry);
	return CMD_OK;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "[COMMAND]",
	.help = "list the commands, or show how to use one",
	.operands_max = 1,
	.complete = COMPLETE_COMMAND,
	.options = {
		[OPT_MAN] = { "man", NULL, COMPLETE_NONE, "print the manual page, rebound(1), in roff" },
		[OPT_COMPLETION] = { "bash-completion", NULL, COMPLETE_NONE, "print the bash completion script" },
	},
	.flags = CMD_ANY_CONFIG,
	.exec = cmd_help_exec,
};
