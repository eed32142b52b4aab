/* vmodel.c - the outline's view model (see vmodel.h). */
#include "screen/vmodel.h"
#include "base/list.h"

#include "query/query_view.h"
#include "base/strbuf.h"

#include <stdlib.h>
#include <string.h>

static void free_areas(area_row *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        node_free(&v[i].area);
        vm_items_free(&v[i].items);
        vm_lights_free(&v[i].lights);
        item_stats_list_free(&v[i].parts);
    }
    free(v);
}

void vm_free(app *a)
{
    free_areas(a->ol.areas, a->ol.nareas);
    free(a->ol.rows);
    memset(&a->ol, 0, sizeof a->ol);
    vm_filter_free(a);
}

/* Area i's items, the first max rows of them when max is not 0 (and no
 * filter: a filtered head could show fewer rows than a screen), with
 * their lights. */
static int load_items(app *a, size_t i, size_t max, duban_error *err)
{
    area_row *ar = &a->ol.areas[i];
    node_list items;
    if (query_filter_active(&a->filter))
        max = 0;
    int rc = max ? node_subtree_head(a->st, ar->area.id, max, &items, err)
                 : node_subtree(a->st, ar->area.id, &items, err);
    if (rc)
        return rc;
    int partial = max && items.n == max; /* there may be more */
    int64_t last = items.n ? items.v[items.n - 1].id : 0;
    vm_filter_items(a, &items);
    if ((rc = vm_items_take(&ar->items, &items, err)))
        return rc;
    ar->loaded = 1;
    ar->partial = partial;
    /* a head's lights are not marked loaded: the whole load reads all */
    return partial ? vm_load_head_lights(a, i, last, err) : vm_load_lights(a, i, err);
}

int vm_load_items(app *a, size_t i, duban_error *err)
{
    if (i >= a->ol.nareas || (a->ol.areas[i].loaded && !a->ol.areas[i].partial))
        return DUBAN_OK;
    return load_items(a, i, 0, err);
}

int vm_expand(app *a, size_t i, int on, duban_error *err)
{
    if (i >= a->ol.nareas)
        return DUBAN_OK;
    int rc = on ? vm_load_items(a, i, err) : DUBAN_OK;
    if (!rc)
        a->ol.areas[i].expanded = on;
    return rc;
}

int vm_open(app *a, size_t i, int on, duban_error *err)
{
    if (i >= a->ol.nareas)
        return DUBAN_OK;
    area_row *ar = &a->ol.areas[i];
    int rc = on && !ar->loaded ? load_items(a, i, vm_first_rows(a), err) : DUBAN_OK;
    if (!rc)
        ar->expanded = on;
    return rc;
}

size_t vm_cursor_area(const app *a)
{
    return a->ol.cursor < a->ol.nrows ? (size_t)a->ol.rows[a->ol.cursor].area : 0;
}

int64_t vm_row_id(const app *a, size_t r)
{
    if (r >= a->ol.nrows)
        return 0;
    const outline_row *row = &a->ol.rows[r];
    const area_row *ar = &a->ol.areas[row->area];
    return row->item < 0 ? ar->area.id : ar->items.v[row->item].id;
}

int64_t vm_selected(const app *a)
{
    return vm_row_id(a, a->ol.cursor);
}

size_t vm_area_row(const app *a, size_t i)
{
    for (size_t r = 0; r < a->ol.nrows; r++)
        if ((size_t)a->ol.rows[r].area == i && a->ol.rows[r].item < 0)
            return r;
    return 0;
}

static int grow_rows(app *a, size_t need)
{
    return ARRAY_GROW(a->ol.rows, a->ol.rows_cap, need) ? -1 : 0;
}

/* Row of node id, or of its area when the area is collapsed: the rows
 * are each area's row followed by its items when it is expanded
 * (vm_rebuild_rows), so an area at a time, not a row at a time. */
static size_t find_row(app *a, int64_t id, size_t area)
{
    size_t fallback = 0, r = 0;
    for (size_t i = 0; i < a->ol.nareas && r < a->ol.nrows; i++) {
        area_row *ar = &a->ol.areas[i];
        if (ar->area.id == id)
            return r;
        if (i == area)
            fallback = r;
        size_t shown = ar->expanded ? ar->items.n : 0;
        size_t k = shown ? vm_items_find(&ar->items, id) : shown;
        if (k < shown)
            return r + 1 + k < a->ol.nrows ? r + 1 + k : fallback;
        r += 1 + shown;
    }
    return fallback;
}

