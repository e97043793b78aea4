#!/usr/bin/env bash
# --edit as a person uses it, with a scripted editor: a broken edit is shown with its place and
# not saved; "Edit again?" lets it be fixed; the good file replaces the old one, which is kept
# as FILE~; an unwritable file is refused before the editor opens.
# Usage: edit_test.sh BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
chmod 755 "$tmp"  # nobody must reach the files of the refusal check below
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/check.sh"
edit() {  # ANSWERS ARGS...: runs --edit with ANSWERS on stdin; sets out, err, status
    out=$(printf '%b' "$1" | "$bin" --edit "${@:2}" 2>"$tmp/err"); status=$?; err=$(cat "$tmp/err")
}
unset VISUAL
export TMPDIR=$tmp/tmpdir
mkdir "$TMPDIR"

# The scripted editor: each call does the next line of $tmp/script to the file (sed commands),
# and counts its calls. Its first argument comes from $EDITOR, as "emacs -nw" would.
cat >"$tmp/editor" <<'EOF_EDITOR'
#!/bin/sh
[ "$1" = --scripted ] || exit 9
calls=$(($(cat "$EDIT_TEST_DIR/calls") + 1))
echo "$calls" >"$EDIT_TEST_DIR/calls"
step=$(sed -n "${calls}p" "$EDIT_TEST_DIR/script")
[ -n "$step" ] && sed -i "$step" "$2"
exit 0
EOF_EDITOR
chmod +x "$tmp/editor"
export EDIT_TEST_DIR=$tmp EDITOR="$tmp/editor --scripted"
script() {  # STEP...: what the editor does on each call
    printf '%s\n' "$@" >"$tmp/script"
    echo 0 >"$tmp/calls"
}

mkdir "$tmp/etc"
config=$tmp/etc/config.yaml
cp "$src/config/stretch-kiosk.yaml" "$config"
chmod 640 "$config"
cp "$config" "$tmp/original"
line=$(grep -n 'time: "07:00"' "$config" | cut -d: -f1)

# Broken, then fixed on the second go.
script 's/"07:00"/"25:00"/' 's/"25:00"/"06:30"/'
edit 'y\n' --config "$config"
check "broken then fixed: status" 0 "$status"
check "broken then fixed: the editor ran twice" 2 "$(cat "$tmp/calls")"
check "broken: the mistake with its place" 1 \
    "$(grep -c "^$config:$line:11: time must be a 24-hour time from 00:00 to 23:59" <<<"$err")"
check "broken: not saved" 1 "$(grep -c "^$config: 1 error, not saved$" <<<"$err")"
check "broken: asked to edit again" 1 "$(grep -c 'Edit again? \[Y/n\]' <<<"$out")"
check "fixed: saved, naming the old one" 1 \
    "$(grep -c "^Saved $config; the old one is $config~$" <<<"$out")"
check "fixed: checked like --check" 1 "$(grep -c '^OK$' <<<"$out")"
check "fixed: the new time is in the file" 1 "$(grep -c 'time: "06:30"' "$config")"
check "fixed: the old file is kept whole" "" "$(cmp "$tmp/original" "$config~" 2>&1)"
check "fixed: the mode is kept" 640 "$(stat -c %a "$config")"
check "fixed: no edit copy left behind" "" "$(ls -A "$TMPDIR")"
check "fixed: no temporary file left beside it" "config.yaml config.yaml~" "$(ls -A "$tmp/etc" | xargs)"
check "fixed: the kiosk reads it" 0 "$("$bin" --check --config "$config" >/dev/null 2>&1; echo $?)"

# Broken, and the user gives up: nothing changes.
cp "$config" "$tmp/before"
cp "$config~" "$tmp/backup-before"
script 's/"06:30"/"7 o clock"/'
edit 'n\n' --config "$config"
check "given up: status 2" 2 "$status"
check "given up: said so" 1 "$(grep -c "^Not saved: $config is as it was$" <<<"$out")"
check "given up: the file is as it was" "" "$(cmp "$tmp/before" "$config" 2>&1)"
check "given up: the backup is as it was" "" "$(cmp "$tmp/backup-before" "$config~" 2>&1)"
# No answer at all (stdin at its end) is no.
script 's/"06:30"/"7 o clock"/'
edit '' --config "$config"
check "no answer: status 2" 2 "$status"
check "no answer: the file is as it was" "" "$(cmp "$tmp/before" "$config" 2>&1)"

