/* query_view.c - the front end's own read-only queries (see query_view.h). */
#include "query_view.h"

#include "store_internal.h"

#include <string.h>

/* Same columns and reading as query_node.c's NODE_COLUMNS / read_node. */
#define SUBTREE_SQL                                                                                \
    "SELECT n.id, n.plan_id, coalesce(n.parent_id, 0), n.depth, n.seq, n.ref, n.title, n.body,"    \
    " n.status, n.due, n.unit, n.leader, n.line,"                                                  \
    " (SELECT count(*) FROM node c WHERE c.parent_id = n.id) FROM node n"                          \
    " WHERE n.parent_id = ?1"                                                                      \
    "  OR n.parent_id IN (SELECT i.id FROM node i WHERE i.parent_id = ?1)"                         \
    " ORDER BY n.sort_key"

static int read_node(sqlite3_stmt *s, void *p)
{
    node *n = p;
    memset(n, 0, sizeof *n);
    n->id = sqlite3_column_int64(s, 0);
    n->plan_id = sqlite3_column_int64(s, 1);
    n->parent_id = sqlite3_column_int64(s, 2);
    n->depth = sqlite3_column_int(s, 3);
    n->seq = sqlite3_column_int(s, 4);
    db_text_into(s, 5, n->ref, sizeof n->ref);
    n->title = db_text(s, 6);
    n->body = db_text(s, 7);
    db_text_into(s, 8, n->status, sizeof n->status);
    db_text_into(s, 9, n->due, sizeof n->due);
    n->unit = db_text(s, 10);
    n->leader = db_text(s, 11);
    n->line = sqlite3_column_int(s, 12);
    n->children = sqlite3_column_int(s, 13);
    return n->title && n->body && n->unit && n->leader ? DUBAN_OK : DUBAN_ENOMEM;
}

static void release_node(void *p)
{
    node_free(p);
}

int node_subtree(store *st, int64_t area_id, node_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, SUBTREE_SQL, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, area_id);
    return db_collect(st, stmt, sizeof(node), (void **)&out->v, &out->n, read_node, release_node,
                      err);
}
