#!/usr/bin/env bash
# Times `stretch-kiosk --check` on hostile configs: each must be refused cleanly (exit 2) and fast.
# Usage: bench/hostile-configs.sh BINARY. Prints the exit status and wall time of each (best of 5).
set -uo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

head -c 70000 /dev/zero | tr '\0' 'a' >"$tmp/too-big.yaml"
{ printf 'schedule: '; printf '[%.0s' $(seq 5000); } >"$tmp/deep-nesting.yaml"
{
    echo 'a: &a ["x","x","x","x","x","x","x","x","x"]'
    for level in b c d e f g h i; do
        prev=$(printf '%s' "$level" | tr 'b-i' 'a-h')
        printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' "$level" "$level" $(for _ in $(seq 9); do echo "$prev"; done)
    done
    echo 'schedule: *i'
} >"$tmp/alias-bomb.yaml"
head -c 4096 /dev/urandom >"$tmp/binary-garbage.yaml"
{ echo 'schedule:'; for i in $(seq 3000); do echo "  - {nme$i: x}"; done; } | head -c 65000 >"$tmp/many-errors.yaml"
mkdir "$tmp/a-directory.yaml"
mkfifo "$tmp/a-fifo.yaml"

printf '%-22s %6s %10s\n' file status "best ms"
for file in too-big deep-nesting alias-bomb binary-garbage many-errors a-directory a-fifo; do
    best=999999
    for _ in 1 2 3 4 5; do
        start=$(date +%s%N)
        "$bin" --check --config "$tmp/$file.yaml" >/dev/null 2>&1
        status=$?
        ms=$((($(date +%s%N) - start) / 1000000))
        ((ms < best)) && best=$ms
    done
    printf '%-22s %6d %10d\n' "$file.yaml" "$status" "$best"
done
