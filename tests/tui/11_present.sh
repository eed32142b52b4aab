#!/bin/bash
# Presentation mode (duban present): the summary slide, one area per
# screen, edits on the selected item, long text wrapped and never cut at
# 80x24, longer bars at 200x60, glyphs and light labels without colour,
# Esc back to the outline.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
long='海盐县经济和信息化局、县商务局、县发展和改革局、县市场监督管理局、县财政局（牵头单位另行发文明确分工）'
"$DUBAN" --db "$DB" unit 1.2 "$long" >/dev/null || fail "cannot set the unit"

tui_start 80 24 -- --today 2021-10-01 present
tui_wait 完成率
assert_contains '完成率 0%'
assert_contains 总览
for area in 持之以恒抓招商 坚定不移强工业 全力以赴推项目 解放思想勇创新 筑巢引凤壮三产 \
    持续发力扩开放 聚焦品质重城市 统筹发展兴乡村 久久为功护生态 用情用力惠民生 \
    高效治理促和谐 从严治党强党建; do
    assert_contains "$area"
done
assert_line_contains 筑巢引凤壮三产 '(!) 1'
assert_not_contains '帮助' # no key hints on the wall

tui_keys Right
tui_wait '方面 1/12'
line=$(tui_line 持之以恒抓招商)
lead=${line%%[! ]*}
[ "${#lead}" -ge 25 ] || fail "the area title is not centred: '$line'"
for item in '1.1 ' '1.2 ' '1.3 ' 造浓招商氛围 创新招商方式 提高招引质量; do
    assert_contains "$item"
done
assert_not_contains '2.1 '
# the long unit wraps onto further lines and its end is there: nothing is cut
assert_contains '明确分工）'
assert_contains '海盐县经济和信息化局'
tui_screen | grep -qF '…' && fail "text was cut"
assert_not_contains '↓ 更多'

# edit keys work on the selected item (1.1)
tui_keys 5
tui_wait '[x] 已完成'
assert_contains '完成 1/3'
"$DUBAN" --db "$DB" show 1.1 | grep -q 已完成 || fail "1.1 is not 已完成 in the store"
tui_keys u
tui_wait_gone '[x] 已完成'
assert_contains '完成 0/3'

# area 5: 5.1 is late on its 三季度 milestone, not on its own date
tui_keys Right Right Right Right
tui_wait '方面 5/12'
assert_contains '逾期 1 天（节点 2021-09-30）'
tui_keys Left Left Left Left
tui_wait '方面 1/12'

# the same slide at 200x60: longer bars
bar80=$(tui_line '完成 0/3' | grep -o '\[[#-]*\]' | head -n 1)
[ "${#bar80}" -ge 10 ] || fail "no bar at 80x24"
tui_resize 200 60
for ((i = 0; i < 100; i++)); do
    bar200=$(tui_line '完成 0/3' | grep -o '\[[#-]*\]' | head -n 1)
    [ "${#bar200}" -gt "${#bar80}" ] && break
    sleep 0.05
done
[ "${#bar200}" -gt "${#bar80}" ] || fail "bar at 200x60 ($bar200) not longer than at 80x24 ($bar80)"
assert_contains '方面 1/12'
tui_resize 80 24
tui_wait_gone "$bar200"

# Left back to the summary, Esc to the outline
tui_keys Left
tui_wait 完成率
tui_keys Right Right
tui_wait '方面 2/12'
tui_keys Escape
tui_wait '? 帮助'
assert_contains '完成 0/38'
tui_wait_selected 坚定不移强工业
tui_keys p
tui_wait 完成率
tui_keys p
tui_wait '? 帮助'
tui_quit

# without colour every status and light still reads
colour_re=$'\033\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+|9[0-7])(;[0-9;]*)?m'
"$DUBAN" --db "$DB" set 5.2 in_progress >/dev/null
tui_start 80 24 NO_COLOR=1 -- --today 2021-10-01 present 5
tui_wait '方面 5/12'
assert_contains '(!) 红灯'
assert_contains '(o) 绿灯'
assert_contains '[ ] 未启动'
assert_contains '[>] 推进中'
assert_contains '逾期 1 天'
tui_screen_attrs | grep -qE "$colour_re" && fail "colours used with NO_COLOR"
tui_quit
