/* coaching: the coaching lines of a spoken answer (see coaching.h). Each figure is followed by its
 * verdict and reference band; transcript figures say where they come from. */
#include "rebound/coaching.h"
#include "rebound/date.h"
#include "rebound/transcript.h"
#include "rebound/util.h"

#include <stdio.h>
#include <string.h>

#define TRANSCRIPT_MARK " · from the transcript"
#define HITS_SHOWN 3

int coaching_is_story(const struct bank_question *q)
{
	size_t i;

	if (q == NULL)
		return 0;
	if (q->bank != NULL && strcmp(q->bank->name, COACHING_STORY_BANK) == 0)
		return 1;
	for (i = 0; i < q->themes.count; i++)
		if (strcmp(q->themes.items[i], COACHING_STORY_THEME) == 0)
			return 1;
	return 0;
}

static void print_signal(struct cmd_ctx *ctx, const char *indent, const struct coaching *c)
{
	static const char *const pace_verdict[] = { "slow", "comfortable", "fast" };
	static const char *const length_verdict[] = { "short for a story", "good for a story", "long for a story" };
	const struct store_recording *r = c->recording;
	long long length_ms = store_recording_length_ms(r);
	char clock[16];

	if (r->pace_wpm > 0)	/* how exact: tests/eval/eval-pace.c measures it on human speech (pace.h) */
		fprintf(ctx->out, "%space      about %.0f words a minute, give or take 10%%: %s (%d-%d)\n", indent,
			r->pace_wpm, pace_verdict[speech_pace_band(r->pace_wpm)], SPEECH_PACE_SLOW, SPEECH_PACE_FAST);
	if (coaching_is_story(c->question)) {
		date_format_duration(length_ms, clock);
		fprintf(ctx->out, "%slength    %s: %s (1-2 min)\n", indent, clock,
			length_verdict[speech_length_band(length_ms)]);
	}
}

/* "(um 3, like 2)" for the most said phrases, or "" */
static void print_hits(struct cmd_ctx *ctx, const struct speech_hit *hits, size_t count)
{
	size_t i;

	for (i = 0; i < count && i < HITS_SHOWN; i++)
		fprintf(ctx->out, "%s%s %d", i ? ", " : " (", hits[i].phrase, hits[i].count);
	if (count > HITS_SHOWN)
		fputs(", ...", ctx->out);
	if (count > 0)
		fputc(')', ctx->out);
}

static void print_list(struct cmd_ctx *ctx, const char *const *items, size_t count, int quoted)
{
	size_t i;

	for (i = 0; i < count; i++)
		fprintf(ctx->out, quoted ? "%s\"%s\"" : "%s%s", i ? ", " : "", items[i]);
}

/* Where coverage came from and how far its two sources agree: the transcript's words (NULL when it is
 * too unsure to use) and the keyword spotter's. */
static void print_coverage_source(struct cmd_ctx *ctx, const struct speech_coverage *cov, int transcript)
{
	size_t agree = cov->listened - cov->spotted_only - cov->heard_only;

	if (cov->listened == 0)
		fputs(transcript ? TRANSCRIPT_MARK "\n" : "\n", ctx->out);
	else if (!transcript)
		fputs(" · spotted in the audio alone (the transcript was too unsure)\n", ctx->out);
	else if (agree == cov->listened)
		fputs(" · the transcript and the spotter agree\n", ctx->out);
	else
		fprintf(ctx->out, " · the transcript and the spotter agree on %zu of %zu\n", agree, cov->listened);
}

static void print_coverage(struct cmd_ctx *ctx, const char *indent, const char *label,
			   const struct speech_coverage *cov, int quoted, int transcript)
{
	fprintf(ctx->out, "%s%-9s %zu of %zu said", indent, label, cov->said_count, cov->said_count + cov->missed_count);
	if (cov->said_count > 0 && !quoted) {
		fputs(" (", ctx->out);
		print_list(ctx, cov->said, cov->said_count, quoted);
		fputc(')', ctx->out);
	}
	if (cov->missed_count > 0) {
		fputs("; not heard: ", ctx->out);
		print_list(ctx, cov->missed, cov->missed_count, quoted);
	}
	print_coverage_source(ctx, cov, transcript);
}

/* Keywords and talking points said: from the transcript's words when it is clear enough (words not NULL)
 * and from the spotter's spots. */
