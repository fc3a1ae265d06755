/* vad: energy-based voice activity analysis of a recorded answer: how long the speaker spoke, and the
 * pauses between speech. Pure functions over 16-bit mono samples, no I/O; fed block by block while
 * recording so the result is ready the moment the recording ends. */
#ifndef REBOUND_VAD_H
#define REBOUND_VAD_H

#include <stddef.h>
#include <stdint.h>

/*
 * Method:
 *  1. The samples are cut into VAD_FRAME_MS frames (frame k starts at sample k * rate / 100, so rates
 *     such as 22050 work); the partial frame at the end counts, with its own length.
 *  2. Each frame's energy is its RMS in dBFS (full scale 32768), floored at VAD_FLOOR_DB so that
 *     digital silence has a finite level.
 *  3. The noise floor adapts to the recording: the VAD_NOISE_PERCENTILE-th percentile of the frame
 *     energies (to 0.1 dB). The threshold is the noise floor + VAD_MARGIN_DB, but never below
 *     VAD_MIN_THRESHOLD_DB, so a recording of nothing but low noise is not all "speech".
 *  4. A frame is speech when its energy is above the threshold.
 *  5. Hangover: a gap shorter than VAD_BRIDGE_MS between two speech spans is bridged; then a span
 *     still shorter than VAD_MIN_SPEECH_MS is dropped as a click (its time joins the silence around it).
 *  6. Pauses are the silences between two kept speech spans; leading and trailing silence is not a pause.
 *  7. The answer is the stretch from the first kept span's start to the last one's end: its length and
 *     its silence ratio leave out the silence before the speaker began and after they stopped.
 *
 * While recording, vad_live says whether speech has been heard and when it last ended, by the same
 * rules applied to the frames so far (the threshold from their percentile, updated every
 * VAD_LIVE_EVERY frames), so that a recording can end a stretch of silence after the speech.
 *
 * Limitations: a recording that is speech in more than about 90% of its frames puts the noise floor
 * inside the speech, and its quieter parts then count as silence; speech quieter than
 * VAD_MIN_THRESHOLD_DB (a very quiet microphone) is not heard at all.
 */
#define VAD_FRAME_MS 10
#define VAD_FLOOR_DB (-100)
#define VAD_NOISE_PERCENTILE 10
#define VAD_MARGIN_DB 12
#define VAD_MIN_THRESHOLD_DB (-55)
#define VAD_BRIDGE_MS 250
#define VAD_MIN_SPEECH_MS 100
#define VAD_LONG_PAUSE_MS 2000
#define VAD_LIVE_EVERY 10

#define VAD_MIN_RATE 8000
#define VAD_MAX_RATE 192000

struct vad_result {
	long long duration_ms;		/* of the whole recording */
	long long speech_start_ms;	/* where the first speech begins and the last ends; both 0 when */
	long long speech_end_ms;	/* there is no speech */
	long long speaking_ms;		/* total time classified as speech */
	double silence_ratio;		/* 1 - speaking / (speech_end - speech_start); 1 with no speech,
					 * 0 for an empty recording */
	int spans;			/* speech spans after smoothing */
	int long_pauses;		/* pauses longer than VAD_LONG_PAUSE_MS */
	long long longest_pause_ms;	/* the longest pause, 0 if none */
	double noise_floor_db;		/* what the adaptive threshold settled on, for display and debugging; */
	double threshold_db;		/* VAD_FLOOR_DB and VAD_MIN_THRESHOLD_DB for an empty recording */
};

/* Holds one energy (int16 centi-dB) per frame, grown as needed: 10 minutes take 120 KB. */
struct vad;

/* A new analyser for sample_rate (VAD_MIN_RATE..VAD_MAX_RATE), or NULL if the rate is out of range.
 * Caller frees with vad_free. */
struct vad *vad_new(int sample_rate);
/* Accepts NULL. */
void vad_free(struct vad *vad);

/*
 * Adds count samples, in blocks of any size: frames span blocks, and the result does not depend on how
 * the samples were cut. May grow memory, so call it from the thread that drains the recorder's ring
 * buffer, not from the real-time audio callback.
 */
void vad_feed(struct vad *vad, const int16_t *samples, size_t count);

/* Classifies everything fed so far into *out. Changes nothing: it may be called again, and feeding may
 * go on after it. */
void vad_finish(const struct vad *vad, struct vad_result *out);

/* While feeding: whether speech has been heard so far, and the time fed and the end of the latest
 * speech, in ms from the start. Cheap; changes nothing. */
struct vad_live {
	int heard;
	long long fed_ms, speech_end_ms;
};
void vad_live(const struct vad *vad, struct vad_live *out);

/* One-shot: vad_new, vad_feed and vad_finish over one buffer. All zero (floor and threshold as for an
 * empty recording) when sample_rate is out of range. */
void vad_analyse(const int16_t *samples, size_t count, int sample_rate, struct vad_result *out);

#endif
