/* Unit tests for recognizer: real human speech from Debian's pocketsphinx-testdata decoded at once and
 * fed in blocks of any size (the same words at the same times), at 16 and 48 kHz, across several
 * utterances (word times from the start of the recording, increasing); a missing model and a bad rate.
 * Loose where the recogniser is: words it hears with confidence in this clip, not the whole sentence.
 * Skipped when rebound is built without pocketsphinx. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "rebound/audio.h"
#include "rebound/date.h"
#include "rebound/recognizer.h"
#include "rebound/util.h"

/* "he was not an ill disposed young man", read by a person: 2.99 s at 16 kHz. */
#define CLIP "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0880.wav"

struct clip {
	int16_t *samples;
	long long count;
	int rate;
};

static struct recognizer *recognizer;
static struct clip clip;

static int setup(void **state)
{
	char *cause = NULL;

	(void)state;
	if (!recognizer_available())
		return 0;
	if (audio_read_wav(CLIP, &clip.samples, &clip.count, &clip.rate, &cause) != 0) {
		print_error("%s (install pocketsphinx-testdata)\n", cause);
		free(cause);
		return -1;
	}
	if ((recognizer = recognizer_open(NULL, &cause)) == NULL) {
		print_error("%s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	recognizer_close(recognizer);
	free(clip.samples);
	return 0;
}

static int has_word(const struct recognizer_result *r, const char *word)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		if (strcmp(r->words[i].text, word) == 0)
			return 1;
	return 0;
}

/* Times increase, stay inside the audio, and every confidence is a probability. */
static void assert_well_formed(const struct recognizer_result *r)
{
	size_t i;

	for (i = 0; i < r->count; i++) {
		assert_true(r->words[i].end_ms > r->words[i].start_ms);
		assert_true(r->words[i].end_ms <= r->audio_ms);
		if (i > 0)
			assert_true(r->words[i].start_ms >= r->words[i - 1].end_ms);
		assert_true(r->words[i].confidence >= 0 && r->words[i].confidence <= 1);
		assert_null(strpbrk(r->words[i].text, "()<>[]ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
	}
}

static void decode(const int16_t *samples, size_t count, int rate, struct recognizer_result *out)
{
	char *cause = NULL;

	if (recognizer_decode(recognizer, samples, count, rate, NULL, 0, out, &cause) != 0)
		fail_msg("%s", cause);
}

static void test_hears_the_clip(void **state)
{
	struct recognizer_result r;
	(void)state;

	if (!recognizer_available())
		skip();
	decode(clip.samples, (size_t)clip.count, clip.rate, &r);
	assert_int_equal(r.audio_ms, 2990);
	assert_true(r.count >= 4 && r.count <= 12);
	assert_true(has_word(&r, "young"));
	assert_true(has_word(&r, "man"));
	assert_false(has_word(&r, "salary"));
	assert_true(r.confidence > 0.3 && r.confidence <= 1);
	assert_well_formed(&r);
	recognizer_result_free(&r);
}

/* The worker cuts frames and utterances by sample count: how the feeder cut the blocks changes nothing. */
static void test_blocks_of_any_size_give_the_same_words(void **state)
{
	static const size_t blocks[] = { 7, 16000 };	/* neither a multiple of a frame */
	struct recognizer_result whole, r;
	size_t b, i;
	(void)state;

	if (!recognizer_available())
		skip();
	decode(clip.samples, (size_t)clip.count, clip.rate, &whole);
	for (b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
		struct recognizer_job *job = recognizer_start(recognizer, clip.rate, NULL, 0, NULL);
		long long at;
		assert_non_null(job);
		for (at = 0; at < clip.count; at += (long long)blocks[b])
			recognizer_feed(job, clip.samples + at,
					clip.count - at < (long long)blocks[b] ? (size_t)(clip.count - at) : blocks[b]);
		assert_int_equal(recognizer_finish(job, &r, NULL), 0);
		assert_int_equal(r.count, whole.count);
		for (i = 0; i < r.count; i++) {
			assert_string_equal(r.words[i].text, whole.words[i].text);
			assert_int_equal(r.words[i].start_ms, whole.words[i].start_ms);
			assert_int_equal(r.words[i].end_ms, whole.words[i].end_ms);
		}
		recognizer_result_free(&r);
	}
	recognizer_result_free(&whole);
}

/* Three readings with a second of silence between: several utterances, times from the recording's start. */
static void test_long_answers_are_cut_into_utterances(void **state)
{
	size_t gap = (size_t)clip.rate, one = (size_t)clip.count + gap, i, men = 0;
	int16_t *answer = xcalloc(one * 3, sizeof *answer);
	struct recognizer_result r;
	(void)state;

	if (!recognizer_available()) {
		free(answer);
		skip();
	}
	for (i = 0; i < 3; i++)
		memcpy(answer + i * one, clip.samples, (size_t)clip.count * sizeof *answer);
	decode(answer, one * 3, clip.rate, &r);
	assert_int_equal(r.audio_ms, (long long)(one * 3 * 1000 / (size_t)clip.rate));
	assert_well_formed(&r);
	for (i = 0; i < r.count; i++)
		if (strcmp(r.words[i].text, "man") == 0) {
			/* each "man" lies in its own reading, near its end */
			long long reading = r.words[i].start_ms / (long long)(one * 1000 / (size_t)clip.rate);
			assert_true(reading == (long long)men);
			men++;
		}
	assert_true(men >= 2);
	recognizer_result_free(&r);
	free(answer);
}

/* At 48 kHz (the clip upsampled by linear interpolation) the model's bands are the same: still heard. */
static void test_other_rates(void **state)
{
	size_t n = (size_t)clip.count * 3, i;
	int16_t *high = xmalloc(n * sizeof *high);
	struct recognizer_result r;
	(void)state;

	if (!recognizer_available()) {
		free(high);
		skip();
	}
	for (i = 0; i < n; i++) {
		size_t k = i / 3, next = k + 1 < (size_t)clip.count ? k + 1 : k;
		high[i] = (int16_t)((clip.samples[k] * (3 - (int)(i % 3)) + clip.samples[next] * (int)(i % 3)) / 3);
	}
	decode(high, n, clip.rate * 3, &r);
	assert_int_equal(r.audio_ms, 2990);
	assert_true(has_word(&r, "man"));
	assert_well_formed(&r);
	recognizer_result_free(&r);
	free(high);
}

/* Waiting has a deadline; a cancelled job drops what is queued and says so; a finished one is ready. */
static void test_wait_and_cancel(void **state)
{
	size_t n = (size_t)clip.count * 40, i;
	int16_t *answer = xmalloc(n * sizeof *answer);
	struct recognizer_result r;
	struct recognizer_job *job;
	char *cause = NULL;
	long long start;
	(void)state;

	if (!recognizer_available()) {
		free(answer);
		skip();
	}
	for (i = 0; i < 40; i++)
		memcpy(answer + i * (size_t)clip.count, clip.samples, (size_t)clip.count * sizeof *answer);
	/* Two minutes of speech take the worker seconds (7 or more here): not ready 10 ms after the input ends. */
	job = recognizer_start(recognizer, clip.rate, NULL, 0, NULL);
	recognizer_feed(job, answer, n);
	recognizer_end_input(job);
	start = date_monotonic_ms();
	assert_int_equal(recognizer_wait(job, start + 10), 0);
	assert_true(date_monotonic_ms() - start >= 9);
	recognizer_cancel(job);
	assert_int_equal(recognizer_wait(job, date_monotonic_ms() + 5000), 1);
	/* It stopped inside the block (only ending the utterance it was in), not after decoding it all (a
	 * minute or more here; the margin is for a loaded machine). */
	assert_true(date_monotonic_ms() - start < 15000);
	assert_int_equal(recognizer_finish(job, &r, &cause), -1);
	assert_string_equal(cause, "stopped before the transcript was ready");
	assert_int_equal(r.count, 0);
	free(cause);

	/* Left alone, it ends, and the result is there. */
	job = recognizer_start(recognizer, clip.rate, NULL, 0, NULL);
	recognizer_feed(job, clip.samples, (size_t)clip.count);
	recognizer_end_input(job);
	assert_int_equal(recognizer_wait(job, date_monotonic_ms() + 30000), 1);
	assert_int_equal(recognizer_finish(job, &r, NULL), 0);
	assert_true(has_word(&r, "man"));
	assert_true(r.finish_ms >= 0);
	recognizer_result_free(&r);
	free(answer);
}

static void test_errors(void **state)
{
	struct recognizer_result r;
	char *cause = NULL;
	(void)state;

	if (!recognizer_available()) {
		assert_null(recognizer_open(NULL, &cause));
		assert_string_equal(cause, "rebound was built without pocketsphinx: no transcripts (see README)");
		free(cause);
		return;
	}
	assert_null(recognizer_open("/nonexistent/model", &cause));
	assert_string_equal(cause, "the speech model is missing from '/nonexistent/model' (install pocketsphinx-en-us)");
	free(cause);
	cause = NULL;
	assert_null(recognizer_start(recognizer, 8000, NULL, 0, &cause));
	assert_string_equal(cause, "the speech model needs audio at 16000 Hz or more, not 8000 Hz");
	free(cause);
	cause = NULL;
	assert_null(recognizer_start(recognizer, 384000, NULL, 0, &cause));
	assert_string_equal(cause, "cannot transcribe audio at 384000 Hz");
	free(cause);
	/* Nothing fed: no words, no error. */
	decode(NULL, 0, 16000, &r);
	assert_int_equal(r.count, 0);
	assert_true(r.confidence == 0);
	recognizer_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hears_the_clip),
		cmocka_unit_test(test_blocks_of_any_size_give_the_same_words),
		cmocka_unit_test(test_long_answers_are_cut_into_utterances),
		cmocka_unit_test(test_other_rates),
		cmocka_unit_test(test_wait_and_cancel),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
