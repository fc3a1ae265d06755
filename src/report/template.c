/* template: fills a reply template's {fields} (see template.h). A field ends on the line it starts,
 * so a forgotten '}' is reported where it was forgotten; its fallback is plain text up to that '}'. */
#include "rebound/template.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

#define NAME_CHARS "abcdefghijklmnopqrstuvwxyz0123456789_-"

struct buffer {
	char *data;
	size_t len, cap;
};

static void buffer_add(struct buffer *buffer, const char *text, size_t len)
{
	xgrow(&buffer->data, &buffer->cap, buffer->len + len + 1, 1);
	memcpy(buffer->data + buffer->len, text, len);
	buffer->len += len;
	buffer->data[buffer->len] = '\0';
}

static void buffer_add_string(struct buffer *buffer, const char *text)
{
	buffer_add(buffer, text, strlen(text));
}

/* Where a problem is, for messages: the file, a 1-based line and a 1-based byte column. */
struct place {
	const char *file;
	size_t line;
	const char *line_start;
};

static const struct template_field *find_field(const struct template_field *fields, size_t count,
					       const char *name, size_t len)
{
	size_t i;

	if (len == 0 || strspn(name, NAME_CHARS) < len)
		return NULL;
	for (i = 0; i < count; i++)
		if (strlen(fields[i].name) == len && memcmp(fields[i].name, name, len) == 0)
			return &fields[i];
	return NULL;
}

static void unknown_field(const struct place *place, const char *at, const char *name, size_t len,
			  const struct template_field *fields, size_t count, char **cause)
{
	struct buffer known = { NULL, 0, 0 };
	size_t i;

	buffer_add_string(&known, count > 0 ? "fields: " : "no fields");
	for (i = 0; i < count; i++) {
		if (i > 0)
			buffer_add_string(&known, ", ");
		buffer_add_string(&known, fields[i].name);
	}
	util_fail(cause, "%s:%zu:%zu: unknown field '%.*s' (%s)", place->file, place->line,
		  (size_t)(at - place->line_start) + 1, (int)len, name, known.data);
	free(known.data);
}

/*
 * Fills the field whose '{' is at open into buffer. Returns the byte after its '}', or NULL with
 * *cause set.
 */
static const char *fill_field(const struct place *place, const char *open, const struct template_field *fields,
			      size_t count, struct buffer *buffer, char **cause)
{
	const char *name = open + 1, *close = name + strcspn(name, "}\n"), *bar;
	const struct template_field *field;
	size_t name_len;

	if (*close != '}') {
		util_fail(cause, "%s:%zu:%zu: '{' is not closed", place->file, place->line,
			  (size_t)(open - place->line_start) + 1);
		return NULL;
	}
	bar = memchr(name, '|', (size_t)(close - name));
	name_len = (size_t)((bar != NULL ? bar : close) - name);
	field = find_field(fields, count, name, name_len);
	if (field == NULL) {
		unknown_field(place, open, name, name_len, fields, count, cause);
		return NULL;
	}
	if (field->value != NULL && field->value[0] != '\0')
		buffer_add_string(buffer, field->value);
	else if (bar != NULL)
		buffer_add(buffer, bar + 1, (size_t)(close - bar - 1));
	return close + 1;
}

char *template_fill(const char *file, const char *text, const struct template_field *fields, size_t count,
		    char **cause)
{
	struct buffer buffer = { NULL, 0, 0 };
	struct place place = { file, 1, text };
	const char *at = text;

	buffer_add(&buffer, "", 0);
	while (*at != '\0') {
		size_t plain = strcspn(at, "{}\n");
		buffer_add(&buffer, at, plain);
		at += plain;
		if (*at == '\n') {
			buffer_add(&buffer, at++, 1);
			place.line++;
			place.line_start = at;
		} else if ((at[0] == '{' || at[0] == '}') && at[1] == at[0]) {
			buffer_add(&buffer, at, 1);
			at += 2;
		} else if (*at == '}') {
			util_fail(cause, "%s:%zu:%zu: stray '}' (write '}}' for a brace)", file, place.line,
				  (size_t)(at - place.line_start) + 1);
			goto fail;
		} else if (*at == '{') {
			at = fill_field(&place, at, fields, count, &buffer, cause);
			if (at == NULL)
				goto fail;
		}
	}
	return buffer.data;
fail:
	free(buffer.data);
	return NULL;
}
