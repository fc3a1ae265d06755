/* analysis: reads an answer's text into tokens and sentences, finds the STAR parts from the cue lexicons
 * and a few rules on verbs and numbers, and counts the specifics, the coverage and the composure figures
 * (see analysis.h). */
#include "analysis-internal.h"
#include "rebound/util.h"
#include "rebound/words.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define LONG_SENTENCE_WORDS 30	/* a run with no full stop longer than this is cut at "so", "then"... */
#define SUBJECT_REACH 3		/* words between "i"/"we" and its verb */
#define OPENING_WORDS 3		/* a sentence that starts with a task cue in these is the task, not a scene */

enum token_kind { TOKEN_WORD = 0, TOKEN_NUMBER = 1, TOKEN_YEAR = 2, TOKEN_MONTH = 4 };

struct token {
	const char *text;	/* lowercased, in the arena */
	size_t start, end;	/* bytes of the answer */
	unsigned kind;
	int sentence_end;	/* a full stop, a line break or the text's end follows it */
	int clause_break;	/* a ';' follows it */
	int past;		/* a past-tense verb (is_past_verb), worked out once */
	unsigned hash;		/* analysis_word_hash(text) */
};

struct reader {
	const struct analysis_cues *cues;		/* the lexicons */
	struct token *tokens;
	size_t count, room;
};

static const char *const number_words[] = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
	"billion", "dozen", "half", "twice", "double", "triple", "doubled", "halved", "tripled" };
static const char *const month_names[] = { "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december" };
/* "-ed" words after "i" or "we" that are no deed: feelings, needs and habits. */
static const char *const not_deeds[] = { "needed", "wanted", "used", "supposed", "interested", "excited", "worried",
	"tired", "scared", "annoyed", "frustrated", "stressed", "concerned", "involved", "required", "expected",
	"tried", "hoped", "liked", "loved", "hated", "noticed", "realised", "realized", "assumed", "believed",
	"felt", "thought", "knew", "had", "was", "were" };
/* Words in "-ed" that are no past tense. */
static const char *const not_past[] = { "speed", "breed", "indeed", "proceed", "succeed", "exceed", "bleed", "seed",
	"need", "feed", "deed", "weed", "hundred", "sacred", "naked", "wicked", "kindred", "shed", "bed", "red" };
/* Words that may come before a story's first real word ("Okay so, this was..."). */
static const char *const lead_ins[] = { "so", "ok", "okay", "well", "um", "uh", "sure", "yeah", "yes", "right",
	"alright", "oh", "hmm", "basically", "and", "anyway" };
/* First words of a sentence that tells of a later time ("By Q4 both were above quota"). */
static const char *const later_openers[] = { "by", "after", "afterwards", "since", "within", "later", "eventually",
	"finally", "today", "now" };
/* Past tenses of being and having: told of a scene, not of a deed. */
static const char *const past_states[] = { "was", "were", "had", "wasn't", "weren't", "hadn't", "did", "didn't" };
/* Words a direct question's first sentence is not judged on. */
static const char *const stop_words[] = { "a", "an", "the", "you", "your", "i", "me", "my", "to", "of", "in", "on",
	"for", "and", "or", "is", "are", "do", "does", "did", "what", "why", "how", "tell", "about", "would", "will",
	"this", "that", "with", "we", "us", "our", "be", "can", "time", "describe", "give", "example", "walk",
	"through", "us", "some", "something", "when", "where", "which", "who", "have", "has", "it", "its", "at" };

/* 1 if word is one of list's count words (the first bytes compared first: this runs for every word). */
static int in_words(const char *word, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (list[i][0] == word[0] && strcmp(list[i], word) == 0)
			return 1;
	return 0;
}

#define IN_LIST(word, list) in_words((word), (list), sizeof (list) / sizeof *(list))

static int is_token_byte(const unsigned char *p, const unsigned char *end)
{
	if (isalnum(*p) || *p == '\'' || *p == '$' || *p == '%' || *p >= 0x80)
		return 1;
	/* "1.8", "1,200": a point or comma between digits */
	return (*p == '.' || *p == ',') && p + 1 < end && isdigit(p[1]) && isdigit(p[-1]);
}

static unsigned kind_of(const char *word)
{
	size_t len = strlen(word);

	if (len == 4 && (strncmp(word, "19", 2) == 0 || strncmp(word, "20", 2) == 0) && isdigit((unsigned char)word[2]) &&
	    isdigit((unsigned char)word[3]) && (word[0] == '2' || word[2] >= '5'))
		return TOKEN_YEAR | TOKEN_NUMBER;
	if (IN_LIST(word, month_names))
		return TOKEN_MONTH;
	if (IN_LIST(word, number_words) || strpbrk(word, "0123456789") != NULL)
		return TOKEN_NUMBER;
	return TOKEN_WORD;
}

