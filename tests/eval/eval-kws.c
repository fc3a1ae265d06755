/* eval-kws: how right "said" is for an answer's keywords and talking-point words, from the keyword
 * spotter alone, the transcript alone, and the two together (as coverage uses them), on two corpora:
 *  - generated: interview answers (tests/data/speech/kws-answers.tsv) spoken by espeak-ng (the driver,
 *    eval-kws.sh, makes DIR/ID.wav), listening for their question's keywords and points' content words;
 *    the truth is whether the answer's text has them. Answers to the behavioural, closing and data banks
 *    are the tuning part; product, sales-and-support and software-engineering, in another voice, are
 *    held out.
 *  - human: Debian's recordings of real speech (tests/data/speech/human-clips.tsv) of 2 s or more at
 *    16 kHz (the asterisk prompts are 8 kHz, which the model cannot take), one clip at a time, listening
 *    for the content words of its transcript and as many content words of its speaker's other clips that
 *    it does not have. All held out: nothing was tuned on them.
 * Nothing is tuned on the held-out parts: RECOGNIZER_SPOTTED was chosen on the tuning part's sweep.
 *   eval-kws CLIPS.tsv ANSWERS.tsv WAV_DIR BANK_DIR [--sweep] [--verbose] [--every N] [--held-out]
 *            [--floor-precision P] [--floor-recall-generated R] [--floor-recall-human R]   (0..1)
 * Exits 1 when a held-out corpus's precision (together) is under P or its recall under its floor. */
#include "eval-audio.h"
#include "rebound/arena.h"
#include "rebound/bank.h"
#include "rebound/recognizer.h"
#include "rebound/speech.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CLIPS 512
#define MIN_CLIP_SECONDS 2.0

enum corpus { GENERATED, HUMAN, CORPORA };
static const char *const corpus_name[] = { "generated", "human" };

/* One phrase listened for in one recording. */
struct trial {
	enum corpus corpus;
	int heldout, truth, listened, phones, heard;
	double score;
	const char *phrase, *recording;
};

static struct trial *trials;
static size_t trial_count, trial_cap;
static int verbose;
static int every = 1;		/* --every N: only every Nth answer and clip (a quick run for ctest) */
static int heldout_only;	/* --held-out: the tuning part is not run */

/* ------------------------------------------------------------------------------------------------
 * Decoding
 */

/* 1 if text's words have phrase's (as coverage matches them). */
static int has_phrase(const char *const *words, size_t count, const char *phrase, struct arena *arena)
{
	struct speech_coverage c;

	speech_keywords(&phrase, 1, words, count, NULL, 0, arena, &c);
	return c.said_count == 1;
}

/* The words of text, split at spaces, in arena. */
static const char **split_words(char *text, struct arena *arena, size_t *count)
{
	const char **words = NULL;
	size_t cap = 0;
	char *save = NULL, *w;

	*count = 0;
	for (w = strtok_r(text, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save)) {
		xgrow(&words, &cap, *count + 1, sizeof *words);
		words[(*count)++] = arena_strdup(arena, w);
	}
	if (*count == 0)
		return NULL;
	const char **out = arena_alloc(arena, *count * sizeof *out);
	memcpy(out, words, *count * sizeof *out);
	free(words);
	return out;
}

/* Decodes one recording listening for phrases and records a trial per phrase. */
static void run(struct recognizer *recognizer, enum corpus corpus, int heldout, const char *name,
		const int16_t *samples, size_t count, int rate, const char *const *phrases, const int *truth,
		size_t phrase_count, struct arena *arena)
{
	struct recognizer_result heard;
	const char **words;
	char *cause = NULL;
	size_t i, used;

	if (recognizer_decode(recognizer, samples, count, rate, phrases, getenv("EVAL_KWS_NO_SPOT") ? 0 : phrase_count,
			      &heard, &cause) != 0) {
		fprintf(stderr, "eval-kws: %s: %s\n", name, cause);
		exit(2);
	}
	words = arena_alloc(arena, (heard.count + 1) * sizeof *words);
	for (i = 0; i < heard.count; i++)
		words[i] = arena_strdup(arena, heard.words[i].text);
	used = heard.confidence < TRANSCRIPT_MIN_CONFIDENCE ? 0 : heard.count;	/* coverage does not use such a transcript */
	for (i = 0; i < heard.phrase_count; i++) {
		const struct recognizer_phrase *p = &heard.phrases[i];
		struct trial *t;
		xgrow(&trials, &trial_cap, trial_count + 1, sizeof *trials);
		t = &trials[trial_count++];
		t->corpus = corpus;
		t->heldout = heldout;
		t->truth = truth[i];
		t->listened = p->listened;
		t->phones = p->phones;
		t->score = p->score;
		t->heard = has_phrase(words, used, phrases[i], arena);
		t->phrase = arena_strdup(arena, phrases[i]);
		t->recording = arena_strdup(arena, name);
		if (verbose)
			printf("%-10s %-8s %-28s %-22s truth %d  heard %d  listened %d  phones %2d  score %6.2f  %4lld ms\n",
			       corpus_name[corpus], heldout ? "held-out" : "tuning", name, phrases[i], t->truth, t->heard,
			       t->listened, t->phones, t->score, p->end_ms - p->start_ms);
	}
	recognizer_result_free(&heard);
}

