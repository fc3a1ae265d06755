/* audio: PortAudio devices, recording into WAV through a lock-free ring and a writer thread, and
 * playback with pause and seek (see audio.h). The PortAudio callbacks touch only atomics, the ring and
 * memory that was allocated before the stream started. */
#include "rebound/arena.h"
#include "rebound/audio.h"
#include "rebound/date.h"
#include "rebound/paths.h"
#include "rebound/ring.h"
#include "rebound/util.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <portaudio.h>
#include <sndfile.h>

#define WRITER_BLOCK 16384		/* samples per read from the ring */
/* The writer's nap once it has emptied the ring: the ring holds seconds, so 20 ms costs nothing in
 * safety, and each wake-up is a context switch (naps of 1 ms were most of the recorder's CPU). */
#define WRITER_NAP_NS 20000000
#define PLAY_MAX_SAMPLES (256L * 1024 * 1024)	/* refuse to load more than 512 MB of samples */

struct audio {
	struct audio_device *devices;
	size_t count;
	struct arena arena;		/* device names */
	int abandoned;			/* a stream was left to a dead sound server: do not wait on it again */
};

/* A stream whose callback has not run for this long while it should be running has been dropped by its
 * sound server (JACK does that to a client it finds too slow, or dies): stopping or closing it would wait
 * for a callback that never comes (PortAudio's JACK code waits ten minutes). */
#define STALLED_MS 1500

/* ------------------------------------------------------------------------------------------------
 * Devices
 */

/* Host APIs print pages of diagnostics while probing for hardware that is not there: hide them unless
 * REBOUND_AUDIO_DEBUG is set. Returns the saved stderr for quiet_end. */
static int quiet_begin(void)
{
	int saved, null;

	if (getenv("REBOUND_AUDIO_DEBUG") != NULL)
		return -1;
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (null >= 0) {
		dup2(null, STDERR_FILENO);
		close(null);
	}
	return saved;
}

static void quiet_end(int saved)
{
	if (saved < 0)
		return;
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
}

static int pa_fail(char **cause, const char *doing, PaError error)
{
	return util_fail(cause, "cannot %s: %s", doing, Pa_GetErrorText(error));
}

struct audio *audio_open(char **cause)
{
	struct audio *audio;
	PaError error;
	int quiet, count, i;

	setenv("JACK_NO_START_SERVER", "1", 0);	/* probing must never launch a sound server */
	quiet = quiet_begin();
	error = Pa_Initialize();
	quiet_end(quiet);
	if (error != paNoError) {
		pa_fail(cause, "start the audio system", error);
		return NULL;
	}
	audio = xcalloc(1, sizeof *audio);
	arena_init(&audio->arena);
	count = Pa_GetDeviceCount();
	audio->devices = xcalloc(count > 0 ? (size_t)count : 1, sizeof *audio->devices);
	for (i = 0; i < count; i++) {
		const PaDeviceInfo *info = Pa_GetDeviceInfo(i);
		const PaHostApiInfo *host = info ? Pa_GetHostApiInfo(info->hostApi) : NULL;
		struct audio_device *d = &audio->devices[audio->count++];
		d->index = i;
		d->name = arena_strdup(&audio->arena, info && info->name ? info->name : "?");
		d->host_api = arena_strdup(&audio->arena, host && host->name ? host->name : "?");
		d->max_input_channels = info ? info->maxInputChannels : 0;
		d->max_output_channels = info ? info->maxOutputChannels : 0;
		d->default_rate = info ? info->defaultSampleRate : 0;
		d->is_default_input = i == Pa_GetDefaultInputDevice();
		d->is_default_output = i == Pa_GetDefaultOutputDevice();
	}
	return audio;
}

void audio_close(struct audio *audio)
{
	if (audio == NULL)
		return;
	if (!audio->abandoned)
		Pa_Terminate();
	arena_release(&audio->arena);
	free(audio->devices);
	free(audio);
}

size_t audio_device_count(const struct audio *audio)
{
	return audio->count;
}

const struct audio_device *audio_device_at(const struct audio *audio, size_t index)
{
	return index < audio->count ? &audio->devices[index] : NULL;
}

static int has_channels(const struct audio_device *d, int want_input)
{
	return want_input ? d->max_input_channels > 0 : d->max_output_channels > 0;
}

