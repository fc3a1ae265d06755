/* config-edit: sets or removes one key in the settings file by splicing the file's own bytes, so that the
 * user's comments, order and quoting survive; the result is read back before it is written whole. */
#include "config-internal.h"
#include "rebound/paths.h"
#include "rebound/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

struct splice {				/* bytes [start, end) become text (owned) */
	size_t start, end;
	char *text;
};

struct edit {
	struct splice splices[2];	/* in the order they appear in the file (then the order added) */
	size_t count;
};

static void add_splice(struct edit *edit, size_t start, size_t end, char *text)
{
	size_t at = edit->count;

	/* "interview:\n  ~": the line goes in before the null value it replaces is removed */
	if (at == 1 && start < edit->splices[0].start) {
		edit->splices[1] = edit->splices[0];
		at = 0;
	}
	edit->splices[at] = (struct splice){ start, end, text };
	edit->count++;
}

/* Adds line (owned) at offset at, after a newline when it would otherwise extend the file's unfinished last line. */
static void add_line(struct edit *edit, const char *text, size_t len, size_t at, char *line)
{
	char *with_newline;

	if (at == len && len > 0 && text[len - 1] != '\n') {
		with_newline = xasprintf("\n%s", line);
		free(line);
		line = with_newline;
	}
	add_splice(edit, at, at, line);
}

/* YAML ends a line with LF, CR LF, or a CR alone. */
static int is_break(char c)
{
	return c == '\n' || c == '\r';
}

static size_t line_start(const char *text, size_t at)
{
	while (at > 0 && !is_break(text[at - 1]))
		at--;
	return at;
}

/* Past the line break that ends the line holding at; a value that ends a line (a block scalar) ends there. */
static size_t line_end(const char *text, size_t len, size_t at, int value_end)
{
	if (value_end && at > 0 && is_break(text[at - 1]))
		return at;
	while (at < len && !is_break(text[at]))
		at++;
	if (at < len && text[at] == '\r' && at + 1 < len && text[at + 1] == '\n')
		at++;
	return at < len ? at + 1 : len;
}

/* value as a scalar that reads back the same: plain when that is safe, else double-quoted. Caller frees. */
static char *quote(const char *value)
{
	size_t len = strlen(value);
	char *out, *w;

	if (!strchr("-?:,[]{}#&*!|>'\"%@` ", value[0]) && value[len - 1] != ' ' && value[len - 1] != ':' &&
	    !strpbrk(value, ",[]{}") && !strstr(value, ": ") && !strstr(value, " #") && strcmp(value, "~") != 0 &&
	    strcmp(value, "null") != 0 && strcmp(value, "Null") != 0 && strcmp(value, "NULL") != 0)
		return xstrdup(value);
	w = out = xmalloc(2 * len + 3);
	*w++ = '"';
	for (; *value != '\0'; value++) {
		if (*value == '"' || *value == '\\')
			*w++ = '\\';
		*w++ = *value;
	}
	*w++ = '"';
	*w = '\0';
	return out;
}

static int flow_error(const char *path, const yaml_mark_t *mark, char **cause)
{
	return config_fail_at(cause, path, mark, "cannot edit a flow-style mapping; write it as a block");
}

/* Replaces the value's bytes (tag and anchor included); a block scalar's newline stays. */
static int plan_replace(const char *text, const struct config_setting *setting, const char *value, struct edit *edit)
{
	size_t start = setting->value_start.index, end = setting->value_end.index;
	char *quoted = quote(value);

	add_splice(edit, start, end,
		   is_break(text[end - 1]) ? xasprintf("%s%c", quoted, text[end - 1]) : xstrdup(quoted));
	free(quoted);
	return 0;
}

/* Deletes the key's lines, and its section's line when it was the section's last key. */
static int plan_remove(const char *path, const char *text, size_t len, const struct config_layout *layout,
		       const struct config_setting *setting, struct edit *edit, char **cause)
{
	const struct config_section *section = setting->section >= 0 ? &layout->sections[setting->section] : NULL;
	size_t key = setting->key_mark.index;

	if (section != NULL ? section->flow : layout->top_flow)
		return flow_error(path, section != NULL ? &section->value_start : &layout->top_mark, cause);
	if (section != NULL && section->settings == 1)
		add_splice(edit, line_start(text, section->key_mark.index),
			   line_end(text, len, section->key_mark.index, 0), xstrdup(""));
	add_splice(edit, line_start(text, key), line_end(text, len, setting->value_end.index, 1), xstrdup(""));
	return 0;
}

