/* Unit tests for vad over synthetic recordings: speech-like tones over deterministic noise in known
 * layouts, at several rates and noise floors, fed whole or in odd blocks; clicks, short gaps, silence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rebound/util.h"
#include "rebound/vad.h"

#define TOLERANCE_MS 100
#define PI 3.14159265358979323846

enum part_kind { NOISE, SPEECH, ZEROS, CLICK };

struct part {
	enum part_kind kind;
	int ms;
};

/* Levels are RMS in dBFS; speech is laid over the noise, as in a real room. */
struct levels {
	double noise_db, speech_db;
};

static const struct levels quiet_room = { -60, -20 };

/* The layout of the brief: 6.5 s of speech, pauses of 2.5 s (long) and 0.8 s. */
static const struct part answer[] = {
	{ NOISE, 1000 }, { SPEECH, 3000 }, { NOISE, 2500 }, { SPEECH, 2000 },
	{ NOISE, 800 }, { SPEECH, 1500 }, { NOISE, 1000 },
};
#define ANSWER_PARTS (sizeof answer / sizeof answer[0])

static double amplitude(double db)
{
	return 32768 * pow(10, db / 20);
}

/* A small LCG: uniform in [-1, 1), the same on every platform. */
static double lcg_uniform(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	return (double)(*state >> 8) / (1 << 23) - 1;
}

/* Three tones between 150 and 900 Hz, amplitude-modulated at 4 Hz like syllables; RMS 1. */
static double speech_shape(double t)
{
	/* The tones' RMS is sqrt(3/2); the envelope 0.65 + 0.35 sin has RMS sqrt(0.65^2 + 0.35^2 / 2). */
	static const double scale = 1 / (1.224744871391589 * 0.695521387116133);
	double tones = sin(2 * PI * 170 * t) + sin(2 * PI * 430 * t + 1) + sin(2 * PI * 780 * t + 2);

	return scale * (0.65 + 0.35 * sin(2 * PI * 4 * t)) * tones;
}

static int16_t clip(double value)
{
	return value > 32767 ? 32767 : value < -32768 ? -32768 : (int16_t)lround(value);
}

/* Renders parts at rate into a new buffer (caller frees); *count gets its length in samples. */
static int16_t *synth(const struct part *parts, size_t n, int rate, struct levels levels, size_t *count)
{
	double noise = amplitude(levels.noise_db) * sqrt(3), speech = amplitude(levels.speech_db);
	double click = amplitude(-10) * sqrt(3);
	uint32_t state = 12345;
	size_t total = 0, at = 0, i, j;
	int16_t *samples;

	for (i = 0; i < n; i++)
		total += (size_t)parts[i].ms * (size_t)rate / 1000;
	samples = xmalloc(total * sizeof *samples);
	for (i = 0; i < n; i++) {
		size_t length = (size_t)parts[i].ms * (size_t)rate / 1000;
		for (j = 0; j < length; j++, at++) {
			double value = noise * lcg_uniform(&state);
			if (parts[i].kind == SPEECH)
				value += speech * speech_shape((double)at / rate);
			else if (parts[i].kind == CLICK)
				value += click * lcg_uniform(&state);
			samples[at] = parts[i].kind == ZEROS ? 0 : clip(value);
		}
	}
	*count = total;
	return samples;
}

static void analyse(const struct part *parts, size_t n, int rate, struct levels levels, struct vad_result *out)
{
	size_t count;
	int16_t *samples = synth(parts, n, rate, levels, &count);

	vad_analyse(samples, count, rate, out);
	free(samples);
}

static void assert_within(double actual, double expected, double tolerance)
{
	if (fabs(actual - expected) > tolerance)
		fail_msg("%g is not within %g of %g", actual, tolerance, expected);
}

/* silence_ratio agrees with the millisecond totals (which are rounded): it is the silence between the
 * first speech and the last, not before or after. */
static void assert_ratio_consistent(const struct vad_result *result)
{
	assert_true(result->duration_ms > 0);
	assert_true(result->spans > 0);
	assert_true(result->speech_end_ms > result->speech_start_ms);
	assert_true(result->speech_end_ms <= result->duration_ms);
	assert_within(result->silence_ratio,
		      1 - (double)result->speaking_ms / (double)(result->speech_end_ms - result->speech_start_ms), 1e-3);
}

