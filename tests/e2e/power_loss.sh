#!/usr/bin/env bash
# Power loss: the real program killed with SIGKILL at random moments while sessions run at a fast
# clock, CYCLES times over one history; then one clean run, and an audit of every record: each
# occurrence recorded once (completed, stopped or missed), each session begun closed once, no
# damage but at most a torn last line, nothing lost between the cycles.
# Usage: power_loss.sh BINARY [CYCLES] [SEED]. Runs headless (SDL's offscreen driver).
set -uo pipefail
bin=$1 cycles=${2:-30} seed=${3:-20261123}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy

# An occurrence every half hour, started by itself 5 s after its prompt; a session is 25 s.
{
    echo "timezone: Etc/UTC"
    echo "schedule:"
    for hour in $(seq -w 0 23); do
        for minute in 00 30; do
            echo "  - {name: \"At $hour:$minute\", time: \"$hour:$minute\", days: daily, routine: quick}"
        done
    done
    cat <<'EOF'
stretches:
  wall: {title: Wall stretch, steps: [Lie down by a wall.]}
routines:
  quick: {steps: [{stretch: wall, hold: 20s}]}
session: {start: auto, auto_start_after: 5s, prompt_window: 10m, get_ready: 5s}
audio: {enabled: false}
EOF
} >"$tmp/config.yaml"
"$bin" --check --config "$tmp/config.yaml" >/dev/null || { echo "FAIL: the config"; exit 1; }

RANDOM=$seed
base=$(date -u -d 2026-11-23T06:29 +%s)
# A kiosk that has run before (a session by hand, 20 minutes before the first occurrence): with an
# empty history a kiosk looks back only over what is still open, so a first cycle killed before
# its first look would leave its occurrence unrecorded by design, not by loss.
"$bin" --config "$tmp/config.yaml" --state-dir "$tmp/state" --start quick \
    --clock-start "$(date -u -d "@$((base - 1140))" +%Y-%m-%dT%H:%M)" 2>"$tmp/first.log" &
kiosk=$!
for _ in $(seq 200); do grep -q 'drawing on .* renderer' "$tmp/first.log" && break; sleep 0.1; done
sleep 0.5
kill -TERM "$kiosk"
wait "$kiosk"
kills=0
for ((cycle = 0; cycle < cycles; cycle++)); do
    # Each cycle starts a minute before its occurrence; at 120x a kiosk minute is half a second.
    start=$(date -u -d "@$((base + cycle * 1800))" +%Y-%m-%dT%H:%M)
    "$bin" --config "$tmp/config.yaml" --state-dir "$tmp/state" --clock-start "$start" \
        --clock-speed 120 2>>"$tmp/kiosk.log" &
    kiosk=$!
    # Killed anywhere from start-up to after the session: 0.05 to 1.6 s of real time.
    sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.3f", 0.05 + (r % 1550) / 1000 }')"
    kill -KILL "$kiosk" 2>/dev/null && kills=$((kills + 1))
    wait "$kiosk" 2>/dev/null
done
# One clean run just after the last occurrence's window: it closes what was cut short and
# records what was missed, then ends as systemd would end it.
"$bin" --config "$tmp/config.yaml" --state-dir "$tmp/state" \
    --clock-start "$(date -u -d "@$((base + (cycles - 1) * 1800 + 60 + 720))" +%Y-%m-%dT%H:%M)" \
    2>"$tmp/final.log" &
kiosk=$!
# Up and running first (a sanitizer build starts slowly; SIGTERM before SDL is up would end it
# before its first look at the schedule).
for _ in $(seq 200); do grep -q 'drawing on .* renderer' "$tmp/final.log" && break; sleep 0.1; done
sleep 1
kill -TERM "$kiosk"
wait "$kiosk"
cat "$tmp/final.log" >>"$tmp/kiosk.log"

# The audit, from the file itself: version, start, occurrence, entry, routine, outcome, seconds,
# checksum. `--history` says which lines it skipped.
"$bin" --history --state-dir "$tmp/state" --config "$tmp/config.yaml" >/dev/null 2>"$tmp/load.log"
first=$(date -u -d "@$((base + 60))" +%Y-%m-%dT%H:%M)
awk -F'\t' -v cycles="$cycles" -v kills="$kills" -v first="$first" -v damaged="$(grep -c 'skipped' "$tmp/load.log")" '
    NF != 8 { torn++; next }
    { session = $2 FS $3 FS $5 }
    $6 == "started" { started[session]++; if ($3 != "") begun[$3]++ }
    $6 != "started" { ended[session]++; n[$6]++; if ($3 != "") endings[$3]++ }
    END {
        for (k in started) if (ended[k] != started[k]) { print "unclosed or closed twice: " k; bad++ }
        for (k in begun) if (begun[k] > 1) { print "begun twice: " k; bad++ }
        for (k in endings) if (endings[k] > 1) { print "recorded twice: " k; bad++ }
        recorded = 0
        for (k in endings) recorded++
        printf "%d cycles, %d killed: %d unattended (started by themselves), %d completed, %d stopped, %d missed; %d occurrences recorded of %d; %d torn lines\n",
               cycles, kills, n["unattended"], n["completed"], n["stopped"], n["missed"], recorded, cycles, torn
        if (recorded != cycles) { print "lost: " cycles - recorded " occurrences have no record"; bad++ }
        if (damaged > 1) { print "damaged lines: " damaged; bad++ }
        exit bad > 0
    }' "$tmp/state/history.log"
status=$?
if ((status != 0)); then
    cat "$tmp/load.log"
    sort "$tmp/kiosk.log" | uniq -c | sort -rn | head
    echo "power loss: FAILED"
    exit 1
fi
echo "power loss: passed"
