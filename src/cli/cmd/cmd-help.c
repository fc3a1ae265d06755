/* help: lists the commands, or shows one command's (or subcommand's) usage, options and description, from
 * the tables. */
#include "rebound/cmd.h"
#include "rebound/docs.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_MAN, OPT_COMPLETION };

static int cmd_help_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct cmd_entry *entry;
	const struct cmd_sub *sub = NULL;
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
		cmd_print_commands(ctx->out, ctx->color);
		return CMD_OK;
	}
	if ((entry = cmd_find(args->argv[0], &cause)) == NULL) {
		status = cmd_error(ctx, CMD_USER_ERROR, "%s", cause);
		free(cause);
		return status;
	}
	if (args->argc == 2 && entry->subs == NULL)
		return cmd_error(ctx, CMD_USER_ERROR, "help: '%s' has no subcommands", entry->name);
	if (args->argc == 2 && (sub = cmd_sub_find(entry, args->argv[1])) == NULL)
		return cmd_error(ctx, CMD_USER_ERROR, "help: '%s' has no subcommand '%s' (see 'help %s')", entry->name,
				 args->argv[1], entry->name);
	cmd_print_help(entry, sub, ctx->out);
	return CMD_OK;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "[COMMAND [SUBCOMMAND]]",
	.help = "list the commands, or show how to use one",
	.operands_max = 2,
	.complete = COMPLETE_COMMAND,
	.options = {
		[OPT_MAN] = { "man", NULL, COMPLETE_NONE, "print the manual page, rebound(1), in roff" },
		[OPT_COMPLETION] = { "bash-completion", NULL, COMPLETE_NONE, "print the bash completion script" },
	},
	.flags = CMD_ANY_CONFIG,
	.exec = cmd_help_exec,
};
