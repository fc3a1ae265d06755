/* eval-pace: the words-a-minute figure (pace.h) against real human speech with known word counts
 * (tests/data/speech/human-clips.tsv: Debian packages' recordings and their transcripts), as
 * pace-clips.h measures it. Prints each held-out answer (--verbose: every answer) and, per part, the
 * median and worst error; exits 1 if the held-out median or worst error is past the floors given.
 *   eval-pace CLIPS.tsv [--floor-median PERCENT] [--floor-worst PERCENT] [--verbose] */
#include "pace-clips.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_part(const char *name, const struct pace_clips_part *part)
{
	if (part->answers == 0)
		printf("%-10s no answers\n", name);
	else
		printf("%-10s %2d answers: median error %+.1f%%, median size %.1f%%, worst %.1f%%\n", name,
		       part->answers, 100 * part->median, 100 * part->median_size, 100 * part->worst_size);
}

int main(int argc, char **argv)
{
	double floor_median = 100, floor_worst = 1000;
	struct pace_clips_part tuning, heldout;
	int i, verbose = 0;

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
	pace_clips_measure(argv[1], verbose ? PACE_CLIPS_EVERY : PACE_CLIPS_HELD_OUT, &tuning, &heldout);
	print_part("tuning", &tuning);
	print_part("held-out", &heldout);
	if (100 * heldout.median_size > floor_median || 100 * heldout.worst_size > floor_worst) {
		printf("FAIL: held-out median error %.1f%% (floor %.1f%%), worst %.1f%% (floor %.1f%%)\n",
		       100 * heldout.median_size, floor_median, 100 * heldout.worst_size, floor_worst);
		return 1;
	}
	return 0;
}
