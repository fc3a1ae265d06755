/* Unit tests for suggest: real recruiter and interviewer feedback matched against the bundled themes
 * (REBOUND_SOURCE/questions/themes.yaml), with praise, denied concerns, negations, stems, curly
 * apostrophes, capitals, hyphens and several lines, and the byte spans and phrases each match reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "rebound/arena.h"
#include "rebound/bank.h"
#include "rebound/suggest.h"
#include "rebound/util.h"

#define MAX_EXPECTED 4

/* One expected match: the theme, the catalog phrase reported, and the text its span covers. */
struct expect {
	const char *theme, *phrase, *span;
};

struct feedback {
	const char *text;
	struct expect matches[MAX_EXPECTED];	/* in text order, ended by a NULL theme */
};

/* Feedback that suggests no theme. */
#define NONE(sentence) { .text = (sentence) }

static const struct feedback table[] = {
	/* Nothing to learn from */
	NONE("We decided to go with another candidate."),
	NONE("Lovely to meet you, we'll be in touch."),

	/* Praise, and concerns denied, suggest nothing */
	NONE("Your communication was great."),
	NONE("You'd be a good fit for the team."),
	NONE("We had no concerns about your technical depth."),
	NONE("We didn't have any doubts about your motivation."),
	NONE("There were no real concerns on our side."),
	NONE("There's no doubt you have strong fundamentals."),
	NONE("Your examples were excellent and very specific."),
	NONE("Great enthusiasm and rapport with the panel."),
	NONE("Your answers were clear and well structured."),
	NONE("Your technical skills were strong."),
	NONE("Good communication skills."),
	NONE("You were very personable and warm."),
	NONE("We liked your enthusiasm."),
	NONE("Great culture fit!"),
	NONE("Your questions at the end were thoughtful."),
	NONE("Great work on the coding exercise."),

	/* Praise in one clause, criticism in the next */
	{ "Strong technical skills but your answers lacked structure.",
	  { { "structure", "lacked structure", "lacked structure" } } },
	{ "No issues with your system design, but you came across as nervous.",
	  { { "confidence", "nervous", "nervous" } } },
	{ "The panel loved your energy but felt you lacked depth in system design.",
	  { { "technical-depth", "lacked depth", "lacked depth" } } },
	{ "Overall a positive interview, though your answers were sometimes hard to follow.",
	  { { "structure", "hard to follow", "hard to follow" } } },
	{ "Your answers were clear, but a bit wordy.", { { "clarity", "wordy", "wordy" } } },
	{ "You were impressive but too junior for the role.", { { "fit", "too junior", "too junior" } } },
	{ "Your answers were rambling, however your technical skills were strong.",
	  { { "structure", "rambled", "rambling" } } },	/* the same word to suggest: the first phrase */
	{ "Your technical depth was impressive, yet your answers were too long.",
	  { { "clarity", "too long", "too long" } } },
	{ "We don't doubt your technical skills, however your answers were unstructured.",
	  { { "structure", "unstructured", "unstructured" } } },
	{ "Your answers were good but lacked metrics.", { { "examples", "no metrics", "lacked metrics" } } },
	{ "Good energy, though you could be more concise.",
	  { { "clarity", "be concise", "be more concise" } } },

	/* Scope, not a clause veto: praise and denial cancel only their own theme */
	{ "your answers tended to ramble and it was hard to follow what your specific contribution was",
	  { { "structure", "rambled", "ramble" } } },	/* "specific" praises nothing here */
	{ "You weren't nervous at all, but your answers rambled.", { { "structure", "rambled", "rambled" } } },
	{ "You weren't nervous at all, but you seemed unsure of yourself when challenged.",
	  { { "confidence", "unsure of yourself", "unsure of yourself" } } },
	NONE("You were never nervous."),
	NONE("We didn't find you arrogant in any way."),
	{ "Your examples were very specific, but your answers lacked structure.",
	  { { "structure", "lacked structure", "lacked structure" } } },
	{ "Your examples were very specific and your answers were unstructured.",
	  { { "structure", "unstructured", "unstructured" } } },	/* one clause: the flaw still counts */
	{ "Not only were your answers vague, they were unstructured too.",
	  { { "examples", "vague", "vague" }, { "structure", "unstructured", "unstructured" } } },
	{ "No doubt you know your stuff, but you rambled.", { { "structure", "rambled", "rambled" } } },
	{ "We had no concerns about your technical depth, but you came across as nervous.",
	  { { "confidence", "nervous", "nervous" } } },
	NONE("Far from rambling, your answers were tight and well shaped."),
	NONE("Nothing to work on in terms of confidence, you came across as assured."),
	{ "Nothing wrong with your enthusiasm, but you rambled.", { { "structure", "rambled", "rambled" } } },
	{ "There was no structure to your answers.", { { "structure", "lacked structure", "no structure" } } },
	{ "You were a little arrogant at times.", { { "confidence", "arrogant", "arrogant" } } },

	/* Praise that asks for more is criticism */
	{ "It would have been great to hear more concrete examples.",
	  { { "examples", "more examples", "more concrete examples" } } },
	{ "I wish you had given more specific examples.",
	  { { "examples", "more specific", "more specific" } } },

	/* Examples, however they are missed */
	{ "Your answers lacked concrete examples.",
	  { { "examples", "lacked examples", "lacked concrete examples" } } },
	{ "There were no examples given.", { { "examples", "lacked examples", "no examples" } } },
	{ "You didn't give us any examples.", { { "examples", "give examples", "give us any examples" } } },
	{ "You gave too few examples.", { { "examples", "lacked examples", "few examples" } } },
	{ "You did not quantify the impact of your work.",
	  { { "examples", "didn't quantify", "not quantify" } } },
	{ "You didn\u2019t quantify your impact.", { { "examples", "didn't quantify", "didn\u2019t quantify" } } },
	{ "You didnt quantify anything.", { { "examples", "didn't quantify", "didnt quantify" } } },
	{ "Your answers were too general and hypothetical.", { { "examples", "too general", "too general" } } },
	{ "We'd like more detail on your projects.", { { "examples", "more detail", "more detail" } } },
	{ "Please be more specific.", { { "examples", "more specific", "more specific" } } },
	{ "We'd like to see more evidence of impact.", { { "examples", "more evidence", "more evidence" } } },
	{ "Not enough examples.", { { "examples", "lacked examples", "Not enough examples" } } },
	{ "Your answers weren't specific enough.", { { "examples", "not specific", "weren't specific" } } },
	{ "Your answers were generally good, but you didn\u2019t give concrete examples.",
	  { { "examples", "lacked examples", "didn\u2019t give concrete examples" } } },

	/* Structure: stems of one word */
	{ "You rambled quite a lot.", { { "structure", "rambled", "rambled" } } },
	{ "The candidate rambles when nervous.",
	  { { "structure", "rambled", "rambles" }, { "confidence", "nervous", "nervous" } } },
	{ "There was a lot of rambling on the first question.", { { "structure", "rambled", "rambling" } } },
	{ "You rambled as well.", { { "structure", "rambled", "rambled" } } },
	{ "You tended to go off on tangents.", { { "structure", "tangent", "tangents" } } },
	{ "Try to use the STAR method to structure your answers.",
	  { { "structure", "star method", "STAR method" } } },
	{ "Your answers could be more structured.", { { "structure", "structure", "structured" } } },
	{ "Structure is something to work on.", { { "structure", "structure", "Structure" } } },
	{ "Work on structuring your answers.", { { "structure", "structure", "structuring" } } },
	{ "You were a bit \u201call over the place\u201d at times\u2026",
	  { { "structure", "all over the place", "all over the place" } } },
	{ "You jumped around between stories; also, you seemed flustered.",
	  { { "structure", "jumped around", "jumped around" }, { "confidence", "flustered", "flustered" } } },

	/* Clarity: capitals, hyphens written or not */
	{ "YOUR ANSWERS WERE LONG-WINDED AND VAGUE.",
	  { { "clarity", "long-winded", "LONG-WINDED" }, { "examples", "vague", "VAGUE" } } },
	{ "Your answers were a bit long winded.", { { "clarity", "long-winded", "long winded" } } },
	{ "You could have been more concise.", { { "clarity", "more concise", "more concise" } } },
	{ "You were not concise.", { { "clarity", "not concise", "not concise" } } },
	{ "Please be concise.", { { "clarity", "be concise", "be concise" } } },
	{ "Your answers were not clear.", { { "clarity", "not clear", "not clear" } } },
	{ "It wasn't always clear what your own part was.",
	  { { "clarity", "not clear", "wasn't always clear" } } },
	{ "Your answers could have been clearer.", { { "clarity", "clearer", "clearer" } } },
	{ "You used a lot of jargon and overcomplicated things.", { { "clarity", "jargon", "jargon" } } },
	{ "Communication skills need improvement.",
	  { { "clarity", "communication skills", "Communication skills" } } },
	{ "Work on your communication skills.",
	  { { "clarity", "communication skills", "communication skills" } } },
	{ "We felt you weren't a strong communicator.",
	  { { "clarity", "not a strong communicator", "weren't a strong communicator" } } },
	{ "You waffled and the point got lost.", { { "clarity", "waffled", "waffled" } } },

	/* Technical depth */
	{ "We felt you lacked depth in system design.",
	  { { "technical-depth", "lacked depth", "lacked depth" } } },
	{ "You couldn't explain the trade-offs of your design.",
	  { { "technical-depth", "couldn't explain", "couldn't explain" } } },
	{ "Your answer to the design question didn\u2019t cover the trade\u2011offs.",
	  { { "technical-depth", "trade-offs", "trade\u2011offs" } } },
	{ "You struggled with edge cases in the coding exercise.",
	  { { "technical-depth", "edge cases", "edge cases" } } },
	{ "Your technical skills need work.", { { "technical-depth", "technical skills", "technical skills" } } },

	/* Confidence and rapport */
	{ "You came across as quite nervous and hesitant.", { { "confidence", "nervous", "nervous" } } },
	{ "You seemed to lack confidence when challenged.",
	  { { "confidence", "lacked confidence", "lack confidence" } } },
	{ "You were a little arrogant.", { { "confidence", "arrogant", "arrogant" } } },
	{ "Be more confident in your answers.", { { "confidence", "more confident", "more confident" } } },
	{ "Your energy was low and you seemed disengaged.", { { "rapport", "disengaged", "disengaged" } } },
	{ "You didn't seem very enthusiastic about the role.",
	  { { "rapport", "not enthusiastic", "didn't seem very enthusiastic" } } },
	{ "Didn't connect with the interviewer.", { { "rapport", "didn't connect", "Didn't connect" } } },

	/* Company knowledge, fit, teamwork */
	{ "You hadn't researched the company.",
	  { { "company-knowledge", "didn't research", "hadn't researched" } } },
	{ "The main issue was that you didn't research the company.",
	  { { "company-knowledge", "didn't research", "didn't research" } } },
	{ "We're looking for someone more senior.", { { "fit", "more senior", "more senior" } } },
	{ "We went with a more experienced candidate.",
	  { { "fit", "more experienced candidate", "more experienced candidate" } } },
	{ "We went with a candidate with more experience.", { { "fit", "more experience", "more experience" } } },
	{ "You're not yet senior enough for this role.",
	  { { "fit", "not senior enough", "not yet senior enough" } } },
	{ "We didn't understand why you wanted this role.",
	  { { "fit", "why you wanted", "why you wanted" } } },
	{ "Not a culture fit.", { { "fit", "culture fit", "culture fit" } } },
	{ "We aren't sure you'd be a good fit.", { { "fit", "good fit", "good fit" } } },
	{ "We wanted to hear more about your leadership and how you handle conflict.",
	  { { "teamwork", "leadership", "leadership" } } },

	/* Closing questions: "questions" is no concern a negation can deny */
	{ "You didn\u2019t ask any questions at the end.",
	  { { "closing", "didn't ask any questions", "didn\u2019t ask any questions" } } },
	{ "You didn't have any questions for us.",
	  { { "closing", "didn't have any questions", "didn't have any questions" } } },
	{ "You had no questions for us.", { { "closing", "no questions", "no questions" } } },
	{ "You asked generic questions at the end.", { { "closing", "generic questions", "generic questions" } } },

	/* Several themes, several lines */
	{ "Honestly you were a bit arrogant and didn't research the company.",
	  { { "confidence", "arrogant", "arrogant" },
	    { "company-knowledge", "didn't research", "didn't research" } } },
	{ "Feedback from the panel:\n- Rambled on the first question\n- Didn't quantify results\n"
	  "- No questions at the end",
	  { { "structure", "rambled", "Rambled" }, { "examples", "didn't quantify", "Didn't quantify" },
	    { "closing", "no questions", "No questions" } } },
	{ "Great energy and a lovely manner.\nHowever:\nthe answers were long-winded\nand lacked examples",
	  { { "clarity", "long-winded", "long-winded" }, { "examples", "lacked examples", "lacked examples" } } },
};

