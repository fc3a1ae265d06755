/* eval-feedback: how right the feedback-to-theme suggestions are. Trains the classifier on the bundled
 * corpus (assets/feedback-corpus.txt) and prints precision and recall per theme and overall (micro) on
 * the held-out file (tests/data/feedback/heldout.txt), which nothing was tuned on; with --cv K, also on
 * the corpus by K-fold cross-validation (the figure to tune against). --phrases-only leaves the
 * classifier out; --show prints each wrong held-out line. Fails when the held-out figures fall below
 * the floors.
 *
 * usage: eval-feedback THEMES.yaml CORPUS HELDOUT [--cv K] [--threshold T] [--phrases-only] [--show]
 *        [--floor-precision P] [--floor-recall R] [--floor-theme-recall R] */
#include "rebound/bank.h"
#include "rebound/suggest.h"
#include "rebound/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THEMES_MAX 64

struct counts {
	int tp[THEMES_MAX], fp[THEMES_MAX], fn[THEMES_MAX];
	int lines, exact;
};

struct options {
	int cv, phrases_only, show;
	double threshold, floor_precision, floor_recall, floor_theme_recall;
};

static unsigned long long suggested(const struct bank_catalog *catalog, const struct suggest_model *model,
				    const char *text)
{
	struct suggest_match *matches;
	struct arena arena;
	unsigned long long bits = 0;
	size_t n, i, t;

	arena_init(&arena);
	n = suggest_themes(catalog, model, text, &arena, &matches);
	for (i = 0; i < n; i++)
		for (t = 0; t < bank_theme_count(catalog); t++)
			if (matches[i].theme == bank_theme_at(catalog, t))
				bits |= 1ULL << t;
	arena_release(&arena);
	return bits;
}

static void score(struct counts *c, size_t themes, unsigned long long want, unsigned long long got)
{
	size_t t;

	for (t = 0; t < themes; t++) {
		int w = (want >> t) & 1, g = (got >> t) & 1;
		c->tp[t] += w && g;
		c->fp[t] += !w && g;
		c->fn[t] += w && !g;
	}
	c->lines++;
	c->exact += want == got;
}

static void print_bits(const struct bank_catalog *catalog, unsigned long long bits)
{
	size_t t;
	int any = 0;

	for (t = 0; t < bank_theme_count(catalog); t++)
		if ((bits >> t) & 1)
			printf("%s%s", any++ ? "," : "", bank_theme_at(catalog, t)->id);
	if (!any)
		printf("-");
}

static void run(const struct bank_catalog *catalog, const struct suggest_model *model,
		const struct suggest_example *e, size_t count, struct counts *c, int show)
{
	size_t i;

	for (i = 0; i < count; i++) {
		unsigned long long got = suggested(catalog, model, e[i].text);
		score(c, bank_theme_count(catalog), e[i].themes, got);
		if (show && got != e[i].themes) {
			printf("want ");
			print_bits(catalog, e[i].themes);
			printf(", got ");
			print_bits(catalog, got);
			printf(": %s\n", e[i].text);
		}
	}
}

static double ratio(int a, int b)
{
	return b > 0 ? (double)a / b : 1;
}

/* Prints the table; returns the overall precision and recall and the lowest recall of a theme. */
static void report(const struct bank_catalog *catalog, const char *name, const struct counts *c, double *precision,
		   double *recall, double *worst_recall)
{
	int tp = 0, fp = 0, fn = 0;
	size_t t;

	*worst_recall = 1;
	printf("\n%s (%d lines, %d exactly right)\n  %-18s %9s %9s %9s %9s\n", name, c->lines, c->exact, "theme",
	       "precision", "recall", "F1", "labelled");
	for (t = 0; t < bank_theme_count(catalog); t++) {
		double p = ratio(c->tp[t], c->tp[t] + c->fp[t]), r = ratio(c->tp[t], c->tp[t] + c->fn[t]);
		printf("  %-18s %9.2f %9.2f %9.2f %9d\n", bank_theme_at(catalog, t)->id, p, r,
		       p + r > 0 ? 2 * p * r / (p + r) : 0, c->tp[t] + c->fn[t]);
		tp += c->tp[t];
		fp += c->fp[t];
		fn += c->fn[t];
		if (c->tp[t] + c->fn[t] > 0 && r < *worst_recall)
			*worst_recall = r;
	}
	*precision = ratio(tp, tp + fp);
	*recall = ratio(tp, tp + fn);
	printf("  %-18s %9.2f %9.2f %9.2f %9d\n", "overall (micro)", *precision, *recall,
	       *precision + *recall > 0 ? 2 * *precision * *recall / (*precision + *recall) : 0, tp + fn);
}

