/* speech: fillers, hedges and repeats counted in a transcript's words against two phrase lists, the keywords
 * and talking points an answer covered, and the reference bands for pace, filler rate and answer length.
 * Pure: the lists are read by speech-lists.c; scratch memory is freed before returning. */
#include "rebound/speech.h"
#include "speech-internal.h"
#include "rebound/util.h"
#include "rebound/words.h"

#include <stdlib.h>
#include <string.h>

/* A growable array of strings whose bytes live elsewhere (an arena). */
struct strings {
	const char **items;
	size_t count, cap;
};

/* Words that carry no topic of their own, left out of a talking point's content words. */
static const char *const stop_words[] = {
	"a", "an", "the", "and", "or", "but", "if", "so", "than", "then", "of", "to", "in", "on", "at", "by",
	"for", "with", "about", "from", "into", "onto", "over", "under", "as", "up", "out", "off", "is", "are",
	"was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "having",
	"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
	"she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "this", "that", "these", "those",
	"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "not", "no", "nor", "too", "very",
	"can", "could", "will", "would", "shall", "should", "may", "might", "must", "just", "also", "all", "any",
	"some", "each", "every", "both", "one", "there", "here", "more", "most", "such", "own", "same", "other",
	"only", "again", "i'm", "i've", "i'd", "i'll", "it's", "we're", "we've", "you're", "that's", "there's",
	"don't", "didn't", "get", "got", "make", "made", "thing", "things", NULL
};

static void strings_push(struct strings *strings, const char *s)
{
	xgrow(&strings->items, &strings->cap, strings->count + 1, sizeof *strings->items);
	strings->items[strings->count++] = s;
}

static int in_list(const char *word, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(word, *list) == 0)
			return 1;
	return 0;
}

static int is_ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* ------------------------------------------------------------------------------------------------
 * Reading a recogniser's words
 */

/* 1 for a recogniser's mark rather than a word: "<s>", "[noise]", "(cough)". */
static int is_mark(const char *word, size_t len)
{
	return len > 0 && (word[0] == '[' || word[0] == '<' || (word[0] == '(' && word[len - 1] == ')'));
}

/* The length of word without a trailing alternate-pronunciation mark: "read(2)" is "read". */
static size_t without_alternate(const char *word, size_t len)
{
	size_t i;

	if (len < 4 || word[len - 1] != ')')
		return len;
	for (i = len - 1; i > 0 && word[i - 1] >= '0' && word[i - 1] <= '9'; i--)
		;
	if (i == len - 1 || i < 2 || word[i - 1] != '(')
		return len;
	return i - 1;
}

/* ASCII punctuation cut from the ends of a word; an apostrophe stays ("'cause"). */
static int is_edge_punctuation(unsigned char c)
{
	return c < 0x80 && !is_ascii_alnum(c) && c != '\'';
}

static int is_word_byte(unsigned char c)
{
	return is_ascii_alnum(c) || c >= 0x80;
}

/* A transcript word as speech_count reads it, in scratch; NULL when it is left out. */
static char *read_word(struct arena *scratch, const char *word)
{
	size_t len, start = 0, i;
	char *out;

	if (word == NULL)
		return NULL;
	len = strlen(word);
	if (is_mark(word, len))
		return NULL;
	len = without_alternate(word, len);
	while (start < len && is_edge_punctuation((unsigned char)word[start]))
		start++;
	while (len > start && is_edge_punctuation((unsigned char)word[len - 1]))
		len--;
	for (i = start; i < len && !is_word_byte((unsigned char)word[i]); i++)
		;
	if (i == len)
		return NULL;
	out = arena_strndup(scratch, word + start, len - start);
	words_lower(out);
	return out;
}

/* ------------------------------------------------------------------------------------------------
 * Counting fillers, hedges and repeats
 */

/* 1 if the phrase is said at words[at] and not cancelled by the word just before or after it. */
static int phrase_at(const struct speech_phrase *phrase, const struct strings *words, size_t at)
{
	size_t end = at + phrase->word_count, i;

	if (end > words->count)
		return 0;
	for (i = 0; i < phrase->word_count; i++)
		if (strcmp(words->items[at + i], phrase->words[i]) != 0)
			return 0;
	if (at > 0 && util_string_in(words->items[at - 1], phrase->before, phrase->before_count))
		return 0;
	return end == words->count || !util_string_in(words->items[end], phrase->after, phrase->after_count);
}

