#!/bin/bash
# table.sh - issue 15's whole table at seed, 1k and 10k items (100k with
# --big), each figure beside a floor measured in the same session.
#
#   bench/table.sh [BUILD_DIR] [--big] [--rounds N] [--samples N] [--whole]
#
# BUILD_DIR (default build) must contain tui/duban, tests/duban-gen,
# bench/pty_bench, bench/echo_baseline, bench/key_clock.so, bench/core_bench
# and bench/curses_floor (cmake --build BUILD_DIR --target duban duban-gen
# pty_bench echo_baseline key_clock core_bench curses_floor).
# Builds nothing.  Per size it prints:
#   - key latencies on a pty (pty_bench: move, fold, status, overdue view,
#     search per typed key, short search, search next; first frame, with
#     the numbers kept, counting them, and with every area open), the
#     echo baseline and `less` on a file of as many lines as floors; for
#     fold and overdue also ncurses alone repainting duban's two screens
#     (curses_floor.c; the screens captured in tmux, when it is installed);
#   - in-process core calls (core_bench) against a bare durable transaction;
#   - whole-process `duban overdue`, `duban list` and `duban report`
#     against the sqlite3 CLI running bench/sql/*.sql (checked first to
#     print the same rows) on the schema before issue 15's indexes
#     (FLOOR_DROP), interleaved on one CPU (pin), medians and p95 in ms,
#     and their ratio;
#   - whole-process `duban minutes` (Markdown and HTML) of a meeting started
#     on the plan's day, medians and p95 in ms, no floor.
# --whole: only the whole-process rows (and the databases' write times).
# Speed is never asserted; see bench/README.md.
set -u

BUILD=build
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
    BUILD=$1
    shift
fi
BIG=0 ROUNDS=21 SAMPLES=100 WHOLE=0
while [ $# -gt 0 ]; do
    case $1 in
    --big) BIG=1 ;;
    --whole) WHOLE=1 ;;
    --rounds) ROUNDS=$2 && shift ;;
    --samples) SAMPLES=$2 && shift ;;
    *) echo "usage: table.sh [BUILD_DIR] [--big] [--rounds N] [--samples N] [--whole]" >&2 && exit 2 ;;
    esac
    shift
done
HERE=$(cd "$(dirname "$0")" && pwd)
DUBAN=$BUILD/tui/duban GEN=$BUILD/tests/duban-gen PTYB=$BUILD/bench/pty_bench
ECHO=$BUILD/bench/echo_baseline CORE=$BUILD/bench/core_bench CLOCK=$BUILD/bench/key_clock.so
FLOOR=$BUILD/bench/curses_floor
for f in "$DUBAN" "$GEN" "$PTYB" "$ECHO" "$CORE" "$CLOCK" "$FLOOR"; do
    [ -x "$f" ] || { echo "table.sh: $f not found (see the header of this script)" >&2 && exit 2; }
done
command -v sqlite3 >/dev/null || { echo "table.sh: the sqlite3 CLI is needed for the floors" >&2 && exit 2; }
command -v less >/dev/null || { echo "table.sh: less is needed for a floor" >&2 && exit 2; }

T=$(mktemp -d "${TMPDIR:-/tmp}/duban-table.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
export HOME=$T XDG_DATA_HOME=$T/data XDG_CONFIG_HOME=$T/config TZ=UTC DUBAN_TODAY=2021-10-01
TODAY=2021-10-01

echo "# duban bench/table.sh, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "# $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "# sqlite3 CLI $(sqlite3 --version | cut -d' ' -f1); rounds $ROUNDS, pty samples $SAMPLES"

# make SIZE : $T/SIZE.db
make_db() {
    local size=$1 t0 t1
    t0=$EPOCHREALTIME
    case $size in
    seed) "$DUBAN" --db "$T/seed.db" list >/dev/null ;;
    1k) "$GEN" --db "$T/1k.db" --items 1000 --history 10000 >/dev/null ;;
    10k) "$GEN" --db "$T/10k.db" --items 10000 --history 100000 >/dev/null ;;
    100k) "$GEN" --db "$T/100k.db" --items 100000 --history 1000000 >/dev/null ;;
    esac || return 1
    "$DUBAN" --db "$T/$size.db" plans >/dev/null || return 1 # migrations done before timing
    t1=$EPOCHREALTIME
    # the floors' database: today's rows on the schema before issue 15's indexes
    cp "$T/$size.db" "$T/$size-floor.db" && sqlite3 "$T/$size-floor.db" "$FLOOR_DROP" || return 1
    awk -v s="$size" -v a="$t1" -v b="$t0" 'BEGIN { printf "# %s: database written in %.1f s\n", s, a - b }'
}

