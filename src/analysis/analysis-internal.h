/* analysis-internal: the parsed cue lexicons, shared by analysis-cues.c (which reads them) and
 * analysis.c (which matches them). Not for use elsewhere. */
#ifndef REBOUND_ANALYSIS_INTERNAL_H
#define REBOUND_ANALYSIS_INTERNAL_H

#include "rebound/analysis.h"

enum cue_section {
	CUE_SITUATION, CUE_TASK, CUE_ACTION, CUE_RESULT, CUE_GENERIC, CUE_PAST_VERBS, CUE_CHANGE, CUE_TASK_EARLY,
	CUE_SECTION_COUNT
};

enum cue_word { CUE_WORD_LITERAL, CUE_WORD_ANY, CUE_WORD_NUMBER, CUE_WORD_YEAR, CUE_WORD_MONTH };

struct cue {
	const char *words[ANALYSIS_CUE_WORDS];	/* "N", "YEAR", "MONTH" and "*" are wildcards */
	unsigned char kinds[ANALYSIS_CUE_WORDS];	/* enum cue_word of each, worked out once when read */
	unsigned hashes[ANALYSIS_CUE_WORDS];		/* analysis_word_hash of each literal word */
	size_t count;
};

/* A section's cues, sorted by the first byte of their first word (a wildcard first counts as byte 0):
 * those starting with byte b are items [start[b], start[b + 1]). */
struct cue_list {
	struct cue *items;
	size_t count, room;
	size_t start[257];
};

struct analysis_cues {
	struct arena arena;
	struct cue_list lists[CUE_SECTION_COUNT];
};

/* A word's hash, compared before its bytes when cues are matched. */
static inline unsigned analysis_word_hash(const char *word)
{
	unsigned h = 2166136261u;

	for (; *word != '\0'; word++)
		h = (h ^ (unsigned char)*word) * 16777619u;
	return h;
}

#endif
