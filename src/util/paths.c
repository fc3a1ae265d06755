/* paths: where rebound's files live: the data dir (created 0700) and the bundled banks and assets. */
#define _GNU_SOURCE	/* mkostemp */
#include "rebound/paths.h"
#include "rebound/term.h"
#include "rebound/util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef REBOUND_SOURCE_DIR
#define REBOUND_SOURCE_DIR "."
#endif

static const char *nonempty_env(const char *name)
{
	const char *value = getenv(name);
	return value != NULL && *value != '\0' ? value : NULL;
}

char *paths_data_dir(const char *flag, char **cause)
{
	const char *value;

	if (flag != NULL && *flag != '\0')
		return xstrdup(flag);
	if ((value = nonempty_env("REBOUND_HOME")) != NULL)
		return xstrdup(value);
	if ((value = nonempty_env("XDG_DATA_HOME")) != NULL)
		return xasprintf("%s/rebound", value);
	if ((value = nonempty_env("HOME")) != NULL)
		return xasprintf("%s/.local/share/rebound", value);
	util_fail(cause, "cannot find a data dir: set HOME, REBOUND_HOME or use --data-dir");
	return NULL;
}

char *paths_config_file(char **cause)
{
	const char *value;

	if ((value = nonempty_env("REBOUND_CONFIG")) != NULL)
		return xstrdup(value);
	if ((value = nonempty_env("XDG_CONFIG_HOME")) != NULL)
		return xasprintf("%s/rebound/config.yaml", value);
	if ((value = nonempty_env("HOME")) != NULL)
		return xasprintf("%s/.config/rebound/config.yaml", value);
	util_fail(cause, "cannot find the settings file: set HOME, XDG_CONFIG_HOME or REBOUND_CONFIG");
	return NULL;
}

int paths_make_private_dir(const char *dir, char **cause)
{
	char *path = xstrdup(dir), *p;
	struct stat st;
	int rc = 0;

	for (p = path + 1; rc == 0; p++) {
		int last = *p == '\0';
		if (*p != '/' && !last)
			continue;
		*p = '\0';
		if (mkdir(path, 0700) == 0) {
			/* mkdir applies the umask; personal data gets 0700 whatever it is. */
			if (chmod(path, 0700) != 0)
				rc = util_fail(cause, "cannot set permissions of '%s': %s", path, strerror(errno));
		} else if (errno != EEXIST) {
			rc = util_fail(cause, "cannot create '%s': %s", path, strerror(errno));
		} else if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
			rc = util_fail(cause, "cannot use '%s': not a directory", path);
		}
		if (last)
			break;
		*p = '/';
	}
	free(path);
	return rc;
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *paths_bundle_dir(void)
{
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (len > 0) {
		char *slash, *share, *questions;
		exe[len] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			share = xasprintf("%s/../share/rebound", exe);
			questions = xasprintf("%s/questions", share);
			if (is_dir(questions)) {
				free(questions);
				return share;
			}
			free(questions);
			free(share);
		}
	}
	return xstrdup(REBOUND_SOURCE_DIR);
}

/* Writes all of data to fd: 0, or -1 with errno. */
static int write_all(int fd, const char *data, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		if (n < 0 && errno != EINTR)
			return -1;
		if (n > 0)
			done += (size_t)n;
	}
	return 0;
}

/* Writes data to a terminal through the guard's filter (term.h): an export or a bank sent to /dev/tty or
 * to a terminal's /dev/stdout shows its control characters, as everything else rebound prints does. */
static int write_terminal(int fd, const char *data, size_t len)
{
	char *safe = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&safe, &size);
	struct term_filter filter;
	int rc;

	if (out == NULL)
		return -1;
	term_filter_init(&filter, NULL, 0);
	filter.eight_bit = !term_utf8();
	term_filter_write(&filter, data, len, 1, out);
	rc = fclose(out) == 0 ? write_all(fd, safe, size) : -1;
	free(safe);
	return rc;
}