/* A document that is only "~" or "null" reads as no settings; the first one added takes its place (with
 * the blanks after it, which could not start a line). */
static void drop_top_null(struct edit *edit, const char *text, size_t len, const struct config_layout *layout)
{
	size_t end = layout->top_null_end;

	if (end <= layout->top_null_start)
		return;
	while (end < len && (text[end] == ' ' || text[end] == '\t'))
		end++;
	add_splice(edit, layout->top_null_start, end, xstrdup(""));
}

/* Adds key index at the end of its section, or in a new section (or as a top-level key) at the end of the file. */
static int plan_insert(const char *path, const char *text, size_t len, const struct config_layout *layout, int index,
		       const char *value, struct edit *edit, char **cause)
{
	const char *name = config_key_at((size_t)index)->name;
	int section_len = (int)config_section_length(name), s = config_section_index(name, (size_t)section_len);
	const struct config_section *section = s >= 0 && layout->sections[s].present ? &layout->sections[s] : NULL;
	const char *leaf = name + (section_len > 0 ? section_len + 1 : 0);
	char *quoted = quote(value), *line;
	int indent = (int)layout->top_indent, rc = 0;

	if (section != NULL && section->flow) {
		rc = flow_error(path, &section->value_start, cause);
	} else if (section != NULL && section->settings > 0) {
		line = xasprintf("%*s%s: %s\n", (int)section->indent, "", leaf, quoted);
		add_line(edit, text, len, line_end(text, len, section->last_end, 1), line);
	} else if (section != NULL) {	/* "audio:" with nothing under it, or "audio: ~" */
		if (section->value_end.index > section->value_start.index)
			add_splice(edit, section->value_start.index, section->value_end.index, xstrdup(""));
		line = xasprintf("%*s%s: %s\n", (int)section->key_mark.column + 2, "", leaf, quoted);
		add_line(edit, text, len, line_end(text, len, section->key_mark.index, 0), line);
	} else if (layout->top_flow) {
		rc = flow_error(path, &layout->top_mark, cause);
	} else if (section_len > 0) {
		drop_top_null(edit, text, len, layout);
		line = xasprintf("%*s%.*s:\n%*s%s: %s\n", indent, "", section_len, name, indent + 2, "", leaf, quoted);
		add_line(edit, text, len, len, line);
	} else {
		drop_top_null(edit, text, len, layout);
		add_line(edit, text, len, len, xasprintf("%*s%s: %s\n", indent, "", name, quoted));
	}
	free(quoted);
	return rc;
}

/* text with the edit applied (caller frees), or NULL when its splices would overlap. */
static char *apply(const char *text, size_t len, const struct edit *edit, size_t *out_len)
{
	size_t total = len, at = 0, i, n;
	char *out, *w;

	if (edit->count == 2 && edit->splices[1].start < edit->splices[0].end)
		return NULL;
	for (i = 0; i < edit->count; i++)
		total += strlen(edit->splices[i].text) - (edit->splices[i].end - edit->splices[i].start);
	w = out = xmalloc(total + 1);
	for (i = 0; i < edit->count; i++) {
		memcpy(w, text + at, edit->splices[i].start - at);
		w += edit->splices[i].start - at;
		n = strlen(edit->splices[i].text);
		memcpy(w, edit->splices[i].text, n);
		w += n;
		at = edit->splices[i].end;
	}
	memcpy(w, text + at, len - at);
	out[total] = '\0';
	*out_len = total;
	return out;
}

