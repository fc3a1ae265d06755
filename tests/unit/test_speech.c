/* Unit tests for speech: the bundled filler and hedge lists (REBOUND_SOURCE/assets), every loader error with
 * its FILE:LINE, fillers, hedges and repeats counted in recogniser-style transcripts, keywords and talking
 * points covered, and the reference bands at their edges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rebound/arena.h"
#include "rebound/speech.h"
#include "rebound/util.h"
#include "rebound/words.h"

#define MAX_WORDS 128

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

/* Counts the words of text, cut at spaces, as a recogniser hands them over. */
static void count_text(const struct speech_lists *lists, const char *text, struct arena *arena,
		       struct speech_counts *out)
{
	const char *words[MAX_WORDS];
	char *copy = xstrdup(text), *save = NULL, *word;
	size_t n = 0;

	for (word = strtok_r(copy, " ", &save); word != NULL; word = strtok_r(NULL, " ", &save)) {
		assert_true(n < MAX_WORDS);
		words[n++] = word;
	}
	speech_count(lists, words, n, arena, out);
	free(copy);
}

/* Cuts text at spaces into words, in arena. */
static size_t split(const char *text, struct arena *arena, const char ***words)
{
	char *copy = arena_strdup(arena, text), *save = NULL, *word;
	size_t n = 0;

	*words = arena_alloc(arena, MAX_WORDS * sizeof **words);
	for (word = strtok_r(copy, " ", &save); word != NULL; word = strtok_r(NULL, " ", &save)) {
		assert_true(n < MAX_WORDS);
		(*words)[n++] = word;
	}
	return n;
}

/* A new temporary file holding text; caller unlinks and frees the path. */
static char *temp_file(const char *text)
{
	char *path = xstrdup("/tmp/rebound-speech-XXXXXX");
	int fd = mkstemp(path);
	size_t len = strlen(text);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

/* Loads text as the filler list (hedges empty) and checks the cause, with "PATH" standing for the file. */
static void expect_load_error(const char *text, const char *expected)
{
	char *path = temp_file(text), *cause = NULL, *want;
	const char *at = strstr(expected, "PATH");

	assert_non_null(at);
	want = xasprintf("%.*s%s%s", (int)(at - expected), expected, path, at + 4);
	assert_null(speech_lists_load(path, NULL, &cause));
	assert_non_null(cause);
	assert_string_equal(cause, want);
	free(cause);
	free(want);
	unlink(path);
	free(path);
}

/* Lists loaded from two texts; the files are removed at once. */
static struct speech_lists *lists_from(const char *fillers, const char *hedges)
{
	char *fillers_path = temp_file(fillers), *hedges_path = temp_file(hedges), *cause = NULL;
	struct speech_lists *lists = speech_lists_load(fillers_path, hedges_path, &cause);

	if (lists == NULL)
		fail_msg("%s", cause);
	unlink(fillers_path);
	unlink(hedges_path);
	free(fillers_path);
	free(hedges_path);
	return lists;
}

static void assert_hit(const struct speech_hit *hit, const char *phrase, int count)
{
	assert_string_equal(hit->phrase, phrase);
	assert_int_equal(hit->count, count);
}

/* ------------------------------------------------------------------------------------------------
 * The bundled lists
 */

static int load_lists(void **state)
{
	const char *source = getenv("REBOUND_SOURCE");
	char *fillers, *hedges, *cause = NULL;

	if (source == NULL) {
		print_error("REBOUND_SOURCE is not set: it must name the source tree holding assets/fillers.txt\n");
		return -1;
	}
	fillers = xasprintf("%s/assets/fillers.txt", source);
	hedges = xasprintf("%s/assets/hedges.txt", source);
	*state = speech_lists_load(fillers, hedges, &cause);
	if (*state == NULL) {
		print_error("%s\n", cause);
		free(cause);
	}
	free(fillers);
	free(hedges);
	return *state != NULL ? 0 : -1;
}

static int free_lists(void **state)
{
	speech_lists_free(*state);
	return 0;
}

/* Snowball's English stems: inflections meet, and words that only look alike do not. */
static void expect_stem(const char *word, const char *want)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%s", word);
	words_normalise(buf);
	assert_string_equal(buf, want);
}

