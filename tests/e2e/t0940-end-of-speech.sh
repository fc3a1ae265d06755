# The end of speech, through the real PortAudio API on ALSA's file device: a 40 s spoken answer followed
# by silence ends by itself audio.end_silence after the speech (within half a second), and its length,
# speaking time and silence leave out the tail; with 'off' only the clock ends it, and an answer whose
# speaker had stopped before the clock ran out is not overtime. In a terminal, with the device paced by
# a feeder writing into a FIFO at real time, the meter shows the end coming.
. "$(dirname "$0")/lib.sh"
spoken_setup "In my last role I led a team of five engineers who \
looked after the payments service. Releases took two weeks and every one of them broke something, so I \
proposed that we move to small daily releases behind feature flags. I wrote the plan, I paired with each \
engineer on the first flags, and I set up a dashboard that showed the error rate of each release. Within \
two months we released every day, and the incidents after a release fell from six a month to one. What I \
learned is that a team changes how it works when the new way is easier to follow than the old one, and \
when they can see the result of it every day. Next time I would bring the support team in from the start."
# The true end of the speech, in ms: the last sample louder than -40 dBFS.
speech_end=$(python3 - "$FAKE_MIC_RAW" <<'PY'
import struct, sys
raw = open(sys.argv[1], 'rb').read()
s = struct.unpack('<%dh' % (len(raw) // 2), raw)
print(max(i for i, v in enumerate(s) if abs(v) > 328) * 1000 // 16000)
PY
)
echo "the speech ends at $speech_end ms"
expect_true '[ "$speech_end" -gt 38000 ] && [ "$speech_end" -lt 60000 ]'
"$REBOUND" config set speech.transcripts off >/dev/null
"$REBOUND" config set audio.end_silence 3 >/dev/null

# Ended by the silence: the file holds the speech and 3 s more, the figures only the speech.
printf '4 4\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 --think 0 --answer 90 --spoken --no-follow-ups
expect_status 0
expect_out_has "Recording for up to 1:30: speak now. An empty line or 3 s of silence ends it."
expect_out_has ", the answer 0:4"
frames=$(db "SELECT frames FROM recording WHERE answer_id = 1")
echo "ended after $frames frames"
expect_true '[ "$frames" -ge $(( (speech_end + 3000) * 16 )) ] && [ "$frames" -le $(( (speech_end + 3500) * 16 )) ]'
expect_db "SELECT stopped_by, overtime FROM answer WHERE id = 1" "silence|0"
expect_db "SELECT speech_start_ms < 500, abs(speech_end_ms - $speech_end) < 300 FROM recording WHERE answer_id = 1" "1|1"
# the silence ratio counts the pauses between words, not the 3 s tail (which alone would be 7%)
expect_db "SELECT silence_ratio < 0.25, silence_ratio = 1 - speaking_ms * 1.0 / (speech_end_ms - speech_start_ms)
	FROM recording WHERE answer_id = 1" "1|1"
run "$REBOUND" session 1
expect_out_has "ended by the silence after it · spoken"

# 'off': the clock alone ends it, 20 s of silence are recorded, and a speaker who had finished long
# before the limit is not overtime; the answer's length is still the speech.
"$REBOUND" config set audio.end_silence off >/dev/null
printf '4 4\n\n' >"$TMP/answers"
limit=$(( speech_end / 1000 + 20 ))
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 --think 0 --answer $limit --spoken --no-follow-ups
expect_status 0
expect_out_has "speak now. An empty line stops."
expect_db "SELECT frames = $limit * 16000 FROM recording WHERE answer_id = 2" 1
expect_db "SELECT stopped_by, overtime FROM answer WHERE id = 2" "limit|0"
expect_db "SELECT abs(speech_end_ms - $speech_end) < 300 FROM recording WHERE answer_id = 2" 1
# still talking at the limit: overtime
printf '4 4\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 --think 0 --answer 20 --spoken --no-follow-ups
expect_db "SELECT stopped_by, overtime FROM answer WHERE id = 3" "limit|1"

# In a terminal, paced: a feeder writes 3 s of the speech and then silence into a FIFO at real time;
# the meter warns as the silence goes on, and the answer ends by itself.
. "$(dirname "$0")/tmux.sh"
trap 'tmux_cmd kill-server 2>/dev/null; kill "$feeder" 2>/dev/null; rm -rf "$TMP"' EXIT
"$REBOUND" config set audio.end_silence 4 >/dev/null
mkfifo "$TMP/mic.fifo"
python3 - "$FAKE_MIC_RAW" "$TMP/mic.fifo" <<'PY' &
import sys, time
data = open(sys.argv[1], 'rb').read()[:3 * 32000] + bytes(30 * 32000)
# PortAudio opens and closes the device while it looks for devices: each reader gets the audio afresh
while True:
    try:
        out = open(sys.argv[2], 'wb')
        start, sent, chunk = time.monotonic(), 0, 1600	# 50 ms
        while sent < len(data):
            out.write(data[sent:sent + chunk]); out.flush(); sent += chunk
            ahead = sent / 32000 - (time.monotonic() - start)
            if ahead > 0.2:
                time.sleep(ahead - 0.2)
        break
    except BrokenPipeError:
        try:
            out.close()
        except BrokenPipeError:
            pass
PY
feeder=$!
tmux_start "env REBOUND_HOME='$REBOUND_HOME' ALSA_CONFIG_PATH='$ALSA_CONFIG_PATH' FAKE_RATE=16000 FAKE_MIC_RAW='$TMP/mic.fifo' FAKE_SPK_RAW=/dev/null REBOUND_SEED=1 TERM=xterm '$REBOUND' interview --bank practice --count 1 --think 0 --answer 60 --spoken --no-follow-ups; echo rebound exited \$?; sleep 10"
expect_screen "Enter or 4 s of silence ends it."
expect_screen "quiet: ends in 3 s unless you speak"
expect_screen "quiet: ends in 1 s unless you speak"
expect_screen "Rate the answer"
tmux_cmd send-keys -t t '3 3' Enter Enter
expect_screen "rebound exited 0"
expect_db "SELECT a.stopped_by, a.overtime, r.frames / 16 - r.speech_end_ms BETWEEN 4000 AND 4500
	FROM answer a JOIN recording r ON r.answer_id = a.id WHERE a.id = 4" "silence|0|1"
tmux_stop
finish
