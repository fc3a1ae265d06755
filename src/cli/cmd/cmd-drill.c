/* drill: a timed session (the same flow as 'interview') on today's list of the drill schedule (due,
 * within the daily limits), those training the weakest themes first. With --theme, the theme's due
 * questions past the limits too, and questions of that theme not yet in the schedule join it when fewer
 * are due than asked for. With --ahead, when today's list is done, the waiting ones and then those
 * whose recall has fallen most, ahead of their day. */
#include "rebound/date.h"
#include "rebound/today.h"
#include "rebound/interview.h"
#include "rebound/sched.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_COUNT, OPT_THEME, OPT_BANK, OPT_AHEAD, OPT_THINK, OPT_ANSWER, OPT_ANSWERS, OPT_NO_FOLLOW_UPS, OPT_SPOKEN,
       OPT_TYPED };

/* What the drill will ask, with the evidence it was chosen from. */
struct drill {
	struct cmd_ctx *ctx;
	struct arena arena;
	struct today t;
	const char **ids;
	size_t count, wanted;
	size_t joined;		/* questions that joined the schedule for this drill */
	size_t ahead;		/* questions asked before their day (--ahead) */
};

static int parse_options(struct cmd_ctx *ctx, const struct cmd_args *args, struct interview_options *o)
{
	const char *const *v = args->values;
	const struct interview_flags flags = { v[OPT_COUNT], v[OPT_THINK], v[OPT_ANSWER], v[OPT_NO_FOLLOW_UPS],
					       v[OPT_SPOKEN], v[OPT_TYPED] };

	if (v[OPT_THEME] && !cmd_theme_arg(ctx, v[OPT_THEME]))
		return CMD_USER_ERROR;
	if (interview_parse_flags(ctx, "drill", &flags, o) != CMD_OK)
		return CMD_USAGE_ERROR;
	o->filter.theme = v[OPT_THEME];
	return CMD_OK;
}

static int in_schedule(const struct drill *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->t.count; i++)
		if (strcmp(d->t.items[i].question->id, id) == 0)
			return 1;
	return 0;
}

/* Tops up a --theme drill with the theme's questions not in the schedule yet, easiest first, and
 * adds them to it. */
