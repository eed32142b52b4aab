# meeting start/end/list/current, changes, extend, progress: output, errors
# (one line on stderr, documented exit status, nothing changed), undo.
. "$(dirname "$0")/lib.sh"
export DUBAN_NOW=2021-10-01T09:00:00Z
"$DUBAN" --db "$DB" list >/dev/null 2>&1

run --db "$DB" meeting current
expect_rc 0 "current with none open"
expect_out "no meeting is open" "says so"
run --db "$DB" changes
expect_rc 3 "changes before any meeting"
expect_one_line_err "changes before any meeting"
run --db "$DB" meeting end
expect_rc 2 "end with none open"
expect_err "no meeting is open" "end names the problem"

run --db "$DB" meeting start "第三次推进会" --date 2021-09-30
expect_rc 0 "start"
expect_out "meeting 1 started: 第三次推进会 (2021-09-30)" "start prints the meeting"
sum=$(db_sum "$DB")
run --db "$DB" meeting start "另一个会"
expect_rc 2 "a second open meeting is refused"
expect_err "第三次推进会" "the refusal names the open meeting"
expect_one_line_err "second start"
run --db "$DB" meeting start ""
expect_rc 2 "empty title"
run --db "$DB" meeting start 会 --date 2021-02-30
expect_rc 2 "bad date"
run --db "$DB" meeting list --date 2021-10-01
expect_rc 2 "--date only with start"
run --db "$DB" meeting frobnicate
expect_rc 2 "unknown meeting subcommand"
[ "$(db_sum "$DB")" = "$sum" ] && pass || fail "refused commands changed the database"

# extensions
run --db "$DB" extend 10.2 2021-12-31
expect_rc 2 "extend needs a reason"
expect_one_line_err "extend without reason"
run --db "$DB" extend 10 2021-12-31 --reason x
expect_rc 2 "an area cannot be extended"
run --db "$DB" extend 10.2 2021-13-01 --reason x
expect_rc 2 "bad extension date"
run --db "$DB" extend 99.9 2021-12-31 --reason x
expect_rc 3 "unknown ref"
[ "$(db_sum "$DB")" = "$sum" ] && pass || fail "failed extends changed the database"
run --db "$DB" extend 10.2 2021-12-31 --reason "设备到货推迟"
expect_rc 0 "extend"
expect_out "10.2 extension: — → 2021-12-31 (original due 2021-10-31; reason: 设备到货推迟)" "extend prints both dates"
run --db "$DB" show 10.2
expect_out "due:    2021-10-31" "show keeps the original due"
expect_out "extended: 2021-12-31 (延期, original due 2021-10-31; 设备到货推迟)" "show gives the extension"
DUBAN_TODAY=2021-11-05 run --db "$DB" overdue
expect_no_out "10.2" "not overdue against the approved date"
DUBAN_TODAY=2022-01-03 run --db "$DB" overdue --format csv
expect_out "10.2,2021-12-31,3," "late against the approved date"
run --db "$DB" show 10.2 --format json
expect_out '"extended_due": "2021-12-31"' "json has the extension"

# targets
run --db "$DB" show 8.2
expect_out "target: 新时代美丽乡村 —/17个" "targets found at import"
run --db "$DB" progress 8.2 美丽 9
expect_rc 2 "an ambiguous label"
expect_err "省级美丽城镇" "the error names the labels"
run --db "$DB" progress 8.2 高速 9
expect_rc 3 "an unknown label"
run --db "$DB" progress 8.2 美丽乡村 nine
expect_rc 2 "not a number"
run --db "$DB" progress 8.2 美丽乡村 9
expect_rc 0 "progress"
expect_out "8.2 新时代美丽乡村: — → 9/17个" "progress prints value and goal"
run --db "$DB" show 8.2
expect_out "target: 新时代美丽乡村 9/17个" "show gives 9/17"
run --db "$DB" set 3.2 done
run --db "$DB" undo
run --db "$DB" note 7.2 "核能供暖管网已铺设"

run --db "$DB" changes
expect_rc 0 "changes of the open meeting"
expect_out "10.2  extension" "the extension is a change"
expect_out "target.2 新时代美丽乡村" "the target is a change"
expect_no_out "3.2" "undone in the meeting: no change"
run --db "$DB" changes --format json
printf '%s' "$out" >"$T/c.json"
[ "$(sqlite3 :memory: "select json_array_length(readfile('$T/c.json'))")" = 3 ] && pass \
  || fail "three net changes"
