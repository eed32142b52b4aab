/* query_item_stats.c - each item's part of its area's statistics. */
#include "query/query.h"

#include "query/outline_pass.h"
#include "query/stats_internal.h"
#include "store/store_internal.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

/* ?1 plan, ?2 done keys, ?3 today, ?4 area id or 0, ?5 node id or 0.  An
 * area's items are its sort-key range (an index range); one item is found
 * by its id.  Each case has its own statement, so that SQLite can use the
 * index that serves it (an "?5 = 0 OR n.id = ?5" in one statement can use
 * neither, and walks all the plan's items). */
/* clang-format off */
#define ITEM_STATS_SQL(filter)                                                                     \
    "WITH done(k) AS (SELECT value FROM json_each(?2))"                                            \
    " SELECT id, depth, is_done, own_late, ms_late, due FROM (" ITEM_FLAGS_SELECT                  \
    "  WHERE n.plan_id = ?1 AND n.depth >= 2" filter                       \
    "  ORDER BY n.sort_key)"
static const char item_stats_plan_sql[] = ITEM_STATS_SQL("");
/* One area (?2) and its nodes, for the outline pass (outline_pass.h): no
 * look-up of a node's parent and grandparent a row, as NODE_ACTIVE makes. */
static const char area_nodes_sql[] =
    "SELECT " OUTLINE_NODE_COLUMNS " FROM node WHERE plan_id = ?1"
    " AND sort_key >= (SELECT sort_key FROM node WHERE id = ?2)"
    " AND sort_key < (SELECT sort_key || '/' FROM node WHERE id = ?2) ORDER BY sort_key";
static const char item_stats_node_sql[] = ITEM_STATS_SQL(
    " AND n.id = ?5"
    " AND (?4 = 0 OR (n.sort_key > (SELECT sort_key || '.' FROM node WHERE id = ?4)"
    "  AND n.sort_key < (SELECT sort_key || '/' FROM node WHERE id = ?4)))");
/* clang-format on */

static int read_item_stats(sqlite3_stmt *s, void *p)
{
    item_stats *it = p;
    memset(it, 0, sizeof *it);
    it->node_id = sqlite3_column_int64(s, 0);
    it->depth = sqlite3_column_int(s, 1);
    it->is_done = sqlite3_column_int(s, 2);
    it->own_late = sqlite3_column_int(s, 3);
    it->ms_late = sqlite3_column_int(s, 4);
    db_text_into(s, 5, it->due, sizeof it->due);
    return DUBAN_OK;
}

/* The outline pass's state for one area's items. */
typedef struct stats_pass {
    const status_set *set;
    char day[DATE_LEN];
    ms_list ms;
    item_stats_list *out;
    size_t cap;
    duban_error *err;
} stats_pass;

/* One counting item or sub-item (the current row), as ITEM_FLAGS_SELECT
 * judges it. */
static int pass_item(void *ctx, sqlite3_stmt *s, int depth, size_t area)
{
    (void)area;
    stats_pass *p = ctx;
    if (ARRAY_GROW(p->out->v, p->cap, p->out->n + 1))
        return duban_fail(p->err, DUBAN_ENOMEM, "out of memory");
    item_stats *it = &p->out->v[p->out->n++];
    memset(it, 0, sizeof *it);
    char status[32], ext[DATE_LEN];
    db_text_into(s, OUTLINE_STATUS, status, sizeof status);
    db_text_into(s, OUTLINE_EXTENDED_DUE, ext, sizeof ext);
    if (*ext)
        memcpy(it->due, ext, sizeof it->due); /* the due date in force */
    else
        db_text_into(s, OUTLINE_DUE, it->due, sizeof it->due);
    it->node_id = sqlite3_column_int64(s, OUTLINE_ID);
    it->depth = depth;
    it->is_done = status_is_done(p->set, status);
    it->own_late = !it->is_done && *it->due && strcmp(it->due, p->day) < 0;
    const open_ms *m = p->ms.n && !*ext ? outline_find_ms(&p->ms, it->node_id) : NULL;
    it->ms_late = m ? m->late : 0; /* an extension covers the milestones */
    return DUBAN_OK;
}

/* One area's items in one pass over its range of node_stats. */
static int area_item_stats(store *st, int64_t plan_id, int64_t area_id, long today,
                           item_stats_list *out, duban_error *err)
{
    stats_pass p = {.set = store_statuses(st), .out = out, .err = err};
    date_format(today, p.day);
    int rc = outline_read_area_milestones(st, plan_id, area_id, NULL, p.day, &p.ms, err);
    if (!rc)
        rc = outline_walk(st, area_nodes_sql, plan_id, area_id, NULL, pass_item, &p, err);
    ms_list_free(&p.ms);
    if (rc)
        item_stats_list_free(out);
    return rc;
}

int query_item_stats(store *st, int64_t plan_id, int64_t area_id, int64_t node_id, long today,
                     item_stats_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    if (area_id && !node_id)
        return area_item_stats(st, plan_id, area_id, today, out, err);
    char done[512], day[DATE_LEN];
    if (status_done_json(store_statuses(st), done, sizeof done))
        return duban_fail(err, DUBAN_EINVAL, "too many done statuses");
    date_format(today, day);
    sqlite3_stmt *stmt;
    const char *sql = node_id ? item_stats_node_sql : item_stats_plan_sql;
    if (db_prepare_cached(st, sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_text(stmt, 2, done, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 3, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt, 4, area_id);
    sqlite3_bind_int64(stmt, 5, node_id);
    return db_collect(st, stmt, sizeof(item_stats), (void **)&out->v, &out->n, read_item_stats,
                      db_release_nothing, err);
}

DEFINE_FLAT_LIST_FREE(item_stats_list)

void item_stats_add(area_stats *s, const item_stats *it, long risk_until, int sign)
{
    char until[DATE_LEN];
    date_format(risk_until, until);
    item_stats_count(s, it, until, sign);
}

void item_stats_count(area_stats *s, const item_stats *it, const char *until, int sign)
{
    int late = it->own_late || it->ms_late > 0;
    if (it->depth == 2) {
        s->total += sign;
        s->done += sign * it->is_done;
        s->overdue += sign * (!it->is_done && late);
        s->at_risk += sign * (!it->is_done && !late && it->due[0] && strcmp(it->due, until) <= 0);
    }
    s->overdue_rows += sign * (it->is_done ? 0 : it->own_late ? 1 : it->ms_late);
}
