#!/bin/bash
# A fresh database opens on the built-in plan: header and all 12 areas,
# each with an empty progress bar.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 80 24 DUBAN_TODAY=2021-10-01
tui_wait 从严治党强党建
assert_contains 海盐县2021年下半年重点工作
assert_contains 2021-10-01
assert_contains '完成 0/38'
for area in 持之以恒抓招商 坚定不移强工业 全力以赴推项目 解放思想勇创新 筑巢引凤壮三产 \
    持续发力扩开放 聚焦品质重城市 统筹发展兴乡村 久久为功护生态 用情用力惠民生 \
    高效治理促和谐 从严治党强党建; do
    assert_contains "$area"
done
assert_line_contains 持之以恒抓招商 '[----------] 0/3'
assert_line_contains 从严治党强党建 '0/4'
assert_contains '方面 1/12'
assert_contains '已用内置计划创建数据库' # said on the status line, not lost on stderr
assert_selected 持之以恒抓招商
# collapsed: no items shown
assert_not_contains '1.1 '
tui_keys j
tui_wait '方面 2/12'
assert_selected 坚定不移强工业
tui_quit
