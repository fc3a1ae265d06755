/* bank: question banks and themes loaded from YAML, validated with FILE:LINE:COLUMN diagnostics.
 * libyaml is read in src/bank/ (bank-yaml.c) and, by one named exception, by the settings reader in
 * src/config/, which edits in place and so needs byte offsets. A catalog owns everything it loads (one arena). */
#ifndef REBOUND_BANK_H
#define REBOUND_BANK_H

#include <stddef.h>
#include <stdio.h>

#include "rebound/arena.h"

/* Limits that keep a hostile file from using unbounded memory or time. */
#define BANK_MAX_FILE_BYTES (64u * 1024 * 1024)
#define BANK_MAX_DEPTH 32
#define BANK_ID_MAX 64			/* characters in a question, theme, stage or bank id */
#define BANK_MAX_ERRORS_PER_FILE 100

#define BANK_THINK_SECONDS_MAX 600
#define BANK_ANSWER_SECONDS_MIN 5
#define BANK_ANSWER_SECONDS_MAX 3600

struct bank_strings {
	const char **items;
	size_t count;
};

struct bank_stage {
	const char *id, *title;
	const char *file;
	int line, column;
};

struct bank_theme {
	const char *id, *title, *description;
	const char *rubric[6];		/* rubric[1..5]; 1, 3 and 5 are required, 2 and 4 optional */
	struct bank_strings phrases, actions;
	const char *file;
	int line, column;
};

struct bank;

struct bank_question {
	const char *id, *text;
	struct bank_strings themes, stages;	/* ids, all known */
	int difficulty;				/* 1..5 */
	int think_seconds, answer_seconds;	/* resolved: the question's own or the bank's default */
	struct bank_strings talking_points, keywords, tips, follow_ups;
	const struct bank *bank;
	int line, column;
};

struct bank {
	const char *name, *title, *path;
	int version;
	int think_seconds, answer_seconds;	/* defaults */
	struct bank_question **questions;
	size_t question_count;
	int error_count;			/* errors found in its file; erroneous questions are left out */
};

enum bank_severity { BANK_ERROR, BANK_WARNING };

/* A file the catalog read, with the fingerprint the store keeps to notice changes. */
struct bank_file {
	const char *path;
	int is_themes;			/* a themes file rather than a question bank */
	long long size, mtime_ns;
	unsigned long long hash;	/* util_hash64 of the content */
	int error_count;
};

struct bank_diag {
	enum bank_severity severity;
	char *file;
	int line, column;		/* 1-based; 0 when the problem is the whole file */
	char *message;
};

struct bank_catalog;

struct bank_catalog *bank_catalog_new(void);
/* Accepts NULL. */
void bank_catalog_free(struct bank_catalog *catalog);

/*
 * Loads one file (a themes file or a question bank, told apart by its keys) into the catalog.
 * Problems become diagnostics; questions with errors are left out, the rest load.
 * Themes must be loaded before the banks that use them. Returns the number of errors found.
 */
int bank_load_file(struct bank_catalog *catalog, const char *path);
/* The same from memory; name is used in diagnostics. */
int bank_load_buffer(struct bank_catalog *catalog, const char *name, const char *data, size_t len);

/*
 * Loads a directory: themes.yaml first, then every other *.yaml and *.yml in name order, leaving out
 * files whose real path is one of skip (skip_count of them; skip may be NULL).
 * A missing directory is not an error. Returns the number of errors found.
 */
int bank_load_dir(struct bank_catalog *catalog, const char *dir, char *const *skip, int skip_count);

/* Diagnostics in the order found. */
size_t bank_diag_count(const struct bank_catalog *catalog);
const struct bank_diag *bank_diag_get(const struct bank_catalog *catalog, size_t index);
size_t bank_error_count(const struct bank_catalog *catalog);
/* Prints "FILE:LINE:COLUMN: error: message" lines, one per diagnostic from index first on. */
void bank_diag_print(const struct bank_catalog *catalog, size_t first, FILE *out);
/* Formats one diagnostic; caller frees. */
char *bank_diag_format(const struct bank_diag *diag);

size_t bank_file_count(const struct bank_catalog *catalog);
const struct bank_file *bank_file_at(const struct bank_catalog *catalog, size_t index);

size_t bank_theme_count(const struct bank_catalog *catalog);
const struct bank_theme *bank_theme_at(const struct bank_catalog *catalog, size_t index);
const struct bank_theme *bank_theme_find(const struct bank_catalog *catalog, const char *id);
size_t bank_stage_count(const struct bank_catalog *catalog);
const struct bank_stage *bank_stage_at(const struct bank_catalog *catalog, size_t index);
const struct bank_stage *bank_stage_find(const struct bank_catalog *catalog, const char *id);
size_t bank_count(const struct bank_catalog *catalog);
const struct bank *bank_at(const struct bank_catalog *catalog, size_t index);
const struct bank *bank_find(const struct bank_catalog *catalog, const char *name);
const struct bank_question *bank_question_find(const struct bank_catalog *catalog, const char *id);
size_t bank_question_total(const struct bank_catalog *catalog);
/* Every loaded question, bank by bank in load order. */
const struct bank_question *bank_question_at(const struct bank_catalog *catalog, size_t index);

/* 1 if the question trains the theme / belongs to the stage. */
int bank_question_has_theme(const struct bank_question *question, const char *theme_id);
int bank_question_has_stage(const struct bank_question *question, const char *stage_id);

/* 1 if id is lowercase letters and digits in dash-separated words ("tell-me-about-yourself"), at most
 * BANK_ID_MAX characters. */
int bank_id_valid(const char *id);

#endif
