# Helpers for scripts that drive rebound in a real terminal (tmux), after lib.sh:
# tmux_start CMD starts it in session t; screen prints the pane; wait_for TEXT polls for up to 20 s
# (it returns as soon as the text shows; the margin is for a loaded 2-core machine).
command -v tmux >/dev/null || { echo "tmux is required (apt-get install tmux)"; exit 1; }

export TMUX_TMPDIR="$TMP"
tmux_cmd() { tmux -L rebound-e2e "$@"; }
trap 'tmux_cmd kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
screen() { tmux_cmd capture-pane -p -t t; }
wait_for() {
	local i
	for i in $(seq 200); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	return 1
}
expect_screen() { if wait_for "$1"; then pass; else fail "screen lacks '$1':$(printf '\n%s' "$(screen)")"; fi; }
tmux_start() { tmux_cmd new-session -d -s t -x 120 -y 40 "$1"; }
# tmux_stop: ends the server and waits for it to be gone, so that tmux_start can start a fresh one.
tmux_stop() {
	local i
	tmux_cmd kill-server 2>/dev/null
	for i in $(seq 50); do tmux_cmd ls >/dev/null 2>&1 || break; sleep 0.1; done
	rm -f "$TMUX_TMPDIR"/tmux-*/rebound-e2e
}
