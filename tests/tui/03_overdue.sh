#!/bin/bash
# The overdue view lists 5.1 (三季度, a day late) and Enter jumps to it.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_screen | head -n 1 | grep -qF '逾期 1' || fail "header does not say 1 overdue"
tui_keys o
tui_wait '逾期 1 天'
assert_line_contains '逾期 1 天' '5.1'
assert_line_contains '逾期 1 天' '三季度'
assert_line_contains '逾期 1 天' '2021-09-30'
assert_contains 筑巢引凤壮三产
assert_contains '逾期 1/1'
# grouping by unit
tui_keys t
tui_wait 'no unit'
assert_contains '逾期 1 天'
tui_keys t
tui_wait_gone 'no unit'
tui_keys Enter
tui_wait '方面 5/12'
tui_wait_selected '5.1 '
assert_not_contains '逾期 1 天'
# o toggles back and forth
tui_keys o
tui_wait '逾期 1 天'
tui_keys o
tui_wait_gone '逾期 1 天'
# done items are not overdue
tui_keys 5
tui_wait '[x] 已完成'
tui_screen | head -n 1 | grep -qF '逾期 0' || fail "header still counts 5.1"
tui_keys o
tui_wait 'nothing is overdue'
tui_keys o
# the header follows every edit in the area: undo, redo, undo again
for step in 'u:逾期 1' 'U:逾期 0' 'u:逾期 1'; do
    tui_keys "${step%%:*}"
    for ((i = 0; i < 60; i++)); do
        tui_screen | head -n 1 | grep -qF "${step#*:}" && break
        sleep 0.05
    done
    tui_screen | head -n 1 | grep -qF "${step#*:}" || fail "after ${step%%:*} the header lacks '${step#*:}'"
done
tui_quit
