/* import: an export (export.h's JSON document, version 1 or 2) read back into a store that holds no practice
 * yet. The file is read as a stream of libyaml events (JSON is YAML's flow style), a row at a time, so a
 * large export never sits in memory whole; only the document export writes is accepted: one object with
 * "format" and "version" first, then tables as arrays of flat objects whose values are strings, numbers or
 * null. The rows go through store.h's import in one transaction: any error leaves the store as it was. */
#ifndef REBOUND_IMPORT_H
#define REBOUND_IMPORT_H

#include "rebound/store.h"

#define IMPORT_MAX_COLUMNS 64	/* a row with more is not one export wrote */

/* Called for each row of the "settings" table (a settings file's key and value); non-zero stops the import
 * (the callback has said why in *cause). */
typedef int (*import_setting_fn)(void *data, const char *key, const char *value, char **cause);

/* Reads the export at path into store. 0 with *version the export's version, or -1 with *cause naming the
 * file, and the line and column where it went wrong ("FILE:LINE:COLUMN: ..."). */
int import_json(const char *path, struct store *store, import_setting_fn setting, void *data, int *version,
		char **cause);

#endif
