/* suggest: which themes a piece of interviewer feedback points to, found by matching it word by word and
 * clause by clause against each theme's phrases. Pure: no I/O, no state; scratch memory is freed before
 * returning.
 *
 * Words are runs of ASCII letters and digits and of other UTF-8 characters, with an apostrophe (' or the
 * right single quote, read as ') kept when it has word characters on both sides. Hyphens, slashes, other
 * ASCII punctuation, Latin-1 punctuation (U+0080-U+00BF, the no-break space) and the General Punctuation
 * block (U+2000-U+206F: dashes, curly quotes, bullets, ellipsis) separate words.
 *
 * A word's normal form: ASCII lowercase, a trailing "'s" dropped; then a word that denies or lacks ("no",
 * "not", "never", "without", "lacked", "few", "little", "barely", any "...n't" and "didnt", "cannot"...)
 * becomes the one negation token; any other word is stemmed: "-ies" (over 4 letters) becomes "-y", else
 * "-ing" (6+) or "-ed" (5+) or "-es" (5+) is cut, else "-s" (4+, not "-ss", "-us", "-is"); then a final "e"
 * (4+) is cut and a final "i" (4+) becomes "y". So "examples", "example" -> "exampl"; "rambled", "rambling",
 * "rambles" -> "rambl"; "quantified", "quantifies" -> "quantify"; "long-winded" is "long" "wind".
 *
 * Clauses end at . ! ? ; : , a newline, an en or em dash, a bullet or an ellipsis, and at the words "but",
 * "though", "although", "however", "whereas" and "yet" (except "yet" right after a negation: "not yet
 * senior enough"), which belong to no clause. A clause is left out when it praises ("great", "good",
 * "strong", "clear"...) with no negation and no cue of criticism ("too", "could", "more", "need", "would",
 * "work on"...), or when it denies a concern: a negation followed, over at most two filler words ("any",
 * "real", "had"...), by "concern", "issue", "problem", "doubt", "complaint", "reservation" or "worry".
 *
 * A phrase, cut into words the same way, matches when its words appear in order inside one clause, each at
 * most two words after the one before. A theme's match is its earliest in the text; at the same start the
 * phrase with more words wins, then the one that ends sooner, then the one listed first.
 */
#include "rebound/suggest.h"
#include "rebound/util.h"
#include "rebound/words.h"

#include <stdlib.h>
#include <string.h>

#define NEAR 3			/* the next word of a phrase comes 1 to NEAR words after the one before */
#define FILLER_MAX 2		/* words allowed between a negation and the concern it denies */

struct word {
	size_t start, end;	/* bytes in the original text */
	size_t lower, norm;	/* offsets of NUL-terminated forms in chars */
	size_t clause;
	int negation;
	int skip;		/* in a clause left out of matching */
};

struct words {
	struct word *items;
	size_t count, cap;
	char *chars;
	size_t used, chars_cap;
};

/* A theme's best match so far, in word indexes. */
struct found {
	size_t theme;
	size_t phrase;
	size_t first, last;
	size_t tokens;
	int any;
};

static const char *const negations[] = {
	"no", "not", "never", "lack", "lacked", "lacking", "lacks", "without", "missing", "few", "fewer",
	"insufficient", "little", "nor", "none", "absence", "absent", "hardly", "barely", "cannot",
	"didnt", "wasnt", "couldnt", "dont", "doesnt", "isnt", "arent", "werent", "havent", "hasnt", "hadnt",
	"cant", "wouldnt", "shouldnt", NULL
};

static const char *const clause_words[] = {
	"but", "though", "although", "however", "whereas", "yet", NULL
};

static const char *const praise[] = {
	"great", "excellent", "strong", "good", "impressive", "impressed", "well", "solid", "fantastic",
	"outstanding", "love", "loved", "liked", "enjoy", "enjoyed", "positive", "brilliant", "clear", "clearly",
	"confident", "engaging", "thoughtful", "thorough", "articulate", "praise", "praised", "appreciate",
	"appreciated", "nice", "wonderful", "superb", "terrific", "amazing", "awesome", "exceptional",
	"perfect", "fine", "pleased", "happy", "glad", "enthusiastic", "passionate", "personable", "warm", "friendly",
	"calm", "composed", "succinct", "inquisitive", "curious", "collaborative", "structured",
	"specific", "concrete", "detailed", "relevant", "insightful", "polished", "professional", NULL
};

