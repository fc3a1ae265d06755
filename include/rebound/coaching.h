/* coaching: prints a spoken answer's coaching figures against their reference bands: pace and, for
 * behavioural questions, length (from the signal); fillers, hedges and repeats a minute and the keywords
 * and talking points said (from the transcript, marked so, and only when the transcript is clear enough).
 * Part of the command layer (it prints to the command's output, as cmd.c's printers do): used after an
 * answer, and by 'session', 'replay' and 'transcribe'. */
#ifndef REBOUND_COACHING_H
#define REBOUND_COACHING_H

#include "rebound/bank.h"
#include "rebound/cmd.h"
#include "rebound/speech.h"
#include "rebound/store.h"

/* Behavioural answers (length judged against one to two minutes): questions of this bank, or training
 * this theme (a story is asked for). */
#define COACHING_STORY_BANK "behavioural"
#define COACHING_STORY_THEME "examples"

struct coaching {
	const struct bank_question *question;		/* NULL: no keywords, points or length band */
	const struct store_recording *recording;
	const struct store_transcript *transcript;	/* NULL: none */
	const struct speech_lists *lists;		/* for the filler and hedge details; NULL: counts only */
};

/* Prints the figures, each line starting with indent. */
void coaching_print(struct cmd_ctx *ctx, const char *indent, const struct coaching *coaching);

/* The question an answer is coached against: its own, or NULL for a follow-up (whose keywords, points
 * and length are not the main question's). */
const struct bank_question *coaching_question(struct cmd_ctx *ctx, const struct store_answer *answer);

/* Prints a saved answer's figures (recording given), reading its transcript into *transcript (strings in
 * arena) when it has one. Returns 1 if it had one, else 0. */
int coaching_print_saved(struct cmd_ctx *ctx, const char *indent, const struct store_answer *answer,
			 const struct store_recording *recording, const struct speech_lists *lists, struct arena *arena,
			 struct store_transcript *transcript);

/* 1 if the question asks for a story (see above). */
int coaching_is_story(const struct bank_question *question);

#endif
