#!/bin/bash
# An edit on a slide reloads only what it changed (the item's report,
# milestones and notes; the area's targets): the slide shows it at once,
# and an undo takes it back.  Done on 1.1 at 200x60 (where milestones and
# notes are shown): its "54 天未报进展" goes (a status is a report), then
# comes back with u; a note (c) shows as the latest progress at once, and
# the one before it moves into the history below it.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
silent() { tui_screen | grep -c '天未报进展'; }
wait_silent() { # until $1 items show "N 天未报进展"
    local i
    for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
        [ "$(silent)" -eq "$1" ] && return 0
        sleep 0.05
    done
    fail "$(silent) items without a report, not $1"
}

DUBAN_NOW=2021-09-01T09:00:00Z "$DUBAN" --db "$DB" note 1.1 '首次对接' >/dev/null || fail "note"
tui_start 200 60 DUBAN_NOW=2021-10-25T09:00:00Z -- --today 2021-10-25 present 1
tui_wait '方面 1/12'
wait_silent 3
tui_keys 5
tui_wait '[x] 已完成'
wait_silent 2
assert_contains '完成 1/3'
tui_keys u
tui_wait_gone '[x] 已完成'
wait_silent 3
tui_keys c
tui_type 招商推介会已举办
tui_keys Enter
tui_wait '进展 2021-10-25  招商推介会已举办'
wait_silent 2
n=$(tui_screen | grep -nF '进展 2021-10-25  招商推介会已举办' | cut -d: -f1)
o=$(tui_screen | grep -nF '进展 2021-09-01  首次对接' | cut -d: -f1)
[ -n "$o" ] && [ "$o" -gt "$n" ] || fail "the earlier note is not below the new one ($n, $o)"
tui_keys u
tui_wait_gone '进展 2021-10-25'
wait_silent 3
# on to area 2 and back: the area is read again, the same
tui_keys Right
tui_wait '方面 2/12'
tui_keys Left
tui_wait '方面 1/12'
wait_silent 3
tui_quit