static int same_value(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* The edited text must load, with key index reading back as value (or unset when value is NULL) and
 * every other key as it was before. */
static int verify(const char *path, const char *text, size_t len, const struct config_layout *before, int index,
		  const char *value, char **cause)
{
	struct config_layout layout;
	char *problem = NULL;
	size_t i;
	int same = 0;

	if (len <= CONFIG_MAX_BYTES && config_parse_text(path, text, len, &layout, &problem) == 0) {
		same = same_value(layout.settings[index].value, value);
		for (i = 0; i < CONFIG_KEY_COUNT; i++)
			same = same && ((int)i == index || same_value(layout.settings[i].value, before->settings[i].value));
		config_layout_release(&layout);
	}
	if (!same)
		util_fail(cause, "cannot set '%s' in '%s': the edited file would not read back as written%s%s",
			  config_key_at((size_t)index)->name, path, problem != NULL ? ": " : "", problem != NULL ? problem : "");
	free(problem);
	return same ? 0 : -1;
}

static int make_parent_dir(const char *path, char **cause)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int rc;

	if (slash == NULL || slash == path)
		return 0;
	dir = xstrndup(path, (size_t)(slash - path));
	rc = paths_make_private_dir(dir, cause);
	free(dir);
	return rc;
}

int config_edit_text(const char *path, const char *text, size_t len, int index, const char *value, char **edited,
		     size_t *edited_len, char **cause)
{
	struct config_layout layout;
	struct edit edit = { .count = 0 };
	const struct config_setting *setting;
	size_t i;
	int rc;

	*edited = NULL;
	if (config_parse_text(path, text, len, &layout, cause) != 0)
		return -1;
	setting = &layout.settings[index];
	if (setting->value != NULL && value != NULL)
		rc = plan_replace(text, setting, value, &edit);
	else if (setting->value != NULL)
		rc = plan_remove(path, text, len, &layout, setting, &edit, cause);
	else if (value != NULL)
		rc = plan_insert(path, text, len, &layout, index, value, &edit, cause);
	else
		rc = 0;		/* removing what is not there */
	if (rc == 0 && edit.count > 0) {
		if ((*edited = apply(text, len, &edit, edited_len)) == NULL)
			rc = util_fail(cause, "cannot set '%s' in '%s': its value and its section overlap; edit it by hand",
				       config_key_at((size_t)index)->name, path);
		else if ((rc = verify(path, *edited, *edited_len, &layout, index, value, cause)) != 0) {
			free(*edited);
			*edited = NULL;
		}
	}
	for (i = 0; i < edit.count; i++)
		free(edit.splices[i].text);
	config_layout_release(&layout);
	return rc;
}

/* Edits text, the file at path (or nothing, when missing), and writes it whole. */
static int edit_file(const char *path, const char *text, size_t len, int missing, int index, const char *value,
		     char **cause)
{
	char *edited;
	size_t edited_len;
	int rc = config_edit_text(path, text, len, index, value, &edited, &edited_len, cause);

	if (rc == 0 && edited != NULL && missing)
		rc = make_parent_dir(path, cause);
	if (rc == 0 && edited != NULL)	/* through a symbolic link (a dotfiles checkout), not over it */
		rc = paths_write_atomic(path, edited, edited_len, cause);
	free(edited);
	return rc;
}

/*
 * Locks the folder that holds the settings file, so that two processes setting keys at once do not each
 * write back what they read and lose the other's change. The folder, not the file, because the file is
 * replaced by each write. The descriptor to close (which unlocks), -2 when there is no folder yet and
 * nothing to remove, or -1 with *cause.
 */
static int lock_dir(const char *path, int create, char **cause)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
	int fd = -1;

	if (create && make_parent_dir(path, cause) != 0)
		goto out;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		fd = errno == ENOENT && !create ? -2 : util_fail(cause, "cannot open '%s': %s", dir, strerror(errno));
		goto out;
	}
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			util_fail(cause, "cannot lock '%s': %s", dir, strerror(errno));
			close(fd);
			fd = -1;
			break;
		}
	}
out:
	free(dir);
	return fd;
}

int config_set(const char *path, const char *name, const char *value, char **cause)
{
	int index = config_key_index(name), missing, rc, lock;
	char *text;
	size_t len;

	/* An unknown name fails here even when removing. */
	if ((index < 0 || value != NULL) && config_check(name, value, cause) != 0)
		return -1;
	if ((lock = lock_dir(path, value != NULL, cause)) == -1)
		return -1;
	rc = config_read_text(path, &text, &len, &missing, cause);
	if (rc == 0) {
		rc = edit_file(path, text, len, missing, index, value, cause);
		free(text);
	}
	if (lock >= 0)
		close(lock);
	return rc;
}
