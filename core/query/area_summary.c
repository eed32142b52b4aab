/* area_summary.c - the area lines' numbers in one pass (see area_summary.h).
 *
 * The pass is outline_pass.h's: the areas, the open milestones once and
 * the plan's nodes in outline order from the covering index node_stats,
 * none of it reaching a node's row.  Each counting item is judged as
 * ITEM_FLAGS_SELECT and the items' lights do (stats_internal.h,
 * light_query.c); a unit test holds them together.  What a count gives is
 * kept (summary_memo.h) and given again, without a pass, until something
 * it counted changes. */
#include "query/area_summary.h"

#include "base/list.h"
#include "query/outline_pass.h"
#include "query/stats_internal.h"
#include "query/summary_memo.h"
#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

static const char nodes_sql[] =
    "SELECT " OUTLINE_NODE_COLUMNS " FROM node WHERE plan_id = ?1 ORDER BY sort_key";

/* What one pass needs besides the row. */
typedef struct count_pass {
    outline_judge judge;
    char day[DATE_LEN], until[DATE_LEN];
    ms_list ms;
    area_summary_list *out;
} count_pass;

/* Adds one counting item or sub-item (the current row) to its area. */
static int count_item(void *ctx, sqlite3_stmt *s, int depth, size_t area)
{
    count_pass *c = ctx;
    area_summary *a = &c->out->v[area];
    char status[32], due[DATE_LEN], ext[DATE_LEN];
    db_text_into(s, OUTLINE_STATUS, status, sizeof status);
    db_text_into(s, OUTLINE_DUE, due, sizeof due);
    db_text_into(s, OUTLINE_EXTENDED_DUE, ext, sizeof ext);
    int64_t id = sqlite3_column_int64(s, OUTLINE_ID);
    const open_ms *m = c->ms.n ? outline_find_ms(&c->ms, id) : NULL;
    const outline_verdict *v = outline_judge_item(&c->judge, status, outline_deadline(ext, due, m));
    item_stats it = {.node_id = id, .depth = depth, .is_done = v->done};
    memcpy(it.due, *ext ? ext : due, sizeof it.due); /* the due date in force */
    it.own_late = !it.is_done && *it.due && strcmp(it.due, c->day) < 0;
    it.ms_late = m && !*ext ? m->late : 0; /* an extension covers the milestones */
    item_stats_count(&a->stats, &it, c->until, 1);
    if (depth == NODE_ITEM)
        a->ndone += v->done;
    if (depth == NODE_ITEM && v->l < LIGHT_COUNT)
        a->nlight[v->l]++;
    if (depth == NODE_ITEM && v->status_at >= 0)
        a->nstatus[v->status_at]++;
    return DUBAN_OK;
}

/* out's areas, with no counts yet, from the pass's areas. */
static int start_list(const outline_areas *areas, area_summary_list *out, duban_error *err)
{
    if (areas->n && !(out->v = calloc(areas->n, sizeof *out->v)))
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    out->n = areas->n;
    for (size_t i = 0; i < areas->n; i++) {
        out->v[i].stats.area_id = areas->v[i].id;
        out->v[i].stats.seq = areas->v[i].seq;
    }
    return DUBAN_OK;
}

int query_area_summary(store *st, int64_t plan_id, long today, int warn_days,
                       const light_rule *rule, area_summary_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    char key[SUMMARY_MEMO_KEY_LEN];
    summary_memo_key(st, today, warn_days, rule, key);
    if (summary_memo_get(st, plan_id, key, out))
        return DUBAN_OK;
    memo_mark mark;
    summary_memo_mark(st, &mark);
    count_pass *c = calloc(1, sizeof *c);
    if (!c)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    c->judge.set = store_statuses(st);
    c->judge.rule = rule;
    c->judge.today = today;
    c->out = out;
    date_format(today, c->day);
    date_format(today + warn_days, c->until);
    outline_areas areas;
    int rc = outline_read_areas(st, plan_id, &areas, err);
    if (!rc)
        rc = start_list(&areas, out, err);
    if (!rc)
        rc = outline_read_milestones(st, c->day, &c->ms, err);
    if (!rc)
        rc = outline_walk(st, nodes_sql, plan_id, 0, &areas, count_item, c, err);
    ms_list_free(&c->ms);
    free(c);
    outline_areas_free(&areas);
    if (rc)
        area_summary_list_free(out);
    else
        summary_memo_put(st, plan_id, key, out, &mark);
    return rc;
}

DEFINE_FLAT_LIST_FREE(area_summary_list)
