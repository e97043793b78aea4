#!/usr/bin/env bash
# The command line as a contract: exit statuses, output formats, errors with their place.
# Usage: cli_test.sh BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/check.sh"
run() {  # run ARGS...: sets out, err, status
    out=$("$bin" "$@" 2>"$tmp/err"); status=$?; err=$(cat "$tmp/err")
}

# --check on the shipped config: OK first, then the next sessions.
run --check --config "$src/config/stretch-kiosk.yaml"
check "check status" 0 "$status"
check "check first line" OK "$(head -n1 <<<"$out")"
check "check lists sessions" 1 "$(grep -c $'\tMorning stretch$' <<<"$out" | awk '{print ($1 >= 1)}')"

# A character no installed font has (U+FDD0 is a noncharacter: no font draws it): a warning at
# its place, and the config is still good. Nothing is said of the shipped config.
check "check of the shipped config says nothing else" "" "$err"
printf 'schedule:\n  - {name: "Morning \xef\xb7\x90", time: "07:00", days: daily, routine: full}\n' >"$tmp/glyph.yaml"
run --check --config "$tmp/glyph.yaml"
check "missing glyph: still OK" "0 OK" "$status $(head -n1 <<<"$out")"
check "missing glyph: warned at its place" \
    "$tmp/glyph.yaml:2:12: warning: no installed font has $(printf '\xef\xb7\x90') (U+FDD0): it would show as an empty box; install a font that has it (fonts-noto-core, for most scripts)" \
    "$err"

# A broken config: every error with FILE:LINE:COL, exit 2.
cat >"$tmp/bad.yaml" <<'EOF'
schedule:
  - name: Morning stretch
    tiem: "07:00"
    days: daily
    routine: full
  - name: Bedtime stretch
    time: "25:00"
    days: [mon, tues]
    routine: full
EOF
run --check --config "$tmp/bad.yaml"
check "bad config status" 2 "$status"
check "bad config: unknown key" 1 "$(grep -c "^$tmp/bad.yaml:3:5: unknown key 'tiem'" <<<"$err")"
check "bad config: bad time" 1 "$(grep -c "^$tmp/bad.yaml:7:11: " <<<"$err")"
check "bad config: bad day" 1 "$(grep -c "^$tmp/bad.yaml:8:17: " <<<"$err")"
check "bad config: nothing on stdout" "" "$out"

# A missing file and a directory are bad configs too.
run --check --config "$tmp/nowhere.yaml"
check "missing config status" 2 "$status"
run --check --config "$tmp"
check "directory config status" 2 "$status"

# --next: local time with offset, a tab, the name; across the spring-forward night in Berlin.
cat >"$tmp/dst.yaml" <<'EOF'
timezone: Europe/Berlin
schedule:
  - {name: Early, time: "02:30", days: daily, routine: full}
  - {name: Morning stretch, time: "07:00", days: daily, routine: full}
EOF
run --next 4 --from 2027-03-27T23:00 --config "$tmp/dst.yaml"
check "next status" 0 "$status"
check "next output" "2027-03-28T03:00:00+02:00	Early
2027-03-28T07:00:00+02:00	Morning stretch
2027-03-29T02:30:00+02:00	Early
2027-03-29T07:00:00+02:00	Morning stretch" "$out"
# Fall back: 02:30 happens twice on 2027-10-31; the session happens once, at the first.
run --next 2 --from 2027-10-31T00:00 --config "$tmp/dst.yaml"
check "next fall back" "2027-10-31T02:30:00+02:00	Early
2027-10-31T07:00:00+01:00	Morning stretch" "$out"
run --next 2 --from 2027-13-01T00:00 --config "$tmp/dst.yaml"
check "next bad --from status" 2 "$status"

# Bad usage: one sentence, exit 2.
run --next
check "usage status" 2 "$status"
check "usage sentence" "stretch-kiosk: --next needs a count from 1 to 10000" "$err"
run --version
check "version" 0 "$status"
run --help
check "help status" 0 "$status"

