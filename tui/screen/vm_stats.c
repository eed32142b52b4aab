/* vm_stats.c - the numbers of the view model: per-area statistics and
 * lights, and the header's totals (see vmodel.h).
 *
 * The whole plan is read at load and reload only, in one pass that keeps
 * per-area sums and no per-item list (area_summary.h); an area's lights
 * are read when its items are.  After an edit only the edited item's area
 * is read again, so what an edit costs follows the size of its area, not
 * of the plan. */
#include "screen/vmodel.h"

#include "query/area_summary.h"

#include <stdlib.h>
#include <string.h>

/* The header's numbers: a sum over the areas, no query. */
static void sum_totals(app *a)
{
    a->ol.done = a->ol.total = a->ol.overdue = 0;
    for (size_t i = 0; i < a->ol.nareas; i++) {
        const area_stats *s = &a->ol.areas[i].stats;
        a->ol.done += s->done;
        a->ol.total += s->total;
        a->ol.overdue += s->overdue_rows; /* = the length of query_overdue() */
    }
}

/* Replaces area ar's lights by l (taken and freed: the view model keeps
 * them compact, vm_items.h) and counts them.  A filter judges an edited
 * area again on its lights (vm_filter_refresh_area), by unit and leader
 * among others. */
static int set_lights(const app *a, area_row *ar, item_light_list *l, duban_error *err)
{
    const status_set *set = store_statuses(a->st);
    int rc = vm_lights_take(&ar->lights, l, err);
    if (rc)
        return rc;
    ar->lights_loaded = 1;
    memset(ar->nlight, 0, sizeof ar->nlight);
    memset(ar->nstatus, 0, sizeof ar->nstatus);
    ar->nextended = 0;
    for (size_t k = 0; k < ar->lights.n; k++) {
        item_light one;
        vm_lights_get(&ar->lights, k, &one);
        vm_count_light(set, ar, &one);
        ar->nextended += *one.extended_due != 0;
    }
    return DUBAN_OK;
}

/* Adds (sign 1) or takes away (-1) item l in area ar's counts: items'
 * (depth 2) lights and statuses, every row's extension. */
static void count_item(const status_set *set, area_row *ar, const item_light *l, int sign)
{
    ar->nextended += sign * (*l->extended_due != 0);
    if (l->depth != NODE_ITEM)
        return;
    if (l->light < LIGHT_COUNT)
        ar->nlight[l->light] += sign;
    const status_def *d = status_by_key(set, l->status);
    if (d)
        ar->nstatus[d - set->v] += sign;
}

void vm_count_light(const status_set *set, area_row *ar, const item_light *l)
{
    if (l->depth != NODE_ITEM)
        return;
    if (l->light < LIGHT_COUNT)
        ar->nlight[l->light]++;
    const status_def *d = status_by_key(set, l->status);
    if (d)
        ar->nstatus[d - set->v]++;
}

int vm_load_lights(app *a, size_t i, duban_error *err)
{
    if (i >= a->ol.nareas || a->ol.areas[i].lights_loaded)
        return DUBAN_OK;
    area_row *ar = &a->ol.areas[i];
    item_light_list l;
    int rc = query_area_lights(a->st, a->plan_id, ar->area.id, a->today, &a->rule, &l, err);
    return rc ? rc : set_lights(a, ar, &l, err);
}

int vm_load_head_lights(app *a, size_t i, int64_t last_id, duban_error *err)
{
    if (i >= a->ol.nareas || a->ol.areas[i].lights_loaded)
        return DUBAN_OK;
    area_row *ar = &a->ol.areas[i];
    item_light_list l;
    int rc = query_area_lights_upto(a->st, a->plan_id, ar->area.id, last_id, a->today, &a->rule, &l,
                                    err);
    return rc ? rc : vm_lights_take(&ar->lights, &l, err);
}

/* Without a filter: the areas' numbers in one pass, lights as they are. */
static int load_summary(app *a, duban_error *err)
{
    area_summary_list l;
    int rc = query_area_summary(a->st, a->plan_id, a->today, a->warn_days, &a->rule, &l, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < a->ol.nareas; i++) {
        area_row *ar = &a->ol.areas[i];
        memset(&ar->stats, 0, sizeof ar->stats);
        memset(ar->nlight, 0, sizeof ar->nlight);
        memset(ar->nstatus, 0, sizeof ar->nstatus);
        for (size_t k = 0; k < l.n; k++)
            if (l.v[k].stats.area_id == ar->area.id) {
                ar->stats = l.v[k].stats;
                memcpy(ar->nlight, l.v[k].nlight, sizeof ar->nlight);
                memcpy(ar->nstatus, l.v[k].nstatus, sizeof ar->nstatus);
            }
    }
    area_summary_list_free(&l);
    return DUBAN_OK;
}

/* Under a filter: every area's statistics (the one pass of load_summary:
 * the whole plan's statistics by SQL cost 17x more at 100,000 items than
 * at 10,000), then every area's lights (the filter's counts are made from
 * them), read area by area so that no more than one area's lights are
 * held as item_light at a time (the plan's whole list is ~200 bytes an
 * item; kept compact ~48). */
static int load_all_lights(app *a, duban_error *err)
{
    int rc = load_summary(a, err);
    for (size_t i = 0; !rc && i < a->ol.nareas; i++) {
        a->ol.areas[i].lights_loaded = 0; /* read again */
        rc = vm_load_lights(a, i, err);
    }
    return rc ? rc : vm_filter_stats(a, err); /* the matching items' numbers */
}

