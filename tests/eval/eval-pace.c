/* eval-pace: the words-a-minute figure (pace.h) against real human speech with known word counts
 * (tests/data/speech/human-clips.tsv: Debian packages' recordings and their transcripts). Clips of one
 * speaker, package and rate are joined in file order into "answers" of about ANSWER_SECONDS, as a spoken
 * answer would be; the truth is the transcript's words over the clips' length. The asterisk speaker's
 * even-numbered answers are the tuning part; her odd-numbered answers and every other speaker are
 * held out (nothing was tuned on them). Prints each answer and, per part, the median and worst error;
 * exits 1 if the held-out median or worst error is past the floors given.
 *   eval-pace CLIPS.tsv [--floor-median PERCENT] [--floor-worst PERCENT] [--verbose] */
#include "eval-audio.h"
#include "rebound/pace.h"
#include "rebound/util.h"
#include "rebound/vad.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ANSWER_SECONDS 30.0
#define MAX_ANSWERS 256

struct answer {
	char group[64];
	int rate, clips, words, syllables;
	double seconds;
	int16_t *samples;
	size_t count, cap;
	int heldout;
	double truth_wpm, estimate_wpm, error;	/* error: (estimate - truth) / truth */
};

/* The answer that a clip of group at rate joins: the current one, or a new one once that is long enough. */
static struct answer *answer_for(struct answer *answers, int *n, const char *group, int rate)
{
	struct answer *last = *n > 0 ? &answers[*n - 1] : NULL;

	if (last != NULL && strcmp(last->group, group) == 0 && last->rate == rate && last->seconds < ANSWER_SECONDS)
		return last;
	if (*n == MAX_ANSWERS) {
		fprintf(stderr, "eval-pace: more than %d answers\n", MAX_ANSWERS);
		exit(2);
	}
	last = &answers[(*n)++];
	memset(last, 0, sizeof *last);
	snprintf(last->group, sizeof last->group, "%s", group);
	last->rate = rate;
	return last;
}

/* The speaker's group: the package, and for pocketsphinx's test data the folder (one speaker each). */
static void group_of(const char *package, const char *path, char *out, size_t size)
{
	const char *data = strstr(path, "/test/data/");

	if (data != NULL) {
		const char *slash = strchr(data + 11, '/');
		snprintf(out, size, "%s/%.*s", package, slash ? (int)(slash - data - 11) : 0, data + 11);
	} else {
		snprintf(out, size, "%s", package);
	}
}

static int load(const char *tsv, struct answer *answers)
{
	FILE *f = fopen(tsv, "r");
	char line[4096];
	int n = 0, number = 0;

	if (f == NULL) {
		perror(tsv);
		exit(2);
	}
	while (fgets(line, sizeof line, f) != NULL) {
		char *field[7], *save = NULL, group[64];
		int i, rate;
		size_t count;
		int16_t *clip;
		struct answer *a;
		number++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		for (i = 0; i < 7; i++)
			field[i] = strtok_r(i == 0 ? line : NULL, "\t\n", &save);
		if (field[6] == NULL) {
			fprintf(stderr, "%s:%d: expected 7 tab-separated fields\n", tsv, number);
			exit(2);
		}
		clip = eval_read_clip(field[1], field[2], &rate, &count);
		group_of(field[0], field[1], group, sizeof group);
		a = answer_for(answers, &n, group, rate);
		xgrow(&a->samples, &a->cap, a->count + count, sizeof *a->samples);
		memcpy(a->samples + a->count, clip, count * sizeof *clip);
		a->count += count;
		a->seconds += (double)count / rate;
		a->words += atoi(field[4]);
		a->syllables += atoi(field[5]);
		a->clips++;
		free(clip);
	}
	fclose(f);
	return n;
}

static int compare_doubles(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

/* Median of the signed errors, median and worst of their sizes, over the answers of one part. */
static void summarise(const char *name, const struct answer *answers, int n, int heldout, double *median_abs,
		      double *worst)
{
	double signed_errors[MAX_ANSWERS], sizes[MAX_ANSWERS];
	int i, k = 0;

	for (i = 0; i < n; i++) {
		if (answers[i].heldout != heldout || answers[i].estimate_wpm <= 0)
			continue;
		signed_errors[k] = answers[i].error;
		sizes[k++] = fabs(answers[i].error);
	}
	*median_abs = *worst = 0;
	if (k == 0) {
		printf("%-10s no answers\n", name);
		return;
	}
	qsort(signed_errors, (size_t)k, sizeof *signed_errors, compare_doubles);
	qsort(sizes, (size_t)k, sizeof *sizes, compare_doubles);
	*median_abs = sizes[k / 2];
	*worst = sizes[k - 1];
	printf("%-10s %2d answers: median error %+.1f%%, median size %.1f%%, worst %.1f%%\n", name, k,
	       100 * signed_errors[k / 2], 100 * *median_abs, 100 * *worst);
}

int main(int argc, char **argv)
{
	static struct answer answers[MAX_ANSWERS];
	double floor_median = 100, floor_worst = 1000, median_abs, worst;
	int n, i, verbose = 0, asterisk = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: eval-pace CLIPS.tsv [--floor-median PERCENT] [--floor-worst PERCENT] [--verbose]\n");
		return 2;
	}
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--floor-median") == 0 && i + 1 < argc)
			floor_median = atof(argv[++i]);
		else if (strcmp(argv[i], "--floor-worst") == 0 && i + 1 < argc)
			floor_worst = atof(argv[++i]);
		else if (strcmp(argv[i], "--verbose") == 0)
			verbose = 1;
	}
	n = load(argv[1], answers);
	for (i = 0; i < n; i++) {
		struct answer *a = &answers[i];
		struct pace_result pace;
		struct vad_result vad;
		vad_analyse(a->samples, a->count, a->rate, &vad);
		pace_analyse(a->samples, a->count, a->rate, &pace);
		a->heldout = strstr(a->group, "asterisk") == NULL || asterisk++ % 2 == 1;
		a->truth_wpm = a->words * 60.0 / a->seconds;
		a->estimate_wpm = pace.words_per_minute;
		a->error = a->estimate_wpm > 0 ? (a->estimate_wpm - a->truth_wpm) / a->truth_wpm : 0;
		if (verbose || a->heldout)
			printf("%-38s %-8s %5.1f s %3d words %3d syl: truth %5.1f wpm, estimate %5.1f (%+.0f%%); "
			       "syllables counted %d, speaking %.1f s of %.1f\n", a->group, a->heldout ? "held-out" : "tuning",
			       a->seconds, a->words, a->syllables, a->truth_wpm, a->estimate_wpm, 100 * a->error,
			       pace.syllables, vad.speaking_ms / 1000.0, (vad.speech_end_ms - vad.speech_start_ms) / 1000.0);
	}
	summarise("tuning", answers, n, 0, &median_abs, &worst);
	summarise("held-out", answers, n, 1, &median_abs, &worst);
	for (i = 0; i < n; i++)
		free(answers[i].samples);
	if (100 * median_abs > floor_median || 100 * worst > floor_worst) {
		printf("FAIL: held-out median error %.1f%% (floor %.1f%%), worst %.1f%% (floor %.1f%%)\n", 100 * median_abs,
		       floor_median, 100 * worst, floor_worst);
		return 1;
	}
	return 0;
}
