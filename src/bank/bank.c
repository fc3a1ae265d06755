/* bank: the catalog of loaded themes and question banks: files and directories, diagnostics and
 * lookups. Validation of a file's YAML is in bank-schema.c. */
#include "rebound/bank.h"
#include "bank-internal.h"
#include "rebound/util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------------------------------------
 * Catalog and diagnostics
 */

struct bank_catalog *bank_catalog_new(void)
{
	struct bank_catalog *catalog = xcalloc(1, sizeof *catalog);

	arena_init(&catalog->arena);
	map_init(&catalog->theme_index);
	map_init(&catalog->stage_index);
	map_init(&catalog->bank_index);
	map_init(&catalog->question_index);
	return catalog;
}

void bank_catalog_free(struct bank_catalog *catalog)
{
	size_t i;

	if (catalog == NULL)
		return;
	for (i = 0; i < catalog->diag_count; i++) {
		free(catalog->diags[i].file);
		free(catalog->diags[i].message);
	}
	free(catalog->diags);
	free(catalog->files);
	free(catalog->themes);
	free(catalog->stages);
	free(catalog->banks);
	free(catalog->questions);
	map_release(&catalog->theme_index);
	map_release(&catalog->stage_index);
	map_release(&catalog->bank_index);
	map_release(&catalog->question_index);
	arena_release(&catalog->arena);
	free(catalog);
}
void bank_add_diag(struct bank_catalog *catalog, enum bank_severity severity, const char *file, int line,
		   int column, char *message)
{
	struct bank_diag *diag;

	xgrow(&catalog->diags, &catalog->diag_capacity, catalog->diag_count + 1, sizeof *catalog->diags);
	diag = &catalog->diags[catalog->diag_count++];
	diag->severity = severity;
	diag->file = xstrdup(file);
	diag->line = line;
	diag->column = column;
	diag->message = message;
	if (severity == BANK_ERROR)
		catalog->error_count++;
}
size_t bank_diag_count(const struct bank_catalog *catalog)
{
	return catalog->diag_count;
}

const struct bank_diag *bank_diag_get(const struct bank_catalog *catalog, size_t index)
{
	return index < catalog->diag_count ? &catalog->diags[index] : NULL;
}

size_t bank_error_count(const struct bank_catalog *catalog)
{
	return catalog->error_count;
}

char *bank_diag_format(const struct bank_diag *diag)
{
	const char *kind = diag->severity == BANK_ERROR ? "error" : "warning";

	if (diag->line == 0)
		return xasprintf("%s: %s: %s", diag->file, kind, diag->message);
	return xasprintf("%s:%d:%d: %s: %s", diag->file, diag->line, diag->column, kind, diag->message);
}

void bank_diag_print(const struct bank_catalog *catalog, size_t first, FILE *out)
{
	size_t i;

	for (i = first; i < catalog->diag_count; i++) {
		char *line = bank_diag_format(&catalog->diags[i]);
		fprintf(out, "%s\n", line);
		free(line);
	}
}
int bank_load_buffer(struct bank_catalog *catalog, const char *name, const char *data, size_t len)
{
	int is_themes = 0;

	return bank_load_text(catalog, name, data, len, &is_themes);
}

int bank_load_file(struct bank_catalog *catalog, const char *path)
{
	char *cause = NULL, *data;
	struct bank_file *file;
	struct stat st;
	size_t len = 0;
	int is_themes = 0, errors;

	data = util_read_file(path, BANK_MAX_FILE_BYTES, &len, &st, &cause);
	if (data == NULL) {
		bank_add_diag(catalog, BANK_ERROR, path, 0, 0, cause);
		return 1;
	}
	errors = bank_load_text(catalog, path, data, len, &is_themes);
	xgrow(&catalog->files, &catalog->file_capacity, catalog->file_count + 1, sizeof *catalog->files);
	file = &catalog->files[catalog->file_count++];
	file->path = arena_strdup(&catalog->arena, path);
	file->is_themes = is_themes;
	file->size = (long long)st.st_size;
	file->mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
	file->hash = util_hash64(data, len);
	file->error_count = errors;
	free(data);
	return errors;
}

size_t bank_file_count(const struct bank_catalog *catalog)
{
	return catalog->file_count;
}

const struct bank_file *bank_file_at(const struct bank_catalog *catalog, size_t index)
{
	return index < catalog->file_count ? &catalog->files[index] : NULL;
}