int audio_pick_device(const struct audio *audio, const char *spec, int want_input, char **cause)
{
	const char *kind = want_input ? "input" : "output";
	char *end;
	long number;
	size_t i;
	int found = -1, matches = 0;

	if (spec == NULL || *spec == '\0' || strcmp(spec, "default") == 0) {
		int index = want_input ? Pa_GetDefaultInputDevice() : Pa_GetDefaultOutputDevice();
		if (index == paNoDevice || (size_t)index >= audio->count)
			return util_fail(cause, "no audio %s device%s", kind, want_input ? "; typed answers still work" : "");
		return index;
	}
	number = strtol(spec, &end, 10);
	if (*end == '\0') {
		if (number < 0 || (size_t)number >= audio->count || !has_channels(&audio->devices[number], want_input))
			return util_fail(cause, "audio device %s is not an %s device (see 'audio devices')", spec, kind);
		return (int)number;
	}
	for (i = 0; i < audio->count; i++) {
		if (has_channels(&audio->devices[i], want_input) && strstr(audio->devices[i].name, spec) != NULL) {
			found = (int)i;
			matches++;
		}
	}
	if (matches == 1)
		return found;
	return util_fail(cause, "%s audio %s devices match '%s' (see 'audio devices')", matches ? "several" : "no",
			 kind, spec);
}

/* ------------------------------------------------------------------------------------------------
 * Recording
 */

struct audio_recorder {
	struct audio *audio;
	PaStream *stream;
	struct ring ring;
	SNDFILE *file;
	struct vad *vad;
	struct pace *pace;
	void (*tap)(void *data, const int16_t *samples, size_t count);
	void *tap_data;
	pthread_t writer;
	int writer_running;
	long long max_frames, end_silence_ms;
	size_t block;			/* samples the writer takes from the ring at a time */
	int rate;
	char *path;
	_Atomic long long captured, dropped, overflows;
	_Atomic long long written;	/* to the file and the analyses */
	_Atomic long long quiet_ms;	/* from vad_live, after each block */
	_Atomic int heard;
	_Atomic int ended;		/* by the silence after speech: the writer writes no more */
	_Atomic long long last_callback_ms;
	_Atomic int level_centi_db;	/* peak of the latest block in hundredths of a dB */
	_Atomic int peak_centi_db;	/* the loudest block so far */
	_Atomic int stopping;		/* the stream is stopped: the writer drains the ring and ends */
	_Atomic int write_failed;
};

const char *audio_level_verdict(double peak_db)
{
	if (peak_db < AUDIO_QUIET_DB)
		return "too quiet: move closer or raise the input level";
	if (peak_db < AUDIO_LOUD_DB)
		return "good";
	if (peak_db < AUDIO_CLIP_DB)
		return "loud: near clipping, lower the input level a little";
	return "clipping: lower the input level";
}

static double peak_db(const int16_t *samples, size_t count)
{
	int peak = 0;
	size_t i;

	for (i = 0; i < count; i++) {
		int value = samples[i] < 0 ? -samples[i] : samples[i];
		if (value > peak)
			peak = value;
	}
	return peak == 0 ? -100.0 : 20.0 * log10(peak / 32768.0);
}

/* The real-time side: no locks, no allocation, no I/O. */
static int record_callback(const void *input, void *output, unsigned long count,
			   const PaStreamCallbackTimeInfo *time_info, PaStreamCallbackFlags flags, void *data)
{
	struct audio_recorder *r = data;
	long long captured = atomic_load_explicit(&r->captured, memory_order_relaxed);
	long long want = (long long)count, room = r->max_frames - captured;
	const int16_t *samples = input;

	atomic_store_explicit(&r->last_callback_ms, date_monotonic_ms(), memory_order_relaxed);
	(void)output;
	(void)time_info;
	if (atomic_load_explicit(&r->ended, memory_order_relaxed))
		return paComplete;
	if (want > room)
		want = room;
	if (flags & paInputOverflow) {	/* samples were lost before this block; one block is the estimate */
		atomic_fetch_add_explicit(&r->dropped, (long long)count, memory_order_relaxed);
		atomic_fetch_add_explicit(&r->overflows, 1, memory_order_relaxed);
	}
	if (want > 0 && samples != NULL) {
		size_t written = ring_write(&r->ring, samples, (size_t)want);
		int level = (int)(peak_db(samples, (size_t)want) * 100);
		if (written < (size_t)want)
			atomic_fetch_add_explicit(&r->dropped, want - (long long)written, memory_order_relaxed);
		atomic_store_explicit(&r->level_centi_db, level, memory_order_relaxed);
		if (level > atomic_load_explicit(&r->peak_centi_db, memory_order_relaxed))	/* one producer: no race */
			atomic_store_explicit(&r->peak_centi_db, level, memory_order_relaxed);
	} else if (want > 0) {
		atomic_fetch_add_explicit(&r->dropped, want, memory_order_relaxed);
	}
	atomic_store_explicit(&r->captured, captured + want, memory_order_relaxed);
	return captured + want >= r->max_frames ? paComplete : paContinue;
}

