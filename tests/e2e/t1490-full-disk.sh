# A full disk mid-session loses no answer. On a real tmpfs in a private mount namespace, filled while
# answer 2 waits: a typed answer that cannot be committed is kept in a draft (its space was reserved
# when the answer began), the message says where, and 'resume' offers it once there is room; a spoken
# answer cut short by the full disk leaves a WAV whose header says what it holds, and 'resume' records
# over it instead of leaving it behind. Under a file size limit, a recording that could not be written
# whole is stored with the length the file holds, and says it was cut short. Needs root (unshare -m).
. "$(dirname "$0")/lib.sh"
"$REBOUND" config set audio.format wav >/dev/null	# the WAV as recorded is checked here; t0950 the FLAC
require python3 sqlite3 espeak-ng sox
unshare -m true 2>/dev/null || { echo "needs unshare -m (root)"; exit 77; }
export REBOUND_SEED=1
wav_frames() { python3 -c "import wave,sys; print(wave.open(sys.argv[1]).getnframes())" "$1"; }

# session.sh TMP MODE: answers question 1, fills the disk while question 2 waits for its think line,
# answers it, then frees the disk and resumes. The steps wait on what rebound prints.
cat >"$TMP/session.sh" <<'SH'
TMP=$1 MODE=$2
wait_file() { for i in $(seq 600); do grep -qF -- "$1" "$2" 2>/dev/null && return 0; sleep 0.05; done; return 1; }
mkdir -p "$REBOUND_HOME" && mount -t tmpfs -o size=8m tmpfs "$REBOUND_HOME" || exit 9
mkdir -p "$REBOUND_HOME/questions" && cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
"$REBOUND" banks >/dev/null || exit 9
rm -f "$TMP/in" && mkfifo "$TMP/in"
"$REBOUND" interview --bank practice --count 2 --think 30 --answer 10 --$MODE --no-follow-ups <"$TMP/in" \
	>"$TMP/out" 2>"$TMP/err" &
pid=$!
exec 3>"$TMP/in"
if [ "$MODE" = typed ]; then printf '\nFirst answer.\n\n3 3\n\n' >&3; else printf '\n3 3\n\n' >&3; fi
wait_file "Question 2 of 2" "$TMP/out" || { echo "no question 2"; exit 1; }
# Fill the disk, then free a little: room for a WAV header and a few seconds, not for a commit.
head -c 160k /dev/zero >"$REBOUND_HOME/reserve"
dd if=/dev/zero of="$REBOUND_HOME/fill" bs=4k 2>/dev/null
[ "$MODE" = spoken ] && rm "$REBOUND_HOME/reserve"
if [ "$MODE" = typed ]; then printf '\nThe second answer,\nover two lines.\n\n3 3\n\n' >&3; else printf '\n3 3\n\n' >&3; fi
exec 3>&-
wait $pid
echo "status $?"
rm -f "$REBOUND_HOME/fill" "$REBOUND_HOME/reserve"
ls "$REBOUND_HOME/recordings" 2>/dev/null | tr '\n' ' ' >"$TMP/recordings-before"
ls "$REBOUND_HOME/drafts" 2>/dev/null | tr '\n' ' ' >"$TMP/drafts-before"
cp "$REBOUND_HOME"/recordings/s1-q2.wav "$TMP/broken.wav" 2>/dev/null
printf '\n3 3\n\n' >"$TMP/resume-in"	# typed: the kept draft is offered at once, and Enter keeps it
"$REBOUND" resume 1 <"$TMP/resume-in" >"$TMP/resume-out" 2>"$TMP/resume-err"
echo "resume $?"
sqlite3 "$REBOUND_HOME/rebound.db" "SELECT position || ':' || ifnull(text, '') FROM answer ORDER BY position" >"$TMP/answers"
sqlite3 "$REBOUND_HOME/rebound.db" "SELECT path FROM recording ORDER BY answer_id" >"$TMP/paths"
ls "$REBOUND_HOME/recordings" 2>/dev/null | tr '\n' ' ' >"$TMP/recordings-after"
ls "$REBOUND_HOME/drafts" 2>/dev/null | tr '\n' ' ' >"$TMP/drafts-after"
SH

