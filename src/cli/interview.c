/* interview: the timed question loop (see interview.h). One question is: header and text, think
 * countdown, answer countdown, optional follow-up, self-rating. Each answer is saved in its own
 * transaction as soon as it is finished; ratings are saved in another once given. */
#include "rebound/date.h"
#include "rebound/evidence.h"
#include "rebound/recordings.h"
#include "rebound/transcript.h"
#include "interview-internal.h"
#include "rebound/util.h"

#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What ask_question tells the loop. */
enum step { STEP_NEXT, STEP_STOP, STEP_ERROR };

#define RATE_BAD_LINES_MAX 3		/* lines in a row from a pipe that are not ratings: then stop */

void interview_say(struct interview *iv, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(iv->ctx->out, fmt, ap);
	va_end(ap);
	fflush(iv->ctx->out);
}

static int store_error(struct cmd_ctx *ctx, char *cause)
{
	int status = cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);

	free(cause);
	return status;
}

/* Reads a line; on a pipe, where input shows no prompt, the prompt is printed as a line first. */
static enum input_result ask(struct input *in, FILE *out, const char *prompt, long long deadline, char **line)
{
	if (!input_is_terminal(in) && *prompt != '\0') {
		fprintf(out, "%s\n", prompt);
		fflush(out);
	}
	return input_line(in, prompt, deadline, 0, line);
}

/* A signal other than SIGINT means the terminal or the process is going away: leave the shell too. */
static void note_signal(struct cmd_ctx *ctx, struct input *in)
{
	if (input_signal(in) != SIGINT)
		ctx->quit = 1;
}

/* ------------------------------------------------------------------------------------------------
 * Typed answers
 */

/* A typed answer as it grows (capacity doubles: a flood of short lines stays linear). */
struct typed {
	char *text;
	size_t length, capacity;
};

static void append_line(struct typed *t, const char *line)
{
	size_t add = strlen(line);

	xgrow(&t->text, &t->capacity, t->length + add + 2, 1);
	if (t->length > 0)
		t->text[t->length++] = '\n';
	memcpy(t->text + t->length, line, add + 1);
	t->length += add;
}

/* Adds a line to the answer and to its draft on disk. */
static void add_line(struct interview *iv, struct typed *t, const char *line)
{
	if (iv->draft_path == NULL)
		interview_draft_open(iv);
	interview_draft_add(iv, line);
	append_line(t, line);
}

/* Each line of text after indent. */
static void print_indented(FILE *out, const char *indent, const char *text)
{
	const char *end;

	for (; *text != '\0'; text = *end ? end + 1 : end) {
		end = strchr(text, '\n');
		if (end == NULL)
			end = text + strlen(text);
		fprintf(out, "%s%.*s\n", indent, (int)(end - text), text);
	}
}

/*
 * Before a typed answer is taken (before its think time, so that text typed then is kept too): reads a
 * draft kept from an earlier try into iv->draft_kept, else opens this try's draft now, its space reserved
 * while there is room. A kept draft's file is left as it is: it becomes the answer as it stands, or the
 * first line of a new answer replaces it.
 */
static void prepare_draft(struct interview *iv)
{
	free(iv->draft_kept);
	iv->draft_kept = NULL;
	if (strcmp(iv->answerer->mode, "typed") != 0)
		return;
	if ((iv->draft_kept = interview_draft_read(iv)) == NULL)
		interview_draft_open(iv);
}

/* A draft kept when this answer could not be saved: shown, to keep with an empty line. */
static char *offer_draft(struct interview *iv)
{
	char *kept = iv->draft_kept;

	iv->draft_kept = NULL;
	if (kept != NULL) {
		interview_say(iv, "A draft of this answer was kept when it could not be saved:\n");
		print_indented(iv->ctx->out, "  ", kept);
		interview_say(iv, "An empty line keeps it as your answer; or type the answer again.\n");
	}
	return kept;
}

/* Whether the answer being taken goes on from an interrupted one's text. */
static int continuing(const struct interview *iv)
{
	return iv->continued_text != NULL && !iv->follow_up && iv->position == iv->replacing_position;
}

/* The ms the clock has left after already ms of it: at least a few seconds, to finish a sentence. */
static long long time_left(int limit_seconds, long long already)
{
	long long left = limit_seconds * 1000LL - already;

	return left > 5000 ? left : 5000;
}

