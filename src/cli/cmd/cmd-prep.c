/* prep: the interviews coming up, to be ready by: each records company, role, day, stage and banks;
 * until the day the drill schedule makes room for the weakest and most-cited themes' questions (prep.h),
 * and after it rebound asks how it went: an offer, or a rejection logged with the interview's details. */
#include "rebound/date.h"
#include "rebound/reject.h"
#include "rebound/today.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_COMPANY, OPT_ROLE, OPT_DATE, OPT_STAGE, OPT_BANK };

static const char *const outcomes[] = { "offer", "rejected", "withdrawn", NULL };

static int system_error(struct cmd_ctx *ctx, char *cause)
{
	cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
	free(cause);
	return CMD_SYSTEM_ERROR;
}

/* The practice the next interview calls for: each theme with its questions, practised / needed. */
static void print_plan(struct cmd_ctx *ctx, const struct prep_plan *plan)
{
	size_t i, t;

	for (t = 0; t < plan->theme_count; t++) {
		fprintf(ctx->out, "  %s%s:", plan->themes[t], t == 0 ? " (the weakest: twice each)" : "");
		for (i = 0; i < plan->target_count; i++)
			if (strcmp(plan->targets[i].theme_id, plan->themes[t]) == 0)
				fprintf(ctx->out, " %s %d/%d", plan->targets[i].question->id, plan->targets[i].done,
					plan->targets[i].needed);
		fputc('\n', ctx->out);
	}
}

static void print_prep(struct cmd_ctx *ctx, const struct store_prep *p)
{
	fprintf(ctx->out, "  %4lld  %s  %s%s%s", p->id, p->on_day, p->company, p->stage ? " " : "", p->stage ? p->stage : "");
	if (p->role != NULL)
		fprintf(ctx->out, " (%s)", p->role);
	if (p->banks != NULL)
		fprintf(ctx->out, ", banks %s", p->banks);
	if (p->outcome != NULL)
		fprintf(ctx->out, ": %s%s", p->outcome, strcmp(p->outcome, "offer") == 0 ? "!" : "");
	fputc('\n', ctx->out);
}

static int prep_list(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct arena arena;
	struct today t;
	size_t i;
	int status;

	(void)args;
	arena_init(&arena);
	if ((status = today_load(ctx, NULL, NULL, &arena, &t)) != CMD_OK) {
		arena_release(&arena);
		return status;
	}
	if (t.prep_count == 0)
		fprintf(ctx->out, "No interview to prepare for: 'prep add --company C --date DAY [--stage S]' adds one.\n");
	for (i = 0; i < t.prep_count; i++)
		print_prep(ctx, &t.preps[i]);
	if (t.next != NULL) {
		today_print_prep(ctx, &t);
		if (t.plan.theme_count > 0) {
			fprintf(ctx->out, "Before it, practise (done/needed since it was set):\n");
			print_plan(ctx, &t.plan);
		}
	} else if (t.to_ask != NULL) {
		today_print_prep(ctx, &t);
	}
	arena_release(&arena);
	return CMD_OK;
}

/* Checks --stage and --bank; the values stay where the options are. */
static int check_add(struct cmd_ctx *ctx, const char *const *v, long *day)
{
	struct arena arena;
	struct drill_filter filter;
	struct drill_limits limits;
	int status = CMD_OK;

	if (v[OPT_COMPANY] == NULL || v[OPT_DATE] == NULL)
		return cmd_error(ctx, CMD_USAGE_ERROR, "prep add: give --company C and --date DAY");
	if (v[OPT_COMPANY][0] == '\0')
		return cmd_error(ctx, CMD_USAGE_ERROR, "prep add: --company needs a name");
	if (cmd_parse_day(v[OPT_DATE], date_today(), day) != 0)
		return cmd_error(ctx, CMD_USAGE_ERROR, "prep add: --date: write YYYY-MM-DD, today, tomorrow or +N, "
				 "not '%s'", v[OPT_DATE]);
	if (*day < date_today())
		return cmd_error(ctx, CMD_USER_ERROR, "prep add: --date: %s has passed; 'reject add' logs how it went",
				 v[OPT_DATE]);
	if (v[OPT_STAGE] != NULL && cmd_stage_arg(ctx, v[OPT_STAGE]) == NULL)
		return CMD_USER_ERROR;
	arena_init(&arena);
	if (v[OPT_BANK] != NULL)
		status = cmd_drill_scope(ctx, v[OPT_BANK], NULL, &arena, &filter, &limits);
	arena_release(&arena);
	return status;
}