/* ------------------------------------------------------------------------------------------------
 * The catalog
 */

static int load_themes(void **state)
{
	const char *source = getenv("REBOUND_SOURCE");
	struct bank_catalog *catalog;
	char *path;

	if (source == NULL) {
		print_error("REBOUND_SOURCE is not set: it must name the source tree holding questions/themes.yaml\n");
		return -1;
	}
	path = xasprintf("%s/questions/themes.yaml", source);
	catalog = bank_catalog_new();
	if (bank_load_file(catalog, path) != 0 || bank_theme_count(catalog) == 0) {
		bank_diag_print(catalog, 0, stderr);
		print_error("cannot load themes from '%s'\n", path);
		bank_catalog_free(catalog);
		free(path);
		return -1;
	}
	free(path);
	*state = catalog;
	return 0;
}

static int free_themes(void **state)
{
	bank_catalog_free(*state);
	return 0;
}

/* ------------------------------------------------------------------------------------------------
 * The table
 */

static size_t expected_count(const struct feedback *feedback)
{
	size_t n = 0;

	while (n < MAX_EXPECTED && feedback->matches[n].theme != NULL)
		n++;
	return n;
}

/* 1 if the match is the one expected, else prints why not and returns 0. */
static int check_match(const struct feedback *feedback, const struct suggest_match *match,
		       const struct expect *expect)
{
	const char *text = feedback->text, *first = strstr(text, expect->span);
	size_t span_len = strlen(expect->span);

	if (strcmp(match->theme->id, expect->theme) != 0) {
		print_error("\"%s\": theme %s, expected %s\n", text, match->theme->id, expect->theme);
		return 0;
	}
	if (strcmp(match->phrase, expect->phrase) != 0) {
		print_error("\"%s\": %s by phrase \"%s\", expected \"%s\"\n", text, expect->theme,
			    match->phrase, expect->phrase);
		return 0;
	}
	if (first == NULL) {
		print_error("\"%s\": bad test, no \"%s\" in the text\n", text, expect->span);
		return 0;
	}
	if (match->start != (size_t)(first - text) || match->end != match->start + span_len) {
		print_error("\"%s\": %s spans \"%.*s\" (%zu..%zu), expected \"%s\"\n", text, expect->theme,
			    (int)(match->end - match->start), text + match->start, match->start, match->end,
			    expect->span);
		return 0;
	}
	return 1;
}

