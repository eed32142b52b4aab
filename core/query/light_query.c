/* light_query.c - lights of a plan's items and their counts per group.
 *
 * SQL reads each item's status and deadline in one query; the rule itself
 * is applied in C by light_of() so that there is one definition of it. */
#include "plan/light.h"

#include "query/area_summary.h"
#include "query/filter.h"
#include "query/outline_pass.h"
#include "query/group.h"
#include "query/query.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

/* The plan's nodes for the outline pass (outline_pass.h), with what a
 * light row shows besides: the pass reaches no node's parent or area by
 * id, where a query per row did (NODE_ACTIVE's two lookups, AREA_OF's). */
static const char nodes_sql[] = "SELECT " OUTLINE_NODE_COLUMNS ", ref, unit, leader FROM node"
                                " WHERE plan_id = ?1 ORDER BY sort_key";
enum { COL_REF = OUTLINE_ID + 1, COL_UNIT, COL_LEADER }; /* nodes_sql's own columns */

/* The same for one area (?2) and the nodes below it, by their sort-key
 * range (an index range): the cost follows the area's size, not the
 * plan's. */
static const char area_nodes_sql[] =
    "SELECT " OUTLINE_NODE_COLUMNS ", ref, unit, leader FROM node WHERE plan_id = ?1"
    " AND sort_key >= (SELECT sort_key FROM node WHERE id = ?2)"
    " AND sort_key < (SELECT sort_key || '/' FROM node WHERE id = ?2) ORDER BY sort_key";

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

/* The outline pass's state for query_item_lights_each(). */
typedef struct light_pass {
    outline_judge judge;
    ms_list ms;
    const outline_areas *areas;
    int (*fn)(void *ctx, const item_light *l); /* NULL: append to out */
    void *ctx;
    item_light_list *out;
    size_t cap;
    duban_error *err;
    const char *bound; /* NULL, or the sort key of the last node to give */
} light_pass;

/* What pass_light() returns past light_pass.bound: the walk stops there,
 * and light_pass_run() answers DUBAN_OK (no core error is negative). */
#define PASS_AT_BOUND (-1)

/* l to the caller: its fn, or (taking its strings) the end of its list. */
static int give_light(light_pass *p, item_light *l)
{
    if (!l->unit || !l->leader)
        return duban_fail(p->err, DUBAN_ENOMEM, "out of memory");
    if (p->fn)
        return p->fn(p->ctx, l);
    if (ARRAY_GROW(p->out->v, p->cap, p->out->n + 1))
        return duban_fail(p->err, DUBAN_ENOMEM, "out of memory");
    p->out->v[p->out->n++] = *l;
    memset(l, 0, sizeof *l);
    return DUBAN_OK;
}

/* One counting item or sub-item (the current row) to the caller's fn. */
static int pass_light(void *ctx, sqlite3_stmt *s, int depth, size_t area)
{
    light_pass *p = ctx;
    if (p->bound) { /* sort keys compare as the outline orders them */
        const char *key = (const char *)sqlite3_column_text(s, OUTLINE_KEY);
        if (key && strcmp(key, p->bound) > 0)
            return PASS_AT_BOUND;
    }
    item_light l;
    memset(&l, 0, sizeof l);
    l.node_id = sqlite3_column_int64(s, OUTLINE_ID);
    l.area_id = p->areas->v[area].id;
    l.area_seq = p->areas->v[area].seq;
    l.depth = depth;
    db_text_into(s, COL_REF, l.ref, sizeof l.ref);
    db_text_into(s, OUTLINE_STATUS, l.status, sizeof l.status);
    db_text_into(s, OUTLINE_DUE, l.due, sizeof l.due);
    db_text_into(s, OUTLINE_EXTENDED_DUE, l.extended_due, sizeof l.extended_due);
    const open_ms *m = p->ms.n ? outline_find_ms(&p->ms, l.node_id) : NULL;
    const char *deadline = outline_deadline(l.extended_due, l.due, m);
    memcpy(l.deadline, deadline, strlen(deadline) + 1); /* one of three DATE_LEN fields */
    const outline_verdict *v = outline_judge_item(&p->judge, l.status, l.deadline);
    l.done = v->done;
    l.light = v->l;
    l.unit = db_text(s, COL_UNIT);
    l.leader = db_text(s, COL_LEADER);
    int rc = give_light(p, &l);
    item_light_free(&l);
    return rc;
}