# Typed.
run unshare -m bash "$TMP/session.sh" "$TMP" typed
expect_out_has "status 3"
expect_true "grep -q 'the disk is full' '$TMP/err'"
expect_true "grep -q \"rebound: answer 2 is kept in '$REBOUND_HOME/drafts/s1-q2.txt': 'resume 1' offers it once it can be saved\" '$TMP/err'"
expect_true "[ \"\$(cat '$TMP/drafts-before')\" = 's1-q2.txt ' ]"
expect_out_has "resume 0"
expect_true "grep -q 'A draft of this answer was kept when it could not be saved:' '$TMP/resume-out'"
expect_true "grep -q '^  over two lines.' '$TMP/resume-out'"
expect_true "[ \"\$(cat '$TMP/answers')\" = \"\$(printf '1:First answer.\n2:The second answer,\nover two lines.')\" ]"
expect_true "[ -z \"\$(cat '$TMP/drafts-after')\" ]"	# saved: the draft is gone

# Spoken.
export ALSA_CONFIG_PATH="$REBOUND_SOURCE/tests/e2e/data/alsa-file.conf" FAKE_RATE=16000
export FAKE_MIC_RAW="$TMP/speech.raw" FAKE_SPK_RAW="$TMP/speaker.raw"
espeak-ng -v en-us+klatt -s 150 -w "$TMP/speech.wav" "In my last role I led a team of five engineers." 2>/dev/null
sox "$TMP/speech.wav" -r 16000 -c 1 -b 16 -e signed -t raw "$FAKE_MIC_RAW"
run unshare -m bash "$TMP/session.sh" "$TMP" spoken
expect_true "grep -q \"could not write all of '$REBOUND_HOME/recordings/s1-q2.wav' (is the disk full?)\" '$TMP/out'"
expect_true "[ -s '$TMP/broken.wav' ] && [ \$((\$(stat -c %s '$TMP/broken.wav') - 44)) -eq \$((\$(wav_frames '$TMP/broken.wav') * 2)) ]"
expect_out_has "resume 0"
expect_true "[ \"\$(cat '$TMP/paths')\" = \"\$(printf 'recordings/s1-q1.wav\nrecordings/s1-q2.wav')\" ]"
expect_true "[ \"\$(cat '$TMP/recordings-after')\" = 's1-q1.wav s1-q2.wav ' ]"	# no s1-q2-2.wav

# A file size limit: the stored length is what the file holds, the header agrees, and it says so.
rm -rf "$REBOUND_HOME"
mkdir -p "$REBOUND_HOME/questions" && cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
sox -n -r 16000 -c 1 -b 16 -e signed -t raw "$TMP/tone.raw" synth 12 sine 300
export FAKE_MIC_RAW="$TMP/tone.raw"
run "$REBOUND" banks	# the database, before the limit
printf '3 3\n\n' >"$TMP/answers"	# a line with text: the recording runs to the clock
STDIN="$TMP/answers" run bash -c "ulimit -f 200; exec '$REBOUND' interview --bank practice --count 1 --think 0 --answer 10 --spoken --no-follow-ups"
expect_out_has "the recording keeps its first 0:06"
expect_out_has "its recording cut short)."
wav="$REBOUND_HOME/recordings/s1-q1.wav"
expect_true "[ \"\$(db 'SELECT frames, unwritten_frames FROM recording')\" = \"\$(wav_frames '$wav')|\$((160000 - \$(wav_frames '$wav')))\" ]"
expect_true "[ \$((\$(stat -c %s '$wav') - 44)) -eq \$((\$(wav_frames '$wav') * 2)) ]"
run "$REBOUND" session 1
expect_out_has "cut short: the last 0:03 could not be written"
# A kept draft outlives a resume that ends before any answer, and is then kept with one Enter.
rm -rf "$REBOUND_HOME"
mkdir -p "$REBOUND_HOME/questions" && cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
printf '\nFirst answer.\n\n3 3\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 2 --think 30 --typed --no-follow-ups
expect_status 1	# the input ended before question 2
mkdir -p "$REBOUND_HOME/drafts" && printf 'Kept from before.\n' >"$REBOUND_HOME/drafts/s1-q2.txt"
run "$REBOUND" resume 1
expect_out_has "A draft of this answer was kept when it could not be saved:"
expect_true "[ \"\$(cat '$REBOUND_HOME/drafts/s1-q2.txt')\" = 'Kept from before.' ]"
printf '\n3 3\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" resume 1
expect_status 0
expect_db "SELECT text FROM answer WHERE position = 2" "Kept from before."
expect_true "[ ! -e '$REBOUND_HOME/drafts/s1-q2.txt' ]"
finish
