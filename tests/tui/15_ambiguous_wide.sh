#!/bin/bash
# ambiguous_width = 2 reaches the screen (the front end's one measure,
# passed to draw_init): separators are drawn in ASCII, since box-drawing
# characters are East Asian Ambiguous; with the default they are lines.
. "$(dirname "$0")/lib.sh"
tui_setup
printf '[general]\nambiguous_width = 2\n' >"$T/wide.ini"
tui_start 120 30 -- --config "$T/wide.ini" --today 2021-10-01
tui_wait 持之以恒抓招商
assert_contains '|'
assert_not_contains '│'
tui_quit
tmx kill-session -t "$TUI_SESSION" 2>/dev/null

tui_start 120 30 -- --today 2021-10-01
tui_wait 持之以恒抓招商
assert_contains '│'
tui_quit
