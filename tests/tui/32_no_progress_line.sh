#!/bin/bash
# Long work tells its progress on stderr only on the command line: in the
# front end, started as `duban present` (a command, which sets progress
# up), the changes view's query must not write "duban: ..." over the
# screen, even with DUBAN_PROGRESS_MS=0 (at once).
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" --today 2021-10-01 meeting start 调度会 >/dev/null || fail "meeting start"
"$DUBAN" --db "$DB" --today 2021-10-01 set 1.1 done >/dev/null || fail "set 1.1 done"
tui_start 80 24 DUBAN_PROGRESS_MS=0 -- --today 2021-10-01 present
tui_wait 完成
tui_keys Escape
tui_keys m
tui_wait '1.1'
sleep 0.3
assert_not_contains 'duban: '
assert_not_contains '整理修改'
tui_quit
