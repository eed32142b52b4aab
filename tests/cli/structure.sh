# Editing the plan's structure: add, rename, body, move, renumber, cancel,
# restore, delete, milestones, note --delete, plans; undo/redo of each;
# bad input changes nothing.
. "$(dirname "$0")/lib.sh"
export DUBAN_NOW=2021-10-01T09:00:00Z
"$DUBAN" --db "$DB" list >/dev/null 2>&1

# add
run --db "$DB" add 5 数字乡村试点 --unit 农业农村局 --due 2021-11-30
expect_rc 0 "add an item"
expect_out "5.4 added: 数字乡村试点" "the new item takes the next number"
run --db "$DB" list
grep -qE '^5\.4 +\[ \] 未启动  2021-11-30  农业农村局' <<<"$out" && pass || fail "list shows it: $out"
run --db "$DB" add --area 招才引智
expect_out "13 added: 招才引智" "add an area"
run --db "$DB" add 5.4 子项一
expect_out "5.4.1 added: 子项一" "add a sub-item"
run --db "$DB" add 5 插在后面 --after 5.1
expect_out "5.5 added" "--after numbers next"
run --db "$DB" list
grep -A1 '^5\.1 ' <<<"$out" | grep -q '^5\.5 ' && pass || fail "--after places it after 5.1: $out"
run --db "$DB" undo
expect_out "undone: 5.5 added" "undo an addition"
run --db "$DB" show 5.5
expect_rc 3 "the undone item is gone"

# bad input: one line, non-zero, nothing changed
sum=$(db_sum "$DB")
run --db "$DB" add 99 标题
expect_rc 3 "unknown area"
expect_one_line_err "unknown area"
run --db "$DB" add 5 ""
expect_rc 2 "empty title"
expect_err "a title must not be empty" "empty title says so"
run --db "$DB" add 5 $'\xff\xfe'
expect_rc 2 "invalid UTF-8"
run --db "$DB" add 5 "$(printf '字%.0s' $(seq 501))"
expect_rc 2 "title over 500 characters"
expect_err "at most 500" "long title says so"
run --db "$DB" add 5 好标题 --due 2021-13-45
expect_rc 2 "bad due date"
run --db "$DB" move 5 5.4
expect_rc 2 "an area into itself"
expect_err "into itself" "says into itself"
run --db "$DB" milestone 5.1 date 2 2021-13-45
expect_rc 2 "bad milestone date"
expect_one_line_err "bad milestone date"
run --db "$DB" rename 5.1 ""
expect_rc 2 "empty rename"
[ "$(db_sum "$DB")" = "$sum" ] && pass || fail "bad input changed the database"

# an area shows its items' numbers, not a status it does not have
run --db "$DB" show 5
expect_out "items: 4 (done 0, overdue 1, at risk 0)" "show AREA counts its items (5.4 added above)"
expect_no_out "status:" "and has no status line"

# rename, body
run --db "$DB" rename 5.2 强化大项目引领作用
expect_out "5.2 title: 强化大项目引领 → 强化大项目引领作用" "rename"
run --db "$DB" body 5.2 --text "新的正文"
expect_out "5.2 body changed" "body --text"
run --db "$DB" show 5.2
expect_out "新的正文" "show has the new body"
# paragraphs stay paragraphs (they were joined with spaces); a control
# character in a line is still shown, not sent
run --db "$DB" body 5.3 --text $'第一段\n\n第二段\x1b[2J'
run --db "$DB" show 5.3
body=$(sed -n '/^第一段/,/^milestones:/p' <<<"$out")
[ "$(sed -n 1p <<<"$body")" = "第一段" ] && [ -z "$(sed -n 2p <<<"$body")" ] &&
  [ "$(sed -n 3p <<<"$body")" = "第二段^[[2J" ] && pass || fail "show joined or changed the paragraphs: $body"
cat >"$T/ed-fail" <<'EOS'
#!/bin/sh
echo changed >"$1"
exit 1
EOS
cat >"$T/ed-same" <<'EOS'
#!/bin/sh
exit 0
EOS
cat >"$T/ed-ok" <<'EOS'
#!/bin/sh
printf '编辑器写的正文\n' >"$1"
EOS
chmod +x "$T/ed-fail" "$T/ed-same" "$T/ed-ok"
sum=$(db_sum "$DB")
VISUAL="$T/ed-fail" run --db "$DB" body 5.2
expect_rc 2 "an editor failing changes nothing"
expect_one_line_err "editor failing"
VISUAL="" EDITOR="$T/ed-same" run --db "$DB" body 5.2
expect_rc 2 "an unchanged body changes nothing"
expect_err "unchanged" "says unchanged"
[ "$(db_sum "$DB")" = "$sum" ] && pass || fail "the editor's failure changed the database"
VISUAL="$T/ed-ok" run --db "$DB" body 5.2
expect_rc 0 "editor"
run --db "$DB" show 5.2
expect_out "编辑器写的正文" "the editor's body is kept"
run --db "$DB" undo
expect_out "undone: 5.2 body changed" "undo body"

