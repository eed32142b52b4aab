#!/bin/bash
# Fields (fields.def): each one-question edit shows its prompt with the
# current value, the detail pane labels each field, and a change on the
# status line names the field (status changes are named by their values).
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 130 30 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys E j
tui_wait '1.1 造浓招商氛围'
assert_contains '状态  [ ] 未启动'
assert_contains '时限  2021-12-31'
assert_contains '单位  —'
assert_contains '领导  —'
tui_keys d
tui_wait '时限 due (YYYY-MM-DD): 2021-12-31'
tui_keys Escape
tui_wait '已取消 cancelled'
tui_keys w
tui_wait '责任单位 unit:'
tui_type 县商务局
tui_keys Enter
tui_wait '1.1 单位 — → 县商务局'
tui_wait '单位  县商务局'
tui_keys w
tui_wait '责任单位 unit: 县商务局'
tui_keys Escape
tui_keys a
tui_wait '分管领导 leader:'
tui_type 张三
tui_keys Enter
tui_wait '1.1 领导 — → 张三'
tui_keys c
tui_wait '进展 note:'
tui_keys Escape
tui_keys 2
tui_wait '1.1 未启动 → 推进中'
tui_keys x
tui_wait '1.1 延期至 new due'
tui_keys C-u
tui_type 2022-03-31
tui_keys Enter
tui_wait '延期理由 reason'
tui_type 规划调整
tui_keys Enter
tui_wait '1.1 延期 — → 2022-03-31'
tui_keys /
tui_wait '搜索 /'
tui_keys Escape
tui_quit
