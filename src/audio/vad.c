/* vad: per-frame energies collected while recording, then an adaptive threshold, hangover smoothing
 * and pause accounting when the recording ends. */
#include "rebound/vad.h"
#include "rebound/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FULL_SCALE 32768.0
#define FLOOR_CDB (VAD_FLOOR_DB * 100)
/* A histogram of frame energies in 0.1 dB bins from VAD_FLOOR_DB to 0 dBFS gives the percentile
 * without sorting or allocating in vad_finish. */
#define BIN_CDB 10
#define BINS (-FLOOR_CDB / BIN_CDB + 1)

struct vad {
	int sample_rate;
	long long samples;		/* fed so far */
	long long frame_end;		/* the sample at which the current frame ends */
	uint64_t frame_energy;		/* sum of squares of the current frame's samples so far */
	int16_t *frames;		/* energies of the complete frames, centi-dB */
	size_t frames_len, frames_cap;
	size_t histogram[BINS];		/* of the complete frames */
	/* vad_live's view: the threshold of the frames so far, the run of speech frames (bridged) being
	 * followed, and where the latest run long enough to be speech ended (frame numbers) */
	int live_threshold_cdb;
	long long live_run_start, live_last_above, live_speech_end;
	int live_heard;
};

/* ------------------------------------------------------------------------------------------------
 * Feeding: frame energies
 */

static long long frame_start(const struct vad *vad, size_t frame)
{
	return (long long)frame * vad->sample_rate / (1000 / VAD_FRAME_MS);
}

static int energy_cdb(uint64_t energy, long long count)
{
	double db;

	if (energy == 0 || count <= 0)
		return FLOOR_CDB;
	db = 10 * log10((double)energy / (double)count / (FULL_SCALE * FULL_SCALE));
	return db <= VAD_FLOOR_DB ? FLOOR_CDB : db >= 0 ? 0 : (int)lround(db * 100);
}

static size_t bin_of(int cdb)
{
	return (size_t)((cdb - FLOOR_CDB) / BIN_CDB);
}

static int threshold_of(int noise_cdb)
{
	int threshold_cdb = noise_cdb + VAD_MARGIN_DB * 100;

	return threshold_cdb < VAD_MIN_THRESHOLD_DB * 100 ? VAD_MIN_THRESHOLD_DB * 100 : threshold_cdb;
}

static int histogram_percentile(const size_t *histogram, size_t count, size_t extra_bin, int percent);

#define LIVE_BRIDGE_FRAMES (VAD_BRIDGE_MS / VAD_FRAME_MS)
#define LIVE_MIN_SPEECH_FRAMES (VAD_MIN_SPEECH_MS / VAD_FRAME_MS)
#define LIVE_REPLAY_FRAMES 200	/* how far back a lower threshold looks again */

/* One frame against the live threshold: runs of speech frames, bridged, long enough to be speech. */
static void live_classify(struct vad *vad, long long frame)
{
	if (vad->frames[frame] <= vad->live_threshold_cdb)
		return;
	if (vad->live_last_above < 0 || frame - vad->live_last_above > LIVE_BRIDGE_FRAMES)
		vad->live_run_start = frame;
	vad->live_last_above = frame;
	if (frame + 1 - vad->live_run_start >= LIVE_MIN_SPEECH_FRAMES) {
		vad->live_heard = 1;
		vad->live_speech_end = frame + 1;
	}
}

/* The speech so far, by the rules of vad_finish applied frame by frame (see vad_live). The threshold
 * settles as frames come: when it falls (speech came first, the room's quiet after), the frames since
 * the latest speech are looked at again, so that the quiet end of a word still counts as speech. */
static void live_frame(struct vad *vad, long long frame)
{
	if (frame % VAD_LIVE_EVERY == 0) {
		int threshold_cdb = threshold_of(histogram_percentile(vad->histogram, (size_t)frame + 1, BINS,
								      VAD_NOISE_PERCENTILE));
		int lower = threshold_cdb < vad->live_threshold_cdb;
		vad->live_threshold_cdb = threshold_cdb;
		if (lower) {
			long long from = frame - LIVE_REPLAY_FRAMES, f;
			if (vad->live_heard && vad->live_speech_end > from) {	/* go on from the latest speech */
				from = vad->live_speech_end;
				vad->live_last_above = from - 1;
				vad->live_run_start = from - LIVE_MIN_SPEECH_FRAMES;
			} else {
				vad->live_last_above = -1;
			}
			for (f = from < 0 ? 0 : from; f < frame; f++)
				live_classify(vad, f);
		}
	}
	live_classify(vad, frame);
}

