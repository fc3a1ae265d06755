/* Unit tests for the audio module's pure parts: the verdict on a test recording's loudest moment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "rebound/audio.h"

static void test_level_verdict(void **state)
{
	(void)state;
	assert_string_equal(audio_level_verdict(-100), "too quiet: move closer or raise the input level");
	assert_string_equal(audio_level_verdict(-30.1), "too quiet: move closer or raise the input level");
	assert_string_equal(audio_level_verdict(-30), "good");
	assert_string_equal(audio_level_verdict(-12), "good");
	assert_string_equal(audio_level_verdict(-3.1), "good");
	assert_string_equal(audio_level_verdict(-3), "loud: near clipping, lower the input level a little");
	assert_string_equal(audio_level_verdict(-0.6), "loud: near clipping, lower the input level a little");
	assert_string_equal(audio_level_verdict(-0.5), "clipping: lower the input level");
	assert_string_equal(audio_level_verdict(0), "clipping: lower the input level");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_verdict),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
