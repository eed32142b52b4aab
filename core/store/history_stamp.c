/* history_stamp.c - the global identity of a history row made here
 * (sync/sync.h): a random gid, this replica as origin, the row id as its
 * sequence number, a hybrid logical clock, the row whose value it
 * replaced (prev_gid) and the greatest clock of the item's other rows
 * (node_hlc).  Migrations 7 and 11 computed it in the trigger
 * history_stamp; since migration 14 edit_insert_history() calls this
 * with statements prepared once per store, and one pass over the item's
 * rows serves both look-ups the trigger made separately (each a join per
 * row, plus a sort).  The values are the trigger's, term for term. */
#include "store/store_internal.h"

#include <string.h>

/* clang-format off */
/* This replica and the clock: max(time of the row in seconds * 65536,
 * the greatest clock known + 1).  No row when no replica is this one. */
static const char *const clock_sql =
    "SELECT uuid, max(coalesce(CAST(strftime('%s', ?1) AS INTEGER), 0) * 65536,"
    "  coalesce((SELECT max(hlc) FROM history_gid), 0) + 1)"
    " FROM replica WHERE is_self = 1";
/* The item's other stamped rows; the last column says whether the row is
 * a change of the same field (a candidate for prev_gid). */
static const char *const rows_sql =
    "SELECT g.hlc, g.origin, g.gid, h.field = ?2 AND h.old_value <> h.new_value"
    " FROM history h JOIN history_gid g ON g.history_id = h.id"
    " WHERE h.node_id = ?1 AND h.id <> ?3";
static const char *const insert_sql =
    "INSERT OR IGNORE INTO history_gid(history_id, gid, origin, seq, hlc, prev_gid, node_hlc)"
    " VALUES (?1, lower(hex(randomblob(16))), ?2, ?1, ?3, ?4, ?5)";
/* clang-format on */

/* What one pass over the item's other rows finds: its greatest clock
 * and, when wanted, the gid of its change of the field with the greatest
 * (hlc, origin) (the trigger's ORDER BY g.hlc DESC, g.origin DESC). */
typedef struct stamp_scan {
    sqlite3_int64 node_hlc, best_hlc;
    char origin[64], prev[64];
    int have_prev;
} stamp_scan;

static int scan_rows(store *st, int64_t id, int64_t node_id, const char *field, int want_prev,
                     stamp_scan *s, duban_error *err)
{
    sqlite3_stmt *q;
    if (db_prepare_cached(st, rows_sql, &q, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(q, 1, node_id);
    sqlite3_bind_text(q, 2, field, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 3, id);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        sqlite3_int64 hlc = sqlite3_column_int64(q, 0);
        if (hlc > s->node_hlc)
            s->node_hlc = hlc;
        if (!want_prev || !sqlite3_column_int(q, 3))
            continue;
        const char *origin = (const char *)sqlite3_column_text(q, 1);
        origin = origin ? origin : "";
        if (s->have_prev &&
            (hlc < s->best_hlc || (hlc == s->best_hlc && strcmp(origin, s->origin) <= 0)))
            continue;
        s->have_prev = 1;
        s->best_hlc = hlc;
        db_text_into(q, 1, s->origin, sizeof s->origin);
        db_text_into(q, 2, s->prev, sizeof s->prev);
    }
    db_stmt_done(st, q);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot stamp history");
}

int store_stamp_history(store *st, int64_t id, int64_t node_id, const char *at, const char *field,
                        const char *old_value, const char *new_value, duban_error *err)
{
    sqlite3_stmt *c;
    if (db_prepare_cached(st, clock_sql, &c, err))
        return DUBAN_EDB;
    sqlite3_bind_text(c, 1, at, -1, SQLITE_STATIC);
    int rc = sqlite3_step(c);
    char origin[64] = "";
    sqlite3_int64 hlc = 0;
    if (rc == SQLITE_ROW) {
        db_text_into(c, 0, origin, sizeof origin);
        hlc = sqlite3_column_int64(c, 1);
    }
    db_stmt_done(st, c);
    if (rc == SQLITE_DONE) /* no replica is this one: the trigger stamped nothing */
        return DUBAN_OK;
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot stamp history");
    stamp_scan s = {0};
    int want_prev = strcmp(field, "note") && strcmp(old_value, new_value);
    if (scan_rows(st, id, node_id, field, want_prev, &s, err))
        return DUBAN_EDB;
    sqlite3_stmt *ins;
    if (db_prepare_cached(st, insert_sql, &ins, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(ins, 1, id);
    sqlite3_bind_text(ins, 2, origin, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 3, hlc);
    if (s.have_prev)
        sqlite3_bind_text(ins, 4, s.prev, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 5, s.node_hlc);
    rc = sqlite3_step(ins);
    db_stmt_done(st, ins);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot stamp history");
}