# The indexes duban has and the floors do not (schemas 10 and 16: issue 15).
FLOOR_DROP="DROP INDEX IF EXISTS node_late; DROP INDEX IF EXISTS milestone_open_by_due;
  DROP INDEX IF EXISTS history_changes; DROP INDEX IF EXISTS node_listing;"

# stats FILE : "median p95" of the numbers in FILE (one a line)
stats() {
    sort -g "$1" | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "- -"; exit }
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        r = int(0.95 * NR + 0.999999); if (r < 1) r = 1
        printf "%.2f %.2f\n", m, v[r] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "-" }'; }

# ms COMMAND... : appends the wall time of one run (ms) to $OUT
ms() {
    local t0=$EPOCHREALTIME
    "$@" >/dev/null 2>&1
    awk -v a="$EPOCHREALTIME" -v b="$t0" 'BEGIN { printf "%.3f\n", (a - b) * 1000 }' >>"$OUT"
}

# run NAME ARGS... : duban NAME as a user runs it.  `list` does not depend
# on the day, so it runs without --today and DUBAN_TODAY, as typed: the
# start then also asks whether the file holds only the built-in sample (a
# check that once cost 140 ms at 100k unseen, because every row here had a
# day given).  The others are given the plan's day.
run() {
    local name=$1
    shift
    if [ "$name" = list ]; then
        # unset in this shell, not with env(1): its own exec and locale
        # loading cost ~1 ms, which the floor does not pay
        local rc
        unset DUBAN_TODAY
        "$DUBAN" "$@" "$name"
        rc=$?
        export DUBAN_TODAY=$TODAY
        return $rc
    else
        "$DUBAN" "$@" --today $TODAY "$name"
    fi
}

# same SIZE NAME : do duban's CSV rows and the floor's rows match?
same() {
    local db=$T/$1.db
    run "$2" --db "$db" --format csv | tail -n +2 | tr -d '\r' >"$T/a.csv"
    sqlite3 -list -separator , "$T/$1-floor.db" <"$HERE/sql/$2.sql" >"$T/b.csv"
    if cmp -s "$T/a.csv" "$T/b.csv"; then
        echo "yes ($(wc -l <"$T/a.csv") rows)"
    else
        echo "NO"
    fi
}

# pin : this shell (and so every process it starts) on one CPU, when
# taskset is there.  Unpinned, processes run one after another on a
# 2-vCPU machine alternated between a fast and a slow CPU (seen on
# 2026-12-01: the same binary against itself, interleaved, 0.65), so an
# interleaved pair's ratio depended on its place in the rotation.
# unpin : every CPU again.
pin() { command -v taskset >/dev/null && taskset -pc 0 $$ >/dev/null; }
unpin() { command -v taskset >/dev/null && taskset -pc "0-$(($(nproc) - 1))" $$ >/dev/null; }

# process SIZE NAME : duban NAME (text) and its sqlite3 floor, interleaved
process() {
    local db=$T/$1.db name=$2 i
    rm -f "$T/d.txt" "$T/s.txt" "$T/c.txt"
    pin
    for ((i = 0; i < ROUNDS; i++)); do
        OUT=$T/d.txt ms run "$name" --db "$db"
        OUT=$T/s.txt ms sqlite3 "$T/$1-floor.db" ".read $HERE/sql/$name.sql"
        OUT=$T/c.txt ms run "$name" --db "$db" --format csv
    done
    unpin
    local d s c
    d=$(stats "$T/d.txt") s=$(stats "$T/s.txt") c=$(stats "$T/c.txt")
    printf "%-5s %-26s %9s %9s %9s %9s %7s   same rows: %s\n" "$1" "duban $name" ${d} ${s} \
        "$(ratio "${d% *}" "${s% *}")" "$(same "$1" "$name")"
    printf "%-5s %-26s %9s %9s %9s %9s %7s\n" "$1" "duban $name --format csv" ${c} ${s} \
        "$(ratio "${c% *}" "${s% *}")"
}

