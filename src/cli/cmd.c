/* cmd: the command table, lookup by unique prefix, option parsing and the dispatcher that checks
 * each command's needs once. Command files in src/cli/cmd/ hold the exec functions. */
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/input.h"
#include "rebound/recognizer.h"
#include "rebound/util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

extern const struct cmd_entry cmd_help_entry, cmd_interview_entry, cmd_drill_entry, cmd_resume_entry,
	cmd_discard_entry, cmd_rate_entry, cmd_sessions_entry, cmd_session_entry, cmd_progress_entry, cmd_replay_entry,
	cmd_reject_entry, cmd_insights_entry, cmd_plan_entry, cmd_prep_entry, cmd_due_entry, cmd_template_entry,
	cmd_audio_entry, cmd_banks_entry, cmd_questions_entry, cmd_show_entry, cmd_themes_entry, cmd_check_entry,
	cmd_quit_entry, cmd_clear_entry, cmd_search_entry, cmd_transcribe_entry, cmd_export_entry, cmd_report_entry, cmd_bank_entry, cmd_config_entry,
	cmd_analyse_entry, cmd_import_entry, cmd_backup_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_help_entry, &cmd_interview_entry, &cmd_drill_entry, &cmd_resume_entry, &cmd_discard_entry,
	&cmd_rate_entry, &cmd_sessions_entry, &cmd_session_entry, &cmd_progress_entry, &cmd_report_entry, &cmd_replay_entry,
	&cmd_search_entry, &cmd_analyse_entry,
#ifdef REBOUND_HAVE_POCKETSPHINX
	&cmd_transcribe_entry,	/* without the recogniser it could not work: not listed */
#endif
	&cmd_reject_entry, &cmd_insights_entry, &cmd_plan_entry, &cmd_prep_entry, &cmd_due_entry, &cmd_template_entry,
	&cmd_audio_entry, &cmd_config_entry, &cmd_export_entry, &cmd_import_entry, &cmd_backup_entry, &cmd_bank_entry,
	&cmd_banks_entry,
	&cmd_questions_entry, &cmd_show_entry, &cmd_themes_entry,
	&cmd_check_entry, &cmd_clear_entry, &cmd_quit_entry, NULL,
};

static int is_alias(const struct cmd_entry *entry, const char *name)
{
	const char *const *alias;

	for (alias = entry->aliases; alias != NULL && *alias != NULL; alias++)
		if (strcmp(*alias, name) == 0)
			return 1;
	return 0;
}

/* The one command that name is a prefix of, or the one CMD_COMMON among several; NULL with the
 * candidates joined in *candidates when there are several. */
static const struct cmd_entry *by_prefix(const char *name, char **candidates)
{
	const struct cmd_entry *found = NULL, *common = NULL;
	size_t i, matches = 0, commons = 0;
	char *joined;

	for (i = 0; cmd_table[i] != NULL && *name != '\0'; i++) {
		if (!util_starts_with(cmd_table[i]->name, name))
			continue;
		found = cmd_table[i];
		matches++;
		if (found->flags & CMD_COMMON) {
			common = found;
			commons++;
		}
		joined = *candidates ? xasprintf("%s, %s", *candidates, found->name) : xstrdup(found->name);
		free(*candidates);
		*candidates = joined;
	}
	if (matches == 1)
		return found;
	return matches > 1 && commons == 1 ? common : NULL;
}

const struct cmd_entry *cmd_find(const char *name, char **cause)
{
	const struct cmd_entry *found;
	char *candidates = NULL;
	size_t i;

	for (i = 0; cmd_table[i] != NULL; i++)
		if (strcmp(cmd_table[i]->name, name) == 0 || is_alias(cmd_table[i], name))
			return cmd_table[i];
	if ((found = by_prefix(name, &candidates)) != NULL) {
		free(candidates);
		return found;
	}
	if (candidates != NULL) {
		util_fail(cause, "ambiguous command: %s, could be: %s", name, candidates);
	} else if (!recognizer_available() && strlen(name) >= 3 && util_starts_with("transcribe", name)) {
		util_fail(cause, "'transcribe' is not in this build: rebound was built without pocketsphinx (see README)");
	} else {
		const char *names[64], *suggestion;
		for (i = 0; cmd_table[i] != NULL && i < 64; i++)
			names[i] = cmd_table[i]->name;
		suggestion = util_suggest(name, names, i);
		if (suggestion != NULL)
			util_fail(cause, "unknown command '%s' (did you mean '%s'?)", name, suggestion);
		else
			util_fail(cause, "unknown command '%s' (try 'help')", name);
	}
	free(candidates);
	return NULL;
}

