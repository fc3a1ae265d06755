/* reject: the record behind 'reject add' and 'reject edit'. A draft is filled from the saved entry
 * (edit), then from the prompts or the flags; the themes start from what the feedback suggests and
 * the user confirms or edits them; the draft is saved in one transaction together with the drill
 * schedule entries of its themes' questions. */
#include "rebound/config.h"
#include "rebound/date.h"
#include "rebound/field.h"
#include "rebound/form.h"
#include "rebound/reject.h"
#include "rebound/suggest.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A rejection being filled in; every string lives in the arena. */
struct draft {
	struct cmd_ctx *ctx;
	const char *command;		/* "reject add" or "reject edit", for messages */
	struct arena *arena;
	struct store_rejection r;
	size_t theme_room, reflection_room;
	struct suggest_model *model;	/* made at the first suggestion */
	int model_tried;
	const char *field;		/* the banks drills draw from, confirmed at the first 'reject add' */
};

static const struct bank_catalog *catalog_of(const struct draft *d)
{
	return d->ctx->app->catalog;
}

/* Keeps a malloc'd value in the arena (NULL stays NULL) and frees it. */
static const char *keep(struct draft *d, char *value)
{
	const char *kept = value ? arena_strdup(d->arena, value) : NULL;

	free(value);
	return kept;
}

/* ------------------------------------------------------------------------------------------------
 * Checks of single values (form_check_fn and the flags)
 */

static char *check_required(void *what, char **value)
{
	return *value == NULL || **value == '\0' ? xasprintf("the %s is needed", (const char *)what) : NULL;
}

/* Accepts what cmd_parse_day does, not in the future, and rewrites it as YYYY-MM-DD. */
static char *check_date(void *arg, char **value)
{
	long today = date_today(), day;
	char text[11];

	(void)arg;
	if (*value == NULL || cmd_parse_day(*value, today, &day) != 0)
		return xasprintf("'%s' is not a date: write YYYY-MM-DD, today, yesterday or -N (days ago)",
				 *value ? *value : "");
	if (day > today)
		return xasprintf("'%s' is in the future", *value);
	date_format_day(day, text);
	free(*value);
	*value = xstrdup(text);
	return NULL;
}

static char *stage_list(const struct bank_catalog *catalog)
{
	char *list = xstrdup(""), *joined;
	size_t i;

	for (i = 0; i < bank_stage_count(catalog); i++) {
		joined = xasprintf("%s%s%s", list, i ? ", " : "", bank_stage_at(catalog, i)->id);
		free(list);
		list = joined;
	}
	return list;
}

/* An empty value is no stage; anything else must be a stage id. */
static char *check_stage(void *arg, char **value)
{
	const struct bank_catalog *catalog = arg;
	char *list, *message;

	if (*value == NULL || **value == '\0' || strcmp(*value, "none") == 0) {
		free(*value);
		*value = xstrdup("");
		return NULL;
	}
	if (bank_stage_find(catalog, *value) != NULL)
		return NULL;
	list = stage_list(catalog);
	message = xasprintf("unknown stage '%s' (stages: %s, or none)", *value, list);
	free(list);
	return message;
}

/* ------------------------------------------------------------------------------------------------
 * Themes
 */

static int has_theme(const struct draft *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->r.theme_count; i++)
		if (strcmp(d->r.themes[i].theme_id, id) == 0)
			return 1;
	return 0;
}

static void add_theme(struct draft *d, const char *id, const char *reason)
{
	if (has_theme(d, id))
		return;
	if (d->r.theme_count == d->theme_room) {
		struct store_rejection_theme *more;
		d->theme_room = d->theme_room ? d->theme_room * 2 : 16;
		more = arena_alloc(d->arena, d->theme_room * sizeof *more);
		if (d->r.theme_count > 0)
			memcpy(more, d->r.themes, d->r.theme_count * sizeof *more);
		d->r.themes = more;
	}
	d->r.themes[d->r.theme_count].theme_id = arena_strdup(d->arena, id);
	d->r.themes[d->r.theme_count++].reason = reason ? arena_strdup(d->arena, reason) : NULL;
}

