#!/bin/bash
# Every view through the one registry: the mouse wheel scrolls the view
# under the pointer (the overdue list, the detail pane, the help); help
# returns to the view it was opened from; Esc goes back to the outline;
# an edit made in the overdue list refreshes it.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 130 20 -- --today 2022-01-15
tui_wait 从严治党强党建
tui_keys o
tui_wait '逾期 1/38'
tui_type $'\033[<65;10;5M' # wheel down on the list: three rows, past a heading
tui_wait '逾期 4/38'
tui_type $'\033[<64;10;5M' # wheel up: three rows, the heading counts
tui_wait '逾期 2/38'
# the detail pane beside the list scrolls under the wheel, not the list
tui_keys j j j j j j j j j j j
tui_wait '逾期 13/38'
tui_wait '5.1 做强服务业主平台'
tui_wait '… ]'
tui_type $'\033[<65;100;10M'
tui_wait '… ['
assert_contains '逾期 13/38'
# help opened from the overdue list goes back to it; the wheel scrolls it
tui_keys '?'
tui_wait 'duban 按键 keys'
tui_type $'\033[<65;10;10M'
tui_wait_gone 'duban 按键 keys'
tui_keys q
tui_wait '逾期 13/38'
# an edit in the list: the list and the header follow
tui_keys 5
tui_wait '/37 · t'
tui_wait '完成 1/38   逾期 37'
tui_keys Escape
tui_wait '方面 1/12'
tui_quit
