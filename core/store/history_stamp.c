/* history_stamp.c - the global identity of a history row made here
 * (sync/sync.h): a random gid, this replica as origin, the row id as its
 * sequence number, a hybrid logical clock, the row whose value it
 * replaced (prev_gid) and the greatest clock of the item's other rows
 * (node_hlc).  Migrations 7 and 11 computed it in the trigger
 * history_stamp; since migration 14 edit_insert_history() calls this
 * with statements prepared once per store, and its two look-ups walk the
 * item's newest rows only instead of all of them with a sort (so an edit
 * costs the same however long the item's history).  The values are the
 * trigger's, term for term, but the gid: wholly random in rows stamped
 * before, led by the clock now (store_history_gid()). */
#include "store/store_internal.h"

#include <string.h>

/* clang-format off */
/* This replica and the time of the row in seconds * 65536.  No row when
 * no replica is this one. */
static const char *const self_sql =
    "SELECT uuid, coalesce(CAST(strftime('%s', ?1) AS INTEGER), 0) * 65536"
    " FROM replica WHERE is_self = 1";
/* Every stamped row, newest first, for the greatest clock known (see
 * greatest_clock()). */
static const char *const clocks_sql =
    "SELECT hlc, origin FROM history_gid ORDER BY history_id DESC";
/* The item's other stamped rows, newest first, for the greatest clock of
 * all of them (node_hlc) and of its changes of one field (prev_gid, the
 * last column: is the row such a change; the row itself is read only
 * for the rows of that field).  One walk serves both (see item_walk()). */
static const char *const item_rows_sql =
    "SELECT g.hlc, g.origin, g.gid, h.field = ?2 AND h.old_value <> h.new_value"
    " FROM history h JOIN history_gid g ON g.history_id = h.id"
    " WHERE h.node_id = ?1 AND h.id <> ?3 ORDER BY h.id DESC";
static const char *const insert_sql =
    "INSERT OR IGNORE INTO history_gid(history_id, gid, origin, seq, hlc, prev_gid, node_hlc)"
    " VALUES (?1, ?6, ?2, ?1, ?3, ?4, ?5)";
/* clang-format on */

void store_history_gid(int64_t hlc, char gid[33])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char raw[10];
    sqlite3_randomness(sizeof raw, raw);
    for (int i = 0; i < 12; i++) /* big-endian, so that text order is clock order */
        gid[i] = hex[((uint64_t)hlc >> (44 - 4 * i)) & 0xf];
    for (int i = 0; i < 10; i++) {
        gid[12 + 2 * i] = hex[raw[i] >> 4];
        gid[13 + 2 * i] = hex[raw[i] & 0xf];
    }
    gid[32] = '\0';
}

/* The greatest (hlc, origin) among some rows (the trigger's ORDER BY
 * g.hlc DESC, g.origin DESC LIMIT 1), each kept by keep() as the walk
 * meets them newest first.  A walk stops after the first row whose origin
 * is self.  That row was stamped here after every row with a smaller id
 * existed, with a clock above all of theirs (max(..., greatest clock +
 * 1)), so none of them can be greater: the walk reads the rows synced in
 * since this replica's last change of the item, and that change, not the
 * item's whole history.  found 0 when there is no row. */
typedef struct stamp_best {
    int found, done;
    sqlite3_int64 hlc;
    char origin[64], gid[64];
} stamp_best;

static void keep(stamp_best *b, sqlite3_stmt *q, sqlite3_int64 hlc, const char *origin,
                 const char *self)
{
    if (!b->found || hlc > b->hlc || (hlc == b->hlc && strcmp(origin, b->origin) > 0)) {
        b->found = 1;
        b->hlc = hlc;
        db_text_into(q, 1, b->origin, sizeof b->origin);
        db_text_into(q, 2, b->gid, sizeof b->gid);
    }
    b->done = !strcmp(origin, self);
}

/* One walk of the item's rows newest first: node over all of them, prev
 * (when given) over its changes of field, each stopping as keep() says;
 * the walk ends when both have. */
