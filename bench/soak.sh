#!/usr/bin/env bash
# Soak: the real program for DAYS simulated days (sessions at a sped-up clock, with scripted
# presses) under a private Xvfb; memory, file descriptors and textures sampled every simulated
# hour. Prints one line per simulated day and a verdict on whether they stayed flat after the
# first day (warm-up), and audits the history (every occurrence recorded once).
# Usage: bench/soak.sh BINARY [DAYS] [SPEED] [WxH]
#   DAYS (default 14) at SPEED times real time (default 600: 14 days in 34 minutes).
# Exit status: 0 when flat and whole, 1 when something grew or a record is wrong, 77 when Xvfb or
# xdotool is missing.
set -uo pipefail
bin=$(realpath "$1") days=${2:-14} speed=${3:-600} size=${4:-1280x720}
for tool in Xvfb xdotool; do
    command -v $tool >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
tmp=$(mktemp -d)
cleanup() {
    [[ -n ${presser:-} ]] && kill "$presser" 2>/dev/null && wait "$presser" 2>/dev/null
    [[ -n ${kiosk:-} ]] && kill "$kiosk" 2>/dev/null && wait "$kiosk" 2>/dev/null
    [[ -n ${xvfb:-} ]] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 100); do [[ -s $tmp/display ]] && break; sleep 0.05; done
export DISPLAY=:$(head -n1 "$tmp/display") SDL_AUDIODRIVER=dummy

# Three sessions a day with the shipped stretches, each starting by itself after its prompt
# (the presses below pause, resume, skip and end them, and ask for sessions by hand).
cat >"$tmp/config.yaml" <<'EOF'
timezone: Europe/Berlin
schedule:
  - {name: Morning stretch, time: "07:00", days: daily, routine: full}
  - {name: Lunch stretch, time: "12:30", days: weekdays, routine: gentle}
  - {name: Bedtime stretch, time: "21:30", days: daily, routine: full, theme: night}
session: {start: auto, auto_start_after: 60s, prompt_window: 60m}
audio: {enabled: false}
EOF
start=2026-11-23T06:00  # a Monday
"$bin" --windowed --size "$size" --config "$tmp/config.yaml" --state-dir "$tmp/state" \
    --clock-start "$start" --clock-speed "$speed" 2>"$tmp/kiosk.log" &
kiosk=$!

# Scripted presses, a few a minute of real time: mostly the button, sometimes skip or stop.
(
    RANDOM=20261123
    while sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 1 + r % 400 / 100 }')"; do
        case $((RANDOM % 10)) in
            0) xdotool key Right ;;
            1) xdotool key Escape ;;
            2) xdotool keydown space; sleep 1.6; xdotool keyup space ;;  # a long press: end
            *) xdotool key space ;;
        esac 2>/dev/null
    done
) &
presser=$!

sample() {  # RSS KiB, PSS KiB, open descriptors, text textures, texture KiB
    local rss pss fds status textures kib
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$kiosk/status")
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$kiosk/smaps_rollup")
    fds=$(ls "/proc/$kiosk/fd" | wc -l)
    kill -USR1 "$kiosk"
    sleep 1.2  # the kiosk logs its status within a second
    status=$(grep 'status: ' "$tmp/kiosk.log" | tail -n1)
    textures=$(sed -E 's/.*status: ([0-9]+) text textures.*/\1/' <<<"$status")
    kib=$(sed -E 's/.*text textures \(([0-9]+) KiB\).*/\1/' <<<"$status")
    echo "$rss $pss $fds ${textures:-?} ${kib:-?}"
}

