#!/bin/bash
# A sync into the open database shows within a second: the plan is
# reloaded, the status line says what came (从 笔记本 收到 1 处修改) and
# the header counts the conflicts (冲突 1).
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" clone "$T/laptop.db" --name 笔记本 >/dev/null || fail "clone"
"$DUBAN" --db "$T/laptop.db" set 1.1 done >/dev/null || fail "edit on the laptop"
tui_start 100 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys E
tui_wait '1.1 '
assert_not_contains '[x] 已完成'
"$DUBAN" --db "$T/laptop.db" sync "$DB" >/dev/null || fail "sync from outside"
TUI_TIMEOUT_POLLS=20 tui_wait '从 笔记本 收到 1 处修改，0 处冲突'
assert_line_contains '1.1 ' '[x] 已完成'
assert_not_contains '冲突 1'
# a conflict: both change 1.2; the laptop's later edit wins
"$DUBAN" --db "$DB" set 1.2 blocked >/dev/null
DUBAN_NOW=2099-01-01T00:00:00Z "$DUBAN" --db "$T/laptop.db" set 1.2 done >/dev/null
"$DUBAN" --db "$T/laptop.db" sync "$DB" >/dev/null || fail "second sync"
TUI_TIMEOUT_POLLS=20 tui_wait '1 处冲突'
assert_contains '冲突 1'
assert_line_contains '1.2 ' '冲突 创新招商方式'
# an edit of an item the laptop cancelled meanwhile: kept, and marked
"$DUBAN" --db "$DB" unit 1.3 县发改局 >/dev/null
"$DUBAN" --db "$T/laptop.db" cancel 1.3 --reason 并入 >/dev/null
"$DUBAN" --db "$T/laptop.db" sync "$DB" >/dev/null || fail "third sync"
TUI_TIMEOUT_POLLS=20 tui_wait '冲突 2'
assert_line_contains '1.3 ' '冲突'
assert_line_contains '1.3 ' '县发改局'
tui_quit
