/* replay: plays recorded answers with their question, ratings and coaching figures, and the transcript
 * printed line by line as the words are reached: space pauses and resumes, left and right seek 5 seconds,
 * n skips to the next, q stops. --question lists every attempt at a question first, so the change over
 * time can be heard. */
#include "rebound/audio.h"
#include "rebound/cmd.h"
#include "rebound/coaching.h"
#include "rebound/date.h"
#include "rebound/evidence.h"
#include "rebound/input.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { OPT_SESSION, OPT_QUESTION };

#define SEEK_SECONDS 5
#define TICK_MS 100
#define LINE_COLUMNS 64		/* a transcript line ends after this many characters... */
#define LINE_GAP_MS 1500	/* or at a pause this long */
#define UNSURE_WORD 0.4		/* a word heard with less confidence is shown with a '?' */

enum play_end { PLAY_NEXT, PLAY_QUIT };

struct replay {
	struct cmd_ctx *ctx;
	int status;			/* CMD_USER_ERROR once a recording could not be played */
	struct audio *audio;
	int output;
	struct speech_lists *lists;
	struct arena arena;
};

/* The transcript being played: the words printed so far and the line being gathered. */
struct caption {
	const struct store_transcript *transcript;	/* NULL: none */
	size_t next;			/* the first word not yet gathered */
	size_t line_start;		/* the first word of the line being gathered */
	size_t line_length;
};

static void print_ratings(struct replay *r, const struct store_answer *a)
{
	struct store_rating *ratings = NULL;
	size_t count = 0, i;

	if (store_rating_list(r->ctx->app->store, a->id, &r->arena, &ratings, &count, NULL) != 0 || count == 0) {
		fprintf(r->ctx->out, "not rated\n");
		return;
	}
	for (i = 0; i < count; i++)
		fprintf(r->ctx->out, "%s%s %d", i ? ", " : "", ratings[i].theme_id, ratings[i].score);
	fputc('\n', r->ctx->out);
}

static void draw(struct replay *r, long long position, long long total, int rate, int paused)
{
	char at[16], length[16];

	date_format_duration(position * 1000 / rate, at);
	date_format_duration(total * 1000 / rate, length);
	fprintf(r->ctx->out, "%s%s %s / %s  space %s · %s 5 s · n next · q stop", term_clear_line(),
		paused ? "||" : ">", at, length, paused ? "plays" : "pauses", term_utf8() ? "←/→" : "left/right");
	fflush(r->ctx->out);
}

static void caption_flush(struct replay *r, struct caption *c, int terminal)
{
	size_t i;

	if (c->next == c->line_start)
		return;
	fprintf(r->ctx->out, "%s    ", terminal ? term_clear_line() : "");
	for (i = c->line_start; i < c->next; i++)
		fprintf(r->ctx->out, "%s%s%s", i > c->line_start ? " " : "", c->transcript->words[i].word,
			c->transcript->words[i].confidence < UNSURE_WORD ? "?" : "");
	fputc('\n', r->ctx->out);
	c->line_start = c->next;
	c->line_length = 0;
}

/* Gathers the words whose start has been played, printing a line when it is long or a pause comes. */
static void caption_update(struct replay *r, struct caption *c, long long position_ms, int terminal)
{
	const struct store_transcript *t = c->transcript;

	if (t == NULL)
		return;
	while (c->next < t->word_count && t->words[c->next].start_ms <= position_ms) {
		if (c->next > c->line_start && (c->line_length >= LINE_COLUMNS ||
						t->words[c->next].start_ms - t->words[c->next - 1].end_ms >= LINE_GAP_MS))
			caption_flush(r, c, terminal);
		c->line_length += strlen(t->words[c->next].word) + 1;
		c->next++;
	}
}

/* Handles one key; returns 1 to end this recording (*end says how). */
static int on_key(struct audio_player *player, int key, int rate, int *paused, enum play_end *end)
{
	if (key == ' ') {
		*paused = !*paused;
		audio_play_pause(player, *paused);
	} else if (key == INPUT_KEY_LEFT || key == INPUT_KEY_RIGHT) {
		audio_play_seek(player, (key == INPUT_KEY_LEFT ? -1LL : 1LL) * SEEK_SECONDS * rate);
	} else if (key == 'n' || key == 'q') {
		*end = key == 'q' ? PLAY_QUIT : PLAY_NEXT;
		return 1;
	}
	return 0;
}

