/* backup: a consistent copy of the database (store_backup: SQLite's online backup API, safe while other
 * rebound processes write), and with --recordings a folder that holds it and every recording it names. */
#include "rebound/cmd.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OPT_RECORDINGS };

static int failed(struct cmd_ctx *ctx, char *cause)
{
	int status = cmd_error(ctx, CMD_SYSTEM_ERROR, "backup: %s", cause);

	free(cause);
	return status;
}

/* A new folder for a backup with recordings: made here, or one that is there and empty. */
static int make_folder(const char *dir, char **cause)
{
	struct stat st;

	if (mkdir(dir, 0700) == 0)
		return 0;
	if (errno != EEXIST || lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return util_fail(cause, "cannot create the folder '%s': %s", dir, errno == EEXIST ? "a file is there" :
				 strerror(errno));
	if (rmdir(dir) != 0 || mkdir(dir, 0700) != 0)	/* only an empty folder can be removed */
		return util_fail(cause, "'%s' is not empty: back up into a new folder", dir);
	return 0;
}

/* Copies the recordings the backup names into dir/recordings; returns how many were missing. */
static long long copy_recordings(struct cmd_ctx *ctx, const char *dir, const struct store_backup_result *r,
				 long long *bytes, char **cause)
{
	char *folder = xasprintf("%s/recordings", dir);
	long long missing = 0;
	size_t i;

	*bytes = 0;
	if (mkdir(folder, 0700) != 0) {
		util_fail(cause, "cannot create '%s': %s", folder, strerror(errno));
		free(folder);
		return -1;
	}
	for (i = 0; i < r->recording_count; i++) {
		char *from = xasprintf("%s/%s", ctx->app->data_dir, r->recordings[i]);
		char *to = xasprintf("%s/%s", dir, r->recordings[i]), *problem = NULL;
		struct stat st;
		if (access(from, F_OK) != 0) {
			missing++;
		} else if (paths_copy_file(from, to, &problem) != 0) {
			util_fail(cause, "%s", problem);
			free(problem);
			missing = -1;
		} else if (stat(to, &st) == 0) {
			*bytes += st.st_size;
		}
		free(from);
		free(to);
		if (missing < 0)
			break;
	}
	free(folder);
	return missing;
}

static int cmd_backup_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *target = args->argv[0];
	int with_recordings = args->values[OPT_RECORDINGS] != NULL;
	char *db_path = with_recordings ? xasprintf("%s/rebound.db", target) : xstrdup(target), *cause = NULL;
	struct store_backup_result r;
	struct arena arena;
	long long missing = 0, bytes = 0;
	int status = CMD_OK;

	arena_init(&arena);
	if ((with_recordings && make_folder(target, &cause) != 0) ||
	    store_backup(ctx->app->store, db_path, &arena, &r, &cause) != 0 ||
	    (with_recordings && (missing = copy_recordings(ctx, target, &r, &bytes, &cause)) < 0)) {
		status = failed(ctx, cause);
	} else {
		fprintf(ctx->out, "Backed up %lld session%s, %lld answer%s and %lld rejection%s to %s (%.1f MB); its "
			"integrity check says ok.\n", r.sessions, r.sessions == 1 ? "" : "s", r.answers,
			r.answers == 1 ? "" : "s", r.rejections, r.rejections == 1 ? "" : "s", db_path, r.bytes / 1e6);
		if (with_recordings)
			fprintf(ctx->out, "With %lld of its %zu recordings (%.1f MB) in %s/recordings%s.\n",
				(long long)r.recording_count - missing, r.recording_count, bytes / 1e6, target,
				missing ? "; the others were no longer in the data dir" : "");
		else if (r.recording_count > 0)
			fprintf(ctx->out, "It names %zu recording%s, which stay%s in the data dir: 'backup --recordings DIR' "
				"copies them too.\n", r.recording_count, r.recording_count == 1 ? "" : "s",
				r.recording_count == 1 ? "s" : "");
	}
	arena_release(&arena);
	free(db_path);
	return status;
}

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.usage = "[--recordings] PATH",
	.help = "a consistent copy of your database (and recordings), safe while rebound runs",
	.description = "Copies the database with SQLite's online backup API: other rebound processes may go on\n"
		       "writing, and the copy is the database as one moment saw it. The copy is checked\n"
		       "(PRAGMA integrity_check) and synced before it takes the name PATH, mode 0600.\n"
		       "With --recordings, PATH is a new folder: PATH/rebound.db and PATH/recordings/ with every\n"
		       "recording the copy names. To move to a new machine, put that folder's contents in the\n"
		       "new data dir (README: \"Moving to a new machine\").",
	.operands_min = 1,
	.operands_max = 1,
	.complete = COMPLETE_FILE,
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_RECORDINGS] = { "recordings", NULL, COMPLETE_NONE, "PATH is a new folder: the database and the recordings" },
	},
	.exec = cmd_backup_exec,
};
