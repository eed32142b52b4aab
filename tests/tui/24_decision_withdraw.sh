#!/bin/bash
# Y with text only: the decision has no history row to undo, so u right
# after takes it back (not the edit made before it); after another edit
# u undoes that edit and the decision stays.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" --today 2021-10-01 meeting start 第三次推进会 >/dev/null || fail "start"
tui_start 100 30 -- --today 2021-10-01
tui_wait '● 会议中: 第三次推进会'
tui_keys Enter
tui_wait '1.1 '
tui_keys j
tui_wait_selected '1.1 '
tui_keys 5
tui_wait '[x] 已完成'
tui_keys Y
tui_wait '议定事项 decision:'
tui_type '记错的决定'
tui_keys Enter
tui_wait '责任单位 unit'
tui_keys Enter
tui_wait '议定事项已记录 (关于 1.1; u 撤回)'
"$DUBAN" --db "$DB" meeting show | grep -q '记错的决定' || fail "the decision was not recorded"
tui_keys u
tui_wait '已撤回议定事项 decision taken back'
"$DUBAN" --db "$DB" meeting show | grep -q '记错的决定' && fail "u left the decision"
assert_line_contains '1.1 ' '[x] 已完成' # the status edit before it stands
# a decision, then an edit: u undoes the edit, the decision stays
tui_keys Y
tui_wait '议定事项 decision:'
tui_type '留下的决定'
tui_keys Enter
tui_wait '责任单位 unit'
tui_keys Enter
tui_wait '议定事项已记录'
tui_keys 1
tui_wait '1.1 已完成 → 未启动'
tui_keys u
tui_wait '已撤销:'
"$DUBAN" --db "$DB" meeting show | grep -q '留下的决定' || fail "u after an edit took the decision"
assert_line_contains '1.1 ' '[x] 已完成'
tui_quit
