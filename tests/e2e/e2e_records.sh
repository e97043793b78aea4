#!/usr/bin/env bash
# Honest records, lived through under a real X server as a person would: a session that started
# by itself and was confirmed, one that nobody confirmed, a long press followed by "carry on", and
# a missed session made up for later the same day. Then the history says what happened, each
# session once. Timings leave seconds of margin: the kiosk runs at real speed where a person has
# to react, ten times faster where nobody does.
# Usage: e2e_records.sh BINARY. Needs Xvfb and xdotool (exit 77, skipped, without them).
set -uo pipefail
bin=$1
for tool in Xvfb xdotool; do
    command -v $tool >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
tmp=$(mktemp -d)
kiosks=()
cleanup() {
    for pid in "${kiosks[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    [[ -n ${xvfb:-} ]] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do [[ -s $tmp/display ]] && break; sleep 0.05; done
export DISPLAY=:$(head -n1 "$tmp/display")
export SDL_AUDIODRIVER=dummy

# NAME START SPEED SESSION-SETTINGS: a kiosk of its own (config, state, log) in $tmp/NAME,
# started and waited for until it draws. Its pid is in $kiosk.
launch() {
    local name=$1 start=$2 speed=$3 session=$4
    mkdir -p "$tmp/$name"
    cat >"$tmp/$name/config.yaml" <<YAML
timezone: Europe/Berlin
schedule:
  - {name: Morning stretch, time: "07:00", days: daily, routine: quick}
stretches:
  wall: {title: Wall stretch, steps: [Lie down by a wall.]}
routines:
  quick: {steps: [{stretch: wall, hold: 10s}]}
session: {get_ready: 3s, $session}
audio: {enabled: false}
voice: {enabled: false}
YAML
    "$bin" --windowed --size 640x360 --config "$tmp/$name/config.yaml" \
        --state-dir "$tmp/$name/state" --clock-start "$start" --clock-speed "$speed" \
        2>"$tmp/$name/kiosk.log" &
    kiosk=$!
    kiosks+=("$kiosk")
    for _ in $(seq 300); do grep -q 'drawing on' "$tmp/$name/kiosk.log" && break; sleep 0.1; done
}
# One kiosk runs at a time: with no window manager, its window is the one that gets the key.
key() { xdotool key space; }
end() { kill -TERM "$1"; wait "$1"; }
history() { "$bin" --history --state-dir "$tmp/$1/state"; }

fail=0 passed=0
check() {  # NAME EXPECTED ACTUAL
    if [[ $2 == "$3" ]]; then
        passed=$((passed + 1))
    else
        echo "FAIL $1: expected"; echo "$2" | sed 's/^/     | /'
        echo "     got"; echo "$3" | sed 's/^/     | /'
        fail=1
    fi
}
outcomes() { cut -f4 | paste -sd' '; }

# Started by itself at 07:00:03 (3 s after the prompt), done at 07:00:16: confirmed, and not.
launch confirmed 2026-11-23T06:59:58 1 "start: auto, auto_start_after: 3s"
sleep 21
key                                # on the done screen: "Did you stretch?"
sleep 1
end "$kiosk"
launch unconfirmed 2026-11-23T06:59:58 1 "start: auto, auto_start_after: 3s"
sleep 21
end "$kiosk"                       # nobody pressed
check "confirmed: one session, completed" "started completed" "$(history confirmed | outcomes)"
check "confirmed: the file keeps what the screen asked" 1 \
    "$(grep -c $'\tunattended\t' "$tmp/confirmed/state/history.log")"
check "unconfirmed: unattended" "started unattended" "$(history unconfirmed | outcomes)"

# Started with a press; a long press in the hold stops it; a press carries on; it completes.
launch carry-on 2026-11-23T06:59:59 1 "start: button"
sleep 1
key                       # start: 3 s to get ready, then 10 s of hold
sleep 4
xdotool keydown space; sleep 2.5; xdotool keyup space   # held 1.5 s: stopped
sleep 2
key                       # carry on: the hold again, from its beginning
sleep 14
end "$kiosk"
check "carry on: one session, completed" "started completed" "$(history carry-on | outcomes)"
check "carry on: one start in the file" 1 "$(grep -c $'\tstarted\t' "$tmp/carry-on/state/history.log")"
seconds=$(history carry-on | awk -F'\t' '$4 == "completed" {print $5}')
# About 4 + 13 s of stretching, not the seconds on the stopped screen.
if [[ -z $seconds ]] || ((seconds < 14 || seconds > 19)); then
    echo "FAIL carry on: active time '$seconds' s is not about 17 s"; fail=1
else
    passed=$((passed + 1))
fi

# Ten times faster: the prompt's minute passes, the session is missed; "stretch now" makes up
# for it, as that morning's session.
launch late 2026-11-23T06:59:50 10 "start: button, prompt_window: 1m"
sleep 9                            # past 07:01: missed
key                       # stretch now
sleep 4
end "$kiosk"
check "late: missed, then done" "missed started completed" "$(history late | outcomes)"
check "late: counts for the morning's entry" 1 "$(grep -c \
    $'\tMorning stretch@2026-11-23\tMorning stretch\tquick\tcompleted\t' \
    "$tmp/late/state/history.log")"

if ((fail)); then
    for log in "$tmp"/*/kiosk.log; do echo "== $log"; cat "$log"; done
    exit 1
fi
echo "$passed passed, 0 failed"
