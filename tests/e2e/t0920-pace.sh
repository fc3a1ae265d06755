# Speaking pace through the real recording path (PortAudio on ALSA's file device, tests/e2e/data/alsa-file.conf):
# espeak-ng speech of one text at 120 and at 180 words per minute, and a clip of real human speech from
# Debian's pocketsphinx-testdata, are answered in spoken interviews; the pace stored with each recording
# is compared with the true one: the transcript's words over the speaking time the recording measured.
. "$(dirname "$0")/lib.sh"
require espeak-ng sox python3
require_clips
export ALSA_CONFIG_PATH="$REBOUND_SOURCE/tests/e2e/data/alsa-file.conf" FAKE_RATE=16000 FAKE_SPK_RAW=/dev/null
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
"$REBOUND" audio set transcripts off >/dev/null	# pace needs no recogniser (t0930 tests transcripts)

TEXT="In my last role I led a team of five engineers. We cut the release time from two weeks to two days
by automating our tests and the deployment pipeline, and I wrote the playbook the other teams adopted."
TEXT_WORDS=$(printf '%s\n' "$TEXT" | wc -w)

# answer WAV: answers one spoken question with the WAV (any rate) as the microphone, followed by two
# seconds of silence; sets $out and the new recording's $pace, $ms (speaking) and $syllables.
answer() {
	sox "$1" -r 16000 -c 1 -b 16 -e signed -t raw "$TMP/mic.raw" pad 0 2
	seconds=$(python3 -c "import os; print(int(os.path.getsize('$TMP/mic.raw') / 32000))")
	printf '4 4\n\n' >"$TMP/answers"
	FAKE_MIC_RAW="$TMP/mic.raw" STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 \
		--think 0 --answer "$seconds" --spoken --no-follow-ups
	expect_status 0
	IFS='|' read -r pace ms syllables <<EOF
$(db "SELECT ifnull(pace_wpm, 0), speech_end_ms - speech_start_ms, syllables FROM recording ORDER BY id DESC LIMIT 1")
EOF
}

# within MEASURED WORDS MS PERCENT: true if MEASURED is within PERCENT of WORDS over MS, the answer's
# stretch from its first word to its last (words a minute count the pauses too).
within() {
	python3 -c "import sys; m, w, ms, p = map(float, sys.argv[1:]); t = w * 60000 / ms
print('measured %.0f, true %.0f words a minute' % (m, t), file=sys.stderr); sys.exit(abs(m - t) > t * p / 100)" "$@"
}

for rate in 120 180; do
	espeak-ng -v en-us+klatt -s "$rate" -w "$TMP/espeak-$rate.wav" "$TEXT" 2>/dev/null
	answer "$TMP/espeak-$rate.wav"
	eval "pace_$rate=\$pace ms_$rate=\$ms"
	expect_out_has "about $(printf %.0f "$pace") words a minute"
	expect_true "within $pace $TEXT_WORDS $ms 10"
	# The text has 55 syllables; the count is independent of the speed.
	expect_true "[ $syllables -ge 50 ] && [ $syllables -le 62 ]"
done
expect_true "python3 -c 'import sys; sys.exit(not $pace_180 > $pace_120)'"
expect_true "python3 -c 'import sys; sys.exit(not $pace_180 > $pace_120 * 1.3)'"
run "$REBOUND" session 2
expect_out_has "about $(printf %.0f "$pace_180") words a minute"

# Real human speech: five LibriVox clips read one after another (71 words).
sox "$CLIPS"/sense_and_sensibility_01_austen_64kb-08[789]0.wav "$CLIPS"/sense_and_sensibility_01_austen_64kb-09[23]0.wav \
	"$TMP/human.wav"
words=$(sed 's/<\/*s>//g; s/([^)]*)//' "$CLIPS/transcription" | wc -w)
expect_true "[ $words = 71 ]"
answer "$TMP/human.wav"
expect_true "within $pace $words $ms 10"
pace_human=$pace

# Too little speech for a pace: none is stored or shown.
espeak-ng -v en-us+klatt -s 160 -w "$TMP/short.wav" "Yes, I did." 2>/dev/null
answer "$TMP/short.wav"
expect_true "[ $pace = 0 ]"
expect_true '! printf %s "$out" | grep -q "words a minute"'
expect_db "SELECT count(*) FROM recording WHERE pace_wpm IS NULL" 1

# progress trends the pace of the sessions that have one: the 120 first, the human clip latest.
run "$REBOUND" progress
expect_out_has "Speaking, over 4 recorded answers:"
expect_true 'printf %s "$out" | grep -Eq "^  pace +[^ ]+ +first +$(printf %.0f "$pace_120")  latest +$(printf %.0f "$pace_human") words a minute \(130-170 is comfortable\)$"'
expect_true '! printf %s "$out" | grep -q "fillers"'
finish
