#!/usr/bin/env bash
# Checks the systemd units as `cmake --install` puts them, and the timer units the installed
# program writes: `systemd-analyze verify` must print nothing (it exits 0 even on warnings), and
# `systemd-analyze security` must rate each system service 2.0 or better.
# Usage: scripts/check-units.sh [BUILD_DIR]   (default: build; the program must be built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
max_exposure=20  # systemd-analyze's --threshold is ten times the shown level: 20 means 2.0

if ! command -v systemd-analyze >/dev/null; then
    echo "check-units: systemd-analyze is missing: install the systemd package." >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
DESTDIR=$root cmake --install "$build" >/dev/null

failed=0
fail() {
    echo "FAIL: $*" >&2
    failed=1
}

# verify insists that ExecStart= names an existing program, but the units name the installed
# path (/usr/bin/...), which is only inside $root: check that the program is there, then verify
# a copy that points at it. Nothing else in the copy changes.
verify_copy() {  # UNIT_FILE COPY_DIR
    local unit=$1 copy program
    copy=$2/$(basename "$1")
    program=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$unit" | head -n1)
    if [[ $program == */stretch-kiosk ]]; then
        [[ -x $root$program ]] || fail "$(basename "$unit"): ExecStart=$program is not installed"
        sed "s#^\(Exec[A-Za-z]*=\)$program#\1$root$program#" "$unit" >"$copy"
    else
        cp "$unit" "$copy"
    fi
    echo "$copy"
}

verify() {  # MODE(system|user) UNIT_FILE...
    local mode=$1 output
    shift
    local manager=(systemd-analyze)
    if [[ $mode == user ]]; then
        mkdir -p "$work/run" "$work/home"
        manager=(env XDG_RUNTIME_DIR="$work/run" HOME="$work/home" systemd-analyze --user)
    fi
    for unit in "$@"; do
        output=$("${manager[@]}" verify "$unit" 2>&1) || true
        if [[ -n $output ]]; then
            fail "systemd-analyze verify $(basename "$unit"):"
            echo "$output" >&2
        else
            echo "ok   verify $(basename "$unit") ($mode)"
        fi
    done
}

security() {  # UNIT_FILE
    local output level
    if output=$(systemd-analyze security --offline=yes --threshold=$max_exposure "$1" 2>&1); then
        level=$(echo "$output" | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
        echo "ok   security $(basename "$1"): $level"
    else
        fail "systemd-analyze security $(basename "$1") is over 2.0:"
        echo "$output" | grep -E '✗|Overall' >&2
    fi
}

mkdir -p "$work/system" "$work/user"
mapfile -t system_units < <(find "$root" -path '*/systemd/system/*' -type f | sort)
mapfile -t user_units < <(find "$root" -path '*/systemd/user/*' -type f | sort)
((${#system_units[@]})) || fail "no system units were installed"
((${#user_units[@]})) || fail "no user units were installed"

system_copies=() user_copies=()
for unit in "${system_units[@]}"; do system_copies+=("$(verify_copy "$unit" "$work/system")"); done
for unit in "${user_units[@]}"; do user_copies+=("$(verify_copy "$unit" "$work/user")"); done
verify system "${system_copies[@]}"
verify user "${user_copies[@]}"
for unit in "${system_copies[@]}"; do
    [[ $unit == *.service ]] && security "$unit"
done

# Timer mode: the units the installed program writes for the installed config.
program=$(find "$root" -path '*/bin/stretch-kiosk' -type f | head -n1)
config=$root/etc/stretch-kiosk/config.yaml
for mode in system user; do
    dir=$work/timers-$mode
    [[ $mode == user ]] && dir=$work/home/.config/systemd/user
    if ! output=$("$program" --install-timers "$dir" --config "$config" 2>&1); then
        fail "stretch-kiosk --install-timers $dir failed:"
        echo "$output" >&2
        continue
    fi
    verify "$mode" "$dir"/*
    [[ $mode == system ]] && security "$dir/stretch-kiosk-session@.service"
done

if ((failed)); then
    echo "check-units: FAILED" >&2
    exit 1
fi
echo "check-units: all units pass"
