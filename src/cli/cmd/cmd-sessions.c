/* sessions: lists practice sessions, newest first: typed or spoken, what was answered, the average rating
 * and where the questions came from (last, as the widest column). */
#include "rebound/cmd.h"
#include "rebound/json.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_ALL, OPT_LAST, OPT_JSON };

/* Where the questions came from: the bank, the theme or the stage asked for, else every bank. */
static const char *from(const struct store_session *s, char *buf, size_t size)
{
	if (s->bank != NULL && s->theme != NULL)
		snprintf(buf, size, "%s, theme %s", s->bank, s->theme);
	else if (s->bank != NULL)
		snprintf(buf, size, "%s", s->bank);
	else if (s->theme != NULL)
		snprintf(buf, size, "theme %s", s->theme);
	else if (s->stage != NULL)
		snprintf(buf, size, "stage %s", s->stage);
	else
		snprintf(buf, size, "every bank");
	return buf;
}

void cmd_json_session(struct json *j, const struct store_session *s)
{
	json_int(j, "id", s->id);
	json_string(j, "started_at", s->started_at);
	json_string(j, "ended_at", s->ended_at);
	json_string(j, "kind", s->kind);
	json_string(j, "mode", s->spoken ? "spoken" : "typed");
	json_string(j, "status", s->status);
	json_int(j, "answered", s->answered);
	json_int(j, "planned", s->planned_count);
	if (s->rating_count > 0)
		json_double(j, "rating", s->rating_avg);
	else
		json_string(j, "rating", NULL);
	json_string(j, "bank", s->bank);
	json_string(j, "stage", s->stage);
	json_string(j, "theme", s->theme);
}

/* The list as JSON: {"command": "sessions", "version": 1, "sessions": [{...}, ...]}. */
static void print_json(struct cmd_ctx *ctx, const struct store_session *sessions, size_t count)
{
	struct json j;
	size_t i;

	json_begin(&j, ctx->out, "sessions", 1);
	json_array(&j, "sessions");
	for (i = 0; i < count; i++) {
		json_object(&j, NULL);
		cmd_json_session(&j, &sessions[i]);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_end(&j);
}

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
	} else if (args->values[OPT_JSON] != NULL) {
		print_json(ctx, sessions, count);
		count = 0;	/* printed */
	} else if (count == 0) {
		fprintf(ctx->out, "No sessions yet: 'interview' starts one.\n");
	} else {
		fprintf(ctx->out, "%s%5s  %-16s  %-9s  %-6s  %-10s  %8s  %6s  %s%s\n", term_bold(ctx->color), "ID",
			"STARTED", "KIND", "MODE", "STATUS", "ANSWERED", "RATING", "FROM", term_reset(ctx->color));
	}
	for (i = 0; i < count; i++) {
		const struct store_session *s = &sessions[i];
		char started[17], answered[24], rating[8] = "-", source[BANK_ID_MAX * 2 + 16];
		cmd_format_time(s->started_at, started);
		snprintf(answered, sizeof answered, "%d/%d", s->answered, s->planned_count);
		if (s->rating_count > 0)
			snprintf(rating, sizeof rating, "%.1f", s->rating_avg);
		fprintf(ctx->out, "%5lld  %-16s  %-9s  %-6s  %-10s  %8s  %6s  %s\n", s->id, started, s->kind,
			s->spoken ? "spoken" : "typed", strcmp(s->status, "open") == 0 ? "unfinished" : s->status, answered,
			rating, from(s, source, sizeof source));
	}
	arena_release(&arena);
	return status;
}

const struct cmd_entry cmd_sessions_entry = {
	.name = "sessions",
	.usage = "[--last N] [--all] [--json]",
	.help = "list practice sessions: date, kind, typed or spoken, answered, rating, bank",
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_ALL] = { "all", NULL, COMPLETE_NONE, "include discarded sessions" },
		[OPT_LAST] = { "last", "N", COMPLETE_NONE, "only the N newest sessions" },
		[OPT_JSON] = { "json", NULL, COMPLETE_NONE, "print JSON, in the stable layout the README lists" },
	},
	.exec = cmd_sessions_exec,
};
