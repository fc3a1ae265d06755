/* rebound-bench: the speed targets from PRODUCT.md, measured and printed against their targets.
 * Run on demand: ./build/tests/rebound-bench [RUNS] [--long] [--no-audio] [--no-speech] [--audio-only]. It generates a
 * 10,000-question bank, times the bank module against a bare libyaml event parse of the same file, and
 * times whole rebound processes
 * from start to their first prompt (through a pseudo-terminal, as a user sees it). It then generates
 * five years of history (100,000 rated answers) and times 'progress' over it, and measures the audio
 * recorder (bench-audio.c): 2 minutes against a real clock, 10 with --long; and the recogniser
 * (bench-speech.c): its real-time factor, and the end-of-answer delay of a 2-minute answer (2 minutes). */
#include "rebound/analysis.h"
#include "rebound/suggest.h"
#include "rebound/app.h"
#include "rebound/bank.h"
#include "rebound/cmd.h"
#include "rebound/util.h"
#include "bench.h"

#include <fcntl.h>
#include <sqlite3.h>

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#define QUESTIONS 10000

double bench_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *values, int count)
{
	qsort(values, (size_t)count, sizeof *values, compare_doubles);
	return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

/* A realistic bank: every field used, about 400 bytes a question. */
static void generate_bank(const char *path)
{
	static const char *const themes[] = { "structure", "examples", "technical-depth", "clarity", "confidence",
					      "rapport", "company-knowledge", "fit", "teamwork", "closing" };
	static const char *const stages[] = { "application", "phone-screen", "technical", "onsite", "final" };
	FILE *f = fopen(path, "w");
	int i;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fprintf(f, "bank: bench\ntitle: Generated benchmark bank\nversion: 1\n"
		   "defaults: { think_seconds: 15, answer_seconds: 120 }\nquestions:\n");
	for (i = 0; i < QUESTIONS; i++) {
		fprintf(f, "  - id: bench-question-%05d\n"
			   "    text: Tell me about a time you had to handle situation number %d under pressure.\n"
			   "    themes: [%s, %s]\n    stages: [%s]\n    difficulty: %d\n    answer_seconds: %d\n"
			   "    talking_points: [the situation and stakes, what you did first, the measurable result]\n"
			   "    keywords: [team, deadline, result, priority]\n"
			   "    tips: [Lead with the result, then explain how you got there.]\n"
			   "    follow_ups: [What would you do differently next time?]\n",
			i, i, themes[i % 10], themes[(i + 3) % 10], stages[i % 5], i % 5 + 1, 60 + i % 5 * 30);
	}
	fclose(f);
}

/* The baseline: read the file and pull every event through libyaml, doing nothing with them. */
static double bare_parse_ms(const char *path)
{
	double start = bench_now_ms();
	yaml_parser_t parser;
	yaml_event_t event;
	size_t len;
	char *data = util_read_file(path, BANK_MAX_FILE_BYTES, &len, NULL, NULL);
	int done = 0;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "bench: libyaml failed on %s\n", path);
			exit(1);
		}
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	free(data);
	return bench_now_ms() - start;
}

/* Python's yaml with its C loader on the same file, timed inside Python (the interpreter's start-up left
 * out), or -1 when python3 or its yaml module is not there. */
static double python_yaml_ms(const char *path)
{
	char *command = xasprintf("python3 -c 'import sys, time, yaml; t = time.perf_counter(); "
				  "yaml.load(open(sys.argv[1], \"rb\"), Loader=yaml.CSafeLoader); "
				  "print((time.perf_counter() - t) * 1000)' '%s' 2>/dev/null", path);
	FILE *pipe = popen(command, "r");
	double ms = -1;

	if (pipe != NULL) {
		if (fscanf(pipe, "%lf", &ms) != 1)
			ms = -1;
		if (pclose(pipe) != 0)
			ms = -1;
	}
	free(command);
	return ms;
}

