/* store-backup: a consistent copy of the database with SQLite's online backup API (store.h,
 * store_backup). The copy is made in one step, so it is the database as one read transaction saw it
 * while other rebound processes go on writing (WAL lets them); it is written under a temporary name
 * beside the target, turned into a single self-contained file (no -wal beside it), checked with
 * PRAGMA integrity_check, synced and only then renamed into place. */
#include "store-internal.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BACKUP_BUSY_MS 10000	/* how long to wait for a writer that holds the database locked */

/* Whether path is the store's own database (or would replace it). */
static int is_own_file(const struct store *store, const char *path)
{
	struct stat a, b;

	return stat(path, &a) == 0 && stat(store->path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Copies every page in one step, waiting out a writer's lock. */
static int copy_pages(struct store *store, sqlite3 *copy, char **cause)
{
	sqlite3_backup *backup = sqlite3_backup_init(copy, "main", store->db, "main");
	struct timespec nap = { 0, 50 * 1000 * 1000 };
	int rc, waited = 0;

	if (backup == NULL)
		return util_fail(cause, "cannot start the backup: %s", sqlite3_errmsg(copy));
	while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if ((waited += 50) > BACKUP_BUSY_MS)
			break;
		nanosleep(&nap, NULL);
	}
	sqlite3_backup_finish(backup);
	if (rc != SQLITE_DONE)
		return util_fail(cause, "cannot copy '%s': %s", store->path,
				 rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? "another program kept it locked" : sqlite3_errstr(rc));
	return 0;
}

/* One row's text from SQL on the copy, into buf. */
static int ask_copy(sqlite3 *copy, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *stmt;
	int rc = -1;

	*buf = '\0';
	if (sqlite3_prepare_v2(copy, sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != NULL) {
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* What the copy holds: its counts, and the recordings it names (in arena). */
static int describe_copy(sqlite3 *copy, struct arena *arena, struct store_backup_result *out, char **cause)
{
	sqlite3_stmt *stmt;
	char number[32];
	size_t room = 0;

	ask_copy(copy, "SELECT COUNT(*) FROM session", number, sizeof number);
	out->sessions = atoll(number);
	ask_copy(copy, "SELECT COUNT(*) FROM answer", number, sizeof number);
	out->answers = atoll(number);
	ask_copy(copy, "SELECT COUNT(*) FROM rejection", number, sizeof number);
	out->rejections = atoll(number);
	if (sqlite3_prepare_v2(copy, "SELECT path FROM recording ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
		return util_fail(cause, "cannot read the copy: %s", sqlite3_errmsg(copy));
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char **more;
		if (out->recording_count == room) {
			room = room ? room * 2 : 64;
			more = arena_alloc(arena, room * sizeof *more);
			if (out->recording_count > 0)
				memcpy(more, out->recordings, out->recording_count * sizeof *more);
			out->recordings = more;
		}
		out->recordings[out->recording_count++] = arena_strdup(arena, (const char *)sqlite3_column_text(stmt, 0));
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* The copy as one file, whole and sound. */
static int settle_copy(sqlite3 *copy, const char *temp, char **cause)
{
	char answer[64];

	if (sqlite3_exec(copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		return util_fail(cause, "cannot write '%s': %s", temp, sqlite3_errmsg(copy));
	if (ask_copy(copy, "PRAGMA integrity_check", answer, sizeof answer) != 0 || strcmp(answer, "ok") != 0)
		return util_fail(cause, "the copy in '%s' failed its integrity check (%s); nothing was kept", temp,
				 *answer ? answer : sqlite3_errmsg(copy));
	return 0;
}

int store_backup(struct store *store, const char *path, struct arena *arena, struct store_backup_result *out,
		 char **cause)
{
	sqlite3 *copy = NULL;
	char *temp = NULL, *journal;
	struct stat st;
	int fd, rc;

	memset(out, 0, sizeof *out);
	if (is_own_file(store, path))
		return util_fail(cause, "'%s' is the database itself: back it up to another file", path);
	if ((fd = paths_make_temp(path, &temp)) < 0)
		return util_fail(cause, "cannot create '%s': %s", path, strerror(errno));
	rc = sqlite3_open_v2(temp, &copy, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK ? 0
	     : util_fail(cause, "cannot write '%s': %s", temp, copy ? sqlite3_errmsg(copy) : "out of memory");
	if (rc == 0)
		rc = copy_pages(store, copy, cause);
	if (rc == 0)
		rc = settle_copy(copy, temp, cause);
	if (rc == 0)
		rc = describe_copy(copy, arena, out, cause);
	if (sqlite3_close(copy) != SQLITE_OK && rc == 0)
		rc = util_fail(cause, "cannot write '%s'", temp);
	if (rc == 0 && (fsync(fd) != 0 || rename(temp, path) != 0))
		rc = util_fail(cause, "cannot write '%s': %s", path, strerror(errno));
	if (rc == 0 && stat(path, &st) == 0)
		out->bytes = st.st_size;
	if (rc != 0) {
		journal = xasprintf("%s-journal", temp);
		unlink(temp);
		unlink(journal);
		free(journal);
	}
	close(fd);	/* last: it holds the temporary file's lock against clean-ups */
	free(temp);
	return rc;
}