/* ------------------------------------------------------------------------------------------------
 * The generated corpus
 */

static int heldout_bank(const char *bank)
{
	return strcmp(bank, "product") == 0 || strcmp(bank, "sales-and-support") == 0 ||
	       strcmp(bank, "software-engineering") == 0;
}

static void run_generated(struct recognizer *recognizer, const char *tsv, const char *dir,
			  const struct bank_catalog *catalog, struct arena *arena)
{
	FILE *f = fopen(tsv, "r");
	char line[4096];
	int number = 0;

	if (f == NULL) {
		perror(tsv);
		exit(2);
	}
	while (fgets(line, sizeof line, f) != NULL) {
		char *id, *qid, *text, *save = NULL, path[4096];
		const struct bank_question *q;
		const char **phrases, **words;
		size_t phrase_count, word_count, count, i;
		int *truth, rate;
		int16_t *samples;
		number++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		id = strtok_r(line, "\t\n", &save);
		qid = strtok_r(NULL, "\t\n", &save);
		text = strtok_r(NULL, "\t\n", &save);
		if (text == NULL || (q = bank_question_find(catalog, qid)) == NULL) {
			fprintf(stderr, "%s:%d: expected ID, a known question and the text\n", tsv, number);
			exit(2);
		}
		if (atoi(id + 1) % every != 0 || (heldout_only && !heldout_bank(q->bank->name)))
			continue;
		phrases = speech_listen_phrases(q->keywords.items, q->keywords.count, q->talking_points.items,
						q->talking_points.count, arena, &phrase_count);
		words = split_words(text, arena, &word_count);
		truth = xcalloc(phrase_count + 1, sizeof *truth);
		for (i = 0; i < phrase_count; i++)
			truth[i] = has_phrase(words, word_count, phrases[i], arena);
		snprintf(path, sizeof path, "%s/%s.wav", dir, id);
		samples = eval_read_clip(path, "wav", &rate, &count);
		run(recognizer, GENERATED, heldout_bank(q->bank->name), id, samples, count, rate, phrases, truth,
		    phrase_count, arena);
		free(samples);
		free(truth);
	}
	fclose(f);
}

/* ------------------------------------------------------------------------------------------------
 * The human corpus
 */

struct clip {
	char group[64], path[1024], format[16];
	char *transcript;
	const char **words, **content;
	size_t word_count, content_count;
};

static size_t load_clips(const char *tsv, struct clip *clips, struct arena *arena)
{
	FILE *f = fopen(tsv, "r");
	char line[4096];
	size_t n = 0;

	if (f == NULL) {
		perror(tsv);
		exit(2);
	}
	while (fgets(line, sizeof line, f) != NULL && n < MAX_CLIPS) {
		char *field[7], *save = NULL, *slash;
		const char *point;
		struct clip *c;
		int i;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		for (i = 0; i < 7; i++)
			field[i] = strtok_r(i == 0 ? line : NULL, "\t\n", &save);
		if (field[6] == NULL || atof(field[3]) < MIN_CLIP_SECONDS || strstr(field[0], "asterisk") != NULL)
			continue;	/* the asterisk prompts are 8 kHz: the model cannot transcribe them */
		c = &clips[n++];
		/* the speaker: the package, and the folder for pocketsphinx's test data */
		slash = strstr(field[1], "/test/data/");
		if (slash != NULL)
			snprintf(c->group, sizeof c->group, "%s/%.*s", field[0], (int)strcspn(slash + 11, "/"), slash + 11);
		else
			snprintf(c->group, sizeof c->group, "%s", field[0]);
		snprintf(c->path, sizeof c->path, "%s", field[1]);
		snprintf(c->format, sizeof c->format, "%s", field[2]);
		c->transcript = arena_strdup(arena, field[6]);
		point = c->transcript;
		c->content = speech_listen_phrases(NULL, 0, &point, 1, arena, &c->content_count);
		c->words = split_words(arena_strdup(arena, field[6]), arena, &c->word_count);
	}
	fclose(f);
	return n;
}