static double bank_load_ms(const char *themes_path, const char *path)
{
	struct bank_catalog *catalog = bank_catalog_new();
	double start, elapsed;

	bank_load_file(catalog, themes_path);
	start = bench_now_ms();
	bank_load_file(catalog, path);
	elapsed = bench_now_ms() - start;
	if (bank_error_count(catalog) != 0 || bank_question_total(catalog) != QUESTIONS) {
		bank_diag_print(catalog, 0, stderr);
		exit(1);
	}
	bank_catalog_free(catalog);
	return elapsed;
}

/* Starts rebound on a pseudo-terminal and returns the time until its prompt appears. */
static double startup_ms(const char *data_dir)
{
	char buffer[4096], seen[8192] = "";
	size_t seen_len = 0;
	double start = bench_now_ms(), elapsed = -1;
	int master, status;
	pid_t pid = forkpty(&master, NULL, NULL, NULL);

	if (pid < 0) {
		perror("forkpty");
		exit(1);
	}
	if (pid == 0) {
		setenv("REBOUND_HOME", data_dir, 1);
		setenv("TERM", "dumb", 1);
		execl(REBOUND_BINARY, "rebound", (char *)NULL);
		_exit(127);
	}
	while (elapsed < 0 && bench_now_ms() - start < 10000) {
		struct pollfd pfd = { .fd = master, .events = POLLIN };
		ssize_t n;
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		if ((n = read(master, buffer, sizeof buffer)) <= 0)
			break;
		if (seen_len + (size_t)n >= sizeof seen)
			seen_len = 0;
		memcpy(seen + seen_len, buffer, (size_t)n);
		seen_len += (size_t)n;
		seen[seen_len] = '\0';
		if (strstr(seen, "rebound> ") != NULL)
			elapsed = bench_now_ms() - start;
	}
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	close(master);
	if (elapsed < 0) {
		fprintf(stderr, "bench: no prompt from %s within 10 s\n", REBOUND_BINARY);
		exit(1);
	}
	return elapsed;
}

static double startup_median(const char *data_dir, int runs)
{
	double *times = xcalloc((size_t)runs, sizeof *times);
	double result;
	int i;

	startup_ms(data_dir);	/* first run creates the database and syncs the banks */
	for (i = 0; i < runs; i++)
		times[i] = startup_ms(data_dir);
	result = median(times, runs);
	free(times);
	return result;
}

#define HISTORY_SESSIONS 3650	/* two a day for five years */
#define HISTORY_ANSWERS 100000
#define REJECTION_WEEKS "260"	/* five years of weekly rejections: a string, for the SQL */

static void check_sqlite(sqlite3 *db, int rc, const char *doing)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		fprintf(stderr, "bench: %s: %s\n", doing, sqlite3_errmsg(db));
		exit(1);
	}
}

/* Fills the data dir's database with sessions over the last five years, each answer rated on two themes,
 * through plain SQL in one transaction (the triggers keep the per-session sums as rebound would). */
