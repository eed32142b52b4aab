# duban export --format xlsx, read back with a reader no one here wrote
# (openpyxl, Debian python3-openpyxl): cells, real dates, widths, light
# fills, the frozen and filtered header, the summary sheet, formulas in
# data kept as strings, and failures that leave nothing behind.
. "$DUBAN_SRC/tests/cli/lib.sh"
. "$DUBAN_SRC/tests/golden/meeting-scenario.bash"
PY=/usr/bin/python3
"$PY" -c "import openpyxl" 2>/dev/null || { fail "python3-openpyxl is not installed (scripts/deps.sh)"; finish; exit 1; }

scenario_step unit 1.2 '=HYPERLINK("http://x","点我")'
scenario_step leader 1.2 "@SUM(A1)"
"$DUBAN" --db "$DB" body 6.1 --text $'第一段\r\n第二段\033[31m红' >/dev/null || fail "a body of two lines"
mkdir "$T/out"
run --db "$DB" export --format xlsx -o "$T/out/台账.xlsx"
expect_rc 0 "export"
expect_out "wrote $T/out/台账.xlsx: 39 items, as of 2021-10-01" "says what it wrote (38 and the decision's 3.1.1)"
[ "$(ls -A "$T/out")" = "台账.xlsx" ] && pass || fail "export left other files: $(ls -A "$T/out")"

cat >"$T/check.py" <<'PY'
import datetime, sys, unicodedata
import openpyxl

def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

bad = []
def check(cond, what):
    if not cond:
        bad.append(what)

wb = openpyxl.load_workbook(sys.argv[1])
check(wb.sheetnames == ["台账", "汇总"], "sheets %r" % wb.sheetnames)
ws = wb["台账"]
check(ws["A1"].value == "海盐县2021年下半年重点工作", "title %r" % ws["A1"].value)
check("统计截至：2021-10-01" in ws["A2"].value and "2021-07-01 至 2021-12-31" in ws["A2"].value,
      "period line %r" % ws["A2"].value)
head = [c.value for c in ws[4]]
check(head == ["序号", "方面", "工作任务", "具体内容", "责任单位", "责任领导", "完成时限", "延期至",
               "状态", "亮灯", "最新进展", "进展日期", "量化指标"], "header %r" % head)
check(ws.freeze_panes == "A5", "frozen pane %r" % ws.freeze_panes)
check(ws.auto_filter.ref == "A4:M43", "filter %r" % ws.auto_filter.ref)
rows = {r[0].value: r for r in ws.iter_rows(min_row=5)}
check(len(rows) == 39, "%d item rows" % len(rows))
check(rows["3.1.1"][4].value == "县发改局", "the decision's tracked item 3.1.1")

def cell(ref, col):
    return rows[ref][head.index(col)]

r = rows["5.1"]
check(cell("5.1", "方面").value == "筑巢引凤壮三产", "area of 5.1")
check(cell("5.1", "责任单位").value == "县商务局", "unit of 5.1")
check(cell("5.1", "责任领导").value == "王副县长", "leader of 5.1")
check(cell("5.1", "状态").value == "已完成", "status of 5.1")
check(cell("5.1", "最新进展").value == "开元森泊已开工", "note of 5.1")
d = cell("5.1", "进展日期")
check(d.is_date and d.value == datetime.datetime(2021, 10, 1), "note date of 5.1 %r" % d.value)
d = cell("6.1", "完成时限")
check(d.is_date and d.value == datetime.datetime(2021, 9, 15), "due of 6.1 %r" % d.value)
check(d.number_format == "yyyy-mm-dd", "date format %r" % d.number_format)
d = cell("10.2", "延期至")
check(d.is_date and d.value == datetime.datetime(2021, 12, 31), "extension of 10.2 %r" % d.value)
check(cell("1.1", "延期至").value is None, "no extension is an empty cell")
fills = {"red": "FFFFC7CE", "yellow": "FFFFEB9C", "green": "FFC6EFCE"}
for ref, text, colour in [("6.1", "(!) 红灯", "red"), ("11.2", "(!) 红灯", "red"),
                          ("4.1", "(~) 黄灯", "yellow"), ("5.1", "(o) 绿灯", "green")]:
    c = cell(ref, "亮灯")
    check(c.value == text, "light of %s %r" % (ref, c.value))
    check(c.fill.fill_type == "solid" and c.fill.fgColor.rgb == fills[colour],
          "fill of %s %r" % (ref, c.fill.fgColor.rgb))
