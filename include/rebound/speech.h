/* speech: coaching figures from the words of a transcript: fillers ("um", "you know") and hedges ("kind of",
 * "i guess") counted against two phrase lists, words said twice in a row, the keywords and talking points
 * an answer covered, and the bands a pace, a filler rate and an answer's length are judged against.
 * Pure: no I/O except speech_lists_load. */
#ifndef REBOUND_SPEECH_H
#define REBOUND_SPEECH_H

#include <stddef.h>

#include "rebound/arena.h"

#define SPEECH_MAX_PHRASE_WORDS 4

/* ------------------------------------------------------------------------------------------------
 * Filler and hedge lists
 */

struct speech_lists;	/* filler and hedge phrases */

/*
 * Reads both lists (assets/fillers.txt, assets/hedges.txt); a NULL path gives an empty list. File format:
 * one phrase per line, lowercase words separated by spaces or tabs; '#' starts a comment; blank lines are
 * ignored. After the phrase, optional "< w1 w2 ..." lists words that, just BEFORE the phrase, make it not
 * count ("like < would feel looks": "i would like" is no filler), and "> w1 w2 ..." words that, just AFTER
 * it, make it not count ("so > that much many"); either may come first, and either may be repeated. A line
 * that starts with '<' or '>' adds its words to the phrase above it, so that long lists can be wrapped.
 * Returns NULL with *cause (xasprintf'd, caller frees) as FILE:LINE: message for a bad line:
 *   "assets/fillers.txt:12: 'um um um um um' has more than 4 words"        (SPEECH_MAX_PHRASE_WORDS)
 *   "assets/fillers.txt:3: '<' has no words after it"                      (likewise '>')
 *   "assets/fillers.txt:1: '>' with no phrase before it"                   (no phrase above a wrapped line)
 *   "assets/fillers.txt:5: bad character 'U' in 'Um' (use lowercase letters, digits, ' and -)"
 *                                   (control characters show as '\x01', UTF-8 ones as themselves)
 *   "assets/fillers.txt:6: '--' has no letter or digit"
 *   "assets/fillers.txt:9: 'um' is listed twice (first on line 2)"        (within one file)
 * or "cannot read 'PATH': <strerror>". The phrase rules apply to the words of "<" and ">" lists too.
 * Caller frees the lists with speech_lists_free.
 */
struct speech_lists *speech_lists_load(const char *fillers_path, const char *hedges_path, char **cause);
void speech_lists_free(struct speech_lists *lists);	/* accepts NULL */
/* The number of phrases in each list. */
size_t speech_filler_count(const struct speech_lists *lists);
size_t speech_hedge_count(const struct speech_lists *lists);

/* ------------------------------------------------------------------------------------------------
 * Counting
 */

struct speech_hit {
	const char *phrase;	/* "you know": a copy in the arena given to speech_count */
	int count;		/* times said */
};

struct speech_counts {
	int words;				/* words in the transcript, recogniser marks left out */
	int fillers, hedges, repeats;		/* occurrences */
	struct speech_hit *filler_hits, *hedge_hits;	/* in arena; most frequent first, ties in list order */
	size_t filler_hit_count, hedge_hit_count;	/* phrases said at least once */
	const char **repeated;		/* in arena: each word said twice in a row, once, first seen first */
	size_t repeated_count;
};

/*
 * Counts fillers, hedges and repeats in words, as a recogniser writes them. Each word is read as follows:
 * one that starts with '[' or '<' ("<s>", "</s>", "<sil>", "[noise]", "[speech]", "<unk>") or is wholly in
 * parentheses ("(cough)") is left out; a trailing alternate-pronunciation mark "(2)" is cut; ASCII letters
 * are lowercased; ASCII punctuation other than an apostrophe is cut from both ends ("Um," is "um"); and a
 * word left with no letter, digit or non-ASCII byte is left out. Words left out do not count and do not
 * separate the words around them.
 *
 * Each word belongs to at most one phrase: reading left to right, at each word the longest phrase of
 * either list that starts there and is not cancelled by the word just before or after it is taken, a
 * filler before a hedge of the same length, and reading goes on after it. So "you know" is one filler
 * (not "you"), and "i feel like" one hedge (not the filler "like").
 * A repeat is the same word twice in a row ("the the", "i i think"), counted once per extra copy ("the the
 * the" is two); a pair whose words were both counted as fillers or hedges ("um um", "maybe maybe") is no
 * repeat. lists may be NULL (no phrases). Every array is NULL when empty; *out is overwritten.
 */