static int in_scope(const struct drill_filter *filter, const struct bank_question *q)
{
	size_t i;

	for (i = 0; i < filter->bank_count; i++)
		if (strcmp(filter->banks[i], q->bank->name) == 0)
			return 1;
	return filter->banks == NULL;
}

/* Puts the questions of the themes to work on, from the interview's banks, in the drill schedule, so
 * that the plan has them to choose from. */
static int join_questions(struct cmd_ctx *ctx, const char *banks)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	size_t total = bank_question_total(catalog), n = 0, i, t;
	const char **ids = xcalloc(total + 1, sizeof *ids);
	struct arena arena;
	struct today today;
	char day[11], *cause = NULL;
	int status;

	arena_init(&arena);
	if ((status = today_load(ctx, banks, NULL, &arena, &today)) == CMD_OK) {
		for (i = 0; i < total; i++) {
			const struct bank_question *q = bank_question_at(catalog, i);
			for (t = 0; t < today.coach.theme_count && t < PREP_THEMES; t++)
				if (today.coach.themes[t].score > 0 && in_scope(&today.filter, q) &&
				    bank_question_has_theme(q, today.coach.themes[t].theme_id)) {
					ids[n++] = q->id;
					break;
				}
		}
		date_format_day(today.coach.today, day);
		if (n > 0 && store_review_add(ctx->app->store, ids, n, day, NULL, &cause) != 0)
			status = system_error(ctx, cause);
	}
	free(ids);
	arena_release(&arena);
	return status;
}

static int prep_add(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *const *v = args->values;
	struct store_prep p = { 0 };
	char on_day[11], *cause = NULL;
	long day;
	int status = check_add(ctx, v, &day);

	if (status != CMD_OK)
		return status;
	date_format_day(day, on_day);
	p.company = v[OPT_COMPANY];
	p.role = v[OPT_ROLE];
	p.on_day = on_day;
	p.stage = v[OPT_STAGE];
	p.banks = v[OPT_BANK];
	if ((p.id = store_prep_add(ctx->app->store, &p, &cause)) < 0)
		return system_error(ctx, cause);
	if ((status = join_questions(ctx, p.banks)) != CMD_OK)
		return status;
	fprintf(ctx->out, "Added interview %lld: %s%s%s on %s.\n", p.id, p.company, p.stage ? " " : "",
		p.stage ? p.stage : "", on_day);
	return prep_list(ctx, args);
}

/* 'prep done ID rejected': the rejection asked for with the interview's company, role, day and stage. */
static int log_rejection(struct cmd_ctx *ctx, const struct store_prep *p, long long *rejection_id)
{
	struct store_rejection r = { 0 };

	r.company = p->company;
	r.role = p->role;
	r.rejected_on = strcmp(p->on_day, "") != 0 ? p->on_day : NULL;
	r.stage_reached = p->stage;
	return reject_add_prefilled(ctx, &r, rejection_id);
}

static const struct store_prep *find(const struct store_prep *list, size_t count, long long id)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (list[i].id == id)
			return &list[i];
	return NULL;
}

static int check_outcome(struct cmd_ctx *ctx, const char *outcome)
{
	size_t i;

	for (i = 0; outcomes[i] != NULL; i++)
		if (strcmp(outcomes[i], outcome) == 0)
			return CMD_OK;
	return cmd_error(ctx, CMD_USAGE_ERROR, "prep done: say how it went: offer, rejected or withdrawn");
}

