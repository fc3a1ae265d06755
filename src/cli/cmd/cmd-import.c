/* import: restores an export (JSON, 'export --out FILE') into a data dir that holds no practice yet, in one
 * transaction (import.h); its settings go into the settings file where that file does not set the key
 * already. Exporting again gives the same file. */
#include "rebound/cmd.h"
#include "rebound/config.h"
#include "rebound/import.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

struct settings_seen {
	struct cmd_ctx *ctx;
	int applied, kept;
};

/* One exported setting: taken when the settings file does not set the key, else the file's value kept. */
static int take_setting(void *data, const char *key, const char *value, char **cause)
{
	struct settings_seen *seen = data;
	const struct app *app = seen->ctx->app;
	const char *mine = app->config != NULL ? config_get(app->config, key) : NULL;
	char *problem = NULL;

	if (config_key_find(key) == NULL || config_check(key, value, &problem) != 0) {
		fprintf(seen->ctx->out, "Passed over the setting %s: %s.\n", key, problem ? problem : "not one this rebound knows");
		free(problem);
		return 0;
	}
	if (mine != NULL) {
		if (strcmp(mine, value) != 0) {
			fprintf(seen->ctx->out, "Kept your %s: %s (the export has %s).\n", key, mine, value);
			seen->kept++;
		}
		return 0;
	}
	if (app->config_file == NULL)
		return util_fail(cause, "no settings file to write %s to (no home directory)", key);
	if (config_set(app->config_file, key, value, cause) != 0)
		return -1;
	seen->applied++;
	return 0;
}

/* "3 sessions", "1 answer": how many rows of table the import put back. */
static const char *count(const struct store *store, const char *table, const char *noun)
{
	static char buf[8][64];
	static int next;
	long long n = store_import_count(store, table);
	char *out = buf[next++ % 8];

	snprintf(out, sizeof buf[0], "%lld %s%s", n, noun, n == 1 ? "" : "s");
	return out;
}

static int cmd_import_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct store *store = ctx->app->store;
	struct settings_seen seen = { ctx, 0, 0 };
	char *cause = NULL;
	long long recordings;
	int version = 0, status;

	if (import_json(args->argv[0], store, take_setting, &seen, &version, &cause) != 0) {
		status = cmd_error(ctx, CMD_USER_ERROR, "import: %s; nothing was imported", cause);
		free(cause);
		return status;
	}
	fprintf(ctx->out, "Restored %s, %s, %s and %s from %s", count(store, "sessions", "session"),
		count(store, "answers", "answer"), count(store, "ratings", "rating"),
		count(store, "rejections", "rejection"), args->argv[0]);
	fprintf(ctx->out, ", with %s, %s, %s in the drill schedule and %s; %d setting%s taken.\n",
		count(store, "plan", "plan action"), count(store, "reflections", "reflection"),
		count(store, "reviews", "question"), count(store, "transcripts", "transcript"), seen.applied,
		seen.applied == 1 ? "" : "s");
	if (version < 2)
		fprintf(ctx->out, "The export is of version %d: it holds no plan, reflections, drill schedule, "
			"transcripts or settings.\n", version);
	if ((recordings = store_import_count(store, "recordings")) > 0)
		fprintf(ctx->out, "%lld recording%s named: an export holds no sound, so copy the old data dir's "
			"recordings folder here (or use 'backup --recordings').\n", recordings,
			recordings == 1 ? " is" : "s are");
	return CMD_OK;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "FILE",
	.help = "restore a JSON export into an empty data dir",
	.description = "Reads what 'export --out FILE' wrote (JSON, version 1 or 2) into a data dir that holds no\n"
		       "practice yet, all of it or nothing: sessions and answers with their ids, ratings, recordings'\n"
		       "details, transcripts, evidence, rejections with their themes and reflections, the plan, the\n"
		       "drill schedule and interviews to prepare. Its settings are taken where your settings file\n"
		       "does not set the key. A bad file is named with its line and column. Exporting again gives\n"
		       "the same file. The recordings themselves are not in an export: copy the recordings folder.",
	.operands_min = 1,
	.operands_max = 1,
	.complete = COMPLETE_FILE,
	.flags = CMD_NEEDS_CATALOG,
	.exec = cmd_import_exec,
};