static void remove_theme(struct draft *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->r.theme_count; i++)
		if (strcmp(d->r.themes[i].theme_id, id) == 0) {
			memmove(&d->r.themes[i], &d->r.themes[i + 1], (d->r.theme_count - i - 1) * sizeof d->r.themes[i]);
			d->r.theme_count--;
			return;
		}
}

#define QUOTED_MAX 60	/* bytes of a sentence quoted as a classifier's evidence */

/* The classifier, trained on the bundled corpus and on the themes the user chose for the feedback of
 * their other rejections; NULL (phrases alone, with a warning) when the corpus cannot be read. */
static struct suggest_model *model_of(struct draft *d)
{
	struct cmd_ctx *ctx = d->ctx;
	struct suggest_example *corpus = NULL, *own;
	struct store_rejection *list = NULL;
	size_t corpus_count = 0, count = 0, own_count = 0, i, t, k;
	char *cause = NULL, *path;

	if (d->model_tried)
		return d->model;
	d->model_tried = 1;
	path = xasprintf("%s/assets/feedback-corpus.txt", ctx->app->bundle_dir);
	if (suggest_corpus_read(catalog_of(d), path, d->arena, &corpus, &corpus_count, &cause) != 0 ||
	    store_rejection_list(ctx->app->store, d->arena, &list, &count, &cause) != 0) {
		fprintf(ctx->err, "rebound: warning: themes from phrases alone: %s\n", cause);
		free(cause);
		free(path);
		return NULL;
	}
	free(path);
	own = arena_alloc(d->arena, (count + 1) * sizeof *own);
	for (i = count; i-- > 0;) {	/* oldest first: the newest correction is remembered last */
		if (list[i].id == d->r.id || list[i].feedback == NULL || *list[i].feedback == '\0')
			continue;
		own[own_count].text = list[i].feedback;
		for (k = 0; k < list[i].theme_count; k++)
			for (t = 0; t < bank_theme_count(catalog_of(d)) && t < 64; t++)
				if (strcmp(bank_theme_at(catalog_of(d), t)->id, list[i].themes[k].theme_id) == 0)
					own[own_count].themes |= 1ULL << t;
		own_count++;
	}
	d->model = suggest_model_train(catalog_of(d), corpus, corpus_count, own, own_count);
	return d->model;
}

/* The feedback's sentence [start, end), cut at a word's end after QUOTED_MAX bytes. */
static char *quoted(const char *feedback, const struct suggest_match *m)
{
	size_t n = m->end - m->start;

	if (n > QUOTED_MAX) {
		for (n = QUOTED_MAX; n > 0 && feedback[m->start + n] != ' '; n--)
			;
		if (n == 0)
			n = QUOTED_MAX;
	}
	return xasprintf("\"%.*s%s\"", (int)n, feedback + m->start, n < m->end - m->start ? "..." : "");
}

/* The classifier's evidence: the words that weighed most, how sure it was, and where. */
static char *classifier_reason(const char *feedback, const struct suggest_match *m, const char *who)
{
	char *words = xstrdup(""), *where = quoted(feedback, m), *reason;
	size_t i;

	for (i = 0; i < m->word_count; i++) {
		char *more = xasprintf("%s%s\"%s\"", words, i ? ", " : "", m->words[i]);
		free(words);
		words = more;
	}
	reason = xasprintf("%s, %d%% sure%s%s, in %s", who, (int)(m->probability * 100), *words ? ": " : "", words,
			   where);
	free(words);
	free(where);
	return reason;
}

/* The reason a suggested theme is kept with, saying which kind of evidence it is: the words of the
 * feedback and the phrase they matched, the classifier's, or the user's own earlier choice. */
static char *reason_of(const char *feedback, const struct suggest_match *m)
{
	int length = (int)(m->end - m->start);

	if (m->source == SUGGEST_OWN && m->probability == 0)
		return xstrdup("your own choice before, for feedback worded like this");
	if (m->source == SUGGEST_OWN)
		return classifier_reason(feedback, m, "learnt from your corrections");
	if (m->source == SUGGEST_CLASSIFIER)
		return classifier_reason(feedback, m, "the classifier");
	if ((size_t)length == strlen(m->phrase) && strncasecmp(feedback + m->start, m->phrase, (size_t)length) == 0)
		return xasprintf("\"%.*s\"", length, feedback + m->start);
	return xasprintf("\"%.*s\" (phrase: %s)", length, feedback + m->start, m->phrase);
}

