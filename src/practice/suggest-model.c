/* suggest-model: the classifier half of suggest.h: the labelled corpus read, each sentence turned into
 * features (Snowball stems marked by their scope, and pairs of neighbouring stems), a logistic regression
 * per theme trained on the corpus and another on the corpus with the user's corrections, and the
 * corrections remembered for feedback worded nearly the same. */
#include "suggest-internal.h"
#include "rebound/classify.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

#define CORPUS_MAX (16 * 1024 * 1024)	/* bytes of a corpus file */
#define RECALL_SIMILARITY 0.8		/* the share of words two feedbacks must share to be "worded the same" */

/* A correction remembered: the distinct stems of its feedback, sorted, and its themes. */
struct memory {
	char **stems;
	size_t count;
	unsigned long long themes;
};

struct suggest_model {
	size_t themes;
	struct classify *base, *own;	/* own is NULL when there are no corrections */
	struct memory *memories;
	size_t memory_count;
	double threshold;
};

/* ------------------------------------------------------------------------------------------------
 * The corpus
 */

/* The bits of the themes listed in ids ("structure,examples" or "-"), or -1 with *cause. */
static long long parse_themes(const struct bank_catalog *catalog, char *ids, const char *name, int line,
			      char **cause)
{
	unsigned long long bits = 0;
	char *id, *save = NULL;
	size_t t;

	if (strcmp(ids, "-") == 0)
		return 0;
	for (id = strtok_r(ids, ", ", &save); id != NULL; id = strtok_r(NULL, ", ", &save)) {
		for (t = 0; t < bank_theme_count(catalog) && strcmp(bank_theme_at(catalog, t)->id, id) != 0; t++)
			;
		if (t == bank_theme_count(catalog) || t >= CLASSIFY_LABELS_MAX) {
			char clip[UTIL_CLIP_SIZE];
			util_fail(cause, "%s:%d: unknown theme '%s'", name, line, util_clip(clip, id));
			return -1;
		}
		bits |= 1ULL << t;
	}
	return (long long)bits;
}

int suggest_corpus_parse(const struct bank_catalog *catalog, const char *name, const char *text, size_t len,
			 struct arena *arena, struct suggest_example **out, size_t *count, char **cause)
{
	char *copy = xstrndup(text, len), *line, *next, *tab;
	size_t room = 0;
	int number = 0, rc = 0;
	long long themes;

	*out = NULL;
	*count = 0;
	for (line = copy; line != NULL && rc == 0; line = next) {
		struct suggest_example *e;
		number++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		if (*line == '#' || line[strspn(line, " \t")] == '\0')
			continue;
		if ((tab = strchr(line, '\t')) == NULL) {
			rc = util_fail(cause, "%s:%d: no tab between the themes and the feedback", name, number);
			break;
		}
		*tab = '\0';
		if ((themes = parse_themes(catalog, line, name, number, cause)) < 0) {
			rc = -1;
			break;
		}
		xgrow(out, &room, *count + 1, sizeof **out);
		e = &(*out)[(*count)++];
		e->text = arena_strdup(arena, tab + 1);
		e->themes = (unsigned long long)themes;
	}
	if (*out != NULL) {	/* the list itself into the arena */
		struct suggest_example *kept = arena_alloc(arena, *count * sizeof *kept);
		memcpy(kept, *out, *count * sizeof *kept);
		free(*out);
		*out = kept;
	}
	free(copy);
	if (rc != 0) {
		*out = NULL;
		*count = 0;
	}
	return rc;
}

int suggest_corpus_read(const struct bank_catalog *catalog, const char *path, struct arena *arena,
			struct suggest_example **out, size_t *count, char **cause)
{
	size_t len;
	char *text = util_read_file(path, CORPUS_MAX, &len, NULL, cause);
	int rc;

	*out = NULL;
	*count = 0;
	if (text == NULL)
		return -1;
	rc = suggest_corpus_parse(catalog, path, text, len, arena, out, count, cause);
	free(text);
	return rc;
}

/* ------------------------------------------------------------------------------------------------
 * Features
 */

/* A word's feature form: its stem, "not" for a negation, marked by its scope. */
static const char *unigram(const struct words *words, size_t i, struct arena *arena)
{
	const struct word *w = &words->items[i];
	const char *mark = w->denied ? "d" : w->negated ? "n" : w->praised ? "p" : "";

	return arena_printf(arena, "u%s:%s", mark, w->negation ? "not" : suggest_norm(words, i));
}

