/* bank: moves question banks in and out. 'bank export BANK' writes a loaded bank's file as it is;
 * 'bank import FILE' checks a bank file as 'check' does, against every bank already loaded, and copies it
 * into the data dir's questions/ (whole, or not at all), where it loads from then on. */
#include "rebound/cmd.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

#define BANK_MAX_BYTES (64L * 1024 * 1024)	/* as the loader allows */

enum { OPT_OUT, OPT_REPLACE };

static const char *const subcommands[] = { "export", "import", NULL };

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
		fprintf(ctx->out, "Wrote bank '%s' (%zu questions) to %s.\n", name, bank->question_count, out);
		rc = CMD_OK;
	}
	free(data);
	return rc;
}

/* Loads everything already there (but target, which the import would replace), then the file: the
 * bank it defines, or NULL after printing why not. */
static const struct bank *check_import(struct cmd_ctx *ctx, struct bank_catalog *catalog, const char *path,
				       const char *target)
{
	char *skip = realpath(target, NULL), *user_dir = xasprintf("%s/questions", ctx->app->data_dir);
	size_t diags, errors, banks;

	app_load_bundled(ctx->app, catalog, &skip, skip != NULL);
	bank_load_dir(catalog, user_dir, &skip, skip != NULL);
	diags = bank_diag_count(catalog);
	errors = bank_error_count(catalog);
	banks = bank_count(catalog);
	bank_load_file(catalog, path);
	free(skip);
	free(user_dir);
	bank_diag_print(catalog, diags, ctx->err);
	if (bank_error_count(catalog) > errors) {
		cmd_error(ctx, CMD_USER_ERROR, "bank: '%s' has errors: nothing imported", path);
		return NULL;
	}
	if (bank_count(catalog) == banks) {
		cmd_error(ctx, CMD_USER_ERROR, "bank: '%s' is not a question bank", path);
		return NULL;
	}
	return bank_at(catalog, banks);
}

/* The name the bank file would take in the data dir: the one its "bank:" key gives. *themes is set for
 * a themes file. */
static char *import_target(struct cmd_ctx *ctx, const char *path, char **name, int *themes)
{
	struct bank_catalog *catalog = bank_catalog_new();
	char *target = NULL;

	*name = NULL;
	bank_load_file(catalog, path);
	*themes = bank_count(catalog) == 0 && bank_theme_count(catalog) > 0;
	if (bank_count(catalog) > 0 && bank_id_valid(bank_at(catalog, 0)->name)) {
		*name = xstrdup(bank_at(catalog, 0)->name);
		target = xasprintf("%s/questions/%s.yaml", ctx->app->data_dir, *name);
	}
	bank_catalog_free(catalog);
	return target;
}

static int import_bank(struct cmd_ctx *ctx, const char *path, int replace)
{
	struct bank_catalog *catalog = bank_catalog_new();
	char *name = NULL, *target, *data = NULL, *cause = NULL, *dir;
	const struct bank *bank;
	size_t len;
	int rc = CMD_USER_ERROR, themes;

	target = import_target(ctx, path, &name, &themes);
	if (themes) {
		cmd_error(ctx, CMD_USER_ERROR, "bank: '%s' is a themes file, not a question bank (your own themes go in "
			  "%s/questions/themes.yaml)", path, ctx->app->data_dir);
		goto out;
	}
	if (target == NULL) {
		bank = check_import(ctx, catalog, path, "/nonexistent");	/* says what is wrong with it */
		if (bank != NULL)
			cmd_error(ctx, CMD_USER_ERROR, "bank: '%s' has no usable bank name", path);
		goto out;
	}
	if (!replace && bank_find(ctx->app->catalog, name) != NULL) {
		cmd_error(ctx, CMD_USER_ERROR, "bank: a bank named '%s' is already loaded (from %s); --replace "
			  "replaces your own copy", name, bank_find(ctx->app->catalog, name)->path);
		goto out;
	}
	if ((bank = check_import(ctx, catalog, path, target)) == NULL)
		goto out;
	dir = xasprintf("%s/questions", ctx->app->data_dir);
	if (paths_make_private_dir(dir, &cause) != 0 ||
	    (data = util_read_file(path, BANK_MAX_BYTES, &len, NULL, &cause)) == NULL ||
	    paths_write_atomic(target, data, len, &cause) != 0) {
		rc = fail(ctx, CMD_SYSTEM_ERROR, cause);
	} else {
		fprintf(ctx->out, "Imported bank '%s' (%zu questions) into %s.\n", bank->name, bank->question_count, target);
		rc = CMD_OK;
	}
	free(dir);
out:
	free(data);
	free(name);
	free(target);
	bank_catalog_free(catalog);
	return rc;
}

static int cmd_bank_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *sub = args->argv[0];

	if (args->argc != 2 || (strcmp(sub, "export") != 0 && strcmp(sub, "import") != 0))
		return cmd_error(ctx, CMD_USAGE_ERROR, "bank: usage: bank export BANK [--out FILE] | bank import FILE "
				 "[--replace]");
	if (strcmp(sub, "export") == 0) {
		if (args->values[OPT_REPLACE] != NULL)
			return cmd_error(ctx, CMD_USAGE_ERROR, "bank: --replace is for import");
		return export_bank(ctx, args->argv[1], args->values[OPT_OUT]);
	}
	if (args->values[OPT_OUT] != NULL)
		return cmd_error(ctx, CMD_USAGE_ERROR, "bank: --out is for export");
	return import_bank(ctx, args->argv[1], args->values[OPT_REPLACE] != NULL);
}

const struct cmd_entry cmd_bank_entry = {
	.name = "bank",
	.usage = "export BANK [--out FILE] | import FILE [--replace]",
	.help = "export a question bank to share it, or import one into your data dir",
	.description = "bank export BANK      writes the bank's file as it is (to standard output, or --out FILE)\n"
		       "bank import FILE      checks the file as 'check' does, against every bank already loaded,\n"
		       "                      and copies it into <data dir>/questions/BANK.yaml; nothing is copied\n"
		       "                      if it has an error. --replace replaces your own bank of that name.",
	.operands_min = 1,
	.operands_max = 2,
	.flags = CMD_NEEDS_CATALOG,
	.complete = COMPLETE_BANK,
	.subcommands = subcommands,
	.options = {
		[OPT_OUT] = { "out", "FILE", COMPLETE_NONE, "export: write the bank to FILE" },
		[OPT_REPLACE] = { "replace", NULL, COMPLETE_NONE, "import: replace your own bank of the same name" },
	},
	.exec = cmd_bank_exec,
};
