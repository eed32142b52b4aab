/* filter.c - one filter of a plan's items (see filter.h). */
#include "query/filter.h"

#include "plan/date.h"
#include "plan/status.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

void query_filter_clear(query_filter *f)
{
    memset(f, 0, sizeof *f);
    f->light = FILTER_ANY;
    f->due_within = FILTER_ANY;
}

static int set(const char *s)
{
    return s && *s;
}

int query_filter_active(const query_filter *f)
{
    return f && (set(f->unit) || set(f->leader) || set(f->status) || f->light != FILTER_ANY ||
                 f->due_within != FILTER_ANY);
}

int query_filter_matches(const query_filter *f, const item_light *it, long today)
{
    if (!query_filter_active(f))
        return 1;
    if (set(f->unit) && !strstr(it->unit ? it->unit : "", f->unit))
        return 0;
    if (set(f->leader) && !strstr(it->leader ? it->leader : "", f->leader))
        return 0;
    if (set(f->status) && strcmp(it->status, f->status))
        return 0;
    if (f->light != FILTER_ANY && (int)it->light != f->light)
        return 0;
    if (f->due_within != FILTER_ANY) {
        long d;
        if (it->done || !it->deadline[0] || date_parse(it->deadline, &d, NULL))
            return 0;
        if (d > today + f->due_within)
            return 0;
    }
    return 1;
}

int light_parse(const char *text, light *out)
{
    static const char *const words[LIGHT_COUNT][3] = {
        {"green", "绿", "绿灯"}, {"yellow", "黄", "黄灯"}, {"red", "红", "红灯"}};
    for (int l = 0; text && l < LIGHT_COUNT; l++)
        for (int k = 0; k < 3; k++)
            if (!strcmp(text, words[l][k])) {
                *out = (light)l;
                return 0;
            }
    return -1;
}

int query_filter_describe(const query_filter *f, const status_set *set_, strbuf *out)
{
    if (!query_filter_active(f))
        return DUBAN_OK;
    const char *sep = "";
    int rc = 0;
    if (set(f->unit)) {
        rc |= strbuf_printf(out, "单位 %s", f->unit);
        sep = " · ";
    }
    if (set(f->leader)) {
        rc |= strbuf_printf(out, "%s领导 %s", sep, f->leader);
        sep = " · ";
    }
    if (set(f->status)) {
        const status_def *d = status_by_key(set_, f->status);
        rc |= strbuf_printf(out, "%s状态 %s", sep, d ? d->name : f->status);
        sep = " · ";
    }
    if (f->light != FILTER_ANY) {
        rc |= strbuf_printf(out, "%s%s", sep, light_name((light)f->light));
        sep = " · ";
    }
    if (f->due_within != FILTER_ANY)
        rc |= strbuf_printf(out, "%s%d天内到期", sep, f->due_within);
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

int id_list_contains(const id_list *l, int64_t id)
{
    return l->n && bsearch(&id, l->v, l->n, sizeof *l->v, cmp_id) != NULL;
}

/* Drops the items of l that do not match f (freeing their strings). */
static void keep_matching(item_light_list *l, const query_filter *f, long today)
{
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (query_filter_matches(f, &l->v[i], today))
            l->v[k++] = l->v[i];
        else
            item_light_free_one(&l->v[i]);
    }
    l->n = k;
}

int query_item_lights_where(store *st, int64_t plan_id, long today, const light_rule *rule,
                            const query_filter *f, item_light_list *out, duban_error *err)
{
    int rc = query_item_lights(st, plan_id, today, rule, out, err);
    if (!rc && query_filter_active(f))
        keep_matching(out, f, today);
    return rc;
}

/* query_filter_ids' walk: the matching items' ids appended to out. */
typedef struct id_walk {
    const query_filter *f;
    long today;
    id_list *out;
    size_t cap;
    duban_error *err;
} id_walk;

static int add_matching(void *ctx, const item_light *l)
{
    id_walk *w = ctx;
    if (query_filter_active(w->f) && !query_filter_matches(w->f, l, w->today))
        return DUBAN_OK;
    if (ARRAY_GROW(w->out->v, w->cap, w->out->n + 1))
        return duban_fail(w->err, DUBAN_ENOMEM, "out of memory");
    w->out->v[w->out->n++] = l->node_id;
    return DUBAN_OK;
}

