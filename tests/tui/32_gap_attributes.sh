#!/bin/bash
# The blanks between two texts of a row take the left one's attributes
# when that looks the same (bold, a foreground colour), so that curses
# changes attributes once at the next text instead of twice around the
# gap (draw.c join_gap): the outline row "1.1   (o) [ ] ..." keeps bold
# from its number through the gap into the green light.  Not on the
# selected row, whose blanks have the selection's background, and not
# after the row's last text (the rest is cleared, not written).  And
# styles of one colour share a colour pair (draw.c pair_of), so that
# nothing at all is sent between a done item's light, glyph and label.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" --today 2021-10-01 set 1.3 done >/dev/null || fail "cannot set 1.3 done"
tui_start 80 24 -- --today 2021-10-01
tui_wait 从严治党强党建
tmx pipe-pane -o -t "$TUI_SESSION" "cat >>'$T/raw'"
tui_keys Enter
tui_wait '1.3 '
sleep 0.2
# the bytes duban wrote: green from the light through the label
grep -q '(o) \[x\] 已完成' "$T/raw" ||
    fail "attributes sent between the light, glyph and label of a done item:" \
        "$(grep -ao '1\.3.\{0,60\}' "$T/raw" | head -1 | od -c | head -5)"
E=$'\033'
row=$(tui_screen_attrs | grep -F '1.2' | head -1)
[ -n "$row" ] || fail "no row 1.2 in the attributes capture"
# bold, the number, the gap still bold, then only the colour changes
case $row in
*"${E}[1m1.2   ${E}[32m(o) "*) ;;
*) fail "the gap after 1.2 lost the number's attributes: $(printf %q "$row")" ;;
esac
# what shows is unchanged: the text capture of the row
assert_line_contains '1.2 ' '(o) [ ] 未启动'
# the selected row (area 1, above) keeps its selection colours in gaps
assert_selected 持之以恒抓招商
tui_quit