static void assert_same(const struct vad_result *a, const struct vad_result *b)
{
	assert_int_equal(a->duration_ms, b->duration_ms);
	assert_int_equal(a->speaking_ms, b->speaking_ms);
	assert_true(a->silence_ratio == b->silence_ratio);
	assert_int_equal(a->spans, b->spans);
	assert_int_equal(a->long_pauses, b->long_pauses);
	assert_int_equal(a->longest_pause_ms, b->longest_pause_ms);
	assert_true(a->noise_floor_db == b->noise_floor_db);
	assert_true(a->threshold_db == b->threshold_db);
}

/* ------------------------------------------------------------------------------------------------
 * A known answer at several rates and noise floors
 */

static void assert_answer(int rate, struct levels levels)
{
	struct vad_result result;

	analyse(answer, ANSWER_PARTS, rate, levels, &result);
	assert_int_equal(result.duration_ms, 11800);
	assert_within((double)result.speaking_ms, 6500, TOLERANCE_MS);
	assert_int_equal(result.spans, 3);
	assert_int_equal(result.long_pauses, 1);
	assert_within((double)result.longest_pause_ms, 2500, TOLERANCE_MS);
	assert_ratio_consistent(&result);
	/* the answer runs from 1.0 s to 10.8 s: the second of noise before and after is not in it */
	assert_within((double)result.speech_start_ms, 1000, TOLERANCE_MS);
	assert_within((double)result.speech_end_ms, 10800, TOLERANCE_MS);
	assert_within(result.silence_ratio, 1 - 6500.0 / 9800, 0.01);
	/* The floor is the noise; the threshold is 12 dB above it, or -55 dBFS if that is higher. */
	assert_within(result.noise_floor_db, levels.noise_db, 1.5);
	assert_within(result.threshold_db, fmax(result.noise_floor_db + VAD_MARGIN_DB, VAD_MIN_THRESHOLD_DB), 1e-9);
}

static void test_answer_16k(void **state)
{
	(void)state;
	assert_answer(16000, quiet_room);
}

static void test_answer_48k(void **state)
{
	(void)state;
	assert_answer(48000, quiet_room);
}

static void test_answer_8k_and_22050(void **state)
{
	(void)state;
	assert_answer(8000, quiet_room);
	/* 220.5 samples a frame: frames alternate between 220 and 221 samples. */
	assert_answer(22050, quiet_room);
}

static void test_boundaries_off_the_frame_grid(void **state)
{
	/* No boundary falls on a 10 ms frame edge, and the recording ends in a 7 ms partial frame. */
	static const struct part odd[] = {
		{ NOISE, 1234 }, { SPEECH, 2345 }, { NOISE, 2107 }, { SPEECH, 1503 }, { NOISE, 777 },
	};
	static const int rates[] = { 16000, 44100 };
	struct vad_result result;
	size_t r;
	(void)state;

	for (r = 0; r < 2; r++) {
		analyse(odd, 5, rates[r], quiet_room, &result);
		assert_int_equal(result.duration_ms, 7966);
		assert_within((double)result.speaking_ms, 3848, TOLERANCE_MS);
		assert_int_equal(result.spans, 2);
		assert_int_equal(result.long_pauses, 1);
		assert_within((double)result.longest_pause_ms, 2107, TOLERANCE_MS);
		assert_ratio_consistent(&result);
	}
}

/* vad_live follows the speech as it is fed: nothing heard in the leading noise, the end of each stretch
 * of speech while the pause after it goes on, and the last end agreeing with vad_finish. */
static void test_live_follows_speech(void **state)
{
	static const int rates[] = { 16000, 44100 };
	size_t r;
	(void)state;

	for (r = 0; r < 2; r++) {
		int rate = rates[r];
		size_t count, at = 0, block = (size_t)rate / 20;
		int16_t *samples = synth(answer, ANSWER_PARTS, rate, quiet_room, &count);
		struct vad *vad = vad_new(rate);
		struct vad_result result;
		struct vad_live live;
		for (; at < count; at += block) {
			size_t n = count - at < block ? count - at : block;
			vad_feed(vad, samples + at, n);
			vad_live(vad, &live);
			assert_within((double)live.fed_ms, (double)(at + n) * 1000 / rate, 1);
			if (live.fed_ms < 1000)
				assert_false(live.heard);
			else if (live.fed_ms > 1300)
				assert_true(live.heard);
			if (live.fed_ms > 4300 && live.fed_ms < 6500)	/* in the long pause: the first stretch ended */
				assert_within((double)live.speech_end_ms, 4000, TOLERANCE_MS);
			if (live.fed_ms > 10900)
				assert_within((double)live.speech_end_ms, 10800, TOLERANCE_MS);
		}
		vad_finish(vad, &result);
		assert_within((double)live.speech_end_ms, (double)result.speech_end_ms, VAD_FRAME_MS);
		vad_free(vad);
		free(samples);
	}
}

