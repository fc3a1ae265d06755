/* export: writes the store's tables (sessions, answers, ratings, rejections, then the rest of what it keeps)
 * and the settings file's values as JSON (one object with an array per table, which 'import' restores) or
 * CSV (one table per file), in the stable layout documented in store.h; or the questions as an Anki deck. A file is written whole under
 * a temporary name and then renamed into place, mode 0600: never half a file, never readable by others. */
#include "rebound/cmd.h"
#include "rebound/config.h"
#include "rebound/export.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { OPT_FORMAT, OPT_WHAT, OPT_OUT, OPT_ANKI };

#define EXPORT_TABLES_MAX 24
#define EXPORT_SETTINGS "settings"	/* not the store's: the settings file's keys that are set, and their values */
#define EXPORT_CLASSIC 4		/* sessions, answers, ratings, rejections: named one by one in the summary */

struct exporter {
	struct cmd_ctx *ctx;
	int json;
	const char *tables[EXPORT_TABLES_MAX + 1];	/* NULL-terminated */
	long long rows[EXPORT_TABLES_MAX];
};

/* The settings file's values as a table of key and value, through the same writers as the store's. */
static int settings_rows(const struct config *config, store_export_fn fn, void *data)
{
	static const char *const names[] = { "key", "value" };
	enum store_value_kind kinds[2] = { STORE_VALUE_TEXT, STORE_VALUE_TEXT };
	const char *values[2];
	struct store_export_row row = { 2, (const char **)names, values, kinds, 1, 0 };
	size_t i;
	int rc = fn(data, &row);

	row.header = 0;
	row.first = 1;
	for (i = 0; rc == 0 && config != NULL && i < config_key_count(); i++) {
		values[0] = config_key_at(i)->name;
		if ((values[1] = config_get(config, values[0])) == NULL)
			continue;
		rc = fn(data, &row);
		row.first = 0;
	}
	return rc;
}

/* Writes the chosen tables to out. -1 with *cause. */
static int write_tables(struct exporter *e, FILE *out, size_t first, size_t end, char **cause)
{
	size_t i;
	int rc = 0;

	if (e->json)
		export_json_begin(out);
	for (i = first; i < end && rc == 0; i++) {
		struct export_table table = { out, 0 };
		if (e->json)
			export_json_table_begin(out, e->tables[i]);
		if (strcmp(e->tables[i], EXPORT_SETTINGS) == 0)
			rc = settings_rows(e->ctx->app->config, e->json ? export_json_row : export_csv_row, &table);
		else
			rc = store_export_rows(e->ctx->app->store, e->tables[i], e->json ? export_json_row : export_csv_row,
					       &table, cause);
		if ((rc != 0 && *cause == NULL) || (rc == 0 && ferror(out)))	/* a writer failed */
			rc = util_fail(cause, "cannot write the output: %s", strerror(errno));
		if (e->json)
			export_json_table_end(&table);
		e->rows[i] = table.rows;
	}
	if (rc == 0 && e->json)
		export_json_end(out);
	return rc;
}

/* Writes tables [first, end) into path, whole or not at all (paths_write_atomic). */
static int write_file(struct exporter *e, const char *path, size_t first, size_t end, char **cause)
{
	char *data = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&data, &size);
	int rc;

	if (out == NULL)
		return util_fail(cause, "cannot write '%s': %s", path, strerror(errno));
	rc = write_tables(e, out, first, end, cause);
	if (fclose(out) != 0 && rc == 0)
		rc = util_fail(cause, "cannot write '%s': %s", path, strerror(errno));
	if (rc == 0)
		rc = paths_write_atomic(path, data, size, cause);
	free(data);
	return rc;
}

/* CSV holds one table a file: every table goes into DIR/<table>.csv, each file replaced whole (a failure
 * part way leaves the files before it new and the rest as they were). */
