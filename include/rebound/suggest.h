/* suggest: which themes a piece of interviewer feedback says the candidate must work on. Two kinds of
 * evidence: the themes' phrases (questions/themes.yaml), matched word by word with Snowball stems and read
 * with their scope, and a classifier trained on labelled feedback (assets/feedback-corpus.txt and the
 * user's own corrections) that adds what the phrases miss. Pure: no I/O but the corpus reader.
 *
 * Words: runs of ASCII letters and digits and of other UTF-8 characters, an apostrophe (' or the right
 * single quote) kept inside a word; hyphens, slashes, other punctuation, Latin-1 punctuation and the
 * General Punctuation block separate words. A word that denies or lacks ("no", "not", "never",
 * "without", "lacked", "few", "barely", any "...n't", "didnt", "cannot"...) is one negation token, except
 * before "only", "just", "merely" and after "a" ("not only", "a little" deny nothing); any other word is
 * lowercased, a trailing "'s" dropped, and stemmed.
 *
 * Clauses end at . ! ? ; : , a newline, an en or em dash, a bullet or an ellipsis, and at "but",
 * "though", "although", "however", "whereas" and "yet" (not "yet" right after a negation: "not yet senior
 * enough"), and after an "and" that a new subject follows ("and your examples..."); sentences at . ! ? and newlines. Scopes, NegEx-style, inside a clause:
 * - a negation's scope runs over the words after it, to the clause's end (at most SUGGEST_SCOPE words);
 * - a negation that denies a concern ("no concerns", "didn't have any real doubts": at most two filler
 *   words between) denies what follows it instead;
 * - a clause praises when it has a word of praise ("great", "clear", "specific"...) and no negation, no
 *   cue of criticism ("too", "could", "more", "work on"...) and no word of a flaw ("hard", "vague",
 *   "nervous"...).
 * A phrase matches when its words appear in order inside one clause, each at most three words after the
 * one before. A phrase that names a flaw ("rambled", "nervous") is a concern, but denied when a negation
 * before it has it in scope ("you weren't nervous"); a phrase that names a quality ("structure",
 * "technical skills") is a concern when negated ("no structure") or in a clause that does not praise,
 * and praise in one that does; a phrase with a negation in it ("lacked examples") is a concern. Anything
 * in a denied scope, and any theme whose title words a praising clause names ("your examples were very
 * specific"), is cancelled: praise and denial cancel only the theme they are about. A theme with a
 * concern is suggested; else one the classifier gives SUGGEST_THRESHOLD or more (in any sentence) unless
 * it was cancelled.
 */
#ifndef REBOUND_SUGGEST_H
#define REBOUND_SUGGEST_H

#include <stddef.h>

#include "rebound/arena.h"
#include "rebound/bank.h"

#define SUGGEST_SCOPE 6		/* words a negation reaches */
#define SUGGEST_THRESHOLD 0.5	/* the classifier's probability that suggests a theme */
#define SUGGEST_EVIDENCE 3	/* words shown as a classifier's evidence */
#define SUGGEST_OWN_WEIGHT 3.0	/* how much one of the user's corrections counts against a corpus example */

/* A piece of labelled feedback: its text and its themes as bits of catalog theme indexes. */
struct suggest_example {
	const char *text;
	unsigned long long themes;
};

/*
 * Reads a labelled corpus: '#' lines are comments; every other non-empty line is "THEMES<TAB>TEXT",
 * THEMES theme ids separated by commas or "-" for none. An id the catalog lacks is an error
 * ("NAME:LINE: unknown theme 'x'"), as is a line with no tab. Examples in arena. 0, or -1 with *cause.
 */
int suggest_corpus_parse(const struct bank_catalog *catalog, const char *name, const char *text, size_t len,
			 struct arena *arena, struct suggest_example **out, size_t *count, char **cause);
int suggest_corpus_read(const struct bank_catalog *catalog, const char *path, struct arena *arena,
			struct suggest_example **out, size_t *count, char **cause);

/* A trained classifier: on the corpus, and on the corpus with the user's own corrections (each counted
 * SUGGEST_OWN_WEIGHT times), which are also remembered for feedback worded nearly the same. */
struct suggest_model;
struct suggest_model *suggest_model_train(const struct bank_catalog *catalog, const struct suggest_example *corpus,
					  size_t corpus_count, const struct suggest_example *own, size_t own_count);
void suggest_model_free(struct suggest_model *model);	/* accepts NULL */
/* The probability from which the classifier suggests a theme (SUGGEST_THRESHOLD unless changed). */
void suggest_model_threshold(struct suggest_model *model, double threshold);

enum suggest_source {
	SUGGEST_PHRASE,		/* one of the theme's phrases */
	SUGGEST_CLASSIFIER,	/* the classifier, on the corpus */
	SUGGEST_OWN,		/* the user's own corrections: remembered wording, or what they taught the classifier */
};

/* Why a theme was suggested. */
struct suggest_match {
	const struct bank_theme *theme;
	enum suggest_source source;
	const char *phrase;		/* SUGGEST_PHRASE: the theme's phrase (borrowed from the catalog) */
	size_t start, end;		/* the byte span: the phrase's words, or the sentence that weighed most */
	double probability;		/* the classifier's, for its sentence (0 for remembered wording) */
	const char *words[SUGGEST_EVIDENCE];	/* the classifier's: the words that weighed most, in arena */
	size_t word_count;
};

/*
 * Suggests themes for the feedback text: one match per theme, in the order of the text (a phrase's
 * first word, a sentence's start). model may be NULL: phrases alone. When the user chose themes for
 * feedback worded nearly the same before, those themes are the suggestion (SUGGEST_OWN, with the phrase
 * span where one matched too). *out in arena (NULL when none). Returns the number of matches.
 */
size_t suggest_themes(const struct bank_catalog *catalog, const struct suggest_model *model, const char *text,
		      struct arena *arena, struct suggest_match **out);

#endif
