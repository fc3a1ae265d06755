/* bank: moves question banks in and out. 'bank export BANK' writes a loaded bank's file as it is;
 * 'bank import FILE' checks a bank file as 'check' does, against every bank already loaded, and copies it
 * into the data dir's questions/ (whole, or not at all), where it loads from then on. */
#include "rebound/cmd.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BANK_MAX_BYTES (64L * 1024 * 1024)	/* as the loader allows */

enum { OPT_OUT, OPT_REPLACE };


static int fail(struct cmd_ctx *ctx, int status, char *cause)
{
	cmd_error(ctx, status, "bank: %s", cause);
	free(cause);
	return status;
}

static int export_bank(struct cmd_ctx *ctx, const char *name, const char *out)
{
	const struct bank *bank = bank_find(ctx->app->catalog, name);
	char *data, *cause = NULL;
	size_t len;
	int rc;

	if (bank == NULL)
		return cmd_error(ctx, CMD_USER_ERROR, "bank: no bank '%s' (see 'banks')", name);
	if ((data = util_read_file(bank->path, BANK_MAX_BYTES, &len, NULL, &cause)) == NULL)
		return fail(ctx, CMD_SYSTEM_ERROR, cause);
	if (out == NULL) {
		fwrite(data, 1, len, ctx->out);
		rc = ferror(ctx->out) ? CMD_SYSTEM_ERROR : CMD_OK;
	} else if (paths_write_atomic(out, data, len, &cause) != 0) {
		rc = fail(ctx, CMD_SYSTEM_ERROR, cause);
	} else {
		fprintf(ctx->out, "Wrote bank '%s' (%zu question%s) to %s.\n", name, bank->question_count,
			bank->question_count == 1 ? "" : "s", out);
		rc = CMD_OK;
	}
	free(data);
	return rc;
}

/* Loads everything already there (but target, which the import replaces), then the file's bytes: 1 if
 * they load with no error, else 0 after printing why. */
static int check_import(struct cmd_ctx *ctx, const char *path, const char *data, size_t len, const char *target)
{
	struct bank_catalog *catalog = bank_catalog_new();
	char *skip = realpath(target, NULL), *user_dir = xasprintf("%s/questions", ctx->app->data_dir);
	size_t diags, errors;
	int ok;

	app_load_bundled(ctx->app, catalog, &skip, skip != NULL);
	bank_load_dir(catalog, user_dir, &skip, skip != NULL);
	diags = bank_diag_count(catalog);
	errors = bank_error_count(catalog);
	bank_load_buffer(catalog, path, data, len);
	bank_diag_print(catalog, diags, ctx->err);
	ok = bank_error_count(catalog) == errors;
	if (!ok)
		cmd_error(ctx, CMD_USER_ERROR, "bank: '%s' has errors: nothing imported", path);
	bank_catalog_free(catalog);
	free(skip);
	free(user_dir);
	return ok;
}

/* The bank the file's bytes define, read with the themes (bundled and the user's) and nothing else, so
 * that its name is known however it clashes; NULL after an error (a themes file, or no bank at all). */
static char *bank_name_of(struct cmd_ctx *ctx, const char *path, const char *data, size_t len)
{
	struct bank_catalog *catalog = bank_catalog_new();
	char *themes = xasprintf("%s/questions/themes.yaml", ctx->app->bundle_dir), *name = NULL;
	char *own = xasprintf("%s/questions/themes.yaml", ctx->app->data_dir);
	struct bank_catalog *alone = bank_catalog_new();
	int themes_file;

	bank_load_buffer(alone, path, data, len);	/* told apart by its keys */
	themes_file = bank_count(alone) == 0 && bank_theme_count(alone) > 0;
	bank_catalog_free(alone);
	bank_load_file(catalog, themes);
	if (access(own, F_OK) == 0)
		bank_load_file(catalog, own);
	if (!themes_file)
		bank_load_buffer(catalog, path, data, len);
	if (bank_count(catalog) > 0)
		name = xstrdup(bank_at(catalog, 0)->name);
	else if (themes_file)
		cmd_error(ctx, CMD_USER_ERROR, "bank: '%s' is a themes file, not a question bank (your own themes go "
			  "in %s)", path, own);
	else if (check_import(ctx, path, data, len, "/nonexistent"))	/* prints what is wrong */
		cmd_error(ctx, CMD_USER_ERROR, "bank: '%s' is not a question bank", path);
	bank_catalog_free(catalog);
	free(themes);
	free(own);
	return name;
}

