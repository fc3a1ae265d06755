/* input: line input with deadlines, from a terminal through readline's callback interface (the countdown
 * lives in the prompt and is redrawn in place each second) or from a pipe or file through a small
 * buffered reader (the countdown is printed as plain "M:SS left" lines at milestones).
 * Signals only set a flag. They stay blocked except inside ppoll, which unblocks them atomically, so one
 * that arrives between checking the flag and waiting still wakes the wait. Signals the parent set to be
 * ignored (nohup) stay ignored. */
#define _GNU_SOURCE	/* ppoll */
#include "rebound/date.h"
#include "rebound/input.h"
#include "rebound/term.h"
#include "rebound/util.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <readline/readline.h>

static const int caught_signals[] = { SIGINT, SIGHUP, SIGTERM, SIGWINCH };
#define CAUGHT_COUNT (sizeof caught_signals / sizeof caught_signals[0])

/* Set by the handler; a signal handler can only talk to the loop through a global. */
static volatile sig_atomic_t pending_signal, pending_resize;

struct input {
	int fd, terminal, held, signal;
	FILE *out;
	struct sigaction saved[CAUGHT_COUNT];
	sigset_t wait_mask;		/* the mask before catching: what ppoll waits with */
	/* The plain reader's buffer: bytes [start, len) are unread. */
	char *buf;
	size_t start, len, capacity;
	int eof;
	int skipping;			/* dropping the rest of a line over INPUT_LINE_MAX, up to its newline */
	int catching;			/* our handlers are in and wait_mask is set (catch_signals) */
};

static void on_signal(int sig)
{
	if (sig == SIGWINCH)
		pending_resize = 1;
	else
		pending_signal = sig;
}

static void catch_signals(struct input *input)
{
	struct sigaction action;
	sigset_t block;
	size_t i;

	memset(&action, 0, sizeof action);
	action.sa_handler = on_signal;
	action.sa_flags = SA_RESTART;	/* ppoll is never restarted; other calls should be */
	sigemptyset(&action.sa_mask);
	sigemptyset(&block);
	for (i = 0; i < CAUGHT_COUNT; i++) {
		sigaction(caught_signals[i], NULL, &input->saved[i]);
		if (input->saved[i].sa_handler == SIG_IGN)
			continue;
		sigaction(caught_signals[i], &action, NULL);
		sigaddset(&block, caught_signals[i]);
	}
	sigprocmask(SIG_BLOCK, &block, &input->wait_mask);
	input->catching = 1;
}

/* Unblocks first, so a signal that came meanwhile reaches the flag rather than the old handler. */
static void release_signals(struct input *input)
{
	size_t i;

	sigprocmask(SIG_SETMASK, &input->wait_mask, NULL);
	for (i = 0; i < CAUGHT_COUNT; i++)
		sigaction(caught_signals[i], &input->saved[i], NULL);
	input->catching = 0;
}

/* Waits for input for up to timeout_ms (-1: no limit) with the caught signals unblocked. */
static int wait_readable(struct input *input, struct pollfd *pfd, long long timeout_ms)
{
	struct timespec ts = { .tv_sec = timeout_ms / 1000, .tv_nsec = timeout_ms % 1000 * 1000000 };

	return ppoll(pfd, 1, timeout_ms < 0 ? NULL : &ts, &input->wait_mask);
}

struct input *input_open(int fd, FILE *out, int terminal)
{
	struct input *input = xcalloc(1, sizeof *input);

	input->fd = fd;
	input->out = out;
	input->terminal = terminal;
	if (terminal) {
		rl_catch_signals = 0;
		rl_catch_sigwinch = 0;
		rl_readline_name = "rebound";
		rl_outstream = term_raw(out);	/* readline draws with escape codes: not through the guard */
	}
	return input;
}

void input_close(struct input *input)
{
	if (input == NULL)
		return;
	if (input->held)
		release_signals(input);
	free(input->buf);
	free(input);
}

