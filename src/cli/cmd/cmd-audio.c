/* audio: the sound devices: list them, choose them and the sample rate, make spoken answers the default,
 * and test the microphone (3 seconds recorded with a level meter, then played back). */
#include "rebound/audio.h"
#include "rebound/cmd.h"
#include "rebound/date.h"
#include "rebound/paths.h"
#include "rebound/recognizer.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TEST_SECONDS 3

/* The settings 'audio set' knows, as a shortcut for 'config set': its name there and in the settings file. */
static const struct {
	const char *name, *key;
} settings[] = {
	{ "input", "audio.input" },
	{ "output", "audio.output" },
	{ "rate", "audio.rate" },
	{ "end_silence", "audio.end_silence" },
	{ "format", "audio.format" },
	{ "spoken", "interview.mode" },
	{ "transcripts", "speech.transcripts" },
};
#define SETTING_COUNT (sizeof settings / sizeof settings[0])

static int fail(struct cmd_ctx *ctx, int status, char *cause)
{
	cmd_error(ctx, status, "audio: %s", cause);
	free(cause);
	return status;
}

static int list_devices(struct cmd_ctx *ctx, struct audio *audio)
{
	size_t i;

	if (audio_device_count(audio) == 0) {
		fprintf(ctx->out, "No audio devices: typed answers still work.\n");
		return CMD_OK;
	}
	fprintf(ctx->out, "%s%3s  %-4s %-4s  %7s  %-20s %s%s\n", term_bold(ctx->color), "#", "IN", "OUT", "RATE", "HOST",
		"NAME", term_reset(ctx->color));
	for (i = 0; i < audio_device_count(audio); i++) {
		const struct audio_device *d = audio_device_at(audio, i);
		fprintf(ctx->out, "%3d  %-4s %-4s  %7.0f  %-20s %s\n", d->index,
			d->max_input_channels > 0 ? (d->is_default_input ? "in*" : "in") : "",
			d->max_output_channels > 0 ? (d->is_default_output ? "out*" : "out") : "", d->default_rate,
			d->host_api, d->name);
	}
	fprintf(ctx->out, "* the default. 'audio set input N' and 'audio set output N' choose others.\n");
	return CMD_OK;
}

static int show_settings(struct cmd_ctx *ctx)
{
	size_t i;

	for (i = 0; i < SETTING_COUNT; i++) {
		const char *value = app_setting(ctx->app, settings[i].key);
		if (strcmp(settings[i].name, "spoken") == 0)
			value = strcmp(value, "spoken") == 0 ? "on" : "off";
		fprintf(ctx->out, "%-11s %s\n", settings[i].name, value ? value : "default");
	}
	return CMD_OK;
}

/* 'audio set NAME VALUE' is 'config set KEY VALUE' ('spoken on' is interview.mode spoken; 'default'
 * removes the setting). */
static int set_setting(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *value = args->argv[1];
	char *argv[5] = { "config", NULL, NULL, NULL, NULL };
	size_t i;
	int status, unset;

	for (i = 0; i < SETTING_COUNT && strcmp(settings[i].name, args->argv[0]) != 0; i++)
		;
	if (i == SETTING_COUNT)
		return cmd_error(ctx, CMD_USAGE_ERROR, "audio: no setting '%s' (input, output, rate, end_silence, format, spoken, transcripts)",
				 args->argv[0]);
	if (strcmp(settings[i].name, "spoken") == 0 && strcmp(value, "default") != 0) {
		if (strcmp(value, "on") != 0 && strcmp(value, "off") != 0)
			return cmd_error(ctx, CMD_USAGE_ERROR, "audio: spoken takes 'on' or 'off', not '%s'", value);
		value = strcmp(value, "on") == 0 ? "spoken" : "typed";
	}
	unset = strcmp(value, "default") == 0;
	argv[1] = unset ? "unset" : "set";
	argv[2] = (char *)settings[i].key;
	argv[3] = unset ? NULL : (char *)value;
	if ((status = cmd_run(ctx, unset ? 3 : 4, argv)) != CMD_OK)
		return status;
	if (strcmp(settings[i].name, "transcripts") == 0 && strcmp(value, "off") != 0 && !recognizer_available())
		fprintf(ctx->out, "This build has no recogniser (rebound was built without pocketsphinx): recorded "
			"answers are not transcribed.\n");
	return CMD_OK;
}