# --history and --stats read the state directory, and survive a torn last line.
state="$tmp/state"
mkdir -p "$state"
printf '%s\n' "hello" >"$state/history.log"
run --history --state-dir "$state" --config "$src/config/stretch-kiosk.yaml"
check "history with a damaged line: status" 0 "$status"
check "history with a damaged line: warning" 1 "$(grep -c 'skipped a damaged record' <<<"$err")"
run --stats --state-dir "$state" --config "$src/config/stretch-kiosk.yaml"
check "stats status" 0 "$status"
check "stats streak line" 1 "$(grep -c '^Streak: 0 days' <<<"$out")"

# No display at all: one sentence, exit 1 (systemd restarts the service).
out=$(env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 "$bin" --state-dir "$state" \
      --config "$src/config/stretch-kiosk.yaml" 2>"$tmp/err"); status=$?
check "no display status" 1 "$status"
check "no display sentence" 1 "$(grep -c '^stretch-kiosk: no display to draw on' "$tmp/err")"

# As in a login session (else libwayland prints a line of its own about the variable).
export XDG_RUNTIME_DIR=$tmp/runtime
mkdir -m 700 "$XDG_RUNTIME_DIR"
# No display and no driver asked for: SDL 2.26 would fall back to its invisible offscreen driver
# and the kiosk would run on with nothing on any screen. It must refuse, in one sentence, exit 1.
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$bin" --state-dir "$state" \
      --config "$src/config/stretch-kiosk.yaml" 2>"$tmp/err"); status=$?
check "no display, no driver asked for: status" 1 "$status"
check "no display, no driver asked for: the sentence" 1 \
    "$(grep -c "^stretch-kiosk: no display to draw on: SDL found no X, Wayland or console (KMS/DRM) display and would draw invisibly with its offscreen driver; set DISPLAY or WAYLAND_DISPLAY, or run on the console with SDL_VIDEODRIVER=kmsdrm$" "$tmp/err")"

# With stderr on the journal (JOURNAL_STREAM names its device and inode, as systemd sets it), each
# line carries its priority and no second "stretch-kiosk:": `journalctl -p err` shows this one.
(
    exec 2>"$tmp/journal"
    JOURNAL_STREAM=$(stat -c %d:%i "$tmp/journal") exec env -u DISPLAY -u WAYLAND_DISPLAY \
        -u SDL_VIDEODRIVER "$bin" --state-dir "$state" --config "$src/config/stretch-kiosk.yaml"
)
check "journal: no display is an error" 1 "$(grep -c '^<3>no display to draw on: ' "$tmp/journal")"
check "journal: the config line is info" 1 "$(grep -c '^<6>config: ' "$tmp/journal")"
check "journal: every line has a priority" 0 "$(grep -vc '^<[0-7]>' "$tmp/journal")"
check "journal: no program name in the text" 0 "$(grep -c 'stretch-kiosk:' "$tmp/journal")"
# A redirected stderr that only inherited the variable is no journal.
JOURNAL_STREAM=1:2 env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$bin" --state-dir "$state" \
    --config "$src/config/stretch-kiosk.yaml" 2>"$tmp/err"
check "JOURNAL_STREAM of another file: plain lines" 0 "$(grep -c '^<' "$tmp/err")"

# --render-screens draws every screen without a display.
run --render-screens "$tmp/screens" --size 1080x1920 --config "$src/config/stretch-kiosk.yaml"
check "render status" 0 "$status"
for screen in idle due get-ready hold switch-sides rest paused done error hold-night; do
    check "render $screen.png" 1 "$( [[ -s $tmp/screens/$screen.png ]] && echo 1 || echo 0)"
done
# ... and each stretch's own get-ready and hold, named by its key in stretches:.
for stretch in standing chair towel wall; do
    for screen in get-ready-$stretch hold-$stretch; do
        check "render $screen.png" 1 "$( [[ -s $tmp/screens/$screen.png ]] && echo 1 || echo 0)"
    done
