/* audio: recording and playback through PortAudio, the only module that uses it. Recording runs a
 * PortAudio callback that never blocks, locks, allocates or does I/O: it copies samples into a lock-free
 * ring (ring.h), and a writer thread drains the ring into a WAV file (libsndfile, header kept current so
 * a killed process leaves a valid file), into the voice-activity and pace analyses (vad.h, pace.h) and
 * into an optional tap (the recogniser). Playback reads a whole WAV into memory and plays it with pause
 * and seek. Samples are 16-bit mono throughout. */
#ifndef REBOUND_AUDIO_H
#define REBOUND_AUDIO_H

#include <stddef.h>
#include <stdint.h>

#include "rebound/pace.h"
#include "rebound/vad.h"

#define AUDIO_DEFAULT_RATE 16000
#define AUDIO_RING_SECONDS 4		/* the ring holds at least this much audio before frames drop */
#define AUDIO_RING_MAX_SAMPLES (1L << 20)	/* and at most this many (2 MB) */
#define AUDIO_PLAY_GRACE_MS 1000	/* playback that has not ended this long after it should is abandoned */

struct audio;

struct audio_device {
	int index;
	const char *name, *host_api;
	int max_input_channels, max_output_channels;
	double default_rate;
	int is_default_input, is_default_output;
};

/* Initialises PortAudio (its host APIs' chatter on stderr is silenced). NULL with *cause on failure. */
struct audio *audio_open(char **cause);
/* Accepts NULL. */
void audio_close(struct audio *audio);

size_t audio_device_count(const struct audio *audio);
const struct audio_device *audio_device_at(const struct audio *audio, size_t index);
/*
 * The device to use for input (want_input 1) or output: spec is NULL or "" for the default, a device
 * index, or a unique part of a device name. -1 with *cause ("no audio input device", "no device
 * matches 'x'") when there is none.
 */
int audio_pick_device(const struct audio *audio, const char *spec, int want_input, char **cause);

/* ------------------------------------------------------------------------------------------------
 * Recording
 */

struct audio_recorder;

struct audio_record_options {
	int device;			/* from audio_pick_device */
	int rate;			/* samples per second */
	long long max_frames;		/* stops by itself after this many frames are captured */
	const char *path;		/* the WAV file to create (mode 0600, never overwritten) */
	/* If not 0, the recording also ends this long after the speech stops (vad_live): the file keeps
	 * the speech and this much silence after it, however fast the device delivers audio. */
	long long end_silence_ms;
	/* If not NULL, also given every block written, on the writer thread (not the real-time one). */
	void (*tap)(void *data, const int16_t *samples, size_t count);
	void *tap_data;
};

struct audio_record_status {
	long long frames;		/* captured so far */
	long long dropped;		/* lost to a full ring or an input overflow */
	double level_db;		/* peak of the latest block, dBFS (-100 for silence) */
	double peak_db;			/* the loudest block so far */
	int heard;			/* speech has been heard */
	long long quiet_ms;		/* the silence since speech last ended (0 before any speech) */
	int done;			/* max_frames reached, the silence after speech, or the stream ended */
};

struct audio_record_result {
	long long frames, dropped;	/* frames: what the file holds (and its header says) */
	long long unwritten;		/* captured but not written (a full disk): 0 unless the write failed */
	long long overflows;		/* times the device said input was lost (each counted as one block dropped) */
	int ended_by_silence;		/* end_silence_ms of silence followed speech */
	int rate;
	double peak_db;
	struct vad_result vad;
	struct pace_result pace;
};

/* What the loudest moment of a test recording says about the input level, as a short clause: "too quiet:
 * move closer or raise the input level" (under AUDIO_QUIET_DB), "good" (to AUDIO_LOUD_DB), "loud: near
 * clipping, lower the input level a little" (to AUDIO_CLIP_DB), else "clipping: lower the input level". */
#define AUDIO_QUIET_DB (-30.0)
#define AUDIO_LOUD_DB (-3.0)
#define AUDIO_CLIP_DB (-0.5)
const char *audio_level_verdict(double peak_db);

/* Creates the file and starts recording. NULL with *cause (the device refused the rate, is busy...). */
struct audio_recorder *audio_record_start(struct audio *audio, const struct audio_record_options *options,
					  char **cause);
void audio_record_status(struct audio_recorder *recorder, struct audio_record_status *status);
/* Stops (if still running), writes out what is in the ring, closes the file and frees the recorder.
 * Returns 0, or -1 with *cause if the file could not be written: then the file is cut back to the whole
 * frames it holds, its header says so, result->frames counts them and result->unwritten the rest. */
int audio_record_stop(struct audio_recorder *recorder, struct audio_record_result *result, char **cause);

/*
 * Encodes the mono recording at wav losslessly into a new FLAC file at target (never over an existing
 * file), fsynced, and gives it that name only once it decodes to exactly the same frames; wav is left
 * alone. 0 with *held a descriptor that holds the new file's flock (paths.h: no tidying removes it
 * meanwhile), for the caller to close once the new name is recorded; or -1 with *cause, and nothing is
 * left at target. Every reader here (audio_read_wav and so replay, transcribe) reads FLAC as it reads WAV.
 */
int audio_compact(const char *wav, const char *target, int *held, char **cause);

/* ------------------------------------------------------------------------------------------------
 * Playback
 */

struct audio_player;

/* Reads a whole WAV (mono, or the first channel of more) into *samples (caller frees), at most 512 MB of
 * samples. -1 with *cause. */
int audio_read_wav(const char *path, int16_t **samples, long long *count, int *rate, char **cause);

/* Loads a WAV (mono or the first channel of more) and opens an output stream at its rate. */
struct audio_player *audio_play_open(struct audio *audio, const char *path, int device, char **cause);
int audio_play_start(struct audio_player *player, char **cause);
void audio_play_pause(struct audio_player *player, int paused);
/* Moves the play position by delta frames, kept within the file. */
void audio_play_seek(struct audio_player *player, long long delta);
/* Frames played so far and in all; 1 once the end is reached. */
int audio_play_position(struct audio_player *player, long long *position, long long *total, int *rate);
/* Stops and frees. Accepts NULL. */
void audio_play_close(struct audio_player *player);
/* Plays a whole file and returns when it has finished (for the start and stop tones), or -1 with *cause
 * if playback stalls. */
int audio_play_file(struct audio *audio, const char *path, int device, char **cause);

#endif
