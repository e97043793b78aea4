#!/usr/bin/env bash
# The README's quick start on a fresh machine, as a newcomer meets it. A minimal Debian 12
# (debootstrap --variant=minbase bookworm, from the mirror this machine's apt uses) gets a clean
# clone of the repository (what `git clone` gives: the committed files, no build directory) and
# runs there, as root:
#   1. ./scripts/run-kiosk --check     installs the build packages, builds, checks the config
#   2. ./scripts/run-kiosk             with no display: refuses in one sentence, exit 1
#   3. ./scripts/run-kiosk             on SDL's offscreen driver, asked for: runs, ends on SIGTERM
#   4. ./scripts/run-tests             installs the test packages, builds, runs every test
#   5. ./scripts/run-kiosk --windowed  under Xvfb (which step 4 installed) for a few seconds
#   6. ./scripts/build-deb.sh --lintian   the package, with no lintian warning
# Then the package's life in a second fresh root (a copy of the first from before anything was
# installed): apt install, --check, --edit, enable, remove, reinstall (still enabled, the edit
# kept), purge (nothing left but the history).
# Needs root (chroot, mounts), git, debootstrap, and the network to the mirror. The steps run in
# private mount and PID namespaces: nothing stays mounted or running, and the roots are removed.
# Usage: scripts/check-fresh-machine.sh [--keep]   (--keep: leave the roots and logs in place)
#   MIRROR=URL    another Debian mirror        WORK_DIR=DIR   where the roots go (/var/tmp)
set -euo pipefail

