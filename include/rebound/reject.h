/* reject: filling in a rejection for 'reject add' and 'reject edit': asked field by field (form.h), or
 * taken from flags for scripts; themes suggested from the feedback (suggest.h) and confirmed by the
 * user; a reflection per stage reached. Saving puts the questions that train the rejection's themes
 * into the drill schedule from that day. */
#ifndef REBOUND_REJECT_H
#define REBOUND_REJECT_H

#include "rebound/cmd.h"

/* The options of the 'reject' command, in its table's order. */
enum reject_option { REJECT_COMPANY, REJECT_ROLE, REJECT_DATE, REJECT_STAGE, REJECT_INTERVIEWER, REJECT_FEEDBACK,
		     REJECT_THEMES, REJECT_WELL, REJECT_BETTER, REJECT_YES, REJECT_JSON };

/* 'reject add': asks for every field, or, when --company is given, takes them all from the options. */
int reject_add(struct cmd_ctx *ctx, const struct cmd_args *args);

/* 'reject add' asked field by field with company, role, day and stage from prefill as the defaults (an
 * interview that went badly, 'prep done ID rejected'). *id receives the new rejection's id. */
int reject_add_prefilled(struct cmd_ctx *ctx, const struct store_rejection *prefill, long long *id);

/* 'reject edit ID': asks for every field with the saved value as the default, or, when any field
 * option is given, changes just those. */
int reject_edit(struct cmd_ctx *ctx, const struct cmd_args *args, long long id);

#endif
