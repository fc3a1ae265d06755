/* bank-schema: part of the bank module; checks a file's YAML tree against the bank and themes
 * formats in PRODUCT.md and files what passes into the catalog. Every problem becomes a
 * FILE:LINE:COLUMN diagnostic; a broken question is left out, the rest of its bank loads. */
#include "rebound/bank.h"
#include "bank-internal.h"
#include "bank-yaml.h"
#include "rebound/term.h"
#include "rebound/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BANK_DEFAULT_THINK_SECONDS 15
#define BANK_DEFAULT_ANSWER_SECONDS 120
/* Walking the tree may follow aliases; this many node visits per node built is plenty for honest files. */
#define BANK_VISITS_PER_NODE 8
#define BANK_VISITS_MIN 4096

/* The state of loading one file. */
struct loader {
	struct bank_catalog *catalog;
	const char *file;
	int errors;
	int stopped;		/* too many errors or visits: the rest of the file is skipped */
	size_t visits, nodes;	/* node visits so far; nodes built so far */
};

static void report(struct loader *l, enum bank_severity severity, const struct bank_yaml_node *at,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void report(struct loader *l, enum bank_severity severity, const struct bank_yaml_node *at,
		   const char *fmt, ...)
{
	va_list ap;
	char *message;

	if (l->stopped)
		return;
	if (severity == BANK_ERROR && l->errors == BANK_MAX_ERRORS_PER_FILE) {
		bank_add_diag(l->catalog, BANK_ERROR, l->file, at ? at->line : 0, at ? at->column : 0,
			 xasprintf("too many errors; the rest of the file was not checked"));
		l->errors++;
		l->stopped = 1;
		return;
	}
	va_start(ap, fmt);
	message = xvasprintf(fmt, ap);
	va_end(ap);
	bank_add_diag(l->catalog, severity, l->file, at ? at->line : 0, at ? at->column : 0, message);
	if (severity == BANK_ERROR)
		l->errors++;
}

#define error_at(l, at, ...) report((l), BANK_ERROR, (at), __VA_ARGS__)
#define warning_at(l, at, ...) report((l), BANK_WARNING, (at), __VA_ARGS__)
/* ------------------------------------------------------------------------------------------------
 * Typed access to nodes
 */

/* Counts one node visit against the file's budget; 0 when the budget is spent. */
static int visit(struct loader *l, const struct bank_yaml_node *node)
{
	if (l->stopped)
		return 0;
	if (l->visits >= l->nodes * BANK_VISITS_PER_NODE + BANK_VISITS_MIN) {
		error_at(l, node, "aliases expand to too many nodes; the rest of the file was not checked");
		l->stopped = 1;
		return 0;
	}
	l->visits++;
	return 1;
}

static int is_null(const struct bank_yaml_node *node)
{
	if (node->kind != BANK_YAML_SCALAR || !node->plain)
		return 0;
	return node->length == 0 || strcmp(node->value, "~") == 0 || strcmp(node->value, "null") == 0 ||
	       strcmp(node->value, "Null") == 0 || strcmp(node->value, "NULL") == 0;
}

/* A non-empty text with no NUL byte; NULL after reporting why not. */
/* Warns about the first control character in a text (an escape code such as "\e]0;..." that a shared
 * bank could use on a terminal); rebound shows such characters instead of writing them. */
static void warn_controls(struct loader *l, const struct bank_yaml_node *node, const char *key)
{
	const unsigned char *p = (const unsigned char *)node->value, *end = p + node->length;
	char *shown;

	while (p < end) {
		size_t length = util_utf8_length(p);
		unsigned int cp = length == 2 ? (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu) :
				  length == 3 ? (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu) : *p;
		if (length != 4 && term_unsafe_char(cp)) {
			char one[5] = { 0 };
			memcpy(one, p, length ? length : 1);
			shown = term_safe_text(one);
			warning_at(l, node, "'%s' contains the control character U+%04X (shown as %s): an escape code "
					    "could change a terminal; remove it", key, cp, shown);
			free(shown);
			return;
		}
		p += length ? length : 1;
	}
}

static const char *get_text(struct loader *l, const struct bank_yaml_node *node, const char *key)
{
	if (!visit(l, node))
		return NULL;
	if (node->kind != BANK_YAML_SCALAR) {
		error_at(l, node, "'%s' must be a text, not %s", key, bank_yaml_kind_name(node));
		return NULL;
	}
	if (is_null(node) || node->length == 0) {
		error_at(l, node, "'%s' must not be empty", key);
		return NULL;
	}
	if (strlen(node->value) != node->length) {
		error_at(l, node, "'%s' contains a NUL character", key);
		return NULL;
	}
	warn_controls(l, node, key);
	/* The tree is freed after loading; what the catalog keeps is copied into its arena. */
	return arena_strndup(&l->catalog->arena, node->value, node->length);
}

/* A whole number within [min, max]; -1 after reporting why not. */
static int get_int(struct loader *l, const struct bank_yaml_node *node, const char *key, int min, int max)
{
	const char *p;
	long value = 0;

	if (!visit(l, node))
		return -1;
	if (node->kind != BANK_YAML_SCALAR) {
		error_at(l, node, "'%s' must be a whole number from %d to %d, not %s", key, min, max,
			 bank_yaml_kind_name(node));
		return -1;
	}
	p = node->value;
	if (*p == '+')
		p++;
	if (*p == '\0')
		goto bad;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || value > 1000000)
			goto bad;
		value = value * 10 + (*p - '0');
	}
	if (value < min || value > max)
		goto bad;
	return (int)value;
