#!/bin/bash
# NO_COLOR: no colours, and every status is still told apart by glyph and label.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" set 1.2 in_progress >/dev/null
"$DUBAN" --db "$DB" set 1.3 behind >/dev/null
"$DUBAN" --db "$DB" set 2.1 blocked >/dev/null
"$DUBAN" --db "$DB" set 2.2 done >/dev/null
colour_re=$'\033\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+|9[0-7])(;[0-9;]*)?m'

# with colours (control): the status glyphs are coloured
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys Enter j j j j Enter
tui_wait '2.3 '
tui_screen_attrs | grep -qE "$colour_re" || fail "no colours without NO_COLOR"
tui_quit

tui_start 80 24 NO_COLOR=1 -- --today 2021-10-01
tui_wait '2.3 '
assert_line_contains '1.1 ' '[ ] 未启动'
assert_line_contains '1.2 ' '[>] 推进中'
assert_line_contains '1.3 ' '[!] 滞后'
assert_line_contains '2.1 ' '[#] 受阻'
assert_line_contains '2.2 ' '[x] 已完成'
tui_screen_attrs | grep -qE "$colour_re" && fail "colours used with NO_COLOR"
assert_selected 持之以恒抓招商
tui_keys '?'
tui_wait 'set status'
assert_contains '[x] 已完成'
assert_contains '下一行 next row'
tui_keys G
tui_wait '退出 quit'
assert_contains 'U, ^R'
# q closes the help (as in less), it does not quit duban
tui_keys q
tui_wait_gone '退出 quit'
assert_selected 持之以恒抓招商
tui_quit
