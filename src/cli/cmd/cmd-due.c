/* due: the drill schedule: what is due today (questions reviewed before, then new ones, in the order
 * 'drill' asks them) and when the next questions come due. */
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/drill.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

#define DUE_SHOWN 10		/* questions listed in full before the rest are counted */
#define UPCOMING_DAYS 5		/* days listed under "Coming up" */

enum { OPT_THEME, OPT_ALL };

static void print_item(struct cmd_ctx *ctx, const struct drill_item *item, long today)
{
	char due[11], themes[256] = "";
	size_t i, used = 0;

	for (i = 0; i < item->question->themes.count && used < sizeof themes; i++)
		used += (size_t)snprintf(themes + used, sizeof themes - used, "%s%s", i ? "," : "",
					 item->question->themes.items[i]);
	date_format_day(item->due_day, due);
	fprintf(ctx->out, "  %-36s %-28s ", item->question->id, themes);
	if (item->is_new)
		fprintf(ctx->out, "new\n");
	else
		fprintf(ctx->out, "%s %s, %d in a row\n", item->due_day < today ? "due since" : "due", due,
			item->review->repetitions);
}

/* "  2026-11-23  2  q-one, q-two" for each of the next days with questions coming due. */
static void print_upcoming(struct cmd_ctx *ctx, const struct drill_item *items, size_t count, int all)
{
	size_t i = 0, days = 0;

	if (count > 0)
		fprintf(ctx->out, "Coming up:\n");
	while (i < count && (all || days++ < UPCOMING_DAYS)) {
		size_t end = i, listed;
		char day[11];
		while (end < count && items[end].due_day == items[i].due_day)
			end++;
		date_format_day(items[i].due_day, day);
		fprintf(ctx->out, "  %s  %zu  ", day, end - i);
		for (listed = 0; i < end; i++, listed++)
			if (all || listed < DUE_SHOWN)
				fprintf(ctx->out, "%s%s", listed ? ", " : "", items[i].question->id);
		if (!all && listed > DUE_SHOWN)
			fprintf(ctx->out, " and %zu more", listed - DUE_SHOWN);
		fputc('\n', ctx->out);
	}
	if (i < count)
		fprintf(ctx->out, "  %zu more on later days ('due --all' lists them)\n", count - i);
}

static int cmd_due_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *theme = args->values[OPT_THEME];
	int all = args->values[OPT_ALL] != NULL;
	struct drill_item *items = NULL;
	struct coach coach;
	struct arena arena;
	size_t count = 0, due, i;
	char *cause = NULL;

	if (theme != NULL && cmd_theme_arg(ctx, theme) == NULL)
		return CMD_USER_ERROR;
	arena_init(&arena);
	if (coach_gather(ctx->app->store, date_today(), &arena, &coach, &cause) != 0 ||
	    drill_agenda(ctx->app->store, ctx->app->catalog, &coach, theme, &arena, &items, &count, &cause) != 0) {
		cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		arena_release(&arena);
		return CMD_SYSTEM_ERROR;
	}
	if (count == 0)
		fprintf(ctx->out, "The drill schedule is empty%s: 'reject add' puts the questions that train a rejection's "
			"themes in it, and 'drill --theme T' the questions of a theme.\n", theme ? " for this theme" : "");
	due = drill_due_count(items, count, coach.today);
	if (count > 0)
		fprintf(ctx->out, "Due today: %zu question%s%s\n", due, due == 1 ? "" : "s", due ? " ('drill' asks them in this order):" : ".");
	for (i = 0; i < due && (all || i < DUE_SHOWN); i++)
		print_item(ctx, &items[i], coach.today);
	if (i < due)
		fprintf(ctx->out, "  and %zu more ('due --all' lists them)\n", due - i);
	print_upcoming(ctx, items + due, count - due, all);
	arena_release(&arena);
	return CMD_OK;
}

const struct cmd_entry cmd_due_entry = {
	.name = "due",
	.usage = "[--theme T] [--all]",
	.help = "what the drill schedule has due today, and what comes due next",
	.description =
		"Lists the questions due today in the order 'drill' asks them: those reviewed before, most\n"
		"overdue first, then new ones, the ones training the weakest themes first. Then the next days\n"
		"with questions coming due; 'drill' says how each rating moves a question.",
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_THEME] = { "theme", "T", COMPLETE_THEME, "only questions that train theme T" },
		[OPT_ALL] = { "all", NULL, COMPLETE_NONE, "list every question, not the first few" },
	},
	.exec = cmd_due_exec,
};