/* Replaces the draft's themes with what the feedback suggests, printing why. */
static void suggest(struct draft *d, int print)
{
	struct suggest_match *matches = NULL;
	size_t count = suggest_themes(catalog_of(d), model_of(d), d->r.feedback, d->arena, &matches), i;
	FILE *out = d->ctx->out;

	d->r.theme_count = 0;
	if (print)
		fprintf(out, count ? "Themes the feedback suggests:\n" : "Nothing in the feedback points to a theme.\n");
	for (i = 0; i < count; i++) {
		char *reason = reason_of(d->r.feedback, &matches[i]);
		add_theme(d, matches[i].theme->id, reason);
		if (print)
			fprintf(out, "  %-18s %s\n", matches[i].theme->id, reason);
		free(reason);
	}
}

/* The reason theme id had in a list, so that retyping a list keeps why each theme is there. */
static const char *old_reason(const struct store_rejection_theme *themes, size_t count, const char *id)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strcmp(themes[i].theme_id, id) == 0)
			return themes[i].reason;
	return NULL;
}

/* Applies a themes answer: ids replace the list, +id and -id edit it, "none" empties it. The words
 * may be separated by spaces or commas. NULL, or a message (caller frees) with the draft unchanged:
 * the answer is applied to a copy that replaces the draft's list only when every word was good. */
static char *apply_themes(struct draft *d, const char *text)
{
	char *copy = xstrdup(text), *word, *save = NULL, *problem = NULL, clip[UTIL_CLIP_SIZE];
	struct store_rejection_theme *old = d->r.themes;
	size_t old_count = d->r.theme_count;
	int edits = text[strspn(text, " ,\t")] == '+' || text[strspn(text, " ,\t")] == '-';

	d->r.themes = NULL;
	d->r.theme_count = d->theme_room = 0;
	for (size_t i = 0; edits && i < old_count; i++)
		add_theme(d, old[i].theme_id, old[i].reason);
	for (word = strtok_r(copy, " ,\t", &save); word && !problem; word = strtok_r(NULL, " ,\t", &save)) {
		const char *id = word + (*word == '+' || *word == '-');
		if (strcmp(word, "none") == 0 && !edits)
			continue;
		if ((*word == '+' || *word == '-') != edits)
			problem = xasprintf("mix of ids and +id/-id in '%s': give the whole list, or only changes",
					    util_clip(clip, text));
		else if (bank_theme_find(catalog_of(d), id) == NULL)
			problem = xasprintf("unknown theme '%s' (see 'themes')", util_clip(clip, id));
		else if (*word == '-')
			remove_theme(d, id);
		else
			add_theme(d, id, edits ? NULL : old_reason(old, old_count, id));
	}
	if (problem != NULL) {	/* the old list is in the arena, untouched */
		d->r.themes = old;
		d->r.theme_count = d->theme_room = old_count;
	}
	free(copy);
	return problem;
}

static char *theme_words(const struct draft *d)
{
	char *list = xstrdup(""), *joined;
	size_t i;

	for (i = 0; i < d->r.theme_count; i++) {
		joined = xasprintf("%s%s%s", list, i ? " " : "", d->r.themes[i].theme_id);
		free(list);
		list = joined;
	}
	return list;
}

static char *check_themes(void *arg, char **value)
{
	struct draft *d = arg;

	return *value != NULL && **value != '\0' ? apply_themes(d, *value) : NULL;
}

/* ------------------------------------------------------------------------------------------------
 * Reflections
 */

/* The draft's reflection on stage_id, added if missing. */
static struct store_reflection *reflection_on(struct draft *d, const char *stage_id)
{
	size_t i;

	for (i = 0; i < d->r.reflection_count; i++)
		if (strcmp(d->r.reflections[i].stage_id, stage_id) == 0)
			return &d->r.reflections[i];
	if (d->r.reflection_count == d->reflection_room) {
		struct store_reflection *more;
		d->reflection_room = d->reflection_room ? d->reflection_room * 2 : 8;
		more = arena_alloc(d->arena, d->reflection_room * sizeof *more);
		if (d->r.reflection_count > 0)
			memcpy(more, d->r.reflections, d->r.reflection_count * sizeof *more);
		d->r.reflections = more;
	}
	d->r.reflections[d->r.reflection_count].stage_id = arena_strdup(d->arena, stage_id);
	return &d->r.reflections[d->r.reflection_count++];
}

