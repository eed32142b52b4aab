# Every history row made here gets its global identity (sync.h) as the
# trigger history_stamp gave it before schema 14 (store_stamp_history):
# this replica, seq = id, the clock, the change it replaced, the item's
# greatest clock.  Rows stamped by the trigger (a schema 13 database) and
# by C after the upgrade follow the same definition, checked row by row.
. "$(dirname "$0")/lib.sh"
at() { export DUBAN_NOW="2021-10-01T$1Z"; }
A="$T/a.db" B="$T/b.db"

# The trigger's definition, for the rows made here: the number of rows
# that break it (0), given the rows before each.
BROKEN="SELECT count(*) FROM history h JOIN history_gid g ON g.history_id = h.id
  WHERE g.origin = (SELECT uuid FROM replica WHERE is_self = 1) AND (g.seq <> h.id
  OR g.hlc <> max(coalesce(CAST(strftime('%s', h.at) AS INTEGER), 0) * 65536,
    coalesce((SELECT max(g2.hlc) FROM history_gid g2 WHERE g2.history_id < h.id), 0) + 1)
  OR g.prev_gid IS NOT (CASE WHEN h.field <> 'note' AND h.old_value <> h.new_value THEN
    (SELECT g3.gid FROM history h3 JOIN history_gid g3 ON g3.history_id = h3.id
      WHERE h3.node_id = h.node_id AND h3.field = h.field AND h3.id < h.id
        AND h3.old_value <> h3.new_value ORDER BY g3.hlc DESC, g3.origin DESC LIMIT 1) END)
  OR g.node_hlc <> coalesce((SELECT max(g4.hlc) FROM history h4 JOIN history_gid g4
    ON g4.history_id = h4.id WHERE h4.node_id = h.node_id AND h4.id < h.id), 0)
  OR length(g.gid) <> 32 OR g.gid GLOB '*[^0-9a-f]*')"
unstamped() { sqlite3 "$1" "SELECT count(*) FROM history WHERE id NOT IN (SELECT history_id FROM history_gid)"; }
check() { # DB WHAT
  [ "$(sqlite3 "$1" "$BROKEN")" = 0 ] && pass || fail "$2: rows stamped otherwise than the trigger did"
  [ "$(unstamped "$1")" = 0 ] && pass || fail "$2: rows without identity"
}

at 09:00:00; run --db "$A" list; expect_rc 0 "create"
at 09:00:01; run --db "$A" set 1.1 done --note 开工
at 09:00:01; run --db "$A" set 1.1 blocked
at 09:00:01; run --db "$A" undo
at 09:00:02; run --db "$A" redo
at 09:00:02; run --db "$A" note 1.1 已对接
at 09:00:03; run --db "$A" due 1.2 2021-11-30
at 09:00:03; run --db "$A" unit 1.1 县发改局
at 09:00:04; run --db "$A" set 1.1 done; expect_rc 0 "edits"
check "$A" "edits"
[ "$(sqlite3 "$A" "SELECT count(DISTINCT gid) = count(*) AND count(*) >= 8 FROM history_gid")" = 1 ] \
  && pass || fail "gids are not distinct"
[ "$(sqlite3 "$A" "SELECT count(*) FROM history_gid WHERE prev_gid IS NOT NULL")" -ge 4 ] && pass \
  || fail "no edit names the change it replaced"

# Another replica's later change of the same field: the next edit here
# replaces it (greatest clock), not this replica's older one.
at 09:01:00; run --db "$A" clone "$B"; expect_rc 0 "clone"
at 09:02:00; run --db "$B" set 1.1 in_progress
at 09:03:00; run --db "$A" sync "$B"; expect_rc 0 "sync"
at 09:03:30; run --db "$A" set 1.1 not_started; expect_rc 0 "edit after sync"
check "$A" "after a sync"
[ "$(sqlite3 "$A" "SELECT g.prev_gid = (SELECT g2.gid FROM history_gid g2 JOIN replica r
  ON r.uuid = g2.origin AND r.is_self = 0 ORDER BY g2.hlc DESC LIMIT 1)
  FROM history_gid g ORDER BY g.history_id DESC LIMIT 1")" = 1 ] && pass \
  || fail "the edit after a sync replaces the other replica's change"
