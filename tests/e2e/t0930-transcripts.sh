# Transcripts with the offline recogniser (pocketsphinx), through the real recording path (PortAudio on
# ALSA's file device): real human speech from Debian's pocketsphinx-testdata and espeak-ng speech are
# answered in spoken interviews. Checked loosely, as the recogniser demands: keywords spoken are found and
# one not spoken is not, word timings increase, a filler-heavy answer counts more fillers than a clean one;
# then 'transcribe', 'search', 'replay' and 'session' with the transcript, 'progress', and transcripts off.
. "$(dirname "$0")/lib.sh"
if ! grep -q '^POCKETSPHINX_FOUND:INTERNAL=1$' "$REBOUND_BUILD/CMakeCache.txt"; then
	echo "SKIPPED: rebound was built without pocketsphinx (install libpocketsphinx-dev and pocketsphinx-en-us)"
	exit 0
fi
require espeak-ng sox python3
require_clips
export ALSA_CONFIG_PATH="$REBOUND_SOURCE/tests/e2e/data/alsa-file.conf" FAKE_RATE=16000 FAKE_SPK_RAW=/dev/null
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/coaching.yaml" "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"

# answer WAV [BANK]: answers one spoken question with the WAV as the microphone, then two seconds of silence.
answer() {
	sox "$1" -r 16000 -c 1 -b 16 -e signed -t raw "$TMP/mic.raw" pad 0 2
	seconds=$(python3 -c "import os; print(int(os.path.getsize('$TMP/mic.raw') / 32000))")
	printf '4 4\n\n' >"$TMP/answers"
	FAKE_MIC_RAW="$TMP/mic.raw" STDIN="$TMP/answers" run "$REBOUND" interview --bank "${2:-coaching}" --count 1 \
		--think 0 --answer "$seconds" --spoken --no-follow-ups
	expect_status 0
}
last_answer() { db "SELECT max(id) FROM answer"; }
heard() { db "SELECT count(*) FROM transcript_word WHERE answer_id = $1 AND word = '$2'"; }

# Real human speech: five LibriVox clips read one after another (71 words).
sox "$CLIPS"/sense_and_sensibility_01_austen_64kb-08[789]0.wav "$CLIPS"/sense_and_sensibility_01_austen_64kb-09[23]0.wav \
	"$TMP/human.wav"
answer "$TMP/human.wav"
human=$(last_answer)
expect_db "SELECT count(*) FROM transcript WHERE answer_id = $human" 1
# Most words are heard, in a band around the 71 said.
expect_db "SELECT word_count BETWEEN 50 AND 90 FROM transcript WHERE answer_id = $human" 1
expect_db "SELECT engine FROM transcript" "pocketsphinx 5prealpha, en-us model"
# Word timings increase, lie within the recording, and each word has a confidence.
expect_db "SELECT count(*) FROM transcript_word w JOIN transcript_word p ON p.answer_id = w.answer_id
	AND p.position = w.position - 1 WHERE w.start_ms < p.end_ms OR w.end_ms <= w.start_ms" 0
expect_db "SELECT max(end_ms) <= 27000 AND min(start_ms) >= 0 AND min(confidence) >= 0 AND max(confidence) <= 1
	FROM transcript_word" 1
# Keywords spoken clearly are found; one never said is not.
found=0
for word in consider power selfish; do
	[ "$(heard "$human" "$word")" -ge 1 ] && found=$((found + 1))
done
expect_true "[ $found -ge 2 ]"
expect_true '[ "$(heard "$human" salary)" = 0 ]'
expect_out_has "keywords  $found of 4 said ("
# the keyword spotter listened too, and the line says how far it and the transcript agree
expect_out_has "; not heard: salary · the transcript and the spotter agree"
expect_out_has "fillers   "
expect_out_has "length    0:2"
expect_true 'printf %s "$out" | grep -Eq "^  points    1 of 2 said; not heard: \"the salary you expect\" · the transcript and the spotter agree( on [0-9] of 2)?$"'
# The transcript, clear enough, gives the evidence before the rating too, marked as a machine's guess.
expect_true 'printf %s "$out" | grep -Eq "^What was heard \(a machine.s guess, [0-9]+% sure\):$"'
expect_out_has "What it holds (evidence for your ratings):"
expect_db "SELECT source, words BETWEEN 50 AND 90 FROM evidence WHERE answer_id = $human" "transcript|1"

