#!/bin/bash
# D opens the due-soon view: items and milestones due within warn_days,
# nearest first, an extension marked 延; Enter jumps to the item; it
# follows the filter.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" due 3.1 2021-09-25 >/dev/null || fail "due"
"$DUBAN" --db "$DB" extend 3.2 2021-09-22 --reason 调整 >/dev/null || fail "extend"
"$DUBAN" --db "$DB" unit 3.1 县发改局 >/dev/null || fail "unit"

tui_start 100 24 -- --today 2021-09-20
tui_wait 持之以恒抓招商
tui_keys S
tui_wait '近期到期 14天内（含今天） due within 14 days'
first=$(tui_screen | grep -n '3.2 ' | head -1 | cut -d: -f1)
second=$(tui_screen | grep -n '3.1 ' | head -1 | cut -d: -f1)
third=$(tui_screen | grep -n '5.1 ' | head -1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ -n "$third" ] && [ "$first" -lt "$second" ] &&
    [ "$second" -lt "$third" ] || fail "not nearest first ($first $second $third)"
assert_line_contains '3.2 ' '2021-09-22 延'
assert_line_contains '3.1 ' '5 天后'
assert_contains '近期到期 1/3'
tui_keys j Enter
tui_wait '方面 3/12'
assert_line_contains '3.1 ' '加快项目推进速度'
# under a filter (县发改局): only 3.1
tui_keys F
tui_wait '责任单位 unit'
tui_keys j j Enter
tui_wait '▼ 筛选: 单位 县发改局'
tui_keys S
tui_wait '近期到期 1/1'
assert_not_contains '3.2 '
tui_quit
