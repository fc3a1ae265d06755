/* recognizer: pocketsphinx behind a worker thread (see recognizer.h). The feeder appends copied blocks to
 * a queue under a mutex; the worker takes them, runs them through the decoder 10 ms at a time and ends
 * the utterance at a pause once it is long enough, collecting each utterance's words with their times
 * (pocketsphinx counts frames from the start of the stream, so they need no offset) and posterior
 * probabilities. When the job has phrases to listen for, a second decoder (spotter.c) takes the same
 * frames and utterances. Built only when CMake finds pocketsphinx (recognizer-none.c otherwise). */
#include "rebound/recognizer.h"
#include "spotter.h"
#include "rebound/date.h"
#include "rebound/util.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pocketsphinx.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/feat.h>

#ifndef REBOUND_SPEECH_MODEL	/* both come from CMake, from pocketsphinx's pkg-config file */
#define REBOUND_SPEECH_MODEL "/usr/share/pocketsphinx/model/en-us"
#endif
#ifndef REBOUND_POCKETSPHINX_VERSION
#define REBOUND_POCKETSPHINX_VERSION "(unknown version)"
#endif

#define FRAMES_PER_SECOND 100
#define QUIET_FLOOR_DB (-55.0)	/* quieter than this is a pause whatever the room */
#define QUIET_MARGIN_DB 12.0	/* and so is anything this close to the room's noise */
#define LEVEL_BINS 101		/* frame levels in 1 dB bins, -100..0 dBFS, for the noise floor */

struct recognizer {
	char *model_dir;
	cmd_ln_t *config;
	ps_decoder_t *decoder;
	int rate;			/* the decoder was set up for this rate (0: not loaded) */
	char samprate[16], nfft[16], upperf[16];	/* its arguments, for the spotter */
	mfcc_t *cmn_start;		/* the cepstral mean as loaded (NULL if the model has none) */
	ps_decoder_t *spotter;		/* loaded by the first job with phrases, at the same rate */
	mfcc_t *spot_cmn_start;
};

struct block {
	struct block *next;
	size_t count;
	int16_t samples[];
};

struct recognizer_job {
	struct recognizer *recognizer;
	int rate;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;		/* the worker: blocks came, or the input ended */
	pthread_cond_t ended;		/* the waiter: the worker has ended */
	struct block *head, *tail;	/* queued by the feeder */
	int fed_all;			/* recognizer_end_input was called */
	int done;			/* the worker has ended */
	long long input_ended_ms;	/* when recognizer_end_input was first called */
	atomic_int cancelled;
	/* the worker's own */
	int16_t *frame;
	size_t frame_len, frame_fill;
	long long samples, utterance_start;
	int in_utterance, quiet_frames;
	long long levels[LEVEL_BINS], level_count;
	struct recognizer_phrase *phrases;
	size_t phrase_count;
	int spotting;			/* the spotter is listening for them */
	struct recognizer_word *words;
	size_t count, cap;
	double confidence_sum;
	char *error;
};

int recognizer_available(void)
{
	return 1;
}

const char *recognizer_engine(void)
{
	return "pocketsphinx " REBOUND_POCKETSPHINX_VERSION ", en-us model";
}

struct recognizer *recognizer_open(const char *model_dir, char **cause)
{
	static const char *const parts[] = { "en-us/mdef", "en-us.lm.bin", "cmudict-en-us.dict" };
	struct recognizer *r;
	size_t i;

	if (model_dir == NULL)
		model_dir = REBOUND_SPEECH_MODEL;
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		char *path = xasprintf("%s/%s", model_dir, parts[i]);
		int missing = access(path, R_OK) != 0;
		free(path);
		if (missing) {
			util_fail(cause, "the speech model is missing from '%s' (install pocketsphinx-en-us)", model_dir);
			return NULL;
		}
	}
	r = xcalloc(1, sizeof *r);
	r->model_dir = xstrdup(model_dir);
	return r;
}

static void unload(struct recognizer *r)
{
	if (r->decoder != NULL)
		ps_free(r->decoder);
	if (r->spotter != NULL)
		ps_free(r->spotter);
	if (r->config != NULL)
		cmd_ln_free_r(r->config);
	free(r->cmn_start);
	free(r->spot_cmn_start);
	r->decoder = r->spotter = NULL;
	r->config = NULL;
	r->cmn_start = r->spot_cmn_start = NULL;
	r->rate = 0;
}

