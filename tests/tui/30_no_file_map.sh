#!/bin/bash
# The front end reads the database through SQLite's page cache, not a map
# of the file: mapped pages count in its resident size (at 100,000 items
# a search's read of the text left ~115 MiB of them).  Commands map it.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
# a search of one character reads every node's text
tui_keys /
tui_wait '搜索'
tui_type 招
tui_wait '处'
pane=$(tmx display -p -t "$TUI_SESSION" '#{pane_pid}')
pid=$(pgrep -P "$pane")
[ -n "$pid" ] && [ -r "/proc/$pid/maps" ] || fail "no duban process under $pane"
db=$(realpath "$DB")
if grep -q " $db\$" "/proc/$pid/maps"; then
    fail "the front end maps $db"
fi
tui_keys Escape
tui_wait_gone '搜索'
tui_quit
