# duban decide TEXT [--unit U] [--due DATE] [--item REF]: decisions of the
# open meeting, listed in its minutes (md, csv) and frozen with them.  With
# a unit and a due date a decision becomes a tracked item: a sub-item of
# --item, else an item of the area 会议议定事项 (added once, reused); undo
# right after takes the item and the decision away together.
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
expect_out "decision 1 recorded on 1.2; tracked as item 1.2.1" "says so, and names the item"
run --db "$DB" show 1.2.1
expect_out "县发改局" "the tracked item has the decision's unit"
expect_out "2021-11-30" "and its due date"
run --db "$DB" decide "加快审批"
expect_rc 0 "decide with text only"
expect_no_out "tracked" "no unit, no due: a decision only"
run --db "$DB" decide "限期完成审批" --unit 县商务局 --due 2021-09-20
expect_out "decision 3 recorded; tracked as item 13.1" "no item: the area 会议议定事项"
run --db "$DB" decide "第二项" --unit 县商务局 --due 2021-12-31
expect_out "tracked as item 13.2" "the area is reused"
run --db "$DB" list
expect_out "会议议定事项" "the area is in the plan"
run --db "$DB" --today 2021-10-01 overdue
expect_out "13.1" "a tracked decision is overdue like any item"
run --db "$DB" undo
expect_rc 0 "undo the last decision"
run --db "$DB" show 13.2
expect_rc 3 "undo took the item away"
run --db "$DB" minutes
expect_no_out "第二项" "and the decision with it"
run --db "$DB" redo
run --db "$DB" minutes
expect_out "| 第二项" "redo brings both back"
"$DUBAN" --db "$DB" undo >/dev/null || fail "undo again"
"$DUBAN" --db "$DB" undo >/dev/null || fail "undo 13.1"
"$DUBAN" --db "$DB" undo >/dev/null || fail "undo the area"
run --db "$DB" show 13
expect_rc 3 "the area's addition is undone on its own"
run --db "$DB" decide "重新记录" --unit 县商务局 --due 2021-12-31
expect_out "tracked as item 14.1" "a new area, numbered after the undone one"
"$DUBAN" --db "$DB" undo >/dev/null && "$DUBAN" --db "$DB" undo >/dev/null || fail "undo 14"
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
expect_out "|    1 | 由县发改局牵头制定招商专班方案 | 1.2  | 县发改局 | 2021-11-30 | 1.2.1    |" "with item, unit, due and the tracked item"
run --db "$DB" minutes --format csv
expect_out "decision,县发改局,1.2,由县发改局牵头制定招商专班方案,,,1.2.1," "csv decision rows (new = the tracked item)"
run --db "$DB" minutes --format json
expect_out '"new": "1.2.1"' "json names the tracked item"
run --db "$DB" meeting show
expect_rc 0 "meeting show: the open meeting's decisions"
expect_out "DECISION  TEXT" "a table of decisions"
expect_out "由县发改局牵头制定招商专班方案  1.2  县发改局  2021-11-30  1.2.1" "each with the item it became"
run --db "$DB" meeting show 1 --format csv
expect_out "1,由县发改局牵头制定招商专班方案,1.2,县发改局,2021-11-30,1.2.1," "in csv too"
run --db "$DB" meeting show 9
expect_rc 3 "meeting show of an unknown meeting"
expect_one_line_err "meeting show of an unknown meeting"
"$DUBAN" --db "$DB" meeting end >/dev/null || fail "end"
run --db "$DB" decide "会后补记"
expect_rc 2 "no decision after the meeting ended"
run --db "$DB" minutes 1
expect_out "加快审批" "frozen minutes keep the decisions"
# meeting withdraw N: a decision recorded by mistake is taken back, a
# tracked one with its item (undo brings both back); decide and withdraw
# number decisions as meeting show does, per meeting.
"$DUBAN" --db "$DB" meeting start 第二次推进会 >/dev/null || fail "start a second meeting"
run --db "$DB" decide "误记的决定"
expect_out "decision 1 recorded" "numbered in its own meeting"
run --db "$DB" decide "要撤回的督办" --unit 县商务局 --due 2021-12-31
expect_out "decision 2 recorded; tracked as item" "a tracked decision"
ref=$(sed -n 's/.*tracked as item //p' <<<"$out")
run --db "$DB" meeting withdraw 1
expect_rc 0 "withdraw a plain decision"
expect_out "decision 1 taken back: 误记的决定" "says which"
run --db "$DB" meeting show --format csv
expect_no_out "误记的决定" "it is gone"
expect_out "1,要撤回的督办" "the next is decision 1 now"
run --db "$DB" meeting withdraw 1
expect_out "decision 1 taken back: 要撤回的督办; item removed: $ref" "a tracked one goes with its item"
run --db "$DB" show "$ref"
expect_rc 3 "the item is removed"
run --db "$DB" undo
expect_rc 0 "undo the withdrawal"
run --db "$DB" meeting show
expect_out "要撤回的督办" "undo brings the decision back"
run --db "$DB" note "$ref" 已部署
sum=$(db_sum "$DB")
run --db "$DB" meeting withdraw 1
expect_rc 2 "an item with a note is not taken away"
expect_err "cancel" "suggests cancelling"
for bad in 5 0 x ""; do
  run --db "$DB" meeting withdraw "$bad"
  expect_rc 3 "withdraw '$bad'"
  expect_one_line_err "withdraw '$bad'"
done
[ "$(db_sum "$DB")" = "$sum" ] && pass || fail "refused withdrawals changed the database"
"$DUBAN" --db "$DB" meeting end >/dev/null || fail "end the second meeting"
run --db "$DB" meeting withdraw 1
expect_rc 2 "no meeting open"
expect_err "no meeting is open" "says why"
finish
