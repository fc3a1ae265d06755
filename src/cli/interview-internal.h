/* interview-internal: what the interview loop (interview.c) shares with its answerers, such as the
 * recorder of spoken answers (interview-spoken.c). Not for use elsewhere. */
#ifndef REBOUND_INTERVIEW_INTERNAL_H
#define REBOUND_INTERVIEW_INTERNAL_H

#include <stdint.h>

#include "rebound/interview.h"

struct interview_audio;

struct interview {
	struct cmd_ctx *ctx;
	struct input *in;
	const struct interview_answerer *answerer;
	struct store_session session;	/* id and settings */
	uint64_t rng;
	int answered;			/* questions answered in this run */
	int position, follow_up;	/* the answer being taken: its place, and 1 for a follow-up */
	const struct bank_question *question;	/* and its question (NULL for a follow-up) */
	struct interview_audio *audio;	/* open while the session records spoken answers */
	int draft_fd, draft_failed;	/* the typed answer's draft file (interview-draft.c), -1 for none */
	int draft_adopted;		/* the draft is a kept one, taken as the answer as its file holds it */
	char *draft_path;		/* set while a draft is open */
	char *draft_kept;		/* the text of a draft an earlier try left, to offer */
	char *answer_text;		/* the main answer just saved, shown again before it is rated */
	char *answer_heard;		/* NULL for typed text; for a transcript, how sure it is */
	/* An interrupted answer that 'resume' takes again: the next main answer at its position replaces it. */
	long long replacing;		/* its id, or 0 */
	int replacing_position;
	char *replacing_recording;	/* its recording's path (under the data dir), removed once replaced */
	char *continued_text;		/* its typed text to go on from (NULL: answered afresh) */
	long long continued_ms;		/* and the clock where it stopped */
	int continued_think_limit;	/* and its thinking time, kept */
	long long continued_think_ms;
};

/* Drops what is kept of an interrupted answer being taken again (interview.c). */
void interview_forget_replacing(struct interview *iv);

/* Prints to the interview's output and flushes. */
void interview_say(struct interview *iv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Drafts (interview-draft.c): a typed answer on disk as it is typed. interview_draft_open makes the file
 * of the answer being taken (iv->position, iv->follow_up), with its space reserved; interview_draft_add
 * appends a line. interview_draft_close(iv, 0) removes it (the answer was saved, or there was nothing to
 * save) and returns NULL; interview_draft_close(iv, 1) keeps it and returns its path (caller frees) when
 * it holds the whole answer, else removes it and returns NULL. interview_draft_read gives the text of a
 * kept draft of the answer being taken, or NULL; interview_draft_adopt takes that kept file, as it is, as
 * this answer's draft (nothing is rewritten, so a disk still full cannot lose it).
 */
void interview_draft_open(struct interview *iv);
void interview_draft_add(struct interview *iv, const char *line);
char *interview_draft_close(struct interview *iv, int keep);
void interview_draft_adopt(struct interview *iv);
char *interview_draft_read(const struct interview *iv);

/* Spoken answers (interview-spoken.c): opens the audio devices from the user's settings and the
 * recordings folder; -1 with *cause when there is no input device. */
extern const struct interview_answerer interview_spoken;
int interview_spoken_open(struct interview *iv, char **cause);
void interview_spoken_close(struct interview *iv);

#endif
