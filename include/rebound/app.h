/* app: what a running rebound holds: the data dir, the store and the catalog of banks,
 * opened on first need so that commands like 'check' never touch the data dir. */
#ifndef REBOUND_APP_H
#define REBOUND_APP_H

#include <stdio.h>

#include "rebound/bank.h"
#include "rebound/config.h"
#include "rebound/store.h"

struct app {
	const char *data_dir_flag;	/* --data-dir, borrowed; NULL if not given */
	char *data_dir;			/* resolved and created on first need */
	char *bundle_dir;		/* bundled questions/ and assets/ */
	struct store *store;
	struct bank_catalog *catalog;	/* bundled banks, then the user's */
	struct config *config;		/* the settings file; NULL when it is broken (defaults apply) */
	char *config_error;		/* why the settings file could not be read, or NULL */
	char *config_file;		/* its path, or NULL when there is no home to find it in */
	long long config_stamp[3];	/* its modification time (ns), size and inode when read; all 0: none */
};

void app_init(struct app *app, const char *data_dir_flag);
void app_release(struct app *app);

/* Reads the settings file. When it is broken, app->config is empty, app->config_error says why and
 * this returns -1; commands other than 'config' and 'help' then refuse to run. */
int app_load_config(struct app *app);
/* Reads the settings file again if it changed since it was read (an edit while the shell runs). */
void app_refresh_config(struct app *app);
/* The value of a setting (config.h's names): the file's, else the key's default, else NULL. */
const char *app_setting(const struct app *app, const char *name);

/* Creates the data dir and opens the store. Returns 0 or -1 with *cause. */
int app_open_data(struct app *app, char **cause);
/*
 * Loads the bundled and the user's banks (opening the data dir), prints their problems to err,
 * and syncs changed files into the store. Returns 0 or -1 with *cause.
 */
int app_load_catalog(struct app *app, FILE *err, char **cause);

/* Loads the bundled themes file and banks into catalog, leaving out files whose real path is in skip. */
void app_load_bundled(const struct app *app, struct bank_catalog *catalog, char *const *skip, int skip_count);

#endif