static void generate_history(const char *home)
{
	static const char *const themes[] = { "structure", "examples", "technical-depth", "clarity", "confidence",
					      "rapport", "company-knowledge", "fit", "teamwork", "closing" };
	char *path = xasprintf("%s/rebound.db", home), *cause = NULL, when[32];
	sqlite3_stmt *session, *answer, *rating;
	time_t now = time(NULL);
	struct app app;
	sqlite3 *db;
	int s, a = 0;

	app_init(&app, home);
	if (app_open_data(&app, &cause) != 0) {
		fprintf(stderr, "bench: %s\n", cause);
		exit(1);
	}
	app_release(&app);
	check_sqlite(NULL, sqlite3_open(path, &db), "open the history database");
	check_sqlite(db, sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), "begin");
	check_sqlite(db, sqlite3_prepare_v2(db, "INSERT INTO session (kind, started_at, ended_at, status, planned_count)"
					    " VALUES ('interview', ?1, ?1, 'finished', ?2)", -1, &session, NULL), "prepare");
	check_sqlite(db, sqlite3_prepare_v2(db, "INSERT INTO answer (session_id, position, question_id, question_text,"
					    " mode, text, think_limit_seconds, think_used_ms, answer_limit_seconds,"
					    " answer_used_ms, stopped_by, answered_at, rated_at) VALUES (?1, ?2,"
					    " 'bench-question', 'A generated question?', 'typed', 'A generated answer.',"
					    " 15, 4000, 120, 90000, 'enter', ?3, ?3)", -1, &answer, NULL), "prepare");
	check_sqlite(db, sqlite3_prepare_v2(db, "INSERT INTO rating (answer_id, theme_id, score, rated_at)"
					    " VALUES (?1, ?2, ?3, ?4)", -1, &rating, NULL), "prepare");
	for (s = 0; s < HISTORY_SESSIONS; s++) {
		time_t started = now - (time_t)(HISTORY_SESSIONS - s) * 43200;
		int count = (s + 1) * HISTORY_ANSWERS / HISTORY_SESSIONS - a, position, t;
		long long session_id;
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&started));
		sqlite3_bind_text(session, 1, when, -1, SQLITE_STATIC);
		sqlite3_bind_int(session, 2, count);
		check_sqlite(db, sqlite3_step(session), "insert a session");
		sqlite3_reset(session);
		session_id = sqlite3_last_insert_rowid(db);
		for (position = 1; position <= count; position++, a++) {
			long long answer_id;
			sqlite3_bind_int64(answer, 1, session_id);
			sqlite3_bind_int(answer, 2, position);
			sqlite3_bind_text(answer, 3, when, -1, SQLITE_STATIC);
			check_sqlite(db, sqlite3_step(answer), "insert an answer");
			sqlite3_reset(answer);
			answer_id = sqlite3_last_insert_rowid(db);
			for (t = 0; t < 2; t++) {
				sqlite3_bind_int64(rating, 1, answer_id);
				sqlite3_bind_text(rating, 2, themes[(a + t * 3) % 10], -1, SQLITE_STATIC);
				sqlite3_bind_int(rating, 3, 1 + (a * 7 + s / 100 + t) % 5);
				sqlite3_bind_text(rating, 4, when, -1, SQLITE_STATIC);
				check_sqlite(db, sqlite3_step(rating), "insert a rating");
				sqlite3_reset(rating);
			}
		}
	}
	sqlite3_finalize(session);
	sqlite3_finalize(answer);
	sqlite3_finalize(rating);
	check_sqlite(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
	sqlite3_close(db);
	free(path);
}

/* Adds a rejection log to the history (one a week for REJECTION_WEEKS weeks, two themes each) and puts
 * every question of the synced catalog in the drill schedule, due over the last 30 days. */
static void generate_rejections(const char *home)
{
	char *path = xasprintf("%s/rebound.db", home);
	sqlite3 *db = NULL;

	check_sqlite(NULL, sqlite3_open(path, &db), "open the history database");
	check_sqlite(db, sqlite3_exec(db,
		"BEGIN;"
		"WITH RECURSIVE week(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM week WHERE n < " REJECTION_WEEKS ")"
		" INSERT INTO rejection (company, role, rejected_on, stage_reached, feedback, created_at)"
		" SELECT 'Company ' || n, 'Engineer', date('now', '-' || (7 * n) || ' days'),"
		" (SELECT id FROM stage WHERE position = n % 5), 'Generated feedback.',"
		" strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM week;"
		"INSERT INTO rejection_theme (rejection_id, theme_id)"
		" SELECT r.id, t.id FROM rejection r JOIN theme t ON t.position IN (r.id % 10, (r.id * 3 + 1) % 10);"
		"INSERT INTO review (question_id, due_on, interval_days, streak, added_on, stability, difficulty, reviews,"
		" first_reviewed_on, reviewed_on, retention)"
		" SELECT id, date('now', '-' || (rowid % 30) || ' days'), 1, 1, date('now', '-60 days'), 2.3, 5, 1,"
		" date('now', '-61 days'), date('now', '-61 days'), 0.9 FROM question;"
		"COMMIT;", NULL, NULL, NULL), "generate the rejection log");
	sqlite3_close(db);
	free(path);
}

