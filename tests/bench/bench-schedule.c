/* bench-schedule: the drill schedule on a simulated learner over 90 days, against the SM-2 variant it
 * replaced. The learner has a known forgetting curve: each question's recall falls as
 * 0.9^(days / S), S its true stability; recalled, S grows (more after a longer gap), forgotten, it
 * shrinks. Two rejections put questions in the schedule (days 0 and 40), one interview is set on
 * day 55 for day 65. Each day the learner answers today's list within the daily limits (8 new, 20
 * reviews), the interview's share pulled in, and rates each answer 5, 4 or 2 by how it went. */
#include "bench.h"
#include "rebound/date.h"
#include "rebound/prep.h"
#include "rebound/sched.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIM_DAYS 90
#define SIM_QUESTIONS 180
#define SIM_THEMES 6
#define PREP_SET 55
#define PREP_DAY 65
#define FIRST_RECALL 0.6	/* the chance that a question never practised gets a good answer */

static const char *const theme_ids[SIM_THEMES] = { "structure", "examples", "clarity", "fit", "rapport", "confidence" };

struct sim_question {
	struct bank_question question;
	const char *themes[1];
	char id[16];
	int scheduled;
	long due_day, first_day, last_day;
	int reviews, since_prep;
	double true_stability;		/* the learner's */
	long seen_day;			/* the learner's last answer, or -1 */
	struct sched_state fsrs;
	struct { double ease; int repetitions, interval; } old;	/* the SM-2 variant */
};

struct sim_result {
	size_t most_listed, most_due, empty_days, reviews, targets, targets_ready;
	double recall_end;
};

/* A number in [0, 1) fixed by the question and the day, the same for both schedules. */
static double draw(size_t question, long day)
{
	unsigned long long x = (question + 1) * 0x9e3779b97f4a7c15ULL ^ (unsigned long long)(day + 7) * 0xbf58476d1ce4e5b9ULL;

	x ^= x >> 31;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 29;
	return (double)(x >> 11) / 9007199254740992.0;
}

static double true_recall(const struct sim_question *q, long day)
{
	return q->seen_day < 0 ? 0 : pow(0.9, (double)(day - q->seen_day) / q->true_stability);
}

/* The SM-2 variant rebound used before FSRS (ease 2.5, 1 then 4 or 1 days, 6, then x ease; a rating
 * under 3 a lapse; early practice moved nothing). */
static void old_review(struct sim_question *q, long day, double quality)
{
	double miss = 5 - quality;

	if (quality >= 3 && day < q->due_day)
		return;
	q->old.ease += 0.1 - miss * (0.08 + 0.02 * miss);
	if (q->old.ease < 1.3)
		q->old.ease = 1.3;
	if (quality < 3) {
		q->old.repetitions = 0;
		q->old.interval = 1;
	} else if (++q->old.repetitions == 1) {
		q->old.interval = quality >= 4.5 ? 4 : 1;
	} else if (q->old.repetitions == 2) {
		q->old.interval = 6;
	} else {
		long next = lround(q->old.interval * q->old.ease);
		q->old.interval = next <= q->old.interval ? q->old.interval + 1 : next > 365 ? 365 : (int)next;
	}
	q->due_day = day + q->old.interval;
}

/* The learner answers q on day; the schedule (FSRS or the old one) takes the rating. */
static double retention;	/* FSRS's desired retention in this run */

static void answer(struct sim_question *q, size_t index, long day, int fsrs)
{
	double p = q->seen_day < 0 ? FIRST_RECALL : true_recall(q, day), rating;
	int recalled = draw(index, day) < p;

	rating = !recalled ? 2 : p >= 0.95 ? 5 : 4;
	if (q->seen_day < 0)
		q->true_stability = 0.8 + 1.2 * draw(index, -1);
	else if (recalled)
		q->true_stability *= 1.3 + 2.0 * (1 - p);
	else
		q->true_stability = q->true_stability * 0.4 < 0.5 ? 0.5 : q->true_stability * 0.4;
	q->seen_day = day;
	if (fsrs) {
		sched_review(&q->fsrs, day, sched_grade_of(rating), retention);
		q->due_day = q->fsrs.due_day;
	} else {
		old_review(q, day, rating);
	}
	if (q->first_day < 0)
		q->first_day = day;
	q->last_day = day;
	q->reviews++;
	q->since_prep += day >= PREP_SET;
}