int cmd_option_index(const struct cmd_entry *entry, const char *name)
{
	int i;

	for (i = 0; i < CMD_MAX_OPTIONS && entry->options[i].name != NULL; i++)
		if (strcmp(entry->options[i].name, name) == 0)
			return i;
	return -1;
}

int cmd_error(struct cmd_ctx *ctx, int status, const char *fmt, ...)
{
	va_list ap;

	if (!ctx->in_shell)
		fputs("rebound: ", ctx->err);
	va_start(ap, fmt);
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fputc('\n', ctx->err);
	return status;
}

const struct cmd_sub *cmd_sub_find(const struct cmd_entry *entry, const char *name)
{
	const struct cmd_sub *sub;

	for (sub = entry->subs; sub != NULL && sub->name != NULL; sub++)
		if (strcmp(sub->name, name) == 0)
			return sub;
	return NULL;
}

int cmd_takes_option(const struct cmd_entry *entry, const struct cmd_sub *sub, int i)
{
	return entry->options[i].name != NULL && (sub == NULL || (sub->options & CMD_OPT(i)));
}

/* ------------------------------------------------------------------------------------------------
 * Usage and help, from the tables
 */

static void print_sub_usage(const struct cmd_entry *entry, const struct cmd_sub *sub, FILE *out)
{
	int is_default = entry->default_sub != NULL && strcmp(sub->name, entry->default_sub) == 0;

	fprintf(out, "%s %s%s%s%s%s", entry->name, is_default ? "[" : "", sub->name, is_default ? "]" : "",
		*sub->usage ? " " : "", sub->usage);
}

void cmd_print_usage(const struct cmd_entry *entry, FILE *out)
{
	const struct cmd_sub *sub;

	if (entry->subs == NULL) {
		fprintf(out, "usage: %s%s%s\n", entry->name, *entry->usage ? " " : "", entry->usage);
		return;
	}
	for (sub = entry->subs; sub->name != NULL; sub++) {
		fputs(sub == entry->subs ? "usage: " : "   or: ", out);
		print_sub_usage(entry, sub, out);
		fputc('\n', out);
	}
}

static void print_options(const struct cmd_entry *entry, const struct cmd_sub *sub, FILE *out)
{
	int i, any = 0;

	for (i = 0; i < CMD_MAX_OPTIONS && entry->options[i].name != NULL; i++) {
		const struct cmd_option *option = &entry->options[i];
		char left[64];
		if (!cmd_takes_option(entry, sub, i))
			continue;
		if (!any++)
			fputs("\nOptions:\n", out);
		snprintf(left, sizeof left, "--%s%s%s", option->name, option->value_name ? " " : "",
			 option->value_name ? option->value_name : "");
		fprintf(out, "  %-20s %s\n", left, option->help);
	}
}

/* "Subcommands:" with each one's help line, and how to see more. */
static void print_subs(const struct cmd_entry *entry, FILE *out)
{
	const struct cmd_sub *sub;

	if (entry->subs == NULL)
		return;
	fprintf(out, "\nSubcommands ('%s SUBCOMMAND --help' says more):\n", entry->name);
	for (sub = entry->subs; sub->name != NULL; sub++)
		fprintf(out, "  %-20s %s\n", sub->name, sub->help);
}

