/* bench: what the parts of rebound-bench share. */
#ifndef REBOUND_BENCH_H
#define REBOUND_BENCH_H

#include <stdint.h>

double bench_now_ms(void);
/* Prints one measure against its target ("" for none). */
void bench_row(const char *what, double value, const char *unit, const char *target, int ok);
/* The recorder benchmarks (bench-audio.c): minutes of paced recording at 48 kHz. */
void bench_audio(const char *dir, int minutes);
/* The recogniser (bench-speech.c): real-time factor, and the delay from the end of a 2-minute answer
 * fed against a real clock to its transcript saved. */
void bench_speech(const char *dir);
/* Two minutes of real speech (pocketsphinx-testdata's clips, repeated) at *rate; NULL with a line
 * printed when the clips are missing. Caller frees. */
int16_t *bench_two_minutes(long long *count, int *rate);
/* Recordings (bench-recordings.c): bytes per minute as WAV and as FLAC, and pace on human speech. */
void bench_recordings(const char *dir);

/* The report drawn in headless Chromium (bench-render.c), from navigation to the load event; a line
 * saying so when Chromium is not installed. */
void bench_render(const char *dir, const char *report_path);

/* The drill schedule on a simulated learner (bench-schedule.c): FSRS within the daily limits and an
 * interview's plan, against the SM-2 variant it replaced. */
void bench_schedule(void);

#endif
