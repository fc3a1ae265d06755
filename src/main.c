/* main: parses rebound's global options, then runs one command or opens the shell. */
#include "rebound/app.h"
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/input.h"
#include "rebound/recognizer.h"
#include "rebound/shell.h"
#include "rebound/term.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *out)
{
	fputs("usage: rebound [--data-dir DIR] [--colour auto|always|never] [COMMAND [ARGS...]]\n"
	      "       rebound --version | --help\n"
	      "With no COMMAND, opens the shell.\n",
	      out);
}

int main(int argc, char **argv)
{
	const char *data_dir = NULL, *colour = NULL;
	char *cause = NULL;
	struct cmd_ctx ctx;
	struct app app;
	int i = 1, status;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");	/* numbers in exports, files and the database read the same everywhere */
	stdout = term_guard(stdout);	/* on a terminal, no text from a file or the database can send escape codes */
	stderr = term_guard(stderr);
	signal(SIGXFSZ, SIG_IGN);	/* over a file size limit a write fails, and is reported, instead of killing us */
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--version") == 0) {
			printf("rebound %s\ntranscripts: %s\n", REBOUND_VERSION,
			       recognizer_available() ? recognizer_engine() : "off (built without pocketsphinx)");
			return 0;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			fputc('\n', stdout);
			cmd_print_commands(stdout, term_color_choice(stdout, NULL));
			return 0;
		} else if (strcmp(argv[i], "--data-dir") == 0 && i + 1 < argc) {
			data_dir = argv[++i];
		} else if (strncmp(argv[i], "--data-dir=", 11) == 0) {
			data_dir = argv[i] + 11;
		} else if ((strcmp(argv[i], "--colour") == 0 || strcmp(argv[i], "--color") == 0) && i + 1 < argc) {
			colour = argv[++i];
		} else if (strncmp(argv[i], "--colour=", 9) == 0 || strncmp(argv[i], "--color=", 8) == 0) {
			colour = strchr(argv[i], '=') + 1;
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else {
			fprintf(stderr, "rebound: unknown option '%s'\n", argv[i]);
			usage(stderr);
			return CMD_USAGE_ERROR;
		}
	}
	if (date_clock_init(&cause) != 0) {
		fprintf(stderr, "rebound: %s\n", cause);
		free(cause);
		return CMD_USAGE_ERROR;
	}
	if (colour != NULL && config_check("colour", colour, &cause) != 0) {
		fprintf(stderr, "rebound: --colour takes auto, always or never, not '%s'\n", colour);
		free(cause);
		return CMD_USAGE_ERROR;
	}
	app_init(&app, data_dir);
	app_load_config(&app);	/* a broken file: commands say so (cmd_run), 'config' still works */
	memset(&ctx, 0, sizeof ctx);
	ctx.app = &app;
	ctx.out = stdout;
	ctx.err = stderr;
	ctx.color = term_color_choice(stdout, colour ? colour : app_setting(&app, "colour"));
	ctx.in = input_open(STDIN_FILENO, stdout, isatty(STDIN_FILENO));
	status = i < argc ? cmd_run(&ctx, argc - i, argv + i) : shell_run(&ctx);
	input_close(ctx.in);
	app_release(&app);
	if (fflush(stdout) != 0 && status == CMD_OK)
		status = CMD_SYSTEM_ERROR;
	return status;
}