void vm_rebuild_rows(app *a)
{
    int64_t sel = vm_selected(a);
    size_t sel_area = vm_cursor_area(a), need = a->ol.nareas;
    for (size_t i = 0; i < a->ol.nareas; i++)
        if (a->ol.areas[i].expanded)
            need += a->ol.areas[i].items.n;
    if (grow_rows(a, need)) {
        for (size_t i = 0; i < a->ol.nareas; i++)
            a->ol.areas[i].expanded = 0; /* out of memory: show the areas only */
        need = a->ol.nareas;
        if (grow_rows(a, need))
            need = 0;
    }
    size_t r = 0;
    for (size_t i = 0; i < a->ol.nareas && r < need; i++) {
        a->ol.rows[r++] = (outline_row){(int)i, -1};
        for (size_t k = 0; a->ol.areas[i].expanded && k < a->ol.areas[i].items.n; k++)
            a->ol.rows[r++] = (outline_row){(int)i, (int)k};
    }
    a->ol.nrows = r;
    a->ol.cursor = sel ? find_row(a, sel, sel_area) : 0;
}

size_t vm_area_index(const app *a, int64_t id)
{
    size_t i = 0;
    while (i < a->ol.nareas && a->ol.areas[i].area.id != id)
        i++;
    return i;
}

/* Puts fresh into the loaded slot of its id (an area takes it over, an
 * item is copied); returns its area's index, or nareas when the node is
 * not loaded. */
static size_t replace_loaded(app *a, node *fresh, duban_error *err, int *rc)
{
    for (size_t i = 0; i < a->ol.nareas; i++) {
        area_row *ar = &a->ol.areas[i];
        if (ar->area.id == fresh->id) {
            node_free(&ar->area);
            ar->area = *fresh;
            memset(fresh, 0, sizeof *fresh);
            return i;
        }
        size_t k = ar->loaded ? vm_items_find(&ar->items, fresh->id) : ar->items.n;
        if (k < ar->items.n) {
            *rc = vm_items_set(&ar->items, k, fresh, err);
            return i;
        }
    }
    return a->ol.nareas;
}

int vm_refresh_node(app *a, int64_t id, size_t *area, duban_error *err)
{
    node fresh;
    int rc = node_by_id(a->st, id, &fresh, err);
    if (rc)
        return rc;
    int64_t area_id = fresh.depth == NODE_AREA ? fresh.id : fresh.parent_id;
    int64_t parent = fresh.depth > NODE_ITEM ? fresh.parent_id : 0;
    size_t i = replace_loaded(a, &fresh, err, &rc);
    node_free(&fresh);
    if (i == a->ol.nareas && parent) { /* a sub-item not loaded: its item's parent */
        node up;
        rc = node_by_id(a->st, parent, &up, err);
        area_id = rc ? 0 : up.parent_id;
        node_free(&up);
    }
    if (area)
        *area = i < a->ol.nareas ? i : vm_area_index(a, area_id);
    return rc;
}

/* The id of the area that holds node id. */
static int area_id_of(app *a, int64_t id, int64_t *area_id, duban_error *err)
{
    return node_area_of(a->st, id, area_id, err);
}

int vm_area_of(app *a, int64_t id, size_t *i, duban_error *err)
{
    int64_t area_id = 0;
    int rc = area_id_of(a, id, &area_id, err);
    *i = rc ? a->ol.nareas : vm_area_index(a, area_id);
    return rc;
}

void vm_select(app *a, int64_t id)
{
    size_t i = a->ol.nareas;
    for (size_t k = 0; k < a->ol.nareas && i == a->ol.nareas; k++) {
        const area_row *ar = &a->ol.areas[k];
        if (ar->area.id == id)
            i = k;
        for (size_t j = 0; ar->loaded && j < ar->items.n && i == a->ol.nareas; j++)
            if (ar->items.v[j].id == id)
                i = k;
    }
    if (i < a->ol.nareas)
        a->ol.cursor = find_row(a, id, i);
}

int vm_reveal(app *a, int64_t id, duban_error *err)
{
    int64_t area_id = 0;
    int rc = area_id_of(a, id, &area_id, err);
    size_t i = rc ? a->ol.nareas : vm_area_index(a, area_id);
    if (i == a->ol.nareas)
        return rc ? rc : duban_fail(err, DUBAN_ENOTFOUND, "item not in this plan");
    int was = a->ol.areas[i].expanded;
    /* open or not, the area whole: an open one may hold its head alone */
    if (id != area_id && (rc = vm_expand(a, i, 1, err)))
        return rc;
    vm_rebuild_rows(a);
    a->ol.cursor = find_row(a, id, i);
    if (!was && a->ol.areas[i].expanded)
        vm_save_folds(a, NULL);
    return DUBAN_OK;
}

char *vm_folds(const app *a)
{
    strbuf sb = {0};
    for (size_t i = 0; i < a->ol.nareas; i++)
        if (a->ol.areas[i].expanded)
            strbuf_printf(&sb, "%s%s", sb.len ? "," : "", a->ol.areas[i].area.ref);
    return sb.s ? strbuf_take(&sb) : duban_strdup("");
}

static int listed(const char *folds, const char *ref)
{
    size_t n = strlen(ref);
    for (const char *p = folds; p && *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncmp(p, ref, n))
            return 1;
        p = end ? end + 1 : p + len;
    }
    return 0;
}

size_t vm_first_rows(const app *a)
{
    return a->screen_rows > VM_MIN_FIRST_ROWS ? (size_t)a->screen_rows : VM_MIN_FIRST_ROWS;
}