size_t suggest_features(const struct words *words, size_t from, size_t to, struct arena *arena, const char **features)
{
	size_t i, n = 0, previous = (size_t)-1;

	for (i = from; i < to; i++) {
		const struct word *w = &words->items[i];
		if (w->stop || (!w->negation && *suggest_norm(words, i) == '\0'))
			continue;
		features[n++] = unigram(words, i, arena);
		if (!w->negation && strlen(suggest_norm(words, i)) > 5)	/* its first letters: kin words meet */
			features[n++] = arena_printf(arena, "x:%.5s", suggest_norm(words, i));
		if (w->denied || w->negated || w->praised)	/* the word itself too: what it is about */
			features[n++] = arena_printf(arena, "u:%s", w->negation ? "not" : suggest_norm(words, i));
		if (previous != (size_t)-1 && words->items[previous].clause == w->clause)
			features[n++] = arena_printf(arena, "b:%s %s",
						     words->items[previous].negation ? "not" : suggest_norm(words, previous),
						     w->negation ? "not" : suggest_norm(words, i));
		previous = i;
	}
	features[n++] = "bias-sentence";
	return n;
}

/* The features of a whole text (every sentence's), into *features (malloc'd); how many. */
static size_t text_features(const char *text, struct arena *arena, const char ***features, struct words *words)
{
	memset(words, 0, sizeof *words);
	suggest_words_read(words, text, strlen(text));
	*features = xcalloc(SUGGEST_FEATURES_MAX(words->count), sizeof **features);
	return suggest_features(words, 0, words->count, arena, *features);
}

/* ------------------------------------------------------------------------------------------------
 * Training
 */

static void add_examples(struct classify *model, const struct suggest_example *examples, size_t count, double weight,
			 struct arena *arena)
{
	size_t i, n;

	for (i = 0; i < count; i++) {
		struct words words;
		const char **features;
		n = text_features(examples[i].text, arena, &features, &words);
		classify_add(model, features, n, examples[i].themes, weight);
		free(features);
		suggest_words_release(&words);
	}
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The distinct content stems of words, sorted, into *stems (malloc'd, each malloc'd); how many. */
static size_t stem_set(const struct words *words, char ***stems)
{
	size_t i, n = 0;

	*stems = xcalloc(words->count + 1, sizeof **stems);
	for (i = 0; i < words->count; i++)
		if (!words->items[i].stop)
			(*stems)[n++] = xstrdup(words->items[i].negation ? "not" : suggest_norm(words, i));
	qsort(*stems, n, sizeof **stems, by_string);
	for (i = 1; n > 0 && i < n; i++) {
		if (strcmp((*stems)[i], (*stems)[i - 1]) == 0) {
			free((*stems)[i]);
			memmove(&(*stems)[i], &(*stems)[i + 1], (n - i - 1) * sizeof **stems);
			n--;
			i--;
		}
	}
	return n;
}

static void remember(struct suggest_model *model, const struct suggest_example *own, size_t count)
{
	size_t i;

	model->memories = xcalloc(count + 1, sizeof *model->memories);
	for (i = 0; i < count; i++) {
		struct words words = { 0 };
		suggest_words_read(&words, own[i].text, strlen(own[i].text));
		model->memories[i].count = stem_set(&words, &model->memories[i].stems);
		model->memories[i].themes = own[i].themes;
		suggest_words_release(&words);
	}
	model->memory_count = count;
}

/* What the themes say of themselves, as examples of their own: each phrase, the description, and the
 * rubric's weak and middling levels ("The answer starts in the middle, wanders between events..."). */
static void add_theme_texts(struct classify *model, const struct bank_catalog *catalog, size_t themes,
			    struct arena *arena)
{
	size_t t, i;

