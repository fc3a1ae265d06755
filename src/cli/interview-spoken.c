/* interview-spoken: the answerer that records spoken answers. A start tone, then the recording runs
 * against the clock, counted in captured frames (with a wall-clock guard for devices slower than the
 * clock), with a level meter and the time left redrawn in place; Enter stops it early. While it records,
 * the recogniser (when there is one) transcribes in its own thread. A stop tone, then the voice-activity
 * and pace figures and the coaching from the transcript are shown and saved with the answer. */
#include "rebound/audio.h"
#include "rebound/coaching.h"
#include "rebound/date.h"
#include "interview-internal.h"
#include "rebound/paths.h"
#include "rebound/recognizer.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TICK_MS 100		/* how often the meter redraws */
#define WALL_GUARD_MS 2000	/* a device slower than the clock still stops this long after the limit */
#define METER_CELLS 20
#define METER_FLOOR_DB -60.0
#define QUIET_NOTICE_MS 1000	/* silence after speech for this long, and the meter says when it will end */
#define TRANSCRIPT_NOTE_MS 1000	/* a transcript not ready this long after the answer gets a note */

struct interview_audio {
	struct audio *audio;
	int input, output;	/* device indexes; output -1: no tones */
	int rate;
	long long end_silence_ms;	/* audio.end_silence; 0: only the clock ends an answer */
	char *recordings_dir;	/* <data dir>/recordings */
	char *start_tone, *stop_tone;
	struct recognizer *recognizer;	/* NULL: no transcripts */
	struct speech_lists *lists;
	struct arena arena;		/* the latest answer's transcript, until the next */
};

static const char *setting(struct interview *iv, const char *key)
{
	return app_setting(iv->ctx->app, key);
}

/* Transcripts, unless turned off or not built in; a missing model or bad word list turns them off
 * with a note, and the answers are still recorded. */
static void open_recognizer(struct interview *iv, struct interview_audio *a, const char *transcripts)
{
	char *cause = NULL;

	if (!recognizer_available() || (transcripts != NULL && strcmp(transcripts, "off") == 0))
		return;
	if ((a->lists = transcript_lists(iv->ctx->app->data_dir, iv->ctx->app->bundle_dir, &cause)) == NULL ||
	    (a->recognizer = recognizer_open(NULL, &cause)) == NULL) {
		interview_say(iv, "Transcripts are off: %s.\n", cause);
		free(cause);
	}
}

int interview_spoken_open(struct interview *iv, char **cause)
{
	struct interview_audio *a = xcalloc(1, sizeof *a);
	const char *rate, *silence;
	int rc = -1;

	arena_init(&a->arena);
	rate = setting(iv, "audio.rate");
	a->rate = rate ? atoi(rate) : AUDIO_DEFAULT_RATE;
	silence = setting(iv, "audio.end_silence");
	a->end_silence_ms = silence == NULL ? 0 : strcmp(silence, "off") == 0 ? 0 : atoi(silence) * 1000LL;
	a->input = a->output = -1;
	if ((a->audio = audio_open(cause)) == NULL)
		goto out;
	if ((a->input = audio_pick_device(a->audio, setting(iv, "audio.input"), 1, cause)) < 0)
		goto out;
	a->output = audio_pick_device(a->audio, setting(iv, "audio.output"), 0, NULL);
	a->recordings_dir = xasprintf("%s/recordings", iv->ctx->app->data_dir);
	if (paths_make_private_dir(a->recordings_dir, cause) != 0)
		goto out;
	a->start_tone = xasprintf("%s/assets/start.wav", iv->ctx->app->bundle_dir);
	a->stop_tone = xasprintf("%s/assets/stop.wav", iv->ctx->app->bundle_dir);
	open_recognizer(iv, a, setting(iv, "speech.transcripts"));
	iv->audio = a;
	iv->answerer = &interview_spoken;
	rc = 0;
out:
	if (rc != 0) {
		iv->audio = a;
		interview_spoken_close(iv);
	}
	return rc;
}

void interview_spoken_close(struct interview *iv)
{
	struct interview_audio *a = iv->audio;

	if (a == NULL)
		return;
	audio_close(a->audio);
	recognizer_close(a->recognizer);
	speech_lists_free(a->lists);
	arena_release(&a->arena);
	free(a->recordings_dir);
	free(a->start_tone);
	free(a->stop_tone);
	free(a);
	iv->audio = NULL;
}

