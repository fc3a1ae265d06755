/* speech-internal: what speech.c (counting, coverage, bands) and speech-lists.c (reading the filler and
 * hedge list files) share: the phrase lists' structs. Not for use outside the speech module. */
#ifndef REBOUND_SPEECH_INTERNAL_H
#define REBOUND_SPEECH_INTERNAL_H

#include <stddef.h>

#include "rebound/arena.h"
#include "rebound/speech.h"

struct speech_phrase {
	const char *text;		/* the words joined by one space: "you know" */
	const char *words[SPEECH_MAX_PHRASE_WORDS];
	size_t word_count;
	const char **before, **after;	/* words that cancel the phrase just before or just after it */
	size_t before_count, after_count;
	int line;
};

struct speech_list {
	struct speech_phrase *items;
	size_t count, cap;
};

struct speech_lists {
	struct arena arena;		/* every string and exclusion array of both lists */
	struct speech_list fillers, hedges;
};

#endif
