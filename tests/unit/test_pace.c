/* Unit tests for pace over synthetic utterances: voiced "syllables" (a harmonic tone at a speaking
 * pitch under a rise-and-fall envelope) in known numbers and rates, unvoiced noise bursts that must not
 * count, syllables run together with shallow dips, several sample rates, odd block sizes, silence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rebound/pace.h"
#include "rebound/util.h"

#define PI 3.14159265358979323846

struct utterance {
	int rate;
	int16_t *samples;
	size_t count, cap;
	uint32_t noise_state;
};

static double lcg_uniform(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	return (double)(*state >> 8) / (1 << 23) - 1;
}

static void put(struct utterance *u, double value)
{
	xgrow(&u->samples, &u->cap, u->count + 1, sizeof *u->samples);
	value += 30 * lcg_uniform(&u->noise_state);	/* a quiet room: about -64 dBFS */
	u->samples[u->count++] = (int16_t)(value > 32767 ? 32767 : value < -32768 ? -32768 : value);
}

/* A voiced syllable: five harmonics of pitch_hz, under a raised-cosine envelope that falls to floor
 * (0..1) of its peak at both ends. */
static void syllable(struct utterance *u, int ms, double pitch_hz, double floor)
{
	size_t n = (size_t)u->rate * (size_t)ms / 1000, i;
	int h;

	for (i = 0; i < n; i++) {
		double t = (double)i / u->rate, env = floor + (1 - floor) * 0.5 * (1 - cos(2 * PI * (double)i / (double)n));
		double v = 0;
		for (h = 1; h <= 5; h++)
			v += sin(2 * PI * pitch_hz * h * t) / h;
		put(u, 6000 * env * v);
	}
}

/* An unvoiced burst ("s", "f"): white noise under the same envelope. */
static void hiss(struct utterance *u, int ms)
{
	size_t n = (size_t)u->rate * (size_t)ms / 1000, i;
	uint32_t state = 7;

	for (i = 0; i < n; i++)
		put(u, 6000 * 0.5 * (1 - cos(2 * PI * (double)i / (double)n)) * lcg_uniform(&state));
}

static void pause_for(struct utterance *u, int ms)
{
	size_t n = (size_t)u->rate * (size_t)ms / 1000, i;

	for (i = 0; i < n; i++)
		put(u, 0);
}

static void utterance_init(struct utterance *u, int rate)
{
	memset(u, 0, sizeof *u);
	u->rate = rate;
	u->noise_state = 1;
}

/* syllables voiced syllables of syllable_ms each, in groups of five with a 400 ms pause after each. */
static void speak(struct utterance *u, int syllables, int syllable_ms)
{
	int i;

	pause_for(u, 500);
	for (i = 0; i < syllables; i++) {
		syllable(u, syllable_ms, 110 + 15 * (i % 4), 0.05);
		if (i % 5 == 4)
			pause_for(u, 400);
	}
	pause_for(u, 500);
}

static void analyse(const struct utterance *u, struct pace_result *out)
{
	pace_analyse(u->samples, u->count, u->rate, out);
}

/* ------------------------------------------------------------------------------------------------
 * Counting
 */

static void test_counts_voiced_syllables_at_each_rate(void **state)
{
	static const int rates[] = { 8000, 16000, 22050, 44100, 48000 };
	size_t i;
	(void)state;

	for (i = 0; i < sizeof rates / sizeof rates[0]; i++) {
		struct utterance u;
		struct pace_result r;
		utterance_init(&u, rates[i]);
		speak(&u, 30, 200);
		analyse(&u, &r);
		print_message("rate %d: %d syllables\n", rates[i], r.syllables);
		assert_int_equal(r.syllables, 30);
		free(u.samples);
	}
}

/* 30 syllables of 200 ms in six groups: 6 s of voiced sound, and five 400 ms pauses between the groups.
 * Words a minute are words over the time taken, pauses and all: the rate is over the 8 s from the first
 * syllable to the last, 3.75 a second; the silence before and after does not count. */
static void test_rate_is_over_the_answer_s_stretch(void **state)
{
	struct utterance u;
	struct pace_result r;
	(void)state;

	utterance_init(&u, 16000);
	speak(&u, 30, 200);
	analyse(&u, &r);
	assert_int_equal(r.syllables, 30);
	assert_true(fabs(r.syllables_per_second - 3.75) < 0.25);
	assert_true(fabs(r.words_per_minute - 3.75 * 60 / PACE_SYLLABLES_PER_WORD) < 10);
	free(u.samples);
}

