#!/bin/sh
# next_vs_systemd.sh BINARY: checks `BINARY --next` against systemd's calendar, zone by zone,
# around DST changes. Exit 0 when all agree, 1 on any disagreement (each is printed), 77 (skip)
# when systemd-analyze is missing, 2 on a usage error.
#
# The one allowed difference: a daily time inside a spring-forward gap (02:30 on the night the
# clocks go from 02:00 to 03:00) fires at the switch for us, while systemd skips that day.
set -u

if [ $# -ne 1 ]; then
    echo "Usage: $0 BINARY" >&2
    exit 2
fi
binary=$1
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "systemd-analyze is not installed: skipping the comparison with systemd's calendar."
    exit 77
fi
if [ ! -x "$binary" ]; then
    echo "$binary is not an executable program: build it first." >&2
    exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
sample=${SK_SOURCE_DIR:-$here/../..}/config/stretch-kiosk.yaml
if [ ! -r "$sample" ]; then
    echo "Cannot read the sample config $sample: set SK_SOURCE_DIR to the repository." >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/next-vs-systemd.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM

iterations=20
failures=0
checks=0

# The sample config with its schedule replaced by one daily entry at $1 (HH:MM).
write_config() {
    routine=$(awk '/^routines:/ { inside = 1; next }
                   inside && /^  [A-Za-z0-9_-]+:/ { sub(/^  /, ""); sub(/:.*/, ""); print; exit }' \
        "$sample")
    awk -v time="$1" -v routine="$routine" '
        /^schedule:/ {
            print "schedule:"
            print "  - name: Stretch at " time
            print "    time: \"" time "\""
            print "    days: daily"
            print "    routine: " routine
            skipping = 1
            next
        }
        skipping && /^[A-Za-z]/ { skipping = 0 }
        /^timezone:/ { next }  # the zone comes from TZ
        !skipping { print }
        ' "$sample" >"$work/config.yaml"
}

# Seconds since the epoch of each line on stdin (any form GNU date reads), one per line.
to_epoch() {
    date -u -f - +%s
}

# The UTC offset of $2 (epoch seconds) in zone $1, in minutes east of UTC.
offset_minutes() {
    TZ=$1 date -d "@$2" +%z | awk '{ sign = substr($0, 1, 1) == "-" ? -1 : 1;
                                    print sign * (substr($0, 2, 2) * 60 + substr($0, 4, 2)) }'
}

# Whether local date $2 (YYYY-MM-DD) shows on the wall clock of zone $1 at all: Pacific/Apia
# skipped 2011-12-30. Looks at every quarter hour from 14 hours before to 38 hours after its
# midnight in UTC, which covers every offset.
date_appears() {
    midnight=$(date -u -d "$2" +%s)
    awk -v start=$((midnight - 14 * 3600)) -v end=$((midnight + 38 * 3600)) \
        'BEGIN { for (t = start; t <= end; t += 900) print "@" t }' |
        TZ=$1 date -f - +%F | grep -qx "$2"
}

# systemd's instants for zone $1, base "$2" (local), daily time $3, in UTC, one a line. Each
# "Next elapse" or "Iter. #N" line is followed by its "(in UTC)" twin, except in UTC itself.
systemd_instants() {
    TZ=$1 systemd-analyze calendar --iterations="$iterations" --base-time="$2" \
        "*-*-* $3:00" 2>"$work/systemd.err" |
        awk '
            function flush() { if (pending != "") print pending; pending = "" }
            /Next elapse:|Iter\. #[0-9]+:/ {
                flush()
                # "Next elapse: Mon 2027-03-29 02:30:00 CEST": date and time are fields 4 and 5
                # after "Next elapse:", 4 and 5 after "Iter. #2:" too.
                pending = $4 " " $5 " UTC"
                next
            }
            /\(in UTC\):/ { pending = ""; print $4 " " $5 " UTC" }
            END { flush() }
        '
}

