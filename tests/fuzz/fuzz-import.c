/* libFuzzer target: 'import' reading an export. Each input is written to a file and imported into a new,
 * empty store (in /dev/shm: the store syncs what it writes); whatever the input, the import either succeeds or fails with a message, never crashes,
 * leaks or writes outside the transaction: after a failure the store holds no session at all. */
#include "rebound/import.h"
#include "rebound/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int no_settings(void *data, const char *key, const char *value, char **cause)
{
	(void)data;
	(void)cause;
	return key == NULL || value == NULL;	/* the reader never hands over half a setting */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char dir[] = "/dev/shm/fuzz-import-XXXXXX", *input, *db, *cause = NULL;
	static const char *const leftovers[] = { "", "-wal", "-shm", "-journal" };
	size_t i;
	struct store *store;
	FILE *f;
	int version;

	if (mkdtemp(dir) == NULL) {	/* no /dev/shm: /tmp, slower */
		snprintf(dir, sizeof dir, "/tmp/fuzz-import-XXXXXX");
		if (mkdtemp(dir) == NULL)
			return 0;
	}
	input = xasprintf("%s/export.json", dir);
	db = xasprintf("%s/rebound.db", dir);
	if ((f = fopen(input, "wb")) != NULL) {
		fwrite(data, 1, size, f);
		fclose(f);
		if ((store = store_open(db, &cause)) != NULL) {
			if (import_json(input, store, no_settings, NULL, &version, &cause) != 0) {
				if (cause == NULL)
					abort();	/* a failure says why */
				if (store_import_begin(store, NULL) != 0)
					abort();	/* and leaves the store empty: a second import may begin */
				store_import_end(store, 0, NULL);
			}
			store_close(store);
		}
		free(cause);
	}
	for (i = 0; i < sizeof leftovers / sizeof leftovers[0]; i++) {
		char *path = xasprintf("%s%s", db, leftovers[i]);
		unlink(path);
		free(path);
	}
	unlink(input);
	if (rmdir(dir) != 0)
		abort();	/* nothing else may be written there */
	free(input);
	free(db);
	return 0;
}