/* A decoder adapts its cepstral mean to the voice it hears, utterance by utterance. Each answer starts
 * from the mean the model was loaded with, so that its transcript does not depend on the answers decoded
 * before it (and 'transcribe' gives what the interview gave). */
static mfcc_t *save_cmn(ps_decoder_t *ps)
{
	feat_t *feat = ps_get_feat(ps);
	mfcc_t *mean;

	if (feat == NULL || feat->cmn_struct == NULL)
		return NULL;
	mean = xcalloc((size_t)feat_cepsize(feat), sizeof *mean);
	cmn_live_get(feat->cmn_struct, mean);
	return mean;
}

static void restore_cmn(ps_decoder_t *ps, const mfcc_t *mean)
{
	feat_t *feat = ps_get_feat(ps);

	if (mean != NULL && feat != NULL && feat->cmn_struct != NULL)
		cmn_live_set(feat->cmn_struct, mean);
}

void recognizer_close(struct recognizer *r)
{
	if (r == NULL)
		return;
	unload(r);
	free(r->model_dir);
	free(r);
}

/* Sets the decoder up for rate: the model is for 16 kHz, but its features are computed over the mel
 * bands up to 6.8 kHz, so a higher rate needs only a longer FFT. */
static int load(struct recognizer *r, int rate, char **cause)
{
	char hmm[4096], lm[4096], dict[4096];
	int fft = 256;

	if (r->decoder != NULL && r->rate == rate)
		return 0;
	unload(r);
	while (fft < rate * 0.025625)
		fft *= 2;
	snprintf(hmm, sizeof hmm, "%s/en-us", r->model_dir);
	snprintf(lm, sizeof lm, "%s/en-us.lm.bin", r->model_dir);
	snprintf(dict, sizeof dict, "%s/cmudict-en-us.dict", r->model_dir);
	snprintf(r->samprate, sizeof r->samprate, "%d", rate);
	snprintf(r->nfft, sizeof r->nfft, "%d", fft);
	snprintf(r->upperf, sizeof r->upperf, "%d", 6800);
	r->config = cmd_ln_init(NULL, ps_args(), TRUE, "-hmm", hmm, "-lm", lm, "-dict", dict, "-samprate", r->samprate,
				"-nfft", r->nfft, "-upperf", r->upperf, "-remove_silence", "no", "-bestpath", "yes",
				"-logfn", "/dev/null", NULL);
	if (r->config != NULL)
		r->decoder = ps_init(r->config);
	if (r->decoder == NULL) {
		unload(r);
		return util_fail(cause, "cannot load the speech model from '%s'", r->model_dir);
	}
	r->rate = rate;
	r->cmn_start = save_cmn(r->decoder);
	return 0;
}

/* Sets the spotter up for the job's phrases (loading it the first time); spotting stays off if it
 * cannot be, and the phrases are then marked as not listened for. */
static void start_spotting(struct recognizer_job *job)
{
	struct recognizer *r = job->recognizer;
	size_t i;

	if (job->phrase_count == 0)
		return;
	if (r->spotter == NULL && (r->spotter = spotter_load(r->model_dir, r->samprate, r->nfft, r->upperf)) != NULL)
		r->spot_cmn_start = save_cmn(r->spotter);
	if (r->spotter != NULL && spotter_prepare(r->spotter, job->phrases, job->phrase_count) > 0) {
		restore_cmn(r->spotter, r->spot_cmn_start);
		ps_start_stream(r->spotter);	/* its frames too count from the start of the answer */
		job->spotting = 1;
		return;
	}
	for (i = 0; i < job->phrase_count; i++)
		job->phrases[i].listened = 0;
}

/* Stops spotting after a failure: what it found so far is kept, but nothing is claimed as listened for. */
static void spotting_failed(struct recognizer_job *job)
{
	size_t i;

	job->spotting = 0;
	for (i = 0; i < job->phrase_count; i++)
		job->phrases[i].listened = job->phrases[i].detected;
}

/* ------------------------------------------------------------------------------------------------
 * The worker
 */

