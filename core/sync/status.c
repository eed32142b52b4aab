/* status.c - `duban sync status`: the replicas known and what each holds. */
#include "sync/sync_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* clang-format off */
/* What a peer lacks: of each origin (ORIGINS_CTE), the plan's rows past
 * what the peer holds of it, a range of history_gid's (origin, seq) index
 * (a pass over the whole history: 0.3 s at 1,000,000 rows). */
static const char status_sql[] =
    "WITH" ORIGINS_CTE
    " SELECT r.uuid, r.name, r.is_self,"
    " (SELECT count(*) FROM history h JOIN history_gid g ON g.history_id = h.id"
    "   WHERE h.plan_id = ?1 AND g.origin = r.uuid),"
    " CASE WHEN r.is_self THEN 0"
    "  WHEN NOT EXISTS (SELECT 1 FROM sync_peer_seen p WHERE p.plan_gid = ?2"
    "   AND p.replica = r.uuid) THEN -1"
    "  ELSE (SELECT sum((SELECT count(*) FROM history_gid g JOIN history h ON h.id = g.history_id"
    "   WHERE g.origin = o.origin AND h.plan_id = ?1 AND g.seq > coalesce((SELECT p.seq"
    "   FROM sync_peer_seen p WHERE p.plan_gid = ?2 AND p.replica = r.uuid"
    "   AND p.origin = o.origin), 0))) FROM origins o WHERE o.origin IS NOT NULL) END,"
    " r.last_exchange FROM replica r ORDER BY r.is_self DESC, r.name, r.uuid";
/* clang-format on */

static int read_replica(sqlite3_stmt *s, void *out)
{
    sync_replica *r = out;
    memset(r, 0, sizeof *r);
    db_text_into(s, 0, r->uuid, sizeof r->uuid);
    r->name = db_text(s, 1);
    r->is_self = sqlite3_column_int(s, 2);
    r->rows = sqlite3_column_int64(s, 3);
    r->missing = sqlite3_column_int64(s, 4);
    r->last_exchange = db_text(s, 5);
    return r->name && r->last_exchange ? 0 : -1;
}

static void release_replica(void *p)
{
    sync_replica *r = p;
    free(r->name);
    free(r->last_exchange);
}

void sync_replica_list_free(sync_replica_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        release_replica(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

int sync_status(store *st, int64_t plan_id, sync_replica_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    char gid[SYNC_ID_LEN];
    sqlite3_stmt *s;
    if (sync_plan_gid(st, plan_id, gid, err) || db_prepare(st, status_sql, &s, err))
        return err ? err->code : DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_text(s, 2, gid, -1, SQLITE_TRANSIENT);
    void *v;
    int rc =
        db_collect(st, s, sizeof(sync_replica), &v, &out->n, read_replica, release_replica, err);
    out->v = v;
    return rc;
}

int sync_received_since(store *st, int64_t *after, sync_result *res, duban_error *err)
{
    memset(res, 0, sizeof *res);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "SELECT x.*, (SELECT name FROM replica WHERE uuid = x.peer) FROM"
                   " (SELECT max(l.id), sum(l.changes), sum(l.conflicts), count(DISTINCT l.peer),"
                   " max(l.peer) AS peer FROM sync_log l WHERE l.direction = 'in' AND (l.id > ?1"
                   " OR (?1 = 0 AND l.id = (SELECT max(id) FROM sync_log)))) x",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, *after);
    int rc = sqlite3_step(s);
    int found = rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL;
    if (found) {
        *after = sqlite3_column_int64(s, 0);
        res->received = sqlite3_column_int(s, 1);
        res->conflicts = sqlite3_column_int(s, 2);
        char uuid[SYNC_ID_LEN], name[128];
        db_text_into(s, 4, uuid, sizeof uuid);
        db_text_into(s, 5, name, sizeof name);
        memcpy(res->peer_uuid, uuid, SYNC_ID_LEN);
        if (sqlite3_column_int(s, 3) > 1)
            snprintf(res->peer_name, sizeof res->peer_name, "%d 个副本", sqlite3_column_int(s, 3));
        else
            sync_display_name(uuid, name, res->peer_name, sizeof res->peer_name);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot read the sync log");
    return found ? DUBAN_OK : DUBAN_EEMPTY;
}
