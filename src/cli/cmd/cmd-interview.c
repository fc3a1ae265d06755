/* interview: starts a timed mock interview (the loop itself is in src/cli/interview.c). */
#include "rebound/interview.h"


enum { OPT_BANK, OPT_STAGE, OPT_THEME, OPT_COUNT, OPT_DIFFICULTY, OPT_THINK, OPT_ANSWER, OPT_ANSWERS,
       OPT_NO_FOLLOW_UPS, OPT_SPOKEN, OPT_TYPED };

/* The settings file's bank when --bank is not given (or NULL); an error naming the file's line when
 * no loaded bank has that name. */
static int default_bank(struct cmd_ctx *ctx, const char **bank)
{
	const char *name = app_setting(ctx->app, "interview.bank");
	int line = 0, column = 0;

	*bank = name;
	if (name == NULL || bank_find(ctx->app->catalog, name) != NULL)
		return CMD_OK;
	config_where(ctx->app->config, "interview.bank", &line, &column);
	return cmd_error(ctx, CMD_USER_ERROR, "%s:%d:%d: interview.bank: no bank '%s' is loaded ('banks' lists them)",
			 config_path(ctx->app->config), line, column, name);
}

/* Parses the options into *o; returns CMD_OK or the status of the error reported. */
static int parse_options(struct cmd_ctx *ctx, const struct cmd_args *args, struct interview_options *o)
{
	const char *const *v = args->values;
	const struct interview_flags flags = { v[OPT_COUNT], v[OPT_THINK], v[OPT_ANSWER], v[OPT_NO_FOLLOW_UPS],
					       v[OPT_SPOKEN], v[OPT_TYPED] };

	if ((v[OPT_BANK] && !cmd_bank_arg(ctx, v[OPT_BANK])) || (v[OPT_STAGE] && !cmd_stage_arg(ctx, v[OPT_STAGE])) ||
	    (v[OPT_THEME] && !cmd_theme_arg(ctx, v[OPT_THEME])))
		return CMD_USER_ERROR;
	if (interview_parse_flags(ctx, "interview", &flags, o) != CMD_OK)
		return CMD_USAGE_ERROR;
	o->filter.bank = v[OPT_BANK];
	if (o->filter.bank == NULL && default_bank(ctx, &o->filter.bank) != CMD_OK)
		return CMD_USER_ERROR;
	o->filter.stage = v[OPT_STAGE];
	o->filter.theme = v[OPT_THEME];
	if (v[OPT_DIFFICULTY] &&
	    cmd_parse_difficulty(v[OPT_DIFFICULTY], &o->filter.min_difficulty, &o->filter.max_difficulty) != 0)
		return cmd_error(ctx, CMD_USAGE_ERROR, "interview: --difficulty takes N or MIN-MAX within 1-5, not '%s'",
				 v[OPT_DIFFICULTY]);
	return CMD_OK;
}

/* Mentions an unfinished session so that it is not forgotten. */
static void mention_open_session(struct cmd_ctx *ctx)
{
	long long open_id = store_session_last_open(ctx->app->store, NULL);

	if (open_id > 0)
		fprintf(ctx->out, "Session %lld is unfinished: 'resume' continues it, 'discard' drops it.\n", open_id);
}

static int start(struct cmd_ctx *ctx, struct input *in, const void *options)
{
	return interview_start(ctx, in, options);
}

static int cmd_interview_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct interview_options options;
	int status = parse_options(ctx, args, &options);

	if (status != CMD_OK)
		return status;
	mention_open_session(ctx);
	return cmd_with_answers(ctx, "interview", args->values[OPT_ANSWERS], start, &options);
}

const struct cmd_entry cmd_interview_entry = {
	.name = "interview",
	.usage = "[--bank B] [--stage S] [--theme T] [--count N] [--difficulty MIN-MAX] [--think S] [--answer S]"
		 " [--answers FILE] [--no-follow-ups] [--spoken | --typed]",
	.help = "run a timed mock interview: think, answer, rate yourself per theme",
	.description =
		"Picks N questions (5 unless --count says otherwise) that match the filters, never one twice,\n"
		"those never asked first and then the least recently asked. For each: a think countdown (Enter\n"
		"starts the answer early), then an answer countdown while you type; an empty line or Ctrl-D\n"
		"submits, and when the clock runs out the answer keeps what you typed. A question's follow-up\n"
		"may come next with half the clock. Then rate the answer 1-5 on each theme it trains (s skips;\n"
		"several scores on one line fill the themes in order) and add a note if you like.\n"
		"Every answer is saved as soon as it is finished; Ctrl-C stops and 'resume' continues.\n"
		"With --spoken (or 'audio set spoken on'), each answer is recorded from the microphone between\n"
		"a start and a stop tone, with a level meter; Enter stops early. The recording's speaking time\n"
		"and pauses are shown and saved; 'replay' plays it back.\n"
		"Without a terminal, answers, ratings and notes are read line by line from standard input\n"
		"or --answers FILE, and countdowns are printed as plain lines.\n"
		"Set REBOUND_SEED to a number to get the same questions in the same order every run.",
	.flags = CMD_NEEDS_CATALOG | CMD_COMMON,
	.options = {
		[OPT_BANK] = { "bank", "B", COMPLETE_BANK, "only questions from bank B" },
		[OPT_STAGE] = { "stage", "S", COMPLETE_STAGE, "only questions asked at stage S" },
		[OPT_THEME] = { "theme", "T", COMPLETE_THEME, "only questions that train theme T" },
		[OPT_COUNT] = { "count", "N", COMPLETE_NONE, "ask N questions (1-100, default 5)" },
		[OPT_DIFFICULTY] = { "difficulty", "N", COMPLETE_NONE, "only difficulty N, or MIN-MAX (1-5)" },
		[OPT_THINK] = INTERVIEW_OPTION_THINK,
		[OPT_ANSWER] = INTERVIEW_OPTION_ANSWER,
		[OPT_ANSWERS] = INTERVIEW_OPTION_ANSWERS,
		[OPT_NO_FOLLOW_UPS] = INTERVIEW_OPTION_NO_FOLLOW_UPS,
		[OPT_SPOKEN] = INTERVIEW_OPTION_SPOKEN,
		[OPT_TYPED] = INTERVIEW_OPTION_TYPED,
	},
	.exec = cmd_interview_exec,
};