done

# The language: the environment's when the config names none, the config's over it; one with no
# translation is English, said once. (The words on each screen: test_screen_samples.)
out=$(env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=es_ES.UTF-8 "$bin" --render-screens "$tmp/es" \
      --config "$src/config/stretch-kiosk.yaml" 2>"$tmp/err"); status=$?
check "LANG=es_ES: status" 0 "$status"
check "LANG=es_ES: Spanish, and its voice" 1 "$(grep -c 'language: es_ES (from LANG), voice es$' "$tmp/err")"
out=$(env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=es_ES.UTF-8 "$bin" --render-screens "$tmp/de" \
      --config "$src/config/stretch-kiosk.de.yaml" 2>"$tmp/err")
check "language: de over LANG" 1 "$(grep -c 'language: de (from language: in the config), voice de$' "$tmp/err")"
out=$(env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=fr_FR.UTF-8 "$bin" --render-screens "$tmp/fr" \
      --config "$src/config/stretch-kiosk.yaml" 2>"$tmp/err"); status=$?
check "LANG=fr_FR: status" 0 "$status"
check "LANG=fr_FR: English, said once" 1 "$(grep -c 'no translation into fr_FR in .*: the screens and the voice speak English$' "$tmp/err")"
check "LANG=fr_FR: the screens are drawn" 1 "$( [[ -s $tmp/fr/hold.png ]] && echo 1 || echo 0)"
check "LANG=fr_FR: spoken by the English voice" 1 "$(grep -c 'language: fr_FR (from LANG), voice en$' "$tmp/err")"

# A picture of the user's, beside the config: found, checked, drawn. A missing one, or one the
# screen cannot draw, is refused at its line and column.
pictures() {  # pictures FILE PICTURE: a config whose one stretch shows PICTURE
    cat >"$1" <<EOF
schedule:
  - {name: Morning stretch, time: "07:00", days: daily, routine: mine}
stretches:
  mine:
    title: My stretch
    steps: [Sit., Reach.]
    picture: $2
routines:
  mine:
    steps: [{stretch: mine}]
EOF
}
mkdir -p "$tmp/mine"
cp "$src/assets/pictures/towel.svg" "$tmp/mine/pose.svg"
pictures "$tmp/mine/config.yaml" pose.svg
program=$(realpath "$bin")
(cd / && "$program" --check --config "$tmp/mine/config.yaml" >/dev/null 2>&1)
check "own picture: --check from another folder" 0 "$?"
run --render-screens "$tmp/mine/screens" --size 1280x720 --config "$tmp/mine/config.yaml"
check "own picture: render status" 0 "$status"
check "own picture: nothing left out" 0 "$(grep -c "shown without it" <<<"$err")"
check "own picture: its own screens" 1 "$( [[ -s $tmp/mine/screens/hold-mine.png ]] && echo 1 || echo 0)"
pictures "$tmp/mine/missing.yaml" gone.svg
run --check --config "$tmp/mine/missing.yaml"
check "missing picture status" 2 "$status"
check "missing picture message" "$tmp/mine/missing.yaml:7:14: picture 'gone.svg' cannot be opened: no such file or directory (looked for $tmp/mine/gone.svg)" "$(head -n1 <<<"$err")"
printf '<svg viewBox="0 0 40 30"><text x="1" y="20">me</text></svg>\n' >"$tmp/mine/words.svg"
pictures "$tmp/mine/words.yaml" words.svg
run --check --config "$tmp/mine/words.yaml"
check "undrawable picture status" 2 "$status"
check "undrawable picture message" "$tmp/mine/words.yaml:7:14: picture 'words.svg' draws nothing the screen can show; draw it with lines and shapes (text and embedded images are not drawn)" "$(head -n1 <<<"$err")"

