/* suggest: which themes feedback points to, from the themes' phrases read with their scope (negation,
 * denied concerns, praise), and from the classifier (suggest-model.c) where the phrases miss; see
 * suggest.h for the rules. Scratch memory is freed before returning. */
#include "suggest-internal.h"
#include "rebound/util.h"
#include "rebound/words.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NEAR 3			/* the next word of a phrase comes 1 to NEAR words after the one before */
#define FILLER_MAX 2		/* words allowed between a negation and the concern it denies */

static const char *const negations[] = {
	"no", "not", "never", "lack", "lacked", "lacking", "lacks", "without", "missing", "few", "fewer",
	"insufficient", "little", "nor", "none", "nothing", "nobody", "neither", "absence", "absent", "hardly",
	"barely", "cannot",
	"didnt", "wasnt", "couldnt", "dont", "doesnt", "isnt", "arent", "werent", "havent", "hasnt", "hadnt",
	"cant", "wouldnt", "shouldnt", NULL
};

/* After a negation, words that make it no negation: "not only", "not just". */
static const char *const pseudo[] = { "only", "just", "merely", "least", NULL };

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
	"specific", "concrete", "detailed", "relevant", "insightful", "polished", "professional", "concise",
	"convincing", "plainly", "assured", "crisp", "compelling", "sharp", "excellently", "superbly", "standout",
	"tight", "impressively", "confidently", NULL
};

static const char *const criticism[] = {
	"too", "could", "should", "would", "could've", "should've", "would've", "more", "less", "better",
	"improve", "improved", "improving", "improvement", "improvements", "need", "needs", "needed",
	"wish", "wished", "concern", "concerns", "concerned", "try", "use", "focus", "help", "want", "wanted",
	"expected", "hoped", "rather", "instead", "only", "unfortunately", "bit", "slightly", "somewhat",
	"sometimes", "occasionally", "please", NULL
};

/* Words of a flaw: a phrase with one names a weakness, and a negation before it denies the weakness. */
static const char *const flaws[] = {
	"rambled", "rambling", "tangent", "meandering", "unstructured", "disorganised", "disorganized", "jumped",
	"lost", "vague", "generic", "general", "hypothetical", "superficial", "surface", "shallow", "thin",
	"wordy", "verbose", "waffled", "waffling", "long", "winded", "unclear", "jargon", "overcomplicated",
	"explained", "confusing", "confused", "nervous", "anxious", "hesitant", "underconfident", "unsure",
	"flustered", "apologetic", "overconfident", "arrogant", "underselling", "monotone", "flat", "disengaged",
	"unenthusiastic", "overqualified", "junior", "weak", "poor", "struggled", "gap", "hard", "difficult",
	"too", "low", NULL
};

/* Stems of what a negation can deny to clear a clause: "no concerns about", "never had any doubts". */
static const char *const concerns[] = {
	"concern", "issu", "problem", "doubt", "complaint", "reserv", "worri", "worry", "wrong", "question", NULL
};

static const char *const fillers[] = {
	"any", "real", "major", "big", "serious", "particular", "significant", "other", "further", "have",
	"had", "has", "see", "saw", "seen", "raise", "raised", "the", "a", "an", "all", "much", "many", NULL
};

/* Words of a theme's title that say nothing of the theme ("Questions the candidate asks at the end"). */
static const char *const title_stops[] = {
	"and", "the", "of", "with", "at", "a", "an", "to", "answer", "candid", "ask", "end", "role", NULL
};

