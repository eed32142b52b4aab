#!/bin/bash
# Presentation mode on large screens: titles not letter-spaced
# (海盐县2021年…, 十一、…); zero counts left blank; at 200x60 the summary
# fills the screen (no band of blank rows, its last row near the bottom)
# and area slides use the width (the items' text in long lines; two
# items side by side on a long list); Right (and l) from the summary go
# to area 1, Enter to the area under the cursor; a click on a summary
# row opens that area; a click selects an item in either column.
# Area slides of a few items at 200x60 keep their gaps small (no run of
# more than 4 blank rows between the first and the last text row: the
# room left goes below the items), and so does the summary at 120x40
# (at most 3); milestones on a slide are listed by date, then number.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"

# the longest run of blank rows between the first and the last text rows
longest_blank_run() {
    tui_screen | head -n -1 | awk '
        NF { if (seen && run > max) max = run; run = 0; seen = 1; next }
        { run++ }
        END { print max + 0 }'
}
# the row number of the last line holding $1
row_of() { tui_screen | grep -nF -- "$1" | tail -n 1 | cut -d: -f1; }
click() { # column row (1-based)
    tui_type $'\033'"[<0;$1;$2M"
    tui_type $'\033'"[<0;$1;$2m"
}

tui_start 200 60 -- --today 2021-10-25 present
tui_wait 完成率
assert_contains '海盐县2021年下半年重点工作'
assert_not_contains '海 盐 县'
# zero counts blank: area 1 has no red, no yellow, nothing overdue
assert_line_contains 持之以恒抓招商 '(o) 3'
tui_line 持之以恒抓招商 | grep -qE '\(!\) 0|\(~\) 0| 0 ' && fail "a zero count is shown"
assert_not_contains '红灯 0'
assert_line_contains 筑巢引凤壮三产 '(!) 1'
assert_contains '逾期  临期'
run=$(longest_blank_run)
[ "$run" -le 4 ] || fail "a band of $run blank rows on the summary"
last=$(row_of '[ ] 未启动 4')
[ "$last" -ge 54 ] || fail "the summary ends at row $last of 60"

# Right from the summary: area 1, whatever the cursor is on
tui_keys j j j j
tui_keys Right
tui_wait '方面 1/12'
assert_contains '一、持之以恒抓招商'
# the items' text, on lines longer than the old 112-column column
w=$(tui_line '完善产业基金运行管理机制' | sed 's/^ *//' | wc -L)
[ "$w" -gt 112 ] || fail "the item's text is $w columns wide at 200 columns"
tui_keys Left
tui_wait 总览
tui_keys l
tui_wait '方面 1/12'
tui_keys Left
tui_wait 总览
# Enter opens the area under the cursor (area 1 after Left: 1, then 3)
tui_keys j j Enter
tui_wait '方面 3/12'
tui_keys Left Left Left
tui_wait 总览
# a click on a summary row opens its area
y=$(row_of 聚焦品质重城市)
click 80 "$y"
tui_wait '方面 7/12'
tui_keys Right Right Right Right
tui_wait '方面 11/12'
assert_contains '十一、高效治理促和谐'
assert_not_contains '十 一'
tui_quit

# every area slide at 200x60: no band of blank rows (a milestone added
# later with an earlier date comes first on 2.2's slide)
"$DUBAN" --db "$DB" milestone 2.2 add '完成设备调试' 2021-11-15 >/dev/null || fail "milestone add"
tui_start 200 60 -- --today 2021-10-25 present 1
for k in $(seq 1 12); do
    tui_wait "方面 $k/12"
    run=$(longest_blank_run)
    [ "$run" -le 4 ] || fail "a band of $run blank rows on area $k's slide"
    if [ "$k" = 2 ]; then
        a=$(row_of '节点 2021-11-15'); b=$(row_of '节点 2021-12-31')
        [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] || fail "milestones not by date: rows $a, $b"
    fi
    tui_keys Right
done
tui_quit
tui_start 120 40 -- --today 2021-10-25 present
tui_wait 完成率
tui_wait '从严治党强党建'
run=$(longest_blank_run)
[ "$run" -le 3 ] || fail "a band of $run blank rows on the summary at 120x40"
tui_quit

# a long list at 200x60: two items side by side; a click on the right
# column selects that item
"$DUBAN_GEN" --db "$T/big.db" --items 600 >/dev/null || fail "duban-gen"
DB="$T/big.db"
tui_start 200 60 -- --today 2021-10-25 present 2
tui_wait '方面 2/12'
line=$(tui_line '2.1 ')
case "$line" in *' 2.2 '*) ;; *) fail "2.1 and 2.2 are not side by side: $line" ;; esac
assert_contains '↓ 更多'
y=$(row_of ' 2.2 ')
tui_screen | sed -n "${y}p" | grep -qE '▶ +2\.2 ' && fail "2.2 selected before the click"
click 150 "$y"
for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
    tui_screen | sed -n "${y}p" | grep -qE '▶ +2\.2 ' && break
    sleep 0.05
done
tui_screen | sed -n "${y}p" | grep -qE '▶ +2\.2 ' || fail "the click did not select 2.2"
tui_quit
