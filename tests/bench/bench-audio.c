/* rebound-bench, audio part: the recorder against a real clock (JACK's dummy driver at 48 kHz: dropped
 * frames, CPU per minute of audio, memory at one minute and at the end) and without a clock (ALSA's file
 * device reading /dev/zero as fast as it can: how many times real time the recorder sustains).
 * Each runs in a child process, so that PortAudio starts afresh with its own environment. */
#include "bench.h"

#include "rebound/audio.h"
#include "rebound/util.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RATE 48000

static double cpu_seconds(void)
{
	struct rusage usage;

	getrusage(RUSAGE_SELF, &usage);
	return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
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

/* Records seconds of audio from the device matching spec; fills the figures. Exits on failure. */
static void record(const char *spec, const char *path, long long seconds, struct audio_record_result *result,
		   double *wall_ms, double *cpu, double *mib_one_minute, double *mib_end)
{
	const struct timespec nap = { 0, 20000000 };
	struct audio_record_options options = { .rate = RATE, .max_frames = seconds * RATE, .path = path };
	struct audio_record_status status;
	struct audio_recorder *recorder;
	struct audio *audio;
	char *cause = NULL;
	double start, cpu_start;

	if ((audio = audio_open(&cause)) == NULL || (options.device = audio_pick_device(audio, spec, 1, &cause)) < 0 ||
	    (recorder = audio_record_start(audio, &options, &cause)) == NULL) {
		fprintf(stderr, "bench: %s\n", cause);
		exit(1);
	}
	start = bench_now_ms();
	cpu_start = cpu_seconds();
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
	*cpu = cpu_seconds() - cpu_start;
	audio_close(audio);
}

static void paced(const char *dir, int minutes)
{
	char *path = xasprintf("%s/paced.wav", dir), what[96];
	struct audio_record_result result;
	double wall, cpu, one, end;

	record("system", path, minutes * 60LL, &result, &wall, &cpu, &one, &end);
	snprintf(what, sizeof what, "JACK dummy, 48 kHz, %d min: dropped frames", minutes);
	bench_row(what, (double)result.dropped, "", "0", result.dropped == 0);
	bench_row("  of which input overflows reported by JACK", (double)result.overflows, "", "", 1);
	bench_row("  recorder CPU per minute of audio", cpu / minutes * 1000, "ms", "< 600 ms", cpu / minutes < 0.6);
	bench_row("  resident memory at 1 minute", one, "MiB", "", 1);
	bench_row("  resident memory at the end", end, "MiB", "within 1 MiB", end - one <= 1.0);
	free(path);
}

static void unpaced(const char *dir, int seconds)
{
	char *path = xasprintf("%s/unpaced.wav", dir), what[96];
	struct audio_record_result result;
	double wall, cpu, one, end, speed;

	record(NULL, path, seconds, &result, &wall, &cpu, &one, &end);
	speed = seconds * 1000.0 / wall;
	snprintf(what, sizeof what, "unpaced file device, 48 kHz, %d s of audio", seconds);
	bench_row(what, speed, "x", ">= 100x", speed >= 100);
	bench_row("  dropped frames", (double)result.dropped, "", "0", result.dropped == 0);
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
	char *unpaced_env[] = { "ALSA_CONFIG_PATH", alsa, "FAKE_MIC_RAW", "/dev/zero", "FAKE_RATE", "48000", NULL };
	pid_t jackd;

	printf("\naudio\n");
	in_child(unpaced, dir, 600, unpaced_env);
	snprintf(server, sizeof server, "rebound-bench-%d", (int)getpid());
	if ((jackd = fork()) == 0) {
		freopen("/dev/null", "w", stdout);
		freopen("/dev/null", "w", stderr);
		execlp("jackd", "jackd", "-n", server, "-r", "-d", "dummy", "-r", "48000", "-p", "1024", (char *)NULL);
		_exit(127);
	}
	sleep(2);	/* the server is up well within this */
	in_child(paced, dir, minutes, paced_env);
	kill(jackd, SIGTERM);
	waitpid(jackd, NULL, 0);
	free(alsa);
}
