# duban import of ledgers (台账) from XLSX and CSV: fixtures made by
# tests/data/ledger/make_fixtures.py (title row, merged area cells, dates
# as serial numbers, shared/rich/inline strings) against a golden listing;
# warnings naming cells; refusals (not a spreadsheet, password-protected,
# corrupt, zip bomb, DTD, no header) with nothing changed; and the round
# trip export --format xlsx -> import.
. "$DUBAN_SRC/tests/cli/lib.sh"
PY=/usr/bin/python3
G="$DUBAN_SRC/tests/golden"
mkdir "$T/fx"
"$PY" "$DUBAN_SRC/tests/data/ledger/make_fixtures.py" "$T/fx" || { fail "make_fixtures.py"; finish; exit 1; }

# A ledger with a title row, a blank row, merged area cells, serial dates.
run --db "$T/good.db" import "$T/fx/good.xlsx"
expect_rc 0 "import good.xlsx"
expect_out '"某县2022年重点工作任务推进台账" (2022, 2022-01-01..2022-12-31): 2 areas, 6 items' "the plan"
expect_err "good.xlsx:台账!F8: 完成时限 '长期坚持' is not a date" "a due that is not a date names its cell"
expect_err "good.xlsx:台账!H8: unknown status '不知道'" "an unknown status names its cell"
[ "$(wc -l <<<"$errout")" -eq 2 ] && pass || fail "two warnings, got: $errout"
"$DUBAN" --db "$T/good.db" list --format csv --no-bom >"$T/good.csv" 2>/dev/null
[ -n "${DUBAN_UPDATE_GOLDEN:-}" ] && cp "$T/good.csv" "$G/ledger-good.csv"
diff -u "$G/ledger-good.csv" "$T/good.csv" >"$T/diff" && pass || fail "ledger-good.csv differs:
$(cat "$T/diff")"
run --db "$T/good.db" show 1.2
expect_out "在谈项目5个 签约2个" "the progress cell is the first note"