field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" "$2"; }

# key SIZE SCENARIO : one pty_bench run on a fresh copy of the database
key() {
    local size=$1 scen=$2 j=$T/$1-$2.json
    cp "$T/$size.db" "$T/run.db"
    "$PTYB" --json --scenario "$scen" --samples "$SAMPLES" --label "$size" --key-clock "$CLOCK" \
        "$DUBAN" "$T/run.db" >"$j" 2>"$T/err.txt" || { : >"$j"; sed 's/^/  /' "$T/err.txt" >&2; }
    rm -f "$T/run.db" "$T/run.db-wal" "$T/run.db-shm"
    local med p95
    med=$(field median_us "$j") p95=$(field p95_us "$j")
    [ "$med" = "0.0" ] && med=no-output # e.g. no match in the seed plan
    printf "%-5s %-26s %9s %9s %9s %9s %7s   inside %s us (echo %s)\n" "$size" "key $scen (us)" \
        "${med:-FAILED}" "${p95:--}" "$ECHO_MED" "-" "$(ratio "$med" "$ECHO_MED")" \
        "$(awk -v n="$(field in_n "$j")" -v m="$(field in_median_us "$j")" \
            'BEGIN { if (n + 0 > 0) print m; else print "-" }')" "$ECHO_IN"
}

# capture SOCKET FILE : the tmux pane once it has stayed the same for 0.3 s
# (at most about 15 s), with its attributes and each row's trailing blanks
# (their colours), into FILE
capture() {
    local prev="" now i
    for ((i = 0; i < 50; i++)); do
        sleep 0.3
        now=$(tmux -L "$1" capture-pane -e -N -p 2>/dev/null) || return 1
        [ -n "$now" ] && [ "$now" = "$prev" ] && break
        prev=$now
    done
    printf '%s\n' "$now" >"$2"
}

# screens SIZE SCEN : the two screens the keys of scenario SCEN (fold,
# overdue) alternate between, as duban draws them at 80x24 in tmux on a
# copy of the database after the scenario's setup keys (bench_args.c),
# into $T/SIZE-SCEN-a.txt and -b.txt
screens() {
    local sock=duban-table-$$ setup key
    case $2 in
    fold) setup="C g" key=Enter ;;
    overdue) setup="g" key=o ;;
    *) return 1 ;;
    esac
    cp "$T/$1.db" "$T/run.db"
    tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
        "env TERM=xterm-256color LC_ALL=C.UTF-8 '$DUBAN' --db '$T/run.db'" || return 1
    tmux -L "$sock" send-keys $setup && capture "$sock" "$T/$1-$2-a.txt" &&
        tmux -L "$sock" send-keys $key && capture "$sock" "$T/$1-$2-b.txt"
    local rc=$?
    tmux -L "$sock" kill-server 2>/dev/null
    rm -f "$T/run.db" "$T/run.db-wal" "$T/run.db-shm"
    return $rc
}

# median3 A B C : the middle one of three numbers ("-" when one is missing)
median3() {
    printf '%s\n' "$@" | awk '$1 + 0 > 0 { v[n++] = $1 + 0 }
        END { if (n < 3) { print "-"; exit }
              for (i = 0; i < n; i++) for (k = i + 1; k < n; k++) if (v[k] < v[i]) { t = v[i]; v[i] = v[k]; v[k] = t }
              printf "%.1f\n", v[1] }'
}

