/* conflict.c - conflicts: assignments nobody replaced that lost to another
 * value (the rule is in sync.h), until acknowledged here. */
#include "sync/sync_internal.h"

#include <stdlib.h>
#include <string.h>

/* clang-format off */
/* Every conflict of plan ?1, as (id, ref, field, lost value, won value,
 * lost by, won by, lost at, won at, winner's id, node, hlc, origin, kind:
 * 0 a value that lost, 1 an edit of an item cancelled meanwhile).
 * Values: the losing head (l) and the winner (w), which is the greatest
 * head of its field (a row that replaced another has the greater clock);
 * a move ("place": "PARENT SEQ KEY" in local ids) is compared by parent
 * and number only (the key's prefix is the parent's key where the row
 * landed), shown as the ref it asked for (the parent's ref now and the
 * number) against where the item is now, and listed only when the item
 * is not where the losing move put it; orders (renumberings) merge on
 * their own (places.c) and are not listed; a milestone's field is shown
 * by its phrase (its number differs between replicas when two added one
 * at once).
 * Only items with rows from two origins can have two heads (touched,
 * store_internal.h): the others are skipped without reading their
 * history.  Cancelled: an edit
 * (e) of an item whose state's winner (c) cancelled it, made on another
 * replica, where neither had seen the other (each one's node_hlc, the
 * item's newest clock its author held, is below the other's clock).
 * The touched items are found through history_gid's (origin, seq) index
 * and their history through history_by_node ("+h.plan_id"), so a
 * database that never synced answers at once instead of reading all its
 * history (2.6 s at 1,000,000 rows; issue 15), and a clone reads the
 * items edited on both sides, not the history it was copied with. */
#define SHOWN_FIELD(f, node) \
    " CASE WHEN " f " LIKE 'ms.%.%' THEN 'ms.' || coalesce((SELECT m.phrase FROM milestone m" \
    "  WHERE m.node_id = " node " AND substr(" f ", 1, length('ms.' || m.hkey || '.'))" \
    "  = 'ms.' || m.hkey || '.'), '?') || substr(" f ", instr(substr(" f ", 4), '.') + 3)" \
    "  ELSE " f " END"
#define CONFLICTS_SQL \
    "WITH" TOUCHED_CTE "," \
    " a AS (SELECT h.id, h.node_id, h.field, h.new_value, h.at, g.gid, g.origin, g.hlc" \
    "  FROM history h JOIN history_gid g ON g.history_id = h.id" \
    "  WHERE +h.plan_id = ?1 AND h.node_id IN touched" \
    "  AND h.field NOT IN ('note', 'order') AND h.field NOT LIKE 'note.%'" \
    "  AND h.old_value <> h.new_value" \
    "  AND NOT EXISTS (SELECT 1 FROM history_gid c WHERE c.prev_gid = g.gid))," \
    " pl AS (SELECT *, CAST(substr(new_value, 1, instr(new_value, ' ') - 1) AS INTEGER) AS par," \
    "  CAST(substr(new_value, instr(new_value, ' ') + 1) AS INTEGER) AS num FROM a)," \
    " v AS (SELECT id, node_id, field, at, gid, origin, hlc," \
    "  CASE WHEN field = 'place' THEN par || ' ' || num ELSE new_value END AS cmp," \
    "  CASE WHEN field <> 'place' THEN new_value WHEN par = 0 THEN CAST(num AS TEXT)" \
    "  ELSE coalesce((SELECT p.ref FROM node p WHERE p.id = par), '?') || '.' || num END" \
    "  AS new_value FROM pl)," \
    " r AS (SELECT *, row_number() OVER (PARTITION BY node_id, field" \
    "  ORDER BY hlc DESC, origin DESC) AS rk FROM v)," \
    " cw AS (SELECT n.id AS node_id, (SELECT h.id FROM history h JOIN history_gid g" \
    "  ON g.history_id = h.id WHERE h.node_id = n.id AND h.field = 'state'" \
    "  AND h.old_value <> h.new_value ORDER BY g.hlc DESC, g.origin DESC LIMIT 1) AS wid" \
    "  FROM node n WHERE n.id IN touched AND +n.plan_id = ?1 AND +n.state = 'cancelled')" \
    " SELECT l.id AS id, n.ref," SHOWN_FIELD("l.field", "l.node_id") ", l.new_value," \
    "  CASE WHEN l.field = 'place' THEN n.ref ELSE w.new_value END," \
    "  coalesce(nullif(lr.name, ''), substr(l.origin, 1, 8))," \
    "  coalesce(nullif(wr.name, ''), substr(w.origin, 1, 8)), l.at, w.at, w.id AS wid," \
    "  l.node_id, l.hlc AS hlc, l.origin AS origin, 0 AS kind" \
    " FROM r l JOIN r w ON w.node_id = l.node_id AND w.field = l.field AND w.rk = 1" \
    " JOIN node n ON n.id = l.node_id" \
    " LEFT JOIN replica lr ON lr.uuid = l.origin LEFT JOIN replica wr ON wr.uuid = w.origin" \
    " WHERE l.rk > 1 AND l.cmp <> w.cmp AND (l.field <> 'place' OR l.new_value <> n.ref)" \
    "  AND NOT EXISTS (SELECT 1 FROM conflict_ack k WHERE k.gid = l.gid)" \
    " UNION ALL" \
    " SELECT e.id, n.ref," SHOWN_FIELD("e.field", "e.node_id") "," \
    "  CASE WHEN e.field IN ('place', 'order') THEN n.ref ELSE e.new_value END, c.new_value," \
    "  coalesce(nullif(er.name, ''), substr(eg.origin, 1, 8))," \
    "  coalesce(nullif(cr.name, ''), substr(cg.origin, 1, 8)), e.at, c.at, c.id," \
    "  e.node_id, eg.hlc, eg.origin, 1" \
    " FROM cw JOIN history c ON c.id = cw.wid JOIN history_gid cg ON cg.history_id = c.id" \
    " JOIN history e ON e.node_id = cw.node_id JOIN history_gid eg ON eg.history_id = e.id" \
    " JOIN node n ON n.id = e.node_id" \
    " LEFT JOIN replica er ON er.uuid = eg.origin LEFT JOIN replica cr ON cr.uuid = cg.origin" \
    " WHERE c.new_value = 'cancelled' AND e.action = 'edit' AND e.field <> 'state'" \
    "  AND e.field NOT LIKE 'note.%'" \
    "  AND eg.origin <> cg.origin AND eg.node_hlc < cg.hlc AND cg.node_hlc < eg.hlc" \
    "  AND NOT EXISTS (SELECT 1 FROM conflict_ack k WHERE k.gid = eg.gid)"
