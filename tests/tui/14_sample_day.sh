#!/bin/bash
# The first run at 80x24, as a new user: the built-in sample opens on a
# day inside its period (2021-10-25), which the header calls 示例日期,
# and the first-run message fits on the status line.  A given day wins.
. "$(dirname "$0")/lib.sh"
tui_setup
db="$HOME/.local/share/duban/duban.db"
mkdir -p "$(dirname "$db")"
tui_start 80 24 -- --db "$db"
tui_wait 从严治党强党建
assert_contains '2021-10-25（示例日期）'
assert_contains '逾期 1'
assert_contains '已用内置计划创建数据库 ~/.local/share/duban/duban.db'
assert_not_contains '…'
tui_quit
tui_start 80 24 DUBAN_TODAY=2021-12-01 -- --db "$db"
tui_wait 从严治党强党建
assert_contains 2021-12-01
assert_not_contains 示例日期
tui_quit
