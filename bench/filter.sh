#!/bin/bash
# filter.sh - key-to-screen latency in the outline with a filter active
# (筛选: one unit) against the same keys unfiltered, at 10,000 items.
#
#   bench/filter.sh [BUILD_DIR] [--rounds N] [--samples N] [--size COLSxROWS]
#
# BUILD_DIR (default build) must contain tui/duban, tests/duban-gen and
# bench/pty_bench.  Builds nothing.  Each round runs every scenario once
# unfiltered and once filtered (move: j/k, fold: Enter/Enter, status:
# 5/u; the filtered ones first press F j j Enter to keep the unit with the
# most items), alternating which goes first, so drift on this shared
# machine falls on both alike.  Prints per scenario the median of the
# rounds' medians (and their p90s) and filtered / unfiltered.  Issue 12's
# goal: filtered <= 1.2x unfiltered.  Speed is never asserted.
set -u

BUILD=build
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
    BUILD=$1
    shift
fi
ROUNDS=5 SAMPLES=100 SIZE=80x24
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) ROUNDS=$2 && shift ;;
    --samples) SAMPLES=$2 && shift ;;
    --size) SIZE=$2 && shift ;;
    *) echo "usage: filter.sh [BUILD_DIR] [--rounds N] [--samples N] [--size COLSxROWS]" >&2 && exit 2 ;;
    esac
    shift
done
DUBAN=$BUILD/tui/duban GEN=$BUILD/tests/duban-gen PTYB=$BUILD/bench/pty_bench
for f in "$DUBAN" "$GEN" "$PTYB"; do
    [ -x "$f" ] || { echo "filter.sh: $f not found (see the header of this script)" >&2 && exit 2; }
done

T=$(mktemp -d "${TMPDIR:-/tmp}/duban-filter.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
export HOME=$T XDG_DATA_HOME=$T/data XDG_CONFIG_HOME=$T/config TZ=UTC

echo "# duban bench/filter.sh, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores"
echo "# 10,000 items, 100,000 history rows; $ROUNDS rounds of $SAMPLES keys; $SIZE"
"$GEN" --db "$T/big.db" --items 10000 --history 100000 >"$T/gen.log" 2>&1 || { cat "$T/gen.log" >&2 && exit 2; }
"$DUBAN" --db "$T/big.db" plans >/dev/null || exit 2

field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p"; }
failed=0
# one NAME SCENARIO : a run; its median and p90 appended to $T/NAME.med, .p90
one() {
    local name=$1 scen=$2
    if "$PTYB" --json --scenario "$scen" --samples "$SAMPLES" --size "$SIZE" --label "$name" \
        "$DUBAN" "$T/big.db" >"$T/run.json" 2>"$T/run.err"; then
        field median_us <"$T/run.json" >>"$T/$name.med"
        field p90_us <"$T/run.json" >>"$T/$name.p90"
    else
        sed 's/^/  /' "$T/run.err" >&2
        failed=1
    fi
}
SCENS="move fold status"
for ((r = 1; r <= ROUNDS; r++)); do
    echo "round $r/$ROUNDS ..." >&2
    for s in $SCENS; do
        if ((r % 2)); then
            one "$s" "$s" && one "$s-f" "${s}_filter"
        else
            one "$s-f" "${s}_filter" && one "$s" "$s"
        fi
    done
done
median() { sort -g "$1" 2>/dev/null | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit }
    printf "%.0f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf "%-8s %14s %14s %14s %14s %10s\n" scenario plain_med_us filter_med_us plain_p90_us \
    filter_p90_us filter/plain
for s in $SCENS; do
    pm=$(median "$T/$s.med") fm=$(median "$T/$s-f.med")
    pp=$(median "$T/$s.p90") fp=$(median "$T/$s-f.p90")
    printf "%-8s %14s %14s %14s %14s %10s\n" "$s" "$pm" "$fm" "$pp" "$fp" \
        "$(awk -v a="$fm" -v b="$pm" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "-" }')"
done
echo "median of the rounds' medians (and of their p90s), microseconds from the key to the screen"
echo "settled (pty_bench, bench/README.md); the filter keeps one unit (~600 of 10,000 items)."
exit $failed
