/* ledger.c - loading the ledger (台账) of a plan (see ledger.h). */
#include "report/ledger.h"

#include "base/strbuf.h"
#include "query/filter.h"
#include "query/query.h"
#include "report/report.h"
#include "store/store_internal.h" /* store_watch() */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ledger_headers[LEDGER_NCOLS] = {
    "序号",   "方面", "工作任务", "具体内容", "责任单位", "责任领导", "完成时限",
    "延期至", "状态", "亮灯",     "最新进展", "进展日期", "量化指标",
};

static int by_node_then_seq(const void *pa, const void *pb)
{
    const target *a = pa, *b = pb;
    if (a->node_id != b->node_id)
        return a->node_id < b->node_id ? -1 : 1;
    return a->seq - b->seq;
}

/* "label current/goal unit" for each target of node_id, joined with "；"
 * (numbers as target_progress_text() writes them: no exponent, up to 10
 * significant digits, so that the importer reads the same values back). */
static char *targets_text(const target_list *tl, int64_t node_id)
{
    size_t lo = 0, hi = tl->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (tl->v[mid].node_id < node_id)
            lo = mid + 1;
        else
            hi = mid;
    }
    strbuf sb = {0};
    int rc = strbuf_append(&sb, "");
    for (size_t i = lo; i < tl->n && tl->v[i].node_id == node_id; i++) {
        char progress[96];
        target_progress_text(&tl->v[i], progress, sizeof progress);
        rc |= strbuf_printf(&sb, "%s%s %s", i > lo ? "；" : "", tl->v[i].label, progress);
    }
    if (rc) {
        strbuf_free(&sb);
        return NULL;
    }
    return strbuf_take(&sb);
}

static const progress_note *latest_note(const note_list *notes, int64_t node_id)
{
    size_t lo = 0, hi = notes->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (notes->v[mid].node_id < node_id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < notes->n && notes->v[lo].node_id == node_id ? &notes->v[lo] : NULL;
}

/* One row per item light (outline order), matched to the nodes; an item
 * or sub-item that is cancelled, or below a cancelled node, has no light
 * and is a row marked cancelled. */
static int fill_rows(ledger *lg, const item_light_list *lights, const target_list *tl)
{
    size_t cap = lg->nodes.n > lights->n ? lg->nodes.n : lights->n;
    lg->rows = calloc(cap ? cap : 1, sizeof *lg->rows);
    if (!lg->rows)
        return DUBAN_ENOMEM;
    const node *area = NULL;
    int out_depth = 0; /* depth of the cancelled node the nodes are below, 0 none */
    size_t k = 0;
    for (size_t i = 0; i < lg->nodes.n; i++) {
        const node *n = &lg->nodes.v[i];
        if (out_depth && n->depth <= out_depth)
            out_depth = 0;
        if (!out_depth && *n->state)
            out_depth = n->depth;
        if (n->depth == NODE_AREA)
            area = n;
        int lit = k < lights->n && n->id == lights->v[k].node_id;
        if (!lit && !(out_depth && n->depth >= NODE_ITEM))
            continue;
        ledger_row *r = &lg->rows[lg->nrows++];
        r->item = n;
        r->area = area;
        r->cancelled = !lit;
        r->light = lit ? lights->v[k++].light : LIGHT_GREEN;
        const progress_note *pn = latest_note(&lg->notes, n->id);
        r->note = pn ? pn->text : "";
        if (pn) {
            char local[TIMESTAMP_LEN];
            date_local_time(pn->at, local);
            snprintf(r->note_day, sizeof r->note_day, "%.10s", local);
        }
        r->targets = targets_text(tl, n->id);
        if (!r->targets)
            return DUBAN_ENOMEM;
    }
    return DUBAN_OK;
}

/* Only the filter's items (and the areas above them) stay rows: the
 * nodes are kept here, and *ids (empty with no filter) for the lights. */
static int keep_filtered(store *st, int64_t plan_id, long today, const light_rule *rule,
                         const query_filter *f, ledger *out, id_list *ids, duban_error *err)
{
    strbuf desc = {0};
    if (query_filter_describe(f, &out->statuses, &desc))
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    out->filter = strbuf_take(&desc);
    if (!out->filter)
        out->filter = duban_strdup("");
    if (!out->filter)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!query_filter_active(f))
        return DUBAN_OK;
    int rc = query_filter_ids(st, plan_id, today, rule, f, ids, err);
    if (!rc)
        node_list_keep_matching(&out->nodes, ids);
    return rc;
}

/* The lights of the kept items only, in their order. */
static void keep_lights(item_light_list *lights, const id_list *ids)
{
    size_t k = 0;
    for (size_t i = 0; i < lights->n; i++) {
        if (id_list_contains(ids, lights->v[i].node_id))
            lights->v[k++] = lights->v[i];
        else
            item_light_free_one(&lights->v[i]);
    }
    lights->n = k;
}

int ledger_load(store *st, int64_t plan_id, long today, const light_rule *rule,
                const query_filter *f, ledger *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    date_format(today, out->today);
    out->statuses = *store_statuses(st);
    item_light_list lights = {0};
    target_list tl = {0};
    id_list ids = {0};
    store_watch(st, "读取计划 reading the plan", 0, 0);
    int rc = plan_get(st, plan_id, &out->plan, err);
    if (!rc)
        rc = node_all(st, plan_id, &out->nodes, err);
    if (!rc)
        rc = keep_filtered(st, plan_id, today, rule, f, out, &ids, err);
    if (!rc)
        rc = plan_latest_notes(st, plan_id, &out->notes, err);
    if (!rc)
        rc = query_item_lights(st, plan_id, today, rule, &lights, err);
    if (!rc && query_filter_active(f))
        keep_lights(&lights, &ids);
    if (!rc)
        rc = plan_targets(st, plan_id, &tl, err);
    if (!rc && tl.n > 1)
        qsort(tl.v, tl.n, sizeof *tl.v, by_node_then_seq);
    if (!rc && fill_rows(out, &lights, &tl))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc)
        rc = report_groups_where(st, plan_id, LIGHT_BY_AREA, today, rule, f, &out->by_area,
                                 &out->area_targets, &out->area_met, err);
    if (!rc)
        rc = report_groups_where(st, plan_id, LIGHT_BY_UNIT, today, rule, f, &out->by_unit,
                                 &out->unit_targets, &out->unit_met, err);
    store_watch(st, NULL, 0, 0);
    item_light_list_free(&lights);
    id_list_free(&ids);
    target_list_free(&tl);
    if (rc)
        ledger_free(out);
    return rc;
}

void ledger_free(ledger *lg)
{
    for (size_t i = 0; i < lg->nrows; i++)
        free(lg->rows[i].targets);
    free(lg->rows);
    plan_info_free(&lg->plan);
    free(lg->filter);
    node_list_free(&lg->nodes);
    note_list_free(&lg->notes);
    light_tally_list_free(&lg->by_area);
    light_tally_list_free(&lg->by_unit);
    free(lg->area_targets);
    free(lg->area_met);
    free(lg->unit_targets);
    free(lg->unit_met);
    memset(lg, 0, sizeof *lg);
}
