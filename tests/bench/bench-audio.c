/* rebound-bench, audio part: the recorder against a real clock (JACK's dummy driver at 48 kHz: dropped
 * frames, told apart from the server's xruns by a bare client beside it; CPU per minute of audio with
 * transcripts off and on, the recogniser's own thread left out; memory at one minute and at the end) and
 * without one (ALSA's file device fed speech-like sound through a FIFO at rising speeds: the fastest the
 * recorder sustains with no frame dropped).
 * Each runs in a child process, so that PortAudio starts afresh with its own environment. */
#include "bench.h"

#include "rebound/audio.h"
#include "rebound/recognizer.h"
#include "rebound/util.h"

#include <dirent.h>
#ifdef REBOUND_BENCH_JACK
#include <jack/jack.h>
#endif

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RATE 48000
#define JACK_PERIOD 1024	/* frames: the dummy driver's -p, and what an overflow is counted as */
#define STRINGIFY(x) #x
#define TEXT(x) STRINGIFY(x)

static double cpu_seconds(void)
{
	struct rusage usage;

	getrusage(RUSAGE_SELF, &usage);
	return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* CPU seconds so far of this process's threads named name (/proc/self/task/N/stat: comm, utime, stime). */
static double thread_cpu_seconds(const char *name)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *entry;
	double total = 0;

	while (d != NULL && (entry = readdir(d)) != NULL) {
		char path[300], line[512], *close;
		unsigned long utime, stime;
		FILE *f;
		if (entry->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/self/task/%s/stat", entry->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		if (fgets(line, sizeof line, f) != NULL && (close = strrchr(line, ')')) != NULL &&
		    strncmp(strchr(line, '(') + 1, name, strlen(name)) == 0 &&
		    sscanf(close + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) == 2)
			total += (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
		fclose(f);
	}
	if (d != NULL)
		closedir(d);
	return total;
}

#ifdef REBOUND_BENCH_JACK
/* A bare JACK client on the same server: it does nothing but count the xruns the server reports, so
 * that an overflow it also sees is the server's (a busy machine), not the recorder's. */
static int count_xrun(void *data)
{
	(*(_Atomic int *)data)++;
	return 0;
}

static int do_nothing(jack_nframes_t frames, void *data)
{
	(void)frames;
	(void)data;
	return 0;
}

static jack_client_t *bare_client(_Atomic int *xruns)
{
	jack_client_t *client = jack_client_open("rebound-bench-bare", JackNoStartServer, NULL);

	if (client == NULL)
		return NULL;
	jack_set_xrun_callback(client, count_xrun, xruns);
	jack_set_process_callback(client, do_nothing, NULL);
	jack_port_register(client, "in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
	if (jack_activate(client) != 0) {
		jack_client_close(client);
		return NULL;
	}
	return client;
}
#endif

static void feed_recognizer(void *job, const int16_t *samples, size_t count)
{
	recognizer_feed(job, samples, count);
}

/* Resident memory in MiB, from /proc/self/statm. */
static double resident_mib(void)
{
	long pages = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	if (f != NULL) {
		if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
			resident = 0;
		fclose(f);
	}
	return resident * (double)sysconf(_SC_PAGESIZE) / (1024 * 1024);
}

/* Records seconds of audio from the device matching spec, transcribing it too when job is not NULL;
 * fills the figures (cpu: the process's less the recogniser's). Exits on failure. */
static void record(const char *spec, const char *path, long long seconds, struct recognizer_job *job,
		   struct audio_record_result *result, double *wall_ms, double *cpu, double *mib_one_minute,
		   double *mib_end)
{
	const struct timespec nap = { 0, 100000000 };	/* the interview's meter redraws as often */
	struct audio_record_options options = { .rate = RATE, .max_frames = seconds * RATE, .path = path,
						 .tap = job != NULL ? feed_recognizer : NULL, .tap_data = job };
	struct audio_record_status status;
	struct audio_recorder *recorder;
	struct audio *audio;
	char *cause = NULL;
	double start, cpu_start, asr_start;

	if ((audio = audio_open(&cause)) == NULL || (options.device = audio_pick_device(audio, spec, 1, &cause)) < 0 ||
	    (recorder = audio_record_start(audio, &options, &cause)) == NULL) {
		fprintf(stderr, "bench: %s\n", cause);
		exit(1);
	}
	start = bench_now_ms();
	cpu_start = cpu_seconds();
	asr_start = thread_cpu_seconds("rebound-asr");
	*mib_one_minute = 0;
	do {
		nanosleep(&nap, NULL);
		audio_record_status(recorder, &status);
		if (*mib_one_minute == 0 && status.frames >= 60LL * RATE)
			*mib_one_minute = resident_mib();
	} while (!status.done);
	*mib_end = resident_mib();
	if (audio_record_stop(recorder, result, &cause) != 0) {
		fprintf(stderr, "bench: %s\n", cause);
		exit(1);
	}
	*wall_ms = bench_now_ms() - start;
	*cpu = cpu_seconds() - cpu_start - (thread_cpu_seconds("rebound-asr") - asr_start);
	audio_close(audio);
}

/* The recorder on JACK's dummy driver, transcripts off, and then on where they are built in. Frames
 * lost to JACK's input overflows are told apart from those the recorder's own ring lost, and beside
 * them stand the xruns a bare client on the same server saw. */
static void paced(const char *dir, int minutes)
{
	char *path = xasprintf("%s/paced.wav", dir), what[96];
	struct audio_record_result result;
	double wall, cpu, one, end;
	long long own;
	_Atomic int xruns = 0;
#ifdef REBOUND_BENCH_JACK
	jack_client_t *bare = bare_client(&xruns);
#endif

	record("system", path, minutes * 60LL, NULL, &result, &wall, &cpu, &one, &end);
	own = result.dropped - result.overflows * JACK_PERIOD;	/* audio.c counts each overflow as one block */
	snprintf(what, sizeof what, "JACK dummy, 48 kHz, %d min: dropped frames", minutes);
	bench_row(what, (double)result.dropped, "", "0", result.dropped == 0);
	bench_row("  lost in the recorder's own ring", (double)(own > 0 ? own : 0), "", "0", own <= 0);
	bench_row("  input overflows reported by JACK", (double)result.overflows, "", "", 1);
#ifdef REBOUND_BENCH_JACK
	if (bare != NULL) {
		bench_row("  xruns a bare JACK client saw meanwhile", (double)xruns, "", "", 1);
		jack_client_close(bare);
	}
#endif
	bench_row("  recorder CPU per minute of audio, transcripts off", cpu / minutes * 1000, "ms", "< 600 ms",
		  cpu / minutes < 0.6);
	bench_row("  resident memory at 1 minute", one, "MiB", "", 1);
	bench_row("  resident memory at the end", end, "MiB", "within 1 MiB", end - one <= 1.0);
	if (recognizer_available()) {
		char *cause = NULL;
		struct recognizer *recognizer = recognizer_open(NULL, &cause);
		struct recognizer_job *job = recognizer ? recognizer_start(recognizer, RATE, NULL, 0, &cause) : NULL;
		struct recognizer_result heard;
		unlink(path);
		if (job != NULL) {
			record("system", path, 60, job, &result, &wall, &cpu, &one, &end);
			recognizer_end_input(job);
			if (recognizer_finish(job, &heard, NULL) == 0)
				recognizer_result_free(&heard);
			bench_row("  recorder CPU per minute of audio, transcripts on", cpu * 1000, "ms", "< 600 ms", cpu < 0.6);
			bench_row("    dropped frames meanwhile", (double)result.dropped, "", "0", result.dropped == 0);
		}
		recognizer_close(recognizer);
		free(cause);
	}
	free(path);
}

/* 10 s of speech-like sound: a 150 Hz voice in syllables of 4 a second, a pause of 0.4 s every 2 s. */
static int16_t *speech_like(size_t *count)
{
	size_t n = 10 * RATE, i;
	int16_t *samples = xmalloc(n * sizeof *samples);

	for (i = 0; i < n; i++) {
		double t = (double)i / RATE, in_phrase = fmod(t, 2.0);
		double envelope = in_phrase < 1.6 ? 0.5 + 0.5 * sin(2 * M_PI * 4 * t) : 0;
		double voice = sin(2 * M_PI * 150 * t) + 0.5 * sin(2 * M_PI * 300 * t) + 0.3 * sin(2 * M_PI * 450 * t);
		samples[i] = (int16_t)(3000 * envelope * voice);
	}
	*count = n;
	return samples;
}

/* Writes the speech-like sound into the FIFO at speed times real time (ALSA's file device reads it, so
 * it delivers no faster); starts again from the top for each reader (PortAudio opens the device to
 * probe it first). Never returns. */
static void feed(const char *fifo, int speed)
{
	size_t count, at = 0;
	int16_t *samples = speech_like(&count);
	size_t chunk = (size_t)RATE * (size_t)speed / 100;	/* 10 ms of wall time */
	const struct timespec tick = { 0, 10000000 };

	signal(SIGPIPE, SIG_IGN);
	for (;;) {
		FILE *out = fopen(fifo, "wb");
		double start = bench_now_ms();
		long long sent = 0;
		while (out != NULL) {
			size_t n = chunk < count - at ? chunk : count - at;
			double due;
			if (fwrite(samples + at, sizeof *samples, n, out) != n || fflush(out) != 0)
				break;
			at = (at + n) % count;
			sent += (long long)n;
			due = start + sent * 1000.0 / RATE / speed;
			if (due > bench_now_ms() + 10)
				nanosleep(&tick, NULL);
		}
		if (out != NULL)
			fclose(out);
	}
}

/* The recorder fed faster than real time through ALSA's file device, at rising speeds: the highest
 * speed it sustained (frames over wall time, not what the feeder offered) with no frame dropped. */
static void unpaced(const char *dir, int seconds)
{
	static const int speeds[] = { 100, 200, 400, 800, 1600 };
	char *path = xasprintf("%s/unpaced.wav", dir), *fifo = xasprintf("%s/mic.fifo", dir), what[96];
	struct audio_record_result result;
	double wall, cpu, one, end, speed, best = 0;
	size_t i;

	setenv("FAKE_MIC_RAW", fifo, 1);
	for (i = 0; i < sizeof speeds / sizeof speeds[0]; i++) {
		pid_t feeder;
		unlink(path);
		unlink(fifo);
		if (mkfifo(fifo, 0600) != 0 || (feeder = fork()) < 0) {
			perror("bench: fifo");
			exit(1);
		}
		if (feeder == 0)
			feed(fifo, speeds[i]);
		record(NULL, path, seconds, NULL, &result, &wall, &cpu, &one, &end);
		kill(feeder, SIGKILL);
		waitpid(feeder, NULL, 0);
		speed = seconds * 1000.0 / wall;
		snprintf(what, sizeof what, "  fed at %dx: sustained, dropped frames %lld", speeds[i], result.dropped);
		bench_row(what, speed, "x", "", 1);
		if (result.dropped == 0 && speed > best)
			best = speed;
	}
	snprintf(what, sizeof what, "file device, 48 kHz, %d s of speech: fastest with 0 dropped", seconds);
	bench_row(what, best, "x", ">= 100x", best >= 100);
	unlink(fifo);
	free(fifo);
	free(path);
}

/* Runs fn in a child with its own environment; waits for it. */
static void in_child(void (*fn)(const char *, int), const char *dir, int amount, char *const *env)
{
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		for (; *env != NULL; env += 2)
			setenv(env[0], env[1], 1);
		fn(dir, amount);
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
}

void bench_audio(const char *dir, int minutes)
{
	char server[64], *alsa = xasprintf("%s/tests/e2e/data/alsa-file.conf", REBOUND_SOURCE_DIR);
	char *paced_env[] = { "JACK_DEFAULT_SERVER", server, NULL };
	char *unpaced_env[] = { "ALSA_CONFIG_PATH", alsa, "FAKE_RATE", "48000", NULL };
	pid_t jackd;

	printf("\naudio\n");
	in_child(unpaced, dir, 600, unpaced_env);
	snprintf(server, sizeof server, "rebound-bench-%d", (int)getpid());
	if ((jackd = fork()) == 0) {
		freopen("/dev/null", "w", stdout);
		freopen("/dev/null", "w", stderr);
		execlp("jackd", "jackd", "-n", server, "-r", "-d", "dummy", "-r", "48000", "-p", TEXT(JACK_PERIOD), (char *)NULL);
		_exit(127);
	}
	sleep(2);	/* the server is up well within this */
	in_child(paced, dir, minutes, paced_env);
	kill(jackd, SIGTERM);
	waitpid(jackd, NULL, 0);
	free(alsa);
}
