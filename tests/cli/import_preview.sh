# duban import --dry-run: the tree it would store, as text or JSON, and the
# warnings as FILE:LINE:; nothing written, not even a new database.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 1
printf '%s\n' '2022年重点工作安排' '一、扎实推进经济发展' \
  '（一）加快项目建设。新开工项目30个，6月底前完成年度投资计划的一半。（牵头单位：县发改局）' \
  '（二）优化营商环境。三季度完成改革任务。' '二、持续改善民生' '（一）办好民生实事。年底前全部完成。' >plan.txt

run --db "$T/new.db" import plan.txt --dry-run
expect_rc 0 "dry run"
[ -e "$T/new.db" ] && fail "--dry-run created the database" || pass
expect_out "plan 2022年重点工作安排 (2022, 2022-01-01..2022-12-31)" "plan line"
expect_out "1 扎实推进经济发展  [due 2022-09-30]" "area"
expect_out "  1.1 加快项目建设  [due 2022-06-30; unit 县发改局]" "item with due and unit"
expect_out "    milestone 2022-06-30 6月底前: 6月底前完成年度投资计划的一半" "milestone with phrase"
expect_out "2 areas, 3 items" "summary"
expect_out "nothing written" "says nothing was written"
expect_err "plan.txt:1: 1 line before the first area kept as the preamble" "warning as FILE:LINE"

run --db "$T/new.db" --format json import plan.txt --dry-run
expect_rc 0 "json dry run"
printf '%s' "$out" >"$T/p.json"
q() { sqlite3 :memory: "select json_extract(readfile('$T/p.json'), '$1')"; }
[ "$(q '$.nodes[1].ref')" = 1.1 ] && pass || fail "json ref"
[ "$(q '$.nodes[1].unit')" = 县发改局 ] && pass || fail "json unit"
[ "$(q '$.nodes[1].milestones[0].due')" = 2022-06-30 ] && pass || fail "json milestone"
[ "$(q '$.warnings[0].line')" = 1 ] && pass || fail "json warning line"
[ "$(sqlite3 :memory: "select json_array_length(readfile('$T/p.json'), '\$.nodes')")" = 5 ] && pass \
  || fail "json has 5 nodes"
[ -e "$T/new.db" ] && fail "--dry-run --format json created the database" || pass

run --db "$DB" import plan.txt
expect_rc 0 "real import"
expect_out "1 warning (again" "the summary counts the warnings"
expect_err "plan.txt:1: 1 line before the first area" "real import prints the warnings"
before=$(db_sum "$DB")
run --db "$DB" import plan.txt --dry-run
[ "$(db_sum "$DB")" = "$before" ] && pass || fail "--dry-run changed the database"

# a text table: its 完成情况 (a status of the set) and 进展情况 (the first note) are stored
printf '%s\n' '重点工作督查表' '| 序号 | 工作任务 | 牵头单位 | 完成情况 | 进展情况 |' \
  '| 1 | 建成社区食堂 | 民政局 | 已完成 | 已于9月开业 |' '| 2 | 改造小区 | 住建局 | 推进顺利 | |' >table.txt
run --db "$DB" import table.txt
expect_rc 0 "table import"
run --db "$DB" show 1.1
expect_out "已完成" "the status cell is the item's status"
expect_out "已于9月开业" "the progress cell is a note"
run --db "$DB" show 1.2
expect_out "未启动" "an unknown status word leaves the first status"
finish