/* Phrases for clip i: its own content words, then as many of its speaker's other clips' that it lacks. */
static void run_human(struct recognizer *recognizer, const char *tsv, struct arena *arena)
{
	static struct clip clips[MAX_CLIPS];
	size_t n = load_clips(tsv, clips, arena), i, j, k;

	for (i = 0; i < n; i++) {
		struct clip *c = &clips[i];
		const char **phrases;
		int *truth;
		size_t count = 0, sample_count;
		int16_t *samples;
		int rate, heldout = 1;
		if (i % (size_t)every != 0)
			continue;
		phrases = xcalloc(2 * c->content_count + 1, sizeof *phrases);
		truth = xcalloc(2 * c->content_count + 1, sizeof *truth);
		for (j = 0; j < c->content_count; j++) {
			phrases[count] = c->content[j];
			truth[count++] = 1;
		}
		for (j = 1; j < n && count < 2 * c->content_count; j++) {
			const struct clip *other = &clips[(i + j) % n];
			if (strcmp(other->group, c->group) != 0)
				continue;
			for (k = 0; k < other->content_count && count < 2 * c->content_count; k++)
				if (!has_phrase(c->words, c->word_count, other->content[k], arena) &&
				    !util_string_in(other->content[k], phrases, count))
					phrases[count++] = other->content[k];
		}
		samples = eval_read_clip(c->path, c->format, &rate, &sample_count);
		run(recognizer, HUMAN, heldout, strrchr(c->path, '/') + 1, samples, sample_count, rate, phrases, truth,
		    count, arena);
		free(samples);
		free(phrases);
		free(truth);
	}
}

/* ------------------------------------------------------------------------------------------------
 * Figures
 */

enum method { SPOTTER, TRANSCRIPT, BOTH, METHODS };
static const char *const method_name[] = { "spotter", "transcript", "together" };

struct tally {
	long tp, fp, fn, n;
};

static int said_by(const struct trial *t, enum method m, double threshold)
{
	int spotted = t->listened && t->score >= threshold;

	return m == SPOTTER ? spotted : m == TRANSCRIPT ? t->heard : spotted || t->heard;
}

static struct tally count(enum corpus corpus, int heldout, enum method m, double threshold, int min_phones)
{
	struct tally c = { 0, 0, 0, 0 };
	size_t i;

	for (i = 0; i < trial_count; i++) {
		const struct trial *t = &trials[i];
		int said;
		if (t->corpus != corpus || t->heldout != heldout || t->phones < min_phones)
			continue;
		said = said_by(t, m, threshold);
		c.n++;
		c.tp += said && t->truth;
		c.fp += said && !t->truth;
		c.fn += !said && t->truth;
	}
	return c;
}

static double precision(struct tally c)
{
	return c.tp + c.fp > 0 ? (double)c.tp / (double)(c.tp + c.fp) : 1;
}

static double recall(struct tally c)
{
	return c.tp + c.fn > 0 ? (double)c.tp / (double)(c.tp + c.fn) : 1;
}

static void print_tally(const char *label, struct tally c)
{
	printf("  %-11s precision %5.1f%%  recall %5.1f%%  (%ld said rightly, %ld said wrongly, %ld missed, of %ld)\n",
	       label, 100 * precision(c), 100 * recall(c), c.tp, c.fp, c.fn, c.n);
}