bad:
	error_at(l, node, "'%s' must be a whole number from %d to %d, not '%s'", key, min, max, node->value);
	return -1;
}

/* A list of texts (a single text counts as a list of one). Returns -1 after reporting a problem. */
static int get_strings(struct loader *l, const struct bank_yaml_node *node, const char *key,
		       struct bank_strings *out)
{
	const struct bank_yaml_node *const *items = (const struct bank_yaml_node *const *)&node;
	size_t count = 1, i, kept = 0;
	int rc = 0;

	out->items = NULL;
	out->count = 0;
	if (!visit(l, node))
		return -1;
	if (is_null(node))
		return 0;
	if (node->kind == BANK_YAML_MAPPING) {
		error_at(l, node, "'%s' must be a list of texts, not a mapping", key);
		return -1;
	}
	if (node->kind == BANK_YAML_SEQUENCE) {
		items = (const struct bank_yaml_node *const *)node->items;
		count = node->count;
	}
	out->items = arena_alloc(&l->catalog->arena, (count ? count : 1) * sizeof *out->items);
	for (i = 0; i < count; i++) {
		const struct bank_yaml_node *item = items[i];
		if (item != node && !visit(l, item))
			return -1;
		if (item->kind != BANK_YAML_SCALAR) {
			error_at(l, item, "each item of '%s' must be a text, not %s", key, bank_yaml_kind_name(item));
			rc = -1;
		} else if (item->length == 0 || is_null(item)) {
			error_at(l, item, "'%s' has an empty item", key);
			rc = -1;
		} else if (strlen(item->value) != item->length) {
			error_at(l, item, "an item of '%s' contains a NUL character", key);
			rc = -1;
		} else {
			warn_controls(l, item, key);
			out->items[kept++] = arena_strndup(&l->catalog->arena, item->value, item->length);
		}
	}
	out->count = kept;
	return rc;
}

/*
 * Matches a mapping's keys against the known ones: values[i] gets the node of known[i] or NULL.
 * Reports duplicate keys and non-text keys as errors and unknown keys as warnings.
 * A "<<" merge key (YAML 1.1) adds the keys of the mapping(s) it names that are not set directly.
 */
