/* app: what a running rebound holds: the data dir, the store and the catalog of banks,
 * opened on first need so that commands like 'check' never touch the data dir. */
#include "rebound/app.h"
#include "rebound/paths.h"
#include "rebound/recordings.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void app_init(struct app *app, const char *data_dir_flag)
{
	memset(app, 0, sizeof *app);
	app->data_dir_flag = data_dir_flag;
	app->bundle_dir = paths_bundle_dir();
}

void app_release(struct app *app)
{
	store_close(app->store);
	bank_catalog_free(app->catalog);
	config_free(app->config);
	free(app->config_error);
	free(app->config_file);
	free(app->data_dir);
	free(app->bundle_dir);
	memset(app, 0, sizeof *app);
}

/* What tells a changed file: modification time, size and inode (all 0 when there is none). */
static void file_stamp(const char *path, long long stamp[3])
{
	struct stat st;

	memset(stamp, 0, 3 * sizeof *stamp);
	if (stat(path, &st) != 0)
		return;
	stamp[0] = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
	stamp[1] = (long long)st.st_size;
	stamp[2] = (long long)st.st_ino;
}

/* Hands the store the settings it folds the schedule by (the desired retention). */
static void apply_store_settings(struct app *app)
{
	if (app->store != NULL)
		store_set_retention(app->store, atol(app_setting(app, "drill.retention")) / 100.0);
}

static int load_config(struct app *app);

int app_load_config(struct app *app)
{
	int rc = load_config(app);

	apply_store_settings(app);
	return rc;
}

static int load_config(struct app *app)
{
	char *cause = NULL;

	config_free(app->config);
	app->config = NULL;
	free(app->config_error);
	app->config_error = NULL;
	if (app->config_file == NULL && (app->config_file = paths_config_file(&cause)) == NULL) {
		free(cause);		/* no home at all (a cron job with REBOUND_HOME): the defaults */
		return 0;
	}
	file_stamp(app->config_file, app->config_stamp);
	if (config_load(app->config_file, &app->config, &cause) == 0)
		return 0;
	app->config_error = cause;
	return -1;
}

void app_refresh_config(struct app *app)
{
	long long stamp[3];

	if (app->config_file == NULL)
		return;
	file_stamp(app->config_file, stamp);
	if (memcmp(stamp, app->config_stamp, sizeof stamp) != 0)
		app_load_config(app);
}

const char *app_setting(const struct app *app, const char *name)
{
	const struct config_key *key;

	if (app->config != NULL)
		return config_value(app->config, name);
	key = config_key_find(name);
	return key ? key->default_value : NULL;
}

/* An old setting's value as the settings file spells it ("on" for spoken is "spoken"; "+44100" 44100). */
static const char *new_value(const char *key, const char *value, char buf[32])
{
	char *end;
	long number;

	if (strcmp(key, "interview.spoken") == 0)
		return strcmp(value, "on") == 0 ? "spoken" : "typed";
	if (strcmp(key, "audio.rate") == 0 && (number = strtol(value, &end, 10)) > 0 && *end == '\0') {
		snprintf(buf, 32, "%ld", number);
		return buf;
	}
	return value;
}

/* Settings older versions kept in the database ('audio set'), moved into the settings file once; a value
 * the file already has wins. One that cannot be moved stays in the database, and err says why. */
static void move_old_settings(struct app *app, FILE *err)
{
	static const char *const old[][2] = { { "audio.input", "audio.input" }, { "audio.output", "audio.output" },
					      { "audio.rate", "audio.rate" }, { "interview.spoken", "interview.mode" },
					      { "speech.transcripts", "speech.transcripts" } };
	struct arena arena;
	const char *value;
	char *cause = NULL, buf[32];
	size_t i;
	int moved = 0;

	if (app->config == NULL || !store_setting_any(app->store))
		return;		/* the usual case, at the cost of one query */
	arena_init(&arena);
	for (i = 0; i < sizeof old / sizeof old[0]; i++) {
		if (store_setting_get(app->store, old[i][0], &arena, &value, NULL) != 1)
			continue;
		value = new_value(old[i][0], value, buf);
		if (config_get(app->config, old[i][1]) == NULL &&
		    config_set(config_path(app->config), old[i][1], value, &cause) != 0) {
			fprintf(err, "rebound: could not move the setting %s = %s into the settings file: %s\n",
				old[i][1], value, cause);
			free(cause);
			cause = NULL;
			continue;
		}
		store_setting_set(app->store, old[i][0], NULL, NULL);
		moved = 1;
	}
	arena_release(&arena);
	if (moved)
		app_load_config(app);
}

/* Removes the temporary files that writers killed with -9 left in the folders rebound writes (those a
 * live process holds are kept: see paths_clean_temps). recordings/ is recordings_tidy's, in one pass. */
static void clean_temps(const struct app *app)
{
	static const char *const folders[] = { "", "/questions", "/templates", "/drafts" };
	const char *slash = app->config_file != NULL ? strrchr(app->config_file, '/') : NULL;
	size_t i;

	for (i = 0; i < sizeof folders / sizeof *folders; i++) {
		char *dir = xasprintf("%s%s", app->data_dir, folders[i]);
		paths_clean_temps(dir);
		free(dir);
	}
	if (slash != NULL && slash > app->config_file) {
		char *dir = xstrndup(app->config_file, (size_t)(slash - app->config_file));
		paths_clean_temps(dir);
		free(dir);
	}
}

int app_open_data(struct app *app, char **cause)
{
	char *db_path;

	if (app->store != NULL)
		return 0;
	if (app->data_dir == NULL && (app->data_dir = paths_data_dir(app->data_dir_flag, cause)) == NULL)
		return -1;
	if (paths_make_private_dir(app->data_dir, cause) != 0)
		return -1;
	db_path = xasprintf("%s/%s", app->data_dir, STORE_FILE_NAME);
	app->store = store_open(db_path, cause);
	free(db_path);
	if (app->store == NULL)
		return -1;
	if (!store_readonly(app->store)) {
		clean_temps(app);
		recordings_tidy(app);
	}
	move_old_settings(app, stderr);
	apply_store_settings(app);
	return 0;
}

void app_load_bundled(const struct app *app, struct bank_catalog *catalog, char *const *skip, int skip_count)
{
	char *dir = xasprintf("%s/questions", app->bundle_dir);

	bank_load_dir(catalog, dir, skip, skip_count);
	free(dir);
}

int app_load_catalog(struct app *app, FILE *err, char **cause)
{
	char *user_dir;

	if (app->catalog != NULL)
		return 0;
	if (app_open_data(app, cause) != 0)
		return -1;
	app->catalog = bank_catalog_new();
	app_load_bundled(app, app->catalog, NULL, 0);
	user_dir = xasprintf("%s/questions", app->data_dir);
	bank_load_dir(app->catalog, user_dir, NULL, 0);
	free(user_dir);
	bank_diag_print(app->catalog, 0, err);
	if (store_readonly(app->store))
		return 0;	/* the banks are read; the store's copy of them waits for a writable data dir */
	return store_sync_catalog(app->store, app->catalog, NULL, cause);
}
