#!/usr/bin/env bash
# A whole session driven as a person would, under a real X server: wait for the scheduled time,
# press the button, pause, resume, finish; then the history holds the session as completed.
# Usage: e2e_session.sh BINARY. Needs Xvfb and xdotool (exit 77, skipped, without them).
set -uo pipefail
bin=$1
for tool in Xvfb xdotool; do
    command -v $tool >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
tmp=$(mktemp -d)
cleanup() {
    [[ -n ${kiosk:-} ]] && kill "$kiosk" 2>/dev/null && wait "$kiosk" 2>/dev/null
    [[ -n ${xvfb:-} ]] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do [[ -s $tmp/display ]] && break; sleep 0.05; done
export DISPLAY=:$(head -n1 "$tmp/display")

# One per-leg stretch: 10 s to get ready, 20 s a leg, 5 s to switch = 55 s of kiosk time.
cat >"$tmp/config.yaml" <<'EOF'
timezone: Europe/Berlin
schedule:
  - {name: Morning stretch, time: "07:00", days: daily, routine: quick}
stretches:
  chair:
    title: Chair hamstring stretch
    steps: [Sit on a chair., Rest one leg on another.]
    per_leg: true
    get_ready: 10s
    switch_sides: 5s
routines:
  quick:
    steps:
      - {stretch: chair, hold: 20s, sides: both}
audio: {enabled: false}
EOF
# The kiosk's clocks start at 06:59:56 and run 10 times faster than real time.
SDL_AUDIODRIVER=dummy "$bin" --windowed --size 1280x720 --config "$tmp/config.yaml" \
    --state-dir "$tmp/state" --clock-start 2026-11-23T06:59:56 --clock-speed 10 \
    2>"$tmp/kiosk.log" &
kiosk=$!

press() { xdotool key space; }
sleep 1.5   # 07:00:11 on the kiosk: the session is due
press       # start
sleep 1.5   # into the get-ready countdown
press       # pause
sleep 2     # paused: twenty kiosk seconds pass without counting
press       # resume
sleep 7     # the rest of the session (about 45 kiosk seconds) and the done screen
kill -TERM "$kiosk"
wait "$kiosk"
status=$?
kiosk=

fail=0
if ((status != 0)); then
    echo "FAIL: the kiosk exited with $status"; fail=1
fi
history=$("$bin" --history --state-dir "$tmp/state")
echo "$history"
if ! grep -q $'\tMorning stretch\tquick\tcompleted\t' <<<"$history"; then
    echo "FAIL: no completed session in the history"; fail=1
fi
if grep -q $'\tstopped\t' <<<"$history"; then
    echo "FAIL: the session was recorded as stopped"; fail=1
fi
# The pause did not count: about 45 s of stretching, not 65.
seconds=$(awk -F'\t' '$4 == "completed" {print $5}' <<<"$history")
if [[ -z $seconds ]] || ((seconds < 40 || seconds > 56)); then
    echo "FAIL: active time $seconds s is not the session's 45-55 s"; fail=1
fi
if ((fail)); then
    cat "$tmp/kiosk.log"
    exit 1
fi
echo "1 passed, 0 failed"