/* Shows the interrupted answer's lines and takes them as the start of this one. */
static void go_on_from(struct interview *iv, struct typed *t, int limit_seconds)
{
	char at[16], limit[16], left[16], *copy = xstrdup(iv->continued_text), *line, *save = NULL;

	date_format_duration(iv->continued_ms, at);
	date_format_duration(limit_seconds * 1000LL, limit);
	date_format_duration(time_left(limit_seconds, iv->continued_ms), left);
	interview_say(iv, "Going on from %s of %s, with %s left. What you typed:\n", at, limit, left);
	for (line = strtok_r(copy, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		interview_say(iv, "> %s\n", line);
		add_line(iv, t, line);
	}
	interview_say(iv, "Type on; an empty line%s submits.\n", input_is_terminal(iv->in) ? " or Ctrl-D" : "");
	free(copy);
}

static void take_typed(struct interview *iv, int limit_seconds, char *first_line, struct interview_take *take)
{
	long long already = continuing(iv) ? iv->continued_ms : 0;
	long long start = date_monotonic_ms(), deadline = start + time_left(limit_seconds, already);
	struct typed t = { xstrdup(""), 0, 1 };
	char clock[16], *line, *kept = first_line == NULL && !already ? offer_draft(iv) : NULL;
	int terminal = input_is_terminal(iv->in), timed_out = 0;

	memset(take, 0, sizeof *take);
	take->mode = "typed";
	if (continuing(iv)) {
		go_on_from(iv, &t, limit_seconds);
	} else {
		date_format_duration(limit_seconds * 1000LL, clock);
		interview_say(iv, "Answer within %s. An empty line%s submits.\n", clock, terminal ? " or Ctrl-D" : "");
	}
	if (first_line != NULL)
		add_line(iv, &t, first_line);
	for (;;) {
		enum input_result result = input_line(iv->in, "> ", deadline, 0, &line);
		/* Nothing typed but Enter, the clock, Ctrl-C or Ctrl-D: the draft, as its file holds it, is the answer. */
		if (kept != NULL && t.length == 0 && (line == NULL || *line == '\0') &&
		    (result != INPUT_EOF || terminal) && result != INPUT_TOO_LONG) {
			interview_draft_adopt(iv);
			append_line(&t, kept);
			interview_say(iv, "Kept the draft.\n");
		}
		if (result == INPUT_TOO_LONG || (line != NULL && t.length + strlen(line) + 1 > INPUT_LINE_MAX)) {
			free(line);	/* never saved cut short: the answer is refused, its draft kept */
			take->too_long = 1;
			take->stopped_by = "limit";
			break;
		}
		if (result == INPUT_LINE && *line != '\0') {
			add_line(iv, &t, line);
			free(line);
			continue;
		}
		if (result != INPUT_EOF && *line != '\0')
			add_line(iv, &t, line);	/* what was typed when the clock or a signal stopped it */
		free(line);
		take->stopped_by = result == INPUT_LINE ? "enter" : result == INPUT_EOF ? "eof" :
				   result == INPUT_TIMEOUT ? "limit" : "interrupt";
		take->overtime = result == INPUT_TIMEOUT && t.length > 0;	/* nothing typed is not overtime */
		timed_out = result == INPUT_TIMEOUT;
		take->input_ended = result == INPUT_EOF && !terminal && first_line == NULL && t.length == 0;
		break;
	}
	free(kept);
	take->used_ms = take->overtime ? limit_seconds * 1000LL : already + date_monotonic_ms() - start;
	take->text = t.text;
	if (take->overtime)
		interview_say(iv, "Time is up: the answer keeps what you typed.\n");
	else if (timed_out)
		interview_say(iv, "Time is up with nothing typed.\n");
}

const struct interview_answerer interview_typed = { "typed", take_typed };

/* ------------------------------------------------------------------------------------------------
 * Rating
 */

static void show_rubric(struct cmd_ctx *ctx, const char *theme_id)
{
	const struct bank_theme *theme = bank_theme_find(ctx->app->catalog, theme_id);
	int score;

	if (theme == NULL) {
		fprintf(ctx->out, "%s%s%s\n", term_bold(ctx->color), theme_id, term_reset(ctx->color));
		return;
	}
	fprintf(ctx->out, "%s%s%s: %s\n", term_bold(ctx->color), theme->id, term_reset(ctx->color), theme->title);
	for (score = 1; score <= 5; score += 2)
		fprintf(ctx->out, "  %d  %s\n", score, theme->rubric[score]);
}

/* Applies the words of line to themes from *next on: 1-5 rates, s skips. Returns -1 on a bad word. */
static int apply_scores(struct cmd_ctx *ctx, const char *line, const struct bank_strings *themes, size_t *next,
			struct store_rating *ratings, size_t *rated)
{
	char *copy = xstrdup(line), *word, *save = NULL;
	int rc = 0;

	for (word = strtok_r(copy, " \t,", &save); word != NULL; word = strtok_r(NULL, " \t,", &save)) {
		if (*next >= themes->count) {
			fprintf(ctx->out, "Every theme is rated; ignoring '%s'.\n", word);
			break;
		}
		if (strcmp(word, "s") == 0 || strcmp(word, "skip") == 0) {
			(*next)++;
		} else if (word[0] >= '1' && word[0] <= '5' && word[1] == '\0') {
			ratings[*rated].theme_id = themes->items[*next];
			ratings[(*rated)++].score = word[0] - '0';
			(*next)++;
		} else {
			fprintf(ctx->out, "'%s' is not a rating: type 1 to 5, or s to skip.\n", word);
			rc = -1;
			break;
		}
	}
	free(copy);
	return rc;
}

/* Asks for every theme's score and a note, then saves them. STEP_STOP, with nothing saved, if a signal
 * came or the input ended before every theme had a score; input that ends at the note keeps old_note. */
static enum step rate(struct cmd_ctx *ctx, struct input *in, long long answer_id, const struct bank_strings *themes,
		      const char *old_note)
{
	struct store_rating *ratings = xcalloc(themes->count + 1, sizeof *ratings);
	size_t next = 0, rated = 0, shown = (size_t)-1;
	int bad = 0;
	enum input_result result = INPUT_LINE;
	char *line = NULL, *cause = NULL, prompt[96];
	enum step step = STEP_STOP;

	fprintf(ctx->out, "Rate the answer on each theme it trains: 1 to 5, or s to skip.\n");
	while (next < themes->count) {
		if (shown != next)
			show_rubric(ctx, themes->items[next]);
		shown = next;
		snprintf(prompt, sizeof prompt, "%s 1-5 or s> ", themes->items[next]);
		result = ask(in, ctx->out, prompt, -1, &line);
		if (result != INPUT_LINE && result != INPUT_TOO_LONG)
			goto out;
		bad = result == INPUT_TOO_LONG || apply_scores(ctx, line, themes, &next, ratings, &rated) != 0 ? bad + 1 : 0;
		free(line);
		line = NULL;
		/* From a pipe nobody can correct it: a run of lines that are not ratings ends the command. */
		if (bad == RATE_BAD_LINES_MAX && !input_is_terminal(in)) {
			cmd_error(ctx, CMD_USER_ERROR, "rate: %d lines in a row were not ratings; stopping", bad);
			goto out;
		}
	}
	if ((result = ask(in, ctx->out, "note (Enter for none)> ", -1, &line)) == INPUT_INTERRUPT)
		goto out;
	if (result == INPUT_TOO_LONG)
		fprintf(ctx->out, "The note is over %s: it keeps its earlier text.\n", INPUT_LINE_MAX_TEXT);
	step = STEP_NEXT;
	if (store_rating_save(ctx->app->store, answer_id, ratings, rated, result == INPUT_LINE ? line : old_note,
			      &cause) != 0) {
		store_error(ctx, cause);
		step = STEP_ERROR;
	}
out:
	if (result == INPUT_INTERRUPT)
		note_signal(ctx, in);
	free(line);
	free(ratings);
	return step;
}

int interview_rate_answer(struct cmd_ctx *ctx, struct input *in, const struct store_answer *answer,
			  const struct bank_strings *themes)
{
	enum step step = rate(ctx, in, answer->id, themes, answer->note);

	if (step == STEP_ERROR)
		return CMD_SYSTEM_ERROR;
	if (step == STEP_STOP)
		return cmd_error(ctx, CMD_USER_ERROR, "rate: stopped; answer %lld keeps its earlier ratings and note",
				 answer->id);
	fprintf(ctx->out, "Saved the ratings of answer %lld.\n", answer->id);
	return CMD_OK;
}

/* ------------------------------------------------------------------------------------------------
 * One question
 */

static int limit_of(int override, int own)
{
	return override >= 0 ? override : own;
}

/* The think countdown. Returns 0 to go on to the answer (with *first_line typed meanwhile, or NULL),
 * or 1 to stop: the input ended or a signal came. */
static int think(struct interview *iv, int limit_seconds, long long *used_ms, char **first_line)
{
	long long start = date_monotonic_ms();
	enum input_result result;
	char clock[16], *line;

	*used_ms = 0;
	*first_line = NULL;
	if (limit_seconds <= 0 || iv->draft_kept != NULL)
		return 0;	/* a kept draft is offered at once: it is an answer thought through */
	date_format_duration(limit_seconds * 1000LL, clock);
	interview_say(iv, "Think for up to %s. Press Enter to start answering%s.\n", clock,
		      iv->answerer == &interview_typed ? ", or just start typing" : "");
	result = input_line(iv->in, "think, Enter to answer> ", start + limit_seconds * 1000LL, 0, &line);
	*used_ms = result == INPUT_TIMEOUT ? limit_seconds * 1000LL : date_monotonic_ms() - start;
	if (result == INPUT_TOO_LONG) {
		cmd_error(iv->ctx, CMD_USER_ERROR, "answer %d is over %s, the most one answer may hold; it was not saved",
			  iv->position, INPUT_LINE_MAX_TEXT);
		return 1;
	}
	if (result == INPUT_INTERRUPT || (result == INPUT_EOF && !input_is_terminal(iv->in))) {
		free(line);
		if (result == INPUT_INTERRUPT)
			note_signal(iv->ctx, iv->in);
		return 1;
	}
	if (result == INPUT_TIMEOUT)
		interview_say(iv, "Time to answer.\n");
	if (line != NULL && *line != '\0')
		*first_line = line;
	else
		free(line);
	return 0;
}

/* The transcript of a spoken answer when it is clear enough to draw figures from, else NULL. */
static const char *heard_text(const struct interview_take *take)
{
	struct arena arena;
	const char *why;

	if (!take->has_recording || take->transcript == NULL || take->transcript->text == NULL)
		return NULL;
	arena_init(&arena);
	why = transcript_withheld(take->transcript, take->recording.speaking_ms, &arena);
	arena_release(&arena);
	return why == NULL ? take->transcript->text : NULL;
}

/* After a failed save: says where the typed answer is kept (its draft), or prints it whole to stderr
 * when even the draft could not be written, so that it can be copied. */
static void keep_unsaved(struct interview *iv, int position, const struct interview_take *take)
{
	char *kept = interview_draft_close(iv, 1);

	if (kept != NULL && iv->follow_up)	/* resume asks main questions again, not follow-ups */
		cmd_error(iv->ctx, CMD_SYSTEM_ERROR, "the follow-up answer to question %d is kept in '%s'", position, kept);
	else if (kept != NULL)
		cmd_error(iv->ctx, CMD_SYSTEM_ERROR, "answer %d is kept in '%s': 'resume %lld' offers it once it can be "
			  "saved", position, kept, iv->session.id);
	else if (take->text != NULL && *take->text != '\0' && strcmp(iv->answerer->mode, "typed") == 0)
		cmd_error(iv->ctx, CMD_SYSTEM_ERROR, "answer %d could not be kept in a file either; here it is, to "
			  "copy:\n%s", position, take->text);
	else if (take->has_recording)
		cmd_error(iv->ctx, CMD_SYSTEM_ERROR, "answer %d was not saved: its recording stays in '%s' until "
			  "'resume %lld' records the answer again", position, take->recording.path, iv->session.id);
	else
		cmd_error(iv->ctx, CMD_SYSTEM_ERROR, "answer %d was not saved: 'resume %lld' asks it again", position,
			  iv->session.id);
	free(kept);
}

/* Takes and saves one answer (a main one when follow_up_of is 0). Returns its id, 0 when the input
 * ended before it, -1 on error. *stopped is set when a signal stopped it. */
/* The saved answer's WAV becomes FLAC (audio.format); if that fails the WAV stays, and the user is told. */
static void compact_recording(struct interview *iv, long long id, const char *relative)
{
	char *cause = NULL, *moved = recordings_compact(iv->ctx->app, id, relative, &cause);

	if (moved == NULL && cause != NULL)
		interview_say(iv, "Note: the recording stays a WAV file: %s.\n", cause);
	free(moved);
	free(cause);
}

/* Whether answer a takes the place of the interrupted answer 'resume' is taking again. */
static int replaces(const struct interview *iv, const struct store_answer *a)
{
	return iv->replacing > 0 && a->follow_up_of == 0 && a->position == iv->replacing_position;
}

/* The interrupted answer is replaced: its recording's file goes too, and nothing more is replaced. */
static void replaced(struct interview *iv)
{
	if (iv->replacing_recording != NULL) {
		char *path = xasprintf("%s/%s", iv->ctx->app->data_dir, iv->replacing_recording);
		unlink(path);
		free(path);
	}
	interview_forget_replacing(iv);
}

void interview_forget_replacing(struct interview *iv)
{
	free(iv->replacing_recording);
	free(iv->continued_text);
	iv->replacing_recording = iv->continued_text = NULL;
	iv->replacing = 0;
	iv->replacing_position = 0;
	iv->continued_ms = 0;
}

static long long answer_and_save(struct interview *iv, const struct bank_question *q, int position,
				 const char *text, long long follow_up_of, int think_limit, long long think_used,
				 int answer_limit, char *first_line, int *stopped)
{
	struct interview_take take;
	struct store_evidence evidence;
	struct store_answer a;
	const char *heard;
	char *cause = NULL, clock[16], limit_clock[16];
	long long id;

	iv->position = position;
	iv->follow_up = follow_up_of != 0;
	iv->question = follow_up_of != 0 ? NULL : q;	/* a follow-up is not coached against the main question */
	iv->answerer->take(iv, answer_limit, first_line, &take);
	free(first_line);
	*stopped = strcmp(take.stopped_by, "interrupt") == 0 || take.interrupted;
	if (take.too_long) {
		char *kept = interview_draft_close(iv, 1);
		cmd_error(iv->ctx, CMD_USER_ERROR, "answer %d is over %s, the most one answer may hold; it was not saved%s%s%s",
			  position, INPUT_LINE_MAX_TEXT, kept ? " (what came before the long line is in '" : "",
			  kept ? kept : "", kept ? "', and 'resume' offers it)" : "");
		free(kept);
		take.input_ended = 1;
	}
	if (take.input_ended) {
		free(interview_draft_close(iv, 0));
		free(take.text);
		free((char *)take.recording.path);
		return 0;
	}
	memset(&a, 0, sizeof a);
	a.session_id = iv->session.id;
	a.position = position;
	a.question_id = q->id;
	a.question_text = text;
	a.follow_up_of = follow_up_of;
	a.mode = take.mode != NULL ? take.mode : iv->answerer->mode;
	a.text = take.text;
	a.think_limit_seconds = think_limit;
	a.think_used_ms = think_used;
	a.answer_limit_seconds = answer_limit;
	a.answer_used_ms = take.used_ms;
	a.overtime = take.overtime;
	a.stopped_by = take.stopped_by;
	a.recording = take.has_recording ? &take.recording : NULL;
	a.transcript = take.has_recording ? take.transcript : NULL;
	if (follow_up_of == 0 && !take.has_recording && take.text != NULL && *take.text != '\0' &&
	    evidence_measure(iv->ctx, q, take.text, "typed", &evidence) == 0)
		a.evidence = &evidence;
	heard = follow_up_of == 0 ? heard_text(&take) : NULL;
	if (heard != NULL && evidence_measure(iv->ctx, q, heard, "transcript", &evidence) == 0)
		a.evidence = &evidence;
	id = replaces(iv, &a) ? store_answer_replace(iv->ctx->app->store, iv->replacing, &a, &cause)
			      : store_answer_add(iv->ctx->app->store, &a, &cause);
	if (id > 0 && replaces(iv, &a))
		replaced(iv);
	if (id < 0) {
		store_error(iv->ctx, cause);
		keep_unsaved(iv, position, &take);
		free((char *)take.recording.path);
		free(take.text);
		return -1;
	}
	if (take.has_recording)
		compact_recording(iv, id, take.recording.path);
	free((char *)take.recording.path);
	free(interview_draft_close(iv, 0));
	free(iv->answer_text);
	free(iv->answer_heard);
	iv->answer_text = iv->answer_heard = NULL;
	if (follow_up_of == 0 && strcmp(a.mode, "typed") == 0) {	/* shown with the evidence before rating */
		iv->answer_text = take.text;
		take.text = NULL;
	} else if (heard != NULL) {
		iv->answer_text = xstrdup(heard);
		iv->answer_heard = xasprintf("a machine's guess, %d%% sure",
					     transcript_sure_percent(take.transcript->confidence));
	}
	free(take.text);
	date_format_duration(take.used_ms, clock);
	date_format_duration(answer_limit * 1000LL, limit_clock);
	interview_say(iv, "Saved answer %lld (%s of %s%s%s).\n", id, clock, limit_clock, take.overtime ? ", overtime" : "",
		      take.has_recording && take.recording.unwritten_frames > 0 ? ", its recording cut short" : "");
	if (*stopped)
		note_signal(iv->ctx, iv->in);
	return id;
}

static enum step ask_follow_up(struct interview *iv, const struct bank_question *q, int position, long long main_id,
			       int answer_limit)
{
	const char *text = q->follow_ups.items[util_random_below(&iv->rng, q->follow_ups.count)];
	int limit = answer_limit / 2 > BANK_ANSWER_SECONDS_MIN ? answer_limit / 2 : BANK_ANSWER_SECONDS_MIN, stopped;
	long long id;

	iv->position = position;
	iv->follow_up = 1;
	prepare_draft(iv);
	interview_say(iv, "\n%sFollow-up:%s %s\n", term_bold(iv->ctx->color), term_reset(iv->ctx->color), text);
	id = answer_and_save(iv, q, position, text, main_id, 0, 0, limit, NULL, &stopped);
	return id < 0 ? STEP_ERROR : id == 0 || stopped ? STEP_STOP : STEP_NEXT;
}

static void print_header(struct interview *iv, int position, const struct bank_question *q)
{
	struct cmd_ctx *ctx = iv->ctx;
	size_t i;

	fprintf(ctx->out, "\n%sQuestion %d of %d%s  %s · difficulty %d · ", term_bold(ctx->color), position,
		iv->session.planned_count, term_reset(ctx->color), q->bank->name, q->difficulty);
	for (i = 0; i < q->themes.count; i++)
		fprintf(ctx->out, "%s%s", i ? ", " : "", q->themes.items[i]);
	fprintf(ctx->out, "\n%s%s%s\n", term_bold(ctx->color), q->text, term_reset(ctx->color));
}

static enum step ask_question(struct interview *iv, int position, const struct bank_question *q)
{
	int think_limit = limit_of(iv->session.think_seconds, q->think_seconds);
	int answer_limit = limit_of(iv->session.answer_seconds, q->answer_seconds), stopped;
	long long think_used, id;
	char *first_line;
	enum step step = STEP_NEXT;

	iv->position = position;
	iv->follow_up = 0;
	prepare_draft(iv);	/* first: the disk may fill while the question is on screen */
	print_header(iv, position, q);
	if (continuing(iv)) {
		think_limit = iv->continued_think_limit;	/* thought through before: as it was */
		think_used = iv->continued_think_ms;
		first_line = NULL;
	} else if (think(iv, think_limit, &think_used, &first_line) != 0) {
		free(interview_draft_close(iv, 0));
		return STEP_STOP;
	}
	id = answer_and_save(iv, q, position, q->text, 0, think_limit, think_used, answer_limit, first_line, &stopped);
	if (id <= 0)
		return id < 0 ? STEP_ERROR : STEP_STOP;
	iv->answered++;
	if (stopped)
		return STEP_STOP;
	if (iv->session.follow_ups && q->follow_ups.count > 0)
		step = ask_follow_up(iv, q, position, id, answer_limit);
	if (step == STEP_NEXT && q->themes.count > 0) {
		evidence_before_rating(iv->ctx, q, iv->answer_text, iv->answer_heard);
		step = rate(iv->ctx, iv->in, id, &q->themes, NULL);
	}
	free(iv->answer_text);
	free(iv->answer_heard);
	iv->answer_text = iv->answer_heard = NULL;
	return step;
}

/* ------------------------------------------------------------------------------------------------
 * The session
 */

static void format_average(double value, char buf[8])
{
	snprintf(buf, 8, "%.1f", value);
}

static const struct store_theme_sum *find_sum(const struct store_theme_sum *sums, size_t count, const char *id)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strcmp(sums[i].theme_id, id) == 0)
			return &sums[i];
	return NULL;
}

