/* export: rebound's data in formats other tools read. CSV as RFC 4180 has it: a header row, a field quoted
 * when it holds a comma, a double quote, CR or LF (double quotes doubled inside), CRLF at each line's end,
 * NULL as an empty field; a text cell that a spreadsheet would run as a formula (it begins with =, +, -, @,
 * a tab or a CR) gets a leading ' inside quotes, OWASP's rule against CSV injection. JSON as one object: {"format": "rebound-export", "version": 2, "sessions": [...],
 * "answers": [...], ...}, each row an object keyed by column, numbers as numbers, NULL as null, invalid
 * UTF-8 replaced by U+FFFD. The columns are store.h's export layout. Writes to a FILE; no other I/O. */
#ifndef REBOUND_EXPORT_H
#define REBOUND_EXPORT_H

#include <stdio.h>

#include "rebound/bank.h"
#include "rebound/store.h"

#define EXPORT_FORMAT_NAME "rebound-export"
#define EXPORT_FORMAT_VERSION 2	/* 2: every table the store keeps, and the settings: import restores it */

/* One table's writer state: where to, and how many rows so far. */
struct export_table {
	FILE *out;
	long long rows;
};

/* store_export_fn callbacks (data: a struct export_table). */
int export_csv_row(void *data, const struct store_export_row *row);
int export_json_row(void *data, const struct store_export_row *row);

/* The JSON document around the tables: export_json_begin, then for each table export_json_table_begin, the
 * rows through export_json_row, export_json_table_end; then export_json_end. */
void export_json_begin(FILE *out);
void export_json_table_begin(FILE *out, const char *name);
void export_json_table_end(const struct export_table *table);
void export_json_end(FILE *out);

/* An Anki deck of questions (a CSV note file with Anki's #headers): Front is the question, Back its
 * talking points, keywords and tips as HTML, Tags "rebound bank::B theme::T stage::S", and a GUID
 * "rebound-ID" so that importing again updates the notes instead of adding copies. */
void export_anki(FILE *out, const struct bank_catalog *catalog);

/* One value, quoted as each format needs (NULL: an empty field / null). */
void export_csv_field(FILE *out, const char *text);
/* The same for a CSV cell; neutralise 1 for text, whose leading =, +, -, @, tab or CR becomes '= and so on
 * (numbers such as -1 stay numbers). */
void export_csv_cell(FILE *out, const char *text, int neutralise);
void export_json_string(FILE *out, const char *text);

#endif