void speech_count(const struct speech_lists *lists, const char *const *words, size_t count, struct arena *arena,
		  struct speech_counts *out);

/* ------------------------------------------------------------------------------------------------
 * Coverage
 */

/* What the keyword spotter made of one phrase it was given (recognizer.h; as stored, store.h). */
struct speech_spot {
	const char *phrase;	/* a keyword or a talking point's content word, as listened for */
	int listened;		/* 0: it could not be (no pronunciation) */
	int spotted;		/* heard in the audio, by the spotter's calibrated threshold */
};

/* Arrays in arena, NULL when empty, in input order; their strings are the caller's (borrowed). With
 * spots, an item is said when the transcript or the spotter says so; the counts after tell how far the
 * two agree, over the items the spotter listened for. */
struct speech_coverage {
	const char **said, **missed;
	size_t said_count, missed_count;
	size_t listened;	/* items the spotter listened for */
	size_t spotted_only;	/* of those, said by the spotter alone (the transcript missed them) */
	size_t heard_only;	/* and by the transcript alone (the spotter did not hear them) */
};

/*
 * The phrases to listen for in an answer: each keyword as written, then each content word of each
 * talking point (as speech_points reads them, but not stemmed), each phrase once; in arena.
 */
const char **speech_listen_phrases(const char *const *keywords, size_t keyword_count, const char *const *points,
				   size_t point_count, struct arena *arena, size_t *count);

/*
 * Keywords and transcript words are cut into tokens at anything but letters, digits, apostrophes and
 * non-ASCII bytes ("stand-up" is "stand" "up", "A/B" is "a" "b"; recogniser marks are left out as in
 * speech_count), each lowercased, a trailing "'s" dropped and stemmed (words_normalise).
 * A keyword is said when its tokens come in the transcript in order and adjacent; so "teams" matches
 * "team", "led" does not match "lead" (Snowball knows few irregular forms), and "stand up" matches "stand-up". A keyword
 * with no token is missed. A keyword is said too when a spot whose phrase has the same tokens was spotted.
 * words may be NULL with count 0 (no transcript to trust), spots NULL with spot_count 0 (none).
 */
void speech_keywords(const char *const *keywords, size_t keyword_count, const char *const *words, size_t count,
		     const struct speech_spot *spots, size_t spot_count, struct arena *arena,
		     struct speech_coverage *out);

/*
 * Talking points touched: a point ("one achievement with a number") counts as said when at least half (and
 * at least one) of its content words were said anywhere in the transcript. Content words are its tokens
 * (cut as for keywords) not in a built-in English stop-word list ("a", "the", "with", "one", "i'm"...),
 * stemmed, each counted once; a point of stop words alone uses all its words. A content word is said too
 * when a spot of that one word was spotted; the point counts as spotted (for the agreement counts) when
 * half its content words were.
 */
void speech_points(const char *const *points, size_t point_count, const char *const *words, size_t count,
		   const struct speech_spot *spots, size_t spot_count, struct arena *arena,
		   struct speech_coverage *out);

/* ------------------------------------------------------------------------------------------------
 * Reference bands the figures are judged against
 */

#define SPEECH_PACE_SLOW 130		/* words a minute: under is LOW, over SPEECH_PACE_FAST is HIGH */
#define SPEECH_PACE_FAST 170
#define SPEECH_FILLERS_MANY 2.0		/* per minute: fewer is good */
#define SPEECH_STORY_SHORT_MS 60000	/* behavioural answers: one to two minutes, both ends good */
#define SPEECH_STORY_LONG_MS 120000

enum speech_band { SPEECH_LOW, SPEECH_GOOD, SPEECH_HIGH };

/* LOW under SPEECH_PACE_SLOW (and for NaN), HIGH over SPEECH_PACE_FAST, else GOOD. */
enum speech_band speech_pace_band(double words_per_minute);
/* LOW never; GOOD under SPEECH_FILLERS_MANY, HIGH at or over it. */
enum speech_band speech_fillers_band(double per_minute);
/* LOW under SPEECH_STORY_SHORT_MS, HIGH over SPEECH_STORY_LONG_MS, else GOOD. */
enum speech_band speech_length_band(long long answer_ms);
/* count per minute of speaking time; 0 when speaking_ms <= 0. */
double speech_per_minute(int count, long long speaking_ms);

#endif
