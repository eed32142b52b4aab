#!/bin/bash
# run.sh - key-to-settled latency of duban on a pty, seed plan vs 10,000 items.
#
#   bench/run.sh [BUILD_DIR] [pty_bench options...]
#
# Builds nothing: BUILD_DIR (default /work/main/build) must already contain
# tui/duban, tests/duban-gen, bench/pty_bench and bench/echo_baseline.
# Extra options (e.g. --samples 100 --quiet 30 --size 200x60) go to every
# pty_bench run.  Prints one table; see bench/README.md for the meaning.
set -u

BUILD=${1:-/work/main/build}
[ $# -gt 0 ] && shift
DUBAN=$BUILD/tui/duban
GEN=$BUILD/tests/duban-gen
PTYB=$BUILD/bench/pty_bench
ECHO=$BUILD/bench/echo_baseline
for f in "$DUBAN" "$GEN" "$PTYB" "$ECHO"; do
    if [ ! -x "$f" ]; then
        echo "run.sh: $f not found; build the targets duban duban-gen pty_bench echo_baseline" >&2
        exit 2
    fi
done

T=$(mktemp -d "${TMPDIR:-/tmp}/duban-bench.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
export HOME=$T XDG_DATA_HOME=$T/data TZ=UTC

echo "preparing databases in $T ..." >&2
if ! "$DUBAN" --db "$T/seed.db" list >/dev/null 2>"$T/seed.log"; then
    cat "$T/seed.log" >&2
    exit 2
fi
if ! "$GEN" --db "$T/big.db" --items 10000 --history 100000 >"$T/gen.log" 2>&1; then
    cat "$T/gen.log" >&2
    exit 2
fi

# field NAME < json-line : the value of one numeric field
field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p"; }

failed=0
# bench NAME SCENARIO [pty_bench operands...] : one run, JSON kept in $T/NAME.json
bench() {
    local name=$1 scen=$2
    shift 2
    echo "running $name ($scen) ..." >&2
    if ! "$PTYB" --json --scenario "$scen" --label "$name" "${OPTS[@]}" "$@" \
        >"$T/$name.json" 2>"$T/$name.err"; then
        sed 's/^/  /' "$T/$name.err" >&2
        : >"$T/$name.json"
        failed=1
    fi
}

OPTS=("$@")
bench baseline move -- "$ECHO"
for scen in move fold status; do
    bench "$scen-seed" "$scen" "$DUBAN" "$T/seed.db"
    bench "$scen-big" "$scen" "$DUBAN" "$T/big.db"
done
bench baseline-end move -- "$ECHO"

base=$(field median_us <"$T/baseline.json")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.1f", a / b; else printf "-" }'; }
row() {
    local name=$1 scen=$2 plan=$3 j=$T/$1.json
    local med p90 bytes first
    med=$(field median_us <"$j")
    p90=$(field p90_us <"$j")
    bytes=$(field median_bytes <"$j")
    first=$(field startup_ms <"$j")
    local big_seed="-"
    if [ "$plan" = big ]; then
        big_seed=$(ratio "$med" "$(field median_us <"$T/$scen-seed.json")")
    fi
    printf "%-9s %-9s %10s %10s %10s %10s %10s %11s\n" "$scen" "$plan" "${med:-FAILED}" \
        "${p90:--}" "${bytes:--}" "$(ratio "$med" "$base")" "$big_seed" "${first:--}"
}

echo
printf "%-9s %-9s %10s %10s %10s %10s %10s %11s\n" scenario plan median_us p90_us bytes/key \
    x_baseline big/seed screen1_ms
row baseline echo baseline
for scen in move fold status; do
    row "$scen-seed" "$scen" seed
    row "$scen-big" "$scen" big
done
row baseline-end echo baseline2
echo
echo "median/p90: microseconds from writing the key to the last byte before a quiet window"
echo "(window not included); bytes/key: median bytes written by duban per key;"
echo "x_baseline: median / median of the echo baseline (first run); screen1_ms: first screen."
exit $failed