/* Words too common to be the classifier's features. */
static const char *const stop_words[] = {
	"the", "a", "an", "and", "of", "to", "in", "on", "for", "at", "as", "is", "was", "were", "be", "been",
	"it", "that", "this", "your", "you", "we", "our", "us", "i", "me", "my", "they", "their", "with", "are",
	"s", "so", "some", "about", "also", "there", "which", "what", "when", "had", "have", "has", "from", NULL
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

/* The flaw words' stems, made once. */
static char flaw_stems[sizeof flaws / sizeof *flaws][24];
static pthread_once_t flaw_once = PTHREAD_ONCE_INIT;

static void stem_flaws(void)
{
	size_t i;

	for (i = 0; flaws[i] != NULL; i++) {
		snprintf(flaw_stems[i], sizeof flaw_stems[i], "%s", flaws[i]);
		words_stem(flaw_stems[i]);
	}
}

static int is_flaw_stem(const char *stem)
{
	size_t i;

	pthread_once(&flaw_once, stem_flaws);
	for (i = 0; flaws[i] != NULL; i++)
		if (strcmp(stem, flaw_stems[i]) == 0)
			return 1;
	return 0;
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
	word->stop = in_list(words->chars + at, stop_words);
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

const char *suggest_norm(const struct words *words, size_t i)
{
	return words->items[i].negation ? "" : words->chars + words->items[i].norm;
}

const char *suggest_lower(const struct words *words, size_t i)
{
	return words->chars + words->items[i].lower;
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

/* 1 if the separator s[i, i + n) ends a sentence. */
static int ends_sentence(const unsigned char *s, size_t i, size_t n)
{
	return n == 1 && strchr(".!?\n", s[i]) != NULL;
}

/* Cuts text into words; with clauses, also numbers the clauses and sentences and drops the words that
 * split clauses. */
static void tokenise(struct words *words, const char *text, size_t len, int clauses)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, clause = 0, sentence = 0;
	int pending = 0, full_stop = 0;

	while (i < len) {
		struct word *word;
		size_t end, lower;
		int brk;
		size_t skip = separator_length(s, len, i, &brk);
		if (skip > 0) {
			pending |= brk;
			full_stop |= ends_sentence(s, i, skip);
			i += skip;
			continue;
		}
		end = word_end(s, len, i);
		if (pending && words->count > 0)
			clause++;
		if (full_stop && words->count > 0)
			sentence++;
		pending = full_stop = 0;
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
		word->sentence = sentence;
		normalise(words, word);
		i = end;
	}
	words->sentences = words->count > 0 ? sentence + 1 : 0;
}

static void words_clear(struct words *words)
{
	words->count = 0;
	words->used = 0;
	words->sentences = 0;
}

void suggest_words_release(struct words *words)
{
	free(words->items);
	free(words->chars);
}

/* ------------------------------------------------------------------------------------------------
 * Scopes
 */

static int is_praise(const struct words *words, size_t first, size_t index)
{
	/* "you rambled as well" praises nothing */
	if (strcmp(suggest_lower(words, index), "well") == 0 && index > first &&
	    strcmp(suggest_lower(words, index - 1), "as") == 0)
		return 0;
	return in_list(suggest_lower(words, index), praise);
}

static int is_criticism(const struct words *words, size_t first, size_t end, size_t index)
{
	if (words->items[index].negation || in_list(suggest_lower(words, index), criticism))
		return 1;
	/* "work on your structure", "something to work on"; not "great work on the exercise" */
	return strcmp(suggest_lower(words, index), "work") == 0 && index + 1 < end &&
	       strcmp(suggest_lower(words, index + 1), "on") == 0 &&
	       (index == first || strcmp(suggest_lower(words, index - 1), "to") == 0);
}

/* The index of the concern the negation at index denies ("no concerns", "didn't have any real doubts"),
 * or 0 when it denies none. */
static size_t denied_concern(const struct words *words, size_t end, size_t index)
{
	size_t next;

	for (next = index + 1; next < end && next <= index + FILLER_MAX + 1; next++) {
		const struct word *word = &words->items[next];
		if (!word->negation && in_list(words->chars + word->norm, concerns))
			return next;
		if (!in_list(suggest_lower(words, next), fillers))
			return 0;
	}
	return 0;
}

/* Marks the scopes of the clause [first, end). */
static void scope_clause(struct words *words, size_t first, size_t end)
{
	int praised = 0, criticised = 0;
	size_t i, k, concern;

	for (i = first; i < end; i++) {
		struct word *w = &words->items[i];
		if (w->negation && i + 1 < end && in_list(suggest_lower(words, i + 1), pseudo))
			w->negation = 0;	/* "not only", "not just" */
		if (w->negation && i > first && strcmp(suggest_lower(words, i - 1), "a") == 0)
			w->negation = 0;	/* "a little arrogant", "a few examples" */
		if (strcmp(suggest_lower(words, i), "far") == 0 && i + 1 < end &&
		    strcmp(suggest_lower(words, i + 1), "from") == 0)
			w->negation = 1;	/* "far from rambling" */
		if (w->negation && (concern = denied_concern(words, end, i)) != 0) {
			for (k = concern + 1; k < end; k++)
				words->items[k].denied = 1;
		} else if (w->negation) {
			for (k = i + 1; k < end && k <= i + SUGGEST_SCOPE; k++)
				words->items[k].negated = 1;
		}
	}
	for (i = first; i < end; i++) {
		praised |= is_praise(words, first, i);
		criticised |= is_criticism(words, first, end, i) || is_flaw_stem(suggest_norm(words, i));
	}
	for (i = first; i < end; i++)
		words->items[i].praised = praised && !criticised;
}

/* Words that, after "and", start a clause of their own ("you weren't nervous and your examples were
 * specific": two things said). */
static const char *const new_subjects[] = {
	"you", "your", "the", "they", "their", "we", "our", "it", "i", "there", "he", "she", "his", "her", NULL
};

/* Cuts clauses again at "and" before a new subject. */
static void split_at_and(struct words *words)
{
	size_t i, extra = 0;

	for (i = 0; i < words->count; i++) {
		words->items[i].clause += extra;
		if (i > 0 && words->items[i].clause == words->items[i - 1].clause &&
		    strcmp(suggest_lower(words, i - 1), "and") == 0 && in_list(suggest_lower(words, i), new_subjects)) {
			extra++;
			words->items[i].clause++;
		}
	}
}

void suggest_words_read(struct words *words, const char *text, size_t len)
{
	size_t first = 0, end;

	tokenise(words, text, len, 1);
	split_at_and(words);
	while (first < words->count) {
		for (end = first; end < words->count && words->items[end].clause == words->items[first].clause; end++)
			;
		scope_clause(words, first, end);
		first = end;
	}
}

/* ------------------------------------------------------------------------------------------------
 * Phrases
 */

/* What a theme's evidence says so far. */
struct found {
	size_t theme;
	int concern, cancelled;
	size_t phrase, first, last, tokens;	/* the concern that suggests it */
	double probability;			/* the classifier's, best sentence */
	size_t sentence;
	enum suggest_source source;
};

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

/* The next match of phrase in text from word from: 1 with its first and last word, or 0. */
static int match_phrase(const struct words *text, size_t from, const struct words *phrase, size_t *first,
			size_t *last)
{
	size_t i;

	for (i = from; phrase->count > 0 && i < text->count; i++) {
		if (same_token(text, &text->items[i], phrase, &phrase->items[0]) &&
		    match_rest(text, i, phrase, 1, last)) {
			*first = i;
			return 1;
		}
	}
	return 0;
}

/* 1 if the phrase match [first, last] is a concern, 0 if it cancels its theme (denied, or praised). */
static int is_concern(const struct words *text, const struct words *phrase, size_t first)
{
	const struct word *w = &text->items[first];
	int negative = 0, flaw = 0;
	size_t i;

	for (i = 0; i < phrase->count; i++) {
		negative |= phrase->items[i].negation;
		flaw |= !phrase->items[i].negation && is_flaw_stem(suggest_norm(phrase, i));
	}
	if (w->denied)
		return 0;
	if (negative)
		return 1;
	if (w->negated)
		return !flaw;		/* "you weren't nervous" denies; "no structure" is a concern */
	return flaw || !w->praised;
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
	size_t p, first, last, from;

	for (p = 0; p < theme->phrases.count; p++) {
		const char *source = theme->phrases.items[p];
		words_clear(phrase);
		tokenise(phrase, source, strlen(source), 0);
		for (from = 0; match_phrase(text, from, phrase, &first, &last); from = first + 1) {
			if (!is_concern(text, phrase, first)) {
				found->cancelled = 1;
				continue;
			}
			if (!found->concern || is_better(first, last, phrase->count, found)) {
				found->concern = 1;
				found->phrase = p;
				found->first = first;
				found->last = last;
				found->tokens = phrase->count;
			}
			break;
		}
	}
}

/* A praising clause that names a theme's title words ("your examples were very specific") cancels it. */
static void match_praise(const struct words *text, const struct bank_theme *theme, struct words *title,
			 struct found *found)
{
	size_t i, k;

	words_clear(title);
	tokenise(title, theme->title, strlen(theme->title), 0);
	for (i = 0; i < text->count; i++) {
		if (!text->items[i].praised && !text->items[i].denied)
			continue;
		for (k = 0; k < title->count; k++)
			if (!in_list(suggest_norm(title, k), title_stops) &&
			    strcmp(suggest_norm(title, k), suggest_norm(text, i)) == 0)
				found->cancelled = 1;
	}
}

/* ------------------------------------------------------------------------------------------------
 * Suggesting
 */

/* Takes the classifier's view of each sentence into found (themes entries). */
static void classify_sentences(const struct suggest_model *model, const struct words *words, size_t themes,
			       struct arena *arena, struct found *found)
{
	double *base = xcalloc(themes, sizeof *base), *own = xcalloc(themes, sizeof *own);
	size_t from = 0, to, t;

	while (from < words->count) {
		for (to = from; to < words->count && words->items[to].sentence == words->items[from].sentence; to++)
			;
		if (suggest_model_predict(model, 0, words, from, to, arena, base)) {
			int personal = suggest_model_predict(model, 1, words, from, to, arena, own);
			for (t = 0; t < themes; t++) {
				double p = personal ? own[t] : base[t];
				size_t top;
				if (p <= found[t].probability)
					continue;
				top = suggest_model_top(model, personal, words, from, to, t, arena);
				if (top != (size_t)-1 && (words->items[top].denied ||
							  (words->items[top].praised && !is_flaw_stem(suggest_norm(words, top)))))
					continue;	/* what weighed most is denied or praised: "no concerns about the impact" */
				found[t].probability = p;
				found[t].sentence = from;
				found[t].source = personal && base[t] < suggest_model_threshold_of(model) ? SUGGEST_OWN :
						  SUGGEST_CLASSIFIER;
			}
		}
		from = to;
	}
	free(base);
	free(own);
}

/* Where a theme's suggestion starts in the text: its phrase's first word, or its sentence's. */
static size_t found_at(const struct found *f)
{
	return f->concern ? f->first : f->sentence;
}

static int compare_found(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (found_at(x) != found_at(y))
		return found_at(x) < found_at(y) ? -1 : 1;
	return x->theme < y->theme ? -1 : x->theme > y->theme;
}

/* The end of the sentence that starts at word from. */
static size_t sentence_end(const struct words *words, size_t from)
{
	size_t to = from;

	while (to + 1 < words->count && words->items[to + 1].sentence == words->items[from].sentence)
		to++;
	return words->items[to].end;
}

static void fill_match(const struct bank_catalog *catalog, const struct suggest_model *model,
		       const struct words *words, const struct found *f, int recalled, struct arena *arena,
		       struct suggest_match *m)
{
	size_t to;

	memset(m, 0, sizeof *m);
	m->theme = bank_theme_at(catalog, f->theme);
	m->source = recalled ? SUGGEST_OWN : f->concern ? SUGGEST_PHRASE : f->source;
	if (f->concern) {
		m->phrase = m->theme->phrases.items[f->phrase];
		m->start = words->items[f->first].start;
		m->end = words->items[f->last].end;
		return;
	}
	if (recalled)
		return;
	m->probability = f->probability;
	m->start = words->items[f->sentence].start;
	m->end = sentence_end(words, f->sentence);
	for (to = f->sentence; to < words->count && words->items[to].sentence == words->items[f->sentence].sentence; to++)
		;
	m->word_count = suggest_model_evidence(model, words, f->sentence, to, f->theme, arena, m->words,
					       SUGGEST_EVIDENCE);
}

size_t suggest_themes(const struct bank_catalog *catalog, const struct suggest_model *model, const char *text,
		      struct arena *arena, struct suggest_match **out)
{
	struct words words = { 0 }, scratch = { 0 };
	size_t themes = catalog != NULL ? bank_theme_count(catalog) : 0, count = 0, i;
	struct found *found;
	long long recalled = -1;

	*out = NULL;
	if (text == NULL || *text == '\0' || themes == 0)
		return 0;
	suggest_words_read(&words, text, strlen(text));
	found = xcalloc(themes, sizeof *found);
	for (i = 0; i < themes; i++) {
		found[i].theme = i;
		match_theme(&words, bank_theme_at(catalog, i), &scratch, &found[i]);
		match_praise(&words, bank_theme_at(catalog, i), &scratch, &found[i]);
	}
	if (model != NULL) {
		classify_sentences(model, &words, themes, arena, found);
		recalled = suggest_model_recall(model, &words);
	}
	for (i = 0; i < themes; i++) {
		int keep = recalled >= 0 ? (int)((recalled >> i) & 1) :
			   found[i].concern || (!found[i].cancelled && model != NULL &&
						found[i].probability >= suggest_model_threshold_of(model));
		if (keep)
			found[count++] = found[i];
	}
	qsort(found, count, sizeof *found, compare_found);
	if (count > 0)
		*out = arena_alloc(arena, count * sizeof **out);
	for (i = 0; i < count; i++)
		fill_match(catalog, model, &words, &found[i], recalled >= 0, arena, &(*out)[i]);
	free(found);
	suggest_words_release(&words);
	suggest_words_release(&scratch);
	return count;
}
