/* config-internal: what the settings reader (config.c) and editor (config-edit.c) share: the table's
 * size, where the file sets each key and section, and the reader's entry points. Not for other modules. */
#ifndef REBOUND_CONFIG_INTERNAL_H
#define REBOUND_CONFIG_INTERNAL_H

#include <stddef.h>
#include <yaml.h>

#include "rebound/config.h"

#define CONFIG_KEY_COUNT 15	/* the table's size (config.c checks it) */

struct config_setting {			/* a key the file sets */
	char *value;			/* NULL when the file does not set it */
	int section;			/* the section it is written under, -1 for a top-level key */
	yaml_mark_t key_mark, value_start, value_end;
};

struct config_section {			/* a section mapping ("audio:") the file holds */
	int present, flow;
	size_t settings;		/* keys written under it */
	size_t indent;			/* the column of its keys */
	size_t last_end;		/* where its last value ends */
	yaml_mark_t key_mark, value_start, value_end;	/* the value: its mapping, or nothing at all */
};

struct config_layout {
	struct config_setting settings[CONFIG_KEY_COUNT];	/* by key index */
	struct config_section sections[CONFIG_KEY_COUNT];	/* by section_index() */
	int top_flow;
	size_t top_keys, top_indent;
	yaml_mark_t top_mark;
	size_t top_null_start, top_null_end;	/* a document that is only "~" or "null": its bytes */
};

/* The index of the key called name, or -1. */
int config_key_index(const char *name);
/* The length of name's section ("audio" in "audio.rate"), 0 when it has none. */
size_t config_section_length(const char *name);
/* A section is known by the index of its first key: that of name[0..len), or -1. */
int config_section_index(const char *name, size_t len);
/* Sets *cause to "PATH:LINE:COLUMN: message"; returns -1. */
int config_fail_at(char **cause, const char *path, const yaml_mark_t *mark, const char *message);
/* Reads text (named path in errors) into *layout, every mark's index in bytes. 0, or -1 with *cause. */
int config_parse_text(const char *path, const char *text, size_t len, struct config_layout *layout, char **cause);
void config_layout_release(struct config_layout *layout);
/* The file's text in *text (caller frees): "" with *missing set when there is no file. 0, or -1 with *cause. */
int config_read_text(const char *path, char **text, size_t *len, int *missing, char **cause);

/* text (the file at path) with key index set to value, or removed when value is NULL, read back and
 * checked: *edited (caller frees; NULL when nothing changes). 0, or -1 with *cause. */
int config_edit_text(const char *path, const char *text, size_t len, int index, const char *value, char **edited,
		     size_t *edited_len, char **cause);

#endif
