/* check: validates bank and themes files without touching the data dir. Ids are checked for
 * uniqueness against the bundled banks too, since that is where the files will be loaded. */
#include "rebound/cmd.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

static int is_themes_name(const char *path)
{
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;

	return strcmp(name, "themes.yaml") == 0 || strcmp(name, "themes.yml") == 0;
}

/* Prints "FILE: ok" or the file's problems; returns the number of errors. */
static size_t check_one(struct cmd_ctx *ctx, struct bank_catalog *catalog, const char *path)
{
	size_t diags_before = bank_diag_count(catalog), errors_before = bank_error_count(catalog);
	size_t banks_before = bank_count(catalog), themes_before = bank_theme_count(catalog);
	size_t errors;

	bank_load_file(catalog, path);
	bank_diag_print(catalog, diags_before, ctx->err);
	errors = bank_error_count(catalog) - errors_before;
	if (errors > 0)
		return errors;
	if (bank_count(catalog) > banks_before) {
		size_t count = bank_at(catalog, banks_before)->question_count;
		fprintf(ctx->out, "%s: ok (bank '%s', %zu question%s)\n", path, bank_at(catalog, banks_before)->name,
			count, count == 1 ? "" : "s");
	} else {
		fprintf(ctx->out, "%s: ok (%zu themes)\n", path, bank_theme_count(catalog) - themes_before);
	}
	return 0;
}

static int cmd_check_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct bank_catalog *catalog = bank_catalog_new();
	char **skip = xcalloc((size_t)args->argc, sizeof *skip);
	size_t errors = 0;
	int i, skip_count = 0, pass;

	for (i = 0; i < args->argc; i++)
		if ((skip[skip_count] = realpath(args->argv[i], NULL)) != NULL)
			skip_count++;
	app_load_bundled(ctx->app, catalog, skip, skip_count);
	/* Themes files first, so that banks checked with them can use their themes. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < args->argc; i++)
			if (is_themes_name(args->argv[i]) == (pass == 0))
				errors += check_one(ctx, catalog, args->argv[i]);
	for (i = 0; i < skip_count; i++)
		free(skip[i]);
	free(skip);
	bank_catalog_free(catalog);
	return errors > 0 ? CMD_USER_ERROR : CMD_OK;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.usage = "FILE...",
	.help = "validate bank and themes files (prints FILE:LINE:COLUMN: error: ...)",
	.description = "Checks files against the bank format without touching the data dir. Themes and ids are\n"
		       "resolved against the bundled banks and themes, and against the files given.\n"
		       "Exit status 1 if any file has an error; unknown keys are only warnings.",
	.operands_min = 1,
	.operands_max = -1,
	.complete = COMPLETE_FILE,
	.exec = cmd_check_exec,
};
