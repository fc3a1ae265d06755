/* compact: a finished recording re-encoded losslessly to FLAC (libsndfile), checked sample for sample
 * against the original before it takes its final name, so that nothing is lost if the encoder, the disk
 * or the process fails on the way (see audio_compact in audio.h). */
#include "rebound/audio.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sndfile.h>

#define COMPACT_BLOCK 65536	/* frames read and written at a time: memory stays flat for any length */

static SNDFILE *open_source(const char *path, SF_INFO *info, char **cause)
{
	SNDFILE *file;

	memset(info, 0, sizeof *info);
	if ((file = sf_open(path, SFM_READ, info)) == NULL)
		util_fail(cause, "cannot read '%s': %s", path, sf_strerror(NULL));
	else if (info->channels != 1) {
		util_fail(cause, "'%s' is not a mono recording", path);
		sf_close(file);
		file = NULL;
	}
	return file;
}

/* Copies every frame of source into the new FLAC on fd (which it takes). */
static int encode(SNDFILE *source, const SF_INFO *from, int fd, const char *target, int16_t *block, char **cause)
{
	SF_INFO info = { .samplerate = from->samplerate, .channels = 1, .format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16 };
	SNDFILE *out = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE);
	sf_count_t n;
	int rc = 0;

	if (out == NULL)
		return util_fail(cause, "cannot encode '%s': %s", target, sf_strerror(NULL));
	while ((n = sf_readf_short(source, block, COMPACT_BLOCK)) > 0) {
		if (sf_writef_short(out, block, n) != n) {
			rc = util_fail(cause, "cannot write '%s': %s", target, sf_strerror(out));
			break;
		}
	}
	if (sf_close(out) != 0 && rc == 0)
		rc = util_fail(cause, "cannot write '%s' (is the disk full?)", target);
	return rc;
}

/* 0 if the file at copy decodes to exactly the frames of the one at original. */
static int same_frames(const char *original, const char *copy, int16_t *a, int16_t *b, char **cause)
{
	SF_INFO ia, ib;
	SNDFILE *fa = open_source(original, &ia, cause), *fb;
	sf_count_t na, nb;
	int rc = 0;

	if (fa == NULL)
		return -1;
	if ((fb = open_source(copy, &ib, cause)) == NULL) {
		sf_close(fa);
		return -1;
	}
	if (ia.frames != ib.frames || ia.samplerate != ib.samplerate)
		rc = util_fail(cause, "'%s' did not read back whole", copy);
	while (rc == 0 && (na = sf_readf_short(fa, a, COMPACT_BLOCK)) > 0) {
		nb = sf_readf_short(fb, b, na);
		if (nb != na || memcmp(a, b, (size_t)na * sizeof *a) != 0)
			rc = util_fail(cause, "'%s' did not read back whole", copy);
	}
	sf_close(fa);
	sf_close(fb);
	return rc;
}

int audio_compact(const char *wav, const char *target, int *held, char **cause)
{
	int16_t *a = xmalloc(2 * COMPACT_BLOCK * sizeof *a), *b = a + COMPACT_BLOCK;
	char *temp = NULL;
	SF_INFO info;
	SNDFILE *source = open_source(wav, &info, cause);
	int fd, hold, rc = -1;

	if (source == NULL)
		goto out;
	if ((fd = paths_make_temp(target, &temp)) < 0) {
		util_fail(cause, "cannot create '%s': %s", target, strerror(errno));
		sf_close(source);
		goto out;
	}
	hold = dup(fd);	/* keeps the temporary file's lock (and a way to sync it) after the encoder closes fd */
	rc = encode(source, &info, fd, target, a, cause);
	sf_close(source);
	if (rc == 0 && (hold < 0 || fsync(hold) != 0))
		rc = util_fail(cause, "cannot write '%s': %s", target, strerror(errno));
	if (rc == 0)
		rc = same_frames(wav, temp, a, b, cause);
	if (rc == 0 && link(temp, target) != 0)	/* never over an existing file */
		rc = util_fail(cause, "cannot create '%s': %s", target, strerror(errno));
	unlink(temp);
	if (rc == 0) {
		*held = hold;	/* the lock goes with the file's new name: tidying leaves it alone */
		hold = -1;
	}
	if (hold >= 0)
		close(hold);
out:
	free(temp);
	free(a);
	return rc;
}
