/* words: small helpers for matching English words loosely, shared by the modules that compare what was
 * written or said with phrases and keywords (suggest, speech): ASCII lowercasing and a simple stemmer so
 * that "examples" and "example" meet. Pure: no I/O, no state. */
#ifndef REBOUND_WORDS_H
#define REBOUND_WORDS_H

/* Lowercases the ASCII letters of word in place; other bytes (UTF-8 included) are left alone. */
void words_lower(char *word);

/*
 * Cuts simple English endings from a lowercase ASCII word, in place, so that inflections share one stem:
 * "-ies" (over 4 letters) becomes "-y", else "-ing" (6+) or "-ed" (5+) or "-es" (5+) is cut, else "-s"
 * (4+, not "-ss", "-us", "-is"); then a final "e" (4+) is cut and a final "i" (4+) becomes "y".
 * So "examples", "example" -> "exampl"; "rambled", "rambling" -> "rambl"; "teams" -> "team". It knows
 * no irregular forms: "led" stays "led" and "lead" stays "lead".
 */
void words_stem(char *word);

/*
 * The form two words must share to match, in place: ASCII lowercase, a trailing "'s" dropped (when
 * something comes before it: "team's" -> "team"), then words_stem.
 */
void words_normalise(char *word);

#endif
