#!/bin/bash
# A cursor move in the outline redraws only the row it left, the row it
# reached, the detail pane and the status line (layout_draw_moved); any
# other key draws the whole frame.  After every sequence below the
# screen, with its attributes, must be what a whole new frame (Ctrl-L:
# erase, draw everything, repaint every cell) draws: a row left stale by
# a move (the old cursor bar, a fold mark, a status before an edit, a
# row of the size before a resize) would differ.
. "$(dirname "$0")/lib.sh"
tui_setup

# The screen with attributes as cells: each line's runs of text in one
# attribute state, trailing default blanks left out (tmux places the
# escape sequences by how the cells were written, not by what they show).
cells() {
    /usr/bin/python3 -c '
import re, sys
st = {}
def sgr(params):
    p = [int(x) if x else 0 for x in params.split(";")] if params else [0]
    i = 0
    while i < len(p):
        v = p[i]
        if v == 0: st.clear()
        elif v in (1, 2, 3, 4, 5, 7, 8, 9): st[v] = 1
        elif v == 22: st.pop(1, None); st.pop(2, None)
        elif v in (23, 24, 25, 27, 28, 29): st.pop(v - 20, None)
        elif v in (38, 48):
            n = 3 if p[i + 1] == 5 else 5
            st["fg" if v == 38 else "bg"] = tuple(p[i:i + n]); i += n - 1
        elif v == 39: st.pop("fg", None)
        elif v == 49: st.pop("bg", None)
        elif 30 <= v <= 37 or 90 <= v <= 97: st["fg"] = v
        elif 40 <= v <= 47 or 100 <= v <= 107: st["bg"] = v
        i += 1
for line in sys.stdin.read().rstrip("\n").split("\n"):
    runs = []
    for part in re.split(r"(\x1b\[[0-9;]*m)", line):
        if part.startswith("\x1b["):
            sgr(part[2:-1])
        elif part:
            runs.append((tuple(sorted(st.items(), key=str)), part))
    while runs and not runs[-1][0] and not runs[-1][1].strip():
        runs.pop()
    if runs and not runs[-1][0]:
        runs[-1] = (runs[-1][0], runs[-1][1].rstrip(" "))
    print(runs)
'
}

# The screen once it has stopped changing (three equal captures).
settled() {
    local last="" now same=0 i
    for ((i = 0; i < TUI_TIMEOUT_POLLS && same < 3; i++)); do
        sleep 0.05
        now=$(tui_screen_attrs)
        if [ "$now" = "$last" ]; then
            same=$((same + 1))
        else
            same=0
        fi
        last=$now
    done
    printf '%s\n' "$last" | cells
}

# Checks the screen against a whole frame drawn afresh; with a second
# argument, all but the status line (Ctrl-L clears n's message).
same_as_whole_frame() {
    local moved whole
    moved=$(settled)
    tui_keys C-l
    whole=$(settled)
    if [ $# -gt 1 ]; then
        moved=$(printf '%s\n' "$moved" | sed '$d')
        whole=$(printf '%s\n' "$whole" | sed '$d')
    fi
    if [ "$moved" != "$whole" ]; then
        diff <(printf '%s\n' "$moved") <(printf '%s\n' "$whole") >&2
        fail "$1: the screen after the moves differs from a whole frame"
    fi
}

tui_start 80 24 -- --today 2021-10-01
tui_wait 持之以恒抓招商
# moves down and up across areas and items
tui_keys E g j j j j
tui_wait_selected 坚定不移强工业
tui_keys j k k
tui_wait_selected '1.3 '
same_as_whole_frame "moves"
# move, fold, move back: the rows under the fold changed with the fold
tui_keys g
tui_wait_selected 持之以恒抓招商
tui_keys Enter
tui_wait_gone '1.1 '
tui_keys j
tui_wait_selected 坚定不移强工业
tui_keys k
tui_wait_selected 持之以恒抓招商
tui_keys Enter j j
tui_wait_selected '1.2 '
same_as_whole_frame "move, fold, move back"
# keys sent at once, faster than frames: the front end draws none while
# more wait, and a move after a fold, or after moves, still draws what
# every key since the last frame changed
tui_keys k k Enter j k
tui_wait_gone '1.1 '
tui_wait_selected 持之以恒抓招商
same_as_whole_frame "a fold between moves sent at once"
tui_keys Enter j j j k
tui_wait_selected '1.2 '
same_as_whole_frame "moves sent at once"
# an edit, then moves: the edited row, the header's counts
tui_keys 5
tui_wait '完成 1/38'
tui_keys j k k
tui_wait_selected '1.1 '
same_as_whole_frame "edit, then moves"
tui_keys j u
tui_wait '完成 0/38'
tui_keys k
tui_wait_selected '1.1 '
same_as_whole_frame "undo, then a move"
# moves that scroll the rows: the whole view
tui_keys G
tui_wait_selected '12.4 '
tui_keys k k g j
tui_wait_selected '1.1 '
same_as_whole_frame "moves that scroll"
# a resize while moved, then moves at the new size
tui_keys j j
tui_wait_selected '1.3 '
tui_resize 100 30
tui_wait '方面 1/12'
tui_keys j k k
tui_wait_selected '1.2 '
same_as_whole_frame "resize, then moves"
# the detail pane beside the outline follows the cursor
tui_resize 130 40
tui_wait '状态'
tui_keys j j j
tui_wait_selected '2.1   (o)'
same_as_whole_frame "moves with the detail pane"
# matches of a search marked on the rows moved over
tui_keys /
tui_type '招商'
tui_keys Enter
tui_wait '招商'
tui_keys g j j k
same_as_whole_frame "moves over search matches"
# n and N between matches on the screen, then to one in a closed area
tui_keys g n
tui_wait '匹配 match 2/5'
tui_keys n N n
tui_wait '匹配 match 3/5'
same_as_whole_frame "n and N" rows
tui_keys C g n
tui_wait '匹配 match 4/5'
same_as_whole_frame "n into a closed area" rows
tui_keys n
tui_wait '匹配 match 5/5'
same_as_whole_frame "n into another closed area" rows
tui_quit
