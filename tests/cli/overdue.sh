# overdue with a fixed today, in every format.
. "$(dirname "$0")/lib.sh"
"$DUBAN" --db "$DB" list >/dev/null 2>&1

run --db "$DB" overdue --today 2021-10-01
expect_rc 0 "overdue"
[ "$(grep -c '^5\.1 ' <<<"$out")" -eq 1 ] && pass || fail "exactly the 5.1 milestone"
[ "$(wc -l <<<"$out")" -eq 2 ] && pass || fail "one row only"
expect_out "三季度" "deadline word"
expect_out "确保开元森泊、洲际英迪格等高端酒店项目三季度开工" "milestone phrase"
expect_out "2021-09-30" "due"
run --db "$DB" overdue --today 2021-09-30
[ "$(wc -l <<<"$out")" -eq 1 ] && pass || fail "not late on the due day"
DUBAN_TODAY=2021-11-05 run --db "$DB" overdue --format csv
expect_out "10.2,2021-10-31,5," "DUBAN_TODAY and days late for 10.2"
expect_out "5.1,2021-09-30,36," "most overdue first"
[ "$(sed -n 2p <<<"$out" | cut -d, -f1)" = 5.1 ] && pass || fail "5.1 first"
run --db "$DB" overdue --today 2022-01-05 --format json
printf '%s' "$out" >"$T/o.json"
[ "$(sqlite3 :memory: "select json_array_length(readfile('$T/o.json'))")" = 38 ] && pass \
  || fail "after the period every item is overdue"
"$DUBAN" --db "$DB" set 5.1 done >/dev/null
run --db "$DB" overdue --today 2021-10-01
expect_no_out "5.1" "done items are not overdue"
run --db "$DB" overdue --today 2021-13-45
expect_rc 2 "bad --today"
DUBAN_TODAY=garbage run --db "$DB" overdue
expect_rc 2 "bad DUBAN_TODAY"
expect_err "DUBAN_TODAY" "names the variable"
finish
