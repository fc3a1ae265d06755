/* html: text made safe to put inside HTML and inline SVG, for the Anki deck and the progress report. */
#ifndef REBOUND_HTML_H
#define REBOUND_HTML_H

#include <stdio.h>

/*
 * Writes text as element content: &, <, >, " and ' escaped, a newline as <br/>, bytes that are not UTF-8
 * as U+FFFD, and other control characters (which HTML and XML forbid) dropped.
 */
void html_text(FILE *out, const char *text);
/* The same for an attribute value or inside SVG: a newline is a space. */
void html_attr(FILE *out, const char *text);

#endif
