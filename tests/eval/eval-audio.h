/* eval-audio: what the speech evaluations share: reading a recording as 16-bit samples. */
#ifndef REBOUND_EVAL_AUDIO_H
#define REBOUND_EVAL_AUDIO_H

#include <stddef.h>
#include <stdint.h>

/* Reads a mono recording: format "raw16k" (headerless 16 kHz 16-bit little-endian) or anything libsndfile
 * reads by its header ("wav"). Exits 2 with a message naming the file if it cannot. Caller frees. */
int16_t *eval_read_clip(const char *path, const char *format, int *rate, size_t *count);

#endif
