#!/usr/bin/env bash
# The two programs: stretch-kiosk, which prints and exits, loads no SDL (nor SDL_mixer, SDL_ttf,
# ALSA or eSpeak NG); for the modes that draw it becomes stretch-kiosk-screen in its own process
# (same PID, same arguments), and says so in one sentence when that program is missing.
# Usage: programs_test.sh BINARY SCREEN_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 screen=$2 src=$3
tmp=$(mktemp -d)
cleanup() {
    [[ -n ${kiosk:-} ]] && kill "$kiosk" 2>/dev/null && wait "$kiosk" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
source "$(dirname "$0")/check.sh"
config=$src/config/stretch-kiosk.yaml

# What the dynamic loader loads: the ELF's NEEDED entries.
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort; }
printed=$(needed "$bin")
echo "stretch-kiosk needs: $(tr '\n' ' ' <<<"$printed")"
check "stretch-kiosk has NEEDED entries at all (libc)" 1 "$(grep -c '^libc\.so' <<<"$printed")"
# libfontconfig is allowed: --check warns of characters no installed font has (it asks fontconfig
# only about text beyond ASCII, so a plain config never sets it up; 4 ms of CPU in all).
for library in libSDL2 libSDL2_ttf libSDL2_mixer libasound libespeak-ng libsystemd; do
    check "stretch-kiosk does not load $library" 0 "$(grep -c "^$library[-.]" <<<"$printed")"
done
check "the screen program does load libSDL2" 1 "$(needed "$screen" | grep -c '^libSDL2-2\.0\.so')"

# --check needs neither a display nor the screen program.
mkdir "$tmp/alone"
cp "$bin" "$tmp/alone/stretch-kiosk"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$tmp/alone/stretch-kiosk" --check --config "$config" 2>&1)
check "--check without the screen program: OK" OK "$(head -n1 <<<"$out")"

# A mode that draws, with no screen program: one sentence, exit 1 (systemd restarts and logs it).
out=$("$tmp/alone/stretch-kiosk" --render-screens "$tmp/screens" --config "$config" 2>&1)
check "no screen program: status" 1 "$?"
check "no screen program: the sentence" 1 "$(grep -cx "stretch-kiosk: cannot start the screen: there is no stretch-kiosk-screen beside $tmp/alone/stretch-kiosk nor in /.*/libexec/stretch-kiosk (reinstall stretch-kiosk)" <<<"$out")"

# The kiosk: the same process goes on as the screen program, with the same arguments.
SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy "$bin" --windowed --size 320x240 \
    --config "$config" --state-dir "$tmp/state" --trace "$tmp/trace" 2>"$tmp/kiosk.log" &
kiosk=$!
for _ in $(seq 100); do [[ -s $tmp/trace ]] && break; sleep 0.05; done
check "the kiosk's PID runs the screen program" "$(realpath "$screen")" "$(realpath "/proc/$kiosk/exe")"
check "with the same arguments" "$bin --windowed --size 320x240 --config $config --state-dir $tmp/state --trace $tmp/trace" \
    "$(tr '\0' ' ' <"/proc/$kiosk/cmdline" | sed 's/ $//')"
kill -TERM "$kiosk"; wait "$kiosk"; status=$?; kiosk=
check "the kiosk ends cleanly on SIGTERM" 0 "$status"

report