# curses_key SIZE SCEN : the key with ncurses alone repainting duban's two
# screens (curses_floor.c), the terminal library's share of the key: three
# pairs of runs, duban then curses_floor, a third of the samples each; the
# median of each side's three run medians and their ratio
curses_key() {
    local n=$((SAMPLES / 3 > 10 ? SAMPLES / 3 : 10)) r d=() c=() ci=()
    if command -v tmux >/dev/null && screens "$1" "$2"; then
        for r in 1 2 3; do
            cp "$T/$1.db" "$T/run.db"
            "$PTYB" --json --scenario "$2" --samples "$n" --label "$1" "$DUBAN" "$T/run.db" \
                >"$T/pair.json" 2>/dev/null && d+=("$(field median_us "$T/pair.json")")
            rm -f "$T/run.db" "$T/run.db-wal" "$T/run.db-shm"
            "$PTYB" --json --scenario "$2" --samples "$n" --label "$1" --key-clock "$CLOCK" \
                -- "$FLOOR" "$T/$1-$2-a.txt" "$T/$1-$2-b.txt" >"$T/pair.json" 2>"$T/err.txt" ||
                sed 's/^/  /' "$T/err.txt" >&2
            c+=("$(field median_us "$T/pair.json")") ci+=("$(field in_median_us "$T/pair.json")")
        done
    fi
    local dmed cmed
    dmed=$(median3 "${d[@]}") cmed=$(median3 "${c[@]}")
    printf "%-5s %-26s %9s %9s %9s %9s %7s   curses inside %s us; 3 pairs of %d samples\n" "$1" \
        "key $2 vs curses (us)" "$dmed" "-" "$cmed" "-" "$(ratio "$dmed" "$cmed")" \
        "$(median3 "${ci[@]}")" "$n"
}

# start SIZE DB : the first frame (ms) of one front end on a fresh copy of DB
start() {
    cp "$2" "$T/run.db"
    "$PTYB" --json --scenario overdue --samples 1 --warmup 0 --label "$1" "$DUBAN" "$T/run.db" \
        2>/dev/null | sed -n 's/.*"startup_ms":\([^,}]*\).*/\1/p'
    rm -f "$T/run.db" "$T/run.db-wal" "$T/run.db-shm"
}

# minutes SIZE : duban minutes (Markdown and HTML) of a meeting started on
# the plan's day on a copy of the database (its window: the whole history
# since the import), interleaved; no floor (the sqlite3 CLI has no
# minutes), the time is the goal (issue 15: under 30 ms at 10k)
minutes() {
    local db=$T/$1-meeting.db i
    cp "$T/$1.db" "$db"
    "$DUBAN" --db "$db" --today $TODAY meeting start 调度会 --date $TODAY >/dev/null 2>&1 || return 1
    rm -f "$T/m.txt" "$T/h.txt"
    pin
    for ((i = 0; i < ROUNDS; i++)); do
        OUT=$T/m.txt ms run minutes --db "$db"
        OUT=$T/h.txt ms run minutes --db "$db" --format html
    done
    unpin
    printf "%-5s %-26s %9s %9s %9s %9s %7s\n" "$1" "duban minutes" $(stats "$T/m.txt") - - -
    printf "%-5s %-26s %9s %9s %9s %9s %7s\n" "$1" "duban minutes --format html" \
        $(stats "$T/h.txt") - - -
    rm -f "$db" "$db-wal" "$db-shm"
}

# first_frame SIZE : ROUNDS starts each, interleaved, of the front end with
# the areas' numbers kept by an earlier run (what every start but the
# first of a day, or the first after another program's edit, finds), of
# one that counts them (a database no front end opened since its last
# change), and of less on a file of the plan's lines
first_frame() {
    local size=$1 r
    "$DUBAN" --db "$T/$size.db" list >"$T/lines.txt"
    cp "$T/$size.db" "$T/$size-kept.db"
    "$PTYB" --scenario overdue --samples 1 --warmup 0 "$DUBAN" "$T/$size-kept.db" >/dev/null 2>&1
    # every area open (as the E key leaves them), the numbers kept
    cp "$T/$size-kept.db" "$T/$size-open.db"
    sqlite3 "$T/$size-open.db" "INSERT OR REPLACE INTO ui_state(plan_id, key, value)
        SELECT plan_id, 'folds', group_concat(ref, ',') FROM node
        WHERE depth = 1 AND state = '' GROUP BY plan_id"
    : >"$T/ff-kept.txt" && : >"$T/ff-count.txt" && : >"$T/ff-less.txt" && : >"$T/ff-open.txt"
    for r in $(seq "$ROUNDS"); do
        start "$size" "$T/$size-kept.db" >>"$T/ff-kept.txt"
        start "$size" "$T/$size.db" >>"$T/ff-count.txt"
        start "$size" "$T/$size-open.db" >>"$T/ff-open.txt"
        "$PTYB" --json --samples 1 --warmup 0 --label less -- less "$T/lines.txt" 2>/dev/null |
            sed -n 's/.*"startup_ms":\([^,}]*\).*/\1/p' >>"$T/ff-less.txt"
    done
    local k c l o
    k=$(stats "$T/ff-kept.txt") c=$(stats "$T/ff-count.txt") l=$(stats "$T/ff-less.txt")
    o=$(stats "$T/ff-open.txt")
    printf "%-5s %-26s %9s %9s %9s %9s %7s\n" "$size" "first frame (ms)" ${k} ${l} \
        "$(ratio "${k% *}" "${l% *}")"
    printf "%-5s %-26s %9s %9s %9s %9s %7s\n" "$size" "first frame, counting (ms)" ${c} ${l} \
        "$(ratio "${c% *}" "${l% *}")"
    printf "%-5s %-26s %9s %9s %9s %9s %7s\n" "$size" "first frame, all open (ms)" ${o} ${l} \
        "$(ratio "${o% *}" "${l% *}")"
    rm -f "$T/$size-kept.db"* "$T/$size-open.db"*
}