/* "recordings/s12-q3.wav" ("-f" for a follow-up), with "-2", "-3"... if a saved answer's recording has
 * that name or its compact one, "s12-q3.flac" (an answer taken again after a resume). A file no saved answer refers to (its answer was
 * never saved: a full disk, a crash) is the same answer's earlier try: it is replaced, not left behind.
 * Built from numbers only: it cannot leave the folder. */
static char *recording_name(struct interview *iv)
{
	char *name = NULL, *flac;
	int n, taken;

	for (n = 1; n < 1000; n++) {
		char *path;
		free(name);
		name = n == 1 ? xasprintf("recordings/s%lld-q%d%s.wav", iv->session.id, iv->position,
					  iv->follow_up ? "-f" : "")
			      : xasprintf("recordings/s%lld-q%d%s-%d.wav", iv->session.id, iv->position,
					  iv->follow_up ? "-f" : "", n);
		path = xasprintf("%s/%s", iv->ctx->app->data_dir, name);
		flac = xasprintf("%.*s.flac", (int)strlen(name) - 4, name);	/* what it becomes once saved */
		taken = store_recording_path_used(iv->ctx->app->store, flac, NULL) != 0;
		free(flac);
		if (!taken && (access(path, F_OK) != 0 ||
			       (store_recording_path_used(iv->ctx->app->store, name, NULL) == 0 && paths_remove_unheld(path)))) {
			free(path);
			break;
		}
		free(path);
	}
	return name;
}

static void tone(struct interview_audio *a, const char *path)
{
	if (a->output >= 0 && access(path, R_OK) == 0)
		audio_play_file(a->audio, path, a->output, NULL);
}

/* "[0:42] ● ██████······ Enter stops", redrawn in place on a terminal; once the speaker has been quiet
 * a while, "ends in 3 s unless you speak" in place of the hint, counting down to the end. */
static void draw_meter(struct interview *iv, long long left_ms, const struct audio_record_status *status)
{
	int utf8 = term_utf8(), i;
	int cells = (int)((status->level_db - METER_FLOOR_DB) / -METER_FLOOR_DB * METER_CELLS + 0.5);
	long long end_silence_ms = iv->audio->end_silence_ms;
	char clock[16];

	date_format_duration(left_ms + 999, clock);
	fprintf(iv->ctx->out, "%s[%s] %s ", term_clear_line(), clock, utf8 ? "●" : "*");
	for (i = 0; i < METER_CELLS; i++)
		fputs(i < cells ? (utf8 ? "█" : "#") : (utf8 ? "·" : "-"), iv->ctx->out);
	if (end_silence_ms > 0 && status->heard && status->quiet_ms >= QUIET_NOTICE_MS &&
	    status->quiet_ms < end_silence_ms)
		fprintf(iv->ctx->out, " quiet: ends in %lld s unless you speak",
			(end_silence_ms - status->quiet_ms + 999) / 1000);
	else
		fputs(" Enter stops", iv->ctx->out);
	fflush(iv->ctx->out);
}

/* On a pipe: a "M:SS left" line each time the time left passes a multiple of 30 s, or 10 s. */
static void plain_countdown(struct interview *iv, long long left_ms, long long *next_mark)
{
	char clock[16];

	if (left_ms > *next_mark * 1000 || *next_mark <= 0)
		return;
	date_format_duration(*next_mark * 1000, clock);
	interview_say(iv, "%s left\n", clock);
	*next_mark = *next_mark > 30 ? (*next_mark - 1) / 30 * 30 : *next_mark > 10 ? 10 : 0;
}