/* "clarity 3.4 → 3.9, up 0.5" for each theme rated in this session, in the catalog's theme order. */
static void print_summary(struct interview *iv)
{
	struct cmd_ctx *ctx = iv->ctx;
	struct store_theme_sum *now = NULL, *before = NULL;
	size_t now_count = 0, before_count = 0, t;
	struct arena arena;
	const char *arrow = term_utf8() ? "→" : "->";

	arena_init(&arena);
	if (store_theme_sums(ctx->app->store, iv->session.id, 0, &arena, &now, &now_count, NULL) != 0 ||
	    store_theme_sums(ctx->app->store, iv->session.id, 1, &arena, &before, &before_count, NULL) != 0)
		now_count = 0;
	if (now_count > 0)
		fprintf(ctx->out, "Your ratings this session against your average before it:\n");
	for (t = 0; t < bank_theme_count(ctx->app->catalog); t++) {
		const char *id = bank_theme_at(ctx->app->catalog, t)->id;
		const struct store_theme_sum *current = find_sum(now, now_count, id), *old = find_sum(before, before_count, id);
		char was[8], is[8], delta[8];
		if (current == NULL)
			continue;
		format_average((double)current->sum / current->count, is);
		if (old == NULL) {
			fprintf(ctx->out, "  %s %s (first rating)\n", id, is);
			continue;
		}
		format_average((double)old->sum / old->count, was);
		format_average(fabs(atof(is) - atof(was)), delta);	/* from the rounded figures, as shown */
		fprintf(ctx->out, "  %s %s %s %s, %s%s\n", id, was, arrow, is,
			atof(is) > atof(was) ? "up " : atof(is) < atof(was) ? "down " : "no change",
			atof(is) != atof(was) ? delta : "");
	}
	arena_release(&arena);
}

