#!/bin/bash
# The filter (筛选): F opens the picker with units, leaders, statuses,
# lights and due windows and their item counts; a choice restricts the
# outline, the header's counts, the overdue view and the slides; the
# header names it; Esc clears it.  `duban present --light red` starts
# filtered.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
for a in "unit 1.1 县发改局" "unit 1.2 县发改局、县经信局" "unit 2.1 县经信局" \
    "leader 2.1 李四" "set 2.1 blocked"; do
    # shellcheck disable=SC2086
    "$DUBAN" --db "$DB" $a >/dev/null || fail "setup: $a"
done

tui_start 100 30 -- --today 2021-10-01
tui_wait 持之以恒抓招商
assert_contains '完成 0/38'
tui_keys J Enter # area 2 expanded (and saved) before any filter
tui_wait '2.1 '
tui_keys F
tui_wait '责任单位 unit'
assert_line_contains '县发改局、县经信局' '1 项'
assert_line_contains '李四' '1 项'
assert_line_contains '(!) 红灯' '2 项'
assert_line_contains '受阻' '1 项'
# the first unit (县发改局, two rows below "clear"): 1.1 and 1.2
tui_keys j j Enter
tui_wait '▼ 筛选: 单位 县发改局'
assert_contains '完成 0/2'
assert_contains '逾期 0'
assert_contains '方面 1/1'
assert_not_contains 坚定不移强工业
tui_keys E
tui_wait '1.2 '
assert_contains '1.1 '
assert_not_contains '1.3 '
# combined with a light: nothing of 县发改局 is red
tui_keys F
tui_wait '亮灯 light'
assert_contains '●  县发改局 '
tui_keys Escape
tui_wait_gone '亮灯 light'
# Esc clears it
tui_keys Escape
tui_wait '已清除筛选'
assert_contains '完成 0/38'
assert_not_contains '▼ 筛选'
assert_contains 坚定不移强工业
assert_contains '2.1 ' # area 2's saved fold is back

# red only: 2.1 (受阻) and 5.1 (a late milestone); the overdue view follows
tui_keys F
tui_wait '亮灯 light'
tui_keys G k k k k k k Enter
tui_wait '▼ 筛选: 红灯'
assert_contains '完成 0/2'
assert_contains '逾期 1'
assert_contains 坚定不移强工业
assert_contains 筑巢引凤壮三产
assert_not_contains 持之以恒抓招商
tui_keys o
tui_wait '5.1'
assert_contains '▼ 筛选: 红灯'
tui_keys o
tui_quit

# duban present with a filter: the summary counts the matching items only
tui_start 100 30 -- --today 2021-10-01 present --unit 县经信局
tui_wait 完成率
assert_contains 持之以恒抓招商
assert_contains 坚定不移强工业
assert_not_contains 全力以赴推项目
tui_keys Right
tui_wait '方面 1/2'
assert_contains '1.2 '
assert_not_contains '1.1 '
tui_quit