check("美丽乡村 9/17个" in cell("8.2", "量化指标").value, "target of 8.2 %r" % cell("8.2", "量化指标").value)
# formulas in data are strings, not formulas
c = cell("1.2", "责任单位")
check(c.data_type == "s" and c.value == '=HYPERLINK("http://x","点我")', "unit of 1.2 %r %r" % (c.data_type, c.value))
c = cell("1.2", "责任领导")
check(c.data_type == "s" and c.value == "@SUM(A1)", "leader of 1.2 %r" % c.value)
# widths follow the display width of the text
cw = {k: v.width for k, v in ws.column_dimensions.items()}
widest_unit = max(width(cell(k, "责任单位").value or "") for k in rows)
check(widest_unit + 2 <= cw["E"] <= widest_unit + 4, "unit column width %r for text %d" % (cw["E"], widest_unit))
check(40 <= cw["D"] < 41, "具体内容 wraps at 40: width %r" % cw["D"])
check(cell("5.1", "具体内容").value == sys.argv[2], "body of 5.1 %r" % cell("5.1", "具体内容").value)
# line breaks kept (as \n), an escape sequence made visible
check(cell("6.1", "具体内容").value == "第一段\n第二段^[[31m红", "body of 6.1 %r" % cell("6.1", "具体内容").value)
check(cw["A"] < cw["C"], "序号 narrower than 工作任务")
check(10 <= cw["C"] <= 61, "工作任务 width %r" % cw["C"])

s = wb["汇总"]
vals = [[c.value for c in row] for row in s.iter_rows()]
total = [v for v in vals if v[0] == "合计"]
check(len(total) == 2 and total[0][2] == 38 and total[1][1] == 38, "totals %r" % total)
units = [v for v in vals if v[0] == "县商务局"]
check(units and units[0][1] == 1 and units[0][2] == 1, "unit 县商务局 %r" % units)
red = [v for v in vals if v[0] == "11"]
check(red and red[0][5] == 1, "area 11 has one red light %r" % red)
for b in bad:
    print("FAIL: " + b)
sys.exit(1 if bad else 0)
PY
body51=$(sqlite3 "$DB" "SELECT body FROM node WHERE ref = '5.1'")
[ -n "$body51" ] || fail "5.1 has no body to check"
if "$PY" "$T/check.py" "$T/out/台账.xlsx" "$body51" >"$T/check.out" 2>&1; then pass; else fail "$(cat "$T/check.out")"; fi
# Rows are streamed to the file as they are written (libxlsxwriter's
# constant_memory: inline strings, no shared-string table), not held as a
# tree of every cell (497 MB for 100,000 items); the checks above read
# every cell back, so none was lost to the order of writing.
"$PY" - "$T/out/台账.xlsx" <<'PY' && pass || fail "the workbook was not written row by row"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sys.exit(0 if "xl/sharedStrings.xml" not in z.namelist()
         and b't="inlineStr"' in z.read("xl/worksheets/sheet1.xml") else 1)
PY

# The default file name, in the current directory.
(cd "$T/out" && "$DUBAN" --db "$DB" export >/dev/null 2>&1) && [ -s "$T/out/台账-2021-10-01.xlsx" ] \
  && pass || fail "default file 台账-2021-10-01.xlsx"
# Failures: one line, exit 5, nothing written; an existing file stays.
run --db "$DB" export -o "$T/nodir/x.xlsx"
expect_rc 5 "a missing directory"
expect_one_line_err "a missing directory"
[ ! -e "$T/nodir" ] && pass || fail "something was created"
run --db "$DB" export --format csv
expect_rc 2 "export writes xlsx only"
expect_err "(it writes xlsx)" "names its format"
run --db "$DB" list --format xlsx
expect_rc 2 "list does not write xlsx"

# The minutes of the scripted meeting as a workbook.
run --db "$DB" minutes 2 --format xlsx -o "$T/out/纪要.xlsx"
expect_rc 0 "minutes --format xlsx"
expect_out "wrote $T/out/纪要.xlsx" "says what it wrote"
cat >"$T/minutes.py" <<'PY'
import datetime, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["会议纪要"]
rows = [[c for c in r] for r in ws.iter_rows()]
text = [str(c.value) for r in rows for c in r if c.value is not None]
bad = []
def check(cond, what):
    if not cond:
        bad.append(what)