/* "also: exit" under the usage of a command with aliases. */
static void print_aliases(const struct cmd_entry *entry, FILE *out)
{
	const char *const *alias;

	if (entry->aliases == NULL || *entry->aliases == NULL)
		return;
	fputs("   also:", out);
	for (alias = entry->aliases; *alias != NULL; alias++)
		fprintf(out, " %s", *alias);
	fputc('\n', out);
}

void cmd_print_help(const struct cmd_entry *entry, const struct cmd_sub *sub, FILE *out)
{
	if (sub != NULL) {
		fputs("usage: ", out);
		print_sub_usage(entry, sub, out);
		fprintf(out, "\n\n%s\n", sub->help);
		if (sub->description != NULL)
			fprintf(out, "\n%s\n", sub->description);
	} else {
		cmd_print_usage(entry, out);
		print_aliases(entry, out);
		fprintf(out, "\n%s\n", entry->help);
		if (entry->description != NULL)
			fprintf(out, "\n%s\n", entry->description);
		print_subs(entry, out);
	}
	print_options(entry, sub, out);
}

void cmd_print_commands(FILE *out, int color)
{
	size_t i;

	fprintf(out, "%sCommands%s (any unique prefix works; i, d, p and q are interview, drill, progress and quit):\n", term_bold(color), term_reset(color));
	for (i = 0; cmd_table[i] != NULL; i++)
		fprintf(out, "  %-10s %s\n", cmd_table[i]->name, cmd_table[i]->help);
	fputs("\n'help COMMAND' or 'COMMAND --help' shows a command's usage and options. Exit status: 0 success,\n"
	      "1 bad input or not found, 2 usage error, 3 system error (data dir, database, disk).\n",
	      out);
}

/* ------------------------------------------------------------------------------------------------
 * Dispatch
 */

/* "plan add" or "plan", for messages. */
static void full_name(const struct cmd_entry *entry, const struct cmd_sub *sub, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", entry->name, sub ? " " : "", sub ? sub->name : "");
}

