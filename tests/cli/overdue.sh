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

# --by area|unit|leader: core's groups (query/group.h) after the scripted
# meetings of the golden files, on a day when several units are late.
DB="$T/scenario.db"
. "$DUBAN_SRC/tests/golden/meeting-scenario.bash"
scenario_step unit 6.2 县交通运输局
scenario_step due 6.2 2021-11-01
scenario_step leader 6.2 李副县长
scenario_step leader 3.1 王副县长
scenario_step unit 1.1 县发改局、县经信局 # one key: units are not split
scenario_step due 1.1 2021-10-15
golden overdue-unit.txt overdue --by unit --today 2021-11-20
golden overdue-leader.csv overdue --by leader --today 2021-11-20 --format csv
run --db "$DB" overdue --by area --today 2021-11-20 --format csv
[ "$(cut -d, -f1 <<<"$out" | sed 1d | uniq | tr '\n' ' ')" = "1 3 6 9 " ] && pass \
  || fail "areas in plan order: $out"
run --db "$DB" overdue --today 2021-11-20 --format csv
expect_no_out "group," "no group column without --by"
run --db "$DB" overdue --by department
expect_rc 2 "unknown --by"
expect_one_line_err "unknown --by"
finish
