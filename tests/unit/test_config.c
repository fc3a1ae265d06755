/* Unit tests for config: the key table, value checks, reading with file:line:column errors, and editing one
 * key while every other byte of the file stays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rebound/config.h"
#include "rebound/util.h"

static const char sample[] =
	"# my settings\n"
	"interview:\n"
	"  bank: behavioural     # a comment\n"
	"  mode: spoken\n"
	"  think_seconds: 20\n"
	"  answer_seconds: 90\n"
	"audio:\n"
	"  input: USB\n"
	"  output: default\n"
	"  rate: 48000\n"
	"speech:\n"
	"  transcripts: on\n"
	"colour: never\n";

struct fixture {
	char dir[32];
	char *path;		/* DIR/config.yaml, not yet written */
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	strcpy(f->dir, "/tmp/rebound-test-config-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->path = xasprintf("%s/config.yaml", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char *command = xasprintf("rm -rf '%s'", f->dir);
	int rc = system(command);

	free(command);
	free(f->path);
	free(f);
	return rc;
}

static void write_text(const char *path, const char *text, size_t len)
{
	FILE *file = fopen(path, "wb");

	assert_non_null(file);
	assert_int_equal(fwrite(text, 1, len, file), len);
	assert_int_equal(fclose(file), 0);
}

static void write_file(const char *path, const char *text)
{
	write_text(path, text, strlen(text));
}

/* The whole file; caller frees. */
static char *read_text(const char *path)
{
	size_t len;
	char *text = util_read_file(path, 1 << 20, &len, NULL, NULL);

	assert_non_null(text);
	return text;
}

static void assert_file_is(const char *path, const char *expected)
{
	char *text = read_text(path);

	assert_string_equal(text, expected);
	free(text);
}

static struct config *load_text(const char *path, const char *text)
{
	struct config *config = NULL;
	char *cause = NULL;

	write_file(path, text);
	if (config_load(path, &config, &cause) != 0)
		fail_msg("unexpected error: %s", cause);
	return config;
}

/* Loading a file holding text fails with "PATH:" followed by expected. */
static void assert_load_fails(const char *path, const char *text, const char *expected)
{
	struct config *config = (struct config *)1;
	char *cause = NULL, *want = xasprintf("%s:%s", path, expected);

	write_file(path, text);
	assert_int_equal(config_load(path, &config, &cause), -1);
	assert_null(config);
	assert_string_equal(cause, want);
	free(cause);
	free(want);
}

/* config_set succeeds, and the file then holds exactly expected. */
static void assert_set(const char *path, const char *name, const char *value, const char *expected)
{
	char *cause = NULL;

	if (config_set(path, name, value, &cause) != 0)
		fail_msg("unexpected error: %s", cause);
	assert_file_is(path, expected);
}

/* config_set on a file holding before fails with "PATH:" and expected (or expected alone when it has no
 * position), and the file is byte for byte as it was. */
static void assert_set_fails(const char *path, const char *before, const char *name, const char *value,
			     const char *expected, int positioned)
{
	char *cause = NULL, *want = positioned ? xasprintf("%s:%s", path, expected) : xstrdup(expected);

	write_file(path, before);
	assert_int_equal(config_set(path, name, value, &cause), -1);
	assert_string_equal(cause, want);
	assert_file_is(path, before);
	free(cause);
	free(want);
}

