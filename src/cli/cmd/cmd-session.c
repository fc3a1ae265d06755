/* session: shows one session: its settings, then every answer with timings, text or recording (with its
 * coaching figures), ratings and note. */
#include "rebound/cmd.h"
#include "rebound/coaching.h"
#include "rebound/date.h"
#include "rebound/evidence.h"
#include "rebound/transcript.h"

#include <stdlib.h>
#include <string.h>

static void print_text(FILE *out, const char *indent, const char *text)
{
	const char *p = text;

	if (text == NULL || *text == '\0') {
		fprintf(out, "%s(nothing typed)\n", indent);
		return;
	}
	while (*p != '\0') {
		const char *end = strchr(p, '\n');
		size_t length = end ? (size_t)(end - p) : strlen(p);
		fprintf(out, "%s> %.*s\n", indent, (int)length, p);
		p += length + (end != NULL);
	}
}

static void print_timing(FILE *out, const char *indent, const struct store_answer *a)
{
	char think[16], think_limit[16], used[16], limit[16];

	date_format_duration(a->answer_used_ms, used);
	date_format_duration(a->answer_limit_seconds * 1000LL, limit);
	fprintf(out, "%s", indent);
	if (a->think_limit_seconds > 0) {
		date_format_duration(a->think_used_ms, think);
		date_format_duration(a->think_limit_seconds * 1000LL, think_limit);
		fprintf(out, "think %s of %s · ", think, think_limit);
	}
	fprintf(out, "answer %s of %s · %s%s\n", used, limit,
		a->overtime ? "stopped by the clock (overtime)" :
		a->stopped_by && strcmp(a->stopped_by, "interrupt") == 0 ? "cut short" :
		a->stopped_by && strcmp(a->stopped_by, "silence") == 0 ? "ended by the silence after it" : "submitted",
		a->mode && strcmp(a->mode, "typed") ? " · spoken" : "");
}

/* What was said: the typed text, or the recording's figures and coaching. */
static void print_body(struct cmd_ctx *ctx, struct arena *arena, const struct speech_lists *lists,
		       const struct store_answer *a)
{
	struct store_recording recording;
	struct store_transcript transcript;
	struct store_evidence evidence;

	if (a->mode != NULL && strcmp(a->mode, "spoken") == 0 &&
	    store_recording_get(ctx->app->store, a->id, arena, &recording, NULL) == 1) {
		fputs("   ", ctx->out);
		cmd_print_recording(ctx, "recorded", &recording);
		fprintf(ctx->out, " ('replay %lld')\n", a->id);
		coaching_print_saved(ctx, "     ", a, &recording, lists, arena, &transcript);
	} else {
		print_text(ctx->out, "   ", a->text);
	}
	if (store_evidence_get(ctx->app->store, a->id, arena, &evidence, NULL) == 1)
		evidence_print_saved(ctx, "   ", &evidence);
}

static int print_ratings(struct cmd_ctx *ctx, struct arena *arena, const struct store_answer *a)
{
	struct store_rating *ratings = NULL;
	size_t count = 0, i;
	char *cause = NULL;

	if (store_rating_list(ctx->app->store, a->id, arena, &ratings, &count, &cause) != 0) {
		cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return -1;
	}
	if (a->rated_at == NULL) {
		fprintf(ctx->out, "   not rated yet ('rate %lld')\n", a->id);
	} else {
		fprintf(ctx->out, "   rated:");
		for (i = 0; i < count; i++)
			fprintf(ctx->out, " %s %d%s", ratings[i].theme_id, ratings[i].score, i + 1 < count ? "," : "");
		fprintf(ctx->out, "%s\n", count == 0 ? " every theme skipped" : "");
	}
	if (a->note != NULL)
		fprintf(ctx->out, "   note: %s\n", a->note);
	return 0;
}

static void print_header(struct cmd_ctx *ctx, const struct store_session *s)
{
	char started[17], ended[17];

	cmd_format_time(s->started_at, started);
	fprintf(ctx->out, "%sSession %lld%s · %s · %s\n", term_bold(ctx->color), s->id, term_reset(ctx->color),
		s->kind, strcmp(s->status, "open") == 0 ? "unfinished" : s->status);
	fprintf(ctx->out, "started %s", started);
	if (s->ended_at != NULL) {
		cmd_format_time(s->ended_at, ended);
		fprintf(ctx->out, ", ended %s", ended);
	}
	fprintf(ctx->out, " · %d of %d answered", s->answered, s->planned_count);
	if (s->rating_count > 0)
		fprintf(ctx->out, " · average rating %.1f", s->rating_avg);
	fprintf(ctx->out, "\n");
	if (s->bank || s->stage || s->theme)
		fprintf(ctx->out, "filters:%s%s%s%s%s%s\n", s->bank ? " bank " : "", s->bank ? s->bank : "",
			s->stage ? " stage " : "", s->stage ? s->stage : "", s->theme ? " theme " : "",
			s->theme ? s->theme : "");
}

static int cmd_session_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	long long id = cmd_id_arg(ctx, "session", "a session", args->argv[0]);
	struct store_session session;
	struct store_answer *answers = NULL;
	struct arena arena;
	size_t count = 0, i;
	char *cause = NULL;
	struct speech_lists *lists = NULL;
	int found, status = CMD_OK;

	if (id < 0)
		return CMD_USAGE_ERROR;
	arena_init(&arena);
	found = store_session_get(ctx->app->store, id, &arena, &session, &cause);
	if (found <= 0 || store_answer_list(ctx->app->store, id, &arena, &answers, &count, &cause) != 0) {
		status = found == 0 ? cmd_error(ctx, CMD_USER_ERROR, "session: no session %lld (see 'sessions')", id)
				    : cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		goto out;
	}
	print_header(ctx, &session);
	/* without them, the counts saved with each transcript */
	lists = transcript_lists(ctx->app->data_dir, ctx->app->bundle_dir, NULL);
	for (i = 0; i < count && status == CMD_OK; i++) {
		const struct store_answer *a = &answers[i];
		fprintf(ctx->out, "\n%s%d. %s%s (answer %lld)\n   %s\n", term_bold(ctx->color), a->position,
			a->question_id, term_reset(ctx->color), a->id, a->question_text);
		print_timing(ctx->out, "   ", a);
		print_body(ctx, &arena, lists, a);
		while (i + 1 < count && answers[i + 1].follow_up_of != 0) {	/* listed right after their answer */
			const struct store_answer *f = &answers[++i];
			fprintf(ctx->out, "   follow-up (answer %lld): %s\n", f->id, f->question_text);
			print_timing(ctx->out, "   ", f);
			print_body(ctx, &arena, lists, f);
		}
		if (print_ratings(ctx, &arena, a) != 0)
			status = CMD_SYSTEM_ERROR;
	}
	if (count == 0)
		fprintf(ctx->out, "No answers yet.\n");
out:
	free(cause);
	speech_lists_free(lists);
	arena_release(&arena);
	return status;
}

const struct cmd_entry cmd_session_entry = {
	.name = "session",
	.usage = "SESSION-ID",
	.help = "show one session: answers, timings, ratings and notes",
	.operands_min = 1,
	.operands_max = 1,
	.flags = CMD_NEEDS_CATALOG,
	.exec = cmd_session_exec,
};
