/* field: from a role's words to the banks of its field (field.h). The table names the bundled banks; a
 * bank the catalog does not have is never suggested. */
#include "rebound/field.h"

#include <ctype.h>
#include <string.h>

struct field_word {
	const char *word;
	const char *bank;
};

static const struct field_word words[] = {
	{ "engineer", "software-engineering" }, { "engineers", "software-engineering" },
	{ "engineering", "software-engineering" }, { "developer", "software-engineering" },
	{ "programmer", "software-engineering" }, { "software", "software-engineering" },
	{ "swe", "software-engineering" }, { "sde", "software-engineering" }, { "backend", "software-engineering" },
	{ "frontend", "software-engineering" }, { "fullstack", "software-engineering" },
	{ "devops", "software-engineering" }, { "sre", "software-engineering" }, { "platform", "software-engineering" },
	{ "infrastructure", "software-engineering" }, { "mobile", "software-engineering" },
	{ "ios", "software-engineering" }, { "android", "software-engineering" },
	{ "architect", "software-engineering" }, { "firmware", "software-engineering" },
	{ "embedded", "software-engineering" }, { "qa", "software-engineering" }, { "tester", "software-engineering" },
	{ "web", "software-engineering" },
	{ "data", "data" }, { "analyst", "data" }, { "analytics", "data" }, { "scientist", "data" }, { "ml", "data" },
	{ "statistician", "data" }, { "bi", "data" }, { "quant", "data" }, { "quantitative", "data" },
	{ "product", "product" }, { "pm", "product" }, { "ux", "product" }, { "ui", "product" },
	{ "designer", "product" }, { "design", "product" }, { "researcher", "product" },
	{ "sales", "sales-and-support" }, { "account", "sales-and-support" }, { "customer", "sales-and-support" },
	{ "support", "sales-and-support" }, { "success", "sales-and-support" }, { "bdr", "sales-and-support" },
	{ "sdr", "sales-and-support" }, { "solutions", "sales-and-support" }, { "consultant", "sales-and-support" },
	{ "representative", "sales-and-support" }, { "rep", "sales-and-support" },
	{ "helpdesk", "sales-and-support" }, { "service", "sales-and-support" },
};

static const char *const general[] = { "behavioural", "closing" };

#define WORD_MAX 32

/* The bank the word names, or NULL ("back-end" and "full-stack" are read without the hyphen). */
static const char *bank_of(const char *word)
{
	size_t i;

	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(words[i].word, word) == 0)
			return words[i].bank;
	return NULL;
}

static size_t add(const char **out, size_t n, size_t room, const struct bank_catalog *catalog, const char *bank)
{
	size_t i;
	const struct bank *b = bank_find(catalog, bank);

	if (b == NULL || n >= room)
		return n;
	for (i = 0; i < n; i++)
		if (strcmp(out[i], b->name) == 0)
			return n;
	out[n] = b->name;
	return n + 1;
}

size_t field_suggest(const char *role, const struct bank_catalog *catalog, const char **out, size_t room)
{
	char word[WORD_MAX + 1];
	size_t n = 0, len = 0, i;
	const char *p;

	for (p = role ? role : "";; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) && c < 0x80) {
			if (len < WORD_MAX)
				word[len++] = (char)tolower(c);
			continue;
		}
		if (c == '-' && len > 0)
			continue;	/* "back-end" is "backend" */
		word[len] = '\0';
		if (len > 0 && len < WORD_MAX && bank_of(word) != NULL)
			n = add(out, n, room, catalog, bank_of(word));
		len = 0;
		if (c == '\0')
			break;
	}
	if (n == 0)
		return 0;
	for (i = 0; i < sizeof general / sizeof *general; i++)
		n = add(out, n, room, catalog, general[i]);
	return n;
}
