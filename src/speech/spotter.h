/* spotter: pocketsphinx's keyphrase search, the second decoder a recogniser job runs beside the one that
 * writes the transcript (recognizer.c). It listens for an answer's keywords in the audio itself, so that
 * coverage does not hang on a weak transcript. Internal to the speech module; built with pocketsphinx. */
#ifndef REBOUND_SPOTTER_H
#define REBOUND_SPOTTER_H

#include <stddef.h>
#include <stdint.h>

#include <pocketsphinx.h>

#include "rebound/recognizer.h"

/* A decoder for the keyphrase search on the model of a recogniser, set up as its transcript decoder
 * was (cmd_ln arguments: rate, FFT and band edges); NULL if it cannot be loaded. */
ps_decoder_t *spotter_load(const char *model_dir, const char *samprate, const char *nfft, const char *upperf);

/* Sets the search up for one answer's phrases: out[i].text is given, the rest zeroed with score
 * -INFINITY; each is marked listened, with its phones, or not (a phrase with digits, or with a word that
 * cannot be pronounced). Words the dictionary lacks are added when they can be made of two or three words it has
 * ("datadog" as "data dog"). Returns the number of phrases listened for, or -1 if the search cannot
 * be set up. */
int spotter_prepare(ps_decoder_t *ps, struct recognizer_phrase *out, size_t count);

/* After an utterance has ended: keeps each phrase's best detection in it (its frames count from the
 * stream's start: ps_start_stream). */
void spotter_collect(ps_decoder_t *ps, struct recognizer_phrase *out, size_t count);

#endif
