/* evidence: prints what analysis.c found in an answer, line by line, each line the evidence for one theme
 * (see evidence.h). */
#include "rebound/evidence.h"
#include "rebound/app.h"
#include "rebound/coaching.h"
#include "rebound/date.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define QUOTE_BYTES 60		/* of a sentence quoted back ("your story ends after '...'") */

static struct analysis_cues *cues;
static struct speech_lists *lists;
static int lists_tried;

const struct analysis_cues *evidence_cues(struct cmd_ctx *ctx, char **cause)
{
	char *own, *path;

	if (cues != NULL)
		return cues;
	own = ctx->app->data_dir ? xasprintf("%s/star-cues.txt", ctx->app->data_dir) : NULL;
	path = own != NULL && access(own, F_OK) == 0 ? own : xasprintf("%s/assets/star-cues.txt", ctx->app->bundle_dir);
	cues = analysis_cues_load(path, cause);
	if (path != own)
		free(path);
	free(own);
	return cues;
}

void evidence_question(const struct bank_question *q, struct analysis_question *out)
{
	memset(out, 0, sizeof *out);
	out->story = 1;
	if (q == NULL)
		return;
	out->text = q->text;
	out->story = coaching_is_story(q) || bank_question_has_theme(q, "structure");
	out->keywords = (const char *const *)q->keywords.items;
	out->keyword_count = q->keywords.count;
	out->points = (const char *const *)q->talking_points.items;
	out->point_count = q->talking_points.count;
	out->answer_seconds = q->answer_seconds;
}

/* The sentence, cut to QUOTE_BYTES at a word's end, with "..." when cut. */
static void print_quote(FILE *out, const char *text, const struct analysis_sentence *s)
{
	size_t n = s->length;

	if (n > QUOTE_BYTES) {
		for (n = QUOTE_BYTES; n > 0 && text[s->start + n] != ' '; n--)
			;
		if (n == 0)
			n = QUOTE_BYTES;
	}
	fprintf(out, "'%.*s%s'", (int)n, text + s->start, n < s->length ? "..." : "");
}

static void print_structure(FILE *out, const char *indent, const struct analysis *a, const char *text, int story)
{
	int p;

	fprintf(out, "%s%-10s ", indent, "structure");
	for (p = 0; p < ANALYSIS_PART_COUNT; p++)
		fprintf(out, "%s%s %s", p ? ", " : "", analysis_part_name(p),
			(a->parts & ANALYSIS_PART_BIT(p)) ? "yes" : "no");
	if (!story) {
		fprintf(out, "\n%s%-10s %s\n", indent, "", a->leads_with_point ? "the first sentence takes up the question: good"
					  : "the first sentence does not take up the question: lead with your answer");
		return;
	}
	if (a->generic)
		fprintf(out, "\n%s%-10s no situation: this reads as what you usually do; tell one real time it happened\n",
			indent, "");
	else if (a->ends_at_action) {
		fprintf(out, "\n%s%-10s your story ends after ", indent, "");
		print_quote(out, text, &a->sentence[a->last_action]);
		fputs(": what happened next? Give the result\n", out);
	} else if (!(a->parts & ANALYSIS_PART_BIT(ANALYSIS_SITUATION)))
		fprintf(out, "\n%s%-10s no situation: say where and when it happened first\n", indent, "");
	else if (!a->in_order)
		fprintf(out, "\n%s%-10s the parts come out of order: situation, task, action, then result\n", indent, "");
	else
		fprintf(out, "\n%s%-10s %s\n", indent, "", (a->parts & ANALYSIS_PART_BIT(ANALYSIS_RESULT)) ?
			"a whole story: good" : "no action or result: say what you did and what came of it");
}

static void print_specifics(FILE *out, const char *indent, const struct analysis *a)
{
	fprintf(out, "%s%-10s %d number%s, %d date%s", indent, "examples", a->numbers, a->numbers == 1 ? "" : "s",
		a->dates, a->dates == 1 ? "" : "s");
	if (a->i_actions + a->we_actions > 0)
		fprintf(out, "; the actions said \"I\" %d time%s and \"we\" %d", a->i_actions, a->i_actions == 1 ? "" : "s",
			a->we_actions);
	fputs(a->numbers == 0 ? ": add a number (how many, how much, how long)\n" :
	      a->we_actions > a->i_actions ? ": say what you yourself did, too\n" : "\n", out);
}

static void print_coverage(FILE *out, const char *indent, const char *name, const struct speech_coverage *c)
{
	size_t i;

	if (c->said_count + c->missed_count == 0)
		return;
	fprintf(out, "%s%-10s %zu of %zu", indent, name, c->said_count, c->said_count + c->missed_count);
	for (i = 0; i < c->missed_count; i++)
		fprintf(out, "%s%s", i ? "; " : " (missed: ", c->missed[i]);
	fputs(c->missed_count ? ")\n" : "\n", out);
}

static void print_clarity(FILE *out, const char *indent, const struct analysis *a, int answer_seconds)
{
	char spoken[16], limit[16];
	double per_100 = a->words ? 100.0 / (double)a->words : 0;

	date_format_duration(a->spoken_ms, spoken);
	fprintf(out, "%s%-10s %zu words, about %s spoken", indent, "clarity", a->words, spoken);
	if (answer_seconds > 0) {
		date_format_duration(answer_seconds * 1000LL, limit);
		fprintf(out, " (of %s)", limit);
	}
	fprintf(out, ", %.0f words a sentence%s\n", a->words_per_sentence,
		a->words_per_sentence > 30 ? ": shorter sentences are easier to follow" : "");
	fprintf(out, "%s%-10s fillers %.1f and hedges %.1f per 100 words%s\n", indent, "confidence",
		a->speech.fillers * per_100, a->speech.hedges * per_100,
		a->speech.hedges * per_100 > 2 ? ": say it plainly (\"I decided\", not \"I kind of decided\")" : "");
}

