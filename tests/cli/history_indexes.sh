# Schema 15 (issue 15): history_by_node covers the no-progress probe and
# replaces history_changes; history_by_meeting holds only rows made in a
# meeting, history_gid_by_prev only rows that replaced a value;
# history_gid_by_hlc is gone (the stamp's greatest clock walks the rows
# since this replica's last one).  A schema 14 database upgrades with its
# rows intact and every reader answering as before; rows made after the
# upgrade land in the partial indexes and take a clock above every row's.
. "$(dirname "$0")/lib.sh"
at() { export DUBAN_NOW="2021-10-01T$1Z"; }
A="$T/a.db"

at 09:00:00; run --db "$A" list; expect_rc 0 "create"
at 09:00:01; run --db "$A" set 1.1 done --note 开工
at 09:00:02; run --db "$A" note 1.1 已对接
at 09:00:03; run --db "$A" meeting start 一 --date 2021-10-01; expect_rc 0 "meeting start"
at 09:00:04; run --db "$A" set 1.2 blocked
at 09:00:05; run --db "$A" set 1.1 behind
at 09:00:06; run --db "$A" undo
at 09:00:07; run --db "$A" note 2.1 进展
at 09:00:08; run --db "$A" meeting end; expect_rc 0 "meeting end"
at 09:00:09; run --db "$A" due 1.2 2021-11-30; expect_rc 0 "edits"

# what the readers say on schema 15
views() { # DB
  "$DUBAN" --db "$1" history
  "$DUBAN" --db "$1" show 1.1
  "$DUBAN" --db "$1" changes --meeting 1
  "$DUBAN" --db "$1" minutes 1 --today 2021-10-01
  "$DUBAN" --db "$1" check
}
before=$(views "$A" 2>&1)

# taken back to schema 14's indexes
sqlite3 "$A" "DROP INDEX history_by_node; DROP INDEX history_by_meeting;
  DROP INDEX history_gid_by_prev;
  CREATE INDEX history_by_node ON history(node_id, id);
  CREATE INDEX history_by_meeting ON history(meeting_id, id);
  CREATE INDEX history_changes ON history(node_id, field) WHERE old_value <> new_value;
  CREATE INDEX history_gid_by_prev ON history_gid(prev_gid);
  CREATE INDEX history_gid_by_hlc ON history_gid(hlc);
  PRAGMA user_version = 14;" || fail "making a schema 14 database"
after=$(views "$A" 2>&1)
[ "$before" = "$after" ] && pass || fail "the readers answer otherwise after the upgrade:
$(diff <(echo "$before") <(echo "$after"))"
[ "$(sqlite3 "$A" "PRAGMA user_version")" -ge 15 ] && pass || fail "not upgraded"
[ "$(sqlite3 "$A" "SELECT count(*) FROM sqlite_schema WHERE name IN ('history_changes',
  'history_gid_by_hlc')")" = 0 ] && pass || fail "history_changes or history_gid_by_hlc is still there"
[ "$(sqlite3 "$A" "SELECT group_concat(sql, '|') FROM (SELECT sql FROM sqlite_schema
  WHERE name IN ('history_by_node', 'history_by_meeting', 'history_gid_by_prev') ORDER BY name)")" = \
  "CREATE INDEX history_by_meeting ON history(meeting_id, id) WHERE meeting_id IS NOT NULL|CREATE INDEX history_by_node ON history(node_id, id, field, action)|CREATE INDEX history_gid_by_prev ON history_gid(prev_gid) WHERE prev_gid IS NOT NULL" ] \
  && pass || fail "the indexes are not schema 15's"