static void schedule_theme(struct sim_question *qs, int theme, long day)
{
	size_t i;

	for (i = 0; i < SIM_QUESTIONS; i++)
		if (i % SIM_THEMES == (size_t)theme && !qs[i].scheduled) {
			qs[i].scheduled = 1;
			qs[i].due_day = day;
			sched_start(&qs[i].fsrs, day);
			qs[i].old.ease = 2.5;
		}
}

/* The agenda as drill.c orders it: due reviews (most overdue first), due new ones, then the rest. */
static int agenda_group(const struct drill_item *item, long day)
{
	return item->due_day > day ? 2 : item->is_new;
}

static long sort_day;

static int by_agenda(const void *a, const void *b)
{
	const struct drill_item *x = a, *y = b;
	int gx = agenda_group(x, sort_day), gy = agenda_group(y, sort_day);

	if (gx != gy)
		return gx - gy;
	if (gx != 1 && x->due_day != y->due_day)
		return x->due_day < y->due_day ? -1 : 1;
	return strcmp(x->question->id, y->question->id);
}

static size_t agenda(struct sim_question *qs, struct drill_item *items, long day)
{
	size_t i, n = 0;

	for (i = 0; i < SIM_QUESTIONS; i++)
		if (qs[i].scheduled)
			items[n++] = (struct drill_item){ .question = &qs[i].question, .due_day = qs[i].due_day,
							  .first_day = qs[i].first_day, .last_day = qs[i].last_day,
							  .is_new = qs[i].reviews == 0 };
	sort_day = day;
	qsort(items, n, sizeof *items, by_agenda);
	return n;
}

static void init_questions(struct sim_question *qs)
{
	size_t i;

	memset(qs, 0, SIM_QUESTIONS * sizeof *qs);
	for (i = 0; i < SIM_QUESTIONS; i++) {
		struct sim_question *q = &qs[i];
		snprintf(q->id, sizeof q->id, "q%03zu", i);
		q->themes[0] = theme_ids[i % SIM_THEMES];
		q->question.id = q->id;
		q->question.themes = (struct bank_strings){ q->themes, 1 };
		q->question.difficulty = 1 + (int)(i / SIM_THEMES) % 5;
		q->first_day = q->last_day = q->seen_day = -1;
	}
}

/* The interview's plan on day: structure cited twice (the weakest), examples and clarity once. */
static void make_plan(struct prep_plan *plan, const struct store_prep *prep, struct sim_question *qs,
		      const struct drill_item *items, size_t n, long day)
{
	static struct insight_theme ranked[] = { { .theme_id = "structure", .score = 2 },
						 { .theme_id = "examples", .score = 1.2 },
						 { .theme_id = "clarity", .score = 1 } };
	struct coach coach = { .today = day, .themes = ranked, .theme_count = 3 };
	struct store_count practice[SIM_QUESTIONS];
	size_t i, count = 0;

	for (i = 0; i < SIM_QUESTIONS; i++)
		if (qs[i].since_prep > 0)
			practice[count++] = (struct store_count){ qs[i].id, qs[i].since_prep };
	prep_plan_make(plan, prep, &coach, items, n, practice, count, day);
}