static void close_frame(struct vad *vad)
{
	int cdb = energy_cdb(vad->frame_energy, vad->frame_end - frame_start(vad, vad->frames_len));

	xgrow(&vad->frames, &vad->frames_cap, vad->frames_len + 1, sizeof *vad->frames);
	vad->frames[vad->frames_len++] = (int16_t)cdb;
	vad->histogram[bin_of(cdb)]++;
	live_frame(vad, (long long)vad->frames_len - 1);
	vad->frame_energy = 0;
	vad->frame_end = frame_start(vad, vad->frames_len + 1);
}

struct vad *vad_new(int sample_rate)
{
	struct vad *vad;

	if (sample_rate < VAD_MIN_RATE || sample_rate > VAD_MAX_RATE)
		return NULL;
	vad = xcalloc(1, sizeof *vad);
	vad->sample_rate = sample_rate;
	vad->frame_end = frame_start(vad, 1);
	vad->live_threshold_cdb = VAD_MIN_THRESHOLD_DB * 100;
	vad->live_last_above = -1;
	return vad;
}

void vad_free(struct vad *vad)
{
	if (vad == NULL)
		return;
	free(vad->frames);
	free(vad);
}

void vad_feed(struct vad *vad, const int16_t *samples, size_t count)
{
	while (count > 0) {
		long long room = vad->frame_end - vad->samples;
		size_t take = (unsigned long long)room < count ? (size_t)room : count, i;
		uint64_t energy = 0;
		for (i = 0; i < take; i++)
			energy += (uint64_t)((int32_t)samples[i] * samples[i]);
		vad->frame_energy += energy;
		vad->samples += (long long)take;
		samples += take;
		count -= take;
		if (vad->samples == vad->frame_end)
			close_frame(vad);
	}
}

/* ------------------------------------------------------------------------------------------------
 * Finishing: threshold, smoothing, pauses
 */

/* The frames to classify: the complete ones and the partial one at the end, if any. */
struct frames {
	const struct vad *vad;
	size_t count;
	int partial_cdb;
};

static int frames_level(const struct frames *frames, size_t frame)
{
	return frame < frames->vad->frames_len ? frames->vad->frames[frame] : frames->partial_cdb;
}

/* The energy (centi-dB, to a bin) below or at which percent of count frames lie: those of the
 * histogram and one more in extra_bin (BINS for none). */
static int histogram_percentile(const size_t *histogram, size_t count, size_t extra_bin, int percent)
{
	size_t rank = (count * (size_t)percent + 99) / 100, seen = 0, bin;

	if (rank == 0)
		rank = 1;
	for (bin = 0; bin < BINS; bin++) {
		seen += histogram[bin] + (bin == extra_bin);
		if (seen >= rank)
			break;
	}
	return bin < BINS ? FLOOR_CDB + (int)bin * BIN_CDB : FLOOR_CDB;
}

static int frames_percentile(const struct frames *frames, int percent)
{
	size_t partial_bin = frames->count > frames->vad->frames_len ? bin_of(frames->partial_cdb) : BINS;

	return histogram_percentile(frames->vad->histogram, frames->count, partial_bin, percent);
}

/* Speech spans, in samples, flow through bridging (an open span that later speech may extend) and then
 * the click filter into the totals. */
struct spans {
	long long bridge, min_speech;
	int open;
	long long open_start, open_end;
	int kept;
	long long first_start, last_end, speaking, longest;
	int long_pauses;
	int sample_rate;
};

static long long samples_to_ms(long long samples, int rate)
{
	return (samples * 1000 + rate / 2) / rate;
}