# Nothing changed: nothing written, no backup made.
rm "$config~"
script ''
edit '' --config "$config"
check "unchanged: status 0" 0 "$status"
check "unchanged: said so" 1 "$(grep -c "^No changes: $config is as it was$" <<<"$out")"
check "unchanged: no backup" "no" "$([[ -e $config~ ]] && echo yes || echo no)"

# The editor fails: nothing written.
EDITOR=false edit '' --config "$config"
check "editor fails: status 1" 1 "$status"
check "editor fails: said so" 1 "$(grep -c "^stretch-kiosk: the editor (false) failed with status 1: $config is unchanged$" <<<"$err")"
check "editor fails: the file is as it was" "" "$(cmp "$tmp/before" "$config" 2>&1)"

# A file that does not exist yet starts from the sample config.
script ''
edit '' --config "$tmp/new/stretch-kiosk/config.yaml"
check "new file: status 0" 0 "$status"
check "new file: said so" 1 "$(grep -c 'does not exist yet: starting from the sample config' <<<"$out")"
check "new file: the sample" "" "$(cmp "$src/config/stretch-kiosk.yaml" "$tmp/new/stretch-kiosk/config.yaml" 2>&1)"

# A link is followed: the file it points at changes, the link stays a link.
ln -s "$config" "$tmp/link.yaml"
script 's/"06:30"/"06:45"/'
edit '' --config "$tmp/link.yaml"
check "link: status 0" 0 "$status"
check "link: still a link" yes "$([[ -L $tmp/link.yaml ]] && echo yes || echo no)"
check "link: the file it points at changed" 1 "$(grep -c 'time: "06:45"' "$config")"

# A link to nothing is refused, and nothing is made where it points.
ln -s "$tmp/nowhere/config.yaml" "$tmp/dangling.yaml"
script 's/"06:45"/"05:00"/'
edit '' --config "$tmp/dangling.yaml"
check "dangling link: status 1" 1 "$status"
check "dangling link: said so" 1 "$(grep -c "^stretch-kiosk: $tmp/dangling.yaml is a link to nothing" <<<"$err")"
check "dangling link: the editor never opened" 0 "$(cat "$tmp/calls")"
check "dangling link: nothing made" no "$([[ -e $tmp/nowhere ]] && echo yes || echo no)"

# Not writable: refused before the editor opens, with the command that works.
cp "$config" "$tmp/before"
chmod 755 "$tmp/etc"
chmod 644 "$config"
script 's/"06:45"/"05:00"/'
if ((EUID == 0)); then
    # Root may write anywhere: the refusal is checked as nobody, on root's file, with a copy of
    # the program that nobody may run (the build may be in root's home).
    cp "$bin" "$tmp/stretch-kiosk"
    out=$(setpriv --reuid=65534 --regid=65534 --clear-groups env EDITOR="$EDITOR" TMPDIR=/tmp \
          "$tmp/stretch-kiosk" --edit --config "$config" </dev/null 2>"$tmp/err"); status=$?
else
    chmod 555 "$tmp/etc"
    out=$("$bin" --edit --config "$config" </dev/null 2>"$tmp/err"); status=$?
    chmod 755 "$tmp/etc"
fi
err=$(cat "$tmp/err")
check "not writable: status 1" 1 "$status"
check "not writable: one sentence, with the way out" 1 \
    "$(grep -c "^stretch-kiosk: cannot change $config: .*; run it as root: sudo stretch-kiosk --edit --config $config$" <<<"$err")"
check "not writable: the editor never opened" 0 "$(cat "$tmp/calls")"
check "not writable: the file is as it was" "" "$(cmp "$tmp/before" "$config" 2>&1)"

report
