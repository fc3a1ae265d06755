/* shell: the interactive prompt (readline, which only cli/ uses: here and in input.c): line editing, completion
 * from the command table, history in the data dir, Ctrl-C abandons the line, Ctrl-D leaves. */
#ifndef REBOUND_SHELL_H
#define REBOUND_SHELL_H

#include "rebound/cmd.h"

#define SHELL_PROMPT "rebound> "
#define SHELL_HISTORY_FILE "history"
#define SHELL_HISTORY_MAX 1000

/* Runs the shell until quit or end of input; returns the status of the last command. */
int shell_run(struct cmd_ctx *ctx);

/* Runs one line of shell input; an empty line returns 0. */
int shell_run_line(struct cmd_ctx *ctx, const char *line);

/*
 * Splits a line into words: blanks separate, '...' and "..." quote, a backslash escapes the next
 * character, '#' at the start of a word begins a comment. *argv is NULL-terminated; free it with
 * shell_words_free. Returns 0, or -1 with *cause ("unterminated quote").
 */
int shell_split(const char *line, int *argc, char ***argv, char **cause);
void shell_words_free(char **argv);

#endif
