/* clear: clears the terminal, as Ctrl-L does in the shell; writes nothing when the output is not a
 * terminal, so a script's output holds no escape codes. */
#include "rebound/cmd.h"
#include "rebound/term.h"

#include <stdio.h>
#include <unistd.h>

static int cmd_clear_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	FILE *raw = term_raw(ctx->out);	/* the guard on a terminal lets no escape code through */

	(void)args;
	fflush(ctx->out);
	if (isatty(fileno(raw))) {
		fputs("\033[H\033[2J\033[3J", raw);	/* home, erase the screen, erase the scrollback */
		fflush(raw);
	}
	return CMD_OK;
}

const struct cmd_entry cmd_clear_entry = {
	.name = "clear",
	.aliases = (const char *const[]){ "cls", NULL },
	.usage = "",
	.help = "clear the screen (Ctrl-L does too)",
	.flags = CMD_ANY_CONFIG,
	.exec = cmd_clear_exec,
};
