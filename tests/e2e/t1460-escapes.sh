# Escape codes in shared or stored text never reach the terminal as codes: a bank whose title sets the
# window title and whose question fills the clipboard (OSC 0 and OSC 52), answers, notes and rejection
# fields with escape codes, and an id in an error message. In tmux with set-clipboard on, the pane title
# and the paste buffers stay as they were after banks, show, session, reject show and search, and the
# codes are shown as ^[ on the screen. 'check' warns about them; JSON export keeps the text exactly.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

OSC_TITLE=$(printf '\033]0;OWNED\a')
OSC_CLIP=$(printf '\033]52;c;ZWNobyBoaQ==\a')
cat >"$TMP/shared.yaml" <<YAML
bank: shared
title: "Shared bank \\e]0;OWNED\\a"
version: 1
questions:
  - id: why-us
    text: "Why us?\\e]52;c;ZWNobyBoaQ==\\a"
    themes: [structure]
    stages: [onsite]
    difficulty: 2
    tips: ["Breathe \\x9b2J first"]
YAML
run "$REBOUND" check "$TMP/shared.yaml"
expect_status 0
expect_err_has "shared.yaml:2:8: warning: 'title' contains the control character U+001B (shown as ^[)"
expect_err_has "shared.yaml:6:11: warning: 'text' contains the control character U+001B"
expect_err_has "shared.yaml:10:12: warning: 'tips' contains the control character U+009B (shown as <U+009B>)"
run "$REBOUND" bank import "$TMP/shared.yaml"
expect_status 0

export REBOUND_SEED=1
printf '%s\n\n4\n' "Because${OSC_CLIP} you ship" >"$TMP/answers"
STDIN="$TMP/answers" run "$REBOUND" interview --bank shared --count 1 --think 0 --typed
expect_status 0
run "$REBOUND" reject add --company "Acme${OSC_TITLE}" --role "Engineer${OSC_CLIP}" --date 2026-11-01 \
	--feedback "Vague${OSC_CLIP}" --themes structure
expect_status 0
run "$REBOUND" export --what rejections
expect_out_has '"company": "Acme\u001b]0;OWNED\u0007"'

tmux_start "env REBOUND_HOME='$REBOUND_HOME' HOME='$HOME' REBOUND_NOW='$REBOUND_NOW' TERM=xterm LC_ALL=C.UTF-8 '$REBOUND'"
tmux_cmd set -s set-clipboard on
expect_screen "rebound>"
title=$(tmux_cmd display -p -t t '#{pane_title}')
# shows COMMAND TEXT: runs a shell command and waits for TEXT, after clearing the screen (Ctrl-L).
shows() {
	tmux_cmd send-keys -t t C-l
	tmux_cmd clear-history -t t
	tmux_cmd send-keys -t t -l "$1"
	tmux_cmd send-keys -t t Enter
	expect_screen "$2"
}
shows banks "Shared bank ^[]0;OWNED^G"
shows "show why-us" "Why us?^[]52;c;ZWNobyBoaQ==^G"
expect_screen "Breathe <U+009B>2J first"
shows "session 1" "Because^[]52;c;ZWNobyBoaQ==^G you ship"
shows "reject show 1" "Acme^[]0;OWNED^G"
expect_screen "Engineer^[]52;c;ZWNobyBoaQ==^G"
shows "search ship" "Because^[]52;c;ZWNobyBoaQ==^G you [ship]"
# An error message that quotes what was typed (readline would take ESC as a key in the shell, so this
# one runs as a command of its own, in a window that stays open).
tmux_cmd set -g remain-on-exit on
tmux_cmd new-window -t t: "env REBOUND_HOME='$REBOUND_HOME' HOME='$HOME' TERM=xterm LC_ALL=C.UTF-8 '$REBOUND' show 'why-us$OSC_TITLE'"
expect_screen "unknown question 'why-us^[]0;OWNED^G'"
# --out to the terminal itself goes through the same filter.
tmux_cmd new-window -t t: "env REBOUND_HOME='$REBOUND_HOME' HOME='$HOME' TERM=xterm LC_ALL=C.UTF-8 '$REBOUND' export --format csv --what answers --out /dev/tty"
expect_screen "Why us?^[]52;c;ZWNobyBoaQ==^G"
expect_true "[ \"\$(tmux_cmd display -p -t t '#{pane_title}')\" = \"\$title\" ]"
expect_true "[ -z \"\$(tmux_cmd list-buffers)\" ]"
finish