# Beside every screen that speaks, what it says: mono 16-bit PCM WAV of a plausible length (at
# least half a second, and short enough to end before its step does).
wav_field() {  # wav_field FILE OFFSET BYTES: a little-endian number from the header
    od -An -t "u$3" -j "$2" -N "$3" "$1" | tr -d ' '
}
if grep -q "voice: eSpeak NG" <<<"$("$bin" --version)"; then
    # The sample routine's chair stretch: get-ready, sitting down with two chairs: 25 s; hold:
    # until halfway, 15 s; switch: 10 s; rest: 10 s; done: open-ended; a wait for the button:
    # 2 min.
    for entry in get-ready:25000 hold:15000 switch-sides:10000 rest:10000 done:10000 \
                 get-ready-night:25000 hold-night:15000 get-ready-press:120000; do
        screen=${entry%%:*} longest=${entry##*:} wav="$tmp/screens/${entry%%:*}.wav"
        check "$screen.wav written" 1 "$( [[ -s $wav ]] && echo 1 || echo 0)"
        [[ -s $wav ]] || continue
        check "$screen.wav is RIFF WAVE" "RIFFWAVE" "$(head -c 4 "$wav")$(tail -c +9 "$wav" | head -c 4)"
        check "$screen.wav is PCM" 1 "$(wav_field "$wav" 20 2)"
        check "$screen.wav is mono" 1 "$(wav_field "$wav" 22 2)"
        check "$screen.wav is 16-bit" 16 "$(wav_field "$wav" 34 2)"
        rate=$(wav_field "$wav" 24 4) bytes=$(wav_field "$wav" 40 4)
        ms=$((bytes / 2 * 1000 / rate))
        check "$screen.wav lasts 0.5 to $((longest / 1000)) s (it lasts $ms ms)" 1 \
            "$(( ms >= 500 && ms <= longest ? 1 : 0 ))"
    done
    for screen in idle due paused error; do
        check "$screen says nothing: no $screen.wav" 0 "$( [[ -e $tmp/screens/$screen.wav ]] && echo 1 || echo 0)"
    done
    check "--version says the voice is built in" 1 "$(grep -c '(voice: eSpeak NG [0-9.]*)$' <<<"$("$bin" --version)")"

    # eSpeak NG's data missing at run time: one clear line, the screens still drawn, no WAVs.
    mkdir -p "$tmp/no-data"
    out=$(ESPEAK_DATA_PATH="$tmp/no-data" "$bin" --render-screens "$tmp/screens-no-data" \
          --config "$src/config/stretch-kiosk.yaml" 2>"$tmp/err"); status=$?
    check "no voice data: status" 0 "$status"
    check "no voice data: one line says so" 1 "$(grep -c 'voice is off: eSpeak NG could not start: .*(is espeak-ng-data installed?); running with cues only' "$tmp/err")"
    check "no voice data: the screens are drawn" 1 "$( [[ -s $tmp/screens-no-data/hold.png ]] && echo 1 || echo 0)"
    check "no voice data: no WAVs" 0 "$(find "$tmp/screens-no-data" -name '*.wav' | wc -l)"

    # A voice eSpeak NG does not have: one line, and no WAVs.
    sed 's/^  # voice: en-us       /  voice: xx-nosuch /' "$src/config/stretch-kiosk.yaml" >"$tmp/no-voice.yaml"
    out=$("$bin" --render-screens "$tmp/screens-no-voice" --config "$tmp/no-voice.yaml" 2>"$tmp/err")
    check "unknown voice: status" 0 "$?"
    check "unknown voice: one line says so" 1 "$(grep -c "voice is off: eSpeak NG has no voice 'xx-nosuch'" "$tmp/err")"
    check "unknown voice: no WAVs" 0 "$(find "$tmp/screens-no-voice" -name '*.wav' | wc -l)"
else
    check "--version says the voice is not built in" 1 "$(grep -c '(voice: not built in, cues only)$' <<<"$("$bin" --version)")"
    check "no voice: no WAVs" 0 "$(find "$tmp/screens" -name '*.wav' | wc -l)"
fi

report
