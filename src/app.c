/* app: what a running rebound holds: the data dir, the store and the catalog of banks,
 * opened on first need so that commands like 'check' never touch the data dir. */
#include "rebound/app.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

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
	free(app->data_dir);
	free(app->bundle_dir);
	memset(app, 0, sizeof *app);
}

int app_load_config(struct app *app)
{
	char *path, *cause = NULL;

	config_free(app->config);
	app->config = NULL;
	free(app->config_error);
	app->config_error = NULL;
	if ((path = paths_config_file(&cause)) != NULL && config_load(path, &app->config, &cause) == 0) {
		free(path);
		return 0;
	}
	app->config_error = cause;
	free(path);
	return -1;
}

const char *app_setting(const struct app *app, const char *name)
{
	const struct config_key *key;

	if (app->config != NULL)
		return config_value(app->config, name);
	key = config_key_find(name);
	return key ? key->default_value : NULL;
}

/* Settings rebound 0.x kept in the database ('audio set'), moved into the settings file once; a value
 * the file already has wins. Best effort: whatever cannot be moved stays where it was. */
static void move_old_settings(struct app *app)
{
	static const char *const old[][2] = { { "audio.input", "audio.input" }, { "audio.output", "audio.output" },
					      { "audio.rate", "audio.rate" }, { "interview.spoken", "interview.mode" },
					      { "speech.transcripts", "speech.transcripts" } };
	struct arena arena;
	const char *value;
	size_t i;
	int moved = 0;

	if (app->config == NULL)
		return;
	arena_init(&arena);
	for (i = 0; i < sizeof old / sizeof old[0]; i++) {
		if (store_setting_get(app->store, old[i][0], &arena, &value, NULL) != 1)
			continue;
		if (strcmp(old[i][0], "interview.spoken") == 0)
			value = strcmp(value, "on") == 0 ? "spoken" : "typed";
		if (config_get(app->config, old[i][1]) == NULL &&
		    config_set(config_path(app->config), old[i][1], value, NULL) != 0)
			continue;
		store_setting_set(app->store, old[i][0], NULL, NULL);
		moved = 1;
	}
	arena_release(&arena);
	if (moved)
		app_load_config(app);
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
	move_old_settings(app);
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
	return store_sync_catalog(app->store, app->catalog, NULL, cause);
}
