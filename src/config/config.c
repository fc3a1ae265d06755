/* config: the settings file: the table of known keys, and a reader over libyaml's events that reports
 * file:line:column (config-edit.c edits one key in place). libyaml is read here directly, the one exception
 * to src/bank/ owning it: bank-yaml's tree keeps lines and columns, and editing in place needs each key's
 * and value's byte offsets, flow or block style, and the column of a section's keys. */
#include "config-internal.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

/* ---- The known keys ---- */

static const char *const mode_choices[] = { "typed", "spoken", NULL };
static const char *const on_off[] = { "on", "off", NULL };
static const char *const colour_choices[] = { "auto", "always", "never", NULL };
static const char *const format_choices[] = { "flac", "wav", NULL };

#define DEVICE_HELP "a device number or part of its name, or 'default'"

static const struct config_key keys[] = {
	{ .name = "interview.bank", .type = CONFIG_STRING,
	  .help = "the bank interviews ask from when --bank is not given" },
	{ .name = "interview.mode", .type = CONFIG_CHOICE, .choices = mode_choices, .default_value = "typed",
	  .help = "how answers are given: typed or spoken" },
	{ .name = "interview.think_seconds", .type = CONFIG_INT, .min = 0, .max = 600,
	  .help = "seconds to think before each answer (unset: the bank's or question's own)" },
	{ .name = "interview.answer_seconds", .type = CONFIG_INT, .min = 1, .max = 3600,
	  .help = "seconds to answer each question (unset: the bank's or question's own)" },
	{ .name = "drill.banks", .type = CONFIG_STRING,
	  .help = "the banks drills and 'due' draw from, comma-separated (unset: every bank)" },
	{ .name = "drill.new_per_day", .type = CONFIG_INT, .min = 0, .max = 200, .default_value = "8",
	  .help = "new questions a day at most" },
	{ .name = "drill.reviews_per_day", .type = CONFIG_INT, .min = 1, .max = 1000, .default_value = "20",
	  .help = "reviews a day at most; new questions pause while more than this are overdue" },
	{ .name = "drill.retention", .type = CONFIG_INT, .min = 70, .max = 99, .default_value = "90",
	  .help = "the chance of recall, in percent, at which a question comes due" },
	{ .name = "audio.input", .type = CONFIG_STRING, .default_value = "default",
	  .help = "the microphone: " DEVICE_HELP },
	{ .name = "audio.output", .type = CONFIG_STRING, .default_value = "default",
	  .help = "the speakers for replay: " DEVICE_HELP },
	{ .name = "audio.rate", .type = CONFIG_INT, .min = 8000, .max = 192000, .default_value = "16000",
	  .help = "the recording sample rate, in Hz" },
	{ .name = "audio.end_silence", .type = CONFIG_INT, .min = 1, .max = 60, .or_off = 1, .default_value = "5",
	  .help = "seconds of silence after speech that end a spoken answer ('off': only the clock does)" },
	{ .name = "audio.format", .type = CONFIG_CHOICE, .choices = format_choices, .default_value = "flac",
	  .help = "how saved answers are kept: flac (lossless, about half the size) or wav (as recorded)" },
	{ .name = "speech.transcripts", .type = CONFIG_CHOICE, .choices = on_off, .default_value = "on",
	  .help = "transcribe spoken answers (when rebound is built with pocketsphinx)" },
	{ .name = "colour", .type = CONFIG_CHOICE, .choices = colour_choices, .default_value = "auto",
	  .help = "colour in the output: auto (only on a terminal), always or never" },
};

#define KEY_COUNT (sizeof keys / sizeof keys[0])
_Static_assert(KEY_COUNT == CONFIG_KEY_COUNT, "CONFIG_KEY_COUNT is the size of the key table");

size_t config_key_count(void)
{
	return KEY_COUNT;
}

const struct config_key *config_key_at(size_t i)
{
	return i < KEY_COUNT ? &keys[i] : NULL;
}

int config_key_index(const char *name)
{
	size_t i;

	for (i = 0; i < KEY_COUNT; i++)
		if (strcmp(keys[i].name, name) == 0)
			return (int)i;
	return -1;
}

