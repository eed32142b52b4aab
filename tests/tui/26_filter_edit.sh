#!/bin/bash
# Edits under a filter: the header's counts follow at once, counted on the
# matching items (the edited area is judged again after each edit, the
# plan is not re-read): done and overdue under a unit filter; an item
# leaving a light filter when it is done, and coming back with u.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
for a in "unit 1.1 县发改局" "due 1.1 2021-09-01" "unit 1.2 县发改局" "set 2.1 blocked"; do
    # shellcheck disable=SC2086
    "$DUBAN" --db "$DB" $a >/dev/null || fail "setup: $a"
done
header() { tui_screen | head -n 1; }
wait_header() {
    for ((i = 0; i < 60; i++)); do
        header | grep -qF -- "$1" && return 0
        sleep 0.05
    done
    fail "the header lacks '$1': $(header)"
}
tui_start 100 30 -- --today 2021-10-01
tui_wait 持之以恒抓招商
tui_keys F
tui_wait '责任单位 unit'
tui_keys j j Enter # 县发改局: 1.1 (late) and 1.2
tui_wait '▼ 筛选: 单位 县发改局'
wait_header '完成 0/2'
wait_header '逾期 1'
tui_keys E g j
tui_wait_selected '1.1 '
tui_keys 5
tui_wait '[x] 已完成'
wait_header '完成 1/2'
wait_header '逾期 0'
tui_keys u
wait_header '完成 0/2'
wait_header '逾期 1'
tui_keys Escape
tui_wait '已清除筛选'
# red: 1.1 (late), 2.1 (受阻) and 5.1 (a late milestone); 2.1 done is
# green, out of it
tui_keys F
tui_wait '亮灯 light'
tui_keys G k k k k k k Enter
tui_wait '▼ 筛选: 红灯'
wait_header '完成 0/3'
wait_header '逾期 2'
tui_keys E g j j j
tui_wait_selected '2.1 '
tui_keys 5
tui_wait '[x] 已完成'
wait_header '完成 0/2'
wait_header '逾期 2'
tui_keys u
wait_header '完成 0/3'
tui_quit
