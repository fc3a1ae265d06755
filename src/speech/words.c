/* words: ASCII lowercasing and Snowball's English stemmer (libstemmer) for loose matching of English
 * words (suggest's feedback phrases, speech's keywords, talking points, fillers and hedges, the
 * analysis's question words). One stemmer per thread, made on first use. */
#include "rebound/words.h"

#include <libstemmer.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_key_t stemmer_key;
static pthread_once_t stemmer_once = PTHREAD_ONCE_INIT;

static void free_stemmer(void *stemmer)
{
	sb_stemmer_delete(stemmer);
}

/* At exit: the exiting thread's stemmer (other threads' go with them). */
static void free_at_exit(void)
{
	struct sb_stemmer *s = pthread_getspecific(stemmer_key);

	pthread_setspecific(stemmer_key, NULL);
	sb_stemmer_delete(s);
}

static void make_key(void)
{
	pthread_key_create(&stemmer_key, free_stemmer);
	atexit(free_at_exit);
}

/* This thread's English stemmer, or NULL when none can be made (out of memory). */
static struct sb_stemmer *stemmer(void)
{
	struct sb_stemmer *s;

	pthread_once(&stemmer_once, make_key);
	if ((s = pthread_getspecific(stemmer_key)) == NULL && (s = sb_stemmer_new("english", "UTF_8")) != NULL)
		pthread_setspecific(stemmer_key, s);
	return s;
}

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
	struct sb_stemmer *s = stemmer();
	size_t n = strlen(word), length;
	const sb_symbol *stem;

	if (s == NULL || n == 0)
		return;
	stem = sb_stemmer_stem(s, (const sb_symbol *)word, (int)n);
	length = stem != NULL ? (size_t)sb_stemmer_length(s) : n + 1;
	if (length <= n) {		/* English stems are never longer than their word */
		memcpy(word, stem, length);
		word[length] = '\0';
	}
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