static int prep_done(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	long long id = cmd_id_arg(ctx, "prep done", "interview", args->argv[0]), rejection_id = 0;
	const char *outcome = args->argv[1];
	struct store_prep *list = NULL;
	const struct store_prep *p;
	struct arena arena;
	size_t count = 0;
	char *cause = NULL;
	int status;

	if (id < 0)
		return CMD_USAGE_ERROR;
	if ((status = check_outcome(ctx, outcome)) != CMD_OK)
		return status;
	arena_init(&arena);
	if (store_prep_list(ctx->app->store, &arena, &list, &count, &cause) != 0) {
		arena_release(&arena);
		return system_error(ctx, cause);
	}
	if ((p = find(list, count, id)) == NULL) {
		arena_release(&arena);
		return cmd_error(ctx, CMD_USER_ERROR, "prep done: no interview %lld (see 'prep')", id);
	}
	if (strcmp(outcome, "rejected") == 0 && (status = log_rejection(ctx, p, &rejection_id)) != CMD_OK) {
		arena_release(&arena);
		return status;	/* nothing was saved: it can be said again */
	}
	if (store_prep_close(ctx->app->store, id, outcome, rejection_id, &cause) < 0) {
		arena_release(&arena);
		return system_error(ctx, cause);
	}
	if (strcmp(outcome, "offer") == 0)
		fprintf(ctx->out, "An offer from %s: congratulations. 'progress' and the report count it.\n", p->company);
	else
		fprintf(ctx->out, "Interview %lld with %s: %s.\n", id, p->company, outcome);
	arena_release(&arena);
	return CMD_OK;
}

static int prep_rm(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	long long id = cmd_id_arg(ctx, "prep rm", "interview", args->argv[0]);
	char *cause = NULL;
	int removed;

	if (id < 0)
		return CMD_USAGE_ERROR;
	if ((removed = store_prep_delete(ctx->app->store, id, &cause)) < 0)
		return system_error(ctx, cause);
	if (removed == 0)
		return cmd_error(ctx, CMD_USER_ERROR, "prep rm: no interview %lld (see 'prep')", id);
	fprintf(ctx->out, "Removed interview %lld.\n", id);
	return CMD_OK;
}

static const struct cmd_sub subs[] = {
	{ "list", "", "the interviews to prepare for, the next one's countdown and its practice", NULL, 0, 0, 0,
	  COMPLETE_NONE, prep_list },
	{ "add", "--company C --date DAY [--role R] [--stage S] [--bank B]...", "an interview coming up",
	  "DAY is YYYY-MM-DD, today, tomorrow or +N (days from today). Until then 'due' and 'drill' make\n"
	  "room each day for the questions of the three themes to work on ('insights'): three each,\n"
	  "practised once before the day, twice for the weakest theme, within the daily limits. With\n"
	  "--bank, drills ask from those banks until the day, in place of drill.banks.",
	  0, 0, CMD_OPT(OPT_COMPANY) | CMD_OPT(OPT_ROLE) | CMD_OPT(OPT_DATE) | CMD_OPT(OPT_STAGE) | CMD_OPT(OPT_BANK),
	  COMPLETE_NONE, prep_add },
	{ "done", "ID offer|rejected|withdrawn", "say how it went",
	  "An offer is counted by 'progress' and the report. 'rejected' asks for the rejection as\n"
	  "'reject add' does, with the interview's company, role, day and stage filled in.",
	  2, 2, 0, COMPLETE_NONE, prep_done },
	{ "rm", "ID", "remove an interview", NULL, 1, 1, 0, COMPLETE_NONE, prep_rm },
	{ 0 },	/* the end */
};

const struct cmd_entry cmd_prep_entry = {
	.name = "prep",
	.help = "the interviews coming up: a date to be ready by, and how each went",
	.description =
		"Records an interview coming up. Until its day the drill schedule makes sure the weakest\n"
		"and most-cited themes' questions are practised before it; 'due' and the shell's greeting\n"
		"count down (\"Acme onsite in 3 days: 9 questions left\"). After the day rebound asks how it\n"
		"went: an offer, or a rejection logged with the interview's details.",
	.flags = CMD_NEEDS_CATALOG,
	.subs = subs,
	.default_sub = "list",
	.options = {
		[OPT_COMPANY] = { "company", "C", COMPLETE_NONE, "the company" },
		[OPT_ROLE] = { "role", "R", COMPLETE_NONE, "the role" },
		[OPT_DATE] = { "date", "DAY", COMPLETE_NONE, "the day of the interview" },
		[OPT_STAGE] = { "stage", "S", COMPLETE_STAGE, "the stage: phone-screen, technical, onsite..." },
		[OPT_BANK] = { "bank", "B", COMPLETE_BANK, "drill from bank B until the day (again for more)", 1 },
	},
};
