/* interview: starts a timed mock interview (the loop itself is in src/interview.c). */
#include "rebound/interview.h"

#include <string.h>

enum { OPT_BANK, OPT_STAGE, OPT_THEME, OPT_COUNT, OPT_DIFFICULTY, OPT_THINK, OPT_ANSWER, OPT_ANSWERS,
       OPT_NO_FOLLOW_UPS, OPT_SPOKEN, OPT_TYPED };

/* Parses the options into *o; returns CMD_OK or the status of the error reported. */
static int parse_options(struct cmd_ctx *ctx, const struct cmd_args *args, struct interview_options *o)
{
	const char *const *v = args->values;

	memset(o, 0, sizeof *o);
	o->kind = "interview";
	o->count = INTERVIEW_COUNT_DEFAULT;
	o->think_seconds = o->answer_seconds = -1;
	o->follow_ups = v[OPT_NO_FOLLOW_UPS] == NULL;
	o->spoken = v[OPT_SPOKEN] != NULL;
	o->filter.min_difficulty = 1;
	o->filter.max_difficulty = 5;
	o->filter.bank = v[OPT_BANK];
	o->filter.stage = v[OPT_STAGE];
	o->filter.theme = v[OPT_THEME];
	if ((v[OPT_BANK] && !cmd_bank_arg(ctx, v[OPT_BANK])) || (v[OPT_STAGE] && !cmd_stage_arg(ctx, v[OPT_STAGE])) ||
	    (v[OPT_THEME] && !cmd_theme_arg(ctx, v[OPT_THEME])))
		return CMD_USER_ERROR;
	if (v[OPT_DIFFICULTY] &&
	    cmd_parse_difficulty(v[OPT_DIFFICULTY], &o->filter.min_difficulty, &o->filter.max_difficulty) != 0)
		return cmd_error(ctx, CMD_USAGE_ERROR, "interview: --difficulty takes N or MIN-MAX within 1-5, not '%s'",
				 v[OPT_DIFFICULTY]);
	if ((v[OPT_COUNT] && cmd_int_option(ctx, "interview", "count", v[OPT_COUNT], 1, INTERVIEW_COUNT_MAX,
					    &o->count) != 0) ||
	    (v[OPT_THINK] && cmd_int_option(ctx, "interview", "think", v[OPT_THINK], 0, BANK_THINK_SECONDS_MAX,
					    &o->think_seconds) != 0) ||
	    (v[OPT_ANSWER] && cmd_int_option(ctx, "interview", "answer", v[OPT_ANSWER], 1,
					     BANK_ANSWER_SECONDS_MAX, &o->answer_seconds) != 0))
		return CMD_USAGE_ERROR;
	return CMD_OK;
}

/* Spoken unless --typed, when --spoken is given or the setting interview.spoken is on. */
static void choose_mode(struct cmd_ctx *ctx, const struct cmd_args *args, struct interview_options *o)
{
	if (args->values[OPT_SPOKEN] != NULL || args->values[OPT_TYPED] != NULL)
		o->spoken = args->values[OPT_TYPED] == NULL;
	else
		o->spoken = interview_spoken_setting(ctx);
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
	if (args->values[OPT_SPOKEN] != NULL && args->values[OPT_TYPED] != NULL)
		return cmd_error(ctx, CMD_USAGE_ERROR, "interview: --spoken and --typed cannot go together");
	choose_mode(ctx, args, &options);
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
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_BANK] = { "bank", "B", COMPLETE_BANK, "only questions from bank B" },
		[OPT_STAGE] = { "stage", "S", COMPLETE_STAGE, "only questions asked at stage S" },
		[OPT_THEME] = { "theme", "T", COMPLETE_THEME, "only questions that train theme T" },
		[OPT_COUNT] = { "count", "N", COMPLETE_NONE, "ask N questions (1-100, default 5)" },
		[OPT_DIFFICULTY] = { "difficulty", "N", COMPLETE_NONE, "only difficulty N, or MIN-MAX (1-5)" },
		[OPT_THINK] = { "think", "S", COMPLETE_NONE, "think time in seconds for every question (0 skips it)" },
		[OPT_ANSWER] = { "answer", "S", COMPLETE_NONE, "answer time in seconds for every question (1-3600)" },
		[OPT_ANSWERS] = { "answers", "FILE", COMPLETE_FILE, "read answers and ratings from FILE" },
		[OPT_NO_FOLLOW_UPS] = { "no-follow-ups", NULL, COMPLETE_NONE, "ask no follow-up questions" },
		[OPT_SPOKEN] = { "spoken", NULL, COMPLETE_NONE, "record spoken answers from the microphone" },
		[OPT_TYPED] = { "typed", NULL, COMPLETE_NONE, "type the answers (when spoken is the setting)" },
	},
	.exec = cmd_interview_exec,
};
