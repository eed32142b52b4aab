#!/bin/bash
# The detail pane follows the filter: an area's numbers there are the
# filter's while it is in force and the whole area's once Esc clears it.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"

tui_start 200 40 -- --today 2021-10-01
tui_wait 持之以恒抓招商
# red only: 5.1 (a late milestone); the cursor is on area 5, the only one
tui_keys F
tui_wait '亮灯 light'
tui_keys G k k k k k k Enter
tui_wait '▼ 筛选: 红灯'
tui_wait '进度  完成 0/1   逾期 1'
assert_contains '(!) 红灯 1   (~) 黄灯 0   (o) 绿灯 0'
# Esc clears it: the pane shows the whole area again
tui_keys Escape
tui_wait '已清除筛选'
tui_wait '进度  完成 0/3   逾期 1'
assert_not_contains '进度  完成 0/1'
tui_quit
