/* drill: a timed session (the same flow as 'interview') on the questions the drill schedule has due,
 * those training the weakest themes first. With --theme, questions of that theme not yet in the
 * schedule join it when fewer are due than asked for. */
#include "rebound/date.h"
#include "rebound/drill.h"
#include "rebound/interview.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_COUNT, OPT_THEME, OPT_THINK, OPT_ANSWER, OPT_ANSWERS, OPT_NO_FOLLOW_UPS, OPT_SPOKEN, OPT_TYPED };

/* What the drill will ask, with the evidence it was chosen from. */
struct drill {
	struct cmd_ctx *ctx;
	struct arena arena;
	struct coach coach;
	struct drill_item *items;
	size_t item_count;
	const char **ids;
	size_t count, wanted;
	size_t joined;		/* questions that joined the schedule for this drill */
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

	for (i = 0; i < d->item_count; i++)
		if (strcmp(d->items[i].question->id, id) == 0)
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
	date_format_day(d->coach.today, today);
	if (store_review_add(d->ctx->app->store, d->ids + first, d->count - first, today, NULL, &cause) != 0) {
		cmd_error(d->ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return -1;
	}
	d->joined = d->count - first;
	return 0;
}

static int plan_drill(struct drill *d, const char *theme)
{
	char *cause = NULL;
	size_t due, i;

	if (coach_gather(d->ctx->app->store, date_today(), &d->arena, &d->coach, &cause) != 0 ||
	    drill_agenda(d->ctx->app->store, d->ctx->app->catalog, &d->coach, theme, &d->arena, &d->items,
			 &d->item_count, &cause) != 0) {
		cmd_error(d->ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return -1;
	}
	due = drill_due_count(d->items, d->item_count, d->coach.today);
	d->ids = arena_alloc(&d->arena, (d->wanted + 1) * sizeof *d->ids);
	for (i = 0; i < due && d->count < d->wanted; i++)
		d->ids[d->count++] = d->items[i].question->id;
	return theme != NULL && d->count < d->wanted ? join_theme_questions(d, theme) : 0;
}

static void say_nothing_due(struct drill *d)
{
	char day[11];

	fprintf(d->ctx->out, "Nothing is due today");
	if (d->item_count > 0) {
		date_format_day(d->items[0].due_day, day);
		fprintf(d->ctx->out, "; the next question comes due on %s (%s)", day, d->items[0].question->id);
	}
	fprintf(d->ctx->out, ". 'drill --theme T' drills a theme now; 'interview' practises anything.\n");
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
					day - d->coach.today, day - d->coach.today == 1 ? "" : "s");
}

static int start(struct cmd_ctx *ctx, struct input *in, const void *options)
{
	return interview_start(ctx, in, options);
}

static int cmd_drill_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct interview_options options;
	struct drill d = { .ctx = ctx };
	int status = parse_options(ctx, args, &options);

	if (status != CMD_OK)
		return status;
	arena_init(&d.arena);
	d.wanted = (size_t)options.count;
	if (plan_drill(&d, options.filter.theme) != 0) {
		status = CMD_SYSTEM_ERROR;
	} else if (d.count == 0) {
		say_nothing_due(&d);
	} else {
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
	.usage = "[--count N] [--theme T] [--think S] [--answer S] [--answers FILE] [--no-follow-ups] [--spoken | --typed]",
	.help = "a timed session on the questions due in the drill schedule, weakest themes first",
	.description =
		"Asks up to N (default 5) of the questions 'due' lists for today, in that order, with the\n"
		"same clock, follow-ups and self-rating as 'interview'. Each rating moves the question in\n"
		"the schedule (a variant of SM-2): an average under 3 brings it back tomorrow; 3 or more on\n"
		"or after its due day sends it out 1 day (4 if the average is 4.5 or more), then 6, then\n"
		"about 2.5 times further each time. With --theme T, only questions that train T; if\n"
		"fewer are due, T's other questions join the schedule, easiest first.",
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_COUNT] = { "count", "N", COMPLETE_NONE, "ask up to N questions (1-100, default 5)" },
		[OPT_THEME] = { "theme", "T", COMPLETE_THEME, "only questions that train theme T" },
		[OPT_THINK] = INTERVIEW_OPTION_THINK,
		[OPT_ANSWER] = INTERVIEW_OPTION_ANSWER,
		[OPT_ANSWERS] = INTERVIEW_OPTION_ANSWERS,
		[OPT_NO_FOLLOW_UPS] = INTERVIEW_OPTION_NO_FOLLOW_UPS,
		[OPT_SPOKEN] = INTERVIEW_OPTION_SPOKEN,
		[OPT_TYPED] = INTERVIEW_OPTION_TYPED,
	},
	.exec = cmd_drill_exec,
};