/* After a block: the silence since the speech, and the end once it has lasted end_silence_ms. */
static void follow_speech(struct audio_recorder *r)
{
	struct vad_live live;
	long long quiet;

	vad_live(r->vad, &live);
	quiet = live.heard ? live.fed_ms - live.speech_end_ms : 0;
	atomic_store(&r->heard, live.heard);
	atomic_store(&r->quiet_ms, quiet);
	if (r->end_silence_ms > 0 && live.heard && quiet >= r->end_silence_ms)
		atomic_store(&r->ended, 1);
}

/* Writes one block to the file and the analysis. After a failed write, or once the silence has ended
 * the recording, nothing more is written or analysed, so the figures, the transcript and the file all
 * describe the same audio. */
static void write_block(struct audio_recorder *r, const int16_t *block, size_t count)
{
	if (atomic_load(&r->write_failed) || atomic_load(&r->ended))
		return;
	if (sf_write_short(r->file, block, (sf_count_t)count) != (sf_count_t)count) {
		atomic_store(&r->write_failed, 1);
		return;
	}
	vad_feed(r->vad, block, count);
	pace_feed(r->pace, block, count);
	if (r->tap != NULL)
		r->tap(r->tap_data, block, count);
	atomic_fetch_add(&r->written, (long long)count);
	follow_speech(r);
}

static void *writer_main(void *data)
{
	struct audio_recorder *r = data;
	const struct timespec nap = { 0, WRITER_NAP_NS };
	int16_t *block = xmalloc(WRITER_BLOCK * sizeof *block);

	util_name_thread("rebound-writer");

	for (;;) {
		int stopping = atomic_load(&r->stopping);	/* read before the ring: no sample is left behind */
		size_t n = ring_read(&r->ring, block, r->block);
		if (n > 0)
			write_block(r, block, n);
		else if (stopping)
			break;
		else	/* a device far faster than real time keeps it busy; a real one lets it doze */
			nanosleep(&nap, NULL);
	}
	free(block);
	return NULL;
}

/* Room for the whole recording when it is short (so even a device that delivers audio far faster than real
 * time loses nothing), else AUDIO_RING_SECONDS, never more than AUDIO_RING_MAX_SAMPLES: memory stays flat. */
static size_t ring_size(const struct audio_record_options *options)
{
	long long size = options->max_frames, floor = (long long)options->rate * AUDIO_RING_SECONDS;

	if (size < floor)
		size = floor;
	return (size_t)(size < AUDIO_RING_MAX_SAMPLES ? size : AUDIO_RING_MAX_SAMPLES);
}

/*
 * Creates the WAV at path, never over an existing file. It is made under a temporary name and given its
 * own only once its header is written, so that a kill -9 at any moment leaves either no file or a WAV
 * that opens (the header is then kept up to date as samples arrive).
 */
static SNDFILE *create_wav(const char *path, int rate, char **cause)
{
	SF_INFO info = { .samplerate = rate, .channels = 1, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16 };
	char *temp = NULL;
	int fd = paths_make_temp(path, &temp);
	SNDFILE *file = NULL;

	if (fd < 0) {
		util_fail(cause, "cannot create '%s': %s", path, strerror(errno));
		goto out;
	}
	if ((file = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE)) == NULL) {	/* it closed fd */
		util_fail(cause, "cannot write '%s': %s", path, sf_strerror(NULL));
		unlink(temp);
		goto out;
	}
	sf_command(file, SFC_SET_UPDATE_HEADER_AUTO, NULL, SF_TRUE);
	sf_command(file, SFC_UPDATE_HEADER_NOW, NULL, 0);
	if (link(temp, path) != 0) {	/* fails when path exists: nothing is overwritten */
		util_fail(cause, "cannot create '%s': %s", path, strerror(errno));
		sf_close(file);
		file = NULL;
	}
	unlink(temp);
