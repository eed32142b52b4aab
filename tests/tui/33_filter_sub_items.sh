#!/bin/bash
# The filter counts and offers sub-items as 'duban list --unit' lists them:
# a decision made at the meeting (a sub-item, 5.2.1) brings its unit to
# the picker, and filtering on it counts it in the header and its area
# (the picker left the unit out, and area 5 read 0/0 beside 5.2.1).
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
for a in "unit 2.1 县经信局" "unit 1.1 县发改局" "unit 1.2 县发改局"; do
    # shellcheck disable=SC2086
    "$DUBAN" --db "$DB" $a >/dev/null || fail "setup: $a"
done
"$DUBAN" --db "$DB" --today 2021-10-01 meeting start 第三次推进会 >/dev/null || fail "start"
"$DUBAN" --db "$DB" --today 2021-10-01 decide 由县自然资源局协调用地 --item 5.2 \
    --unit 县自然资源局 --due 2021-11-10 >/dev/null || fail "decide"
"$DUBAN" --db "$DB" list --unit 县自然资源局 | grep -qF '5.2.1' || fail "the command line does not list 5.2.1"
tui_start 100 30 -- --today 2021-10-01
tui_wait '● 会议中: 第三次推进会'
tui_keys F
tui_wait '责任单位 unit'
assert_line_contains '县自然资源局' '1 项'
# the sample plan names no leader: no heading over nothing
assert_not_contains '分管领导'
# units by how many items each has, most first
counts=$(tui_screen | sed -n '/责任单位 unit/,/状态 status/p' | sed -n 's/.* \([0-9][0-9]*\) 项.*/\1/p')
[ "$(sort -rn <<<"$counts")" = "$counts" ] && [ "$(wc -l <<<"$counts")" -ge 2 ] ||
    fail "the units are not listed most items first: $counts"
line=$(tui_screen | grep -n '县自然资源局' | head -1 | cut -d: -f1)
first=$(tui_screen | grep -n '清除筛选' | head -1 | cut -d: -f1)
[ -n "$line" ] && [ -n "$first" ] || fail "the picker lacks the unit or its first row"
for _ in $(seq $((line - first))); do tui_keys j; done
tui_keys Enter
tui_wait '▼ 筛选: 单位 县自然资源局'
assert_contains '完成 0/1'
tui_keys E
tui_wait '5.2.1 '
assert_line_contains '筑巢引凤壮三产' '0/1'
tui_quit
echo ok
