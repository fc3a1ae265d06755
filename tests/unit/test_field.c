/* Unit tests for field: the banks suggested from a role, on the bundled banks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "rebound/bank.h"
#include "rebound/field.h"
#include "rebound/util.h"

static struct bank_catalog *catalog;

static int load(void **state)
{
	const char *source = getenv("REBOUND_SOURCE");
	char *dir = xasprintf("%s/questions", source ? source : ".");
	(void)state;

	catalog = bank_catalog_new();
	bank_load_dir(catalog, dir, NULL, 0);
	free(dir);
	return bank_count(catalog) >= 6 ? 0 : -1;
}

static int unload(void **state)
{
	(void)state;
	bank_catalog_free(catalog);
	return 0;
}

/* The suggestion for role, comma-separated ("" for none). */
static const char *suggested(const char *role)
{
	static char text[512];
	const char *banks[FIELD_MAX_BANKS];
	size_t n = field_suggest(role, catalog, banks, FIELD_MAX_BANKS), i, used = 0;

	text[0] = '\0';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(text + used, sizeof text - used, "%s%s", i ? "," : "", banks[i]);
	return text;
}

static void test_roles(void **state)
{
	(void)state;
	assert_string_equal(suggested("Backend engineer"), "software-engineering,behavioural,closing");
	assert_string_equal(suggested("Senior Back-End Developer"), "software-engineering,behavioural,closing");
	assert_string_equal(suggested("Data engineer"), "data,software-engineering,behavioural,closing");
	assert_string_equal(suggested("data analyst"), "data,behavioural,closing");
	assert_string_equal(suggested("Product Designer"), "product,behavioural,closing");
	assert_string_equal(suggested("Account Executive (SaaS sales)"), "sales-and-support,behavioural,closing");
	assert_string_equal(suggested("Customer Success Manager"), "sales-and-support,behavioural,closing");
	/* Whole words only: an accountant is not in sales, a database is not data. */
	assert_string_equal(suggested("Accountant"), "");
	assert_string_equal(suggested("Database administrator"), "");
	/* No field named: nothing, and the caller keeps every bank. */
	assert_string_equal(suggested("Nurse"), "");
	assert_string_equal(suggested(""), "");
	assert_string_equal(suggested(NULL), "");
	/* Hostile text: long words, escapes, bytes past ASCII. */
	assert_string_equal(suggested("\x1b]8;;http://x\x07" "engineer\x1b]8;;\x07"), "software-engineering,behavioural,closing");
	assert_string_equal(suggested("ingénieur logiciel"), "");
	assert_string_equal(suggested("engineeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeer data"), "data,behavioural,closing");
}

static void test_room(void **state)
{
	const char *banks[2];
	(void)state;

	assert_int_equal(field_suggest("data engineer designer", catalog, banks, 2), 2);
	assert_string_equal(banks[0], "data");
	assert_string_equal(banks[1], "software-engineering");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_room),
	};

	return cmocka_run_group_tests(tests, load, unload);
}
