/* vm_filter.c - the view model under a filter (筛选, see vmodel.h): which
 * areas and items show, and their numbers counted on the matching items.
 *
 * The matching ids are read at load and reload (one query of the plan's
 * lights); after an edit only the edited area is judged again, on what
 * its refresh read (so an edit costs what it costs unfiltered); moving
 * about reads nothing. */
#include "screen/vmodel.h"

#include "query/dated_list.h"
#include "base/list.h"
#include "plan/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vm_filter_free(app *a)
{
    id_list_free(&a->filter_ids);
    id_list_free(&a->filter_areas);
}

static int cmp_id(const void *x, const void *y)
{
    int64_t p = *(const int64_t *)x, q = *(const int64_t *)y;
    return p < q ? -1 : p > q;
}

/* vm_filter_load_ids' walk: the matching items and their areas. */
typedef struct match_walk {
    app *a;
    size_t cap_ids, cap_areas;
    duban_error *err;
} match_walk;

static int add_match(void *ctx, const item_light *l)
{
    match_walk *w = ctx;
    app *a = w->a;
    if (!query_filter_matches(&a->filter, l, a->today))
        return DUBAN_OK;
    int new_area = !a->filter_areas.n || a->filter_areas.v[a->filter_areas.n - 1] != l->area_id;
    if (ARRAY_GROW(a->filter_ids.v, w->cap_ids, a->filter_ids.n + 1) ||
        (new_area && ARRAY_GROW(a->filter_areas.v, w->cap_areas, a->filter_areas.n + 1)))
        return duban_fail(w->err, DUBAN_ENOMEM, "out of memory");
    a->filter_ids.v[a->filter_ids.n++] = l->node_id;
    if (new_area)
        a->filter_areas.v[a->filter_areas.n++] = l->area_id;
    return DUBAN_OK;
}