static void test_stems(void **state)
{
	(void)state;
	expect_stem("examples", "exampl");
	expect_stem("Example", "exampl");
	expect_stem("rambling", "rambl");
	expect_stem("rambled", "rambl");
	expect_stem("considered", "consid");
	expect_stem("communication", "communic");
	expect_stem("communicated", "communic");
	expect_stem("generously", "generous");
	expect_stem("team's", "team");
	expect_stem("stories", "stori");
	expect_stem("story", "stori");
	expect_stem("news", "news");
	expect_stem("", "");
	expect_stem("café", "café");		/* UTF-8 is left whole */
}

static void test_bundled_lists(void **state)
{
	static const char *const fillers[] = {
		"um", "uh", "er", "ah", "hmm", "like", "you know", "i mean", "so", "basically", "actually",
		"literally", "right", "okay",
	};
	static const char *const hedges[] = {
		"kind of", "sort of", "i guess", "i think", "i feel like", "maybe", "probably", "perhaps",
		"i suppose", "hopefully", "a little bit", "somewhat",
	};
	struct speech_counts counts;
	struct arena arena;
	size_t i;

	/* update when the lists change */
	assert_int_equal(speech_filler_count(*state), 17);
	assert_int_equal(speech_hedge_count(*state), 22);
	arena_init(&arena);
	for (i = 0; i < sizeof fillers / sizeof fillers[0]; i++) {
		count_text(*state, fillers[i], &arena, &counts);
		if (counts.fillers != 1 || counts.hedges != 0 || counts.filler_hit_count != 1)
			fail_msg("'%s' alone: %d fillers, %d hedges", fillers[i], counts.fillers, counts.hedges);
		assert_hit(&counts.filler_hits[0], fillers[i], 1);
	}
	for (i = 0; i < sizeof hedges / sizeof hedges[0]; i++) {
		count_text(*state, hedges[i], &arena, &counts);
		if (counts.hedges != 1 || counts.fillers != 0 || counts.hedge_hit_count != 1)
			fail_msg("'%s' alone: %d fillers, %d hedges", hedges[i], counts.fillers, counts.hedges);
		assert_hit(&counts.hedge_hits[0], hedges[i], 1);
	}
	arena_release(&arena);
	speech_lists_free(NULL);
}

/* ------------------------------------------------------------------------------------------------
 * Loader errors
 */

static void test_load_errors(void **state)
{
	(void)state;
	expect_load_error("um\nuh\n\n# hesitation\num um um um um\n", "PATH:5: 'um um um um um' has more than 4 words");
	expect_load_error("you  \t know it well or not\n", "PATH:1: 'you know it well or not' has more than 4 words");
	expect_load_error("um\nlike <\n", "PATH:2: '<' has no words after it");
	expect_load_error("so >\n", "PATH:1: '>' has no words after it");
	expect_load_error("so > that <  # nothing before\n", "PATH:1: '<' has no words after it");
	expect_load_error("so > that < > much\n", "PATH:1: '<' has no words after it");
	expect_load_error("# first\n< would\n", "PATH:2: '<' with no phrase before it");
	expect_load_error("like < would\n   >\n", "PATH:2: '>' has no words after it");
	expect_load_error("Um\n", "PATH:1: bad character 'U' in 'Um' (use lowercase letters, digits, ' and -)");
	expect_load_error("caf\xc3\xa9\n",
			  "PATH:1: bad character '\xc3\xa9' in 'caf\xc3\xa9' (use lowercase letters, digits, ' and -)");
	expect_load_error("um\tuh\x01\n",
			  "PATH:1: bad character '\\x01' in 'uh\x01' (use lowercase letters, digits, ' and -)");
	expect_load_error("like < would, i'd\n",
			  "PATH:1: bad character ',' in 'would,' (use lowercase letters, digits, ' and -)");
	expect_load_error("so > that\n   < or Even\n",
			  "PATH:2: bad character 'E' in 'Even' (use lowercase letters, digits, ' and -)");
	expect_load_error("um\n-- '\n", "PATH:2: '--' has no letter or digit");
	expect_load_error("um\nuh\num  # again\n", "PATH:3: 'um' is listed twice (first on line 1)");
	expect_load_error("you   know\n\nyou know > what\n", "PATH:3: 'you know' is listed twice (first on line 1)");
}

