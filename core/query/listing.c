/* listing.c - the nodes of a plan as a listing shows them (listing.h). */
#include "query/listing.h"

#include "store/store_internal.h"

/* Only the printed columns: no body, no count of children.  The plan's
 * rows come in sort_key order from the covering index node_listing
 * (schema 16), whose WHERE is this one's. */
static const char list_sql[] = "SELECT id, depth, ref, title, status, due, unit, leader, state"
                               " FROM node WHERE plan_id = ? AND state <> 'removed'"
                               " ORDER BY sort_key";

static const char *col(sqlite3_stmt *s, int c)
{
    const unsigned char *t = sqlite3_column_text(s, c);
    return t ? (const char *)t : "";
}

/* The row s stands on, handed to fn. */
static int hand_row(sqlite3_stmt *s, list_row_fn fn, void *arg)
{
    list_row r = {sqlite3_column_int64(s, 0),
                  sqlite3_column_int(s, 1),
                  col(s, 2),
                  col(s, 3),
                  col(s, 4),
                  col(s, 5),
                  col(s, 6),
                  col(s, 7),
                  col(s, 8)};
    return fn(arg, &r);
}

int query_list_each(store *st, int64_t plan_id, list_row_fn fn, void *arg, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, list_sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, plan_id);
    int rc = SQLITE_DONE, res = DUBAN_OK;
    while (!res && (rc = sqlite3_step(s)) == SQLITE_ROW)
        res = hand_row(s, fn, arg);
    if (!res && rc != SQLITE_DONE)
        res = db_fail(st, err, DUBAN_EDB, "cannot list the plan");
    sqlite3_finalize(s);
    return res;
}

int query_list_twice(store *st, int64_t plan_id, list_row_fn first, int (*again)(void *arg),
                     list_row_fn then, void *arg, duban_error *err)
{
    int own;
    if (store_read_begin(st, &own, err))
        return DUBAN_EDB;
    int rc = first ? query_list_each(st, plan_id, first, arg, err) : DUBAN_OK;
    if (!rc && (!first || !again || again(arg)))
        rc = query_list_each(st, plan_id, then, arg, err);
    store_read_end(st, own);
    return rc;
}

static const char list_id_sql[] = "SELECT id, depth, ref, title, status, due, unit, leader, state"
                                  " FROM node WHERE id = ? AND state <> 'removed'";

int query_list_ids_each(store *st, const int64_t *ids, size_t n, list_row_fn fn, void *arg,
                        duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, list_id_sql, &s, err))
        return DUBAN_EDB;
    int rc = SQLITE_DONE, res = DUBAN_OK;
    for (size_t i = 0; !res && i < n; i++) {
        sqlite3_bind_int64(s, 1, ids[i]);
        if ((rc = sqlite3_step(s)) == SQLITE_ROW)
            res = hand_row(s, fn, arg);
        else if (rc != SQLITE_DONE)
            res = db_fail(st, err, DUBAN_EDB, "cannot read the plan's items");
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    return res;
}
