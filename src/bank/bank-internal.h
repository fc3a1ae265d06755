/* bank-internal: shared between the two files of the bank module (bank.c: the catalog, files and
 * lookups; bank-schema.c: validation of the YAML tree). Nothing outside the module includes it. */
#ifndef REBOUND_BANK_INTERNAL_H
#define REBOUND_BANK_INTERNAL_H

#include "rebound/bank.h"
#include "rebound/map.h"

/* What a catalog holds; everything it loads lives in its arena. */
struct bank_catalog {
	struct arena arena;
	struct map theme_index, stage_index, bank_index, question_index;
	struct bank_theme **themes;
	size_t theme_count, theme_capacity;
	struct bank_stage **stages;
	size_t stage_count, stage_capacity;
	struct bank **banks;
	size_t bank_count, bank_capacity;
	struct bank_question **questions;
	size_t question_total, question_capacity;
	struct bank_file *files;
	size_t file_count, file_capacity;
	struct bank_diag *diags;
	size_t diag_count, diag_capacity, error_count;
};

/* Files a diagnostic; takes ownership of message. */
void bank_add_diag(struct bank_catalog *catalog, enum bank_severity severity, const char *file, int line,
		   int column, char *message);

/* Parses and validates one file's text into the catalog; *is_themes tells whether it was a themes
 * file. Returns the number of errors found. */
int bank_load_text(struct bank_catalog *catalog, const char *name, const char *data, size_t len, int *is_themes);

#endif
