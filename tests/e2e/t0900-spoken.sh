# Spoken answers through the real PortAudio API on ALSA's file device (tests/e2e/data/alsa-file.conf):
# the microphone reads a raw file of espeak-ng speech, the speaker writes one, as fast as the CPU allows.
# Checks 'audio devices' and 'audio test', a spoken interview's WAV (exact samples, length, rate, mode
# 0600, 0 dropped frames) and its row, and the plain message when there is no device at all.
. "$(dirname "$0")/lib.sh"
"$REBOUND" config set audio.format wav >/dev/null	# the WAV as recorded is checked here; t0950 the FLAC
spoken_setup

# same_samples WAV RAW [SKIP]: 1 if the WAV's samples equal the raw file's from its start (or from the
# first sound after SKIP leading zero samples in the raw file), as far as the shorter goes.
same_samples() {
	python3 - "$@" <<'PY'
import struct, sys, wave
w = wave.open(sys.argv[1])
a = struct.unpack('<%dh' % w.getnframes(), w.readframes(w.getnframes()))
raw = open(sys.argv[2], 'rb').read()
b = struct.unpack('<%dh' % (len(raw) // 2), raw)
if len(sys.argv) > 3:
    first = next(i for i, v in enumerate(b) if v != 0)
    start = next(i for i, v in enumerate(a) if v != 0)
    b, a = b[first:], a[start:]
n = min(len(a), len(b))
print(1 if n > 0 and all(a[i] == b[i] for i in range(n)) else 0)
PY
}
wav_info() { python3 -c "import wave,sys; w=wave.open(sys.argv[1]); print(w.getnframes(), w.getframerate(), w.getnchannels())" "$1"; }

run "$REBOUND" audio devices
expect_status 0
expect_out_has "in*  out*    16000  ALSA                 default"

run "$REBOUND" audio test
expect_status 0
expect_out_has "Recorded 48000 frames (0 lost); the loudest moment was "
expect_true 'printf %s "$out" | grep -Eq "loudest moment was -?[0-9]+ dBFS: (good|too quiet|loud|clipping)"'
expect_true '[ "$(wav_info "$REBOUND_HOME/recordings/audio-test.wav")" = "48000 16000 1" ]'
expect_true '[ "$(same_samples "$REBOUND_HOME/recordings/audio-test.wav" "$FAKE_MIC_RAW")" = 1 ]'
# played back: the speaker file holds the same samples after some leading silence
expect_true '[ "$(same_samples "$REBOUND_HOME/recordings/audio-test.wav" "$FAKE_SPK_RAW" skip)" = 1 ]'

# A spoken interview: 5 seconds recorded (the device is unpaced, so the frame count is the clock).
printf '4 4\nspoken\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 --think 0 --answer 5 --spoken --no-follow-ups
expect_status 0
expect_out_has "Recording for up to 0:05: speak now. An empty line or 5 s of silence ends it."
expect_out_has "Saved answer 1 (0:05 of 0:05, overtime)."
expect_true '! printf %s "$out" | grep -q "frames were lost"'
wav="$REBOUND_HOME/recordings/s1-q1.wav"
expect_true '[ "$(wav_info "$wav")" = "80000 16000 1" ]'
expect_true '[ "$(same_samples "$wav" "$FAKE_MIC_RAW")" = 1 ]'
expect_true '[ "$(stat -c %a "$wav")" = 600 ] && [ "$(stat -c %a "$REBOUND_HOME/recordings")" = 700 ]'
expect_db "SELECT a.mode, r.path, r.sample_rate, r.frames, r.dropped_frames FROM answer a
	JOIN recording r ON r.answer_id = a.id" "spoken|recordings/s1-q1.wav|16000|80000|0"
# The speech starts within a few hundred ms and runs past the 5 s: mostly speaking, no long pause.
expect_db "SELECT speaking_ms BETWEEN 3500 AND 5000, long_pauses FROM recording" "1|0"
run "$REBOUND" session 1
expect_out_has "answer 0:05 of 0:05 · stopped by the clock (overtime) · spoken"
run "$REBOUND" sessions
expect_out_has "interview  spoken  finished         1/1     4.0  practice"

# replay plays the recording on the speaker: the same samples after the speaker's leading silence.
rm -f "$FAKE_SPK_RAW"
run "$REBOUND" replay 1
expect_status 0
expect_out_has "Answer 1, "
expect_out_has "  recorded 0:05: speaking"
expect_out_has "  rated: structure 4, clarity 4"
expect_true '[ "$(same_samples "$wav" "$FAKE_SPK_RAW" skip)" = 1 ]'
run "$REBOUND" replay --question q-one
expect_out_has "1 recorded attempt at q-one, oldest first."
run "$REBOUND" replay --session 1 --question q-one
expect_status 2
mv "$wav" "$TMP/kept.wav"
run "$REBOUND" replay 1
expect_status 1
expect_err_has "rebound: replay: cannot read '$wav'"
expect_true '! printf %s "$out" | grep -q "Played answer"'
mv "$TMP/kept.wav" "$wav"

# An empty line stops a recording early (on a pipe, lines with text are left for the ratings).
printf '\n3 3\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 --think 0 --answer 60 --spoken --no-follow-ups
expect_status 0
expect_db "SELECT stopped_by FROM answer WHERE id = 2" enter

# progress trends the recordings' silence and long pauses per session.
run "$REBOUND" progress
expect_out_has "Speaking, over 2 recorded answers:"
expect_true 'printf %s "$out" | grep -Eq "^  silence +[^ ]+ +first +[0-9]+%  latest +[0-9]+% \(lower is smoother\)$"'

# Settings (a shortcut into the settings file): spoken by default, a bad rate refused.
run "$REBOUND" audio set spoken on
expect_out "interview.mode: spoken (in $HOME/.config/rebound/config.yaml)"
run "$REBOUND" audio set rate 12
expect_status 1
expect_err "rebound: config: 'audio.rate' takes a whole number from 8000 to 192000, not '12'"
run "$REBOUND" audio settings
expect_out "input       default
output      default
rate        16000
end_silence 5
format      wav
spoken      on
transcripts on"
run "$REBOUND" audio set transcripts maybe
expect_status 1
expect_err "rebound: config: 'speech.transcripts' takes on or off, not 'maybe'"
run "$REBOUND" audio set spoken maybe
expect_status 2
expect_err "rebound: audio: spoken takes 'on' or 'off', not 'maybe'"

# With no sound device at all (the system's ALSA setup on a machine without a card, no JACK server):
# a plain message, and typed interviews still work.
if ALSA_CONFIG_PATH= "$REBOUND" audio devices 2>/dev/null | grep -q "No audio devices"; then
	printf '\nTyped.\n\n4 4\n\n' >"$TMP/answers"
	ALSA_CONFIG_PATH= STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 --no-follow-ups
	expect_status 1
	expect_err "rebound: interview: no audio input device; typed answers still work"
	ALSA_CONFIG_PATH= STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 --typed --no-follow-ups
	expect_status 0
else
	echo "this machine has a sound device: the no-device checks are skipped"
fi
finish