/* How many stages, in the catalog's order, the rejection reached (0 when none is known). */
static size_t stages_reached(const struct draft *d)
{
	size_t i;

	for (i = 0; d->r.stage_reached && i < bank_stage_count(catalog_of(d)); i++)
		if (strcmp(bank_stage_at(catalog_of(d), i)->id, d->r.stage_reached) == 0)
			return i + 1;
	return 0;
}

/* The two reflection questions on one stage. */
static enum form_result ask_stage_reflection(struct form *form, struct draft *d, const struct bank_stage *stage)
{
	struct store_reflection *f = reflection_on(d, stage->id);
	char *label = xasprintf("%s: what went well?", stage->title), *value = NULL;
	enum form_result result = form_line(form, label, f->went_well, NULL, NULL, &value);

	f->went_well = keep(d, value);
	free(label);
	if (result == FORM_OK) {
		label = xasprintf("%s: what would you do better?", stage->title);
		result = form_line(form, label, f->do_better, NULL, NULL, &value);
		f->do_better = keep(d, value);
		free(label);
	}
	return result;
}

/* Whether the draft holds a reflection on the stage. */
static int has_reflection(const struct draft *d, const char *stage_id)
{
	size_t i;

	for (i = 0; i < d->r.reflection_count; i++)
		if (strcmp(d->r.reflections[i].stage_id, stage_id) == 0 &&
		    (d->r.reflections[i].went_well != NULL || d->r.reflections[i].do_better != NULL))
			return 1;
	return 0;
}

/* "Reflect on the earlier stages too (Application and CV screen, Phone screen; 1 has notes)?" */
static char *earlier_question(const struct draft *d, size_t reached)
{
	char *names = xstrdup(""), *next, *question;
	size_t i, noted = 0;

	for (i = 0; i + 1 < reached; i++) {
		const struct bank_stage *stage = bank_stage_at(catalog_of(d), i);
		next = xasprintf("%s%s%s", names, i ? ", " : "", stage->title);
		free(names);
		names = next;
		noted += has_reflection(d, stage->id);
	}
	question = noted ? xasprintf("Reflect on the earlier stages too (%s; %zu with notes, which No keeps)?", names,
				     noted)
			 : xasprintf("Reflect on the earlier stages too (%s)?", names);
	free(names);
	return question;
}

/* The stage reached first, since it is what the rejection is about; then, if the user wants, the
 * stages before it, in order. One answer (Enter) skips all the earlier ones. */
static enum form_result ask_reflections(struct form *form, struct draft *d)
{
	size_t reached = stages_reached(d), i;
	enum form_result result;
	char *question;
	int yes = 0;

	if (reached == 0)
		return FORM_OK;
	fprintf(d->ctx->out, "A short reflection on the stage you reached (Enter skips, - clears):\n");
	if ((result = ask_stage_reflection(form, d, bank_stage_at(catalog_of(d), reached - 1))) != FORM_OK ||
	    reached == 1)
		return result;
	question = earlier_question(d, reached);
	result = form_confirm(form, question, &yes);
	free(question);
	for (i = 0; result == FORM_OK && yes && i + 1 < reached; i++)
		result = ask_stage_reflection(form, d, bank_stage_at(catalog_of(d), i));
	return result;
}

/* ------------------------------------------------------------------------------------------------
 * Asking
 */

/* Asks for one field into *field (keeping the current value on Enter). */
static enum form_result ask_field(struct form *form, struct draft *d, const char *label, const char **field,
				  form_check_fn check, void *arg)
{
	char *value = NULL;
	enum form_result result = form_line(form, label, *field, check, arg, &value);

	if (result == FORM_OK)
		*field = keep(d, value);
	else
		free(value);
	return result;
}

