#!/bin/bash
# 60x20 still works; a too-small terminal says so and recovers.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_resize 60 20
tui_wait '方面 1/12'
assert_contains 从严治党强党建
assert_contains 持之以恒抓招商
assert_line_contains 从严治党强党建 '0/4'
tui_resize 80 24
tui_wait '[----------] 0/4'
assert_line_contains 从严治党强党建 '[----------] 0/4'
tui_resize 30 10
tui_wait '终端太小'
assert_contains 'terminal too small'
assert_contains 'need at least 60x16'
tui_resize 80 24
tui_wait 从严治党强党建
assert_not_contains '终端太小'
# still responsive after the resizes
tui_keys j j j j Enter
tui_wait '5.1 '
tui_resize 200 60
tui_wait '│'
tui_keys j
tui_wait '状态  [ ] 未启动'
tui_quit