/* 1 if the feedback suggests exactly the expected matches, else prints why not and returns 0. */
static int check_feedback(const struct bank_catalog *catalog, const struct feedback *feedback)
{
	struct suggest_match *matches;
	struct arena arena;
	size_t expected = expected_count(feedback), n, i;
	int ok = 1;

	arena_init(&arena);
	n = suggest_themes(catalog, NULL, feedback->text, &arena, &matches);
	for (i = 0; i < n && i < expected && ok; i++)
		ok = check_match(feedback, &matches[i], &feedback->matches[i]);
	if (ok && n != expected) {
		print_error("\"%s\": %zu themes suggested (%s%s), expected %zu\n", feedback->text, n,
			    n > expected ? "first extra: " : "", n > expected ? matches[expected].theme->id : "",
			    expected);
		ok = 0;
	}
	if (n == 0 && matches != NULL) {
		print_error("\"%s\": no match but a match array\n", feedback->text);
		ok = 0;
	}
	arena_release(&arena);
	return ok;
}

/* Every sentence is checked, and each one that fails is printed, before the test fails. */
static void test_feedback_table(void **state)
{
	size_t count = sizeof table / sizeof table[0], failed = 0, i;

	assert_true(count >= 40);
	for (i = 0; i < count; i++)
		failed += !check_feedback(*state, &table[i]);
	if (failed > 0)
		fail_msg("%zu of %zu feedback sentences wrong", failed, count);
}