check(rows[0][0].value == "第三次推进会 会议纪要", "title %r" % rows[0][0].value)
check(rows[0][0].font.b, "the title is bold")
for h in ["一、总体进展", "二、本次会议调度情况", "三、逾期事项（按责任单位）", "五、量化目标"]:
    check(h in text, "heading " + h)
check("管网<一期>已铺设&验收" in text, "the note, as text")
# a table header with its light column filled, numbers as numbers, dates as dates
head = [r for r in rows if r[0].value == "方面"]
check(head and any(c.value == "(!) 红灯" and c.fill.fgColor.rgb == "FFFFC7CE" for c in head[0]), "light header")
total = [r for r in rows if r[0].value == "合计"]
check(total and isinstance(total[0][2].value, (int, float)), "counts are numbers %r" % (total and total[0][2].value))
dates = [c for r in rows for c in r if c.is_date]
check(any(c.value == datetime.datetime(2021, 9, 25) for c in dates), "the extension 2021-09-25 is a date")
for b in bad:
    print("FAIL: " + b)
sys.exit(1 if bad else 0)
PY
if "$PY" "$T/minutes.py" "$T/out/纪要.xlsx" >"$T/check.out" 2>&1; then pass; else fail "$(cat "$T/check.out")"; fi
run --db "$DB" minutes 2 -o "$T/out/x.md"
expect_rc 2 "--output without --format xlsx"

# A note longer than a cell may hold is cut, not a failed export.
scenario_step note 1.3 "$(printf '进展%.0s' $(seq 20000))"
run --db "$DB" export -o "$T/out/long.xlsx"
expect_rc 0 "export with a 40000-character note"
"$PY" -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["台账"]
v = [r[10].value for r in ws.iter_rows(min_row=5) if r[0].value == "1.3"][0]
sys.exit(0 if v.startswith("进展") and 10000 <= len(v) <= 32767 else 1)' "$T/out/long.xlsx" && pass \
  || fail "the long note is not cut to a cell"
# The filters keep their items only, in both sheets, and are named at the top.
run --db "$DB" export --unit 县发改局 -o "$T/out/filtered.xlsx"
expect_rc 0 "export --unit"
all_n=$("$DUBAN" --db "$DB" --format csv list --unit 县发改局 2>/dev/null | grep -cE '^"?[0-9]+\.[0-9]+' )
"$PY" -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["台账"]
refs = [r[0].value for r in ws.iter_rows(min_row=5) if r[0].value and "." in str(r[0].value)]
units = [r[4].value for r in ws.iter_rows(min_row=5) if r[0].value and "." in str(r[0].value)]
ok = "筛选：单位 县发改局" in ws["A2"].value and len(refs) == int(sys.argv[2]) and 0 < len(refs) < 38
ok = ok and all("县发改局" in (u or "") for u in units)
sys.exit(0 if ok else 1)' "$T/out/filtered.xlsx" "$all_n" && pass \
  || fail "export --unit 县发改局 does not keep only that unit's items (list has $all_n)"
# A deleted note (a mistaken report) is not the latest progress.
run --db "$DB" note 12.4 "误报进展"
run --db "$DB" note 12.4 --delete 1
expect_rc 0 "note --delete"
run --db "$DB" export -o "$T/out/deleted-note.xlsx"
"$PY" -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["台账"]
v = [r[10].value for r in ws.iter_rows(min_row=5) if r[0].value == "12.4"][0]
sys.exit(0 if (v or "") != "误报进展" else 1)' "$T/out/deleted-note.xlsx" && pass \
  || fail "the ledger shows a deleted note as the latest progress"

