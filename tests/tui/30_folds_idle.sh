#!/bin/bash
# A fold key writes nothing; the fold state is stored when the keyboard
# is idle (and at exit), so a front end that is killed keeps the folds
# of a moment earlier.  Expanding and collapsing everything, folding and
# unfolding one area and edits in an expanded area keep the outline
# right.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
folds() { sqlite3 "$DB" "SELECT value FROM ui_state WHERE key = 'folds'"; }
tui_keys j j Enter
tui_wait '3.1 '
for _ in $(seq 40); do [ "$(folds)" = 3 ] && break; sleep 0.1; done
[ "$(folds)" = 3 ] || fail "folds not stored while idle: '$(folds)'"
tui_keys E
tui_wait '1.1 '
assert_contains '2.3 '
tui_keys G
tui_wait '12.4 '
tui_keys g
tui_wait '1.1 '
tui_keys C
tui_wait_gone '1.1 '
assert_not_contains '3.1 '
assert_contains '从严治党强党建'
tui_keys E C g Enter
# a frame after E alone may show: wait past 2.1 going, then for 1.1
tui_wait '1.1 '
tui_wait_gone '2.1 '
tui_wait '1.1 '
tui_keys Enter
tui_wait_gone '1.1 '
tui_keys Enter
tui_wait '1.1 '
for _ in $(seq 40); do [ "$(folds)" = 1 ] && break; sleep 0.1; done
[ "$(folds)" = 1 ] || fail "folds after E, C and a fold: '$(folds)'"
# edits in an expanded area: the compact rows and lights take the new
# values (the second edit in the area replaces one light in place)
tui_keys E g j
tui_wait_selected '1.1 '
tui_keys 5
tui_wait '[x] 已完成'
assert_line_contains '1.1 ' '[x] 已完成'
tui_keys j
tui_wait_selected '1.2 '
tui_keys 5
tui_wait '完成 2/38'
assert_line_contains '1.2 ' '[x] 已完成'
assert_line_contains 持之以恒抓招商 '2/3'
tui_keys u
tui_wait '完成 1/38'
assert_line_contains '1.2 ' '[ ] 未启动'
assert_line_contains 持之以恒抓招商 '1/3'
tui_keys C g Enter
tui_wait '1.1 '
for _ in $(seq 40); do [ "$(folds)" = 1 ] && break; sleep 0.1; done
[ "$(folds)" = 1 ] || fail "folds after the edits: '$(folds)'"
# killed, not quit: the folds stored while idle come back
tmx kill-session -t "$TUI_SESSION"
tui_start 80 24 -- --today 2021-10-01
tui_wait '1.1 '
assert_not_contains '3.1 '
tui_quit
