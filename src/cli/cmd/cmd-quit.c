/* quit (or exit): leaves the shell (Ctrl-D does too). */
#include "rebound/cmd.h"

static int cmd_quit_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	ctx->quit = 1;
	return CMD_OK;
}

const struct cmd_entry cmd_quit_entry = {
	.name = "quit",
	.aliases = (const char *const[]){ "exit", NULL },
	.usage = "",
	.help = "leave the shell (Ctrl-D does too)",
	.flags = CMD_ANY_CONFIG | CMD_COMMON,
	.exec = cmd_quit_exec,
};
