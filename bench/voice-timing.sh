#!/usr/bin/env bash
# A whole shipped session (routine full, about five minutes) spoken through SDL's disk audio
# driver, with how soon after its step each step's words were played and were heard.
# Usage: bench/voice-timing.sh [BUILD_DIR] [ROUTINE]   (default: build, full)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build} routine=${2:-full}
exec "$here/tests/e2e/e2e_voice.sh" "$build/stretch-kiosk" "$build/tests/speech_onsets" \
    "$here/config/stretch-kiosk.yaml" "" --start "$routine"
