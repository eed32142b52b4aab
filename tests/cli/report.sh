# duban report by area, unit and leader in md, csv and json against golden
# files, after a scripted meeting (tests/golden/meeting-scenario.bash).
. "$(dirname "$0")/lib.sh"
. "$DUBAN_SRC/tests/golden/meeting-scenario.bash"

golden report-area.md report --format md
golden report-area.csv report --by area --format csv
golden report-area.json report --by area --format json
golden report-unit.md report --by unit --format md
golden report-leader.json report --by leader --format json
golden report-unit.txt report --by unit
golden changes.txt changes --meeting 2

run --db "$DB" report --by area --format json
printf '%s' "$out" >"$T/r.json"
[ "$(sqlite3 :memory: "select sum(json_extract(value, '\$.items')) from json_each(readfile('$T/r.json'))")" = 38 ] \
  && pass || fail "38 items in the area report"
[ "$(sqlite3 :memory: "select sum(json_extract(value, '\$.red')) from json_each(readfile('$T/r.json'))")" = 4 ] \
  && pass || fail "4 red lights (6.1, 9.1 and 9.2 late, 11.2 blocked)"
run --db "$DB" report --by department
expect_rc 2 "unknown --by"
expect_one_line_err "unknown --by"
run --db "$DB" report --format html
expect_rc 0 "report --format html is the printable 通报"
expect_out "@page { size: A4" "an A4 page"
run --db "$DB" overdue --format html
expect_rc 2 "html is only for minutes and the report"
finish