/* A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written as it is, never replaced by a file. */
static int write_special(const char *path, const char *data, size_t len, char **cause)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC), rc;

	if (fd < 0)
		return util_fail(cause, "cannot write '%s': %s", path, strerror(errno));
	rc = isatty(fd) ? write_terminal(fd, data, len) : write_all(fd, data, len);
	if (close(fd) != 0)
		rc = -1;
	return rc == 0 ? 0 : util_fail(cause, "cannot write '%s': %s", path, strerror(errno));
}

/* 1 if writing to path means writing into something that is not a plain file: a device, a pipe, or a
 * link to one or to a descriptor (/dev/stdout is /proc/self/fd/1, which may well be a plain file that the
 * shell opened: replacing it would lose the output). */
static int is_stream(const char *path, const struct stat *link, const char *target)
{
	char first[PATH_MAX];
	ssize_t n;
	struct stat st;

	if (S_ISLNK(link->st_mode) && (n = readlink(path, first, sizeof first - 1)) > 0) {
		first[n] = '\0';
		if (util_starts_with(first, "/proc/") || (target != NULL && util_starts_with(target, "/dev/")))
			return 1;
	}
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/*
 * 1 if the link at path may be followed, by the rule the kernel applies with fs.protected_symlinks: a
 * link in a sticky world-writable folder (/tmp) is followed only when it is ours or the folder's owner's.
 * Without it, a link another user planted in /tmp would make us replace any file we may write.
 */
static int link_trusted(const char *path, const struct stat *link)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	struct stat st;
	int trusted;

	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	trusted = stat(dir, &st) != 0 || (st.st_mode & (S_ISVTX | S_IWOTH)) != (S_ISVTX | S_IWOTH) ||
		  link->st_uid == geteuid() || link->st_uid == st.st_uid;
	free(dir);
	return trusted;
}

int paths_make_temp(const char *path, char **temp)
{
	struct stat st;
	int fd, tries;

	for (tries = 0; tries < 100; tries++) {
		*temp = xasprintf("%s" PATHS_TEMP_TAG "XXXXXX", path);
		if ((fd = mkostemp(*temp, O_CLOEXEC)) < 0)	/* it fills in the X's */
			break;
		fchmod(fd, 0600);
		while (flock(fd, LOCK_EX) != 0 && errno == EINTR)
			;
		/* A clean-up that took it in the moment before our lock has unlinked it: make another. */
		if (fstat(fd, &st) == 0 && st.st_nlink > 0)
			return fd;
		close(fd);
		free(*temp);
		*temp = NULL;
	}
	free(*temp);
	*temp = NULL;
	return -1;
}

/* 1 if name is a temporary file of ours for target (or for anything when target is NULL): "TARGET" PATHS_TEMP_TAG
 * and six characters. */
static int is_temp_name(const char *name, const char *target)
{
	const char *tag = strstr(name, PATHS_TEMP_TAG);

	if (tag == NULL || tag == name || strlen(tag) != strlen(PATHS_TEMP_TAG) + 6)
		return 0;
	return target == NULL || ((size_t)(tag - name) == strlen(target) && strncmp(name, target, strlen(target)) == 0);
}

/* Removes the file at path if no process holds it (its lock is free): its writer is gone. */
int paths_remove_unheld(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), removed = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
		removed = unlink(path) == 0;
	close(fd);	/* drops the lock */
	return removed;
}

static int clean_dir(const char *dir, const char *target)
{
	DIR *d = opendir(dir);
	struct dirent *entry;
	int removed = 0;

	if (d == NULL)
		return 0;
	while ((entry = readdir(d)) != NULL) {
		if (is_temp_name(entry->d_name, target)) {
			char *path = xasprintf("%s/%s", dir, entry->d_name);
			removed += paths_remove_unheld(path);
			free(path);
		}
	}
	closedir(d);
	return removed;
}

int paths_is_temp(const char *name)
{
	return is_temp_name(name, NULL);
}

int paths_clean_temps(const char *dir)
{
	return clean_dir(dir, NULL);
}

/* The temporary files a killed write of path left beside it. */
static void clean_beside(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));

	clean_dir(dir, slash == NULL ? path : slash + 1);
	free(dir);
}

