#!/bin/bash
# Mouse (SGR reports, as tmux passes them on): a click on an area line
# toggles its fold, a click on an item selects it, the wheel scrolls.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
click() { # column row (1-based)
    tui_type $'\033'"[<0;$1;$2M"
    tui_type $'\033'"[<0;$1;$2m"
}
click 10 6 # area 5 (screen row 6: header, areas 1-4, then 5)
tui_wait '5.1 '
assert_selected 筑巢引凤壮三产
click 10 8 # 5.2
tui_wait_selected '5.2 '
tui_type $'\033[<65;10;8M' # wheel down: three rows
tui_wait_selected 聚焦品质重城市
tui_type $'\033[<64;10;8M' # wheel up
tui_wait_selected '5.2 '
click 10 6 # collapse area 5 again
tui_wait_gone '5.1 '
assert_selected 筑巢引凤壮三产
tui_quit