out:
	free(temp);
	return file;
}

static void recorder_free(struct audio_recorder *r, int remove_file)
{
	if (r->stream != NULL)
		Pa_CloseStream(r->stream);
	if (r->writer_running) {
		atomic_store(&r->stopping, 1);
		pthread_join(r->writer, NULL);
	}
	if (r->file != NULL)
		sf_close(r->file);
	if (remove_file)
		unlink(r->path);
	ring_release(&r->ring);
	vad_free(r->vad);
	pace_free(r->pace);
	free(r->path);
	free(r);
}

static PaError open_input(struct audio_recorder *r, int device)
{
	const PaDeviceInfo *info = Pa_GetDeviceInfo(device);
	PaStreamParameters in = { .device = device, .channelCount = 1, .sampleFormat = paInt16,
				  .suggestedLatency = info ? info->defaultHighInputLatency : 0.1 };
	PaError error = Pa_IsFormatSupported(&in, NULL, r->rate);

	if (error != paFormatIsSupported)
		return error;
	return Pa_OpenStream(&r->stream, &in, NULL, r->rate, paFramesPerBufferUnspecified, paClipOff,
			     record_callback, r);
}

struct audio_recorder *audio_record_start(struct audio *audio, const struct audio_record_options *options,
					  char **cause)
{
	struct audio_recorder *r = xcalloc(1, sizeof *r);
	PaError error;
	int quiet;

	r->audio = audio;
	atomic_store(&r->last_callback_ms, date_monotonic_ms());
	r->rate = options->rate;
	r->max_frames = options->max_frames;
	r->end_silence_ms = options->end_silence_ms;
	/* the end comes at a block's end: blocks of 50 ms end it within that of the silence asked for */
	r->block = options->end_silence_ms > 0 && options->rate / 20 < WRITER_BLOCK ? (size_t)options->rate / 20 : WRITER_BLOCK;
	r->tap = options->tap;
	r->tap_data = options->tap_data;
	r->path = xstrdup(options->path);
	atomic_store(&r->level_centi_db, -10000);
	atomic_store(&r->peak_centi_db, -10000);
	if (ring_init(&r->ring, ring_size(options)) != 0) {
		util_fail(cause, "cannot record at %d Hz", options->rate);
		free(r->path);
		free(r);
		return NULL;
	}
	r->vad = vad_new(options->rate);
	r->pace = pace_new(options->rate);
	if ((r->file = create_wav(options->path, options->rate, cause)) == NULL) {
		recorder_free(r, 0);
		return NULL;
	}
	quiet = quiet_begin();
	error = open_input(r, options->device);
	quiet_end(quiet);
	if (error != paNoError) {
		if (error == paInvalidSampleRate)
			util_fail(cause, "the audio input device refuses %d Hz (try another rate)", options->rate);
		else
			pa_fail(cause, "open the audio input device", error);
		recorder_free(r, 1);
		return NULL;
	}
	if (pthread_create(&r->writer, NULL, writer_main, r) != 0) {
		util_fail(cause, "cannot start the recording thread");
		recorder_free(r, 1);
		return NULL;
	}
	r->writer_running = 1;
	if ((error = Pa_StartStream(r->stream)) != paNoError) {
		pa_fail(cause, "start recording (is the device busy?)", error);
		recorder_free(r, 1);
		return NULL;
	}
	return r;
}

void audio_record_status(struct audio_recorder *r, struct audio_record_status *status)
{
	status->frames = atomic_load(&r->captured);
	status->dropped = atomic_load(&r->dropped);
	status->level_db = atomic_load(&r->level_centi_db) / 100.0;
	status->peak_db = atomic_load(&r->peak_centi_db) / 100.0;
	status->heard = atomic_load(&r->heard);
	status->quiet_ms = atomic_load(&r->quiet_ms);
	status->done = status->frames >= r->max_frames || atomic_load(&r->ended) || Pa_IsStreamActive(r->stream) != 1;
}

