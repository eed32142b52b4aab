# list, show, formats, help and version on the built-in plan.
. "$(dirname "$0")/lib.sh"

run --db "$DB" list
expect_rc 0 "list on a new database"
expect_err "created $DB with the built-in plan" "first run says where"
[ "$(grep -cE '^[0-9]+ ' <<<"$out")" -eq 12 ] && pass || fail "12 areas: $(grep -cE '^[0-9]+ ' <<<"$out")"
[ "$(grep -cE '^[0-9]+\.[0-9]+ ' <<<"$out")" -eq 38 ] && pass || fail "38 items"
expect_out "持之以恒抓招商" "area 1 title"
expect_out "从严治党强党建" "area 12 title"
expect_out "12.4" "last ref"
expect_out "[ ] 未启动" "status glyph and name"
expect_out "2021-12-31" "due dates"

run --db "$DB" list --format csv
expect_out "ref,kind,status,status_name,due,unit,leader,title" "csv header"
expect_out "10.2,item,not_started,未启动,2021-10-31" "csv row for 10.2"
[ "$(wc -l <<<"$out")" -eq 51 ] && pass || fail "csv has header + 50 rows"

run --db "$DB" --format json list
printf '%s' "$out" >"$T/list.json"
[ "$(sqlite3 :memory: "select json_array_length(readfile('$T/list.json'))")" = 50 ] && pass \
  || fail "json is an array of 50 objects"
[ "$(sqlite3 :memory: "select json_extract(readfile('$T/list.json'), '\$[1].ref')")" = 1.1 ] \
  && pass || fail "json ref"

run --db "$DB" list --format md
expect_out "| REF " "markdown header"
expect_out "| ---" "markdown separator"

run --db "$DB" show 10.2
expect_rc 0 "show"
expect_out "10.2 " "show ref"
expect_out "新妇保院10月投入使用" "show body"
expect_out "2021-10-31  10月" "show milestone with date and word"
expect_out "status: [ ] 未启动" "show status"
run --db "$DB" show 5.1 --format json
printf '%s' "$out" >"$T/show.json"
[ "$(sqlite3 :memory: "select json_array_length(readfile('$T/show.json'), '\$.milestones')")" = 2 ] \
  && pass || fail "5.1 has two milestones in json"

run --help
expect_rc 0 "--help"
expect_out "usage: duban" "--help usage"
for c in list show set due unit leader note undo redo overdue import plans; do
  expect_out "  $c " "--help names $c"
done
run set --help
expect_out "usage: duban set REF STATUS [--note TEXT]" "set --help"
run --version
expect_out "duban 0." "--version"
run --db "$DB" frobnicate
expect_rc 2 "unknown command"
expect_one_line_err "unknown command"
run --db "$DB" list --bogus
expect_rc 2 "unknown option"
run --db "$DB" list --format xml
expect_rc 2 "unknown format"
expect_err "xml" "names the format"

# data in messages reaches the terminal sanitised, on stderr too
run --db "$DB" show "$(printf '1\033]0;pwned\007')"
expect_rc 3 "unknown ref with an escape sequence"
expect_err "^[]0;pwned^G" "the escape is shown as text"
grep -q "$(printf '\033')" "$T/stderr" && fail "raw ESC on stderr" || pass

run --db "$DB" search 妇保院
expect_out "10.2" "search finds 10.2"
run --db "$DB" plans
expect_out "海盐县2021年下半年重点工作" "plans lists the built-in plan"
finish

# A long title (480 characters, 1,440 bytes) is listed whole, not cut at a
# buffer's end (the text listing indents it in a copy).
long=$(printf '长%.0s' $(seq 480))
run --db "$DB" rename 10.2 "$long"
expect_rc 0 "rename to a 480-character title"
run --db "$DB" list
grep -qF "  $long" <<<"$out" && pass || fail "list shows the whole long title, indented"
run --db "$DB" list --format md
grep -qF "|   $long |" <<<"$out" && pass || fail "markdown shows the whole long title"
# an item's title is indented with no-break spaces, which a Markdown
# renderer keeps (it drops a cell's leading spaces)
grep -q "^| 1\.1 .*| "$'\u00a0\u00a0'"造浓招商氛围 " <<<"$out" && pass ||
  fail "markdown does not indent 1.1 with no-break spaces: $(grep '^| 1\.1 ' <<<"$out")"