/* Noise alone is never heard live either. */
static void test_live_noise_is_not_heard(void **state)
{
	static const struct part noise[] = { { NOISE, 5000 }, { CLICK, 30 }, { NOISE, 2000 } };
	size_t count;
	int16_t *samples = synth(noise, 3, 16000, quiet_room, &count);
	struct vad *vad = vad_new(16000);
	struct vad_live live;
	(void)state;

	vad_feed(vad, samples, count);
	vad_live(vad, &live);
	assert_false(live.heard);
	assert_int_equal(live.speech_end_ms, 0);
	assert_int_equal(live.fed_ms, 7030);
	vad_free(vad);
	free(samples);
}

static void test_partial_frame_at_end_counts(void **state)
{
	/* Speech starts on a frame edge and is cut off 5 ms into a frame: all 1005 ms of it count. */
	static const struct part cut_off[] = { { NOISE, 1000 }, { SPEECH, 1005 } };
	struct vad_result result;
	(void)state;

	analyse(cut_off, 2, 16000, quiet_room, &result);
	assert_int_equal(result.duration_ms, 2005);
	assert_int_equal(result.speaking_ms, 1005);
	assert_int_equal(result.spans, 1);
}

static void test_threshold_adapts_to_loud_noise(void **state)
{
	static const struct levels loud_room = { -45, -15 };
	struct vad_result result;
	(void)state;

	assert_answer(16000, loud_room);
	/* Fixed at the quiet room's threshold (-48 dBFS), the -45 dBFS noise would all be speech. */
	analyse(answer, ANSWER_PARTS, 16000, loud_room, &result);
	assert_true(result.threshold_db > -35);
}

/* ------------------------------------------------------------------------------------------------
 * Nothing to hear
 */

static void test_noise_only_is_silence(void **state)
{
	static const struct part noise[] = { { NOISE, 5000 } };
	static const double floors[] = { -70, -60, -45 };
	struct vad_result result;
	size_t i;
	(void)state;

	for (i = 0; i < sizeof floors / sizeof floors[0]; i++) {
		struct levels levels = { floors[i], -20 };
		analyse(noise, 1, 16000, levels, &result);
		assert_int_equal(result.duration_ms, 5000);
		assert_int_equal(result.speaking_ms, 0);
		assert_within(result.silence_ratio, 1, 1e-12);
		assert_int_equal(result.spans, 0);
		assert_int_equal(result.long_pauses, 0);
		assert_int_equal(result.longest_pause_ms, 0);
		assert_within(result.noise_floor_db, floors[i], 1.5);
	}
	/* At -70 dBFS the margin alone would give -58: the absolute minimum holds. */
	analyse(noise, 1, 16000, (struct levels){ -70, -20 }, &result);
	assert_within(result.threshold_db, VAD_MIN_THRESHOLD_DB, 1e-9);
}

static void test_digital_zeros(void **state)
{
	static const struct part zeros[] = { { ZEROS, 3000 } };
	struct vad_result result;
	(void)state;

	analyse(zeros, 1, 48000, quiet_room, &result);
	assert_int_equal(result.duration_ms, 3000);
	assert_int_equal(result.speaking_ms, 0);
	assert_within(result.silence_ratio, 1, 1e-12);
	assert_int_equal(result.spans, 0);
	assert_int_equal(result.long_pauses, 0);
	assert_within(result.noise_floor_db, VAD_FLOOR_DB, 1e-9);
	assert_within(result.threshold_db, VAD_MIN_THRESHOLD_DB, 1e-9);
}

static void assert_empty(const struct vad_result *result)
{
	assert_int_equal(result->duration_ms, 0);
	assert_int_equal(result->speaking_ms, 0);
	assert_within(result->silence_ratio, 0, 0);
	assert_int_equal(result->spans, 0);
	assert_int_equal(result->long_pauses, 0);
	assert_int_equal(result->longest_pause_ms, 0);
	assert_within(result->noise_floor_db, VAD_FLOOR_DB, 0);
	assert_within(result->threshold_db, VAD_MIN_THRESHOLD_DB, 0);
}

