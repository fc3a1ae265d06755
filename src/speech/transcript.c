/* transcript: recogniser output into a store_transcript with coaching counts, and the rule for when a
 * transcript is too unsure to coach from (see transcript.h). */
#include "rebound/transcript.h"
#include "rebound/date.h"
#include "rebound/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* <data dir>/NAME if the user has one, else the bundled assets/NAME (caller frees). */
static char *list_path(const char *data_dir, const char *bundle_dir, const char *name)
{
	char *own = data_dir ? xasprintf("%s/%s", data_dir, name) : NULL;

	if (own != NULL && access(own, F_OK) == 0)
		return own;
	free(own);
	return xasprintf("%s/assets/%s", bundle_dir, name);
}

struct speech_lists *transcript_lists(const char *data_dir, const char *bundle_dir, char **cause)
{
	char *fillers = list_path(data_dir, bundle_dir, "fillers.txt");
	char *hedges = list_path(data_dir, bundle_dir, "hedges.txt");
	struct speech_lists *lists = speech_lists_load(fillers, hedges, cause);

	free(fillers);
	free(hedges);
	return lists;
}

static char *join_words(const struct recognizer_result *heard, struct arena *arena)
{
	size_t size = 1, i;
	char *text, *at;

	for (i = 0; i < heard->count; i++)
		size += strlen(heard->words[i].text) + 1;
	text = at = arena_alloc(arena, size);
	for (i = 0; i < heard->count; i++)
		at += sprintf(at, "%s%s", i ? " " : "", heard->words[i].text);
	*at = '\0';
	return text;
}

static void build_spots(const struct recognizer_result *heard, struct arena *arena, struct store_transcript *out)
{
	struct store_spot *spots = arena_alloc(arena, (heard->phrase_count ? heard->phrase_count : 1) * sizeof *spots);
	size_t i;

	for (i = 0; i < heard->phrase_count; i++) {
		const struct recognizer_phrase *p = &heard->phrases[i];
		spots[i].phrase = arena_strdup(arena, p->text);
		spots[i].listened = p->listened;
		spots[i].detected = p->detected;
		spots[i].score = p->detected ? p->score : 0;
		spots[i].start_ms = p->start_ms;
		spots[i].end_ms = p->end_ms;
	}
	out->spots = spots;
	out->spot_count = heard->phrase_count;
}

void transcript_build(const struct recognizer_result *heard, const struct speech_lists *lists, long long decode_ms,
		      struct arena *arena, struct store_transcript *out)
{
	struct store_transcript_word *words = arena_alloc(arena, (heard->count ? heard->count : 1) * sizeof *words);
	struct speech_counts counts;
	size_t i;

	for (i = 0; i < heard->count; i++) {
		words[i].word = arena_strdup(arena, heard->words[i].text);
		words[i].start_ms = heard->words[i].start_ms;
		words[i].end_ms = heard->words[i].end_ms;
		words[i].confidence = heard->words[i].confidence;
	}
	memset(out, 0, sizeof *out);
	out->engine = recognizer_engine();
	out->text = join_words(heard, arena);
	out->confidence = heard->confidence;
	out->decode_ms = decode_ms;
	out->words = words;
	out->word_count = heard->count;
	speech_count(lists, transcript_words(out, arena), out->word_count, arena, &counts);
	out->fillers = counts.fillers;
	out->hedges = counts.hedges;
	out->repeats = counts.repeats;
	build_spots(heard, arena, out);
}

const char **transcript_phrases(const struct bank_question *q, struct arena *arena, size_t *count)
{
	*count = 0;
	if (q == NULL)
		return NULL;
	return speech_listen_phrases(q->keywords.items, q->keywords.count, q->talking_points.items,
				     q->talking_points.count, arena, count);
}

const struct speech_spot *transcript_spots(const struct store_transcript *t, struct arena *arena)
{
	struct speech_spot *spots = arena_alloc(arena, (t->spot_count ? t->spot_count : 1) * sizeof *spots);
	size_t i;

	for (i = 0; i < t->spot_count; i++) {
		spots[i].phrase = t->spots[i].phrase;
		spots[i].listened = t->spots[i].listened;
		spots[i].spotted = t->spots[i].listened && t->spots[i].detected && t->spots[i].score >= RECOGNIZER_SPOTTED;
	}
	return spots;
}

int transcript_sure_percent(double confidence)
{
	double percent = floor(confidence * 100 + 1e-9);	/* 0.29 * 100 is 28.999...: still 29 */

	return percent < 0 ? 0 : percent > 100 ? 100 : (int)percent;
}

const char **transcript_words(const struct store_transcript *t, struct arena *arena)
{
	const char **words = arena_alloc(arena, (t->word_count ? t->word_count : 1) * sizeof *words);
	size_t i;

	for (i = 0; i < t->word_count; i++)
		words[i] = t->words[i].word;
	return words;
}

const char *transcript_withheld(const struct store_transcript *t, long long speaking_ms, struct arena *arena)
{
	char clock[16], reason[96];

	if (t->word_count == 0)
		return "the recogniser heard no words";
	if (t->confidence < TRANSCRIPT_MIN_CONFIDENCE) {
		snprintf(reason, sizeof reason, "the recogniser was unsure of its words (%d%% sure)",
			 transcript_sure_percent(t->confidence));
		return arena_strdup(arena, reason);
	}
	if (speaking_ms < TRANSCRIPT_MIN_SPEAKING_MS) {
		date_format_duration(speaking_ms, clock);
		snprintf(reason, sizeof reason, "too little speech (%s)", clock);
		return arena_strdup(arena, reason);
	}
	return NULL;
}
