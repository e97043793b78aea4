#!/usr/bin/env bash
# The kiosk's log as the journal gets it, under a real X server: with stderr on the journal
# stream (JOURNAL_STREAM names its device and inode) every line starts with its priority, so
# `journalctl -p warning` shows "no sound device"; on a terminal the lines read "stretch-kiosk: ...".
# Usage: e2e_journal.sh BINARY CONFIG. Exit 77 (skipped) without Xvfb.
set -uo pipefail
bin=$1 config=$2
command -v Xvfb >/dev/null || { echo "skipped: Xvfb is not installed"; exit 77; }
tmp=$(mktemp -d)
cleanup() {
    [[ -n ${xvfb:-} ]] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 640x360x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 100); do [[ -s $tmp/display ]] && break; sleep 0.05; done
export DISPLAY=:$(head -n1 "$tmp/display")
source "$(dirname "$0")/check.sh"
# Under LeakSanitizer (run-tests --sanitize) its exit report would be lines of the log too.
export LSAN_OPTIONS=${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0
# An audio driver SDL does not have: the kiosk goes on silent and says so as a warning.
run_kiosk() {  # LOG_FILE: runs the kiosk for two seconds, stderr to LOG_FILE
    SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=no-such-driver timeout --preserve-status -s TERM 2 \
        "$bin" --windowed --size 640x360 --config "$config" --state-dir "$tmp/state" 2>>"$1"
}

: >"$tmp/journal"
(JOURNAL_STREAM=$(stat -c %d:%i "$tmp/journal") run_kiosk "$tmp/journal")
check "journal: the kiosk ends cleanly on SIGTERM" 0 "$?"
check "journal: no sound device is a warning" 1 "$(grep -c '^<4>no sound device' "$tmp/journal")"
check "journal: what draws is info" 1 \
    "$(grep -c '^<6>drawing on x11 with the software renderer$' "$tmp/journal")"
check "journal: every line has a priority" 0 "$(grep -vc '^<[0-7]>' "$tmp/journal")"
check "journal: no program name in the text" 0 "$(grep -c 'stretch-kiosk:' "$tmp/journal")"
# What `journalctl -p warning` would show: priorities 0 to 4.
check "journal: warning and worse" "<4>no sound device" \
    "$(grep '^<[0-4]>' "$tmp/journal" | cut -c1-18)"

run_kiosk "$tmp/terminal"
check "terminal: no sound device" 1 "$(grep -c '^stretch-kiosk: no sound device' "$tmp/terminal")"
check "terminal: no priorities" 0 "$(grep -c '^<' "$tmp/terminal")"

if ((failures)); then
    echo "--- journal"; cat "$tmp/journal"; echo "--- terminal"; cat "$tmp/terminal"
fi
report