# move: the old ref leads to the item
run --db "$DB" move 5.3 6
expect_out "5.3 moved to 6.4 (5.3 still leads to it)" "move"
run --db "$DB" show 5.3
expect_rc 0 "show an old ref"
expect_err "5.3 has moved: it is now 6.4" "show says where it went"
expect_out "6.4 培育消费新业态" "show shows the item"
run --db "$DB" set 5.3 done
expect_rc 3 "edits by an old ref are refused"
expect_err "it moved, it is now 6.4" "naming the new ref"
run --db "$DB" add 5 又一项
expect_out "5.6 added" "a moved-away number is not given again"
run --db "$DB" undo
run --db "$DB" undo
expect_out "undone: 5.3 moved" "undo a move (the ref it has again)"
run --db "$DB" show 5.3
expect_out "5.3 培育消费新业态" "back at 5.3"
run --db "$DB" redo
expect_out "redone: 6.4 moved" "redo a move (the ref it has now)"
run --db "$DB" show 6.4
expect_out "edit place: 5.3 → 6.4" "history shows where it moved, as refs"

# up and down: the place changes, the number stays
run --db "$DB" move 5.2 up
expect_out "5.2 moved up (its number stays)" "move up"
run --db "$DB" list
grep -A1 '^5 ' <<<"$out" | tail -1 | grep -q '^5\.2 ' && pass || fail "5.2 is first in area 5: $out"
run --db "$DB" move 5.2 up
expect_rc 8 "already first"
run --db "$DB" undo
expect_rc 0 "undo a move up"
run --db "$DB" list
grep -A1 '^5 ' <<<"$out" | tail -1 | grep -q '^5\.1 ' && pass || fail "5.1 is first again: $out"

# renumber
run --db "$DB" renumber 5
expect_rc 0 "renumber"
run --db "$DB" list
grep -qE '^5\.3 +\[ \] 未启动  2021-11-30  农业农村局' <<<"$out" && pass || fail "5.4 became 5.3: $out"
expect_out "5.3.1" "its sub-item followed"
run --db "$DB" undo
expect_out "undone: 5: order of its items changed" "undo renumber"

# cancel / restore
run --db "$DB" overdue --today 2021-10-01
expect_out "5.1" "5.1 is overdue (its milestone)"
run --db "$DB" cancel 5.1 --reason 并入5.2
expect_out "5.1 cancelled (已取消) (note: 并入5.2)" "cancel"
run --db "$DB" list
grep -qE '^5\.1 +\[-\] 已取消' <<<"$out" && pass || fail "list marks it: $out"
run --db "$DB" overdue --today 2021-10-01
expect_no_out "5.1" "a cancelled item is not overdue"
run --db "$DB" report --today 2021-10-01 --format csv
expect_rc 0 "report"
run --db "$DB" show 5.1 --format json
expect_out '"cancelled": true' "show --format json says cancelled"
run --db "$DB" show 5.1
expect_out "light:  — (已取消 cancelled)" "a cancelled item shows no light"
run --db "$DB" cancel 5.1
expect_rc 2 "cancel needs a reason"
run --db "$DB" restore 5.1
expect_out "5.1 restored" "restore"
run --db "$DB" overdue --today 2021-10-01
expect_out "5.1" "overdue again"

# delete: only without history
run --db "$DB" delete 5.1
expect_rc 2 "an item with history is not deleted"
expect_err "cancel it instead" "suggests cancelling"
run --db "$DB" delete 12.4
expect_out "12.4 deleted" "delete an item without history"
run --db "$DB" show 12.4
expect_rc 3 "deleted item is gone"
run --db "$DB" undo
expect_out "undone: 12.4 deleted" "undo delete"

# milestones
run --db "$DB" milestone 5.1 list
expect_out "三季度" "list milestones"
run --db "$DB" milestone 5.1 done 2 --today 2021-10-01
expect_out "5.1 milestone 2 done" "milestone done"
run --db "$DB" overdue --today 2021-10-01
expect_no_out "5.1" "a done milestone is not overdue"
run --db "$DB" milestone 5.1 list
expect_out "done 2021-10-01" "list shows it done"
run --db "$DB" show 5.1 --format json
expect_out '"n": 2, "done": "2021-10-01"' "show --format json numbers milestones and says done"
run --db "$DB" milestone 5.1 reopen 2
expect_out "5.1 milestone 2 reopened" "reopen"
run --db "$DB" milestone 5.1 add 完成签约 2021-11-15
expect_out "5.1 milestone 3 added" "add a milestone"
run --db "$DB" milestone 5.1 date 3 2021-11-20
expect_out "5.1 milestone 3 due: 2021-11-15 → 2021-11-20" "re-date"
run --db "$DB" milestone 5.1 delete 2
expect_out "5.1 milestone 2 deleted" "delete a milestone"
run --db "$DB" overdue --today 2021-10-01
expect_no_out "5.1" "a deleted milestone is not overdue"
run --db "$DB" milestone 5.1 done 9
expect_rc 3 "unknown milestone"
run --db "$DB" undo
expect_out "undone: 5.1 milestone 2 deleted" "undo milestone delete"

