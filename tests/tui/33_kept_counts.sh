#!/bin/bash
# The areas' numbers are kept in the database when the front end is idle
# (query_keep_counts), never before the first frame, and the next start
# reads them instead of the plan; a change by another program forgets
# them, and the start after it counts again and shows the change; after
# the front end's own edits they are counted again at exit.
. "$(dirname "$0")/lib.sh"
tui_setup
kept() { sqlite3 "$DB" "SELECT count(*) FROM area_summary_memo"; }
numbers() { sqlite3 "$DB" "SELECT numbers FROM area_summary_memo"; }
# start_showing DONE : a start whose first area shows DONE of its 3 items
start_showing() {
  tui_start 80 24 -- --today 2021-10-01
  tui_wait 从严治党强党建
  assert_line_contains 持之以恒抓招商 "$1/3"
}
# wait_kept WHAT : the numbers are kept within 4 s (idle)
wait_kept() {
  for _ in $(seq 40); do [ "$(kept)" = 1 ] && break; sleep 0.1; done
  [ "$(kept)" = 1 ] || fail "$1 not kept while idle: '$(kept)'"
}
start_showing 0
wait_kept "the areas' numbers"
tui_quit
start_showing 0
tui_quit
"$DUBAN" --db "$DB" --today 2021-10-01 set 1.2 done >/dev/null || fail "set from outside"
[ "$(kept)" = 0 ] || fail "another program's edit left the kept numbers: '$(kept)'"
start_showing 1
wait_kept "the new numbers"
tui_quit
before=$(numbers)
start_showing 1
tui_keys Enter
tui_wait '1.1 '
tui_keys j j j
tui_wait_selected '1.3 '
tui_keys 5
# 1.2 already shows done: wait for 1.3's own row, then for the area's count
tui_wait_line '1.3 ' '[x] 已完成'
tui_wait_line 持之以恒抓招商 '2/3'
tui_quit
[ "$(kept)" = 1 ] || fail "the numbers after an edit not kept at exit: '$(kept)'"
[ "$(numbers)" != "$before" ] || fail "the numbers kept at exit are those before the edit"
start_showing 2
tui_quit
