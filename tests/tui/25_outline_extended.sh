#!/bin/bash
# An item with an approved extension shows its new due date with 延 in
# the outline, as on the slides and in the detail pane; the others show
# their date alone, in the same column.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" extend 1.2 2022-03-31 --reason 规划调整 >/dev/null || fail "extend"

tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys Enter
tui_wait '1.2 '
assert_line_contains '1.2 ' '2022-03-31 延'
assert_line_contains '1.1 ' '2021-12-31'
tui_line '1.1 ' | grep -qF '延' && fail "1.1 has no extension"
# the dates line up
c1=$(tui_line '1.1 ' | sed 's/2021-12-31.*//' | wc -m)
c2=$(tui_line '1.2 ' | sed 's/2022-03-31.*//' | wc -m)
[ "$c1" = "$c2" ] || fail "due dates not aligned ($c1, $c2)"
# the same item at 120 columns, beside the detail pane
tui_resize 120 30
tui_wait '│'
tui_keys j j
tui_wait '延期 (原 2021-12-31)'
tui_wait_selected '1.2   (o)'
assert_line_contains '1.2   (o)' '2022-03-31 延'
tui_quit