static void test_load_errors_name_the_file(void **state)
{
	char *good = temp_file("um\n"), *bad = temp_file("maybe\nMaybe\n"), *cause = NULL, *want;

	(void)state;
	assert_null(speech_lists_load(good, bad, &cause));
	want = xasprintf("%s:2: bad character 'M' in 'Maybe' (use lowercase letters, digits, ' and -)", bad);
	assert_string_equal(cause, want);
	free(cause);
	free(want);
	assert_null(speech_lists_load("/nonexistent/fillers.txt", good, &cause));
	assert_string_equal(cause, "cannot open '/nonexistent/fillers.txt': No such file or directory");
	free(cause);
	assert_null(speech_lists_load(good, "/tmp", &cause));
	assert_string_equal(cause, "cannot read '/tmp': not a regular file");
	free(cause);
	assert_null(speech_lists_load(bad, NULL, NULL));	/* no cause wanted */
	unlink(good);
	unlink(bad);
	free(good);
	free(bad);
}

static void test_load_accepts(void **state)
{
	/* four words, exclusions on either side in any order, wrapped lines, CRLF, tabs and comments */
	struct speech_lists *lists = lists_from("# fillers\r\n\r\nat the end of\r\nso>that<or\t# tight\r\n"
						"like < would\n  < feel\n\t> to\n", "");
	struct speech_counts counts;
	struct arena arena;

	(void)state;
	assert_int_equal(speech_filler_count(lists), 3);
	assert_int_equal(speech_hedge_count(lists), 0);
	arena_init(&arena);
	count_text(lists, "at the end of the day so that i would like or so feel like like to so", &arena, &counts);
	assert_int_equal(counts.words, 18);
	assert_int_equal(counts.fillers, 2);	/* "at the end of", the last "so" */
	assert_int_equal(counts.filler_hit_count, 2);
	assert_hit(&counts.filler_hits[0], "at the end of", 1);
	assert_hit(&counts.filler_hits[1], "so", 1);
	assert_int_equal(counts.repeats, 1);	/* "like like", neither a filler */
	arena_release(&arena);
	speech_lists_free(lists);
	lists = speech_lists_load(NULL, NULL, NULL);
	assert_int_equal(speech_filler_count(lists), 0);
	speech_lists_free(lists);
}

/* ------------------------------------------------------------------------------------------------
 * Counting
 */

static void test_filler_heavy_and_clean(void **state)
{
	static const char heavy[] = "<s> um so basically i was like the the lead on uh you know the migration "
				    "and um i think we kind of shipped it maybe a little bit late </s>";
	static const char clean[] = "<s> in my last role i led the migration of our billing service to postgres "
				    "which cut query time by forty percent </s>";
	struct speech_counts counts, calm;
	struct arena arena;

	arena_init(&arena);
	count_text(*state, heavy, &arena, &counts);
	assert_int_equal(counts.words, 29);
	assert_int_equal(counts.fillers, 7);
	assert_int_equal(counts.hedges, 4);
	assert_int_equal(counts.repeats, 1);
	/* most frequent first, then in list order */
	assert_int_equal(counts.filler_hit_count, 6);
	assert_hit(&counts.filler_hits[0], "um", 2);
	assert_hit(&counts.filler_hits[1], "uh", 1);
	assert_hit(&counts.filler_hits[2], "like", 1);
	assert_hit(&counts.filler_hits[3], "you know", 1);
	assert_hit(&counts.filler_hits[4], "so", 1);
	assert_hit(&counts.filler_hits[5], "basically", 1);
	assert_int_equal(counts.hedge_hit_count, 4);
	assert_hit(&counts.hedge_hits[0], "kind of", 1);
	assert_hit(&counts.hedge_hits[1], "i think", 1);
	assert_hit(&counts.hedge_hits[2], "maybe", 1);
	assert_hit(&counts.hedge_hits[3], "a little bit", 1);
	assert_int_equal(counts.repeated_count, 1);
	assert_string_equal(counts.repeated[0], "the");

	count_text(*state, clean, &arena, &calm);
	assert_int_equal(calm.words, 21);
	assert_int_equal(calm.fillers, 0);
	assert_int_equal(calm.hedges, 0);
	assert_int_equal(calm.repeats, 0);
	assert_null(calm.filler_hits);
	assert_null(calm.hedge_hits);
	assert_null(calm.repeated);
	assert_true(counts.fillers > calm.fillers);
	assert_true(speech_per_minute(counts.fillers, 60000) > speech_per_minute(calm.fillers, 60000));
	arena_release(&arena);
}

