# Temporary files a writer killed with -9 left behind (PATH.rebound-tmp-XXXXXX, next to a bank, a
# recording, the settings file, an export or a report) are removed when rebound next starts, or when it
# next writes that file; one that a live writer holds (its flock) stays, and so does every file of any
# other name, however much it looks like one.
. "$(dirname "$0")/lib.sh"
command -v flock >/dev/null || { echo "flock (util-linux) is required"; exit 1; }
run "$REBOUND" config set interview.think_seconds 5	# makes the settings file and its folder
run "$REBOUND" banks	# makes the data dir
CONF="$HOME/.config/rebound"
mkdir -p "$REBOUND_HOME/questions" "$REBOUND_HOME/recordings" "$TMP/out"
stale="$REBOUND_HOME/questions/big.yaml.rebound-tmp-Xy12Zq $REBOUND_HOME/recordings/s1-q1.wav.rebound-tmp-a1B2c3
$CONF/config.yaml.rebound-tmp-Q9w8E7 $REBOUND_HOME/export.json.rebound-tmp-zzzzzz"
kept="$REBOUND_HOME/questions/practice.yaml.backup $REBOUND_HOME/questions/notes.rebound-tmp-toolong1
$REBOUND_HOME/recordings/s1-q1.wav.AbCdEf $TMP/out/other.html.rebound-tmp-Other1"
for f in $stale $kept; do printf 'left behind\n' >"$f"; done
live="$REBOUND_HOME/questions/live.yaml.rebound-tmp-Live01"
printf 'being written\n' >"$live"
flock "$live" -c "touch '$TMP/holding'; while [ ! -e '$TMP/release' ]; do sleep 0.05; done" &
holder=$!
for i in $(seq 600); do [ -e "$TMP/holding" ] && break; sleep 0.05; done

run "$REBOUND" sessions
expect_status 0
for f in $stale; do expect_true "[ ! -e '$f' ]"; done
for f in $kept "$live"; do expect_true "[ -e '$f' ]"; done
touch "$TMP/release"
wait "$holder"

# Beside an --out file: the report's own leftovers go, another file's stay.
printf 'half a report\n' >"$TMP/out/report.html.rebound-tmp-R3p0rt"
run "$REBOUND" report --out "$TMP/out/report.html"
expect_status 0
expect_true "[ ! -e '$TMP/out/report.html.rebound-tmp-R3p0rt' ] && [ -e '$TMP/out/other.html.rebound-tmp-Other1' ]"
expect_true "[ -s '$TMP/out/report.html' ] && [ \$(ls '$TMP/out' | wc -l) -eq 2 ]"
finish
