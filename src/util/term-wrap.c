/* term-wrap: text folded at word boundaries to the terminal's width, the last stage of a guarded stream
 * (term.h, "Wrapping"). A line is held until its end or a flush, then written with breaks at the last
 * space that fits; its continuation lines start under the line's text (past its indentation and a
 * "> ", "- " or "1. " marker), or, in a table (a run of two or more spaces before the break), under the
 * column the break falls in, so a table folds its last column. Escape codes take no room; a line with a
 * carriage return is a redraw (a countdown) and is written as it is. */
#include "rebound/term.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

void term_wrap_init(struct term_wrap *w, int width)
{
	memset(w, 0, sizeof *w);
	w->width = width;
}

/* The display width of the character at p (length bytes): 0 for a continuation, 2 for a wide one. */
static int char_width(const unsigned char *p, size_t length)
{
	wchar_t wc;
	mbstate_t state;
	int cells;

	if (*p < 0x80)
		return 1;
	memset(&state, 0, sizeof state);
	if (mbrtowc(&wc, (const char *)p, length, &state) > length)
		return 1;
	cells = wcwidth(wc);
	return cells < 0 ? 1 : cells;
}

static size_t char_length(const unsigned char *p, size_t left)
{
	size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;

	return n > left ? left : n;
}

/* An escape code's length at p (ESC [ ... final letter), or 0. */
static size_t code_length(const unsigned char *p, size_t left)
{
	size_t i = 2;

	if (left < 2 || p[0] != 0x1b || p[1] != '[')
		return 0;
	while (i < left && !((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= 'a' && p[i] <= 'z')))
		i++;
	return i < left ? i + 1 : left;
}

/* Where a line's continuation starts: past its indentation and a list or quote marker. */
static int hanging_indent(const unsigned char *p, size_t n)
{
	size_t i = 0, j;

	while (i < n && p[i] == ' ')
		i++;
	if (i + 1 < n && (p[i] == '>' || p[i] == '-' || p[i] == '*') && p[i + 1] == ' ')
		return (int)i + 2;
	for (j = i; j < n && j < i + 3 && p[j] >= '0' && p[j] <= '9'; j++)
		;
	if (j > i && j + 1 < n && (p[j] == '.' || p[j] == ')') && p[j + 1] == ' ')
		return (int)j + 2;
	return (int)i;
}

/* The cells of the word at p (up to a space or the end). */
static int word_cells(const unsigned char *p, size_t n)
{
	size_t i = 0;
	int cells = 0;

	while (i < n && p[i] != ' ') {
		size_t code = code_length(p + i, n - i), length = code ? code : char_length(p + i, n - i);
		cells += code ? 0 : char_width(p + i, length);
		i += length;
	}
	return cells;
}

static void put_spaces(FILE *out, int n)
{
	while (n-- > 0)
		fputc(' ', out);
}

/*
 * Writes one piece of a line (no newline in it) from column w->column on, folding where it passes the
 * width. Breaks at the last space written since the line or the last break; a word longer than the
 * room left is cut where it reaches the edge.
 */
static void write_piece(struct term_wrap *w, const unsigned char *p, size_t n, FILE *out)
{
	size_t i = 0, start = 0, space = (size_t)-1;
	int column = w->column, at_space = 0, table_column = -1, gap = 0;

	if (w->column == 0 && w->indent == 0)
		w->indent = hanging_indent(p, n);
	while (i < n) {
		size_t code = code_length(p + i, n - i), length = code ? code : char_length(p + i, n - i);
		int cells = code ? 0 : p[i] == '\t' ? 8 - column % 8 : char_width(p + i, length);
		if (!code && p[i] == ' ') {
			space = i;
			at_space = column;
			if (++gap >= 2)
				table_column = column + 1;
		} else if (!code) {
			gap = 0;
		}
		if (column + cells > w->width && column > w->indent) {
			size_t end = space != (size_t)-1 && space >= start && at_space > w->indent ? space : i;
			size_t resume = end == space ? space + 1 : i;
			int indent = table_column > w->indent && table_column < w->width / 2 + w->width / 4 &&
				     table_column + word_cells(p + resume, n - resume) <= w->width ? table_column : w->indent;
			size_t stop = end;
			while (stop > start && p[stop - 1] == ' ')	/* no spaces left at the end of a line */
				stop--;
			fwrite(p + start, 1, stop - start, out);
			fputc('\n', out);
			put_spaces(out, indent);
			w->indent = indent;
			column = indent;
			start = i = resume;
			space = (size_t)-1;
			table_column = -1;
			gap = 0;
			while (i < n && p[i] == ' ' && i == start)	/* no spaces at a continuation's start */
				start = ++i;
			continue;
		}
		column += cells;
		i += length;
	}
	fwrite(p + start, 1, n - start, out);
	w->column = column;
}

/* Writes what is held of the line. */
static void flush_line(struct term_wrap *w, FILE *out)
{
	if (w->held == 0)
		return;
	if (w->redraw || w->width <= 0) {
		fwrite(w->line, 1, w->held, out);
		w->column += (int)w->held;
	} else {
		write_piece(w, (const unsigned char *)w->line, w->held, out);
	}
	w->held = 0;
}

void term_wrap_write(struct term_wrap *w, const char *data, size_t len, FILE *out)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char c = data[i];
		if (c == '\n' || c == '\r') {
			flush_line(w, out);
			fputc(c, out);
			if (c == '\r')
				w->redraw = 1;	/* a line drawn again in place: not folded */
			else
				w->redraw = 0;
			w->column = 0;
			w->indent = 0;
			continue;
		}
		if (w->held == sizeof w->line)
			flush_line(w, out);
		w->line[w->held++] = c;
	}
}

void term_wrap_flush(struct term_wrap *w, FILE *out)
{
	flush_line(w, out);
}

void term_wrap_line_start(struct term_wrap *w)
{
	w->held = 0;
	w->column = 0;
	w->indent = 0;
	w->redraw = 0;
}