int evidence_analyse(struct cmd_ctx *ctx, const struct bank_question *q, const char *text, struct arena *arena,
		     struct analysis_question *question, struct analysis *a, char **cause)
{
	if (evidence_cues(ctx, cause) == NULL)
		return -1;
	if (!lists_tried) {
		lists = transcript_lists(ctx->app->data_dir, ctx->app->bundle_dir, NULL);
		lists_tried = 1;
	}
	evidence_question(q, question);
	analysis_run(cues, lists, question, text, arena, a);
	return 0;
}

int evidence_print(struct cmd_ctx *ctx, const char *indent, const struct bank_question *q, const char *text)
{
	struct analysis_question question;
	struct analysis a;
	struct arena arena;
	char *cause = NULL;

	arena_init(&arena);
	if (evidence_analyse(ctx, q, text, &arena, &question, &a, &cause) != 0) {
		fprintf(ctx->out, "%s(no evidence: %s)\n", indent, cause);
		free(cause);
		arena_release(&arena);
		return -1;
	}
	print_structure(ctx->out, indent, &a, text, question.story);
	print_specifics(ctx->out, indent, &a);
	print_coverage(ctx->out, indent, "keywords", &a.keywords);
	print_coverage(ctx->out, indent, "points", &a.points);
	print_clarity(ctx->out, indent, &a, question.answer_seconds);
	arena_release(&arena);
	return 0;
}

int evidence_measure(struct cmd_ctx *ctx, const struct bank_question *q, const char *text, const char *source,
		     struct store_evidence *out)
{
	struct analysis_question question;
	struct analysis a;
	struct arena arena;
	char *cause = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	arena_init(&arena);
	if ((rc = evidence_analyse(ctx, q, text, &arena, &question, &a, &cause)) == 0) {
		out->source = source;
		out->situation = (a.parts & ANALYSIS_PART_BIT(ANALYSIS_SITUATION)) != 0;
		out->task = (a.parts & ANALYSIS_PART_BIT(ANALYSIS_TASK)) != 0;
		out->action = (a.parts & ANALYSIS_PART_BIT(ANALYSIS_ACTION)) != 0;
		out->result = (a.parts & ANALYSIS_PART_BIT(ANALYSIS_RESULT)) != 0;
		out->ends_at_action = a.ends_at_action;
		out->generic = a.generic;
		out->numbers = a.numbers;
		out->dates = a.dates;
		out->i_actions = a.i_actions;
		out->we_actions = a.we_actions;
		out->words = (int)a.words;
		out->keywords_said = (int)a.keywords.said_count;
		out->keywords_total = (int)(a.keywords.said_count + a.keywords.missed_count);
		out->points_said = (int)a.points.said_count;
		out->points_total = (int)(a.points.said_count + a.points.missed_count);
	}
	free(cause);
	arena_release(&arena);
	return rc;
}

void evidence_print_saved(struct cmd_ctx *ctx, const char *indent, const struct store_evidence *e)
{
	fprintf(ctx->out, "%sevidence%s: situation %s, task %s, action %s, result %s%s · %d number%s", indent,
		strcmp(e->source, "transcript") == 0 ? " from the transcript" : "", e->situation ? "yes" : "no", e->task ? "yes" : "no", e->action ? "yes" : "no", e->result ? "yes" : "no",
		e->generic ? " (generic: no real time)" : e->ends_at_action ? " (ends at the action)" : "", e->numbers,
		e->numbers == 1 ? "" : "s");
	if (e->keywords_total > 0)
		fprintf(ctx->out, " · keywords %d of %d", e->keywords_said, e->keywords_total);
	if (e->points_total > 0)
		fprintf(ctx->out, " · points %d of %d", e->points_said, e->points_total);
	fprintf(ctx->out, " · %d word%s\n", e->words, e->words == 1 ? "" : "s");
}

static void print_list(FILE *out, const char *title, const struct bank_strings *items)
{
	size_t i;

	if (items->count == 0)
		return;
	fprintf(out, "%s:\n", title);
	for (i = 0; i < items->count; i++)
		fprintf(out, "  - %s\n", items->items[i]);
}

#define HEARD_SHOWN 240		/* bytes of a transcript shown before its rating */

void evidence_before_rating(struct cmd_ctx *ctx, const struct bank_question *q, const char *text, const char *heard)
{
	const char *line, *end;

	if (text == NULL || *text == '\0')
		return;
	if (heard != NULL) {
		size_t n = strlen(text);
		if (n > HEARD_SHOWN)
			for (n = HEARD_SHOWN; n > 0 && text[n] != ' '; n--)
				;
		fprintf(ctx->out, "\n%sWhat was heard%s (%s):\n  %.*s%s\n", term_bold(ctx->color), term_reset(ctx->color),
			heard, (int)n, text, n < strlen(text) ? " ..." : "");
	} else {
		fprintf(ctx->out, "\n%sYour answer%s:\n", term_bold(ctx->color), term_reset(ctx->color));
	}
	for (line = heard != NULL ? "" : text; *line != '\0'; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		fprintf(ctx->out, "  %.*s\n", (int)(end - line), line);
	}
	fprintf(ctx->out, "%sWhat it holds%s (evidence for your ratings):\n", term_bold(ctx->color), term_reset(ctx->color));
	evidence_print(ctx, "  ", q, text);
	if (q != NULL) {
		print_list(ctx->out, "Talking points", &q->talking_points);
		print_list(ctx->out, "Tips", &q->tips);
	}
}
