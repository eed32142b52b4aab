# Schema 20 (issue 15): node_late orders an item's entry by its place
# before its status, and the memo's triggers empty area_summary_memo only
# when it holds a row, so that a status edit writes fewer pages
# (tests/unit/test_pages_written.c).  A schema 19 database upgrades to
# them, its lists read the same after, and the upgrade shows its progress
# line on a terminal (it rebuilds an index of every item).
. "$(dirname "$0")/lib.sh"
command -v script >/dev/null || { fail "script(1) (util-linux, bsdutils) is needed"; finish; exit 1; }
run --db "$DB" list
expect_rc 0 "create"
run --db "$DB" set 1.2 in_progress
expect_rc 0 "an edit"
views() { for v in overdue due-soon list report; do "$DUBAN" --db "$DB" --format csv "$v"; done; }
before=$(views 2>&1)

# taken back to schema 19's index and triggers
to_19() {
  sqlite3 "$DB" "DROP INDEX node_late;
  CREATE INDEX node_late ON node(plan_id, coalesce(nullif(extended_due, ''), due), status, state,
    depth, parent_id, ref, sort_key, seq, due, extended_due, unit, leader, title) WHERE depth >= 2;
  DROP TRIGGER memo_node_update;
  CREATE TRIGGER memo_node_update AFTER UPDATE OF plan_id, parent_id, depth, seq, sort_key,
    state, status, due, extended_due ON node BEGIN DELETE FROM area_summary_memo; END;
  PRAGMA user_version = 19;" || fail "making a schema 19 database"
}
to_19
after=$(views 2>&1)
[ "$before" = "$after" ] && pass || fail "the lists read otherwise after the upgrade:
$(diff <(echo "$before") <(echo "$after"))"
[ "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 20 ] && pass || fail "not upgraded"
sqlite3 "$DB" "SELECT sql FROM sqlite_schema WHERE name = 'node_late'" |
  grep -qF "due), sort_key, status," && pass || fail "node_late is not by place before status"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'memo_%'
  AND sql LIKE '%WHEN EXISTS (SELECT 1 FROM area_summary_memo)%'")" = 6 ] && pass \
  || fail "the memo's triggers do not all wait for a memo"

# the upgrade's progress line, on a terminal
to_19
cmd=$(printf '%q ' env TERM=xterm DUBAN_PROGRESS_MS=0 "$DUBAN" --db "$DB" report)
screen=$(script -qfec "$cmd" /dev/null </dev/null | tr '\r' '\n')
grep -qE "duban: 升级数据库 upgrading the database 0/[0-9]+ \(0%\)" <<<"$screen" && pass \
  || fail "the upgrade shows no progress: $(cat -v <<<"$screen")"
# a current file: no line
screen=$(script -qfec "$cmd" /dev/null </dev/null | tr '\r' '\n')
grep -qF "升级数据库" <<<"$screen" && fail "a current file shows an upgrade: $(cat -v <<<"$screen")" \
  || pass
finish
