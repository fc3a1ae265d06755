/* suggest: which themes a piece of interviewer feedback points to, found by matching the feedback
 * against each theme's phrases (questions/themes.yaml). Pure: no I/O, no state.
 *
 * Matching works on words, not bytes: both the feedback and each phrase are cut into lowercased words
 * with simple stems ("examples", "example" and "exampled" all match), words that deny or lack
 * something ("no", "not", "lacked", "without", "didn't"...) all count as one negation word, and a
 * phrase matches when its words appear in order, each at most two words after the one before
 * ("lacked concrete examples" and "no examples given" both match the phrase "lacked examples").
 * Feedback is read clause by clause (split at punctuation and at "but", "though", "however"...):
 * a clause that praises ("communication was great", "a good fit") and denies nothing is left out,
 * as is one that denies a concern ("no concerns about your technical depth"). */
#ifndef REBOUND_SUGGEST_H
#define REBOUND_SUGGEST_H

#include <stddef.h>

#include "rebound/arena.h"
#include "rebound/bank.h"

/* Why a theme was suggested: the first of its phrases found in the feedback. */
struct suggest_match {
	const struct bank_theme *theme;
	const char *phrase;		/* the theme's phrase that matched (borrowed from the catalog) */
	size_t start, end;		/* the byte span in the feedback from the first matched word to the last */
};

/*
 * Suggests themes for the feedback text: one match per theme, in the order the themes are first
 * matched in the text. *out is allocated in arena (NULL when none). Returns the number of matches.
 */
size_t suggest_themes(const struct bank_catalog *catalog, const char *text, struct arena *arena,
		      struct suggest_match **out);

#endif