static const char *const criticism[] = {
	"too", "could", "should", "would", "could've", "should've", "would've", "more", "less", "better",
	"improve", "improved", "improving", "improvement", "improvements", "need", "needs", "needed",
	"wish", "wished", "concern", "concerns", "concerned", "try", "use", "focus", "help", "want", "wanted",
	"expected", "hoped", "rather", "instead", "only", "unfortunately", "bit", "slightly", "somewhat",
	"sometimes", "occasionally", "please", NULL
};

/* Stems of what a negation can deny to clear a clause: "no concerns about", "never had any doubts". */
static const char *const concerns[] = {
	"concern", "issu", "problem", "doubt", "complaint", "reservation", "worry", NULL
};

static const char *const fillers[] = {
	"any", "real", "major", "big", "serious", "particular", "significant", "other", "further", "have",
	"had", "has", "see", "saw", "seen", "raise", "raised", "the", "a", "an", "all", "much", "many", NULL
};

static int in_list(const char *word, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(word, *list) == 0)
			return 1;
	return 0;
}

static int ends_with(const char *word, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && memcmp(word + len - n, suffix, n) == 0;
}

/* ------------------------------------------------------------------------------------------------
 * Cutting text into words
 */

static int is_ascii_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_right_quote(const unsigned char *s, size_t len, size_t i)
{
	return i + 2 < len && s[i] == 0xe2 && s[i + 1] == 0x80 && s[i + 2] == 0x99;
}

/*
 * The length of the separator at s[i], 0 when a word character starts there. *brk is set when the
 * separator ends a clause.
 */
static size_t separator_length(const unsigned char *s, size_t len, size_t i, int *brk)
{
	*brk = 0;
	if (s[i] < 0x80) {
		if (is_ascii_word_byte(s[i]))
			return 0;
		*brk = s[i] != '\0' && strchr(".!?;:,\n", s[i]) != NULL;
		return 1;
	}
	if (s[i] == 0xc2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0xbf)
		return 2;
	/* U+2000-U+206F */
	if (s[i] == 0xe2 && i + 2 < len && s[i + 2] >= 0x80 &&
	    (s[i + 1] == 0x80 ? s[i + 2] <= 0xbf : s[i + 1] == 0x81 && s[i + 2] <= 0xaf)) {
		/* en dash, em dash, bullet, ellipsis */
		*brk = s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94 || s[i + 2] == 0xa2 ||
					    s[i + 2] == 0xa6);
		return 3;
	}
	return 0;
}

static int word_starts_at(const unsigned char *s, size_t len, size_t i)
{
	int brk;

	return i < len && separator_length(s, len, i, &brk) == 0;
}

/* The end of the word that starts at s[i]. */
static size_t word_end(const unsigned char *s, size_t len, size_t i)
{
	while (i < len) {
		size_t quote = s[i] == '\'' ? 1 : is_right_quote(s, len, i) ? 3 : 0;
		if (quote > 0 && word_starts_at(s, len, i + quote))
			i += quote;
		else if (word_starts_at(s, len, i))
			i++;
		else
			break;
	}
	return i;
}

/* Makes room for n bytes and a NUL at the end of the character store; returns their offset. */
static size_t reserve_chars(struct words *words, size_t n)
{
	xgrow(&words->chars, &words->chars_cap, words->used + n + 1, 1);
	return words->used;
}

/* Lowercases s[start, end) into the character store, the right single quote read as '. */
static size_t store_lower(struct words *words, const unsigned char *s, size_t start, size_t end)
{
	size_t at = reserve_chars(words, end - start), n = 0, i;

	for (i = start; i < end; i++) {
		char c = (char)s[i];
		if (is_right_quote(s, end, i)) {
			c = '\'';
			i += 2;
		} else if (c >= 'A' && c <= 'Z') {
			c = (char)(c - 'A' + 'a');
		}
		words->chars[at + n++] = c;
	}
	words->chars[at + n] = '\0';
	words->used = at + n + 1;
	return at;
}

/* ------------------------------------------------------------------------------------------------
 * Normal forms
 */

static int is_negation(const char *lower)
{
	return ends_with(lower, strlen(lower), "n't") || in_list(lower, negations);
}

