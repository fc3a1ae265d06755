/* arena: bump allocator for data that lives and dies together (a loaded catalog of banks).
 * One free for thousands of small strings keeps loading fast and release simple. */
#include "rebound/arena.h"
#include "rebound/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK_SIZE (64 * 1024)
#define ARENA_ALIGN 16

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(struct arena *arena)
{
	arena->head = NULL;
	arena->total = 0;
}

void arena_release(struct arena *arena)
{
	struct arena_chunk *chunk, *next;

	if (arena == NULL)
		return;
	for (chunk = arena->head; chunk != NULL; chunk = next) {
		next = chunk->next;
		free(chunk);
	}
	arena_init(arena);
}

void arena_reset(struct arena *arena)
{
	struct arena_chunk *keep = arena->head, *chunk, *next;

	if (keep == NULL)
		return;
	for (chunk = keep->next; chunk != NULL; chunk = next) {
		next = chunk->next;
		free(chunk);
	}
	keep->next = NULL;
	keep->used = 0;
	arena->total = 0;
}

/* Bump-allocates size bytes at a multiple of align (a power of two, at most ARENA_ALIGN). */
static void *arena_take(struct arena *arena, size_t size, size_t align)
{
	struct arena_chunk *chunk = arena->head;
	size_t pad = chunk ? (align - (chunk->used & (align - 1))) & (align - 1) : 0;
	size_t rounded = size + pad;
	void *p;

	if (chunk == NULL || chunk->size - chunk->used < rounded) {
		size_t data_size = rounded > ARENA_CHUNK_SIZE ? rounded : ARENA_CHUNK_SIZE;
		struct arena_chunk *fresh = xmalloc(sizeof *fresh + data_size);
		fresh->size = data_size;
		fresh->used = 0;
		if (rounded > ARENA_CHUNK_SIZE / 4 && chunk != NULL) {
			/* A big block gets a chunk of its own behind the current one. */
			fresh->next = chunk->next;
			chunk->next = fresh;
		} else {
			fresh->next = chunk;
			arena->head = fresh;
		}
		chunk = fresh;
		pad = 0;
	}
	chunk->used += pad;
	rounded -= pad;
	p = chunk->data + chunk->used;
	chunk->used += rounded;
	arena->total += rounded;
	return p;
}

void *arena_alloc_raw(struct arena *arena, size_t size)
{
	return arena_take(arena, size, ARENA_ALIGN);
}

void *arena_alloc(struct arena *arena, size_t size)
{
	void *p = arena_alloc_raw(arena, size);

	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *arena, const char *s, size_t n)
{
	char *copy = arena_take(arena, n + 1, 1);	/* text needs no alignment: pack it */
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *arena_strdup(struct arena *arena, const char *s)
{
	return arena_strndup(arena, s, strlen(s));
}

char *arena_printf(struct arena *arena, const char *format, ...)
{
	va_list args, again;
	char small[128], *out;
	int n;

	va_start(args, format);
	va_copy(again, args);
	n = vsnprintf(small, sizeof small, format, args);
	va_end(args);
	if (n < 0)
		n = 0;
	out = arena_alloc_raw(arena, (size_t)n + 1);
	if ((size_t)n < sizeof small)
		memcpy(out, small, (size_t)n + 1);
	else
		vsnprintf(out, (size_t)n + 1, format, again);
	va_end(again);
	return out;
}

void *arena_memdup(struct arena *arena, const void *data, size_t size)
{
	void *copy = arena_alloc_raw(arena, size);
	if (size)
		memcpy(copy, data, size);
	return copy;
}
