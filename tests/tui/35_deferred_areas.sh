#!/bin/bash
# A plan of 600 items with every area open: the first frame loads the
# areas it shows (as many rows as the terminal has lines), the others
# after it.  G as the very first key reaches the last item of the last
# area, k and g move through the rows the later areas brought, the folds
# stay as they were, a screen after the deferred areas came in while idle
# is the first one, and a start straight into the last area's slide shows
# its items.  Then areas longer than a screen, opened by a key: the first
# rows at once, the rest before the next key, which finds the area's last
# item above the next area's line.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN_GEN" --db "$DB" --items 600 >/dev/null || fail "duban-gen"
sqlite3 "$DB" "INSERT OR REPLACE INTO ui_state(plan_id, key, value)
  SELECT plan_id, 'folds', group_concat(ref, ',') FROM node
  WHERE depth = 1 AND state = '' GROUP BY plan_id" || fail "folds"
folds() { sqlite3 "$DB" "SELECT value FROM ui_state WHERE key = 'folds'"; }
all=$(folds)
# the listing's rows are the outline's, in its order
"$DUBAN" --db "$DB" --today 2021-10-01 list --format csv >"$T/list.csv" || fail "duban list"
rows=$(($(wc -l <"$T/list.csv") - 1))
[ "$rows" -gt 300 ] || fail "only $rows rows: nothing would be deferred"
ref_at() { tail -n "$1" "$T/list.csv" | head -n 1 | cut -d, -f1; }
last_ref=$(ref_at 1) before_last=$(ref_at 2)
first_area=$(sed -n 2p "$T/list.csv" | cut -d, -f8 | tr -d '\r')
last_area=${last_ref%%.*}
[ "$last_area" -gt 1 ] || fail "last row $last_ref"

tui_start 100 30 -- --today 2021-10-01
tui_wait '1.1 '
tui_keys G
tui_wait_selected " $last_ref "
tui_keys k
tui_wait_selected " $before_last "
tui_keys g
tui_wait_selected "$first_area"
tui_quit
[ "$(folds)" = "$all" ] || fail "folds changed: '$(folds)' (was '$all')"

tui_start 100 30 -- --today 2021-10-01
tui_wait '1.1 '
sleep 1 # idle: the deferred areas come in without a key
first=$(tui_screen)
tui_keys G
tui_wait_selected " $last_ref "
tui_keys g
tui_wait_selected "$first_area"
[ "$(tui_screen)" = "$first" ] || fail "the screen after the deferred areas is not the first"
tui_quit

tui_start 100 30 -- --today 2021-10-01 present "$last_area"
tui_wait " $last_area.1 "
assert_contains "方面 $last_area/$last_area"
tui_quit

# areas of some 700 rows each, all folded: Enter reads the first rows
DB="$T/big.db"
"$DUBAN_GEN" --db "$DB" --items 6000 >/dev/null || fail "duban-gen 6000"
"$DUBAN" --db "$DB" --today 2021-10-01 list --format csv >"$T/big.csv" || fail "duban list big"
area_rows=$(grep -c '^1\.' "$T/big.csv")
[ "$area_rows" -gt 300 ] || fail "area 1 has only $area_rows rows"
area1_last=$(grep '^1\.' "$T/big.csv" | tail -n 1 | cut -d, -f1)
big_last=$(tail -n 1 "$T/big.csv" | cut -d, -f1)
tui_start 100 30 -- --today 2021-10-01
tui_wait 方面2
tui_keys Enter
tui_wait '1.1 '
tui_keys Tab
tui_wait_selected 方面2
tui_keys k
tui_wait_selected " $area1_last "
# E opens every area the same way; G then finds the plan's last item
tui_keys E G
tui_wait_selected " $big_last "
tui_quit
