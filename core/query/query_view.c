/* query_view.c - the front end's own read-only queries (see query_view.h). */
#include "query/query_view.h"

#include "query/node_internal.h"
#include "store/store_internal.h"

#include <stdint.h>
#include <string.h>

/* An area's items and sub-items: its sort-key range, read in index order
 * (no sort; about half the time of two parent lookups and a sort).  No
 * body and no child count: the outline shows neither (10 MB and a lookup
 * a row at 100,000 items). */
#define SUBTREE_SQL                                                                                \
    NODE_COLUMNS_BRIEF "JOIN node a ON a.id = ?1 WHERE n.plan_id = a.plan_id"                      \
                       " AND n.sort_key > a.sort_key || '.' AND n.sort_key < a.sort_key || '/'"    \
                       " ORDER BY n.sort_key"

/* The subtree's rows, the first max of them when max is not 0. */
static int subtree_rows(store *st, int64_t area_id, size_t max, node_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, max ? SUBTREE_SQL " LIMIT ?2" : SUBTREE_SQL, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, area_id);
    if (max)
        sqlite3_bind_int64(stmt, 2, max > INT64_MAX ? INT64_MAX : (int64_t)max);
    return db_collect(st, stmt, sizeof(node), (void **)&out->v, &out->n, node_read_row,
                      node_release_row, err);
}

int node_subtree(store *st, int64_t area_id, node_list *out, duban_error *err)
{
    return subtree_rows(st, area_id, 0, out, err);
}

int node_subtree_head(store *st, int64_t area_id, size_t max, node_list *out, duban_error *err)
{
    return subtree_rows(st, area_id, max ? max : 1, out, err);
}
