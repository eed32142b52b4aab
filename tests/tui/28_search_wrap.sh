#!/bin/bash
# A search word that the detail pane's wrap cuts in two (1.2's body
# wraps "集中攻" / "坚。" at 120 columns) is marked on both lines: the
# marks are found in the whole text and carried through the wrap.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"

M=$'\033[30m\033[43m' # black on yellow as tmux reports it
marked() {            # the screen line holding $1 (plain text) shows $2 marked
    local raw n line
    raw=$(tui_screen_attrs)
    n=$(printf '%s\n' "$raw" | sed 's/\x1b\[[0-9;]*m//g' | grep -nF -- "$1" | head -n 1 | cut -d: -f1)
    [ -n "$n" ] || return 1
    line=$(printf '%s\n' "$raw" | sed -n "${n}p")
    case "$line" in *"$M$2"$'\033'* | *"$M$2") return 0 ;; esac # a mark ends at an escape or the line's end
    return 1
}
wait_marked() {
    local i
    for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
        marked "$1" "$2" && return 0
        sleep 0.05
    done
    fail "'$2' is not marked on the line with '$1'"
}

tui_start 120 30 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys /
tui_wait 搜索
tui_type 集中攻坚
tui_wait_selected '1.2   (o)'
tui_wait '组建专班集中攻' # the wrap cuts the word here ...
assert_contains '│ 坚。探索'  # ... and goes on with its last character
wait_marked '组建专班集中攻' 集中攻
wait_marked '坚。探索' 坚
tui_keys Enter
tui_wait '找到 1 处'
wait_marked '坚。探索' 坚
# the text around the word is not marked
marked '坚。探索' '探索' && fail "text after the word is marked"
tui_quit
