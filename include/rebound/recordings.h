/* recordings: the spoken answers' files in the data dir's recordings/ folder, kept compact: a saved
 * answer's WAV is encoded to FLAC (audio.format, default flac; 'wav' keeps them as recorded), and the
 * leftovers of a compaction a kill interrupted are tidied away. The crash guarantee: at every moment the
 * answer's row names one whole, readable file; for a moment there may be a second copy, which
 * recordings_tidy removes. */
#ifndef REBOUND_RECORDINGS_H
#define REBOUND_RECORDINGS_H

#include "rebound/app.h"

/*
 * Compacts the recording of answer answer_id, saved at relative ("recordings/s12-q3.wav"), when
 * audio.format asks for it: the FLAC is written and checked (audio_compact), the row moved to it, then
 * the WAV removed. Returns the path the row now names (caller frees), or NULL when the recording stays
 * as it was: with *cause when compacting it failed (nothing is lost: the WAV and its row are untouched),
 * without when audio.format keeps WAV.
 */
char *recordings_compact(struct app *app, long long answer_id, const char *relative, char **cause);

/* Removes, from recordings/, the temporary files no live process holds (paths.h) and a file no answer
 * names whose twin of the other format (X.wav beside X.flac) an answer does name: what a compaction
 * killed between its steps left. One pass over the folder, at start-up. Returns how many. */
int recordings_tidy(struct app *app);

#endif
