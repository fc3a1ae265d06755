/* pace: frame energies and voicing gathered while recording, then syllable nuclei picked from the
 * smoothed intensity contour when the recording ends (see pace.h for the method). */
#include "rebound/pace.h"
#include "rebound/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FULL_SCALE 32768.0
#define FLOOR_DB (-100.0)
#define DECIMATED_RATE 4000	/* voicing is judged on the signal averaged down to about this rate */
#define VOICED_NEAR 2		/* frames either side of a peak where voicing may be found */

struct pace_frame {
	int16_t energy_cdb;	/* the frame's RMS level, hundredths of a dB */
	uint8_t voicing;	/* 0..100 */
};

struct pace {
	int sample_rate;
	long long samples;
	long long frame_end;		/* the sample at which the current frame ends */
	double frame_energy;		/* sum of squares so far in the current frame */
	/* decimation: the average of every `factor` samples */
	int factor, pending;
	int32_t pending_sum;
	/* the decimated signal's last `history` samples (kept in a buffer twice that size) */
	float *decimated;
	size_t decimated_len, history, window;
	size_t lag_min, lag_max;
	struct pace_frame *frames;
	size_t frames_len, frames_cap;
};

static long long frame_start(const struct pace *pace, size_t frame)
{
	return (long long)frame * pace->sample_rate / (1000 / PACE_FRAME_MS);
}

struct pace *pace_new(int sample_rate)
{
	struct pace *pace;
	double rate;

	if (sample_rate < VAD_MIN_RATE || sample_rate > VAD_MAX_RATE)
		return NULL;
	pace = xcalloc(1, sizeof *pace);
	pace->sample_rate = sample_rate;
	pace->frame_end = frame_start(pace, 1);
	pace->factor = (int)lround((double)sample_rate / DECIMATED_RATE);
	if (pace->factor < 1)
		pace->factor = 1;
	rate = (double)sample_rate / pace->factor;
	pace->window = (size_t)lround(rate * PACE_VOICING_MS / 1000);
	pace->lag_min = (size_t)floor(rate / PACE_MAX_PITCH_HZ);
	pace->lag_max = (size_t)ceil(rate / PACE_MIN_PITCH_HZ);
	pace->history = pace->window + pace->lag_max;
	pace->decimated = xcalloc(2 * pace->history, sizeof *pace->decimated);
	return pace;
}

void pace_free(struct pace *pace)
{
	if (pace == NULL)
		return;
	free(pace->decimated);
	free(pace->frames);
	free(pace);
}

/* The highest normalised autocorrelation of the latest window at a pitch lag, 0..1. The energies of the
 * window and of its lagged copy are kept as running sums, so each lag costs one pass of products. */
static double voicing(const struct pace *pace)
{
	const float *x;
	double mean = 0, best = 0, e0 = 0, e1 = 0;
	size_t n, lag, count = pace->history, w = pace->window;
	float centred[2 * 1024];

	if (pace->decimated_len < count || count > sizeof centred / sizeof centred[0])
		return 0;
	x = pace->decimated + pace->decimated_len - count;
	for (n = 0; n < count; n++)
		mean += x[n];
	mean /= (double)count;
	for (n = 0; n < count; n++)
		centred[n] = (float)(x[n] - mean);
	for (n = 0; n < w; n++) {
		e0 += (double)centred[n] * centred[n];
		e1 += (double)centred[n + pace->lag_min] * centred[n + pace->lag_min];
	}
	for (lag = pace->lag_min; lag <= pace->lag_max; lag++) {
		const float *a = centred, *b = centred + lag;
		float part[4] = { 0, 0, 0, 0 }, r;
		for (n = 0; n + 4 <= w; n += 4) {	/* four sums: no chain of dependent additions */
			part[0] += a[n] * b[n];
			part[1] += a[n + 1] * b[n + 1];
			part[2] += a[n + 2] * b[n + 2];
			part[3] += a[n + 3] * b[n + 3];
		}
		for (r = part[0] + part[1] + part[2] + part[3]; n < w; n++)
			r += a[n] * b[n];
		if (e0 > 0 && e1 > 0 && r / sqrt(e0 * e1) > best)
			best = r / sqrt(e0 * e1);
		if (lag < pace->lag_max)	/* slide the lagged window one sample on */
			e1 += (double)centred[lag + w] * centred[lag + w] - (double)centred[lag] * centred[lag];
	}
	return best;
}

static void close_frame(struct pace *pace)
{
	long long count = pace->frame_end - frame_start(pace, pace->frames_len);
	double mean = count > 0 ? pace->frame_energy / (double)count / (FULL_SCALE * FULL_SCALE) : 0;
	double db = mean > 0 ? 10 * log10(mean) : FLOOR_DB;
	struct pace_frame *frame;

	xgrow(&pace->frames, &pace->frames_cap, pace->frames_len + 1, sizeof *pace->frames);
	frame = &pace->frames[pace->frames_len++];
	frame->energy_cdb = (int16_t)lround((db < FLOOR_DB ? FLOOR_DB : db > 0 ? 0 : db) * 100);
	/* a frame under the quietest threshold vad can have is never a nucleus: its voicing is not needed */
	frame->voicing = db > VAD_MIN_THRESHOLD_DB ? (uint8_t)lround(voicing(pace) * 100) : 0;
	pace->frame_energy = 0;
	pace->frame_end = frame_start(pace, pace->frames_len + 1);
}

