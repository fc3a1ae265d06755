/* report: writes the progress report, one self-contained HTML file with charts (report.h), whole or not
 * at all, and with --open shows it in the desktop's browser through xdg-open. */
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/paths.h"
#include "rebound/report.h"
#include "rebound/util.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

enum { OPT_OUT, OPT_SINCE, OPT_OPEN };

extern char **environ;

/* The report as HTML, in memory. */
static char *render(struct cmd_ctx *ctx, long since_day, size_t *size, char **cause)
{
	struct report report;
	struct arena arena;
	char *html = NULL;
	FILE *out;
	int rc;

	arena_init(&arena);
	rc = report_gather(ctx->app->store, ctx->app->catalog, since_day, date_today(), &arena, &report, cause);
	if (rc == 0 && (out = open_memstream(&html, size)) != NULL) {
		report_write_html(out, &report);
		if (fclose(out) != 0) {
			free(html);
			html = NULL;
		}
	}
	if (rc == 0 && html == NULL)
		util_fail(cause, "cannot build the report: %s", strerror(errno));
	arena_release(&arena);
	return html;
}

/* Runs xdg-open on path when there is a desktop; says why not when there is none. */
static int open_report(struct cmd_ctx *ctx, const char *path)
{
	char *argv[] = { "xdg-open", (char *)path, NULL };
	const char *display = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY");
	posix_spawnattr_t attr;
	sigset_t defaults;
	pid_t pid;
	int rc, status;

	if ((display == NULL || *display == '\0') && (wayland == NULL || *wayland == '\0')) {
		fprintf(ctx->err, "report: no desktop to open it on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
			"open %s in a browser\n", path);
		return CMD_OK;
	}
	fflush(ctx->out);
	posix_spawnattr_init(&attr);
	sigemptyset(&defaults);
	sigaddset(&defaults, SIGXFSZ);		/* rebound ignores it; the browser should not inherit that */
	posix_spawnattr_setsigdefault(&attr, &defaults);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawnp(&pid, "xdg-open", NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	if (rc != 0)
		return cmd_error(ctx, CMD_SYSTEM_ERROR, "report: cannot run xdg-open to open %s: %s", path, strerror(rc));
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return cmd_error(ctx, CMD_SYSTEM_ERROR, "report: xdg-open: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return cmd_error(ctx, CMD_SYSTEM_ERROR, "report: xdg-open could not open %s (exit %d)", path,
				 WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return CMD_OK;
}

static int cmd_report_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *out = args->values[OPT_OUT], *since = args->values[OPT_SINCE];
	char *path = NULL, *html, *cause = NULL;
	long since_day = REPORT_ALL_TIME;
	size_t size = 0;
	int status = CMD_OK;

	if (since != NULL && cmd_parse_day(since, date_today(), &since_day) != 0)
		return cmd_error(ctx, CMD_USAGE_ERROR,
				 "report: --since takes a day (YYYY-MM-DD, today, yesterday or -N days), not '%s'", since);
	if (out != NULL && strcmp(out, "-") == 0 && args->values[OPT_OPEN] != NULL)
		return cmd_error(ctx, CMD_USAGE_ERROR, "report: --open needs a file, not '--out -'");
	if ((html = render(ctx, since_day, &size, &cause)) == NULL) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "report: %s", cause);
		free(cause);
		return status;
	}
	if (out != NULL && strcmp(out, "-") == 0) {
		fwrite(html, 1, size, ctx->out);
		free(html);
		return CMD_OK;
	}
	path = out ? xstrdup(out) : xasprintf("%s/report.html", ctx->app->data_dir);
	if (paths_write_atomic(path, html, size, &cause) != 0) {
		status = cmd_error(ctx, CMD_SYSTEM_ERROR, "report: %s", cause);
		free(cause);
	} else {
		fprintf(ctx->out, "Wrote the report to %s.\n", path);
		if (args->values[OPT_OPEN] != NULL)
			status = open_report(ctx, path);
	}
	free(path);
	free(html);
	return status;
}

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.usage = "[--out FILE] [--since DATE] [--open]",
	.help = "write a progress report with charts as one HTML file",
	.description =
		"One self-contained HTML file (no scripts, nothing fetched; it opens offline and prints well):\n"
		"your self-ratings per theme across sessions, answer time against the limit, speaking pace and\n"
		"fillers where answers were recorded, a practice calendar, the rejections with the themes each\n"
		"raised, the growth plan and personal bests. It is written to report.html in the data dir\n"
		"unless --out says where ('-' for standard output), whole or not at all.",
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_OUT] = { "out", "FILE", COMPLETE_FILE, "write it to FILE ('-' for standard output)" },
		[OPT_SINCE] = { "since", "DATE", COMPLETE_NONE, "only sessions and rejections from DATE (YYYY-MM-DD) on" },
		[OPT_OPEN] = { "open", NULL, COMPLETE_NONE, "open it in the desktop's browser (xdg-open)" },
	},
	.exec = cmd_report_exec,
};
