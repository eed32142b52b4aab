/* added.c - items and milestones added on another replica, created here
 * from a change file's additions (table dn; see sync.h).  A new item
 * starts 'removed' at a temporary place ("~GID"); its addition row then
 * settles its state and sync_settle_places() its place. */
#include "sync/sync_internal.h"

#include "plan/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const sync_added *sync_added_of(const change_file *cf, const char *gid)
{
    for (size_t i = 0; i < cf->nadded; i++)
        if (!strcmp(cf->added[i].gid, gid))
            return &cf->added[i];
    return NULL;
}

/* The parent named by place "PARENT_GID SEQ SUFFIX": *parent 0 for an
 * area; *depth its depth + 1 (at most NODE_SUBITEM until the places
 * settle). */
static int parent_of(store *st, int64_t plan_id, const char *place, int64_t *parent, int *depth,
                     int *seq)
{
    char gid[64];
    if (sscanf(place, "%63s %d", gid, seq) != 2 || *seq < 1 || *seq > 999999)
        return -1;
    *parent = 0;
    *depth = 1;
    if (!strcmp(gid, "0"))
        return 0;
    sqlite3_stmt *s;
    if (!sync_is_id(gid) ||
        sqlite3_prepare_v2(st->db, "SELECT id, depth FROM node WHERE gid = ? AND plan_id = ?", -1,
                           &s, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(s, 1, gid, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, plan_id);
    int found = sqlite3_step(s) == SQLITE_ROW;
    if (found) {
        *parent = sqlite3_column_int64(s, 0);
        *depth = sqlite3_column_int(s, 1) + 1;
    }
    sqlite3_finalize(s);
    if (*depth > NODE_SUBITEM)
        *depth = NODE_SUBITEM;
    return found ? 0 : -1;
}

int sync_create_node(store *st, int64_t plan_id, const char *name, const sync_added *a,
                     const char *node_gid, int64_t *node_id, duban_error *err)
{
    int64_t parent = 0;
    int depth = 1, seq = 0;
    if (strcmp(a->kind, "node") || parent_of(st, plan_id, a->place, &parent, &depth, &seq))
        return duban_fail(err, DUBAN_EPARSE,
                          "%s: change file is corrupted (an item added under one not here)", name);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "INSERT INTO node(plan_id, parent_id, depth, seq, ref, sort_key, title, body,"
                   " status, due, unit, leader, extended_due, state, gid) VALUES (?1, nullif(?2,"
                   " 0), ?3, ?4, '~' || ?5, '!' || ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'removed',"
                   " ?5)",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_int64(s, 2, parent);
    sqlite3_bind_int(s, 3, depth);
    sqlite3_bind_int(s, 4, seq);
    sqlite3_bind_text(s, 5, node_gid, -1, SQLITE_STATIC);
    const char *text[] = {a->title, a->body, a->status, a->due, a->unit, a->leader, a->ext};
    for (int i = 0; i < 7; i++)
        sqlite3_bind_text(s, 6 + i, text[i] ? text[i] : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return db_fail(st, err, DUBAN_EDB, "cannot add a synced item");
    *node_id = sqlite3_last_insert_rowid(st->db);
    return DUBAN_OK;
}

int sync_create_ms(store *st, int64_t node_id, int seq, const char *name, const sync_added *a,
                   duban_error *err)
{
    if (!a || strcmp(a->kind, "ms"))
        return duban_fail(err, DUBAN_EPARSE,
                          "%s: change file is corrupted (a milestone added without its text)",
                          name);
    sqlite3_stmt *s;
    if (db_prepare(st,
                   "INSERT INTO milestone(node_id, seq, phrase, word, due, state)"
                   " VALUES (?, ?, ?, '', ?, 'removed')",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, node_id);
    sqlite3_bind_int(s, 2, seq);
    sqlite3_bind_text(s, 3, a->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, a->due, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot add a milestone");
}

int sync_record_added(store *st, int64_t history_id, const sync_added *a, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, "INSERT OR REPLACE INTO sync_added(history_id, place) VALUES (?, ?)", &s,
                   err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, history_id);
    sqlite3_bind_text(s, 2, a->place, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot record an addition");
}

int sync_settle_ms(store *st, int64_t node_id, duban_error *err)
{
    /* The others first, then the additions in their order; a milestone's
     * first addition row counts. */
    sqlite3_stmt *q, *u;
    if (db_prepare(st,
                   "SELECT x.id, x.seq, x.added FROM (SELECT m.id, m.seq, m.hkey,"
                   " (SELECT min(h.id) FROM history h WHERE h.node_id = m.node_id"
                   " AND h.field = 'ms.' || m.hkey || '.state' AND h.action = 'edit'"
                   " AND h.old_value = 'removed' AND h.new_value = '') AS added"
                   " FROM milestone m WHERE m.node_id = ?) x"
                   " LEFT JOIN history_gid g ON g.history_id = x.added"
                   " ORDER BY x.added IS NOT NULL, g.hlc, g.origin, x.hkey",
                   &q, err))
        return DUBAN_EDB;
    if (db_prepare(st, "UPDATE milestone SET seq = ? WHERE id = ?", &u, err)) {
        sqlite3_finalize(q);
        return DUBAN_EDB;
    }
    sqlite3_bind_int64(q, 1, node_id);
    int rc, top = 0, fail = 0;
    while (!fail && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        int seq = sqlite3_column_int(q, 1);
        if (sqlite3_column_type(q, 2) != SQLITE_NULL) {
            seq = ++top;
            sqlite3_bind_int(u, 1, seq);
            sqlite3_bind_int64(u, 2, sqlite3_column_int64(q, 0));
            fail = sqlite3_step(u) != SQLITE_DONE;
            sqlite3_reset(u);
        }
        if (seq > top)
            top = seq;
    }
    sqlite3_finalize(q);
    sqlite3_finalize(u);
    return fail || rc != SQLITE_DONE ? db_fail(st, err, DUBAN_EDB, "cannot number milestones")
                                     : DUBAN_OK;
}
