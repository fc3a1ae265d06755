/* pace-clips: the words-a-minute figure (pace.h) measured on real human speech with known word counts
 * (tests/data/speech/human-clips.tsv), for eval-pace and the benchmark. Clips of one speaker, package
 * and rate are joined in file order into "answers" of about PACE_CLIPS_ANSWER_SECONDS, as a spoken answer
 * would be; the truth is the transcript's words over the clips' length. The asterisk speaker's
 * even-numbered answers are the tuning part; her odd-numbered answers and every other speaker are held
 * out (nothing was tuned on them). */
#ifndef REBOUND_PACE_CLIPS_H
#define REBOUND_PACE_CLIPS_H

#define PACE_CLIPS_ANSWER_SECONDS 30.0

/* The errors of one part: (estimate - truth) / truth over its answers. */
struct pace_clips_part {
	int answers;
	double median, median_size, worst_size;	/* signed median; median and largest size */
};

/* Which answers measure prints a line for. */
enum pace_clips_show { PACE_CLIPS_QUIET, PACE_CLIPS_HELD_OUT, PACE_CLIPS_EVERY };

/* Reads the clips listed in tsv (exits 2 naming the file and line when it cannot), estimates each
 * answer's pace and fills the tuning and held-out parts. */
void pace_clips_measure(const char *tsv, enum pace_clips_show show, struct pace_clips_part *tuning,
			struct pace_clips_part *heldout);

#endif