/* One transcript and its expected counts. */
struct case_counts {
	const char *text;
	int words, fillers, hedges, repeats;
};

static void test_exclusions(void **state)
{
	static const struct case_counts cases[] = {
		{ "i would like to", 4, 0, 0, 0 },
		{ "i'd like to lead the team", 6, 0, 0, 0 },
		{ "we really like it", 4, 0, 0, 0 },		/* from a wrapped line */
		{ "things like kafka", 3, 0, 0, 0 },
		{ "it was like a nightmare", 5, 1, 0, 0 },
		{ "so that we could ship", 5, 0, 0, 0 },
		{ "so we shipped", 3, 1, 0, 0 },
		{ "it was so much work", 5, 0, 0, 0 },
		{ "i think so", 3, 0, 1, 0 },			/* "i think" a hedge, "so" after "think" none */
		{ "right now we", 3, 0, 0, 0 },
		{ "all right", 2, 0, 0, 0 },
		{ "right so we", 3, 2, 0, 0 },
		{ "it was okay", 3, 0, 0, 0 },
		{ "okay so", 2, 2, 0, 0 },
		{ "do you know", 3, 0, 0, 0 },
		{ "what i mean is", 4, 0, 0, 0 },
		{ "i feel like we", 4, 0, 1, 0 },		/* the hedge, not the filler "like" */
		{ "feel like", 2, 0, 0, 0 },
		{ "what kind of team", 4, 0, 0, 0 },
		{ "we kind of did", 4, 0, 1, 0 },
		{ "quite a bit", 3, 0, 0, 0 },
		{ "a bit nervous", 3, 0, 1, 0 },
		{ "built in a way that scales", 6, 0, 0, 0 },
		{ "actually actually", 2, 2, 0, 0 },		/* no exclusions; doubled, not a repeat */
	};
	struct speech_counts counts;
	struct arena arena;
	size_t i;

	arena_init(&arena);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct case_counts *c = &cases[i];
		count_text(*state, c->text, &arena, &counts);
		if (counts.words != c->words || counts.fillers != c->fillers || counts.hedges != c->hedges ||
		    counts.repeats != c->repeats)
			fail_msg("\"%s\": %d words, %d fillers, %d hedges, %d repeats; expected %d, %d, %d, %d",
				 c->text, counts.words, counts.fillers, counts.hedges, counts.repeats, c->words,
				 c->fillers, c->hedges, c->repeats);
	}
	arena_release(&arena);
}

static void test_longest_match(void **state)
{
	struct speech_lists *lists;
	struct speech_counts counts;
	struct arena arena;

	arena_init(&arena);
	count_text(*state, "you know", &arena, &counts);
	assert_int_equal(counts.fillers, 1);
	assert_int_equal(counts.filler_hit_count, 1);
	assert_hit(&counts.filler_hits[0], "you know", 1);
	count_text(*state, "you know you know", &arena, &counts);
	assert_int_equal(counts.fillers, 2);
	assert_int_equal(counts.repeats, 0);
	assert_hit(&counts.filler_hits[0], "you know", 2);
	count_text(*state, "it was a little bit hard", &arena, &counts);
	assert_int_equal(counts.hedges, 1);
	assert_hit(&counts.hedge_hits[0], "a little bit", 1);

	/* the same length in both lists: the filler; a longer hedge beats a shorter filler */
	lists = lists_from("you know\nlike\n", "you know\nyou know like\n");
	count_text(lists, "you know and you know like", &arena, &counts);
	assert_int_equal(counts.fillers, 1);
	assert_int_equal(counts.hedges, 1);
	assert_hit(&counts.filler_hits[0], "you know", 1);
	assert_hit(&counts.hedge_hits[0], "you know like", 1);
	speech_lists_free(lists);
	arena_release(&arena);
}

