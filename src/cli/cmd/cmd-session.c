/* session: shows one session: its settings, then every answer with timings, text or recording (with its
 * coaching figures), ratings and note. */
#include "rebound/cmd.h"
#include "rebound/coaching.h"
#include "rebound/date.h"
#include "rebound/evidence.h"
#include "rebound/json.h"
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

enum { OPT_JSON };

static void json_evidence(struct json *j, const struct store_evidence *e)
{
	json_object(j, "evidence");
	json_string(j, "source", e->source);
	json_bool(j, "situation", e->situation);
	json_bool(j, "task", e->task);
	json_bool(j, "action", e->action);
	json_bool(j, "result", e->result);
	json_int(j, "numbers", e->numbers);
	json_int(j, "i_actions", e->i_actions);
	json_int(j, "we_actions", e->we_actions);
	json_int(j, "keywords_said", e->keywords_said);
	json_int(j, "keywords_total", e->keywords_total);
	json_int(j, "points_said", e->points_said);
	json_int(j, "points_total", e->points_total);
	json_object_end(j);
}

/* What was said, as JSON: the text, the recording's figures and the transcript, the evidence. */
static void json_body(struct cmd_ctx *ctx, struct json *j, struct arena *arena, const struct store_answer *a)
{
	struct store_recording recording;
	struct store_transcript transcript;
	struct store_evidence evidence;

	json_string(j, "text", a->text);
	if (store_recording_get(ctx->app->store, a->id, arena, &recording, NULL) == 1) {
		json_object(j, "recording");
		json_string(j, "path", recording.path);
		json_int(j, "speaking_ms", recording.speaking_ms);
		json_double(j, "silence_ratio", recording.silence_ratio);
		json_double(j, "pace_wpm", recording.pace_wpm);
		json_object_end(j);
	}
	if (store_transcript_get(ctx->app->store, a->id, arena, &transcript, NULL) == 1) {
		json_object(j, "transcript");
		json_string(j, "text", transcript.text);
		json_double(j, "confidence", transcript.confidence);
		json_object_end(j);
	}
	if (store_evidence_get(ctx->app->store, a->id, arena, &evidence, NULL) == 1)
		json_evidence(j, &evidence);
}

static void json_answer(struct cmd_ctx *ctx, struct json *j, struct arena *arena, const struct store_answer *a)
{
	struct store_rating *ratings = NULL;
	size_t count = 0, i;

	json_object(j, NULL);
	json_int(j, "id", a->id);
	json_int(j, "position", a->position);
	if (a->follow_up_of != 0)
		json_int(j, "follow_up_of", a->follow_up_of);
	json_string(j, "question_id", a->question_id);
	json_string(j, "question_text", a->question_text);
	json_string(j, "mode", a->mode);
	json_int(j, "think_limit_seconds", a->think_limit_seconds);
	json_int(j, "think_used_ms", a->think_used_ms);
	json_int(j, "answer_limit_seconds", a->answer_limit_seconds);
	json_int(j, "answer_used_ms", a->answer_used_ms);
	json_bool(j, "overtime", a->overtime);
	json_string(j, "stopped_by", a->stopped_by);
	json_body(ctx, j, arena, a);
	json_string(j, "rated_at", a->rated_at);
	json_array(j, "ratings");
	if (store_rating_list(ctx->app->store, a->id, arena, &ratings, &count, NULL) == 0)
		for (i = 0; i < count; i++) {
			json_object(j, NULL);
			json_string(j, "theme", ratings[i].theme_id);
			json_int(j, "score", ratings[i].score);
			json_object_end(j);
		}
	json_array_end(j);
	json_string(j, "note", a->note);
	json_object_end(j);
}

/* {"command": "session", "version": 1, "session": {...}, "answers": [...]}: follow-ups are answers of their
 * own, with follow_up_of. */
static void print_json(struct cmd_ctx *ctx, struct arena *arena, const struct store_session *session,
		       const struct store_answer *answers, size_t count)
{
	struct json j;
	size_t i;

	json_begin(&j, ctx->out, "session", 1);
	json_object(&j, "session");
	cmd_json_session(&j, session);
	json_object_end(&j);
	json_array(&j, "answers");
	for (i = 0; i < count; i++)
		json_answer(ctx, &j, arena, &answers[i]);
	json_array_end(&j);
	json_end(&j);
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
	if (args->values[OPT_JSON] != NULL) {
		print_json(ctx, &arena, &session, answers, count);
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
	.usage = "[--json] SESSION-ID",
	.help = "show one session: answers, timings, ratings and notes",
	.operands_min = 1,
	.operands_max = 1,
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_JSON] = { "json", NULL, COMPLETE_NONE, "print JSON, in the stable layout the README lists" },
	},
	.exec = cmd_session_exec,
};
