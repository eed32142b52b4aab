# import other plans side by side; refusals leave the database unchanged.
. "$(dirname "$0")/lib.sh"
"$DUBAN" --db "$DB" list >/dev/null 2>&1

printf '%s\n' '2022年重点工作安排' '一、扎实推进经济发展' '（一）加快项目建设。全年新开工项目30个，6月底前完成年度投资计划的一半。' \
  '（二）优化营商环境。三季度完成改革任务。' '二、持续改善民生' '（一）办好民生实事。年底前全部完成。' >"$T/other.txt"
run --db "$DB" import "$T/other.txt" --year 2022
expect_rc 0 "import"
expect_out "2 areas, 3 items" "counts"
run --db "$DB" list
expect_out "扎实推进经济发展" "the new plan is the default"
expect_out "2.1 " "ref of the new plan"
run --db "$DB" plans
[ "$(grep -c '^ *[0-9]' <<<"$out")" -eq 2 ] && pass || fail "two plans"
run --db "$DB" --plan 1 list
expect_out "持之以恒抓招商" "--plan 1 chooses the seed"
run --db "$DB" --plan 海盐 show 5.1
expect_out "做强服务业主平台" "--plan by title"
run --db "$DB" show 1.1
expect_out "2022-06-30" "6月底前 with year 2022"

before=$(db_sum "$DB")
: >"$T/empty.txt"
run --db "$DB" import "$T/empty.txt"
expect_rc 4 "empty file"; expect_one_line_err "empty"; expect_err "empty.txt" "names the file"
printf '一、标题\n（一）正文\xff\xfe坏字节\n' >"$T/bad.txt"
run --db "$DB" import "$T/bad.txt"
expect_rc 4 "invalid UTF-8"; expect_err "bad.txt:2" "names file and line"
head -c 2000 /bin/ls >"$T/binary.txt"
run --db "$DB" import "$T/binary.txt"
expect_rc 4 "binary"; expect_one_line_err "binary"
printf '只是一段话，没有任何标题。\n又一段话。\n' >"$T/prose.txt"
run --db "$DB" import "$T/prose.txt"
expect_rc 4 "no areas"; expect_err "prose.txt" "names the file"
run --db "$DB" import "$T/does-not-exist.txt"
expect_rc 3 "a missing file is 'not found' (duban(1), EXIT STATUS)"
expect_err "does-not-exist.txt" "names the missing file"
for f in none.xlsx none.csv; do
  run --db "$DB" import "$T/$f"; expect_rc 3 "a missing $f"
done
# an import that fails into a database that was not there leaves none behind
run --db "$T/fresh.db" import "$T/does-not-exist.txt"
expect_rc 3 "a missing file into a new database"
[ ! -e "$T/fresh.db" ] && [ ! -e "$T/fresh.db-wal" ] && pass || fail "a failed import left $T/fresh.db"
run --db "$T/fresh.db" import "$T/prose.txt"
expect_rc 4 "not a plan into a new database"
[ ! -e "$T/fresh.db" ] && pass || fail "a refused import left $T/fresh.db"
mkfifo "$T/fifo.txt"
out=$(timeout 5 "$DUBAN" --db "$DB" import "$T/fifo.txt" 2>"$T/stderr"); rc=$?; errout=$(cat "$T/stderr")
expect_rc 4 "a FIFO is refused at once (never opened for a blocking read)"
expect_err "fifo.txt: not a regular file" "names the FIFO"
run --db "$DB" import "$T"
expect_rc 4 "a directory"; expect_err "not a regular file (a directory)" "says directory"
run --db "$DB" import /dev/zero
expect_rc 4 "a device"; expect_one_line_err "device"
truncate -s 17M "$T/huge.txt"
run --db "$DB" import "$T/huge.txt"
expect_rc 4 "over the size cap"; expect_err "huge.txt: too large" "names the large file"
run --db "$DB" import "$T/other.txt" --year 20x2
expect_rc 2 "bad --year"
[ "$(db_sum "$DB")" = "$before" ] && pass || fail "refusals changed the database"
# no year anywhere in the text: the year of today, which the executable
# takes from DUBAN_TODAY (core reads no environment) or --today
printf '%s\n' '一、甲' '（一）乙。' >"$T/noyear.txt"
DUBAN_TODAY=2027-05-06 run --db "$DB" import "$T/noyear.txt"
expect_out "(2027, 2027-01-01..2027-12-31)" "DUBAN_TODAY gives the year"
run --db "$DB" --today 2028-02-03 import "$T/noyear.txt"
expect_out "(2028, 2028-01-01..2028-12-31)" "--today gives the year"
finish
