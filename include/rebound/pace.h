/* pace: speaking pace from the signal alone, with no recogniser: syllable nuclei are counted as peaks of
 * the voiced intensity contour, in the spirit of de Jong and Wempe's speech-rate method (2009). Pure
 * functions over 16-bit mono samples, no I/O; fed block by block while recording, like vad.h, so the
 * figure is ready when the recording ends. */
#ifndef REBOUND_PACE_H
#define REBOUND_PACE_H

#include <stddef.h>
#include <stdint.h>

#include "rebound/vad.h"

/*
 * Method:
 *  1. Every PACE_FRAME_MS (the frames of vad.h), the frame's energy is kept, and so is its voicing: the
 *     highest normalised autocorrelation of the last PACE_VOICING_MS of the signal, low-passed and
 *     decimated to about 4 kHz, at lags for pitches of PACE_MIN_PITCH_HZ to PACE_MAX_PITCH_HZ.
 *  2. At the end, the energies are smoothed over PACE_SMOOTH_FRAMES frames into an intensity contour
 *     (dB). Its peaks are the candidate syllable nuclei.
 *  3. A peak counts when it is louder than both the 99th percentile of the contour less PACE_RANGE_DB
 *     and the voice-activity threshold of vad.h; when the contour dips at least PACE_MIN_DIP_DB below it
 *     before the next peak and after the previous one (two peaks with a shallower dip between them are
 *     one nucleus, the louder); and when it is voiced (voicing at least PACE_MIN_VOICING near it).
 *  4. Syllables per second are counted over the answer's stretch of vad.h, from the first speech to the
 *     last, pauses included (as words a minute are counted: words over the time taken), and words per
 *     minute estimated from them with PACE_SYLLABLES_PER_WORD.
 *
 * Measured on real human speech (tests/eval/eval-pace.c over Debian packages' recordings with their
 * transcripts, answers of about 30 s): the syllables are counted within a few percent; words a minute
 * came out 12% high on the tuning part (18% on the held-out part) while the rate was taken over
 * speaking time alone and 1.4 syllables a word assumed. Over the whole stretch, with 1.45 (the best on
 * the tuning part), the held-out median error is +5% (size 6%), the worst 26%: how many syllables a
 * word has depends on what is said, and no count of the signal can know it.
 *
 * Limitations: the figure is an estimate (typically within 10%, at worst about 25%); fast, slurred
 * speech merges syllables and reads slower than it is; music or a second voice in the background counts.
 */
#define PACE_FRAME_MS VAD_FRAME_MS
#define PACE_VOICING_MS 30
#define PACE_MIN_PITCH_HZ 60
#define PACE_MAX_PITCH_HZ 400
#define PACE_SMOOTH_FRAMES 5
#define PACE_RANGE_DB 25
#define PACE_MIN_DIP_DB 2.0
#define PACE_MIN_VOICING 0.45
#define PACE_SYLLABLES_PER_WORD 1.45
#define PACE_MIN_SPEAKING_MS 5000	/* less speech than this gives no pace */

struct pace_result {
	int syllables;			/* nuclei counted */
	double syllables_per_second;	/* over speaking time; 0 when there is too little speech */
	double words_per_minute;	/* estimated; 0 when there is too little speech */
};

/* Holds a few bytes per frame: 10 minutes take 360 KB. */
struct pace;

/* A new counter for sample_rate (VAD_MIN_RATE..VAD_MAX_RATE), or NULL if out of range. Free with pace_free. */
struct pace *pace_new(int sample_rate);
/* Accepts NULL. */
void pace_free(struct pace *pace);
/* Adds count samples, in blocks of any size (the result does not depend on how they were cut). */
void pace_feed(struct pace *pace, const int16_t *samples, size_t count);
/* Counts the nuclei in everything fed so far, with the speaking time and threshold vad measured on the
 * same samples. Changes nothing. */
void pace_finish(const struct pace *pace, const struct vad_result *vad, struct pace_result *out);

/* One-shot: pace_new, pace_feed and pace_finish over one buffer (and vad_analyse for the speaking time). */
void pace_analyse(const int16_t *samples, size_t count, int sample_rate, struct pace_result *out);

#endif