/* ------------------------------------------------------------------------------------------------
 * Spans, order and edge cases
 */

static void test_spans_are_bytes_of_the_text(void **state)
{
	/* "didn’t" is 8 bytes: the right single quote takes 3 */
	static const char text[] = "Good.\nYou didn\u2019t give examples, and rambled.";
	struct suggest_match *matches;
	struct arena arena;

	arena_init(&arena);
	assert_int_equal(suggest_themes(*state, NULL, text, &arena, &matches), 2);
	assert_string_equal(matches[0].theme->id, "examples");
	assert_string_equal(matches[0].phrase, "lacked examples");
	assert_int_equal(matches[0].start, 10);
	assert_int_equal(matches[0].end, 32);
	assert_string_equal(matches[1].theme->id, "structure");
	assert_int_equal(matches[1].start, 38);
	assert_int_equal(matches[1].end, 45);
	assert_memory_equal(text + matches[1].start, "rambled", 7);
	assert_ptr_equal(matches[0].theme, bank_theme_find(*state, "examples"));
	arena_release(&arena);
}

static void test_one_match_per_theme_the_first(void **state)
{
	static const char text[] = "You went off on a tangent. Then you rambled, and rambled again: hard to follow.";
	struct suggest_match *matches;
	struct arena arena;

	arena_init(&arena);
	assert_int_equal(suggest_themes(*state, NULL, text, &arena, &matches), 1);
	assert_string_equal(matches[0].theme->id, "structure");
	assert_string_equal(matches[0].phrase, "tangent");
	assert_int_equal(matches[0].start, 18);
	assert_int_equal(matches[0].end, 25);
	arena_release(&arena);
}

