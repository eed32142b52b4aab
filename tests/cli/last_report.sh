# Schema 19 (issue 15): node_last_report keeps each node's last report
# (a history row editing a status, note, extension or target value) as
# history is written; the "no progress" list of a window longer than the
# plan reads it instead of every item's history.  A schema 18 database
# upgrades with the table filled from its history, rows written by a
# program that did not know the table count after the upgrade, and the
# earlier meetings' minutes do not change.
. "$(dirname "$0")/lib.sh"
. "$DUBAN_SRC/tests/golden/meeting-scenario.bash"

# a meeting whose window is longer than the plan: more history rows than
# it has nodes
scenario_step meeting start 第四次推进会
for i in $(seq 70); do scenario_step unit 1.2 "单位$((i % 2))"; done
kept_matches_history() {
  [ "$(sqlite3 "$DB" "SELECT count(*) FROM (SELECT node_id, history_id FROM node_last_report
    EXCEPT SELECT node_id, max(id) FROM history WHERE action = 'edit' AND (field IN
    ('status', 'note', 'extension') OR field LIKE 'target.%') GROUP BY node_id)") $(sqlite3 "$DB" \
    "SELECT count(*) FROM (SELECT node_id, max(id) FROM history WHERE action = 'edit' AND (field IN
    ('status', 'note', 'extension') OR field LIKE 'target.%') GROUP BY node_id
    EXCEPT SELECT node_id, history_id FROM node_last_report)")" = "0 0" ]
}
kept_matches_history && pass || fail "node_last_report is not each node's last report"
minutes_all() { for m in 1 2; do "$DUBAN" --db "$DB" minutes $m; done; }
before=$(minutes_all 2>&1)
run --db "$DB" minutes 3
expect_out "| 3.1  | 加快项目推进速度" "3.1 made no report in the meeting"

# a schema 18 database, and a report written by a program of that schema
sqlite3 "$DB" "DROP TRIGGER node_last_report_stamp; DROP TABLE node_last_report;
  INSERT INTO history(plan_id, node_id, at, action, field, old_value, new_value)
  SELECT plan_id, id, '2021-10-01T09:00:00Z', 'edit', 'status', status, status FROM node
  WHERE ref = '3.1'; PRAGMA user_version = 18;" || fail "making a schema 18 database"
run --db "$DB" minutes 3
expect_rc 0 "the minutes after the upgrade"
expect_no_out "| 3.1  | 加快项目推进速度" "the old program's report counts"
[ "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 19 ] && pass || fail "not upgraded"
kept_matches_history && pass || fail "the upgrade did not fill node_last_report"
[ "$(minutes_all 2>&1)" = "$before" ] \
  && pass || fail "the minutes differ after the upgrade"

# edits and an undo after the upgrade keep it in step
scenario_step note 2.1 "会上报送"
scenario_step set 2.1 done
scenario_step undo
scenario_step extend 6.1 2022-01-31 --reason "再次延后"
kept_matches_history && pass || fail "node_last_report fell behind the history"
[ "$(sqlite3 "$DB" "PRAGMA foreign_key_check; PRAGMA integrity_check")" = ok ] \
  && pass || fail "integrity"
finish