static int get_fields(struct loader *l, const struct bank_yaml_node *mapping, const char *what,
		      const char *const *known, size_t known_count, const struct bank_yaml_node **values)
{
	unsigned merged = 0;	/* bit i: values[i] came from a merge and may be overridden */
	size_t pair, i;
	int rc = 0;

	for (i = 0; i < known_count; i++)
		values[i] = NULL;
	for (pair = 0; pair + 1 < mapping->count; pair += 2) {
		const struct bank_yaml_node *key = mapping->items[pair], *value = mapping->items[pair + 1];
		if (!visit(l, key))
			return -1;
		if (key->kind != BANK_YAML_SCALAR) {
			error_at(l, key, "keys in %s must be texts, not %s", what, bank_yaml_kind_name(key));
			rc = -1;
			continue;
		}
		if (strcmp(key->value, "<<") == 0 && key->plain) {
			const struct bank_yaml_node *const *sources = &value;
			size_t source_count = 1, s, p;
			if (value->kind == BANK_YAML_SEQUENCE) {
				sources = (const struct bank_yaml_node *const *)value->items;
				source_count = value->count;
			}
			for (s = 0; s < source_count; s++) {
				const struct bank_yaml_node *source = sources[s];
				if (!visit(l, source))
					return -1;
				if (source->kind != BANK_YAML_MAPPING) {
					error_at(l, source, "a merge key '<<' must name a mapping, not %s",
						 bank_yaml_kind_name(source));
					rc = -1;
					continue;
				}
				for (p = 0; p + 1 < source->count; p += 2) {
					const struct bank_yaml_node *skey = source->items[p];
					for (i = 0; i < known_count; i++) {
						if (skey->kind == BANK_YAML_SCALAR && strcmp(skey->value, known[i]) == 0 &&
						    values[i] == NULL) {
							values[i] = source->items[p + 1];
							merged |= 1u << i;
						}
					}
				}
			}
			continue;
		}
		for (i = 0; i < known_count; i++)	/* first letters differ for most keys: test them first */
			if (key->value[0] == known[i][0] && strcmp(key->value, known[i]) == 0)
				break;
		if (i == known_count) {
			warning_at(l, key, "unknown key '%s' in %s (ignored)", key->value, what);
		} else if (values[i] != NULL && !(merged & (1u << i))) {
			error_at(l, key, "duplicate key '%s' in %s", key->value, what);
			rc = -1;
		} else {
			values[i] = value;
			merged &= ~(1u << i);
		}
	}
	return rc;
}

static int require(struct loader *l, const struct bank_yaml_node *mapping, const char *what,
		   const char *const *known, const struct bank_yaml_node **values, size_t required_count)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < required_count; i++) {
		if (values[i] == NULL) {
			error_at(l, mapping, "%s is missing required key '%s'", what, known[i]);
			rc = -1;
		}
	}
	return rc;
}

/* ------------------------------------------------------------------------------------------------
 * Themes files
 */

static const char *get_id(struct loader *l, const struct bank_yaml_node *node, const char *key, const char *what)
{
	const char *id = get_text(l, node, key);
	char clip[UTIL_CLIP_SIZE];

	if (id != NULL && strlen(id) > BANK_ID_MAX) {
		error_at(l, node, "invalid %s id '%s': %zu characters, the most is %d", what, util_clip(clip, id),
			 strlen(id), BANK_ID_MAX);
		return NULL;
	}
	if (id != NULL && !bank_id_valid(id)) {
		error_at(l, node, "invalid %s id '%s': use lowercase letters, digits and dashes (at most %d)", what,
			 util_clip(clip, id), BANK_ID_MAX);
		return NULL;
	}
	return id;
}

static void load_stage(struct loader *l, const struct bank_yaml_node *node)
{
	static const char *const known[] = { "id", "title" };
	const struct bank_yaml_node *v[2];
	struct bank_catalog *catalog = l->catalog;
	const struct bank_stage *first;
	struct bank_stage *stage;
	const char *id, *title;

	if (node->kind != BANK_YAML_MAPPING) {
		error_at(l, node, "each stage must be a mapping with 'id' and 'title', not %s", bank_yaml_kind_name(node));
		return;
	}
	if ((get_fields(l, node, "stage", known, 2, v) | require(l, node, "stage", known, v, 2)) != 0)
		return;
	id = get_id(l, v[0], "id", "stage");
	title = get_text(l, v[1], "title");
	if (id == NULL || title == NULL)
		return;
	if ((first = map_get(&catalog->stage_index, id)) != NULL) {
		error_at(l, v[0], "duplicate stage id '%s' (first defined at %s:%d:%d)", id, first->file, first->line,
			 first->column);
		return;
	}
	stage = arena_alloc(&catalog->arena, sizeof *stage);
	stage->id = id;
	stage->title = title;
	stage->file = l->file;
	stage->line = v[0]->line;
	stage->column = v[0]->column;
	xgrow(&catalog->stages, &catalog->stage_capacity, catalog->stage_count + 1, sizeof *catalog->stages);
	catalog->stages[catalog->stage_count++] = stage;
	map_put(&catalog->stage_index, id, stage);
}

