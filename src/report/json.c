/* json: the --json writer (json.h): one member at a time, the commas and nesting kept here. */
#include "rebound/json.h"
#include "rebound/export.h"
#include "rebound/util.h"

#include <math.h>

/* The comma before a member, and its key inside an object. */
static void member(struct json *j, const char *key)
{
	if (j->count[j->depth]++ > 0)
		fputs(", ", j->out);
	if (key != NULL) {
		export_json_string(j->out, key);
		fputs(": ", j->out);
	}
}

static void open_level(struct json *j, const char *key, char bracket)
{
	member(j, key);
	fputc(bracket, j->out);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->count[++j->depth] = 0;
}

static void close_level(struct json *j, char bracket)
{
	fputc(bracket, j->out);
	if (j->depth > 0)
		j->depth--;
}

void json_begin(struct json *j, FILE *out, const char *command, int version)
{
	j->out = out;
	j->depth = 0;
	j->count[0] = 0;
	fputc('{', out);
	j->count[++j->depth] = 0;
	json_string(j, "command", command);
	json_int(j, "version", version);
}

void json_end(struct json *j)
{
	close_level(j, '}');
	fputc('\n', j->out);
}

void json_object(struct json *j, const char *key)
{
	open_level(j, key, '{');
}

void json_object_end(struct json *j)
{
	close_level(j, '}');
}

void json_array(struct json *j, const char *key)
{
	open_level(j, key, '[');
}

void json_array_end(struct json *j)
{
	close_level(j, ']');
}

void json_string(struct json *j, const char *key, const char *value)
{
	member(j, key);
	export_json_string(j->out, value);
}

void json_int(struct json *j, const char *key, long long value)
{
	member(j, key);
	fprintf(j->out, "%lld", value);
}

void json_double(struct json *j, const char *key, double value)
{
	char number[UTIL_DOUBLE_SIZE];

	member(j, key);
	if (!isfinite(value)) {
		fputs("null", j->out);
		return;
	}
	util_format_double(number, value);
	fputs(number, j->out);
}

void json_bool(struct json *j, const char *key, int value)
{
	member(j, key);
	fputs(value ? "true" : "false", j->out);
}
