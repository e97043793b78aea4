#!/bin/sh
# Without gettext's tools the build goes on English-only and says so, instead of failing.
# Usage: test_no_msgfmt.sh SOURCE_DIR
set -eu
source_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A msgfmt that is not there, as on a machine without the gettext package.
cmake -S "$source_dir" -B "$work" -DSK_MSGFMT="$work/no-msgfmt" -DBUILD_TESTING=OFF \
    >"$work/out" 2>&1 || { cat "$work/out"; echo "configuring without msgfmt failed" >&2; exit 1; }
# CMake wraps its warnings: the words are looked for with the lines joined.
tr -s ' \n' '  ' <"$work/out" | grep -q "msgfmt not found (install the Debian package gettext): building English only" \
    || { cat "$work/out"; echo "no warning about the missing msgfmt" >&2; exit 1; }
if grep -q "Translations:" "$work/out"; then
    echo "translations configured without msgfmt" >&2
    exit 1
fi
echo "without msgfmt: English only, said so"
