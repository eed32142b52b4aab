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
expect_out "| 5.1   | 做强服务业主平台" "the change of 5.1"
expect_out "本次会议共变更 10 处" "ten net changes (a decision's tracked item is one)"
expect_out "### 县交通运输局（1 项）" "overdue grouped by unit"
expect_out "| 2021-08-31 | 2021-09-25 |        6 |" "late against the extension, both dates shown"
expect_out "| 10.1 | 城镇登记失业率     | 不超过2%" "targets"
run --db "$DB" changes --meeting 2
expect_no_out "3.2" "an edit undone in the meeting is not a change"
run --db "$DB" minutes 1
expect_out "计划导入以来" "the first meeting counts from the import"
expect_out "| 3.1  | 加快项目推进速度" "a change of unit or due date is not a report (未报进展)"
expect_no_out "| 4.1  |" "a status is a report"
run --db "$DB" minutes 7
expect_rc 3 "unknown meeting"
expect_one_line_err "unknown meeting"
run --db "$DB" minutes --format json
expect_rc 0 "json minutes"
expect_out '"section": "summary"' "json minutes have the sections"
expect_out '"section": "no_progress", "group": "县发改局", "ref": "3.1"' "未报进展 in json: the unit"
expect_out '"days_silent": 92}' "and the days since the last report"
run --db "$DB" minutes --format csv
expect_out "no_progress,县发改局,3.1,加快项目推进速度,,,,,,未启动,2021-10-10,,,,,,,,,92" \
  "未报进展 in csv: the unit and the days since the last report"
run --db "$DB" minutes --format text
expect_rc 2 "text is not a minutes format"

# Frozen: after more edits (and another day) the two meetings' minutes
# are reprinted unchanged, in every format.
export DUBAN_TODAY=2021-11-15
scenario_step set 1.1 done --note "立功竞赛已完成"
scenario_step unit 2.1 县经信局
scenario_step extend 6.1 2021-12-31 --reason "征迁延后"
scenario_step progress 8.2 美丽乡村 17
golden minutes.md minutes 2
golden minutes.html minutes 2 --format html
golden minutes-first.md minutes 1 --format md
golden minutes.csv minutes 2 --format csv
run --db "$DB" minutes 2 --unit 县商务局
expect_out "统计截至：2021-11-15" "with a filter the minutes are live"
# reopen and end again: frozen anew, as of the new day
run --db "$DB" meeting reopen
expect_rc 0 "reopen the last meeting"
expect_out "meeting 2 reopened: 第三次推进会" "reopen names the meeting"
run --db "$DB" meeting reopen
expect_rc 2 "reopen with a meeting open"
expect_one_line_err "reopen with a meeting open"
run --db "$DB" minutes 2
expect_out "统计截至：2021-11-15" "an open meeting's minutes are live"
scenario_step meeting end
run --db "$DB" minutes 2
expect_out "统计截至：2021-11-15" "frozen again at the second end"
export DUBAN_TODAY=2021-12-01
run --db "$DB" minutes 2
expect_out "统计截至：2021-11-15" "and kept"
# attendees
scenario_step meeting start 第四次推进会 --attendees "王县长、李副县长、各责任单位负责人"
run --db "$DB" minutes
expect_out "参会人员：王县长、李副县长、各责任单位负责人" "attendees in the minutes"
run --db "$DB" minutes --format csv
expect_out "attendees,,王县长" "attendees in the csv minutes"
run --db "$DB" meeting end --attendees x
expect_rc 2 "--attendees only with start"

# HTML: page numbers, dates and statuses that never wrap, the 落款 from the
# configuration (issuer) with the meeting's date
run --db "$DB" minutes 2 --format html
expect_out 'counter(page)' "page numbers"
expect_out '<td class="nw">2021-10-01 09:00</td>' "times do not wrap"
expect_out '<td class="nw">未启动</td>' "statuses do not wrap"
printf '[general]\nissuer = 县委县政府督查室\n' >"$T/issuer.ini"
run --config "$T/issuer.ini" --db "$DB" minutes 3 --format html
expect_out '<p class="sign">县委县政府督查室</p>' "the issuer signs"
run --config "$T/issuer.ini" --db "$DB" minutes 3
expect_out "县委县政府督查室" "in Markdown too"
expect_out "2021年12月1日" "with the meeting's date"
run --config "$T/issuer.ini" --db "$DB" config --dump
expect_out "issuer = 县委县政府督查室" "config --dump shows it"
# 未报进展 and an item's age: an item added at a meeting (a decision's
# tracked item too) has not been silent; one added later than the plan's
# start is silent since it was added, not since 07-01 ("116 days").
N="$T/new-items.db"
export DUBAN_TODAY=2021-10-25 DUBAN_NOW=2021-10-25T08:00:00Z
run --db "$N" list
run --db "$N" meeting start 推进会
run --db "$N" add 1 "今天新增的事项" --unit 县发改局 --due 2021-11-30
expect_rc 0 "an item added at the meeting"
run --db "$N" decide "会上新定的任务" --unit 县财政局 --due 2021-11-20
expect_rc 0 "a decision tracked as an item"
run --db "$N" minutes
sect4=$(sed -n '/^## 四、/,$p' <<<"$out")
grep -qF "今天新增的事项" <<<"$sect4" && fail "an item added at the meeting is listed as silent" || pass
grep -qF "会上新定的任务" <<<"$sect4" && fail "a decision's item is listed as silent" || pass
run --db "$N" meeting end
export DUBAN_TODAY=2021-11-25 DUBAN_NOW=2021-11-25T08:00:00Z
run --db "$N" meeting start 下一次推进会
run --db "$N" --format csv minutes
expect_out "no_progress,县发改局,1.4,今天新增的事项,,,,,,未启动,2021-11-30,,,,,,,,,31" \
  "at the next meeting it is silent since the day it was added (31 days, not 147)"
unset DUBAN_NOW
finish