static int load_rubric(struct loader *l, const struct bank_yaml_node *node, struct bank_theme *theme)
{
	static const char *const known[] = { "1", "3", "5", "2", "4" };
	static const int score[] = { 1, 3, 5, 2, 4 };
	const struct bank_yaml_node *v[5];
	int rc, i;

	if (!visit(l, node))
		return -1;
	if (node->kind != BANK_YAML_MAPPING) {
		error_at(l, node, "'rubric' must be a mapping with keys 1, 3 and 5, not %s", bank_yaml_kind_name(node));
		return -1;
	}
	rc = get_fields(l, node, "rubric", known, 5, v);
	rc |= require(l, node, "rubric", known, v, 3);
	for (i = 0; i < 5; i++) {
		char key[16];
		if (v[i] == NULL)
			continue;
		snprintf(key, sizeof key, "rubric %d", score[i]);
		theme->rubric[score[i]] = get_text(l, v[i], key);
		if (theme->rubric[score[i]] == NULL)
			rc = -1;
	}
	return rc;
}

static void load_theme(struct loader *l, const struct bank_yaml_node *node)
{
	static const char *const known[] = { "id", "title", "description", "rubric", "phrases", "actions" };
	const struct bank_yaml_node *v[6];
	struct bank_catalog *catalog = l->catalog;
	const struct bank_theme *first;
	struct bank_theme *theme;
	int rc;

	if (node->kind != BANK_YAML_MAPPING) {
		error_at(l, node, "each theme must be a mapping, not %s", bank_yaml_kind_name(node));
		return;
	}
	rc = get_fields(l, node, "theme", known, 6, v);
	if (require(l, node, "theme", known, v, 4) != 0 || rc != 0)
		return;
	theme = arena_alloc(&catalog->arena, sizeof *theme);
	theme->id = get_id(l, v[0], "id", "theme");
	theme->title = get_text(l, v[1], "title");
	theme->description = get_text(l, v[2], "description");
	rc = load_rubric(l, v[3], theme);
	if (v[4] != NULL)
		rc |= get_strings(l, v[4], "phrases", &theme->phrases);
	if (v[5] != NULL)
		rc |= get_strings(l, v[5], "actions", &theme->actions);
	if (rc != 0 || theme->id == NULL || theme->title == NULL || theme->description == NULL)
		return;
	if ((first = map_get(&catalog->theme_index, theme->id)) != NULL) {
		error_at(l, v[0], "duplicate theme id '%s' (first defined at %s:%d:%d)", theme->id, first->file,
			 first->line, first->column);
		return;
	}
	theme->file = l->file;
	theme->line = v[0]->line;
	theme->column = v[0]->column;
	xgrow(&catalog->themes, &catalog->theme_capacity, catalog->theme_count + 1, sizeof *catalog->themes);
	catalog->themes[catalog->theme_count++] = theme;
	map_put(&catalog->theme_index, theme->id, theme);
}

static void load_list(struct loader *l, const struct bank_yaml_node *node, const char *key,
		      void (*load_item)(struct loader *, const struct bank_yaml_node *))
{
	size_t i;

	if (!visit(l, node) || is_null(node))
		return;
	if (node->kind != BANK_YAML_SEQUENCE) {
		error_at(l, node, "'%s' must be a list, not %s", key, bank_yaml_kind_name(node));
		return;
	}
	for (i = 0; i < node->count && !l->stopped; i++)
		if (visit(l, node->items[i]))
			load_item(l, node->items[i]);
}

static void load_themes_file(struct loader *l, const struct bank_yaml_node *root)
{
	static const char *const known[] = { "stages", "themes" };
	const struct bank_yaml_node *v[2];

	get_fields(l, root, "a themes file", known, 2, v);
	if (v[0] != NULL)
		load_list(l, v[0], "stages", load_stage);
	if (v[1] != NULL)
		load_list(l, v[1], "themes", load_theme);
}

/* ------------------------------------------------------------------------------------------------
 * Question banks
 */

