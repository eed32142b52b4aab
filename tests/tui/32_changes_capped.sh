#!/bin/bash
# The changes view holds at most 500 of the reports that came in before
# the meeting (view_changes.c BEFORE_MAX) and its heading counts them
# all; a meeting started from the front end counts them without reading
# them (a first meeting after a long history had 428,079).  Gathering
# them shows its progress on the status line (tui.c on_progress: here at
# once, DUBAN_PROGRESS_MS=0), and the next frame draws over it.
. "$(dirname "$0")/lib.sh"
: "${DUBAN_GEN:?DUBAN_GEN must name duban-gen}"
tui_setup
"$DUBAN_GEN" --db "$DB" --items 300 --history 3000 --now 2021-09-30T09:00:00Z >/dev/null \
    || fail "duban-gen"
all=$("$DUBAN" --db "$DB" --today 2021-10-01 --format csv changes --since-last | grep -c '^[0-9]')
[ "$all" -gt 500 ] || fail "the generated history has only $all changes"
tui_start 100 30 DUBAN_PROGRESS_MS=0 -- --today 2021-10-01
tui_wait '方面'
tui_keys M
tui_wait '开始会议 meeting title'
tui_keys Enter
tui_wait '参会人员 attendees'
tui_keys Enter
tui_wait "会前变更 $all 项 (m 查看)"
tmx pipe-pane -o -t "$TUI_SESSION" "cat >>'$T/raw'"
tui_keys m
tui_wait "会前变更 $all 项, 列出前 500 项 reported between meetings (the first 500)"
sleep 0.2
grep -qF '整理修改 gathering the changes… 0 秒' "$T/raw" || fail "no progress on the status line"
assert_not_contains '整理修改'
tui_quit