run --db "$DB" meeting current
expect_out "meeting 1 open: 第三次推进会 (2021-09-30), started 2021-10-01 09:00, 3 changes so far" "current"
run --db "$DB" meeting end
expect_out "meeting 1 ended: 第三次推进会 (2021-09-30), 3 changes" "end"

# after the meeting: undo still works, and belongs to no meeting
run --db "$DB" undo
expect_out "undone: 7.2 note" "undo after the meeting"
run --db "$DB" changes --since-last
expect_rc 0 "since-last"
[ "$(wc -l <<<"$out")" -eq 1 ] && pass || fail "an undone note of the last meeting is no new change"
run --db "$DB" progress 10.1 失业率 1.8
run --db "$DB" changes --since-last --format csv
expect_out "10.1,target.1,城镇登记失业率,,1.8," "since-last sees edits after the meeting"
run --db "$DB" changes --meeting 1 --since-last
expect_rc 2 "--meeting and --since-last together"
run --db "$DB" changes --meeting 9
expect_rc 3 "unknown meeting"
run --db "$DB" meeting list --format csv
expect_out "1,2021-09-30,第三次推进会,2021-10-01T09:00:00Z,2021-10-01T09:00:00Z,3" "a meeting keeps the changes it had when it ended"
run --db "$DB" list --format html
expect_rc 2 "html only for minutes"
expect_one_line_err "html for list"
for c in meeting changes minutes report extend progress; do
  run --db "$DB" "$c" --help
  expect_rc 0 "$c --help"
  expect_out "Exit status" "$c --help documents exit statuses"
done

# reports between meetings are listed when the next meeting starts
"$DUBAN" --db "$DB" meeting current | grep -q 'no meeting is open' || fail "a meeting is open"
"$DUBAN" --db "$DB" set 2.1 behind >/dev/null || fail "set between meetings"
"$DUBAN" --db "$DB" note 2.2 "设备已到货" >/dev/null || fail "note between meetings"
run --db "$DB" meeting start 第四次推进会
expect_rc 0 "start after reports"
expect_out "3 changes since the last meeting:" "counted (with the progress of 10.1 made after the meeting)"
expect_out "  2.1 状态: 未启动 -> 滞后" "the status report listed"
expect_out "  2.2 进展: 设备已到货" "the note listed"
"$DUBAN" --db "$DB" meeting end >/dev/null || fail "end"
run --db "$DB" meeting start 第五次推进会
expect_out "0 changes since the last meeting" "none since the last one"
# A first meeting after a long history: the start lists the first 100
# changes and says how many there are and where to read them all.
: "${DUBAN_GEN:?DUBAN_GEN must name duban-gen}"
"$DUBAN_GEN" --db "$T/long.db" --items 60 --history 400 --now 2021-10-01T09:00:00Z >/dev/null \
  || fail "duban-gen"
all=$("$DUBAN" --db "$T/long.db" changes --since-last --format csv | tail -n +2 | wc -l)
[ "$all" -gt 100 ] && pass || fail "the generated history has only $all changes"
run --db "$T/long.db" meeting start 首次调度会
expect_rc 0 "start after a long history"
expect_out "$all changes since the last meeting; the first 100 (duban changes --since-last lists them all):" \
  "says how many and where"
[ "$(grep -c '^  ' <<<"$out")" = 100 ] && pass || fail "lists $(grep -c '^  ' <<<"$out") changes, not 100"
# Times: local in text and Markdown (as the minutes and history print
# them), the stored UTC form in CSV and JSON.
out=$(TZ=Asia/Shanghai "$DUBAN" --db "$DB" meeting list 2>/dev/null)
grep -q "2021-10-01 17:00" <<<"$out" && pass || fail "meeting list is not in local time: $out"
grep -q "T09:00:00Z" <<<"$out" && fail "meeting list shows UTC in text: $out" || pass
out=$(TZ=Asia/Shanghai "$DUBAN" --db "$DB" --format csv meeting list 2>/dev/null)
grep -q "2021-10-01T09:00:00Z" <<<"$out" && pass || fail "CSV lost the stored time: $out"
finish
