/* today: the agenda the drill commands share, with the next interview's share pulled in (today.h). */
#include "rebound/date.h"
#include "rebound/today.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

static int fail(struct cmd_ctx *ctx, char *cause)
{
	cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
	free(cause);
	return CMD_SYSTEM_ERROR;
}

/* The day the interview was set, as a local day: the practice since then counts for it. */
static void set_day(const struct store_prep *p, char day[11])
{
	time_t t;

	if (p->created_at != NULL && date_parse_iso(p->created_at, &t) == 0)
		date_format_day(date_local_day(t), day);
	else
		date_format_day(date_today(), day);
}

static int plan_next(struct cmd_ctx *ctx, struct arena *arena, struct today *t, char **cause)
{
	struct store_count *practice = NULL;
	size_t practice_count = 0;
	char since[11];

	if (t->next == NULL)
		return 0;
	set_day(t->next, since);
	if (store_practice_since(ctx->app->store, since, arena, &practice, &practice_count, cause) != 0)
		return -1;
	prep_plan_make(&t->plan, t->next, &t->coach, t->items, t->count, practice, practice_count, t->coach.today);
	prep_pull(&t->plan, t->items, t->count, t->coach.today);
	return 0;
}

int today_load(struct cmd_ctx *ctx, const char *banks_option, const char *theme, struct arena *arena,
	       struct today *t)
{
	struct store *store = ctx->app->store;
	long today = date_today();
	char *cause = NULL;
	int status;

	memset(t, 0, sizeof *t);
	if (store_prep_list(store, arena, &t->preps, &t->prep_count, &cause) != 0)
		return fail(ctx, cause);
	t->next = prep_next(t->preps, t->prep_count, today);
	t->to_ask = prep_to_ask(t->preps, t->prep_count, today);
	if (banks_option == NULL && t->next != NULL && t->next->banks != NULL)
		banks_option = t->next->banks;
	if ((status = cmd_drill_scope(ctx, banks_option, theme, arena, &t->filter, &t->limits)) != CMD_OK)
		return status;
	if (coach_gather(store, today, arena, &t->coach, &cause) != 0 ||
	    drill_agenda(store, ctx->app->catalog, &t->coach, &t->filter, arena, &t->items, &t->count, &cause) != 0 ||
	    plan_next(ctx, arena, t, &cause) != 0)
		return fail(ctx, cause);
	t->due = drill_due_count(t->items, t->count, t->coach.today);
	drill_plan_today(t->items, t->count, t->coach.today, &t->limits, &t->list);
	return CMD_OK;
}

/* The stdout guard shows any escape in a company's name instead of writing it. */
void today_print_prep(struct cmd_ctx *ctx, const struct today *t)
{
	char *line;

	if (t->next != NULL && t->plan.theme_count > 0) {
		line = prep_countdown(&t->plan);
		fprintf(ctx->out, "%s.\n", line);
		free(line);
	} else if (t->next != NULL) {
		fprintf(ctx->out, "%s on %s: no theme to work on yet ('reject add' logs feedback).\n", t->next->company,
			t->next->on_day);
	}
	if (t->to_ask != NULL)
		fprintf(ctx->out, "How did %s%s%s on %s go? 'prep done %lld offer', 'prep done %lld rejected' (logs the "
			"rejection) or 'prep done %lld withdrawn'.\n", t->to_ask->company,
			t->to_ask->stage ? " " : "", t->to_ask->stage ? t->to_ask->stage : "", t->to_ask->on_day,
			t->to_ask->id, t->to_ask->id, t->to_ask->id);
}

void today_greet(struct cmd_ctx *ctx)
{
	struct arena arena;
	struct today t;

	arena_init(&arena);
	if (today_load(ctx, NULL, NULL, &arena, &t) == CMD_OK)
		today_print_prep(ctx, &t);
	arena_release(&arena);
}
