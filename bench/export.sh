#!/bin/bash
# export.sh - time `duban export --format xlsx` of a 10,000-item plan.
#
#   bench/export.sh [BUILD_DIR] [RUNS]
#
# BUILD_DIR (default /work/main/build) must contain tui/duban and
# tests/duban-gen.  Prints the median and worst wall time of RUNS (default
# 5) exports in milliseconds; exits 1 when the median is 1000 ms or more.
set -u
BUILD=${1:-/work/main/build}
RUNS=${2:-5}
DUBAN=$BUILD/tui/duban
GEN=$BUILD/tests/duban-gen
for f in "$DUBAN" "$GEN"; do
    [ -x "$f" ] || { echo "export.sh: $f not found; build duban and duban-gen" >&2; exit 2; }
done
T=$(mktemp -d "${TMPDIR:-/tmp}/duban-bench.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
export HOME=$T XDG_DATA_HOME=$T/data TZ=UTC DUBAN_TODAY=2021-10-25
"$GEN" --db "$T/big.db" --items 10000 --history 10000 >/dev/null 2>"$T/gen.log" \
    || { cat "$T/gen.log" >&2; exit 2; }
times=()
for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    "$DUBAN" --db "$T/big.db" export -o "$T/big.xlsx" >/dev/null || exit 2
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$((RUNS / 2))]}
echo "export --format xlsx, 10000 items: median ${median} ms, worst ${sorted[$((RUNS - 1))]} ms" \
    "($RUNS runs, $(stat -c %s "$T/big.xlsx") bytes)"
[ "$median" -lt 1000 ]