static int finish(struct interview *iv)
{
	char *cause = NULL;

	if (store_session_close(iv->ctx->app->store, iv->session.id, "finished", &cause) != 0)
		return store_error(iv->ctx, cause);
	interview_say(iv, "\n%sSession %lld finished.%s\n", term_bold(iv->ctx->color), iv->session.id,
	    term_reset(iv->ctx->color));
	print_summary(iv);
	return CMD_OK;
}

/* A session stopped before its first answer is removed: there is nothing to resume. */
static int cut_short(struct interview *iv, int position)
{
	char *cause = NULL;
	int removed = store_session_delete_empty(iv->ctx->app->store, iv->session.id, &cause);

	if (removed < 0)
		return store_error(iv->ctx, cause);
	if (removed)
		interview_say(iv, "\nStopped before the first answer; session %lld is not kept.\n", iv->session.id);
	else
		interview_say(iv, "\nStopped at question %d of %d. Saved answers are kept: 'resume' continues session %lld, "
			"'discard' drops it.\n", position, iv->session.planned_count, iv->session.id);
	return CMD_USER_ERROR;
}

/* Asks every question in ids that done (if not NULL) does not mark as answered already. */
static int run(struct interview *iv, const char *const *ids, size_t count, const unsigned char *done)
{
	size_t p;

	for (p = 0; p < count; p++) {
		const struct bank_question *q = bank_question_find(iv->ctx->app->catalog, ids[p]);
		enum step step;
		if (done != NULL && done[p])
			continue;
		if (q == NULL) {
			interview_say(iv, "\nQuestion %zu (%s) is no longer in any bank; skipping it.\n", p + 1, ids[p]);
			continue;
		}
		step = ask_question(iv, (int)p + 1, q);
		if (step == STEP_ERROR)
			return CMD_SYSTEM_ERROR;
		if (step == STEP_STOP)
			return cut_short(iv, (int)p + 1);
	}
	return finish(iv);
}

