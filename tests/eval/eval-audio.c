/* eval-audio: reading the evaluations' recordings with libsndfile (see eval-audio.h). */
#include "eval-audio.h"
#include "rebound/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sndfile.h>

int16_t *eval_read_clip(const char *path, const char *format, int *rate, size_t *count)
{
	SF_INFO info = { 0 };
	SNDFILE *file;
	int16_t *samples;

	if (strcmp(format, "raw16k") == 0) {
		info.samplerate = 16000;
		info.channels = 1;
		info.format = SF_FORMAT_RAW | SF_FORMAT_PCM_16 | SF_ENDIAN_LITTLE;
	}
	if ((file = sf_open(path, SFM_READ, &info)) == NULL || info.channels != 1) {
		fprintf(stderr, "%s: cannot read a mono recording: %s\n", path, sf_strerror(file));
		exit(2);
	}
	samples = xmalloc((size_t)info.frames * sizeof *samples + 1);
	*count = (size_t)sf_readf_short(file, samples, info.frames);
	*rate = info.samplerate;
	sf_close(file);
	return samples;
}