int input_is_terminal(const struct input *input)
{
	return input->terminal;
}

int input_signal(const struct input *input)
{
	return input->signal;
}

int input_hold_signals(struct input *input, int hold)
{
	int was = input->held;

	if (hold && !input->held)
		catch_signals(input);
	else if (!hold && input->held)
		release_signals(input);
	input->held = hold;
	return was;
}

/* Takes a pending signal; 1 if there was one. The caught signals are blocked outside ppoll, so one that
 * came while the reader had lines buffered (and so never waited) is let in here first. */
static int take_signal(struct input *input)
{
	sigset_t pending, old;

	if (pending_signal == 0 && input->catching && sigpending(&pending) == 0) {
		size_t i;
		for (i = 0; i < CAUGHT_COUNT; i++)
			if (caught_signals[i] != SIGWINCH && sigismember(&pending, caught_signals[i]))
				break;
		if (i < CAUGHT_COUNT) {
			sigprocmask(SIG_SETMASK, &input->wait_mask, &old);	/* delivered to on_signal now */
			sigprocmask(SIG_SETMASK, &old, NULL);
		}
	}
	if (pending_signal == 0)
		return 0;
	input->signal = pending_signal;
	pending_signal = 0;
	return 1;
}

/* Milliseconds until the deadline (never below 0). */
static long long remaining_ms(long long deadline_ms)
{
	long long left = deadline_ms - date_monotonic_ms();

	return left > 0 ? left : 0;
}

/* ------------------------------------------------------------------------------------------------
 * Terminal: readline's callback interface in a poll loop
 */

static char *finished_line;
static int line_finished;

static void on_line(char *line)
{
	rl_callback_handler_remove();	/* readline prints no new prompt after this */
	finished_line = line;
	line_finished = 1;
}

/* The prompt readline shows (it writes it raw, past the guard): made safe, with the time left in front. */
static char *countdown_prompt(const char *prompt, long long deadline_ms)
{
	char clock[16], *safe = term_safe_text(prompt), *shown;

	if (deadline_ms < 0)
		return safe;
	date_format_duration(remaining_ms(deadline_ms) + 999, clock);	/* whole seconds, rounded up */
	shown = xasprintf("[%s] %s", clock, safe);
	free(safe);
	return shown;
}

/* Leaves the line as typed on screen, moves below it, and returns what was typed. */
static char *abandon_line(void)
{
	char *typed;

	rl_callback_sigcleanup();	/* ends a search or a half-typed key sequence, which must not carry over */
	typed = xstrdup(rl_line_buffer ? rl_line_buffer : "");
	rl_point = rl_end;
	rl_redisplay();
	rl_replace_line("", 1);
	rl_callback_handler_remove();
	fputc('\n', rl_outstream ? rl_outstream : stdout);
	fflush(rl_outstream ? rl_outstream : stdout);
	return typed;
}

static enum input_result terminal_line(struct input *input, const char *prompt, long long deadline_ms,
				       int flags, char **line)
{
	struct pollfd pfd = { .fd = input->fd, .events = POLLIN };
	char *shown = countdown_prompt(prompt, deadline_ms);

	fflush(input->out);	/* what the guard holds goes out before readline's own writes */
	rl_inhibit_completion = !(flags & INPUT_COMPLETE);
	line_finished = 0;
	finished_line = NULL;
	rl_callback_handler_install(shown, on_line);
	for (;;) {
		int timeout = -1;
		if (deadline_ms >= 0) {
			long long left = remaining_ms(deadline_ms);
			if (left == 0) {
				*line = abandon_line();
				free(shown);
				return INPUT_TIMEOUT;
			}
			timeout = (int)(left % 1000 ? left % 1000 : 1000);	/* wake as the shown second changes */
		}
		if (wait_readable(input, &pfd, timeout) < 0 && errno != EINTR)
			break;
		if (take_signal(input)) {
			*line = abandon_line();
			free(shown);
			return INPUT_INTERRUPT;
		}
		if (pending_resize) {
			pending_resize = 0;
			rl_resize_terminal();
		}
		if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) {
			rl_callback_read_char();
			if (line_finished)
				break;
		}
		if (deadline_ms >= 0) {
			char *next = countdown_prompt(prompt, deadline_ms);
			if (strcmp(next, shown) != 0 && !RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH)) {
				/* redraw the line in place with the new time */
				rl_set_prompt(next);
				rl_clear_visible_line();
				rl_forced_update_display();
			}
			free(shown);
			shown = next;
		}
	}
	free(shown);
	if (!line_finished) {	/* poll failed: treat as the end of input */
		rl_callback_handler_remove();
		*line = NULL;
		return INPUT_EOF;
	}
	if (finished_line != NULL && strlen(finished_line) > INPUT_LINE_MAX) {
		free(finished_line);	/* readline has no limit: the same one as on a pipe */
		*line = NULL;
		return INPUT_TOO_LONG;
	}
	*line = finished_line;
	return finished_line ? INPUT_LINE : INPUT_EOF;
}

