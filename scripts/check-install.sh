#!/usr/bin/env bash
# Installs into a temporary DESTDIR and checks the tree: the programs, the units, the autostart
# entry, the config (and that a second install keeps a config the user has changed), the sample,
# the man pages, the guide, the changelog and the copyright.
# Usage: scripts/check-install.sh [BUILD_DIR]   (default: build; the program must be built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root log=$work/install.log
prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
[[ -n $prefix ]] || { echo "check-install: $build is not a configured build directory" >&2; exit 1; }

failed=0
check() {  # DESCRIPTION COMMAND...
    local description=$1
    shift
    if "$@"; then
        echo "ok   $description"
    else
        echo "FAIL $description" >&2
        failed=1
    fi
}
contains() { grep -qF -- "$2" "$1"; }
quietly() { "$@" >/dev/null 2>&1; }

DESTDIR=$root cmake --install "$build" >"$log"
config=$root/etc/stretch-kiosk/config.yaml
program=$root$prefix/bin/stretch-kiosk
screen_program=$root$prefix/libexec/stretch-kiosk/stretch-kiosk-screen
system_unit=$(find "$root" -path '*/systemd/system/stretch-kiosk.service' | head -n1)
user_unit=$(find "$root" -path '*/systemd/user/stretch-kiosk-user.service' | head -n1)

check "the program is installed in $prefix/bin" test -x "$program"
check "the screen program is installed in $prefix/libexec/stretch-kiosk" test -x "$screen_program"
check "the program loads no SDL" bash -c "! readelf -d '$program' | grep -q 'NEEDED.*libSDL2'"
check "the system unit is installed" test -f "$system_unit"
check "the user unit is installed" test -f "$user_unit"
check "the system unit starts the installed program" \
    contains "$system_unit" "ExecStart=$prefix/bin/stretch-kiosk --config /etc/stretch-kiosk/config.yaml"
check "the user unit starts the installed program" contains "$user_unit" "ExecStart=$prefix/bin/stretch-kiosk"
check "no unit keeps an unfilled @VARIABLE@" \
    bash -c "! grep -q '@[A-Z_]*@' '$system_unit' '$user_unit'"
check "the config is installed" cmp -s config/stretch-kiosk.yaml "$config"
check "the config can be read by everyone" test "$(stat -c %a "$config")" = 644
check "the sample is installed" cmp -s config/stretch-kiosk.yaml "$root$prefix/share/stretch-kiosk/config.yaml.sample"
check "the German sample is installed" \
    cmp -s config/stretch-kiosk.de.yaml "$root$prefix/share/stretch-kiosk/config.de.yaml.sample"
for picture in standing chair towel wall; do
    check "the $picture picture is installed" \
        cmp -s "assets/pictures/$picture.svg" "$root$prefix/share/stretch-kiosk/assets/pictures/$picture.svg"
done
for language in $(cat po/LINGUAS); do
    check "the $language translation is installed" \
        test -f "$root$prefix/share/locale/$language/LC_MESSAGES/stretch-kiosk.mo"
done
check "the Raspberry Pi guide is installed" test -f "$root$prefix/share/doc/stretch-kiosk/raspberry-pi.md"
doc=$root$prefix/share/doc/stretch-kiosk man=$root$prefix/share/man
check "the copyright file is installed" cmp -s cmake/debian/copyright "$doc/copyright"
check "the changelog is installed, compressed" bash -c "gzip -dc '$doc/changelog.gz' | cmp -s - cmake/debian/changelog"
check "stretch-kiosk(1) is installed, compressed" bash -c "gzip -dc '$man/man1/stretch-kiosk.1.gz' | cmp -s - docs/stretch-kiosk.1"
check "stretch-kiosk.yaml(5) is installed, compressed" \
    bash -c "gzip -dc '$man/man5/stretch-kiosk.yaml.5.gz' | cmp -s - docs/stretch-kiosk.yaml.5"
desktop=$root$prefix/share/stretch-kiosk/autostart/stretch-kiosk.desktop
check "the autostart entry is installed" test -f "$desktop"
check "the autostart entry starts the installed program" \
    bash -c "grep -q '^Exec=systemd-run --user .* $prefix/bin/stretch-kiosk\$' '$desktop'"
check "nothing is put where desktops autostart it" bash -c "! find '$root' -path '*/autostart/*' -not -path '*/share/stretch-kiosk/*' | grep -q ."
if command -v desktop-file-validate >/dev/null; then
    check "the autostart entry is a valid desktop entry" quietly desktop-file-validate "$desktop"
fi
check "the installed program accepts the installed config" \
    quietly "$program" --check --config "$config"
check "the installed program finds the screen program and draws the screens" \
    bash -c "SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy '$program' --render-screens '$work/screens' \
             --size 320x240 --config '$config' >/dev/null 2>&1 && test -s '$work/screens/hold.png'"

echo "# changed by the user" >>"$config"
DESTDIR=$root cmake --install "$build" >"$log"
check "a second install keeps the user's config" contains "$config" "# changed by the user"
check "a second install says it kept the config" contains "$log" "Keeping: $config"

if ((failed)); then
    echo "check-install: FAILED" >&2
    exit 1
fi
echo "check-install: the installed tree is complete"