static int usage_error(struct cmd_ctx *ctx, const struct cmd_entry *entry, const struct cmd_sub *sub,
		       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int usage_error(struct cmd_ctx *ctx, const struct cmd_entry *entry, const struct cmd_sub *sub,
		       const char *fmt, ...)
{
	char name[64];
	va_list ap;

	full_name(entry, sub, name, sizeof name);
	if (!ctx->in_shell)
		fputs("rebound: ", ctx->err);
	fprintf(ctx->err, "%s: ", name);
	va_start(ap, fmt);
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fputc('\n', ctx->err);
	if (sub != NULL) {
		fputs("usage: ", ctx->err);
		print_sub_usage(entry, sub, ctx->err);
		fputc('\n', ctx->err);
	} else {
		cmd_print_usage(entry, ctx->err);
	}
	return CMD_USAGE_ERROR;
}

static int is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* 1 for "-5" or "-0.5": a negative number is an operand (config set KEY -5), not an option. */
static int looks_negative(const char *arg)
{
	return arg[0] == '-' && (isdigit((unsigned char)arg[1]) || (arg[1] == '.' && isdigit((unsigned char)arg[2])));
}

/* Splits argv into options (--name VALUE, --name=VALUE, --flag) and operands; "--" ends options.
 * --help or -h sets *help. */
/* Sets option index to value; an option that may be given more than once keeps every value, joined. */
static void set_value(const struct cmd_entry *entry, struct cmd_args *args, int index, const char *value)
{
	char *joined;

	if (args->values[index] == NULL || !entry->options[index].many) {
		args->values[index] = value;
		return;
	}
	joined = xasprintf("%s,%s", args->values[index], value);
	free(args->joined[index]);
	args->values[index] = args->joined[index] = joined;
}

static int parse_args(struct cmd_ctx *ctx, const struct cmd_entry *entry, int argc, char **argv,
		      struct cmd_args *args, char **operands, int *help)
{
	int i, only_operands = 0;

	memset(args, 0, sizeof *args);
	args->argv = operands;
	for (i = 1; i < argc; i++) {
		char *arg = argv[i], *equals, name[64], clip[UTIL_CLIP_SIZE];
		int index;
		if (only_operands || arg[0] != '-' || arg[1] == '\0' || looks_negative(arg)) {
			operands[args->argc++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_operands = 1;
			continue;
		}
		if (is_help(arg)) {
			*help = 1;
			continue;
		}
		if (arg[1] != '-')
			return usage_error(ctx, entry, NULL, "unknown option '%s'", util_clip(clip, arg));
		snprintf(name, sizeof name, "%s", arg + 2);
		if ((equals = strchr(name, '=')) != NULL)
			*equals = '\0';
		if ((index = cmd_option_index(entry, name)) < 0)
			return usage_error(ctx, entry, NULL, "unknown option '%s'", util_clip(clip, arg));
		if (entry->options[index].value_name == NULL) {
			if (equals != NULL)
				return usage_error(ctx, entry, NULL, "option '--%s' takes no value", name);
			args->values[index] = "";
		} else if (equals == NULL && i + 1 >= argc) {
			return usage_error(ctx, entry, NULL, "option '%s' needs a value", arg);
		} else {
			set_value(entry, args, index, equals != NULL ? strchr(arg, '=') + 1 : argv[++i]);
		}
	}
	return CMD_OK;
}

/* Finds the subcommand the first operand names (or the default one) and takes its name off the operands. */
static int pick_sub(struct cmd_ctx *ctx, const struct cmd_entry *entry, struct cmd_args *args)
{
	const char *names[32], *suggestion;
	const struct cmd_sub *sub = args->argc > 0 ? cmd_sub_find(entry, args->argv[0]) : NULL;
	size_t count = 0;

	if (sub != NULL) {
		args->argv++;
		args->argc--;
	} else if (args->argc == 0 && entry->default_sub != NULL) {
		sub = cmd_sub_find(entry, entry->default_sub);
	} else if (args->argc == 0) {
		return usage_error(ctx, entry, NULL, "name a subcommand");
	} else {
		for (sub = entry->subs; sub->name != NULL && count < 32; sub++)
			names[count++] = sub->name;
		suggestion = util_suggest(args->argv[0], names, count);
		if (suggestion != NULL)
			return usage_error(ctx, entry, NULL, "unknown subcommand '%s' (did you mean '%s'?)", args->argv[0],
					   suggestion);
		return usage_error(ctx, entry, NULL, "unknown subcommand '%s'", args->argv[0]);
	}
	args->sub = sub;
	return CMD_OK;
}

/* The operand counts, and the options the subcommand takes. */
static int check_args(struct cmd_ctx *ctx, const struct cmd_entry *entry, const struct cmd_args *args)
{
	const struct cmd_sub *sub = args->sub;
	int min = sub ? sub->operands_min : entry->operands_min, max = sub ? sub->operands_max : entry->operands_max;
	int i;

	for (i = 0; sub != NULL && i < CMD_MAX_OPTIONS; i++)
		if (args->values[i] != NULL && !cmd_takes_option(entry, sub, i))
			return usage_error(ctx, entry, sub, "takes no option '--%s'", entry->options[i].name);
	if (args->argc < min)
		return usage_error(ctx, entry, sub, "too few arguments");
	if (max >= 0 && args->argc > max)
		return usage_error(ctx, entry, sub, "too many arguments");
	return CMD_OK;
}

/* --help: the subcommand's help when the first operand names one, else the command's. */
static void print_help_for(struct cmd_ctx *ctx, const struct cmd_entry *entry, const struct cmd_args *args)
{
	const struct cmd_sub *sub = args->argc > 0 && entry->subs ? cmd_sub_find(entry, args->argv[0]) : NULL;

	cmd_print_help(entry, sub, ctx->out);
}

static int run_parsed(struct cmd_ctx *ctx, const struct cmd_entry *entry, struct cmd_args *args, int help)
{
	char *cause = NULL;
	int status;

	if (help) {
		print_help_for(ctx, entry, args);
		return CMD_OK;
	}
	if (entry->subs != NULL && (status = pick_sub(ctx, entry, args)) != CMD_OK)
		return status;
	if ((status = check_args(ctx, entry, args)) != CMD_OK)
		return status;
	app_refresh_config(ctx->app);
	if (ctx->app->config_error != NULL && !(entry->flags & CMD_ANY_CONFIG))
		return cmd_error(ctx, CMD_USER_ERROR, "%s ('config' shows the settings; fix the file or remove it)",
				 ctx->app->config_error);
	if ((entry->flags & CMD_NEEDS_CATALOG) && app_load_catalog(ctx->app, ctx->err, &cause) != 0) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return status;
	}
	return args->sub ? args->sub->exec(ctx, args) : entry->exec(ctx, args);
}

static int run_entry(struct cmd_ctx *ctx, const struct cmd_entry *entry, int argc, char **argv, char **operands)
{
	struct cmd_args args;
	int status, help = 0, i;

	status = parse_args(ctx, entry, argc, argv, &args, operands, &help);
	if (status == CMD_OK)
		status = run_parsed(ctx, entry, &args, help);
	for (i = 0; i < CMD_MAX_OPTIONS; i++)
		free(args.joined[i]);
	return status;
}

int cmd_run(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry *entry;
	char **operands, *cause = NULL;
	int status;

	if ((entry = cmd_find(argv[0], &cause)) == NULL) {
		status = cmd_error(ctx, CMD_USAGE_ERROR, "%s", cause);
		free(cause);
		return status;
	}
	operands = xcalloc((size_t)argc + 1, sizeof *operands);
	status = run_entry(ctx, entry, argc, argv, operands);
	free(operands);
	/* Results that never reached their reader (a full disk, a closed pipe) are a failure, not a success. */
	if ((fflush(ctx->out) != 0 || ferror(ctx->out)) && status == CMD_OK) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s: cannot write the output: %s", entry->name, strerror(errno));
		clearerr(ctx->out);
	}
	return status;
}