static void test_repeats(void **state)
{
	struct speech_counts counts;
	struct arena arena;

	arena_init(&arena);
	/* "the the the" is two; "i i think" one and a hedge; "um um" two fillers; "We we" one */
	count_text(*state, "the the the team i i think um um We we shipped", &arena, &counts);
	assert_int_equal(counts.words, 12);
	assert_int_equal(counts.repeats, 4);
	assert_int_equal(counts.fillers, 2);
	assert_int_equal(counts.hedges, 1);
	assert_int_equal(counts.repeated_count, 3);
	assert_string_equal(counts.repeated[0], "the");
	assert_string_equal(counts.repeated[1], "i");
	assert_string_equal(counts.repeated[2], "we");

	count_text(*state, "maybe maybe", &arena, &counts);
	assert_int_equal(counts.hedges, 2);
	assert_int_equal(counts.repeats, 0);
	/* the first "so" a filler, the second not ("so much"): a repeat as well */
	count_text(*state, "so so much", &arena, &counts);
	assert_int_equal(counts.fillers, 1);
	assert_int_equal(counts.repeats, 1);
	assert_string_equal(counts.repeated[0], "so");
	/* marks between two copies do not separate them */
	count_text(*state, "the [noise] the <sil> team", &arena, &counts);
	assert_int_equal(counts.words, 3);
	assert_int_equal(counts.repeats, 1);
	arena_release(&arena);
}

static void test_recogniser_marks(void **state)
{
	static const char *const words[] = {
		"<s>", "<sil>", "UM(2)", "[NOISE]", "So(2)", "we", "[speech]", "shipped", "(cough)", "it(12)",
		"</s>", "<unk>", "(2)", NULL, "Um,", "...", "'", "we're", "done.", "read(x)", "[laughter",
	};
	struct speech_counts counts;
	struct arena arena;

	arena_init(&arena);
	speech_count(*state, words, sizeof words / sizeof words[0], &arena, &counts);
	/* um so we shipped it um we're done read(x) */
	assert_int_equal(counts.words, 9);
	assert_int_equal(counts.fillers, 3);
	assert_int_equal(counts.filler_hit_count, 2);
	assert_hit(&counts.filler_hits[0], "um", 2);
	assert_hit(&counts.filler_hits[1], "so", 1);
	assert_int_equal(counts.repeats, 0);

	speech_count(*state, NULL, 0, &arena, &counts);
	assert_int_equal(counts.words, 0);
	assert_int_equal(counts.fillers + counts.hedges + counts.repeats, 0);
	assert_null(counts.filler_hits);
	assert_null(counts.repeated);

	/* no lists: words and repeats only */
	count_text(NULL, "um um the the", &arena, &counts);
	assert_int_equal(counts.words, 4);
	assert_int_equal(counts.fillers, 0);
	assert_int_equal(counts.repeats, 2);
	assert_int_equal(counts.repeated_count, 2);
	arena_release(&arena);
}

/* ------------------------------------------------------------------------------------------------
 * Keywords and talking points
 */

static void test_keywords(void **state)
{
	static const char *const keywords[] = {
		"team", "lead", "stand up", "Kubernetes", "roll out", "rollout", "out roll", "owning", "stand every",
		"Daily Stand-Up", "", "A/B testing", "customer's",
	};
	const char **words;
	struct speech_coverage coverage;
	struct arena arena;
	size_t n;

	(void)state;
	arena_init(&arena);
	n = split("<s> our teams led the stand-up every morning and I owned the roll out of kubernetes(2) "
		  "[noise] with a b testing for customers </s>", &arena, &words);
	speech_keywords(keywords, sizeof keywords / sizeof keywords[0], words, n, NULL, 0, &arena, &coverage);
	assert_int_equal(coverage.said_count, 7);
	assert_string_equal(coverage.said[0], "team");		/* "teams" */
	assert_string_equal(coverage.said[1], "stand up");	/* "stand-up" */
	assert_string_equal(coverage.said[2], "Kubernetes");	/* "kubernetes(2)" */
	assert_string_equal(coverage.said[3], "roll out");
	assert_string_equal(coverage.said[4], "owning");	/* "owned": both "own" */
	assert_string_equal(coverage.said[5], "A/B testing");	/* "a b testing" */
	assert_string_equal(coverage.said[6], "customer's");	/* "customers" */
	assert_int_equal(coverage.missed_count, 6);
	assert_string_equal(coverage.missed[0], "lead");	/* "led": stems are simple */
	assert_string_equal(coverage.missed[1], "rollout");
	assert_string_equal(coverage.missed[2], "out roll");	/* order */
	assert_string_equal(coverage.missed[3], "stand every");	/* "up" comes between */
	assert_string_equal(coverage.missed[4], "Daily Stand-Up");
	assert_string_equal(coverage.missed[5], "");
	assert_ptr_equal(coverage.said[0], keywords[0]);	/* borrowed */

	speech_keywords(keywords, 0, words, n, NULL, 0, &arena, &coverage);
	assert_int_equal(coverage.said_count + coverage.missed_count, 0);
	assert_null(coverage.said);
	assert_null(coverage.missed);
	speech_keywords(keywords, 2, NULL, 0, NULL, 0, &arena, &coverage);
	assert_int_equal(coverage.said_count, 0);
	assert_int_equal(coverage.missed_count, 2);
	assert_null(coverage.said);
	arena_release(&arena);
}

