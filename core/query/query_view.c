/* query_view.c - the front end's own read-only queries (see query_view.h). */
#include "query/query_view.h"

#include "query/node_internal.h"
#include "store/store_internal.h"

#include <string.h>

#define SUBTREE_SQL                                                                                \
    NODE_COLUMNS "WHERE n.parent_id = ?1"                                                          \
                 "  OR n.parent_id IN (SELECT i.id FROM node i WHERE i.parent_id = ?1)"            \
                 " ORDER BY n.sort_key"

int node_subtree(store *st, int64_t area_id, node_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, SUBTREE_SQL, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, area_id);
    return db_collect(st, stmt, sizeof(node), (void **)&out->v, &out->n, node_read_row,
                      node_release_row, err);
}