/* Resolves a list of theme or stage ids against the catalog's index. */
static int check_refs(struct loader *l, const struct bank_yaml_node *node, const struct bank_strings *ids,
		      const char *kind, const struct map *index, const char *const *all, size_t all_count)
{
	size_t i, j;
	int rc = 0;

	if (ids->count == 0) {
		error_at(l, node, "'%ss' must list at least one %s", kind, kind);
		return -1;
	}
	for (i = 0; i < ids->count; i++) {
		const struct bank_yaml_node *at = node->kind == BANK_YAML_SEQUENCE && i < node->count ?
							  node->items[i] : node;
		const char *suggestion;
		char clip[UTIL_CLIP_SIZE];
		if (map_get(index, ids->items[i]) == NULL) {
			suggestion = util_suggest(ids->items[i], all, all_count);
			util_clip(clip, ids->items[i]);
			if (suggestion != NULL)
				error_at(l, at, "unknown %s '%s' (did you mean '%s'?)", kind, clip, suggestion);
			else
				error_at(l, at, "unknown %s '%s' (see 'rebound themes' for the list)", kind, clip);
			rc = -1;
			continue;
		}
		for (j = 0; j < i; j++) {
			if (strcmp(ids->items[i], ids->items[j]) == 0) {
				error_at(l, at, "%s '%s' is listed twice", kind, ids->items[i]);
				rc = -1;
			}
		}
	}
	return rc;
}

static const char **collect_ids(struct bank_catalog *catalog, int themes, size_t *count)
{
	size_t n = themes ? catalog->theme_count : catalog->stage_count, i;
	const char **ids = xcalloc(n ? n : 1, sizeof *ids);

	for (i = 0; i < n; i++)
		ids[i] = themes ? catalog->themes[i]->id : catalog->stages[i]->id;
	*count = n;
	return ids;
}

struct bank_build {
	struct bank *bank;
	struct bank_question **questions;
	size_t count, capacity;
	const char **theme_ids, **stage_ids;
	size_t theme_id_count, stage_id_count;
	struct map local;	/* ids first seen in this file but not yet accepted */
};

static void load_question(struct loader *l, struct bank_build *build, const struct bank_yaml_node *node)
{
	static const char *const known[] = { "id", "text", "themes", "stages", "difficulty", "think_seconds",
					     "answer_seconds", "talking_points", "keywords", "tips", "follow_ups" };
	const struct bank_yaml_node *v[11];
	struct bank_catalog *catalog = l->catalog;
	struct bank_question *q;
	const struct bank_question *first;
	int errors_before = l->errors, rc;
	char what[160];

	if (node->kind != BANK_YAML_MAPPING) {
		error_at(l, node, "each question must be a mapping, not %s", bank_yaml_kind_name(node));
		return;
	}
	q = arena_alloc(&catalog->arena, sizeof *q);
	rc = get_fields(l, node, "question", known, 11, v);
	q->id = v[0] ? get_id(l, v[0], "id", "question") : NULL;
	if (q->id != NULL)
		snprintf(what, sizeof what, "question '%s'", q->id);
	else
		snprintf(what, sizeof what, "question");
	rc |= require(l, node, what, known, v, 5);
	if (rc != 0 && v[0] == NULL)
		return;
	if (q->id != NULL) {
		first = map_get(&catalog->question_index, q->id);
		if (first == NULL && (first = map_put(&build->local, q->id, q)) != NULL)
			map_put(&build->local, q->id, (void *)first);	/* the first definition stays */
		if (first != NULL)
			error_at(l, v[0], "duplicate question id '%s' (first defined at %s:%d:%d)", q->id,
				 first->bank->path, first->line, first->column);
	}
	q->bank = build->bank;
	q->line = v[0] ? v[0]->line : node->line;
	q->column = v[0] ? v[0]->column : node->column;
	if (v[1] != NULL)
		q->text = get_text(l, v[1], "text");
	if (v[2] != NULL && get_strings(l, v[2], "themes", &q->themes) == 0)
		check_refs(l, v[2], &q->themes, "theme", &catalog->theme_index, build->theme_ids,
			   build->theme_id_count);
	if (v[3] != NULL && get_strings(l, v[3], "stages", &q->stages) == 0)
		check_refs(l, v[3], &q->stages, "stage", &catalog->stage_index, build->stage_ids,
			   build->stage_id_count);
	if (v[4] != NULL)
		q->difficulty = get_int(l, v[4], "difficulty", 1, 5);
	/* -1: the bank's default, which may come later in the file; set when the bank is committed. */
	q->think_seconds = v[5] ? get_int(l, v[5], "think_seconds", 0, BANK_THINK_SECONDS_MAX) : -1;
	q->answer_seconds = v[6] ? get_int(l, v[6], "answer_seconds", BANK_ANSWER_SECONDS_MIN,
					     BANK_ANSWER_SECONDS_MAX) : -1;
	if (v[7] != NULL)
		get_strings(l, v[7], "talking_points", &q->talking_points);
	if (v[8] != NULL)
		get_strings(l, v[8], "keywords", &q->keywords);
	if (v[9] != NULL)
		get_strings(l, v[9], "tips", &q->tips);
	if (v[10] != NULL)
		get_strings(l, v[10], "follow_ups", &q->follow_ups);
	if (l->errors != errors_before || l->stopped)
		return;
	xgrow(&build->questions, &build->capacity, build->count + 1, sizeof *build->questions);
	build->questions[build->count++] = q;
}