static void print_covered(struct cmd_ctx *ctx, const char *indent, const struct coaching *c, const char **words,
			  struct arena *arena)
{
	const struct store_transcript *t = c->transcript;
	const struct speech_spot *spots = transcript_spots(t, arena);
	const struct bank_question *q = c->question;
	size_t count = words != NULL ? t->word_count : 0;
	struct speech_coverage cov;

	if (q != NULL && q->keywords.count > 0) {
		speech_keywords(q->keywords.items, q->keywords.count, words, count, spots, t->spot_count, arena, &cov);
		if (words != NULL || cov.listened > 0)
			print_coverage(ctx, indent, "keywords", &cov, 0, words != NULL);
	}
	if (q != NULL && q->talking_points.count > 0) {
		speech_points(q->talking_points.items, q->talking_points.count, words, count, spots, t->spot_count,
			      arena, &cov);
		if (words != NULL || cov.listened > 0)
			print_coverage(ctx, indent, "points", &cov, 1, words != NULL);
	}
}

static void print_transcript(struct cmd_ctx *ctx, const char *indent, const struct coaching *c, struct arena *arena)
{
	static const char *const filler_verdict[] = { "few", "few", "many" };
	const struct store_transcript *t = c->transcript;
	const char **words = transcript_words(t, arena);
	long long speaking_ms = c->recording->speaking_ms;
	struct speech_counts counts;
	double fillers;

	fprintf(ctx->out, "%sheard     %zu words, %d%% sure (a machine's guess, not a record)\n", indent, t->word_count,
		transcript_sure_percent(t->confidence));
	speech_count(c->lists, words, t->word_count, arena, &counts);
	if (c->lists == NULL) {	/* the counts made when the transcript was saved */
		counts.fillers = t->fillers;
		counts.hedges = t->hedges;
		counts.repeats = t->repeats;
	}
	fillers = speech_per_minute(counts.fillers, speaking_ms);
	fprintf(ctx->out, "%sfillers   %.1f a minute", indent, fillers);
	print_hits(ctx, counts.filler_hits, counts.filler_hit_count);
	fprintf(ctx->out, ": %s (under %.0f)" TRANSCRIPT_MARK "\n", filler_verdict[speech_fillers_band(fillers)],
		SPEECH_FILLERS_MANY);
	fprintf(ctx->out, "%shedges    %.1f a minute", indent, speech_per_minute(counts.hedges, speaking_ms));
	print_hits(ctx, counts.hedge_hits, counts.hedge_hit_count);
	fputs(TRANSCRIPT_MARK "\n", ctx->out);
	fprintf(ctx->out, "%srepeats   %d", indent, counts.repeats);
	if (counts.repeated_count > 0) {
		fputs(" (", ctx->out);
		print_list(ctx, counts.repeated, counts.repeated_count, 0);
		fputc(')', ctx->out);
	}
	fputs(TRANSCRIPT_MARK "\n", ctx->out);
	print_covered(ctx, indent, c, words, arena);
}

void coaching_print(struct cmd_ctx *ctx, const char *indent, const struct coaching *c)
{
	struct arena arena;
	const char *withheld;

	arena_init(&arena);
	print_signal(ctx, indent, c);
	if (c->transcript != NULL) {
		withheld = transcript_withheld(c->transcript, c->recording->speaking_ms, &arena);
		if (withheld != NULL) {
			fprintf(ctx->out, "%stranscript figures not shown: %s\n", indent, withheld);
			print_covered(ctx, indent, c, NULL, &arena);
		} else
			print_transcript(ctx, indent, c, &arena);
	}
	arena_release(&arena);
}

const struct bank_question *coaching_question(struct cmd_ctx *ctx, const struct store_answer *answer)
{
	if (answer->follow_up_of != 0 || answer->question_id == NULL)
		return NULL;
	return bank_question_find(ctx->app->catalog, answer->question_id);
}

int coaching_print_saved(struct cmd_ctx *ctx, const char *indent, const struct store_answer *answer,
			 const struct store_recording *recording, const struct speech_lists *lists, struct arena *arena,
			 struct store_transcript *transcript)
{
	struct coaching coaching = { coaching_question(ctx, answer), recording, NULL, lists };
	int found = store_transcript_get(ctx->app->store, answer->id, arena, transcript, NULL) == 1;

	if (found)
		coaching.transcript = transcript;
	coaching_print(ctx, indent, &coaching);
	return found;
}
