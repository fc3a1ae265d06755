/* reject: the rejection log: add, list, show, edit and rm. Filling in a rejection (prompts, flags,
 * theme suggestions, reflections) is in src/cli/reject.c. */
#include "rebound/form.h"
#include "rebound/json.h"
#include "rebound/reject.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

static int store_failed(struct cmd_ctx *ctx, char *cause)
{
	cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
	free(cause);
	return CMD_SYSTEM_ERROR;
}

static void print_theme_list(FILE *out, const struct store_rejection *r)
{
	size_t i;

	for (i = 0; i < r->theme_count; i++)
		fprintf(out, "%s%s", i ? ", " : "", r->themes[i].theme_id);
}

/* {"command": "reject list", "version": 1, "rejections": [{..., "themes": [{"id", "reason"}],
 * "reflections": [{"stage", "went_well", "do_better"}]}]}, newest first. */
static void print_json(struct cmd_ctx *ctx, struct arena *arena, const struct store_rejection *rejections,
		       size_t count)
{
	struct store_rejection whole;
	struct json j;
	size_t i, t;

	json_begin(&j, ctx->out, "reject list", 1);
	json_array(&j, "rejections");
	for (i = 0; i < count; i++) {
		const struct store_rejection *r = &rejections[i];
		if (store_rejection_get(ctx->app->store, r->id, arena, &whole, NULL) == 1)
			r = &whole;	/* with its reflections */
		json_object(&j, NULL);
		json_int(&j, "id", r->id);
		json_string(&j, "company", r->company);
		json_string(&j, "role", r->role);
		json_string(&j, "rejected_on", r->rejected_on);
		json_string(&j, "stage_reached", r->stage_reached);
		json_string(&j, "interviewer", r->interviewer);
		json_string(&j, "feedback", r->feedback);
		json_array(&j, "themes");
		for (t = 0; t < r->theme_count; t++) {
			json_object(&j, NULL);
			json_string(&j, "id", r->themes[t].theme_id);
			json_string(&j, "reason", r->themes[t].reason);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_array(&j, "reflections");
		for (t = 0; t < r->reflection_count; t++) {
			json_object(&j, NULL);
			json_string(&j, "stage", r->reflections[t].stage_id);
			json_string(&j, "went_well", r->reflections[t].went_well);
			json_string(&j, "do_better", r->reflections[t].do_better);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_end(&j);
}

static int list(struct cmd_ctx *ctx, int as_json)
{
	struct store_rejection *rejections = NULL;
	struct arena arena;
	size_t count = 0, i;
	char *cause = NULL;

	arena_init(&arena);
	if (store_rejection_list(ctx->app->store, &arena, &rejections, &count, &cause) != 0) {
		arena_release(&arena);
		return store_failed(ctx, cause);
	}
	if (as_json) {
		print_json(ctx, &arena, rejections, count);
		count = 0;
	} else if (count == 0) {
		fprintf(ctx->out, "No rejection logged yet: 'reject add' logs one.\n");
	}
	for (i = 0; i < count; i++) {
		const struct store_rejection *r = &rejections[i];
		fprintf(ctx->out, "%4lld  %s  %-12s  %s, %s  [", r->id, r->rejected_on,
			r->stage_reached ? r->stage_reached : "-", r->company, r->role);
		print_theme_list(ctx->out, r);
		fprintf(ctx->out, "]\n");
	}
	arena_release(&arena);
	return CMD_OK;
}

/* Prints text indented, each line after "    > ". */
static void print_quoted(FILE *out, const char *text)
{
	while (*text != '\0') {
		size_t length = strcspn(text, "\n");
		fprintf(out, "    > %.*s\n", (int)length, text);
		text += length + (text[length] == '\n');
	}
}

static void print_rejection(struct cmd_ctx *ctx, const struct store_rejection *r)
{
	const struct bank_stage *stage = r->stage_reached ? bank_stage_find(ctx->app->catalog, r->stage_reached) : NULL;
	size_t i;

	fprintf(ctx->out, "%sRejection %lld%s: %s, %s\n", term_bold(ctx->color), r->id, term_reset(ctx->color),
		r->company, r->role);
	fprintf(ctx->out, "  Date:          %s\n", r->rejected_on);
	fprintf(ctx->out, "  Stage reached: %s\n", stage ? stage->title : r->stage_reached ? r->stage_reached : "-");
	fprintf(ctx->out, "  Interviewer:   %s\n", r->interviewer ? r->interviewer : "-");
	fprintf(ctx->out, "  Feedback:%s\n", r->feedback && *r->feedback ? "" : "      -");
	if (r->feedback)
		print_quoted(ctx->out, r->feedback);
	fprintf(ctx->out, "  Themes:%s\n", r->theme_count ? "" : "        -");
	for (i = 0; i < r->theme_count; i++)
		fprintf(ctx->out, "    %-18s %s\n", r->themes[i].theme_id, r->themes[i].reason ? r->themes[i].reason :
			"(added by you)");
	if (r->reflection_count > 0)
		fprintf(ctx->out, "  Reflection:\n");
	for (i = 0; i < r->reflection_count; i++) {
		const struct store_reflection *f = &r->reflections[i];
		const struct bank_stage *s = bank_stage_find(ctx->app->catalog, f->stage_id);
		fprintf(ctx->out, "    %s\n", s ? s->title : f->stage_id);
		if (f->went_well)
			fprintf(ctx->out, "      went well:  %s\n", f->went_well);
		if (f->do_better)
			fprintf(ctx->out, "      do better:  %s\n", f->do_better);
	}
}

/* Reads the rejection an ID operand names into *r: CMD_OK, or the status of the problem reported. */
static int get(struct cmd_ctx *ctx, const char *command, const struct cmd_args *args, struct arena *arena,
	       struct store_rejection *r)
{
	long long id;
	char *cause = NULL;
	int found;

	if ((id = cmd_id_arg(ctx, command, "a rejection", args->argv[0])) < 0)
		return CMD_USAGE_ERROR;
	found = store_rejection_get(ctx->app->store, id, arena, r, &cause);
	if (found < 0)
		return store_failed(ctx, cause);
	if (found == 0)
		return cmd_error(ctx, CMD_USER_ERROR, "%s: no rejection %lld (see 'reject list')", command, id);
	return CMD_OK;
}

static int show(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct store_rejection r;
	struct arena arena;
	int status;

	arena_init(&arena);
	if ((status = get(ctx, "reject show", args, &arena, &r)) == CMD_OK)
		print_rejection(ctx, &r);
	arena_release(&arena);
	return status;
}

static int remove_one(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct form form = { ctx, ctx->in, "reject rm" };
	struct store_rejection r;
	struct arena arena;
	char *cause = NULL, *question;
	int yes = args->values[REJECT_YES] != NULL, status;

	arena_init(&arena);
	if ((status = get(ctx, "reject rm", args, &arena, &r)) != CMD_OK) {
		arena_release(&arena);
		return status;
	}
	question = xasprintf("Remove rejection %lld (%s, %s, %s) with its themes and reflections?", r.id, r.company,
			     r.role, r.rejected_on);
	if (!yes && form_confirm(&form, question, &yes) != FORM_OK)
		yes = 0;
	if (!yes)
		fprintf(ctx->out, "Kept rejection %lld.\n", r.id);
	else if (store_rejection_delete(ctx->app->store, r.id, &cause) < 0)
		status = store_failed(ctx, cause);
	else
		fprintf(ctx->out, "Removed rejection %lld.\n", r.id);
	free(question);
	arena_release(&arena);
	return status;
}

static int list_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return list(ctx, args->values[REJECT_JSON] != NULL);
}

static int add_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return reject_add(ctx, args);
}

static int edit_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	long long id;

	if ((id = cmd_id_arg(ctx, "reject edit", "a rejection", args->argv[0])) < 0)
		return CMD_USAGE_ERROR;
	return reject_edit(ctx, args, id);
}

