/* rebound-bench, speech part: the offline recogniser on this machine. A 2-minute answer is made of real
 * human speech (Debian's pocketsphinx-testdata clips, repeated); the real-time factor is the time to
 * decode it at once over its length; the end-of-answer delay feeds it in 100 ms blocks against a real
 * clock, as the recorder's writer thread does, and times from the end of the answer to its transcript
 * being saved in a database. */
#include "bench.h"

#include "rebound/audio.h"
#include "rebound/recognizer.h"
#include "rebound/store.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CLIPS "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0"
#define ANSWER_SECONDS 120
#define BLOCK_MS 100

/* Two minutes of speech at the clips' rate: the clips one after another, again and again. */
int16_t *bench_two_minutes(long long *count, int *rate)
{
	static const char *const clips[] = { "870", "880", "890", "920", "930" };
	int16_t *answer = NULL;
	long long length = 0, want = 0;
	size_t i;

	for (i = 0; want == 0 || length < want; i = (i + 1) % (sizeof clips / sizeof clips[0])) {
		char *path = xasprintf("%s%s.wav", CLIPS, clips[i]), *cause = NULL;
		int16_t *samples;
		long long n;
		if (audio_read_wav(path, &samples, &n, rate, &cause) != 0) {
			printf("  (skipped: %s; install pocketsphinx-testdata)\n", cause);
			free(cause);
			free(path);
			free(answer);
			return NULL;
		}
		want = (long long)*rate * ANSWER_SECONDS;
		if (n > want - length)
			n = want - length;
		answer = xrealloc(answer, (size_t)(length + n) * sizeof *answer);
		memcpy(answer + length, samples, (size_t)n * sizeof *samples);
		length += n;
		free(samples);
		free(path);
	}
	*count = length;
	return answer;
}

static void sleep_until(double when_ms)
{
	double left = when_ms - bench_now_ms();
	struct timespec nap;

	if (left <= 0)
		return;
	nap.tv_sec = (time_t)(left / 1000);
	nap.tv_nsec = (long)((left - nap.tv_sec * 1000.0) * 1e6);
	nanosleep(&nap, NULL);
}

/* Saves the transcript for a new answer in a fresh database under dir; returns the ms it took. */
static double save(const char *dir, const struct recognizer_result *heard, long long finish_ms)
{
	char *path = xasprintf("%s/speech.db", dir), *cause = NULL;
	struct store *store = store_open(path, &cause);
	struct store_session spec = { .kind = "interview", .spoken = 1 };
	struct store_recording recording = { .path = "recordings/bench.wav", .sample_rate = 16000, .channels = 1 };
	struct store_answer answer = { .position = 1, .question_id = "bench", .question_text = "Bench?",
				       .mode = "spoken", .answer_limit_seconds = ANSWER_SECONDS, .stopped_by = "limit",
				       .recording = &recording };
	struct store_transcript transcript;
	struct arena arena;
	double start;

	arena_init(&arena);
	if (store == NULL || (answer.session_id = store_session_create(store, &spec, NULL, 0, &cause)) < 0) {
		fprintf(stderr, "bench: %s\n", cause);
		exit(1);
	}
	start = bench_now_ms();
	transcript_build(heard, NULL, finish_ms, &arena, &transcript);
	answer.transcript = &transcript;
	if (store_answer_add(store, &answer, &cause) < 0) {
		fprintf(stderr, "bench: %s\n", cause);
		exit(1);
	}
	start = bench_now_ms() - start;
	store_close(store);
	arena_release(&arena);
	free(path);
	return start;
}

/* What the answer is listened for, as a question's keywords and talking points would be: words the
 * clips say, then as many they do not. */
static const char *const phrases[] = {
	"consider", "power", "prudently", "selfish", "disposed", "amiable", "respectable", "married",
	"salary", "dashboard", "incident", "deadline", "estimate", "customers", "project", "expect",
};
#define PHRASES_SAID 8

/* Keyword-spotting rows: precision and recall of the spotter alone over the phrases. */
static void spotting_rows(const struct recognizer_result *heard)
{
	size_t i, right = 0, wrong = 0;

	for (i = 0; i < heard->phrase_count; i++) {
		int spotted = heard->phrases[i].listened && heard->phrases[i].score >= RECOGNIZER_SPOTTED;
		right += spotted && i < PHRASES_SAID;
		wrong += spotted && i >= PHRASES_SAID;
	}
	bench_row("keyword spotting alone: precision", right + wrong ? 100.0 * right / (right + wrong) : 100, "%",
		  "(eval-kws: the full figures)", 1);
	bench_row("keyword spotting alone: recall", 100.0 * right / PHRASES_SAID, "%", "", 1);
}

void bench_speech(const char *dir)
{
	const size_t phrase_count = sizeof phrases / sizeof phrases[0];
	struct recognizer_result heard;
	struct recognizer_job *job;
	struct recognizer *recognizer;
	long long count = 0, at, block;
	double start, decode_ms, load_ms, end_ms, save_ms;
	char *cause = NULL;
	int16_t *answer;
	int rate = 0;

	printf("\ntranscription (%s), a %d s answer of real speech\n", recognizer_engine(), ANSWER_SECONDS);
	if (!recognizer_available()) {
		printf("  (skipped: rebound was built without pocketsphinx)\n");
		return;
	}
	if ((answer = bench_two_minutes(&count, &rate)) == NULL)
		return;
	if ((recognizer = recognizer_open(NULL, &cause)) == NULL) {
		printf("  (skipped: %s)\n", cause);
		free(cause);
		free(answer);
		return;
	}
	start = bench_now_ms();
	recognizer_decode(recognizer, answer, (size_t)rate, rate, phrases, phrase_count, &heard, NULL);	/* loads the models */
	load_ms = bench_now_ms() - start;
	recognizer_result_free(&heard);
	start = bench_now_ms();
	recognizer_decode(recognizer, answer, (size_t)count, rate, phrases, phrase_count, &heard, NULL);
	decode_ms = bench_now_ms() - start;
	recognizer_result_free(&heard);

	block = (long long)rate * BLOCK_MS / 1000;
	job = recognizer_start(recognizer, rate, phrases, phrase_count, NULL);
	start = bench_now_ms();
	for (at = 0; at < count; at += block) {
		recognizer_feed(job, answer + at, (size_t)(count - at < block ? count - at : block));
		sleep_until(start + (double)(at + block) * 1000 / rate);
	}
	end_ms = bench_now_ms();
	recognizer_finish(job, &heard, NULL);
	save_ms = save(dir, &heard, heard.finish_ms);
	end_ms = bench_now_ms() - end_ms;
	printf("  (transcript and keyword spotting, %zu phrases)\n", phrase_count);
	bench_row("model load and first decode (1 s of audio)", load_ms, "ms", "", 1);
	bench_row("real-time factor (decode time / audio time)", decode_ms / (count * 1000.0 / rate), "x", "< 1x",
		  decode_ms < count * 1000.0 / rate);
	bench_row("  words heard", (double)heard.count, "", "", 1);
	bench_row("end of answer to transcript saved", end_ms, "ms", "< 1000 ms", end_ms < 1000);
	bench_row("  of which saving it (words, counts, index)", save_ms, "ms", "", 1);
	spotting_rows(&heard);
	recognizer_result_free(&heard);
	recognizer_close(recognizer);
	free(answer);
}
