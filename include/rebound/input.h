/* input: where commands, answers and ratings are read from. On a terminal, readline edits the line and a
 * countdown in the prompt redraws in place; from a pipe or file, lines are read as they come and a
 * countdown is printed as plain lines. Either way a read can have a deadline, and SIGINT, SIGHUP and
 * SIGTERM end it as an interruption instead of killing the process, so callers save what they have. */
#ifndef REBOUND_INPUT_H
#define REBOUND_INPUT_H

#include <stdio.h>

/* The most bytes one line, and one typed answer, may hold: 1 MiB. A longer line is never split: it is
 * dropped whole (INPUT_TOO_LONG), so a flood of input cannot fill memory or end an answer early. */
#define INPUT_LINE_MAX (1024 * 1024)
#define INPUT_LINE_MAX_TEXT "1 MiB"

enum input_result {
	INPUT_LINE,		/* a whole line (without its newline) */
	INPUT_EOF,		/* end of input (Ctrl-D on an empty line); *line is NULL */
	INPUT_TIMEOUT,		/* the deadline passed; *line holds what was typed so far */
	INPUT_INTERRUPT,	/* a signal (see input_signal); *line holds what was typed so far */
	INPUT_TOO_LONG,		/* a line over INPUT_LINE_MAX, dropped up to its newline; *line is NULL */
};

enum input_flags {
	INPUT_COMPLETE = 1 << 0,	/* allow readline completion (the shell's command line) */
};

struct input;

/* Reads from fd; terminal selects readline (fd must then be the terminal on stdin) and out is where
 * plain countdowns go. */
struct input *input_open(int fd, FILE *out, int terminal);
/* Accepts NULL. Does not close fd. */
void input_close(struct input *input);
int input_is_terminal(const struct input *input);

/*
 * Reads one line. prompt is shown on a terminal (after "[M:SS] " while a deadline runs) and never
 * printed on a pipe. deadline_ms is a date_monotonic_ms() instant, or -1 for none.
 * *line is set (caller frees) for every result but INPUT_EOF and INPUT_TOO_LONG. A signal is taken
 * before any buffered line, so a flood of input never hides one.
 */
enum input_result input_line(struct input *input, const char *prompt, long long deadline_ms, int flags,
			     char **line);

/*
 * Waits until deadline_ms for Enter (INPUT_LINE; the line is discarded), end of input, or a signal,
 * with no line editing and, on a terminal, no echo: for a caller that redraws a status line meanwhile
 * (the recording meter). INPUT_TIMEOUT when the deadline passes first. On a pipe only an empty line
 * is Enter; a line with text is left for the next read, and INPUT_EOF says no Enter can come before it.
 */
enum input_result input_wait_enter(struct input *input, long long deadline_ms);

/* Keys input_key reports besides plain characters. */
#define INPUT_KEY_LEFT 0x101
#define INPUT_KEY_RIGHT 0x102

/*
 * Waits until deadline_ms for one key press on a terminal (no echo, no Enter needed): *key is the
 * character, INPUT_KEY_LEFT or INPUT_KEY_RIGHT (INPUT_LINE). On a pipe keys do not exist: it waits for
 * the deadline (INPUT_TIMEOUT) or reports the end of input. A signal gives INPUT_INTERRUPT.
 */
enum input_result input_key(struct input *input, long long deadline_ms, int *key);

/* The signal that caused the last INPUT_INTERRUPT (SIGINT, SIGHUP or SIGTERM). */
int input_signal(const struct input *input);

/* While held, SIGINT, SIGHUP and SIGTERM are caught even between reads (the interactive shell), and
 * a signal caught meanwhile makes the next read return INPUT_INTERRUPT at once. Returns the previous
 * state, for the caller to restore. */
int input_hold_signals(struct input *input, int hold);

#endif
