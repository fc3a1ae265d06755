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
};

/* Prints to the interview's output and flushes. */
void interview_say(struct interview *iv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Spoken answers (interview-spoken.c): opens the audio devices from the user's settings and the
 * recordings folder; -1 with *cause when there is no input device. */
extern const struct interview_answerer interview_spoken;
int interview_spoken_open(struct interview *iv, char **cause);
void interview_spoken_close(struct interview *iv);

#endif
