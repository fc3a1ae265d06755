/* plan: the growth plan: actions per weak theme, suggested from the themes' own 'actions' (shown and
 * confirmed before they are added) or written by the user, each todo, doing or done, with an optional
 * due day; listed in the order 'insights' ranks the themes. */
#include "rebound/coach.h"
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/form.h"
#include "rebound/json.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_THEME, OPT_DUE, OPT_YES, OPT_JSON };

#define PLAN_SUGGESTED_MAX 16	/* actions one 'plan add' suggests at most: insights names two or three themes */

/* What the plan holds now, and the evidence that says which themes are weak. */
struct plan {
	struct cmd_ctx *ctx;
	struct arena arena;
	struct store_plan_action *actions;
	size_t count;
	struct coach coach;
};

static int load(struct plan *p, struct cmd_ctx *ctx)
{
	char *cause = NULL;

	p->ctx = ctx;
	arena_init(&p->arena);
	if (store_plan_list(ctx->app->store, &p->arena, &p->actions, &p->count, &cause) == 0 &&
	    coach_gather(ctx->app->store, date_today(), &p->arena, &p->coach, &cause) == 0)
		return 0;
	cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
	free(cause);
	arena_release(&p->arena);
	return -1;
}

static int has_open_action(const struct plan *p, const char *theme_id)
{
	size_t i;

	for (i = 0; i < p->count; i++)
		if (strcmp(p->actions[i].theme_id, theme_id) == 0 && strcmp(p->actions[i].status, "done") != 0)
			return 1;
	return 0;
}

static int in_plan(const struct plan *p, const char *theme_id, const char *text)
{
	size_t i;

	for (i = 0; i < p->count; i++)
		if (strcmp(p->actions[i].theme_id, theme_id) == 0 && strcmp(p->actions[i].text, text) == 0)
			return 1;
	return 0;
}

/* The first of the theme's suggested actions that the plan does not hold yet, or NULL. */
static const char *next_suggestion(const struct plan *p, const char *theme_id)
{
	const struct bank_theme *theme = bank_theme_find(p->ctx->app->catalog, theme_id);
	size_t i;

	for (i = 0; theme != NULL && i < theme->actions.count; i++)
		if (!in_plan(p, theme_id, theme->actions.items[i]))
			return theme->actions.items[i];
	return NULL;
}

/* ------------------------------------------------------------------------------------------------
 * Listing
 */

static void print_action(const struct plan *p, const struct store_plan_action *a)
{
	char today[11];

	date_format_day(p->coach.today, today);
	fprintf(p->ctx->out, "  %4lld  %-5s  %s", a->id, a->status, a->text);
	if (a->due_on != NULL)
		fprintf(p->ctx->out, " (due %s%s)", a->due_on,
			strcmp(a->status, "done") != 0 && strcmp(a->due_on, today) < 0 ? ", overdue" : "");
	fputc('\n', p->ctx->out);
}

static void print_theme_actions(const struct plan *p, const char *theme_id, const char *title)
{
	size_t i;
	int shown = 0;

	for (i = 0; i < p->count; i++) {
		if (strcmp(p->actions[i].theme_id, theme_id) != 0)
			continue;
		if (!shown++)
			fprintf(p->ctx->out, "%s%s%s%s%s\n", term_bold(p->ctx->color), theme_id, term_reset(p->ctx->color),
				title ? ": " : "", title ? title : "");
		print_action(p, &p->actions[i]);
	}
}

/* 1 if action index is the first of its theme. */
static int first_of_theme(const struct plan *p, size_t index)
{
	size_t i;

	for (i = 0; i < index; i++)
		if (strcmp(p->actions[i].theme_id, p->actions[index].theme_id) == 0)
			return 0;
	return 1;
}

static int count_status(const struct plan *p, const char *status)
{
	size_t i;
	int n = 0;

	for (i = 0; i < p->count; i++)
		n += strcmp(p->actions[i].status, status) == 0;
	return n;
}

/* Whether theme_id is among the first named themes 'insights' ranks. */
static int is_named(const struct plan *p, const char *theme_id, size_t named)
{
	size_t i;

	for (i = 0; i < named; i++)
		if (strcmp(p->coach.themes[i].theme_id, theme_id) == 0)
			return 1;
	return 0;
}

/* The themes 'insights' names to work on, in its order; then the others in the catalog's order; then any
 * the catalog no longer has. */