/* 1 if the stream should still be running but its callback has gone quiet. */
static int stalled(PaStream *stream, long long last_callback_ms)
{
	return Pa_IsStreamActive(stream) == 1 && date_monotonic_ms() - last_callback_ms > STALLED_MS;
}

/*
 * After a failed write: the frames the file really holds. libsndfile reopens it, counts the whole frames
 * in its data (a header written ahead of the data may claim more), and rewrites the header to match when
 * it closes it; a half frame at the end goes.
 */
static long long repair_wav(const char *path)
{
	SF_INFO info = { 0 };
	SNDFILE *file = sf_open(path, SFM_RDWR, &info);
	long long frames;

	if (file == NULL)
		return 0;
	frames = (long long)info.frames;
	sf_command(file, SFC_UPDATE_HEADER_NOW, NULL, 0);
	sf_close(file);
	return frames;
}

int audio_record_stop(struct audio_recorder *r, struct audio_record_result *result, char **cause)
{
	int failed, closed, abandon = stalled(r->stream, atomic_load(&r->last_callback_ms));

	if (!abandon)
		Pa_StopStream(r->stream);	/* waits for the callback to return: nothing writes the ring after */
	atomic_store(&r->stopping, 1);
	pthread_join(r->writer, NULL);
	r->writer_running = 0;
	result->ended_by_silence = atomic_load(&r->ended);
	result->frames = result->ended_by_silence ? atomic_load(&r->written) : atomic_load(&r->captured);
	result->dropped = atomic_load(&r->dropped);
	result->overflows = atomic_load(&r->overflows);
	result->rate = r->rate;
	result->peak_db = atomic_load(&r->peak_centi_db) / 100.0;
	vad_finish(r->vad, &result->vad);
	pace_finish(r->pace, &result->vad, &result->pace);
	closed = sf_close(r->file);
	failed = atomic_load(&r->write_failed) || closed != 0;
	r->file = NULL;
	result->unwritten = 0;
	if (failed) {
		long long held = repair_wav(r->path);
		char kept[16];
		result->unwritten = result->frames > held ? result->frames - held : 0;
		result->frames = held;
		date_format_duration(held * 1000 / r->rate, kept);
		util_fail(cause, "could not write all of '%s' (is the disk full?): the recording keeps its first %s",
			  r->path, kept);
	}
	if (abandon) {	/* a late callback may still touch the ring: leave it all allocated */
		r->audio->abandoned = 1;
		if (!failed)
			util_fail(cause, "the sound server stopped delivering audio");
		return -1;
	}
	recorder_free(r, 0);
	return failed ? -1 : 0;
}

/* ------------------------------------------------------------------------------------------------
 * Playback
 */

struct audio_player {
	struct audio *audio;
	PaStream *stream;
	int16_t *samples;
	long long total;
	int rate;
	_Atomic long long position, last_callback_ms;
	_Atomic int paused;
};

static int play_callback(const void *input, void *output, unsigned long count,
			 const PaStreamCallbackTimeInfo *time_info, PaStreamCallbackFlags flags, void *data)
{
	struct audio_player *p = data;
	int16_t *out = output;
	long long position = atomic_load(&p->position), n = 0;
	int moved = 1;

	(void)input;
	(void)time_info;
	(void)flags;
	if (!atomic_load(&p->paused)) {
		n = p->total - position < (long long)count ? p->total - position : (long long)count;
		if (n < 0)
			n = 0;
		memcpy(out, p->samples + position, (size_t)n * sizeof *out);
		/* A seek meanwhile wins: only move on if the position is still the one read. */
		moved = atomic_compare_exchange_strong(&p->position, &position, position + n);
	}
	memset(out + n, 0, (count - (size_t)n) * sizeof *out);
	atomic_store_explicit(&p->last_callback_ms, date_monotonic_ms(), memory_order_relaxed);
	return moved && !atomic_load(&p->paused) && position + n >= p->total ? paComplete : paContinue;
}

