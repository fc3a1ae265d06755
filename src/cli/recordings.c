/* recordings: compaction of a saved answer's WAV into FLAC, in the order that keeps the answer's row on
 * a whole file at every step (write and check the FLAC, move the row, remove the WAV), and the tidying
 * of what a kill between two steps left (see recordings.h). */
#include "rebound/audio.h"
#include "rebound/paths.h"
#include "rebound/recordings.h"
#include "rebound/store.h"
#include "rebound/util.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const extensions[] = { ".wav", ".flac" };

/* "recordings/s1-q1.flac" for "recordings/s1-q1.wav": the name with the other extension, or NULL. */
static char *twin(const char *relative)
{
	size_t length = strlen(relative), i;

	for (i = 0; i < 2; i++) {
		size_t n = strlen(extensions[i]);
		if (length > n && strcmp(relative + length - n, extensions[i]) == 0)
			return xasprintf("%.*s%s", (int)(length - n), relative, extensions[1 - i]);
	}
	return NULL;
}

char *recordings_compact(struct app *app, long long answer_id, const char *relative, char **cause)
{
	const char *format = app_setting(app, "audio.format");
	char *target = twin(relative), *wav = NULL, *flac = NULL, *result = NULL;
	int moved, held;

	if (format == NULL || strcmp(format, "flac") != 0 || target == NULL ||
	    strcmp(relative + strlen(relative) - 4, ".wav") != 0)
		goto out;	/* kept as recorded, as asked */
	wav = xasprintf("%s/%s", app->data_dir, relative);
	flac = xasprintf("%s/%s", app->data_dir, target);
	/* A FLAC of this name that no answer names is an earlier, interrupted try: it gives way. */
	if (access(flac, F_OK) == 0 && store_recording_path_used(app->store, target, NULL) == 0)
		paths_remove_unheld(flac);
	if (audio_compact(wav, flac, &held, cause) != 0)
		goto out;
	moved = store_recording_move(app->store, answer_id, relative, target, cause);
	if (moved != 1) {
		if (moved == 0)
			util_fail(cause, "answer %lld's recording is no longer '%s'", answer_id, relative);
		unlink(flac);
	}
	close(held);
	if (moved != 1)
		goto out;
	unlink(wav);	/* a kill before this leaves the WAV to recordings_tidy */
	result = target;
	target = NULL;
out:
	free(target);
	free(wav);
	free(flac);
	return result;
}

/* 1 if the file named (relative) is the spare copy of a compaction: no answer names it, its twin is named. */
static int is_spare(struct store *store, const char *relative)
{
	char *other = twin(relative);
	int spare = other != NULL && store_recording_path_used(store, relative, NULL) == 0 &&
		    store_recording_path_used(store, other, NULL) == 1;

	free(other);
	return spare;
}

static int exists(const struct app *app, const char *relative)
{
	char *path = xasprintf("%s/%s", app->data_dir, relative);
	int found = access(path, F_OK) == 0;

	free(path);
	return found;
}

static int remove_spare(struct app *app, const char *relative)
{
	char *path = xasprintf("%s/%s", app->data_dir, relative);
	int removed = access(path, F_OK) == 0 && is_spare(app->store, relative) && paths_remove_unheld(path);

	free(path);
	return removed;
}

int recordings_tidy(struct app *app)
{
	char *dir = xasprintf("%s/recordings", app->data_dir);
	DIR *d = app->store != NULL ? opendir(dir) : NULL;
	struct dirent *entry;
	int removed = 0;

	/* A spare always has its twin beside it: only the FLACs with a WAV of the same name are looked up,
	 * so that tidying costs a stat per recording at start-up, not a query. */
	while (d != NULL && (entry = readdir(d)) != NULL) {
		size_t length = strlen(entry->d_name);
		char *flac, *wav;
		if (paths_is_temp(entry->d_name)) {	/* a recording or a compaction killed with -9 */
			char *path = xasprintf("%s/%s", dir, entry->d_name);
			removed += paths_remove_unheld(path);
			free(path);
			continue;
		}
		if (entry->d_name[0] == '.' || length <= 5 || strcmp(entry->d_name + length - 5, ".flac") != 0)
			continue;
		flac = xasprintf("recordings/%s", entry->d_name);
		wav = twin(flac);
		if (exists(app, wav))
			removed += remove_spare(app, flac) + remove_spare(app, wav);
		free(flac);
		free(wav);
	}
	if (d != NULL)
		closedir(d);
	free(dir);
	return removed;
}
