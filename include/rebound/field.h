/* field: the banks that suit a role ("Backend engineer": software-engineering, behavioural, closing), for
 * the drill.banks setting that the user confirms at their first 'reject add'. Pure. */
#ifndef REBOUND_FIELD_H
#define REBOUND_FIELD_H

#include "rebound/bank.h"

#define FIELD_MAX_BANKS 8

/*
 * The catalog's banks whose field a word of role names (whole words, any case: "engineer", "analyst",
 * "designer", "sales"...), in the order the role names them, then the general banks (behavioural,
 * closing) when the catalog has them; at most room. 0 when the role names no field: the caller keeps
 * every bank.
 */
size_t field_suggest(const char *role, const struct bank_catalog *catalog, const char **out, size_t room);

#endif
