#!/bin/bash
# A wide screen gives the unit column room (a quarter of the pane, 20 to
# 40 columns): at 200 columns (the outline beside the detail pane) a unit
# of 22 columns was cut at 12 while the titles left half the row empty; at
# 80 columns the column keeps its 12.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" unit 1.1 县文化和广电旅游体育局 >/dev/null || fail "unit"
tui_start 200 40 -- --today 2021-10-01
tui_wait 持之以恒抓招商
tui_keys Enter
tui_wait '1.1 '
tui_line '1.1 ' | grep -qF '县文化和广电旅游体育局' || fail "the unit is cut at 200 columns: $(tui_line '1.1 ')"
tui_quit
tui_start 80 24 -- --today 2021-10-01
tui_wait '1.1 ' # area 1 open, as the last run left it
tui_line '1.1 ' | grep -qF '县文化和' || fail "no unit at 80 columns: $(tui_line '1.1 ')"
tui_quit
echo ok
