#!/usr/bin/env bash
# Fuzzes the config parser with libFuzzer (clang, ASan+UBSan) for SECONDS (default 60), seeded
# with every shipped and test config and every case of the bad-config catalogue. A crash leaves
# its input in build-fuzz/crashes/ and fails: copy it into tests/data/config/fuzz/ (the parser
# test reads every file there) and fix it.
# Usage: scripts/fuzz-config.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build-fuzz
scripts/install-deps --fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -DSK_FUZZ=ON -DSK_BUILD_APP=OFF -DBUILD_TESTING=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target fuzz_config -j"$(nproc)"

# The seeds: whole files, and each catalogue case as a file of its own.
seeds=$build/seeds corpus=$build/corpus crashes=$build/crashes
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$crashes"
cp config/*.yaml tests/data/config/good/*.yaml tests/data/config/bad/*.yaml "$seeds"/
cp tests/data/config/fuzz/* "$seeds"/ 2>/dev/null || true
awk -v dir="$seeds" '
    /^### / { n++; file = sprintf("%s/catalogue-%03d.yaml", dir, n); in_yaml = 1; next }
    /^>>>$/ { in_yaml = 0; next }
    in_yaml && n { print > file }
' tests/data/config/bad/catalogue.txt
echo "fuzzing the config parser for $seconds s from $(ls "$seeds" | wc -l) seeds"
# -max_len: a little over the 64 KiB the parser accepts, so the size limit is tried too.
# -timeout: one input taking a second is a hang worth reporting (the parser answers in ms).
"$build/tests/fuzz/fuzz_config" -max_total_time="$seconds" -max_len=66000 -timeout=2 \
    -rss_limit_mb=1024 -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$seeds"