/* Times a command in-process, after the catalog is loaded, with its output thrown away. */
static double command_argv_ms(struct app *app, FILE *sink, int argc, char **argv)
{
	struct cmd_ctx ctx;
	double start;

	memset(&ctx, 0, sizeof ctx);
	ctx.app = app;
	ctx.out = sink;
	ctx.err = stderr;
	start = bench_now_ms();
	if (cmd_run(&ctx, argc, argv) != CMD_OK)
		exit(1);
	return bench_now_ms() - start;
}

static double command_ms(struct app *app, FILE *sink, const char *name)
{
	char *argv[] = { (char *)name, NULL };

	return command_argv_ms(app, sink, 1, argv);
}

/* Times a whole 'rebound progress' process, start to exit. */
static double progress_process_ms(const char *home)
{
	double start = bench_now_ms();
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDOUT_FILENO);
		setenv("REBOUND_HOME", home, 1);
		execl(REBOUND_BINARY, "rebound", "progress", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench: rebound progress failed\n");
		exit(1);
	}
	return bench_now_ms() - start;
}

/* Analysing a 2,000-word typed answer (a story told many times over) with the bundled lexicons. */
static void analysis_row(int runs)
{
	static const char *const story = "At my last job our deploys broke twice a week. I was asked to make "
		"releases safer. I wrote a canary script and we added a rollback button. As a result, failed deploys "
		"dropped from eight a month to one, and um I think the team was happier. ";	/* 50 words */
	char *path = xasprintf("%s/assets/star-cues.txt", REBOUND_SOURCE_DIR), *cause = NULL, *text;
	struct analysis_cues *cues = analysis_cues_load(path, &cause);
	const char *keywords[] = { "deploys", "rollback", "canary" }, *points[] = { "what you changed", "the numbers" };
	struct analysis_question q = { "Tell me about a time you improved a process.", 1, keywords, points, 3, 2, 120 };
	double times[64];
	size_t len = strlen(story), i;
	int r;

	if (cues == NULL) {
		fprintf(stderr, "bench: %s\n", cause);
		free(cause);
		free(path);
		return;
	}
	text = xmalloc(len * 40 + 1);
	for (i = 0; i < 40; i++)
		memcpy(text + i * len, story, len);
	text[len * 40] = '\0';
	for (r = 0; r < runs; r++) {
		struct arena arena;
		struct analysis a;
		double start = bench_now_ms();
		arena_init(&arena);
		analysis_run(cues, NULL, &q, text, &arena, &a);
		times[r] = bench_now_ms() - start;
		arena_release(&arena);
	}
	printf("\nanswer analysis\n");
	bench_row("analysis of a 2,000-word answer", median(times, runs), "ms", "< 2 ms", median(times, runs) < 2);
	free(text);
	analysis_cues_free(cues);
	free(path);
}

/* Suggesting themes for 2,000 characters of feedback, phrases and classifier, with the bundled themes and
 * corpus; and training the classifier once, as 'reject add' does before its first suggestion. */
