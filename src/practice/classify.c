/* classify: one logistic regression per label over hashed features, trained by stochastic gradient
 * descent over the examples in the order they were added, with L2 regularisation (see classify.h). */
#include "rebound/classify.h"
#include "rebound/util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS (1u << CLASSIFY_BITS)
#define EPOCHS 40
#define RATE 0.4		/* the first epoch's learning rate; it falls as 1 / (1 + epoch / 8) */
#define L2 0.0002

struct example {
	uint32_t *slots;	/* distinct feature slots */
	size_t count;
	unsigned long long labels;
	double weight;
};

struct classify {
	size_t labels;
	double *weights;	/* labels rows of SLOTS */
	double *bias;
	struct example *examples;
	size_t count, room;
};

static uint32_t slot_of(const char *feature)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *feature != '\0'; feature++)
		h = (h ^ (unsigned char)*feature) * 1099511628211ULL;
	return (uint32_t)(h ^ (h >> 32)) & (SLOTS - 1);
}

static double sigmoid(double x)
{
	return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x));
}

struct classify *classify_new(size_t labels)
{
	struct classify *model = xcalloc(1, sizeof *model);

	if (labels == 0 || labels > CLASSIFY_LABELS_MAX)
		labels = labels == 0 ? 1 : CLASSIFY_LABELS_MAX;
	model->labels = labels;
	model->weights = xcalloc(labels * SLOTS, sizeof *model->weights);
	model->bias = xcalloc(labels, sizeof *model->bias);
	return model;
}

void classify_free(struct classify *model)
{
	size_t i;

	if (model == NULL)
		return;
	for (i = 0; i < model->count; i++)
		free(model->examples[i].slots);
	free(model->examples);
	free(model->weights);
	free(model->bias);
	free(model);
}

static int by_slot(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The distinct slots of features, sorted, into slots (room for count); returns how many. */
static size_t distinct_slots(const char *const *features, size_t count, uint32_t *slots)
{
	size_t i, n = 0;

	for (i = 0; i < count; i++)
		slots[i] = slot_of(features[i]);
	qsort(slots, count, sizeof *slots, by_slot);
	for (i = 0; i < count; i++)
		if (n == 0 || slots[n - 1] != slots[i])
			slots[n++] = slots[i];
	return n;
}

void classify_add(struct classify *model, const char *const *features, size_t count, unsigned long long labels,
		  double weight)
{
	struct example *e;

	xgrow(&model->examples, &model->room, model->count + 1, sizeof *model->examples);
	e = &model->examples[model->count++];
	e->slots = xcalloc(count + 1, sizeof *e->slots);
	e->count = distinct_slots(features, count, e->slots);
	e->labels = labels;
	e->weight = weight;
}

static double score(const struct classify *model, size_t label, const uint32_t *slots, size_t count)
{
	const double *w = model->weights + label * SLOTS;
	double sum = model->bias[label];
	size_t i;

	for (i = 0; i < count; i++)
		sum += w[slots[i]];
	return sum;
}

void classify_train(struct classify *model)
{
	double boost[CLASSIFY_LABELS_MAX];
	size_t epoch, i, k, label;

	/* Rare labels' examples count more (the square root of the odds against them), so that a label seen
	 * in a tenth of the examples is not learnt as "almost never". */
	for (label = 0; label < model->labels; label++) {
		double positive = 0;
		for (i = 0; i < model->count; i++)
			positive += (model->examples[i].labels >> label) & 1;
		boost[label] = positive > 0 && positive < model->count ? sqrt((model->count - positive) / positive) : 1;
	}

	memset(model->weights, 0, model->labels * SLOTS * sizeof *model->weights);
	memset(model->bias, 0, model->labels * sizeof *model->bias);
	for (epoch = 0; epoch < EPOCHS; epoch++) {
		double rate = RATE / (1 + epoch / 8.0);
		for (i = 0; i < model->count; i++) {
			const struct example *e = &model->examples[i];
			for (label = 0; label < model->labels; label++) {
				double *w = model->weights + label * SLOTS;
				double y = (e->labels >> label) & 1, g;
				g = (sigmoid(score(model, label, e->slots, e->count)) - y) * e->weight * (y > 0 ? boost[label] : 1);
				model->bias[label] -= rate * g;
				for (k = 0; k < e->count; k++)
					w[e->slots[k]] -= rate * (g + L2 * w[e->slots[k]]);
			}
		}
	}
}

void classify_predict(const struct classify *model, const char *const *features, size_t count, double *probabilities)
{
	uint32_t *slots = xcalloc(count + 1, sizeof *slots);
	size_t n = distinct_slots(features, count, slots), label;

	for (label = 0; label < model->labels; label++)
		probabilities[label] = sigmoid(score(model, label, slots, n));
	free(slots);
}

double classify_weight(const struct classify *model, const char *feature, size_t label)
{
	return label < model->labels ? model->weights[label * SLOTS + slot_of(feature)] : 0;
}

size_t classify_examples(const struct classify *model)
{
	return model->count;
}
