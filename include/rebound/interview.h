/* interview: the timed question loop behind 'interview', 'resume' and 'drill': show a
 * question, a think countdown, an answer against the clock, an optional follow-up with a shorter clock,
 * then a self-rating per theme. Each answer is saved the moment it is finished, so a session cut short
 * by Ctrl-C, a closed terminal or a crash keeps everything up to its last answer.
 *
 * How an answer is taken is a strategy (struct interview_answerer): typed text (interview.c) or a
 * recording with its live transcript (interview-spoken.c), without changing the loop. */
#ifndef REBOUND_INTERVIEW_H
#define REBOUND_INTERVIEW_H

#include "rebound/cmd.h"
#include "rebound/input.h"
#include "rebound/select.h"
#include "rebound/store.h"

#define INTERVIEW_COUNT_DEFAULT 5
#define INTERVIEW_COUNT_MAX 100
#define INTERVIEW_SEED_ENV "REBOUND_SEED"	/* a number: the same questions in the same order each run */

/* What one answer step produced. */
struct interview_take {
	const char *mode;		/* how it was answered ("typed" when a recorder that failed gave way to
					 * typing), or NULL for the answerer's own mode */
	char *text;			/* typed text (may be ""), or NULL for none; the loop frees it */
	long long used_ms;
	int overtime;			/* 1 if the clock ran out */
	const char *stopped_by;		/* "enter", "eof", "limit" or "interrupt" */
	int input_ended;		/* the input ran out before anything was answered: nothing to save */
	int has_recording;		/* a spoken answer: recording (its path owned by the take) is filled */
	struct store_recording recording;
	const struct store_transcript *transcript;	/* of the recording, or NULL; owned by the answerer */
	int interrupted;		/* a signal came after the answer ended: save it, then stop */
	int too_long;			/* typed text over INPUT_LINE_MAX: refused whole, nothing to save */
};

struct interview;

/* Takes one answer within limit_seconds; first_line is text already typed during the think time. */
struct interview_answerer {
	const char *mode;		/* stored in answer.mode: "typed" or "spoken" */
	void (*take)(struct interview *iv, int limit_seconds, char *first_line, struct interview_take *take);
};

extern const struct interview_answerer interview_typed;

struct interview_options {
	const char *kind;			/* "interview" or "drill" */
	struct select_filter filter;
	int count;
	int think_seconds, answer_seconds;	/* -1: each question's own */
	int follow_ups;				/* 1: ask one of a question's follow-ups after its answer */
	int spoken;				/* 1: record spoken answers instead of taking typed ones */
	const char *const *question_ids;	/* if not NULL, ask these (question_count of them) in order */
	size_t question_count;			/* instead of choosing by the filter */
};

/* The options 'interview' and 'drill' share: their values as cmd_run parsed them (NULL when absent). */
struct interview_flags {
	const char *count, *think, *answer, *no_follow_ups, *spoken, *typed;
};

/* The table entries of those options, the same in both commands (--count's help differs). */
#define INTERVIEW_OPTION_THINK { "think", "S", COMPLETE_NONE, "think time in seconds for every question (0 skips it)" }
#define INTERVIEW_OPTION_ANSWER { "answer", "S", COMPLETE_NONE, "answer time in seconds for every question (1-3600)" }
#define INTERVIEW_OPTION_ANSWERS { "answers", "FILE", COMPLETE_FILE, "read answers and ratings from FILE" }
#define INTERVIEW_OPTION_NO_FOLLOW_UPS { "no-follow-ups", NULL, COMPLETE_NONE, "ask no follow-up questions" }
#define INTERVIEW_OPTION_SPOKEN { "spoken", NULL, COMPLETE_NONE, "record spoken answers from the microphone" }
#define INTERVIEW_OPTION_TYPED { "typed", NULL, COMPLETE_NONE, "type the answers (when spoken is the setting)" }

/*
 * Fills *o with kind, the defaults and the shared settings from flags: count, the clock, follow-ups,
 * and spoken or typed (--spoken, --typed, else the setting interview.spoken); difficulty 1-5 and no
 * filter. Returns CMD_OK or the status of the error it reported.
 */
int interview_parse_flags(struct cmd_ctx *ctx, const char *kind, const struct interview_flags *flags,
			  struct interview_options *o);

/* Picks questions, opens a session and runs it. Returns a CMD_* status. */
int interview_start(struct cmd_ctx *ctx, struct input *in, const struct interview_options *options);

/* Continues an open session: rates answers left unrated, then asks from the first unanswered question. */
int interview_resume(struct cmd_ctx *ctx, struct input *in, long long session_id);

/* Asks for the ratings and note of one saved answer (for 'rate'); themes are the question's. */
int interview_rate_answer(struct cmd_ctx *ctx, struct input *in, const struct store_answer *answer,
			  const struct bank_strings *themes);

#endif