static void test_key_table(void **state)
{
	const struct config_key *key = config_key_find("audio.rate");
	char *text;
	(void)state;

	assert_int_equal(config_key_count(), 15);
	assert_string_equal(config_key_at(0)->name, "interview.bank");
	assert_string_equal(config_key_at(14)->name, "colour");
	assert_null(config_key_at(15));
	assert_string_equal(config_key_find("audio.end_silence")->default_value, "5");
	assert_true(config_key_find("audio.end_silence")->or_off);
	assert_string_equal(config_key_find("drill.retention")->default_value, "90");
	assert_int_equal(config_key_find("drill.retention")->min, 70);
	assert_null(config_key_find("audio"));
	assert_int_equal(key->type, CONFIG_INT);
	assert_int_equal(key->min, 8000);
	assert_int_equal(key->max, 192000);
	assert_string_equal(key->default_value, "16000");
	assert_null(config_key_find("interview.think_seconds")->default_value);
	assert_string_equal(config_key_find("audio.input")->help,
			    "the microphone: a device number or part of its name, or 'default'");
	text = config_key_describe(key);
	assert_string_equal(text, "a whole number from 8000 to 192000");
	free(text);
	text = config_key_describe(config_key_find("colour"));
	assert_string_equal(text, "auto, always or never");
	free(text);
	text = config_key_describe(config_key_find("interview.mode"));
	assert_string_equal(text, "typed or spoken");
	free(text);
	text = config_key_describe(config_key_find("interview.bank"));
	assert_string_equal(text, "text");
	free(text);
}

static void assert_check_fails(const char *name, const char *value, const char *expected)
{
	char *cause = NULL;

	assert_int_equal(config_check(name, value, &cause), -1);
	assert_string_equal(cause, expected);
	free(cause);
}

static void test_check(void **state)
{
	(void)state;
	assert_int_equal(config_check("audio.rate", "8000", NULL), 0);
	assert_int_equal(config_check("audio.rate", "192000", NULL), 0);
	assert_int_equal(config_check("interview.think_seconds", "0", NULL), 0);
	assert_int_equal(config_check("speech.transcripts", "off", NULL), 0);
	assert_int_equal(config_check("audio.input", "USB: Audio #2", NULL), 0);
	assert_int_equal(config_check("audio.end_silence", "off", NULL), 0);
	assert_int_equal(config_check("audio.end_silence", "3", NULL), 0);
	assert_check_fails("audio.end_silence", "0", "'audio.end_silence' takes a whole number from 1 to 60 or 'off', not '0'");
	assert_check_fails("audio.rate", "off", "'audio.rate' takes a whole number from 8000 to 192000, not 'off'");
	assert_check_fails("audio.rate", "fast", "'audio.rate' takes a whole number from 8000 to 192000, not 'fast'");
	assert_check_fails("audio.rate", "7999", "'audio.rate' takes a whole number from 8000 to 192000, not '7999'");
	assert_check_fails("audio.rate", "192001",
			   "'audio.rate' takes a whole number from 8000 to 192000, not '192001'");
	assert_check_fails("audio.rate", "+16000",
			   "'audio.rate' takes a whole number from 8000 to 192000, not '+16000'");
	assert_check_fails("audio.rate", "99999999999999999999",
			   "'audio.rate' takes a whole number from 8000 to 192000, not '99999999999999999999'");
	assert_check_fails("interview.answer_seconds", "0x10",
			   "'interview.answer_seconds' takes a whole number from 1 to 3600, not '0x10'");
	assert_check_fails("interview.answer_seconds", "-5",
			   "'interview.answer_seconds' takes a whole number from 1 to 3600, not '-5'");
	assert_check_fails("colour", "sometimes", "'colour' takes auto, always or never, not 'sometimes'");
	assert_check_fails("interview.mode", "Typed", "'interview.mode' takes typed or spoken, not 'Typed'");
	assert_check_fails("interview.bank", "", "'interview.bank' has no value");
	assert_check_fails("colour", NULL, "'colour' has no value");
	assert_check_fails("audio.input", "a\nb", "'audio.input' takes one line of text without control characters");
	assert_check_fails("audio.rat", "1", "no setting 'audio.rat' (did you mean 'audio.rate'?)");
	assert_check_fails("wibble", "1", "no setting 'wibble'");
}

