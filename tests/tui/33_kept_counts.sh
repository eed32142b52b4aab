#!/bin/bash
# The areas' numbers are kept in the database when the front end is idle
# (query_keep_counts), never before the first frame, and the next start
# reads them instead of the plan; a change by another program forgets
# them, and the start after it counts again and shows the change.
. "$(dirname "$0")/lib.sh"
tui_setup
kept() { sqlite3 "$DB" "SELECT count(*) FROM area_summary_memo"; }
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
assert_line_contains 持之以恒抓招商 '0/3'
for _ in $(seq 40); do [ "$(kept)" = 1 ] && break; sleep 0.1; done
[ "$(kept)" = 1 ] || fail "the areas' numbers not kept while idle: '$(kept)'"
tui_quit
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
assert_line_contains 持之以恒抓招商 '0/3'
tui_quit
"$DUBAN" --db "$DB" --today 2021-10-01 set 1.2 done >/dev/null || fail "set from outside"
[ "$(kept)" = 0 ] || fail "another program's edit left the kept numbers: '$(kept)'"
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
assert_line_contains 持之以恒抓招商 '1/3'
for _ in $(seq 40); do [ "$(kept)" = 1 ] && break; sleep 0.1; done
[ "$(kept)" = 1 ] || fail "the new numbers not kept: '$(kept)'"
tui_quit
