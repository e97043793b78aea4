#!/usr/bin/env bash
# Reads every screen back by OCR in each shipped language and fails on any English word of the
# program's own left on one. Not part of CI (OCR is not exact enough to gate on); run it after
# changing a catalog or the drawing:
#   scripts/check-translations-ocr.sh build/stretch-kiosk
# Needs tesseract-ocr with tesseract-ocr-deu and tesseract-ocr-spa. The error screen is left out:
# its banner is a config error, which stays English by design (README.md).
set -euo pipefail
kiosk=${1:-build/stretch-kiosk}
cd "$(dirname "$0")/.."
command -v tesseract >/dev/null || {
    echo "tesseract not found: apt-get install tesseract-ocr tesseract-ocr-deu tesseract-ocr-spa" >&2
    exit 2
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The words of the msgid/msgstr lines of a catalog, lower-cased, four letters or more (shorter
# ones are mostly OCR noise: it reads "are" into the big digits), blanks such as {count} left
# out. The three-letter words ("leg", "day") are checked exactly by test_screen_samples.
words_of() { # FILE KEYWORD-REGEX
    grep -E "^$2 " "$1" | sed -E 's/^[a-z_]+(\[[0-9]\])? "(.*)"$/\2/; s/\{[a-z]+\}//g' |
        tr '[:upper:]' '[:lower:]' | grep -oE '[[:alpha:]]{4,}' | sort -u
}
words_of po/stretch-kiosk.pot 'msgid(_plural)?' >"$work/english"
status=0
for language in $(cat po/LINGUAS); do
    case $language in de) ocr=deu ;; es) ocr=spa ;; *) ocr=eng ;; esac
    # The German sample, in this language: its own words are German, the program's this language.
    sed "s/^language: .*/language: $language/" config/stretch-kiosk.de.yaml >"$work/$language.yaml"
    { words_of "po/$language.po" 'msgstr(\[[0-9]\])?'
      tr '[:upper:]' '[:lower:]' <"$work/$language.yaml" | grep -oE '[[:alpha:]]{4,}'; } |
        sort -u >"$work/$language.words"
    comm -23 "$work/english" "$work/$language.words" >"$work/$language.forbidden"
    for size in 1920x1080 1080x1920; do
        out=$work/$language-$size
        "$kiosk" --render-screens "$out" --size "$size" --config "$work/$language.yaml" \
            --clock-start 2026-12-02T06:59 >/dev/null 2>&1
        for png in "$out"/*.png; do
            name=$(basename "$png" .png)
            [[ $name == error ]] && continue
            tesseract "$png" - -l "$ocr" 2>/dev/null | tr '[:upper:]' '[:lower:]' |
                grep -oE '[[:alpha:]]{4,}' | sort -u >"$work/read"
            found=$(comm -12 "$work/read" "$work/$language.forbidden" | tr '\n' ' ')
            if [[ -n $found ]]; then
                echo "$language $size $name: English left: $found"
                status=1
            fi
        done
        echo "$language $size: $(ls "$out"/*.png | wc -l) screens read back"
    done
done
exit $status
