/* util: aborting allocators, string helpers and "did you mean" suggestions shared by every module. */
#include "rebound/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

static void oom(size_t size)
{
	fprintf(stderr, "rebound: out of memory (%zu bytes)\n", size);
	exit(70);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		oom(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (p == NULL)
		oom(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (p == NULL)
		oom(size);
	return p;
}

void xgrow(void *ptr, size_t *cap, size_t need, size_t elem_size)
{
	void **array = ptr;
	size_t new_cap;

	if (need <= *cap)
		return;
	new_cap = *cap ? *cap : 8;
	while (new_cap < need)
		new_cap *= 2;
	if (new_cap > SIZE_MAX / elem_size)
		oom(SIZE_MAX);
	*array = xrealloc(*array, new_cap * elem_size);
	*cap = new_cap;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *copy = xmalloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	int len;
	char *out;

	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		oom(0);
	out = xmalloc((size_t)len + 1);
	vsnprintf(out, (size_t)len + 1, fmt, ap);
	return out;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *out;

	va_start(ap, fmt);
	out = xvasprintf(fmt, ap);
	va_end(ap);
	return out;
}

int util_fail(char **cause, const char *fmt, ...)
{
	va_list ap;

	if (cause != NULL) {
		va_start(ap, fmt);
		*cause = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return -1;
}

size_t util_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *prev2, *prev, *cur, i, j, result;

	if (la > 64 || lb > 64)
		return la > lb ? la : lb;
	prev2 = xcalloc(lb + 1, sizeof *prev2);
	prev = xcalloc(lb + 1, sizeof *prev);
	cur = xcalloc(lb + 1, sizeof *cur);
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		size_t *rotate;
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (prev[j - 1] + cost < best)
				best = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		rotate = prev2;
		prev2 = prev;
		prev = cur;
		cur = rotate;
	}
	result = prev[lb];
	free(prev2);
	free(prev);
	free(cur);
	return result;
}

const char *util_suggest(const char *word, const char *const *candidates, size_t count)
{
	const char *best = NULL;
	size_t best_distance = (size_t)-1, i, limit;

	limit = strlen(word) / 3;
	if (limit < 2)
		limit = 2;
	for (i = 0; i < count; i++) {
		size_t d = util_edit_distance(word, candidates[i]);
		if (d < best_distance) {
			best_distance = d;
			best = candidates[i];
		}
	}
	return best_distance <= limit ? best : NULL;
}

uint64_t util_hash64(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)len, word;
	size_t i = 0;

	/* Eight bytes a step: the content fingerprint of a 4 MB bank costs under a millisecond. */
	for (; i + 8 <= len; i += 8) {
		memcpy(&word, p + i, 8);
		h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
	for (word = 0; i < len; i++)
		word = word << 8 | p[i];
	h = (h ^ word) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 29);
}

FILE *util_open_regular(const char *path, const char *mode, struct stat *status, char **cause)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), flags;
	struct stat st;
	FILE *f;

	if (fd < 0) {
		util_fail(cause, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		util_fail(cause, "cannot read '%s': not a regular file", path);
		close(fd);
		return NULL;
	}
	if ((flags = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0 ||
	    (f = fdopen(fd, mode)) == NULL) {
		util_fail(cause, "cannot open '%s': %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (status != NULL)
		*status = st;
	return f;
}

char *util_read_file(const char *path, size_t max_bytes, size_t *len, struct stat *status, char **cause)
{
	FILE *f;
	struct stat st;
	char *data = NULL;
	size_t size, got;

	if ((f = util_open_regular(path, "rb", &st, cause)) == NULL)
		return NULL;
	if ((unsigned long long)st.st_size > max_bytes) {
		util_fail(cause, "'%s' is too large (%lld bytes; the limit is %zu)", path,
			  (long long)st.st_size, max_bytes);
		goto out;
	}
	size = (size_t)st.st_size;
	data = xmalloc(size + 1);
	got = fread(data, 1, size, f);
	if (got != size || ferror(f)) {
		util_fail(cause, "cannot read '%s': %s", path, strerror(errno ? errno : EIO));
		free(data);
		data = NULL;
		goto out;
	}
	data[got] = '\0';
	*len = got;
	if (status != NULL)
		*status = st;
out:
	fclose(f);
	return data;
}

uint64_t util_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

uint64_t util_random_below(uint64_t *state, uint64_t bound)
{
	uint64_t limit = -bound % bound, value;	/* values below limit would favour small results */

	do
		value = util_random(state);
	while (value < limit);
	return value % bound;
}

int util_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

size_t util_utf8_length(const unsigned char *p)
{
	size_t need, i;
	unsigned int c;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		need = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		need = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		need = 4;
	else
		return 0;
	for (i = 1; i < need; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	c = need == 3 ? (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 :
	    need == 4 ? (p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 : 0x80;
	if ((need == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (need == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return 0;	/* overlong, a surrogate, or beyond Unicode */
	return need;
}

int util_string_in(const char *word, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strcmp(word, list[i]) == 0)
			return 1;
	return 0;
}

const char *util_clip(char buf[UTIL_CLIP_SIZE], const char *text)
{
	const size_t keep = UTIL_CLIP_SIZE - 8;	/* room for "…" and a character cut short */
	size_t used = 0, step;

	if (strlen(text) < UTIL_CLIP_SIZE) {
		memcpy(buf, text, strlen(text) + 1);
		return buf;
	}
	while (used < keep) {
		step = util_utf8_length((const unsigned char *)text + used);
		used += step == 0 ? 1 : step;
	}
	memcpy(buf, text, used);
	memcpy(buf + used, "\xe2\x80\xa6", 4);	/* "…" and its NUL */
	return buf;
}

void util_format_double(char buf[UTIL_DOUBLE_SIZE], double value)
{
	int digits;

	for (digits = 15; digits < 17; digits++) {
		snprintf(buf, UTIL_DOUBLE_SIZE, "%.*g", digits, value);
		if (strtod(buf, NULL) == value)
			return;
	}
	snprintf(buf, UTIL_DOUBLE_SIZE, "%.17g", value);
}

void util_name_thread(const char *name)
{
	prctl(PR_SET_NAME, name, 0, 0, 0);
}