static void load_defaults(struct loader *l, const struct bank_yaml_node *node, struct bank *bank)
{
	static const char *const known[] = { "think_seconds", "answer_seconds" };
	const struct bank_yaml_node *v[2];
	int seconds;

	if (!visit(l, node) || is_null(node))
		return;
	if (node->kind != BANK_YAML_MAPPING) {
		error_at(l, node, "'defaults' must be a mapping, not %s", bank_yaml_kind_name(node));
		return;
	}
	get_fields(l, node, "defaults", known, 2, v);
	if (v[0] != NULL && (seconds = get_int(l, v[0], "think_seconds", 0, BANK_THINK_SECONDS_MAX)) >= 0)
		bank->think_seconds = seconds;
	if (v[1] != NULL && (seconds = get_int(l, v[1], "answer_seconds", BANK_ANSWER_SECONDS_MIN,
					       BANK_ANSWER_SECONDS_MAX)) >= 0)
		bank->answer_seconds = seconds;
}

/* Accepts the questions that passed: indexes their ids and files the bank in the catalog. */
static void commit_bank(struct bank_catalog *catalog, struct bank_build *build)
{
	struct bank *bank = build->bank;
	size_t i;

	bank->questions = arena_memdup(&catalog->arena, build->questions, build->count * sizeof *build->questions);
	bank->question_count = build->count;
	xgrow(&catalog->questions, &catalog->question_capacity, catalog->question_total + build->count,
	      sizeof *catalog->questions);
	for (i = 0; i < build->count; i++) {
		struct bank_question *q = build->questions[i];
		if (q->think_seconds < 0)
			q->think_seconds = bank->think_seconds;
		if (q->answer_seconds < 0)
			q->answer_seconds = bank->answer_seconds;
		map_put(&catalog->question_index, q->id, q);
		catalog->questions[catalog->question_total++] = q;
	}
	xgrow(&catalog->banks, &catalog->bank_capacity, catalog->bank_count + 1, sizeof *catalog->banks);
	catalog->banks[catalog->bank_count++] = bank;
	map_put(&catalog->bank_index, bank->name, bank);
}

static void bank_build_init(struct bank_build *build, struct bank_catalog *catalog, const char *path)
{
	memset(build, 0, sizeof *build);
	build->bank = arena_alloc(&catalog->arena, sizeof *build->bank);
	build->bank->path = path;
	build->bank->version = 1;
	build->bank->think_seconds = BANK_DEFAULT_THINK_SECONDS;
	build->bank->answer_seconds = BANK_DEFAULT_ANSWER_SECONDS;
	build->theme_ids = collect_ids(catalog, 1, &build->theme_id_count);
	build->stage_ids = collect_ids(catalog, 0, &build->stage_id_count);
	map_init(&build->local);
}

static void bank_build_release(struct bank_build *build)
{
	free(build->questions);
	free(build->theme_ids);
	free(build->stage_ids);
	map_release(&build->local);
}

