#!/bin/bash
# Another process holds the write lock: an edit waits with the screen
# alive (the status line says 等待其他 duban 写入… and counts), keys typed
# meanwhile are handled after it, the edit applies when the lock goes, and
# Esc gives up cleanly with nothing changed.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
hold_lock() { # SECONDS: the sqlite3 shell holds the write lock that long
    rm -f "$T/ready"
    printf 'BEGIN IMMEDIATE;\n.system touch %s\n.system sleep %s\nROLLBACK;\n' "$T/ready" "$1" |
        sqlite3 "$DB" >/dev/null 2>&1 &
    holder=$!
    for _ in $(seq 100); do [ -e "$T/ready" ] && return; sleep 0.05; done
    fail "the lock was not taken"
}
tui_start 140 24 -- --today 2021-10-01
tui_wait 筑巢引凤壮三产
tui_keys j j j j Enter
tui_wait '5.1 '
tui_keys j

# the lock goes after 3 s: the edit waits, then applies; j typed meanwhile moves on
hold_lock 3
tui_keys 5
tui_wait '等待其他 duban 写入'
tui_keys j
tui_wait '[x] 已完成  做强服务业主平台'
assert_line_contains '5.1   (' '[x] 已完成'
tui_wait_selected '5.2   ('
"$DUBAN" --db "$DB" show 5.1 | grep -q '已完成' || fail "the edit did not reach the store"

# a lock held for long: Esc gives up, nothing changes, the screen goes on
hold_lock 20
tui_keys 5
tui_wait '等待其他 duban 写入'
tui_keys Escape
tui_wait 'nothing was changed'
assert_line_contains '5.2   (' '[ ] 未启动'
tui_keys k
tui_wait_selected '5.1   ('
kill "$holder" 2>/dev/null # the lock goes with the sqlite3 shell
wait "$holder" 2>/dev/null
"$DUBAN" --db "$DB" show 5.2 | grep -q '未启动' || fail "a given-up edit changed the store"
tui_quit
echo ok