static void simulate(int fsrs, struct sim_result *r)
{
	struct sim_question *qs = calloc(SIM_QUESTIONS, sizeof *qs);
	struct drill_item *items = calloc(SIM_QUESTIONS, sizeof *items);
	struct drill_limits limits = { .new_per_day = 8, .reviews_per_day = 20 };
	struct store_prep prep = { .company = "Acme", .on_day = "" };
	char prep_day[11];
	struct prep_plan plan;
	long day;
	size_t i, scheduled = 0;

	memset(r, 0, sizeof *r);
	init_questions(qs);
	date_format_day(PREP_DAY, prep_day);	/* days count from 0 here: day numbers as date.h's */
	prep.on_day = prep_day;
	for (day = 0; day < SIM_DAYS; day++) {
		struct drill_today today;
		size_t n, due, listed;
		if (day == 0) {
			schedule_theme(qs, 0, day);
			schedule_theme(qs, 1, day);
		}
		if (day == 40) {
			schedule_theme(qs, 2, day);
			schedule_theme(qs, 0, day);
		}
		n = agenda(qs, items, day);
		if (day >= PREP_SET && day <= PREP_DAY) {
			make_plan(&plan, &prep, qs, items, n, day);
			if (day == PREP_DAY) {	/* what was practised before the day */
				r->targets = plan.target_count;
				for (i = 0; i < plan.target_count; i++)
					r->targets_ready += plan.targets[i].done >= plan.targets[i].needed;
			}
			prep_pull(&plan, items, n, day);
		}
		due = drill_due_count(items, n, day);
		drill_plan_today(items, n, day, &limits, &today);
		listed = today.reviews + today.fresh;
		if (listed > r->most_listed)
			r->most_listed = listed;
		if (due > r->most_due)
			r->most_due = due;
		r->empty_days += listed == 0;
		for (i = 0; i < listed; i++) {
			/* the question is the first member of its sim_question */
			size_t index = (size_t)((const struct sim_question *)(const void *)items[i].question - qs);
			answer(&qs[index], index, day, fsrs);
		}
		r->reviews += listed;
	}
	for (i = 0; i < SIM_QUESTIONS; i++)
		if (qs[i].scheduled) {
			r->recall_end += true_recall(&qs[i], SIM_DAYS);
			scheduled++;
		}
	r->recall_end /= scheduled ? (double)scheduled : 1;
	free(qs);
	free(items);
}

void bench_schedule(void)
{
	static const double retentions[] = { 0.75, 0.8, 0.85 };
	struct sim_result fsrs, old, other;
	double t0 = bench_now_ms(), ms;
	char what[64];
	size_t i;

	retention = SCHED_RETENTION_DEFAULT;
	simulate(1, &fsrs);
	ms = bench_now_ms() - t0;
	simulate(0, &old);
	printf("\nthe drill schedule on a simulated learner: 90 days, 2 rejections, 1 interview (%.0f ms)\n", ms);
	bench_row("most questions listed in a day (limits 20 + 8)", (double)fsrs.most_listed, "", "<= 28",
		  fsrs.most_listed <= 28);
	bench_row("  most due in a day, past the limits too", (double)fsrs.most_due, "", "", 1);
	bench_row("weak-theme questions ready before the interview", 100.0 * (double)fsrs.targets_ready /
		  (double)(fsrs.targets ? fsrs.targets : 1), "%", "100 %", fsrs.targets_ready == fsrs.targets);
	bench_row("days with nothing due", (double)fsrs.empty_days, "", "", 1);
	bench_row("FSRS: reviews in 90 days", (double)fsrs.reviews, "", "", 1);
	bench_row("FSRS: mean recall on day 90", 100 * fsrs.recall_end, "%", "", 1);
	bench_row("old SM-2 variant: reviews in 90 days", (double)old.reviews, "", "", 1);
	bench_row("old SM-2 variant: mean recall on day 90", 100 * old.recall_end, "%", "", 1);
	bench_row("  old SM-2 ready before the interview", 100.0 * (double)old.targets_ready /
		  (double)(old.targets ? old.targets : 1), "%", "", 1);
	/* The same recall for fewer reviews: FSRS at lower desired retentions, beside the old schedule. */
	for (i = 0; i < sizeof retentions / sizeof *retentions; i++) {
		retention = retentions[i];
		simulate(1, &other);
		snprintf(what, sizeof what, "FSRS at %.0f%%: reviews (recall on day 90 %.1f %%)", 100 * retentions[i],
			 100 * other.recall_end);
		bench_row(what, (double)other.reviews, "", "", 1);
	}
}