/* The index of the longest phrase of list said at words[at], and its length in *len (0 when none). */
static size_t longest_at(const struct speech_list *list, const struct strings *words, size_t at, size_t *len)
{
	size_t best = 0, i;

	*len = 0;
	for (i = 0; i < list->count; i++) {
		if (list->items[i].word_count > *len && phrase_at(&list->items[i], words, at)) {
			best = i;
			*len = list->items[i].word_count;
		}
	}
	return best;
}

/* The tally of one list while counting. */
struct tally {
	const struct speech_list *list;
	int *counts;		/* per phrase */
	int total;
};

/* Takes the phrase said at words[at], if any: counts it and returns its length in words, else 0. */
static size_t take_phrase(struct tally *fillers, struct tally *hedges, const struct strings *words, size_t at)
{
	size_t filler_len, hedge_len;
	size_t filler = longest_at(fillers->list, words, at, &filler_len);
	size_t hedge = longest_at(hedges->list, words, at, &hedge_len);

	if (filler_len > 0 && filler_len >= hedge_len) {
		fillers->counts[filler]++;
		fillers->total++;
		return filler_len;
	}
	if (hedge_len > 0) {
		hedges->counts[hedge]++;
		hedges->total++;
		return hedge_len;
	}
	return 0;
}

/* The phrases said, most frequent first, ties in list order; in arena, NULL when none. */
static struct speech_hit *make_hits(const struct tally *tally, struct arena *arena, size_t *hit_count)
{
	struct speech_hit *hits, hit;
	size_t n = 0, i, j;

	for (i = 0; i < tally->list->count; i++)
		n += tally->counts[i] > 0;
	*hit_count = n;
	if (n == 0)
		return NULL;
	hits = arena_alloc(arena, n * sizeof *hits);
	for (i = 0, n = 0; i < tally->list->count; i++) {
		if (tally->counts[i] == 0)
			continue;
		hit.phrase = arena_strdup(arena, tally->list->items[i].text);
		hit.count = tally->counts[i];
		/* insertion keeps equal counts in list order */
		for (j = n++; j > 0 && hits[j - 1].count < hit.count; j--)
			hits[j] = hits[j - 1];
		hits[j] = hit;
	}
	return hits;
}

/* Counts words said twice in a row, unless both copies went to fillers or hedges ("um um"). */
static void count_repeats(const struct strings *words, const unsigned char *taken, struct arena *arena,
			  struct speech_counts *out)
{
	struct strings repeated = { 0 };
	size_t i;

	for (i = 1; i < words->count; i++) {
		if (strcmp(words->items[i], words->items[i - 1]) != 0 || (taken[i] && taken[i - 1]))
			continue;
		out->repeats++;
		if (!util_string_in(words->items[i], repeated.items, repeated.count))
			strings_push(&repeated, words->items[i]);
	}
	out->repeated_count = repeated.count;
	if (repeated.count > 0)
		out->repeated = arena_alloc(arena, repeated.count * sizeof *out->repeated);
	for (i = 0; i < repeated.count; i++)
		out->repeated[i] = arena_strdup(arena, repeated.items[i]);
	free(repeated.items);
}

void speech_count(const struct speech_lists *lists, const char *const *words, size_t count, struct arena *arena,
		  struct speech_counts *out)
{
	static const struct speech_list none = { 0 };
	struct tally fillers = { lists != NULL ? &lists->fillers : &none, NULL, 0 };
	struct tally hedges = { lists != NULL ? &lists->hedges : &none, NULL, 0 };
	struct strings said = { 0 };
	struct arena scratch;
	unsigned char *taken;
	size_t i, len;

	memset(out, 0, sizeof *out);
	arena_init(&scratch);
	for (i = 0; i < count; i++) {
		char *word = read_word(&scratch, words[i]);
		if (word != NULL)
			strings_push(&said, word);
	}
	out->words = (int)said.count;
	taken = xcalloc(said.count, 1);
	fillers.counts = xcalloc(fillers.list->count, sizeof *fillers.counts);
	hedges.counts = xcalloc(hedges.list->count, sizeof *hedges.counts);
	for (i = 0; i < said.count; i += len > 0 ? len : 1) {
		len = take_phrase(&fillers, &hedges, &said, i);
		memset(taken + i, 1, len);
	}
	out->fillers = fillers.total;
	out->hedges = hedges.total;
	out->filler_hits = make_hits(&fillers, arena, &out->filler_hit_count);
	out->hedge_hits = make_hits(&hedges, arena, &out->hedge_hit_count);
	count_repeats(&said, taken, arena, out);
	free(fillers.counts);
	free(hedges.counts);
	free(taken);
	free(said.items);
	arena_release(&scratch);
}

