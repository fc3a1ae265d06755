/* template: prints a short reply to send after a rejection (a thank-you note, a feedback request),
 * filled from the log entry. The text comes from assets/NAME.txt, or from the user's own copy in
 * <data dir>/templates/NAME.txt when there is one. */
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/template.h"
#include "rebound/util.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TEMPLATE_MAX_BYTES (64 * 1024)

enum { OPT_FROM };

static int list_exec(struct cmd_ctx *ctx, const struct cmd_args *args);
static int fill_exec(struct cmd_ctx *ctx, const struct cmd_args *args);

/* The templates are the subcommands after list; their names are their files' (thank-you.txt). */
static const struct cmd_sub subs[] = {
	{ "list", "", "the templates and where each is read from", NULL, 0, 0, 0, COMPLETE_NONE, list_exec },
	{ "thank-you", "REJECTION-ID [--from NAME]", "a thank-you note for a rejection", NULL, 1, 1,
	  CMD_OPT(OPT_FROM), COMPLETE_NONE, fill_exec },
	{ "feedback-request", "REJECTION-ID [--from NAME]", "a short request for feedback on a rejection", NULL, 1, 1,
	  CMD_OPT(OPT_FROM), COMPLETE_NONE, fill_exec },
	{ 0 },	/* the end */
};

/* The user's own copy if it exists, else the bundled one; caller frees. */
static char *template_path(struct cmd_ctx *ctx, const char *name)
{
	char *own = xasprintf("%s/templates/%s.txt", ctx->app->data_dir, name);

	if (access(own, F_OK) == 0)
		return own;
	free(own);
	return xasprintf("%s/assets/%s.txt", ctx->app->bundle_dir, name);
}

/* The real name from the password database's comment field, or NULL (also when it is just the login
 * name, as for system accounts). Caller frees. */
static char *real_name(void)
{
	const struct passwd *pw = getpwuid(getuid());
	size_t length;

	if (pw == NULL || pw->pw_gecos == NULL)
		return NULL;
	length = strcspn(pw->pw_gecos, ",");
	if (length == 0 || (strncmp(pw->pw_gecos, pw->pw_name, length) == 0 && pw->pw_name[length] == '\0'))
		return NULL;
	return xstrndup(pw->pw_gecos, length);
}

/* "22 November 2026" */
static void format_long_date(const char *day_text, char buf[32])
{
	static const char *const months[] = { "January", "February", "March", "April", "May", "June", "July",
					      "August", "September", "October", "November", "December" };
	int year, month, day;
	long days;

	if (date_parse_day(day_text, &days) != 0) {
		snprintf(buf, 32, "%s", day_text);
		return;
	}
	date_civil_from_days(days, &year, &month, &day);
	snprintf(buf, 32, "%d %s %d", day, months[month - 1], year);
}

static int fill(struct cmd_ctx *ctx, const char *name, const struct store_rejection *r, const char *from)
{
	const struct bank_stage *stage = r->stage_reached ? bank_stage_find(ctx->app->catalog, r->stage_reached) : NULL;
	char *path = template_path(ctx, name), *text, *filled, *cause = NULL, *me = from ? xstrdup(from) : real_name();
	char date[32];
	size_t length;
	int status = CMD_OK;

	format_long_date(r->rejected_on, date);
	const struct template_field fields[] = {
		{ "company", r->company }, { "role", r->role }, { "interviewer", r->interviewer },
		{ "stage", stage ? stage->title : r->stage_reached }, { "date", date }, { "me", me },
	};
	if ((text = util_read_file(path, TEMPLATE_MAX_BYTES, &length, NULL, &cause)) == NULL ||
	    (filled = template_fill(path, text, fields, sizeof fields / sizeof fields[0], &cause)) == NULL) {
		status = cmd_error(ctx, util_starts_with(path, ctx->app->bundle_dir) ? CMD_SYSTEM_ERROR : CMD_USER_ERROR,
				   "template: %s", cause);
	} else {
		fputs(filled, ctx->out);
		if (*filled && filled[strlen(filled) - 1] != '\n')
			fputc('\n', ctx->out);
		free(filled);
	}
	free(cause);
	free(text);
	free(path);
	free(me);
	return status;
}

static int list(struct cmd_ctx *ctx)
{
	const struct cmd_sub *sub;

	for (sub = subs + 1; sub->name != NULL; sub++) {
		char *path = template_path(ctx, sub->name);
		fprintf(ctx->out, "%-17s %s\n", sub->name, path);
		free(path);
	}
	fprintf(ctx->out, "Copy one to %s/templates/ and edit it to make it yours.\n", ctx->app->data_dir);
	return CMD_OK;
}

static int list_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	return list(ctx);
}

/* thank-you ID or feedback-request ID: the template of that name, filled from the rejection. */
static int fill_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *name = args->sub->name;
	struct store_rejection r;
	struct arena arena;
	char *cause = NULL, command[40];
	long long id;
	int found, status;

	snprintf(command, sizeof command, "template %s", name);
	if ((id = cmd_id_arg(ctx, command, "a rejection", args->argv[0])) < 0)
		return CMD_USAGE_ERROR;
	arena_init(&arena);
	found = store_rejection_get(ctx->app->store, id, &arena, &r, &cause);
	if (found < 0)
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
	else if (found == 0)
		status = cmd_error(ctx, CMD_USER_ERROR, "%s: no rejection %lld (see 'reject list')", command, id);
	else
		status = fill(ctx, name, &r, args->values[OPT_FROM]);
	free(cause);
	arena_release(&arena);
	return status;
}

const struct cmd_entry cmd_template_entry = {
	.name = "template",
	.help = "print a polite reply to a rejection, ready to send",
	.description =
		"Fields come from the log entry: {company}, {role}, {interviewer}, {stage}, {date}, and {me},\n"
		"your name (--from, else the name in your account). {field|text} uses text when the field is\n"
		"empty. Copy a template to <data dir>/templates/ to make your own.",
	.flags = CMD_NEEDS_CATALOG,
	.subs = subs,
	.default_sub = "list",
	.options = {
		[OPT_FROM] = { "from", "NAME", COMPLETE_NONE, "your name, for the signature" },
	},
};
