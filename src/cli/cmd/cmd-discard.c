/* discard: drops the last unfinished session (or the one named) from sessions and progress. */
#include "rebound/cmd.h"

#include <stdlib.h>

static int cmd_discard_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct store_session session;
	struct arena arena;
	char *cause = NULL;
	long long id = cmd_open_session_arg(ctx, "discard", args->argc ? args->argv[0] : NULL);
	int status = CMD_OK;

	if (id < 0)
		return CMD_USER_ERROR;
	arena_init(&arena);
	if (store_session_get(ctx->app->store, id, &arena, &session, &cause) != 1 ||
	    store_session_close(ctx->app->store, id, "discarded", &cause) != 0) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause ? cause : "the session went away");
		free(cause);
	} else {
		fprintf(ctx->out, "Discarded session %lld (%d of %d questions answered).\n", id, session.answered,
			session.planned_count);
	}
	arena_release(&arena);
	return status;
}

const struct cmd_entry cmd_discard_entry = {
	.name = "discard",
	.usage = "[SESSION-ID]",
	.help = "drop the last unfinished session",
	.description = "A discarded session no longer counts in 'sessions', 'progress' or question recency.\n"
		       "Its rows stay in the database ('sessions --all' lists it).",
	.operands_max = 1,
	.flags = CMD_NEEDS_CATALOG,
	.exec = cmd_discard_exec,
};
