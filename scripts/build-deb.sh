#!/usr/bin/env bash
# Builds the Debian package (prefix /usr) in build-deb/ and lists what is in it.
# Needs dpkg-dev (dpkg-shlibdeps works out the library dependencies). JOBS=N to limit the build.
# Usage: scripts/build-deb.sh            -> build-deb/stretch-kiosk_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/.."
build="build-deb"

for tool in dpkg-shlibdeps dpkg-deb; do
    if ! command -v "$tool" >/dev/null; then
        echo "build-deb: $tool is missing: install dpkg-dev (scripts/install-deps --test)." >&2
        exit 1
    fi
done

# Warnings are CI's business (scripts/run-tests); a package build must not fail on a new one.
cmake -S . -B "$build" -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_BUILD_TYPE=Release \
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