static void test_empty_recording(void **state)
{
	struct vad *vad = vad_new(16000);
	struct vad_result result;
	(void)state;

	memset(&result, 0x5a, sizeof result);
	vad_analyse(NULL, 0, 16000, &result);
	assert_empty(&result);

	memset(&result, 0x5a, sizeof result);
	vad_feed(vad, NULL, 0);
	vad_finish(vad, &result);
	assert_empty(&result);
	vad_free(vad);
}

static void test_sample_rate_bounds(void **state)
{
	static const int16_t one = 1000;
	struct vad_result result;
	struct vad *vad;
	(void)state;

	assert_null(vad_new(VAD_MIN_RATE - 1));
	assert_null(vad_new(VAD_MAX_RATE + 1));
	assert_null(vad_new(0));
	vad = vad_new(VAD_MIN_RATE);
	assert_non_null(vad);
	vad_free(vad);
	vad = vad_new(VAD_MAX_RATE);
	assert_non_null(vad);
	vad_free(vad);
	vad_free(NULL);

	memset(&result, 0x5a, sizeof result);
	vad_analyse(&one, 1, 4000, &result);
	assert_empty(&result);
}

/* ------------------------------------------------------------------------------------------------
 * Streaming
 */

/* Feeds samples in blocks whose sizes cycle through sizes. */
static void feed_in_blocks(struct vad *vad, const int16_t *samples, size_t count, const size_t *sizes,
			   size_t n)
{
	size_t at = 0, i = 0;

	while (at < count) {
		size_t block = sizes[i++ % n];
		if (block > count - at)
			block = count - at;
		vad_feed(vad, samples + at, block);
		at += block;
	}
}

static void test_block_sizes_do_not_matter(void **state)
{
	static const size_t ones[] = { 1 }, sevens[] = { 7 }, big[] = { 333 };
	static const size_t mixed[] = { 1, 0, 159, 7, 161, 333, 2 };
	static const struct { const size_t *sizes; size_t n; } cuts[] = {
		{ ones, 1 }, { sevens, 1 }, { big, 1 }, { mixed, 7 },
	};
	static const int rates[] = { 16000, 22050 };
	size_t count, i, r;
	(void)state;

	for (r = 0; r < 2; r++) {
		int16_t *samples = synth(answer, ANSWER_PARTS, rates[r], quiet_room, &count);
		struct vad_result whole, cut;
		vad_analyse(samples, count, rates[r], &whole);
		for (i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
			struct vad *vad = vad_new(rates[r]);
			feed_in_blocks(vad, samples, count, cuts[i].sizes, cuts[i].n);
			vad_finish(vad, &cut);
			assert_same(&cut, &whole);
			vad_free(vad);
		}
		free(samples);
	}
}

static void test_finish_midway_then_go_on(void **state)
{
	struct vad *vad = vad_new(16000);
	struct vad_result midway, prefix, end, whole;
	/* 4.5 s and 5 samples: in the 2.5 s pause, with a partial frame at the end. */
	size_t count, cut = 4500 * 16 + 5;
	int16_t *samples = synth(answer, ANSWER_PARTS, 16000, quiet_room, &count);
	(void)state;

	vad_feed(vad, samples, cut);
	vad_finish(vad, &midway);
	vad_finish(vad, &end);
	assert_same(&end, &midway);
	vad_analyse(samples, cut, 16000, &prefix);
	assert_same(&midway, &prefix);
	assert_int_equal(midway.duration_ms, 4500);
	assert_within((double)midway.speaking_ms, 3000, TOLERANCE_MS);
	assert_int_equal(midway.spans, 1);
	assert_int_equal(midway.long_pauses, 0);	/* trailing silence is not a pause */

	vad_feed(vad, samples + cut, count - cut);
	vad_finish(vad, &end);
	vad_analyse(samples, count, 16000, &whole);
	assert_same(&end, &whole);
	vad_free(vad);
	free(samples);
}

/* ------------------------------------------------------------------------------------------------
 * Smoothing: clicks, short gaps, pause lengths
 */

static void test_click_is_not_speech(void **state)
{
	static const struct part lone[] = { { NOISE, 1000 }, { CLICK, 60 }, { NOISE, 1000 } };
	/* A click inside a pause neither counts as speech nor splits the pause. */
	static const struct part inside[] = {
		{ NOISE, 500 }, { SPEECH, 1000 }, { NOISE, 1200 }, { CLICK, 60 }, { NOISE, 1200 },
		{ SPEECH, 1000 }, { NOISE, 500 },
	};
	struct vad_result result;
	(void)state;

	analyse(lone, 3, 16000, quiet_room, &result);
	assert_int_equal(result.speaking_ms, 0);
	assert_int_equal(result.spans, 0);

	analyse(inside, 7, 16000, quiet_room, &result);
	assert_within((double)result.speaking_ms, 2000, TOLERANCE_MS);
	assert_int_equal(result.spans, 2);
	assert_int_equal(result.long_pauses, 1);
	assert_within((double)result.longest_pause_ms, 2460, TOLERANCE_MS);
}