static void list(struct plan *p)
{
	const struct bank_catalog *catalog = p->ctx->app->catalog;
	size_t i, named = coach_named(&p->coach);

	if (p->count == 0)
		fprintf(p->ctx->out, "The plan is empty.\n");
	else
		fprintf(p->ctx->out, "Growth plan: %d to do, %d doing, %d done.\n", count_status(p, "todo"),
			count_status(p, "doing"), count_status(p, "done"));
	for (i = 0; i < named; i++) {
		const struct bank_theme *theme = bank_theme_find(catalog, p->coach.themes[i].theme_id);
		if (theme != NULL)
			print_theme_actions(p, theme->id, theme->title);
	}
	for (i = 0; i < bank_theme_count(catalog); i++)
		if (!is_named(p, bank_theme_at(catalog, i)->id, named))
			print_theme_actions(p, bank_theme_at(catalog, i)->id, bank_theme_at(catalog, i)->title);
	for (i = 0; i < p->count; i++)	/* themes the catalog no longer has, each under its id */
		if (bank_theme_find(catalog, p->actions[i].theme_id) == NULL &&
		    first_of_theme(p, i))
			print_theme_actions(p, p->actions[i].theme_id, "(no longer a theme)");
	for (i = 0; i < named; i++) {
		const char *id = p->coach.themes[i].theme_id;
		if (has_open_action(p, id))
			continue;
		if (next_suggestion(p, id) != NULL)
			fprintf(p->ctx->out, "'%s' is a theme to work on ('insights') with no open action: "
				"'plan add --theme %s' adds a suggested one.\n", id, id);
		else
			fprintf(p->ctx->out, "'%s' is a theme to work on ('insights') with no open action: "
				"'plan add --theme %s TEXT' adds your own.\n", id, id);
	}
	if (p->count == 0 && named == 0)
		fprintf(p->ctx->out, "'plan add --theme T TEXT' adds your own action; once 'reject add' has logged a "
			"rejection, 'plan add' suggests some.\n");
}

/* ------------------------------------------------------------------------------------------------
 * Adding
 */

/* The newest rejection that cites theme_id, or 0. */
static long long source_rejection(const struct plan *p, const char *theme_id)
{
	size_t i, t;

	for (i = 0; i < p->coach.rejection_count; i++)
		for (t = 0; t < p->coach.rejections[i].theme_count; t++)
			if (strcmp(p->coach.rejections[i].themes[t].theme_id, theme_id) == 0)
				return p->coach.rejections[i].id;
	return 0;
}