static int join_theme_questions(struct drill *d, const char *theme)
{
	const struct bank_catalog *catalog = d->ctx->app->catalog;
	size_t first = d->count, i;
	char today[11], *cause = NULL;
	int difficulty;

	for (difficulty = 1; difficulty <= 5; difficulty++)
		for (i = 0; i < bank_question_total(catalog) && d->count < d->wanted; i++) {
			const struct bank_question *q = bank_question_at(catalog, i);
			if (q->difficulty == difficulty && bank_question_has_theme(q, theme) && !in_schedule(d, q->id))
				d->ids[d->count++] = q->id;
		}
	if (d->count == first)
		return 0;
	date_format_day(d->t.coach.today, today);
	if (store_review_add(d->ctx->app->store, d->ids + first, d->count - first, today, NULL, &cause) != 0) {
		cmd_error(d->ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return -1;
	}
	d->joined = d->count - first;
	return 0;
}

/* An item with its chance of recall today, for --ahead's order. */
struct ahead {
	const struct drill_item *item;
	double recall;
};

static int by_recall(const void *a, const void *b)
{
	const struct ahead *x = a, *y = b;

	if (x->recall != y->recall)
		return x->recall < y->recall ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

/* The predicted recall today of a question reviewed before (FSRS's curve from its stored state). */
static double recall_today(const struct drill_item *item, long today)
{
	struct sched_state s = { .stability = item->review->stability, .last_day = item->last_day };

	return sched_retrievability(&s, today);
}

/* --ahead: after today's list and the waiting ones, the questions not due yet, the least recalled first
 * (a new question not due yet is none: every new one is due on the day it entered). */
static void take_ahead(struct drill *d, size_t due)
{
	size_t i, n = 0, before = d->count;
	struct ahead *list = xcalloc(d->t.count - due + 1, sizeof *list);

	for (i = due; i < d->t.count; i++)
		if (!d->t.items[i].is_new)
			list[n++] = (struct ahead){ &d->t.items[i], recall_today(&d->t.items[i], d->t.coach.today) };
	qsort(list, n, sizeof *list, by_recall);
	for (i = 0; i < n && d->count < d->wanted; i++)
		d->ids[d->count++] = list[i].item->question->id;
	d->ahead = d->count - before;
	free(list);
}

static int plan_drill(struct drill *d, const char *banks, const char *theme, int ahead)
{
	size_t listed, i;
	int status = today_load(d->ctx, banks, theme, &d->arena, &d->t);

	if (status != CMD_OK)
		return status;
	/* A theme asked for, or practice ahead: the due ones past the limits too. */
	listed = theme != NULL || ahead ? d->t.due : d->t.list.reviews + d->t.list.fresh;
	d->ids = arena_alloc(&d->arena, (d->wanted + 1) * sizeof *d->ids);
	for (i = 0; i < listed && d->count < d->wanted; i++)
		d->ids[d->count++] = d->t.items[i].question->id;
	if (ahead && d->count < d->wanted)
		take_ahead(d, d->t.due);
	if (theme != NULL && d->count < d->wanted && join_theme_questions(d, theme) != 0)
		return CMD_SYSTEM_ERROR;
	return CMD_OK;
}

static void say_nothing_due(struct drill *d, int ahead)
{
	char day[11];
	size_t due = drill_due_count(d->t.items, d->t.count, d->t.coach.today);

	if (ahead) {
		fprintf(d->ctx->out, "Nothing to practise ahead: the drill schedule has no question reviewed before%s.\n",
			d->t.filter.banks || d->t.filter.theme ? " among these" : "");
		return;
	}
	if (d->t.list.waiting > 0) {
		fprintf(d->ctx->out, "Today's list is done (%zu %s and %zu new); %zu more wait past the daily limits. "
			"'drill --ahead' practises them now.\n", d->t.list.reviews_done,
			d->t.list.reviews_done == 1 ? "review" : "reviews", d->t.list.fresh_done, d->t.list.waiting);
		return;
	}
	fprintf(d->ctx->out, "Nothing is due today");
	if (d->t.count > due) {
		date_format_day(d->t.items[due].due_day, day);
		fprintf(d->ctx->out, "; the next question comes due on %s (%s)", day, d->t.items[due].question->id);
	}
	fprintf(d->ctx->out, ". 'drill --ahead' practises ahead of the schedule, 'drill --theme T' a theme now, "
		"'interview' anything.\n");
}

/* After the session: when each drilled question comes back. */
static void print_next_reviews(struct drill *d)
{
	struct store_review *reviews = NULL;
	size_t count = 0, i, j;
	long day;

	if (store_review_list(d->ctx->app->store, &d->arena, &reviews, &count, NULL) != 0)
		return;
	fprintf(d->ctx->out, "Next reviews:\n");
	for (i = 0; i < d->count; i++)
		for (j = 0; j < count; j++)
			if (strcmp(reviews[j].question_id, d->ids[i]) == 0 && date_parse_day(reviews[j].due_on, &day) == 0)
				fprintf(d->ctx->out, "  %-36s %s (in %ld day%s)\n", d->ids[i], reviews[j].due_on,
					day - d->t.coach.today, day - d->t.coach.today == 1 ? "" : "s");
}

static int start(struct cmd_ctx *ctx, struct input *in, const void *options)
{
	return interview_start(ctx, in, options);
}

static int cmd_drill_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct interview_options options;
	struct drill d = { .ctx = ctx };
	int status = parse_options(ctx, args, &options), ahead = args->values[OPT_AHEAD] != NULL;

	if (status != CMD_OK)
		return status;
	arena_init(&d.arena);
	d.wanted = (size_t)options.count;
	if ((status = plan_drill(&d, args->values[OPT_BANK], options.filter.theme, ahead)) != CMD_OK) {
		/* reported */
	} else if (d.count == 0) {
		say_nothing_due(&d, ahead);
	} else {
		if (d.ahead > 0)
			fprintf(ctx->out, "%zu question%s ahead of %s day: an early review moves the schedule less.\n",
				d.ahead, d.ahead == 1 ? "" : "s", d.ahead == 1 ? "its" : "their");
		if (d.joined > 0)
			fprintf(ctx->out, "%zu question%s of %s joined the drill schedule.\n", d.joined, d.joined == 1 ? "" : "s",
				options.filter.theme);
		options.question_ids = d.ids;
		options.question_count = d.count;
		options.count = (int)d.count;
		status = cmd_with_answers(ctx, "drill", args->values[OPT_ANSWERS], start, &options);
		if (status == CMD_OK)
			print_next_reviews(&d);
	}
	arena_release(&d.arena);
	return status;
}

const struct cmd_entry cmd_drill_entry = {
	.name = "drill",
	.usage = "[--count N] [--theme T] [--bank B]... [--ahead] [--think S] [--answer S] [--answers FILE] [--no-follow-ups]"
		 " [--spoken | --typed]",
	.help = "a timed session on today's questions of the drill schedule, weakest themes first",
	.description =
		"Asks up to N (default 5) of the questions 'due' lists for today (within the daily limits\n"
		"drill.reviews_per_day and drill.new_per_day), in that order, with the\n"
		"same clock, follow-ups and self-rating as 'interview'. Each rating moves the question in\n"
		"the schedule by FSRS-6: an average under 3 is Again (back soon), under 3.5 Hard, under 4.5\n"
		"Good, else Easy, and the question comes back when its predicted chance of recall falls to\n"
		"drill.retention (90%: 2 days after a first Good, 8 after a first Easy, then further each\n"
		"time it is recalled). With --ahead, once today's list is done: those waiting past the\n"
		"limits, then questions not due yet, the least recalled first; FSRS moves an early review\n"
		"less. With --theme T, only questions that train T, past the limits; if\n"
		"fewer are due, T's other questions join the schedule, easiest first.",
	.flags = CMD_NEEDS_CATALOG | CMD_COMMON,
	.options = {
		[OPT_COUNT] = { "count", "N", COMPLETE_NONE, "ask up to N questions (1-100, default 5)" },
		[OPT_THEME] = { "theme", "T", COMPLETE_THEME, "only questions that train theme T" },
		[OPT_BANK] = CMD_OPTION_DRILL_BANK,
		[OPT_AHEAD] = { "ahead", NULL, COMPLETE_NONE, "practise ahead of the schedule when today's list is done" },
		[OPT_THINK] = INTERVIEW_OPTION_THINK,
		[OPT_ANSWER] = INTERVIEW_OPTION_ANSWER,
		[OPT_ANSWERS] = INTERVIEW_OPTION_ANSWERS,
		[OPT_NO_FOLLOW_UPS] = INTERVIEW_OPTION_NO_FOLLOW_UPS,
		[OPT_SPOKEN] = INTERVIEW_OPTION_SPOKEN,
		[OPT_TYPED] = INTERVIEW_OPTION_TYPED,
	},
	.exec = cmd_drill_exec,
};
