/* spotter: the keyphrase search beside the transcript (see spotter.h). pocketsphinx's search reads its
 * phrases from a file, each with its own threshold: rebound writes them to an unlinked temporary file
 * and hands over its /dev/fd path. The threshold there is loose (SPOT_LOOSE_PER_PHONE), so that every
 * plausible detection comes back with its score; whether a phrase counts as said is decided later,
 * against the calibrated RECOGNIZER_SPOTTED (tests/eval/eval-kws.c). */
#include "spotter.h"
#include "rebound/util.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pocketsphinx/ps_search.h>

#define SPOT_SEARCH "rebound-keywords"
#define SPOT_MAX_WORDS 8
#define SPOT_MAX_WORD 40
#define SPOT_MAX_PIECES 3	/* an unknown word made of at most three known ones */
#define SPOT_MIN_PIECE 3	/* of three letters or more each */
/* pocketsphinx keeps HMM scores in its log base shifted right by this many bits (SENSCR_SHIFT in its
 * hmm.h, which it does not install); a detection's probability is in those units. */
#define SPOT_SCORE_SHIFT 10

ps_decoder_t *spotter_load(const char *model_dir, const char *samprate, const char *nfft, const char *upperf)
{
	char hmm[4096], dict[4096];
	cmd_ln_t *config;
	ps_decoder_t *ps;

	snprintf(hmm, sizeof hmm, "%s/en-us", model_dir);
	snprintf(dict, sizeof dict, "%s/cmudict-en-us.dict", model_dir);
	config = cmd_ln_init(NULL, ps_args(), TRUE, "-hmm", hmm, "-dict", dict, "-samprate", samprate, "-nfft", nfft,
			     "-upperf", upperf, "-remove_silence", "no", "-kws_delay", "1", "-logfn", "/dev/null", NULL);
	if (config == NULL)
		return NULL;
	ps = ps_init(config);
	cmd_ln_free_r(config);	/* the decoder holds its own reference */
	return ps;
}

/* ------------------------------------------------------------------------------------------------
 * Phrases
 */

/* The number of phones in a pronunciation ("D EY T AH" is 4). */
static int phone_count(const char *phones)
{
	int n = 0;
	const char *p = phones;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		n++;
		while (*p != '\0' && *p != ' ')
			p++;
	}
	return n;
}

/* Appends word's pronunciation to buf (a space first if buf is not empty); 0 if the dictionary lacks it. */
static int append_pronunciation(ps_decoder_t *ps, const char *word, char *buf, size_t size)
{
	char *phones = ps_lookup_word(ps, word);
	size_t len = strlen(buf);

	if (phones == NULL)
		return 0;
	snprintf(buf + len, size - len, "%s%s", len > 0 ? " " : "", phones);
	free(phones);
	return 1;
}

/* Finds word as known words glued together, fewest pieces first and the longest first piece among
 * those, and writes their joined pronunciation to phones; 0 if there is no such split. */
static int split_pronunciation(ps_decoder_t *ps, const char *word, int pieces, char *phones, size_t size)
{
	size_t len = strlen(word), cut;
	char head[SPOT_MAX_WORD + 1];

	if (pieces == 1) {
		phones[0] = '\0';
		return len >= SPOT_MIN_PIECE && append_pronunciation(ps, word, phones, size);
	}
	for (cut = len - SPOT_MIN_PIECE; cut >= SPOT_MIN_PIECE; cut--) {
		char rest[1024];
		memcpy(head, word, cut);
		head[cut] = '\0';
		if (!split_pronunciation(ps, word + cut, pieces - 1, rest, sizeof rest))
			continue;
		phones[0] = '\0';
		if (append_pronunciation(ps, head, phones, size)) {
			size_t used = strlen(phones);
			snprintf(phones + used, size - used, " %s", rest);
			return 1;
		}
	}
	return 0;
}

/* Makes word known to the dictionary if it is not: 1 if it is (or now is), 0 if it cannot be. */
static int know_word(ps_decoder_t *ps, const char *word)
{
	char phones[1024];
	char *known = ps_lookup_word(ps, word);
	int pieces;

	if (known != NULL) {
		free(known);
		return 1;
	}
	for (pieces = 2; pieces <= SPOT_MAX_PIECES; pieces++)
		if (split_pronunciation(ps, word, pieces, phones, sizeof phones))
			return ps_add_word(ps, word, phones, FALSE) >= 0;
	return 0;
}