SIZES="seed 1k 10k"
[ $BIG = 1 ] && SIZES="$SIZES 100k"
echo "# preparing databases in $T ..."
for size in $SIZES; do
    make_db "$size" || { echo "table.sh: cannot make the $size database" >&2 && exit 2; }
done

"$PTYB" --json --samples "$SAMPLES" --key-clock "$CLOCK" -- "$ECHO" >"$T/echo.json" 2>/dev/null
ECHO_MED=$(field median_us "$T/echo.json") ECHO_IN=$(field in_median_us "$T/echo.json")

echo
printf "%-5s %-26s %9s %9s %9s %9s %7s\n" size what median p95 floor floor_p95 ratio
for size in $SIZES; do
    if [ $WHOLE = 1 ]; then
        process "$size" overdue
        process "$size" list
        process "$size" report
        minutes "$size"
        continue
    fi
    for scen in move fold status overdue search search_short search_next; do
        key "$size" "$scen"
        case $scen in fold | overdue) curses_key "$size" "$scen" ;; esac
    done
    first_frame "$size"
    process "$size" overdue
    process "$size" list
    process "$size" report
    minutes "$size"
    cp "$T/$size.db" "$T/run.db"
    "$CORE" "$T/run.db" --rounds "$ROUNDS" --today $TODAY | tail -n +2 |
        while read -r name med p95 x cpu rest; do
            printf "%-5s %-26s %9s %9s %9s %9s %7s   cpu %s us\n" "$size" "core $name (us)" "$med" \
                "$p95" "-" "-" "$x" "$cpu"
        done
    rm -f "$T/run.db" "$T/run.db-wal" "$T/run.db-shm"
    # peak memory of the front end (MiB, wait4's maxrss) in the key runs above:
    # fold = first frame and one area open, move = every area expanded
    for scen in fold overdue move; do
        printf "%-5s %-26s %9s %9s %9s %9s %7s\n" "$size" "peak memory $scen (MiB)" \
            "$(awk -v k="$(field peak_rss_kb "$T/$size-$scen.json")" \
                'BEGIN { if (k + 0 > 0) printf "%.1f", k / 1024; else printf "-" }')" "-" "-" "-" "-"
    done
done
"$PTYB" --json --samples "$SAMPLES" -- "$ECHO" >"$T/echo2.json" 2>/dev/null
echo
echo "key rows: microseconds from writing a key to the screen settling (pty_bench), floor = the"
echo "echo baseline (first run; at the end: $(field median_us "$T/echo2.json") us); inside: the median"
echo "time in the program from reading the key to its last write (bench/key_clock.h), echo's"
echo "beside it.  key ... vs curses: the key with ncurses alone switching between duban's two"
echo "screens (bench/curses_floor.c) as floor, three pairs of runs interleaved, medians of their medians."
echo "first frame: ms, median and p95 of ROUNDS starts with the areas' numbers kept by"
echo "an earlier front end, (counting) of as many that count them, and (all open) with every"
echo "area expanded and the numbers kept; floor = less on the plan's"
echo "listing, started as often, interleaved.  duban rows: whole process, ms, floor = the sqlite3 CLI"
echo "on bench/sql/NAME.sql (minutes: none).  core rows: in-process us, ratio to core tx_floor (a bare durable"
echo "upsert transaction on the same file).  peak memory: the front end's maximum resident"
echo "set in that key run (pty_bench peak_rss_kb)."