static int item_walk(store *st, int64_t id, int64_t node_id, const char *field, const char *self,
                     stamp_best *node, stamp_best *prev, duban_error *err)
{
    sqlite3_stmt *q;
    if (db_prepare_cached(st, item_rows_sql, &q, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(q, 1, node_id);
    sqlite3_bind_text(q, 2, field, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 3, id);
    int rc = SQLITE_DONE;
    while ((!node->done || (prev && !prev->done)) && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        sqlite3_int64 hlc = sqlite3_column_int64(q, 0);
        const char *origin = (const char *)sqlite3_column_text(q, 1);
        origin = origin ? origin : "";
        if (!node->done)
            keep(node, q, hlc, origin, self);
        if (prev && !prev->done && sqlite3_column_int(q, 3))
            keep(prev, q, hlc, origin, self);
    }
    db_stmt_done(st, q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW
               ? DUBAN_OK
               : db_fail(st, err, DUBAN_EDB, "cannot stamp history");
}

/* The greatest clock of all stamped rows (the trigger's max(hlc), which
 * history_gid_by_hlc served until migration 15), walking them newest
 * first and stopping after the first row whose origin is self: as in
 * item_walk(), that row's clock is above every row's with a smaller id, so
 * the walk reads the rows synced in since this replica's last row (all
 * of them, once, on a replica with no row of its own yet: a fresh
 * clone's first edit).  0 when there is none. */
static int greatest_clock(store *st, const char *self, sqlite3_int64 *out, duban_error *err)
{
    sqlite3_stmt *q;
    if (db_prepare_cached(st, clocks_sql, &q, err))
        return DUBAN_EDB;
    int rc;
    *out = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        sqlite3_int64 hlc = sqlite3_column_int64(q, 0);
        const char *origin = (const char *)sqlite3_column_text(q, 1);
        *out = hlc > *out ? hlc : *out;
        if (origin && !strcmp(origin, self))
            break;
    }
    db_stmt_done(st, q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW
               ? DUBAN_OK
               : db_fail(st, err, DUBAN_EDB, "cannot stamp history");
}

int store_stamp_history(store *st, int64_t id, int64_t node_id, const char *at, const char *field,
                        const char *old_value, const char *new_value, duban_error *err)
{
    sqlite3_stmt *c;
    if (db_prepare_cached(st, self_sql, &c, err))
        return DUBAN_EDB;
    sqlite3_bind_text(c, 1, at, -1, SQLITE_STATIC);
    int rc = sqlite3_step(c);
    char origin[64] = "";
    sqlite3_int64 hlc = 0, known = 0;
    if (rc == SQLITE_ROW) {
        db_text_into(c, 0, origin, sizeof origin);
        hlc = sqlite3_column_int64(c, 1);
    }
    db_stmt_done(st, c);
    if (rc == SQLITE_DONE) /* no replica is this one: the trigger stamped nothing */
        return DUBAN_OK;
    if (rc != SQLITE_ROW)
        return db_fail(st, err, DUBAN_EDB, "cannot stamp history");
    if (greatest_clock(st, origin, &known, err))
        return DUBAN_EDB;
    hlc = hlc > known + 1 ? hlc : known + 1; /* max(time * 65536, greatest clock + 1) */
    stamp_best node = {0}, prev = {0};
    int replaces = strcmp(field, "note") && strcmp(old_value, new_value);
    if (item_walk(st, id, node_id, field, origin, &node, replaces ? &prev : NULL, err))
        return DUBAN_EDB;
    sqlite3_stmt *ins;
    if (db_prepare_cached(st, insert_sql, &ins, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(ins, 1, id);
    sqlite3_bind_text(ins, 2, origin, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 3, hlc);
    if (prev.found)
        sqlite3_bind_text(ins, 4, prev.gid, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 5, node.found ? node.hlc : 0);
    char gid[33];
    store_history_gid(hlc, gid);
    sqlite3_bind_text(ins, 6, gid, -1, SQLITE_STATIC);
    rc = sqlite3_step(ins);
    db_stmt_done(st, ins);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot stamp history");
}