static void test_sorted_by_first_match(void **state)
{
	/* Themes in the catalog: structure, examples, ..., closing; in the text: closing first */
	static const char text[] = "No questions for us; answers were vague and you rambled.";
	struct suggest_match *matches;
	struct arena arena;

	arena_init(&arena);
	assert_int_equal(suggest_themes(*state, NULL, text, &arena, &matches), 3);
	assert_string_equal(matches[0].theme->id, "closing");
	assert_string_equal(matches[1].theme->id, "examples");
	assert_string_equal(matches[2].theme->id, "structure");
	assert_true(matches[0].start < matches[1].start && matches[1].start < matches[2].start);
	arena_release(&arena);
}

static void test_phrase_words_must_be_near_and_in_one_clause(void **state)
{
	static const char *const none[] = {
		"There was no time for the examples.",		/* four words apart */
		"No. Examples were fine.",			/* different sentences */
		"Not much to add, examples were given.",	/* different clauses */
		"Examples: none.",				/* wrong order */
	};
	struct suggest_match *matches;
	struct arena arena;
	size_t i;

	arena_init(&arena);
	for (i = 0; i < sizeof none / sizeof none[0]; i++) {
		if (suggest_themes(*state, NULL, none[i], &arena, &matches) != 0)
			fail_msg("\"%s\": suggested %s", none[i], matches[0].theme->id);
		assert_null(matches);
	}
	arena_release(&arena);
}

static void test_empty_text(void **state)
{
	struct suggest_match *matches = (struct suggest_match *)&matches;
	struct arena arena;

	arena_init(&arena);
	assert_int_equal(suggest_themes(*state, NULL, NULL, &arena, &matches), 0);
	assert_null(matches);
	matches = (struct suggest_match *)&matches;
	assert_int_equal(suggest_themes(*state, NULL, "", &arena, &matches), 0);
	assert_null(matches);
	assert_int_equal(suggest_themes(*state, NULL, " ...\n\t-- ,;", &arena, &matches), 0);
	assert_null(matches);
	/* clause words alone, a lone quote, a cut UTF-8 sequence */
	assert_int_equal(suggest_themes(*state, NULL, "but yet however ' \u2019 \xe2\x80", &arena, &matches), 0);
	assert_int_equal(arena.total, 0);
	arena_release(&arena);
}