/* Whether the bank may go to target: a new name, or with --replace the user's own bank of that name
 * (kept in exactly that file). Prints why not. */
static int may_write(struct cmd_ctx *ctx, const char *name, const char *target, int replace)
{
	const struct bank *loaded = bank_find(ctx->app->catalog, name);
	char *user_dir = xasprintf("%s/questions/", ctx->app->data_dir), *a = NULL, *b = NULL;
	int ok = 0;

	if (strcmp(name, "themes") == 0)
		cmd_error(ctx, CMD_USER_ERROR, "bank: a bank may not be named 'themes' (the themes file has that name)");
	else if (loaded != NULL && !util_starts_with(loaded->path, user_dir))
		cmd_error(ctx, CMD_USER_ERROR, "bank: a bundled bank is named '%s': give yours another name (its 'bank:' "
			  "key)", name);
	else if (loaded != NULL && !replace)
		cmd_error(ctx, CMD_USER_ERROR, "bank: you already have a bank named '%s' (%s); --replace replaces it",
			  name, loaded->path);
	else if (loaded != NULL && ((a = realpath(loaded->path, NULL)) == NULL ||
				    (b = realpath(target, NULL)) == NULL || strcmp(a, b) != 0))
		cmd_error(ctx, CMD_USER_ERROR, "bank: bank '%s' is loaded from %s, not %s: nothing imported", name,
			  loaded->path, target);
	else if (loaded == NULL && access(target, F_OK) == 0)
		cmd_error(ctx, CMD_USER_ERROR, "bank: %s exists and is not bank '%s': nothing imported", target, name);
	else
		ok = 1;
	free(a);
	free(b);
	free(user_dir);
	return ok;
}

static int import_bank(struct cmd_ctx *ctx, const char *path, int replace)
{
	char *data, *name = NULL, *target = NULL, *dir = NULL, *cause = NULL;
	size_t len;
	int rc = CMD_USER_ERROR;

	/* Read once: the bytes checked are the bytes written. */
	if ((data = util_read_file(path, BANK_MAX_BYTES, &len, NULL, &cause)) == NULL)
		return fail(ctx, CMD_USER_ERROR, cause);
	if ((name = bank_name_of(ctx, path, data, len)) == NULL)
		goto out;
	target = xasprintf("%s/questions/%s.yaml", ctx->app->data_dir, name);
	if (!may_write(ctx, name, target, replace) || !check_import(ctx, path, data, len, target))
		goto out;
	dir = xasprintf("%s/questions", ctx->app->data_dir);
	if (paths_make_private_dir(dir, &cause) != 0 || paths_write_atomic(target, data, len, &cause) != 0) {
		rc = fail(ctx, CMD_SYSTEM_ERROR, cause);
		goto out;
	}
	fprintf(ctx->out, "Imported bank '%s' into %s.\n", name, target);
	rc = CMD_OK;
out:
	free(data);
	free(name);
	free(target);
	free(dir);
	return rc;
}

static int export_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return export_bank(ctx, args->argv[0], args->values[OPT_OUT]);
}

static int import_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return import_bank(ctx, args->argv[0], args->values[OPT_REPLACE] != NULL);
}

static const struct cmd_sub subs[] = {
	{ "export", "BANK [--out FILE]", "write a bank's file as it is, to share it",
	  "To standard output, or to FILE with --out.", 1, 1, CMD_OPT(OPT_OUT), COMPLETE_BANK, export_exec },
	{ "import", "FILE [--replace]", "check a bank file and copy it into your data dir",
	  "Checks the file as 'check' does, against every bank already loaded, and copies it into\n"
	  "<data dir>/questions/BANK.yaml; nothing is copied if it has an error. --replace replaces your\n"
	  "own bank of that name.",
	  1, 1, CMD_OPT(OPT_REPLACE), COMPLETE_FILE, import_exec },
	{ 0 },	/* the end */
};

const struct cmd_entry cmd_bank_entry = {
	.name = "bank",
	.help = "export a question bank to share it, or import one into your data dir",
	.flags = CMD_NEEDS_CATALOG,
	.subs = subs,
	.options = {
		[OPT_OUT] = { "out", "FILE", COMPLETE_NONE, "export: write the bank to FILE" },
		[OPT_REPLACE] = { "replace", NULL, COMPLETE_NONE, "import: replace your own bank of the same name" },
	},
};
