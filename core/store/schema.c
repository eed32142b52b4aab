/* schema.c - the numbered migrations.  Migration i (1-based) brings a
 * database from user_version i-1 to i.  Never edit a released migration;
 * add a new one. */
#include "store/schema.h"

#include <stddef.h>

/* clang-format off */
/* The memo's triggers since migration 20: forget the kept counts, when
 * there are any (an empty table's DELETE still writes its root page). */
#define MEMO_FORGET \
    "  WHEN EXISTS (SELECT 1 FROM area_summary_memo)" \
    " BEGIN DELETE FROM area_summary_memo; END;"
static const struct migration {
    const char *sql;  /* run first */
    schema_step step; /* then this, or NULL */
} migrations[] = {
    /* 1: plans, the outline tree, milestones, notes, history, UI state, search */
    {"CREATE TABLE plan("
    "  id INTEGER PRIMARY KEY,"
    "  title TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  period_start TEXT NOT NULL,"
    "  period_end TEXT NOT NULL,"
    "  source TEXT NOT NULL DEFAULT '',"
    "  preamble TEXT NOT NULL DEFAULT '',"
    "  imported_at TEXT NOT NULL);"
    "CREATE TABLE node("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
    "  parent_id INTEGER REFERENCES node(id) ON DELETE CASCADE,"
    "  depth INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),"
    "  seq INTEGER NOT NULL,"
    "  ref TEXT NOT NULL,"
    "  sort_key TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  body TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL DEFAULT 'not_started',"
    "  due TEXT NOT NULL DEFAULT '',"
    "  unit TEXT NOT NULL DEFAULT '',"
    "  leader TEXT NOT NULL DEFAULT '',"
    "  line INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (plan_id, ref));"
    "CREATE INDEX node_by_parent ON node(parent_id, seq);"
    "CREATE INDEX node_by_order ON node(plan_id, sort_key);"
    "CREATE INDEX node_by_due ON node(plan_id, due);"
    "CREATE TABLE milestone("
    "  id INTEGER PRIMARY KEY,"
    "  node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL,"
    "  phrase TEXT NOT NULL,"
    "  word TEXT NOT NULL,"
    "  due TEXT NOT NULL,"
    "  approximate INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX milestone_by_node ON milestone(node_id, seq);"
    "CREATE TABLE history("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
    "  node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,"
    "  at TEXT NOT NULL,"
    "  action TEXT NOT NULL CHECK (action IN ('edit', 'undo', 'redo')),"
    "  target_id INTEGER REFERENCES history(id),"
    "  field TEXT NOT NULL,"
    "  old_value TEXT NOT NULL DEFAULT '',"
    "  new_value TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX history_by_node ON history(node_id, id);"
    "CREATE INDEX history_by_plan ON history(plan_id, id);"
    "CREATE TRIGGER history_is_append_only BEFORE UPDATE ON history"
    "  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;"
    "CREATE TABLE note("
    "  id INTEGER PRIMARY KEY,"
    "  node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,"
    "  history_id INTEGER REFERENCES history(id),"
    "  at TEXT NOT NULL,"
    "  text TEXT NOT NULL);"
    "CREATE INDEX note_by_node ON note(node_id, id);"
    "CREATE INDEX note_by_history ON note(history_id);"
    "CREATE TABLE ui_state("
    "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
    "  key TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  PRIMARY KEY (plan_id, key));"
    /* Search: FTS5 trigram index over title, body and the item's notes,
     * kept current by triggers so no C code has to remember it. */
    "CREATE VIRTUAL TABLE node_fts USING fts5(title, body, notes, tokenize = 'trigram');"
    "CREATE TRIGGER node_fts_insert AFTER INSERT ON node BEGIN"
    "  INSERT INTO node_fts(rowid, title, body, notes) VALUES (new.id, new.title, new.body, '');"
    "END;"
    "CREATE TRIGGER node_fts_update AFTER UPDATE OF title, body ON node BEGIN"
    "  UPDATE node_fts SET title = new.title, body = new.body WHERE rowid = new.id;"
    "END;"
    "CREATE TRIGGER node_fts_delete AFTER DELETE ON node BEGIN"
    "  DELETE FROM node_fts WHERE rowid = old.id;"
    "END;"
    "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN"
    "  UPDATE node_fts SET notes = (SELECT group_concat(text, ' ') FROM note"
    "    WHERE node_id = new.node_id) WHERE rowid = new.node_id;"
    "END;"
    "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN"
    "  UPDATE node_fts SET notes = coalesce((SELECT group_concat(text, ' ') FROM note"
    "    WHERE node_id = old.node_id), '') WHERE rowid = old.node_id;"
    "END;",
     NULL},
    /* 2: meetings (history rows made while one is open belong to it),
     * approved extensions of due dates, numeric targets (see meeting.h,
     * target.h).  history_start/history_end are the largest history id
     * when the meeting started/ended (NULL while open). */
    {"CREATE TABLE meeting("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
    "  title TEXT NOT NULL,"
    "  date TEXT NOT NULL,"
    "  started_at TEXT NOT NULL,"
    "  ended_at TEXT,"
    "  history_start INTEGER NOT NULL DEFAULT 0,"
    "  history_end INTEGER);"
    "CREATE INDEX meeting_by_plan ON meeting(plan_id, id);"
    "CREATE UNIQUE INDEX meeting_one_open ON meeting(plan_id) WHERE ended_at IS NULL;"
    "ALTER TABLE history ADD COLUMN meeting_id INTEGER REFERENCES meeting(id);"
    "CREATE INDEX history_by_meeting ON history(meeting_id, id);"
    "CREATE INDEX history_by_target ON history(target_id);"
    "ALTER TABLE node ADD COLUMN extended_due TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE target("
    "  id INTEGER PRIMARY KEY,"
    "  node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL,"
    "  label TEXT NOT NULL,"
    "  number REAL NOT NULL,"
    "  unit TEXT NOT NULL DEFAULT '',"
    "  direction TEXT NOT NULL CHECK (direction IN ('at_least', 'at_most')),"
    "  phrase TEXT NOT NULL DEFAULT '',"
    "  current REAL,"
    "  UNIQUE (node_id, seq));",
     schema_step_targets},
    /* 3: the undo and redo stacks as they stand after each history row, so
     * undo and redo read one row instead of replaying the history.
     * done_top: the row that pushed the top of the undo stack (an edit or
     * a redo; -1 = this row, 0 = empty); redo_top: the undo row at the top
     * of the redo stack (-1 = this row, 0 = empty).  Existing rows are
     * filled by replaying them (schema_step_undo, run inside this migration),
     * which needs the append-only trigger lifted for that one pass. */
    {"ALTER TABLE history ADD COLUMN done_top INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE history ADD COLUMN redo_top INTEGER NOT NULL DEFAULT 0;"
    "DROP TRIGGER history_is_append_only;",
     schema_step_undo},
    /* 4: the plan's structure is editable (edit/structure.h).
     * node.state: '' live, 'cancelled' (取消, kept and restorable, out of
     * the counts), 'removed' (an undone addition or a deleted item: kept
     * for the history, shown nowhere).  milestone.done: the day it was
     * marked done ('' open); milestone.state and note.state: '' or
     * 'removed'.  moved_ref: refs a node had before a move or a renumber,
     * so an old ref still leads to it.  setting: database-wide choices
     * (the default plan).  plan.statuses: the plan's status set, as
     * written by status_set_serialize ('' = none recorded yet). */
    {"ALTER TABLE node ADD COLUMN state TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE milestone ADD COLUMN done TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE milestone ADD COLUMN state TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE note ADD COLUMN state TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE moved_ref("
    "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
    "  old_ref TEXT NOT NULL,"
    "  node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,"
    "  PRIMARY KEY (plan_id, old_ref));"
    "CREATE INDEX moved_ref_by_node ON moved_ref(node_id);"
    "CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "ALTER TABLE plan ADD COLUMN statuses TEXT NOT NULL DEFAULT '';"
    "DROP TRIGGER note_fts_insert;"
    "DROP TRIGGER note_fts_delete;"
    "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN"
    "  UPDATE node_fts SET notes = coalesce((SELECT group_concat(text, ' ') FROM note"
    "    WHERE node_id = new.node_id AND state = ''), '') WHERE rowid = new.node_id;"
    "END;"
    "CREATE TRIGGER note_fts_update AFTER UPDATE OF state ON note BEGIN"
    "  UPDATE node_fts SET notes = coalesce((SELECT group_concat(text, ' ') FROM note"
    "    WHERE node_id = new.node_id AND state = ''), '') WHERE rowid = new.node_id;"
    "END;"
    "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN"
    "  UPDATE node_fts SET notes = coalesce((SELECT group_concat(text, ' ') FROM note"
    "    WHERE node_id = old.node_id AND state = ''), '') WHERE rowid = old.node_id;"
    "END;",
     NULL},
    /* 5: search matches the unit and the leader too: the FTS index gets
     * their columns (rebuilt from the nodes and their notes that are not
     * removed), and its triggers follow them. */
    {"DROP TRIGGER node_fts_insert;"
    "DROP TRIGGER node_fts_update;"
    "DROP TRIGGER node_fts_delete;"
    "DROP TRIGGER note_fts_insert;"
    "DROP TRIGGER note_fts_delete;"
    "DROP TRIGGER note_fts_update;"
    "DROP TABLE node_fts;"
    "CREATE VIRTUAL TABLE node_fts USING fts5(title, body, notes, unit, leader,"
    "  tokenize = 'trigram');"
    "INSERT INTO node_fts(rowid, title, body, notes, unit, leader)"
    "  SELECT n.id, n.title, n.body, coalesce((SELECT group_concat(t.text, ' ') FROM note t"
    "    WHERE t.node_id = n.id AND t.state = ''), ''), n.unit, n.leader FROM node n;"
    "CREATE TRIGGER node_fts_insert AFTER INSERT ON node BEGIN"
    "  INSERT INTO node_fts(rowid, title, body, notes, unit, leader)"
    "    VALUES (new.id, new.title, new.body, '', new.unit, new.leader);"
    "END;"
    "CREATE TRIGGER node_fts_update AFTER UPDATE OF title, body, unit, leader ON node BEGIN"
    "  UPDATE node_fts SET title = new.title, body = new.body, unit = new.unit,"
    "    leader = new.leader WHERE rowid = new.id;"
    "END;"
    "CREATE TRIGGER node_fts_delete AFTER DELETE ON node BEGIN"
    "  DELETE FROM node_fts WHERE rowid = old.id;"
    "END;"
    "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN"
    "  UPDATE node_fts SET notes = coalesce((SELECT group_concat(text, ' ') FROM note"
    "    WHERE node_id = new.node_id AND state = ''), '') WHERE rowid = new.node_id;"
    "END;"
    "CREATE TRIGGER note_fts_update AFTER UPDATE OF state ON note BEGIN"
    "  UPDATE node_fts SET notes = coalesce((SELECT group_concat(text, ' ') FROM note"
    "    WHERE node_id = new.node_id AND state = ''), '') WHERE rowid = new.node_id;"
    "END;"
    "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN"
    "  UPDATE node_fts SET notes = coalesce((SELECT group_concat(text, ' ') FROM note"
    "    WHERE node_id = old.node_id AND state = ''), '') WHERE rowid = old.node_id;"
    "END;",
     NULL},
    /* 6: a covering index for the plan summary: the item counts and the
     * per-area statistics, of the plan or of one area (a sort-key range),
     * read this index alone instead of reaching each row through
     * node_by_due or node_by_order (issue 15).  It begins with
     * node_by_order's columns, which it replaces. */
    {"CREATE INDEX node_stats ON node(plan_id, sort_key, depth, status, due, extended_due);"
    "DROP INDEX node_by_order;",
     NULL},
    /* 7 (sync): replicas and global identities (see sync/sync.h).  This
     * database becomes a replica with a random identity; plans and items
     * get random global ids (plan.gid, node.gid: a clone shares them);
     * every history row gets a global id, its origin replica and sequence
     * number, a hybrid logical clock (hlc) and the row whose value it
     * replaced (prev_gid), stamped by a trigger for local rows; sync writes
     * its own for rows it brings in.  Existing rows are this replica's. */
    {"CREATE TABLE replica("
    "  uuid TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL DEFAULT '',"
    "  is_self INTEGER NOT NULL DEFAULT 0,"
    "  last_exchange TEXT NOT NULL DEFAULT '');"
    "CREATE UNIQUE INDEX replica_one_self ON replica(is_self) WHERE is_self = 1;"
    "INSERT INTO replica(uuid, is_self) VALUES (lower(hex(randomblob(16))), 1);"
    "ALTER TABLE plan ADD COLUMN gid TEXT;"
    "UPDATE plan SET gid = lower(hex(randomblob(16)));"
    "CREATE UNIQUE INDEX plan_by_gid ON plan(gid);"
    "CREATE TRIGGER plan_gid AFTER INSERT ON plan WHEN new.gid IS NULL BEGIN"
    "  UPDATE plan SET gid = lower(hex(randomblob(16))) WHERE id = new.id;"
    "END;"
    "ALTER TABLE node ADD COLUMN gid TEXT;"
    "UPDATE node SET gid = lower(hex(randomblob(16)));"
    "CREATE UNIQUE INDEX node_by_gid ON node(gid);"
    "CREATE TRIGGER node_gid AFTER INSERT ON node WHEN new.gid IS NULL BEGIN"
    "  UPDATE node SET gid = lower(hex(randomblob(16))) WHERE id = new.id;"
    "END;"
    "CREATE TABLE history_gid("
    "  history_id INTEGER PRIMARY KEY,"
    "  gid TEXT NOT NULL UNIQUE,"
    "  origin TEXT NOT NULL,"
    "  seq INTEGER NOT NULL,"
    "  hlc INTEGER NOT NULL,"
    "  prev_gid TEXT,"
    "  UNIQUE (origin, seq));"
    "CREATE INDEX history_gid_by_hlc ON history_gid(hlc);"
    "CREATE INDEX history_gid_by_prev ON history_gid(prev_gid);"
    "INSERT INTO history_gid(history_id, gid, origin, seq, hlc)"
    "  SELECT id, lower(hex(randomblob(16))), (SELECT uuid FROM replica WHERE is_self = 1), id, id"
    "  FROM history;"
    "UPDATE history_gid SET prev_gid = (SELECT g2.gid FROM history h JOIN history h2"
    "    ON h2.node_id = h.node_id AND h2.field = h.field AND h2.id < h.id"
    "    JOIN history_gid g2 ON g2.history_id = h2.id"
    "  WHERE h.id = history_gid.history_id AND h.field <> 'note' AND h.old_value <> h.new_value"
    "    AND h2.old_value <> h2.new_value ORDER BY h2.id DESC LIMIT 1);"
    "CREATE TRIGGER history_stamp AFTER INSERT ON history BEGIN"
    "  INSERT OR IGNORE INTO history_gid(history_id, gid, origin, seq, hlc, prev_gid)"
    "  SELECT new.id, lower(hex(randomblob(16))), uuid, new.id,"
    "    max(coalesce(CAST(strftime('%s', new.at) AS INTEGER), 0) * 65536,"
    "        coalesce((SELECT max(hlc) FROM history_gid), 0) + 1),"
    "    CASE WHEN new.field <> 'note' AND new.old_value <> new.new_value THEN"
    "      (SELECT g.gid FROM history h JOIN history_gid g ON g.history_id = h.id"
    "        WHERE h.node_id = new.node_id AND h.field = new.field AND h.id <> new.id"
    "          AND h.old_value <> h.new_value"
    "        ORDER BY g.hlc DESC, g.origin DESC LIMIT 1) END"
    "  FROM replica WHERE is_self = 1;"
    "END;"
    "CREATE TRIGGER history_unstamp AFTER DELETE ON history BEGIN"
    "  DELETE FROM history_gid WHERE history_id = old.id;"
    "END;"
    "CREATE TABLE sync_peer_seen("
    "  plan_gid TEXT NOT NULL,"
    "  replica TEXT NOT NULL,"
    "  origin TEXT NOT NULL,"
    "  seq INTEGER NOT NULL,"
    "  PRIMARY KEY (plan_gid, replica, origin));"
    "CREATE TABLE sync_log("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  plan_gid TEXT NOT NULL,"
    "  peer TEXT NOT NULL,"
    "  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),"
    "  changes INTEGER NOT NULL,"
    "  conflicts INTEGER NOT NULL,"
    "  source TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE conflict_ack("
    "  gid TEXT PRIMARY KEY,"
    "  at TEXT NOT NULL);",
     NULL},
    /* 8 (meeting room): who attended a meeting, its minutes frozen when
     * it ended (one body per format; dropped when it is reopened), and its
     * decisions (议定事项), each about an item or not, with a unit and a
     * due date or not. */
    {"ALTER TABLE meeting ADD COLUMN attendees TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE meeting_minutes("
    "  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
    "  format TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  PRIMARY KEY (meeting_id, format));"
    "CREATE TABLE decision("
    "  id INTEGER PRIMARY KEY,"
    "  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
    "  node_id INTEGER REFERENCES node(id) ON DELETE SET NULL,"
    "  text TEXT NOT NULL,"
    "  unit TEXT NOT NULL DEFAULT '',"
    "  due TEXT NOT NULL DEFAULT '',"
    "  at TEXT NOT NULL);"
    "CREATE INDEX decision_by_meeting ON decision(meeting_id, id);",
     NULL},
    /* 9 (decisions tracked): a decision with a unit and a due date becomes
     * an item of the plan (edit/decision.h); item_id is that item. */
    {"ALTER TABLE decision ADD COLUMN item_id INTEGER REFERENCES node(id) ON DELETE SET NULL;",
     NULL},
    /* 10 (speed, issue 15): what is late, found by an index range instead
     * of a walk of the plan: items and sub-items by the due date that
     * counts (an extension replaces the due date; the expression is
     * EFFECTIVE_DUE in query/stats_internal.h, spelled the same), and
     * open milestones by due date.  The history stamp's look-up of the
     * value a change replaced (migration 7) reads the node's changes of
     * one field, not every row of the node's history.  IF NOT EXISTS: a
     * database taken back to an older version by hand (tests) keeps them. */
    {"CREATE INDEX IF NOT EXISTS node_late ON node(plan_id, coalesce(nullif(extended_due, ''), due))"
    "  WHERE depth >= 2;"
    "CREATE INDEX IF NOT EXISTS milestone_open_by_due ON milestone(due) WHERE done = '' AND state = '';"
    "CREATE INDEX IF NOT EXISTS history_changes ON history(node_id, field) WHERE old_value <> new_value;",
     NULL},
    /* 11 (sync, structure): structural edits travel (see sync/sync.h).
     * history_gid.node_hlc: the greatest clock of the item's rows held
     * where a row was made (what its author had seen of the item).
     * sync_added: where an addition placed its item, "PARENT_GID SEQ
     * SUFFIX" (PARENT_GID 0 for an area; SUFFIX the sort key after the
     * parent's), stamped by a trigger for local additions. */
    {"ALTER TABLE history_gid ADD COLUMN node_hlc INTEGER NOT NULL DEFAULT 0;"
    "DROP TRIGGER history_stamp;"
    "CREATE TRIGGER history_stamp AFTER INSERT ON history BEGIN"
    "  INSERT OR IGNORE INTO history_gid(history_id, gid, origin, seq, hlc, prev_gid, node_hlc)"
    "  SELECT new.id, lower(hex(randomblob(16))), uuid, new.id,"
    "    max(coalesce(CAST(strftime('%s', new.at) AS INTEGER), 0) * 65536,"
    "        coalesce((SELECT max(hlc) FROM history_gid), 0) + 1),"
    "    CASE WHEN new.field <> 'note' AND new.old_value <> new.new_value THEN"
    "      (SELECT g.gid FROM history h JOIN history_gid g ON g.history_id = h.id"
    "        WHERE h.node_id = new.node_id AND h.field = new.field AND h.id <> new.id"
    "          AND h.old_value <> h.new_value"
    "        ORDER BY g.hlc DESC, g.origin DESC LIMIT 1) END,"
    "    coalesce((SELECT max(g.hlc) FROM history h JOIN history_gid g ON g.history_id = h.id"
    "      WHERE h.node_id = new.node_id AND h.id <> new.id), 0)"
    "  FROM replica WHERE is_self = 1;"
    "END;"
    "CREATE TABLE sync_added("
    "  history_id INTEGER PRIMARY KEY REFERENCES history(id) ON DELETE CASCADE,"
    "  place TEXT NOT NULL);"
    "CREATE TRIGGER sync_added_stamp AFTER INSERT ON history"
    "  WHEN new.action = 'edit' AND new.field = 'state' AND new.old_value = 'removed'"
    "  AND new.new_value = '' BEGIN"
    "  INSERT OR REPLACE INTO sync_added(history_id, place)"
    "  SELECT new.id, coalesce(p.gid, '0') || ' ' || n.seq || ' ' || CASE WHEN p.id IS NULL"
    "    THEN n.sort_key ELSE substr(n.sort_key, length(p.sort_key) + 1) END"
    "  FROM node n LEFT JOIN node p ON p.id = n.parent_id WHERE n.id = new.node_id;"
    "END;"
    "INSERT INTO sync_added(history_id, place)"
    "  SELECT h.id, coalesce(p.gid, '0') || ' ' || n.seq || ' ' || CASE WHEN p.id IS NULL"
    "    THEN n.sort_key ELSE substr(n.sort_key, length(p.sort_key) + 1) END"
    "  FROM history h JOIN node n ON n.id = h.node_id LEFT JOIN node p ON p.id = n.parent_id"
    "  WHERE h.action = 'edit' AND h.field = 'state' AND h.old_value = 'removed'"
    "    AND h.new_value = '';",
     NULL},
    /* 12: the outline's area lines in one pass over indexes (issue 15,
     * query/area_summary.h): node_stats also holds state, so that telling
     * cancelled and removed nodes apart reaches no node's row, and the
     * open milestones of every node are read from milestone_open alone
     * (also what a light's or a statistic's milestone lookup reads). */
    {"DROP INDEX IF EXISTS node_stats;"
    "CREATE INDEX node_stats ON node(plan_id, sort_key, depth, status, due, extended_due, state);"
    "CREATE INDEX IF NOT EXISTS milestone_open ON milestone(node_id, done, state, due);",
     NULL},
    /* 13 (sync): milestone.hkey, the number in history field names
     * (ms.HKEY.*) and so in the undo stack: local, never changed.  seq is
     * the number people see and type; a sync may renumber it so that the
     * numbers of milestones added on two replicas at once agree
     * (sync/sync.h).  A milestone inserted without one takes its seq. */
    {"ALTER TABLE milestone ADD COLUMN hkey INTEGER NOT NULL DEFAULT 0;"
    "UPDATE milestone SET hkey = seq;"
    "CREATE INDEX milestone_by_hkey ON milestone(node_id, hkey);"
    "CREATE TRIGGER milestone_hkey AFTER INSERT ON milestone WHEN new.hkey = 0 BEGIN"
    "  UPDATE milestone SET hkey = new.seq WHERE id = new.id;"
    "END;",
     NULL},
    /* 14 (speed, issue 15): a local history row's identity is stamped by
     * C code with statements prepared once (store_stamp_history(), called
     * by edit_insert_history(), the one place rows are made here) instead
     * of the trigger history_stamp, which compiled into every history
     * insert, sync's own included, and looked the item's rows up twice.
     * history_by_target holds only the undo and redo rows (every query
     * looks a target up by equality): an edit writes one page less. */
    {"DROP TRIGGER IF EXISTS history_stamp;"
    "DROP INDEX IF EXISTS history_by_target;"
    "CREATE INDEX history_by_target ON history(target_id) WHERE target_id IS NOT NULL;",
     NULL},
    /* 15 (speed, issue 15): fewer index pages an edit writes, each index
     * checked against its readers.  history_by_node covers what the no
     * progress list's probe reads (meeting_silent_items: an item's rows by
     * id, their field and action) and serves an item's changes of one
     * field (the history stamp, sync, conflicts: the item's few rows, the
     * field read from the index), so history_changes goes.  Every look-up
     * of a meeting's rows, and a meeting's deletion (foreign key), asks
     * for one meeting: history_by_meeting holds only rows made in one.
     * Conflicts look a row's successor up by equality: history_gid_by_prev
     * holds only the rows that replaced a value (not notes, not an item's
     * first change of a field).  The history stamp's greatest clock walks
     * the rows newest first, down to this replica's last row (see
     * store_stamp_history()), instead of reading history_gid_by_hlc; the
     * sync statements that order by clock read a plan's rows whole and
     * sort them.  A status edit outside a meeting writes 9 pages instead
     * of 12. */
    {"DROP INDEX IF EXISTS history_changes;"
    "DROP INDEX IF EXISTS history_by_node;"
    "CREATE INDEX history_by_node ON history(node_id, id, field, action);"
    "DROP INDEX IF EXISTS history_by_meeting;"
    "CREATE INDEX history_by_meeting ON history(meeting_id, id) WHERE meeting_id IS NOT NULL;"
    "DROP INDEX IF EXISTS history_gid_by_prev;"
    "CREATE INDEX history_gid_by_prev ON history_gid(prev_gid) WHERE prev_gid IS NOT NULL;"
    "DROP INDEX IF EXISTS history_gid_by_hlc;",
     NULL},
    /* 16 (speed, issue 15): a listing (duban list, query/listing.h) reads
     * node_listing alone, in outline order, instead of node_stats and
     * every node's row: the rows carry each item's body, so the listing
     * read three to four times the pages the sqlite3 CLI did.  Partial
     * like the listing's WHERE, so removed nodes take no room.  A status
     * edit writes one index entry more; node_stats stays narrow for the
     * outline's passes, which read no text. */
    {"CREATE INDEX IF NOT EXISTS node_listing ON node(plan_id, sort_key, depth, ref, status, due,"
    " unit, leader, state, title) WHERE state <> 'removed';",
     NULL},
    /* 17 (speed, issue 15): the areas' numbers of the last full count,
     * per plan, with what they were counted for (memo_key: the day, the
     * rules, the status set; query/summary_memo.h): the next start reads
     * them instead of the whole plan.  Any change to what they count, by
     * any program, forgets them all: a node's or a milestone's row added,
     * removed, or changed in a column the count reads. */
    {"CREATE TABLE IF NOT EXISTS area_summary_memo("
    "  plan_id INTEGER PRIMARY KEY,"
    "  memo_key TEXT NOT NULL,"
    "  numbers TEXT NOT NULL);"
    "CREATE TRIGGER IF NOT EXISTS memo_node_insert AFTER INSERT ON node"
    "  BEGIN DELETE FROM area_summary_memo; END;"
    "CREATE TRIGGER IF NOT EXISTS memo_node_delete AFTER DELETE ON node"
    "  BEGIN DELETE FROM area_summary_memo; END;"
    "CREATE TRIGGER IF NOT EXISTS memo_node_update AFTER UPDATE OF plan_id, parent_id, depth, seq, sort_key,"
    "  state, status, due, extended_due ON node"
    "  BEGIN DELETE FROM area_summary_memo; END;"
    "CREATE TRIGGER IF NOT EXISTS memo_milestone_insert AFTER INSERT ON milestone"
    "  BEGIN DELETE FROM area_summary_memo; END;"
    "CREATE TRIGGER IF NOT EXISTS memo_milestone_delete AFTER DELETE ON milestone"
    "  BEGIN DELETE FROM area_summary_memo; END;"
    "CREATE TRIGGER IF NOT EXISTS memo_milestone_update AFTER UPDATE OF node_id, done, state, due ON milestone"
    "  BEGIN DELETE FROM area_summary_memo; END;",
     NULL},
    /* 18 (speed, issue 15): node_late covers what the overdue and due-soon
     * lists read of an item (query_overdue.c, due_soon.c: DATED_TAIL and
     * DATED_FROM in query/dated_rows.h), so that their range reads the
     * index alone, in date order, instead of looking every late item's
     * row up in the table (4,000 look-ups at 10k items): duban overdue
     * and the minutes read 3 ms less there.  An edit of an item's status,
     * title, unit or leader writes one index entry more (a status edit at
     * 10k: 1.17-1.20 -> 1.30-1.31 of a bare durable transaction, core_bench
     * --only status_edit).  test_explain holds the lists to it. */
    {"DROP INDEX IF EXISTS node_late;"
    "CREATE INDEX node_late ON node(plan_id, coalesce(nullif(extended_due, ''), due), status, state,"
    " depth, parent_id, ref, sort_key, seq, due, extended_due, unit, leader, title) WHERE depth >= 2;",
     NULL},
    /* 19 (speed, issue 15): each node's last report (a history row
     * editing its status, note, extension or a target's value, as
     * REPORT in query/meeting_changes.c says; standing or not), kept as
     * history is written, by any program: the "no progress" list of a
     * long window then reads one small row an item instead of probing
     * its history (query/meeting_changes.c).  History is append-only and
     * its rows leave only with their node, as these do. */
    {"CREATE TABLE IF NOT EXISTS node_last_report("
    "  node_id INTEGER PRIMARY KEY REFERENCES node(id) ON DELETE CASCADE,"
    "  history_id INTEGER NOT NULL);"
    "INSERT OR REPLACE INTO node_last_report(node_id, history_id)"
    "  SELECT node_id, max(id) FROM history WHERE action = 'edit'"
    "  AND (field IN ('status', 'note', 'extension') OR field LIKE 'target.%') GROUP BY node_id;"
    "CREATE TRIGGER IF NOT EXISTS node_last_report_stamp AFTER INSERT ON history"
    "  WHEN new.action = 'edit'"
    "  AND (new.field IN ('status', 'note', 'extension') OR new.field LIKE 'target.%')"
    "  BEGIN INSERT INTO node_last_report(node_id, history_id) VALUES (new.node_id, new.id)"
    "  ON CONFLICT(node_id) DO UPDATE SET history_id = max(history_id, excluded.history_id); END;",
     NULL},
    /* 20 (speed, issue 15): a status edit writes fewer pages, each page
     * a frame of the WAL written and synced at the commit (about 20 us a
     * frame here, bench/RESULTS.md).  node_late orders an item's entry by
     * its place (sort_key, one a plan) before its status, so a status
     * edit rewrites the entry where it is instead of moving it to another
     * leaf, which split or merged leaves: 4 pages -> 1.  The late lists
     * read the entries in the order they show (date, then outline) too.
     * The memo's triggers empty area_summary_memo only when it holds a
     * row: a DELETE of every row writes the table's root page even when
     * the table is empty. */
    {"DROP INDEX IF EXISTS node_late;"
    "CREATE INDEX node_late ON node(plan_id, coalesce(nullif(extended_due, ''), due), sort_key, status,"
    " state, depth, parent_id, ref, seq, due, extended_due, unit, leader, title) WHERE depth >= 2;"
    "DROP TRIGGER IF EXISTS memo_node_insert;"
    "CREATE TRIGGER memo_node_insert AFTER INSERT ON node"
    MEMO_FORGET
    "DROP TRIGGER IF EXISTS memo_node_delete;"
    "CREATE TRIGGER memo_node_delete AFTER DELETE ON node"
    MEMO_FORGET
    "DROP TRIGGER IF EXISTS memo_node_update;"
    "CREATE TRIGGER memo_node_update AFTER UPDATE OF plan_id, parent_id, depth, seq, sort_key,"
    "  state, status, due, extended_due ON node"
    MEMO_FORGET
    "DROP TRIGGER IF EXISTS memo_milestone_insert;"
    "CREATE TRIGGER memo_milestone_insert AFTER INSERT ON milestone"
    MEMO_FORGET
    "DROP TRIGGER IF EXISTS memo_milestone_delete;"
    "CREATE TRIGGER memo_milestone_delete AFTER DELETE ON milestone"
    MEMO_FORGET
    "DROP TRIGGER IF EXISTS memo_milestone_update;"
    "CREATE TRIGGER memo_milestone_update AFTER UPDATE OF node_id, done, state, due ON milestone"
    MEMO_FORGET,
     NULL},
    /* 21 (speed, issue 15): what a search needs of each item the FTS
     * index matched (its plan, whether it was removed, its place in the
     * outline), by id, without its row: a search looks its matches up
     * here in id order, some 75 to a 2 KiB page, instead of reading a
     * node's row (about 7 to a page, spread over the whole table) for
     * each (query_search.c; core_bench search3: 0.6x at 10k and 100k).
     * A status edit changes none of its columns. */
    {"CREATE INDEX IF NOT EXISTS node_search ON node(id, plan_id, state, sort_key);",
     NULL},
    /* 22 (speed, issue 15): SQLite tests `x IN (three or more constants)`
     * by building a temporary b-tree of them each time the test runs: two
     * a history row (history's CHECK on action, the last-report trigger),
     * a fifth of a status edit's instructions.  Both are written as ORs,
     * which test the same values; the CHECK by the step, which rewrites
     * the table's definition in place (schema_step_history_check). */
    {"DROP TRIGGER IF EXISTS node_last_report_stamp;"
    "CREATE TRIGGER node_last_report_stamp AFTER INSERT ON history"
    "  WHEN new.action = 'edit' AND (new.field = 'status' OR new.field = 'note'"
    "    OR new.field = 'extension' OR new.field LIKE 'target.%')"
    "  BEGIN INSERT INTO node_last_report(node_id, history_id) VALUES (new.node_id, new.id)"
    "  ON CONFLICT(node_id) DO UPDATE SET history_id = max(history_id, excluded.history_id); END;",
     schema_step_history_check},
};
/* clang-format on */

int schema_migration_count(void)
{
    return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *schema_append_only_trigger(void)
{
    return "CREATE TRIGGER history_is_append_only BEFORE UPDATE ON history"
           "  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;";
}

schema_step schema_migration_step(int version)
{
    if (version < 1 || version > schema_migration_count())
        return NULL;
    return migrations[version - 1].step;
}

const char *schema_migration(int version)
{
    if (version < 1 || version > schema_migration_count())
        return NULL;
    return migrations[version - 1].sql;
}
