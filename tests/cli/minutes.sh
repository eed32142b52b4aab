# duban minutes in md, html and csv against golden files, after a scripted
# meeting (tests/golden/meeting-scenario.bash).
. "$(dirname "$0")/lib.sh"
. "$DUBAN_SRC/tests/golden/meeting-scenario.bash"

golden minutes.md minutes
golden minutes.html minutes 2 --format html
golden minutes.csv minutes --format csv
golden minutes-first.md minutes 1 --format md

# what the golden files must show, whatever they were regenerated from
run --db "$DB" minutes 2 --format html
expect_out "@page { size: A4" "printable A4 page"
expect_out "管网&lt;一期&gt;已铺设&amp;验收" "note is HTML-escaped"
expect_no_out "<script" "no scripts"
expect_no_out "http" "no external files"
expect_no_out "管网<一期>" "no raw markup from data"
run --db "$DB" minutes
expect_out "| 5.1  | 做强服务业主平台" "the change of 5.1"
expect_out "本次会议共变更 9 处" "nine net changes"
expect_out "### 县交通运输局（1 项）" "overdue grouped by unit"
expect_out "| 2021-08-31 | 2021-09-25 |        6 |" "late against the extension, both dates shown"
expect_out "| 10.1 | 城镇登记失业率     | 不超过2%" "targets"
run --db "$DB" changes --meeting 2
expect_no_out "3.2" "an edit undone in the meeting is not a change"
run --db "$DB" minutes 1
expect_out "计划导入以来" "the first meeting counts from the import"
run --db "$DB" minutes 7
expect_rc 3 "unknown meeting"
expect_one_line_err "unknown meeting"
run --db "$DB" minutes --format json
expect_rc 2 "json is not a minutes format"
finish
