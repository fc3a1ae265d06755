/* libFuzzer target: the settings file's reader and editor. Every input is read as a config.yaml; when
 * it reads, one setting (chosen by the input's size) is set to a valid value and then removed, each edit
 * read back as config_edit_text does. An edit may be refused (a flow-style mapping, or a result that would
 * not read), but a result that reads with other values than it should is an editor bug, and aborts. */
#include "rebound/config-internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A valid value for key, awkward to write: the range's top, the last choice, text that needs quotes. */
static const char *valid_value(const struct config_key *key, char buf[32])
{
	const char *const *choice;

	switch (key->type) {
	case CONFIG_INT:
		snprintf(buf, 32, "%ld", key->max);
		return buf;
	case CONFIG_CHOICE:
		for (choice = key->choices; choice[1] != NULL; choice++)
			;
		return *choice;
	default:
		return "Mic: #2, \"USB\" \xC3\xA9";
	}
}

static void edit(const char *text, size_t len, int index, const char *value)
{
	char *edited = NULL, *cause = NULL;
	size_t edited_len = 0;

	/* Refusing an edit whose result would not read is safe; one that reads but says otherwise is a bug. */
	if (config_edit_text("fuzz.yaml", text, len, index, value, &edited, &edited_len, &cause) != 0 &&
	    strstr(cause, "would not read back as written") != NULL && strstr(cause, "as written: ") == NULL)
		abort();
	if (edited != NULL && value != NULL)
		edit(edited, edited_len, index, NULL);
	free(edited);
	free(cause);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config_layout layout;
	char *cause = NULL, buf[32];
	int index = (int)(size % config_key_count());

	if (config_parse_text("fuzz.yaml", (const char *)data, size, &layout, &cause) != 0) {
		free(cause);
		return 0;
	}
	config_layout_release(&layout);
	edit((const char *)data, size, index, valid_value(config_key_at((size_t)index), buf));
	return 0;
}