static void push_decimated(struct pace *pace, float value)
{
	if (pace->decimated_len == 2 * pace->history) {	/* keep the latest history, in one slide */
		memmove(pace->decimated, pace->decimated + pace->history, pace->history * sizeof *pace->decimated);
		pace->decimated_len = pace->history;
	}
	pace->decimated[pace->decimated_len++] = value;
}

/* Adds samples that all fall inside the current frame. */
static void feed_frame(struct pace *pace, const int16_t *samples, size_t count)
{
	int64_t energy = 0;
	size_t i;

	for (i = 0; i < count; i++) {
		energy += (int32_t)samples[i] * samples[i];
		pace->pending_sum += samples[i];
		if (++pace->pending == pace->factor) {
			push_decimated(pace, (float)pace->pending_sum / (float)pace->factor);
			pace->pending = 0;
			pace->pending_sum = 0;
		}
	}
	pace->frame_energy += (double)energy;
	pace->samples += (long long)count;
}

void pace_feed(struct pace *pace, const int16_t *samples, size_t count)
{
	while (count > 0) {
		long long room = pace->frame_end - pace->samples;
		size_t take = (unsigned long long)room < count ? (size_t)room : count;
		feed_frame(pace, samples, take);
		samples += take;
		count -= take;
		if (pace->samples == pace->frame_end)
			close_frame(pace);
	}
}

/* ------------------------------------------------------------------------------------------------
 * Finishing: the contour and its nuclei
 */

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The intensity contour in dB: frame powers averaged with weights 1 2 3 2 1 (for PACE_SMOOTH_FRAMES 5). */
static double *contour(const struct pace *pace)
{
	size_t n = pace->frames_len, k;
	int half = PACE_SMOOTH_FRAMES / 2, j;
	double *out = xcalloc(n ? n : 1, sizeof *out);

	for (k = 0; k < n; k++) {
		double sum = 0, weights = 0;
		for (j = -half; j <= half; j++) {
			long long at = (long long)k + j;
			double weight = half + 1 - abs(j);
			if (at < 0 || at >= (long long)n)
				continue;
			sum += weight * pow(10, pace->frames[at].energy_cdb / 1000.0);
			weights += weight;
		}
		out[k] = 10 * log10(sum / weights);
	}
	return out;
}

static double percentile(const double *values, size_t count, int percent)
{
	double *sorted = xmalloc(count * sizeof *sorted), value;

	memcpy(sorted, values, count * sizeof *sorted);
	qsort(sorted, count, sizeof *sorted, compare_doubles);
	value = sorted[(count - 1) * (size_t)percent / 100];
	free(sorted);
	return value;
}

static int voiced(const struct pace *pace, size_t frame)
{
	size_t from = frame >= VOICED_NEAR ? frame - VOICED_NEAR : 0, k;

	for (k = from; k <= frame + VOICED_NEAR && k < pace->frames_len; k++)
		if (pace->frames[k].voicing >= PACE_MIN_VOICING * 100)
			return 1;
	return 0;
}

static double lowest(const double *level, size_t from, size_t to)
{
	double low = level[from];

	for (; from <= to; from++)
		if (level[from] < low)
			low = level[from];
	return low;
}

/* Counts the nuclei: peaks above threshold, merged while the dip between two is shallower than
 * PACE_MIN_DIP_DB, kept when voiced. */
static int count_nuclei(const struct pace *pace, const double *level, double threshold)
{
	size_t n = pace->frames_len, k;
	long long candidate = -1;
	int count = 0;

	for (k = 1; k + 1 < n; k++) {
		double dip;
		if (!(level[k] > level[k - 1] && level[k] >= level[k + 1] && level[k] > threshold))
			continue;
		if (candidate < 0) {
			candidate = (long long)k;
			continue;
		}
		dip = lowest(level, (size_t)candidate, k);
		if (level[candidate] - dip >= PACE_MIN_DIP_DB && level[k] - dip >= PACE_MIN_DIP_DB) {
			count += voiced(pace, (size_t)candidate);
			candidate = (long long)k;
		} else if (level[k] > level[candidate]) {
			candidate = (long long)k;
		}
	}
	if (candidate >= 0)
		count += voiced(pace, (size_t)candidate);
	return count;
}

void pace_finish(const struct pace *pace, const struct vad_result *vad, struct pace_result *out)
{
	double *level, threshold;
	long long span_ms;

	memset(out, 0, sizeof *out);
	if (pace->frames_len < 3)
		return;
	level = contour(pace);
	threshold = percentile(level, pace->frames_len, 99) - PACE_RANGE_DB;
	if (threshold < vad->threshold_db)
		threshold = vad->threshold_db;
	out->syllables = count_nuclei(pace, level, threshold);
	free(level);
	if (vad->speaking_ms < PACE_MIN_SPEAKING_MS)
		return;
	/* over the answer's stretch, pauses and all, as words a minute are counted (see pace.h) */
	span_ms = vad->speech_end_ms > vad->speech_start_ms ? vad->speech_end_ms - vad->speech_start_ms : vad->speaking_ms;
	out->syllables_per_second = out->syllables * 1000.0 / (double)span_ms;
	out->words_per_minute = out->syllables_per_second * 60 / PACE_SYLLABLES_PER_WORD;
}

void pace_analyse(const int16_t *samples, size_t count, int sample_rate, struct pace_result *out)
{
	struct pace *pace = pace_new(sample_rate);
	struct vad_result vad;

	memset(out, 0, sizeof *out);
	if (pace == NULL)
		return;
	vad_analyse(samples, count, sample_rate, &vad);
	pace_feed(pace, samples, count);
	pace_finish(pace, &vad, out);
	pace_free(pace);
}
