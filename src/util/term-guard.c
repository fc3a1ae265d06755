/* term-guard: the one sanitiser between rebound and a terminal. Every byte written to a guarded stream
 * (stdout and stderr, when they are terminals) passes through term_filter_write: text from banks, answers,
 * notes, rejections, file names and error messages reaches the screen with its control characters shown
 * (ESC as ^[, a C1 control as <U+009B>), so no shared bank can set the title, fill the clipboard or move
 * the cursor. rebound's own escape codes (term_bold and the rest) carry a secret token, drawn at start,
 * that the filter takes off; text read from a file cannot know it. */
#define _GNU_SOURCE	/* fopencookie */
#include "rebound/term.h"
#include "rebound/util.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

int term_unsafe_char(unsigned int cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n';
	return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||	/* DEL, the C1 controls (0x9B is CSI) */
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);	/* bidi overrides */
}

void term_filter_init(struct term_filter *f, const unsigned char *token, size_t token_len)
{
	memset(f, 0, sizeof *f);
	if (token_len > sizeof f->token)
		token_len = sizeof f->token;
	if (token_len > 0)
		memcpy(f->token, token, token_len);
	f->token_len = token_len;
}

/* The length of one of our own escapes at p (after the token): an optional CR, then ESC [ parameters and
 * a final byte. 0 if p holds none; -1 if n bytes are too few to tell. */
static long trusted_length(const unsigned char *p, size_t n)
{
	size_t i = 0;

	if (i < n && p[i] == '\r')
		i++;
	if (i >= n)
		return -1;
	if (p[i++] != 0x1B)
		return 0;
	if (i >= n)
		return -1;
	if (p[i++] != '[')
		return 0;
	for (; i < n; i++) {
		if (p[i] >= 0x40 && p[i] <= 0x7E)
			return (long)i + 1;
		if (p[i] < 0x30 || p[i] > 0x3F)
			return 0;
	}
	return i < 16 ? -1 : 0;
}

/* The bytes a valid UTF-8 sequence with this lead byte needs (2 to 4), or 0 for a byte that leads none. */
static size_t utf8_need(unsigned char lead)
{
	return lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
}

static unsigned int utf8_decode(const unsigned char *p, size_t length)
{
	if (length == 2)
		return (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
	if (length == 3)
		return (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
	return (p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu);
}

/* 1 if one of the n bytes at p is 0x80-0x9F: a C1 control to a terminal that reads bytes, not UTF-8. */
static int memchr_c1(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] >= 0x80 && p[i] <= 0x9F)
			return 1;
	return 0;
}

/* 1 if the n bytes at p could still begin a valid sequence (each after the first a continuation byte). */
static int utf8_may_continue(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return 1;
}

static void put_control(unsigned int c, FILE *out)
{
	if (c < 0x20)
		fprintf(out, "^%c", (int)(c + 0x40));
	else if (c == 0x7F)
		fputs("^?", out);
	else
		fprintf(out, "<U+%04X>", c);
}

/*
 * Filters the n bytes at p into out; returns how many it used. Fewer than n only when the rest could be
 * the start of something that the next bytes finish (a token, our escape, a character, CR before LF) and
 * final is 0: the caller keeps them for the next call.
 */
static size_t filter(struct term_filter *f, const unsigned char *p, size_t n, int final, FILE *out)
{
	size_t i = 0, need, left;
	long length;

	while (i < n) {
		unsigned char c = p[i];
		left = n - i;
		if (f->token_len > 0 && c == f->token[0]) {
			if (left < f->token_len && !final && memcmp(p + i, f->token, left) == 0)
				return i;
			if (left >= f->token_len && memcmp(p + i, f->token, f->token_len) == 0) {
				length = trusted_length(p + i + f->token_len, left - f->token_len);
				if (length < 0 && !final)
					return i;
				if (length > 0)
					fwrite(p + i + f->token_len, 1, (size_t)length, out);
				i += f->token_len + (size_t)(length > 0 ? length : 0);
				continue;
			}
		}
		if (c == '\r') {
			if (left == 1 && !final)
				return i;
			fputs(left > 1 && p[i + 1] == '\n' ? "\r" : "^M", out);	/* CRLF is harmless; a lone CR overwrites */
			i++;
		} else if (c < 0x80) {
			if (term_unsafe_char(c))
				put_control(c, out);
			else
				fputc(c, out);
			i++;
		} else if ((need = utf8_need(c)) == 0 || (left >= need && util_utf8_length(p + i) == 0)) {
			fprintf(out, "\\x%02x", c);
			i++;
		} else if (left < need) {
			if (!final && utf8_may_continue(p + i, left))
				return i;
			fprintf(out, "\\x%02x", c);
			i++;
		} else {
			unsigned int cp = utf8_decode(p + i, need);
			size_t k;
			if (term_unsafe_char(cp))
				put_control(cp, out);
			else if (f->eight_bit && memchr_c1(p + i, need))
				for (k = 0; k < need; k++)
					fprintf(out, "\\x%02x", p[i + k]);
			else
				fwrite(p + i, 1, need, out);
			i += need;
		}
	}
	return i;
}

