#!/bin/bash
# The detail pane's history says what happened as `duban show` does: an
# added item reads — → 新增 (it read "state removed → —", the opposite),
# a cancel 正常 → 已取消, a move the refs (history_shown.h).
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 100 30 -- --today 2021-10-01
tui_wait 筑巢引凤壮三产
tui_keys j j j j Enter
tui_wait '5.1 '
tui_keys j
tui_wait_selected '5.1 '
tui_keys i
tui_wait '新增事项'
tui_type 数字乡村试点
tui_keys Enter
tui_wait '5.4 新增 added: 数字乡村试点'
tui_keys X
tui_wait '取消理由'
tui_type 并入5.1
tui_keys Enter
tui_wait '已取消 cancelled'
tui_keys v
tui_wait '历史 history'
tui_wait '— → 新增'
tui_wait '正常 → 已取消'
tui_screen | grep -qF 'removed' && fail "the history still shows a stored word: $(tui_screen | grep -F removed)"
"$DUBAN" --db "$DB" show 5.4 | grep -qF -- '— → 新增' || fail "duban show disagrees"
tui_quit
echo ok