static void spans_keep(struct spans *spans, long long start, long long end)
{
	long long pause;

	if (end - start < spans->min_speech)
		return;
	if (spans->kept > 0) {
		pause = start - spans->last_end;
		if (pause > spans->longest)
			spans->longest = pause;
		if (samples_to_ms(pause, spans->sample_rate) > VAD_LONG_PAUSE_MS)
			spans->long_pauses++;
	} else {
		spans->first_start = start;
	}
	spans->kept++;
	spans->speaking += end - start;
	spans->last_end = end;
}

static void spans_close(struct spans *spans)
{
	if (spans->open)
		spans_keep(spans, spans->open_start, spans->open_end);
	spans->open = 0;
}

static void spans_add(struct spans *spans, long long start, long long end)
{
	if (spans->open && start - spans->open_end < spans->bridge) {
		spans->open_end = end;
		return;
	}
	spans_close(spans);
	spans->open = 1;
	spans->open_start = start;
	spans->open_end = end;
}

/* Feeds each run of frames above threshold_cdb to spans, as sample ranges. */
static void classify(const struct frames *frames, int threshold_cdb, struct spans *spans)
{
	const struct vad *vad = frames->vad;
	size_t frame, run_start = 0;
	int in_speech = 0;

	for (frame = 0; frame <= frames->count; frame++) {
		int speech = frame < frames->count && frames_level(frames, frame) > threshold_cdb;
		if (speech && !in_speech)
			run_start = frame;
		if (!speech && in_speech) {
			long long end = frame_start(vad, frame);
			spans_add(spans, frame_start(vad, run_start), end < vad->samples ? end : vad->samples);
		}
		in_speech = speech;
	}
	spans_close(spans);
}

void vad_finish(const struct vad *vad, struct vad_result *out)
{
	struct frames frames = { vad, vad->frames_len, FLOOR_CDB };
	struct spans spans;
	int noise_cdb, threshold_cdb;
	long long rate = vad->sample_rate;

	if (vad->samples > frame_start(vad, vad->frames_len)) {
		frames.partial_cdb = energy_cdb(vad->frame_energy, vad->samples - frame_start(vad, vad->frames_len));
		frames.count++;
	}
	noise_cdb = frames_percentile(&frames, VAD_NOISE_PERCENTILE);
	threshold_cdb = threshold_of(noise_cdb);

	memset(&spans, 0, sizeof spans);
	spans.bridge = rate * VAD_BRIDGE_MS / 1000;
	spans.min_speech = rate * VAD_MIN_SPEECH_MS / 1000;
	spans.sample_rate = vad->sample_rate;
	classify(&frames, threshold_cdb, &spans);

	memset(out, 0, sizeof *out);
	out->duration_ms = samples_to_ms(vad->samples, vad->sample_rate);
	out->speaking_ms = samples_to_ms(spans.speaking, vad->sample_rate);
	if (spans.kept > 0) {
		out->speech_start_ms = samples_to_ms(spans.first_start, vad->sample_rate);
		out->speech_end_ms = samples_to_ms(spans.last_end, vad->sample_rate);
		out->silence_ratio = 1 - (double)spans.speaking / (double)(spans.last_end - spans.first_start);
	} else if (vad->samples > 0) {
		out->silence_ratio = 1;
	}
	out->spans = spans.kept;
	out->long_pauses = spans.long_pauses;
	out->longest_pause_ms = samples_to_ms(spans.longest, vad->sample_rate);
	out->noise_floor_db = noise_cdb / 100.0;
	out->threshold_db = threshold_cdb / 100.0;
}

void vad_live(const struct vad *vad, struct vad_live *out)
{
	out->heard = vad->live_heard;
	out->fed_ms = samples_to_ms(vad->samples, vad->sample_rate);
	out->speech_end_ms = vad->live_heard ? vad->live_speech_end * VAD_FRAME_MS : 0;
}

void vad_analyse(const int16_t *samples, size_t count, int sample_rate, struct vad_result *out)
{
	struct vad *vad = vad_new(sample_rate);

	if (vad == NULL) {
		memset(out, 0, sizeof *out);
		out->noise_floor_db = VAD_FLOOR_DB;
		out->threshold_db = VAD_MIN_THRESHOLD_DB;
		return;
	}
	vad_feed(vad, samples, count);
	vad_finish(vad, out);
	vad_free(vad);
}