/* The banks of the field as the setting keeps them ("a,b,c", or "all"): each must be a bank. */
static char *check_banks(void *arg, char **value)
{
	const struct bank_catalog *catalog = arg;
	struct arena arena;
	const char **banks;
	size_t count, i;
	char *joined = xstrdup(""), *message = NULL;

	if (drill_every_bank(*value)) {
		free(joined);
		free(*value);
		*value = xstrdup("all");
		return NULL;
	}
	arena_init(&arena);
	banks = drill_split_banks(*value, &arena, &count);
	for (i = 0; i < count && message == NULL; i++) {
		char *next = xasprintf("%s%s%s", joined, i ? "," : "", banks[i]), clip[UTIL_CLIP_SIZE];
		free(joined);
		joined = next;
		if (bank_find(catalog, banks[i]) == NULL)
			message = xasprintf("unknown bank '%s' ('banks' lists them; 'all' for every bank)",
					    util_clip(clip, banks[i]));
	}
	if (count == 0)
		message = xstrdup("name the banks, or 'all' for every bank");
	arena_release(&arena);
	if (message != NULL) {
		free(joined);
		return message;
	}
	free(*value);
	*value = joined;
	return NULL;
}

/* At the first 'reject add' (the drill.banks setting not made yet), which banks drills draw from:
 * suggested from the role, confirmed or changed by the user, saved with the rejection. */
static enum form_result ask_banks(struct form *form, struct draft *d)
{
	const struct app *app = d->ctx->app;
	const char *banks[FIELD_MAX_BANKS];
	size_t n, i;
	char *suggestion, *value = NULL;
	enum form_result result;

	if (strcmp(d->command, "reject add") != 0 || app->config == NULL || config_get(app->config, "drill.banks"))
		return FORM_OK;
	suggestion = xstrdup("");
	n = field_suggest(d->r.role, catalog_of(d), banks, FIELD_MAX_BANKS);
	for (i = 0; i < n; i++) {
		char *next = xasprintf("%s%s%s", suggestion, i ? "," : "", banks[i]);
		free(suggestion);
		suggestion = next;
	}
	result = form_line(form, "Your field: the banks drills ask from ('all' for every bank)",
			   n > 0 ? suggestion : "all", check_banks, (void *)catalog_of(d), &value);
	free(suggestion);
	if (result == FORM_OK)
		d->field = keep(d, value);
	else
		free(value);
	return result;
}

static enum form_result ask_themes(struct form *form, struct draft *d, int feedback_changed)
{
	char *current, *value = NULL;
	enum form_result result;

	if (feedback_changed)
		suggest(d, 1);
	current = theme_words(d);
	result = form_line(form, "Themes (Enter keeps them; ids replace them, +id adds, -id removes, none clears)",
			   *current ? current : "none", check_themes, d, &value);
	free(current);
	free(value);
	return result;
}

static enum form_result ask_all(struct form *form, struct draft *d)
{
	const char *feedback = d->r.feedback;
	char day[11], *text = NULL, *stages = stage_list(catalog_of(d));
	const char *stage_label = keep(d, xasprintf("Stage reached (%s, none)", stages));
	enum form_result result;

	free(stages);
	date_format_day(date_today(), day);
	if (d->r.rejected_on == NULL)
		d->r.rejected_on = arena_strdup(d->arena, day);
	if ((result = ask_field(form, d, "Company", &d->r.company, check_required, "company")) != FORM_OK ||
	    (result = ask_field(form, d, "Role", &d->r.role, check_required, "role")) != FORM_OK ||
	    (result = ask_banks(form, d)) != FORM_OK ||
	    (result = ask_field(form, d, "Date (YYYY-MM-DD, today, yesterday, -N)", &d->r.rejected_on, check_date,
				NULL)) != FORM_OK ||
	    (result = ask_field(form, d, stage_label, &d->r.stage_reached, check_stage, (void *)catalog_of(d))) != FORM_OK ||
	    (result = ask_field(form, d, d->r.interviewer ? "Interviewer's name (- clears it)" :
				"Interviewer's name (Enter to skip)", &d->r.interviewer, NULL, NULL)) != FORM_OK)
		return result;
	if (d->r.stage_reached && *d->r.stage_reached == '\0')
		d->r.stage_reached = NULL;
	if ((result = form_text(form, "Their feedback, in their words as far as you can", feedback, &text)) == FORM_END)
		result = FORM_OK;	/* no feedback at all */
	if (result != FORM_OK) {
		free(text);
		return result;
	}
	d->r.feedback = keep(d, text);
	if ((result = ask_themes(form, d, feedback == NULL || strcmp(feedback, d->r.feedback) != 0)) != FORM_OK)
		return result;
	return ask_reflections(form, d);
}