static void test_points(void **state)
{
	static const char *const points[] = {
		"one achievement with a number",	/* achievement: 1 of 2 */
		"what you learned from the failure",	/* learned, failure: 0 of 2 */
		"team size and your role",		/* team: 1 of 3 */
		"build times and the team",		/* build, time, team: 3 of 3 */
		"failure failures achievement",		/* failur, achievement: 1 of 2 (each counted once) */
		"I am",					/* stop words alone: all its words */
		"what you did",				/* likewise, none said */
		"",
	};
	const char **words;
	struct speech_coverage coverage;
	struct arena arena;
	size_t n;

	(void)state;
	arena_init(&arena);
	n = split("the achievement i am proudest of is cutting build times from forty minutes to ten for a team "
		  "of twelve engineers", &arena, &words);
	speech_points(points, sizeof points / sizeof points[0], words, n, NULL, 0, &arena, &coverage);
	assert_int_equal(coverage.said_count, 4);
	assert_string_equal(coverage.said[0], points[0]);
	assert_string_equal(coverage.said[1], points[3]);
	assert_string_equal(coverage.said[2], points[4]);
	assert_string_equal(coverage.said[3], points[5]);
	assert_int_equal(coverage.missed_count, 4);
	assert_string_equal(coverage.missed[0], points[1]);
	assert_string_equal(coverage.missed[1], points[2]);
	assert_string_equal(coverage.missed[2], points[6]);
	assert_string_equal(coverage.missed[3], points[7]);
	arena_release(&arena);
}

/* The spotter's evidence joins the transcript's: a keyword or a point's word either one heard is said,
 * and the counts tell where the two agree over what the spotter listened for. */
static void test_spotted_coverage(void **state)
{
	static const char *const keywords[] = { "dashboard", "incident", "rollback", "Kubernetes", "team" };
	static const char *const points[] = { "the incident and its cause", "the dashboard you built", "what you learned" };
	static const struct speech_spot spots[] = {
		{ "dashboard", 1, 1 },		/* spotted; the transcript missed it */
		{ "incidents", 1, 0 },		/* same tokens as "incident": heard by the transcript only */
		{ "rollback", 1, 0 },		/* neither */
		{ "kubernetes", 0, 0 },		/* not listened for: only the transcript counts */
		{ "cause", 1, 1 },		/* a point's word */
		{ "built", 1, 1 },
	};
	const char **words;
	struct speech_coverage coverage;
	struct arena arena;
	size_t n;

	(void)state;
	arena_init(&arena);
	n = split("we had an incident with the team", &arena, &words);
	speech_keywords(keywords, 5, words, n, spots, 6, &arena, &coverage);
	assert_int_equal(coverage.said_count, 3);
	assert_string_equal(coverage.said[0], "dashboard");
	assert_string_equal(coverage.said[1], "incident");
	assert_string_equal(coverage.said[2], "team");
	assert_int_equal(coverage.listened, 3);		/* dashboard, incident, rollback */
	assert_int_equal(coverage.spotted_only, 1);	/* dashboard */
	assert_int_equal(coverage.heard_only, 1);	/* incident */
	/* without a transcript to trust: the spotter alone */
	speech_keywords(keywords, 5, NULL, 0, spots, 6, &arena, &coverage);
	assert_int_equal(coverage.said_count, 1);
	assert_string_equal(coverage.said[0], "dashboard");
	assert_int_equal(coverage.spotted_only, 1);
	/* points: "incident" heard + "cause" spotted = both words; "dashboard" + "built" spotted */
	speech_points(points, 3, words, n, spots, 6, &arena, &coverage);
	assert_int_equal(coverage.said_count, 2);
	assert_string_equal(coverage.said[0], points[0]);
	assert_string_equal(coverage.said[1], points[1]);
	assert_int_equal(coverage.listened, 2);
	assert_int_equal(coverage.spotted_only, 1);	/* the dashboard point: the transcript heard none of it */
	assert_int_equal(coverage.heard_only, 0);	/* the incident point: each source heard half */
	arena_release(&arena);
}