# Refusals: one line naming the file, exit 4, the database unchanged.
run --db "$DB" list
before=$(db_sum "$DB")
refuse() { # FILE MESSAGE
  run --db "$DB" import "$T/fx/$1"
  expect_rc 4 "$1 refused"
  expect_one_line_err "$1"
  expect_err "$T/fx/$1$2" "$1 says why"
  [ "$(db_sum "$DB")" = "$before" ] && pass || fail "$1 changed the database"
}
refuse text.xlsx ": not an XLSX workbook (not a zip file)"
refuse encrypted.xlsx ": a password-protected workbook"
refuse corrupt.xlsx ": not an XLSX workbook"
refuse crc.xlsx ": xl/worksheets/data.xml is corrupt"
refuse bomb.xlsx ": xl/sharedStrings.xml unpacks to more than 64 MiB"
refuse dtd.xlsx ": xl/sharedStrings.xml has a DTD"
refuse noheader.xlsx ":台账: no header row"
printf '序号,工作任务,责任单位\r\n1,\xb9\xa4\xd7\xf7,x\r\n' >"$T/gbk.csv"
run --db "$DB" import "$T/gbk.csv"
expect_rc 4 "a GBK CSV"
expect_err "gbk.csv:2: not UTF-8" "names the line"
[ "$(db_sum "$DB")" = "$before" ] && pass || fail "the GBK CSV changed the database"
# The summary counts the ledger's warnings (it said "0 warnings" after them).
printf '序号,方面,工作任务,责任单位,完成时限,状态\n1.1,招商,任务一,县发改局,2021-13-45,推进中\n1.2,招商,任务二,,2021-11-30,未知状态\n' >"$T/warn.csv"
run --db "$DB" import "$T/warn.csv" --dry-run
expect_err "warn.csv:2: 完成时限 '2021-13-45' is not a date" "a bad date is a warning naming the line"
expect_out "1 areas, 2 items, 0 milestones, 2 warnings; nothing written" "the preview counts them"
run --db "$DB" --format json import "$T/warn.csv" --dry-run
[ "$(grep -c '"message": "[^"]*warn.csv:[0-9]*: ' <<<"$out")" = 2 ] && pass || fail "the JSON preview lacks them: $out"

# A CSV ledger: BOM, CRLF, a quoted note over two lines, a guarded formula.
printf '\xef\xbb\xbf2021年重点工作台账\r\n序号,方面,工作任务,牵头单位,完成时限,进展情况,状态\r\n1,招商,造浓招商氛围,县商务局,2021-10-31,"已启动\r\n竞赛",已完成\r\n2,,'"'"'=1+1,,年底前,,滞后\r\n' >"$T/l.csv"
run --db "$T/csv.db" import "$T/l.csv"
expect_rc 0 "import a CSV ledger"
"$DUBAN" --db "$T/csv.db" list --format csv --no-bom 2>/dev/null | tr -d '\r' >"$T/csv.out"
grep -qx '1.1,item,done,已完成,2021-10-31,县商务局,,造浓招商氛围' "$T/csv.out" && pass || fail "csv item 1.1: $(cat "$T/csv.out")"
grep -qx "1.2,item,behind,滞后,2021-12-31,,,'=1+1" "$T/csv.out" && pass || fail "csv item 1.2: $(cat "$T/csv.out")"

# A workbook written by another program (openpyxl): real date cells,
# merged area cells, a title merged across the top.
"$PY" - "$T/opx.xlsx" <<'PY' || fail "openpyxl could not write the fixture"
import datetime, sys
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "2022年"
ws["A1"] = "城关镇2022年重点工作"
ws.merge_cells("A1:F1")
ws.append([])
ws.append(["序号", "类别", "工作任务", "责任单位", "完成时限", "状态"])
ws.append([1, "民生", "新建幼儿园", "镇社会事务办", datetime.datetime(2022, 8, 31), "已完成"])
ws.append([2, None, "改造农贸市场", "镇建设办", datetime.datetime(2022, 11, 30), "推进中"])
ws.append([3, "环境", "河道清淤", None, None, "未启动"])
ws.merge_cells("B4:B5")
wb.save(sys.argv[1])
PY
run --db "$T/opx.db" import "$T/opx.xlsx"
expect_rc 0 "import an openpyxl workbook"
"$DUBAN" --db "$T/opx.db" list --format csv --no-bom 2>/dev/null | tr -d '\r' >"$T/opx.out"
grep -qx '1.2,item,in_progress,推进中,2022-11-30,镇建设办,,改造农贸市场' "$T/opx.out" && pass \
  || fail "openpyxl workbook: $(cat "$T/opx.out")"
grep -qx '2.1,item,not_started,未启动,2022-12-31,,,河道清淤' "$T/opx.out" && pass \
  || fail "openpyxl workbook, area 2: $(cat "$T/opx.out")"

# Round trip: the scenario's plan out as XLSX and back in.
. "$DUBAN_SRC/tests/golden/meeting-scenario.bash"
"$DUBAN" --db "$DB" body 2.1 --text $'第一段。\n第二段。' >/dev/null || fail "a body of two lines"
"$DUBAN" --db "$DB" export -o "$T/rt.xlsx" >/dev/null 2>&1 || fail "export for the round trip"
run --db "$T/rt.db" import "$T/rt.xlsx"
expect_rc 0 "import the export"
"$DUBAN" --db "$DB" list --format csv >"$T/a.csv" 2>/dev/null
"$DUBAN" --db "$T/rt.db" list --format csv >"$T/b.csv" 2>/dev/null
diff -u "$T/a.csv" "$T/b.csv" >"$T/diff" && pass || fail "the round trip changed items:
$(cat "$T/diff")"
run --db "$T/rt.db" show 5.1
expect_out "开元森泊已开工" "the latest note comes back"
run --db "$T/rt.db" show 10.2
expect_out "extended: 2021-12-31 (延期, original due" "the extension (延期至) comes back"
# bodies (具体内容) and targets with their values (量化指标) come back: the
# same rows in both files, read with the sqlite3 CLI
bodies() { sqlite3 "$1" "SELECT ref, body FROM node WHERE depth > 1 ORDER BY sort_key"; }
targets() { sqlite3 "$1" "SELECT n.ref, t.seq, t.label, t.number, t.unit, t.direction, t.current
  FROM target t JOIN node n ON n.id = t.node_id ORDER BY n.sort_key, t.seq"; }
[ -n "$(bodies "$DB" | grep -v '|$')" ] && [ "$(bodies "$DB")" = "$(bodies "$T/rt.db")" ] && pass \
  || fail "the round trip changed bodies: $(diff <(bodies "$DB") <(bodies "$T/rt.db") | head -5)"
grep -q '^8\.2|.*|9\.0$' <<<"$(targets "$T/rt.db")" && [ "$(targets "$DB")" = "$(targets "$T/rt.db")" ] \
  && pass || fail "the round trip changed targets: $(diff <(targets "$DB") <(targets "$T/rt.db") | head -5)"

# A cancelled item is in the ledger, marked 已取消 with no light, and the
# import stores it cancelled where it stands: not brought back, not
# doubled, and the items after it keep their numbers.
title52=$("$DUBAN" --db "$DB" list --format csv 2>/dev/null | grep '^5\.2,' | cut -d, -f8)
title53=$("$DUBAN" --db "$DB" list --format csv 2>/dev/null | grep '^5\.3,' | cut -d, -f8)
run --db "$DB" cancel 5.2 --reason 并入5.1
expect_rc 0 "cancel 5.2 for the ledger"
"$DUBAN" --db "$DB" export -o "$T/rt-cancel.xlsx" >/dev/null 2>&1 || fail "export with a cancelled item"
/usr/bin/python3 -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["台账"]
rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] == "5.2"]
sys.exit(0 if len(rows) == 1 and rows[0][8] == "已取消" and not rows[0][9] else 1)' \
  "$T/rt-cancel.xlsx" && pass || fail "the ledger does not list 5.2 once as 已取消 with no light"
