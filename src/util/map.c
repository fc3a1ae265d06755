/* map: string-keyed open-addressing hash map with linear probing; used for id lookups. */
#include "rebound/map.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

void map_init(struct map *map)
{
	map->slots = NULL;
	map->count = 0;
	map->capacity = 0;
}

void map_release(struct map *map)
{
	if (map == NULL)
		return;
	free(map->slots);
	map_init(map);
}

static size_t map_index(const struct map *map, const char *key)
{
	size_t mask = map->capacity - 1;
	size_t i = (size_t)util_hash64(key, strlen(key)) & mask;

	while (map->slots[i].key != NULL && strcmp(map->slots[i].key, key) != 0)
		i = (i + 1) & mask;
	return i;
}

void *map_get(const struct map *map, const char *key)
{
	if (map->capacity == 0)
		return NULL;
	return map->slots[map_index(map, key)].value;
}

static void map_resize(struct map *map, size_t capacity)
{
	struct map old = *map;
	size_t i;

	map->slots = xcalloc(capacity, sizeof *map->slots);
	map->capacity = capacity;
	map->count = 0;
	for (i = 0; i < old.capacity; i++)
		if (old.slots[i].key != NULL)
			map_put(map, old.slots[i].key, old.slots[i].value);
	free(old.slots);
}

void *map_put(struct map *map, const char *key, void *value)
{
	struct map_slot *slot;
	void *previous;

	if ((map->count + 1) * 4 > map->capacity * 3)
		map_resize(map, map->capacity ? map->capacity * 2 : 16);
	slot = &map->slots[map_index(map, key)];
	previous = slot->value;
	if (slot->key == NULL) {
		slot->key = key;
		map->count++;
	}
	slot->value = value;
	return previous;
}
