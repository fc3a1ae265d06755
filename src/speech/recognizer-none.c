/* recognizer-none: the recogniser when rebound is built without pocketsphinx (see recognizer.h): it says
 * it is not there, and everything that would use it does without transcripts. */
#include "rebound/recognizer.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

#define MISSING "rebound was built without pocketsphinx: no transcripts (see README)"

int recognizer_available(void)
{
	return 0;
}

const char *recognizer_engine(void)
{
	return "none";
}

struct recognizer *recognizer_open(const char *model_dir, char **cause)
{
	(void)model_dir;
	util_fail(cause, MISSING);
	return NULL;
}

void recognizer_close(struct recognizer *recognizer)
{
	(void)recognizer;
}

struct recognizer_job *recognizer_start(struct recognizer *recognizer, int sample_rate, const char *const *phrases,
					size_t phrase_count, char **cause)
{
	(void)recognizer;
	(void)sample_rate;
	(void)phrases;
	(void)phrase_count;
	util_fail(cause, MISSING);
	return NULL;
}

void recognizer_feed(struct recognizer_job *job, const int16_t *samples, size_t count)
{
	(void)job;
	(void)samples;
	(void)count;
}

void recognizer_end_input(struct recognizer_job *job)
{
	(void)job;
}

int recognizer_wait(struct recognizer_job *job, long long deadline_ms)
{
	(void)job;
	(void)deadline_ms;
	return 1;
}

void recognizer_cancel(struct recognizer_job *job)
{
	(void)job;
}

int recognizer_finish(struct recognizer_job *job, struct recognizer_result *out, char **cause)
{
	(void)job;
	memset(out, 0, sizeof *out);
	return util_fail(cause, MISSING);
}

void recognizer_result_free(struct recognizer_result *result)
{
	free(result->words);
	result->words = NULL;
	result->count = 0;
	result->phrases = NULL;	/* never made without pocketsphinx */
	result->phrase_count = 0;
}

int recognizer_decode(struct recognizer *recognizer, const int16_t *samples, size_t count, int sample_rate,
		      const char *const *phrases, size_t phrase_count, struct recognizer_result *out, char **cause)
{
	(void)recognizer;
	(void)phrases;
	(void)phrase_count;
	(void)samples;
	(void)count;
	(void)sample_rate;
	memset(out, 0, sizeof *out);
	return util_fail(cause, MISSING);
}
