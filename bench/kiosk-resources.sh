#!/usr/bin/env bash
# Measures what the running kiosk costs: CPU while idle and while a hold counts down, memory (PSS),
# and wake-ups, under a private Xvfb at a given size. Prints one line per figure.
# Usage: bench/kiosk-resources.sh BINARY [WxH] [SECONDS]
set -euo pipefail
bin=$(realpath "$1") size=${2:-1920x1080} seconds=${3:-20}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
cleanup() {
    [[ -n ${kiosk:-} ]] && kill "$kiosk" 2>/dev/null && wait "$kiosk" 2>/dev/null
    [[ -n ${xvfb:-} ]] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 100); do [[ -s $tmp/display ]] && break; sleep 0.05; done
export DISPLAY=:$(head -n1 "$tmp/display") SDL_AUDIODRIVER=dummy

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
switches() { awk '/voluntary_ctxt_switches/ {s += $2} END {print s}' "/proc/$1/status"; }
pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup"; }

measure() {  # measure LABEL ARGS...: run the kiosk with ARGS and report over $seconds
    local label=$1; shift
    "$bin" --config "$here/config/stretch-kiosk.yaml" --state-dir "$tmp/state-$label" "$@" \
        2>/dev/null &
    kiosk=$!
    sleep 3  # start-up and first frame are not what we measure here
    local cpu0 sw0 cpu1 sw1
    cpu0=$(cpu_ticks "$kiosk"); sw0=$(switches "$kiosk")
    sleep "$seconds"
    cpu1=$(cpu_ticks "$kiosk"); sw1=$(switches "$kiosk")
    awk -v l="$label" -v c=$((cpu1 - cpu0)) -v t="$ticks" -v s="$seconds" -v w=$((sw1 - sw0)) \
        -v p="$(pss_kib "$kiosk")" 'BEGIN {
            printf "%-6s CPU %5.2f%% of one core   wake-ups %6.1f/s   PSS %6.1f MiB\n",
                   l, 100 * c / t / s, w / s, p / 1024 }'
    kill "$kiosk"; wait "$kiosk" 2>/dev/null || true; kiosk=
}

echo "stretch-kiosk at $size, ${seconds} s each, software renderer ($(nproc) cores, $(uname -m))"
# Idle: mid-afternoon, nothing due for hours.
measure idle --clock-start 2026-11-23T14:00
# A session running: holds count down and the progress bar moves at ~30 frames a second.
measure hold --start full --clock-start 2026-11-23T07:00