run --db "$T/rt-cancel.db" import "$T/rt-cancel.xlsx"
expect_rc 0 "import a ledger with a cancelled item"
[ -z "$(grep -F '5.2' <<<"$errout")" ] && pass || fail "the import warns about 5.2: $errout"
a=$("$DUBAN" --db "$DB" --format csv plans 2>/dev/null | tail -n 1 | cut -d, -f6,7)
b=$("$DUBAN" --db "$T/rt-cancel.db" --format csv plans 2>/dev/null | tail -n 1 | cut -d, -f6,7)
[ "$a" = "$b" ] && pass || fail "the round trip with a cancelled item counts $b, not $a"
"$DUBAN" --db "$T/rt-cancel.db" list --format csv >"$T/c.csv" 2>/dev/null
[ -n "$title52" ] && grep -qxF -- "5.2,item,cancelled,已取消,$(grep '^5\.2,' "$T/c.csv" | cut -d, -f5-7),$title52" "$T/c.csv" \
  && [ "$(grep -cF -- "$title52" "$T/c.csv")" = 1 ] && pass \
  || fail "5.2 ($title52) is not there once, cancelled: $(grep '^5\.' "$T/c.csv")"
grep -q "^5\.3,.*,$title53\$" "$T/c.csv" && pass || fail "5.3 ($title53) lost its number: $(grep '^5\.' "$T/c.csv")"
run --db "$T/rt-cancel.db" restore 5.2
expect_rc 0 "an imported cancelled item can be restored"
# 序号 are the items' numbers: gaps kept (1.3 stays 1.3, 3.1 stays 3.1); a
# number that repeats or goes back takes the next, and one that names
# another area than its 方面 is kept there, each with a warning.
printf '序号,方面,工作任务,责任单位\n1.1,招商,任务一,甲\n1.3,招商,任务三,乙\n1.5,招商,任务五,丙\n3.1,工业,任务X,丁\n3.1,工业,任务Y,戊\n2.9,工业,任务Z,己\n7,工业,任务W,庚\n' >"$T/gap.csv"
run --db "$T/gap.db" import "$T/gap.csv" --year 2021
expect_rc 0 "a ledger with gaps in its numbers"
expect_err "gap.csv:6: 序号 '3.1' repeats or goes back; it is 3.2 here" "a repeated number is said"
expect_err "gap.csv:7: 序号 '2.9' names another area than its 方面; it is 3.9 here" "so is another area's"
run --db "$T/gap.db" --format csv list
for want in "1.3,item" "1.5,item" "3,area" "3.1,item,not_started,未启动,2021-12-31,丁" \
  "3.2,item,not_started,未启动,2021-12-31,戊" "3.9,item" "3.10,item,not_started,未启动,2021-12-31,庚"; do
  grep -q "^$want" <<<"$out" && pass || fail "the ledger's numbers are not kept ($want): $out"
done
run --db "$T/gap.db" add 1 新任务
expect_out "1.6 added" "an item added later takes the number after the ledger's"
# duban's own ledger reads back under the same refs after a move
run --db "$T/rt.db" list
run --db "$T/rt.db" move 1.2 2
run --db "$T/rt.db" export -o "$T/rt-moved.xlsx"
run --db "$T/rt2.db" import "$T/rt-moved.xlsx"
expect_rc 0 "import the ledger of a plan with a moved item"
a=$("$DUBAN" --db "$T/rt.db" --format csv list 2>/dev/null | cut -d, -f1,8)
b=$("$DUBAN" --db "$T/rt2.db" --format csv list 2>/dev/null | cut -d, -f1,8)
[ "$a" = "$b" ] && pass || fail "the round trip changed refs: $(diff <(echo "$a") <(echo "$b") | head -5)"
finish
