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
 * Streaming: each finished item of the list under the root mapping's key `key` is handed to on_item
 * (with the number of nodes built so far) and then forgotten, so a bank of any size is walked one
 * question at a time in a small scratch arena. Items under an anchor are kept (aliases may name them).
 * The list itself stays in the tree, empty.
 */
struct bank_yaml_stream {
	const char *key;
	void (*on_item)(void *data, const struct bank_yaml_node *item, size_t nodes_so_far);
	void *data;
};

/*
 * Parses one YAML document from data into nodes allocated in arena; *root is NULL for an empty stream.
 * stream may be NULL. *node_count receives the number of nodes built. Returns 0, or -1 with err filled.
 */
int bank_yaml_parse(const char *data, size_t len, int max_depth, const struct bank_yaml_stream *stream,
		    struct arena *arena, struct bank_yaml_node **root, size_t *node_count,
		    struct bank_yaml_error *err);

/* The human name of a node's kind: "a text", "a list", "a mapping". */
const char *bank_yaml_kind_name(const struct bank_yaml_node *node);

#endif
