/* evidence: what an answer contained, printed beside the self-rating: the parts of a STAR story, the
 * specifics, the question's keywords and talking points it touched, its length and its fillers and hedges
 * (analysis.h does the reading), each line naming the theme it is evidence for, with a verdict and, where
 * it falls short, one concrete suggestion. Part of the command layer: used before the first rating of a
 * typed answer and by 'analyse'. */
#ifndef REBOUND_EVIDENCE_H
#define REBOUND_EVIDENCE_H

#include "rebound/analysis.h"
#include "rebound/bank.h"
#include "rebound/cmd.h"

/* The lexicons: the data dir's star-cues.txt if there is one, else the bundled assets/star-cues.txt,
 * read once and kept for the process. NULL with *cause when the file is broken. */
const struct analysis_cues *evidence_cues(struct cmd_ctx *ctx, char **cause);

/* The analysis question for q (NULL: a story with no keywords or points). */
void evidence_question(const struct bank_question *q, struct analysis_question *out);

/* Analyses text as an answer to q (may be NULL) with the lexicons and the filler and hedge lists, into
 * *question and *a (in arena). 0, or -1 with *cause when the lexicons cannot be read. */
int evidence_analyse(struct cmd_ctx *ctx, const struct bank_question *q, const char *text, struct arena *arena,
		     struct analysis_question *question, struct analysis *a, char **cause);

/* Analyses text as an answer to q (may be NULL) and prints the evidence, each line after indent.
 * 0, or -1 when the lexicons cannot be read (the reason printed as a warning). */
int evidence_print(struct cmd_ctx *ctx, const char *indent, const struct bank_question *q, const char *text);

/* The figures kept with an answer (store.h): 0, or -1 when the lexicons cannot be read. */
int evidence_measure(struct cmd_ctx *ctx, const struct bank_question *q, const char *text, const char *source,
		     struct store_evidence *out);

/* One line of kept evidence ("evidence: situation yes, task no, ... · 2 numbers · keywords 1 of 2"; "evidence
 * from the transcript: ..." when it was drawn from one). */
void evidence_print_saved(struct cmd_ctx *ctx, const char *indent, const struct store_evidence *e);

/* Before an answer is rated: the answer, its evidence, and the question's talking points and tips. heard is
 * NULL for typed text, else how the text came ("a machine's guess, 62% sure"): then only its start is
 * shown. */
void evidence_before_rating(struct cmd_ctx *ctx, const struct bank_question *q, const char *text, const char *heard);

#endif