static int yaml_name(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.')
		return 0;
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int skipped(const char *path, char *const *skip, int skip_count)
{
	char *real;
	int i, found = 0;

	if (skip_count == 0 || (real = realpath(path, NULL)) == NULL)
		return 0;
	for (i = 0; i < skip_count && !found; i++)
		found = strcmp(real, skip[i]) == 0;
	free(real);
	return found;
}

static int load_dir_entry(struct bank_catalog *catalog, const char *dir, const char *name, char *const *skip,
			  int skip_count)
{
	char *path = xasprintf("%s/%s", dir, name);
	int errors = skipped(path, skip, skip_count) ? 0 : bank_load_file(catalog, path);

	free(path);
	return errors;
}

static int themes_name(const char *name)
{
	return strcmp(name, "themes.yaml") == 0 || strcmp(name, "themes.yml") == 0;
}

int bank_load_dir(struct bank_catalog *catalog, const char *dir, char *const *skip, int skip_count)
{
	char **names = NULL;
	size_t count = 0, capacity = 0, i;
	struct dirent *entry;
	DIR *d;
	int errors = 0;

	d = opendir(dir);
	if (d == NULL) {
		if (errno == ENOENT)
			return 0;
		bank_add_diag(catalog, BANK_ERROR, dir, 0, 0, xasprintf("cannot open directory: %s", strerror(errno)));
		return 1;
	}
	while ((entry = readdir(d)) != NULL) {
		if (!yaml_name(entry->d_name))
			continue;
		xgrow(&names, &capacity, count + 1, sizeof *names);
		names[count++] = xstrdup(entry->d_name);
	}
	closedir(d);
	if (count > 0)	/* an empty folder: names is NULL, which qsort may not take */
		qsort(names, count, sizeof *names, compare_names);
	/* Themes first: banks refer to them. */
	for (i = 0; i < count; i++)
		if (themes_name(names[i]))
			errors += load_dir_entry(catalog, dir, names[i], skip, skip_count);
	for (i = 0; i < count; i++) {
		if (!themes_name(names[i]))
			errors += load_dir_entry(catalog, dir, names[i], skip, skip_count);
		free(names[i]);
	}
	free(names);
	return errors;
}

/* ------------------------------------------------------------------------------------------------
 * Lookups
 */

size_t bank_theme_count(const struct bank_catalog *catalog)
{
	return catalog->theme_count;
}

const struct bank_theme *bank_theme_at(const struct bank_catalog *catalog, size_t index)
{
	return index < catalog->theme_count ? catalog->themes[index] : NULL;
}

const struct bank_theme *bank_theme_find(const struct bank_catalog *catalog, const char *id)
{
	return map_get(&catalog->theme_index, id);
}

size_t bank_stage_count(const struct bank_catalog *catalog)
{
	return catalog->stage_count;
}

const struct bank_stage *bank_stage_at(const struct bank_catalog *catalog, size_t index)
{
	return index < catalog->stage_count ? catalog->stages[index] : NULL;
}

const struct bank_stage *bank_stage_find(const struct bank_catalog *catalog, const char *id)
{
	return map_get(&catalog->stage_index, id);
}

size_t bank_count(const struct bank_catalog *catalog)
{
	return catalog->bank_count;
}

const struct bank *bank_at(const struct bank_catalog *catalog, size_t index)
{
	return index < catalog->bank_count ? catalog->banks[index] : NULL;
}

const struct bank *bank_find(const struct bank_catalog *catalog, const char *name)
{
	return map_get(&catalog->bank_index, name);
}

const struct bank_question *bank_question_find(const struct bank_catalog *catalog, const char *id)
{
	return map_get(&catalog->question_index, id);
}

size_t bank_question_total(const struct bank_catalog *catalog)
{
	return catalog->question_total;
}

const struct bank_question *bank_question_at(const struct bank_catalog *catalog, size_t index)
{
	return index < catalog->question_total ? catalog->questions[index] : NULL;
}

static int strings_contain(const struct bank_strings *strings, const char *s)
{
	size_t i;

	for (i = 0; i < strings->count; i++)
		if (strcmp(strings->items[i], s) == 0)
			return 1;
	return 0;
}

int bank_question_has_theme(const struct bank_question *question, const char *theme_id)
{
	return strings_contain(&question->themes, theme_id);
}

int bank_question_has_stage(const struct bank_question *question, const char *stage_id)
{
	return strings_contain(&question->stages, stage_id);
}

int bank_id_valid(const char *id)
{
	const char *p;
	int previous_dash = 1;

	if (*id == '\0' || strlen(id) > BANK_ID_MAX)
		return 0;
	for (p = id; *p; p++) {
		if (*p == '-') {
			if (previous_dash)
				return 0;
			previous_dash = 1;
		} else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			previous_dash = 0;
		} else {
			return 0;
		}
	}
	return !previous_dash;
}
