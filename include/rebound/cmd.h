/* cmd: the command table that feeds dispatch, help and completion; lookup by unique prefix;
 * option parsing shared by every command. One file per command in src/cli/cmd/. */
#ifndef REBOUND_CMD_H
#define REBOUND_CMD_H

#include <stdio.h>

#include "rebound/app.h"
#include "rebound/drill.h"
#include "rebound/term.h"

/* Exit statuses: documented in 'rebound help' and the README. */
#define CMD_OK 0
#define CMD_USER_ERROR 1	/* bad input, something not found */
#define CMD_USAGE_ERROR 2	/* wrong arguments or options */
#define CMD_SYSTEM_ERROR 3	/* the data dir, the database, the disk */

#define CMD_MAX_OPTIONS 12

/* What a command needs before it runs; checked once by the dispatcher. */
enum cmd_flags {
	CMD_NEEDS_CATALOG = 1 << 0,	/* the data dir, the store and every bank loaded */
	CMD_ANY_CONFIG = 1 << 1,	/* runs even when the settings file is broken */
	CMD_COMMON = 1 << 2,		/* a prefix it shares only with commands not marked so means it ("qu": quit) */
};

/* What to offer when completing an operand or an option's value. */
enum cmd_complete { COMPLETE_NONE, COMPLETE_COMMAND, COMPLETE_BANK, COMPLETE_QUESTION, COMPLETE_THEME,
		    COMPLETE_STAGE, COMPLETE_FILE, COMPLETE_SUBCOMMAND };

struct cmd_option {
	const char *name;		/* "bank" for --bank */
	const char *value_name;		/* "B" for --bank B, or NULL for a flag */
	enum cmd_complete complete;
	const char *help;
	int many;			/* may be given more than once: the values are joined with commas */
};

struct input;

struct cmd_ctx {
	struct app *app;
	struct input *in;		/* where commands that ask read answers from */
	FILE *out, *err;
	int color;			/* escape codes allowed on out */
	int in_shell;
	int quit;			/* set by 'quit' */
};

struct cmd_sub;

/* A command's arguments after option parsing. */
struct cmd_args {
	const char *values[CMD_MAX_OPTIONS];	/* the value given to option i, or "" for a flag; NULL if absent */
	char *joined[CMD_MAX_OPTIONS];		/* owned: the values of an option given more than once */
	int argc;				/* operands (after the subcommand's name, when there is one) */
	char **argv;
	const struct cmd_sub *sub;		/* the subcommand running, or NULL */
};

/* The mask of option i in cmd_sub.options. */
#define CMD_OPT(i) (1u << (i))

/*
 * One subcommand ("plan add"), in a table of its own that dispatch, --help, 'help COMMAND SUB', the
 * completions and the man page all read. The options are the command's: a subcommand names those it takes.
 */
struct cmd_sub {
	const char *name;		/* NULL ends the table */
	const char *usage;		/* after "COMMAND NAME": "[--theme T] [--due DAY] [TEXT]" */
	const char *help;		/* one line */
	const char *description;	/* a paragraph for its --help, or NULL */
	int operands_min, operands_max;	/* operands after the name; max -1: any number */
	unsigned options;		/* CMD_OPT(i) | ... of the command's options it takes */
	enum cmd_complete complete;	/* for its operands */
	int (*exec)(struct cmd_ctx *ctx, const struct cmd_args *args);
};

struct cmd_entry {
	const char *name;
	const char *const *aliases;	/* other whole words that run it ("exit" for quit), NULL-terminated, or NULL */
	const char *usage;		/* after the name: "[--bank B] QUESTION-ID"; NULL with subcommands */
	const char *help;		/* one line */
	const char *description;	/* a paragraph for 'help COMMAND', or NULL */
	int operands_min, operands_max;	/* max -1: any number (without subcommands) */
	int flags;
	enum cmd_complete complete;	/* for operands (without subcommands) */
	const struct cmd_sub *subs;	/* the subcommand table, or NULL; then exec is NULL */
	const char *default_sub;	/* the one that runs when no operand names one ("list"), or NULL */
	struct cmd_option options[CMD_MAX_OPTIONS];
	int (*exec)(struct cmd_ctx *ctx, const struct cmd_args *args);
};

/* The table, NULL-terminated, in the order 'help' lists it. */
extern const struct cmd_entry *const cmd_table[];

/* The command named name (or one of its aliases), or by a prefix of it that names no other, or no other
 * CMD_COMMON one when it is CMD_COMMON; NULL with *cause ("ambiguous command: ..."). */
