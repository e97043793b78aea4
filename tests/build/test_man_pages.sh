#!/usr/bin/env bash
# The man pages keep up with the program: stretch-kiosk(1) names every option of --help, and
# stretch-kiosk.yaml(5) defines every key the config parser knows (a .BR term with its type in
# quotes after it); both
# render without a warning from man.
# Usage: test_man_pages.sh BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
page1=$src/docs/stretch-kiosk.1 page5=$src/docs/stretch-kiosk.yaml.5
failures=0 passes=0
fail() { failures=$((failures + 1)); echo "FAIL $*"; }

mapfile -t options < <("$bin" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u)
((${#options[@]} > 10)) || fail "found only ${#options[@]} options in --help"
for option in "${options[@]}"; do
    if grep -qF -- "${option//-/\\-}" "$page1"; then passes=$((passes + 1)); else fail "stretch-kiosk.1 does not name $option"; fi
done

# The keys: every std::string_view array of names the readers accept (..._keys, key_roles).
mapfile -t keys < <(sed -n '/constexpr std::array<std::string_view, [0-9]*> \(.*_keys\|key_roles\) =/,/;/p' \
    "$src"/src/core/config/read_*.cpp | grep -oE '"[a-z_]+"' | tr -d '"' | sort -u)
((${#keys[@]} > 30)) || fail "found only ${#keys[@]} config keys in src/core/config"
for key in "${keys[@]}"; do
    if grep -qE "^\.BR ([^ ]+ \", \" )*$key \"" "$page5"; then passes=$((passes + 1)); else fail "stretch-kiosk.yaml.5 does not define the key $key"; fi
done

if command -v man >/dev/null; then
    for page in "$page1" "$page5"; do
        warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
        if [[ -z $warnings ]]; then passes=$((passes + 1)); else fail "$(basename "$page"): $warnings"; fi
    done
fi
echo "$passes passed, $failures failed"
((failures == 0))
