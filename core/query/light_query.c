/* light_query.c - lights of a plan's items and their counts per group.
 *
 * SQL reads each item's status and deadline in one query; the rule itself
 * is applied in C by light_of() so that there is one definition of it. */
#include "plan/light.h"

#include "query/area_summary.h"
#include "query/filter.h"
#include "query/node_internal.h"
#include "query/group.h"
#include "query/query.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

/* The deadline: the extension, else the earliest of due and milestones. */
/* clang-format off */
static const char lights_sql[] =
    "SELECT n.id, a.id, a.seq, n.depth, n.ref, n.status, n.due, n.extended_due,"
    " CASE WHEN n.extended_due <> '' THEN n.extended_due"
    "  ELSE coalesce(min(nullif(n.due, ''), ms.d), nullif(n.due, ''), ms.d, '') END,"
    " n.unit, n.leader"
    " FROM node n JOIN node a ON a.id = " AREA_OF("n")
    " LEFT JOIN (SELECT node_id, min(due) AS d FROM milestone"
    "  WHERE done = '' AND state = '' GROUP BY node_id) ms"
    "  ON ms.node_id = n.id"
    " WHERE n.plan_id = ?1 AND n.depth >= 2 AND " NODE_ACTIVE("n") " ORDER BY n.sort_key";
/* clang-format on */

/* The same for one area (?2): its items by their sort-key range (an index
 * range), milestones per item through their index, so the cost follows the
 * area's size, not the plan's. */
static const char area_lights_sql[] =
    "SELECT id, aid, aseq, depth, ref, status, due, extended_due,"
    " CASE WHEN extended_due <> '' THEN extended_due"
    "  ELSE coalesce(min(nullif(due, ''), ms), nullif(due, ''), ms, '') END,"
    " unit, leader FROM ("
    "  SELECT n.id, a.id AS aid, a.seq AS aseq, n.depth, n.ref, n.status, n.due,"
    "   n.extended_due, n.unit, n.leader, n.sort_key,"
    "   (SELECT min(m.due) FROM milestone m WHERE m.node_id = n.id"
    "    AND m.done = '' AND m.state = '') AS ms"
    "  FROM node a JOIN node n ON n.plan_id = a.plan_id AND n.depth >= 2"
    "   AND n.sort_key > a.sort_key || '.' AND n.sort_key < a.sort_key || '/'"
    "  WHERE a.id = ?2 AND a.plan_id = ?1 AND a.depth = 1 AND " NODE_ACTIVE(
        "n") ")"
             " ORDER BY sort_key";

/* The same for one item or sub-item (?2): its area by sort-key prefix. */
static const char node_light_sql[] =
    "SELECT id, aid, aseq, depth, ref, status, due, extended_due,"
    " CASE WHEN extended_due <> '' THEN extended_due"
    "  ELSE coalesce(min(nullif(due, ''), ms), nullif(due, ''), ms, '') END,"
    " unit, leader FROM ("
    "  SELECT n.id, a.id AS aid, a.seq AS aseq, n.depth, n.ref, n.status, n.due,"
    "   n.extended_due, n.unit, n.leader,"
    "   (SELECT min(m.due) FROM milestone m WHERE m.node_id = n.id"
    "    AND m.done = '' AND m.state = '') AS ms"
    "  FROM node n JOIN node a ON a.plan_id = n.plan_id AND a.parent_id IS NULL"
    "   AND a.sort_key = substr(n.sort_key, 1, 5)"
    "  WHERE n.id = ?2 AND n.plan_id = ?1 AND n.depth >= 2)";

static int read_light(sqlite3_stmt *s, void *p)
{
    item_light *l = p;
    memset(l, 0, sizeof *l);
    l->node_id = sqlite3_column_int64(s, 0);
    l->area_id = sqlite3_column_int64(s, 1);
    l->area_seq = sqlite3_column_int(s, 2);
    l->depth = sqlite3_column_int(s, 3);
    db_text_into(s, 4, l->ref, sizeof l->ref);
    db_text_into(s, 5, l->status, sizeof l->status);
    db_text_into(s, 6, l->due, sizeof l->due);
    db_text_into(s, 7, l->extended_due, sizeof l->extended_due);
    db_text_into(s, 8, l->deadline, sizeof l->deadline);
    l->unit = db_text(s, 9);
    l->leader = db_text(s, 10);
    return l->unit && l->leader ? DUBAN_OK : DUBAN_ENOMEM;
}