/* Runs the clock until the recording is done, Enter, or a signal; returns what stopped it. */
static const char *record_until_done(struct interview *iv, struct audio_recorder *recorder, int limit_seconds)
{
	const struct timespec tick = { 0, TICK_MS * 1000000L };
	long long guard = date_monotonic_ms() + limit_seconds * 1000LL + WALL_GUARD_MS;
	long long next_mark = limit_seconds > 30 ? (limit_seconds - 1) / 30 * 30 : limit_seconds > 10 ? 10 : 0;
	int terminal = input_is_terminal(iv->in) && term_width(iv->ctx->out) > 0, keys = 1;
	struct audio_record_status status;

	for (;;) {
		long long now = date_monotonic_ms(), left;
		audio_record_status(recorder, &status);
		if (status.done || now >= guard)	/* an Enter that came before the end still stops it */
			return keys && input_wait_enter(iv->in, now) == INPUT_LINE ? "enter" : "limit";
		left = limit_seconds * 1000LL - status.frames * 1000 / iv->audio->rate;
		if (terminal)
			draw_meter(iv, left, &status);
		else
			plain_countdown(iv, left, &next_mark);
		if (!keys) {
			nanosleep(&tick, NULL);
			continue;
		}
		switch (input_wait_enter(iv->in, now + TICK_MS < guard ? now + TICK_MS : guard)) {
		case INPUT_LINE:
			return "enter";
		case INPUT_INTERRUPT:
			return "interrupt";
		case INPUT_EOF:
			if (input_is_terminal(iv->in))
				return "eof";	/* Ctrl-D */
			keys = 0;		/* a script that has no more lines lets the clock run */
			break;
		case INPUT_TIMEOUT:
		case INPUT_TOO_LONG:	/* input_wait_enter reads no lines */
			break;
		}
	}
}

/* The figures, as 'session' shows them, lost frames on a line of their own, then the coaching. */
static void describe(struct interview *iv, const struct interview_take *take)
{
	struct store_recording shown = take->recording;
	struct coaching coaching = { iv->question, &take->recording, take->transcript, iv->audio->lists };

	shown.dropped_frames = 0;
	shown.unwritten_frames = 0;	/* the warning said so */
	cmd_print_recording(iv->ctx, "Recorded", &shown);
	interview_say(iv, ".\n");
	if (take->recording.dropped_frames > 0)
		interview_say(iv, "Warning: %lld frames were lost while recording (the machine was too busy).\n",
			      take->recording.dropped_frames);
	coaching_print(iv->ctx, "  ", &coaching);
	fflush(iv->ctx->out);
}

static void feed_recognizer(void *job, const int16_t *samples, size_t count)
{
	recognizer_feed(job, samples, count);
}

/* Starts transcribing the answer about to be recorded, listening too for its question's keywords and
 * talking points; NULL (with a note) when it cannot. */
static struct recognizer_job *start_transcript(struct interview *iv)
{
	struct interview_audio *a = iv->audio;
	struct recognizer_job *job;
	const char **phrases;
	size_t phrase_count;
	char *cause = NULL;

	arena_reset(&a->arena);
	if (a->recognizer == NULL)
		return NULL;
	phrases = transcript_phrases(iv->question, &a->arena, &phrase_count);
	if ((job = recognizer_start(a->recognizer, a->rate, phrases, phrase_count, &cause)) == NULL) {
		interview_say(iv, "No transcript: %s.\n", cause);
		free(cause);
	}
	return job;
}

/* Waits for the worker to decode the last moments: a note if that takes more than a moment, and a
 * signal drops the transcript rather than make the user wait (the answer is saved, then the interview
 * stops). */
static void wait_for_transcript(struct interview *iv, struct recognizer_job *job, struct interview_take *take)
{
	const struct timespec tick = { 0, TICK_MS * 1000000L };
	int key;

	if (recognizer_wait(job, date_monotonic_ms() + TRANSCRIPT_NOTE_MS))
		return;
	interview_say(iv, "Transcribing... (Ctrl-C skips it)\n");
	while (!recognizer_wait(job, date_monotonic_ms() + TICK_MS)) {
		switch (input_key(iv->in, date_monotonic_ms() + TICK_MS, &key)) {
		case INPUT_INTERRUPT:
			recognizer_cancel(job);
			take->interrupted = 1;
			return;
		case INPUT_EOF:
			nanosleep(&tick, NULL);
			break;
		default:
			break;
		}
	}
}

/* Builds the transcript into the take once the worker has it. */
static void finish_transcript(struct interview *iv, struct recognizer_job *job, struct interview_take *take)
{
	struct interview_audio *a = iv->audio;
	struct recognizer_result heard;
	struct store_transcript *t;
	char *cause = NULL;

	wait_for_transcript(iv, job, take);
	if (recognizer_finish(job, &heard, &cause) != 0) {
		interview_say(iv, "No transcript: %s.\n", cause);
		free(cause);
		return;
	}
	t = arena_alloc(&a->arena, sizeof *t);
	transcript_build(&heard, a->lists, heard.finish_ms, &a->arena, t);
	take->transcript = t;
	recognizer_result_free(&heard);
}