/* The first link, in the chain of links path leads through, that link_trusted refuses (caller frees), or
 * NULL when every one may be followed. Each hop is checked, as the kernel checks each link it follows. */
static char *untrusted_link(const char *path)
{
	char *at = xstrdup(path), next[PATH_MAX];
	struct stat st;
	int hops;

	for (hops = 0; hops < 40 && lstat(at, &st) == 0 && S_ISLNK(st.st_mode); hops++) {
		ssize_t n = readlink(at, next, sizeof next - 1);
		char *slash;
		if (!link_trusted(at, &st))
			return at;
		if (n <= 0)
			break;
		next[n] = '\0';
		slash = strrchr(at, '/');
		if (next[0] != '/' && slash != NULL) {	/* relative to the link's folder */
			char *joined = xasprintf("%.*s/%s", (int)(slash - at), at, next);
			free(at);
			at = joined;
		} else {
			free(at);
			at = xstrdup(next);
		}
	}
	free(at);
	return NULL;
}

int paths_write_atomic(const char *path, const char *data, size_t len, char **cause)
{
	struct stat link;
	char *target = NULL, *temp, *refused;
	int fd, rc = 0;

	if (lstat(path, &link) == 0) {
		if (S_ISLNK(link.st_mode) && (refused = untrusted_link(path)) != NULL) {
			rc = util_fail(cause, "cannot write '%s': it leads through '%s', a link another user made in a "
					      "shared folder; remove it or write elsewhere", path, refused);
			free(refused);
			return rc;
		}
		if (S_ISLNK(link.st_mode))
			target = realpath(path, NULL);	/* a link stays a link: its file is what gets replaced */
		if (is_stream(path, &link, target)) {
			free(target);
			return write_special(path, data, len, cause);
		}
		if (S_ISDIR(link.st_mode)) {
			free(target);
			return util_fail(cause, "cannot write '%s': %s", path, strerror(EISDIR));
		}
	}
	if (target != NULL)
		path = target;
	clean_beside(path);
	if ((fd = paths_make_temp(path, &temp)) < 0) {
		rc = util_fail(cause, "cannot create '%s': %s", path, strerror(errno));
		goto out;
	}
	rc = write_all(fd, data, len);
	if (rc == 0 && fsync(fd) != 0)
		rc = -1;
	if (rc == 0 && rename(temp, path) != 0)	/* still locked: no clean-up can take it meanwhile */
		rc = -1;
	if (rc != 0) {
		util_fail(cause, "cannot write '%s': %s", path, strerror(errno));
		unlink(temp);
	}
	if (close(fd) != 0 && rc == 0)
		rc = util_fail(cause, "cannot write '%s': %s", path, strerror(errno));
out:
	free(temp);
	free(target);
	return rc;
}

int paths_copy_file(const char *from, const char *to, char **cause)
{
	int in = open(from, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), out = -1, rc = 0;
	char buf[64 * 1024], *temp = NULL;
	struct stat st;
	ssize_t n = 0;

	if (in < 0 || fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = util_fail(cause, "cannot read '%s': %s", from, in < 0 ? strerror(errno) : "not a regular file");
		goto out;
	}
	if ((out = paths_make_temp(to, &temp)) < 0) {
		rc = util_fail(cause, "cannot create '%s': %s", to, strerror(errno));
		goto out;
	}
	while (rc == 0 && ((n = read(in, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)))
		if (n > 0 && write_all(out, buf, (size_t)n) != 0)
			rc = util_fail(cause, "cannot write '%s': %s", to, strerror(errno));
	if (rc == 0 && n < 0)
		rc = util_fail(cause, "cannot read '%s': %s", from, strerror(errno));
	if (rc == 0 && (fsync(out) != 0 || rename(temp, to) != 0))
		rc = util_fail(cause, "cannot write '%s': %s", to, strerror(errno));
	if (rc != 0)
		unlink(temp);
out:
	if (out >= 0)
		close(out);
	if (in >= 0)
		close(in);
	free(temp);
	return rc;
}