	for (t = 0; t < themes; t++) {
		const struct bank_theme *theme = bank_theme_at(catalog, t);
		struct suggest_example e = { NULL, 1ULL << t };
		for (i = 0; i < theme->phrases.count; i++) {
			e.text = theme->phrases.items[i];
			add_examples(model, &e, 1, 1.0, arena);
		}
		e.text = theme->description;
		if (e.text != NULL)
			add_examples(model, &e, 1, 1.0, arena);
		e.text = theme->rubric[1];
		if (e.text != NULL)
			add_examples(model, &e, 1, 1.0, arena);
		e.text = theme->rubric[3];
		if (e.text != NULL)
			add_examples(model, &e, 1, 1.0, arena);
	}
}

struct suggest_model *suggest_model_train(const struct bank_catalog *catalog, const struct suggest_example *corpus,
					  size_t corpus_count, const struct suggest_example *own, size_t own_count)
{
	struct suggest_model *model = xcalloc(1, sizeof *model);
	struct arena arena;

	arena_init(&arena);
	model->threshold = SUGGEST_THRESHOLD;
	model->themes = bank_theme_count(catalog) < CLASSIFY_LABELS_MAX ? bank_theme_count(catalog) : CLASSIFY_LABELS_MAX;
	model->base = classify_new(model->themes);
	add_theme_texts(model->base, catalog, model->themes, &arena);
	add_examples(model->base, corpus, corpus_count, 1.0, &arena);
	classify_train(model->base);
	if (own_count > 0) {
		model->own = classify_new(model->themes);
		add_theme_texts(model->own, catalog, model->themes, &arena);
		add_examples(model->own, corpus, corpus_count, 1.0, &arena);
		add_examples(model->own, own, own_count, SUGGEST_OWN_WEIGHT, &arena);
		classify_train(model->own);
		remember(model, own, own_count);
	}
	arena_release(&arena);
	return model;
}

void suggest_model_threshold(struct suggest_model *model, double threshold)
{
	model->threshold = threshold;
}

double suggest_model_threshold_of(const struct suggest_model *model)
{
	return model->threshold;
}

void suggest_model_free(struct suggest_model *model)
{
	size_t i, k;

	if (model == NULL)
		return;
	classify_free(model->base);
	classify_free(model->own);
	for (i = 0; i < model->memory_count; i++) {
		for (k = 0; k < model->memories[i].count; k++)
			free(model->memories[i].stems[k]);
		free(model->memories[i].stems);
	}
	free(model->memories);
	free(model);
}

/* ------------------------------------------------------------------------------------------------
 * Predicting
 */

int suggest_model_predict(const struct suggest_model *model, int own, const struct words *words, size_t from,
			  size_t to, struct arena *arena, double *probabilities)
{
	const struct classify *c = own ? model->own : model->base;
	const char **features;
	size_t n;

	if (c == NULL)
		return 0;
	features = xcalloc(SUGGEST_FEATURES_MAX(to - from), sizeof *features);
	n = suggest_features(words, from, to, arena, features);
	classify_predict(c, features, n, probabilities);
	free(features);
	return 1;
}

/* The share of the two sorted sets' stems they share (Jaccard). */
static double similarity(char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t i = 0, k = 0, shared = 0;

	while (i < na && k < nb) {
		int c = strcmp(a[i], b[k]);
		shared += c == 0;
		i += c <= 0;
		k += c >= 0;
	}
	return na + nb - shared > 0 ? (double)shared / (double)(na + nb - shared) : 0;
}

long long suggest_model_recall(const struct suggest_model *model, const struct words *words)
{
	double best = RECALL_SIMILARITY;
	long long themes = -1;
	char **stems;
	size_t n = stem_set(words, &stems), i;

	for (i = model->memory_count; i-- > 0;) {	/* the newest correction first */
		double s = similarity(stems, n, model->memories[i].stems, model->memories[i].count);
		if (s >= best && (themes < 0 || s > best)) {
			best = s;
			themes = (long long)model->memories[i].themes;
		}
	}
	for (i = 0; i < n; i++)
		free(stems[i]);
	free(stems);
	return themes;
}

/* The weight of word i's features for theme in c: its own and, where scope marks it, the marked one. */
static double word_weight(const struct classify *c, const struct words *words, size_t i, size_t theme,
			  struct arena *arena)
{
	const struct word *w = &words->items[i];
	double sum = classify_weight(c, unigram(words, i, arena), theme);

	if (w->denied || w->negated || w->praised)
		sum += classify_weight(c, arena_printf(arena, "u:%s", w->negation ? "not" : suggest_norm(words, i)), theme);
	return sum;
}

size_t suggest_model_top(const struct suggest_model *model, int own, const struct words *words, size_t from,
			 size_t to, size_t theme, struct arena *arena)
{
	const struct classify *c = own && model->own ? model->own : model->base;
	size_t i, top = (size_t)-1;
	double best = 0;

	for (i = from; i < to; i++) {
		double w;
		if (words->items[i].stop || (!words->items[i].negation && *suggest_norm(words, i) == '\0'))
			continue;
		if ((w = word_weight(c, words, i, theme, arena)) > best) {
			best = w;
			top = i;
		}
	}
	return top;
}

size_t suggest_model_evidence(const struct suggest_model *model, const struct words *words, size_t from, size_t to,
			      size_t theme, struct arena *arena, const char **out, size_t max)
{
	const struct classify *c = model->own ? model->own : model->base;
	double weight[SUGGEST_EVIDENCE + 1] = { 0 };
	size_t i, k, n = 0;

	if (max > SUGGEST_EVIDENCE)
		max = SUGGEST_EVIDENCE;
	for (i = from; i < to; i++) {
		double w;
		if (words->items[i].stop || (!words->items[i].negation && *suggest_norm(words, i) == '\0'))
			continue;
		w = word_weight(c, words, i, theme, arena);
		for (k = 0; k < n && strcmp(out[k], suggest_lower(words, i)) != 0; k++)
			;
		if (w <= 0 || k < n)
			continue;
		for (k = n < max ? n++ : n; k > 0 && weight[k - 1] < w; k--) {
			if (k < max) {
				weight[k] = weight[k - 1];
				out[k] = out[k - 1];
			}
		}
		if (k < max) {
			weight[k] = w;
			out[k] = arena_strdup(arena, suggest_lower(words, i));
		}
	}
	return n;
}