/* Records TEST_SECONDS with a level line, then plays them back. */
static int test_devices(struct cmd_ctx *ctx, struct audio *audio)
{
	const struct timespec tick = { 0, 100000000 };
	struct audio_record_options options = { 0 };
	struct audio_record_status status;
	struct audio_record_result result;
	struct audio_recorder *recorder;
	const char *rate;
	char *cause = NULL, *dir, *path;
	int output, rc = CMD_OK;

	rate = app_setting(ctx->app, "audio.rate");
	options.rate = rate ? atoi(rate) : AUDIO_DEFAULT_RATE;
	options.max_frames = (long long)TEST_SECONDS * options.rate;
	options.device = audio_pick_device(audio, app_setting(ctx->app, "audio.input"), 1, &cause);
	output = options.device < 0 ? -1 : audio_pick_device(audio, app_setting(ctx->app, "audio.output"), 0, &cause);
	if (options.device < 0 || output < 0)
		return fail(ctx, CMD_USER_ERROR, cause);
	dir = xasprintf("%s/recordings", ctx->app->data_dir);
	path = xasprintf("%s/audio-test.wav", dir);
	if (paths_make_private_dir(dir, &cause) != 0) {
		rc = fail(ctx, CMD_SYSTEM_ERROR, cause);
		goto out;
	}
	unlink(path);
	options.path = path;
	fprintf(ctx->out, "Recording %d seconds at %d Hz from device %d: say something.\n", TEST_SECONDS, options.rate,
		options.device);
	if ((recorder = audio_record_start(audio, &options, &cause)) == NULL) {
		rc = fail(ctx, CMD_USER_ERROR, cause);
		goto out;
	}
	for (int waited = 0; waited < (TEST_SECONDS + 3) * 10; waited++) {	/* with a guard for a stuck device */
		nanosleep(&tick, NULL);
		audio_record_status(recorder, &status);
		if (status.done)
			break;
	}
	if (audio_record_stop(recorder, &result, &cause) != 0) {
		rc = fail(ctx, CMD_SYSTEM_ERROR, cause);
		goto out;
	}
	fprintf(ctx->out, "Recorded %lld frames (%lld lost); the loudest moment was %.0f dBFS: %s.\n", result.frames,
		result.dropped, result.peak_db, audio_level_verdict(result.peak_db));
	fprintf(ctx->out, "Playing it back on device %d.\n", output);
	if (audio_play_file(audio, path, output, &cause) != 0)
		rc = fail(ctx, CMD_USER_ERROR, cause);
out:
	free(dir);
	free(path);
	return rc;
}

static int settings_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	return show_settings(ctx);
}

/* devices and test: they open the sound system. */
static int with_audio(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct audio *audio;
	char *cause = NULL;
	int status;

	if ((audio = audio_open(&cause)) == NULL)
		return fail(ctx, CMD_SYSTEM_ERROR, cause);
	status = strcmp(args->sub->name, "devices") == 0 ? list_devices(ctx, audio) : test_devices(ctx, audio);
	audio_close(audio);
	return status;
}

static const struct cmd_sub subs[] = {
	{ "devices", "", "the devices PortAudio finds (the default is marked *)", NULL, 0, 0, 0, COMPLETE_NONE,
	  with_audio },
	{ "test", "", "record 3 seconds showing how loud it was, then play them back", NULL, 0, 0, 0, COMPLETE_NONE,
	  with_audio },
	{ "settings", "", "the current choices", NULL, 0, 0, 0, COMPLETE_NONE, settings_exec },
	{ "set", "input|output|rate|end_silence|format|spoken|transcripts VALUE", "choose a device, the rate, the "
	  "end of an answer, the file format, spoken answers or transcripts",
	  "input N and output N: device N (a number, or part of its name; 'default'); rate HZ: the\n"
	  "recording rate (default 16000); end_silence S|off: the seconds of silence after you stop\n"
	  "speaking that end a spoken answer (default 5; off: only Enter and the clock end it);\n"
	  "format flac|wav: saved answers kept as lossless FLAC (the default, about half the size) or\n"
	  "as the WAV recorded;\n"
	  "spoken on|off: whether 'interview' records answers without\n"
	  "--spoken; transcripts on|off: whether recorded answers are transcribed (on by default when\n"
	  "rebound is built with pocketsphinx: 'rebound --version' says). 'default' removes a choice.\n"
	  "It writes the settings file, as 'config set audio.input N' and so on do.",
	  2, 2, 0, COMPLETE_NONE, set_setting },
	{ 0 },	/* the end */
};

const struct cmd_entry cmd_audio_entry = {
	.name = "audio",
	.help = "list and choose sound devices, test the microphone, make spoken answers the default",
	.flags = CMD_NEEDS_CATALOG,
	.subs = subs,
	.default_sub = "devices",
};
