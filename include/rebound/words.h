/* words: small helpers for matching English words loosely, shared by the modules that compare what was
 * written or said with phrases and keywords (suggest, speech): ASCII lowercasing and Snowball's English
 * stemmer so that "examples" and "example" meet. No I/O; one stemmer per thread, made on first use. */
#ifndef REBOUND_WORDS_H
#define REBOUND_WORDS_H

/* Lowercases the ASCII letters of word in place; other bytes (UTF-8 included) are left alone. */
void words_lower(char *word);

/*
 * Cuts a lowercase word to its stem, in place, with Snowball's English (Porter2) stemmer, so that
 * inflections share one stem: "examples", "example" -> "exampl"; "rambled", "rambling" -> "rambl";
 * "teams" -> "team"; "considered" -> "consid". It knows few irregular forms: "led" stays "led".
 */
void words_stem(char *word);

/*
 * The form two words must share to match, in place: ASCII lowercase, a trailing "'s" dropped (when
 * something comes before it: "team's" -> "team"), then words_stem.
 */
void words_normalise(char *word);

#endif