# --- Inside the namespaces (the script runs itself again there) ---
if [[ ${1:-} == --inside ]]; then
    set +e  # a failed step is counted, and the next one runs
    work=$2
    failures=0
    summary=$work/summary
    mount_root() {  # ROOT
        mount -t proc proc "$1/proc"
        mount -t sysfs sysfs "$1/sys"
        mount --rbind /dev "$1/dev"
        # Its own /dev/shm: what the tests leave there must not land on this machine's.
        mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$1/dev/shm"
    }
    in_root() {  # ROOT COMMAND: a login shell's environment, no display, no session
        local root=$1
        shift
        chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            /bin/bash -c "$*"
    }
    step() {  # NAME CHECK COMMAND: runs COMMAND (bash) in the root; CHECK (bash) judges its log
        local name=$1 check=$2 command=$3 log started status=0 verdict
        log=$(printf '%s/logs/%02d-%s.log' "$work" $(($(wc -l <"$summary") + 1)) \
            "$(tr -cs 'A-Za-z0-9' '-' <<<"$name" | sed 's/-*$//')")
        echo "== $name"
        started=$(date +%s)
        in_root "$root" "$command" >"$log" 2>&1 || status=$?
        local seconds=$(($(date +%s) - started))
        if STATUS=$status LOG=$log bash -c "$check"; then
            verdict=ok
        else
            verdict=FAIL
            failures=$((failures + 1))
            echo "   FAIL (exit $status); the end of $log:"
            tail -n 40 "$log" | sed 's/^/   | /'
        fi
        printf '%-4s %5ss  %s\n' "$verdict" "$seconds" "$name" | tee -a "$summary"
    }
    : >"$summary"
    mkdir -p "$work/logs"

    root=$work/build-root
    mount_root "$root"
    cd_repo="cd /root/stretch-kiosk"
    step "run-kiosk --check" '((STATUS == 0)) && grep -qx OK "$LOG"' \
        "$cd_repo && ./scripts/run-kiosk --check"
    step "run-kiosk with no display refuses" \
        '((STATUS == 1)) && grep -q "^stretch-kiosk: no display to draw on" "$LOG"' \
        "$cd_repo && timeout 120 ./scripts/run-kiosk --state-dir /tmp/state"
    step "run-kiosk on the offscreen driver, asked for" \
        '((STATUS == 0)) && grep -q "drawing on offscreen with the software renderer" "$LOG"' \
        "$cd_repo && SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy \
            timeout --preserve-status -s TERM 30 ./scripts/run-kiosk --state-dir /tmp/state"
    step "run-tests" '((STATUS == 0)) && grep -q "100% tests passed" "$LOG"' \
        "$cd_repo && ./scripts/run-tests"
    step "run-kiosk under Xvfb" \
        '((STATUS == 0)) && grep -q "drawing on x11 with the software renderer" "$LOG"' \
        "$cd_repo || exit 1; Xvfb :7 -nolisten tcp -screen 0 1280x720x24 & xvfb=\$!; \
            for i in \$(seq 100); do [ -e /tmp/.X11-unix/X7 ] && break; sleep 0.1; done; \
            DISPLAY=:7 SDL_AUDIODRIVER=dummy timeout --preserve-status -s TERM 15 \
                ./scripts/run-kiosk --windowed --size 1280x720 --state-dir /tmp/state; \
            status=\$?; kill \$xvfb; exit \$status"
    step "build-deb.sh --lintian" \
        '((STATUS == 0)) && grep -q "^lintian: no errors, no warnings" "$LOG"' \
        "$cd_repo && ./scripts/install-deps --ci && ./scripts/build-deb.sh --lintian"

    # The package's life on a machine that has never seen the project.
    root=$work/package-root
    package=$(find "$work/build-root/root/stretch-kiosk/build-deb" -maxdepth 1 -name 'stretch-kiosk_*.deb' 2>/dev/null | head -n1)
    if [[ -n $package ]]; then
        cp "$package" "$root/tmp/"
        deb=/tmp/$(basename "$package")
        mount_root "$root"
        apt="DEBIAN_FRONTEND=noninteractive apt-get -y -q"
        enabled_link=/etc/systemd/system/multi-user.target.wants/stretch-kiosk.service
        step "package: install with apt" \
            '((STATUS == 0)) && grep -q "^disabled$" "$LOG" && grep -q "GL: libEGL.so.1 libGLESv2.so.2 swrast_dri.so" "$LOG"' \
            "apt-get -q update && $apt install $deb && stretch-kiosk --version && \
             ls /usr/share/man/man1/stretch-kiosk.1.gz /usr/share/man/man5/stretch-kiosk.yaml.5.gz && \
             echo GL: \$(ldconfig -p | grep -o -e 'libEGL.so.1 ' -e 'libGLESv2.so.2 ' | sort -u | tr -d '\n')\$(ls /usr/lib/*/dri/ | grep -x swrast_dri.so) && \
             systemctl is-enabled stretch-kiosk || true"
        step "package: --check and --edit of /etc/stretch-kiosk/config.yaml" \
            '((STATUS == 0)) && grep -qx OK "$LOG" && grep -q "^Saved /etc/stretch-kiosk/config.yaml; the old one is /etc/stretch-kiosk/config.yaml~$" "$LOG"' \
            "stretch-kiosk --check --config /etc/stretch-kiosk/config.yaml && \
             EDITOR='sed -i s/07:00/06:45/' stretch-kiosk --edit </dev/null && \
             grep -q 'time: \"06:45\"' /etc/stretch-kiosk/config.yaml"
        step "package: enable, then remove" \
            '((STATUS == 0)) && grep -q "^kept: config.yaml link$" "$LOG"' \
            "systemctl enable stretch-kiosk && $apt remove stretch-kiosk && \
             ! test -e /usr/bin/stretch-kiosk && \
             echo kept: \$(grep -q 06:45 /etc/stretch-kiosk/config.yaml && echo config.yaml) \
                        \$(test -L $enabled_link && echo link)"
        step "package: reinstall: still enabled, the edit kept" \
            '((STATUS == 0)) && grep -q "^enabled$" "$LOG" && grep -q "^edit kept$" "$LOG"' \
            "$apt install $deb && systemctl is-enabled stretch-kiosk && \
             grep -q 06:45 /etc/stretch-kiosk/config.yaml && echo edit kept"
        step "package: purge leaves nothing but the history" \
            '((STATUS == 0)) && grep -q "^gone: config backup link state$" "$LOG"' \
            "mkdir -p /var/lib/private/stretch-kiosk && touch /var/lib/private/stretch-kiosk/history.log && \
             $apt purge stretch-kiosk && ! dpkg -s stretch-kiosk >/dev/null 2>&1 && \
             test -e /var/lib/private/stretch-kiosk/history.log && \
             echo gone: \$(test -e /etc/stretch-kiosk/config.yaml || echo config) \
                        \$(test -e /etc/stretch-kiosk/config.yaml~ || echo backup) \
                        \$(test -L $enabled_link || echo link) \
                        \$(find /var/lib/systemd/deb-systemd-helper-enabled -name '*stretch-kiosk*' | grep -q . || echo state)"
    else
        echo "FAIL        package: no .deb was built" | tee -a "$summary"
        failures=$((failures + 1))
    fi
    exit $((failures > 0))
