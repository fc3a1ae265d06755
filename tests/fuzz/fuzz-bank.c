/* libFuzzer target: the bank and themes loader (bank_load_buffer), the way rebound reads a user's files.
 * The first byte chooses whether the bundled themes are loaded first (so that a fuzzed bank is checked
 * against real themes) and what the file is called; the rest is the file. Every diagnostic is formatted,
 * and every loaded question walked, so that what the loader keeps is read back. */
#include "rebound/bank.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static char *themes;
static size_t themes_len;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *f = fopen(REBOUND_SOURCE_DIR "/questions/themes.yaml", "rb");

	(void)argc;
	(void)argv;
	if (f == NULL)
		abort();
	themes = malloc(1 << 20);
	themes_len = fread(themes, 1, 1 << 20, f);
	fclose(f);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bank_catalog *catalog;
	size_t i;

	if (size == 0)
		return 0;
	catalog = bank_catalog_new();
	if (data[0] & 1)
		bank_load_buffer(catalog, "themes.yaml", themes, themes_len);
	bank_load_buffer(catalog, data[0] & 2 ? "themes.yaml" : "fuzz.yaml", (const char *)data + 1, size - 1);
	for (i = 0; i < bank_diag_count(catalog); i++)
		free(bank_diag_format(bank_diag_get(catalog, i)));
	for (i = 0; i < bank_question_total(catalog); i++) {
		const struct bank_question *q = bank_question_at(catalog, i);
		if (bank_question_find(catalog, q->id) == NULL)
			abort();	/* a question the catalog holds must be found by its id */
	}
	bank_catalog_free(catalog);
	return 0;
}
