#!/bin/bash
# The fold state survives a restart; edits from another process show
# within a second or two without a key press.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys j j Enter
tui_wait '3.1 '
tui_keys G Enter
tui_wait '12.4 '
tui_quit

tui_start 80 24 -- --today 2021-10-01
tui_wait '12.4 '
assert_contains '3.1 '
assert_not_contains '1.1 '
assert_not_contains '5.1 '
tui_keys C
tui_wait_gone '3.1 '
tui_keys E
tui_wait '1.1 '
tui_keys C g Enter
tui_wait '1.1 '
"$DUBAN" --db "$DB" set 1.1 done >/dev/null || fail "cannot set 1.1 from outside"
TUI_TIMEOUT_POLLS=40 tui_wait '[x] 已完成'
assert_line_contains '1.1 ' '[x] 已完成'
assert_contains '完成 1/38'
assert_line_contains 持之以恒抓招商 '1/3'
"$DUBAN" --db "$DB" due 1.2 2021-09-01 >/dev/null
TUI_TIMEOUT_POLLS=40 tui_wait '2021-09-01'
assert_contains '逾期 2'
tui_quit
