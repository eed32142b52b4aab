#!/bin/bash
# A title with a combining mark (e + U+0301) is drawn whole and the row's
# columns stay aligned: draw.c hands such text to curses a character at a
# time (addnwstr attaches the mark to its letter), not as prepared cells,
# where a mark would take a cell of its own or be lost.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
title=$(printf 'Cafe\xcc\x81 计划 ok')
"$DUBAN" --db "$DB" rename 1.1 "$title" >/dev/null || fail "rename"
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys Enter
tui_wait '1.3 '
assert_line_contains '1.1 ' "$title"
# the rest of the row as 1.2's: both titles take 12 columns
l1=$(tui_line '1.1 ') l2=$(tui_line '1.2 ')
[ "${l1#*"$title"}" = "${l2#*创新招商方式}" ] ||
    fail "1.1's row after its title differs from 1.2's: '${l1#*"$title"}' / '${l2#*创新招商方式}'"
tui_quit
