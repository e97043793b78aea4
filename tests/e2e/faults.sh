#!/usr/bin/env bash
# Faults, each while a session runs: no sound device, no fonts, the config deleted, replaced by a
# directory, made unreadable or edited, the state directory read-only or full, SIGHUP, SIGTERM
# and SIGINT. Each scenario checks the clear sentence in the log, that the kiosk keeps going, and
# that nothing is lost (the session is recorded, begun and closed once).
# Usage: faults.sh BINARY SOURCE_DIR. Headless (SDL's offscreen driver); some scenarios need root
# (a private mount, a user to drop to) and are skipped without it.
set -uo pipefail
bin=$(realpath "$1") src=$2
tmp=$(mktemp -d)
chmod 755 "$tmp"
cleanup() {
    [[ -n ${kiosk:-} ]] && kill -KILL "$kiosk" 2>/dev/null && wait "$kiosk" 2>/dev/null
    mountpoint -q "$tmp/full" 2>/dev/null && umount "$tmp/full"
    rm -rf "$tmp"
}
trap cleanup EXIT
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
passes=0 failures=0 skips=0

pass() { passes=$((passes + 1)); echo "ok   $1"; }
fail() {
    failures=$((failures + 1)); echo "FAIL $1: $2"
    [[ -f $dir/kiosk.log ]] && sed 's/^/     | /' "$dir/kiosk.log" | tail -n 15
}

# A session of about 40 kiosk seconds; --clock-speed 10 makes it 4 s of real time.
write_config() {
    cat >"$1" <<'EOF'
timezone: Etc/UTC
schedule:
  - {name: Morning stretch, time: "07:00", days: daily, routine: quick}
stretches:
  wall: {title: Wall stretch, steps: [Lie down by a wall.]}
routines:
  quick: {steps: [{stretch: wall, hold: 30s}]}
session: {get_ready: 10s}
EOF
}

