/* speech-lists: reads the filler and hedge list files (assets/fillers.txt, assets/hedges.txt) into phrase
 * lists, with FILE:LINE: messages for a bad line. The I/O half of the speech module; speech.c counts. */
#include "rebound/speech.h"
#include "speech-internal.h"
#include "rebound/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

/* One token of a list line: a word, or the marker '<' or '>'. */
struct token {
	const char *start;
	size_t len;
};

/* The file being read, for messages, and the list its lines go to. */
struct list_file {
	const char *path;
	int line;
	struct arena *arena;
	struct speech_list *list;
	struct token *tokens;		/* of the current line */
	size_t token_count, token_cap;
};

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static int is_marker(const struct token *token)
{
	return token->len == 1 && (token->start[0] == '<' || token->start[0] == '>');
}

/* Cuts a line, its comment already cut, into words and markers ("like<would" is three tokens). */
static void cut_line(struct list_file *file, const char *line, size_t len)
{
	size_t i = 0, start;

	file->token_count = 0;
	while (i < len) {
		if (is_blank(line[i])) {
			i++;
			continue;
		}
		start = i++;
		if (line[start] != '<' && line[start] != '>')
			while (i < len && !is_blank(line[i]) && line[i] != '<' && line[i] != '>')
				i++;
		xgrow(&file->tokens, &file->token_cap, file->token_count + 1, sizeof *file->tokens);
		file->tokens[file->token_count].start = line + start;
		file->tokens[file->token_count++].len = i - start;
	}
}

static int bad_character(const struct list_file *file, const struct token *word, size_t at, char **cause)
{
	const unsigned char *s = (const unsigned char *)word->start;
	char shown[8];
	size_t n = 1;

	if (s[at] >= 0x80) {
		/* a UTF-8 character shows whole: its lead byte and continuation bytes */
		while (at + n < word->len && n < 4 && (s[at + n] & 0xc0) == 0x80)
			n++;
		memcpy(shown, word->start + at, n);
		shown[n] = '\0';
	} else if (s[at] < 0x20 || s[at] == 0x7f) {
		snprintf(shown, sizeof shown, "\\x%02x", s[at]);
	} else {
		shown[0] = (char)s[at];
		shown[1] = '\0';
	}
	return util_fail(cause, "%s:%d: bad character '%s' in '%.*s' (use lowercase letters, digits, ' and -)",
			 file->path, file->line, shown, (int)word->len, word->start);
}

static int check_word(const struct list_file *file, const struct token *word, char **cause)
{
	size_t i, letters = 0;

	for (i = 0; i < word->len; i++) {
		unsigned char c = (unsigned char)word->start[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			letters++;
		else if (c != '\'' && c != '-')
			return bad_character(file, word, i, cause);
	}
	if (letters == 0)
		return util_fail(cause, "%s:%d: '%.*s' has no letter or digit", file->path, file->line,
				 (int)word->len, word->start);
	return 0;
}

/* Checks the words after each marker from token first on: there must be some, and each must be well formed. */
static int check_exclusions(const struct list_file *file, size_t first, char **cause)
{
	size_t i = first, words;

	while (i < file->token_count) {
		const struct token *marker = &file->tokens[i++];
		for (words = 0; i < file->token_count && !is_marker(&file->tokens[i]); words++, i++)
			if (check_word(file, &file->tokens[i], cause) != 0)
				return -1;
		if (words == 0)
			return util_fail(cause, "%s:%d: '%c' has no words after it", file->path, file->line,
					 marker->start[0]);
	}
	return 0;
}

/* The first count tokens joined by one space, in the arena. */
static char *join_tokens(struct arena *arena, const struct token *tokens, size_t count)
{
	size_t len = 0, i;
	char *text, *p;

	for (i = 0; i < count; i++)
		len += tokens[i].len + 1;
	p = text = arena_alloc_raw(arena, len);
	for (i = 0; i < count; i++) {
		memcpy(p, tokens[i].start, tokens[i].len);
		p += tokens[i].len;
		*p++ = i + 1 < count ? ' ' : '\0';
	}
	return text;
}

/* An array of count + more words in the arena, the first count copied from old. */
static const char **grow_words(struct arena *arena, const char **old, size_t count, size_t more)
{
	const char **words;

	if (more == 0)
		return old;
	words = arena_alloc(arena, (count + more) * sizeof *words);
	if (count > 0)
		memcpy(words, old, count * sizeof *words);
	return words;
}

/* Adds the words after the markers, from token first on, to the phrase's before and after words. */
static void add_exclusions(struct list_file *file, size_t first, struct speech_phrase *phrase)
{
	size_t before = 0, after = 0, i;
	char side = 0;

	for (i = first; i < file->token_count; i++) {
		if (is_marker(&file->tokens[i]))
			side = file->tokens[i].start[0];
		else if (side == '<')
			before++;
		else
			after++;
	}
	phrase->before = grow_words(file->arena, phrase->before, phrase->before_count, before);
	phrase->after = grow_words(file->arena, phrase->after, phrase->after_count, after);
	for (i = first; i < file->token_count; i++) {
		const struct token *token = &file->tokens[i];
		char *word;
		if (is_marker(token)) {
			side = token->start[0];
			continue;
		}
		word = arena_strndup(file->arena, token->start, token->len);
		if (side == '<')
			phrase->before[phrase->before_count++] = word;
		else
			phrase->after[phrase->after_count++] = word;
	}
}

static void add_phrase(struct list_file *file, const char *text, size_t words)
{
	struct speech_list *list = file->list;
	struct speech_phrase *phrase;
	size_t i;

	xgrow(&list->items, &list->cap, list->count + 1, sizeof *list->items);
	phrase = &list->items[list->count++];
	memset(phrase, 0, sizeof *phrase);
	phrase->text = text;
	phrase->line = file->line;
	phrase->word_count = words;
	for (i = 0; i < words; i++)
		phrase->words[i] = arena_strndup(file->arena, file->tokens[i].start, file->tokens[i].len);
	add_exclusions(file, words, phrase);
}

static const struct speech_phrase *find_phrase(const struct speech_list *list, const char *text)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (strcmp(list->items[i].text, text) == 0)
			return &list->items[i];
	return NULL;
}