# rows made after the upgrade, in a meeting and out of one
at 09:00:10; run --db "$A" meeting start 二 --date 2021-10-02
at 09:00:11; run --db "$A" set 2.1 done
at 09:00:12; run --db "$A" meeting end
at 09:00:13; run --db "$A" note 1.1 收尾; expect_rc 0 "edits after the upgrade"
[ "$(sqlite3 "$A" "PRAGMA integrity_check")" = ok ] && pass || fail "integrity"
[ "$(sqlite3 "$A" "SELECT (SELECT count(*) FROM history INDEXED BY history_by_meeting
  WHERE meeting_id IS NOT NULL) || ' ' || (SELECT count(*) FROM history WHERE meeting_id > 0)
  || ' ' || (SELECT count(*) FROM history WHERE meeting_id IS NULL)")" = "5 5 4" ] \
  && pass || fail "history_by_meeting does not hold the meetings' rows alone"
[ "$(sqlite3 "$A" "SELECT (SELECT count(*) FROM history_gid INDEXED BY history_gid_by_prev
  WHERE prev_gid IS NOT NULL) = (SELECT count(*) FROM history_gid WHERE prev_gid <> '')
  AND (SELECT count(*) FROM history_gid WHERE prev_gid IS NULL) > 0")" = 1 ] \
  && pass || fail "history_gid_by_prev does not hold the replacing rows alone"
# the look-ups each index serves
plan() { sqlite3 "$A" "EXPLAIN QUERY PLAN $1"; }
plan "SELECT 1 FROM history h WHERE h.node_id = 1 AND h.id > 2 AND h.id <= 9
  AND h.action = 'edit' AND h.field IN ('status', 'note')" \
  | grep -q "COVERING INDEX history_by_node (node_id=? AND id>? AND id<?)" && pass \
  || fail "the no-progress probe reads rows, not history_by_node alone"
plan "SELECT g.gid FROM history h JOIN history_gid g ON g.history_id = h.id WHERE h.node_id = 1
  AND h.field = 'status' AND h.old_value <> h.new_value ORDER BY h.id DESC" \
  | grep -q "INDEX history_by_node (node_id=?)" && pass \
  || fail "an item's changes of a field are not read through history_by_node"
plan "SELECT id FROM history WHERE meeting_id = 1" | grep -q "INDEX history_by_meeting" \
  && pass || fail "a meeting's rows are not found through history_by_meeting"
plan "SELECT 1 FROM history_gid c WHERE c.prev_gid = 'x'" | grep -q "INDEX history_gid_by_prev" \
  && pass || fail "a row's successor is not found through history_gid_by_prev"
# The clock of a row made here: above every row's, those synced in since
# this replica's last row included, the greatest not the newest (B's
# change at 11:00 synced in before C's at 10:30; this one's time 09:04).
B="$T/b.db" C="$T/c.db"
at 09:01:00; run --db "$A" clone "$B"; run --db "$A" clone "$C"; expect_rc 0 "clone"
at 11:00:00; run --db "$B" set 1.2 done
at 10:30:00; run --db "$C" note 2.1 外来
at 09:02:00; run --db "$A" set 2.1 behind
at 09:03:00; run --db "$A" sync "$B"; run --db "$A" sync "$C"; expect_rc 0 "sync"
at 09:04:00; run --db "$A" set 1.1 behind; expect_rc 0 "an edit after the sync"
[ "$(sqlite3 "$A" "SELECT g.hlc = (SELECT max(hlc) FROM history_gid WHERE history_id < g.history_id)
  + 1 AND g.hlc > CAST(strftime('%s', '2021-10-01T10:59:00') AS INTEGER) * 65536
  FROM history_gid g ORDER BY history_id DESC LIMIT 1")" = 1 ] \
  && pass || fail "the edit's clock is not above the synced rows' greatest"
at 09:05:00; run --db "$A" set 1.1 done
[ "$(sqlite3 "$A" "SELECT count(*) FROM history_gid g JOIN replica r ON r.uuid = g.origin
  AND r.is_self WHERE g.hlc <= (SELECT max(hlc) FROM history_gid WHERE history_id < g.history_id)
  ")" = 0 ] && pass || fail "a row made here has a clock not above every older row's"
# a plan with meetings is still deleted whole (the meetings' foreign key)
run --db "$A" plans delete 1 --yes; expect_rc 0 "delete the plan"
[ "$(sqlite3 "$A" "SELECT count(*) FROM history")" = 0 ] && pass || fail "history left"
finish