static uint64_t seed(void)
{
	const char *env = getenv(INTERVIEW_SEED_ENV);

	if (env != NULL && *env != '\0')
		return strtoull(env, NULL, 10);
	return (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) ^ (uint64_t)date_monotonic_ms();
}

static void init(struct interview *iv, struct cmd_ctx *ctx, struct input *in)
{
	memset(iv, 0, sizeof *iv);
	iv->ctx = ctx;
	iv->in = in;
	iv->answerer = &interview_typed;
	iv->rng = seed();
	iv->draft_fd = -1;
}

/* The questions a drill planned, those still in the catalog, at most options->count. */
static size_t planned_questions(const struct bank_catalog *catalog, const struct interview_options *options,
				const struct bank_question **picked)
{
	size_t i, count = 0;

	for (i = 0; i < options->question_count && count < (size_t)options->count; i++)
		if ((picked[count] = bank_question_find(catalog, options->question_ids[i])) != NULL)
			count++;
	return count;
}

/* The settings file's value for a clock option not given (config_load has checked its range). */
static void clock_setting(struct cmd_ctx *ctx, const char *name, int *seconds)
{
	const char *value = app_setting(ctx->app, name);

	if (*seconds < 0 && value != NULL)
		*seconds = atoi(value);
}

int interview_parse_flags(struct cmd_ctx *ctx, const char *kind, const struct interview_flags *f,
			  struct interview_options *o)
{
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->count = INTERVIEW_COUNT_DEFAULT;
	o->think_seconds = o->answer_seconds = -1;
	o->follow_ups = f->no_follow_ups == NULL;
	o->filter.min_difficulty = 1;
	o->filter.max_difficulty = 5;
	if ((f->count && cmd_int_option(ctx, kind, "count", f->count, 1, INTERVIEW_COUNT_MAX, &o->count) != 0) ||
	    (f->think && cmd_int_option(ctx, kind, "think", f->think, 0, BANK_THINK_SECONDS_MAX, &o->think_seconds) != 0) ||
	    (f->answer && cmd_int_option(ctx, kind, "answer", f->answer, 1, BANK_ANSWER_SECONDS_MAX,
					 &o->answer_seconds) != 0))
		return CMD_USAGE_ERROR;
	if (f->spoken != NULL && f->typed != NULL)
		return cmd_error(ctx, CMD_USAGE_ERROR, "%s: --spoken and --typed cannot go together", kind);
	clock_setting(ctx, "interview.think_seconds", &o->think_seconds);
	clock_setting(ctx, "interview.answer_seconds", &o->answer_seconds);
	o->spoken = f->spoken ? 1 : f->typed ? 0 : strcmp(app_setting(ctx->app, "interview.mode"), "spoken") == 0;
	return CMD_OK;
}