# note --delete
run --db "$DB" note 5.2 写错了的进展
run --db "$DB" note 5.2 --delete 1
expect_out "5.2 note 1 deleted" "delete a note"
run --db "$DB" show 5.2
notes=$(sed -n '/^notes:/,/^history:/p' <<<"$out")
grep -qF 写错了的进展 <<<"$notes" && fail "deleted note still listed" || pass
expect_out "edit note: — → 写错了的进展" "kept in the history"
run --db "$DB" note 5.2 --delete 7
expect_rc 3 "no such note"

# the meeting's changes list additions and cancellations
run --db "$DB" meeting start 推进会
run --db "$DB" add 6 会上新增
run --db "$DB" cancel 6.1 --reason 已取消
run --db "$DB" milestone 5.1 done 1
run --db "$DB" changes
expect_out "会上新增" "changes list the added item"
expect_out "cancelled" "changes list the cancellation"
expect_out "ms_done" "changes list a milestone done"
run --db "$DB" minutes
expect_out "| 新增事项 " "the minutes list the addition"
expect_out "| 节点完成：年内 " "the minutes name the milestone done"
# an item added and cancelled in one meeting is said so (it read 新增事项,
# with the cancel's reason as the addition's note); a move says from where
# (it read "— → 6.4")
run --db "$DB" add 1 误加的事项
ref=$(sed -n 's/^\([0-9.]*\) added: .*/\1/p' <<<"$out")
[ -n "$ref" ] && pass || fail "add did not say the new ref: $out"
run --db "$DB" cancel "$ref" --reason 重复录入
run --db "$DB" move 5.1 7
run --db "$DB" changes
expect_out "$ref  added_cancelled" "an item added then cancelled is neither only added nor cancelled"
grep -q "^$ref .*added_cancelled.*误加的事项.*重复录入" <<<"$out" && pass || fail "with its title and reason: $out"
grep -q "moved  *5\.1  *7\." <<<"$out" && pass || fail "a move says the ref it had: $out"
run --db "$DB" minutes
expect_out "| 新增后取消 " "the minutes say 新增后取消"

# plans
run --db "$DB" plans delete 1 --yes
expect_rc 2 "no delete while a meeting is open"
expect_err "meeting open" "says why"
run --db "$DB" meeting end
run --db "$DB" import "$DUBAN_SRC/data/haiyan-2021-h2.plan" --year 2021
run --db "$DB" plans default 1
expect_out "plan 1 is the default plan" "choose the default"
run --db "$DB" show 5.4
expect_rc 0 "commands use the default plan, not the newest"
run --db "$DB" plans
expect_out "(默认 default)" "plans marks the default"
run --db "$DB" plans rename 1 海盐县下半年工作
expect_out "plan 1 title:" "rename a plan"
run --db "$DB" undo
expect_out "undone: plan title: " "undo a plan rename"
run --db "$DB" redo
expect_out "redone: plan title: " "redo a plan rename"
run --db "$DB" plans period 1 2021-07-01..2021-13-45
expect_rc 2 "bad period"
run --db "$DB" plans period 1 2021-07-01..2022-06-30
expect_out "2021-07-01..2022-06-30" "period"
run --db "$DB" plans delete 2
expect_rc 2 "delete needs --yes"
run --db "$DB" plans delete 2 --yes
expect_out "plan 2 deleted" "delete a plan"
run --db "$DB" plans
expect_no_out "2021-07-01  2021-12-31" "only plan 1 is left"
run --db "$DB" plans delete 9 --yes
expect_rc 3 "unknown plan"

# plans counts what the outline counts: no cancelled or removed items, no
# items of a cancelled area
P="$T/plans.db"
plan_counts() { run --db "$P" --format csv plans; out=$(tail -n 1 <<<"$out" | cut -d, -f6,7); }
plan_counts; [ "$out" = "12,38" ] && pass || fail "plans counts the built-in plan: $out"
run --db "$P" cancel 5.1 --reason 并入5.2
plan_counts; [ "$out" = "12,37" ] && pass || fail "a cancelled item leaves the count: $out"
run --db "$P" add 5 新加一项; run --db "$P" delete 5.4; expect_rc 0 "delete an added item"
plan_counts; [ "$out" = "12,37" ] && pass || fail "a deleted item is not counted: $out"
run --db "$P" cancel 6 --reason 整体调整
plan_counts; [ "$out" = "11,34" ] && pass || fail "a cancelled area and its items leave the count: $out"
run --db "$P" restore 5.1
plan_counts; [ "$out" = "11,35" ] && pass || fail "a restored item counts again: $out"

# an item whose sub-item was added and undone moves with it: too deep under an item
S="$T/sub.db"
run --db "$S" list
run --db "$S" add 1.1 "子项"; expect_rc 0 "add a sub-item"
run --db "$S" undo; expect_rc 0 "undo it"
run --db "$S" move 1.1 1.2; expect_rc 2 "a move that would put the removed sub-item four levels deep"
expect_err "nest at most three levels" "is refused with the rule, not a database error"

finish
