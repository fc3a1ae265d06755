/* search: finds answers by what was heard (their transcripts, labelled with how sure the recogniser was)
 * or typed, with the matching words shown in context; words match by stem ("leading" finds "lead") and
 * every word must be there. */
#include "rebound/cmd.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_LIMIT };

#define DEFAULT_LIMIT 20
#define MAX_LIMIT 1000

static int cmd_search_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *limit_text = args->values[OPT_LIMIT];
	struct store_search_hit *hits = NULL;
	struct arena arena;
	size_t count = 0, i, size = 1;
	char *text, *cause = NULL, *end, when[17];
	long limit = DEFAULT_LIMIT;
	int status = CMD_OK;

	if (limit_text != NULL && ((limit = strtol(limit_text, &end, 10)) < 1 || limit > MAX_LIMIT || *end != '\0'))
		return cmd_error(ctx, CMD_USAGE_ERROR, "search: --limit takes a number from 1 to %d, not '%s'", MAX_LIMIT,
				 limit_text);
	for (i = 0; i < (size_t)args->argc; i++)
		size += strlen(args->argv[i]) + 1;
	text = xcalloc(size, 1);
	for (i = 0; i < (size_t)args->argc; i++)
		strcat(strcat(text, i ? " " : ""), args->argv[i]);
	arena_init(&arena);
	if (store_search(ctx->app->store, text, (int)limit, &arena, &hits, &count, &cause) != 0) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
	} else if (count == 0) {
		fprintf(ctx->out, "No answer matches \"%s\".\n", text);
	} else {
		fprintf(ctx->out, "%zu answer%s match%s \"%s\"%s:\n", count, count == 1 ? "" : "s",
			count == 1 ? "es" : "", text, count == (size_t)limit ? " (the best; --limit shows more)" : "");
		for (i = 0; i < count; i++) {
			cmd_format_time(hits[i].answered_at, when);
			fprintf(ctx->out, "  answer %lld · session %lld · %s · ", hits[i].answer_id, hits[i].session_id, when);
			if (hits[i].confidence >= 0)
				fprintf(ctx->out, "heard (transcript, %d%% sure)",
					transcript_sure_percent(hits[i].confidence));
			else
				fputs("typed", ctx->out);
			fprintf(ctx->out, " · %s\n    %s\n", hits[i].question_id, hits[i].snippet);
		}
	}
	free(text);
	arena_release(&arena);
	return status;
}

const struct cmd_entry cmd_search_entry = {
	.name = "search",
	.usage = "[--limit N] WORD...",
	.help = "find answers by what you said or typed in them",
	.description = "Searches the transcripts of recorded answers and the text of typed ones for answers that\n"
		       "contain every word (by stem: 'leading' also finds 'lead'), best match first, with the\n"
		       "words found shown in [brackets]. Transcripts are a machine's guess: a word you said may\n"
		       "have been heard as another.",
	.operands_min = 1,
	.operands_max = -1,
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_LIMIT] = { "limit", "N", COMPLETE_NONE, "show at most N answers (default 20)" },
	},
	.exec = cmd_search_exec,
};