int query_filter_ids(store *st, int64_t plan_id, long today, const light_rule *rule,
                     const query_filter *f, id_list *out, duban_error *err)
{
    /* one light at a time: the plan's whole list is ~200 bytes an item */
    id_walk w = {f, today, out, 0, err};
    memset(out, 0, sizeof *out);
    int rc = query_item_lights_each(st, plan_id, today, rule, add_matching, &w, err);
    if (rc)
        id_list_free(out);
    else if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, cmp_id);
    return rc;
}

/* Keeps the nodes of l that are in ids or above one that is (l is in
 * outline order: a node's ancestors come before it, at smaller depths). */
void node_list_keep_matching(node_list *l, const id_list *ids)
{
    char *keep = calloc(l->n ? l->n : 1, 1);
    size_t above[8]; /* index of the latest node at each depth (none: l->n) */
    for (int d = 0; d < 8; d++)
        above[d] = l->n;
    for (size_t i = 0; keep && i < l->n; i++) {
        int d = l->v[i].depth;
        if (d >= 1 && d < 8)
            above[d] = i;
        for (int below = d + 1; below < 8; below++)
            above[below] = l->n; /* a new branch */
        if (d >= 2 && id_list_contains(ids, l->v[i].id))
            for (int up = 1; up <= d && up < 8; up++)
                if (above[up] < l->n)
                    keep[above[up]] = 1;
    }
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!keep || keep[i])
            l->v[k++] = l->v[i];
        else
            node_free(&l->v[i]);
    }
    l->n = k;
    free(keep);
}

int node_all_where(store *st, int64_t plan_id, long today, const light_rule *rule,
                   const query_filter *f, node_list *out, duban_error *err)
{
    int rc = node_all(st, plan_id, out, err);
    if (rc || !query_filter_active(f))
        return rc;
    id_list ids;
    if ((rc = query_filter_ids(st, plan_id, today, rule, f, &ids, err))) {
        node_list_free(out);
        return rc;
    }
    node_list_keep_matching(out, &ids);
    id_list_free(&ids);
    return rc;
}

DEFINE_KEEP_BY_ID(keep_overdue, overdue_list, node_id)

int query_overdue_where(store *st, int64_t plan_id, long today, const light_rule *rule,
                        const query_filter *f, overdue_list *out, duban_error *err)
{
    int rc = query_overdue(st, plan_id, today, out, err);
    if (rc || !query_filter_active(f))
        return rc;
    id_list ids;
    if ((rc = query_filter_ids(st, plan_id, today, rule, f, &ids, err))) {
        overdue_list_free(out);
        return rc;
    }
    if (keep_overdue(out, &ids))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    id_list_free(&ids);
    return rc;
}

static void choice_free(filter_choice *c)
{
    free(c->text);
}

DEFINE_LIST_FREE(filter_choice_list, choice_free)

/* Most items first (what a meeting filters on most), then by text. */
static int cmp_choice(const void *a, const void *b)
{
    const filter_choice *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->text, y->text);
}

/* Adds text once (count 0); DUBAN_ENOMEM. */
static int add_choice(filter_choice_list *l, size_t *cap, const char *text)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].text, text))
            return DUBAN_OK;
    if (ARRAY_GROW(l->v, *cap, l->n + 1))
        return DUBAN_ENOMEM;
    if (!(l->v[l->n].text = duban_strdup(text)))
        return DUBAN_ENOMEM;
    l->v[l->n++].count = 0;
    return DUBAN_OK;
}

int query_filter_choices(const item_light_list *items, enum light_group by, filter_choice_list *out)
{
    size_t cap = 0;
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < items->n; i++) {
        const item_light *it = &items->v[i];
        const char *t = by == LIGHT_BY_LEADER ? it->leader : it->unit;
        if (it->depth >= NODE_ITEM && t && *t && add_choice(out, &cap, t)) {
            filter_choice_list_free(out);
            return DUBAN_ENOMEM;
        }
    }
    for (size_t i = 0; i < items->n; i++) {
        const item_light *it = &items->v[i];
        const char *t = by == LIGHT_BY_LEADER ? it->leader : it->unit;
        for (size_t c = 0; it->depth >= NODE_ITEM && t && *t && c < out->n; c++)
            if (strstr(t, out->v[c].text))
                out->v[c].count++;
    }
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, cmp_choice);
    return DUBAN_OK;
}