/* The phrases listened for: keywords as written, then the points' content words, each once. */
static void test_listen_phrases(void **state)
{
	static const char *const keywords[] = { "stand-up", "team", "team" };
	static const char *const points[] = { "the team you led", "I am", "Your Role and the team" };
	struct arena arena;
	const char **phrases;
	size_t n;

	(void)state;
	arena_init(&arena);
	phrases = speech_listen_phrases(keywords, 3, points, 3, &arena, &n);
	assert_int_equal(n, 6);
	assert_string_equal(phrases[0], "stand-up");
	assert_string_equal(phrases[1], "team");
	assert_string_equal(phrases[2], "led");
	assert_string_equal(phrases[3], "i");		/* a point of stop words alone: all its words */
	assert_string_equal(phrases[4], "am");
	assert_string_equal(phrases[5], "role");
	assert_null(speech_listen_phrases(NULL, 0, NULL, 0, &arena, &n));
	assert_int_equal(n, 0);
	arena_release(&arena);
}

/* ------------------------------------------------------------------------------------------------
 * Bands
 */

static void test_bands(void **state)
{
	(void)state;
	assert_int_equal(speech_pace_band(0), SPEECH_LOW);
	assert_int_equal(speech_pace_band(129.9), SPEECH_LOW);
	assert_int_equal(speech_pace_band(130), SPEECH_GOOD);
	assert_int_equal(speech_pace_band(170), SPEECH_GOOD);
	assert_int_equal(speech_pace_band(170.1), SPEECH_HIGH);
	assert_int_equal(speech_pace_band(NAN), SPEECH_LOW);
	assert_int_equal(speech_fillers_band(0), SPEECH_GOOD);
	assert_int_equal(speech_fillers_band(1.99), SPEECH_GOOD);
	assert_int_equal(speech_fillers_band(2.0), SPEECH_HIGH);
	assert_int_equal(speech_fillers_band(9), SPEECH_HIGH);
	assert_int_equal(speech_length_band(0), SPEECH_LOW);
	assert_int_equal(speech_length_band(59999), SPEECH_LOW);
	assert_int_equal(speech_length_band(60000), SPEECH_GOOD);
	assert_int_equal(speech_length_band(120000), SPEECH_GOOD);
	assert_int_equal(speech_length_band(120001), SPEECH_HIGH);
}

static void test_per_minute(void **state)
{
	(void)state;
	assert_float_equal(speech_per_minute(6, 120000), 3.0, 1e-9);
	assert_float_equal(speech_per_minute(1, 30000), 2.0, 1e-9);
	assert_float_equal(speech_per_minute(3, 90000), 2.0, 1e-9);
	assert_float_equal(speech_per_minute(0, 60000), 0.0, 1e-9);
	assert_float_equal(speech_per_minute(5, 0), 0.0, 1e-9);
	assert_float_equal(speech_per_minute(5, -1000), 0.0, 1e-9);
	assert_int_equal(speech_fillers_band(speech_per_minute(3, 90000)), SPEECH_HIGH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stems),
		cmocka_unit_test(test_bundled_lists),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_load_errors_name_the_file),
		cmocka_unit_test(test_load_accepts),
		cmocka_unit_test(test_filler_heavy_and_clean),
		cmocka_unit_test(test_exclusions),
		cmocka_unit_test(test_longest_match),
		cmocka_unit_test(test_repeats),
		cmocka_unit_test(test_recogniser_marks),
		cmocka_unit_test(test_keywords),
		cmocka_unit_test(test_points),
		cmocka_unit_test(test_spotted_coverage),
		cmocka_unit_test(test_listen_phrases),
		cmocka_unit_test(test_bands),
		cmocka_unit_test(test_per_minute),
	};
	return cmocka_run_group_tests(tests, load_lists, free_lists);
}
