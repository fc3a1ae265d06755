/* docs: rebound(1) and the bash completion script, written from the command and subcommand tables (docs.h). The
 * fixed sections (files, environment, exit status, examples) are here, next to the code they describe. */
#include "rebound/docs.h"
#include "rebound/cmd.h"

#include <string.h>

/* Text for roff: backslashes and hyphens escaped, and a line may not start with a control character. */
static void roff(FILE *out, const char *text)
{
	int line_start = 1;

	for (; *text != '\0'; text++) {
		if (line_start && (*text == '.' || *text == '\''))
			fputs("\\&", out);
		if (*text == '\\')
			fputs("\\e", out);
		else if (*text == '-')
			fputs("\\-", out);
		else
			fputc(*text, out);
		line_start = *text == '\n';
	}
}

static void man_option(FILE *out, const struct cmd_option *option)
{
	fputs(".TP\n\\fB\\-\\-", out);
	roff(out, option->name);
	fputs("\\fR", out);
	if (option->value_name != NULL) {
		fputs(" \\fI", out);
		roff(out, option->value_name);
		fputs("\\fR", out);
	}
	fputc('\n', out);
	roff(out, option->help);
	fputc('\n', out);
}

/* "\fBplan add\fR [\-\-theme T] ...": one subcommand's usage, as 'plan add --help' prints it. */
static void man_sub_usage(FILE *out, const struct cmd_entry *entry, const struct cmd_sub *sub)
{
	int is_default = entry->default_sub != NULL && strcmp(sub->name, entry->default_sub) == 0;

	fputs("\\fB", out);
	roff(out, entry->name);
	fputs(is_default ? "\\fR [\\fB" : " ", out);
	roff(out, sub->name);
	fputs(is_default ? "\\fR]" : "\\fR", out);
	if (*sub->usage != '\0') {
		fputc(' ', out);
		roff(out, sub->usage);
	}
	fputc('\n', out);
}

static void man_command(FILE *out, const struct cmd_entry *entry)
{
	const struct cmd_sub *sub;
	int i;

	fputs(".TP\n\\fB", out);
	roff(out, entry->name);
	if (entry->subs != NULL) {
		fputs("\\fR \\fISUBCOMMAND\\fR\n", out);
	} else {
		fputs(*entry->usage ? "\\fR " : "\\fR", out);
		roff(out, entry->usage);
		fputc('\n', out);
	}
	roff(out, entry->help);
	fputs(".\n", out);
	if (entry->subs != NULL) {
		fputs(".RS\n", out);
		for (sub = entry->subs; sub->name != NULL; sub++) {
			fputs(".TP\n", out);
			man_sub_usage(out, entry, sub);
			roff(out, sub->help);
			fputs(".\n", out);
			if (sub->description != NULL) {
				fputs(".br\n", out);
				roff(out, sub->description);
				fputc('\n', out);
			}
		}
		fputs(".RE\n", out);
	}
	if (entry->description != NULL) {	/* filled, so man folds it to the reader's width */
		fputs(".RS\n.PP\n", out);
		roff(out, entry->description);
		fputs("\n.RE\n", out);
	}
	if (entry->options[0].name == NULL)
		return;
	fputs(".RS\n", out);
	for (i = 0; i < CMD_MAX_OPTIONS && entry->options[i].name != NULL; i++)
		man_option(out, &entry->options[i]);
	fputs(".RE\n", out);
}