/* ------------------------------------------------------------------------------------------------
 * Flags (for scripts)
 */

/* Sets *field from an option's text through check; reports a bad value and returns its status. */
static int flag_field(struct draft *d, const char *name, const char *text, const char **field, form_check_fn check,
		      void *arg)
{
	char *value, *problem;

	if (text == NULL)
		return 0;
	value = xstrdup(text);
	if (check != NULL && (problem = check(arg, &value)) != NULL) {
		cmd_error(d->ctx, CMD_USER_ERROR, "%s: --%s: %s", d->command, name, problem);
		free(problem);
		free(value);
		return CMD_USER_ERROR;
	}
	if (*value == '\0') {
		free(value);
		value = NULL;
	}
	*field = keep(d, value);
	return 0;
}

/* A reflection option needs the stage it is about. */
static int flag_reflection(struct draft *d, const char *name, const char *text, int went_well)
{
	struct store_reflection *f;

	if (text == NULL)
		return 0;
	if (d->r.stage_reached == NULL) {
		return cmd_error(d->ctx, CMD_USAGE_ERROR, "%s: --%s is a reflection on the stage reached: give --stage too",
				 d->command, name);
	}
	f = reflection_on(d, d->r.stage_reached);
	*(went_well ? &f->went_well : &f->do_better) = *text ? arena_strdup(d->arena, text) : NULL;
	return 0;
}

/* Fills the draft from the options; CMD_OK, or the status of the problem reported. */
static int apply_flags(struct draft *d, const char *const *v, int adding)
{
	char *problem;
	int status;

	if ((status = flag_field(d, "company", v[REJECT_COMPANY], &d->r.company, check_required, "company")) ||
	    (status = flag_field(d, "role", v[REJECT_ROLE], &d->r.role, check_required, "role")) ||
	    (status = flag_field(d, "date", v[REJECT_DATE], &d->r.rejected_on, check_date, NULL)) ||
	    (status = flag_field(d, "stage", v[REJECT_STAGE], &d->r.stage_reached, check_stage, (void *)catalog_of(d))) ||
	    (status = flag_field(d, "interviewer", v[REJECT_INTERVIEWER], &d->r.interviewer, NULL, NULL)) ||
	    (status = flag_field(d, "feedback", v[REJECT_FEEDBACK], &d->r.feedback, NULL, NULL)))
		return status;
	if (d->r.role == NULL)
		return cmd_error(d->ctx, CMD_USAGE_ERROR, "%s: --role is needed with --company", d->command);
	if (d->r.feedback == NULL)
		d->r.feedback = "";
	if (adding && v[REJECT_THEMES] == NULL)
		suggest(d, 1);
	if (v[REJECT_THEMES] != NULL && (problem = apply_themes(d, v[REJECT_THEMES])) != NULL) {
		cmd_error(d->ctx, CMD_USER_ERROR, "%s: --themes: %s", d->command, problem);
		free(problem);
		return CMD_USER_ERROR;
	}
	if ((status = flag_reflection(d, "well", v[REJECT_WELL], 1)) ||
	    (status = flag_reflection(d, "better", v[REJECT_BETTER], 0)))
		return status;
	return CMD_OK;
}

static int any_field_flag(const char *const *v)
{
	int i;

	for (i = REJECT_COMPANY; i <= REJECT_BETTER; i++)
		if (v[i] != NULL)
			return 1;
	return 0;
}

/* ------------------------------------------------------------------------------------------------
 * Saving
 */

/* The banks drills draw from: the field just confirmed, else the setting; NULL for every bank. */
static const char **field_banks(struct draft *d, size_t *count)
{
	return drill_split_banks(d->field ? d->field : app_setting(d->ctx->app, "drill.banks"), d->arena, count);
}

