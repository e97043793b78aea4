#!/usr/bin/env bash
# systemd's Type=notify and watchdog, with a stand-in notify socket and a real X server:
# READY=1 within 5 s of start, WATCHDOG=1 at least every 10 s, none while the loop hangs (SIGSTOP),
# and again once it goes on.
# Usage: e2e_notify.sh BINARY LISTENER CONFIG. Exit 77 (skipped) without Xvfb.
set -uo pipefail
bin=$1 listener=$2 config=$3
command -v Xvfb >/dev/null || { echo "skipped: Xvfb is not installed"; exit 77; }
tmp=$(mktemp -d)
cleanup() {
    for pid in ${kiosk:-} ${listen:-} ${xvfb:-}; do kill -CONT "$pid" 2>/dev/null; kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 100); do [[ -s $tmp/display ]] && break; sleep 0.05; done
export DISPLAY=:$(head -n1 "$tmp/display") SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy

"$listener" "$tmp/notify" 45 >"$tmp/messages" &
listen=$!
for _ in $(seq 100); do grep -q LISTENING "$tmp/messages" 2>/dev/null && break; sleep 0.05; done

# The watchdog is 20 s: the kiosk pings every 10 s (half of it, and never less often than 10 s).
NOTIFY_SOCKET=$tmp/notify WATCHDOG_USEC=20000000 "$bin" --windowed --size 640x360 \
    --config "$config" --state-dir "$tmp/state" 2>"$tmp/kiosk.log" &
kiosk=$!
sleep 23
kill -STOP "$kiosk"   # the loop hangs
sleep 14
kill -CONT "$kiosk"
sleep 6
kill -TERM "$kiosk"; wait "$kiosk" 2>/dev/null; kiosk=
kill "$listen" 2>/dev/null; wait "$listen" 2>/dev/null; listen=

cat "$tmp/messages"
fail=0
ready=$(awk '$2 == "READY=1" {print $1; exit}' "$tmp/messages")
if [[ -z $ready ]] || ((ready > 5000)); then echo "FAIL: no READY=1 within 5 s (at ${ready:-never} ms)"; fail=1; fi
# Gaps between pings while running (0-23 s): at most 10 s (plus scheduling slack).
awk '$2 == "WATCHDOG=1" && $1 < 23000 {print $1}' "$tmp/messages" >"$tmp/pings"
if (($(wc -l <"$tmp/pings") < 2)); then echo "FAIL: fewer than two watchdog pings in 23 s"; fail=1; fi
gap=$(awk 'NR > 1 {g = $1 - last; if (g > max) max = g} {last = $1} END {print max + 0}' "$tmp/pings")
if ((gap > 10500)); then echo "FAIL: $gap ms between watchdog pings"; fail=1; fi
# Stopped from 23 s to 37 s: no ping in between (a hung loop must let the watchdog fire).
during=$(awk '$2 == "WATCHDOG=1" && $1 > 23500 && $1 < 37000' "$tmp/messages" | wc -l)
if ((during != 0)); then echo "FAIL: $during watchdog pings while the loop was stopped"; fail=1; fi
after=$(awk '$2 == "WATCHDOG=1" && $1 >= 37000' "$tmp/messages" | wc -l)
if ((after == 0)); then echo "FAIL: no watchdog ping after the loop went on"; fail=1; fi
if ((fail)); then cat "$tmp/kiosk.log"; exit 1; fi
echo "1 passed, 0 failed"
