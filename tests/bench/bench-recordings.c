/* rebound-bench, recordings part: what a spoken answer costs on disk and how exact its pace figure is on
 * real human speech. Bytes per minute: the 2-minute answer of real speech (bench-speech.c's clips) as
 * the recorder writes it (16-bit WAV) and as audio_compact keeps it (FLAC, decoded back whole). Pace:
 * pace-clips.h over the human clips of tests/data/speech/human-clips.tsv, tuning and held-out parts. */
#include "bench.h"
#include "../eval/pace-clips.h"

#include "rebound/audio.h"
#include "rebound/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sndfile.h>

/* Writes samples as a 16-bit mono WAV at path; 0, or -1 with a line printed. */
static int write_wav(const char *path, const int16_t *samples, long long count, int rate)
{
	SF_INFO info = { .samplerate = rate, .channels = 1, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16 };
	SNDFILE *file = sf_open(path, SFM_WRITE, &info);
	sf_count_t written;

	if (file == NULL) {
		printf("  (skipped: %s: %s)\n", path, sf_strerror(NULL));
		return -1;
	}
	written = sf_write_short(file, samples, count);
	sf_close(file);
	return written == count ? 0 : -1;
}

static double bytes_per_minute(const char *path, long long count, int rate)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_size / (count / (double)rate / 60.0) : 0;
}

static void size_rows(const char *dir)
{
	char *wav = xasprintf("%s/answer.wav", dir), *flac = xasprintf("%s/answer.flac", dir), *cause = NULL;
	long long count = 0;
	double start, wav_bytes, flac_bytes, encode_ms;
	int16_t *answer;
	int rate = 0, held = -1;

	if ((answer = bench_two_minutes(&count, &rate)) != NULL && write_wav(wav, answer, count, rate) == 0) {
		start = bench_now_ms();
		if (audio_compact(wav, flac, &held, &cause) != 0) {
			printf("  (compacting failed: %s)\n", cause);
			free(cause);
		} else {
			encode_ms = bench_now_ms() - start;
			close(held);
			wav_bytes = bytes_per_minute(wav, count, rate);
			flac_bytes = bytes_per_minute(flac, count, rate);
			printf("  (a %lld s answer of real speech at %d Hz)\n", count / rate, rate);
			bench_row("WAV as recorded: per minute", wav_bytes / 1e3, "kB", "", 1);
			bench_row("FLAC as kept: per minute", flac_bytes / 1e3, "kB", "< WAV", flac_bytes < wav_bytes);
			bench_row("  a year of 10 minutes a day, FLAC", flac_bytes * 10 * 365 / 1e9, "GB", "", 1);
			bench_row("  encoding and checking it, per minute of audio", encode_ms / (count / (double)rate / 60.0),
				  "ms", "", 1);
		}
	}
	unlink(wav);
	unlink(flac);
	free(answer);
	free(wav);
	free(flac);
}

static void pace_rows(void)
{
	char *tsv = xasprintf("%s/tests/data/speech/human-clips.tsv", REBOUND_SOURCE_DIR);
	struct pace_clips_part tuning, heldout;

	pace_clips_measure(tsv, PACE_CLIPS_QUIET, &tuning, &heldout);
	printf("  (words a minute on %d held-out answers of real speech, about %.0f s each; eval-pace lists them)\n",
	       heldout.answers, PACE_CLIPS_ANSWER_SECONDS);
	bench_row("pace error on human speech, held-out median", 100 * heldout.median, "%", "within 10%",
		  heldout.median_size <= 0.10);
	bench_row("  worst held-out error", 100 * heldout.worst_size, "%", "", 1);
	bench_row("  tuning median (the asterisk speaker's even answers)", 100 * tuning.median, "%", "", 1);
	free(tsv);
}

void bench_recordings(const char *dir)
{
	printf("\nrecordings: bytes on disk, and pace on human speech\n");
	size_rows(dir);
	pace_rows();
}