static int in_field(const struct bank_question *q, const char **banks, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strcmp(banks[i], q->bank->name) == 0)
			return 1;
	return banks == NULL;
}

/* Every question of the field's banks that trains one of the draft's themes (in arena). */
static const char **questions_to_drill(struct draft *d, size_t *count)
{
	size_t total = bank_question_total(catalog_of(d)), i, t, bank_count;
	const char **ids = arena_alloc(d->arena, (total + 1) * sizeof *ids), **banks = field_banks(d, &bank_count);

	*count = 0;
	for (i = 0; i < total; i++) {
		const struct bank_question *q = bank_question_at(catalog_of(d), i);
		if (!in_field(q, banks, bank_count))
			continue;
		for (t = 0; t < d->r.theme_count; t++)
			if (bank_question_has_theme(q, d->r.themes[t].theme_id)) {
				ids[(*count)++] = q->id;
				break;
			}
	}
	return ids;
}

static void print_saved(struct draft *d, const char *verb, size_t drill_count)
{
	FILE *out = d->ctx->out;
	size_t i;

	fprintf(out, "%s rejection %lld: %s, %s (%s%s%s).\n", verb, d->r.id, d->r.company, d->r.role,
		d->r.stage_reached ? d->r.stage_reached : "", d->r.stage_reached ? ", " : "", d->r.rejected_on);
	if (d->r.theme_count == 0) {
		fprintf(out, "No themes: 'reject edit %lld' can add them.\n", d->r.id);
		return;
	}
	fprintf(out, "Themes:");
	for (i = 0; i < d->r.theme_count; i++)
		fprintf(out, "%s %s", i ? "," : "", d->r.themes[i].theme_id);
	fprintf(out, ".\n%zu question%s that train%s them %s in the drill schedule: 'due' lists them, 'drill' starts.\n",
		drill_count, drill_count == 1 ? "" : "s", drill_count == 1 ? "s" : "", drill_count == 1 ? "is" : "are");
}

/* Keeps only the reflections on stages up to the one reached (a lowered stage drops the rest). */
static void drop_unreached_reflections(struct draft *d)
{
	size_t reached = stages_reached(d), i, kept = 0, s;

	for (i = 0; i < d->r.reflection_count; i++) {
		for (s = 0; s < reached; s++)
			if (strcmp(bank_stage_at(catalog_of(d), s)->id, d->r.reflections[i].stage_id) == 0)
				break;
		if (s < reached || bank_stage_find(catalog_of(d), d->r.reflections[i].stage_id) == NULL)
			d->r.reflections[kept++] = d->r.reflections[i];
	}
	d->r.reflection_count = kept;
}

/* A rejection added by flags with no field set: how to set the one the role suggests. */
static void hint_field(struct draft *d)
{
	const char *banks[FIELD_MAX_BANKS];
	size_t n, i;

	if (strcmp(d->command, "reject add") != 0 || app_setting(d->ctx->app, "drill.banks") != NULL ||
	    (n = field_suggest(d->r.role, catalog_of(d), banks, FIELD_MAX_BANKS)) == 0)
		return;
	fprintf(d->ctx->out, "Drills ask from every bank; 'config set drill.banks ");
	for (i = 0; i < n; i++)
		fprintf(d->ctx->out, "%s%s", i ? "," : "", banks[i]);
	fprintf(d->ctx->out, "' keeps them to the field of the role.\n");
}

/* Keeps the field confirmed in this 'reject add' as drill.banks; the rejection is saved whatever happens. */
static void save_field(struct draft *d)
{
	struct app *app = d->ctx->app;
	char *cause = NULL;

	if (d->field == NULL) {
		hint_field(d);
		return;
	}
	if (app->config_file == NULL || config_set(app->config_file, "drill.banks", d->field, &cause) != 0) {
		fprintf(d->ctx->err, "rebound: warning: could not keep drill.banks = %s: %s\n", d->field,
			cause ? cause : "no settings file");
		free(cause);
		return;
	}
	app_load_config(app);
	fprintf(d->ctx->out, "Drills ask from %s (drill.banks; 'config set drill.banks B,...' changes it).\n",
		strcmp(d->field, "all") == 0 ? "every bank" : d->field);
}