int interview_start(struct cmd_ctx *ctx, struct input *in, const struct interview_options *options)
{
	const struct bank_question **picked = xcalloc((size_t)options->count, sizeof *picked);
	const char **ids = xcalloc((size_t)options->count, sizeof *ids);
	struct interview iv;
	struct arena arena;
	struct map recency;
	char *cause = NULL;
	size_t count = 0, i;
	int status, held;

	init(&iv, ctx, in);
	held = input_hold_signals(in, 1);	/* a signal between reads (a tone, a save) must not kill us */
	arena_init(&arena);
	map_init(&recency);
	if (store_question_recency(ctx->app->store, &arena, &recency, &cause) != 0) {
		status = store_error(ctx, cause);
		goto out;
	}
	if (options->question_ids != NULL)
		count = planned_questions(ctx->app->catalog, options, picked);
	else
		count = select_questions(ctx->app->catalog, &options->filter, &recency, (size_t)options->count, &iv.rng,
					 picked);
	if (count == 0) {
		status = cmd_error(ctx, CMD_USER_ERROR, "%s: no questions match (see 'questions')", options->kind);
		goto out;
	}
	for (i = 0; i < count; i++)
		ids[i] = picked[i]->id;
	iv.session.kind = options->kind;
	iv.session.bank = options->filter.bank;
	iv.session.stage = options->filter.stage;
	iv.session.theme = options->filter.theme;
	iv.session.think_seconds = options->think_seconds;
	iv.session.answer_seconds = options->answer_seconds;
	iv.session.follow_ups = options->follow_ups;
	iv.session.spoken = options->spoken;
	iv.session.planned_count = (int)count;
	if (options->spoken && interview_spoken_open(&iv, &cause) != 0) {
		status = cmd_error(ctx, CMD_USER_ERROR, "%s: %s", options->kind, cause);
		free(cause);
		goto out;
	}
	if ((iv.session.id = store_session_create(ctx->app->store, &iv.session, ids, count, &cause)) < 0) {
		status = store_error(ctx, cause);
		goto out;
	}
	interview_say(&iv, "Session %lld: %zu question%s%s. Ctrl-C stops; every answer is saved as you go.\n",
		      iv.session.id, count, count == 1 ? "" : "s", count < (size_t)options->count ? " (all that match)" : "");
	status = run(&iv, ids, count, NULL);
out:
	interview_spoken_close(&iv);
	free(interview_draft_close(&iv, 0));	/* an unused one; a kept one was closed when kept */
	free(iv.draft_kept);
	free(iv.answer_text);
	free(iv.answer_heard);
	input_hold_signals(in, held);
	map_release(&recency);
	arena_release(&arena);
	free(picked);
	free(ids);
	return status;
}

