/* sessions: lists practice sessions, newest first, with what was answered and the average rating. */
#include "rebound/cmd.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_ALL, OPT_LAST };

static int cmd_sessions_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct store_session *sessions = NULL;
	struct arena arena;
	size_t count = 0, i;
	char *cause = NULL;
	int last = 0, status = CMD_OK;

	if (args->values[OPT_LAST] && cmd_int_option(ctx, "sessions", "last", args->values[OPT_LAST], 1, 1000000,
						     &last) != 0)
		return CMD_USAGE_ERROR;
	arena_init(&arena);
	if (store_session_list(ctx->app->store, args->values[OPT_ALL] != NULL, last, &arena, &sessions, &count,
			       &cause) != 0) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
	} else if (count == 0) {
		fprintf(ctx->out, "No sessions yet: 'interview' starts one.\n");
	} else {
		fprintf(ctx->out, "%s%5s  %-16s  %-9s  %-10s  %8s  %6s%s\n", term_bold(ctx->color), "ID", "STARTED",
			"KIND", "STATUS", "ANSWERED", "RATING", term_reset(ctx->color));
	}
	for (i = 0; i < count; i++) {
		const struct store_session *s = &sessions[i];
		char started[17], answered[24], rating[8] = "-";
		cmd_format_time(s->started_at, started);
		snprintf(answered, sizeof answered, "%d/%d", s->answered, s->planned_count);
		if (s->rating_count > 0)
			snprintf(rating, sizeof rating, "%.1f", s->rating_avg);
		fprintf(ctx->out, "%5lld  %-16s  %-9s  %-10s  %8s  %6s\n", s->id, started, s->kind,
			strcmp(s->status, "open") == 0 ? "unfinished" : s->status, answered, rating);
	}
	arena_release(&arena);
	return status;
}

const struct cmd_entry cmd_sessions_entry = {
	.name = "sessions",
	.usage = "[--last N] [--all]",
	.help = "list practice sessions: date, kind, questions answered, average rating",
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_ALL] = { "all", NULL, COMPLETE_NONE, "include discarded sessions" },
		[OPT_LAST] = { "last", "N", COMPLETE_NONE, "only the N newest sessions" },
	},
	.exec = cmd_sessions_exec,
};