static struct suggest_model *train(const struct bank_catalog *catalog, const struct suggest_example *e, size_t n,
				   const struct options *o)
{
	struct suggest_model *model;

	if (o->phrases_only)
		return NULL;
	model = suggest_model_train(catalog, e, n, NULL, 0);
	suggest_model_threshold(model, o->threshold);
	return model;
}

/* K-fold cross-validation over the corpus: every K-th line from fold f held out in turn. */
static void cross_validate(const struct bank_catalog *catalog, const struct suggest_example *e, size_t n,
			   const struct options *o)
{
	struct suggest_example *train_set = xcalloc(n + 1, sizeof *train_set), *test_set = xcalloc(n + 1, sizeof *test_set);
	struct counts c = { 0 };
	double p, r, worst;
	int fold;

	for (fold = 0; fold < o->cv; fold++) {
		size_t i, a = 0, b = 0;
		struct suggest_model *model;
		for (i = 0; i < n; i++) {
			if ((int)(i % (size_t)o->cv) == fold)
				test_set[b++] = e[i];
			else
				train_set[a++] = e[i];
		}
		model = train(catalog, train_set, a, o);
		run(catalog, model, test_set, b, &c, o->show > 1);
		suggest_model_free(model);
	}
	report(catalog, "corpus, cross-validated", &c, &p, &r, &worst);
	free(train_set);
	free(test_set);
}

static int parse_options(int argc, char **argv, struct options *o)
{
	int i;

	memset(o, 0, sizeof *o);
	o->threshold = SUGGEST_THRESHOLD;
	for (i = 4; i < argc; i++) {
		int more = i + 1 < argc;
		if (strcmp(argv[i], "--cv") == 0 && more)
			o->cv = atoi(argv[++i]);
		else if (strcmp(argv[i], "--threshold") == 0 && more)
			o->threshold = atof(argv[++i]);
		else if (strcmp(argv[i], "--floor-precision") == 0 && more)
			o->floor_precision = atof(argv[++i]);
		else if (strcmp(argv[i], "--floor-recall") == 0 && more)
			o->floor_recall = atof(argv[++i]);
		else if (strcmp(argv[i], "--floor-theme-recall") == 0 && more)
			o->floor_theme_recall = atof(argv[++i]);
		else if (strcmp(argv[i], "--phrases-only") == 0)
			o->phrases_only = 1;
		else if (strcmp(argv[i], "--show") == 0)
			o->show = 1;
		else if (strcmp(argv[i], "--show-cv") == 0)
			o->show = 2;
		else
			return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct suggest_example *corpus, *heldout;
	size_t corpus_count, heldout_count;
	struct bank_catalog *catalog;
	struct suggest_model *model;
	struct counts c = { 0 };
	struct options o;
	struct arena arena;
	char *cause = NULL;
	double p, r, worst;
	int rc = 0;

	if (argc < 4 || parse_options(argc, argv, &o) != 0) {
		fprintf(stderr, "usage: eval-feedback THEMES.yaml CORPUS HELDOUT [--cv K] [--threshold T] [--phrases-only]"
			" [--show] [--floor-precision P] [--floor-recall R] [--floor-theme-recall R]\n");
		return 2;
	}
	catalog = bank_catalog_new();
	if (bank_load_file(catalog, argv[1]) != 0) {
		bank_diag_print(catalog, 0, stderr);
		return 1;
	}
	arena_init(&arena);
	if (suggest_corpus_read(catalog, argv[2], &arena, &corpus, &corpus_count, &cause) != 0 ||
	    suggest_corpus_read(catalog, argv[3], &arena, &heldout, &heldout_count, &cause) != 0) {
		fprintf(stderr, "eval-feedback: %s\n", cause);
		return 1;
	}
	if (o.cv > 1)
		cross_validate(catalog, corpus, corpus_count, &o);
	model = train(catalog, corpus, corpus_count, &o);
	run(catalog, model, heldout, heldout_count, &c, o.show);
	report(catalog, "held-out (never tuned on)", &c, &p, &r, &worst);
	printf("\n%s; held-out precision %.2f (floor %.2f), recall %.2f (floor %.2f), lowest theme recall %.2f (floor %.2f)\n",
	       o.phrases_only ? "phrases alone" : "phrases and classifier", p, o.floor_precision, r, o.floor_recall,
	       worst, o.floor_theme_recall);
	if (p < o.floor_precision || r < o.floor_recall || worst < o.floor_theme_recall) {
		printf("FAIL: below the floor\n");
		rc = 1;
	}
	suggest_model_free(model);
	arena_release(&arena);
	bank_catalog_free(catalog);
	return rc;
}