# A filler-heavy answer counts more fillers than a clean one of the same words.
espeak-ng -v en-us+klatt -s 140 -w "$TMP/clean.wav" \
	"In my last role I led a team of five engineers and we shipped the new billing system on time and under budget." 2>/dev/null
espeak-ng -v en-us+klatt -s 140 -w "$TMP/heavy.wav" "Um, so, like, in my last role, you know, I basically led, like, a team of,
um, five engineers, and, uh, we actually shipped, you know, the new billing system, like, on time, and, I mean, under budget." 2>/dev/null
answer "$TMP/clean.wav" practice
clean=$(last_answer)
answer "$TMP/heavy.wav" practice
heavy=$(last_answer)
expect_db "SELECT (SELECT filler_count FROM transcript WHERE answer_id = $heavy) >
	(SELECT filler_count FROM transcript WHERE answer_id = $clean) + 1" 1
# Too little speech for the figures to mean anything: they are withheld, not shown as fact.
espeak-ng -v en-us+klatt -s 140 -w "$TMP/short.wav" "Yes, I led that team." 2>/dev/null
answer "$TMP/short.wav" practice
short=$(last_answer)
expect_true 'printf %s "$out" | grep -Eq "^  transcript figures not shown: (too little speech \(0:0[0-9]\)|the recogniser was unsure of its words \([0-9]+% sure\))$"'
expect_true '! printf %s "$out" | grep -q "fillers"'

# transcribe makes the transcript again from the WAV and replaces it.
run "$REBOUND" transcribe "$human"
expect_status 0
expect_out_has "Answer $human: 0:2"
expect_out_has "% sure (pocketsphinx 5prealpha, en-us model; a machine's guess, not a record)."
expect_out_has "  > "
expect_db "SELECT count(*) FROM transcript" 4
# ... with the evidence drawn from it, shown and kept in place of the old.
expect_out_has "  What it holds (from the transcript, so as sure as it is):"
expect_true 'printf %s "$out" | grep -Eq "^    structure  situation (yes|no), task (yes|no), action (yes|no), result (yes|no)$"'
expect_db "SELECT count(*), source, words BETWEEN 50 AND 90 FROM evidence WHERE answer_id = $human" "1|transcript|1"
# A transcript too unsure to draw figures from leaves no evidence, even where an earlier one gave some.
db "INSERT INTO evidence (answer_id, source, situation, task, action, result, ends_at_action, generic, numbers,
	dates, i_actions, we_actions, words, keywords_said, keywords_total, points_said, points_total, created_at)
	VALUES ($short, 'transcript', 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, '2026-01-01T00:00:00Z')" >/dev/null
run "$REBOUND" transcribe "$short"
expect_status 0
expect_true '! printf %s "$out" | grep -q "What it holds"'
expect_db "SELECT count(*) FROM evidence WHERE answer_id = $short" 0
run "$REBOUND" transcribe 999
expect_status 1
expect_err "rebound: transcribe: answer 999 has no recording"
run "$REBOUND" transcribe x
expect_status 2

# search finds answers by what was said (stems: "considered" finds "consider"), or typed.
run "$REBOUND" search considered power
expect_status 0
expect_out_has "1 answer matches \"considered power\":"
expect_out_has "  answer $human · session 1 · "
expect_true 'printf %s "$out" | grep -Eq " · heard \(transcript, [0-9]+% sure\) · q-story$"'
expect_out_has "[power]"
run "$REBOUND" search salary
expect_out "No answer matches \"salary\"."
run "$REBOUND" search '"; DROP TABLE answer; --' 'x*'
expect_status 0
expect_out "No answer matches \"\"; DROP TABLE answer; -- x*\"."
printf 'I gave a salary figure after the offer\n\n4 4\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank practice --count 1 --think 0 --typed --no-follow-ups
run "$REBOUND" search salary
expect_out_has "1 answer matches \"salary\":"
expect_out_has " · typed · q-"
expect_out_has "I gave a [salary] figure after the offer"