/* Cuts text into tokens and marks where sentences end. */
static void tokenise(struct reader *r, const char *text, struct arena *arena)
{
	const unsigned char *start = (const unsigned char *)text, *p = start, *end = start + strlen(text);

	while (p < end) {
		const unsigned char *from;
		char *word;
		size_t i;
		if (!is_token_byte(p, end)) {
			if (r->count > 0 && (*p == '.' || *p == '!' || *p == '?' || *p == '\n'))
				r->tokens[r->count - 1].sentence_end = 1;
			if (r->count > 0 && *p == ';')
				r->tokens[r->count - 1].clause_break = 1;
			p++;
			continue;
		}
		for (from = p; p < end && is_token_byte(p, end); p++)
			;
		word = arena_strndup(arena, (const char *)from, (size_t)(p - from));
		for (i = 0; word[i] != '\0'; i++)
			word[i] = (char)tolower((unsigned char)word[i]);
		while (i > 1 && word[i - 1] == '\'')	/* quotes around a word */
			word[--i] = '\0';
		xgrow(&r->tokens, &r->room, r->count + 1, sizeof *r->tokens);
		r->tokens[r->count++] = (struct token){ word, (size_t)(from - start), (size_t)(p - start), kind_of(word), 0, 0, 0,
							 analysis_word_hash(word) };
	}
	if (r->count > 0)
		r->tokens[r->count - 1].sentence_end = 1;
}

static int word_matches(const struct cue *cue, size_t k, const struct token *t)
{
	switch (cue->kinds[k]) {
	case CUE_WORD_ANY:
		return 1;
	case CUE_WORD_NUMBER:
		return (t->kind & TOKEN_NUMBER) != 0;
	case CUE_WORD_YEAR:
		return (t->kind & TOKEN_YEAR) != 0;
	case CUE_WORD_MONTH:
		return (t->kind & TOKEN_MONTH) != 0;
	default:
		return cue->hashes[k] == t->hash && strcmp(cue->words[k], t->text) == 0;
	}
}

/* 1 if one of cues [first, last) of list starts at token i (before to). */
static int cue_at(const struct cue_list *list, size_t first, size_t last, const struct token *tokens, size_t i,
		  size_t to)
{
	size_t c, k;

	for (c = first; c < last; c++) {
		const struct cue *cue = &list->items[c];
		if (i + cue->count > to)
			continue;
		for (k = 0; k < cue->count && word_matches(cue, k, &tokens[i + k]); k++)
			;
		if (k == cue->count)
			return 1;
	}
	return 0;
}

/* 1 if one of list's cues appears among tokens [from, to), starting before last_start: at each token, only
 * the cues that start with its first byte, and those that start with a wildcard. */
static int cue_starts(const struct cue_list *list, const struct token *tokens, size_t from, size_t last_start,
		      size_t to)
{
	size_t i;

	for (i = from; i < to && i < last_start; i++) {
		unsigned b = (unsigned char)tokens[i].text[0];
		if (cue_at(list, list->start[0], list->start[1], tokens, i, to) ||
		    (b > 0 && cue_at(list, list->start[b], list->start[b + 1], tokens, i, to)))
			return 1;
	}
	return 0;
}

/* 1 if one of list's cues appears among tokens [from, to). */
static int has_cue(const struct cue_list *list, const struct token *tokens, size_t from, size_t to)
{
	return cue_starts(list, tokens, from, to, to);
}

static int is_past_verb(const struct reader *r, const char *word)
{
	const struct cue_list *verbs = &r->cues->lists[CUE_PAST_VERBS];
	size_t len = strlen(word), i;
	unsigned b = (unsigned char)word[0];

	if (IN_LIST(word, not_deeds) || IN_LIST(word, not_past))
		return 0;
	if (len >= 5 && strcmp(word + len - 2, "ed") == 0)
		return 1;
	for (i = b > 0 ? verbs->start[b] : 0; b > 0 && i < verbs->start[b + 1]; i++)	/* those with its first byte */
		if (strcmp(word, verbs->items[i].words[0]) == 0)
			return 1;
	return 0;
}

