# Evidence beside the self-rating: a typed interview shows the answer, what it holds (the STAR parts and
# where the story stops, specifics, keywords and talking points, length, fillers and hedges) and the
# question's talking points and tips before the first rating prompt; 'resume' shows them for an answer left
# unrated; the figures are kept with the answer (schema 8) and shown by 'session'; 'analyse' prints the
# same for any text, and --json gives the figures field by field.
. "$(dirname "$0")/lib.sh"
require python3
export REBOUND_SEED=1
mkdir -p "$REBOUND_HOME/questions"
cat >"$REBOUND_HOME/questions/evidence.yaml" <<'YAML'
bank: evidence
title: One story question
version: 1
questions:
  - id: a-mistake
    text: Tell me about a time you made a mistake.
    themes: [structure, examples]
    stages: [onsite]
    difficulty: 2
    keywords: [checkout, client]
    talking_points: [what you learned, how you fixed it]
    tips: [End with what changed afterwards.]
YAML
printf '\nIn my first month at a web agency I broke the checkout page.\nI reverted my commit and I rolled back the change.\n\n3 3\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank evidence --count 1 --think 30 --typed --no-follow-ups
expect_status 0
# Everything comes before the first rating prompt.
before=${out%%structure 1-5 or s>*}
case "$before" in
*"Your answer:
  In my first month at a web agency I broke the checkout page.
  I reverted my commit and I rolled back the change.
What it holds (evidence for your ratings):
  structure  situation yes, task no, action yes, result no
             your story ends after 'I reverted my commit and I rolled back the change': what happened next? Give the result"*) pass ;;
*) fail "no evidence before the rating:$(printf '\n%s' "$before")" ;;
esac
expect_true "printf %s \"\$before\" | grep -q '^  keywords   1 of 2 (missed: client)\$'"
expect_true "printf %s \"\$before\" | grep -q '^  points     0 of 2 (missed: what you learned; how you fixed it)\$'"
expect_true "printf %s \"\$before\" | grep -q '^  examples   0 numbers, 0 dates; the actions said \"I\" 3 times and \"we\" 0: add a number'"
expect_true "printf %s \"\$before\" | grep -q '^  clarity    23 words, about 0:09 spoken (of 2:00), 12 words a sentence\$'"
expect_true "printf %s \"\$before\" | grep -q '^Talking points:\$'"
expect_true "printf %s \"\$before\" | grep -q '^  - End with what changed afterwards.\$'"

# Kept with the answer, and shown by 'session'.
expect_db "SELECT source, situation, task, action, result, ends_at_action, generic, keywords_said, keywords_total FROM evidence" \
	"typed|1|0|1|0|1|0|1|2"
run "$REBOUND" session 1
expect_out_has "   evidence: situation yes, task no, action yes, result no (ends at the action) · 0 numbers · keywords 1 of 2 · points 0 of 2 · 23 words"

# An answer left unrated: resume shows it with its evidence first.
printf '\nAt my last job I led a migration and we cut costs by 30%%.\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank evidence --count 1 --think 30 --typed --no-follow-ups
printf '4 4\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" resume 2
expect_status 0
before=${out%%structure 1-5 or s>*}
expect_true "printf %s \"\$before\" | grep -q '^  At my last job I led a migration and we cut costs by 30%.\$'"
expect_true "printf %s \"\$before\" | grep -q '^             a whole story: good\$'"

# analyse: text from a file or standard input, as a story or against a question; --json field by field.
printf 'I always try to listen to everyone first.\n' >"$TMP/generic.txt"
run "$REBOUND" analyse "$TMP/generic.txt"
expect_status 0
expect_out_has "no situation: this reads as what you usually do; tell one real time it happened"
printf 'In 2023 our checkout broke. I had to fix it. I found the bug and I shipped a fix. Orders went from 40 to 90 a day, and the client renewed.' >"$TMP/story.txt"
STDIN="$TMP/story.txt" run "$REBOUND" analyse --question a-mistake --json -
expect_status 0
printf '%s' "$out" >"$TMP/analysis.json"
python3 - "$TMP/analysis.json" <<'PY' || fail "analyse --json fields"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["format"] == "rebound-analysis" and a["version"] == 1, a
assert a["story"] is True
assert a["parts"] == {"situation": True, "task": True, "action": True, "result": True}, a["parts"]
assert a["in_order"] is True and a["ends_at_action"] is False and a["generic"] is False
assert a["leads_with_point"] is None
assert a["dates"] == 1 and a["numbers"] == 2, (a["dates"], a["numbers"])
assert a["i_actions"] == 2 and a["we_actions"] == 0, (a["i_actions"], a["we_actions"])
assert a["words"] == 31 and a["sentence_count"] == 4, (a["words"], a["sentence_count"])
assert a["keywords"] == {"said": ["checkout", "client"], "missed": []}, a["keywords"]
assert a["talking_points"] == {"said": ["how you fixed it"], "missed": ["what you learned"]}, a["talking_points"]
assert [s["parts"] for s in a["sentences"]] == [["situation"], ["task"], ["action"], ["result"]], a["sentences"]
assert a["sentences"][0]["text"] == "In 2023 our checkout broke"
assert a["last_action_sentence"] == 2
assert a["spoken_seconds"] == 12 and a["fillers"] == 0 and a["hedges"] == 0
PY
pass
# --json counts fillers and hedges from the same lists as the text output.
printf 'Um, so, I basically kind of fixed it.' >"$TMP/fillers.txt"
run "$REBOUND" analyse --json "$TMP/fillers.txt"
expect_out_has '"fillers": 3,
  "hedges": 1,'
run "$REBOUND" analyse "$TMP/missing.txt"
expect_status 1
expect_err "rebound: analyse: cannot open '$TMP/missing.txt': No such file or directory"
run "$REBOUND" analyse --question nosuch "$TMP/generic.txt"
expect_status 1

