/* config: the user's settings file (<config dir>/rebound/config.yaml): the known keys, reading it with
 * file:line:column errors, and editing one key in place so that comments and layout survive. */
#ifndef REBOUND_CONFIG_H
#define REBOUND_CONFIG_H

#include <stddef.h>

/* Files larger than this are refused: a settings file is a few lines. */
#define CONFIG_MAX_BYTES (64 * 1024)

enum config_type {
	CONFIG_STRING,			/* any one line of text */
	CONFIG_INT,			/* plain decimal digits, from min to max */
	CONFIG_CHOICE			/* one of choices */
};

struct config_key {
	const char *name;		/* dotted: "audio.rate"; the part before the dot is its section */
	enum config_type type;
	long min, max;			/* CONFIG_INT only */
	int or_off;			/* CONFIG_INT only: "off" is taken as well */
	const char *const *choices;	/* CONFIG_CHOICE only; NULL-terminated */
	const char *default_value;	/* NULL when there is none (the caller decides) */
	const char *help;		/* one line, lowercase, no full stop */
};

struct config;

/* The known keys, in the order help lists them. */
size_t config_key_count(void);
/* The i-th known key (i < config_key_count()). */
const struct config_key *config_key_at(size_t i);
/* The key called name, or NULL. */
const struct config_key *config_key_find(const char *name);
/* What key takes, in words: "a whole number from 8000 to 192000", "typed or spoken", "text". Caller frees. */
char *config_key_describe(const struct config_key *key);

/*
 * Reads the settings file at path into *out (caller frees with config_free). A missing file is an empty
 * config, not an error. Returns 0, or -1 with *cause, one line: "PATH:LINE:COLUMN: message" for anything wrong
 * inside the file (YAML syntax, not a mapping, an unknown key, a key set twice, a list or mapping or nothing
 * where a value belongs, a value of the wrong type or out of range), else "cannot open 'PATH': ..." or
 * "'PATH' is too large (...)" over CONFIG_MAX_BYTES.
 */
int config_load(const char *path, struct config **out, char **cause);
/* Accepts NULL. */
void config_free(struct config *config);
/* The path it was loaded from (borrowed). */
const char *config_path(const struct config *config);
/* The value written in the file for name, or NULL when the file does not set it (or name is unknown). Borrowed. */
const char *config_get(const struct config *config, const char *name);
/* The value written in the file, else the key's default, else NULL. Borrowed. */
const char *config_value(const struct config *config, const char *name);
/* 1 and where name's value is written in the file (1-based), or 0 when it is not set (line, column untouched). */
int config_where(const struct config *config, const char *name, int *line, int *column);

/*
 * Checks that value suits the key called name. 0, or -1 with *cause: "'KEY' takes TYPE, not 'VALUE'",
 * "'KEY' has no value" for an empty value, "no setting 'X' (did you mean 'Y'?)" for an unknown name.
 */
int config_check(const char *name, const char *value, char **cause);

/*
 * Sets name to value in the file at path, or removes name when value is NULL; every other byte of the file
 * (comments, blank lines, order, quoting) stays as it was. The value is quoted when YAML would read it as
 * something else. An existing value is replaced where it stands; a new key goes at the end of its section
 * with the section's indentation, or in a new section at the end of the file; removing a section's last key
 * removes the section line too. Creates the file (mode 0600) and its missing parent dirs (0700).
 * Refuses, leaving the file as it was: a value config_check rejects, a file config_load rejects (its error),
 * and adding or removing a key in a flow-style mapping ("PATH:L:C: cannot edit a flow-style mapping; write it
 * as a block"). The edited text is read back before it is written, and written whole or not at all.
 * Removing a key that is not set changes nothing. The read, edit and write hold a lock on the file's folder
 * (flock), so two processes setting keys at once both keep their change. Returns 0, or -1 with *cause.
 */
int config_set(const char *path, const char *name, const char *value, char **cause);

#endif