/* ------------------------------------------------------------------------------------------------
 * Numbers
 */

int cmd_parse_difficulty(const char *text, int *min, int *max)
{
	char *end;
	long low = strtol(text, &end, 10), high = low;

	if (end == text)
		return -1;
	if (*end == '-') {
		const char *rest = end + 1;
		high = strtol(rest, &end, 10);
		if (end == rest)
			return -1;
	}
	if (*end != '\0' || low < 1 || high > 5 || low > high)
		return -1;
	*min = (int)low;
	*max = (int)high;
	return 0;
}

int cmd_int_option(struct cmd_ctx *ctx, const char *command, const char *name, const char *text, long min,
		   long max, int *value)
{
	char *end;
	long number;

	errno = 0;
	number = strtol(text, &end, 10);
	if (end == text || *end != '\0' || errno != 0 || number < min || number > max) {
		cmd_error(ctx, CMD_USAGE_ERROR, "%s: --%s takes a whole number from %ld to %ld, not '%s'", command, name,
			  min, max, text);
		return -1;
	}
	*value = (int)number;
	return 0;
}

long long cmd_id_arg(struct cmd_ctx *ctx, const char *command, const char *kind, const char *text)
{
	char *end;
	long long id;

	errno = 0;
	id = strtoll(text, &end, 10);
	if (end == text || *end != '\0' || errno != 0 || id <= 0) {
		cmd_error(ctx, CMD_USAGE_ERROR, "%s: '%s' is not %s id (see '%s')", command, text, kind,
			  strcmp(kind, "an answer") == 0 ? "session ID" : strcmp(kind, "a rejection") == 0 ? "reject list"
			  : strcmp(kind, "a plan action") == 0 ? "plan" : "sessions");
		return -1;
	}
	return id;
}

int cmd_parse_day(const char *text, long today, long *day)
{
	static const struct { const char *word; int offset; } words[] = {
		{ "yesterday", -1 }, { "today", 0 }, { "tomorrow", 1 },
	};
	char *end;
	long offset;
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(text, words[i].word) == 0) {
			*day = today + words[i].offset;
			return 0;
		}
	if (text[0] == '+' || text[0] == '-') {
		errno = 0;
		offset = strtol(text, &end, 10);
		if (end == text + 1 || *end != '\0' || errno != 0 || offset < -36600 || offset > 36600)
			return -1;
		*day = today + offset;
		return 0;
	}
	return date_parse_day(text, day);
}