/* Counts "i" and "we" that lead a past-tense verb among tokens [from, to); 1 if there is one. */
static int deeds(const struct reader *r, size_t from, size_t to, int *i_count, int *we_count)
{
	size_t i, k;
	int found = 0;

	for (i = from; i < to; i++) {
		const char *w = r->tokens[i].text;
		int we = strcmp(w, "we") == 0 || (strcmp(w, "team") == 0 && i > from &&
						   (strcmp(r->tokens[i - 1].text, "my") == 0 || strcmp(r->tokens[i - 1].text, "our") == 0));
		if (strcmp(w, "i") != 0 && !we)
			continue;
		for (k = i + 1; k < to && k <= i + SUBJECT_REACH; k++) {
			const char *v = r->tokens[k].text;
			if (strcmp(v, "was") == 0 || strcmp(v, "were") == 0)
				break;	/* "I was asked to": done to me, not by me */
			if (r->tokens[k].past) {
				found = 1;
				if (we)
					(*we_count)++;
				else
					(*i_count)++;
				break;
			}
			if (strcmp(r->tokens[k].text, "i") == 0 || strcmp(r->tokens[k].text, "we") == 0)
				break;
		}
	}
	return found;
}

/* 1 if tokens [from, to) hold a number and a word of change ("dropped", "cut", "from"). */
static int has_change(const struct reader *r, size_t from, size_t to)
{
	size_t i;
	int number = 0;

	for (i = from; i < to; i++)
		number |= (r->tokens[i].kind & TOKEN_NUMBER) && !(r->tokens[i].kind & TOKEN_YEAR);
	return number && has_cue(&r->cues->lists[CUE_CHANGE], r->tokens, from, to);
}

/* 1 if tokens [from, to) tell of something that happened: a past-tense verb, not after "i" or "we". */
static int happened(const struct reader *r, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		if (r->tokens[i].past &&
		    (i == from || (strcmp(r->tokens[i - 1].text, "i") != 0 && strcmp(r->tokens[i - 1].text, "we") != 0)))
			return 1;
	return 0;
}

/* 1 if tokens [from, to) start (after a lead-in) by telling of a later time: "By Q4...", "After the
 * migration...". */
static int later_time(const struct reader *r, size_t from, size_t to)
{
	while (from < to && IN_LIST(r->tokens[from].text, lead_ins))
		from++;
	return from < to && IN_LIST(r->tokens[from].text, later_openers);
}

/* Cuts a run [from, to) with no full stop, longer than LONG_SENTENCE_WORDS, before "so", "then", "but"
 * or after ';', into pieces of at least five words; appends each piece's end to bounds. */
static size_t cut_long(const struct reader *r, size_t from, size_t to, size_t *bounds, size_t n)
{
	size_t i, last = from;

	for (i = from + 1; to - from > LONG_SENTENCE_WORDS && i < to; i++) {
		const char *w = r->tokens[i].text;
		int before = strcmp(w, "so") == 0 || strcmp(w, "then") == 0 || strcmp(w, "but") == 0;
		if ((before || r->tokens[i - 1].clause_break) && i - last >= 5 && to - i >= 5) {
			bounds[n++] = i;
			last = i;
		}
	}
	bounds[n++] = to;
	return n;
}

/* The sentences' ends, as token indexes, into bounds (room for one per token). */
static size_t split(const struct reader *r, size_t *bounds)
{
	size_t n = 0, from = 0, i;

	for (i = 0; i < r->count; i++) {
		if (r->tokens[i].sentence_end) {
			n = cut_long(r, from, i + 1, bounds, n);
			from = i + 1;
		}
	}
	return n;
}

/* A direct question's first sentence takes up the question: it shares a content word with it. */
static int takes_up(const struct reader *r, size_t to, const char *question, struct arena *arena)
{
	struct reader q = { r->cues, NULL, 0, 0 };
	size_t i, k;
	int found = 0;

	if (question == NULL)
		return 0;
	tokenise(&q, question, arena);
	for (i = 0; i < q.count && !found; i++) {
		char *a = arena_strdup(arena, q.tokens[i].text);
		if (IN_LIST(a, stop_words))
			continue;
		words_normalise(a);
		for (k = 0; k < to && !found; k++) {
			char *b = arena_strdup(arena, r->tokens[k].text);
			words_normalise(b);
			found = strcmp(a, b) == 0;
		}
	}
	free(q.tokens);
	return found;
}

