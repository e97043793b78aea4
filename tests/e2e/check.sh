# check.sh: the end-to-end scripts' one assertion, sourced by them (not run on its own).
#   check NAME EXPECTED ACTUAL   counts a pass, or prints the difference and counts a failure
#   report                       prints "N passed, M failed" and returns non-zero on a failure
failures=0 passes=0

check() {
    if [[ $2 == "$3" ]]; then
        passes=$((passes + 1))
    else
        failures=$((failures + 1))
        printf 'FAIL %s\n  expected: %q\n  actual:   %q\n' "$1" "$2" "$3"
    fi
}

report() {
    echo "$passes passed, $failures failed"
    ((failures == 0))
}
