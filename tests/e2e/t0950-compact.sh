# Compact recordings: a saved spoken answer's WAV becomes FLAC (audio.format flac, the default) that
# decodes to exactly the samples recorded, about half the bytes; replay and transcribe read it; 'wav'
# keeps the WAV. A full disk during the encoding keeps the WAV and its row. Kills exactly before the
# FLAC takes its name and before the WAV goes (strace), and a spare copy made by hand: the answer's row
# always names one readable file, and the next start leaves exactly one file for the answer.
. "$(dirname "$0")/lib.sh"
require sqlite3 strace
spoken_setup
"$REBOUND" config set speech.transcripts off >/dev/null

# decoded FILE: the file's samples as raw 16-bit little-endian, on stdout.
decoded() { sox "$1" -t raw -e signed -b 16 -L -; }
# same_start A B: 1 if raw file A's samples equal raw file B's as far as the shorter goes.
same_start() { python3 -c "import sys; a = open(sys.argv[1], 'rb').read(); b = open(sys.argv[2], 'rb').read()
n = min(len(a), len(b)); print(1 if n > 0 and a[:n] == b[:n] else 0)" "$1" "$2"; }
answer() { printf '4 4\n\n' >"$TMP/answers"; STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 \
	--think 0 --answer "${1:-8}" --spoken --no-follow-ups; }

# killed_at SYSCALL FILE: a spoken answer killed (SIGKILL, by strace) as it makes SYSCALL on recordings/FILE.
killed_at() {
	printf '4 4\n\n' >"$TMP/answers"
	strace -f -qq -o /dev/null -P "$REBOUND_HOME/recordings/$2" -e inject="$1":signal=KILL "$REBOUND" interview \
		--bank practice --count 1 --think 0 --answer 3 --spoken --no-follow-ups <"$TMP/answers" >"$TMP/killed.out" 2>&1 || true
}

answer 8
expect_status 0
flac="$REBOUND_HOME/recordings/s1-q1.flac"
expect_db "SELECT path, frames FROM recording WHERE answer_id = 1" "recordings/s1-q1.flac|128000"
expect_true '[ -f "$flac" ] && [ ! -e "$REBOUND_HOME/recordings/s1-q1.wav" ] && [ "$(stat -c %a "$flac")" = 600 ]'
expect_true '[ "$(soxi -t "$flac")" = flac ] && [ "$(soxi -s "$flac")" = 128000 ] && [ "$(soxi -r "$flac")" = 16000 ]'
decoded "$flac" >"$TMP/decoded.raw"
expect_true '[ "$(same_start "$TMP/decoded.raw" "$FAKE_MIC_RAW")" = 1 ]'	# sample-exact
expect_true '[ "$(stat -c %s "$TMP/decoded.raw")" = 256000 ]'
bytes=$(stat -c %s "$flac")
echo "FLAC: $bytes bytes for 8 s of speech and silence (WAV: 256044), $((bytes * 60 / 8)) bytes a minute"
expect_true '[ "$bytes" -lt 150000 ]'
ls "$REBOUND_HOME/recordings" | grep -q rebound-tmp && fail "a temporary file was left behind" || pass

# replay plays the FLAC's samples; transcribe reads it where transcripts are built in.
rm -f "$FAKE_SPK_RAW"
run "$REBOUND" replay 1
expect_status 0
expect_out_has "Played answer 1."
python3 -c "import sys; d = open(sys.argv[1], 'rb').read(); i = next(k for k in range(0, len(d), 2) if d[k:k+2] != b'\0\0')
open(sys.argv[2], 'wb').write(d[i:])" "$FAKE_SPK_RAW" "$TMP/played.raw"
python3 -c "import sys; d = open(sys.argv[1], 'rb').read(); i = next(k for k in range(0, len(d), 2) if d[k:k+2] != b'\0\0')
open(sys.argv[2], 'wb').write(d[i:])" "$TMP/decoded.raw" "$TMP/decoded-from-sound.raw"
expect_true '[ "$(same_start "$TMP/played.raw" "$TMP/decoded-from-sound.raw")" = 1 ]'
if "$REBOUND" --version | grep -q "transcripts: pocketsphinx"; then
	run "$REBOUND" transcribe 1
	expect_status 0
fi

# 'wav': the recording stays as recorded.
"$REBOUND" config set audio.format wav >/dev/null
answer 3
expect_db "SELECT path FROM recording WHERE answer_id = 2" "recordings/s2-q1.wav"
expect_true '[ -f "$REBOUND_HOME/recordings/s2-q1.wav" ] && [ ! -e "$REBOUND_HOME/recordings/s2-q1.flac" ]'
"$REBOUND" config unset audio.format >/dev/null

# Killed exactly as the FLAC is about to take its name: the WAV stays, named by the row; the temporary
# FLAC goes at the next start.
killed_at link s3-q1.flac
expect_db "SELECT path FROM recording WHERE answer_id = 3" "recordings/s3-q1.wav"
expect_true 'soxi "$REBOUND_HOME/recordings/s3-q1.wav" >/dev/null 2>&1'
run "$REBOUND" sessions
expect_true '[ "$(ls "$REBOUND_HOME/recordings" | grep -c "^s3-q1")" = 1 ]'

# Killed exactly as the WAV is about to go, the row already moved: the next start removes the WAV.
killed_at unlink s4-q1.wav
expect_db "SELECT path FROM recording WHERE answer_id = 4" "recordings/s4-q1.flac"
expect_true '[ -e "$REBOUND_HOME/recordings/s4-q1.wav" ] && soxi "$REBOUND_HOME/recordings/s4-q1.flac" >/dev/null 2>&1'
run "$REBOUND" sessions
expect_true '[ "$(ls "$REBOUND_HOME/recordings" | grep "^s4-q1")" = s4-q1.flac ]'

# Killed between the two (the FLAC named, the row not yet moved), made by hand: the FLAC is the spare.
sox "$REBOUND_HOME/recordings/s3-q1.wav" "$REBOUND_HOME/recordings/s3-q1.flac"
run "$REBOUND" sessions
expect_true '[ "$(ls "$REBOUND_HOME/recordings" | grep "^s3-q1")" = s3-q1.wav ]'
# A file no row names and that has no named twin is not rebound's to remove.
cp "$REBOUND_HOME/recordings/s1-q1.flac" "$REBOUND_HOME/recordings/mine.flac"
sox "$REBOUND_HOME/recordings/s1-q1.flac" "$REBOUND_HOME/recordings/mine.wav"
run "$REBOUND" sessions
expect_true '[ -e "$REBOUND_HOME/recordings/mine.flac" ] && [ -e "$REBOUND_HOME/recordings/mine.wav" ]'

# A full disk while encoding: the WAV and its row stay, and the user is told.
cat >"$TMP/full.sh" <<'SH'
set -e
mount -t tmpfs -o size=400k tmpfs "$REBOUND_HOME/recordings"
# fill it but for about one WAV of 3 s (96 KB) and a little
dd if=/dev/zero of="$REBOUND_HOME/recordings/filler" bs=1k count=290 2>/dev/null
printf '4 4\n\n' | "$REBOUND" interview --bank practice --count 1 --think 0 --answer 3 --spoken --no-follow-ups \
	>"$1/full.out" 2>&1 || true
ls "$REBOUND_HOME/recordings" >"$1/full.ls"
sox "$REBOUND_HOME/recordings/s5-q1.wav" -n stat 2>"$1/full.stat" || true
SH
if unshare -m true 2>/dev/null; then
	run unshare -m bash "$TMP/full.sh" "$TMP"
	expect_true 'grep -q "Note: the recording stays a WAV file" "$TMP/full.out"' || cat "$TMP/full.out"
	expect_db "SELECT path, frames FROM recording WHERE answer_id = 5" "recordings/s5-q1.wav|48000"
	expect_true '! grep -q "s5-q1.flac\|rebound-tmp" "$TMP/full.ls"'
	expect_true 'grep -q "Length (seconds): *3.000000" "$TMP/full.stat"'
fi
finish
