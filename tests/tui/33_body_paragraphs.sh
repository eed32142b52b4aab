#!/bin/bash
# The detail pane keeps a body's paragraphs (they were joined into one).
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" body 1.1 --text $'第一段说明\n\n第二段说明' >/dev/null || fail "body"
tui_start 120 30 -- --today 2021-10-01
tui_wait 持之以恒抓招商
tui_keys Enter
tui_wait '1.1 '
tui_keys j
tui_wait '第一段说明'
first=$(tui_screen | grep -n '第一段说明' | head -1 | cut -d: -f1)
second=$(tui_screen | grep -n '第二段说明' | head -1 | cut -d: -f1)
[ -n "$second" ] && [ "$second" -eq $((first + 2)) ] ||
    fail "the paragraphs are not two, a blank line apart (lines $first, $second)"
tui_line 第一段说明 | grep -qF 第二段说明 && fail "the paragraphs are joined"
tui_quit
echo ok
