# set, due, unit, leader, note, undo, redo, history; errors change nothing.
. "$(dirname "$0")/lib.sh"
export DUBAN_NOW=2021-10-01T09:00:00Z
"$DUBAN" --db "$DB" list >/dev/null 2>&1

run --db "$DB" set 5.1 done --note "开元森泊已开工"
expect_rc 0 "set by key"
expect_out "5.1 status: 未启动 → 已完成 (note: 开元森泊已开工)" "set prints the change"
run --db "$DB" show 5.1
expect_out "status: [x] 已完成" "show sees done"
expect_out "2021-10-01 09:00  开元森泊已开工" "the note is a progress note (local time)"
expect_out "edit status: 未启动 → 已完成  (开元森泊已开工)" "history row with old, new, note"
run --db "$DB" set 5.2 推进中
expect_out "5.2 status: 未启动 → 推进中" "set by Chinese name"
run --db "$DB" set 5.3 4
expect_out "5.3 status: 未启动 → 受阻" "set by number"
run --db "$DB" set 5.3 4
expect_out "already 受阻" "unchanged status"
run --db "$DB" due 5.2 2021-11-15
expect_out "5.2 due: 2021-12-31 → 2021-11-15" "due"
run --db "$DB" unit 5.2 县商务局
expect_out "5.2 unit: — → 县商务局" "unit"
run --db "$DB" leader 5.2 王副县长
expect_out "5.2 leader: — → 王副县长" "leader"
run --db "$DB" note 5.2 已完成初步设计
expect_out "5.2 note: 已完成初步设计" "note"

# undo / redo across processes
run --db "$DB" undo
expect_out "undone: 5.2 note: 已完成初步设计" "undo note"
run --db "$DB" undo
expect_out "undone: 5.2 leader: — → 王副县长" "undo leader"
run --db "$DB" show 5.2
expect_out "leader: —" "leader reverted"
notes=$(sed -n '/^notes:/,/^history:/p' <<<"$out")
grep -qF 已完成初步设计 <<<"$notes" && fail "note removed by undo: $notes" || pass
run --db "$DB" redo
expect_out "redone: 5.2 leader: — → 王副县长" "redo"
run --db "$DB" history
expect_out "redo" "history lists the redo"
expect_out "undo" "history lists the undo"

# errors: one line, non-zero, nothing changed
before=$(db_sum "$DB")
run --db "$DB" set 99.9 done
expect_rc 3 "unknown ref"; expect_one_line_err "unknown ref"; expect_err "99.9" "names the ref"
run --db "$DB" set 5.1 finished-ish
expect_rc 2 "unknown status"; expect_one_line_err "unknown status"; expect_err "已完成" "lists statuses"
run --db "$DB" due 5.1 2021-13-45
expect_rc 2 "bad date"; expect_one_line_err "bad date"; expect_err "2021-13-45" "names the date"
run --db "$DB" due 5.1 2021-02-29
expect_rc 2 "not a leap year"
run --db "$DB" set 5 done
expect_rc 2 "areas take no status"
run --db "$DB" note 5.1 "   "
expect_rc 2 "empty note"
run --db "$DB" set 5.1
expect_rc 2 "missing argument"
[ "$(db_sum "$DB")" = "$before" ] && pass || fail "errors changed the database"

# undo everything, then nothing to undo
for _ in 1 2 3 4 5 6 7 8; do "$DUBAN" --db "$DB" undo >/dev/null 2>&1; done
run --db "$DB" undo
expect_rc 8 "nothing to undo"
expect_err "nothing to undo" "says so"
run --db "$DB" show 5.1
expect_out "status: [ ] 未启动" "all undone"
# A target's value is a plain decimal number: not hexadecimal, not an
# exponent, not so large it prints as 1e+23 (all were taken).
for v in 0x10 1e5 .5 99999999999999999999999; do
  run --db "$DB" progress 8.2 美丽乡村 -- "$v"
  expect_rc 2 "progress value '$v'"
done
run --db "$DB" show 8.2
expect_no_out "新时代美丽乡村 16" "0x10 was not taken as 16"
run --db "$DB" progress 8.2 美丽乡村 -- -1.5
expect_rc 0 "a negative decimal is a value (a rate can fall)"
finish