/* Rates the session's main answers that were saved but never rated (the session stopped in between);
 * *position is the question it stopped at, when it stops. */
static enum step rate_leftovers(struct interview *iv, const struct store_answer *answers, size_t count, int *position)
{
	size_t i;

	for (i = 0; i < count; i++) {
		const struct bank_question *q = bank_question_find(iv->ctx->app->catalog, answers[i].question_id);
		enum step step;
		if (answers[i].follow_up_of != 0 || answers[i].rated_at != NULL || q == NULL || q->themes.count == 0 ||
		    answers[i].id == iv->replacing)
			continue;
		interview_say(iv, "\nQuestion %d was answered but not rated: %s\n", answers[i].position, q->text);
		if (answers[i].mode != NULL && strcmp(answers[i].mode, "typed") == 0)
			evidence_before_rating(iv->ctx, q, answers[i].text, NULL);
		*position = answers[i].position;
		if ((step = rate(iv->ctx, iv->in, answers[i].id, &q->themes, answers[i].note)) != STEP_NEXT)
			return step;
	}
	return STEP_NEXT;
}

enum again { AGAIN_KEEP, AGAIN_ANSWER, AGAIN_GO_ON, AGAIN_STOP };

/* Asks what to do with an interrupted answer: Enter goes on from it (typed) or answers it again. */
static enum again ask_again(struct interview *iv, int can_go_on)
{
	const char *prompt = can_go_on ? "Go on from where it stopped (Enter), answer it again (a) or keep it as it is (k)? "
				       : "Answer it again (Enter) or keep it as it is (k)? ";
	enum again choice = AGAIN_STOP;
	char *line = NULL;

	for (;;) {
		if (ask(iv->in, iv->ctx->out, prompt, -1, &line) != INPUT_LINE) {
			note_signal(iv->ctx, iv->in);
			break;
		}
		if (*line == '\0')
			choice = can_go_on ? AGAIN_GO_ON : AGAIN_ANSWER;
		else if (strcmp(line, "a") == 0 || strcmp(line, "again") == 0)
			choice = AGAIN_ANSWER;
		else if (strcmp(line, "k") == 0 || strcmp(line, "keep") == 0)
			choice = AGAIN_KEEP;
		else if (input_is_terminal(iv->in))
			interview_say(iv, "Enter, a or k.\n");
		else
			choice = AGAIN_KEEP;	/* from a pipe the line was meant for something else: change nothing */
		free(line);
		line = NULL;
		if (choice != AGAIN_STOP)
			break;
	}
	free(line);
	return choice;
}

