/* transcript: what the recogniser heard, made into a stored transcript with its coaching counts (fillers,
 * hedges, repeats: speech.h), and whether a transcript is clear enough to coach from. Shared by the spoken
 * interview (transcripts made while recording) and the transcribe command (made again from a WAV). */
#ifndef REBOUND_TRANSCRIPT_H
#define REBOUND_TRANSCRIPT_H

#include "rebound/bank.h"
#include "rebound/recognizer.h"
#include "rebound/speech.h"
#include "rebound/store.h"

/* Figures from a transcript are shown only when the recogniser was at least this sure of its words on
 * average, over at least this much speech: below that they would be noise presented as fact. */
#define TRANSCRIPT_MIN_CONFIDENCE 0.5
#define TRANSCRIPT_MIN_SPEAKING_MS 10000

/* The filler and hedge lists: DATA_DIR/fillers.txt and hedges.txt where the user has made their own (data_dir
 * may be NULL: none), else BUNDLE_DIR/assets/fillers.txt and hedges.txt. NULL with *cause. */
struct speech_lists *transcript_lists(const char *data_dir, const char *bundle_dir, char **cause);

/* Fills *out (strings, words and spots in arena) from what was heard, counting with lists. */
void transcript_build(const struct recognizer_result *heard, const struct speech_lists *lists, long long decode_ms,
		      struct arena *arena, struct store_transcript *out);

/* The phrases to listen for in an answer to q (its keywords and talking points: speech_listen_phrases),
 * in arena; NULL with *count 0 for no question. */
const char **transcript_phrases(const struct bank_question *q, struct arena *arena, size_t *count);

/* The transcript's spots for coverage (speech.h), each said at RECOGNIZER_SPOTTED or over; in arena. */
const struct speech_spot *transcript_spots(const struct store_transcript *transcript, struct arena *arena);

/* How sure a transcript is, as the whole percent every place shows: rounded down, so that one just under
 * TRANSCRIPT_MIN_CONFIDENCE (withheld) never reads as the threshold itself. */
int transcript_sure_percent(double confidence);

/* The transcript's words as an array (in arena), for speech.h. */
const char **transcript_words(const struct store_transcript *transcript, struct arena *arena);

/* NULL if figures from the transcript mean something; else why not ("the recogniser heard no words",
 * "the recogniser was unsure of its words (41% sure)", "too little speech (0:06)"), in arena. */
const char *transcript_withheld(const struct store_transcript *transcript, long long speaking_ms,
				struct arena *arena);

#endif
