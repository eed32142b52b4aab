#!/bin/bash
# Keys bound in the configuration work; the defaults they replace do not
# (move_down = z, Down; quit = Q: j and q then do nothing).  A broken
# configuration exits 9 before the screen starts.
. "$(dirname "$0")/lib.sh"
tui_setup
printf '[keys]\nmove_down = z, Down\nquit = Q\n' >"$T/duban.ini"
tui_start 80 24 XDG_CONFIG_HOME="$T/none" -- --config "$T/duban.ini" --today 2021-10-01
tui_wait 持之以恒抓招商
tui_wait_selected 持之以恒抓招商
tui_keys z
tui_wait_selected 坚定不移强工业
tui_keys Down
tui_wait_selected 全力以赴推项目
tui_keys j q # no longer bound: nothing moves, nothing quits
sleep 0.5
assert_selected 全力以赴推项目
tui_keys Q
tui_wait_exit
tmx kill-session -t "$TUI_SESSION" 2>/dev/null

# A broken configuration stops duban before the terminal is touched.
printf '[keys]\nquit = j\nmove_down = j\n' >"$T/bad.ini"
tui_start 200 24 -- --config "$T/bad.ini"
tui_wait '[duban exit 9]'
assert_contains "bad.ini:3: key 'j' is bound to both quit and move_down"