static const char man_head[] =
	".TH REBOUND 1 \"\" \"rebound " REBOUND_VERSION "\" \"User Commands\"\n"
	".SH NAME\nrebound \\- mock\\-interview practice after a rejection\n"
	".SH SYNOPSIS\n\\fBrebound\\fR [\\fB\\-\\-data\\-dir\\fR \\fIDIR\\fR] [\\fB\\-\\-colour\\fR \\fIWHEN\\fR] "
	"[\\fICOMMAND\\fR [\\fIARGS\\fR...]]\n.br\n"
	"\\fBrebound \\-\\-version\\fR | \\fB\\-\\-help\\fR\n"
	".SH DESCRIPTION\nrebound turns a recruiter's feedback into practice: log the rejection and what you were told,\n"
	"rehearse the questions that train those themes against a clock, typed or spoken, rate yourself per theme,\n"
	"replay what you said, and watch the themes improve. With no \\fICOMMAND\\fR it opens a shell with\n"
	"completion and history; any unique prefix of a command works, and \\fBi\\fR, \\fBd\\fR, \\fBp\\fR and \\fBq\\fR mean\n"
	"interview, drill, progress and quit (\\fBexit\\fR too). Everything stays on this machine.\n"
	".SH OPTIONS\n.TP\n\\fB\\-\\-data\\-dir\\fR \\fIDIR\\fR\nKeep the data in \\fIDIR\\fR.\n"
	".TP\n\\fB\\-\\-colour\\fR \\fIWHEN\\fR\n\\fBauto\\fR (colour on a terminal), \\fBalways\\fR or "
	"\\fBnever\\fR; wins over the colour setting.\n"
	".TP\n\\fB\\-\\-version\\fR\nThe version, and whether transcripts are built in.\n"
	".SH COMMANDS\n";

static const char man_tail[] =
	".SH FILES\n.TP\n\\fI$XDG_DATA_HOME/rebound\\fR (\\fI~/.local/share/rebound\\fR)\n"
	"The data dir, mode 0700: \\fIrebound.db\\fR (SQLite; its schema is documented in the source, "
	"include/rebound/store.h), \\fIquestions/\\fR (your banks and themes), \\fIrecordings/\\fR (FLAC once an "
	"answer is saved, WAV while it records; mode 0600), "
	"\\fItemplates/\\fR, \\fIfillers.txt\\fR and \\fIhedges.txt\\fR (your own lists), \\fIhistory\\fR.\n"
	".TP\n\\fI$XDG_CONFIG_HOME/rebound/config.yaml\\fR (\\fI~/.config/rebound/config.yaml\\fR)\n"
	"The settings (see \\fBconfig\\fR): default bank, answer mode, think and answer seconds, audio devices, "
	"rate and the silence that ends an answer, transcripts, colour. Options given to a command win over it; "
	"a broken file stops every command but "
	"\\fBconfig\\fR, \\fBhelp\\fR and \\fBquit\\fR with its line and column.\n"
	".TP\n\\fI<prefix>/share/rebound\\fR\nThe bundled question banks and assets.\n"
	".SH ENVIRONMENT\n.TP\n\\fBREBOUND_HOME\\fR\nThe data dir (\\fB\\-\\-data\\-dir\\fR wins over it).\n"
	".TP\n\\fBXDG_DATA_HOME\\fR\nWhere the data dir is made when neither is given.\n"
	".TP\n\\fBXDG_CONFIG_HOME\\fR\nWhere the settings file is looked for.\n"
	".TP\n\\fBREBOUND_CONFIG\\fR\nThe settings file itself, wherever it is.\n"
	".TP\n\\fBNO_COLOR\\fR\nSet: no colour, unless the colour setting or \\fB\\-\\-colour\\fR says always.\n"
	".TP\n\\fBREBOUND_AUDIO_DEBUG\\fR\nSet: show the sound system's own messages.\n"
	".TP\n\\fBREBOUND_NOW\\fR\nFor tests and demonstrations: stops rebound's clock at this instant, for every date "
	"it shows, stamps or compares (\\fI2031\\-06\\-15T23:59:50Z\\fR, with an offset such as \\fI+14:00\\fR, a "
	"local time such as \\fI2031\\-06\\-15T23:59\\fR, or \\fI@SECONDS\\fR). A value in none of these forms is "
	"an error (exit status 2). Timers and countdowns still run.\n"
	".TP\n\\fBREBOUND_SEED\\fR\nA number: the same questions in the same order on every run.\n"
	".SH EXIT STATUS\n.TP\n0\nSuccess.\n.TP\n1\nBad input, or something named was not found.\n"
	".TP\n2\nA usage error: wrong arguments or options.\n.TP\n3\nA system error: the data dir, the database, "
	"the disk.\n"
	".SH EXAMPLES\n.nf\nrebound interview \\-\\-bank behavioural \\-\\-count 3\n"
	"rebound reject add\nrebound drill\nrebound interview \\-\\-spoken\nrebound progress \\-\\-since 2026\\-11\\-01\n"
	"rebound export \\-\\-format csv \\-\\-out ~/rebound\\-csv\n.fi\n"
	".SH SEE ALSO\n\\fBsqlite3\\fR(1), \\fBanki\\fR(1)\n";