void term_filter_write(struct term_filter *f, const char *data, size_t len, int final, FILE *out)
{
	unsigned char *joined = NULL;
	const unsigned char *p = (const unsigned char *)data;
	size_t n = len, used;

	if (f->carry_len > 0) {
		joined = xmalloc(f->carry_len + len + 1);
		memcpy(joined, f->carry, f->carry_len);
		memcpy(joined + f->carry_len, data, len);
		p = joined;
		n = f->carry_len + len;
	}
	used = filter(f, p, n, final, out);
	if (n - used > sizeof f->carry)		/* cannot happen: a token and one escape fit */
		used += filter(f, p + used, n - used, 1, out);
	f->carry_len = n - used;
	memmove(f->carry, p + used, f->carry_len);
	free(joined);
}

char *term_safe_text(const char *text)
{
	struct term_filter f;
	char *safe = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&safe, &size);

	if (out == NULL)
		return xstrdup("");
	term_filter_init(&f, NULL, 0);
	f.eight_bit = !term_utf8();
	term_filter_write(&f, text, strlen(text), 1, out);
	fclose(out);
	return safe;
}

/* ------------------------------------------------------------------------------------------------
 * Guarded streams: stdout and stderr replaced by cookie streams that filter into the real ones
 */

struct guard {
	FILE *stream;			/* the guarded stream rebound writes to */
	FILE *wrapped;			/* the filter writes here: folded to the width (term-wrap.c), then raw */
	FILE *raw;			/* the real one underneath */
	struct term_filter filter;
	struct term_wrap wrap;
};

static struct guard guards[2];
static size_t guard_count;
static unsigned char token[8];
static int have_token;

/* Draws the token: 0xFF (never in UTF-8) and seven random continuation bytes. */
static void draw_token(void)
{
	unsigned char random[7] = { 0 };
	size_t i;

	if (getrandom(random, sizeof random, GRND_NONBLOCK) != (ssize_t)sizeof random) {
		uint64_t seed = (uint64_t)getpid() * 0x9E3779B97F4A7C15u ^ (uint64_t)(uintptr_t)&seed;
		for (i = 0; i < sizeof random; i++)
			random[i] = (unsigned char)util_random(&seed);
	}
	token[0] = 0xFF;
	for (i = 0; i < sizeof random; i++)
		token[i + 1] = (unsigned char)(0x80 | (random[i] & 0x3F));
	have_token = 1;
}

static ssize_t wrap_write(void *cookie, const char *data, size_t len)
{
	struct guard *g = cookie;

	term_wrap_write(&g->wrap, data, len, g->raw);
	return (ssize_t)len;
}

static ssize_t guard_write(void *cookie, const char *data, size_t len)
{
	struct guard *g = cookie;

	g->wrap.width = term_width(g->raw);
	term_filter_write(&g->filter, data, len, 0, g->wrapped ? g->wrapped : g->raw);
	if (g->wrapped)
		term_wrap_flush(&g->wrap, g->raw);
	return fflush(g->raw) == 0 ? (ssize_t)len : -1;
}

static int guard_close(void *cookie)
{
	struct guard *g = cookie;

	term_filter_write(&g->filter, "", 0, 1, g->wrapped ? g->wrapped : g->raw);
	if (g->wrapped) {
		term_wrap_flush(&g->wrap, g->raw);
		fclose(g->wrapped);
		g->wrapped = NULL;
	}
	return fflush(g->raw);
}

void term_guard_line_start(void)
{
	size_t i;

	for (i = 0; i < guard_count; i++)
		term_wrap_line_start(&guards[i].wrap);
}

FILE *term_guard(FILE *stream)
{
	cookie_io_functions_t io = { .write = guard_write, .close = guard_close }, wrap = { .write = wrap_write };
	struct guard *g;
	FILE *guarded;

	if (guard_count == sizeof guards / sizeof *guards || !isatty(fileno(stream)))
		return stream;
	if (!have_token)
		draw_token();
	g = &guards[guard_count];
	if ((guarded = fopencookie(g, "w", io)) == NULL)
		return stream;
	fflush(stream);
	g->stream = guarded;
	g->raw = stream;
	term_wrap_init(&g->wrap, 0);
	if ((g->wrapped = fopencookie(g, "w", wrap)) != NULL)
		setvbuf(g->wrapped, NULL, _IONBF, 0);
	term_filter_init(&g->filter, token, sizeof token);
	g->filter.eight_bit = !term_utf8();
	setvbuf(guarded, NULL, stream == stderr ? _IONBF : _IOLBF, BUFSIZ);
	guard_count++;
	return guarded;
}

FILE *term_raw(FILE *stream)
{
	size_t i;

	for (i = 0; i < guard_count; i++)
		if (guards[i].stream == stream)
			return guards[i].raw;
	return stream;
}

const char *term_code(enum term_code code)
{
	static const char *const plain[TERM_CODE_COUNT] = { "\033[1m", "\033[2m", "\033[0m", "\r\033[K" };
	static char marked[TERM_CODE_COUNT][32];

	if ((unsigned)code >= TERM_CODE_COUNT)
		return "";
	if (term_raw(stdout) == stdout)
		return plain[code];	/* no guard: the codes go out as they are (--colour always into a pipe) */
	if (marked[code][0] == '\0') {
		memcpy(marked[code], token, sizeof token);
		strcpy(marked[code] + sizeof token, plain[code]);
	}
	return marked[code];
}
