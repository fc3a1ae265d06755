# Spoken answers against a real clock: JACK's dummy driver (a private server for this test) delivers
# silence in real time. A 20-second answer with a 20-second limit takes 20 ± 1 s and records exactly
# 20 s of frames with none dropped; a recording killed with SIGKILL leaves a WAV that opens, holding
# what was recorded until then.
. "$(dirname "$0")/lib.sh"
command -v jackd >/dev/null || { echo "jackd is required (apt-get install jackd2)"; exit 1; }
export REBOUND_SEED=1 JACK_DEFAULT_SERVER="rebound-e2e-$$"
unset ALSA_CONFIG_PATH
jackd -n "$JACK_DEFAULT_SERVER" -r -d dummy -r 16000 -p 1024 >"$TMP/jackd.log" 2>&1 &
jack_pid=$!
trap 'kill "$jack_pid" 2>/dev/null; wait "$jack_pid" 2>/dev/null; rm -rf "$TMP"' EXIT
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
for i in $(seq 50); do "$REBOUND" audio devices 2>/dev/null | grep -q "JACK" && break; sleep 0.1; done
run "$REBOUND" audio devices
expect_out_has "JACK Audio Connection Kit system"
"$REBOUND" audio set input system >/dev/null && "$REBOUND" audio set output system >/dev/null

# stamp: prefixes each line with the seconds since the epoch, to time the recording from its own output.
stamp() { while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done; }

printf '4 4\n\n' | "$REBOUND" interview --bank practice --count 1 --think 0 --answer 20 --spoken --no-follow-ups |
	stamp >"$TMP/paced.out"
began=$(grep "Recording for up to 0:20" "$TMP/paced.out" | cut -d' ' -f1)
ended=$(grep "Recorded 0:20" "$TMP/paced.out" | cut -d' ' -f1)
expect_true '[ -n "$began" ] && [ -n "$ended" ]'
elapsed=$(python3 -c "print(round($ended - $began, 2))")
echo "20-second recording took $elapsed s of wall time"
expect_true 'python3 -c "import sys; sys.exit(0 if 19.0 <= $elapsed <= 21.0 else 1)"'
echo "recording: $(db "SELECT frames, dropped_frames, sample_rate FROM recording")"
expect_db "SELECT frames, dropped_frames, sample_rate FROM recording" "320000|0|16000"
expect_db "SELECT stopped_by, answer_used_ms FROM answer" "limit|20000"

# replay in a terminal: the position moves, space pauses, right seeks 5 s, q stops.
. "$(dirname "$0")/tmux.sh"
trap 'tmux_cmd kill-server 2>/dev/null; kill "$jack_pid" 2>/dev/null; wait "$jack_pid" 2>/dev/null; rm -rf "$TMP"' EXIT
tmux_start "env REBOUND_HOME='$REBOUND_HOME' JACK_DEFAULT_SERVER='$JACK_DEFAULT_SERVER' TERM=xterm '$REBOUND' replay 1; sleep 10"
expect_screen "> 0:01 / 0:20"
tmux_cmd send-keys -t t Space
expect_screen "|| 0:0"
paused_at=$(screen | grep -o "|| 0:0[0-9]")
sleep 1.2
expect_true '[ "$(screen | grep -o "|| 0:0[0-9]")" = "$paused_at" ]'	# paused: the time stands still
tmux_cmd send-keys -t t Space Right
expect_screen "$(printf '> %d:%02d' 0 $(( ${paused_at#|| 0:0} + 5 )))"
tmux_cmd send-keys -t t q
expect_screen "Played answer 1."
tmux_stop

# A spoken answer in a terminal: the level meter and the time left redraw in place; Enter stops early.
tmux_start "env REBOUND_HOME='$REBOUND_HOME' JACK_DEFAULT_SERVER='$JACK_DEFAULT_SERVER' REBOUND_SEED=1 TERM=xterm '$REBOUND' interview --bank practice --count 1 --think 0 --answer 9 --spoken --no-follow-ups; sleep 10"
expect_screen "Recording for up to 0:09: speak now. Enter or 5 s of silence ends it."
expect_screen "[0:07] ● "
expect_screen "[0:06] ● "
expect_true '[ "$(screen | grep -c "\[0:0[0-9]\] ●")" = 1 ]'	# one meter line, redrawn in place
expect_screen "Enter stops"
tmux_cmd send-keys -t t Enter
expect_screen "Rate the answer"
tmux_cmd send-keys -t t '3 3' Enter Enter
expect_screen "finished."
expect_db "SELECT stopped_by, overtime, answer_used_ms < 6000 FROM answer ORDER BY id DESC LIMIT 1" "enter|0|1"
tmux_stop

# SIGKILL two seconds into a recording: the WAV's header was kept current, so the file opens.
"$REBOUND" interview --bank practice --count 1 --think 0 --answer 30 --spoken --no-follow-ups \
	</dev/null >"$TMP/killed.out" 2>&1 &
pid=$!
for i in $(seq 50); do grep -q "Recording for up to" "$TMP/killed.out" && break; sleep 0.1; done
sleep 2
kill -9 "$pid"
wait "$pid" 2>/dev/null
wav=$(ls "$REBOUND_HOME"/recordings/s3-q1*.wav)
frames=$(python3 -c "import wave,sys; w=wave.open(sys.argv[1]); print(w.getnframes())" "$wav")
echo "killed recording holds $frames frames"
expect_true '[ "$frames" -ge 16000 ] && [ "$frames" -le 48000 ]'	# about 2 s at 16 kHz
expect_db "PRAGMA integrity_check" ok
finish
