# Keyword spotting through the real recording path (PortAudio on ALSA's file device): three answers
# spoken by espeak-ng, each saying some of its question's keywords and not others. The spotter listens
# for every keyword and talking-point word (one the dictionary lacks is made of known words, one with no
# pronunciation is not listened for), its findings are kept with the transcript, 'transcribe' makes them
# again, and coverage joins them with the transcript: across the set it finds most keywords said and
# reports at most one that was not.
. "$(dirname "$0")/lib.sh"
if ! grep -q '^POCKETSPHINX_FOUND:INTERNAL=1$' "$REBOUND_BUILD/CMakeCache.txt"; then
	echo "SKIPPED: rebound was built without pocketsphinx (install libpocketsphinx-dev and pocketsphinx-en-us)"
	exit 0
fi
spoken_setup
cp "$REBOUND_SOURCE/tests/e2e/data/spotting.yaml" "$REBOUND_HOME/questions/"
"$REBOUND" config set audio.end_silence 2 >/dev/null

# say THEME TEXT: answers the spotting bank's question of THEME with espeak-ng saying TEXT.
say() {
	espeak-ng -v en-us+klatt -s 150 -w "$TMP/say.wav" "$2" 2>/dev/null
	sox "$TMP/say.wav" -r 16000 -c 1 -b 16 -e signed -t raw "$FAKE_MIC_RAW" pad 0 3
	printf '4 4\n\n' >"$TMP/answers"
	STDIN="$TMP/answers" run "$REBOUND" interview --bank spotting --theme "$1" --count 1 --think 0 --answer 90 --spoken --no-follow-ups
	expect_status 0
}
say examples "Last spring our payments service had a serious incident on a Friday night. I saw the error rate \
climb on the dashboard, so I called the team together and we decided on a rollback of the release. The \
customers affected got their money back within the hour, and on Monday I wrote up what we had learned."
say structure "I start from what the business needs this quarter and list every request with its deadline. \
Then I talk to the stakeholders one by one, because each of them sees a different part of the problem. \
I give each piece of work an estimate, and I share the list every week so that nobody is surprised."
say clarity "A colleague and I had a disagreement about how to design the new search page. Instead of \
arguing in the meeting, I asked for an hour with her alone. We listened to each other and found a \
compromise that kept her layout and my caching. Our relationship got better after that."

# Every phrase is stored with what the spotter made of it; the made-up word is not listened for, the
# company name is (as "data dog").
expect_db "SELECT count(*) FROM spot WHERE answer_id = 1" 8	# six keywords, "customers", "affected"
expect_db "SELECT phrase, listened FROM spot WHERE answer_id = 1 AND phrase IN ('datadog', 'xqzt') ORDER BY phrase" \
	"datadog|1
xqzt|0"
expect_db "SELECT count(*) FROM spot WHERE listened = 1 AND score IS NOT NULL AND start_ms < end_ms
	AND end_ms <= (SELECT frames / 16 FROM recording WHERE answer_id = spot.answer_id)" \
	"$(db "SELECT count(*) FROM spot WHERE score IS NOT NULL")"

# What coverage says, answer by answer, against what the text said.
said="incident dashboard rollback priorities deadline stakeholders estimate disagreement compromise relationship"
right=0 wrong=0
for id in 1 2 3; do
	run "$REBOUND" session "$id"
	line=$(printf '%s\n' "$out" | grep -E '^ +keywords +[0-9]+ of [0-9]+ said' | head -1)
	echo "answer $id: $line"
	expect_true '[ -n "$line" ]'
	list=$(printf '%s' "$line" | sed -n 's/^[^(]*(\([^)]*\)).*/\1/p' | tr -d ',')
	for word in $list; do
		case " $said " in *" $word "*) right=$((right + 1)) ;; *) wrong=$((wrong + 1)) ;; esac
	done
done
echo "keywords said and reported: $right of 10; reported but not said: $wrong"
expect_true "[ $right -ge 6 ] && [ $wrong -le 1 ]"
# The source of the figure is named, and how far the two agree.
expect_out_has " · the transcript and the spotter agree"
# The spotter alone: a keyword never said is almost never over the threshold.
expect_true '[ "$(db "SELECT count(*) FROM spot WHERE score >= -22 AND phrase IN ('"'"'datadog'"'"', '"'"'postmortem'"'"',
	'"'"'roadmap'"'"', '"'"'feedback'"'"', '"'"'escalated'"'"')")" -le 1 ]'

# 'transcribe' makes the spots again from the recording, the same as the interview made them.
before=$(db "SELECT group_concat(phrase || listened || coalesce(round(score, 1), '-'), ' ') FROM spot WHERE answer_id = 3")
run "$REBOUND" transcribe 3
expect_status 0
expect_db "SELECT group_concat(phrase || listened || coalesce(round(score, 1), '-'), ' ') FROM spot WHERE answer_id = 3" "$before"
finish
