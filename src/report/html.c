/* html: escaping text for HTML element content and attributes (see html.h). */
#include "rebound/html.h"
#include "rebound/util.h"

static void escape(FILE *out, const char *text, const char *newline)
{
	const unsigned char *p = (const unsigned char *)text;

	while (*p != '\0') {
		size_t length = util_utf8_length(p);
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\n': fputs(newline, out); break;
		case '\t': fputc(' ', out); break;
		default:
			if (length == 0)
				fputs("\xEF\xBF\xBD", out);	/* U+FFFD */
			else if (*p >= 0x20 && *p != 0x7F)
				fwrite(p, 1, length, out);
		}
		p += length ? length : 1;
	}
}

void html_text(FILE *out, const char *text)
{
	escape(out, text, "<br/>");
}

void html_attr(FILE *out, const char *text)
{
	escape(out, text, " ");
}
