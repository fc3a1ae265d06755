/* config: the settings file (config.h): lists every setting with its value and where it comes from,
 * prints one, and sets or removes one in the file, keeping the user's comments and layout. */
#include "rebound/cmd.h"
#include "rebound/paths.h"
#include "rebound/term.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Where a value comes from: "line 3" of the file, or "default", or "not set". */
static void describe_source(const struct config *config, const struct config_key *key, char *buf, size_t size)
{
	int line, column;

	if (config != NULL && config_where(config, key->name, &line, &column))
		snprintf(buf, size, "line %d", line);
	else
		snprintf(buf, size, "%s", key->default_value ? "default" : "not set");
}

/* The settings file's path, as the app found it; NULL, reported, when there is no home to find it in. */
static const char *settings_path(struct cmd_ctx *ctx)
{
	char *cause = NULL;

	if (ctx->app->config_file != NULL)
		return ctx->app->config_file;
	free(paths_config_file(&cause));	/* for the reason */
	cmd_error(ctx, CMD_SYSTEM_ERROR, "config: %s", cause);
	free(cause);
	return NULL;
}

static int list(struct cmd_ctx *ctx)
{
	const struct config *config = ctx->app->config;
	const char *path = settings_path(ctx);
	char source[32];
	struct stat st;
	size_t i;

	if (path == NULL)
		return CMD_SYSTEM_ERROR;
	fprintf(ctx->out, "Settings file: %s%s\n", path, stat(path, &st) != 0 ? " (not there yet: all defaults)" : "");
	fprintf(ctx->out, "%s%-24s %-14s %-9s %s%s\n", term_bold(ctx->color), "SETTING", "VALUE", "FROM", "WHAT",
		term_reset(ctx->color));
	for (i = 0; i < config_key_count(); i++) {
		const struct config_key *key = config_key_at(i);
		const char *value = app_setting(ctx->app, key->name);
		describe_source(config, key, source, sizeof source);
		fprintf(ctx->out, "%-24s %-14s %-9s %s\n", key->name, value ? value : "-", source, key->help);
	}
	if (ctx->app->config_error != NULL)
		return cmd_error(ctx, CMD_USER_ERROR, "%s", ctx->app->config_error);
	return CMD_OK;
}

static int get(struct cmd_ctx *ctx, const char *name)
{
	const char *value;
	char *cause = NULL;
	int status;

	if (config_key_find(name) == NULL) {
		config_check(name, "", &cause);
		status = cmd_error(ctx, CMD_USER_ERROR, "config: %s", cause);
		free(cause);
		return status;
	}
	if (ctx->app->config_error != NULL)
		return cmd_error(ctx, CMD_USER_ERROR, "%s", ctx->app->config_error);
	if ((value = app_setting(ctx->app, name)) == NULL)
		return cmd_error(ctx, CMD_USER_ERROR, "config: '%s' is not set", name);
	fprintf(ctx->out, "%s\n", value);
	return CMD_OK;
}

/* Values that need more than their form checked: the default bank must be one that is loaded. */
static int check_meaning(struct cmd_ctx *ctx, const char *name, const char *value)
{
	char *cause = NULL;
	int status;

	if (value == NULL || strcmp(name, "interview.bank") != 0)
		return CMD_OK;
	if (app_load_catalog(ctx->app, ctx->err, &cause) != 0) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return status;
	}
	return cmd_bank_arg(ctx, value) != NULL ? CMD_OK : CMD_USER_ERROR;
}

static int set(struct cmd_ctx *ctx, const char *name, const char *value)
{
	const struct config_key *key = config_key_find(name);
	const char *path;
	char *cause = NULL;
	int status;

	if (config_check(name, value ? value : "", &cause) != 0 && (value != NULL || key == NULL)) {
		status = cmd_error(ctx, CMD_USER_ERROR, "config: %s", cause);
		free(cause);
		return status;
	}
	free(cause);
	cause = NULL;
	if ((status = check_meaning(ctx, name, value)) != CMD_OK)
		return status;
	if (value == NULL && ctx->app->config != NULL && config_get(ctx->app->config, name) == NULL) {
		fprintf(ctx->out, "%s: not set in %s, nothing to remove\n", name, config_path(ctx->app->config));
		return CMD_OK;
	}
	if ((path = settings_path(ctx)) == NULL)
		return CMD_SYSTEM_ERROR;
	if (config_set(path, name, value, &cause) != 0) {
		status = cmd_error(ctx, CMD_USER_ERROR, "config: %s", cause);
		free(cause);
		return status;
	}
	if (value != NULL)
		fprintf(ctx->out, "%s: %s (in %s)\n", name, value, path);
	else
		fprintf(ctx->out, "%s: removed from %s%s%s\n", name, path, key->default_value ? "; the default is " : "",
			key->default_value ? key->default_value : "");
	app_load_config(ctx->app);
	if (strcmp(name, "colour") == 0)
		ctx->color = term_color_choice(ctx->out, app_setting(ctx->app, "colour"));
	return CMD_OK;
}

/* list and get read the data dir first: opening it moves an older version's settings into the file. */
static void open_data(struct cmd_ctx *ctx)
{
	char *cause = NULL;

	if (ctx->app->store == NULL && app_open_data(ctx->app, &cause) != 0)
		free(cause);
}

static int list_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	open_data(ctx);
	return list(ctx);
}

static int get_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	open_data(ctx);
	return get(ctx, args->argv[0]);
}

static int set_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return set(ctx, args->argv[0], args->argc > 1 ? args->argv[1] : NULL);
}

static const struct cmd_sub subs[] = {
	{ "list", "", "every setting, its value and where it comes from", NULL, 0, 0, 0, COMPLETE_NONE, list_exec },
	{ "get", "KEY", "one setting's value", NULL, 1, 1, 0, COMPLETE_NONE, get_exec },
	{ "set", "KEY VALUE", "write a setting into the file, keeping its comments and layout", NULL, 2, 2, 0,
	  COMPLETE_NONE, set_exec },
	{ "unset", "KEY", "remove a setting from the file, so that its default applies", NULL, 1, 1, 0,
	  COMPLETE_NONE, set_exec },
	{ 0 },	/* the end */
};

const struct cmd_entry cmd_config_entry = {
	.name = "config",
	.help = "show or change the settings (default bank, answer mode, times, audio, colour)",
	.description =
		"The file is $XDG_CONFIG_HOME/rebound/config.yaml (~/.config/rebound/config.yaml), or\n"
		"$REBOUND_CONFIG; you may also edit it by hand. Options given to a command win over it.",
	.flags = CMD_ANY_CONFIG,
	.subs = subs,
	.default_sub = "list",
};