/* ------------------------------------------------------------------------------------------------
 * Keywords and talking points
 */

static int is_token_byte(unsigned char c)
{
	return is_word_byte(c) || c == '\'';
}

/* Appends the tokens of text to tokens, lowercased, edge apostrophes cut, in scratch; not yet stemmed. */
static void cut_tokens(struct arena *scratch, const char *text, size_t len, struct strings *tokens)
{
	size_t i = 0, start, end;

	while (i < len) {
		for (; i < len && !is_token_byte((unsigned char)text[i]); i++)
			;
		for (start = i; i < len && is_token_byte((unsigned char)text[i]); i++)
			;
		for (end = i; start < end && text[start] == '\''; start++)
			;
		for (; end > start && text[end - 1] == '\''; end--)
			;
		if (end > start) {
			char *token = arena_strndup(scratch, text + start, end - start);
			words_lower(token);
			strings_push(tokens, token);
		}
	}
}

static void normalise_tokens(struct strings *tokens, size_t first)
{
	size_t i;

	for (i = first; i < tokens->count; i++)
		words_normalise((char *)tokens->items[i]);
}

/* The transcript as normalised tokens, recogniser marks left out. */
static void read_tokens(struct arena *scratch, const char *const *words, size_t count, struct strings *tokens)
{
	size_t i, len;

	for (i = 0; i < count; i++) {
		if (words[i] == NULL)
			continue;
		len = strlen(words[i]);
		if (!is_mark(words[i], len))
			cut_tokens(scratch, words[i], without_alternate(words[i], len), tokens);
	}
	normalise_tokens(tokens, 0);
}