/* ------------------------------------------------------------------------------------------------
 * Input
 */

int cmd_with_answers(struct cmd_ctx *ctx, const char *command, const char *path,
		     int (*fn)(struct cmd_ctx *, struct input *, const void *), const void *arg)
{
	struct input *in;
	int fd, status;

	if (path == NULL)
		return fn(ctx, ctx->in, arg);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return cmd_error(ctx, CMD_USER_ERROR, "%s: cannot open '%s': %s", command, path, strerror(errno));
	in = input_open(fd, ctx->out, 0);
	status = fn(ctx, in, arg);
	input_close(in);
	close(fd);
	return status;
}

/* ------------------------------------------------------------------------------------------------
 * Sessions
 */

/* "2026-11-22 09:30" in local time, or the stored text if it does not parse. */
void cmd_format_time(const char *iso, char buf[17])
{
	time_t t;

	if (iso != NULL && date_parse_iso(iso, &t) == 0)
		date_format_local(t, buf);
	else
		snprintf(buf, 17, "%s", iso ? iso : "-");
}


long long cmd_open_session_arg(struct cmd_ctx *ctx, const char *command, const char *operand)
{
	struct store_session session;
	struct arena arena;
	char *cause = NULL;
	long long id;
	int found;

	if (operand == NULL) {
		if ((id = store_session_last_open(ctx->app->store, &cause)) < 0) {
			cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
			free(cause);
		} else if (id == 0) {
			cmd_error(ctx, CMD_USER_ERROR, "%s: no unfinished session (see 'sessions')", command);
		}
		return id > 0 ? id : -1;
	}
	if ((id = cmd_id_arg(ctx, command, "a session", operand)) < 0)
		return -1;
	arena_init(&arena);
	found = store_session_get(ctx->app->store, id, &arena, &session, &cause);
	if (found < 0) {
		cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
	} else if (found == 0) {
		cmd_error(ctx, CMD_USER_ERROR, "%s: no session %lld (see 'sessions')", command, id);
	} else if (strcmp(session.status, "open") != 0) {
		cmd_error(ctx, CMD_USER_ERROR, "%s: session %lld is %s, not unfinished", command, id, session.status);
		found = 0;
	}
	arena_release(&arena);
	return found > 0 ? id : -1;
}

void cmd_print_recording(struct cmd_ctx *ctx, const char *prefix, const struct store_recording *r)
{
	long long whole_ms = r->sample_rate > 0 ? r->frames * 1000 / r->sample_rate : 0;
	long long length_ms = store_recording_length_ms(r);
	char length[16], speaking[16], whole[16];

	date_format_duration(length_ms, length);
	date_format_duration(r->speaking_ms, speaking);
	date_format_duration(whole_ms, whole);
	/* the answer is the stretch from the first speech to the last; say so when the file holds more */
	if (whole_ms - length_ms >= 1000)
		fprintf(ctx->out, "%s %s, the answer %s: speaking %s (%.0f%% silence)", prefix, whole, length, speaking,
			r->silence_ratio * 100);
	else
		fprintf(ctx->out, "%s %s: speaking %s (%.0f%% silence)", prefix, length, speaking, r->silence_ratio * 100);
	fprintf(ctx->out, ", %d pause%s over 2 s, the longest %.1f s", r->long_pauses, r->long_pauses == 1 ? "" : "s",
		r->longest_pause_ms / 1000.0);
	if (r->dropped_frames > 0)
		fprintf(ctx->out, ", %lld frames lost", r->dropped_frames);
	if (r->unwritten_frames > 0 && r->sample_rate > 0) {
		date_format_duration(r->unwritten_frames * 1000 / r->sample_rate, length);
		fprintf(ctx->out, ", cut short: the last %s could not be written", length);
	}
}