/* Writes phrase as the search wants it ("stand-up" as "stand up", lowercased) to buf and counts its
 * phones; 0 if it cannot be listened for (no words, too many or too long, digits, a word that cannot be
 * pronounced). */
static int spoken_form(ps_decoder_t *ps, const char *phrase, char *buf, size_t size, int *phones)
{
	char word[SPOT_MAX_WORD + 1];
	size_t len = 0, used = 0;
	int words = 0;
	const char *p;

	*phones = 0;
	buf[0] = '\0';
	for (p = phrase;; p++) {
		int c = (unsigned char)*p;
		if (isdigit(c) || c >= 0x80)
			return 0;
		if (isalpha(c) || (c == '\'' && len > 0)) {
			if (len == SPOT_MAX_WORD)
				return 0;
			word[len++] = (char)tolower(c);
			continue;
		}
		if (len > 0) {
			char *pron;
			word[len] = '\0';
			len = 0;
			if (++words > SPOT_MAX_WORDS || !know_word(ps, word) || (pron = ps_lookup_word(ps, word)) == NULL)
				return 0;
			*phones += phone_count(pron);
			free(pron);
			used += (size_t)snprintf(buf + used, size - used, "%s%s", used > 0 ? " " : "", word);
			if (used >= size)
				return 0;
		}
		if (c == '\0')
			break;
	}
	return words > 0;
}

int spotter_prepare(ps_decoder_t *ps, struct recognizer_phrase *out, size_t count)
{
	FILE *list = tmpfile();
	char path[64], spoken[512];
	int listened = 0, phones, rc;
	size_t i;

	if (list == NULL)
		return -1;
	for (i = 0; i < count; i++) {
		if (!spoken_form(ps, out[i].text, spoken, sizeof spoken, &phones))
			continue;
		out[i].listened = 1;
		out[i].phones = phones;
		/* the same spoken form listed twice would be one search entry: it is listened for once */
		fprintf(list, "%s/%.3g/\n", spoken, exp(RECOGNIZER_SPOT_LOOSE * phones));	/* no space: it would end the phrase */
		listened++;
	}
	if (listened == 0 || fflush(list) != 0) {
		fclose(list);
		return listened == 0 ? 0 : -1;
	}
	snprintf(path, sizeof path, "/dev/fd/%d", fileno(list));
	rc = ps_set_kws(ps, SPOT_SEARCH, path) == 0 && ps_set_search(ps, SPOT_SEARCH) == 0 ? listened : -1;
	fclose(list);
	return rc;
}

/* 1 if the search's phrase (the spoken form) is the one out describes. */
static int same_phrase(ps_decoder_t *ps, const char *spoken, const struct recognizer_phrase *p)
{
	char form[512];
	int phones;

	return p->listened && spoken_form(ps, p->text, form, sizeof form, &phones) && strcmp(form, spoken) == 0;
}

void spotter_collect(ps_decoder_t *ps, struct recognizer_phrase *out, size_t count)
{
	logmath_t *lmath = ps_get_logmath(ps);
	ps_seg_t *seg;

	for (seg = ps_seg_iter(ps); seg != NULL; seg = ps_seg_next(seg)) {
		const char *spoken = ps_seg_word(seg);
		int32 acoustic, language, backoff;
		int32 prob = ps_seg_prob(seg, &acoustic, &language, &backoff);
		int start, end;
		size_t i;
		ps_seg_frames(seg, &start, &end);
		for (i = 0; i < count; i++) {
			double score;
			if (!same_phrase(ps, spoken, &out[i]))
				continue;
			score = logmath_log_to_ln(lmath, prob * (1 << SPOT_SCORE_SHIFT)) / out[i].phones;
			if (out[i].detected && score <= out[i].score)
				continue;
			out[i].detected = 1;
			out[i].score = score;
			out[i].start_ms = start * 10LL;
			out[i].end_ms = (end + 1) * 10LL;
		}
	}
}