hour_real=$(awk -v s="$speed" 'BEGIN { printf "%.3f", 3600 / s }')
echo "stretch-kiosk soak: $days days at ${speed}x (an hour every ${hour_real} s), $size, $(nproc) cores"
printf '%4s %10s %10s %5s %9s %9s\n' day "RSS KiB" "PSS KiB" fds textures "tex KiB"
declare -a day_rss day_fds day_tex
hours=$((days * 24))
launch=$(date +%s.%N)
for ((hour = 1; hour <= hours; hour++)); do
    # Sleep until simulated hour `hour` (sampling itself takes real time).
    target=$(awk -v l="$launch" -v h="$hour" -v r="$hour_real" 'BEGIN { printf "%.3f", l + h * r }')
    wait_s=$(awk -v t="$target" -v n="$(date +%s.%N)" 'BEGIN { d = t - n; printf "%.3f", (d > 0 ? d : 0) }')
    sleep "$wait_s"
    kill -0 "$kiosk" 2>/dev/null || { echo "FAIL: the kiosk died"; cat "$tmp/kiosk.log"; exit 1; }
    # The kiosk holds more during a session (sound, speech, fonts, textures) and lets it go
    # between sessions: a day's least resident memory, read every hour, is what a leak raises.
    # Counted from the end of the first session: until then nothing of a session has ever been
    # loaded (the libraries' pages, the catalogs, the allocator's first growth), and that
    # one-time warm-up is no leak.
    rss_now=$(awk '/^VmRSS:/ {print $2}' "/proc/$kiosk/status")
    day_now=$(((hour - 1) / 24 + 1))
    if [[ -z ${warm:-} ]] && awk -F'\t' '$6 != "" && $6 != "started" {found = 1} END {exit !found}' \
        "$tmp/state/history.log" 2>/dev/null; then
        warm=1
    fi
    if [[ -z ${warm:-} ]]; then
        :
    elif [[ -z ${day_least[day_now]:-} ]] || ((rss_now < day_least[day_now])); then
        day_least[day_now]=$rss_now
    fi
    if ((hour % 24 == 0)); then
        read -r rss pss fds textures kib < <(sample)
        day=$((hour / 24))
        day_rss[day]=$rss day_fds[day]=$fds day_tex[day]=$kib
        printf '%4d %10d %10d %5d %9s %9s\n' "$day" "$rss" "$pss" "$fds" "$textures" "$kib"
    fi
done
kill -TERM "$presser"; wait "$presser" 2>/dev/null; presser=
kill -TERM "$kiosk"; wait "$kiosk"; status=$?; kiosk=

fail=0
((status == 0)) || { echo "FAIL: the kiosk exited with $status"; fail=1; }
# Flat after warm-up: from day 1 to the last day, the day's least RSS grows by at most 2 MiB
# (allocator noise). Descriptors: each type size opens its font file once and keeps it (SDL_ttf reads
# glyphs from it), so a size first used late adds one; at most 4 more after day 1.
if ((days >= 2)); then
    growth=$((day_least[days] - day_least[1]))
    echo "least RSS of day 1 and of day $days: ${day_least[1]} -> ${day_least[days]} KiB ($growth KiB)"
    echo "descriptors from day 1 to day $days: ${day_fds[1]} -> ${day_fds[days]}"
    ((growth <= 2048)) || { echo "FAIL: resident memory grew by $growth KiB"; fail=1; }
    ((day_fds[days] <= day_fds[1] + 4)) || { echo "FAIL: descriptors grew ${day_fds[1]} -> ${day_fds[days]}"; fail=1; }
fi
# Every session that started was started once and closed (a session may be closed more than
# once: stopped, then carried on and completed; unattended, then confirmed), no occurrence is
# missed twice, and no occurrence is done (completed or partly) by two sessions. A missed
# occurrence may be made up for later that day by another session. (The history's lines:
# version, start, occurrence, entry, routine, outcome, seconds, checksum.)
awk -F'\t' '
    { session = $2 FS $3 FS $5 }
    $6 == "started" { started[session]++ }
    $6 != "started" { ended[session]++; n[$6]++ }
    $6 == "missed" && $3 != "" { missed[$3]++ }
    ($6 == "completed" || $6 == "partly") && $3 != "" && !((session) in done_by) {
        done_by[session] = 1; done[$3]++
    }
    END {
        for (k in started) if (started[k] != 1 || !(k in ended)) { print "FAIL: not started once and closed: " k; bad = 1 }
        for (k in missed) if (missed[k] > 1) { print "FAIL: missed twice: " k; bad = 1 }
        for (k in done) if (done[k] > 1) { print "FAIL: done by two sessions: " k; bad = 1 }
        printf "history: %d completed, %d stopped, %d missed\n", n["completed"], n["stopped"], n["missed"]
        exit bad
    }' "$tmp/state/history.log" || fail=1
grep -v '^stretch-kiosk: status: ' "$tmp/kiosk.log" | sort | uniq -c | sort -rn | head -n 8
((fail == 0)) && echo "soak passed" || exit 1
