/* insights: which themes to work on and why: the rejections that cite each (recent ones weigh more)
 * and the recent self-ratings, then where in the process the rejections happen. */
#include "rebound/coach.h"
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/json.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

#define CITATIONS_SHOWN 5	/* the newest rejections named as evidence; the rest are counted */

static int cites(const struct store_rejection *r, const char *theme_id)
{
	size_t i;

	for (i = 0; i < r->theme_count; i++)
		if (strcmp(r->themes[i].theme_id, theme_id) == 0)
			return 1;
	return 0;
}

/* "cited by 2 of 3 rejections: Globex (2026-11-20, phone-screen), Acme (2026-11-10, onsite)" */
static void print_citations(struct cmd_ctx *ctx, const struct coach *coach, const struct insight_theme *t)
{
	size_t i, shown = 0;

	if (t->citations == 0) {
		fprintf(ctx->out, "     cited by no rejection\n");
		return;
	}
	fprintf(ctx->out, "     cited by %d of %zu rejection%s:", t->citations, coach->rejection_count,
		coach->rejection_count == 1 ? "" : "s");
	for (i = 0; i < coach->rejection_count && shown < CITATIONS_SHOWN; i++) {
		const struct store_rejection *r = &coach->rejections[i];
		if (!cites(r, t->theme_id))
			continue;
		fprintf(ctx->out, "%s %s (%s%s%s)", shown++ ? "," : "", r->company, r->rejected_on,
			r->stage_reached ? ", " : "", r->stage_reached ? r->stage_reached : "");
	}
	if ((size_t)t->citations > shown)
		fprintf(ctx->out, " and %zu more", (size_t)t->citations - shown);
	fputc('\n', ctx->out);
}

static void print_theme(struct cmd_ctx *ctx, const struct coach *coach, size_t rank)
{
	const struct insight_theme *t = &coach->themes[rank];
	const struct bank_theme *theme = bank_theme_find(ctx->app->catalog, t->theme_id);

	fprintf(ctx->out, "  %zu. %s%s%s%s%s\n", rank + 1, term_bold(ctx->color), t->theme_id, term_reset(ctx->color),
		theme ? ": " : "", theme ? theme->title : "");
	print_citations(ctx, coach, t);
	if (t->rating_count > 0)
		fprintf(ctx->out, "     your ratings in the last %d days: %.1f on average over %d rating%s\n",
			COACH_RECENT_DAYS, t->rating_average, t->rating_count, t->rating_count == 1 ? "" : "s");
	else
		fprintf(ctx->out, "     no rating in the last %d days\n", COACH_RECENT_DAYS);
}

/* "Rejections cluster at onsite (2 of 3); also phone-screen 1." in the catalog's stage order. */
static void print_stages(struct cmd_ctx *ctx, const struct coach *coach)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	size_t stage_count = bank_stage_count(catalog), s, i, best = 0, known = 0;
	size_t *counts = xcalloc(stage_count + 1, sizeof *counts);
	int tie = 0;

	for (i = 0; i < coach->rejection_count; i++)
		for (s = 0; s < stage_count; s++)
			if (coach->rejections[i].stage_reached &&
			    strcmp(coach->rejections[i].stage_reached, bank_stage_at(catalog, s)->id) == 0) {
				counts[s]++;
				known++;
			}
	for (s = 1; s < stage_count; s++)
		if (counts[s] > counts[best])
			best = s;
	for (s = 0; s < stage_count; s++)
		tie |= s != best && counts[s] == counts[best];
	if (known == 0) {
		free(counts);
		return;
	}
	if (tie)
		fprintf(ctx->out, "Rejections by the stage reached:");
	else
		fprintf(ctx->out, "Rejections cluster at %s (%zu of %zu)%s", bank_stage_at(catalog, best)->id, counts[best],
			known, known > counts[best] ? "; also" : "");
	for (s = 0, i = 0; s < stage_count; s++)
		if (counts[s] > 0 && (tie || s != best))
			fprintf(ctx->out, "%s %s %zu", i++ ? "," : "", bank_stage_at(catalog, s)->id, counts[s]);
	fprintf(ctx->out, ".\n");
	free(counts);
}

/* Where the self-ratings run well above or below what the answers' evidence shows, said plainly. */
static void print_calibration(struct cmd_ctx *ctx, struct arena *arena)
{
	struct coach_calibration calibration[COACH_CALIBRATION_THEMES];
	char *cause = NULL;
	int t, said = 0;

	if (coach_calibrate(ctx->app->store, arena, calibration, &cause) != 0) {
		free(cause);
		return;
	}
	for (t = 0; t < COACH_CALIBRATION_THEMES; t++) {
		const struct coach_calibration *c = &calibration[t];
		if (!c->high && !c->low)
			continue;
		if (!said++)
			fprintf(ctx->out, "Your ratings and your answers:\n");
		if (c->high)
			fprintf(ctx->out, "  You rate your %s %.1f on average, but %d of your last %d answers had no %s: "
				"look at the evidence before you rate.\n", c->theme_id, c->average, c->lacking, c->answers,
				c->missing);
		else
			fprintf(ctx->out, "  You rate your %s %.1f on average, yet %d of your last %d answers had a %s: "
				"you may be hard on yourself.\n", c->theme_id, c->average, c->answers - c->lacking,
				c->answers, c->missing);
	}
}

