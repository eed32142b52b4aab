# duban decide TEXT [--unit U] [--due DATE] [--item REF]: decisions of the
# open meeting, listed in its minutes (md, csv) and frozen with them.
. "$(dirname "$0")/lib.sh"
export DUBAN_NOW=2021-10-01T09:00:00Z
"$DUBAN" --db "$DB" list >/dev/null 2>&1
run --db "$DB" decide "加快审批"
expect_rc 2 "no meeting open"
expect_one_line_err "no meeting open"
expect_err "no meeting is open" "says why"
"$DUBAN" --db "$DB" meeting start 第一次推进会 >/dev/null || fail "start"
run --db "$DB" decide "由县发改局牵头制定招商专班方案" --unit 县发改局 --due 2021-11-30 --item 1.2
expect_rc 0 "decide with unit, due and item"
expect_out "decision 1 recorded on 1.2" "says so"
run --db "$DB" decide "加快审批"
expect_rc 0 "decide with text only"
sum=$(db_sum "$DB")
run --db "$DB" decide "x" --item 99.9
expect_rc 3 "unknown item"
run --db "$DB" decide "x" --due 2021-02-30
expect_rc 2 "bad date"
expect_one_line_err "bad date"
run --db "$DB" decide "   "
expect_rc 2 "empty text"
[ "$(db_sum "$DB")" = "$sum" ] && pass || fail "refused decisions changed the database"
run --db "$DB" minutes
expect_out "### 议定事项（2 项）" "the minutes list the decisions"
expect_out "|    1 | 由县发改局牵头制定招商专班方案 | 1.2  | 县发改局 | 2021-11-30 |" "with item, unit and due"
run --db "$DB" minutes --format csv
expect_out "decision,县发改局,1.2,由县发改局牵头制定招商专班方案" "csv decision rows"
"$DUBAN" --db "$DB" meeting end >/dev/null || fail "end"
run --db "$DB" decide "会后补记"
expect_rc 2 "no decision after the meeting ended"
run --db "$DB" minutes 1
expect_out "加快审批" "frozen minutes keep the decisions"
finish