static void suggest_row(int runs)
{
	static const char *const feedback = "Thanks for your time. Your answers tended to ramble and it was hard to "
		"follow what your specific contribution was; we wanted more measurable impact. ";	/* 155 bytes */
	char *themes = xasprintf("%s/questions/themes.yaml", REBOUND_SOURCE_DIR);
	char *corpus_path = xasprintf("%s/assets/feedback-corpus.txt", REBOUND_SOURCE_DIR), *cause = NULL, *text;
	struct bank_catalog *catalog = bank_catalog_new();
	struct suggest_example *corpus;
	struct suggest_model *model = NULL;
	size_t corpus_count = 0, len = strlen(feedback), i;
	double times[64], train_ms = 0;
	struct arena arena;
	int r;

	arena_init(&arena);
	if (bank_load_file(catalog, themes) != 0 ||
	    suggest_corpus_read(catalog, corpus_path, &arena, &corpus, &corpus_count, &cause) != 0) {
		fprintf(stderr, "bench: cannot read the themes or the corpus%s%s\n", cause ? ": " : "", cause ? cause : "");
		goto out;
	}
	text = xmalloc(len * 13 + 1);
	for (i = 0; i < 13; i++)
		memcpy(text + i * len, feedback, len);
	text[len * 13] = '\0';
	for (r = 0; r < runs; r++) {
		double start = bench_now_ms();
		suggest_model_free(model);
		model = suggest_model_train(catalog, corpus, corpus_count, NULL, 0);
		train_ms = r == 0 || bench_now_ms() - start < train_ms ? bench_now_ms() - start : train_ms;
	}
	for (r = 0; r < runs; r++) {
		struct arena scratch;
		struct suggest_match *matches;
		double start = bench_now_ms();
		arena_init(&scratch);
		suggest_themes(catalog, model, text, &scratch, &matches);
		times[r] = bench_now_ms() - start;
		arena_release(&scratch);
	}
	printf("\nfeedback-to-theme suggestions\n");
	bench_row("suggesting themes for 2,000 characters", median(times, runs), "ms", "< 5 ms", median(times, runs) < 5);
	bench_row("  training the classifier on the corpus (best)", train_ms, "ms", "", 1);
	free(text);
out:
	suggest_model_free(model);
	bank_catalog_free(catalog);
	arena_release(&arena);
	free(themes);
	free(corpus_path);
	free(cause);
}

void bench_row(const char *what, double value, const char *unit, const char *target, int ok)
{
	printf("%-50s %10.2f %-3s %-12s %s\n", what, value, unit, target, target[0] ? (ok ? "ok" : "OVER") : "");
}