/* ------------------------------------------------------------------------------------------------
 * Plain: a buffered line reader over a pipe or file
 */

/*
 * The next whole line if the buffer has one (or the rest at end of input): INPUT_LINE with *line.
 * A line over INPUT_LINE_MAX is never split: it is INPUT_TOO_LONG as soon as it passes the limit, and
 * the rest of it is dropped as it comes, up to its newline, so memory stays bounded whatever the input.
 * -1 when more input is needed.
 */
static int take_buffered(struct input *input, char **line)
{
	char *start = input->buf + input->start, *newline;
	size_t available = input->len - input->start, length;
	int was_skipping = input->skipping;

	newline = available ? memchr(start, '\n', available) : NULL;
	if (was_skipping || (newline == NULL && available > INPUT_LINE_MAX) ||
	    (newline != NULL && (size_t)(newline - start) > INPUT_LINE_MAX)) {
		input->start = newline != NULL ? (size_t)(newline - input->buf) + 1 : input->len;
		input->skipping = newline == NULL && !input->eof;
		if (!was_skipping)
			return INPUT_TOO_LONG;
		return input->skipping ? -1 : take_buffered(input, line);	/* the dropped line's end: read on */
	}
	if (newline == NULL && !(input->eof && available > 0))
		return -1;
	length = newline ? (size_t)(newline - start) : available;
	*line = xstrndup(start, length);
	input->start += length + (newline != NULL);
	if (length > 0 && (*line)[length - 1] == '\r')
		(*line)[length - 1] = '\0';
	return INPUT_LINE;
}

/* Returns whatever is buffered as a (partial) line, consumed. */
static char *take_partial(struct input *input)
{
	char *line;

	if (input->buf == NULL)
		return xstrdup("");
	line = xstrndup(input->buf + input->start, input->len - input->start);
	input->start = input->len;
	return line;
}

/* The unread bytes up to the next newline, as a line, consumed: for a read cut short by a signal. */
static char *take_interrupted(struct input *input)
{
	char *line = NULL;

	int taken;

	if (input->skipping || input->buf == NULL)
		return xstrdup("");
	if ((taken = take_buffered(input, &line)) == INPUT_LINE)
		return line;
	return taken == INPUT_TOO_LONG ? xstrdup("") : take_partial(input);	/* -1: no newline is left */
}

static int fill(struct input *input)
{
	ssize_t n;

	if (input->start > 0 && input->start == input->len)
		input->start = input->len = 0;
	if (input->start > input->capacity / 2) {
		memmove(input->buf, input->buf + input->start, input->len - input->start);
		input->len -= input->start;
		input->start = 0;
	}
	xgrow(&input->buf, &input->capacity, input->len + 4096, 1);
	n = read(input->fd, input->buf + input->len, input->capacity - input->len);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -1;
	if (n == 0)
		input->eof = 1;
	for (; n > 0; n--, input->len++)	/* a NUL would end the line early: it becomes a space */
		if (input->buf[input->len] == '\0')
			input->buf[input->len] = ' ';
	return 0;
}