/* The answer Ctrl-C stopped, saved as it stood and not rated: offered to go on from (typed), to answer
 * again, or to keep. Taken again, its position is asked again and the new answer replaces it. */
static enum step offer_interrupted(struct interview *iv, const struct store_answer *answers, size_t count,
				   unsigned char *done, size_t id_count, struct arena *arena)
{
	size_t i;

	for (i = 0; i < count; i++) {
		const struct store_answer *a = &answers[i];
		const struct bank_question *q = bank_question_find(iv->ctx->app->catalog, a->question_id);
		struct store_recording recording;
		char used[16], limit[16], *cause = NULL;
		int typed = a->mode != NULL && strcmp(a->mode, "typed") == 0, can_go_on;
		enum again choice;
		if (a->follow_up_of != 0 || a->rated_at != NULL || a->stopped_by == NULL ||
		    strcmp(a->stopped_by, "interrupt") != 0 || a->position < 1 || (size_t)a->position > id_count || q == NULL)
			continue;
		can_go_on = typed && a->text != NULL && *a->text != '\0';
		date_format_duration(a->answer_used_ms, used);
		date_format_duration(a->answer_limit_seconds * 1000LL, limit);
		interview_say(iv, "\nAnswer %d was stopped at %s of %s: %s\n", a->position, used, limit, q->text);
		if (can_go_on)
			print_indented(iv->ctx->out, "  > ", a->text);
		if ((choice = ask_again(iv, can_go_on)) == AGAIN_STOP)
			return STEP_STOP;
		if (choice == AGAIN_KEEP)
			continue;
		iv->replacing = a->id;
		iv->replacing_position = a->position;
		if (store_recording_get(iv->ctx->app->store, a->id, arena, &recording, &cause) > 0)
			iv->replacing_recording = xstrdup(recording.path);
		free(cause);
		if (choice == AGAIN_GO_ON) {
			iv->continued_text = xstrdup(a->text);
			iv->continued_ms = a->answer_used_ms;
			iv->continued_think_limit = a->think_limit_seconds;
			iv->continued_think_ms = a->think_used_ms;
		}
		done[a->position - 1] = 0;
		return STEP_NEXT;	/* one at a time: a session stops at its first interrupted answer */
	}
	return STEP_NEXT;
}

int interview_resume(struct cmd_ctx *ctx, struct input *in, long long session_id)
{
	struct interview iv;
	struct arena arena;
	struct store_answer *answers = NULL;
	const char **ids = NULL;
	unsigned char *done = NULL;
	size_t id_count = 0, answer_count = 0, next, i;
	char *cause = NULL;
	int status, found, held, stopped_at = 0;
	enum step step;

	init(&iv, ctx, in);
	held = input_hold_signals(in, 1);
	arena_init(&arena);
	found = store_session_get(ctx->app->store, session_id, &arena, &iv.session, &cause);
	if (found <= 0 || store_session_questions(ctx->app->store, session_id, &arena, &ids, &id_count, &cause) != 0 ||
	    store_answer_list(ctx->app->store, session_id, &arena, &answers, &answer_count, &cause) != 0) {
		status = found == 0 ? cmd_error(ctx, CMD_USER_ERROR, "no session %lld", session_id) : store_error(ctx, cause);
		goto out;
	}
	if (iv.session.spoken && interview_spoken_open(&iv, &cause) != 0) {
		status = cmd_error(ctx, CMD_USER_ERROR, "resume: %s", cause);
		free(cause);
		goto out;
	}
	done = arena_alloc(&arena, id_count + 1);
	for (i = 0; i < answer_count; i++)
		if (answers[i].follow_up_of == 0 && answers[i].position >= 1 && (size_t)answers[i].position <= id_count)
			done[answers[i].position - 1] = 1;
	if ((step = offer_interrupted(&iv, answers, answer_count, done, id_count, &arena)) == STEP_STOP) {
		status = CMD_USER_ERROR;
		goto out;
	}
	for (next = 0; next < id_count && done[next]; next++)
		;
	if (next < id_count)
		interview_say(&iv, "Resuming session %lld at question %zu of %zu.\n", session_id, next + 1, id_count);
	else
		interview_say(&iv, "Resuming session %lld: every question is answered.\n", session_id);
	step = rate_leftovers(&iv, answers, answer_count, &stopped_at);
	if (step == STEP_ERROR)
		status = CMD_SYSTEM_ERROR;
	else if (step == STEP_STOP)
		status = cut_short(&iv, stopped_at);
	else
		status = run(&iv, ids, id_count, done);
out:
	interview_spoken_close(&iv);
	free(interview_draft_close(&iv, 0));	/* an unused one; a kept one was closed when kept */
	free(iv.draft_kept);
	free(iv.answer_text);
	free(iv.answer_heard);
	interview_forget_replacing(&iv);
	input_hold_signals(in, held);
	arena_release(&arena);
	return status;
}