static enum play_end play(struct replay *r, const char *path, struct caption *caption)
{
	struct audio_player *player;
	int terminal = input_is_terminal(r->ctx->in) && term_width(r->ctx->out) > 0, paused = 0, rate, key;
	enum play_end end = PLAY_NEXT;
	long long position, total;
	char *cause = NULL;

	if ((player = audio_play_open(r->audio, path, r->output, &cause)) == NULL || audio_play_start(player, &cause) != 0) {
		r->status = cmd_error(r->ctx, CMD_USER_ERROR, "replay: %s", cause);
		free(cause);
		audio_play_close(player);
		return PLAY_NEXT;
	}
	long long last_position = -1, still_since = date_monotonic_ms();

	while (!audio_play_position(player, &position, &total, &rate)) {
		enum input_result result;
		if (position != last_position || paused) {
			last_position = position;
			still_since = date_monotonic_ms();
		} else if (date_monotonic_ms() - still_since > AUDIO_PLAY_GRACE_MS + 1000) {
			r->status = cmd_error(r->ctx, CMD_USER_ERROR,
					      "replay: playback stalled (the sound server stopped the stream)");
			break;
		}
		caption_update(r, caption, position * 1000 / rate, terminal);
		if (terminal)
			draw(r, position, total, rate, paused);
		result = input_key(r->ctx->in, date_monotonic_ms() + TICK_MS, &key);
		if (result == INPUT_INTERRUPT) {
			if (input_signal(r->ctx->in) != SIGINT)
				r->ctx->quit = 1;
			end = PLAY_QUIT;
			break;
		}
		if (result == INPUT_LINE && on_key(player, key, rate, &paused, &end))
			break;
		if (result == INPUT_EOF) {	/* nothing more to read: just listen */
			const struct timespec tick = { 0, TICK_MS * 1000000L };
			nanosleep(&tick, NULL);
		}
	}
	if (terminal)
		fputs(term_clear_line(), r->ctx->out);
	audio_play_position(player, &position, &total, &rate);
	if (end == PLAY_NEXT && position >= total)	/* played to the end: every word */
		caption_update(r, caption, position * 1000 / rate + 1000000, terminal);
	caption_flush(r, caption, 0);
	audio_play_close(player);
	return end;
}

static enum play_end replay_answer(struct replay *r, const struct store_answer *a)
{
	struct store_recording recording;
	struct store_transcript transcript;
	struct store_evidence evidence;
	struct caption caption = { 0 };
	char when[17], *path;
	enum play_end end;
	int status, heard;

	if (store_recording_get(r->ctx->app->store, a->id, &r->arena, &recording, NULL) != 1 ||
	    strstr(recording.path, "..") != NULL) {
		fprintf(r->ctx->out, "Answer %lld has no recording.\n", a->id);
		return PLAY_NEXT;
	}
	cmd_format_time(a->answered_at, when);
	fprintf(r->ctx->out, "%sAnswer %lld%s, %s (session %lld): %s\n  ", term_bold(r->ctx->color), a->id,
		term_reset(r->ctx->color), when, a->session_id, a->question_text);
	cmd_print_recording(r->ctx, "recorded", &recording);
	fputs("\n  rated: ", r->ctx->out);
	print_ratings(r, a->follow_up_of ? &(struct store_answer){ .id = a->follow_up_of } : a);
	heard = coaching_print_saved(r->ctx, "  ", a, &recording, r->lists, &r->arena, &transcript) &&
		transcript.word_count > 0;
	if (store_evidence_get(r->ctx->app->store, a->id, &r->arena, &evidence, NULL) == 1)
		evidence_print_saved(r->ctx, "  ", &evidence);
	if (heard) {
		caption.transcript = &transcript;
		fprintf(r->ctx->out, "  transcript as it plays: a machine's guess, %d%% sure; '?' marks the words it "
			"doubted\n", transcript_sure_percent(transcript.confidence));
	}
	fflush(r->ctx->out);
	path = xasprintf("%s/%s", r->ctx->app->data_dir, recording.path);
	status = r->status;
	end = play(r, path, &caption);
	free(path);
	if (r->status == status)
		fprintf(r->ctx->out, "Played answer %lld.\n", a->id);
	return end;
}