/* The next milestone (in seconds left) below left_ms at which a plain countdown prints a line. */
static long long next_milestone(long long left_ms)
{
	long long seconds = (left_ms - 1) / 1000;	/* strictly below what is left now */

	if (seconds >= 30)
		return seconds / 30 * 30;
	return seconds >= 10 ? 10 : 0;
}

static enum input_result plain_line(struct input *input, long long deadline_ms, char **line)
{
	struct pollfd pfd = { .fd = input->fd, .events = POLLIN };

	for (;;) {
		long long milestone = -1;
		int timeout = -1, ready, taken;
		if (take_signal(input)) {	/* first: a flood of buffered lines must not hide a signal */
			*line = take_interrupted(input);
			return INPUT_INTERRUPT;
		}
		if ((taken = take_buffered(input, line)) >= 0)
			return (enum input_result)taken;
		if (input->eof)
			return INPUT_EOF;
		if (deadline_ms >= 0) {
			long long left = remaining_ms(deadline_ms);
			if (left == 0) {
				*line = take_partial(input);
				return INPUT_TIMEOUT;
			}
			milestone = next_milestone(left);
			timeout = (int)(left - milestone * 1000);
		}
		ready = wait_readable(input, &pfd, timeout);
		if (ready < 0 && errno != EINTR)
			return INPUT_EOF;
		if (ready > 0 && fill(input) != 0)
			input->eof = 1;
		if (ready == 0 && milestone > 0) {
			char clock[16];
			date_format_duration(milestone * 1000, clock);
			fprintf(input->out, "%s left\n", clock);
			fflush(input->out);
		}
	}
}

/* On a terminal in its normal (cooked) mode, Enter makes a line readable; echo is off meanwhile so that
 * keys do not spoil the caller's status line. */
static enum input_result terminal_wait(struct input *input, long long deadline_ms)
{
	struct pollfd pfd = { .fd = input->fd, .events = POLLIN };
	struct termios saved, quiet;
	enum input_result result = INPUT_TIMEOUT;
	int have_termios = tcgetattr(input->fd, &saved) == 0;
	char byte;

	if (have_termios) {
		quiet = saved;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		tcsetattr(input->fd, TCSANOW, &quiet);
	}
	while (result == INPUT_TIMEOUT && remaining_ms(deadline_ms) > 0) {
		int ready = wait_readable(input, &pfd, remaining_ms(deadline_ms));
		if (take_signal(input)) {
			result = INPUT_INTERRUPT;
		} else if (ready > 0) {
			ssize_t n = read(input->fd, &byte, 1);
			if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
				result = INPUT_EOF;
			else if (n == 1 && byte == '\n')
				result = INPUT_LINE;
		} else if (ready < 0 && errno != EINTR) {
			result = INPUT_EOF;
		}
	}
	if (have_termios)
		tcsetattr(input->fd, TCSANOW, &saved);
	return result;
}

static enum input_result plain_wait(struct input *input, long long deadline_ms)
{
	struct pollfd pfd = { .fd = input->fd, .events = POLLIN };
	char *line;
	int looked = 0;

	for (;;) {
		int ready;
		size_t available = input->len - input->start;
		char *start = input->buf + input->start, *newline = available ? memchr(start, '\n', available) : NULL;
		if (newline != NULL && (newline == start || (newline == start + 1 && *start == '\r'))) {
			line = NULL;
			take_buffered(input, &line);	/* an empty line: Enter */
			free(line);
			return INPUT_LINE;
		}
		if (newline != NULL || (input->eof && available > 0) || available > INPUT_LINE_MAX)
			return INPUT_EOF;	/* a line with text is for the next read: no Enter can come first */
		if (input->eof)
			return INPUT_EOF;
		if (take_signal(input))
			return INPUT_INTERRUPT;
		if (remaining_ms(deadline_ms) == 0 && looked)
			return INPUT_TIMEOUT;	/* once past the deadline, after one look at what has come */
		looked = 1;
		ready = wait_readable(input, &pfd, remaining_ms(deadline_ms));
		if (ready < 0 && errno != EINTR)
			return INPUT_EOF;
		if (ready > 0 && fill(input) != 0)
			input->eof = 1;
	}
}