/* Marks each sentence's parts, and the "I"/"we" counts of action sentences. */
static void find_parts(const struct reader *r, struct analysis *out, const size_t *bounds)
{
	size_t s, from = 0;
	int first_action = -1;

	for (s = 0; s < out->sentences; s++) {
		struct analysis_sentence *sentence = &out->sentence[s];
		size_t to = bounds[s];
		unsigned parts = 0;
		int i_count = 0, we_count = 0;
		sentence->start = r->tokens[from].start;
		sentence->length = r->tokens[to - 1].end - sentence->start;
		if (has_cue(&r->cues->lists[CUE_SITUATION], r->tokens, from, to))
			parts |= ANALYSIS_PART_BIT(ANALYSIS_SITUATION);
		if (has_cue(&r->cues->lists[CUE_TASK], r->tokens, from, to))
			parts |= ANALYSIS_PART_BIT(ANALYSIS_TASK);
		if (has_cue(&r->cues->lists[CUE_ACTION], r->tokens, from, to) | deeds(r, from, to, &i_count, &we_count))
			parts |= ANALYSIS_PART_BIT(ANALYSIS_ACTION);
		if ((parts & ANALYSIS_PART_BIT(ANALYSIS_ACTION)) && first_action < 0)
			first_action = (int)s;
		/* Needs and goals said early (before anything was done, with the first deed, or in the first two
		 * sentences) are the task. */
		if ((first_action < 0 || first_action == (int)s || s < 2) &&
		    has_cue(&r->cues->lists[CUE_TASK_EARLY], r->tokens, from, to))
			parts |= ANALYSIS_PART_BIT(ANALYSIS_TASK);
		/* A result is what came of the actions: from the first action on, a result cue, a number that
		 * changed, or (after it, with no deed of "I" or "we") something that happened or a later time. */
		if (first_action >= 0 && (has_cue(&r->cues->lists[CUE_RESULT], r->tokens, from, to) ||
					  has_change(r, from, to) ||
					  ((int)s > first_action && i_count + we_count == 0 &&
					   (happened(r, from, to) || later_time(r, from, to)))))
			parts |= ANALYSIS_PART_BIT(ANALYSIS_RESULT);
		if (parts & ANALYSIS_PART_BIT(ANALYSIS_ACTION)) {
			out->i_actions += i_count;
			out->we_actions += we_count;
		}
		if (has_cue(&r->cues->lists[CUE_GENERIC], r->tokens, from, to))
			out->generic = 1;
		sentence->parts = parts;
		from = to;
	}
}

/* 1 if tokens [from, to) are told in the past: a past-tense verb, or "was", "were", "had". */
static int told_in_past(const struct reader *r, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		size_t len = strlen(r->tokens[i].text);
		if (r->tokens[i].past || IN_LIST(r->tokens[i].text, past_states) ||
		    (len >= 5 && strcmp(r->tokens[i].text + len - 2, "ed") == 0 && !IN_LIST(r->tokens[i].text, not_past)))
			return 1;
	}
	return 0;
}

/*
 * A story's opening scene is its situation even in words no lexicon holds: the first sentence (after a
 * short lead-in such as "Sure."), told in the past, that neither starts with what "I" or "we" did nor
 * with the task ("My goal was..."): "At a fintech company where I interned, I noticed...", "Once a
 * customer called on a Sunday...". Not for an answer of habits (generic), which tells no scene.
 */
static void opening_scene(const struct reader *r, struct analysis *out, const size_t *bounds)
{
	size_t s, from = 0, first;
	int i_count = 0, we_count = 0;

	if (out->generic)
		return;
	for (s = 0; s < out->sentences; from = bounds[s++]) {
		if (out->sentence[s].parts & ANALYSIS_PART_BIT(ANALYSIS_SITUATION))
			return;		/* the cues found it */
		if (bounds[s] - from >= 4 || told_in_past(r, from, bounds[s]))
			break;		/* the first sentence that says something */
	}
	if (s == out->sentences || !told_in_past(r, from, bounds[s]))
		return;
	for (first = from; first < bounds[s] && IN_LIST(r->tokens[first].text, lead_ins); first++)
		;
	if (cue_starts(&r->cues->lists[CUE_TASK], r->tokens, first, first + OPENING_WORDS, bounds[s]) ||
	    cue_starts(&r->cues->lists[CUE_TASK_EARLY], r->tokens, first, first + OPENING_WORDS, bounds[s]))
		return;		/* "The goal I was given was to...": the task first */
	if (first < bounds[s] && deeds(r, first, first + 1 + SUBJECT_REACH < bounds[s] ? first + 1 + SUBJECT_REACH :
				       bounds[s], &i_count, &we_count) && (strcmp(r->tokens[first].text, "i") == 0 ||
									 strcmp(r->tokens[first].text, "we") == 0))
		return;		/* "I rolled back the change": a deed, not a scene */
	out->sentence[s].parts |= ANALYSIS_PART_BIT(ANALYSIS_SITUATION);
}

