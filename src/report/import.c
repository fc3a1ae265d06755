/* import: an export read back into a store (import.h). A small state machine over libyaml's events: the
 * top object, its "format" and "version", each table's array and each row's flat object; a row is put into
 * the store as soon as it is whole. The "settings" rows are kept aside and handed to the caller only once
 * the store has committed, so a failed import changes nothing at all. */
#include "rebound/import.h"
#include "rebound/export.h"
#include "rebound/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

struct setting {
	char *key, *value;
};

struct reader {
	const char *path;
	yaml_parser_t parser;
	yaml_event_t event;
	int have_event;
	struct store *store;
	int version;
	struct setting *settings;
	size_t setting_count, setting_room;
	char **cause;
};

/* Fails with "PATH:LINE:COLUMN: error: MESSAGE" at the current event (or the parser's own error). */
static int fail_at(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail_at(struct reader *r, const char *fmt, ...)
{
	va_list ap;
	char *message;

	va_start(ap, fmt);
	message = xvasprintf(fmt, ap);
	va_end(ap);
	util_fail(r->cause, "%s:%zu:%zu: error: %s", r->path, r->event.start_mark.line + 1,
		  r->event.start_mark.column + 1, message);
	free(message);
	return -1;
}

/* The next event into r->event. */
static int next(struct reader *r)
{
	if (r->have_event)
		yaml_event_delete(&r->event);
	r->have_event = 0;
	if (!yaml_parser_parse(&r->parser, &r->event)) {
		return util_fail(r->cause, "%s:%zu:%zu: error: %s", r->path, r->parser.problem_mark.line + 1,
				 r->parser.problem_mark.column + 1, r->parser.problem ? r->parser.problem : "not JSON");
	}
	r->have_event = 1;
	if (r->event.type == YAML_ALIAS_EVENT)
		return fail_at(r, "an alias: not a file that export wrote");
	return 0;
}

static int expect(struct reader *r, yaml_event_type_t type, const char *what)
{
	if (next(r) != 0)
		return -1;
	return r->event.type == type ? 0 : fail_at(r, "expected %s", what);
}

static const char *scalar(const struct reader *r)
{
	return (const char *)r->event.data.scalar.value;
}

/* A scalar's value and kind: quoted is text; plain null is NULL, true and false are 1 and 0, the rest a
 * number (the store's types and constraints say whether it fits). */
static char *value_of(const struct reader *r, enum store_value_kind *kind)
{
	const char *v = scalar(r);

	if (r->event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
		*kind = STORE_VALUE_TEXT;
		return xstrndup(v, r->event.data.scalar.length);
	}
	if (strcmp(v, "null") == 0) {
		*kind = STORE_VALUE_NULL;
		return NULL;
	}
	*kind = STORE_VALUE_NUMBER;
	return xstrdup(strcmp(v, "true") == 0 ? "1" : strcmp(v, "false") == 0 ? "0" : v);
}

static void free_row(struct store_export_row *row)
{
	size_t i;

	for (i = 0; i < row->count; i++) {
		free((char *)row->names[i]);
		free((char *)row->values[i]);
	}
	row->count = 0;
}

/* One row's object, its MAPPING_START already read, into row (names and values owned). */
static int read_row(struct reader *r, const char *table, struct store_export_row *row)
{
	while (next(r) == 0) {
		if (r->event.type == YAML_MAPPING_END_EVENT)
			return 0;
		if (r->event.type != YAML_SCALAR_EVENT)
			return fail_at(r, "expected a column's name in a row of %s", table);
		if (row->count == IMPORT_MAX_COLUMNS)
			return fail_at(r, "a row of %s with more than %d columns", table, IMPORT_MAX_COLUMNS);
		row->names[row->count] = xstrdup(scalar(r));
		row->values[row->count] = NULL;
		row->count++;	/* from here free_row frees the name, whatever comes next */
		if (next(r) != 0)
			return -1;
		if (r->event.type != YAML_SCALAR_EVENT)
			return fail_at(r, "expected a value for %s's column '%s' (a string, a number or null)", table,
				       row->names[row->count - 1]);
		row->values[row->count - 1] = value_of(r, &row->kinds[row->count - 1]);
	}
	return -1;
}

/* The value of a settings row's column, or NULL. */
static const char *column(const struct store_export_row *row, const char *name)
{
	size_t i;

	for (i = 0; i < row->count; i++)
		if (strcmp(row->names[i], name) == 0)
			return row->values[i];
	return NULL;
}

static int keep_setting(struct reader *r, const struct store_export_row *row)
{
	const char *key = column(row, "key"), *value = column(row, "value");

	if (key == NULL || value == NULL)
		return fail_at(r, "a row of settings needs a key and a value");
	xgrow(&r->settings, &r->setting_room, r->setting_count + 1, sizeof *r->settings);
	r->settings[r->setting_count].key = xstrdup(key);
	r->settings[r->setting_count++].value = xstrdup(value);
	return 0;
}

/* One table's array of rows, its name just read. */
static int read_table(struct reader *r, const char *table)
{
	const char *names[IMPORT_MAX_COLUMNS], *values[IMPORT_MAX_COLUMNS];
	enum store_value_kind kinds[IMPORT_MAX_COLUMNS];
	struct store_export_row row = { 0, names, values, kinds, 0, 0 };
	long long number = 0;
	char *cause = NULL;
	int rc = 0;

	if (expect(r, YAML_SEQUENCE_START_EVENT, "an array of rows") != 0)
		return -1;
	while (rc == 0 && next(r) == 0 && r->event.type != YAML_SEQUENCE_END_EVENT) {
		yaml_mark_t at = r->event.start_mark;
		number++;
		if (r->event.type != YAML_MAPPING_START_EVENT)
			return fail_at(r, "expected a row of %s (an object)", table);
		if ((rc = read_row(r, table, &row)) == 0) {
			if (strcmp(table, "settings") == 0) {
				rc = keep_setting(r, &row);
			} else if (store_import_row(r->store, table, &row, &cause) != 0) {
				rc = util_fail(r->cause, "%s:%zu:%zu: error: %s row %lld: %s", r->path, at.line + 1,
					       at.column + 1, table, number, cause);
				free(cause);
			}
		}
		free_row(&row);
	}
	return rc == 0 && r->have_event && r->event.type == YAML_SEQUENCE_END_EVENT ? 0 : -1;
}

/* "format" then "version", as export writes them first. */
static int read_header(struct reader *r)
{
	char *end;
	long version;

	if (expect(r, YAML_SCALAR_EVENT, "\"format\"") != 0)
		return -1;
	if (strcmp(scalar(r), "format") != 0)
		return fail_at(r, "expected \"format\": \"%s\" first: not a file that export wrote", EXPORT_FORMAT_NAME);
	if (expect(r, YAML_SCALAR_EVENT, "the format's name") != 0)
		return -1;
	if (strcmp(scalar(r), EXPORT_FORMAT_NAME) != 0)
		return fail_at(r, "the format is '%s', not '%s'", scalar(r), EXPORT_FORMAT_NAME);
	if (expect(r, YAML_SCALAR_EVENT, "\"version\"") != 0 || strcmp(scalar(r), "version") != 0)
		return r->have_event ? fail_at(r, "expected \"version\" after the format") : -1;
	if (expect(r, YAML_SCALAR_EVENT, "the version") != 0)
		return -1;
	version = strtol(scalar(r), &end, 10);
	if (*end != '\0' || version < 1 || version > EXPORT_FORMAT_VERSION)
		return fail_at(r, "version '%s': this rebound reads exports of version 1 to %d", scalar(r),
			       EXPORT_FORMAT_VERSION);
	r->version = (int)version;
	return 0;
}

static int read_document(struct reader *r)
{
	if (expect(r, YAML_STREAM_START_EVENT, "a document") != 0 || expect(r, YAML_DOCUMENT_START_EVENT, "a document") != 0 ||
	    expect(r, YAML_MAPPING_START_EVENT, "an object: not a file that export wrote") != 0 || read_header(r) != 0)
		return -1;
	while (next(r) == 0 && r->event.type != YAML_MAPPING_END_EVENT) {
		char *table;
		int rc;
		if (r->event.type != YAML_SCALAR_EVENT)
			return fail_at(r, "expected a table's name");
		table = xstrdup(scalar(r));
		rc = read_table(r, table);
		free(table);
		if (rc != 0)
			return -1;
	}
	if (!r->have_event || expect(r, YAML_DOCUMENT_END_EVENT, "the end of the file") != 0)
		return -1;
	return expect(r, YAML_STREAM_END_EVENT, "the end of the file: one export a file");
}

/* Hands the kept settings to the caller, now that the rows are in. */
static int apply_settings(struct reader *r, import_setting_fn setting, void *data)
{
	size_t i;

	for (i = 0; i < r->setting_count; i++)
		if (setting != NULL && setting(data, r->settings[i].key, r->settings[i].value, r->cause) != 0)
			return -1;
	return 0;
}

int import_json(const char *path, struct store *store, import_setting_fn setting, void *data, int *version,
		char **cause)
{
	struct reader r;
	struct stat st;
	FILE *in = util_open_regular(path, "rb", &st, cause);
	size_t i;
	int rc;

	if (in == NULL)
		return -1;
	memset(&r, 0, sizeof r);
	r.path = path;
	r.store = store;
	r.cause = cause;
	yaml_parser_initialize(&r.parser);
	yaml_parser_set_input_file(&r.parser, in);
	rc = store_import_begin(store, cause);
	if (rc == 0) {
		rc = read_document(&r);
		if (store_import_end(store, rc == 0, rc == 0 ? cause : NULL) != 0)
			rc = -1;
	}
	if (rc == 0 && ferror(in))
		rc = util_fail(cause, "cannot read '%s': %s", path, strerror(errno));
	if (rc == 0)
		rc = apply_settings(&r, setting, data);
	if (r.have_event)
		yaml_event_delete(&r.event);
	yaml_parser_delete(&r.parser);
	fclose(in);
	for (i = 0; i < r.setting_count; i++) {
		free(r.settings[i].key);
		free(r.settings[i].value);
	}
	free(r.settings);
	*version = r.version;
	return rc;
}
