/* util: aborting allocators, string helpers and "did you mean" suggestions shared by every module. */
#ifndef REBOUND_UTIL_H
#define REBOUND_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

/* Allocators that never return NULL: out of memory prints one line and exits 70. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows *ptr (an array of elem_size items with *cap capacity) to hold at least need items. */
void xgrow(void *ptr, size_t *cap, size_t need, size_t elem_size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Sets *cause (if cause is not NULL) to a formatted message the caller frees; returns -1. */
int util_fail(char **cause, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Edit distance between a and b (Damerau: a swap of neighbours counts 1). */
size_t util_edit_distance(const char *a, const char *b);
/* The candidate closest to word if it is close enough to be a likely typo, else NULL. */
const char *util_suggest(const char *word, const char *const *candidates, size_t count);
/* 1 if word is one of the count strings of list. */
int util_string_in(const char *word, const char *const *list, size_t count);

/* A fast 64-bit content fingerprint (multiply-xorshift over 8-byte words), not a security hash. */
uint64_t util_hash64(const void *data, size_t len);

/*
 * Opens path for reading (mode "r" or "rb") only if it is a regular file: it is opened without blocking
 * first, so a FIFO or a device where a file was expected is refused ("cannot read 'X': not a regular
 * file") instead of hanging. *st (if not NULL) receives its status. NULL with *cause.
 */
FILE *util_open_regular(const char *path, const char *mode, struct stat *st, char **cause);

/*
 * Reads a whole file (a regular one: see util_open_regular), up to max_bytes; fills *len, and *st (if not NULL) with the status of the file
 * that was read. Returns NULL and sets *cause on failure. Caller frees.
 */
char *util_read_file(const char *path, size_t max_bytes, size_t *len, struct stat *st, char **cause);

/* A small seeded generator (splitmix64) for shuffles that tests can repeat; not for secrets. */
uint64_t util_random(uint64_t *state);
/* A value in [0, bound) for bound > 0, without modulo bias. */
uint64_t util_random_below(uint64_t *state, uint64_t bound);

/* The length of the valid UTF-8 sequence at p (1 to 4), or 0 if it is not one (a stray byte, an
 * overlong form, a surrogate, or beyond Unicode). */
size_t util_utf8_length(const unsigned char *p);

#define UTIL_CLIP_SIZE 72
/* text for quoting in a message: itself when short, else its first 60 or so bytes, cut at a character
 * boundary, and "…". Written into buf; returns buf. A 1 MB id or option stays a line, not a megabyte. */
const char *util_clip(char buf[UTIL_CLIP_SIZE], const char *text);

#define UTIL_DOUBLE_SIZE 32
/* The shortest of 15, 16 or 17 significant digits that reads back as the same double ("0.1", not
 * "0.10000000000000001"), in the C locale's form. */
void util_format_double(char buf[UTIL_DOUBLE_SIZE], double value);

/* 1 if s starts with prefix. */
int util_starts_with(const char *s, const char *prefix);

/* Names the calling thread (at most 15 bytes show), so that ps, perf and the benchmark can tell the
 * recorder's writer from the recogniser. */
void util_name_thread(const char *name);

#endif
