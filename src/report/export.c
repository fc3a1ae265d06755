/* export: CSV and JSON writers for the tables of store-export.c, and the Anki deck of the questions
 * (see export.h for the formats). */
#include "rebound/export.h"
#include "rebound/html.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

/* 1 if a spreadsheet would take text as a formula (OWASP's list of first characters). */
static int looks_like_formula(const char *text)
{
	return *text != '\0' && strchr("=+-@\t\r", *text) != NULL;
}

void export_csv_field(FILE *out, const char *text)
{
	export_csv_cell(out, text, 0);
}

void export_csv_cell(FILE *out, const char *text, int neutralise)
{
	const char *p;

	if (text == NULL)
		return;
	neutralise = neutralise && looks_like_formula(text);
	if (!neutralise && strpbrk(text, ",\"\r\n") == NULL) {
		fputs(text, out);
		return;
	}
	fputc('"', out);
	if (neutralise)
		fputc('\'', out);
	for (p = text; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
}

int export_csv_row(void *data, const struct store_export_row *row)
{
	struct export_table *table = data;
	size_t i;

	for (i = 0; i < row->count; i++) {
		if (i > 0)
			fputc(',', table->out);
		if (row->header)
			export_csv_field(table->out, row->names[i]);
		else
			export_csv_cell(table->out, row->values[i], row->kinds[i] == STORE_VALUE_TEXT);
	}
	fputs("\r\n", table->out);
	table->rows += !row->header;
	return ferror(table->out) ? -1 : 0;
}

/* The code point of one UTF-8 character of length bytes (2 to 4, already checked). */
static unsigned code_point(const unsigned char *p, size_t length)
{
	unsigned cp = p[0] & (0x7f >> length);
	size_t i;

	for (i = 1; i < length; i++)
		cp = (cp << 6) | (p[i] & 0x3f);
	return cp;
}

/* Characters JSON allows as they are but a YAML reader (import's, libyaml) would not keep: C1 controls,
 * the line and paragraph separators, the byte-order mark and the two non-characters. Escaped, they read
 * back the same everywhere. */
static int yaml_unsafe(const unsigned char *p, size_t length)
{
	unsigned cp = code_point(p, length);

	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff || cp == 0xfffe || cp == 0xffff;
}

void export_json_string(FILE *out, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	if (text == NULL) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	while (*p != '\0') {
		size_t length = util_utf8_length(p);
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p == '\r')
			fputs("\\r", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else if (length > 1 && yaml_unsafe(p, length))
			fprintf(out, "\\u%04x", code_point(p, length));
		else if (length == 0)
			fputs("\xEF\xBF\xBD", out);	/* U+FFFD for a byte that is not UTF-8 */
		else
			fwrite(p, 1, length, out);
		p += length ? length : 1;
	}
	fputc('"', out);
}

int export_json_row(void *data, const struct store_export_row *row)
{
	struct export_table *table = data;
	size_t i;

	if (row->header)
		return 0;
	fputs(row->first ? "\n    {" : ",\n    {", table->out);
	for (i = 0; i < row->count; i++) {
		fputs(i ? ", " : "", table->out);
		export_json_string(table->out, row->names[i]);
		fputs(": ", table->out);
		if (row->kinds[i] == STORE_VALUE_NUMBER)
			fputs(row->values[i], table->out);
		else
			export_json_string(table->out, row->values[i]);
	}
	fputc('}', table->out);
	table->rows++;
	return ferror(table->out) ? -1 : 0;
}

void export_json_begin(FILE *out)
{
	fprintf(out, "{\n  \"format\": \"%s\",\n  \"version\": %d", EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION);
}

void export_json_table_begin(FILE *out, const char *name)
{
	fputs(",\n  ", out);
	export_json_string(out, name);
	fputs(": [", out);
}

void export_json_table_end(const struct export_table *table)
{
	fputs(table->rows > 0 ? "\n  ]" : "]", table->out);
}

void export_json_end(FILE *out)
{
	fputs("\n}\n", out);
}

/* "<b>Title</b><ul><li>one</li>...</ul>", or nothing for an empty list. */
static void html_list(FILE *out, const char *title, const struct bank_strings *items)
{
	size_t i;

	if (items->count == 0)
		return;
	fprintf(out, "<b>%s</b><ul>", title);
	for (i = 0; i < items->count; i++) {
		fputs("<li>", out);
		html_text(out, items->items[i]);
		fputs("</li>", out);
	}
	fputs("</ul>", out);
}

/* One field of the deck, built in memory so that it can be quoted as a whole. */
static void anki_field(FILE *out, void (*fill)(FILE *, const struct bank_question *), const struct bank_question *q)
{
	char *text = NULL;
	const char *p;
	size_t size = 0;
	FILE *field = open_memstream(&text, &size);

	if (field == NULL)
		return;
	fill(field, q);
	fclose(field);
	fputc('"', out);	/* always quoted: Anki skips a line that starts with '#' as a comment */
	for (p = text; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
	free(text);
}

static void anki_front(FILE *out, const struct bank_question *q)
{
	html_text(out, q->text);
}

static void anki_back(FILE *out, const struct bank_question *q)
{
	html_list(out, "Talking points", &q->talking_points);
	html_list(out, "Keywords", &q->keywords);
	html_list(out, "Tips", &q->tips);
	html_list(out, "Follow-ups", &q->follow_ups);
}

static void anki_tags(FILE *out, const struct bank_question *q)
{
	size_t i;

	fprintf(out, "rebound bank::%s", q->bank ? q->bank->name : "none");
	for (i = 0; i < q->themes.count; i++)
		fprintf(out, " theme::%s", q->themes.items[i]);
	for (i = 0; i < q->stages.count; i++)
		fprintf(out, " stage::%s", q->stages.items[i]);
	fprintf(out, " difficulty::%d", q->difficulty);
}

void export_anki(FILE *out, const struct bank_catalog *catalog)
{
	size_t i;

	fputs("#separator:Comma\r\n#html:true\r\n#notetype:Basic\r\n#columns:Front,Back,Tags,GUID\r\n"
	      "#tags column:3\r\n#guid column:4\r\n", out);
	for (i = 0; i < bank_question_total(catalog); i++) {
		const struct bank_question *q = bank_question_at(catalog, i);
		anki_field(out, anki_front, q);
		fputc(',', out);
		anki_field(out, anki_back, q);
		fputc(',', out);
		anki_field(out, anki_tags, q);
		fprintf(out, ",rebound-%s\r\n", q->id);
	}
}
