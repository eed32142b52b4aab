#!/bin/bash
# Escape sequences in stored text are shown as harmless text.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" note 1.1 "$(printf 'x\033]0;pwned\007y')" >/dev/null ||
    fail "cannot add the note"
"$DUBAN" --db "$DB" unit 1.2 "$(printf 'a\033[2Jb')" >/dev/null || fail "cannot set the unit"
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tmx select-pane -t "$TUI_SESSION" -T safe-title
tui_keys Enter
tui_wait '1.1 '
tui_keys j v
tui_wait '1.1 造浓招商氛围'
tui_keys ] ]
tui_wait '进展 notes'
assert_contains 'x^[]0;pwned^Gy'
tui_keys j
tui_wait '1.2 创新招商方式'
tui_wait 'a^[[2Jb'
assert_contains 持之以恒抓招商
title=$(tmx display-message -p -t "$TUI_SESSION" '#{pane_title}')
[ "$title" = safe-title ] || fail "the pane title changed to '$title'"
tui_quit
