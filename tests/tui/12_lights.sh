#!/bin/bash
# Lights (亮灯) in the outline, on area lines and in the detail pane; an
# extension from another process turns 5.1 green; x and P edit an
# extension and a target's value, and u undoes them.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 筑巢引凤壮三产
assert_line_contains 筑巢引凤壮三产 '(!) 1'
tui_keys j j j j Enter
tui_wait '5.1 '
assert_line_contains '5.1 ' '(!)'
assert_line_contains '5.2 ' '(o)'
"$DUBAN" --db "$DB" extend 5.1 2021-12-31 --reason 延期 >/dev/null || fail "extend failed"
TUI_TIMEOUT_POLLS=40 tui_wait_gone '(!)'
assert_line_contains '5.1 ' '(o)'
tui_screen | head -n 1 | grep -qF '逾期 0' || fail "header still counts 5.1"

# the detail pane: light, extension with the original date and the reason
tui_keys j v
tui_wait_selected '5.1 '
tui_wait '理由  延期'
assert_contains '亮灯  (o) 绿灯'
assert_contains '2021-12-31  延期 (原 2021-12-31)'

# x: approved date, then reason; undone with u
tui_keys j
tui_wait_selected '5.2 '
tui_keys x
tui_wait '延期至'
tui_keys C-u
tui_type 2022-01-31
tui_keys Enter
tui_wait '延期理由'
tui_type 上级批准
tui_keys Enter
tui_wait '5.2 延期 — → 2022-01-31'
assert_contains '理由  上级批准'
"$DUBAN" --db "$DB" show 5.2 | grep -q 'extended: 2022-01-31' || fail "5.2 not extended"
tui_keys u
tui_wait '已撤销: 5.2 延期 — → 2022-01-31'
"$DUBAN" --db "$DB" show 5.2 | grep -q 'extended:' && fail "undo left 5.2 extended"

# P: which target (8.2 has two), then the value: current/target unit
tui_keys C
tui_wait_gone '5.1 '
tui_keys g j j j j j j j Enter
tui_wait '8.2 '
tui_keys j j
tui_wait_selected '8.2 '
tui_wait '[2] 新时代美丽乡村  —/17个'
tui_keys P
tui_wait '哪个目标'
tui_type 2
tui_keys Enter
tui_wait '新时代美丽乡村 当前值'
tui_type 9
tui_keys Enter
tui_wait '8.2 目标 新时代美丽乡村 — → 9'
assert_contains '[2] 新时代美丽乡村  9/17个'
tui_keys u
tui_wait '已撤销: 8.2 目标 新时代美丽乡村 — → 9'
assert_contains '[2] 新时代美丽乡村  —/17个'
tui_quit
