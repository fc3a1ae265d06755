/* analysis-cues: reads the STAR cue lexicons (assets/star-cues.txt) into the form analysis.c matches. */
#include "analysis-internal.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

static const char *const section_names[CUE_SECTION_COUNT] = {
	[CUE_SITUATION] = "situation", [CUE_TASK] = "task", [CUE_ACTION] = "action", [CUE_RESULT] = "result",
	[CUE_GENERIC] = "generic", [CUE_PAST_VERBS] = "past-verbs", [CUE_CHANGE] = "change",
	[CUE_TASK_EARLY] = "task-early",
};

/* 1 if word is a cue word: a special token or lowercase letters, digits, ', -, % and $. */
static int valid_word(const char *word)
{
	const char *p;

	if (strcmp(word, "N") == 0 || strcmp(word, "YEAR") == 0 || strcmp(word, "MONTH") == 0 || strcmp(word, "*") == 0)
		return 1;
	for (p = word; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("'-%$", *p) != NULL))
			return 0;
	return *word != '\0';
}

static int add_cue(struct analysis_cues *cues, int section, char *line, const char *name, int number, char **cause)
{
	struct cue_list *list = &cues->lists[section];
	struct cue cue = { .count = 0 };
	char *word, *save = NULL;

	for (word = strtok_r(line, " \t", &save); word != NULL; word = strtok_r(NULL, " \t", &save)) {
		if (!valid_word(word))
			return util_fail(cause, "%s:%d: bad cue word '%s' (use lowercase words, N, YEAR, MONTH or *)", name,
					 number, word);
		if (cue.count == ANALYSIS_CUE_WORDS)
			return util_fail(cause, "%s:%d: a cue has at most %d words", name, number, ANALYSIS_CUE_WORDS);
		cue.kinds[cue.count] = strcmp(word, "*") == 0 ? CUE_WORD_ANY : strcmp(word, "N") == 0 ? CUE_WORD_NUMBER :
				       strcmp(word, "YEAR") == 0 ? CUE_WORD_YEAR : strcmp(word, "MONTH") == 0 ? CUE_WORD_MONTH :
				       CUE_WORD_LITERAL;
		cue.hashes[cue.count] = analysis_word_hash(word);
		cue.words[cue.count++] = arena_strdup(&cues->arena, word);
	}
	if (cue.count == 0)
		return 0;
	if ((section == CUE_PAST_VERBS || section == CUE_CHANGE) && cue.count != 1)
		return util_fail(cause, "%s:%d: a [%s] cue is one word", name, number, section_names[section]);
	xgrow(&list->items, &list->room, list->count + 1, sizeof *list->items);
	list->items[list->count++] = cue;
	return 0;
}

static unsigned first_byte(const struct cue *cue)
{
	return cue->kinds[0] == CUE_WORD_LITERAL ? (unsigned char)cue->words[0][0] : 0;
}

static int by_first_byte(const void *a, const void *b)
{
	unsigned x = first_byte(a), y = first_byte(b);

	return x < y ? -1 : x > y;
}

/* Sorts each list by first byte and fills in where each byte's cues start. */
static void index_lists(struct analysis_cues *cues)
{
	int i;

	for (i = 0; i < CUE_SECTION_COUNT; i++) {
		struct cue_list *list = &cues->lists[i];
		size_t c = 0, b;
		if (list->count > 0)
			qsort(list->items, list->count, sizeof *list->items, by_first_byte);
		for (b = 0; b <= 256; b++) {
			while (c < list->count && first_byte(&list->items[c]) < b)
				c++;
			list->start[b] = c;
		}
	}
}

/* The section a "[name]" line starts, or -1. */
static int section_of(const char *line)
{
	int i;

	for (i = 0; i < CUE_SECTION_COUNT; i++) {
		size_t n = strlen(section_names[i]);
		if (line[0] == '[' && strncmp(line + 1, section_names[i], n) == 0 && line[n + 1] == ']' && line[n + 2] == '\0')
			return i;
	}
	return -1;
}

struct analysis_cues *analysis_cues_parse(const char *name, const char *text, size_t len, char **cause)
{
	struct analysis_cues *cues = xcalloc(1, sizeof *cues);
	char *copy = xstrndup(text, len), *line, *save = NULL, *hash;
	int section = -1, number = 0, rc = 0;

	arena_init(&cues->arena);
	for (line = copy; line != NULL && rc == 0; line = save) {
		char *end = strchr(line, '\n');
		save = end != NULL ? end + 1 : NULL;
		if (end != NULL)
			*end = '\0';
		number++;
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		for (end = line + strlen(line); end > line && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r');)
			*--end = '\0';
		if (*line == '\0')
			continue;
		if (*line == '[') {
			if ((section = section_of(line)) < 0)
				rc = util_fail(cause, "%s:%d: unknown section '%s'", name, number, line);
			continue;
		}
		if (section < 0)
			rc = util_fail(cause, "%s:%d: a cue before the first [section]", name, number);
		else
			rc = add_cue(cues, section, line, name, number, cause);
	}
	free(copy);
	if (rc != 0) {
		analysis_cues_free(cues);
		return NULL;
	}
	index_lists(cues);
	return cues;
}

struct analysis_cues *analysis_cues_load(const char *path, char **cause)
{
	size_t len;
	char *text = util_read_file(path, 1024 * 1024, &len, NULL, cause);
	struct analysis_cues *cues;

	if (text == NULL)
		return NULL;
	cues = analysis_cues_parse(path, text, len, cause);
	free(text);
	return cues;
}

void analysis_cues_free(struct analysis_cues *cues)
{
	int i;

	if (cues == NULL)
		return;
	for (i = 0; i < CUE_SECTION_COUNT; i++)
		free(cues->lists[i].items);
	arena_release(&cues->arena);
	free(cues);
}