/* The figures made from the parts: where each first comes, their order, a story that stops at the action. */
static void judge_parts(struct analysis *out, int story)
{
	int p, s, last = -1;

	for (p = 0; p < ANALYSIS_PART_COUNT; p++)
		out->first_sentence[p] = -1;
	for (s = 0; s < (int)out->sentences; s++) {
		out->parts |= out->sentence[s].parts;
		for (p = 0; p < ANALYSIS_PART_COUNT; p++)
			if ((out->sentence[s].parts & ANALYSIS_PART_BIT(p)) && out->first_sentence[p] < 0)
				out->first_sentence[p] = s;
		if (out->sentence[s].parts & ANALYSIS_PART_BIT(ANALYSIS_ACTION))
			out->last_action = s;
	}
	out->in_order = 1;
	for (p = 0; p < ANALYSIS_PART_COUNT; p++) {
		if (out->first_sentence[p] < 0)
			continue;
		if (out->first_sentence[p] < last)
			out->in_order = 0;
		last = out->first_sentence[p];
	}
	if (story && out->last_action >= 0) {
		out->ends_at_action = 1;
		for (s = out->last_action; s < (int)out->sentences; s++)
			if (out->sentence[s].parts & ANALYSIS_PART_BIT(ANALYSIS_RESULT))
				out->ends_at_action = 0;
	}
	out->generic = out->generic && !(out->parts & ANALYSIS_PART_BIT(ANALYSIS_SITUATION));
	if (out->generic) {	/* habits, no event: what "I do" is no action of a story, nor what comes of it */
		unsigned story_parts = ANALYSIS_PART_BIT(ANALYSIS_ACTION) | ANALYSIS_PART_BIT(ANALYSIS_RESULT);
		out->parts &= ~story_parts;
		for (s = 0; s < (int)out->sentences; s++)
			out->sentence[s].parts &= ~story_parts;
		out->first_sentence[ANALYSIS_ACTION] = out->first_sentence[ANALYSIS_RESULT] = -1;
		out->last_action = -1;
		out->ends_at_action = 0;
	}
}

void analysis_run(const struct analysis_cues *cues, const struct speech_lists *lists,
		  const struct analysis_question *question, const char *text, struct arena *arena,
		  struct analysis *out)
{
	struct reader r = { cues, NULL, 0, 0 };
	const char **words;
	size_t *bounds, i;

	memset(out, 0, sizeof *out);
	out->last_action = -1;
	tokenise(&r, text, arena);
	for (i = 0; i < r.count; i++)
		r.tokens[i].past = is_past_verb(&r, r.tokens[i].text);
	out->words = r.count;
	bounds = arena_alloc(arena, (r.count + 1) * sizeof *bounds);
	out->sentences = split(&r, bounds);
	out->sentence = arena_alloc(arena, (out->sentences + 1) * sizeof *out->sentence);
	find_parts(&r, out, bounds);
	if (question == NULL || question->story)
		opening_scene(&r, out, bounds);
	judge_parts(out, question == NULL || question->story);
	words = arena_alloc(arena, (r.count + 1) * sizeof *words);
	for (i = 0; i < r.count; i++) {
		words[i] = r.tokens[i].text;
		out->numbers += (r.tokens[i].kind & TOKEN_NUMBER) && !(r.tokens[i].kind & TOKEN_YEAR);
		out->dates += (r.tokens[i].kind & (TOKEN_YEAR | TOKEN_MONTH)) != 0;
	}
	out->words_per_sentence = out->sentences ? (double)r.count / (double)out->sentences : 0;
	out->spoken_ms = (long long)r.count * 60000 / ANALYSIS_WORDS_PER_MINUTE;
	speech_count(lists, words, r.count, arena, &out->speech);
	if (question != NULL) {
		speech_keywords(question->keywords, question->keyword_count, words, r.count, NULL, 0, arena, &out->keywords);
		speech_points(question->points, question->point_count, words, r.count, NULL, 0, arena, &out->points);
		if (!question->story && out->sentences > 0)
			out->leads_with_point = takes_up(&r, bounds[0], question->text, arena);
	}
	free(r.tokens);
}

const char *analysis_part_name(enum analysis_part part)
{
	static const char *const names[] = { "situation", "task", "action", "result" };

	return (unsigned)part < ANALYSIS_PART_COUNT ? names[part] : "?";
}
