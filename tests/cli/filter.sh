# Filters (--unit --leader --status --light --due-within) on list, overdue,
# report, present (without a terminal) and minutes: each alone, combined,
# and bad values refused with one line.
. "$(dirname "$0")/lib.sh"
export DUBAN_NOW=2021-10-01T09:00:00Z
"$DUBAN" --db "$DB" list >/dev/null 2>&1
q() { "$DUBAN" --db "$DB" "$@" >/dev/null 2>&1 || fail "setup: $*"; }
q unit 1.1 县发改局
q unit 1.2 "县发改局、县经信局"
q unit 2.1 县经信局
q leader 1.1 张三
q leader 2.1 李四
q set 1.2 behind
q set 2.1 blocked
q set 1.3 in_progress
q due 3.1 2021-10-10

# list
run --db "$DB" list --unit 县发改局
expect_rc 0 "list --unit"
expect_out "1.1" "list --unit keeps 1.1"
expect_out "1.2" "a unit naming several units matches each"
expect_out "持之以恒抓招商" "the area above a match is listed"
expect_no_out "2.1" "list --unit drops another unit's item"
expect_no_out "坚定不移强工业" "an area without a match is not listed"
run --db "$DB" list --leader 李四
expect_out "2.1" "list --leader"
expect_no_out "1.1 " "list --leader drops others"
run --db "$DB" list --status 滞后
expect_out "1.2" "list --status by name"
expect_no_out "1.3" "list --status drops other statuses"
run --db "$DB" list --status 3
expect_out "1.2" "list --status by number"
run --db "$DB" list --light red --format csv
expect_out "2.1,item" "list --light red: blocked is red"
expect_out "5.1,item" "list --light red: overdue milestone is red"
expect_no_out "1.2,item" "list --light red drops yellow"
run --db "$DB" list --light 黄灯 --format csv
expect_out "1.2,item" "list --light 黄灯"
run --db "$DB" list --due-within 10 --format csv
expect_out "3.1,item" "due within 10 days"
expect_out "5.1,item" "overdue counts as due within"
expect_no_out "1.1,item" "due later is left out"
run --db "$DB" list --unit 县发改局 --light yellow --format csv
expect_out "1.2,item" "combined: unit and light"
expect_no_out "1.1,item" "combined: both must hold"

# overdue, report, present, minutes
run --db "$DB" overdue --unit 县发改局
expect_rc 0 "overdue --unit"
expect_no_out "5.1" "overdue --unit drops other units' rows"
run --db "$DB" overdue --light red
expect_out "5.1" "overdue --light red keeps 5.1"
run --db "$DB" report --by unit --unit 县发改局 --format csv
expect_rc 0 "report --unit"
expect_out "县发改局,1," "report counts the filtered items"
grep -q '^县经信局,' <<<"$out" && fail "report leaves other units out" || pass
run --db "$DB" report --light red
expect_out "筛选：红灯" "the report names the filter"
grep -qE '^合计 +2 ' <<<"$out" && pass || fail "report totals follow the filter: $out"
run --db "$DB" present --status blocked
expect_rc 0 "present without a terminal"
expect_out "筛选：状态 受阻" "present prints the filtered report"
q meeting start 第一次会
q note 2.1 "已协调用地"
q note 1.1 "已对接"
run --db "$DB" minutes --leader 张三
expect_rc 0 "minutes --leader"
expect_out "筛选：领导 张三" "minutes name the filter"
expect_out "已对接" "minutes keep the matching change"
expect_no_out "已协调用地" "minutes drop other items' changes"
run --db "$DB" minutes --leader 张三 --format csv
expect_no_out "已协调用地" "csv minutes follow the filter"

# the 通报 as a printable page, filtered, with the 落款
printf '[general]\nissuer = 县委督查室\n' >"$T/issuer.ini"
run --config "$T/issuer.ini" --db "$DB" report --format html --unit 县发改局
expect_rc 0 "report --format html"
expect_out "<h1>通报（按方面，截至 2021-10-01）</h1>" "heading"
expect_out "<p>筛选：单位 县发改局</p>" "the filter is named"
expect_out "counter(page)" "page numbers"
expect_out '<p class="sign">县委督查室</p>' "the issuer signs"
expect_out '<td class="num red">0</td>' "light columns coloured"
expect_no_out "<script" "no scripts"

# refusals
for bad in "--light blue" "--status nosuch" "--due-within -3" "--due-within x"; do
  sum=$(db_sum "$DB")
  run --db "$DB" list $bad
  expect_rc 2 "list $bad"
  expect_one_line_err "list $bad"
done
run --db "$DB" changes --unit x
expect_rc 2 "changes takes no filter"
run --db "$DB" search 招商 --light red
expect_rc 2 "search takes no filter"
# Text that is not UTF-8 is refused (exit 2), not searched for in vain.
run --db "$DB" search $'\xff'; expect_rc 2 "search for bytes that are not UTF-8"
expect_err "not valid UTF-8" "says why"
run --db "$DB" list --unit $'\xff'; expect_rc 2 "--unit that is not UTF-8"
run --db "$DB" overdue --leader $'a\xff'; expect_rc 2 "--leader that is not UTF-8"
finish