static void test_load_nested(void **state)
{
	struct fixture *f = *state;
	struct config *config = load_text(f->path, sample);
	int line = 0, column = 0;

	assert_string_equal(config_path(config), f->path);
	assert_string_equal(config_get(config, "interview.bank"), "behavioural");
	assert_string_equal(config_get(config, "interview.mode"), "spoken");
	assert_string_equal(config_get(config, "interview.think_seconds"), "20");
	assert_string_equal(config_get(config, "interview.answer_seconds"), "90");
	assert_string_equal(config_get(config, "audio.input"), "USB");
	assert_string_equal(config_get(config, "audio.output"), "default");
	assert_string_equal(config_get(config, "audio.rate"), "48000");
	assert_string_equal(config_get(config, "speech.transcripts"), "on");
	assert_string_equal(config_get(config, "colour"), "never");
	assert_null(config_get(config, "audio"));
	assert_null(config_get(config, "nope"));
	assert_int_equal(config_where(config, "audio.rate", &line, &column), 1);
	assert_int_equal(line, 10);
	assert_int_equal(column, 9);
	assert_int_equal(config_where(config, "colour", &line, &column), 1);
	assert_int_equal(line, 13);
	assert_int_equal(column, 9);
	config_free(config);
}

static void test_load_flat_and_defaults(void **state)
{
	struct fixture *f = *state;
	struct config *config = load_text(f->path, "audio.rate: 44100\n"
					  "interview:\n"
					  "    mode: spoken\n"
					  "audio:\n"
					  "  input: \"USB: 2\"\n"
					  "interview.bank: 'core'\n");
	int line = -1, column = -1;

	assert_string_equal(config_get(config, "audio.rate"), "44100");
	assert_string_equal(config_get(config, "interview.mode"), "spoken");
	assert_string_equal(config_get(config, "audio.input"), "USB: 2");
	assert_string_equal(config_get(config, "interview.bank"), "core");
	assert_null(config_get(config, "colour"));
	assert_string_equal(config_value(config, "colour"), "auto");
	assert_string_equal(config_value(config, "audio.output"), "default");
	assert_string_equal(config_value(config, "speech.transcripts"), "on");
	assert_string_equal(config_value(config, "audio.rate"), "44100");
	assert_null(config_value(config, "interview.think_seconds"));
	assert_null(config_value(config, "nope"));
	assert_int_equal(config_where(config, "colour", &line, &column), 0);
	assert_int_equal(line, -1);
	assert_int_equal(config_where(config, "interview.bank", &line, &column), 1);
	assert_int_equal(line, 6);
	assert_int_equal(column, 17);
	config_free(config);
}

static void test_load_missing_or_empty(void **state)
{
	struct fixture *f = *state;
	struct config *config = NULL;
	char *missing = xasprintf("%s/none/config.yaml", f->dir);

	assert_int_equal(config_load(missing, &config, NULL), 0);
	assert_null(config_get(config, "colour"));
	assert_string_equal(config_value(config, "interview.mode"), "typed");
	assert_string_equal(config_value(config, "audio.rate"), "16000");
	config_free(config);
	free(missing);
	config = load_text(f->path, "");
	assert_null(config_get(config, "colour"));
	config_free(config);
	config = load_text(f->path, "# nothing set yet\n");
	assert_null(config_get(config, "colour"));
	config_free(config);
	config = load_text(f->path, "audio:\n# later\nspeech: ~\n");
	assert_null(config_get(config, "audio.rate"));
	config_free(config);
	config_free(NULL);
}