# Compares one zone, base and daily time.
check() {
    zone=$1
    base=$2   # "2027-03-27 12:00", local to the zone
    time=$3   # "02:30"
    checks=$((checks + 1))
    label="$zone, daily $time, from $base"
    write_config "$time"

    from=$(echo "$base" | tr ' ' 'T')
    if ! TZ=$zone "$binary" --next "$iterations" --from "$from" --config "$work/config.yaml" \
        >"$work/ours.txt" 2>"$work/ours.err"; then
        echo "$label: $binary failed:"
        sed 's/^/    /' "$work/ours.err"
        failures=$((failures + 1))
        return
    fi
    cut -f1 "$work/ours.txt" >"$work/ours.iso"
    if ! to_epoch <"$work/ours.iso" >"$work/ours.epoch" 2>"$work/date.err" ||
        [ "$(wc -l <"$work/ours.epoch")" -ne "$iterations" ]; then
        echo "$label: expected $iterations lines like 2027-03-28T03:00:00+02:00<TAB>name, got:"
        sed 's/^/    /' "$work/ours.txt"
        failures=$((failures + 1))
        return
    fi

    systemd_instants "$zone" "$base" "$time" >"$work/systemd.utc"
    if ! to_epoch <"$work/systemd.utc" >"$work/systemd.epoch" 2>"$work/date.err" ||
        [ "$(wc -l <"$work/systemd.epoch")" -ne "$iterations" ]; then
        echo "$label: could not read systemd-analyze's answer:"
        sed 's/^/    /' "$work/systemd.err" "$work/systemd.utc"
        failures=$((failures + 1))
        return
    fi

    # Set aside each of ours that systemd lacks when it is the documented difference: it falls
    # on a forward switch and its wall-clock time is not the entry's (that time never happened).
    paste -d' ' "$work/ours.epoch" "$work/ours.iso" >"$work/ours.pairs"
    : >"$work/ours.kept"
    : >"$work/ours.at_switch"
    while read -r epoch iso; do
        if ! grep -qx "$epoch" "$work/systemd.epoch"; then
            wall=$(echo "$iso" | cut -c12-16)
            before=$(offset_minutes "$zone" $((epoch - 1)))
            after=$(offset_minutes "$zone" "$epoch")
            if [ "$wall" != "$time" ] && [ "$after" -gt "$before" ]; then
                echo "$iso" >>"$work/ours.at_switch"
                continue
            fi
        fi
        echo "$epoch $iso" >>"$work/ours.kept"
    done <"$work/ours.pairs"

    # Compare over the common horizon: ours spent lines on switches, so systemd's runs longer.
    kept=$(wc -l <"$work/ours.kept")
    head -n "$kept" "$work/systemd.epoch" >"$work/systemd.common"
    head -n "$kept" "$work/systemd.utc" >"$work/systemd.common.utc"
    if ! cut -d' ' -f1 "$work/ours.kept" | cmp -s - "$work/systemd.common"; then
        echo "$label: disagrees with systemd (ours | systemd):"
        cut -d' ' -f1,2 "$work/ours.kept" | paste -d'|' - "$work/systemd.common.utc" |
            while IFS='|' read -r ours theirs; do
                theirs_epoch=$(echo "$theirs" | to_epoch)
                mark="  "
                [ "${ours%% *}" = "$theirs_epoch" ] || mark="!="
                echo "    $mark ${ours#* } | $theirs"
            done
        failures=$((failures + 1))
        return
    fi

    # The difference must be there too: where systemd skips a date that the wall clock shows,
    # ours fires on that date, at the switch. Dates are walked from the first one due after base.
    sed 's/^/@/' "$work/systemd.common" | TZ=$zone date -f - +%F >"$work/systemd.dates"
    expected=$(echo "$base" | cut -c1-10)
    if [ "$(echo "$base" | cut -c12-16 | tr -d :)" -ge "$(echo "$time" | tr -d :)" ]; then
        expected=$(date -u -d "$expected + 1 day" +%F)
    fi
    while read -r day; do
        steps=0
        while [ "$expected" != "$day" ] && [ "$steps" -lt 31 ]; do
            steps=$((steps + 1))
            if date_appears "$zone" "$expected" &&
                ! cut -c1-10 "$work/ours.at_switch" | grep -qx "$expected"; then
                echo "$label: systemd skips $expected, when $time is in a spring-forward gap;" \
                    "ours should fire at the switch that day and does not."
                failures=$((failures + 1))
                return
            fi
            expected=$(date -u -d "$expected + 1 day" +%F)
        done
        expected=$(date -u -d "$day + 1 day" +%F)
    done <"$work/systemd.dates"
}

# Zones, base times around their DST changes, and daily times: a plain one, one in the
# spring-forward gap, one in the fall-back overlap.
check Europe/Berlin "2027-03-20 12:00" 07:00
check Europe/Berlin "2027-03-27 12:00" 02:30
check Europe/Berlin "2027-03-28 01:00" 02:30
check Europe/Berlin "2027-10-30 12:00" 02:30
check Europe/Berlin "2027-10-25 12:00" 07:00
check America/New_York "2027-03-13 12:00" 02:30
check America/New_York "2027-03-10 12:00" 07:00
check America/New_York "2027-11-06 12:00" 01:30
check America/New_York "2027-11-01 06:59" 07:00
check Australia/Lord_Howe "2027-10-02 12:00" 02:15
check Australia/Lord_Howe "2027-09-30 12:00" 07:00
check Australia/Lord_Howe "2027-04-03 12:00" 01:45
check Australia/Lord_Howe "2027-03-30 12:00" 07:00
check Pacific/Apia "2011-12-25 12:00" 07:00
check Pacific/Apia "2011-12-29 12:00" 23:30
check Pacific/Apia "2011-09-23 12:00" 03:30
check Pacific/Apia "2012-03-30 12:00" 03:30

if [ "$failures" -ne 0 ]; then
    echo "$failures of $checks comparisons with systemd-analyze disagree."
    exit 1
fi
echo "All $checks comparisons agree with systemd-analyze (gap times fire at the switch)."
exit 0