/* clang-format on */

static int read_conflict(sqlite3_stmt *s, void *out)
{
    sync_conflict *c = out;
    memset(c, 0, sizeof *c);
    c->id = sqlite3_column_int64(s, 0);
    db_text_into(s, 1, c->ref, sizeof c->ref);
    db_text_into(s, 2, c->field, sizeof c->field);
    c->lost_value = db_text(s, 3);
    c->won_value = db_text(s, 4);
    c->lost_by = db_text(s, 5);
    c->won_by = db_text(s, 6);
    c->lost_at = db_text(s, 7);
    c->won_at = db_text(s, 8);
    c->node_id = sqlite3_column_int64(s, 10);
    c->cancelled = sqlite3_column_int(s, 13);
    return c->lost_value && c->won_value && c->lost_by && c->won_by && c->lost_at && c->won_at ? 0
                                                                                               : -1;
}

static void release_conflict(void *p)
{
    sync_conflict *c = p;
    free(c->lost_value);
    free(c->won_value);
    free(c->lost_by);
    free(c->won_by);
    free(c->lost_at);
    free(c->won_at);
}

void sync_conflict_list_free(sync_conflict_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        release_conflict(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

void sync_conflict_list_keep_node(sync_conflict_list *l, int64_t node_id)
{
    size_t kept = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (l->v[i].node_id == node_id)
            l->v[kept++] = l->v[i];
        else
            release_conflict(&l->v[i]);
    }
    l->n = kept;
}

/* Whether any history row came from another replica: without one there
 * is no conflict, and the conflicts' statement (its many materialised
 * tables cost ~2 ms even when empty, most of them page faults on a
 * virtual machine) is not run.  *any = 1 when the answer is unknown. */
static int foreign_rows(store *st, int *any, duban_error *err)
{
    *any = 1;
    sqlite3_stmt *s;
    if (db_prepare(st, "WITH" ME_CTE " SELECT EXISTS" FOREIGN_GIDS, &s, err))
        return DUBAN_EDB;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *any = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot read the history");
}

int sync_conflicts(store *st, int64_t plan_id, sync_conflict_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    int any;
    if (foreign_rows(st, &any, err))
        return DUBAN_EDB;
    if (!any)
        return DUBAN_OK;
    sqlite3_stmt *s;
    if (db_prepare(st, "SELECT * FROM (" CONFLICTS_SQL ") ORDER BY hlc, origin, id", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    void *v;
    int rc =
        db_collect(st, s, sizeof(sync_conflict), &v, &out->n, read_conflict, release_conflict, err);
    out->v = v;
    return rc;
}

int sync_conflicts_since(store *st, int64_t plan_id, int64_t first_id, int *n, duban_error *err)
{
    sqlite3_stmt *s;
    *n = 0;
    int any;
    if (foreign_rows(st, &any, err))
        return DUBAN_EDB;
    if (!any)
        return DUBAN_OK;
    if (db_prepare(st, "SELECT count(*) FROM (" CONFLICTS_SQL ") WHERE max(id, wid) >= ?2", &s,
                   err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_int64(s, 2, first_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot count conflicts");
}

int sync_conflict_count(store *st, int64_t plan_id, int *n, duban_error *err)
{
    return sync_conflicts_since(st, plan_id, 0, n, err);
}

int sync_conflict_ack(store *st, int64_t plan_id, int64_t id, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "INSERT OR IGNORE INTO conflict_ack(gid, at) SELECT gid, ?3 FROM history_gid"
                   " WHERE history_id = ?2 AND ?2 IN (SELECT id FROM (" CONFLICTS_SQL "))",
                   &s, err))
        return DUBAN_EDB;
    char now[32];
    db_now(st, now);
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_int64(s, 2, id);
    sqlite3_bind_text(s, 3, now, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    int changed = sqlite3_changes(st->db);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return db_fail(st, err, DUBAN_EDB, "cannot acknowledge conflict");
    if (!changed)
        return duban_fail(err, DUBAN_ENOTFOUND,
                          "no conflict %lld to acknowledge (see duban conflicts)", (long long)id);
    return DUBAN_OK;
}
