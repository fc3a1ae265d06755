/* template: fills a reply template (assets/thank-you.txt, or the user's copy in the data dir) with
 * fields from a rejection. A field is written {name}, or {name|text used when the field is empty};
 * "{{" and "}}" stand for literal braces. Names are [a-z0-9_-]+. A field ends on the line it starts,
 * and its fallback is plain text up to the first '}' (it may hold '|' or '{', not '}'). Values are
 * copied as they are, never read as template text. Pure. */
#ifndef REBOUND_TEMPLATE_H
#define REBOUND_TEMPLATE_H

#include <stddef.h>

struct template_field {
	const char *name;
	const char *value;		/* NULL or "" is empty: the fallback, or nothing */
};

/*
 * Returns the filled text (caller frees), or NULL with *cause set to "FILE:LINE:COLUMN: message"
 * (file is the name used in messages; line and column count from 1, the column in bytes, at the '{'
 * or the stray '}'): "unknown field 'x' (fields: company, role)" (the names given, or "(no fields)"),
 * "'{' is not closed" or "stray '}' (write '}}' for a brace)". The first of two fields with one
 * name is used.
 */
char *template_fill(const char *file, const char *text, const struct template_field *fields, size_t count,
		    char **cause);

#endif