static int write_directory(struct exporter *e, const char *dir, size_t count, char **cause)
{
	size_t i;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return util_fail(cause, "cannot create '%s': %s", dir, strerror(errno));
	for (i = 0; i < count; i++) {
		char *path = xasprintf("%s/%s.csv", dir, e->tables[i]);
		int rc = write_file(e, path, i, i + 1, cause);
		free(path);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* "Exported 3 sessions, 12 answers, 24 ratings and 2 rejections to FILE", and what else it holds. */
static void print_summary(struct exporter *e, size_t count, const char *where)
{
	size_t i, named = 0;
	long long rest = 0;

	for (i = 0; i < count; i++) {
		if (i >= EXPORT_CLASSIC || strcmp(e->tables[i], store_export_tables[i]) != 0) {
			rest += e->rows[i];
			continue;
		}
		named++;
	}
	fputs("Exported ", e->ctx->out);
	for (i = 0; i < named; i++)
		fprintf(e->ctx->out, "%s%lld %.*s", i == 0 ? "" : i + 1 == named && named == count ? " and " : ", ",
			e->rows[i], (int)strlen(e->tables[i]) - (e->rows[i] == 1), e->tables[i]);	/* "1 session" */
	if (named == 0 && count == 1)
		fprintf(e->ctx->out, "%lld rows of %s", rest, e->tables[0]);
	else if (named < count)
		fprintf(e->ctx->out, " and %lld rows of the rest (the plan, reflections, drill schedule, recordings, "
			"transcripts, settings...)", rest);
	fprintf(e->ctx->out, " to %s.\n", where);
}

/* Fills e->tables from --what: the store's tables, then the settings; returns how many, or 0 after an error. */
static size_t choose_tables(struct exporter *e, const char *what)
{
	size_t i, count = 0;

	for (i = 0; store_export_tables[i] != NULL && count < EXPORT_TABLES_MAX - 1; i++)
		if (strcmp(what, "all") == 0 || strcmp(what, store_export_tables[i]) == 0)
			e->tables[count++] = store_export_tables[i];
	if (strcmp(what, "all") == 0 || strcmp(what, EXPORT_SETTINGS) == 0)
		e->tables[count++] = EXPORT_SETTINGS;
	e->tables[count] = NULL;
	if (count == 0)
		cmd_error(e->ctx, CMD_USAGE_ERROR, "export: --what takes a table (sessions, answers, ratings, rejections, "
			  "plan, reflections, reviews... as 'export --help' lists them), settings or all, not '%s'", what);
	return count;
}

static int run_export(struct exporter *e, const char *out, size_t count, char **cause)
{
	int rc;

	if (store_snapshot_begin(e->ctx->app->store, cause) != 0)
		return -1;
	if (out == NULL)
		rc = write_tables(e, e->ctx->out, 0, count, cause);
	else if (!e->json && count > 1)
		rc = write_directory(e, out, count, cause);
	else
		rc = write_file(e, out, 0, count, cause);
	store_snapshot_end(e->ctx->app->store);
	return rc;
}

/* The questions as an Anki deck, written whole into path. */
static int export_deck(struct cmd_ctx *ctx, const struct cmd_args *args, const char *path)
{
	char *deck = NULL, *cause = NULL;
	size_t size = 0;
	FILE *out;
	int rc;

	if (args->values[OPT_FORMAT] || args->values[OPT_WHAT] || args->values[OPT_OUT])
		return cmd_error(ctx, CMD_USAGE_ERROR, "export: --anki FILE takes no other option");
	if ((out = open_memstream(&deck, &size)) == NULL)
		return cmd_error(ctx, CMD_SYSTEM_ERROR, "export: out of memory");
	export_anki(out, ctx->app->catalog);
	fclose(out);
	if ((rc = paths_write_atomic(path, deck, size, &cause)) != 0) {
		cmd_error(ctx, CMD_SYSTEM_ERROR, "export: %s", cause);
		free(cause);
	} else {
		size_t total = bank_question_total(ctx->app->catalog);
		fprintf(ctx->out, "Exported %zu question%s to the Anki deck %s (File > Import in Anki).\n", total,
			total == 1 ? "" : "s", path);
	}
	free(deck);
	return rc == 0 ? CMD_OK : CMD_SYSTEM_ERROR;
}

static int cmd_export_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *format = args->values[OPT_FORMAT] ? args->values[OPT_FORMAT] : "json";
	const char *what = args->values[OPT_WHAT] ? args->values[OPT_WHAT] : "all";
	const char *out = args->values[OPT_OUT];
	struct exporter e = { .ctx = ctx };
	char *cause = NULL;
	size_t count;

	if (args->values[OPT_ANKI] != NULL)
		return export_deck(ctx, args, args->values[OPT_ANKI]);
	if (strcmp(format, "json") != 0 && strcmp(format, "csv") != 0)
		return cmd_error(ctx, CMD_USAGE_ERROR, "export: --format takes csv or json, not '%s'", format);
	e.json = strcmp(format, "json") == 0;
	if ((count = choose_tables(&e, what)) == 0)
		return CMD_USAGE_ERROR;
	if (!e.json && count > 1 && out == NULL)
		return cmd_error(ctx, CMD_USAGE_ERROR, "export: CSV holds one table: give --what TABLE, or --out DIR to "
				 "write one file per table");
	if (run_export(&e, out, count, &cause) != 0) {
		cmd_error(ctx, CMD_SYSTEM_ERROR, "export: %s", cause);
		free(cause);
		return CMD_SYSTEM_ERROR;
	}
	if (out != NULL)
		print_summary(&e, count, out);
	return CMD_OK;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "[--format json|csv] [--what TABLE|settings|all] [--out FILE|DIR] | --anki FILE",
	.help = "write all your data (sessions, answers, rejections, plan, schedule, settings...) as JSON or CSV",
	.description = "JSON (the default) is one object: {\"format\": \"rebound-export\", \"version\": 2,\n"
		       "\"sessions\": [...], "
		       "\"answers\": [...], \"ratings\": [...], \"rejections\": [...], ...}, each row an object\n"
		       "by column; after those four come the rest of the store's tables as stored (session_questions,\n"
		       "recordings, transcripts, transcript_words, spots, evidence, rejection_themes, reflections,\n"
		       "plan, reviews, preps) and settings, and 'import' restores it whole. "
		       "CSV follows RFC 4180 (a header row, quoted fields, CRLF), one table a file: with --what all,\n"
		       "--out names a directory that gets sessions.csv, answers.csv and one file for each table.\n"
		       "A text cell beginning with =, +, -, @, a tab or a CR is written as '=... so that a spreadsheet\n"
		       "shows it instead of running it as a formula.\n"
		       "Without --out the export goes to standard output. The columns are listed in the README;\n"
		       "new ones are only ever added at the end. Files are written whole, mode 0600.\n"
		       "--anki FILE writes every question as a deck Anki imports (File > Import): the question on\n"
		       "the front, its talking points, keywords, tips and follow-ups on the back, tagged by bank,\n"
		       "theme, stage and difficulty; importing it again updates the cards.",
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_FORMAT] = { "format", "F", COMPLETE_NONE, "json (the default) or csv" },
		[OPT_WHAT] = { "what", "TABLE", COMPLETE_NONE,
			       "one table (sessions, answers, ratings, rejections, plan...), settings, or all (the default)" },
		[OPT_OUT] = { "out", "PATH", COMPLETE_FILE,
			      "a file (a directory for CSV of all tables); else standard output" },
		[OPT_ANKI] = { "anki", "FILE", COMPLETE_FILE, "instead, write every question as an Anki deck (CSV)" },
	},
	.exec = cmd_export_exec,
};