/* Expands exactly the areas listed in folds.  defer: past the first
 * vm_first_rows() rows an expanded area's items are left to
 * vm_load_deferred(), as no screen shows them before a key. */
static int set_folds(app *a, const char *folds, int defer, duban_error *err)
{
    int rc = DUBAN_OK;
    size_t rows = 0, first = vm_first_rows(a);
    for (size_t i = 0; !rc && i < a->ol.nareas; i++) {
        area_row *ar = &a->ol.areas[i];
        int on = listed(folds, ar->area.ref);
        if (on && defer && rows >= first && !ar->loaded)
            ar->expanded = 1;
        else
            rc = defer ? vm_open(a, i, on, err) : vm_expand(a, i, on, err);
        rows += 1 + (ar->expanded && ar->loaded ? ar->items.n : 0);
    }
    vm_rebuild_rows(a);
    return rc;
}

int vm_set_folds(app *a, const char *folds, duban_error *err)
{
    return set_folds(a, folds, 0, err);
}

/* Whether area ar is open with its items not all read. */
static int waiting(const area_row *ar)
{
    return ar->expanded && (!ar->loaded || ar->partial);
}

int vm_deferred(const app *a)
{
    for (size_t i = 0; i < a->ol.nareas; i++)
        if (waiting(&a->ol.areas[i]))
            return 1;
    return 0;
}

int vm_load_deferred(app *a, int all, duban_error *err)
{
    int rc = DUBAN_OK, any = 0;
    for (size_t i = 0; !rc && i < a->ol.nareas && (all || !any); i++) {
        area_row *ar = &a->ol.areas[i];
        if (!waiting(ar))
            continue;
        any = 1;
        if ((rc = vm_load_items(a, i, err)))
            ar->expanded = 0; /* shown folded, not asked for again at every tick */
    }
    if (any)
        vm_rebuild_rows(a);
    return rc;
}

int vm_save_folds(app *a, duban_error *err)
{
    (void)err;
    if (!query_filter_active(&a->filter)) /* folds under a filter are for the moment */
        a->ol.folds_unsaved = 1;
    return DUBAN_OK;
}

int vm_flush_folds(app *a, duban_error *err)
{
    if (!a->ol.folds_unsaved || query_filter_active(&a->filter))
        return DUBAN_OK;
    char *folds = vm_folds(a);
    if (!folds)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    /* another process writing: the folds wait for a later tick, the
     * screen does not wait for them */
    int saved = 0;
    int rc = store_try_put_state(a->st, a->plan_id, "folds", folds, &saved, err);
    a->ol.folds_unsaved = !rc && !saved;
    free(folds);
    return rc;
}

/* Replaces the areas with a fresh read, keeping folds by area id. */
static int load_areas(app *a, duban_error *err)
{
    node_list fresh;
    int rc = node_areas(a->st, a->plan_id, &fresh, err);
    if (rc)
        return rc;
    area_row *v = calloc(fresh.n ? fresh.n : 1, sizeof *v);
    if (!v) {
        node_list_free(&fresh);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    size_t n = 0;
    for (size_t i = 0; i < fresh.n; i++) {
        if (!vm_filter_keeps_area(a, fresh.v[i].id)) {
            node_free(&fresh.v[i]);
            continue;
        }
        v[n].area = fresh.v[i];
        size_t old = vm_area_index(a, fresh.v[i].id);
        v[n++].expanded = old < a->ol.nareas && a->ol.areas[old].expanded;
    }
    free(fresh.v); /* the nodes now belong to v */
    free_areas(a->ol.areas, a->ol.nareas);
    a->ol.areas = v;
    a->ol.nareas = n;
    return DUBAN_OK;
}

int vm_reload(app *a, duban_error *err)
{
    int64_t sel = vm_selected(a);
    size_t sel_area = vm_cursor_area(a);
    int rc = vm_filter_load_ids(a, err);
    if (!rc)
        rc = load_areas(a, err);
    a->ol.nrows = 0; /* the old rows point into the old areas */
    for (size_t i = 0; !rc && i < a->ol.nareas; i++)
        if (a->ol.areas[i].expanded)
            rc = vm_expand(a, i, 1, err);
    if (!rc)
        rc = vm_load_stats(a, err);
    vm_rebuild_rows(a);
    a->ol.cursor = find_row(a, sel, sel_area);
    return rc;
}

int vm_load(app *a, duban_error *err)
{
    int rc = plan_get_header(a->st, a->plan_id, &a->plan, err); /* no counts: not shown */
    if (!rc)
        rc = vm_filter_load_ids(a, err);
    if (!rc)
        rc = load_areas(a, err);
    if (!rc)
        rc = vm_load_stats(a, err);
    char *folds = NULL;
    if (!rc)
        rc = store_get_state(a->st, a->plan_id, "folds", &folds, err);
    if (!rc) /* the first frame waits for the areas it shows, not for all */
        rc = set_folds(a, folds, 1, err);
    free(folds);
    return rc;
}
