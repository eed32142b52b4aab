#!/bin/bash
# duban present AREA opens the area numbered AREA, also when the numbers
# have gaps (a ledger's 序号 kept: areas 1, 3 and 5); an area that is not
# there is refused in one line before the terminal is taken (it opened the
# last area without a word).
. "$(dirname "$0")/lib.sh"
tui_setup
printf '序号,方面,工作任务,责任单位\n1.1,招商,任务一,甲\n1.3,招商,任务三,乙\n3.1,工业,任务X,丁\n5.2,开放,任务Y,戊\n' >"$T/gap.csv"
"$DUBAN" --db "$DB" import "$T/gap.csv" --year 2021 >/dev/null 2>&1 || fail "cannot import the ledger"
out=$("$DUBAN" --db "$DB" present 2 2>&1 </dev/null)
[ $? = 3 ] && grep -qF "the plan has no area 2" <<<"$out" || fail "present 2 was not refused: $out"
tui_start 80 24 -- --today 2021-10-01 present 3
tui_wait '方面 2/3'
assert_contains 工业
assert_contains '3.1 '
assert_not_contains 任务三
assert_not_contains 任务Y
tui_quit
echo ok