static void take_spoken(struct interview *iv, int limit_seconds, char *first_line, struct interview_take *take)
{
	struct interview_audio *a = iv->audio;
	struct audio_record_options options = { 0 };
	struct audio_record_result result;
	struct audio_recorder *recorder;
	struct recognizer_job *job = NULL;
	char *relative = recording_name(iv), *path, *cause = NULL, clock[16];

	(void)first_line;	/* text typed while thinking has no place in a recording */
	path = xasprintf("%s/%s", iv->ctx->app->data_dir, relative);
	date_format_duration(limit_seconds * 1000LL, clock);
	tone(a, a->start_tone);
	options.device = a->input;
	options.rate = a->rate;
	options.max_frames = (long long)limit_seconds * a->rate;
	options.end_silence_ms = a->end_silence_ms;
	options.path = path;
	if (paths_make_private_dir(a->recordings_dir, &cause) != 0) {	/* deleted while the session ran? */
		free(cause);		/* then recording says why it cannot */
		cause = NULL;
	}
	job = start_transcript(iv);
	options.tap = job != NULL ? feed_recognizer : NULL;
	options.tap_data = job;
	if ((recorder = audio_record_start(a->audio, &options, &cause)) == NULL) {
		if (job != NULL) {
			struct recognizer_result ignored;
			recognizer_finish(job, &ignored, NULL);
			recognizer_result_free(&ignored);
		}
		interview_say(iv, "Cannot record: %s. Type the answer instead.\n", cause);
		free(cause);
		free(relative);
		free(path);
		interview_typed.take(iv, limit_seconds, NULL, take);
		return;
	}
	memset(take, 0, sizeof *take);
	if (a->end_silence_ms > 0)
		interview_say(iv, "Recording for up to %s: speak now. %s or %lld s of silence ends it.\n", clock,
			      input_is_terminal(iv->in) ? "Enter" : "An empty line", a->end_silence_ms / 1000);
	else
		interview_say(iv, "Recording for up to %s: speak now. %s stops.\n", clock,
			      input_is_terminal(iv->in) ? "Enter" : "An empty line");
	take->stopped_by = record_until_done(iv, recorder, limit_seconds);
	if (input_is_terminal(iv->in) && term_width(iv->ctx->out) > 0)
		interview_say(iv, "%s", term_clear_line());
	if (audio_record_stop(recorder, &result, &cause) != 0) {
		interview_say(iv, "Warning: %s.\n", cause);
		free(cause);
	}
	take->used_ms = (result.frames + result.unwritten) * 1000 / result.rate;	/* the time taken */
	if (result.ended_by_silence && strcmp(take->stopped_by, "limit") == 0)	/* it ended by itself */
		take->stopped_by = "silence";
	/* overtime: the speaker was still talking when the clock ran out, not pausing for good */
	take->overtime = strcmp(take->stopped_by, "limit") == 0 && result.vad.spans > 0 &&
			 result.vad.duration_ms - result.vad.speech_end_ms < VAD_LONG_PAUSE_MS;
	take->has_recording = 1;
	take->recording.path = relative;
	take->recording.sample_rate = result.rate;
	take->recording.channels = 1;
	take->recording.frames = result.frames;
	take->recording.dropped_frames = result.dropped;
	take->recording.unwritten_frames = result.unwritten;
	take->recording.speaking_ms = result.vad.speaking_ms;
	take->recording.speech_start_ms = result.vad.speech_start_ms;
	take->recording.speech_end_ms = result.vad.speech_end_ms;
	take->recording.silence_ratio = result.vad.silence_ratio;
	take->recording.long_pauses = result.vad.long_pauses;
	take->recording.longest_pause_ms = result.vad.longest_pause_ms;
	take->recording.syllables = result.pace.syllables;
	take->recording.pace_wpm = result.pace.words_per_minute;
	if (job != NULL)
		recognizer_end_input(job);	/* the worker finishes while the stop tone plays */
	tone(a, a->stop_tone);
	if (job != NULL)
		finish_transcript(iv, job, take);
	describe(iv, take);
	free(path);
}

const struct interview_answerer interview_spoken = { "spoken", take_spoken };