/* ------------------------------------------------------------------------------------------------
 * Arguments that name things in the catalog
 */

typedef const char *(*name_at_fn)(const struct bank_catalog *catalog, size_t index);

static const char *theme_name(const struct bank_catalog *catalog, size_t i)
{
	return bank_theme_at(catalog, i)->id;
}

static const char *stage_name(const struct bank_catalog *catalog, size_t i)
{
	return bank_stage_at(catalog, i)->id;
}

static const char *bank_name(const struct bank_catalog *catalog, size_t i)
{
	return bank_at(catalog, i)->name;
}

static const char *question_name(const struct bank_catalog *catalog, size_t i)
{
	return bank_question_at(catalog, i)->id;
}

/* Reports an unknown name with the closest known one, if any is close. */
static void *unknown(struct cmd_ctx *ctx, const char *kind, const char *value, size_t count, name_at_fn name_at,
		     const char *list_command)
{
	const char **names = xcalloc(count + 1, sizeof *names), *suggestion;
	char clip[UTIL_CLIP_SIZE];
	size_t i;

	for (i = 0; i < count; i++)
		names[i] = name_at(ctx->app->catalog, i);
	suggestion = util_suggest(value, names, count);
	if (suggestion != NULL)
		cmd_error(ctx, CMD_USER_ERROR, "unknown %s '%s' (did you mean '%s'?)", kind, util_clip(clip, value),
			  suggestion);
	else
		cmd_error(ctx, CMD_USER_ERROR, "unknown %s '%s' (see '%s')", kind, util_clip(clip, value), list_command);
	free(names);
	return NULL;
}

const struct bank_theme *cmd_theme_arg(struct cmd_ctx *ctx, const char *id)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	const struct bank_theme *theme = bank_theme_find(catalog, id);

	return theme ? theme : unknown(ctx, "theme", id, bank_theme_count(catalog), theme_name, "themes");
}

const struct bank_stage *cmd_stage_arg(struct cmd_ctx *ctx, const char *id)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	const struct bank_stage *stage = bank_stage_find(catalog, id);

	return stage ? stage : unknown(ctx, "stage", id, bank_stage_count(catalog), stage_name, "themes");
}

const struct bank *cmd_bank_arg(struct cmd_ctx *ctx, const char *name)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	const struct bank *bank = bank_find(catalog, name);

	return bank ? bank : unknown(ctx, "bank", name, bank_count(catalog), bank_name, "banks");
}

const struct bank_question *cmd_question_arg(struct cmd_ctx *ctx, const char *id)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	const struct bank_question *question = bank_question_find(catalog, id);

	return question ? question : unknown(ctx, "question", id, bank_question_total(catalog), question_name,
					     "questions");
}

int cmd_drill_scope(struct cmd_ctx *ctx, const char *banks_option, const char *theme, struct arena *arena,
		    struct drill_filter *filter, struct drill_limits *limits)
{
	const char *setting = app_setting(ctx->app, "drill.banks");
	const char **banks;
	size_t count, i, kept = 0;

	*filter = (struct drill_filter){ .theme = theme };
	limits->new_per_day = atoi(app_setting(ctx->app, "drill.new_per_day"));
	limits->reviews_per_day = atoi(app_setting(ctx->app, "drill.reviews_per_day"));
	banks = drill_split_banks(banks_option != NULL ? banks_option : setting, arena, &count);
	for (i = 0; i < count; i++) {
		if (bank_find(ctx->app->catalog, banks[i]) != NULL) {
			banks[kept++] = banks[i];
		} else if (banks_option != NULL) {
			cmd_bank_arg(ctx, banks[i]);	/* reports it */
			return CMD_USER_ERROR;
		} else {
			char clip[UTIL_CLIP_SIZE];
			fprintf(ctx->err, "rebound: warning: drill.banks names no bank '%s'; it is left out ('banks' lists "
				"them)\n", util_clip(clip, banks[i]));
		}
	}
	if (kept > 0) {
		filter->banks = banks;
		filter->bank_count = kept;
	}
	return CMD_OK;
}