/* The answers to play, in order. Returns CMD_OK or the status of the error reported. */
static int collect(struct replay *r, const struct cmd_args *args, struct store_answer **answers, size_t *count)
{
	const char *session = args->values[OPT_SESSION], *question = args->values[OPT_QUESTION];
	char *cause = NULL;
	long long id;
	int rc, found;

	if ((args->argc > 0) + (session != NULL) + (question != NULL) != 1)
		return cmd_error(r->ctx, CMD_USAGE_ERROR, "replay: give one of ANSWER-ID, --session ID, --question ID");
	if (question != NULL) {
		rc = store_answer_list_recorded(r->ctx->app->store, question, &r->arena, answers, count, &cause);
	} else if ((id = cmd_id_arg(r->ctx, "replay", session ? "a session" : "an answer",
				    session ? session : args->argv[0])) < 0) {
		return CMD_USAGE_ERROR;
	} else if (session != NULL) {
		rc = store_answer_list(r->ctx->app->store, id, &r->arena, answers, count, &cause);
	} else {
		*answers = arena_alloc(&r->arena, sizeof **answers);
		found = store_answer_get(r->ctx->app->store, id, &r->arena, *answers, &cause);
		rc = found < 0 ? -1 : 0;
		*count = found > 0;
	}
	if (rc != 0) {
		rc = cmd_error(r->ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return rc;
	}
	return CMD_OK;
}

static size_t count_recorded(const struct store_answer *answers, size_t count)
{
	size_t i, n = 0;

	for (i = 0; i < count; i++)
		n += answers[i].mode != NULL && strcmp(answers[i].mode, "spoken") == 0;
	return n;
}

static int open_output(struct replay *r)
{
	const char *spec = app_setting(r->ctx->app, "audio.output");
	char *cause = NULL;

	if ((r->audio = audio_open(&cause)) == NULL ||
	    (r->output = audio_pick_device(r->audio, spec, 0, &cause)) < 0) {
		cmd_error(r->ctx, CMD_USER_ERROR, "replay: %s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

static int cmd_replay_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct replay r = { .ctx = ctx };
	struct store_answer *answers = NULL;
	size_t count = 0, i;
	int status;

	arena_init(&r.arena);
	if ((status = collect(&r, args, &answers, &count)) != CMD_OK)
		goto out;
	if (count_recorded(answers, count) == 0) {
		status = cmd_error(ctx, CMD_USER_ERROR, "replay: no recordings there (answers are recorded with "
				   "'interview --spoken')");
		goto out;
	}
	if (args->values[OPT_QUESTION] != NULL)
		fprintf(ctx->out, "%zu recorded attempt%s at %s, oldest first.\n", count, count == 1 ? "" : "s",
			args->values[OPT_QUESTION]);
	if (open_output(&r) != 0) {
		status = CMD_USER_ERROR;
		goto out;
	}
	r.lists = transcript_lists(ctx->app->data_dir, ctx->app->bundle_dir, NULL);
	for (i = 0; i < count; i++)
		if (strcmp(answers[i].mode, "spoken") == 0 && replay_answer(&r, &answers[i]) == PLAY_QUIT)
			break;
	status = r.status;
out:
	speech_lists_free(r.lists);
	audio_close(r.audio);
	arena_release(&r.arena);
	return status;
}

const struct cmd_entry cmd_replay_entry = {
	.name = "replay",
	.usage = "[ANSWER-ID | --session ID | --question QUESTION-ID]",
	.help = "play recorded answers with their question, ratings and speaking figures",
	.description = "Keys while playing: space pauses and resumes, left and right seek 5 seconds, n goes to\n"
		       "the next recording, q stops. --question plays every recorded attempt at a question,\n"
		       "oldest first, so you can hear how your answer changed.",
	.operands_max = 1,
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_SESSION] = { "session", "ID", COMPLETE_NONE, "every recording of session ID" },
		[OPT_QUESTION] = { "question", "QUESTION-ID", COMPLETE_QUESTION, "every recorded attempt at a question" },
	},
	.exec = cmd_replay_exec,
};
