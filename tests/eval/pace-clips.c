/* pace-clips: the pace figure on the human clips, for eval-pace and the benchmark (pace-clips.h). */
#include "pace-clips.h"
#include "eval-audio.h"
#include "rebound/pace.h"
#include "rebound/util.h"
#include "rebound/vad.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

	if (last != NULL && strcmp(last->group, group) == 0 && last->rate == rate &&
	    last->seconds < PACE_CLIPS_ANSWER_SECONDS)
		return last;
	if (*n == MAX_ANSWERS) {
		fprintf(stderr, "pace-clips: more than %d answers\n", MAX_ANSWERS);
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

/* The errors of the answers of one part. */
static void summarise(const struct answer *answers, int n, int heldout, struct pace_clips_part *part)
{
	double signed_errors[MAX_ANSWERS], sizes[MAX_ANSWERS];
	int i, k = 0;

	for (i = 0; i < n; i++) {
		if (answers[i].heldout != heldout || answers[i].estimate_wpm <= 0)
			continue;
		signed_errors[k] = answers[i].error;
		sizes[k++] = fabs(answers[i].error);
	}
	memset(part, 0, sizeof *part);
	if ((part->answers = k) == 0)
		return;
	qsort(signed_errors, (size_t)k, sizeof *signed_errors, compare_doubles);
	qsort(sizes, (size_t)k, sizeof *sizes, compare_doubles);
	part->median = signed_errors[k / 2];
	part->median_size = sizes[k / 2];
	part->worst_size = sizes[k - 1];
}

void pace_clips_measure(const char *tsv, enum pace_clips_show show, struct pace_clips_part *tuning,
			struct pace_clips_part *heldout)
{
	static struct answer answers[MAX_ANSWERS];
	int n, i, asterisk = 0;

	n = load(tsv, answers);
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
		if (show == PACE_CLIPS_EVERY || (show == PACE_CLIPS_HELD_OUT && a->heldout))
			printf("%-38s %-8s %5.1f s %3d words %3d syl: truth %5.1f wpm, estimate %5.1f (%+.0f%%); "
			       "syllables counted %d, speaking %.1f s of %.1f\n", a->group, a->heldout ? "held-out" : "tuning",
			       a->seconds, a->words, a->syllables, a->truth_wpm, a->estimate_wpm, 100 * a->error,
			       pace.syllables, vad.speaking_ms / 1000.0, (vad.speech_end_ms - vad.speech_start_ms) / 1000.0);
	}
	summarise(answers, n, 0, tuning);
	summarise(answers, n, 1, heldout);
	for (i = 0; i < n; i++) {
		free(answers[i].samples);
		answers[i].samples = NULL;
	}
}
