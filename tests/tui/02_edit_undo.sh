#!/bin/bash
# Status keys, undo/redo across a restart, a bad date, areas refuse status.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 筑巢引凤壮三产
tui_keys j j j j Enter
tui_wait '5.1 '
assert_contains 做强服务业主平台
assert_contains '5.3 '
tui_keys j
tui_wait_selected '5.1 '
tui_keys 5
tui_wait '[x] 已完成'
assert_line_contains '5.1 ' '[x] 已完成'
assert_line_contains 筑巢引凤壮三产 '1/3'
tui_status_line | grep -qF '5.1 未启动 → 已完成' || fail "no status message"
tui_quit
"$DUBAN" --db "$DB" show 5.1 | grep -q '已完成' || fail "show 5.1 is not 已完成"

# reopen: area 5 is still expanded; select 5.1 and undo
tui_start 80 24 -- --today 2021-10-01
tui_wait '5.1 '
tui_keys j j j j j
tui_wait_selected '5.1 '
tui_keys u
tui_wait '已撤销: 5.1 未启动 → 已完成'
assert_line_contains '5.1 ' '[ ] 未启动'
"$DUBAN" --db "$DB" show 5.1 | grep -q '未启动' || fail "undo did not reach the store"
tui_keys C-r
tui_wait '已重做: 5.1 未启动 → 已完成'
tui_keys u
tui_wait '已撤销: 5.1 未启动 → 已完成'

# s cycles to the next status
tui_keys s
tui_wait '[>] 推进中'
assert_line_contains '5.1 ' '[>] 推进中'

# a bad date changes nothing and shows core's error
tui_keys d
tui_wait 'YYYY-MM-DD'
tui_keys C-u
tui_type 2021-13-45
tui_keys Enter
tui_wait 'invalid date'
"$DUBAN" --db "$DB" show 5.1 | grep -q '2021-12-31' || fail "bad date was stored"
tui_keys d C-u
tui_type 2021-11-15
tui_keys Enter
tui_wait '5.1 时限 2021-12-31 → 2021-11-15'
assert_line_contains '5.1 ' '2021-11-15'

# a unit with Chinese input: Backspace and Left work on whole characters
tui_keys w
tui_type 县文旅局X
tui_keys BSpace Left BSpace
tui_type 化
tui_keys End
tui_type 办
tui_keys Enter
tui_wait '单位 — → 县文化局办'
tui_keys c
tui_type 已完成选址
tui_keys Enter
tui_wait '已添加进展'
"$DUBAN" --db "$DB" show 5.1 | grep -q '已完成选址' || fail "note not stored"

# an area takes no status
tui_keys k
tui_wait_selected 筑巢引凤壮三产
tui_keys 5
tui_wait '是方面'
assert_line_contains 筑巢引凤壮三产 '0/3'
tui_quit
