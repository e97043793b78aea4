#!/usr/bin/env bash
# A whole session spoken through SDL's disk audio driver: each step's words are in the sound that
# was written, and how soon after its step each began is printed (a figure, not a pass mark: it
# depends on the machine's load).
# Usage: e2e_voice.sh BINARY SPEECH_ONSETS CONFIG EXPECTED-STEPS [KIOSK-OPTION...]
#   EXPECTED-STEPS: the steps that must speak, in order, separated by spaces ("" for no check).
#   KIOSK-OPTION: how the session starts, e.g. --start full, or --clock-start just before a
#   scheduled time in a config that starts sessions by itself.
# Exit 77 (skipped) when the program was built without a voice.
set -uo pipefail
bin=$1 onsets=$2 config=$3 expected=$4
shift 4
"$bin" --version | grep -q "voice: eSpeak NG" || { echo "skipped: voice is not built in"; exit 77; }
tmp=$(mktemp -d)
cleanup() {
    [[ -n ${kiosk:-} ]] && kill "$kiosk" 2>/dev/null && wait "$kiosk" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

# The whole session at normal speed (the sound plays in real time), without a display.
SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$tmp/out.raw \
    "$bin" --config "$config" --state-dir "$tmp/state" --trace "$tmp/trace" "$@" \
    2>"$tmp/kiosk.log" &
kiosk=$!
# Until the session is done and its last words have been said (20 minutes at most).
for _ in $(seq 12000); do
    grep -qP '\tsay\tdone\t' "$tmp/trace" 2>/dev/null && break
    kill -0 "$kiosk" 2>/dev/null || break
    sleep 0.1
done
sleep 2
kill -TERM "$kiosk"; wait "$kiosk" 2>/dev/null; kiosk=

fail=0
check() {  # check WHAT CONDITION-STATUS
    if [[ $2 == 0 ]]; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi
}
grep -q $'\taudio\topen 48000 Hz 2 channels' "$tmp/trace"; check "the disk device opened at 48 kHz stereo" $?
steps=$(awk -F'\t' '$2 == "step" {printf "%s ", $3}' "$tmp/trace" | sed 's/ $//')
spoken=$(awk -F'\t' '$2 == "say" && $4 != "then" {printf "%s ", $3}' "$tmp/trace" | sed 's/ $//')
echo "steps:  $steps"
echo "spoken: $spoken"
if [[ -n $expected ]]; then
    [[ $steps == "$expected" ]]; check "the steps, in order" $?
    [[ $spoken == "$expected" ]]; check "every step spoke, in order" $?
fi
if [[ -n $expected ]]; then
    # The schedule's phrases are made at start-up; a session that starts seconds later finds them.
    ! grep -q $'\tunsaid\t[^\t]*\tnot ready' "$tmp/trace"; check "no phrase was left out for not being ready" $?
fi
"$onsets" "$tmp/out.raw" "$tmp/trace" 48000 2; check "every step's words are in the sound written" $?
if ((fail)); then
    echo "--- trace"; cat "$tmp/trace"; echo "--- log"; cat "$tmp/kiosk.log"
fi
exit $fail