/* 1 if the tokens of phrase come in said in order and adjacent. */
static int said_in_order(const struct strings *said, const struct strings *phrase)
{
	size_t at, i;

	if (phrase->count == 0 || phrase->count > said->count)
		return 0;
	for (at = 0; at + phrase->count <= said->count; at++) {
		for (i = 0; i < phrase->count && strcmp(said->items[at + i], phrase->items[i]) == 0; i++)
			;
		if (i == phrase->count)
			return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------------------------------------
 * What the spotter heard: each phrase as normalised tokens, matched against a keyword's or a content word's
 */

struct spotted {
	struct strings *tokens;		/* per spot */
	const struct speech_spot *spots;
	size_t count;
};

static void read_spots(struct arena *scratch, const struct speech_spot *spots, size_t count, struct spotted *out)
{
	size_t i;

	out->spots = spots;
	out->count = count;
	out->tokens = count > 0 ? arena_alloc(scratch, count * sizeof *out->tokens) : NULL;
	for (i = 0; i < count; i++) {
		memset(&out->tokens[i], 0, sizeof out->tokens[i]);
		if (spots[i].phrase != NULL)
			cut_tokens(scratch, spots[i].phrase, strlen(spots[i].phrase), &out->tokens[i]);
		normalise_tokens(&out->tokens[i], 0);
	}
}

static void free_spots(struct spotted *spotted)
{
	size_t i;

	for (i = 0; i < spotted->count; i++)
		free(spotted->tokens[i].items);
}

/* The spot for phrase (normalised tokens), or NULL if none listened for it. */
static const struct speech_spot *spot_for(const struct spotted *spotted, const struct strings *phrase)
{
	size_t i, j;

	for (i = 0; i < spotted->count; i++) {
		const struct strings *t = &spotted->tokens[i];
		if (!spotted->spots[i].listened || t->count != phrase->count || t->count == 0)
			continue;
		for (j = 0; j < t->count && strcmp(t->items[j], phrase->items[j]) == 0; j++)
			;
		if (j == t->count)
			return &spotted->spots[i];
	}
	return NULL;
}

/* Each item's evidence: SAID_HEARD by the transcript alone, SAID_SPOTTED by the spotter alone,
 * SAID_LISTENED if the spotter listened for it, SAID by the two together. */
enum { SAID_HEARD = 1, SAID_SPOTTED = 2, SAID_LISTENED = 4, SAID = 8 };

/* Splits items into said (heard or spotted) and missed by their evidence, into arena arrays, and counts
 * where the transcript and the spotter agree. */
static void split_coverage(const char *const *items, size_t count, const unsigned char *evidence,
			   struct arena *arena, struct speech_coverage *out)
{
	unsigned char *said = xcalloc(count + 1, 1);
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < count; i++) {
		said[i] = (evidence[i] & SAID) != 0;
		if (!(evidence[i] & SAID_LISTENED))
			continue;
		out->listened++;
		if ((evidence[i] & SAID_HEARD) && !(evidence[i] & SAID_SPOTTED))
			out->heard_only++;
		else if ((evidence[i] & SAID_SPOTTED) && !(evidence[i] & SAID_HEARD))
			out->spotted_only++;
	}
	for (i = 0; i < count; i++)
		out->said_count += said[i];
	out->missed_count = count - out->said_count;
	if (out->said_count > 0)
		out->said = arena_alloc(arena, out->said_count * sizeof *out->said);
	if (out->missed_count > 0)
		out->missed = arena_alloc(arena, out->missed_count * sizeof *out->missed);
	out->said_count = out->missed_count = 0;
	for (i = 0; i < count; i++) {
		if (said[i])
			out->said[out->said_count++] = items[i];
		else
			out->missed[out->missed_count++] = items[i];
	}
	free(said);
}

/* The evidence for phrase (normalised tokens): in the transcript's tokens said, and spotted. */
static unsigned char evidence_for(const struct strings *said, const struct spotted *spotted,
				  const struct strings *phrase)
{
	const struct speech_spot *spot = spot_for(spotted, phrase);
	unsigned char e = said_in_order(said, phrase) ? SAID_HEARD : 0;

	if (spot != NULL)
		e |= SAID_LISTENED | (spot->spotted ? SAID_SPOTTED : 0);
	return e & (SAID_HEARD | SAID_SPOTTED) ? e | SAID : e;
}

void speech_keywords(const char *const *keywords, size_t keyword_count, const char *const *words, size_t count,
		     const struct speech_spot *spots, size_t spot_count, struct arena *arena,
		     struct speech_coverage *out)
{
	struct strings said = { 0 }, keyword = { 0 };
	unsigned char *evidence = xcalloc(keyword_count + 1, 1);
	struct spotted spotted;
	struct arena scratch;
	size_t i;

	arena_init(&scratch);
	read_tokens(&scratch, words, count, &said);
	read_spots(&scratch, spots, spot_count, &spotted);
	for (i = 0; i < keyword_count; i++) {
		keyword.count = 0;
		if (keywords[i] != NULL)
			cut_tokens(&scratch, keywords[i], strlen(keywords[i]), &keyword);
		normalise_tokens(&keyword, 0);
		evidence[i] = evidence_for(&said, &spotted, &keyword);
	}
	split_coverage(keywords, keyword_count, evidence, arena, out);
	free(evidence);
	free(said.items);
	free(keyword.items);
	free_spots(&spotted);
	arena_release(&scratch);
}

/* The point's content words, normalised, each once (see speech_points). */
static void content_words(struct arena *scratch, const char *point, struct strings *content)
{
	size_t i, kept = 0;

	content->count = 0;
	cut_tokens(scratch, point, strlen(point), content);
	for (i = 0; i < content->count; i++)
		if (!in_list(content->items[i], stop_words))
			content->items[kept++] = content->items[i];
	if (kept > 0)
		content->count = kept;
	normalise_tokens(content, 0);
	for (i = 0, kept = 0; i < content->count; i++)
		if (!util_string_in(content->items[i], content->items, kept))
			content->items[kept++] = content->items[i];
	content->count = kept;
}

/* A point's evidence: said when half its content words (and at least one) are in the transcript or
 * spotted; heard when that many are in the transcript, spotted when that many were spotted, and listened
 * for when the spotter listened for that many. */
static unsigned char point_evidence(struct arena *scratch, const char *point, const struct strings *said,
				    const struct spotted *spotted, struct strings *content)
{
	size_t said_hits = 0, heard = 0, spot_hits = 0, listened = 0, i;
	struct strings one = { 0 };
	unsigned char e = 0;

	if (point == NULL)
		return 0;
	content_words(scratch, point, content);
	for (i = 0; i < content->count; i++) {
		unsigned char w;
		one.items = &content->items[i];
		one.count = 1;
		w = evidence_for(said, spotted, &one);
		said_hits += (w & SAID) != 0;
		heard += (w & SAID_HEARD) != 0;
		spot_hits += (w & SAID_SPOTTED) != 0;
		listened += (w & SAID_LISTENED) != 0;
	}
	if (said_hits > 0 && said_hits * 2 >= content->count)
		e |= SAID;
	if (heard > 0 && heard * 2 >= content->count)
		e |= SAID_HEARD;
	if (spot_hits > 0 && spot_hits * 2 >= content->count)
		e |= SAID_SPOTTED;
	if (listened > 0 && listened * 2 >= content->count)
		e |= SAID_LISTENED;
	return e;
}

const char **speech_listen_phrases(const char *const *keywords, size_t keyword_count, const char *const *points,
				   size_t point_count, struct arena *arena, size_t *count)
{
	struct strings phrases = { 0 }, tokens = { 0 };
	const char **out = NULL;
	size_t i, j;

	for (i = 0; i < keyword_count; i++)
		if (keywords[i] != NULL && !util_string_in(keywords[i], phrases.items, phrases.count))
			strings_push(&phrases, arena_strdup(arena, keywords[i]));
	for (i = 0; i < point_count; i++) {
		size_t content = 0;
		if (points[i] == NULL)
			continue;
		tokens.count = 0;
		cut_tokens(arena, points[i], strlen(points[i]), &tokens);
		for (j = 0; j < tokens.count; j++)
			content += !in_list(tokens.items[j], stop_words);
		for (j = 0; j < tokens.count; j++)
			if ((content == 0 || !in_list(tokens.items[j], stop_words)) &&
			    !util_string_in(tokens.items[j], phrases.items, phrases.count))
				strings_push(&phrases, tokens.items[j]);
	}
	*count = phrases.count;
	if (phrases.count > 0) {
		out = arena_alloc(arena, phrases.count * sizeof *out);
		memcpy(out, phrases.items, phrases.count * sizeof *out);
	}
	free(phrases.items);
	free(tokens.items);
	return out;
}

void speech_points(const char *const *points, size_t point_count, const char *const *words, size_t count,
		   const struct speech_spot *spots, size_t spot_count, struct arena *arena,
		   struct speech_coverage *out)
{
	struct strings said = { 0 }, content = { 0 };
	unsigned char *evidence = xcalloc(point_count + 1, 1);
	struct spotted spotted;
	struct arena scratch;
	size_t i;

	arena_init(&scratch);
	read_tokens(&scratch, words, count, &said);
	read_spots(&scratch, spots, spot_count, &spotted);
	for (i = 0; i < point_count; i++)
		evidence[i] = point_evidence(&scratch, points[i], &said, &spotted, &content);
	split_coverage(points, point_count, evidence, arena, out);
	free(evidence);
	free(said.items);
	free(content.items);
	free_spots(&spotted);
	arena_release(&scratch);
}

/* ------------------------------------------------------------------------------------------------
 * Bands
 */

enum speech_band speech_pace_band(double words_per_minute)
{
	if (!(words_per_minute >= SPEECH_PACE_SLOW))
		return SPEECH_LOW;
	return words_per_minute > SPEECH_PACE_FAST ? SPEECH_HIGH : SPEECH_GOOD;
}

enum speech_band speech_fillers_band(double per_minute)
{
	return per_minute < SPEECH_FILLERS_MANY ? SPEECH_GOOD : SPEECH_HIGH;
}

enum speech_band speech_length_band(long long answer_ms)
{
	if (answer_ms < SPEECH_STORY_SHORT_MS)
		return SPEECH_LOW;
	return answer_ms > SPEECH_STORY_LONG_MS ? SPEECH_HIGH : SPEECH_GOOD;
}

double speech_per_minute(int count, long long speaking_ms)
{
	if (speaking_ms <= 0)
		return 0;
	return count * 60000.0 / (double)speaking_ms;
}