# start NAME [ENV...] -- [ARGS...]: a kiosk running a session, in a directory of its own.
start() {
    dir=$tmp/$1; shift
    mkdir -p "$dir"
    chmod 777 "$dir"
    config=$dir/config.yaml
    [[ -f $config ]] || write_config "$config"
    local envs=()
    while [[ $# -gt 0 && $1 != -- ]]; do envs+=("$1"); shift; done
    shift
    # --default-signal: a background job of a script has SIGINT ignored, which SDL respects.
    env --default-signal=INT "${envs[@]}" "${prefix[@]}" "$bin" --config "$config" \
        --state-dir "${state:-$dir/state}" --start quick --clock-start 2026-11-23T14:00 \
        --clock-speed 10 "$@" 2>"$dir/kiosk.log" &
    kiosk=$!
}
alive() { kill -0 "$kiosk" 2>/dev/null; }
stop() {  # stop [SIGNAL]: ends the kiosk, sets `status`
    kill -"${1:-TERM}" "$kiosk" 2>/dev/null
    wait "$kiosk"; status=$?; kiosk=
}
logged() { grep -qsF -- "$1" "$dir/kiosk.log"; }
# The machine may be slow (a sanitizer build, other builds beside): every wait below is a bound
# on how long something may take, polled, never a fixed sleep that assumes a speed.
wait_for() {  # wait_for SECONDS COMMAND...: true as soon as COMMAND is, false after SECONDS
    local deadline=$((SECONDS + $1)); shift
    until "$@"; do ((SECONDS < deadline)) || return 1; sleep 0.1; done
}
up() { logged "drawing on"; }  # the config read, the window open, the session begun
# The history holds the session begun once and closed once, as stopped or completed.
session_recorded() {
    local history
    history=$("$bin" --history --state-dir "${state:-$dir/state}" --config "$config" 2>/dev/null)
    [[ $(grep -c $'\tstarted\t' <<<"$history") == 1 ]] &&
        [[ $(grep -cE $'\t(stopped|completed)\t' <<<"$history") == 1 ]]
}
prefix=() state=

# --- The devices ---
start no-sound SDL_AUDIODRIVER=no-such-driver --
wait_for 60 logged "running silent"
if alive && logged "no sound device (" && logged "running silent"; then
    stop; session_recorded && ((status == 0)) && pass "no sound device: runs silent" ||
        fail "no sound device" "session not recorded (status $status)"
else
    fail "no sound device" "no clear sentence, or it died"; stop KILL
fi

# A private mount namespace needs root and a root that is a mount point: inside a chroot (as in
# scripts/check-fresh-machine.sh) unshare cannot make the mounts private, and the test is skipped
# rather than mounting over the host's fonts.
if ((EUID == 0)) && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
    # No fonts at all: every font directory hidden in a private mount namespace.
    mkdir -p "$tmp/no-fonts" && write_config "$tmp/no-fonts/config.yaml"
    prefix=(unshare -m sh -c 'for d in /usr/share/fonts /usr/local/share/fonts; do
        [ -d "$d" ] && mount -t tmpfs none "$d"; done; exec "$0" "$@"')
    start no-fonts --
    prefix=()
    wait_for 60 logged "no font found"
    if alive && logged "no font found"; then
        stop; session_recorded && ((status == 0)) && pass "no fonts: digits only, keeps going" ||
            fail "no fonts" "session not recorded (status $status)"
    else
        fail "no fonts" "no clear sentence, or it died"; stop KILL
    fi
else
    skips=$((skips + 1)); echo "skip no fonts (needs root and a private mount namespace)"
fi

# --- The config, changed under the running kiosk ---
config_fault() {  # config_fault NAME EXPECTED-SENTENCE ACTION...
    local name=$1 sentence=$2; shift 2
    start "config-$name" --
    wait_for 60 up
    "$@"
    wait_for 30 logged "keeping the last good config"  # looked at once a second
    if alive && logged "$sentence" && logged "keeping the last good config"; then
        stop; session_recorded && ((status == 0)) && pass "config $name: the last good one stays" ||
            fail "config $name" "session not recorded (status $status)"
    else
        fail "config $name" "no '$sentence', or it died"; stop KILL
    fi
}
config_fault deleted "cannot be opened: no such file or directory" rm -f "$tmp/config-deleted/config.yaml"
config_fault directory "is a directory; give the path of the YAML config file" \
    sh -c "rm -f '$tmp/config-directory/config.yaml'; mkdir '$tmp/config-directory/config.yaml'"
config_fault broken "a list opened with [ is not closed" \
    sh -c "printf 'schedule: [\n' >'$tmp/config-broken/config.yaml'"

# Edited mid-session to another good config: applied, the session goes on.
start config-edited --
wait_for 60 up
sed -i 's/07:00/08:00/' "$dir/config.yaml"
wait_for 30 logged "config reloaded: $dir/config.yaml"
if alive && logged "config reloaded: $dir/config.yaml"; then
    stop; session_recorded && ((status == 0)) && pass "config edited: applied, session goes on" ||
        fail "config edited" "session not recorded"
else
    fail "config edited" "not reloaded, or it died"; stop KILL
fi

# --- As a user root is not: unreadable files, a read-only state directory ---
# The user dropped to must be able to run the programs (not so for a build under /root, as in
# scripts/check-fresh-machine.sh): the kiosk execs stretch-kiosk-screen beside it.
as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
if ((EUID == 0)) && command -v setpriv >/dev/null &&
    "${as_nobody[@]}" test -x "$(dirname "$bin")/stretch-kiosk-screen" 2>/dev/null; then
    prefix=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    start config-unreadable --
    wait_for 60 up
    chmod 000 "$dir/config.yaml"
    wait_for 30 logged "keeping the last good config"
    if alive && logged "cannot be opened: permission denied" && logged "keeping the last good config"; then
        stop; session_recorded && ((status == 0)) && pass "config unreadable: noticed at once" ||
            fail "config unreadable" "session not recorded"
    else
        fail "config unreadable" "not noticed, or it died"; stop KILL
    fi
    mkdir -p "$tmp/state-readonly/state" && chmod 555 "$tmp/state-readonly/state"
    state=$tmp/state-readonly/state
    start state-readonly --
    wait_for 60 logged "Could not open the history file"
    if alive && logged "Could not open the history file $state/history.log: Permission denied."; then
        stop; ((status == 0)) && pass "state directory read-only: said, keeps going" ||
            fail "state read-only" "status $status"
    else
        fail "state read-only" "no clear sentence, or it died"; stop KILL
    fi
    prefix=() state=
else
    skips=$((skips + 2)); echo "skip unreadable config and read-only state (need root, setpriv, and programs another user may run)"
fi

# --- A full disk: a tiny file system, filled up ---
if ((EUID == 0)) && mkdir -p "$tmp/full" && mount -t tmpfs -o size=16k none "$tmp/full" 2>/dev/null; then
    state=$tmp/full
    head -c 16384 /dev/zero >"$state/filler" 2>/dev/null
    start state-full --
    wait_for 60 logged "No space left on device"
    if alive && logged "No space left on device"; then
        rm -f "$state/filler"  # space again: the end of the session is written
        stop
        history=$("$bin" --history --state-dir "$state" --config "$config" 2>/dev/null)
        ((status == 0)) && grep -q $'\tstopped\t' <<<"$history" &&
            pass "state directory full: said, keeps going, writes again when it can" ||
            fail "state full" "the end of the session was not written once there was room"
    else
        fail "state full" "no clear sentence, or it died"; stop KILL
    fi
    state=
    umount "$tmp/full"
else
    skips=$((skips + 1)); echo "skip full state directory (needs root to mount a tmpfs)"
fi

# --- Signals mid-session: each ends it as stopped, recorded, with status 0 ---
for signal in HUP TERM INT; do
    start "signal-$signal" --
    wait_for 60 up && sleep 1  # into the session, which lasts 4 s
    stop "$signal"
    history=$("$bin" --history --state-dir "$dir/state" --config "$config" 2>/dev/null)
    seconds=$(awk -F'\t' '$4 == "stopped" {print $5}' <<<"$history")
    if ((status == 0)) && session_recorded && [[ -n $seconds ]] && ((seconds > 0)); then
        pass "SIG$signal mid-session: recorded as stopped after $seconds s"
    else
        fail "SIG$signal" "status $status, history: $history"
    fi
done

echo "$passes passed, $failures failed, $skips skipped"
((failures == 0))