/* The place of area_id in areas, or areas->n. */
static size_t area_place(const outline_areas *areas, int64_t area_id)
{
    size_t i = 0;
    while (i < areas->n && areas->v[i].id != area_id)
        i++;
    return i;
}

/* The pass over the whole plan, or over one area (area_id not 0; no rows
 * when it is not one of the plan's areas, or is removed). */
static int light_pass_run(store *st, int64_t plan_id, int64_t area_id, long today,
                          const light_rule *rule, light_pass *p, duban_error *err)
{
    p->judge.set = store_statuses(st);
    p->judge.rule = rule;
    p->judge.today = today;
    p->err = err;
    char day[DATE_LEN];
    date_format(today, day);
    outline_areas areas;
    p->areas = &areas;
    int rc = outline_read_areas(st, plan_id, &areas, err), walk = 1;
    if (!rc && !area_id)
        rc = outline_read_milestones(st, day, &p->ms, err);
    else if (!rc && area_place(&areas, area_id) < areas.n)
        rc = outline_read_area_milestones(st, plan_id, area_id, p->bound, day, &p->ms, err);
    else
        walk = 0; /* failed, or not one of the plan's areas: no rows */
    if (!rc && walk)
        rc = outline_walk(st, area_id ? area_nodes_sql : nodes_sql, plan_id, area_id, &areas,
                          pass_light, p, err);
    if (rc == PASS_AT_BOUND)
        rc = DUBAN_OK;
    ms_list_free(&p->ms);
    outline_areas_free(&areas);
    return rc;
}

int query_item_lights_each(store *st, int64_t plan_id, long today, const light_rule *rule,
                           int (*fn)(void *ctx, const item_light *l), void *ctx, duban_error *err)
{
    light_pass *p = calloc(1, sizeof *p);
    if (!p)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    p->fn = fn;
    p->ctx = ctx;
    int rc = light_pass_run(st, plan_id, 0, today, rule, p, err);
    free(p);
    return rc;
}

/* The lights of the whole plan (area_id 0) or of one area into out; up
 * to the node whose sort key is bound when bound is not NULL. */
static int lights_into(store *st, int64_t plan_id, int64_t area_id, const char *bound, long today,
                       const light_rule *rule, item_light_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    light_pass *p = calloc(1, sizeof *p);
    if (!p)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    p->out = out;
    p->bound = bound;
    int rc = light_pass_run(st, plan_id, area_id, today, rule, p, err);
    free(p);
    if (rc)
        item_light_list_free(out);
    return rc;
}

int query_item_lights(store *st, int64_t plan_id, long today, const light_rule *rule,
                      item_light_list *out, duban_error *err)
{
    return lights_into(st, plan_id, 0, NULL, today, rule, out, err);
}

int query_area_lights(store *st, int64_t plan_id, int64_t area_id, long today,
                      const light_rule *rule, item_light_list *out, duban_error *err)
{
    if (!area_id) { /* not an area: lights_into() would read the whole plan */
        memset(out, 0, sizeof *out);
        return DUBAN_OK;
    }
    return lights_into(st, plan_id, area_id, NULL, today, rule, out, err);
}

int query_area_lights_upto(store *st, int64_t plan_id, int64_t area_id, int64_t last_id, long today,
                           const light_rule *rule, item_light_list *out, duban_error *err)
{
    sqlite3_stmt *s;
    memset(out, 0, sizeof *out);
    if (!area_id)
        return DUBAN_OK;
    if (db_prepare_cached(st, "SELECT sort_key FROM node WHERE id = ?1", &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, last_id);
    char bound[REF_LEN * 4];
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW)
        db_text_into(s, 0, bound, sizeof bound);
    int rc = step == SQLITE_ROW || step == SQLITE_DONE
                 ? DUBAN_OK
                 : db_fail(st, err, DUBAN_EDB, "cannot read the items");
    db_stmt_done(st, s);
    if (rc)
        return rc;
    /* an unknown last_id: every light of the area */
    return lights_into(st, plan_id, area_id, step == SQLITE_ROW ? bound : NULL, today, rule, out,
                       err);
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
