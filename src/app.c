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
	free(app->data_dir);
	free(app->bundle_dir);
	memset(app, 0, sizeof *app);
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
	return app->store != NULL ? 0 : -1;
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