# Frozen: meeting 2's workbook, written again after more edits on a later
# day, holds the figures it ended with, cell for cell (as md, html, csv
# and json do); with a filter the minutes are live.
export DUBAN_TODAY=2021-11-15
scenario_step set 1.1 done --note "立功竞赛已完成"
scenario_step unit 2.1 县经信局
scenario_step extend 6.1 2021-12-31 --reason "征迁延后"
scenario_step progress 8.2 美丽乡村 17
run --db "$DB" minutes 2 --format xlsx -o "$T/out/纪要-later.xlsx"
expect_rc 0 "minutes 2 --format xlsx after more edits"
run --db "$DB" minutes 2 --format xlsx --unit 县商务局 -o "$T/out/纪要-filtered.xlsx"
expect_rc 0 "minutes 2 --format xlsx with a filter"
cat >"$T/frozen.py" <<'PY'
import sys, openpyxl
def cells(path):
    ws = openpyxl.load_workbook(path)["会议纪要"]
    return [[(c.value, c.number_format, bool(c.font.b), c.fill.fgColor.rgb) for c in r]
            for r in ws.iter_rows()]
first, later, live = (cells(p) for p in sys.argv[1:4])
text = lambda rows: [str(c[0]) for r in rows for c in r if c[0] is not None]
bad = []
if later != first:
    diff = [(i, a, b) for i, (a, b) in enumerate(zip(first, later)) if a != b][:3]
    bad.append("the workbook changed after later edits: %d vs %d rows, %r" % (len(first), len(later), diff))
if not any("统计截至：2021-10-01" in t for t in text(first)):
    bad.append("the workbook is not as of the meeting's day")
if not any("统计截至：2021-11-15" in t for t in text(live)):
    bad.append("with a filter the workbook is not live")
for b in bad:
    print("FAIL: " + b)
sys.exit(1 if bad else 0)
PY
if "$PY" "$T/frozen.py" "$T/out/纪要.xlsx" "$T/out/纪要-later.xlsx" "$T/out/纪要-filtered.xlsx" \
    >"$T/check.out" 2>&1; then pass; else fail "$(cat "$T/check.out")"; fi

# -o writes over a workbook, and over nothing else: the database itself
# (one slip of the Tab key), another plan, a FIFO, a folder, any other
# file are refused in one line and left as they were; a name that does not
# end in .xlsx is refused before anything is written.
before=$(db_sum "$DB")
for cmd in "export" "minutes 2 --format xlsx"; do
  # shellcheck disable=SC2086 # cmd is two words on purpose
  run --db "$DB" $cmd -o "$DB"
  expect_rc 2 "$cmd -o the database in use"
  expect_err "$DB: a database (a plan?), not replaced" "$cmd -o the database names it"
  expect_one_line_err "$cmd -o the database"
done
[ "$(db_sum "$DB")" = "$before" ] && pass || fail "the database changed after export -o onto it"
run --db "$DB" list
expect_rc 0 "the database still opens after export -o onto it"
mkfifo "$T/out/fifo.xlsx"
run --db "$DB" export -o "$T/out/fifo.xlsx"
expect_rc 2 "export -o a FIFO"
expect_err "fifo.xlsx: not a regular file, not replaced" "export -o a FIFO says so"
[ -p "$T/out/fifo.xlsx" ] && pass || fail "export -o replaced the FIFO"
mkdir "$T/out/dir.xlsx"
run --db "$DB" export -o "$T/out/dir.xlsx"
expect_rc 2 "export -o a folder"
expect_err "dir.xlsx: a folder, not replaced" "export -o a folder says so"
printf 'notes kept here\n' >"$T/out/notes.xlsx"
run --db "$DB" export -o "$T/out/notes.xlsx"
expect_rc 2 "export -o a file that is not a workbook"
expect_err "notes.xlsx: exists and is not an XLSX workbook, not replaced" "says what it found"
[ "$(cat "$T/out/notes.xlsx")" = "notes kept here" ] && pass || fail "export -o replaced a text file"
run --db "$DB" export -o "$T/out/台账.csv"
expect_rc 2 "export -o a name not ending in .xlsx"
expect_err "台账.csv: an XLSX workbook is written here: give a name ending in .xlsx" "says why"
[ ! -e "$T/out/台账.csv" ] && pass || fail "export -o 台账.csv wrote a file"
ls -A "$T/out" | grep -q '\.tmp$' && fail "a refused export left a temporary file" || pass
: >"$T/out/empty.XLSX"
run --db "$DB" export -o "$T/out/empty.XLSX"
expect_rc 0 "export -o an empty file named .XLSX"
run --db "$DB" export -o "$T/out/台账.xlsx"
expect_rc 0 "export -o over an earlier workbook replaces it"
finish
