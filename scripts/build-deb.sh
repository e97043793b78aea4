#!/usr/bin/env bash
# Builds the Debian package (prefix /usr) in build-deb/ and lists what is in it. The compiler and
# linker flags are Debian's own (dpkg-buildflags, with every hardening option: fortify, stack
# protector, relro and bindnow, PIE), as a Debian package build would use.
# Needs dpkg-dev (dpkg-buildflags, dpkg-shlibdeps). JOBS=N to limit the build.
# Usage: scripts/build-deb.sh [--lintian]   -> build-deb/stretch-kiosk_<version>_<arch>.deb
#   --lintian  then check the package with lintian, failing on any warning or error
set -euo pipefail
cd "$(dirname "$0")/.."
build="build-deb"
lint=0
[[ ${1:-} == --lintian ]] && lint=1

tools=(dpkg-shlibdeps dpkg-deb dpkg-buildflags)
((lint)) && tools+=(lintian)
for tool in "${tools[@]}"; do
    if ! command -v "$tool" >/dev/null; then
        echo "build-deb: $tool is missing: install it (scripts/install-deps --ci)." >&2
        exit 1
    fi
done

export DEB_BUILD_MAINT_OPTIONS=hardening=+all
flag() { dpkg-buildflags --get "$1"; }
# CMake has no CPPFLAGS (-D_FORTIFY_SOURCE=2 is one): they go with the compiler's flags. Build
# type None, as Debian builds CMake projects: the flags above decide, nothing is added to them.
# Warnings are CI's business (scripts/run-tests); a package build must not fail on a new one.
cmake -S . -B "$build" -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="$(flag CPPFLAGS) $(flag CXXFLAGS)" \
    -DCMAKE_EXE_LINKER_FLAGS="$(flag LDFLAGS)" \
    -DBUILD_TESTING=OFF -DSK_WERROR=OFF >/dev/null
cmake --build "$build" --target stretch-kiosk -j"${JOBS:-$(nproc)}"
rm -f "$build"/stretch-kiosk_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
package=$(ls "$build"/stretch-kiosk_*.deb)

dpkg-deb --info "$package"
echo
dpkg-deb --contents "$package"
echo
# The config must be a conffile, or an upgrade would overwrite the user's schedule.
dpkg-deb --ctrl-tarfile "$package" | tar -xOf - ./conffiles | grep -qx /etc/stretch-kiosk/config.yaml || {
    echo "build-deb: /etc/stretch-kiosk/config.yaml is not a conffile" >&2
    exit 1
}
# Built with the voice, it needs eSpeak NG's library (from dpkg-shlibdeps) and its data.
if "$build/stretch-kiosk" --version | grep -q "voice: eSpeak NG"; then
    depends=$(dpkg-deb -f "$package" Depends)
    for needed in libespeak-ng1 espeak-ng-data; do
        grep -q "\b$needed\b" <<<"$depends" || {
            echo "build-deb: the package does not depend on $needed: $depends" >&2
            exit 1
        }
    done
fi
echo "Built $package"

if ((lint)); then
    # Silent at warning level: any E: or W: line fails. (Run as root it says so on stderr.)
    lintian --fail-on error,warning "$package" 2>&1 | grep -v 'running with root privileges' || true
    lintian --fail-on error,warning "$package" >/dev/null 2>&1 || {
        echo "build-deb: lintian finds problems in $package" >&2
        exit 1
    }
    echo "lintian: no errors, no warnings"
fi
