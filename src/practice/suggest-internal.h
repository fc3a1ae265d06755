/* suggest-internal: the words of a feedback text with their clauses and scopes, shared by suggest.c
 * (which cuts, scopes and matches them) and suggest-model.c (which turns them into the classifier's
 * features). Not for use elsewhere. */
#ifndef REBOUND_SUGGEST_INTERNAL_H
#define REBOUND_SUGGEST_INTERNAL_H

#include "rebound/suggest.h"

#include <stddef.h>

struct word {
	size_t start, end;	/* bytes in the original text */
	size_t lower, norm;	/* offsets of NUL-terminated forms in chars */
	size_t clause, sentence;
	int negation;		/* a word that denies or lacks, as one token ("not only" is none) */
	int negated;		/* inside the scope of a negation before it in its clause */
	int denied;		/* after a denied concern in its clause ("no concerns about ...") */
	int praised;		/* in a clause that praises and criticises nothing */
	int stop;		/* a word too common to be a feature */
};

struct words {
	struct word *items;
	size_t count, cap;
	char *chars;
	size_t used, chars_cap;
	size_t sentences;
};

/* Cuts text into words, clauses and sentences and marks the scopes (suggest.c). */
void suggest_words_read(struct words *words, const char *text, size_t len);
void suggest_words_release(struct words *words);

/* The normal form (stem, or "" for a negation) and the lowercase form of word i. */
const char *suggest_norm(const struct words *words, size_t i);
const char *suggest_lower(const struct words *words, size_t i);

/* The classifier's features of the words [from, to) (one sentence), into features (room for
 * SUGGEST_FEATURES_MAX(to - from)); each is a string in arena. Returns how many. */
#define SUGGEST_FEATURES_MAX(n) (4 * (n) + 1)
size_t suggest_features(const struct words *words, size_t from, size_t to, struct arena *arena, const char **features);

/* The probability of each theme (probabilities[theme count]) for the words [from, to), from the base
 * model (own = 0) or the one with the user's corrections (own = 1); 0 when there is no such model. */
int suggest_model_predict(const struct suggest_model *model, int own, const struct words *words, size_t from,
			  size_t to, struct arena *arena, double *probabilities);

/* The probability from which the classifier suggests a theme. */
double suggest_model_threshold_of(const struct suggest_model *model);

/* The themes the user chose for feedback worded like this (nearly the same words) before, as a bit
 * mask of catalog theme indexes, or -1 when there is none. */
long long suggest_model_recall(const struct suggest_model *model, const struct words *words);

/* The index of the word of [from, to) that weighed most for theme (model own, as for predict), or
 * (size_t)-1 when none weighed for it. */
size_t suggest_model_top(const struct suggest_model *model, int own, const struct words *words, size_t from,
			 size_t to, size_t theme, struct arena *arena);

/* The words of [from, to) that weighed most for theme, best first, into out (up to max); how many. */
size_t suggest_model_evidence(const struct suggest_model *model, const struct words *words, size_t from, size_t to,
			      size_t theme, struct arena *arena, const char **out, size_t max);

#endif
