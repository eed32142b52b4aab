#!/bin/bash
# Y with a unit and a due date: the decision becomes a tracked item (a
# sub-item of the selected item), shown in the outline at once; u takes
# the item and the decision away together.
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
tui_keys Y
tui_wait '议定事项 decision:'
tui_type '专班周报进展'
tui_keys Enter
tui_wait '责任单位 unit'
tui_type '县发改局'
tui_keys Enter
tui_wait '时限 due'
tui_type '2021-11-30'
tui_keys Enter
tui_wait '列入督办 1.1.1'
tui_wait '专班周报进展'
"$DUBAN" --db "$DB" minutes | grep -q '专班周报进展 .* 1.1  | 县发改局 | 2021-11-30 | 1.1.1' \
  || fail "the minutes do not link the decision to 1.1.1: $("$DUBAN" --db "$DB" minutes | grep 专班)"
"$DUBAN" --db "$DB" show 1.1.1 | grep -q '县发改局' || fail "1.1.1 has not the decision's unit"
tui_keys u
tui_wait '已撤销:'
tui_wait_gone '专班周报进展'
"$DUBAN" --db "$DB" minutes | grep -q '专班周报进展' && fail "undo left the decision in the minutes"
"$DUBAN" --db "$DB" show 1.1.1 >/dev/null 2>&1 && fail "undo left the item"
tui_quit
