#!/bin/bash
# u right after M reopens the meeting (the status line says so when M
# ends it); after another edit, or a change of the rows, u undoes that
# instead.  The minutes of
# the ended meeting are frozen.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" --today 2021-10-01 meeting start 第三次推进会 >/dev/null || fail "start"
tui_start 100 24 -- --today 2021-10-01
tui_wait '● 会议中: 第三次推进会'
tui_keys M
tui_wait 'u 撤销结束 reopens it'
assert_not_contains '● 会议中'
"$DUBAN" --db "$DB" minutes 1 2>/dev/null | grep -q '结束：2' || fail "no frozen minutes"
tui_keys u
tui_wait '已撤销结束会议'
tui_wait '● 会议中: 第三次推进会'
"$DUBAN" --db "$DB" meeting current | grep -q 'open: 第三次推进会' || fail "not reopened"
# end again, then an edit: u undoes the edit, the meeting stays ended
tui_keys M
tui_wait 'u 撤销结束 reopens it'
tui_keys Enter j 5
tui_wait '[x] 已完成'
tui_keys u
tui_wait '已撤销:'
assert_not_contains '● 会议中'
"$DUBAN" --db "$DB" meeting current | grep -q 'no meeting is open' || fail "reopened after an edit"
# so after a change of the rows (an item moved down one place)
"$DUBAN" --db "$DB" meeting reopen >/dev/null || fail "reopen from the command line"
tui_wait '● 会议中: 第三次推进会'
tui_keys M
tui_wait 'u 撤销结束 reopens it'
tui_keys '>'
tui_wait_selected '1.1 '
tui_keys u
tui_wait '已撤销:'
"$DUBAN" --db "$DB" meeting current | grep -q 'no meeting is open' || fail "reopened after a move"
tui_quit

# the changes view lists the reports made between meetings in their own section
"$DUBAN" --db "$DB" note 2.2 "设备已到货" >/dev/null || fail "note between meetings"
tui_start 100 24 -- --today 2021-10-02
tui_wait 持之以恒抓招商
tui_keys M
tui_wait '开始会议'
tui_keys C-u
tui_type 第四次推进会
tui_keys Enter
tui_wait '参会人员 attendees'
tui_keys Escape
tui_wait '会前变更 1 项'
# Y records a decision about the selected item
tui_keys g j Y # area 1 is still expanded (folds are kept)
tui_wait '议定事项 decision:'
tui_type '由县发改局牵头推进'
tui_keys Enter
tui_wait '责任单位 unit'
tui_keys Enter # no unit: a decision only, not a tracked item
tui_wait '议定事项已记录 (关于 1.1; u 撤回)'
"$DUBAN" --db "$DB" minutes | grep -q '由县发改局牵头推进' || fail "decision not in the minutes"
tui_keys m
tui_wait '会前变更 1 项 reported between meetings'
assert_line_contains '2.2 ' '设备已到货'
tui_quit
