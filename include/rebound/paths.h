/* paths: where rebound's files live: the data dir (created 0700) and the bundled banks and assets. */
#ifndef REBOUND_PATHS_H
#define REBOUND_PATHS_H

#include <stddef.h>

/*
 * The data dir: flag (from --data-dir) if not NULL, else $REBOUND_HOME, else $XDG_DATA_HOME/rebound,
 * else ~/.local/share/rebound. Caller frees. NULL with *cause when no home can be found.
 */
char *paths_data_dir(const char *flag, char **cause);

/*
 * The settings file: $REBOUND_CONFIG, else $XDG_CONFIG_HOME/rebound/config.yaml, else
 * ~/.config/rebound/config.yaml. Caller frees. NULL with *cause when no home can be found.
 */
char *paths_config_file(char **cause);

/* Creates dir and missing parents, mode 0700 (whatever the umask). Returns 0 or -1 with *cause. */
int paths_make_private_dir(const char *dir, char **cause);

/*
 * The folder that holds the bundled questions/ and assets/: <prefix>/share/rebound next to an installed
 * binary, else the source tree the binary was built from. Caller frees.
 */
char *paths_bundle_dir(void);

/*
 * Temporary files: "PATH.rebound-tmp-XXXXXX" beside the file they will become, mode 0600, held under
 * an exclusive flock by their writer for as long as it has them open. paths_make_temp creates one for
 * path: its descriptor, the name in *temp (caller frees), or -1 with errno. paths_clean_temps removes
 * from dir those no live process holds (a writer killed with -9 left them) and returns how many; nothing
 * else is touched, whatever its name or age.
 */
#define PATHS_TEMP_TAG ".rebound-tmp-"
int paths_make_temp(const char *path, char **temp);
int paths_clean_temps(const char *dir);
/* 1 if a file of this name (no folder) is one of those temporary files. */
int paths_is_temp(const char *name);
/* Removes the regular file at path unless a process holds its flock (a writer still at work): 1 if removed. */
int paths_remove_unheld(const char *path);

/*
 * Writes len bytes to path whole or not at all: a temporary file beside it (mode 0600), synced, then
 * renamed over it (stale temporary files of path's from a killed write are removed first); through a
 * symbolic link, the file it names is replaced and the link kept, except that
 * a link in a sticky world-writable folder (/tmp) is refused unless it belongs to us or to the folder's
 * owner, as the kernel's fs.protected_symlinks rule has it. A device, a
 * pipe or a descriptor (/dev/null, a FIFO, /dev/stdout) is written into as it is, never replaced.
 * 0, or -1 with *cause ("cannot create 'PATH': ..." when the temporary file cannot be made, else
 * "cannot write 'PATH': ..."), leaving path as it was.
 */
int paths_write_atomic(const char *path, const char *data, size_t len, char **cause);

/* Copies the regular file at from (never through a link, a FIFO or a device) to to, as paths_write_atomic
 * writes: a temporary file beside it, synced, then renamed over it; streamed, so a long recording never sits
 * in memory. 0, or -1 with *cause naming the file, leaving to as it was. */
int paths_copy_file(const char *from, const char *to, char **cause);

#endif
