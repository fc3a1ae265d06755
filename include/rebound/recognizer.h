/* recognizer: offline transcripts of spoken answers with pocketsphinx, an optional component (CMake finds
 * it at configure time; without it recognizer_available() is 0 and nothing else changes). Nothing leaves
 * the machine. A job decodes in a worker thread while the recording is fed to it, cutting the audio into
 * utterances at pauses (and at RECOGNIZER_MAX_UTTERANCE_MS at most) so that each stays short: the
 * transcript of an answer of any length is ready moments after its last sample. Beside the transcript, a
 * second decoder listens for the answer's phrases (its keywords and talking points) with pocketsphinx's
 * keyphrase search, which does not depend on the transcript's guesses at the words around them. */
#ifndef REBOUND_RECOGNIZER_H
#define REBOUND_RECOGNIZER_H

#include <stddef.h>
#include <stdint.h>

#define RECOGNIZER_MIN_UTTERANCE_MS 4000	/* an utterance ends at the first pause after this long */
#define RECOGNIZER_PAUSE_MS 250			/* of quiet */
#define RECOGNIZER_MAX_UTTERANCE_MS 12000	/* or here, pause or not */

struct recognizer_word {
	char *text;			/* lowercase, without pocketsphinx's "(2)" pronunciation marks */
	long long start_ms, end_ms;	/* from the start of the recording */
	double confidence;		/* the word's posterior probability, 0..1 */
};

/* Keyphrase spotting. A detection's score compares the phrase's phones with the best free sequence of
 * phones over the same frames (pocketsphinx's log-likelihood ratio, read as natural logs and divided by
 * the phrase's phones): the higher, the more like the phrase the audio sounds. On the speech measured,
 * phrases said score about -15 to -45 and phrases not said -25 to -80, so the spotter alone is a weak
 * witness: coverage joins it with the transcript. RECOGNIZER_SPOT_LOOSE is the threshold handed to
 * pocketsphinx (its scale is not this one: it keeps every detection over about -80); at
 * RECOGNIZER_SPOTTED or over, the phrase counts as said, chosen on the tuning part of
 * tests/eval/eval-kws.c, which prints precision and recall on the held-out parts. */
#define RECOGNIZER_SPOT_LOOSE (-12.0)
#define RECOGNIZER_SPOTTED (-22.0)

struct recognizer_phrase {
	char *text;			/* a copy of the phrase given to recognizer_start */
	int listened;			/* 0 if it could not be: digits, or a word with no pronunciation */
	int phones;			/* in its pronunciation */
	int detected;			/* at RECOGNIZER_SPOT_LOOSE or over, at least once */
	double score;			/* the best detection's (-INFINITY if none) */
	long long start_ms, end_ms;	/* of the best detection */
};

struct recognizer_result {
	struct recognizer_word *words;	/* silences and noises left out */
	size_t count;
	double confidence;		/* the mean of the words', 0 without words */
	long long audio_ms;		/* decoded */
	long long finish_ms;		/* from the end of the input (recognizer_end_input) to the result */
	struct recognizer_phrase *phrases;	/* one per phrase given to recognizer_start, in order */
	size_t phrase_count;
};

/* 1 if rebound was built with pocketsphinx. */
int recognizer_available(void);
/* "pocketsphinx 5prealpha, en-us model" when built with it. */
const char *recognizer_engine(void);

/* A recogniser for one answer at a time: the model (about 0.5 s and 100 MB to load) is loaded by the first
 * job's worker and kept for the next. model_dir NULL: the one found at configure time. NULL with *cause
 * when the component is missing or the model's files are not there. */
struct recognizer *recognizer_open(const char *model_dir, char **cause);
/* Accepts NULL. */
void recognizer_close(struct recognizer *recognizer);

/* Starts decoding an answer recorded at sample_rate (16000 to 192000: under that, *cause says the model needs more), listening too for phrase_count
 * phrases (copied; NULL and 0 for none: then no second decoder is loaded); NULL with *cause. */
struct recognizer_job *recognizer_start(struct recognizer *recognizer, int sample_rate, const char *const *phrases,
					size_t phrase_count, char **cause);
/* Queues count samples (copied) for the worker; from one thread at a time (the recorder's writer). */
void recognizer_feed(struct recognizer_job *job, const int16_t *samples, size_t count);
/* Says no more samples come: the worker decodes what is queued and ends. */
void recognizer_end_input(struct recognizer_job *job);
/* After recognizer_end_input: waits until the worker has ended or deadline_ms (date_monotonic_ms) has
 * passed; 1 if it has ended. */
int recognizer_wait(struct recognizer_job *job, long long deadline_ms);
/* Asks the worker to drop what is still queued and end soon (the user would rather not wait). */
void recognizer_cancel(struct recognizer_job *job);
/* Ends the input if not yet done, waits for the worker, fills *out and frees the job. -1 with *cause if
 * the model could not be loaded, decoding failed, or the job was cancelled. */
int recognizer_finish(struct recognizer_job *job, struct recognizer_result *out, char **cause);
/* Frees the result's words and phrases. */
void recognizer_result_free(struct recognizer_result *result);

/* One-shot: start, feed everything, finish. */
int recognizer_decode(struct recognizer *recognizer, const int16_t *samples, size_t count, int sample_rate,
		      const char *const *phrases, size_t phrase_count, struct recognizer_result *out, char **cause);

#endif