static int add_one(struct plan *p, const char *theme_id, const char *text, const char *due_on)
{
	struct store_plan_action action = { 0, theme_id, source_rejection(p, theme_id), text, "todo", due_on, NULL, NULL };
	char *cause = NULL;
	long long id = store_plan_add(p->ctx->app->store, &action, &cause);

	if (id < 0) {
		cmd_error(p->ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return CMD_SYSTEM_ERROR;
	}
	fprintf(p->ctx->out, "Added action %lld for %s: %s", id, theme_id, text);
	if (due_on != NULL)
		fprintf(p->ctx->out, " (due %s)", due_on);
	fputc('\n', p->ctx->out);
	return CMD_OK;
}

/* Adds the first of the theme's suggested actions that the plan does not hold yet. */
static int add_suggested(struct plan *p, const struct bank_theme *theme, const char *due_on)
{
	const char *text = next_suggestion(p, theme->id);

	if (text != NULL)
		return add_one(p, theme->id, text, due_on);
	return cmd_error(p->ctx, CMD_USER_ERROR, "plan add: every suggested action for '%s' is in the plan; "
			 "add your own: plan add --theme %s TEXT", theme->id, theme->id);
}

/* Without a theme: a suggested action for each theme 'insights' names that has no open action, shown
 * first and added once the user says yes (or with --yes); a theme whose suggestions are all used is
 * passed over with a note. */
static int add_for_weak_themes(struct plan *p, const char *due_on, int yes)
{
	struct form form = { p->ctx, p->ctx->in, "plan add" };
	size_t i, named = coach_named(&p->coach), count = 0;
	const char *ids[PLAN_SUGGESTED_MAX], *texts[PLAN_SUGGESTED_MAX];
	int status = CMD_OK;

	if (named == 0)
		return cmd_error(p->ctx, CMD_USER_ERROR, "plan add: no theme to work on yet ('insights'); "
				 "give one: plan add --theme T [TEXT]");
	for (i = 0; i < named && count < PLAN_SUGGESTED_MAX; i++) {
		const char *id = p->coach.themes[i].theme_id;
		if (has_open_action(p, id))
			continue;
		if ((texts[count] = next_suggestion(p, id)) == NULL) {
			fprintf(p->ctx->out, "Every suggested action for '%s' is in the plan: 'plan add --theme %s TEXT' "
				"adds your own.\n", id, id);
			continue;
		}
		ids[count++] = id;
	}
	if (count == 0) {
		fprintf(p->ctx->out, "No action added: each theme to work on has an open action or no suggestion left.\n");
		return CMD_OK;
	}
	if (!yes) {
		fprintf(p->ctx->out, "For the themes 'insights' names, in its order:\n");
		for (i = 0; i < count; i++)
			fprintf(p->ctx->out, "  %-18s %s\n", ids[i], texts[i]);
		if (form_confirm(&form, count == 1 ? "Add this action?" : "Add these actions?", &yes) != FORM_OK || !yes) {
			fprintf(p->ctx->out, "Nothing added ('plan add --theme T TEXT' adds your own).\n");
			return CMD_OK;
		}
	}
	for (i = 0; i < count && status == CMD_OK; i++)
		status = add_one(p, ids[i], texts[i], due_on);
	return status;
}

static char *join_words(int argc, char **argv)
{
	char *text = xstrdup(""), *joined;
	int i;

	for (i = 0; i < argc; i++) {
		joined = xasprintf("%s%s%s", text, i ? " " : "", argv[i]);
		free(text);
		text = joined;
	}
	return text;
}

static int add(struct plan *p, const struct cmd_args *args)
{
	const char *theme_id = args->values[OPT_THEME];
	const struct bank_theme *theme = theme_id ? cmd_theme_arg(p->ctx, theme_id) : NULL;
	char due[11], *text = join_words(args->argc, args->argv);
	long day;
	int status;

	if (theme_id != NULL && theme == NULL)
		status = CMD_USER_ERROR;
	else if (args->values[OPT_DUE] != NULL && cmd_parse_day(args->values[OPT_DUE], p->coach.today, &day) != 0)
		status = cmd_error(p->ctx, CMD_USAGE_ERROR, "plan add: --due takes YYYY-MM-DD, today, tomorrow or +N, "
				   "not '%s'", args->values[OPT_DUE]);
	else if (*text != '\0' && theme == NULL)
		status = cmd_error(p->ctx, CMD_USAGE_ERROR, "plan add: say which theme the action is for: --theme T");
	else {
		if (args->values[OPT_DUE] != NULL)
			date_format_day(day, due);
		status = *text ? add_one(p, theme->id, text, args->values[OPT_DUE] ? due : NULL)
		       : theme ? add_suggested(p, theme, args->values[OPT_DUE] ? due : NULL)
		       : add_for_weak_themes(p, args->values[OPT_DUE] ? due : NULL, args->values[OPT_YES] != NULL);
	}
	free(text);
	return status;
}

/* ------------------------------------------------------------------------------------------------
 * Changing one action
 */

/* start, done, todo or rm: one action, which needs neither the plan nor the evidence read. */
static int change(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *what = args->sub->name;
	const char *status = strcmp(what, "start") == 0 ? "doing" : strcmp(what, "done") == 0 ? "done" : "todo";
	char *cause = NULL, command[16];
	long long id;
	int changed;

	snprintf(command, sizeof command, "plan %s", what);
	if ((id = cmd_id_arg(ctx, command, "a plan action", args->argv[0])) < 0)
		return CMD_USAGE_ERROR;
	changed = strcmp(what, "rm") == 0 ? store_plan_delete(ctx->app->store, id, &cause)
					  : store_plan_set_status(ctx->app->store, id, status, &cause);
	if (changed < 0) {
		cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return CMD_SYSTEM_ERROR;
	}
	if (changed == 0)
		return cmd_error(ctx, CMD_USER_ERROR, "%s: no action %lld (see 'plan')", command, id);
	if (strcmp(what, "rm") == 0)
		fprintf(ctx->out, "Removed action %lld.\n", id);
	else
		fprintf(ctx->out, "Action %lld is %s.\n", id, status);
	return CMD_OK;
}

static void json_action(struct json *j, const struct store_plan_action *a)
{
	json_object(j, NULL);
	json_int(j, "id", a->id);
	json_string(j, "theme", a->theme_id);
	if (a->rejection_id > 0)
		json_int(j, "rejection", a->rejection_id);
	else
		json_string(j, "rejection", NULL);
	json_string(j, "text", a->text);
	json_string(j, "status", a->status);
	json_string(j, "due_on", a->due_on);
	json_string(j, "created_at", a->created_at);
	json_string(j, "done_at", a->done_at);
	json_object_end(j);
}

/* {"command": "plan", "version": 1, "actions": [...], "themes_without_action": [ids]}: the actions in the
 * order the list shows them (insights' themes first), then the themes to work on that have no open one. */
static void list_json(struct plan *p)
{
	size_t named = coach_named(&p->coach), i, k;
	struct json j;

	json_begin(&j, p->ctx->out, "plan", 1);
	json_array(&j, "actions");
	for (i = 0; i < named; i++)
		for (k = 0; k < p->count; k++)
			if (strcmp(p->actions[k].theme_id, p->coach.themes[i].theme_id) == 0)
				json_action(&j, &p->actions[k]);
	for (k = 0; k < p->count; k++)
		if (!is_named(p, p->actions[k].theme_id, named))
			json_action(&j, &p->actions[k]);
	json_array_end(&j);
	json_array(&j, "themes_without_action");
	for (i = 0; i < named; i++)
		if (!has_open_action(p, p->coach.themes[i].theme_id))
			json_string(&j, NULL, p->coach.themes[i].theme_id);
	json_array_end(&j);
	json_end(&j);
}

/* list or add: they read the plan and the evidence first. */
static int with_plan(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct plan p;
	int status = CMD_OK;

	if (load(&p, ctx) != 0)
		return CMD_SYSTEM_ERROR;
	if (strcmp(args->sub->name, "list") == 0 && args->values[OPT_JSON] != NULL)
		list_json(&p);
	else if (strcmp(args->sub->name, "list") == 0)
		list(&p);
	else
		status = add(&p, args);
	arena_release(&p.arena);
	return status;
}

static const struct cmd_sub subs[] = {
	{ "list", "[--json]", "the actions by theme with their status and due day", NULL, 0, 0, CMD_OPT(OPT_JSON),
	  COMPLETE_NONE, with_plan },
	{ "add", "[--theme T] [--due DAY] [--yes] [TEXT]", "add a suggested action, or your own with --theme T TEXT",
	  "Without --theme: a suggested action (from the theme's 'actions') for each theme 'insights'\n"
	  "names that has no open action, shown first and added when you say yes (--yes: without\n"
	  "asking). With --theme T: the next suggested action for T, or with TEXT your own. --due takes\n"
	  "YYYY-MM-DD, today, tomorrow or +N (days from today).",
	  0, -1, CMD_OPT(OPT_THEME) | CMD_OPT(OPT_DUE) | CMD_OPT(OPT_YES), COMPLETE_NONE, with_plan },
	{ "start", "ID", "mark an action doing", NULL, 1, 1, 0, COMPLETE_NONE, change },
	{ "done", "ID", "mark an action done", NULL, 1, 1, 0, COMPLETE_NONE, change },
	{ "todo", "ID", "mark an action todo again", NULL, 1, 1, 0, COMPLETE_NONE, change },
	{ "rm", "ID", "remove an action", NULL, 1, 1, 0, COMPLETE_NONE, change },
	{ 0 },	/* the end */
};

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.help = "the growth plan: actions for the themes to work on, todo, doing or done",
	.description =
		"Actions are for the themes 'insights' names as the ones to work on; each is todo, doing or\n"
		"done, with an optional due day.",
	.flags = CMD_NEEDS_CATALOG,
	.subs = subs,
	.default_sub = "list",
	.options = {
		[OPT_THEME] = { "theme", "T", COMPLETE_THEME, "the theme the action is for" },
		[OPT_DUE] = { "due", "DAY", COMPLETE_NONE, "when it should be done" },
		[OPT_YES] = { "yes", NULL, COMPLETE_NONE, "add the suggested actions without asking" },
		[OPT_JSON] = { "json", NULL, COMPLETE_NONE, "list as JSON, in the stable layout the README lists" },
	},
};