static void add_word(struct recognizer_job *job, const char *text, long long start_ms, long long end_ms,
		     double confidence)
{
	struct recognizer_word *w;
	size_t len = strcspn(text, "(");	/* "read(2)": the second pronunciation of "read" */
	size_t i;

	xgrow(&job->words, &job->cap, job->count + 1, sizeof *job->words);
	w = &job->words[job->count++];
	w->text = xmalloc(len + 1);
	for (i = 0; i < len; i++)
		w->text[i] = (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] - 'A' + 'a' : text[i]);
	w->text[len] = '\0';
	w->start_ms = start_ms;
	w->end_ms = end_ms;
	w->confidence = confidence < 0 ? 0 : confidence > 1 ? 1 : confidence;
	job->confidence_sum += w->confidence;
}

/* Remembers the first failure; nothing more is decoded after it. */
static void decode_failed(struct recognizer_job *job)
{
	if (job->error == NULL)
		job->error = xstrdup("the recogniser could not decode the recording");
}

/* Ends the utterance and keeps its words, leaving out silences, noises and sentence marks. */
static void end_utterance(struct recognizer_job *job)
{
	ps_decoder_t *ps = job->recognizer->decoder;
	ps_seg_t *seg;
	int32 score;

	if (!job->in_utterance)
		return;
	job->in_utterance = 0;
	if (job->spotting) {
		ps_decoder_t *spotter = job->recognizer->spotter;
		if (ps_end_utt(spotter) < 0)
			spotting_failed(job);
		else
			spotter_collect(spotter, job->phrases, job->phrase_count);
	}
	if (ps_end_utt(ps) < 0) {
		decode_failed(job);
		return;
	}
	if (ps_get_hyp(ps, &score) == NULL)
		return;
	for (seg = ps_seg_iter(ps); seg != NULL; seg = ps_seg_next(seg)) {
		const char *word = ps_seg_word(seg);
		int32 acoustic, language, backoff;
		int start, end;
		if (word[0] == '<' || word[0] == '[')
			continue;
		ps_seg_frames(seg, &start, &end);
		add_word(job, word, start * 1000LL / FRAMES_PER_SECOND, (end + 1) * 1000LL / FRAMES_PER_SECOND,
			 logmath_exp(ps_get_logmath(ps), ps_seg_prob(seg, &acoustic, &language, &backoff)));
	}
}

/* 1 if the frame just completed is quiet: under the floor, or near the room's noise (the 10th
 * percentile of the frame levels so far). */
static int quiet_frame(struct recognizer_job *job)
{
	double energy = 0, db;
	long long rank, seen = 0;
	int bin;
	size_t i;

	for (i = 0; i < job->frame_len; i++)
		energy += (double)job->frame[i] * job->frame[i];
	energy /= (double)job->frame_len * 32768.0 * 32768.0;
	db = energy > 1e-10 ? 10 * log10(energy) : -100;
	bin = (int)lround(db) + 100;
	job->levels[bin < 0 ? 0 : bin >= LEVEL_BINS ? LEVEL_BINS - 1 : bin]++;
	rank = ++job->level_count / 10 + 1;
	for (bin = 0; bin < LEVEL_BINS; bin++)
		if ((seen += job->levels[bin]) >= rank)
			break;
	return db < QUIET_FLOOR_DB || db < bin - 100 + QUIET_MARGIN_DB;
}

/* Decodes one 10 ms frame and ends the utterance when it is long enough and a pause has come, or too long. */
static void decode_frame(struct recognizer_job *job)
{
	ps_decoder_t *ps = job->recognizer->decoder;
	long long length_ms;

	if (job->error != NULL)
		return;
	if (!job->in_utterance) {
		if (ps_start_utt(ps) < 0) {
			decode_failed(job);
			return;
		}
		job->in_utterance = 1;
		job->utterance_start = job->samples - (long long)job->frame_len;
		if (job->spotting && ps_start_utt(job->recognizer->spotter) < 0)
			spotting_failed(job);
	}
	if (ps_process_raw(ps, job->frame, job->frame_len, FALSE, FALSE) < 0) {
		decode_failed(job);
		return;
	}
	if (job->spotting && ps_process_raw(job->recognizer->spotter, job->frame, job->frame_len, FALSE, FALSE) < 0)
		spotting_failed(job);
	job->quiet_frames = quiet_frame(job) ? job->quiet_frames + 1 : 0;
	length_ms = (job->samples - job->utterance_start) * 1000 / job->rate;
	if ((length_ms >= RECOGNIZER_MIN_UTTERANCE_MS && job->quiet_frames * 1000 / FRAMES_PER_SECOND >= RECOGNIZER_PAUSE_MS) ||
	    length_ms >= RECOGNIZER_MAX_UTTERANCE_MS)
		end_utterance(job);
}