int main(int argc, char **argv)
{
	int runs = 7, minutes = 2, audio = 1, speech = 1, audio_only = 0, python_runs, i;
	char dir[] = "/tmp/rebound-bench-XXXXXX";
	char *bank_path, *themes_path, *empty_home, *big_home, *command;
	double parse[64], load[64], progress[64], process[64], insights[64], due[64], report[64], python[3];
	double python_ms, startup_history, parse_ms, load_ms, startup_bundled, startup_big;
	double generate_ms;
	char *history_home, *report_path;
	char *report_argv[4] = { "report", "--out", NULL, NULL };
	struct app app;
	FILE *sink;
	struct stat st;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--long") == 0)
			minutes = 10;
		else if (strcmp(argv[i], "--audio-only") == 0)
			audio_only = 1;
		else if (strcmp(argv[i], "--no-audio") == 0)
			audio = 0;
		else if (strcmp(argv[i], "--no-speech") == 0)
			speech = 0;
		else
			runs = atoi(argv[i]);
	}
	if (runs < 1 || runs > 64)
		runs = 7;
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	if (audio_only) {	/* the recorder alone, for a closer look (perf) at where its time goes */
		bench_audio(dir, minutes);
		command = xasprintf("rm -rf '%s'", dir);
		i = system(command);
		free(command);
		return i != 0;
	}
	/* The processes it starts read a settings file of their own, not the developer's. */
	command = xasprintf("%s/config.yaml", dir);
	setenv("REBOUND_CONFIG", command, 1);
	free(command);
	bank_path = xasprintf("%s/bench.yaml", dir);
	themes_path = xasprintf("%s/questions/themes.yaml", REBOUND_SOURCE_DIR);
	generate_bank(bank_path);
	stat(bank_path, &st);
	for (i = 0; i < runs; i++) {
		parse[i] = bare_parse_ms(bank_path);
		load[i] = bank_load_ms(themes_path, bank_path);
	}
	parse_ms = median(parse, runs);
	load_ms = median(load, runs);

	empty_home = xasprintf("%s/home-bundled", dir);
	big_home = xasprintf("%s/home-10k", dir);
	command = xasprintf("mkdir -p '%s/questions' && cp '%s' '%s/questions/'", big_home, bank_path, big_home);
	if (system(command) != 0)
		return 1;
	startup_bundled = startup_median(empty_home, runs);
	startup_big = startup_median(big_home, runs);
	for (i = python_runs = 0; i < runs && i < 3; i++)	/* seconds each: three are enough */
		if ((python[python_runs] = python_yaml_ms(bank_path)) >= 0)
			python_runs++;
	python_ms = python_runs > 0 ? median(python, python_runs) : -1;

	history_home = xasprintf("%s/home-history", dir);
	generate_ms = bench_now_ms();
	generate_history(history_home);
	generate_ms = bench_now_ms() - generate_ms;
	startup_history = startup_median(history_home, runs);
	app_init(&app, history_home);
	sink = fopen("/dev/null", "w");
	command_ms(&app, sink, "progress");	/* loads and syncs the catalog, warms the page cache */
	generate_rejections(history_home);
	command_ms(&app, sink, "insights");
	report_path = xasprintf("%s/report.html", dir);
	report_argv[2] = report_path;
	for (i = 0; i < runs; i++) {
		progress[i] = command_ms(&app, sink, "progress");
		process[i] = progress_process_ms(history_home);
		insights[i] = command_ms(&app, sink, "insights");
		due[i] = command_ms(&app, sink, "due");
		report[i] = command_argv_ms(&app, sink, 3, report_argv);
	}
	fclose(sink);
	app_release(&app);

	printf("rebound-bench: medians of %d runs; bank of %d questions, %.1f MB\n\n", runs, QUESTIONS,
	       st.st_size / 1e6);
	printf("%-50s %14s %-12s %s\n", "measure", "value", "target", "status");
	bench_row("bare libyaml event parse (baseline)", parse_ms, "ms", "", 1);
	bench_row("bank module load + validate", load_ms, "ms", "", 1);
	if (python_ms >= 0)
		bench_row("Python yaml, C loader (for comparison)", python_ms, "ms", "", 1);
	else
		printf("%-50s %14s\n", "Python yaml, C loader (for comparison)", "n/a (no python3-yaml)");
	bench_row("  ratio to the bare parse", load_ms / parse_ms, "x", "<= 1.30x", load_ms / parse_ms <= 1.30);
	bench_row("start-up to first prompt, bundled banks", startup_bundled, "ms", "< 20 ms", startup_bundled < 20);
	bench_row("start-up to first prompt, + 10,000-question bank", startup_big, "ms", "< 20 ms", startup_big < 20);
	printf("\nhistory: %d sessions, %d answers rated on 2 themes each (generated in %.0f ms)\n", HISTORY_SESSIONS,
	       HISTORY_ANSWERS, generate_ms);
	bench_row("start-up to first prompt, + the history", startup_history, "ms", "< 20 ms", startup_history < 20);
	bench_row("progress command over the history", median(progress, runs), "ms", "< 50 ms", median(progress, runs) < 50);
	bench_row("  whole 'rebound progress' process", median(process, runs), "ms", "", 1);
	printf("\nplus %s weekly rejections and every bundled question in the drill schedule\n", REJECTION_WEEKS);
	bench_row("insights over the history", median(insights, runs), "ms", "< 50 ms", median(insights, runs) < 50);
	bench_row("due over the history", median(due, runs), "ms", "< 50 ms", median(due, runs) < 50);
	printf("\nthe HTML report of the whole history\n");
	bench_row("report over the history", median(report, runs), "ms", "< 500 ms", median(report, runs) < 500);
	bench_row("  its size", stat(report_path, &st) == 0 ? st.st_size / 1e6 : 0, "MB", "< 1 MB",
		  stat(report_path, &st) == 0 && st.st_size < 1000000);
	bench_render(dir, report_path);
	analysis_row(runs);
	suggest_row(runs);
	bench_schedule();
	if (audio)
		bench_audio(dir, minutes);
	if (speech) {
		bench_speech(dir);
		bench_recordings(dir);
	}

	free(command);
	command = xasprintf("rm -rf '%s'", dir);
	if (getenv("REBOUND_BENCH_KEEP") != NULL)	/* for a closer look at the generated data */
		printf("\nkept %s\n", dir);
	else if (system(command) != 0)
		fprintf(stderr, "bench: could not remove %s\n", dir);
	free(command);
	free(bank_path);
	free(themes_path);
	free(empty_home);
	free(big_home);
	free(history_home);
	free(report_path);
	return 0;
}
