/* libFuzzer target: the settings file's reader and editor. Every input is read as a config.yaml; when
 * it reads, one setting (chosen by the input's size) is set to a valid value and then removed. An edit may
 * be refused (a flow-style mapping, or a result that would not read); one that is made is read again here,
 * and any key that does not read as it should (the edited one as asked, the others as before) aborts. */
#include "config-internal.h"

#include <stdint.h>
#include <stdio.h>
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

static int same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Sets (or removes) key index in text. An edit may be refused; one that is made must read back with the
 * key as asked and every other key as it was, checked here apart from the editor's own check. */
static void edit(const struct config_layout *before, const char *text, size_t len, int index, const char *value)
{
	struct config_layout after;
	char *edited = NULL, *cause = NULL;
	size_t edited_len = 0, i;

	if (config_edit_text("fuzz.yaml", text, len, index, value, &edited, &edited_len, &cause) != 0) {
		free(cause);
		return;
	}
	if (edited == NULL)
		return;		/* nothing to change */
	if (config_parse_text("fuzz.yaml", edited, edited_len, &after, &cause) != 0)
		abort();
	for (i = 0; i < config_key_count(); i++)
		if (!same(after.settings[i].value, (int)i == index ? value : before->settings[i].value))
			abort();
	if (value != NULL)
		edit(&after, edited, edited_len, index, NULL);
	config_layout_release(&after);
	free(edited);
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
	edit(&layout, (const char *)data, size, index, valid_value(config_key_at((size_t)index), buf));
	config_layout_release(&layout);
	return 0;
}