/* Every catalog phrase, asked for, suggests its own theme: phrases and text are cut the same way. */
static void test_every_phrase_finds_its_theme(void **state)
{
	const struct bank_catalog *catalog = *state;
	struct arena arena;
	size_t t, p, i, n;

	arena_init(&arena);
	for (t = 0; t < bank_theme_count(catalog); t++) {
		const struct bank_theme *theme = bank_theme_at(catalog, t);
		for (p = 0; p < theme->phrases.count; p++) {
			struct suggest_match *matches;
			char *text = xasprintf("We need to see %s.", theme->phrases.items[p]);
			n = suggest_themes(catalog, NULL, text, &arena, &matches);
			for (i = 0; i < n && matches[i].theme != theme; i++)
				;
			if (i == n)
				fail_msg("\"%s\" does not suggest %s", text, theme->id);
			free(text);
		}
	}
	arena_release(&arena);
}

static void test_long_text(void **state)
{
	size_t size = 200000, used = 0;
	char *text = xmalloc(size + 1);
	struct suggest_match *matches;
	struct arena arena;

	while (used + 19 + 11 <= size) {
		memcpy(text + used, "fine answer, good. ", 19);
		used += 19;
	}
	memcpy(text + used, "too junior", 10);
	text[used + 10] = '\0';
	arena_init(&arena);
	assert_int_equal(suggest_themes(*state, NULL, text, &arena, &matches), 1);
	assert_string_equal(matches[0].theme->id, "fit");
	assert_int_equal(matches[0].start, used);
	assert_int_equal(matches[0].end, used + 10);
	arena_release(&arena);
	free(text);
}

/* ------------------------------------------------------------------------------------------------
 * The corpus and the classifier
 */

static void expect_corpus_error(const struct bank_catalog *catalog, const char *text, const char *want)
{
	struct suggest_example *examples;
	struct arena arena;
	size_t count;
	char *cause = NULL;

	arena_init(&arena);
	assert_int_equal(suggest_corpus_parse(catalog, "c.txt", text, strlen(text), &arena, &examples, &count, &cause), -1);
	assert_string_equal(cause, want);
	assert_int_equal(count, 0);
	free(cause);
	arena_release(&arena);
}

static void test_corpus_errors(void **state)
{
	const char *good = "# a comment\n\nstructure,examples\tYou rambled, with no numbers.\r\n-\tWe chose another.\n";
	struct suggest_example *examples;
	struct arena arena;
	size_t count;
	char *cause = NULL;

	arena_init(&arena);
	assert_int_equal(suggest_corpus_parse(*state, "c.txt", good, strlen(good), &arena, &examples, &count, &cause), 0);
	assert_int_equal(count, 2);
	assert_string_equal(examples[0].text, "You rambled, with no numbers.");
	assert_int_equal(examples[0].themes, 3);	/* structure and examples: the catalog's first two */
	assert_int_equal(examples[1].themes, 0);
	arena_release(&arena);
	expect_corpus_error(*state, "structure You rambled.\n", "c.txt:1: no tab between the themes and the feedback");
	expect_corpus_error(*state, "# x\nstructure,nosuch\tYou rambled.\n", "c.txt:2: unknown theme 'nosuch'");
}

/* A small corpus where "impact" always means examples and "squad" teamwork. */
static const struct suggest_example corpus[] = {
	{ "We wanted to hear the impact of your work.", 2 }, { "The impact of the project was unclear.", 2 },
	{ "Tell us the impact in numbers.", 2 }, { "What was the impact for the users?", 2 },
	{ "You spoke badly of your old squad.", 1ULL << 8 }, { "Your squad seemed to carry you.", 1ULL << 8 },
	{ "The squad dynamics worried us.", 1ULL << 8 }, { "We went with another candidate.", 0 },
	{ "Thanks for your time.", 0 }, { "We enjoyed meeting you.", 0 }, { "Good luck with the search.", 0 },
};