enum { OPT_JSON };

/* {"command": "insights", "version": 1, "day": DAY, "rejections": N, "themes": [{"id", "title", "named",
 * "score", "citations", "cited_by": [rejection ids], "rating_average", "ratings"}], "stages": {id: count}}:
 * every ranked theme, best candidate first; "named" for the ones 'insights' says to work on. */
static void print_json(struct cmd_ctx *ctx, const struct coach *coach)
{
	const struct bank_catalog *catalog = ctx->app->catalog;
	size_t named = coach_named(coach), i, r, s;
	char day[11];
	struct json j;

	date_format_day(coach->today, day);
	json_begin(&j, ctx->out, "insights", 1);
	json_string(&j, "day", day);
	json_int(&j, "rejections", (long long)coach->rejection_count);
	json_array(&j, "themes");
	for (i = 0; i < coach->theme_count; i++) {
		const struct insight_theme *t = &coach->themes[i];
		const struct bank_theme *theme = bank_theme_find(catalog, t->theme_id);
		json_object(&j, NULL);
		json_string(&j, "id", t->theme_id);
		json_string(&j, "title", theme ? theme->title : NULL);
		json_bool(&j, "named", i < named);
		json_double(&j, "score", t->score);
		json_int(&j, "citations", t->citations);
		json_array(&j, "cited_by");
		for (r = 0; r < coach->rejection_count; r++)
			if (cites(&coach->rejections[r], t->theme_id))
				json_int(&j, NULL, coach->rejections[r].id);
		json_array_end(&j);
		if (t->rating_count > 0)
			json_double(&j, "rating_average", t->rating_average);
		else
			json_string(&j, "rating_average", NULL);
		json_int(&j, "ratings", t->rating_count);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object(&j, "stages");
	for (s = 0; s < bank_stage_count(catalog); s++) {
		long long n = 0;
		for (r = 0; r < coach->rejection_count; r++)
			n += coach->rejections[r].stage_reached != NULL &&
			     strcmp(coach->rejections[r].stage_reached, bank_stage_at(catalog, s)->id) == 0;
		json_int(&j, bank_stage_at(catalog, s)->id, n);
	}
	json_object_end(&j);
	json_end(&j);
}

static int cmd_insights_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct coach coach;
	struct arena arena;
	char *cause = NULL;
	size_t named, i;

	arena_init(&arena);
	if (coach_gather(ctx->app->store, date_today(), &arena, &coach, &cause) != 0) {
		cmd_error(ctx, CMD_SYSTEM_ERROR, "%s", cause);
		free(cause);
		arena_release(&arena);
		return CMD_SYSTEM_ERROR;
	}
	if (args->values[OPT_JSON] != NULL) {
		print_json(ctx, &coach);
		arena_release(&arena);
		return CMD_OK;
	}
	named = coach_named(&coach);
	if (named == 0) {
		fprintf(ctx->out, "Nothing points to a weak theme yet: log a rejection with 'reject add', or rate "
			"some answers ('interview').\n");
	} else {
		fprintf(ctx->out, "Work on %s:\n", named == 1 ? "this theme" : "these themes");
		for (i = 0; i < named; i++)
			print_theme(ctx, &coach, i);
	}
	print_stages(ctx, &coach);
	print_calibration(ctx, &arena);
	if (named > 0)
		fprintf(ctx->out, "Next: 'drill --theme %s' practises the first; 'plan add' turns them into actions.\n",
			coach.themes[0].theme_id);
	arena_release(&arena);
	return CMD_OK;
}

const struct cmd_entry cmd_insights_entry = {
	.name = "insights",
	.usage = "[--json]",
	.help = "the themes to work on, with the rejections and ratings behind them",
	.description =
		"Ranks the themes by how often rejections cite them (a rejection's weight halves every\n"
		"90 days) and by your self-ratings of the last 30 days (an average under 3 raises a theme,\n"
		"over 3 lowers it), names the top two or three with that evidence, and says at which stage\n"
		"the rejections cluster.",
	.flags = CMD_NEEDS_CATALOG,
	.options = {
		[OPT_JSON] = { "json", NULL, COMPLETE_NONE, "print JSON, in the stable layout the README lists" },
	},
	.exec = cmd_insights_exec,
};