# replay prints the transcript as the words are played; session shows the coaching.
run "$REBOUND" replay "$human"
expect_status 0
expect_out_has "  heard     "
expect_out_has "  transcript as it plays: a machine's guess, "
expect_out_has "  evidence from the transcript: situation "
expect_true '[ "$(printf %s "$out" | grep -c "^    [a-z]")" -ge 2 ]'
run "$REBOUND" session 1
expect_out_has "     keywords  $found of 4 said ("
expect_out_has "   evidence from the transcript: situation "

# progress trends fillers over the transcripts clear enough to count.
run "$REBOUND" progress
expect_true 'printf %s "$out" | grep -Eq "^  fillers +[^ ]+ +first +[0-9.]+  latest +[0-9.]+ a minute, from transcripts \(under 2\)$"'
expect_true 'printf %s "$out" | grep -Eq "^  hedges +[^ ]+ +first +[0-9.]+  latest +[0-9.]+ a minute, from transcripts$"'
# Only transcripts clear enough count: the first session's (the human clip) is, and it said no filler.
expect_true 'printf %s "$out" | grep -Eq "^  fillers +[^ ]+ +first +0.0  latest"'

# A follow-up is not coached against the main question: no keywords, points or story length.
sox "$TMP/human.wav" -r 16000 -c 1 -b 16 -e signed -t raw "$TMP/mic.raw" pad 0 2
printf '4 4\n\n' >"$TMP/answers"
FAKE_MIC_RAW="$TMP/mic.raw" STDIN="$TMP/answers" run "$REBOUND" interview --bank coaching --count 1 --think 0 \
	--answer 26 --spoken
expect_status 0
expect_out_has "What would you do differently?"
expect_true '[ "$(printf %s "$out" | grep -c "^  keywords  ")" = 1 ] && [ "$(printf %s "$out" | grep -c "^  length    ")" = 1 ]'
expect_true '[ "$(printf %s "$out" | grep -c "^  pace      ")" = 2 ]'

# The user's own filler list in the data dir wins over the bundled one.
printf '# my own\nconsider\n' >"$REBOUND_HOME/fillers.txt"
run "$REBOUND" transcribe "$human"
expect_status 0
expect_out_has "(consider 1)"
printf 'Consider\n' >"$REBOUND_HOME/fillers.txt"
run "$REBOUND" transcribe "$human"
expect_status 3
expect_err "rebound: transcribe: $REBOUND_HOME/fillers.txt:1: bad character 'C' in 'Consider' (use lowercase letters, digits, ' and -)"
rm "$REBOUND_HOME/fillers.txt"

# --missing transcribes the recordings that have none (here: those made with transcripts off).
run "$REBOUND" audio set transcripts off
answer "$TMP/clean.wav" practice
untranscribed=$(last_answer)
run "$REBOUND" transcribe --missing
expect_status 0
expect_out_has "Answer $untranscribed: 0:"
expect_db "SELECT count(*) FROM recording WHERE answer_id NOT IN (SELECT answer_id FROM transcript)" 0
run "$REBOUND" transcribe --missing
expect_out "Every recording has a transcript."
run "$REBOUND" transcribe --missing "$human"
expect_status 2
expect_err "rebound: transcribe: give ANSWER-ID..., or --missing"
run "$REBOUND" audio set transcripts on

# With transcripts off, recordings are kept and analysed but not transcribed.
run "$REBOUND" audio set transcripts off
answer "$TMP/clean.wav" practice
expect_db "SELECT count(*) FROM transcript WHERE answer_id = $(last_answer)" 0
expect_true '! printf %s "$out" | grep -q "transcript"'
finish
