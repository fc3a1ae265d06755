/* interview-draft: a typed answer kept on disk line by line while it is typed, in
 * <data>/drafts/s12-q3.txt, so that a commit the disk is too full for, or a kill, does not lose it:
 * the file's space is reserved when the answer starts, so its lines still fit when the disk fills up
 * meanwhile. A saved answer removes its draft; 'resume' offers one that is left. */
#define _GNU_SOURCE	/* fallocate */
#include "interview-internal.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#define DRAFT_RESERVE (64 * 1024)	/* bytes set aside at the start: a few minutes of typing */

/* "<data>/drafts/s12-q3.txt" ("-f" for a follow-up): numbers only, so it cannot leave the folder. */
static char *draft_path(const struct interview *iv)
{
	return xasprintf("%s/drafts/s%lld-q%d%s.txt", iv->ctx->app->data_dir, iv->session.id, iv->position,
			 iv->follow_up ? "-f" : "");
}

char *interview_draft_read(const struct interview *iv)
{
	char *path = draft_path(iv), *text, *cause = NULL;
	size_t len;

	text = util_read_file(path, INPUT_LINE_MAX + 1, &len, NULL, &cause);
	free(cause);
	free(path);
	if (text != NULL && len > 0 && text[len - 1] == '\n')
		text[len - 1] = '\0';
	if (text != NULL && *text == '\0') {
		free(text);
		text = NULL;
	}
	return text;
}

void interview_draft_open(struct interview *iv)
{
	char *dir = xasprintf("%s/drafts", iv->ctx->app->data_dir), *cause = NULL;

	free(interview_draft_close(iv, 0));	/* one at a time */
	iv->draft_path = draft_path(iv);
	if (paths_make_private_dir(dir, &cause) == 0)
		iv->draft_fd = open(iv->draft_path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (iv->draft_fd >= 0)
		fallocate(iv->draft_fd, FALLOC_FL_KEEP_SIZE, 0, DRAFT_RESERVE);	/* best effort */
	free(cause);
	free(dir);
}

void interview_draft_add(struct interview *iv, const char *line)
{
	struct iovec parts[2] = { { (void *)line, strlen(line) }, { "\n", 1 } };

	if (iv->draft_fd < 0)
		return;
	if (writev(iv->draft_fd, parts, 2) != (ssize_t)(parts[0].iov_len + 1))
		iv->draft_failed = 1;
}

void interview_draft_adopt(struct interview *iv)
{
	free(interview_draft_close(iv, 0));
	iv->draft_path = draft_path(iv);
	iv->draft_adopted = 1;
}

char *interview_draft_close(struct interview *iv, int keep)
{
	char *path = iv->draft_path;
	int whole = iv->draft_adopted;	/* an adopted draft is whole as it is */

	if (path == NULL)
		return NULL;
	if (iv->draft_fd >= 0)
		whole = close(iv->draft_fd) == 0 && !iv->draft_failed;
	if (!(keep && whole)) {
		unlink(path);
		free(path);
		path = NULL;
	}
	iv->draft_fd = -1;
	iv->draft_failed = 0;
	iv->draft_adopted = 0;
	iv->draft_path = NULL;
	return path;
}