static void decode_block(struct recognizer_job *job, const struct block *block)
{
	size_t i = 0;

	while (i < block->count && !atomic_load_explicit(&job->cancelled, memory_order_relaxed)) {
		size_t take = job->frame_len - job->frame_fill;
		if (take > block->count - i)
			take = block->count - i;
		memcpy(job->frame + job->frame_fill, block->samples + i, take * sizeof *job->frame);
		job->frame_fill += take;
		job->samples += (long long)take;
		i += take;
		if (job->frame_fill == job->frame_len) {
			decode_frame(job);
			job->frame_fill = 0;
		}
	}
}

/* Takes every queued block, waiting for some; NULL once the feeder is done and the queue is empty. */
static struct block *take_blocks(struct recognizer_job *job)
{
	struct block *blocks;

	pthread_mutex_lock(&job->lock);
	while (job->head == NULL && !job->fed_all)
		pthread_cond_wait(&job->wake, &job->lock);
	blocks = job->head;
	job->head = job->tail = NULL;
	pthread_mutex_unlock(&job->lock);
	return blocks;
}

static void *worker_main(void *data)
{
	struct recognizer_job *job = data;
	struct block *blocks;
	int loaded;

	util_name_thread("rebound-asr");
	loaded = load(job->recognizer, job->rate, &job->error) == 0;

	if (loaded) {
		restore_cmn(job->recognizer->decoder, job->recognizer->cmn_start);
		ps_start_stream(job->recognizer->decoder);	/* frames count from here, across utterances */
		start_spotting(job);
	}

	while ((blocks = take_blocks(job)) != NULL) {
		while (blocks != NULL) {
			struct block *next = blocks->next;
			if (loaded && !atomic_load(&job->cancelled))
				decode_block(job, blocks);
			free(blocks);
			blocks = next;
		}
	}
	if (loaded && job->frame_fill > 0 && !atomic_load(&job->cancelled)) {	/* the last partial frame */
		job->frame_len = job->frame_fill;
		decode_frame(job);
	}
	if (loaded)
		end_utterance(job);
	pthread_mutex_lock(&job->lock);
	job->done = 1;
	pthread_cond_broadcast(&job->ended);
	pthread_mutex_unlock(&job->lock);
	return NULL;
}

/* ------------------------------------------------------------------------------------------------
 * Jobs
 */

/* The waiter's condition runs on the monotonic clock, as the deadlines do. */
static void init_ended(struct recognizer_job *job)
{
	pthread_condattr_t attr;

	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&job->ended, &attr);
	pthread_condattr_destroy(&attr);
}

static void free_phrases(struct recognizer_phrase *phrases, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(phrases[i].text);
	free(phrases);
}

static void free_job(struct recognizer_job *job)
{
	pthread_mutex_destroy(&job->lock);
	pthread_cond_destroy(&job->wake);
	pthread_cond_destroy(&job->ended);
	free(job->frame);
	free(job);
}

struct recognizer_job *recognizer_start(struct recognizer *r, int sample_rate, const char *const *phrases,
					size_t phrase_count, char **cause)
{
	struct recognizer_job *job;
	size_t i;

	/* The model's features span bands up to 6.8 kHz: under 16 kHz it cannot even be loaded (its
	 * feat.params overrides a lower edge), and narrowed bands would not match what it was trained on. */
	if (sample_rate < 16000 || sample_rate > 192000) {
		util_fail(cause, sample_rate < 16000 ? "the speech model needs audio at 16000 Hz or more, not %d Hz"
						      : "cannot transcribe audio at %d Hz", sample_rate);
		return NULL;
	}
	job = xcalloc(1, sizeof *job);
	job->recognizer = r;
	job->rate = sample_rate;
	job->frame_len = (size_t)sample_rate / FRAMES_PER_SECOND;
	job->frame = xcalloc(job->frame_len, sizeof *job->frame);
	job->phrases = phrase_count > 0 ? xcalloc(phrase_count, sizeof *job->phrases) : NULL;
	job->phrase_count = phrase_count;
	for (i = 0; i < phrase_count; i++) {
		job->phrases[i].text = xstrdup(phrases[i]);
		job->phrases[i].score = -INFINITY;
	}
	pthread_mutex_init(&job->lock, NULL);
	pthread_cond_init(&job->wake, NULL);
	init_ended(job);
	if (pthread_create(&job->thread, NULL, worker_main, job) != 0) {
		util_fail(cause, "cannot start the transcription thread");
		free_phrases(job->phrases, job->phrase_count);
		free_job(job);
		return NULL;
	}
	return job;
}

