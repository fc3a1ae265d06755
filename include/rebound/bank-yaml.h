/* bank-yaml: part of the bank module; turns YAML text into a small node tree with 1-based positions.
 * Aliases point at their anchor's node (no copies), so an alias bomb costs no memory here;
 * walkers bound their own work. Depth and size are limited. */
#ifndef REBOUND_BANK_YAML_H
#define REBOUND_BANK_YAML_H

#include <stddef.h>

#include "rebound/arena.h"

enum bank_yaml_kind { BANK_YAML_SCALAR, BANK_YAML_SEQUENCE, BANK_YAML_MAPPING };

struct bank_yaml_node {
	enum bank_yaml_kind kind;
	int line, column;		/* 1-based */
	int plain;			/* scalar written without quotes */
	const char *value;		/* scalar text, NUL-terminated (arena) */
	size_t length;			/* scalar bytes; differs from strlen when the text holds a NUL */
	struct bank_yaml_node **items;	/* sequence items, or mapping key, value, key, value... */
	size_t count;			/* items in the array (twice the pairs for a mapping) */
};

struct bank_yaml_error {
	char *message;			/* caller frees */
	int line, column;
};

/*
 * Parses one YAML document from data into nodes allocated in arena; *root is NULL for an empty stream.
 * *node_count receives the number of nodes built. Returns 0, or -1 with err filled.
 */
int bank_yaml_parse(const char *data, size_t len, int max_depth, struct arena *arena,
		    struct bank_yaml_node **root, size_t *node_count, struct bank_yaml_error *err);

/* The human name of a node's kind: "a text", "a list", "a mapping". */
const char *bank_yaml_kind_name(const struct bank_yaml_node *node);

#endif
