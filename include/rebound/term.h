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

#endif