static void test_classifier_adds_what_phrases_miss(void **state)
{
	const struct bank_catalog *catalog = *state;
	struct suggest_model *model = suggest_model_train(catalog, corpus, sizeof corpus / sizeof *corpus, NULL, 0);
	const char *text = "Thanks. We never heard the impact you had.";
	struct suggest_match *matches;
	struct arena arena;

	arena_init(&arena);
	assert_string_equal(bank_theme_at(catalog, 8)->id, "teamwork");
	assert_int_equal(suggest_themes(catalog, NULL, text, &arena, &matches), 0);
	assert_int_equal(suggest_themes(catalog, model, text, &arena, &matches), 1);
	assert_string_equal(matches[0].theme->id, "examples");
	assert_int_equal(matches[0].source, SUGGEST_CLASSIFIER);
	assert_true(matches[0].probability >= SUGGEST_THRESHOLD && matches[0].probability <= 1);
	assert_true(matches[0].word_count >= 1);
	assert_string_equal(matches[0].words[0], "impact");
	assert_int_equal(matches[0].start, 8);		/* its sentence */
	assert_int_equal(matches[0].end, strlen(text) - 1);
	/* A phrase's denial cancels the classifier's guess for the theme: "no concerns about" the impact. */
	assert_int_equal(suggest_themes(catalog, model, "We had no concerns about the impact of your work.", &arena,
					&matches), 0);
	suggest_model_free(model);
	arena_release(&arena);
}

static void test_own_corrections(void **state)
{
	const struct bank_catalog *catalog = *state;
	const struct suggest_example own[] = {
		{ "The way you spoke about your manager did not sit well.", 1ULL << 7 },	/* fit */
		{ "Your stories about the old kitchen rambled, and we loved them.", 0 },
	};
	struct suggest_model *model = suggest_model_train(catalog, corpus, sizeof corpus / sizeof *corpus, own, 2);
	struct suggest_match *matches;
	struct arena arena;
	size_t n, i;

	arena_init(&arena);
	/* Worded nearly the same: the themes chosen then, none else. */
	assert_int_equal(suggest_themes(catalog, model, "The way you spoke about your manager didn't sit well.", &arena,
					&matches), 1);
	assert_string_equal(matches[0].theme->id, "fit");
	assert_int_equal(matches[0].source, SUGGEST_OWN);
	assert_true(matches[0].probability == 0);
	/* Chosen as none: not even a phrase's theme is suggested for that wording; in other words, it is. */
	assert_int_equal(suggest_themes(catalog, model, "Your stories about the old kitchen rambled and we loved them.",
					&arena, &matches), 0);
	assert_true(suggest_themes(catalog, model, "You rambled.", &arena, &matches) >= 1);
	assert_string_equal(matches[0].theme->id, "structure");
	assert_int_equal(matches[0].source, SUGGEST_PHRASE);
	/* Other words, but those the corrections taught: learnt from them. */
	n = suggest_themes(catalog, model, "We disliked how you spoke about your manager.", &arena, &matches);
	for (i = 0; i < n && strcmp(matches[i].theme->id, "fit") != 0; i++)
		;
	assert_true(i < n);
	assert_int_equal(matches[i].source, SUGGEST_OWN);
	assert_true(matches[i].probability >= SUGGEST_THRESHOLD);
	suggest_model_free(model);
	arena_release(&arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feedback_table),
		cmocka_unit_test(test_spans_are_bytes_of_the_text),
		cmocka_unit_test(test_one_match_per_theme_the_first),
		cmocka_unit_test(test_sorted_by_first_match),
		cmocka_unit_test(test_phrase_words_must_be_near_and_in_one_clause),
		cmocka_unit_test(test_empty_text),
		cmocka_unit_test(test_every_phrase_finds_its_theme),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_corpus_errors),
		cmocka_unit_test(test_classifier_adds_what_phrases_miss),
		cmocka_unit_test(test_own_corrections),
	};
	return cmocka_run_group_tests(tests, load_themes, free_themes);
}
