# CSV for spreadsheets: a UTF-8 byte-order mark first (unless --no-bom or
# csv_bom = no), CRLF line ends, and cells that would run as formulas kept
# as text.
. "$DUBAN_SRC/tests/cli/lib.sh"
BOM=$'\xef\xbb\xbf'

"$DUBAN" --db "$DB" list --format csv >"$T/list.csv" 2>/dev/null
[ "$(head -c 3 "$T/list.csv")" = "$BOM" ] && pass || fail "list csv lacks the BOM"
[ "$(grep -c $'\r$' "$T/list.csv")" -eq "$(wc -l <"$T/list.csv")" ] && pass || fail "not every line ends in CRLF"
[ "$(grep -c "$BOM" "$T/list.csv")" -eq 1 ] && pass || fail "the BOM is not only at the start"

"$DUBAN" --db "$DB" list --format csv --no-bom >"$T/nobom.csv" 2>/dev/null
[ "$(head -c 3 "$T/nobom.csv")" = "ref" ] && pass || fail "--no-bom still writes the BOM"
"$DUBAN" --db "$DB" list --format json >"$T/list.json" 2>/dev/null
[ "$(head -c 1 "$T/list.json")" = "[" ] && pass || fail "json got a BOM"

mkdir -p "$XDG_CONFIG_HOME/duban"
printf '[general]\ncsv_bom = no\n' >"$XDG_CONFIG_HOME/duban/config.ini"
"$DUBAN" --db "$DB" report --format csv >"$T/report.csv" 2>/dev/null
[ "$(head -c 4 "$T/report.csv")" = "area" ] && pass || fail "csv_bom = no still writes the BOM"
run config --dump
expect_out "csv_bom = no" "the dump shows the setting"
printf '[general]\ncsv_bom = maybe\n' >"$XDG_CONFIG_HOME/duban/config.ini"
run --db "$DB" list --format csv
expect_rc 9 "a bad csv_bom"
expect_err "csv_bom must be yes or no" "names the setting"
rm "$XDG_CONFIG_HOME/duban/config.ini"

# Data that a spreadsheet would run: the note, unit and leader of 1.1.
run --db "$DB" unit 1.1 "=HYPERLINK(\"http://x\",\"y\")"
run --db "$DB" leader 1.1 "@SUM(1)"
"$DUBAN" --db "$DB" list --format csv --no-bom >"$T/f.csv" 2>/dev/null
grep -qF '"'"'"'=HYPERLINK' "$T/f.csv" && pass || fail "the = cell is not neutralised: $(grep ^1.1, "$T/f.csv")"
grep -qF "'@SUM(1)" "$T/f.csv" && pass || fail "the @ cell is not neutralised"
grep -q ",=HYPERLINK\|,@SUM" "$T/f.csv" && fail "a formula cell is written as it is" || pass
run --db "$DB" note 1.1 -- "-1+2 开工"
"$DUBAN" --db "$DB" show 1.1 --format csv --no-bom >"$T/show.csv" 2>/dev/null
grep -qF "'-1+2 开工" "$T/show.csv" && pass || fail "show csv: the note is not neutralised"
"$DUBAN" --db "$DB" show 1.1 --format csv >"$T/show2.csv" 2>/dev/null
[ "$(head -c 3 "$T/show2.csv")" = "$BOM" ] && pass || fail "show csv lacks the BOM"
finish
