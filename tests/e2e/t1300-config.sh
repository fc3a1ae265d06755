# config: the settings file. Listing, get, set and unset with the user's comments kept; values checked;
# a broken file named with its line and column by every command (and 'config' still works); settings
# used by interviews and overridden by options; colour; $XDG_CONFIG_HOME; settings from older versions
# (kept in the database) moved into the file.
. "$(dirname "$0")/lib.sh"
require sqlite3
mkdir -p "$REBOUND_HOME/questions"
cp "$REBOUND_SOURCE/tests/e2e/data/practice.yaml" "$REBOUND_HOME/questions/"
CONFIG="$HOME/.config/rebound/config.yaml"

run "$REBOUND" config get interview.mode
expect_status 0
expect_out "typed"
run "$REBOUND" config get interview.bank
expect_status 1
expect_err "rebound: config: 'interview.bank' is not set"
run "$REBOUND" config get audio.rat
expect_status 1
expect_err "rebound: config: no setting 'audio.rat' (did you mean 'audio.rate'?)"

# A hand-written file keeps its comments and layout through set and unset.
mkdir -p "$(dirname "$CONFIG")"
printf '# my settings\ninterview:\n    mode: typed   # for now\n\n# sound\naudio:\n    rate: 22050\n' >"$CONFIG"
run "$REBOUND" config set interview.answer_seconds 45
expect_status 0
expect_out "interview.answer_seconds: 45 (in $CONFIG)"
run "$REBOUND" config set audio.rate 48000
run "$REBOUND" config set colour never
expect_true "[ \"\$(cat '$CONFIG')\" = '# my settings
interview:
    mode: typed   # for now
    answer_seconds: 45

# sound
audio:
    rate: 48000
colour: never' ]"
expect_true "[ \"\$(stat -c %a '$CONFIG')\" = 600 ]"
run "$REBOUND" config unset audio.rate
expect_out "audio.rate: removed from $CONFIG; the default is 16000"
expect_true "! grep -q rate '$CONFIG' && grep -q '^# sound' '$CONFIG'"
run "$REBOUND" config
expect_status 0
expect_out_has "Settings file: $CONFIG
SETTING                  VALUE          FROM      WHAT"
expect_out_has "interview.answer_seconds 45             line 4    seconds to answer each question"
expect_out_has "audio.rate               16000          default   the recording sample rate, in Hz"

# Values are checked, and a refused one leaves the file as it was.
cp "$CONFIG" "$TMP/before"
run "$REBOUND" config set interview.answer_seconds 0
expect_status 1
expect_err "rebound: config: 'interview.answer_seconds' takes a whole number from 1 to 3600, not '0'"
run "$REBOUND" config set interview.mode loud
expect_status 1
expect_err "rebound: config: 'interview.mode' takes typed or spoken, not 'loud'"
run "$REBOUND" config set interview.bank nosuchbank
expect_status 1
expect_err "rebound: unknown bank 'nosuchbank' (see 'banks')"
run "$REBOUND" config set nosuch.key 1
expect_status 1
expect_err "rebound: config: no setting 'nosuch.key'"
# Two processes setting different keys at once: each set holds (the read-modify-write is locked), so
# right after it the process reads back its own value, never the other's stale copy of the file.
race() {	# race KEY BASE: sets KEY to BASE+1 .. BASE+40, counting reads that lost the value just set
	local i lost=0
	for i in $(seq 40); do
		"$REBOUND" config set "$1" $(($2 + i)) || lost=$((lost + 100))
		[ "$("$REBOUND" config get "$1")" = $(($2 + i)) ] || lost=$((lost + 1))
	done
	echo "$lost" >"$TMP/lost-$1"
}
cp "$CONFIG" "$TMP/pre-race"
race interview.think_seconds 100 & race interview.answer_seconds 200 & wait
expect_true "[ \"\$(cat '$TMP/lost-interview.think_seconds') \$(cat '$TMP/lost-interview.answer_seconds')\" = '0 0' ]"
run "$REBOUND" config get interview.think_seconds
expect_out 140
run "$REBOUND" config get interview.answer_seconds
expect_out 240
cp "$TMP/pre-race" "$CONFIG"

# A negative number is a value out of range, not an option.
run "$REBOUND" config set interview.think_seconds -5
expect_status 1
expect_err "rebound: config: 'interview.think_seconds' takes a whole number from 0 to 600, not '-5'"
# A huge unknown option or id is quoted in part, so the message stays one short line.
run "$REBOUND" show "$(printf 'x%.0s' $(seq 5000))"
expect_status 1
expect_true '[ ${#err} -lt 200 ]'
run "$REBOUND" config frobnicate
expect_status 2
expect_true "cmp -s '$TMP/before' '$CONFIG'"

