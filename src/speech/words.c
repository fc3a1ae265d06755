/* words: ASCII lowercasing and a simple suffix-cutting stemmer for loose matching of English words
 * (suggest's feedback phrases, speech's keywords and talking points). Pure: no I/O, no state. */
#include "rebound/words.h"

#include <string.h>

static int ends_with(const char *word, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && memcmp(word + len - n, suffix, n) == 0;
}

void words_lower(char *word)
{
	for (; *word != '\0'; word++)
		if (*word >= 'A' && *word <= 'Z')
			*word = (char)(*word - 'A' + 'a');
}

void words_stem(char *word)
{
	size_t n = strlen(word);

	if (ends_with(word, n, "ies") && n > 4) {
		word[n - 3] = 'y';
		n -= 2;
	} else if (ends_with(word, n, "ing") && n >= 6) {
		n -= 3;
	} else if (ends_with(word, n, "ed") && n >= 5) {
		n -= 2;
	} else if (ends_with(word, n, "es") && n >= 5) {
		n -= 2;
	} else if (ends_with(word, n, "s") && n >= 4 && !ends_with(word, n, "ss") &&
		   !ends_with(word, n, "us") && !ends_with(word, n, "is")) {
		n -= 1;
	}
	word[n] = '\0';
	if (n >= 4 && word[n - 1] == 'e')
		word[--n] = '\0';
	if (n >= 4 && word[n - 1] == 'i')
		word[n - 1] = 'y';
}

void words_normalise(char *word)
{
	size_t n;

	words_lower(word);
	n = strlen(word);
	if (n > 2 && ends_with(word, n, "'s"))
		word[n - 2] = '\0';
	words_stem(word);
}