/* Fills in the normal form of the word whose lowercase form is stored. */
static void normalise(struct words *words, struct word *word)
{
	size_t n = strlen(words->chars + word->lower), at;

	if (n > 2 && ends_with(words->chars + word->lower, n, "'s"))
		n -= 2;
	at = reserve_chars(words, n);
	memcpy(words->chars + at, words->chars + word->lower, n);
	words->chars[at + n] = '\0';
	words->used = at + n + 1;
	word->norm = at;
	word->negation = is_negation(words->chars + at);
	if (!word->negation)
		words_stem(words->chars + at);
}

static int same_token(const struct words *a, const struct word *x, const struct words *b,
		      const struct word *y)
{
	if (x->negation || y->negation)
		return x->negation && y->negation;
	return strcmp(a->chars + x->norm, b->chars + y->norm) == 0;
}

/* ------------------------------------------------------------------------------------------------
 * Tokenising
 */

/* 1 if the word just stored as lower ends a clause instead of joining it. */
static int is_clause_word(const struct words *words, const char *lower, size_t clause)
{
	const struct word *previous = words->count > 0 ? &words->items[words->count - 1] : NULL;

	if (!in_list(lower, clause_words))
		return 0;
	/* "not yet senior enough": "yet" after a negation means "so far", not "but" */
	return strcmp(lower, "yet") != 0 || previous == NULL || previous->clause != clause ||
	       !previous->negation;
}

/* Cuts text into words; with clauses, also numbers the clauses and drops the words that split them. */
static void tokenise(struct words *words, const char *text, size_t len, int clauses)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, clause = 0;
	int pending = 0;

	while (i < len) {
		struct word *word;
		size_t end, lower;
		int brk;
		size_t skip = separator_length(s, len, i, &brk);
		if (skip > 0) {
			pending |= brk;
			i += skip;
			continue;
		}
		end = word_end(s, len, i);
		if (pending && words->count > 0)
			clause++;
		pending = 0;
		lower = store_lower(words, s, i, end);
		if (clauses && is_clause_word(words, words->chars + lower, clause)) {
			words->used = lower;
			pending = 1;
			i = end;
			continue;
		}
		xgrow(&words->items, &words->cap, words->count + 1, sizeof *words->items);
		word = &words->items[words->count++];
		memset(word, 0, sizeof *word);
		word->start = i;
		word->end = end;
		word->lower = lower;
		word->clause = clause;
		normalise(words, word);
		i = end;
	}
}

static void words_clear(struct words *words)
{
	words->count = 0;
	words->used = 0;
}

static void words_release(struct words *words)
{
	free(words->items);
	free(words->chars);
}

/* ------------------------------------------------------------------------------------------------
 * Clauses left out
 */

static const char *lower_at(const struct words *words, size_t index)
{
	return words->chars + words->items[index].lower;
}

static int is_praise(const struct words *words, size_t first, size_t index)
{
	/* "you rambled as well" praises nothing */
	if (strcmp(lower_at(words, index), "well") == 0 && index > first &&
	    strcmp(lower_at(words, index - 1), "as") == 0)
		return 0;
	return in_list(lower_at(words, index), praise);
}

static int is_criticism(const struct words *words, size_t first, size_t end, size_t index)
{
	if (words->items[index].negation || in_list(lower_at(words, index), criticism))
		return 1;
	/* "work on your structure", "something to work on"; not "great work on the exercise" */
	return strcmp(lower_at(words, index), "work") == 0 && index + 1 < end &&
	       strcmp(lower_at(words, index + 1), "on") == 0 &&
	       (index == first || strcmp(lower_at(words, index - 1), "to") == 0);
}

/* 1 if the negation at index denies a concern: "no concerns", "didn't have any real doubts". */
static int denies_concern(const struct words *words, size_t end, size_t index)
{
	size_t next;

	for (next = index + 1; next < end && next <= index + FILLER_MAX + 1; next++) {
		const struct word *word = &words->items[next];
		if (!word->negation && in_list(words->chars + word->norm, concerns))
			return 1;
		if (!in_list(lower_at(words, next), fillers))
			return 0;
	}
	return 0;
}