static int save(struct draft *d, int adding)
{
	size_t drill_count = 0;
	const char **drill = questions_to_drill(d, &drill_count);
	char today[11], *cause = NULL;
	int rc;

	drop_unreached_reflections(d);
	date_format_day(date_today(), today);
	if (adding) {
		d->r.id = store_rejection_add(d->ctx->app->store, &d->r, drill, drill_count, today, &cause);
		rc = d->r.id > 0 ? 1 : -1;
	} else {
		rc = store_rejection_update(d->ctx->app->store, &d->r, drill, drill_count, today, &cause);
	}
	if (rc < 0) {
		cmd_error(d->ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		return CMD_SYSTEM_ERROR;
	}
	if (rc == 0)
		return cmd_error(d->ctx, CMD_USER_ERROR, "reject edit: rejection %lld was removed meanwhile", d->r.id);
	print_saved(d, adding ? "Logged" : "Saved", drill_count);
	save_field(d);
	return CMD_OK;
}

/* ------------------------------------------------------------------------------------------------
 * add and edit
 */

/* Asks for the whole draft, holding signals so that Ctrl-C ends the form, not the process. */
static int fill_by_asking(struct draft *d)
{
	struct form form = { d->ctx, d->ctx->in, d->command };
	int held = input_hold_signals(d->ctx->in, 1);
	enum form_result result = ask_all(&form, d);

	input_hold_signals(d->ctx->in, held);
	return result == FORM_OK ? 0 : form_abandon(&form, result);
}

static int add_by_asking(struct draft *d)
{
	int status = fill_by_asking(d);

	return status == 0 ? save(d, 1) : status;
}

int reject_add(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct arena arena;
	struct draft d = { ctx, "reject add", &arena, { 0 }, 0, 0, NULL, 0, NULL };
	int status;

	arena_init(&arena);
	if (args->values[REJECT_COMPANY] != NULL) {
		char today[11];
		date_format_day(date_today(), today);
		d.r.rejected_on = today;
		if ((status = apply_flags(&d, args->values, 1)) == CMD_OK)
			status = save(&d, 1);
	} else if (any_field_flag(args->values)) {
		status = cmd_error(ctx, CMD_USAGE_ERROR, "reject add: give --company and --role with the other options, "
				   "or no option to be asked");
	} else {
		status = add_by_asking(&d);
	}
	suggest_model_free(d.model);
	arena_release(&arena);
	return status;
}

int reject_add_prefilled(struct cmd_ctx *ctx, const struct store_rejection *prefill, long long *id)
{
	struct arena arena;
	struct draft d = { ctx, "reject add", &arena, { 0 }, 0, 0, NULL, 0, NULL };
	int status;

	arena_init(&arena);
	d.r.company = arena_strdup(&arena, prefill->company);
	d.r.role = prefill->role ? arena_strdup(&arena, prefill->role) : NULL;
	d.r.rejected_on = arena_strdup(&arena, prefill->rejected_on);
	d.r.stage_reached = prefill->stage_reached ? arena_strdup(&arena, prefill->stage_reached) : NULL;
	status = add_by_asking(&d);
	*id = status == CMD_OK ? d.r.id : 0;
	suggest_model_free(d.model);
	arena_release(&arena);
	return status;
}

int reject_edit(struct cmd_ctx *ctx, const struct cmd_args *args, long long id)
{
	struct arena arena;
	struct draft d = { ctx, "reject edit", &arena, { 0 }, 0, 0, NULL, 0, NULL };
	char *cause = NULL;
	int found, status;

	arena_init(&arena);
	found = store_rejection_get(ctx->app->store, id, &arena, &d.r, &cause);
	if (found <= 0) {
		status = found == 0 ? cmd_error(ctx, CMD_USER_ERROR, "reject edit: no rejection %lld (see 'reject list')", id)
				    : cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		arena_release(&arena);
		return status;
	}
	d.theme_room = d.r.theme_count;
	d.reflection_room = d.r.reflection_count;
	if (any_field_flag(args->values))
		status = apply_flags(&d, args->values, 0);
	else
		status = fill_by_asking(&d);
	if (status == CMD_OK)
		status = save(&d, 0);
	suggest_model_free(d.model);
	arena_release(&arena);
	return status;
}
