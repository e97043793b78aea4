#!/bin/sh
# The committed template (po/stretch-kiosk.pot) holds exactly the words the sources mark with
# tr(), tr_n() and tr_c(): a line added or changed without `cmake --build build --target
# update-po` fails here, before a catalog silently lacks it.
# Usage: test_catalog_template.sh SOURCE_DIR XGETTEXT
set -eu
source_dir=$1
xgettext=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -DSOURCE_DIR="$source_dir" -DXGETTEXT="$xgettext" -DPOT="$work/fresh.pot" \
    -P "$source_dir/po/update-po.cmake"
messages() { grep -E '^(msgctxt|msgid|msgid_plural) ' "$1"; }
messages "$source_dir/po/stretch-kiosk.pot" >"$work/committed"
messages "$work/fresh.pot" >"$work/sources"
if ! diff -u "$work/committed" "$work/sources"; then
    echo "po/stretch-kiosk.pot is out of date: run cmake --build build --target update-po," \
         "then translate what is new in po/*.po" >&2
    exit 1
fi
echo "po/stretch-kiosk.pot: $(grep -c '^msgid ' "$work/sources") messages, current"
