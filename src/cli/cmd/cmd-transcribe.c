/* transcribe: (re)makes the transcript of recorded answers from their WAV files with the offline
 * recogniser, saves it in place of the old one with the evidence drawn from it (when it is clear enough)
 * and shows it with its coaching figures and that evidence. Listed only when rebound is built with
 * pocketsphinx. */
#include "rebound/audio.h"
#include "rebound/coaching.h"
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/evidence.h"
#include "rebound/recognizer.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

#define WRAP_COLUMNS 76

enum { OPT_MISSING };

struct transcriber {
	struct cmd_ctx *ctx;
	struct recognizer *recognizer;
	struct speech_lists *lists;
	struct arena arena;
};

/* Prints text in lines of at most WRAP_COLUMNS, each after indent. */
static void print_wrapped(FILE *out, const char *indent, const char *text)
{
	const char *p = text;

	while (*p != '\0') {
		size_t length = strlen(p), cut = length;
		if (length > WRAP_COLUMNS) {
			for (cut = WRAP_COLUMNS; cut > 0 && p[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = WRAP_COLUMNS;
		}
		fprintf(out, "%s%.*s\n", indent, (int)cut, p);
		p += cut;
		while (*p == ' ')
			p++;
	}
}

/* Decodes the recording at path, listening too for q's keywords and talking points (q may be NULL). */
static int decode(struct transcriber *t, const char *path, const struct bank_question *q,
		  struct recognizer_result *heard, long long *took_ms, char **cause)
{
	int16_t *samples = NULL;
	long long count, start;
	const char **phrases;
	size_t phrase_count;
	int rate, rc;

	if (audio_read_wav(path, &samples, &count, &rate, cause) != 0)
		return -1;
	phrases = transcript_phrases(q, &t->arena, &phrase_count);
	start = date_monotonic_ms();
	rc = recognizer_decode(t->recognizer, samples, (size_t)count, rate, phrases, phrase_count, heard, cause);
	*took_ms = date_monotonic_ms() - start;
	free(samples);
	return rc;
}

/* The evidence in transcript when it is clear enough to draw figures from (into *out), else NULL. */
static const struct store_evidence *heard_evidence(struct transcriber *t, const struct bank_question *q,
						   const struct store_transcript *transcript,
						   const struct store_recording *recording, struct store_evidence *out)
{
	if (transcript->word_count == 0 || transcript_withheld(transcript, recording->speaking_ms, &t->arena) != NULL)
		return NULL;
	return evidence_measure(t->ctx, q, transcript->text, "transcript", out) == 0 ? out : NULL;
}

static int transcribe_answer(struct transcriber *t, long long id)
{
	struct cmd_ctx *ctx = t->ctx;
	long long took_ms = 0;
	struct store_recording recording;
	struct store_transcript transcript;
	struct recognizer_result heard;
	struct store_answer answer;
	struct store_evidence evidence;
	const struct store_evidence *drawn;
	struct coaching coaching = { 0 };
	char *cause = NULL, *path, audio_clock[16];
	int found;

	found = store_recording_get(ctx->app->store, id, &t->arena, &recording, &cause);
	if (found <= 0) {
		found = found < 0 ? cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause)
				  : cmd_error(ctx, CMD_USER_ERROR, "transcribe: answer %lld has no recording", id);
		free(cause);
		return found;
	}
	if (store_answer_get(ctx->app->store, id, &t->arena, &answer, NULL) == 1)
		coaching.question = coaching_question(ctx, &answer);
	path = xasprintf("%s/%s", ctx->app->data_dir, recording.path);
	found = decode(t, path, coaching.question, &heard, &took_ms, &cause);
	free(path);
	if (found != 0) {
		cmd_error(ctx, CMD_USER_ERROR, "transcribe: %s", cause);
		free(cause);
		return CMD_USER_ERROR;
	}
	transcript_build(&heard, t->lists, took_ms, &t->arena, &transcript);
	recognizer_result_free(&heard);
	drawn = heard_evidence(t, coaching.question, &transcript, &recording, &evidence);
	if (store_transcript_save(ctx->app->store, id, &transcript, drawn, &cause) != 0) {
		cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return CMD_SYSTEM_ERROR;
	}
	date_format_duration(recording.sample_rate ? recording.frames * 1000 / recording.sample_rate : 0, audio_clock);
	fprintf(ctx->out, "Answer %lld: %s of audio transcribed in %.1f s: %zu words, %d%% sure (%s; a machine's "
		"guess, not a record).\n", id, audio_clock, took_ms / 1000.0, transcript.word_count,
		transcript_sure_percent(transcript.confidence), transcript.engine);
	print_wrapped(ctx->out, "  > ", transcript.word_count ? transcript.text : "(no words heard)");
	coaching.recording = &recording;
	coaching.transcript = &transcript;
	coaching.lists = t->lists;
	coaching_print(ctx, "  ", &coaching);
	if (drawn != NULL) {
		fprintf(ctx->out, "  What it holds (from the transcript, so as sure as it is):\n");
		evidence_print(ctx, "    ", coaching.question, transcript.text);
	}
	return CMD_OK;
}

/* Every recording that has no transcript yet (made before pocketsphinx was installed, or with
 * transcripts off). */
static int transcribe_missing(struct transcriber *t)
{
	struct store_answer *answers = NULL;
	struct arena arena;
	size_t count = 0, i;
	char *cause = NULL;
	int status = CMD_OK, rc;

	arena_init(&arena);
	if (store_answer_list_untranscribed(t->ctx->app->store, &arena, &answers, &count, &cause) != 0) {
		status = cmd_error(t->ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
	} else if (count == 0) {
		fprintf(t->ctx->out, "Every recording has a transcript.\n");
	}
	for (i = 0; i < count; i++)
		if ((rc = transcribe_answer(t, answers[i].id)) != CMD_OK && status == CMD_OK)
			status = rc;
	arena_release(&arena);
	return status;
}

static int cmd_transcribe_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct transcriber t = { .ctx = ctx };
	char *cause = NULL;
	int i, status = CMD_OK, rc;

	if ((args->argc > 0) == (args->values[OPT_MISSING] != NULL))
		return cmd_error(ctx, CMD_USAGE_ERROR, "transcribe: give ANSWER-ID..., or --missing");

	if ((t.lists = transcript_lists(ctx->app->data_dir, ctx->app->bundle_dir, &cause)) == NULL ||
	    (t.recognizer = recognizer_open(NULL, &cause)) == NULL) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "transcribe: %s", cause);
		free(cause);
		speech_lists_free(t.lists);
		return status;
	}
	arena_init(&t.arena);
	if (args->values[OPT_MISSING] != NULL)
		status = transcribe_missing(&t);
	for (i = 0; i < args->argc; i++) {
		long long id = cmd_id_arg(ctx, "transcribe", "an answer", args->argv[i]);
		rc = id < 0 ? CMD_USAGE_ERROR : transcribe_answer(&t, id);
		if (rc != CMD_OK && status == CMD_OK)
			status = rc;
	}
	arena_release(&t.arena);
	recognizer_close(t.recognizer);
	speech_lists_free(t.lists);
	return status;
}

const struct cmd_entry cmd_transcribe_entry = {
	.name = "transcribe",
	.usage = "ANSWER-ID... | --missing",
	.help = "transcribe recorded answers again, offline, and show their coaching figures",
	.description = "Runs the offline recogniser (pocketsphinx) over each answer's recording, replaces its\n"
		       "transcript and shows it with the figures that come from it. Recorded answers are\n"
		       "transcribed while they are recorded; use this for answers recorded before, or after\n"
		       "changing assets/fillers.txt or assets/hedges.txt. Transcripts are a machine's guess: the\n"
		       "figures from them are shown only when it was reasonably sure of its words.\n"
		       "--missing transcribes every recording that has no transcript yet.",
	.operands_max = -1,
	.options = {
		[OPT_MISSING] = { "missing", NULL, COMPLETE_NONE, "transcribe every recording that has none yet" },
	},
	.flags = CMD_NEEDS_CATALOG,
	.exec = cmd_transcribe_exec,
};
