/* rate: changes the self-ratings and note of a saved answer. */
#include "rebound/interview.h"

#include <stdlib.h>

/* Prints the answer being rated: its question, what was said and the ratings it has. */
static void show_answer(struct cmd_ctx *ctx, const struct store_answer *a, const struct store_rating *ratings,
			size_t count)
{
	size_t i;

	fprintf(ctx->out, "%sAnswer %lld%s, question %d of session %lld (%s)\n%s\n", term_bold(ctx->color), a->id,
		term_reset(ctx->color), a->position, a->session_id, a->question_id, a->question_text);
	if (a->text != NULL && *a->text != '\0') {
		const char *p = a->text;
		while (*p != '\0') {
			const char *end = p;
			while (*end != '\0' && *end != '\n')
				end++;
			fprintf(ctx->out, "  > %.*s\n", (int)(end - p), p);
			p = *end ? end + 1 : end;
		}
	}
	if (count > 0) {
		fprintf(ctx->out, "Rated:");
		for (i = 0; i < count; i++)
			fprintf(ctx->out, " %s %d%s", ratings[i].theme_id, ratings[i].score, i + 1 < count ? "," : "");
		fprintf(ctx->out, "%s%s\n", a->note ? "; note: " : "", a->note ? a->note : "");
	}
}

static int cmd_rate_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	long long id = cmd_id_arg(ctx, "rate", "an answer", args->argv[0]);
	const struct bank_question *q;
	struct store_answer answer;
	struct store_rating *ratings = NULL;
	struct bank_strings themes = { 0 };
	struct arena arena;
	size_t count = 0, i;
	char *cause = NULL;
	int found, status;

	if (id < 0)
		return CMD_USAGE_ERROR;
	arena_init(&arena);
	found = store_answer_get(ctx->app->store, id, &arena, &answer, &cause);
	if (found <= 0 || store_rating_list(ctx->app->store, id, &arena, &ratings, &count, &cause) != 0) {
		status = found == 0 ? cmd_error(ctx, CMD_USER_ERROR, "rate: no answer %lld (see 'session ID')", id)
				    : cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		goto out;
	}
	if (answer.follow_up_of != 0) {
		status = cmd_error(ctx, CMD_USER_ERROR, "rate: answer %lld is a follow-up; its ratings are on answer %lld",
				   id, answer.follow_up_of);
		goto out;
	}
	q = bank_question_find(ctx->app->catalog, answer.question_id);
	if (q != NULL) {
		themes = q->themes;
	} else {	/* the question left its bank: rate the themes it was rated on */
		themes.items = arena_alloc(&arena, (count + 1) * sizeof *themes.items);
		for (i = 0; i < count; i++)
			themes.items[themes.count++] = ratings[i].theme_id;
	}
	if (themes.count == 0) {
		status = cmd_error(ctx, CMD_USER_ERROR, "rate: question '%s' is in no bank now and has no ratings",
				   answer.question_id);
		goto out;
	}
	show_answer(ctx, &answer, ratings, count);
	status = interview_rate_answer(ctx, ctx->in, &answer, &themes);
out:
	free(cause);
	arena_release(&arena);
	return status;
}

const struct cmd_entry cmd_rate_entry = {
	.name = "rate",
	.usage = "ANSWER-ID",
	.help = "change the self-ratings and note of a saved answer",
	.description = "Shows the answer and its ratings, then asks again for a 1-5 score on each theme its\n"
		       "question trains (s skips) and a note. The new ratings replace the old ones.\n"
		       "Answer ids are shown by 'session ID'.",
	.operands_min = 1,
	.operands_max = 1,
	.flags = CMD_NEEDS_CATALOG,
	.exec = cmd_rate_exec,
};