static void test_load_errors(void **state)
{
	static const struct {
		const char *text, *error;
	} cases[] = {
		{ "audio:\n  rat: 8000\n", "2:3: no setting 'audio.rat' (did you mean 'audio.rate'?)" },
		{ "colur: never\n", "1:1: no setting 'colur' (did you mean 'colour'?)" },
		{ "audi:\n  rate: 8000\n", "1:1: no setting 'audi' (did you mean 'audio'?)" },
		{ "wibble: 1\n", "1:1: no setting 'wibble'" },
		{ "audio:\n  rate: fast\n", "2:9: 'audio.rate' takes a whole number from 8000 to 192000, not 'fast'" },
		{ "audio.rate: 100\n", "1:13: 'audio.rate' takes a whole number from 8000 to 192000, not '100'" },
		{ "colour: sometimes\n", "1:9: 'colour' takes auto, always or never, not 'sometimes'" },
		{ "colour: [never]\n", "1:9: 'colour' takes one value, not a list" },
		{ "interview:\n  mode:\n    spoken: 1\n", "3:5: 'interview.mode' takes one value, not a mapping" },
		{ "interview:\n  bank:\n  mode: typed\n", "2:3: 'interview.bank' has no value" },
		{ "colour: ~\n", "1:1: 'colour' has no value" },
		{ "colour: \"\"\n", "1:9: 'colour' has no value" },
		{ "audio:\n  rate: 48000\naudio.rate: 44100\n", "3:1: 'audio.rate' is set twice (first at line 2)" },
		{ "audio:\n  rate: 48000\n  rate: 8000\n", "3:3: 'audio.rate' is set twice (first at line 2)" },
		{ "audio:\n  rate: 48000\naudio:\n  input: USB\n", "3:1: 'audio' is set twice (first at line 1)" },
		{ "audio: loud\n", "1:8: 'audio' holds settings, like 'audio.input', not a text" },
		{ "- colour\n",
		  "1:1: the settings file must be a mapping of settings (like 'colour: never'), not a list" },
		{ "never\n",
		  "1:1: the settings file must be a mapping of settings (like 'colour: never'), not a text" },
		{ "[a]: 1\n", "1:1: a setting's name must be text, not a list" },
		{ "colour: never\n---\ncolour: auto\n", "2:1: a file holds one YAML document; found a second one" },
		{ "colour: never\naudio: {rate: 8000\n",
		  "3:1: did not find expected ',' or '}' (while parsing a flow mapping at 2:8)" },
		{ "audio:\n  rate: 8000\n input: USB\n",
		  "3:2: did not find expected key (while parsing a block mapping at 1:1)" },
		{ "colour: \"never\n", "2:1: found unexpected end of stream (while scanning a quoted scalar at 1:9)" },
		{ "colour: 'n\xe9ver'\n", "1:11: invalid trailing UTF-8 octet" },
		{ "colour: \"ne\\0ver\"\n", "1:9: 'colour' cannot hold a NUL character" },
	};
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_load_fails(f->path, cases[i].text, cases[i].error);
}