static void test_short_gap_is_bridged(void **state)
{
	static const struct part short_gap[] = {
		{ NOISE, 500 }, { SPEECH, 1000 }, { NOISE, 150 }, { SPEECH, 1000 }, { NOISE, 500 },
	};
	static const struct part zero_gap[] = {
		{ NOISE, 500 }, { SPEECH, 1000 }, { ZEROS, 150 }, { SPEECH, 1000 }, { NOISE, 500 },
	};
	static const struct part long_gap[] = {
		{ NOISE, 500 }, { SPEECH, 1000 }, { NOISE, 400 }, { SPEECH, 1000 }, { NOISE, 500 },
	};
	struct vad_result result;
	(void)state;

	analyse(short_gap, 5, 16000, quiet_room, &result);
	assert_within((double)result.speaking_ms, 2150, TOLERANCE_MS);
	assert_int_equal(result.spans, 1);
	assert_int_equal(result.long_pauses, 0);
	assert_int_equal(result.longest_pause_ms, 0);

	analyse(zero_gap, 5, 16000, quiet_room, &result);
	assert_int_equal(result.spans, 1);
	assert_int_equal(result.longest_pause_ms, 0);

	/* 400 ms is a pause, if not a long one. */
	analyse(long_gap, 5, 16000, quiet_room, &result);
	assert_within((double)result.speaking_ms, 2000, TOLERANCE_MS);
	assert_int_equal(result.spans, 2);
	assert_int_equal(result.long_pauses, 0);
	assert_within((double)result.longest_pause_ms, 400, TOLERANCE_MS);
}

static void test_long_pause_boundary(void **state)
{
	static const struct part pauses[] = {
		{ NOISE, 300 }, { SPEECH, 800 }, { NOISE, 1800 }, { SPEECH, 800 }, { NOISE, 2300 },
		{ SPEECH, 800 }, { NOISE, 3000 }, { SPEECH, 800 }, { NOISE, 300 },
	};
	struct vad_result result;
	(void)state;

	/* 1.8 s is not longer than 2 s; 2.3 s and 3.0 s are. */
	analyse(pauses, 9, 16000, quiet_room, &result);
	assert_within((double)result.speaking_ms, 3200, TOLERANCE_MS);
	assert_int_equal(result.spans, 4);
	assert_int_equal(result.long_pauses, 2);
	assert_within((double)result.longest_pause_ms, 3000, TOLERANCE_MS);
}

static void test_mostly_speech(void **state)
{
	/* Silence is 12% of this recording: the floor (10th percentile) is still the noise. */
	static const struct part fluent[] = { { NOISE, 400 }, { SPEECH, 5000 }, { NOISE, 300 } };
	struct vad_result result;
	(void)state;

	analyse(fluent, 3, 16000, quiet_room, &result);
	assert_within((double)result.speaking_ms, 5000, TOLERANCE_MS);
	assert_int_equal(result.spans, 1);
	assert_within(result.noise_floor_db, quiet_room.noise_db, 1.5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answer_16k),
		cmocka_unit_test(test_answer_48k),
		cmocka_unit_test(test_answer_8k_and_22050),
		cmocka_unit_test(test_boundaries_off_the_frame_grid),
		cmocka_unit_test(test_live_follows_speech),
		cmocka_unit_test(test_live_noise_is_not_heard),
		cmocka_unit_test(test_partial_frame_at_end_counts),
		cmocka_unit_test(test_threshold_adapts_to_loud_noise),
		cmocka_unit_test(test_noise_only_is_silence),
		cmocka_unit_test(test_digital_zeros),
		cmocka_unit_test(test_empty_recording),
		cmocka_unit_test(test_sample_rate_bounds),
		cmocka_unit_test(test_block_sizes_do_not_matter),
		cmocka_unit_test(test_finish_midway_then_go_on),
		cmocka_unit_test(test_click_is_not_speech),
		cmocka_unit_test(test_short_gap_is_bridged),
		cmocka_unit_test(test_long_pause_boundary),
		cmocka_unit_test(test_mostly_speech),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