int vm_load_stats(app *a, duban_error *err)
{
    for (size_t i = 0; i < a->ol.nareas; i++) {
        item_stats_list_free(&a->ol.areas[i].parts); /* re-read at the next edit */
        a->ol.areas[i].parts_loaded = 0;
    }
    int rc = query_filter_active(&a->filter) ? load_all_lights(a, err) : load_summary(a, err);
    sum_totals(a);
    return rc;
}

/* Re-reads all of area i and keeps each item's part of its statistics. */
static int reload_area(app *a, size_t i, duban_error *err)
{
    area_row *ar = &a->ol.areas[i];
    area_stats s;
    item_light_list l;
    item_stats_list parts;
    int rc = query_area_stats_one(a->st, a->plan_id, ar->area.id, a->today, a->warn_days, &s, err);
    if (!rc)
        rc = query_item_stats(a->st, a->plan_id, ar->area.id, 0, a->today, &parts, err);
    if (rc)
        return rc;
    if ((rc = query_area_lights(a->st, a->plan_id, ar->area.id, a->today, &a->rule, &l, err))) {
        item_stats_list_free(&parts);
        return rc;
    }
    if ((rc = set_lights(a, ar, &l, err))) {
        item_stats_list_free(&parts);
        return rc;
    }
    ar->stats = s;
    item_stats_list_free(&ar->parts);
    ar->parts = parts;
    ar->parts_loaded = 1;
    return DUBAN_OK;
}

#define NOT_KEPT (-1) /* update_item: the node is not in the kept lists */

/* Replaces node id's part of area i's statistics and its light; returns
 * NOT_KEPT when the node is not in the area's lists (the caller re-reads). */
static int update_item(app *a, area_row *ar, int64_t id, duban_error *err)
{
    size_t k = 0, j = vm_lights_find(&ar->lights, id);
    while (k < ar->parts.n && ar->parts.v[k].node_id != id)
        k++;
    if (k == ar->parts.n || j == ar->lights.n)
        return NOT_KEPT;
    item_stats_list one;
    item_light l;
    int rc = query_item_stats(a->st, a->plan_id, 0, id, a->today, &one, err);
    if (rc || one.n != 1) {
        item_stats_list_free(&one);
        return rc ? rc : NOT_KEPT;
    }
    if ((rc = query_node_light(a->st, a->plan_id, id, a->today, &a->rule, &l, err))) {
        item_stats_list_free(&one);
        return rc;
    }
    long until = a->today + a->warn_days;
    item_stats_add(&ar->stats, &ar->parts.v[k], until, -1);
    ar->parts.v[k] = one.v[0];
    item_stats_add(&ar->stats, &ar->parts.v[k], until, 1);
    item_stats_list_free(&one);
    /* the old row out of every count (its status too: the presentation
     * summary lists the area's items per status), the new one in */
    const status_set *set = store_statuses(a->st);
    item_light was;
    vm_lights_get(&ar->lights, j, &was);
    count_item(set, ar, &was, -1);
    rc = vm_lights_set(&ar->lights, j, &l, err);
    if (!rc)
        count_item(set, ar, &l, 1);
    else /* the counts are unsure: the next refresh reads the area again */
        ar->parts_loaded = 0;
    item_light_free_one(&l);
    return rc;
}

int vm_refresh_area(app *a, size_t i, int64_t id, duban_error *err)
{
    if (i >= a->ol.nareas)
        return DUBAN_OK;
    area_row *ar = &a->ol.areas[i];
    int rc = ar->parts_loaded && id ? update_item(a, ar, id, err) : NOT_KEPT;
    if (rc == NOT_KEPT)
        rc = reload_area(a, i, err);
    if (!rc) /* under a filter: the area's matching items again */
        rc = vm_filter_refresh_area(a, i, err);
    if (!rc)
        sum_totals(a);
    return rc;
}

const item_light *vm_item_light(const app *a, size_t i, size_t k, item_light *out)
{
    if (i >= a->ol.nareas)
        return NULL;
    const area_row *ar = &a->ol.areas[i];
    if (!ar->loaded || k >= ar->items.n)
        return NULL;
    int64_t id = ar->items.v[k].id;
    size_t j = k < ar->lights.n && ar->lights.v[k].node_id == id
                   ? k /* both lists are in outline order */
                   : vm_lights_find(&ar->lights, id);
    if (j == ar->lights.n)
        return NULL;
    vm_lights_get(&ar->lights, j, out);
    return out;
}

static const item_light *find_light(const area_row *ar, int64_t id, item_light *out)
{
    size_t j = vm_lights_find(&ar->lights, id);
    if (j == ar->lights.n)
        return NULL;
    vm_lights_get(&ar->lights, j, out);
    return out;
}

const item_light *vm_light(app *a, int64_t id, item_light *out)
{
    if (a->ol.cursor < a->ol.nrows && a->ol.rows[a->ol.cursor].item >= 0 &&
        vm_selected(a) == id) { /* the selected row (the detail pane): no search */
        const outline_row *row = &a->ol.rows[a->ol.cursor];
        const item_light *l = vm_item_light(a, (size_t)row->area, (size_t)row->item, out);
        if (l)
            return l;
    }
    for (size_t i = 0; i < a->ol.nareas; i++) {
        const item_light *l = find_light(&a->ol.areas[i], id, out);
        if (l)
            return l;
    }
    size_t i;
    if (vm_area_index(a, id) < a->ol.nareas)
        return NULL; /* areas have no light */
    if (vm_area_of(a, id, &i, NULL) || i == a->ol.nareas || a->ol.areas[i].lights_loaded)
        return NULL; /* an area, a cancelled item, or not in this plan */
    return vm_load_lights(a, i, NULL) ? NULL : find_light(&a->ol.areas[i], id, out);
}