static void item_light_free(void *p)
{
    item_light *l = p;
    free(l->unit);
    free(l->leader);
}

DEFINE_LIST_FREE(item_light_list, item_light_free)

/* Runs sql (?1 plan, ?2 area or unbound) and judges each row's light. */
static int collect_lights(store *st, const char *sql, int64_t plan_id, int64_t area_id, long today,
                          const light_rule *rule, item_light_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare_cached(st, sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    if (area_id)
        sqlite3_bind_int64(stmt, 2, area_id);
    int rc = db_collect(st, stmt, sizeof(item_light), (void **)&out->v, &out->n, read_light,
                        item_light_free, err);
    if (rc) {
        item_light_list_free(out);
        return rc;
    }
    const status_set *set = store_statuses(st);
    for (size_t i = 0; i < out->n; i++) {
        item_light *l = &out->v[i];
        l->done = status_is_done(set, l->status);
        l->light = light_of(set, rule, l->status, l->deadline, today);
    }
    return DUBAN_OK;
}

int query_item_lights_each(store *st, int64_t plan_id, long today, const light_rule *rule,
                           int (*fn)(void *ctx, const item_light *l), void *ctx, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st, lights_sql, &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    const status_set *set = store_statuses(st);
    int rc = DUBAN_OK, step;
    while (!rc && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        item_light l;
        if (read_light(stmt, &l))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
        else {
            l.done = status_is_done(set, l.status);
            l.light = light_of(set, rule, l.status, l.deadline, today);
            rc = fn(ctx, &l);
        }
        item_light_free(&l);
    }
    if (!rc && step != SQLITE_DONE)
        rc = db_fail(st, err, DUBAN_EDB, "cannot read the items' lights");
    sqlite3_finalize(stmt);
    return rc;
}

int query_item_lights(store *st, int64_t plan_id, long today, const light_rule *rule,
                      item_light_list *out, duban_error *err)
{
    return collect_lights(st, lights_sql, plan_id, 0, today, rule, out, err);
}

int query_area_lights(store *st, int64_t plan_id, int64_t area_id, long today,
                      const light_rule *rule, item_light_list *out, duban_error *err)
{
    return collect_lights(st, area_lights_sql, plan_id, area_id, today, rule, out, err);
}

int query_node_light(store *st, int64_t plan_id, int64_t node_id, long today,
                     const light_rule *rule, item_light *out, duban_error *err)
{
    item_light_list l;
    memset(out, 0, sizeof *out);
    int rc = collect_lights(st, node_light_sql, plan_id, node_id, today, rule, &l, err);
    if (!rc && l.n != 1)
        rc = duban_fail(err, DUBAN_ENOTFOUND, "no item with id %lld", (long long)node_id);
    if (!rc) {
        *out = l.v[0];
        l.n = 0; /* the strings now belong to out */
    }
    item_light_list_free(&l);
    return rc;
}

void item_light_free_one(item_light *l)
{
    item_light_free(l);
    memset(l, 0, sizeof *l);
}

static void light_tally_free(light_tally *g)
{
    free(g->key);
    free(g->title);
}

DEFINE_LIST_FREE(light_tally_list, light_tally_free)

/* The areas first, so that areas without items are listed too. */
static int add_areas(store *st, int64_t plan_id, group_list *g, duban_error *err)
{
    node_list areas;
    int rc = node_children(st, plan_id, 0, &areas, err);
    for (size_t i = 0; !rc && i < areas.n; i++)
        if (group_add(g, areas.v[i].ref, areas.v[i].title, GROUP_NO_ROW))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    node_list_free(&areas);
    return rc;
}

/* The items (depth 2) into their groups (group.h). */
static int group_items(const item_light_list *items, enum light_group by, group_list *g)
{
    for (size_t i = 0; i < items->n; i++) {
        const item_light *it = &items->v[i];
        char area[REF_LEN];
        if (it->depth == NODE_ITEM &&
            group_add(g, group_key(by, it->ref, it->unit, it->leader, area), NULL, i))
            return DUBAN_ENOMEM;
    }
    return DUBAN_OK;
}

/* One tally a group, counting its items; the key and title move from g. */
static int tally_groups(group_list *g, const item_light_list *items, light_tally_list *out)
{
    if (!(out->v = calloc(g->n + 1, sizeof *out->v)))
        return DUBAN_ENOMEM;
    for (size_t k = 0; k < g->n; k++, out->n++) {
        light_tally *t = &out->v[k];
        t->key = g->v[k].key;
        t->title = g->v[k].title;
        g->v[k].key = g->v[k].title = NULL;
        for (size_t r = 0; r < g->v[k].n; r++) {
            const item_light *it = &items->v[g->v[k].rows[r]];
            t->total++;
            t->done += it->done;
            t->count[it->light]++;
        }
    }
    return DUBAN_OK;
}

/* The per-area tally without a filter: the same numbers from one pass
 * over the covering index (query_area_summary), no light per item; the
 * areas and their order as add_areas() gives them (node_areas). */
static int tally_areas(store *st, int64_t plan_id, long today, const light_rule *rule,
                       light_tally_list *out, duban_error *err)
{
    node_list areas;
    area_summary_list sum = {0};
    int rc = node_areas(st, plan_id, &areas, err);
    if (!rc)
        rc = query_area_summary(st, plan_id, today, 0, rule, &sum, err);
    if (!rc && !(out->v = calloc(areas.n + 1, sizeof *out->v)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    for (size_t k = 0; !rc && k < areas.n; k++) {
        light_tally *t = &out->v[out->n++]; /* counted first: freed on failure */
        t->key = duban_strdup(areas.v[k].ref);
        t->title = duban_strdup(areas.v[k].title);
        if (!t->key || !t->title)
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
        for (size_t i = 0; i < sum.n; i++)
            if (sum.v[i].stats.area_id == areas.v[k].id) {
                for (int c = 0; c < LIGHT_COUNT; c++)
                    t->total += t->count[c] = sum.v[i].nlight[c];
                t->done = sum.v[i].ndone;
                break;
            }
    }
    node_list_free(&areas);
    area_summary_list_free(&sum);
    if (rc)
        light_tally_list_free(out);
    return rc;
}

int query_light_tally(store *st, int64_t plan_id, enum light_group by, long today,
                      const light_rule *rule, light_tally_list *out, duban_error *err)
{
    return query_light_tally_where(st, plan_id, by, today, rule, NULL, out, err);
}

int query_light_tally_where(store *st, int64_t plan_id, enum light_group by, long today,
                            const light_rule *rule, const query_filter *f, light_tally_list *out,
                            duban_error *err)
{
    memset(out, 0, sizeof *out);
    if (by == LIGHT_BY_AREA && !query_filter_active(f))
        return tally_areas(st, plan_id, today, rule, out, err);
    item_light_list items;
    group_list g = {0};
    int rc = query_item_lights_where(st, plan_id, today, rule, f, &items, err);
    if (rc)
        return rc;
    if (by == LIGHT_BY_AREA)
        rc = add_areas(st, plan_id, &g, err);
    if (!rc && group_items(&items, by, &g))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc && by != LIGHT_BY_AREA)
        group_sort(&g, by);
    if (!rc && tally_groups(&g, &items, out))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    group_list_free(&g);
    item_light_list_free(&items);
    if (rc)
        light_tally_list_free(out);
    return rc;
}

void light_tally_total(const light_tally_list *l, light_tally *sum)
{
    memset(sum, 0, sizeof *sum);
    for (size_t i = 0; i < l->n; i++) {
        sum->total += l->v[i].total;
        sum->done += l->v[i].done;
        for (int c = 0; c < LIGHT_COUNT; c++)
            sum->count[c] += l->v[i].count[c];
    }
}
