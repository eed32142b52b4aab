/* schema.c - the numbered migrations.  Migration i (1-based) brings a
 * database from user_version i-1 to i.  Never edit a released migration;
 * add a new one. */
#include "store/schema.h"

#include <stddef.h>

/* clang-format off */
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
