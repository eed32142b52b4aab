# duban-gen writes its edits at once (edit_apply_bulk) or one
# edit_apply() each (--per-edit): the two databases hold the same rows in
# every table and the same schema.  Random identities (gid, uuid) are
# compared by what they stand for: prev_gid by the row it names, origin
# by whether it is this replica.
. "$(dirname "$0")/lib.sh"
: "${DUBAN_GEN:?DUBAN_GEN must name duban-gen}"
NOW=2021-10-01T09:00:00Z
"$DUBAN_GEN" --db "$T/bulk.db" --items 1200 --history 8000 --now $NOW || fail "duban-gen"
"$DUBAN_GEN" --db "$T/each.db" --items 1200 --history 8000 --now $NOW --per-edit \
  || fail "duban-gen --per-edit"

# rows DB TABLE: the table's rows, random identities replaced, sorted
rows() {
  local cols extra=""
  cols=$(sqlite3 "$1" "SELECT group_concat('\"' || name || '\"', ',') FROM pragma_table_info('$2')
    WHERE name NOT IN ('gid', 'uuid', 'prev_gid', 'origin')")
  [ "$2" = history_gid ] && extra=", (SELECT p.history_id FROM history_gid p
    WHERE p.gid = history_gid.prev_gid), origin = (SELECT uuid FROM replica WHERE is_self = 1)"
  sqlite3 "$1" "SELECT $cols$extra FROM \"$2\"" | sort
}
tables=$(sqlite3 "$T/each.db" "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
[ "$tables" = "$(sqlite3 "$T/bulk.db" "SELECT name FROM sqlite_schema WHERE type = 'table'
  ORDER BY name")" ] && pass || fail "the tables differ"
for t in $tables; do
  [ "$(rows "$T/bulk.db" "$t" | md5sum)" = "$(rows "$T/each.db" "$t" | md5sum)" ] && pass \
    || fail "table $t differs"
done
q() { sqlite3 "$1" "$2" | md5sum; }
[ "$(q "$T/bulk.db" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name")" = \
  "$(q "$T/each.db" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name")" ] \
  && pass || fail "the schemas differ"
# the comparison is not empty: history, stamps naming earlier changes, notes
[ "$(sqlite3 "$T/bulk.db" "SELECT count(*) > 6000 FROM history")" = 1 ] && pass || fail "history"
[ "$(sqlite3 "$T/bulk.db" "SELECT count(*) > 2000 FROM history_gid WHERE prev_gid IS NOT NULL
  AND node_hlc > 0")" = 1 ] && pass || fail "stamps"
[ "$(sqlite3 "$T/bulk.db" "SELECT count(*) > 1000 FROM note")" = 1 ] && pass || fail "notes"
[ "$(sqlite3 "$T/bulk.db" "SELECT count(DISTINCT gid) = count(*) FROM history_gid")" = 1 ] \
  && pass || fail "gids are not distinct"
run --db "$T/bulk.db" check; expect_rc 0 "check on the bulk database"
# a new file is built under a name of its own and renamed into place; an
# existing one gets the plan added beside what it holds
[ ! -e "$T/bulk.db.building" ] && [ ! -e "$T/bulk.db-journal" ] && pass || fail "build leftovers"
cp "$T/bulk.db" "$T/more.db"
"$DUBAN_GEN" --db "$T/more.db" --items 12 --history 10 --now $NOW || fail "duban-gen on an existing file"
[ "$(sqlite3 "$T/more.db" "SELECT count(*) FROM plan")" = 2 ] && pass || fail "plan not added"
# The plan answers alike
for args in "--format json list" "search 专题会议" "--format csv overdue"; do
  run --db "$T/bulk.db" $args; a=$out
  run --db "$T/each.db" $args
  [ "$a" = "$out" ] && [ -n "$out" ] && pass || fail "duban $args answers differently"
done
finish
