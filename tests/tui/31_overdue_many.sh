#!/bin/bash
# The overdue view of a generated plan (600 items, about 300 rows late):
# G reaches the last row of the last area, g the first row of the first,
# and t (by unit, and back) regroups the same rows, each time the rows
# `duban overdue` lists.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN_GEN" --db "$DB" --items 600 >/dev/null || fail "duban-gen"
"$DUBAN" --db "$DB" --today 2021-10-01 overdue --format csv >"$T/od.csv" || fail "duban overdue"
n=$(($(wc -l <"$T/od.csv") - 1))
[ "$n" -gt 100 ] || fail "only $n rows overdue"
# refs in list order; an area's rows keep that order in the view
refs=$(tail -n +2 "$T/od.csv" | cut -d, -f1)
last_area=$(printf '%s\n' "$refs" | cut -d. -f1 | sort -n | tail -n 1)
first_ref=$(printf '%s\n' "$refs" | grep -m 1 '^1\.')
last_ref=$(printf '%s\n' "$refs" | grep "^$last_area\." | tail -n 1)
last_listed=$(printf '%s\n' "$refs" | tail -n 1)
tui_start 100 30 -- --today 2021-10-01
tui_wait 方面
tui_keys o
tui_wait "逾期 1/$n"
tui_wait_selected " $first_ref "
tui_keys G
tui_wait "逾期 $n/$n"
tui_wait_selected " $last_ref "
tui_keys g
tui_wait "逾期 1/$n"
tui_wait_selected " $first_ref "
# by unit: the generated items have no unit, so one group in list order
tui_keys t
tui_wait 'no unit'
tui_wait "逾期 1/$n"
tui_keys G
tui_wait "逾期 $n/$n"
tui_wait_selected " $last_listed "
tui_keys t
tui_wait_gone 'no unit'
tui_wait "逾期 1/$n"
tui_keys G
tui_wait_selected " $last_ref "
tui_quit