void recognizer_feed(struct recognizer_job *job, const int16_t *samples, size_t count)
{
	struct block *block;

	if (count == 0)
		return;
	block = xmalloc(sizeof *block + count * sizeof *samples);
	block->next = NULL;
	block->count = count;
	memcpy(block->samples, samples, count * sizeof *samples);
	pthread_mutex_lock(&job->lock);
	if (job->tail != NULL)
		job->tail->next = block;
	else
		job->head = block;
	job->tail = block;
	pthread_cond_signal(&job->wake);
	pthread_mutex_unlock(&job->lock);
}

void recognizer_end_input(struct recognizer_job *job)
{
	pthread_mutex_lock(&job->lock);
	if (!job->fed_all)
		job->input_ended_ms = date_monotonic_ms();
	job->fed_all = 1;
	pthread_cond_signal(&job->wake);
	pthread_mutex_unlock(&job->lock);
}

int recognizer_wait(struct recognizer_job *job, long long deadline_ms)
{
	struct timespec until = { (time_t)(deadline_ms / 1000), (long)(deadline_ms % 1000) * 1000000L };
	int done;

	pthread_mutex_lock(&job->lock);
	/* The deadline is checked on the monotonic clock itself: a wait may end early (a time-faking library,
	 * a spurious wake-up), and that is no reason to give up before the deadline. */
	while (!job->done && date_monotonic_ms() < deadline_ms)
		pthread_cond_timedwait(&job->ended, &job->lock, &until);
	done = job->done;
	pthread_mutex_unlock(&job->lock);
	return done;
}

void recognizer_cancel(struct recognizer_job *job)
{
	atomic_store(&job->cancelled, 1);
	recognizer_end_input(job);
}

static void free_words(struct recognizer_job *job)
{
	size_t i;

	for (i = 0; i < job->count; i++)
		free(job->words[i].text);
	free(job->words);
}

int recognizer_finish(struct recognizer_job *job, struct recognizer_result *out, char **cause)
{
	int rc = 0;

	recognizer_end_input(job);
	pthread_join(job->thread, NULL);

	memset(out, 0, sizeof *out);
	if (job->error != NULL || atomic_load(&job->cancelled)) {
		util_fail(cause, "%s", job->error ? job->error : "stopped before the transcript was ready");
		free(job->error);
		free_words(job);
		free_phrases(job->phrases, job->phrase_count);
		rc = -1;
	} else {
		out->words = job->words;
		out->count = job->count;
		out->confidence = job->count > 0 ? job->confidence_sum / (double)job->count : 0;
		out->audio_ms = job->samples * 1000 / job->rate;
		out->finish_ms = date_monotonic_ms() - job->input_ended_ms;
		out->phrases = job->phrases;
		out->phrase_count = job->phrase_count;
	}
	free_job(job);
	return rc;
}

void recognizer_result_free(struct recognizer_result *result)
{
	size_t i;

	for (i = 0; i < result->count; i++)
		free(result->words[i].text);
	free(result->words);
	free_phrases(result->phrases, result->phrase_count);
	result->words = NULL;
	result->count = 0;
	result->phrases = NULL;
	result->phrase_count = 0;
}

int recognizer_decode(struct recognizer *r, const int16_t *samples, size_t count, int sample_rate,
		      const char *const *phrases, size_t phrase_count, struct recognizer_result *out, char **cause)
{
	struct recognizer_job *job = recognizer_start(r, sample_rate, phrases, phrase_count, cause);

	if (job == NULL)
		return -1;
	recognizer_feed(job, samples, count);
	return recognizer_finish(job, out, cause);
}
