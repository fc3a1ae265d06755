/* coach: the evidence behind 'insights', 'plan' and 'drill': the rejection log and the last
 * COACH_RECENT_DAYS days of self-ratings, read from the store and ranked by insight_rank. */
#ifndef REBOUND_COACH_H
#define REBOUND_COACH_H

#include "rebound/insight.h"
#include "rebound/store.h"

#define COACH_RECENT_DAYS 30
#define COACH_NAMED_MAX 3	/* themes named as the ones to work on */

struct coach {
	long today;				/* the local day the ranking is for */
	struct store_rejection *rejections;	/* newest first, with their themes */
	size_t rejection_count;
	struct insight_theme *themes;		/* ranked, best candidate first */
	size_t theme_count;
};

/* The themes whose evidence is one thing an answer holds or lacks (structure: a result; examples: a
 * number), in coach_calibrate's order: the index of theme_id, or -1. */
int coach_evidence_theme(const char *theme_id);
/* What theme t (an index as above) looks for: "result" or "number". */
const char *coach_evidence_looks_for(int t);
/* How many of the point's answers hold what theme t looks for. */
int coach_evidence_held(const struct store_evidence_point *p, int t);

#define COACH_CALIBRATION_ANSWERS 8	/* the newest rated answers with evidence a theme is judged on */
#define COACH_CALIBRATION_MIN 4		/* fewer: nothing is said */

/*
 * Where self-ratings and evidence disagree: for structure, the share of answers with a result; for
 * examples, of answers with a number. high: the ratings average 4 or more while at least half of the
 * answers lack it; low: they average 2.5 or less while at most a quarter lack it.
 */
struct coach_calibration {
	const char *theme_id;			/* "structure" or "examples" */
	const char *missing;			/* what the evidence looks for: "result", "number" */
	double average;				/* of the self-ratings */
	int answers, lacking;			/* answers judged, and those without it */
	int high, low;
};

/* The calibration of each theme above (COACH_CALIBRATION_THEMES of them, in out). 0, or -1 with *cause. */
#define COACH_CALIBRATION_THEMES 2
int coach_calibrate(struct store *store, struct arena *arena, struct coach_calibration out[COACH_CALIBRATION_THEMES],
		    char **cause);

/* Fills *out (in arena) for today from store's rejections and self-ratings. 0, or -1 with *cause. */
int coach_gather(struct store *store, long today, struct arena *arena, struct coach *out, char **cause);

/* The ranked entry of theme_id, or NULL if no evidence names it. */
const struct insight_theme *coach_theme(const struct coach *coach, const char *theme_id);

/* How many of the ranked themes to name as the ones to work on: those with a positive score, at most
 * COACH_NAMED_MAX. */
size_t coach_named(const struct coach *coach);

#endif