int vm_filter_load_ids(app *a, duban_error *err)
{
    vm_filter_free(a);
    if (!query_filter_active(&a->filter))
        return DUBAN_OK;
    /* one light at a time: the plan's whole list is ~200 bytes an item */
    match_walk w = {a, 0, 0, err};
    int rc = query_item_lights_each(a->st, a->plan_id, a->today, &a->rule, add_match, &w, err);
    if (!rc && !a->filter_ids.v && !(a->filter_ids.v = malloc(sizeof *a->filter_ids.v)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc && !a->filter_areas.v && !(a->filter_areas.v = malloc(sizeof *a->filter_areas.v)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    qsort(a->filter_ids.v, a->filter_ids.n, sizeof(int64_t), cmp_id);
    qsort(a->filter_areas.v, a->filter_areas.n, sizeof(int64_t), cmp_id);
    return rc;
}

int vm_filter_keeps_area(const app *a, int64_t area_id)
{
    return !query_filter_active(&a->filter) || id_list_contains(&a->filter_areas, area_id);
}

void vm_filter_items(const app *a, node_list *items)
{
    if (query_filter_active(&a->filter))
        node_list_keep_matching(items, &a->filter_ids);
}

/* Area ar's numbers from its lights, counting the matching items and
 * sub-items only: what the filter lists (a decision's sub-item alone
 * under its area read 0/0). */
static void count_area(app *a, area_row *ar)
{
    int64_t id = ar->area.id;
    int rows = ar->stats.overdue_rows;
    memset(&ar->stats, 0, sizeof ar->stats);
    ar->stats.area_id = id;
    ar->stats.seq = ar->area.seq;
    ar->stats.overdue_rows = rows;
    memset(ar->nlight, 0, sizeof ar->nlight);
    memset(ar->nstatus, 0, sizeof ar->nstatus);
    const status_set *set = store_statuses(a->st);
    for (size_t k = 0; k < ar->lights.n; k++) {
        item_light one;
        vm_lights_get(&ar->lights, k, &one);
        const item_light *l = &one;
        if (l->depth < NODE_ITEM || !id_list_contains(&a->filter_ids, l->node_id))
            continue;
        long d;
        int dated = l->deadline[0] && !date_parse(l->deadline, &d, NULL);
        ar->stats.total++;
        ar->stats.done += l->done;
        if (!l->done && dated && d < a->today)
            ar->stats.overdue++;
        else if (!l->done && dated && d <= a->today + a->warn_days)
            ar->stats.at_risk++;
        vm_count_light(set, ar, l);
    }
}

int vm_filter_stats(app *a, duban_error *err)
{
    if (!query_filter_active(&a->filter))
        return DUBAN_OK;
    int rc = vm_filter_load_ids(a, err);
    dated_list od = {0}; /* the matching items' rows, by the ids just read */
    if (!rc)
        rc = dated_list_overdue_of(a->st, a->plan_id, a->today, &a->filter_ids, &od, err);
    for (size_t i = 0; !rc && i < a->ol.nareas; i++) {
        area_row *ar = &a->ol.areas[i];
        ar->stats.overdue_rows = 0;
        for (size_t k = 0; k < od.n; k++)
            ar->stats.overdue_rows += od.v[k].area_seq == ar->area.seq;
        count_area(a, ar);
    }
    dated_list_free(&od);
    return rc;
}

/* The ids of ids not in area (sorted), then the matching nodes of ar,
 * into out (sorted); *any: ar has a match.  -1 when out of memory. */
static int rejudge(const app *a, const area_row *ar, id_list *out, int *any)
{
    size_t n = ar->lights.n;
    id_list area = {malloc((n ? n : 1) * sizeof(int64_t)), n};
    out->n = 0;
    out->v = malloc((a->filter_ids.n + n + 1) * sizeof *out->v);
    if (!area.v || !out->v) {
        free(area.v);
        free(out->v);
        out->v = NULL;
        return -1;
    }
    for (size_t k = 0; k < n; k++)
        area.v[k] = ar->lights.v[k].node_id;
    qsort(area.v, n, sizeof(int64_t), cmp_id);
    for (size_t k = 0; k < a->filter_ids.n; k++)
        if (!id_list_contains(&area, a->filter_ids.v[k]))
            out->v[out->n++] = a->filter_ids.v[k];
    *any = 0;
    for (size_t k = 0; k < n; k++) {
        item_light one;
        vm_lights_get(&ar->lights, k, &one);
        if (query_filter_matches(&a->filter, &one, a->today)) {
            out->v[out->n++] = one.node_id;
            *any = 1;
        }
    }
    qsort(out->v, out->n, sizeof(int64_t), cmp_id);
    free(area.v);
    return 0;
}

/* Adds (keep) or removes area_id in the sorted list l (room for one more
 * is made when needed).  -1 when out of memory. */
static int set_area(id_list *l, int64_t area_id, int keep)
{
    if (id_list_contains(l, area_id) == keep)
        return 0;
    if (!keep) {
        size_t k = 0;
        while (l->v[k] != area_id)
            k++;
        memmove(l->v + k, l->v + k + 1, (l->n - k - 1) * sizeof *l->v);
        l->n--;
        return 0;
    }
    int64_t *v = realloc(l->v, (l->n + 1) * sizeof *v);
    if (!v)
        return -1;
    l->v = v;
    l->v[l->n++] = area_id;
    qsort(l->v, l->n, sizeof(int64_t), cmp_id);
    return 0;
}

int vm_filter_refresh_area(app *a, size_t i, duban_error *err)
{
    if (!query_filter_active(&a->filter))
        return DUBAN_OK;
    area_row *ar = &a->ol.areas[i];
    if (!ar->parts_loaded)
        return vm_filter_stats(a, err);
    id_list ids;
    int any;
    if (rejudge(a, ar, &ids, &any) || set_area(&a->filter_areas, ar->area.id, any)) {
        free(ids.v);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    id_list_free(&a->filter_ids);
    a->filter_ids = ids;
    area_stats rows = {0}; /* the overdue rows of the matching items, as query_overdue counts */
    for (size_t k = 0; k < ar->parts.n; k++)
        if (id_list_contains(&a->filter_ids, ar->parts.v[k].node_id))
            item_stats_add(&rows, &ar->parts.v[k], a->today + a->warn_days, 1);
    ar->stats.overdue_rows = rows.overdue_rows;
    count_area(a, ar);
    return DUBAN_OK;
}

int vm_filter_set(app *a, const query_filter *f, duban_error *err)
{
    /* the folds of the moment before a filter, the saved ones after it */
    int rc = vm_flush_folds(a, err);
    if (rc)
        return rc;
    query_filter keep;
    char text[3][sizeof a->filter_text[0]]; /* f may point into a->filter_text */
    query_filter_clear(&keep);
    if (f) {
        const char *src[3] = {f->unit, f->leader, f->status};
        for (int i = 0; i < 3; i++)
            snprintf(text[i], sizeof text[i], "%s", src[i] ? src[i] : "");
        keep = *f;
    } else {
        memset(text, 0, sizeof text);
    }
    memcpy(a->filter_text, text, sizeof text);
    query_filter_clear(&a->filter);
    const char **dst[3] = {&a->filter.unit, &a->filter.leader, &a->filter.status};
    for (int i = 0; i < 3; i++)
        *dst[i] = a->filter_text[i][0] ? a->filter_text[i] : NULL;
    a->filter.light = keep.light;
    a->filter.due_within = keep.due_within;
    rc = vm_filter_load_ids(a, err);
    if (!rc)
        rc = vm_reload(a, err);
    if (!rc && !query_filter_active(&a->filter)) { /* the saved folds of every area again */
        char *folds = NULL;
        rc = store_get_state(a->st, a->plan_id, "folds", &folds, err);
        if (!rc)
            rc = vm_set_folds(a, folds, err);
        free(folds);
    }
    return rc;
}

void vm_filter_describe(const app *a, char *out, size_t outsz)
{
    strbuf sb = {0};
    *out = '\0';
    if (!query_filter_describe(&a->filter, store_statuses(a->st), &sb))
        snprintf(out, outsz, "%s", strbuf_str(&sb));
    strbuf_free(&sb);
}
