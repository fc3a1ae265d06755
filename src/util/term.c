/* term: what the output stream can take: colours and in-place redraws on a terminal,
 * plain text with no escape codes on a pipe or with NO_COLOR set. */
#include "rebound/term.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int term_color(FILE *out)
{
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

	if (!isatty(fileno(term_raw(out))))
		return 0;
	if (no_color != NULL && *no_color != '\0')
		return 0;
	return term == NULL || strcmp(term, "dumb") != 0;
}

int term_color_choice(FILE *out, const char *when)
{
	if (when != NULL && strcmp(when, "always") == 0)
		return 1;
	if (when != NULL && strcmp(when, "never") == 0)
		return 0;
	return term_color(out);
}

int term_width(FILE *out)
{
	struct winsize ws;
	int fd = fileno(term_raw(out));

	if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0)
		return 0;
	return ws.ws_col;
}

int term_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

const char *term_bold(int color)
{
	return color ? term_code(TERM_BOLD) : "";
}

const char *term_dim(int color)
{
	return color ? term_code(TERM_DIM) : "";
}

const char *term_reset(int color)
{
	return color ? term_code(TERM_RESET) : "";
}

const char *term_clear_line(void)
{
	return term_code(TERM_CLEAR_LINE);
}
