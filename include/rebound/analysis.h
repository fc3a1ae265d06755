/* analysis: what an answer contains, from its text alone, for typed answers and transcripts alike: the
 * parts of a STAR story (situation, task, action, result) sentence by sentence, from cue lexicons kept as
 * data (assets/star-cues.txt); specifics (numbers, dates, "I" against "we" where things were done); the
 * question's keywords and talking points it touched; length, sentence length, fillers and hedges. Each
 * figure comes with the theme it is evidence for and a verdict. Pure: no I/O except analysis_cues_load. */
#ifndef REBOUND_ANALYSIS_H
#define REBOUND_ANALYSIS_H

#include <stddef.h>

#include "rebound/arena.h"
#include "rebound/speech.h"

enum analysis_part { ANALYSIS_SITUATION, ANALYSIS_TASK, ANALYSIS_ACTION, ANALYSIS_RESULT, ANALYSIS_PART_COUNT };

#define ANALYSIS_PART_BIT(part) (1u << (part))
#define ANALYSIS_CUE_WORDS 6		/* the most words in one cue phrase */

/* The cue lexicons. */
struct analysis_cues;

/*
 * Reads the lexicons (assets/star-cues.txt; a copy in the data dir wins, as with fillers.txt). Format:
 * '#' starts a comment to the end of the line; "[situation]", "[task]", "[action]", "[result]",
 * "[generic]", "[past-verbs]", "[change]" and "[task-early]" start sections; every other line is one
 * cue: lowercase words separated by spaces (at most ANALYSIS_CUE_WORDS), where "N" stands for any number ("40%", "$20k", "3", "two"),
 * "YEAR" for a year (1950-2099), "MONTH" for a month's name and "*" for any one word. A [past-verbs] line
 * is one word: a past-tense verb that does not end in "-ed" ("led", "wrote"); a [change] line one word of
 * change that, with a number, makes a result ("dropped", "cut", "from"); a [task-early] cue makes a task
 * only in a story's first two sentences or before its first action. NULL with *cause as
 * "PATH:LINE: message" for a bad line, or "cannot read 'PATH': ...".
 */
struct analysis_cues *analysis_cues_load(const char *path, char **cause);
/* The same from text in memory (name is what messages call it). */
struct analysis_cues *analysis_cues_parse(const char *name, const char *text, size_t len, char **cause);
void analysis_cues_free(struct analysis_cues *cues);	/* accepts NULL */

/* What the analysis knows of the question (any field may be NULL or empty). */
struct analysis_question {
	const char *text;
	int story;			/* 1: judged as a story (STAR); 0: a direct question (leads with the point?) */
	const char *const *keywords, *const *points;
	size_t keyword_count, point_count;
	int answer_seconds;		/* the time to answer in, for the spoken-length estimate; 0 if none */
};

struct analysis_sentence {
	size_t start, length;		/* bytes of the text */
	unsigned parts;			/* ANALYSIS_PART_BIT()s its cues gave it */
};

#define ANALYSIS_WORDS_PER_MINUTE 150	/* speaking rate for the spoken-length estimate */

struct analysis {
	size_t words, sentences;
	struct analysis_sentence *sentence;	/* in arena */
	unsigned parts;				/* present anywhere */
	int first_sentence[ANALYSIS_PART_COUNT];	/* index of the first sentence with the part, or -1 */
	int in_order;				/* the parts present come in the order S, T, A, R */
	int ends_at_action;			/* a story with actions and no result after the last one */
	int last_action;			/* index of that last action sentence, or -1 */
	int generic;				/* no situation, and talk of habits ("I always", "usually") */
	int numbers, dates;			/* specifics */
	int i_actions, we_actions;		/* action sentences led by "I" / by "we" */
	int leads_with_point;			/* direct questions: the first sentence takes up the question */
	double words_per_sentence;
	long long spoken_ms;			/* estimated at ANALYSIS_WORDS_PER_MINUTE */
	struct speech_counts speech;		/* fillers and hedges, as for transcripts */
	struct speech_coverage keywords, points;
};

/*
 * Analyses text (UTF-8; punctuation optional) as an answer to question, with the lexicons cues and the
 * filler and hedge lists (lists may be NULL). Sentences end at '.', '!', '?' or a line break; a run of
 * more than 30 words with none is cut at " so ", " then ", " and then ", " but " and "; ". A sentence has
 * a part when one of the part's cues appears in it; an action is also a sentence where "i" or "we" (or "my
 * team", "our team") is followed within three words by a past-tense verb ("-ed" or a [past-verbs] word);
 * a result is also a sentence after the first action that holds a number and a change ("dropped", "from N
 * to N", "by N"). In a story that is not generic, the first sentence (after a short lead-in) is a
 * situation when it is told in the past and starts with neither a deed of "i" or "we" nor a task cue.
 * Everything lives in arena; *out is overwritten.
 */
void analysis_run(const struct analysis_cues *cues, const struct speech_lists *lists,
		  const struct analysis_question *question, const char *text, struct arena *arena,
		  struct analysis *out);

/* "situation", "task", "action", "result". */
const char *analysis_part_name(enum analysis_part part);

#endif
