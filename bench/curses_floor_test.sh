#!/bin/bash
# curses_floor shows exactly the screens it is given: duban's outline with
# every area folded and with the first one open (80x24, colours and
# attributes as tmux captures them), shown again by curses_floor, key by
# key in turn, capture for capture.  Were it to draw something else, its
# time would be no floor for duban's key (bench/table.sh).
. "$DUBAN_SRC/tests/tui/lib.sh"
: "${CURSES_FLOOR:?CURSES_FLOOR must name the curses_floor binary}"
tui_setup
# the pane with attributes and every row's trailing blanks (their colours)
capture() {
    tmx capture-pane -e -N -p -t "$TUI_SESSION"
}
"$DUBAN_GEN" --db "$DB" --items 600 >/dev/null || fail "duban-gen"
tui_start 80 24 -- --today 2021-10-01
tui_wait 方面
tui_keys C g
tui_wait '▸  1 '
capture >"$T/a.txt"
tui_keys Enter
tui_wait '▾  1 '
tui_wait '1.1 '
capture >"$T/b.txt"
tui_quit
cmp -s "$T/a.txt" "$T/b.txt" && fail "the two screens are the same"
grep -q $'\033\\[' "$T/a.txt" || fail "the capture has no attributes"

TUI_SESSION=floor
tmx -f /dev/null new-session -d -s floor -x 80 -y 24 \
    "env TERM=xterm-256color LC_ALL=C.UTF-8 '$CURSES_FLOOR' '$T/a.txt' '$T/b.txt'; sleep 600" ||
    fail "cannot start tmux"
# shows SCREEN: the pane is that capture (within ~5 s)
shows() {
    local i
    for ((i = 0; i < 100; i++)); do
        capture >"$T/now.txt"
        cmp -s "$T/now.txt" "$1" && return 0
        sleep 0.05
    done
    diff "$1" "$T/now.txt" | cat -v | head -n 20 >&2
    fail "curses_floor does not show $(basename "$1")"
}
shows "$T/a.txt"
tui_keys Enter
shows "$T/b.txt"
tui_keys Enter
shows "$T/a.txt"
tui_keys q
# a screen that cannot be read: one line naming it, exit 1
out=$("$CURSES_FLOOR" "$T/missing.txt" 2>&1)
rc=$?
[ $rc = 1 ] || fail "exit $rc for a missing screen"
assert_line=$(printf '%s\n' "$out" | grep -c 'missing.txt')
[ "$assert_line" = 1 ] || fail "no message naming the file: $out"
echo "ok"
