#!/usr/bin/env bash
# Only what changed goes to the screen: in a steady hold, a frame sends the strip of the progress
# bar that filled, and once a second the number's box with it; a new screen sends everything.
# Read from the kiosk's own --trace (its "frame" lines: the pixels and areas sent), never timed.
# Usage: frames_test.sh BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
cleanup() {
    [[ -n ${kiosk:-} ]] && kill "$kiosk" 2>/dev/null && wait "$kiosk" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
source "$(dirname "$0")/check.sh"
width=640 height=360

SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy "$bin" --windowed --size ${width}x$height \
    --config "$src/config/stretch-kiosk.yaml" --state-dir "$tmp/state" --start full \
    --clock-start 2026-11-23T07:00 --trace "$tmp/trace" 2>"$tmp/kiosk.log" &
kiosk=$!
# Until three new numbers of the hold have been shown (a minute at most, for a slow build).
for _ in $(seq 1200); do
    shown=$(awk -F'\t' '$2 == "screen" && $3 == "hold" {on = 1} on && $2 == "digit" {n++}
                         END {print n + 0}' "$tmp/trace" 2>/dev/null || echo 0)
    ((${shown:-0} >= 4)) && break
    sleep 0.05
done
kill -TERM "$kiosk"; wait "$kiosk"; kiosk=

# The hold's frames: "ms<TAB>frame<TAB>N px<TAB>x,y WxH; ...", each marked with whether a new
# number was shown at the same moment.
awk -F'\t' '
    $2 == "screen" { on = ($3 == "hold") }
    on && $2 == "frame" { frame[++n] = $0; at[n] = $1 }
    on && $2 == "digit" { digit[$1] = 1 }
    END { for (i = 1; i <= n; ++i) print (digit[at[i]] ? "digit" : "bar") "\t" frame[i] }
' "$tmp/trace" >"$tmp/hold"
# The first hold frame is the one before "screen hold" in the trace: the screen change.
first=$(awk -F'\t' '$2 == "screen" && $3 == "hold" {print prev; exit} $2 == "frame" {prev = $3 "\t" $4}' "$tmp/trace")
check "a new screen sends all of it" "$((width * height)) px	0,0 ${width}x$height" "$first"

bar_frames=$(grep -c '^bar' "$tmp/hold")
digit_frames=$(grep -c '^digit' "$tmp/hold")
check "the hold has frames where only the bar moves" 1 "$((bar_frames > 10))"
check "and frames with a new number" 1 "$((digit_frames >= 3))"
# A bar frame: one area, a strip of the bar (the same height each time), a sliver of the screen.
check "each bar frame sends one area" 0 "$(grep '^bar' "$tmp/hold" | cut -f5 | grep -c ';')"
check "each bar frame is the same strip's height" 1 \
    "$(grep '^bar' "$tmp/hold" | cut -f5 | sed 's/.*x//' | sort -u | wc -l)"
check "each bar frame sends under 1% of the screen" 0 \
    "$(grep '^bar' "$tmp/hold" | cut -f4 | awk -v all=$((width * height)) '$1 * 100 >= all' | wc -l)"
# A new number: the number's box, the same each second, and the bar's strip if it grew (a slow
# bar on a small screen may not have); never everything.
check "each new number sends its box and at most the bar's strip" "$digit_frames" \
    "$(grep '^digit' "$tmp/hold" | cut -f5 | grep -c '^[^;]*\(; [^;]*\)\?$')"
check "the number's box is the same each second" 1 \
    "$(grep '^digit' "$tmp/hold" | cut -f5 | cut -d';' -f1 | sort -u | wc -l)"
check "a new number sends under half the screen" 0 \
    "$(grep '^digit' "$tmp/hold" | cut -f4 | awk -v all=$((width * height)) '$1 * 2 >= all' | wc -l)"

# The bar moves only by pixels it gains: each strip begins where the last one ended (none lost,
# none sent twice), whether a bar frame's or a new number's.
bar_y=$(grep '^bar' "$tmp/hold" | head -1 | cut -f5 | sed 's/^[0-9]*,\([0-9]*\) .*/\1/')
check "the bar's strips follow each other, pixel after pixel" 0 \
    "$(cut -f5 "$tmp/hold" | tr ';' '\n' | sed 's/^ //' | awk -v y="$bar_y" -F'[, x]' '
        $2 == y { if (seen && $1 != next_x) bad++; next_x = $1 + $3; seen = 1 }
        END { print bad + 0 }')"

# The bar alone never wakes the loop more than 20 times a second: a frame of the bar alone comes
# 50 ms after the frame before at the earliest (40 allows for the trace's own moment).
check "no frame of the bar alone within 40 ms of the frame before" 0 \
    "$(awk -F'\t' '{ if (n++ && $1 == "bar" && $2 - last < 40) bad++; last = $2 }
                    END { print bad + 0 }' "$tmp/hold")"

# Each new number comes at its second, counted from the hold's start, never before it; each is
# one less than the last. (How late, on a loaded machine, is for bench/compare.py to say.)
check "each new number at its second, never early, counting down by one" 0 \
    "$(awk -F'\t' '
        $2 == "step" && $3 == "hold" && !start { start = $1 }
        start && $2 == "digit" {
            if (n > 0 && $3 != last - 1) bad++
            if ($1 + 1 < start + 1000 * n) bad++
            last = $3; n++
        }
        END { print (n >= 3 ? bad + 0 : "too few") }' "$tmp/trace")"
report
