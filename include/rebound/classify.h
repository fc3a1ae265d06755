/* classify: a small multi-label text classifier, one logistic regression per label over hashed string
 * features (words, word pairs: whatever the caller extracts), trained in memory by batch gradient descent
 * with L2 regularisation. Deterministic: the same examples in the same order give the same weights.
 * Pure: no I/O. Used by suggest.c for feedback-to-theme suggestions. */
#ifndef REBOUND_CLASSIFY_H
#define REBOUND_CLASSIFY_H

#include <stddef.h>

#define CLASSIFY_LABELS_MAX 64		/* labels are bits of an unsigned long long */
#define CLASSIFY_BITS 14		/* 2^14 hashed feature slots per label */

struct classify;

/* A model for labels labels (1..CLASSIFY_LABELS_MAX), with no examples yet. */
struct classify *classify_new(size_t labels);
void classify_free(struct classify *model);	/* accepts NULL */

/* Adds an example: its features (strings, copied as hashes; duplicates count once) and the bit mask of
 * its labels, with weight (1 for an ordinary example). */
void classify_add(struct classify *model, const char *const *features, size_t count, unsigned long long labels,
		  double weight);

/* Trains on the examples added so far (again from zero each time). */
void classify_train(struct classify *model);

/* The probability of each label (probabilities[labels]) for an example with these features. */
void classify_predict(const struct classify *model, const char *const *features, size_t count, double *probabilities);

/* The weight feature has for label (what it adds to the label's log-odds). */
double classify_weight(const struct classify *model, const char *feature, size_t label);

size_t classify_examples(const struct classify *model);

#endif
