#!/bin/bash
# What the front end keeps after edits equals what it reads at a fresh
# start: an edit refreshes only its item and area (vm_stats.c), so a
# count it forgets to move stays wrong until the next start (the
# presentation summary's per-status counts once did).  Two sessions on
# one file, each then compared with a new session: status edits, undo
# and redo in two areas; then a due date, an extension, a cancel and a
# move between areas.  Compared: the presentation summary and the fully
# expanded outline with the first row's detail, the status line (the
# last edit's message) left out.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"

# screens NAME: the summary and the expanded outline, first row selected
screens() {
    tui_keys g p
    tui_wait 总览
    tui_screen | sed '$d' >"$T/$1.summary"
    tui_keys Escape
    tui_wait_gone 总览
    tui_keys g E
    tui_wait '12.4'
    tui_screen | sed '$d' >"$T/$1.outline"
}

# kept_then_fresh NAME EDITS: EDITS (a function) in a session, its
# screens, then a new session's screens, compared
kept_then_fresh() {
    TUI_SESSION=$1
    tui_start 200 60 -- --today 2021-10-25
    tui_wait 从严治党强党建
    "$2"
    sleep 0.3
    screens "$1"
    tui_quit
    TUI_SESSION=$1-fresh
    tui_start 200 60 -- --today 2021-10-25
    tui_wait 从严治党强党建
    screens "$1-fresh"
    tui_quit
    diff "$T/$1.summary" "$T/$1-fresh.summary" >&2 || fail "$1: the summary differs from a fresh start's"
    diff "$T/$1.outline" "$T/$1-fresh.outline" >&2 || fail "$1: the outline differs from a fresh start's"
}

statuses() {
    tui_keys Enter j 5
    tui_wait '1.1 未启动 → 已完成'
    tui_keys j 3 j 4 u U k 2 # 1.2, 1.3 (undone, redone), 1.2 again
    tui_keys g J Enter j 5 j 5 u # area 2: 2.1 done, 2.2 done then undone
    tui_wait '已撤销: 2.2'
}

structure() {
    tui_keys C g Enter j j d C-u # folds as the last session left them: none
    tui_type 2021-09-01          # 1.2's due date
    tui_keys Enter
    tui_wait '2021-09-01'
    tui_keys j X # 1.3 cancelled
    tui_type 不再需要
    tui_keys Enter g j T # 1.1 moved to area 2, undone, redone
    tui_type 2
    tui_keys Enter u U
    tui_keys C g J Enter j j 5 # a status edit in area 2 after the move
    tui_wait '2.2 未启动 → 已完成'
}

kept_then_fresh statuses statuses
# the keys landed: 1.1 and 2.1 done, 1.2 推进中, 1.3 受阻
[ "$("$DUBAN" --db "$DB" --today 2021-10-25 --format csv list --status done | grep -c ',item,done,')" = 2 ] \
    || fail "the status edits did not all land"
kept_then_fresh structure structure
# and these landed too: the due date, the cancel, the move, 2.2 done
out=$("$DUBAN" --db "$DB" --today 2021-10-25 --format csv list)
grep -q '^1.2,item,.*,2021-09-01,' <<<"$out" || fail "1.2's due date did not land"
grep -q '^2.4,item,.*造浓招商氛围' <<<"$out" || fail "1.1 was not moved to area 2"
grep -q '^2.2,item,done,' <<<"$out" || fail "2.2 is not done"
"$DUBAN" --db "$DB" show 1.3 | grep -q 已取消 || fail "1.3 was not cancelled"
exit 0
