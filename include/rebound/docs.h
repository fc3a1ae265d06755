/* docs: the manual page and the bash completion script, generated from the command table so that they
 * always agree with 'rebound help COMMAND'. The build runs 'rebound help --man' and 'rebound help
 * --bash-completion' to make the files cmake --install puts in place. */
#ifndef REBOUND_DOCS_H
#define REBOUND_DOCS_H

#include <stdio.h>

/* rebound(1) in roff (man(7) macros). */
void docs_man_page(FILE *out);
/* A bash completion script: commands, their subcommands and options. */
void docs_bash_completion(FILE *out);

#endif