# A change synced in after this replica's later one (a smaller clock):
# the next edit replaces this replica's own change.
at 09:05:00; run --db "$A" set 1.1 blocked
at 09:04:30; run --db "$B" set 1.1 behind
at 09:06:00; run --db "$A" sync "$B"; expect_rc 0 "second sync"
at 09:06:30; run --db "$A" set 1.1 done; expect_rc 0 "edit after the second sync"
check "$A" "after an older change synced in"
[ "$(sqlite3 "$A" "SELECT g.prev_gid = (SELECT g2.gid FROM history_gid g2 JOIN history h2
  ON h2.id = g2.history_id WHERE h2.new_value = 'blocked' ORDER BY g2.hlc DESC LIMIT 1)
  FROM history_gid g ORDER BY g.history_id DESC LIMIT 1")" = 1 ] && pass \
  || fail "the edit replaces the change with the greater clock"

# A schema 13 database: its trigger stamps rows; opening it drops the
# trigger (migration 14) and the next edits are stamped by C alike.
S="$T/v13.db"
at 10:00:00; run --db "$S" list; expect_rc 0 "create v13"
at 10:00:01; run --db "$S" set 1.1 done
sqlite3 "$S" "CREATE TRIGGER history_stamp AFTER INSERT ON history BEGIN
  INSERT OR IGNORE INTO history_gid(history_id, gid, origin, seq, hlc, prev_gid, node_hlc)
  SELECT new.id, lower(hex(randomblob(16))), uuid, new.id,
    max(coalesce(CAST(strftime('%s', new.at) AS INTEGER), 0) * 65536,
        coalesce((SELECT max(hlc) FROM history_gid), 0) + 1),
    CASE WHEN new.field <> 'note' AND new.old_value <> new.new_value THEN
      (SELECT g.gid FROM history h JOIN history_gid g ON g.history_id = h.id
        WHERE h.node_id = new.node_id AND h.field = new.field AND h.id <> new.id
          AND h.old_value <> h.new_value
        ORDER BY g.hlc DESC, g.origin DESC LIMIT 1) END,
    coalesce((SELECT max(g.hlc) FROM history h JOIN history_gid g ON g.history_id = h.id
      WHERE h.node_id = new.node_id AND h.id <> new.id), 0)
  FROM replica WHERE is_self = 1;
END;
INSERT INTO history(plan_id, node_id, at, action, field, old_value, new_value, done_top)
  SELECT plan_id, id, '2021-10-01T10:00:02Z', 'edit', 'status', 'done', 'blocked', -1
  FROM node WHERE ref = '1.1';
INSERT INTO history(plan_id, node_id, at, action, field, old_value, new_value, done_top)
  SELECT plan_id, id, '2021-10-01T10:00:02Z', 'edit', 'note', '', '已部署', -1
  FROM node WHERE ref = '1.1';
UPDATE node SET status = 'blocked' WHERE ref = '1.1';
PRAGMA user_version = 13;" || fail "making a schema 13 database"
check "$S" "rows stamped by the trigger"
at 10:00:02; run --db "$S" set 1.1 behind; expect_rc 0 "an edit after the upgrade"
at 10:00:03; run --db "$S" note 1.1 再部署
check "$S" "rows stamped after the upgrade"
[ "$(sqlite3 "$S" "SELECT count(*) FROM sqlite_schema WHERE name = 'history_stamp'")" = 0 ] \
  && pass || fail "the trigger is still there"
[ "$(sqlite3 "$S" "PRAGMA user_version")" -ge 14 ] && pass || fail "not upgraded"
# history_by_target holds the undo and redo rows only, and still serves
# the look-up of an edit's undo
[ "$(sqlite3 "$S" "SELECT sql LIKE '%WHERE target_id IS NOT NULL' FROM sqlite_schema
  WHERE name = 'history_by_target'")" = 1 ] && pass || fail "history_by_target is not partial"
at 10:00:04; run --db "$S" undo; expect_rc 0 "undo after the upgrade"
check "$S" "an undo after the upgrade"
[ "$(sqlite3 "$S" "SELECT count(*) FROM history INDEXED BY history_by_target
  WHERE target_id IS NOT NULL")" = 1 ] && pass || fail "the undo row is not in history_by_target"
sqlite3 "$S" "EXPLAIN QUERY PLAN SELECT action FROM history u WHERE u.target_id = 5
  ORDER BY u.id DESC LIMIT 1" | grep -q "INDEX history_by_target" && pass \
  || fail "an edit's undo is not looked up by history_by_target"
[ "$(sqlite3 "$S" "SELECT g.prev_gid = (SELECT gid FROM history_gid WHERE history_id = 2)
  FROM history_gid g WHERE g.history_id = 4")" = 1 ] && pass \
  || fail "the first edit after the upgrade replaces the trigger-stamped change"
finish
