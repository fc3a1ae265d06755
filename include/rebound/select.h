/* select: which questions an interview asks: the ones matching the filters, never one twice in a
 * session, those never asked first and then the least recently asked, ties in a seeded random order. */
#ifndef REBOUND_SELECT_H
#define REBOUND_SELECT_H

#include <stddef.h>
#include <stdint.h>

#include "rebound/bank.h"
#include "rebound/map.h"

struct select_filter {
	const char *bank, *stage, *theme;	/* NULL: any */
	int min_difficulty, max_difficulty;	/* 1..5 */
};

/* 1 if q passes every filter. */
int select_matches(const struct bank_question *q, const struct select_filter *filter);

/*
 * Picks up to count questions into out (room for count). recency maps question ids to how recently
 * they were asked ((void *)(intptr_t) rank, bigger is more recent; absent is never); it may be NULL.
 * Returns how many were picked: fewer than count when fewer questions match.
 */
size_t select_questions(const struct bank_catalog *catalog, const struct select_filter *filter,
			const struct map *recency, size_t count, uint64_t *rng, const struct bank_question **out);

#endif