# Interviews use the settings; options win over them.
run "$REBOUND" config set interview.bank practice
expect_status 0
run "$REBOUND" config set interview.think_seconds 0
printf 'An answer\n\n3 3\n\n' >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --theme clarity --count 1
expect_status 0
expect_true "[ \"\$(db 'SELECT bank, think_seconds, answer_seconds, spoken FROM session WHERE id = 1')\" = 'practice|0|45|0' ]"
expect_true "[ \"\$(db 'SELECT think_limit_seconds, answer_limit_seconds, mode FROM answer WHERE session_id = 1')\" = '0|45|typed' ]"
STDIN="$TMP/answers" run "$REBOUND" interview --theme clarity --count 1 --answer 30 --think 5
expect_status 0
expect_true "[ \"\$(db 'SELECT think_limit_seconds, answer_limit_seconds FROM answer WHERE session_id = 2')\" = '5|30' ]"

# A bank the file names that is not loaded: the file's line and column.
sed -i 's/bank: practice/bank: gone/' "$CONFIG"
run "$REBOUND" interview --count 1
expect_status 1
expect_err "rebound: $CONFIG:5:11: interview.bank: no bank 'gone' is loaded ('banks' lists them)"
run "$REBOUND" config unset interview.bank

# Colour: the setting, and --colour over it.
run "$REBOUND" config set colour always
run "$REBOUND" banks
expect_true "printf %s \"\$out\" | grep -q \$'\\033\\\\[1m'"
run "$REBOUND" --colour never banks
expect_true "! printf %s \"\$out\" | grep -q \$'\\033'"
run "$REBOUND" --colour sometimes banks
expect_status 2
expect_err "rebound: --colour takes auto, always or never, not 'sometimes'"
run "$REBOUND" config set colour never

# A broken file: every command says where; 'config' and 'help' still run.
cp "$CONFIG" "$TMP/good"
printf 'audio:\n  rate: fast\n' >"$CONFIG"
run "$REBOUND" banks
expect_status 1
expect_err "rebound: $CONFIG:2:9: 'audio.rate' takes a whole number from 8000 to 192000, not 'fast' ('config' shows the settings; fix the file or remove it)"
run "$REBOUND" config
expect_status 1
expect_out_has "audio.rate               16000          default"
expect_err "rebound: $CONFIG:2:9: 'audio.rate' takes a whole number from 8000 to 192000, not 'fast'"
run "$REBOUND" config set colour never
expect_status 1
expect_true "[ \"\$(cat '$CONFIG')\" = 'audio:
  rate: fast' ]"
run "$REBOUND" help config
expect_status 0
printf 'audio:\n  rat: 8000\n' >"$CONFIG"
run "$REBOUND" banks
expect_status 1
expect_err_has "rebound: $CONFIG:2:3: no setting 'audio.rat' (did you mean 'audio.rate'?)"
printf 'audio:\n  rate: "48000\n' >"$CONFIG"
run "$REBOUND" banks
expect_status 1
expect_err "rebound: $CONFIG:3:1: found unexpected end of stream (while scanning a quoted scalar at 2:9) ('config' shows the settings; fix the file or remove it)"
cp "$TMP/good" "$CONFIG"

# The shell reads the file again when it changes under it.
{ echo "config get colour"; while [ ! -e "$TMP/edited" ]; do sleep 0.05; done; echo "config get colour"; } |
	"$REBOUND" >"$TMP/shell.out" 2>&1 &
for i in $(seq 200); do grep -q never "$TMP/shell.out" && break; sleep 0.05; done
sed -i 's/colour: never/colour: always/' "$CONFIG"
touch "$TMP/edited"
wait
expect_true "[ \"\$(grep -E '^(never|always)$' '$TMP/shell.out' | tr '\n' ' ')\" = 'never always ' ]" || cat "$TMP/shell.out"
sed -i 's/colour: always/colour: never/' "$CONFIG"

# Removing what is not set changes nothing; with no home at all (a cron job) the defaults apply.
run "$REBOUND" config unset audio.output
expect_status 0
expect_out "audio.output: not set in $CONFIG, nothing to remove"
run env -i REBOUND_HOME="$REBOUND_HOME" "$REBOUND" config get audio.rate
expect_status 0
expect_out "16000"

# $XDG_CONFIG_HOME is where the file lives when it is set.
XDG_CONFIG_HOME="$TMP/xdg" run "$REBOUND" config set interview.mode spoken
expect_status 0
expect_true "grep -q 'mode: spoken' '$TMP/xdg/rebound/config.yaml'"
expect_true "! grep -q 'mode: spoken' '$CONFIG'"

# Settings an older rebound kept in the database move into the file once; the file's own values win.
db "INSERT INTO setting (key, value) VALUES ('audio.rate', '+22050'), ('interview.spoken', 'on'), ('audio.input', 'USB mic'),
    ('audio.output', 'Speakers: front'), ('speech.transcripts', 'off');"
run "$REBOUND" config set interview.mode typed
run "$REBOUND" config
expect_status 0
expect_out_has "audio.input              USB mic        line"
expect_out_has "audio.output             Speakers: front line"
expect_out_has "audio.rate               22050          line"
expect_out_has "interview.mode           typed          line 3"
expect_out_has "speech.transcripts       off            line"
expect_true "[ \"\$(db 'SELECT COUNT(*) FROM setting')\" = 0 ]"
expect_true "grep -q '^# my settings' '$CONFIG'"
finish
