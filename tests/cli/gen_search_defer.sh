# duban-gen's batch rebuilds the search index once at its end
# (store_defer_search_index): the database it writes answers every read
# exactly as one whose edits updated the index one by one.
. "$(dirname "$0")/lib.sh"
: "${DUBAN_GEN:?DUBAN_GEN must name duban-gen}"

"$DUBAN_GEN" --db "$T/fast.db" --items 1200 --history 6000 || fail "duban-gen"
"$DUBAN_GEN" --db "$T/slow.db" --items 1200 --history 6000 --per-edit-index || fail "duban-gen slow"

# The same answer from both databases for ARGS...
same() {
  run --db "$T/fast.db" "$@"; local fast=$out fast_rc=$rc
  run --db "$T/slow.db" "$@"
  [ "$fast_rc" -eq 0 ] && [ "$rc" -eq 0 ] && [ -n "$out" ] && [ "$fast" = "$out" ] && pass \
    || fail "duban $*: the deferred index answers differently (exit $fast_rc / $rc)"
}
same --format json list
same --format json list --unit 县商务局
same search 专题会议
same --format json search 县农业农村局
same --format json search "招商引资 部署"
same search 推进
same --format csv overdue

# The index's rows, the edits and the schema (triggers put back verbatim).
q() { sqlite3 "$1" "$2" | md5sum; }
for sql in "SELECT rowid, title, body, notes, unit, leader FROM node_fts ORDER BY rowid" \
  "SELECT rowid FROM node_fts WHERE node_fts MATCH '部署' ORDER BY rowid" \
  "SELECT node_id, action, field, old_value, new_value, note FROM history ORDER BY id" \
  "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"; do
  [ "$(q "$T/fast.db" "$sql")" = "$(q "$T/slow.db" "$sql")" ] && pass \
    || fail "differs: $sql"
done
[ "$(sqlite3 "$T/fast.db" "SELECT count(*) FROM note")" -gt 500 ] && pass || fail "few notes"
[ "$(sqlite3 "$T/fast.db" "SELECT count(*) FROM node_fts WHERE notes <> ''")" -gt 300 ] && pass \
  || fail "few indexed notes"
sqlite3 "$T/fast.db" "INSERT INTO node_fts(node_fts, rank) VALUES ('integrity-check', 1)" \
  && pass || fail "fts integrity-check"
run --db "$T/fast.db" check
expect_rc 0 "check on the generated database"

# After the batch the triggers are back: an edit reaches the index.
ref=$(sqlite3 "$T/fast.db" "SELECT ref FROM node WHERE depth = 2 ORDER BY id LIMIT 1")
run --db "$T/fast.db" note "$ref" 独一无二的批注
expect_rc 0 "a note after the batch"
[ "$(sqlite3 "$T/fast.db" "SELECT count(*) FROM node_fts WHERE node_fts MATCH '独一无二'")" = 1 ] \
  && pass || fail "the note after the batch is not in the index"
finish