static void test_faster_speech_measures_faster(void **state)
{
	struct utterance slow, fast;
	struct pace_result a, b;
	(void)state;

	utterance_init(&slow, 16000);
	utterance_init(&fast, 16000);
	speak(&slow, 40, 250);	/* 3.1 a second over 12.8 s, pauses included */
	speak(&fast, 40, 160);	/* 4.3 a second over 9.2 s */
	analyse(&slow, &a);
	analyse(&fast, &b);
	assert_int_equal(a.syllables, 40);
	assert_int_equal(b.syllables, 40);
	assert_true(b.words_per_minute > a.words_per_minute * 1.3);
	free(slow.samples);
	free(fast.samples);
}

static void test_unvoiced_bursts_do_not_count(void **state)
{
	struct utterance u;
	struct pace_result r;
	int i;
	(void)state;

	utterance_init(&u, 16000);
	pause_for(&u, 500);
	for (i = 0; i < 10; i++) {
		syllable(&u, 200, 120, 0.05);
		hiss(&u, 150);
	}
	pause_for(&u, 500);
	analyse(&u, &r);
	assert_int_equal(r.syllables, 10);
	free(u.samples);
}

/* Two syllables whose envelopes barely dip between them are one nucleus; a deep dip makes two. */
static void test_shallow_dips_merge(void **state)
{
	struct utterance shallow, deep;
	struct pace_result a, b;
	int i;
	(void)state;

	utterance_init(&shallow, 16000);
	utterance_init(&deep, 16000);
	pause_for(&shallow, 300);
	pause_for(&deep, 300);
	for (i = 0; i < 8; i++) {
		syllable(&shallow, 200, 120, 0.9);	/* 1 dB of dip */
		syllable(&deep, 200, 120, 0.2);		/* 14 dB */
	}
	pause_for(&shallow, 300);
	pause_for(&deep, 300);
	analyse(&shallow, &a);
	analyse(&deep, &b);
	assert_true(a.syllables <= 2);
	assert_int_equal(b.syllables, 8);
	free(shallow.samples);
	free(deep.samples);
}

/* ------------------------------------------------------------------------------------------------
 * Edges
 */

static void test_blocks_of_any_size_give_the_same_count(void **state)
{
	static const size_t blocks[] = { 1, 7, 160, 4096, 100000 };
	struct utterance u;
	struct pace_result whole;
	size_t i;
	(void)state;

	utterance_init(&u, 22050);
	speak(&u, 25, 180);
	analyse(&u, &whole);
	for (i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
		struct pace *pace = pace_new(u.rate);
		struct vad_result vad;
		struct pace_result r;
		size_t at;
		vad_analyse(u.samples, u.count, u.rate, &vad);
		for (at = 0; at < u.count; at += blocks[i])
			pace_feed(pace, u.samples + at, u.count - at < blocks[i] ? u.count - at : blocks[i]);
		pace_finish(pace, &vad, &r);
		assert_int_equal(r.syllables, whole.syllables);
		assert_true(r.words_per_minute == whole.words_per_minute);
		pace_free(pace);
	}
	free(u.samples);
}

static void test_silence_and_short_speech(void **state)
{
	struct utterance u;
	struct pace_result r;
	int16_t zeros[16000] = { 0 };
	(void)state;

	pace_analyse(zeros, 16000, 16000, &r);
	assert_int_equal(r.syllables, 0);
	assert_true(r.words_per_minute == 0);
	pace_analyse(zeros, 0, 16000, &r);
	assert_int_equal(r.syllables, 0);

	/* Under PACE_MIN_SPEAKING_MS of speech: counted, but no rate. */
	utterance_init(&u, 16000);
	speak(&u, 10, 200);
	analyse(&u, &r);
	assert_int_equal(r.syllables, 10);
	assert_true(r.syllables_per_second == 0 && r.words_per_minute == 0);
	free(u.samples);

	assert_null(pace_new(4000));
	assert_null(pace_new(400000));
	pace_analyse(zeros, 16000, 4000, &r);
	assert_int_equal(r.syllables, 0);
	pace_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_voiced_syllables_at_each_rate),
		cmocka_unit_test(test_rate_is_over_the_answer_s_stretch),
		cmocka_unit_test(test_faster_speech_measures_faster),
		cmocka_unit_test(test_unvoiced_bursts_do_not_count),
		cmocka_unit_test(test_shallow_dips_merge),
		cmocka_unit_test(test_blocks_of_any_size_give_the_same_count),
		cmocka_unit_test(test_silence_and_short_speech),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
