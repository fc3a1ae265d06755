/* map: string-keyed open-addressing hash map (keys and values borrowed, never freed by the map). */
#ifndef REBOUND_MAP_H
#define REBOUND_MAP_H

#include <stddef.h>

struct map_slot {
	const char *key;
	void *value;
};

struct map {
	struct map_slot *slots;
	size_t count, capacity;	/* capacity is 0 or a power of two */
};

void map_init(struct map *map);
/* Frees the slots, not the keys or values. Accepts NULL. */
void map_release(struct map *map);
void *map_get(const struct map *map, const char *key);
/* Sets key to value; returns the previous value or NULL. The key must outlive the map. */
void *map_put(struct map *map, const char *key, void *value);

#endif
