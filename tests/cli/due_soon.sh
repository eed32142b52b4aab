# duban due-soon [--days N]: items and milestones due in the next N days
# (today included), nearest first; done items left out; an extension
# replaces the item's date; filters; bad --days refused.
. "$(dirname "$0")/lib.sh"
export DUBAN_TODAY=2021-09-20
"$DUBAN" --db "$DB" list >/dev/null 2>&1
q() { "$DUBAN" --db "$DB" "$@" >/dev/null 2>&1 || fail "setup: $*"; }
q due 3.1 2021-09-25
q extend 3.2 2021-09-22 --reason 调整
q due 3.3 2021-09-21
q set 3.3 done
q due 4.1 2021-09-20
q unit 3.1 县发改局

run --db "$DB" due-soon --format csv
expect_rc 0 "due-soon"
order=$(sed '1d' <<<"$out" | cut -d, -f1 | tr '\n' ' ')
[ "$order" = "4.1 3.2 3.1 5.1 " ] && pass || fail "nearest first: got '$order'"$'\n'"$out"
expect_out "4.1,2021-09-20,0," "due today counts, 0 days left"
expect_out "3.2,2021-09-22,2," "the extension is the date"
expect_no_out "3.3," "a done item is left out"
expect_out "5.1,2021-09-30,10,未启动,,做强服务业主平台,三季度," "a milestone with its word"
run --db "$DB" due-soon --days 5 --format csv
expect_no_out "5.1," "--days 5 leaves 09-30 out"
expect_out "3.1," "--days 5 keeps 09-25"
run --db "$DB" due-soon
expect_out "2021-09-22 延" "text marks an extended date"
run --db "$DB" due-soon --unit 县发改局 --format csv
[ "$(sed '1d' <<<"$out" | wc -l)" -eq 1 ] && pass || fail "filter keeps 3.1 only: $out"
for bad in x -1 ""; do
  run --db "$DB" due-soon --days "$bad"
  expect_rc 2 "--days '$bad'"
  expect_one_line_err "--days '$bad'"
done
run --db "$DB" list --days 3
expect_rc 2 "list does not take --days"
# A cancelled item and a milestone marked done are not coming due.
q cancel 4.1 --reason 合并
q milestone 5.1 done 2
run --db "$DB" due-soon --format csv
expect_rc 0 "due-soon after cancel and milestone done"
expect_no_out "4.1," "a cancelled item is left out"
expect_no_out "5.1," "a milestone marked done is left out"
# A milestone on its item's own due date: the item is listed that day,
# once, not again for the milestone.
q milestone 3.1 add 完成签约 2021-09-25
q milestone 3.1 add 完成选址 2021-09-23
run --db "$DB" due-soon --format csv
[ "$(grep -c '^3\.1,2021-09-25,' <<<"$out")" = 1 ] && pass \
  || fail "3.1 and its milestone of the same day are listed twice: $out"
grep -q '^3\.1,2021-09-23,3,.*,完成选址,' <<<"$out" && pass \
  || fail "a milestone before its item's day is still listed: $out"
finish
