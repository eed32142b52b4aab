#!/bin/bash
# Incremental search: 妇保院 finds 10.2; n/N; Esc restores.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys /
tui_wait '搜索'
tui_type 妇保院
tui_wait '10.2 '
tui_wait_selected '10.2 '
assert_contains '1 处'
tui_keys Enter
tui_wait '找到 1 处'
assert_contains '方面 10/12'
assert_selected '10.2 '
# the match is marked
tui_line '10.2 ' | grep -q '^\*' || fail "10.2 is not marked"
# Esc restores the selection and folds
tui_keys g
tui_wait '方面 1/12'
tui_keys /
tui_type 项目
tui_wait '处'
tui_keys Escape
tui_wait_gone '搜索'
tui_wait_selected 持之以恒抓招商
# n and N step through the matches of the last accepted search
tui_keys / C-u
tui_type 年内
tui_keys Enter
tui_wait '找到'
first=$(tui_status_line)
tui_keys n
tui_wait '匹配 match 2/'
tui_keys N
tui_wait '匹配 match 1/'
tui_quit