static int clause_is_left_out(const struct words *words, size_t first, size_t end)
{
	int praised = 0, criticised = 0;
	size_t i;

	for (i = first; i < end; i++) {
		if (words->items[i].negation && denies_concern(words, end, i))
			return 1;
		praised |= is_praise(words, first, i);
		criticised |= is_criticism(words, first, end, i);
	}
	return praised && !criticised;
}

static void mark_left_out_clauses(struct words *words)
{
	size_t first = 0, end, i;

	while (first < words->count) {
		int skip;
		end = first;
		while (end < words->count && words->items[end].clause == words->items[first].clause)
			end++;
		skip = clause_is_left_out(words, first, end);
		for (i = first; i < end; i++)
			words->items[i].skip = skip;
		first = end;
	}
}

/* ------------------------------------------------------------------------------------------------
 * Matching
 */

/* 1 if phrase tokens from token on follow the text word at; *last is the text word of the final one. */
static int match_rest(const struct words *text, size_t at, const struct words *phrase, size_t token,
		      size_t *last)
{
	size_t next;

	if (token == phrase->count) {
		*last = at;
		return 1;
	}
	for (next = at + 1; next < text->count && next <= at + NEAR; next++) {
		if (text->items[next].clause != text->items[at].clause)
			break;
		if (same_token(text, &text->items[next], phrase, &phrase->items[token]) &&
		    match_rest(text, next, phrase, token + 1, last))
			return 1;
	}
	return 0;
}

/* The earliest match of phrase in text: 1 with its first and last word, or 0. */
static int match_phrase(const struct words *text, const struct words *phrase, size_t *first, size_t *last)
{
	size_t i;

	if (phrase->count == 0)
		return 0;
	for (i = 0; i < text->count; i++) {
		if (text->items[i].skip || !same_token(text, &text->items[i], phrase, &phrase->items[0]))
			continue;
		if (match_rest(text, i, phrase, 1, last)) {
			*first = i;
			return 1;
		}
	}
	return 0;
}

/* Earlier first, then more words (more specific), then a tighter span (closer to the phrase as written). */
static int is_better(size_t first, size_t last, size_t tokens, const struct found *found)
{
	if (first != found->first)
		return first < found->first;
	if (tokens != found->tokens)
		return tokens > found->tokens;
	return last < found->last;
}

static void match_theme(const struct words *text, const struct bank_theme *theme, struct words *phrase,
			struct found *found)
{
	size_t p, first, last;

	for (p = 0; p < theme->phrases.count; p++) {
		const char *source = theme->phrases.items[p];
		words_clear(phrase);
		tokenise(phrase, source, strlen(source), 0);
		if (!match_phrase(text, phrase, &first, &last))
			continue;
		if (found->any && !is_better(first, last, phrase->count, found))
			continue;
		found->any = 1;
		found->phrase = p;
		found->first = first;
		found->last = last;
		found->tokens = phrase->count;
	}
}

static int compare_found(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->theme < y->theme ? -1 : x->theme > y->theme;
}

size_t suggest_themes(const struct bank_catalog *catalog, const char *text, struct arena *arena,
		      struct suggest_match **out)
{
	struct words words = { 0 }, phrase = { 0 };
	size_t themes = catalog != NULL ? bank_theme_count(catalog) : 0, count = 0, i;
	struct found *found;

	*out = NULL;
	if (text == NULL || *text == '\0' || themes == 0)
		return 0;
	tokenise(&words, text, strlen(text), 1);
	mark_left_out_clauses(&words);
	found = xcalloc(themes, sizeof *found);
	for (i = 0; i < themes; i++) {
		struct found match = { 0 };
		match.theme = i;
		match_theme(&words, bank_theme_at(catalog, i), &phrase, &match);
		if (match.any)
			found[count++] = match;
	}
	qsort(found, count, sizeof *found, compare_found);
	if (count > 0)
		*out = arena_alloc(arena, count * sizeof **out);
	for (i = 0; i < count; i++) {
		const struct bank_theme *theme = bank_theme_at(catalog, found[i].theme);
		(*out)[i].theme = theme;
		(*out)[i].phrase = theme->phrases.items[found[i].phrase];
		(*out)[i].start = words.items[found[i].first].start;
		(*out)[i].end = words.items[found[i].last].end;
	}
	free(found);
	words_release(&words);
	words_release(&phrase);
	return count;
}