enum input_result input_wait_enter(struct input *input, long long deadline_ms)
{
	enum input_result result;

	if (input->held && take_signal(input))
		return INPUT_INTERRUPT;
	if (!input->held)
		catch_signals(input);
	result = input->terminal ? terminal_wait(input, deadline_ms) : plain_wait(input, deadline_ms);
	if (!input->held)
		release_signals(input);
	return result;
}

/* Turns the bytes of one key press into a key: arrows arrive as ESC [ C and ESC [ D. */
static int decode_key(const unsigned char *bytes, ssize_t count)
{
	if (count >= 3 && bytes[0] == 0x1b && (bytes[1] == '[' || bytes[1] == 'O'))
		return bytes[2] == 'C' ? INPUT_KEY_RIGHT : bytes[2] == 'D' ? INPUT_KEY_LEFT : 0;
	return count >= 1 ? bytes[0] : 0;
}

static enum input_result terminal_key(struct input *input, long long deadline_ms, int *key)
{
	struct pollfd pfd = { .fd = input->fd, .events = POLLIN };
	struct termios saved, raw;
	enum input_result result = INPUT_TIMEOUT;
	int have_termios = tcgetattr(input->fd, &saved) == 0;
	unsigned char bytes[8];

	if (have_termios) {
		raw = saved;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		tcsetattr(input->fd, TCSANOW, &raw);
	}
	while (result == INPUT_TIMEOUT && remaining_ms(deadline_ms) > 0) {
		int ready = wait_readable(input, &pfd, remaining_ms(deadline_ms));
		if (take_signal(input)) {
			result = INPUT_INTERRUPT;
		} else if (ready > 0) {
			ssize_t n = read(input->fd, bytes, sizeof bytes);
			if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
				result = INPUT_EOF;
			else if (n > 0 && (*key = decode_key(bytes, n)) != 0)
				result = INPUT_LINE;
		}
	}
	if (have_termios)
		tcsetattr(input->fd, TCSANOW, &saved);
	return result;
}

enum input_result input_key(struct input *input, long long deadline_ms, int *key)
{
	enum input_result result;

	*key = 0;
	if (input->held && take_signal(input))
		return INPUT_INTERRUPT;
	if (!input->held)
		catch_signals(input);
	if (input->terminal) {
		result = terminal_key(input, deadline_ms, key);
	} else {
		struct timespec nap;
		long long left = remaining_ms(deadline_ms);
		nap.tv_sec = left / 1000;
		nap.tv_nsec = left % 1000 * 1000000;
		sigset_t old;
		sigprocmask(SIG_SETMASK, &input->wait_mask, &old);	/* let a signal cut the nap short */
		nanosleep(&nap, NULL);
		sigprocmask(SIG_SETMASK, &old, NULL);
		result = take_signal(input) ? INPUT_INTERRUPT : INPUT_TIMEOUT;
	}
	if (!input->held)
		release_signals(input);
	return result;
}

enum input_result input_line(struct input *input, const char *prompt, long long deadline_ms, int flags,
			     char **line)
{
	enum input_result result;

	*line = NULL;
	if (take_signal(input))		/* one caught by an earlier read, if not held */
		return (*line = xstrdup("")), INPUT_INTERRUPT;
	if (!input->held)
		catch_signals(input);
	if (input->terminal) {
		result = terminal_line(input, prompt, deadline_ms, flags, line);
		term_guard_line_start();	/* readline drew the line and left the cursor at a new one */
	} else {
		result = plain_line(input, deadline_ms, line);
	}
	if (!input->held)
		release_signals(input);
	return result;
}
