#!/usr/bin/env bash
# A whole shipped session (routine full, about four minutes, in the morning voice) spoken through
# SDL's disk audio driver, with how soon after its step each step's words were played and heard.
# Usage: bench/voice-timing.sh [BUILD_DIR] [ROUTINE]   (default: build, full)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build} routine=${2:-full}
exec "$here/tests/e2e/e2e_voice.sh" "$build/stretch-kiosk" "$build/tests/speech_onsets" \
    "$here/config/stretch-kiosk.yaml" "" --clock-start 2026-11-23T07:00 --start "$routine"