/* A file being loaded with the bank its questions go into as they stream past. */
struct file_load {
	struct loader *loader;
	struct bank_build *build;
};

static void on_question(void *data, const struct bank_yaml_node *item, size_t nodes_so_far)
{
	struct file_load *load = data;

	load->loader->nodes = nodes_so_far;
	if (visit(load->loader, item))
		load_question(load->loader, load->build, item);
}

/* The bank's own keys, once the whole file is read; streamed questions are already in build. */
static void load_bank_file(struct loader *l, const struct bank_yaml_node *root, struct bank_build *build)
{
	static const char *const known[] = { "bank", "title", "questions", "version", "defaults" };
	const struct bank_yaml_node *v[5];
	struct bank_catalog *catalog = l->catalog;
	struct bank *bank = build->bank;
	const struct bank *first;
	size_t i;

	get_fields(l, root, "a bank", known, 5, v);
	require(l, root, "the bank", known, v, 3);
	if (v[0] == NULL)
		return;
	bank->name = get_id(l, v[0], "bank", "bank");
	bank->title = v[1] ? get_text(l, v[1], "title") : NULL;
	bank->version = v[3] ? get_int(l, v[3], "version", 1, 1000000) : 1;
	if (bank->name == NULL)
		return;
	if ((first = map_get(&catalog->bank_index, bank->name)) != NULL) {
		error_at(l, v[0], "duplicate bank '%s' (first defined in %s)", bank->name, first->path);
		return;
	}
	if (v[4] != NULL)
		load_defaults(l, v[4], bank);
	/* A list that was not streamed (an alias to an anchored list) is walked here. */
	if (v[2] != NULL && visit(l, v[2]) && !is_null(v[2])) {
		if (v[2]->kind != BANK_YAML_SEQUENCE)
			error_at(l, v[2], "'questions' must be a list, not %s", bank_yaml_kind_name(v[2]));
		else
			for (i = 0; i < v[2]->count && !l->stopped; i++)
				if (visit(l, v[2]->items[i]))
					load_question(l, build, v[2]->items[i]);
	}
	bank->error_count = l->errors;
	if (bank->title != NULL)
		commit_bank(catalog, build);
}

/* ------------------------------------------------------------------------------------------------
 * Files and directories
 */
static int has_key(const struct bank_yaml_node *mapping, const char *key)
{
	size_t i;

	for (i = 0; i + 1 < mapping->count; i += 2)
		if (mapping->items[i]->kind == BANK_YAML_SCALAR && strcmp(mapping->items[i]->value, key) == 0)
			return 1;
	return 0;
}

/* Loads one file's text; *is_themes tells whether it was a themes file. Returns the errors found. */
int bank_load_text(struct bank_catalog *catalog, const char *name, const char *data, size_t len, int *is_themes)
{
	struct loader l = { catalog, arena_strdup(&catalog->arena, name), 0, 0, 0, 0 };
	struct bank_build build;
	struct file_load load = { &l, &build };
	struct bank_yaml_stream stream = { "questions", on_question, &load };
	struct bank_yaml_node *root;
	struct bank_yaml_error err;
	struct arena tree;

	arena_init(&tree);
	bank_build_init(&build, catalog, l.file);
	if (bank_yaml_parse(data, len, BANK_MAX_DEPTH, &stream, &tree, &root, &l.nodes, &err) != 0) {
		bank_add_diag(catalog, BANK_ERROR, l.file, err.line, err.column, err.message);
		l.errors++;
	} else if (root == NULL || is_null(root)) {
		error_at(&l, NULL, "empty file: expected a question bank or a themes file");
	} else if (root->kind != BANK_YAML_MAPPING) {
		error_at(&l, root, "expected a mapping with 'bank', 'title' and 'questions' (or 'stages' and 'themes'),"
			 " not %s", bank_yaml_kind_name(root));
	} else if (has_key(root, "bank")) {
		load_bank_file(&l, root, &build);
	} else if (has_key(root, "themes") || has_key(root, "stages")) {
		*is_themes = 1;
		load_themes_file(&l, root);
	} else {
		error_at(&l, root, "not a question bank or themes file: expected a 'bank' key (or 'stages' and 'themes')");
	}
	bank_build_release(&build);
	arena_release(&tree);
	return l.errors;
}