/* Reads the first channel of a WAV into memory. */
int audio_read_wav(const char *path, int16_t **samples, long long *count, int *rate, char **cause)
{
	SF_INFO info;
	SNDFILE *file;
	int16_t *frames;
	sf_count_t read, i;

	memset(&info, 0, sizeof info);
	if ((file = sf_open(path, SFM_READ, &info)) == NULL)
		return util_fail(cause, "cannot read '%s': %s", path, sf_strerror(NULL));
	if (info.channels < 1 || info.frames < 0 || info.frames * info.channels > PLAY_MAX_SAMPLES) {
		sf_close(file);
		return util_fail(cause, "'%s' is too long", path);
	}
	frames = xmalloc((size_t)(info.frames * info.channels + 1) * sizeof *frames);
	read = sf_readf_short(file, frames, info.frames);
	sf_close(file);
	for (i = 0; i < read; i++)
		frames[i] = frames[i * info.channels];
	*samples = frames;
	*count = read;
	*rate = info.samplerate;
	return 0;
}

struct audio_player *audio_play_open(struct audio *audio, const char *path, int device, char **cause)
{
	struct audio_player *p = xcalloc(1, sizeof *p);
	const PaDeviceInfo *info = Pa_GetDeviceInfo(device);
	PaStreamParameters out = { .device = device, .channelCount = 1, .sampleFormat = paInt16,
				   .suggestedLatency = info ? info->defaultHighOutputLatency : 0.1 };
	PaError error;
	int quiet;

	p->audio = audio;
	atomic_store(&p->last_callback_ms, date_monotonic_ms());
	if (audio_read_wav(path, &p->samples, &p->total, &p->rate, cause) != 0) {
		free(p);
		return NULL;
	}
	quiet = quiet_begin();
	error = Pa_OpenStream(&p->stream, NULL, &out, p->rate, paFramesPerBufferUnspecified, paClipOff,
			      play_callback, p);
	quiet_end(quiet);
	if (error != paNoError) {
		pa_fail(cause, "open the audio output device", error);
		p->stream = NULL;
		audio_play_close(p);
		return NULL;
	}
	return p;
}

int audio_play_start(struct audio_player *p, char **cause)
{
	PaError error;

	atomic_store(&p->last_callback_ms, date_monotonic_ms());
	error = Pa_StartStream(p->stream);

	return error == paNoError ? 0 : pa_fail(cause, "start playback (is the device busy?)", error);
}

void audio_play_pause(struct audio_player *p, int paused)
{
	atomic_store(&p->paused, paused);
}

void audio_play_seek(struct audio_player *p, long long delta)
{
	long long position = atomic_load(&p->position) + delta;

	atomic_store(&p->position, position < 0 ? 0 : position > p->total ? p->total : position);
}

int audio_play_position(struct audio_player *p, long long *position, long long *total, int *rate)
{
	*position = atomic_load(&p->position);
	*total = p->total;
	*rate = p->rate;
	return Pa_IsStreamActive(p->stream) != 1 && *position >= p->total;
}

void audio_play_close(struct audio_player *p)
{
	if (p == NULL)
		return;
	if (p->stream != NULL && stalled(p->stream, atomic_load(&p->last_callback_ms))) {
		p->audio->abandoned = 1;	/* a late callback may still read the samples: keep them */
		return;
	}
	if (p->stream != NULL) {
		Pa_StopStream(p->stream);
		Pa_CloseStream(p->stream);
	}
	free(p->samples);
	free(p);
}

int audio_play_file(struct audio *audio, const char *path, int device, char **cause)
{
	const struct timespec nap = { 0, 10000000 };
	struct audio_player *p = audio_play_open(audio, path, device, cause);
	long long position, total, waited_ms = 0;
	int rate, rc = 0;

	if (p == NULL || audio_play_start(p, cause) != 0) {
		audio_play_close(p);
		return -1;
	}
	/* A sound server that drops the stream (JACK does, to a client it finds too slow) would leave the
	 * position still forever: give up a second after the file should have ended. */
	while (!audio_play_position(p, &position, &total, &rate)) {
		if (waited_ms > total * 1000 / rate + AUDIO_PLAY_GRACE_MS) {
			rc = util_fail(cause, "playback of '%s' stalled", path);
			break;
		}
		nanosleep(&nap, NULL);
		waited_ms += 10;
	}
	audio_play_close(p);
	return rc;
}
