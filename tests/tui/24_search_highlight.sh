#!/bin/bash
# While a search is active its words are marked (the theme's match
# colours: black on yellow) in the outline's matching rows (title, unit)
# and in the detail pane (leader too); each of several words; the rows
# that do not match and the text outside the words are not; Esc ends it.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" unit 1.1 县发改局 >/dev/null || fail "setup unit"
"$DUBAN" --db "$DB" leader 1.1 王副县长 >/dev/null || fail "setup leader"

M=$'\033[30m\033[43m' # black on yellow as tmux reports it
marked() {            # the screen line holding $1 (plain text) shows $2 marked
    local raw n line
    raw=$(tui_screen_attrs)
    n=$(printf '%s\n' "$raw" | sed 's/\x1b\[[0-9;]*m//g' | grep -nF -- "$1" | head -n 1 | cut -d: -f1)
    [ -n "$n" ] || return 1
    line=$(printf '%s\n' "$raw" | sed -n "${n}p")
    case "$line" in *"$M$2"$'\033'*) return 0 ;; esac
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
count_marks() { tui_screen_attrs | grep -oF "$M" | wc -l; }

tui_start 120 30 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys /
tui_wait 搜索
tui_type '招商 基金' # two words: only 1.2 has both (title and body)
tui_wait_selected '1.2   (o)'
wait_marked '1.2   (o)' 招商 # the outline row's title
wait_marked '│ 1.2 创新' 招商 # the detail pane's title
wait_marked '用好“基金+股权+项目”' 基金 # the body, in the detail pane
# 1.1 and 1.3 do not hold both words: nothing marked on their rows
marked '1.1   (o)' 招商 && fail "1.1 is marked but does not match"
marked '1.3   (o)' 招商 && fail "1.3 is marked but does not match"
tui_keys Enter
tui_wait '找到 1 处'
wait_marked '1.2   (o)' 招商 # still marked after Enter
# the leader in the detail pane
tui_keys / C-u
tui_type 王副县
tui_wait_selected '1.1   (o)'
wait_marked '王副县长' 王副县
tui_keys Enter
tui_wait '找到 1 处'
# Esc ends the search: no more marks
tui_keys Escape
for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
    [ "$(count_marks)" -eq 0 ] && break
    sleep 0.05
done
[ "$(count_marks)" -eq 0 ] || fail "marks left after Esc"
tui_quit

# the unit, in the outline (wide enough to show it) and the detail pane
tui_start 200 40 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys /
tui_type 发改
tui_wait_selected '1.1   (o)'
wait_marked '1.1   (o)' 发改
wait_marked '单位  县发改局' 发改
tui_keys Enter
tui_wait '找到 1 处'
tui_quit

# NO_COLOR: the match is still shown (bold underline: the monochrome
# theme's, added to the cursor row's reverse video)
tui_start 120 30 NO_COLOR=1 -- --today 2021-10-01
tui_wait 从严治党强党建
tui_keys /
tui_type '招商 基金'
tui_wait_selected '1.2   (o)'
for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
    tui_screen_attrs | grep -qF $'\033[1;4m招商' && break
    sleep 0.05
done
tui_screen_attrs | grep -qF $'\033[1;4m招商' || fail "no mark without colour"
tui_keys Enter
tui_wait '找到 1 处'
tui_quit
