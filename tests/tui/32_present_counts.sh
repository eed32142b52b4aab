#!/bin/bash
# The presentation summary lists each area's items per status
# ("[ ] 未启动 2   [x] 已完成 1"): after an edit and its undo they are the
# area's statuses as they stand.  The second edit of an area used to
# update its lights but not these counts (vm_stats.c update_item), so
# after 5 then u the room saw 已完成 1 on an area with nothing done.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 200 60 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys Enter j 5
tui_wait '1.1 未启动 → 已完成'
tui_keys p
tui_wait 总览
assert_contains '[ ] 未启动 2   [x] 已完成 1'
tui_keys Escape
tui_wait_gone 总览
tui_keys u
tui_wait '0/3'
tui_keys p
tui_wait 总览
assert_contains '[ ] 未启动 3'
assert_not_contains '已完成 1'
tui_keys Escape
tui_wait_gone 总览
# and again the other way: the edit itself counted (leaving the summary
# put the cursor on the area)
assert_selected 持之以恒抓招商
tui_keys j 5
tui_wait '1/3'
tui_keys p
tui_wait 总览
assert_contains '[ ] 未启动 2   [x] 已完成 1'
tui_quit
