/* arena: bump allocator for data that lives and dies together (a loaded catalog of banks). */
#ifndef REBOUND_ARENA_H
#define REBOUND_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t total;		/* bytes handed out, for limits and figures */
};

void arena_init(struct arena *arena);
/* Frees every chunk; the arena can be used again. Accepts NULL. */
void arena_release(struct arena *arena);
/* Forgets every allocation but keeps the newest chunk for reuse: for scratch memory in a loop. */
void arena_reset(struct arena *arena);
/* Zeroed, aligned memory owned by the arena. Never NULL. */
void *arena_alloc(struct arena *arena, size_t size);
/* Uninitialised memory: for callers that fill every byte. */
void *arena_alloc_raw(struct arena *arena, size_t size);
char *arena_strdup(struct arena *arena, const char *s);
char *arena_strndup(struct arena *arena, const char *s, size_t n);
/* A printf-formatted string in arena memory. */
char *arena_printf(struct arena *arena, const char *format, ...) __attribute__((format(printf, 2, 3)));
/* Copies size bytes into arena memory. */
void *arena_memdup(struct arena *arena, const void *data, size_t size);

#endif
