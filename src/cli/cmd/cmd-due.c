/* due: the drill schedule: today's list within the daily limits (questions reviewed before, then new
 * ones, in the order 'drill' asks them), what waits past the limits, and when the next questions come
 * due. */
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/json.h"
#include "rebound/today.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

#define DUE_SHOWN 10		/* questions listed in full before the rest are counted */
#define UPCOMING_DAYS 5		/* days listed under "Coming up" */

enum { OPT_THEME, OPT_BANK, OPT_ALL, OPT_JSON };

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
			item->review->streak);
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

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* "Today: 5 reviews and 3 new (193 waiting)". */
static void print_today(struct cmd_ctx *ctx, const struct drill_today *t)
{
	size_t listed = t->reviews + t->fresh;

	if (listed == 0)
		fprintf(ctx->out, "Today: nothing %s", t->waiting ? "left within the daily limits" : "due");
	else
		fprintf(ctx->out, "Today: %zu %s and %zu new", t->reviews, plural(t->reviews, "review", "reviews"),
			t->fresh);
	if (t->waiting > 0)
		fprintf(ctx->out, " (%zu waiting)", t->waiting);
	fprintf(ctx->out, "%s\n", listed ? "; 'drill' asks them in this order:" : ".");
}

/* Under today's list: what was done today, and why new questions wait when they do. */
static void print_today_notes(struct cmd_ctx *ctx, const struct drill_today *t, const struct drill_limits *limits)
{
	size_t listed = t->reviews + t->fresh;

	if (t->reviews_done + t->fresh_done > 0)
		fprintf(ctx->out, "Done today: %zu %s and %zu new.\n", t->reviews_done,
			plural(t->reviews_done, "review", "reviews"), t->fresh_done);
	if (t->fresh_paused)
		fprintf(ctx->out, "New questions wait while more reviews are due than drill.reviews_per_day (%d).\n",
			limits->reviews_per_day);
	if (listed == 0 && t->waiting > 0)
		fprintf(ctx->out, "'drill --ahead' practises the waiting ones now; the limits are drill.new_per_day and "
			"drill.reviews_per_day.\n");
}

static void print_list(struct cmd_ctx *ctx, const struct drill_item *items, size_t count, long today, int all)
{
	size_t i;

	for (i = 0; i < count && (all || i < DUE_SHOWN); i++)
		print_item(ctx, &items[i], today);
	if (i < count)
		fprintf(ctx->out, "  and %zu more ('due --all' lists them)\n", count - i);
}

/* {"command": "due", "version": 1, "today": DAY, "reviews", "new", "waiting", "reviews_done", "new_done",
 * "new_paused", "questions": [...]}: every question of the schedule in drill order, each with "when":
 * "today" (in today's list), "waiting" (due, past the limits) or "later". */
static void print_json(struct cmd_ctx *ctx, const struct today *t)
{
	size_t listed = t->list.reviews + t->list.fresh, i, k;
	char day[11];
	struct json j;

	date_format_day(t->coach.today, day);
	json_begin(&j, ctx->out, "due", 1);
	json_string(&j, "today", day);
	json_int(&j, "reviews", (long long)t->list.reviews);
	json_int(&j, "new", (long long)t->list.fresh);
	json_int(&j, "waiting", (long long)t->list.waiting);
	json_int(&j, "reviews_done", (long long)t->list.reviews_done);
	json_int(&j, "new_done", (long long)t->list.fresh_done);
	json_bool(&j, "new_paused", t->list.fresh_paused);
	json_array(&j, "questions");
	for (i = 0; i < t->count; i++) {
		const struct drill_item *item = &t->items[i];
		date_format_day(item->due_day, day);
		json_object(&j, NULL);
		json_string(&j, "id", item->question->id);
		json_string(&j, "bank", item->question->bank->name);
		json_array(&j, "themes");
		for (k = 0; k < item->question->themes.count; k++)
			json_string(&j, NULL, item->question->themes.items[k]);
		json_array_end(&j);
		json_string(&j, "when", i < listed ? "today" : i < listed + t->list.waiting ? "waiting" : "later");
		json_string(&j, "due_on", day);
		json_bool(&j, "new", item->is_new);
		json_int(&j, "streak", item->review ? item->review->streak : 0);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_end(&j);
}

static int cmd_due_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *theme = args->values[OPT_THEME];
	int all = args->values[OPT_ALL] != NULL, status;
	struct today t;
	struct arena arena;
	size_t listed;

	if (theme != NULL && cmd_theme_arg(ctx, theme) == NULL)
		return CMD_USER_ERROR;
	arena_init(&arena);
	if ((status = today_load(ctx, args->values[OPT_BANK], theme, &arena, &t)) != CMD_OK) {
		arena_release(&arena);
		return status;
	}
	if (args->values[OPT_JSON] != NULL) {
		print_json(ctx, &t);
		arena_release(&arena);
		return CMD_OK;
	}
	today_print_prep(ctx, &t);
	if (t.count == 0) {
		fprintf(ctx->out, "The drill schedule is empty%s: 'reject add' puts the questions that train a rejection's "
			"themes in it, and 'drill --theme T' the questions of a theme.\n",
			theme || t.filter.banks ? " for these questions" : "");
		arena_release(&arena);
		return CMD_OK;
	}
	listed = t.list.reviews + t.list.fresh;
	print_today(ctx, &t.list);
	print_list(ctx, t.items, listed, t.coach.today, all);
	print_today_notes(ctx, &t.list, &t.limits);
	if (all && t.list.waiting > 0) {
		fprintf(ctx->out, "Waiting past today's limits:\n");
		print_list(ctx, t.items + listed, t.list.waiting, t.coach.today, all);
	}
	print_upcoming(ctx, t.items + t.due, t.count - t.due, all);
	arena_release(&arena);
	return CMD_OK;
}

const struct cmd_entry cmd_due_entry = {
	.name = "due",
	.usage = "[--theme T] [--bank B]... [--all] [--json]",
	.help = "what the drill schedule has for today, and what comes due next",
	.description =
		"Lists today's questions in the order 'drill' asks them: those reviewed before, most overdue\n"
		"first, then new ones, the ones training the weakest themes first; at most drill.reviews_per_day\n"
		"reviews (20) and drill.new_per_day new ones (8) a day, counting those practised today, and no\n"
		"new ones while more reviews are due than that. The rest wait for the coming days. Only\n"
		"questions of the drill.banks setting (your field) or of --bank. Then the next days with\n"
		"questions coming due; 'drill' says how each rating moves a question.",
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_THEME] = { "theme", "T", COMPLETE_THEME, "only questions that train theme T" },
		[OPT_BANK] = CMD_OPTION_DRILL_BANK,
		[OPT_ALL] = { "all", NULL, COMPLETE_NONE, "list every question, not the first few" },
		[OPT_JSON] = { "json", NULL, COMPLETE_NONE, "every question of the schedule as JSON (README: stable layout)" },
	},
	.exec = cmd_due_exec,
};