const struct config_key *config_key_find(const char *name)
{
	int i = config_key_index(name);
	return i < 0 ? NULL : &keys[i];
}

/* The length of name's section ("audio" in "audio.rate"), 0 when it has none. */
size_t config_section_length(const char *name)
{
	const char *dot = strchr(name, '.');
	return dot != NULL ? (size_t)(dot - name) : 0;
}

/* A section is known by the index of its first key: that of name[0..len), or -1. */
int config_section_index(const char *name, size_t len)
{
	size_t i;

	for (i = 0; len > 0 && i < KEY_COUNT; i++)
		if (config_section_length(keys[i].name) == len && strncmp(keys[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

/* "a, b or c" */
static char *choices_text(const char *const *choices)
{
	char *text = xstrdup(choices[0]), *longer;
	size_t i;

	for (i = 1; choices[i] != NULL; i++) {
		longer = xasprintf("%s%s%s", text, choices[i + 1] == NULL ? " or " : ", ", choices[i]);
		free(text);
		text = longer;
	}
	return text;
}

char *config_key_describe(const struct config_key *key)
{
	switch (key->type) {
	case CONFIG_INT:
		return xasprintf("a whole number from %ld to %ld%s", key->min, key->max, key->or_off ? " or 'off'" : "");
	case CONFIG_CHOICE:
		return choices_text(key->choices);
	default:
		return xstrdup("text");
	}
}

/* "no setting 'X' (did you mean 'Y'?)"; in the file, where a section may be meant, sections are suggested too. */
static char *unknown_message(const char *name, int with_sections)
{
	const char *candidates[2 * KEY_COUNT], *best;
	char *sections[KEY_COUNT], *message;
	size_t count = 0, section_count = 0, i, len;

	for (i = 0; i < KEY_COUNT; i++) {
		candidates[count++] = keys[i].name;
		len = config_section_length(keys[i].name);
		if (with_sections && config_section_index(keys[i].name, len) == (int)i)
			candidates[count++] = sections[section_count++] = xstrndup(keys[i].name, len);
	}
	best = util_suggest(name, candidates, count);
	message = best != NULL ? xasprintf("no setting '%s' (did you mean '%s'?)", name, best)
			       : xasprintf("no setting '%s'", name);
	while (section_count > 0)
		free(sections[--section_count]);
	return message;
}

/* Plain decimal digits within [min, max]. Nine digits cannot overflow a long, and no maximum is longer. */
static int number_in_range(const char *text, long min, long max)
{
	long value = 0;
	size_t i;

	for (i = 0; text[i] != '\0'; i++) {
		if (text[i] < '0' || text[i] > '9' || i >= 9)
			return 0;
		value = value * 10 + (text[i] - '0');
	}
	return i > 0 && value >= min && value <= max;
}

static int has_control(const char *text)
{
	for (; *text != '\0'; text++)
		if ((unsigned char)*text < 0x20 || *text == 0x7f)
			return 1;
	return 0;
}

/* NULL when value suits key, else why not (caller frees). */
static char *value_problem(const struct config_key *key, const char *value)
{
	char *what, *message;
	size_t i;

	if (value == NULL || *value == '\0')
		return xasprintf("'%s' has no value", key->name);
	if (key->type == CONFIG_STRING)
		return has_control(value) ? xasprintf("'%s' takes one line of text without control characters",
						       key->name) : NULL;
	if (key->type == CONFIG_INT && (number_in_range(value, key->min, key->max) ||
					 (key->or_off && strcmp(value, "off") == 0)))
		return NULL;
	for (i = 0; key->type == CONFIG_CHOICE && key->choices[i] != NULL; i++)
		if (strcmp(key->choices[i], value) == 0)
			return NULL;
	what = config_key_describe(key);
	message = xasprintf("'%s' takes %s, not '%s'", key->name, what, value);
	free(what);
	return message;
}

int config_check(const char *name, const char *value, char **cause)
{
	const struct config_key *key = config_key_find(name);
	char *problem = key != NULL ? value_problem(key, value) : unknown_message(name, 0);

	if (problem == NULL)
		return 0;
	util_fail(cause, "%s", problem);
	free(problem);
	return -1;
}

/* ---- Reading: libyaml's events to what the file sets, and where ---- */

struct parser {
	yaml_parser_t yaml;
	yaml_event_t event;		/* the current event, owned when has_event */
	int has_event;
	const char *path, *text;
	size_t len;
	size_t chars, bytes;		/* where byte_index last stopped: so many characters are so many bytes */
	struct config_layout *layout;
	char *error;
};

int config_fail_at(char **cause, const char *path, const yaml_mark_t *mark, const char *message)
{
	return util_fail(cause, "%s:%d:%d: %s", path, (int)mark->line + 1, (int)mark->column + 1, message);
}

/* Takes ownership of message. */
static int fail_at(struct parser *p, const yaml_mark_t *mark, char *message)
{
	config_fail_at(&p->error, p->path, mark, message);
	free(message);
	return -1;
}

/* libyaml's reader errors give a byte offset, not a mark: count lines and characters up to it. */
static yaml_mark_t offset_mark(const char *text, size_t len, size_t offset)
{
	yaml_mark_t mark = { .index = 0 };
	size_t back;

	/* In a cut-short sequence libyaml points past its first byte: point at the byte that starts it. */
	for (back = 1; back <= 3 && back <= offset && offset <= len; back++)
		if (((unsigned char)text[offset - back] & 0xC0) == 0xC0) {
			offset -= back;
			break;
		}
	for (; mark.index < offset && mark.index < len; mark.index++) {
		if (text[mark.index] == '\n') {
			mark.line++;
			mark.column = 0;
		} else if (((unsigned char)text[mark.index] & 0xC0) != 0x80) {
			mark.column++;
		}
	}
	return mark;
}

static int syntax_error(struct parser *p)
{
	const yaml_parser_t *y = &p->yaml;
	const char *problem = y->problem != NULL ? y->problem : "cannot parse YAML";
	yaml_mark_t mark = y->problem_mark;

	if (y->error == YAML_READER_ERROR)
		mark = offset_mark(p->text, p->len, y->problem_offset);
	if (y->context == NULL)
		return fail_at(p, &mark, xstrdup(problem));
	return fail_at(p, &mark, xasprintf("%s (%s at %d:%d)", problem, y->context,
					   (int)y->context_mark.line + 1, (int)y->context_mark.column + 1));
}

/*
 * libyaml counts a mark's index in characters (a byte-order mark not counted, CR LF as two); edits need
 * bytes. Walks the UTF-8 text from where the last call stopped (or from the start when it went back).
 */
static size_t byte_index(struct parser *p, size_t chars)
{
	if (chars < p->chars || p->bytes == 0) {
		p->chars = 0;
		p->bytes = p->len >= 3 && memcmp(p->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	}
	while (p->chars < chars && p->bytes < p->len) {
		p->bytes++;
		while (p->bytes < p->len && ((unsigned char)p->text[p->bytes] & 0xC0) == 0x80)
			p->bytes++;
		p->chars++;
	}
	return p->bytes;
}

/* The next event, with its marks' indexes in bytes. */
static int next(struct parser *p)
{
	if (p->has_event)
		yaml_event_delete(&p->event);
	p->has_event = yaml_parser_parse(&p->yaml, &p->event);
	if (!p->has_event)
		return syntax_error(p);
	p->event.start_mark.index = byte_index(p, p->event.start_mark.index);
	p->event.end_mark.index = byte_index(p, p->event.end_mark.index);
	return 0;
}

static const char *kind_name(const yaml_event_t *event)
{
	switch (event->type) {
	case YAML_SCALAR_EVENT:
		return "a text";
	case YAML_SEQUENCE_START_EVENT:
		return "a list";
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	default:
		return "an alias";
	}
}

/* YAML's null: nothing at all, ~ or null, unquoted. */
static int is_null(const yaml_event_t *event)
{
	const char *value;

	if (event->type != YAML_SCALAR_EVENT || event->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	value = (const char *)event->data.scalar.value;
	return *value == '\0' || strcmp(value, "~") == 0 || strcmp(value, "null") == 0 || strcmp(value, "Null") == 0 ||
	       strcmp(value, "NULL") == 0;
}

/* The current event is the value of key index, whose name is at key_mark. */
static int parse_setting(struct parser *p, int index, int section, const yaml_mark_t *key_mark)
{
	struct config_setting *setting = &p->layout->settings[index];
	const yaml_event_t *e = &p->event;
	const char *name = keys[index].name, *value;
	char *problem;

	if (setting->value != NULL)
		return fail_at(p, key_mark, xasprintf("'%s' is set twice (first at line %d)", name,
						      (int)setting->key_mark.line + 1));
	if (e->type != YAML_SCALAR_EVENT)
		return fail_at(p, &e->start_mark, xasprintf("'%s' takes one value, not %s", name, kind_name(e)));
	if (is_null(e))
		return fail_at(p, key_mark, xasprintf("'%s' has no value", name));
	value = (const char *)e->data.scalar.value;
	if (strlen(value) != e->data.scalar.length)
		return fail_at(p, &e->start_mark, xasprintf("'%s' cannot hold a NUL character", name));
	if ((problem = value_problem(&keys[index], value)) != NULL)
		return fail_at(p, &e->start_mark, problem);
	setting->value = xstrdup(value);
	setting->section = section;
	setting->key_mark = *key_mark;
	setting->value_start = e->start_mark;
	setting->value_end = e->end_mark;
	if (section >= 0) {
		p->layout->sections[section].settings++;
		p->layout->sections[section].last_end = e->end_mark.index;
	}
	return 0;
}

static int parse_mapping(struct parser *p, int section);

/* The current event is the value of section index's name, at key_mark. */
static int parse_section(struct parser *p, int index, const yaml_mark_t *key_mark)
{
	struct config_section *section = &p->layout->sections[index];
	const yaml_event_t *e = &p->event;
	int len = (int)config_section_length(keys[index].name);

	if (section->present)
		return fail_at(p, key_mark, xasprintf("'%.*s' is set twice (first at line %d)", len, keys[index].name,
						      (int)section->key_mark.line + 1));
	section->present = 1;
	section->key_mark = *key_mark;
	section->value_start = e->start_mark;
	section->value_end = e->end_mark;
	if (is_null(e))
		return 0;
	if (e->type != YAML_MAPPING_START_EVENT)
		return fail_at(p, &e->start_mark, xasprintf("'%.*s' holds settings, like '%s', not %s", len,
							    keys[index].name, keys[index].name, kind_name(e)));
	section->flow = e->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
	return parse_mapping(p, index);
}

/* The current event is a key of the top mapping (section -1) or of a section's. */
static int parse_entry(struct parser *p, int section)
{
	yaml_mark_t key_mark = p->event.start_mark;
	struct config_layout *layout = p->layout;
	char *name;
	int index, rc;

	if (p->event.type != YAML_SCALAR_EVENT)
		return fail_at(p, &key_mark, xasprintf("a setting's name must be text, not %s", kind_name(&p->event)));
	if (section < 0)
		name = xstrdup((const char *)p->event.data.scalar.value);
	else
		name = xasprintf("%.*s.%s", (int)config_section_length(keys[section].name), keys[section].name,
				 (const char *)p->event.data.scalar.value);
	if (section >= 0 && layout->sections[section].settings == 0)
		layout->sections[section].indent = key_mark.column;
	if (section < 0 && layout->top_keys++ == 0)
		layout->top_indent = key_mark.column;
	if (next(p) != 0)
		rc = -1;
	else if ((index = config_key_index(name)) >= 0)
		rc = parse_setting(p, index, section, &key_mark);
	else if (section < 0 && (index = config_section_index(name, strlen(name))) >= 0)
		rc = parse_section(p, index, &key_mark);
	else
		rc = fail_at(p, &key_mark, unknown_message(name, section < 0));
	free(name);
	return rc;
}

/* The current event starts a mapping; returns on its end. */
static int parse_mapping(struct parser *p, int section)
{
	for (;;) {
		if (next(p) != 0)
			return -1;
		if (p->event.type == YAML_MAPPING_END_EVENT)
			return 0;
		if (parse_entry(p, section) != 0)
			return -1;
	}
}

static int parse_stream(struct parser *p)
{
	const yaml_event_t *e = &p->event;

	if (next(p) != 0 || next(p) != 0)	/* the stream's start, then a document's or the stream's end */
		return -1;
	if (e->type == YAML_STREAM_END_EVENT)	/* an empty file, or only comments */
		return 0;
	if (next(p) != 0)			/* the document's top node */
		return -1;
	if (e->type == YAML_MAPPING_START_EVENT) {
		p->layout->top_flow = e->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
		p->layout->top_mark = e->start_mark;
		if (parse_mapping(p, -1) != 0)
			return -1;
	} else if (is_null(e)) {
		p->layout->top_null_start = e->start_mark.index;
		p->layout->top_null_end = e->end_mark.index;
	} else {
		return fail_at(p, &e->start_mark, xasprintf("the settings file must be a mapping of settings "
							    "(like 'colour: never'), not %s", kind_name(e)));
	}
	if (next(p) != 0 || next(p) != 0)	/* the document's end, then the stream's */
		return -1;
	if (e->type == YAML_DOCUMENT_START_EVENT)
		return fail_at(p, &e->start_mark, xstrdup("a file holds one YAML document; found a second one"));
	return 0;
}

void config_layout_release(struct config_layout *layout)
{
	size_t i;

	for (i = 0; i < KEY_COUNT; i++)
		free(layout->settings[i].value);
}

/* Reads text (from path, named in messages) into layout. 0, or -1 with *cause and layout empty. */
int config_parse_text(const char *path, const char *text, size_t len, struct config_layout *layout, char **cause)
{
	struct parser p = { .path = path, .text = text, .len = len, .layout = layout };
	int rc;

	memset(layout, 0, sizeof *layout);
	yaml_parser_initialize(&p.yaml);
	yaml_parser_set_input_string(&p.yaml, (const unsigned char *)text, len);
	rc = parse_stream(&p);
	if (p.has_event)
		yaml_event_delete(&p.event);
	yaml_parser_delete(&p.yaml);
	if (rc != 0) {
		config_layout_release(layout);
		memset(layout, 0, sizeof *layout);
		util_fail(cause, "%s", p.error);
		free(p.error);
	}
	return rc;
}

/* The file's text in *text (caller frees): "" with *missing set when there is no file. 0, or -1 with *cause. */
int config_read_text(const char *path, char **text, size_t *len, int *missing, char **cause)
{
	struct stat st;

	*missing = stat(path, &st) != 0 && errno == ENOENT;
	if (*missing) {
		*len = 0;
		*text = xstrdup("");
		return 0;
	}
	*text = util_read_file(path, CONFIG_MAX_BYTES, len, NULL, cause);
	return *text != NULL ? 0 : -1;
}

/* ---- The loaded settings ---- */

struct config {
	char *path;
	struct config_layout layout;
};

int config_load(const char *path, struct config **out, char **cause)
{
	struct config *config = xcalloc(1, sizeof *config);
	char *text;
	size_t len;
	int missing, rc;

	config->path = xstrdup(path);
	rc = config_read_text(path, &text, &len, &missing, cause);
	if (rc == 0) {
		rc = config_parse_text(path, text, len, &config->layout, cause);
		free(text);
	}
	if (rc != 0) {
		config_free(config);
		config = NULL;
	}
	*out = config;
	return rc;
}

void config_free(struct config *config)
{
	if (config == NULL)
		return;
	config_layout_release(&config->layout);
	free(config->path);
	free(config);
}

const char *config_path(const struct config *config)
{
	return config->path;
}

const char *config_get(const struct config *config, const char *name)
{
	int i = config_key_index(name);
	return i < 0 ? NULL : config->layout.settings[i].value;
}

const char *config_value(const struct config *config, const char *name)
{
	const char *value = config_get(config, name);
	const struct config_key *key = config_key_find(name);

	return value != NULL ? value : key != NULL ? key->default_value : NULL;
}

int config_where(const struct config *config, const char *name, int *line, int *column)
{
	int i = config_key_index(name);

	if (i < 0 || config->layout.settings[i].value == NULL)
		return 0;
	*line = (int)config->layout.settings[i].value_start.line + 1;
	*column = (int)config->layout.settings[i].value_start.column + 1;
	return 1;
}
