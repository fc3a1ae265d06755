/* form: asking the user for values one at a time, for commands that fill in a record ('reject add',
 * 'reject edit') or ask before they act ('reject rm'). On a terminal the prompt shows the current value
 * in brackets and Enter keeps it; from a pipe each value is one line (the prompt is printed as a line
 * so that a transcript reads well) and a value that fails its check ends the command instead of
 * asking again, since the next line was meant for the next question. */
#ifndef REBOUND_FORM_H
#define REBOUND_FORM_H

#include "rebound/cmd.h"
#include "rebound/input.h"

enum form_result {
	FORM_OK,
	FORM_END,	/* the input ended */
	FORM_STOP,	/* a signal (Ctrl-C), or a bad value from a pipe: already reported */
};

/* Checks (and may rewrite) a value; returns NULL if it is good, else a message the caller frees. */
typedef char *(*form_check_fn)(void *arg, char **value);

struct form {
	struct cmd_ctx *ctx;
	struct input *in;
	const char *command;		/* for messages: "reject add" */
};

/*
 * Asks for one line. current (or NULL) is what Enter keeps; "-" clears an optional value (*value
 * NULL). check (or NULL) validates; on a terminal a bad value is reported and asked again.
 * *value is allocated (caller frees) or NULL.
 */
enum form_result form_line(struct form *form, const char *label, const char *current, form_check_fn check,
			   void *arg, char **value);

/* Asks for text over several lines, ended by an empty line (or the end of input). With a current
 * text, it is shown first (quoted, its first lines) and an empty first line keeps it; a lone "-"
 * clears it. *value is allocated ("" for none). */
enum form_result form_text(struct form *form, const char *label, const char *current, char **value);

/* Asks a yes/no question; anything but y or yes is no. */
enum form_result form_confirm(struct form *form, const char *question, int *yes);

/* Reports why the form ended early ("reject add: stopped; nothing was saved") and returns a status. */
int form_abandon(struct form *form, enum form_result result);

#endif