static void sweep(void)
{
	static const double thresholds[] = { -1, -1.5, -2, -2.5, -3, -3.5, -4, -4.5, -5, -5.5, -6, -7, -8, -10 };
	static const int min_phones[] = { 1, 3, 4, 5 };
	size_t i, p;
	int corpus;

	printf("sweep on the tuning parts (spotter alone / together):\n");
	for (corpus = 0; corpus < CORPORA; corpus++)
		for (p = 0; p < sizeof min_phones / sizeof min_phones[0]; p++)
			for (i = 0; i < sizeof thresholds / sizeof thresholds[0]; i++) {
				struct tally s = count(corpus, 0, SPOTTER, thresholds[i], min_phones[p]);
				struct tally b = count(corpus, 0, BOTH, thresholds[i], min_phones[p]);
				printf("  %-9s phones>=%d  threshold %5.1f: spotter P %5.1f%% R %5.1f%% (%ld wrong) · together "
				       "P %5.1f%% R %5.1f%% (%ld wrong)\n", corpus_name[corpus], min_phones[p], thresholds[i],
				       100 * precision(s), 100 * recall(s), s.fp, 100 * precision(b), 100 * recall(b), b.fp);
			}
}

int main(int argc, char **argv)
{
	double floor_precision = 0, floor_recall[CORPORA] = { 0, 0 };
	struct bank_catalog *catalog;
	struct recognizer *recognizer;
	struct arena arena;
	char *cause = NULL;
	int i, do_sweep = 0, failed = 0, corpus, heldout;

	if (argc < 5) {
		fprintf(stderr, "usage: eval-kws CLIPS.tsv ANSWERS.tsv WAV_DIR BANK_DIR [--sweep] [--verbose] "
				"[--floor-precision P] [--floor-recall R]\n");
		return 2;
	}
	for (i = 5; i < argc; i++) {
		if (strcmp(argv[i], "--floor-precision") == 0 && i + 1 < argc)
			floor_precision = atof(argv[++i]);
		else if (strcmp(argv[i], "--floor-recall-generated") == 0 && i + 1 < argc)
			floor_recall[GENERATED] = atof(argv[++i]);
		else if (strcmp(argv[i], "--floor-recall-human") == 0 && i + 1 < argc)
			floor_recall[HUMAN] = atof(argv[++i]);
		else if (strcmp(argv[i], "--held-out") == 0)
			heldout_only = 1;
		else if (strcmp(argv[i], "--sweep") == 0)
			do_sweep = 1;
		else if (strcmp(argv[i], "--verbose") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "--every") == 0 && i + 1 < argc)
			every = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
	}
	if (!recognizer_available()) {
		printf("eval-kws: built without pocketsphinx; nothing to measure\n");
		return 0;
	}
	if ((recognizer = recognizer_open(NULL, &cause)) == NULL) {
		fprintf(stderr, "eval-kws: %s\n", cause);
		return 2;
	}
	catalog = bank_catalog_new();
	if (bank_load_dir(catalog, argv[4], NULL, 0) != 0) {
		bank_diag_print(catalog, 0, stderr);
		return 2;
	}
	arena_init(&arena);
	run_generated(recognizer, argv[2], argv[3], catalog, &arena);
	run_human(recognizer, argv[1], &arena);
	if (do_sweep)
		sweep();
	printf("said, at RECOGNIZER_SPOTTED %.1f nats a phone:\n", RECOGNIZER_SPOTTED);
	for (corpus = 0; corpus < CORPORA; corpus++)
		for (heldout = 0; heldout <= 1; heldout++) {
			enum method m;
			printf("%s, %s:\n", corpus_name[corpus], heldout ? "held-out" : "tuning");
			for (m = 0; m < METHODS; m++)
				print_tally(method_name[m], count(corpus, heldout, m, RECOGNIZER_SPOTTED, 0));
			if (heldout) {
				struct tally b = count(corpus, 1, BOTH, RECOGNIZER_SPOTTED, 0);
				if (precision(b) < floor_precision || recall(b) < floor_recall[corpus]) {
					printf("FAIL: %s held-out precision %.1f%% (floor %.1f%%), recall %.1f%% (floor %.1f%%)\n",
					       corpus_name[corpus], 100 * precision(b), 100 * floor_precision,
					       100 * recall(b), 100 * floor_recall[corpus]);
					failed = 1;
				}
			}
		}
	free(trials);
	arena_release(&arena);
	bank_catalog_free(catalog);
	recognizer_close(recognizer);
	return failed;
}
