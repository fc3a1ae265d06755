/* term: what the output stream can take: colours and in-place redraws on a terminal,
 * plain text with no escape codes on a pipe or with NO_COLOR set. */
#ifndef REBOUND_TERM_H
#define REBOUND_TERM_H

#include <stdio.h>

/* 1 if escape codes may be written to out. */
int term_color(FILE *out);
/* The same, chosen: "always" 1, "never" 0, "auto" or NULL as term_color. */
int term_color_choice(FILE *out, const char *when);
/* Terminal width in columns, or 0 when out is not a terminal. */
int term_width(FILE *out);
/* 1 if the locale's character set is UTF-8 (for ▁▂▃ and other non-ASCII glyphs). */
int term_utf8(void);

/* Escape codes, or "" when color is 0. */
const char *term_bold(int color);
const char *term_dim(int color);
const char *term_reset(int color);
/* Back to the start of the line and clear it, for a line redrawn in place on a terminal (a meter, a clock). */
const char *term_clear_line(void);

/*
 * The guard (term-guard.c): the one sanitiser between rebound and a terminal.
 *
 * term_guard(stream) returns a stream to use instead of stream (stdout or stderr) when it is a terminal,
 * else stream itself. What is written to it reaches the terminal with every control character shown
 * instead of obeyed: C0 controls but tab and newline as ^X (ESC as ^[, a lone CR as ^M; CR before LF
 * stays), DEL as ^?, the C1 controls and the bidirectional overrides as <U+XXXX>, and bytes that are not
 * valid UTF-8 as \xNN; valid UTF-8 is kept (but where the locale is not UTF-8, whose terminal may take
 * bytes 0x80-0x9F as C1 controls, those bytes are shown as \xNN wherever they are). rebound's own codes
 * (term_code, and term_bold and the rest, which use it) get through: they carry a token drawn at random at the first guard, which the filter takes
 * off, and which no file can know. term_raw(stream) is the real stream under a guarded one (for readline,
 * which draws its own line), or stream itself.
 */
FILE *term_guard(FILE *stream);
FILE *term_raw(FILE *stream);

enum term_code { TERM_BOLD, TERM_DIM, TERM_RESET, TERM_CLEAR_LINE, TERM_CODE_COUNT };
/* The code as written to stdout: marked with the token when stdout is guarded. */
const char *term_code(enum term_code code);

/* 1 for a character the guard shows instead of writing: a C0 control but tab and newline, DEL, a C1
 * control, or a bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069). */
int term_unsafe_char(unsigned int cp);

/* text made safe as the guard makes it (no token: every escape shown), as a new string. */
char *term_safe_text(const char *text);

/* The filter itself, for tests: token (up to 8 bytes) marks trusted codes, or token_len 0 for none. */
struct term_filter {
	unsigned char token[8];
	size_t token_len;
	unsigned char carry[32];	/* the start of a character, token or code that the next write finishes */
	size_t carry_len;
	int eight_bit;			/* the locale is not UTF-8: the terminal may read bytes 0x80-0x9F as C1
					 * controls, so they are shown as \xNN even inside a character */
};
void term_filter_init(struct term_filter *f, const unsigned char *token, size_t token_len);
/* Writes the safe form of len bytes of data to out; final 1 at the end, which shows what was carried. */
void term_filter_write(struct term_filter *f, const char *data, size_t len, int final, FILE *out);

/*
 * Wrapping (term-wrap.c): the guard's last stage folds text at word boundaries to the terminal's width.
 * A line is held until its newline or a flush and written with breaks at the last space that fits; a
 * continuation starts under the line's text (past its indentation and a "> ", "- " or "1. " marker), or in
 * a table (a run of two spaces or more before the break) under the column the break falls in, so tables
 * fold their last column. Escape codes take no room, wide characters two cells; a line with a carriage
 * return (a countdown drawn again in place) is not folded. Output to a pipe is never guarded, so it keeps
 * one record per line.
 */
#define TERM_WRAP_LINE_MAX 4096
struct term_wrap {
	int width;			/* 0: no folding */
	int column, indent, redraw;
	char line[TERM_WRAP_LINE_MAX];	/* what is held of the current line */
	size_t held;
};
void term_wrap_init(struct term_wrap *w, int width);
void term_wrap_write(struct term_wrap *w, const char *data, size_t len, FILE *out);
/* Writes what is held (a prompt before input): the line goes on from there. */
void term_wrap_flush(struct term_wrap *w, FILE *out);
/* The cursor is at a line's start again (the reader echoed a newline): forget the column. */
void term_wrap_line_start(struct term_wrap *w);
/* The same for the guarded streams, called when a line of input has been read. */
void term_guard_line_start(void);

#endif