void docs_man_page(FILE *out)
{
	size_t i;

	fputs(man_head, out);
	for (i = 0; cmd_table[i] != NULL; i++)
		man_command(out, cmd_table[i]);
	fputs(man_tail, out);
}

/* ------------------------------------------------------------------------------------------------
 * bash completion
 */

/* One command's case in the script: its options, those that take a value, and its subcommands. */
static void completion_case(FILE *out, const struct cmd_entry *entry)
{
	size_t i;

	fprintf(out, "\t%s) opts=\"", entry->name);
	for (i = 0; i < CMD_MAX_OPTIONS && entry->options[i].name != NULL; i++)
		fprintf(out, "%s--%s", i ? " " : "", entry->options[i].name);
	fputs("\" valued=\"", out);
	for (i = 0; i < CMD_MAX_OPTIONS && entry->options[i].name != NULL; i++)
		if (entry->options[i].value_name != NULL)
			fprintf(out, " --%s", entry->options[i].name);
	fputs(" \" subs=\"", out);
	for (i = 0; entry->subs != NULL && entry->subs[i].name != NULL; i++)
		fprintf(out, "%s%s", i ? " " : "", entry->subs[i].name);
	fputs("\" ;;\n", out);
}

static const char completion_head[] =
	"# bash completion for rebound (generated by 'rebound help --bash-completion')\n"
	"_rebound()\n{\n"
	"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command= operands=0 i\n"
	"\tlocal commands=\"";

/* Finds the command (a unique prefix is enough), then completes an option, a file after an option that
 * takes a value, a subcommand or a command name in the first operand, or a file. */
static const char completion_body[] =
	"\"\n"
	"\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	"\t\tcase ${COMP_WORDS[i]} in\n"
	"\t\t--data-dir|--colour|--color) ((i++)) ;;\n"
	"\t\t-*) ;;\n"
	"\t\t*) if [[ -z $command ]]; then command=${COMP_WORDS[i]}; else ((operands++)); fi ;;\n"
	"\t\tesac\n"
	"\tdone\n"
	"\tif [[ $prev == --data-dir ]]; then COMPREPLY=($(compgen -d -- \"$cur\")); return; fi\n"
	"\tif [[ -z $command ]]; then\n"
	"\t\tCOMPREPLY=($(compgen -W \"--data-dir --colour --version --help $commands\" -- \"$cur\"))\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tlocal full=($(compgen -W \"$commands\" -- \"$command\"))\n"
	"\t[[ ${#full[@]} -eq 1 ]] && command=${full[0]}\n"
	"\tlocal opts= valued= subs=\n"
	"\tcase $command in\n";

static const char completion_tail[] =
	"\tesac\n"
	"\tif [[ \" $valued \" == *\" $prev \"* ]]; then COMPREPLY=($(compgen -f -- \"$cur\")); return; fi\n"
	"\tif [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); return; fi\n"
	"\tif [[ $operands -eq 0 && $command == help ]]; then\n"
	"\t\tCOMPREPLY=($(compgen -W \"$commands\" -- \"$cur\"))\n"
	"\telif [[ $operands -eq 0 && -n $subs ]]; then\n"
	"\t\tCOMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
	"\telse\n"
	"\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	"\tfi\n"
	"}\n"
	"complete -F _rebound rebound\n";

void docs_bash_completion(FILE *out)
{
	size_t i;

	fputs(completion_head, out);
	for (i = 0; cmd_table[i] != NULL; i++)
		fprintf(out, "%s%s", i ? " " : "", cmd_table[i]->name);
	fputs(completion_body, out);
	for (i = 0; cmd_table[i] != NULL; i++)
		completion_case(out, cmd_table[i]);
	fputs(completion_tail, out);
}