const struct cmd_entry *cmd_find(const char *name, char **cause);
/* The option of entry named name (without dashes), or -1. */
int cmd_option_index(const struct cmd_entry *entry, const char *name);
/* The subcommand of entry called name, or NULL. */
const struct cmd_sub *cmd_sub_find(const struct cmd_entry *entry, const char *name);
/* Whether sub (NULL: the command itself) takes entry's option i. */
int cmd_takes_option(const struct cmd_entry *entry, const struct cmd_sub *sub, int i);

/* Runs argv[0] with its arguments; returns the exit status. Errors go to ctx->err. */
int cmd_run(struct cmd_ctx *ctx, int argc, char **argv);

/* Prints "rebound: " (outside the shell) then the message to ctx->err; returns status. */
int cmd_error(struct cmd_ctx *ctx, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Prints the usage of entry to out: "usage: NAME USAGE", or one line per subcommand ("   or: ..."). */
void cmd_print_usage(const struct cmd_entry *entry, FILE *out);
/* Prints what --help and 'help COMMAND [SUB]' show: the usage, the one-line help, the description and the
 * options of entry, or of its subcommand sub when sub is not NULL. */
void cmd_print_help(const struct cmd_entry *entry, const struct cmd_sub *sub, FILE *out);
/* Prints the list of commands that 'help' and 'rebound --help' show. */
void cmd_print_commands(FILE *out, int color);

/* Parses "3" or "2-4" into [*min, *max] within 1..5: 0, or -1. */
int cmd_parse_difficulty(const char *text, int *min, int *max);
/* Parses option name's value text as a whole number in [min, max] into *value; reports a usage error
 * ("interview: --count takes a whole number from 1 to 100, not 'x'") and returns -1 otherwise. */
int cmd_int_option(struct cmd_ctx *ctx, const char *command, const char *name, const char *text, long min,
		   long max, int *value);
/* Parses a session or answer id operand ("12"); reports "NAME: 'x' is not a KIND id" and returns -1. */
long long cmd_id_arg(struct cmd_ctx *ctx, const char *command, const char *kind, const char *text);

/* Runs fn(ctx, input, arg) reading from the file at path (an --answers option) if not NULL, else from
 * ctx->in; reports a file that cannot be opened. */
int cmd_with_answers(struct cmd_ctx *ctx, const char *command, const char *path,
		     int (*fn)(struct cmd_ctx *, struct input *, const void *), const void *arg);

/* The session a command acts on: operand (an id), or the newest unfinished one if operand is NULL.
 * Reports and returns -1 if there is none or it is not unfinished. */
long long cmd_open_session_arg(struct cmd_ctx *ctx, const char *command, const char *operand);

/* Parses a day: "YYYY-MM-DD", "today", "yesterday", "tomorrow", or "+N" / "-N" days from today.
 * 0 with *day set, or -1. */
int cmd_parse_day(const char *text, long today, long *day);

/* Formats a stored ISO UTC time as local "YYYY-MM-DD HH:MM" into buf. */
void cmd_format_time(const char *iso, char buf[17]);

/* Prints a recording's figures on one line, without a newline: "PREFIX 0:42: speaking 0:35 (17% silence),
 * 2 pauses over 2 s, the longest 3.1 s", and ", N frames lost" when some were. */
void cmd_print_recording(struct cmd_ctx *ctx, const char *prefix, const struct store_recording *recording);

/* Lookups that report "unknown theme 'x' (did you mean 'y'?)" and return NULL. */
const struct bank_theme *cmd_theme_arg(struct cmd_ctx *ctx, const char *id);
const struct bank_stage *cmd_stage_arg(struct cmd_ctx *ctx, const char *id);
const struct bank *cmd_bank_arg(struct cmd_ctx *ctx, const char *name);
const struct bank_question *cmd_question_arg(struct cmd_ctx *ctx, const char *id);

/*
 * What a drill or 'due' draws from: the banks of banks_option (comma-separated, from --bank given once
 * or more; each must exist), else of the drill.banks setting (names no bank has are skipped with a
 * warning), else every bank; theme as given; and the daily limits from the settings. Pointers into
 * arena. CMD_OK, or CMD_USER_ERROR after reporting.
 */
int cmd_drill_scope(struct cmd_ctx *ctx, const char *banks_option, const char *theme, struct arena *arena,
		    struct drill_filter *filter, struct drill_limits *limits);

/* --bank for 'drill' and 'due'. */
#define CMD_OPTION_DRILL_BANK \
	{ "bank", "B", COMPLETE_BANK, "only questions of bank B (again for more; default: drill.banks)", 1 }

/* --json output (json.h) that several commands share: a session's own fields (cmd-sessions.c). */
struct json;
void cmd_json_session(struct json *j, const struct store_session *s);

#endif