# Calibration, on a constructed history: stories with no result rated 5 for structure, and stories with
# numbers rated 1 for examples. 'insights' says so plainly; with fewer than four answers it says nothing.
calibrate() {	# calibrate COUNT ANSWER SCORES
	local i
	for i in $(seq "$1"); do
		printf '\n%s\n\n%s\n\n' "$2" "$3" >"$TMP/answers"
		STDIN="$TMP/answers" run "$REBOUND" interview --bank evidence --count 1 --think 30 --typed --no-follow-ups
	done
}
rm -rf "$REBOUND_HOME/rebound.db"*
calibrate 3 "In my first month at a web agency I broke the checkout page. I reverted my commit." "5 3"
run "$REBOUND" insights
expect_true "! printf %s \"\$out\" | grep -q 'Your ratings and your answers'"
calibrate 2 "In my first month at a web agency I broke the checkout page. I reverted my commit." "5 3"
calibrate 3 "Last year I fixed the checkout and orders went from 40 to 90 a day." "3 1"
run "$REBOUND" insights
expect_out_has "Your ratings and your answers:
  You rate your structure 4.2 on average, but 5 of your last 8 answers had no result: look at the evidence before you rate."
calibrate 5 "Last year I fixed the checkout and orders went from 40 to 90 a day." "3 1"
run "$REBOUND" insights
expect_out_has "  You rate your examples 1.0 on average, yet 8 of your last 8 answers had a number: you may be hard on yourself."
# progress trends the same evidence under the ratings, session by session.
run "$REBOUND" progress
expect_out_has "structure   █████▅▅▅▅▅▅▅▅           5.0     3.0    -2.0  5.0 #5        13
  evidence  ▁▁▁▁▁████████            0%    100%  of the answers held a result (8 of 13 in all)"
expect_true "printf %s \"\$out\" | grep -q '^  evidence  .*    0%    100%  of the answers held a result (8 of 13 in all)\$'"
expect_true "printf %s \"\$out\" | grep -q '^  evidence  .*    0%    100%  of the answers held a number (8 of 13 in all)\$'"
expect_true "[ \"\$(printf %s \"\$out\" | grep -c '^  evidence')\" = 2 ]"
# A discarded session counts in neither (made so in the database: discard takes only unfinished ones).
db "UPDATE session SET status = 'discarded' WHERE id = 13"
run "$REBOUND" progress --theme examples
expect_out_has "of the answers held a number (7 of 12 in all)"
run "$REBOUND" insights
expect_out_has "  You rate your examples 1.2 on average, yet 7 of your last 8 answers had a number: you may be hard on yourself."

# A spoken interview whose recorder fails (the recordings folder turned into a file after the first
# answer): the second answer is typed instead, kept as typed, and its evidence is shown before its rating.
(
	export ALSA_CONFIG_PATH="$REBOUND_SOURCE/tests/e2e/data/alsa-file.conf" FAKE_RATE=16000
	export FAKE_MIC_RAW=/dev/zero FAKE_SPK_RAW=/dev/null
	cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
	mkfifo "$TMP/fifo"
	"$REBOUND" interview --bank practice --count 2 --think 0 --answer 30 --spoken --no-follow-ups <"$TMP/fifo" \
		>"$TMP/spoken.out" 2>&1 &
	exec 3>"$TMP/fifo"
	printf '\n' >&3		# stops the first recording
	for i in $(seq 100); do grep -q "1-5 or s>" "$TMP/spoken.out" 2>/dev/null && break; sleep 0.1; done
	rm -rf "$REBOUND_HOME/recordings" && : >"$REBOUND_HOME/recordings"
	printf '3 3\n\nIn 2023 at my last job I broke the checkout. I rolled back the change.\n\n3 3\n\n' >&3
	exec 3>&-
	wait $!
)
rm -f "$REBOUND_HOME/recordings"
spoken=$(sed -n '/Cannot record/,$p' "$TMP/spoken.out")
case "$spoken" in
*"Type the answer instead."*"Your answer:
  In 2023 at my last job I broke the checkout. I rolled back the change.
What it holds (evidence for your ratings):
  structure  situation yes, task no, action yes, result no"*"1-5 or s>"*) pass ;;
*) fail "a typed answer after the recorder failed has no evidence:$(printf '\n%s' "$(cat "$TMP/spoken.out")")" ;;
esac
expect_db "SELECT a.mode, e.source FROM answer a JOIN evidence e ON e.answer_id = a.id
	WHERE a.session_id = (SELECT MAX(id) FROM session) ORDER BY a.id" "typed|typed"

# In a real terminal: the evidence is on screen when the first rating prompt comes.
. "$(dirname "$0")/tmux.sh"
tmux_start "env REBOUND_HOME='$REBOUND_HOME' HOME='$HOME' REBOUND_NOW='$REBOUND_NOW' REBOUND_SEED=1 TERM=xterm LC_ALL=C.UTF-8 '$REBOUND'"
expect_screen "rebound>"
tmux_cmd send-keys -t t "interview --bank evidence --count 1 --think 0 --typed --no-follow-ups" Enter
expect_screen "Answer within"
tmux_cmd send-keys -t t -l "Last year I shipped a fix for the checkout. The client renewed."
tmux_cmd send-keys -t t Enter
expect_screen "> "
tmux_cmd send-keys -t t Enter
expect_screen "structure 1-5 or s>"
expect_true "screen | grep -q '^  structure  situation yes, task no, action yes, result yes\$'"
expect_true "screen | grep -q '^  keywords   2 of 2\$'"
expect_true "screen | grep -q '^  - End with what changed afterwards.\$'"
finish