static void test_load_file_errors(void **state)
{
	struct fixture *f = *state;
	struct config *config = NULL;
	size_t len = CONFIG_MAX_BYTES + 1;
	char *big = xmalloc(len), *cause = NULL, *want;

	memset(big, '#', len);
	write_text(f->path, big, len);
	assert_int_equal(config_load(f->path, &config, &cause), -1);
	want = xasprintf("'%s' is too large (65537 bytes; the limit is 65536)", f->path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(big);
	assert_int_equal(config_load(f->dir, &config, &cause), -1);
	want = xasprintf("cannot read '%s': not a regular file", f->dir);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
}

static void test_set_replaces_in_place(void **state)
{
	struct fixture *f = *state;

	write_file(f->path, sample);
	assert_set(f->path, "audio.rate", "44100",
		   "# my settings\n"
		   "interview:\n"
		   "  bank: behavioural     # a comment\n"
		   "  mode: spoken\n"
		   "  think_seconds: 20\n"
		   "  answer_seconds: 90\n"
		   "audio:\n"
		   "  input: USB\n"
		   "  output: default\n"
		   "  rate: 44100\n"
		   "speech:\n"
		   "  transcripts: on\n"
		   "colour: never\n");
	assert_set(f->path, "interview.bank", "technical",
		   "# my settings\n"
		   "interview:\n"
		   "  bank: technical     # a comment\n"
		   "  mode: spoken\n"
		   "  think_seconds: 20\n"
		   "  answer_seconds: 90\n"
		   "audio:\n"
		   "  input: USB\n"
		   "  output: default\n"
		   "  rate: 44100\n"
		   "speech:\n"
		   "  transcripts: on\n"
		   "colour: never\n");
	/* A flat dotted key, a quoted value and a block scalar are each replaced where they stand. */
	write_file(f->path, "audio.rate: 8000 # low\r\ninterview:\r\n  bank: \"a b\"\r\n");
	assert_set(f->path, "audio.rate", "16000", "audio.rate: 16000 # low\r\ninterview:\r\n  bank: \"a b\"\r\n");
	assert_set(f->path, "interview.bank", "core", "audio.rate: 16000 # low\r\ninterview:\r\n  bank: core\r\n");
	write_file(f->path, "interview:\n  bank: >-\n    core\n\n  mode: typed\n");
	assert_set(f->path, "interview.bank", "technical", "interview:\n  bank: technical\n  mode: typed\n");
	/* Inside a flow mapping a value can be replaced too. */
	write_file(f->path, "audio: {rate: 8000, input: USB}\n");
	assert_set(f->path, "audio.rate", "9000", "audio: {rate: 9000, input: USB}\n");
}

/* Marks count characters; the edit must land on the right bytes with multibyte text and a byte-order
 * mark before the key (a comment of accented letters once made 'think_seconds: 10' read '110'). */
static void test_set_after_multibyte_text(void **state)
{
	struct fixture *f = *state;

	write_file(f->path, "# R\xC3\xA9glages \xE2\x80\x94 caf\xC3\xA9 \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\n"
			    "interview:\n  think_seconds: 10\n  answer_seconds: 20\n");
	assert_set(f->path, "interview.answer_seconds", "30",
		   "# R\xC3\xA9glages \xE2\x80\x94 caf\xC3\xA9 \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\n"
		   "interview:\n  think_seconds: 10\n  answer_seconds: 30\n");
	assert_set(f->path, "audio.input", "Mikrofon (St\xC3\xA4nder)",
		   "# R\xC3\xA9glages \xE2\x80\x94 caf\xC3\xA9 \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\n"
		   "interview:\n  think_seconds: 10\n  answer_seconds: 30\naudio:\n  input: Mikrofon (St\xC3\xA4nder)\n");
	assert_set(f->path, "audio.rate", "48000",
		   "# R\xC3\xA9glages \xE2\x80\x94 caf\xC3\xA9 \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\n"
		   "interview:\n  think_seconds: 10\n  answer_seconds: 30\naudio:\n  input: Mikrofon (St\xC3\xA4nder)\n"
		   "  rate: 48000\n");
	assert_set(f->path, "interview.think_seconds", NULL,
		   "# R\xC3\xA9glages \xE2\x80\x94 caf\xC3\xA9 \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\n"
		   "interview:\n  answer_seconds: 30\naudio:\n  input: Mikrofon (St\xC3\xA4nder)\n  rate: 48000\n");
	write_file(f->path, "\xEF\xBB\xBF# \xC3\xA9\r\ncolour: never\r\n");
	assert_set(f->path, "colour", "always", "\xEF\xBB\xBF# \xC3\xA9\r\ncolour: always\r\n");
}

static void test_set_inserts_into_section(void **state)
{
	struct fixture *f = *state;
	const char *before = "audio:\n"
			     "    input: USB    # the headset\n"
			     "\n"
			     "# the end of audio\n"
			     "colour: never\n";

	write_file(f->path, before);
	assert_set(f->path, "audio.rate", "48000",
		   "audio:\n"
		   "    input: USB    # the headset\n"
		   "    rate: 48000\n"
		   "\n"
		   "# the end of audio\n"
		   "colour: never\n");
	/* The section's last value ends the file without a newline. */
	write_file(f->path, "speech:\n  transcripts: off");
	assert_set(f->path, "colour", "always", "speech:\n  transcripts: off\ncolour: always\n");
	write_file(f->path, "interview:\n  mode: typed");
	assert_set(f->path, "interview.bank", "core", "interview:\n  mode: typed\n  bank: core\n");
	/* A section with nothing under it yet. */
	write_file(f->path, "audio:   # devices\ncolour: never\n");
	assert_set(f->path, "audio.output", "2", "audio:   # devices\n  output: 2\ncolour: never\n");
	write_file(f->path, "audio: ~\n");
	assert_set(f->path, "audio.output", "2", "audio: \n  output: 2\n");
}

static void test_set_appends_section(void **state)
{
	struct fixture *f = *state;

	write_file(f->path, "colour: never  # no colour");
	assert_set(f->path, "speech.transcripts", "off", "colour: never  # no colour\nspeech:\n  transcripts: off\n");
	assert_set(f->path, "audio.rate", "8000",
		   "colour: never  # no colour\nspeech:\n  transcripts: off\naudio:\n  rate: 8000\n");
	/* A document that is only null: the setting takes its place (found by the fuzzer). */
	write_file(f->path, "NULL");
	assert_set(f->path, "audio.input", "USB", "\naudio:\n  input: USB\n");
	write_file(f->path, "~  # nothing yet\n");
	assert_set(f->path, "colour", "never", "# nothing yet\ncolour: never\n");
	write_file(f->path, "interview:\n Null\n");	/* a section's null on the next line */
	assert_set(f->path, "interview.bank", "core", "interview:\n  bank: core\n \n");
	write_file(f->path, "speech:\n  transcripts: on\rcolour: never\n");	/* a CR alone ends a line too */
	assert_set(f->path, "speech.transcripts", NULL, "colour: never\n");
	write_file(f->path, "!\t#");
	assert_set(f->path, "colour", "never", "#\ncolour: never\n");
	write_file(f->path, "# only a comment\n");
	assert_set(f->path, "colour", "auto", "# only a comment\ncolour: auto\n");
	/* A flat key of the section does not count as the section. */
	write_file(f->path, "audio.rate: 8000\n");
	assert_set(f->path, "audio.input", "USB", "audio.rate: 8000\naudio:\n  input: USB\n");
}

static void test_set_creates_file(void **state)
{
	struct fixture *f = *state;
	char *dir = xasprintf("%s/home/.config/rebound", f->dir), *path = xasprintf("%s/config.yaml", dir);
	struct stat st;

	assert_set(path, "interview.mode", "spoken", "interview:\n  mode: spoken\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	/* Removing from a missing file writes nothing. */
	assert_int_equal(config_set(f->path, "colour", NULL, NULL), 0);
	assert_int_not_equal(access(f->path, F_OK), 0);
	free(path);
	free(dir);
}

static void test_set_keeps_mode_private_and_follows_links(void **state)
{
	struct fixture *f = *state;
	char *real = xasprintf("%s/dotfiles-config.yaml", f->dir);
	struct stat st;

	write_file(real, "colour: never\n");
	assert_int_equal(chmod(real, 0644), 0);
	assert_int_equal(symlink(real, f->path), 0);
	assert_set(f->path, "colour", "always", "colour: always\n");
	assert_int_equal(lstat(f->path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(real, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(real);
}

static void test_unset_removes_lines(void **state)
{
	struct fixture *f = *state;

	write_file(f->path, sample);
	assert_set(f->path, "interview.bank", NULL,
		   "# my settings\n"
		   "interview:\n"
		   "  mode: spoken\n"
		   "  think_seconds: 20\n"
		   "  answer_seconds: 90\n"
		   "audio:\n"
		   "  input: USB\n"
		   "  output: default\n"
		   "  rate: 48000\n"
		   "speech:\n"
		   "  transcripts: on\n"
		   "colour: never\n");
	assert_set(f->path, "speech.transcripts", NULL,
		   "# my settings\n"
		   "interview:\n"
		   "  mode: spoken\n"
		   "  think_seconds: 20\n"
		   "  answer_seconds: 90\n"
		   "audio:\n"
		   "  input: USB\n"
		   "  output: default\n"
		   "  rate: 48000\n"
		   "colour: never\n");
	assert_set(f->path, "colour", NULL,
		   "# my settings\n"
		   "interview:\n"
		   "  mode: spoken\n"
		   "  think_seconds: 20\n"
		   "  answer_seconds: 90\n"
		   "audio:\n"
		   "  input: USB\n"
		   "  output: default\n"
		   "  rate: 48000\n");
	/* Not set: nothing changes. */
	assert_set(f->path, "colour", NULL,
		   "# my settings\n"
		   "interview:\n"
		   "  mode: spoken\n"
		   "  think_seconds: 20\n"
		   "  answer_seconds: 90\n"
		   "audio:\n"
		   "  input: USB\n"
		   "  output: default\n"
		   "  rate: 48000\n");
	/* A multi-line value goes whole; comments inside the emptied section stay. */
	write_file(f->path, "audio:   # devices\n  # the mic\n  input: \"USB\n    Audio\"  # long\ncolour: never");
	assert_set(f->path, "audio.input", NULL, "  # the mic\ncolour: never");
	write_file(f->path, "audio.rate: 8000");
	assert_set(f->path, "audio.rate", NULL, "");
}

static void assert_round_trip(const char *path, const char *value, const char *written)
{
	struct config *config = NULL;
	char *expected = xasprintf("audio:\n  input: %s\n", written);

	write_file(path, "audio:\n  input: USB\n");
	assert_set(path, "audio.input", value, expected);
	assert_int_equal(config_load(path, &config, NULL), 0);
	assert_string_equal(config_get(config, "audio.input"), value);
	config_free(config);
	free(expected);
}

static void test_set_quotes_when_needed(void **state)
{
	struct fixture *f = *state;

	assert_round_trip(f->path, "USB Audio (hw:1,0)", "\"USB Audio (hw:1,0)\"");
	assert_round_trip(f->path, "Blue Yeti: Mono", "\"Blue Yeti: Mono\"");
	assert_round_trip(f->path, "mic #2", "\"mic #2\"");
	assert_round_trip(f->path, "#2", "\"#2\"");
	assert_round_trip(f->path, "  padded ", "\"  padded \"");
	assert_round_trip(f->path, "say \"hi\" \\o/", "say \"hi\" \\o/");
	assert_round_trip(f->path, "'say \"hi\" \\o/'", "\"'say \\\"hi\\\" \\\\o/'\"");
	assert_round_trip(f->path, "null", "\"null\"");
	assert_round_trip(f->path, "~", "\"~\"");
	assert_round_trip(f->path, "-1", "\"-1\"");
	assert_round_trip(f->path, "Mikrofon (Ständer)", "Mikrofon (Ständer)");
	assert_round_trip(f->path, "hw:1", "hw:1");
}

static void test_set_refuses(void **state)
{
	struct fixture *f = *state;

	assert_set_fails(f->path, sample, "audio.rate", "fast",
			 "'audio.rate' takes a whole number from 8000 to 192000, not 'fast'", 0);
	assert_set_fails(f->path, sample, "audio.rat", "8000",
			 "no setting 'audio.rat' (did you mean 'audio.rate'?)", 0);
	assert_set_fails(f->path, sample, "audio.rat", NULL,
			 "no setting 'audio.rat' (did you mean 'audio.rate'?)", 0);
	assert_set_fails(f->path, sample, "interview.bank", "", "'interview.bank' has no value", 0);
	assert_set_fails(f->path, "# mine\naudio:\n  rate: 8000\n input: USB\n", "colour", "never",
			 "4:2: did not find expected key (while parsing a block mapping at 2:1)", 1);
	assert_set_fails(f->path, "colour: sometimes # mine\n", "colour", "never",
			 "1:9: 'colour' takes auto, always or never, not 'sometimes'", 1);
	assert_set_fails(f->path, "audio: {rate: 8000}\n", "audio.input", "USB",
			 "1:8: cannot edit a flow-style mapping; write it as a block", 1);
	assert_set_fails(f->path, "audio: {rate: 8000}\n", "audio.rate", NULL,
			 "1:8: cannot edit a flow-style mapping; write it as a block", 1);
	assert_set_fails(f->path, "{colour: never}\n", "audio.rate", "8000",
			 "1:1: cannot edit a flow-style mapping; write it as a block", 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_table),
		cmocka_unit_test(test_check),
		cmocka_unit_test_setup_teardown(test_load_nested, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_flat_and_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_missing_or_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_file_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_replaces_in_place, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_after_multibyte_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_inserts_into_section, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_appends_section, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_creates_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_keeps_mode_private_and_follows_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unset_removes_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_quotes_when_needed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_refuses, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
