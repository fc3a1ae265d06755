/* resume: continues the last unfinished session (or the one named) where it stopped. */
#include "rebound/interview.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_ANSWERS };

static int resume(struct cmd_ctx *ctx, struct input *in, const void *id)
{
	return interview_resume(ctx, in, *(const long long *)id);
}

static int cmd_resume_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	long long id = cmd_open_session_arg(ctx, "resume", args->argc ? args->argv[0] : NULL);

	if (id < 0)
		return CMD_USER_ERROR;
	return cmd_with_answers(ctx, "resume", args->values[OPT_ANSWERS], resume, &id);
}

const struct cmd_entry cmd_resume_entry = {
	.name = "resume",
	.usage = "[--answers FILE] [SESSION-ID]",
	.help = "continue the last unfinished session where it stopped",
	.description = "An answer that Ctrl-C stopped is offered first: go on from it (a typed answer: its text\n"
		       "shown, the clock where it stopped), answer it again, or keep it; the new answer takes its\n"
		       "place. Answers that were saved but not rated are rated next, then the session goes on from\n"
		       "the first question without an answer, with the clock settings it started with.",
	.operands_max = 1,
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_ANSWERS] = { "answers", "FILE", COMPLETE_FILE, "read answers and ratings from FILE" },
	},
	.exec = cmd_resume_exec,
};
