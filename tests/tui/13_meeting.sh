#!/bin/bash
# M starts a meeting (its title asked on the status line), edits belong to
# it, m lists its changes and the items with no progress reported, Enter
# goes to the item, M ends it.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 筑巢引凤壮三产
assert_not_contains '会议中'
tui_keys m
tui_wait 'no meeting yet'
tui_keys m
tui_wait_gone 'no meeting yet'
tui_keys M
tui_wait '开始会议'
assert_contains '第一次推进会'
tui_keys C-u
tui_type 第三次推进会
tui_keys Enter
tui_wait '参会人员 attendees'
tui_type '王县长、李副县长'
tui_keys Enter
tui_wait '● 会议中: 第三次推进会'
tui_wait '会前变更 0 项'
"$DUBAN" --db "$DB" minutes | grep -q '参会人员：王县长、李副县长' || fail "attendees not kept"
"$DUBAN" --db "$DB" meeting current | grep -q 'open: 第三次推进会' || fail "no open meeting"

tui_keys j j j j Enter
tui_wait '5.1 '
tui_keys j
tui_wait_selected '5.1 '
tui_keys 5
tui_wait '[x] 已完成'
tui_keys m
tui_wait '变更 1 项'
assert_contains '第三次推进会 · 2021-10-01'
assert_line_contains '5.1 ' '状态'
assert_line_contains '5.1 ' '[ ] 未启动 → [x] 已完成'
assert_contains '未报进展 37 项'
assert_contains '1.1 '
assert_contains 造浓招商氛围
tui_keys Enter
tui_wait '? 帮助'
tui_wait_selected '5.1 '

tui_keys M
tui_wait '会议已结束: 第三次推进会 · 1 项变更'
assert_not_contains '会议中'
tui_quit
"$DUBAN" --db "$DB" meeting list >"$T/list" || fail "meeting list failed"
grep -q 第三次推进会 "$T/list" || fail "the meeting is not listed"
grep -q '(open)' "$T/list" && fail "the meeting is still open: $(cat "$T/list")"
"$DUBAN" --db "$DB" meeting current | grep -q 'no meeting is open' || fail "a meeting is still open"
