/* query_item_stats.c - each item's part of its area's statistics. */
#include "query/query.h"

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
static const char item_stats_area_sql[] = ITEM_STATS_SQL(
    " AND n.sort_key > (SELECT sort_key || '.' FROM node WHERE id = ?4)"
    " AND n.sort_key < (SELECT sort_key || '/' FROM node WHERE id = ?4)");
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

int query_item_stats(store *st, int64_t plan_id, int64_t area_id, int64_t node_id, long today,
                     item_stats_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    char done[512], day[DATE_LEN];
    if (status_done_json(store_statuses(st), done, sizeof done))
        return duban_fail(err, DUBAN_EINVAL, "too many done statuses");
    date_format(today, day);
    sqlite3_stmt *stmt;
    const char *sql = node_id   ? item_stats_node_sql
                      : area_id ? item_stats_area_sql
                                : item_stats_plan_sql;
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
