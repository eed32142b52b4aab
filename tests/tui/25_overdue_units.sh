#!/bin/bash
# The overdue view by unit (t) puts the worst unit first, as the minutes
# do (the unit of the most overdue row first), not the units by name:
# 县发改局 (3.1, 49 days late), then 5.1 without a unit (its 三季度
# milestone, 20 days), then 县交通运输局 (6.1, 5 days), though 交 sorts
# before 发 and "no unit" comes last by name.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
for step in "unit 3.1 县发改局" "due 3.1 2021-09-01" "unit 6.1 县交通运输局" "due 6.1 2021-10-15"; do
    # shellcheck disable=SC2086
    "$DUBAN" --db "$DB" $step >/dev/null 2>&1 || fail "duban $step"
done
tui_start 100 40 -- --today 2021-10-20
tui_wait 从严治党强党建
tui_keys o
tui_wait '逾期 49 天'
tui_keys t
tui_wait 'no unit'
line_of() { tui_screen | grep -n -F "$1" | head -n 1 | cut -d: -f1; }
fa=$(line_of '县发改局')
jt=$(line_of '县交通运输局')
nu=$(line_of 'no unit')
[ -n "$fa" ] && [ -n "$jt" ] && [ -n "$nu" ] || fail "a unit is missing ($fa, $jt, $nu)"
[ "$fa" -lt "$jt" ] || fail "县发改局 (49 days) is not above 县交通运输局 (5 days): $fa, $jt"
[ "$nu" -lt "$jt" ] || fail "no unit (5.1's milestone, 20 days) is not above 县交通运输局 (5 days): $nu, $jt"
# by area again: areas by number
tui_keys t
tui_wait_gone 'no unit'
a3=$(line_of '全力以赴推项目')
a6=$(line_of '持续发力扩开放')
[ "$a3" -lt "$a6" ] || fail "areas are not by number: $a3, $a6"
tui_quit