/* A line of markers alone adds its words to the phrase above it. */
static int continue_phrase(struct list_file *file, char **cause)
{
	if (file->list->count == 0)
		return util_fail(cause, "%s:%d: '%c' with no phrase before it", file->path, file->line,
				 file->tokens[0].start[0]);
	if (check_exclusions(file, 0, cause) != 0)
		return -1;
	add_exclusions(file, 0, &file->list->items[file->list->count - 1]);
	return 0;
}

static int parse_line(struct list_file *file, const char *line, size_t len, char **cause)
{
	const char *hash = memchr(line, '#', len);
	const struct speech_phrase *twin;
	size_t words = 0;
	char *text;

	cut_line(file, line, hash != NULL ? (size_t)(hash - line) : len);
	if (file->token_count == 0)
		return 0;
	for (; words < file->token_count && !is_marker(&file->tokens[words]); words++)
		if (check_word(file, &file->tokens[words], cause) != 0)
			return -1;
	if (words == 0)
		return continue_phrase(file, cause);
	text = join_tokens(file->arena, file->tokens, words);
	if (words > SPEECH_MAX_PHRASE_WORDS)
		return util_fail(cause, "%s:%d: '%s' has more than %d words", file->path, file->line, text,
				 SPEECH_MAX_PHRASE_WORDS);
	if (check_exclusions(file, words, cause) != 0)
		return -1;
	twin = find_phrase(file->list, text);
	if (twin != NULL)
		return util_fail(cause, "%s:%d: '%s' is listed twice (first on line %d)", file->path, file->line,
				 text, twin->line);
	add_phrase(file, text, words);
	return 0;
}

static int load_list(struct speech_lists *lists, struct speech_list *list, const char *path, char **cause)
{
	struct list_file file = { .path = path, .arena = &lists->arena, .list = list };
	char *line = NULL;
	size_t size = 0;
	ssize_t len;
	int rc = 0, error;
	FILE *f;

	if (path == NULL)
		return 0;
	if ((f = util_open_regular(path, "r", NULL, cause)) == NULL)
		return -1;
	errno = 0;
	while (rc == 0 && (len = getline(&line, &size, f)) >= 0) {
		file.line++;
		rc = parse_line(&file, line, (size_t)len, cause);
	}
	error = errno;
	if (rc == 0 && ferror(f))
		rc = util_fail(cause, "cannot read '%s': %s", path, strerror(error != 0 ? error : EIO));
	free(line);
	free(file.tokens);
	fclose(f);
	return rc;
}

struct speech_lists *speech_lists_load(const char *fillers_path, const char *hedges_path, char **cause)
{
	struct speech_lists *lists = xcalloc(1, sizeof *lists);

	arena_init(&lists->arena);
	if (load_list(lists, &lists->fillers, fillers_path, cause) != 0 ||
	    load_list(lists, &lists->hedges, hedges_path, cause) != 0) {
		speech_lists_free(lists);
		return NULL;
	}
	return lists;
}

void speech_lists_free(struct speech_lists *lists)
{
	if (lists == NULL)
		return;
	free(lists->fillers.items);
	free(lists->hedges.items);
	arena_release(&lists->arena);
	free(lists);
}

size_t speech_filler_count(const struct speech_lists *lists)
{
	return lists != NULL ? lists->fillers.count : 0;
}

size_t speech_hedge_count(const struct speech_lists *lists)
{
	return lists != NULL ? lists->hedges.count : 0;
}
