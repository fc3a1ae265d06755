/* eval-star: how right the STAR detector (analysis.h) is, measured on the hand-labelled corpus in
 * tests/data/star: precision, recall and F1 of each part (and of "has a result") on the tuning set, on the
 * held-out set and on both. With --floor-result F and --floor-parts P it fails (exit 1) when the held-out
 * "has a result" F1 is under F, or any part's F1 over the whole corpus under P: a regression floor.
 *
 * usage: eval-star CUES TUNE HELDOUT [--floor-result F] [--floor-parts P] [--show]   (--show: misses) */
#include "rebound/analysis.h"
#include "rebound/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct counts {
	int tp[ANALYSIS_PART_COUNT], fp[ANALYSIS_PART_COUNT], fn[ANALYSIS_PART_COUNT];
	int answers;
};

static unsigned parse_parts(const char *text)
{
	unsigned parts = 0;
	int p;

	for (p = 0; p < ANALYSIS_PART_COUNT; p++)
		if (strstr(text, analysis_part_name((enum analysis_part)p)) != NULL)
			parts |= ANALYSIS_PART_BIT(p);
	return parts;
}

/* The value of "key: value" among a record's lines, or NULL. */
static const char *field(char *record, const char *key)
{
	size_t n = strlen(key);
	char *line;

	for (line = record; line != NULL && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, key, n) == 0 && line[n] == ':')
			return line + n + 1 + (line[n + 1] == ' ');
	return NULL;
}

static char *line_copy(const char *value)
{
	return value ? xstrndup(value, strcspn(value, "\n")) : xstrdup("");
}

static void score(struct counts *c, unsigned want, unsigned got)
{
	int p;

	for (p = 0; p < ANALYSIS_PART_COUNT; p++) {
		int w = (want >> p) & 1, g = (got >> p) & 1;
		c->tp[p] += w && g;
		c->fp[p] += !w && g;
		c->fn[p] += w && !g;
	}
	c->answers++;
}

/* Runs the detector over every record of path into c (and into all). */
static int run_file(const struct analysis_cues *cues, const char *path, struct counts *c, struct counts *all, int show)
{
	size_t len;
	char *cause = NULL, *text = util_read_file(path, 16 * 1024 * 1024, &len, NULL, &cause), *record, *next;

	if (text == NULL) {
		fprintf(stderr, "eval-star: %s\n", cause);
		return -1;
	}
	for (record = text; record != NULL && *record; record = next) {
		char *end = strstr(record, "\n%%\n"), *body, *id, *question, *kind;
		struct analysis_question q = { 0 };
		struct analysis result;
		struct arena arena;
		unsigned want;
		next = end ? end + 4 : NULL;
		if (end)
			*end = '\0';
		if ((body = strstr(record, "\ntext:\n")) == NULL)
			continue;
		*body = '\0';
		body += 7;
		id = line_copy(field(record, "id"));
		question = line_copy(field(record, "question"));
		kind = line_copy(field(record, "kind"));
		want = parse_parts(field(record, "parts") ? field(record, "parts") : "");
		q.text = question;
		q.story = strcmp(kind, "story") == 0;
		arena_init(&arena);
		analysis_run(cues, NULL, &q, body, &arena, &result);
		score(c, want, result.parts);
		score(all, want, result.parts);
		if (show && want != result.parts) {
			int p;
			printf("%s:", id);
			for (p = 0; p < ANALYSIS_PART_COUNT; p++)
				if (((want ^ result.parts) >> p) & 1)
					printf(" %s%s", (want >> p) & 1 ? "missed " : "extra ", analysis_part_name(p));
			printf("\n");
		}
		arena_release(&arena);
		free(id);
		free(question);
		free(kind);
	}
	free(text);
	return 0;
}

static double f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* Prints the table of one set; returns the F1 of part (or of the worst part when part < 0). */
static double report(const char *name, const struct counts *c, int part)
{
	double worst = 1, want = 0;
	int p;

	printf("\n%s (%d answers)\n  %-10s %9s %9s %9s\n", name, c->answers, "part", "precision", "recall", "F1");
	for (p = 0; p < ANALYSIS_PART_COUNT; p++) {
		double precision = c->tp[p] + c->fp[p] ? (double)c->tp[p] / (c->tp[p] + c->fp[p]) : 1;
		double recall = c->tp[p] + c->fn[p] ? (double)c->tp[p] / (c->tp[p] + c->fn[p]) : 1;
		double f = f1(precision, recall);
		printf("  %-10s %9.2f %9.2f %9.2f\n", analysis_part_name(p), precision, recall, f);
		if (f < worst)
			worst = f;
		if (p == part)
			want = f;
	}
	return part < 0 ? worst : want;
}

int main(int argc, char **argv)
{
	struct counts tune = { 0 }, heldout = { 0 }, all = { 0 };
	double floor_result = 0, floor_parts = 0, result_f1, worst;
	struct analysis_cues *cues;
	char *cause = NULL;
	int i, show = 0, rc = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: eval-star CUES TUNE HELDOUT [--floor-result F] [--floor-parts P] [--show]\n");
		return 2;
	}
	for (i = 4; i < argc; i++) {
		if (strcmp(argv[i], "--floor-result") == 0 && i + 1 < argc)
			floor_result = atof(argv[++i]);
		else if (strcmp(argv[i], "--floor-parts") == 0 && i + 1 < argc)
			floor_parts = atof(argv[++i]);
		else if (strcmp(argv[i], "--show") == 0)
			show = 1;
	}
	if ((cues = analysis_cues_load(argv[1], &cause)) == NULL) {
		fprintf(stderr, "eval-star: %s\n", cause);
		return 1;
	}
	if (run_file(cues, argv[2], &tune, &all, show) != 0 || run_file(cues, argv[3], &heldout, &all, show) != 0)
		return 1;
	report("tuning set", &tune, 0);
	result_f1 = report("held-out set (never tuned on)", &heldout, ANALYSIS_RESULT);
	worst = report("whole corpus", &all, -1);
	printf("\nheld-out \"has a result\" F1 %.2f (floor %.2f); worst part F1 over the corpus %.2f (floor %.2f)\n",
	       result_f1, floor_result, worst, floor_parts);
	if (result_f1 < floor_result || worst < floor_parts) {
		printf("eval-star: below the floor\n");
		rc = 1;
	}
	analysis_cues_free(cues);
	return rc;
}