fi

# --- Outside: the roots, the clone, then the steps in their namespaces ---
keep=0
[[ ${1:-} == --keep ]] && keep=1
cd "$(dirname "$0")/.."
repo=$PWD
for tool in debootstrap git chroot unshare; do
    command -v "$tool" >/dev/null || {
        echo "check-fresh-machine: $tool is missing (scripts/install-deps --ci)" >&2
        exit 1
    }
done
((EUID == 0)) || { echo "check-fresh-machine: run it as root (chroot and mounts)" >&2; exit 1; }

# The mirror this machine's apt uses for a suite: deb822 sources (Debian 12's own), else
# one-line ones.
mirror_of() {  # SUITE
    local uri
    uri=$(awk -v suite="$1" 'BEGIN { RS = ""; FS = "\n" }
        { uris = ""; ok = 0
          for (i = 1; i <= NF; i++) {
              if ($i ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", $i); split($i, u, /[ \t]+/); uris = u[1] }
              if ($i ~ /^Suites:/) { n = split($i, w, /[ \t]+/); for (j = 2; j <= n; j++) if (w[j] == suite) ok = 1 }
              if ($i ~ /^Enabled:[ \t]*no/) ok = -1
          }
          if (ok == 1 && uris != "") { print uris; exit } }' /etc/apt/sources.list.d/*.sources 2>/dev/null)
    [[ -n $uri ]] || uri=$(grep -hsE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
        sed -E 's/\[[^]]*\]//' | awk -v suite="$1" '$3 == suite { print $2; exit }')
    echo "$uri"
}
mirror=${MIRROR:-$(mirror_of bookworm)}
mirror=${mirror:-http://deb.debian.org/debian}
security=$(mirror_of bookworm-security)

work=$(mktemp -d "${WORK_DIR:-/var/tmp}/sk-fresh.XXXXXX")
cleanup() {
    # The namespaces took their mounts with them; refuse to delete through one left by accident.
    if grep -q " $work/" /proc/mounts; then
        echo "check-fresh-machine: something is still mounted under $work; not removing it" >&2
    elif ((keep)); then
        echo "Kept: $work"
    else
        rm -rf --one-file-system "$work"
    fi
}
trap cleanup EXIT
started=$(date +%s)

echo "== debootstrap --variant=minbase bookworm $mirror"
if ! debootstrap --variant=minbase bookworm "$work/base" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 20 "$work/debootstrap.log" >&2
    exit 1
fi
{
    echo "deb $mirror bookworm main"
    echo "deb $mirror bookworm-updates main"
    [[ -n $security ]] && echo "deb $security bookworm-security main"
} >"$work/base/etc/apt/sources.list"
cp /etc/resolv.conf "$work/base/etc/resolv.conf"
proxy=$(apt-config dump Acquire::http::Proxy 2>/dev/null | sed -n 's/^Acquire::http::Proxy "\(.*\)";$/\1/p')
[[ -n $proxy ]] && echo "Acquire::http::Proxy \"$proxy\";" >"$work/base/etc/apt/apt.conf.d/01proxy"
bootstrapped=$(($(date +%s) - started))
echo "   $bootstrapped s, $(du -sh "$work/base" | cut -f1)"
cp -a "$work/base" "$work/package-root"
mv "$work/base" "$work/build-root"

commit=$(git -C "$repo" rev-parse --short HEAD)
echo "== git clone (commit $commit)"
[[ -z $(git -C "$repo" status --porcelain --untracked-files=no) ]] ||
    echo "   note: uncommitted changes are not part of the clone, so they are not checked"
git clone --quiet --no-hardlinks "$repo" "$work/build-root/root/stretch-kiosk"

status=0
unshare --mount --pid --fork --propagation private -- bash "$repo/scripts/check-fresh-machine.sh" \
    --inside "$work" || status=$?
echo
echo "== fresh Debian 12 (minbase), commit $commit: $(($(date +%s) - started)) s in all"
printf '%-4s %5ss  %s\n' ok "$bootstrapped" "debootstrap"
cat "$work/summary"
if ((status != 0)); then
    echo "check-fresh-machine: FAILED (logs in $work/logs; --keep keeps them)" >&2
    exit 1
fi
echo "check-fresh-machine: the quick start and the package work on a fresh machine"