#define FIELDS (CMD_OPT(REJECT_YES) - 1)	/* every option before --yes */

static const struct cmd_sub subs[] = {
	{ "add", "[--company C --role R ...]", "log a rejection: asked field by field, or given by the options",
	  "Asks for the company, role, date, stage reached, interviewer and their feedback (an empty\n"
	  "line ends it), suggests themes from the feedback with the words that suggested each, lets you\n"
	  "confirm or edit them, and asks a short reflection on the stage reached, then, if you want,\n"
	  "on each earlier stage (one Enter skips them all). The questions that\n"
	  "train the themes enter the drill schedule that day ('due', 'drill'). With --company (and\n"
	  "--role) nothing is asked: the options give the fields, and the suggested themes are taken\n"
	  "unless --themes lists them.",
	  0, 0, FIELDS, COMPLETE_NONE, add_exec },
	{ "list", "[--json]", "every rejection, newest first", NULL, 0, 0, CMD_OPT(REJECT_JSON), COMPLETE_NONE, list_exec },
	{ "show", "ID", "one rejection in full", NULL, 1, 1, 0, COMPLETE_NONE, show },
	{ "edit", "ID [--company C --role R ...]", "change a rejection: asked again, or just the fields given",
	  "Asks again with the saved values as defaults (Enter keeps, - clears), or changes just the\n"
	  "fields given as options.",
	  1, 1, FIELDS, COMPLETE_NONE, edit_exec },
	{ "rm", "ID [--yes]", "remove a rejection with its themes and reflections",
	  "Asks first (--yes does not). Plan actions stay, and so do drilled questions; those never\n"
	  "drilled that no other rejection calls for leave the schedule.",
	  1, 1, CMD_OPT(REJECT_YES), COMPLETE_NONE, remove_one },
	{ 0 },	/* the end */
};

const struct cmd_entry cmd_reject_entry = {
	.name = "reject",
	.help = "log a rejection and its feedback; suggests the themes it points to",
	.description =
		"What you were told becomes practice: the themes it points to get their questions drilled,\n"
		"and 'insights' and 'plan' weigh the rejections that cite them.",
	.flags = CMD_NEEDS_CATALOG,
	.subs = subs,
	.default_sub = "list",
	.options = {
		[REJECT_COMPANY] = { "company", "C", COMPLETE_NONE, "the company" },
		[REJECT_ROLE] = { "role", "R", COMPLETE_NONE, "the role applied for" },
		[REJECT_DATE] = { "date", "D", COMPLETE_NONE, "when: YYYY-MM-DD, today, yesterday, -N (default today)" },
		[REJECT_STAGE] = { "stage", "S", COMPLETE_STAGE, "the last stage reached" },
		[REJECT_INTERVIEWER] = { "interviewer", "NAME", COMPLETE_NONE, "who interviewed you or gave feedback" },
		[REJECT_FEEDBACK] = { "feedback", "TEXT", COMPLETE_NONE, "what they said" },
		[REJECT_THEMES] = { "themes", "LIST", COMPLETE_THEME, "theme ids (comma-separated), or +id/-id edits" },
		[REJECT_WELL] = { "well", "TEXT", COMPLETE_NONE, "reflection: what went well at the stage reached" },
		[REJECT_BETTER] = { "better", "TEXT", COMPLETE_NONE, "reflection: what to do better at that stage" },
		[REJECT_YES] = { "yes", NULL, COMPLETE_NONE, "rm without asking" },
		[REJECT_JSON] = { "json", NULL, COMPLETE_NONE, "list as JSON, in the stable layout the README lists" },
	},
};
