/* report.c - 通报 per area, unit or leader (see report.h). */
#include "report/report.h"

#include "plan/date.h"
#include "report/minutes_internal.h"
#include "query/group.h"
#include "query/query.h"
#include "plan/target.h"
#include "text/textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_GROUP, COL_TITLE }; /* the title column only exists for areas */

static const table_column area_cols[] = {
    {"area", "方面", 0},          {"title", "名称", 0},     {"items", "事项", 1},
    {"done", "已完成", 1},        {"rate", "完成率%", 1},   {"red", "(!) 红灯", 1},
    {"yellow", "(~) 黄灯", 1},    {"green", "(o) 绿灯", 1}, {"targets", "量化目标", 1},
    {"targets_met", "已达标", 1},
};
static const table_column unit_cols[] = {
    {"unit", "责任单位", 0},  {"items", "事项", 1},       {"done", "已完成", 1},
    {"rate", "完成率%", 1},   {"red", "(!) 红灯", 1},     {"yellow", "(~) 黄灯", 1},
    {"green", "(o) 绿灯", 1}, {"targets", "量化目标", 1}, {"targets_met", "已达标", 1},
};
static const table_column leader_cols[] = {
    {"leader", "分管领导", 0}, {"items", "事项", 1},       {"done", "已完成", 1},
    {"rate", "完成率%", 1},    {"red", "(!) 红灯", 1},     {"yellow", "(~) 黄灯", 1},
    {"green", "(o) 绿灯", 1},  {"targets", "量化目标", 1}, {"targets_met", "已达标", 1},
};

static const char *const by_title[] = {"按方面", "按责任单位", "按分管领导"};

/* "或受阻" for each not-done status of the role. */
static int legend_statuses(const status_set *set, enum status_role role, strbuf *out)
{
    int rc = 0;
    for (size_t i = 0; i < set->n; i++)
        if (set->v[i].role == (int)role && !set->v[i].done)
            rc |= strbuf_printf(out, "或%s", set->v[i].name);
    return rc;
}

int report_light_legend(const status_set *set, const light_rule *rule, strbuf *out)
{
    light_rule def;
    if (!rule) {
        light_rule_default(&def);
        rule = &def;
    }
    int rc = strbuf_printf(out, "%s：逾期未完成", light_label(LIGHT_RED));
    rc |= legend_statuses(set, STATUS_ROLE_BLOCKED, out);
    rc |= strbuf_printf(out, "；%s：%d天内到期未完成", light_label(LIGHT_YELLOW), rule->warn_days);
    rc |= legend_statuses(set, STATUS_ROLE_BEHIND, out);
    rc |= strbuf_printf(out, "；%s：其余（含已完成）", light_label(LIGHT_GREEN));
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

/* The group key of a target (group.h): its area, or its item's unit /
 * leader; NULL when the item is not in items. */
static const char *target_group(const target *t, enum light_group by, const item_light_list *items,
                                char area[REF_LEN])
{
    if (by == LIGHT_BY_AREA)
        return group_key(by, t->ref, NULL, NULL, area);
    for (size_t i = 0; i < items->n; i++)
        if (items->v[i].node_id == t->node_id)
            return group_key(by, items->v[i].ref, items->v[i].unit, items->v[i].leader, area);
    return NULL;
}

/* Counts targets and met targets per group into two arrays of groups->n. */
static int count_targets(store *st, int64_t plan_id, enum light_group by, long today,
                         const query_filter *f, const light_tally_list *groups, int *targets,
                         int *met, duban_error *err)
{
    target_list tl;
    item_light_list items = {0};
    id_list ids = {0};
    int rc = plan_targets(st, plan_id, &tl, err);
    if (!rc && by != LIGHT_BY_AREA)
        rc = query_item_lights(st, plan_id, today, NULL, &items, err);
    if (!rc && query_filter_active(f))
        rc = query_filter_ids(st, plan_id, today, NULL, f, &ids, err);
    for (size_t i = 0; !rc && i < tl.n; i++) {
        char area[REF_LEN];
        if (query_filter_active(f) && !id_list_contains(&ids, tl.v[i].node_id))
            continue;
        const char *key = target_group(&tl.v[i], by, &items, area);
        for (size_t g = 0; key && g < groups->n; g++)
            if (!strcmp(groups->v[g].key, key)) {
                targets[g]++;
                met[g] += target_met(&tl.v[i]);
                break;
            }
    }
    target_list_free(&tl);
    item_light_list_free(&items);
    id_list_free(&ids);
    return rc;
}

static int add_row(table *t, enum light_group by, const char *key, const char *title,
                   const light_tally *g, int targets, int met)
{
    char n[8][16];
    int v[] = {g->total,
               g->done,
               light_rate_percent(g->done, g->total),
               g->count[LIGHT_RED],
               g->count[LIGHT_YELLOW],
               g->count[LIGHT_GREEN],
               targets,
               met};
    for (int i = 0; i < 8; i++)
        snprintf(n[i], sizeof n[i], "%d", v[i]);
    const char *area_row[] = {key, title, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]};
    const char *other_row[] = {key, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]};
    return table_add_row(t, by == LIGHT_BY_AREA ? area_row : other_row);
}

static int fill_table(table *t, enum light_group by, enum table_format fmt,
                      const light_tally_list *groups, const int *targets, const int *met)
{
    int people = fmt == FORMAT_TEXT || fmt == FORMAT_MD;
    int rc = DUBAN_OK, all_targets = 0, all_met = 0;
    for (size_t g = 0; !rc && g < groups->n; g++) {
        const light_tally *x = &groups->v[g];
        const char *key = people && !*x->key ? REPORT_NONE_GIVEN : x->key;
        rc = add_row(t, by, key, x->title, x, targets[g], met[g]);
        all_targets += targets[g];
        all_met += met[g];
    }
    if (!rc && people) {
        light_tally sum;
        light_tally_total(groups, &sum);
        rc = add_row(t, by, "合计", "", &sum, all_targets, all_met);
    }
    return rc;
}

static int heading(store *st, int64_t plan_id, enum light_group by, enum table_format fmt,
                   long today, const query_filter *f, strbuf *out, duban_error *err)
{
    plan_info p;
    int rc = plan_get_header(st, plan_id, &p, err);
    if (rc)
        return rc;
    char day[DATE_LEN];
    date_format(today, day);
    char *title = text_sanitize(p.title); /* imported text: never raw to a terminal */
    rc = !title || strbuf_printf(out, "%s通报（%s，截至 %s）\n\n%s", fmt == FORMAT_MD ? "# " : "",
                                 by_title[by], day, fmt == FORMAT_MD ? "计划：" : "");
    if (!rc)
        rc = (fmt == FORMAT_MD ? md_append_text(out, title) : strbuf_append(out, title)) |
             strbuf_append(out, "\n\n");
    free(title);
    if (!rc && query_filter_active(f))
        rc = strbuf_append(out, "筛选：") || query_filter_describe(f, store_statuses(st), out) ||
             strbuf_append(out, "\n\n");
    plan_info_free(&p);
    return rc ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : DUBAN_OK;
}

/* 通报 order for units and leaders: most red lights first, then most
 * yellow, then the lowest completion rate; ties by name, "not given" last. */
static int worst_first(const void *pa, const void *pb)
{
    const light_tally *a = pa, *b = pb;
    if (!*a->key != !*b->key)
        return *a->key ? -1 : 1;
    if (a->count[LIGHT_RED] != b->count[LIGHT_RED])
        return b->count[LIGHT_RED] - a->count[LIGHT_RED];
    if (a->count[LIGHT_YELLOW] != b->count[LIGHT_YELLOW])
        return b->count[LIGHT_YELLOW] - a->count[LIGHT_YELLOW];
    /* a.done/a.total < b.done/b.total, without division */
    long lhs = (long)a->done * (b->total ? b->total : 1);
    long rhs = (long)b->done * (a->total ? a->total : 1);
    if (lhs != rhs)
        return lhs < rhs ? -1 : 1;
    return strcmp(a->key, b->key);
}

int report_groups(store *st, int64_t plan_id, enum light_group by, long today,
                  const light_rule *rule, light_tally_list *groups, int **targets, int **met,
                  duban_error *err)
{
    return report_groups_where(st, plan_id, by, today, rule, NULL, groups, targets, met, err);
}

/* The groups' tallies and their targets, read in one snapshot. */
static int read_groups(store *st, int64_t plan_id, enum light_group by, long today,
                       const light_rule *rule, const query_filter *f, light_tally_list *groups,
                       int **targets, int **met, duban_error *err)
{
    int rc = query_light_tally_where(st, plan_id, by, today, rule, f, groups, err);
    if (rc)
        return rc;
    if (by != LIGHT_BY_AREA && groups->n > 1)
        qsort(groups->v, groups->n, sizeof *groups->v, worst_first);
    *targets = calloc(groups->n + 1, sizeof **targets);
    *met = calloc(groups->n + 1, sizeof **met);
    if (!*targets || !*met)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc)
        rc = count_targets(st, plan_id, by, today, f, groups, *targets, *met, err);
    return rc;
}

int report_groups_where(store *st, int64_t plan_id, enum light_group by, long today,
                        const light_rule *rule, const query_filter *f, light_tally_list *groups,
                        int **targets, int **met, duban_error *err)
{
    int own;
    *targets = *met = NULL;
    memset(groups, 0, sizeof *groups);
    if (store_read_begin(st, &own, err))
        return DUBAN_EDB;
    int rc = read_groups(st, plan_id, by, today, rule, f, groups, targets, met, err);
    store_read_end(st, own);
    if (rc) {
        free(*targets);
        free(*met);
        *targets = *met = NULL;
        light_tally_list_free(groups);
    }
    return rc;
}

int report_render(store *st, int64_t plan_id, enum light_group by, enum table_format fmt,
                  long today, const light_rule *rule, const text_measure *m, strbuf *out,
                  duban_error *err)
{
    return report_render_where(st, plan_id, by, fmt, today, rule, NULL, m, out, err);
}

/* The blocks of the HTML 通报: heading, plan, filter, table, legend, 落款. */
static int html_doc(store *st, int64_t plan_id, enum light_group by, long today,
                    const query_filter *f, const char *issuer, table *t, const light_rule *rule,
                    minutes_doc *d, duban_error *err)
{
    plan_info p;
    int rc = plan_get_header(st, plan_id, &p, err);
    if (rc) {
        table_free(t);
        return rc;
    }
    char day[DATE_LEN], line[512];
    date_format(today, day);
    snprintf(line, sizeof line, "通报（%s，截至 %s）", by_title[by], day);
    d->title = duban_strdup(line);
    strbuf extra = {0};
    rc = !d->title || minutes_doc_text(d, BLOCK_H1, line) || minutes_doc_text(d, BLOCK_P, p.title);
    if (!rc && query_filter_active(f))
        rc = strbuf_append(&extra, "筛选：") ||
             query_filter_describe(f, store_statuses(st), &extra) ||
             minutes_doc_text(d, BLOCK_P, strbuf_str(&extra));
    if (rc)
        table_free(t);
    else
        rc = minutes_doc_table(d, t); /* the block owns t now (freed on failure) */
    extra.len = 0;
    if (!rc)
        rc = report_light_legend(store_statuses(st), rule, &extra) ||
             minutes_doc_text(d, BLOCK_P, strbuf_str(&extra));
    if (!rc && issuer && *issuer) {
        int y = 0, m = 0, dd = 0;
        sscanf(day, "%d-%d-%d", &y, &m, &dd);
        snprintf(line, sizeof line, "%d年%d月%d日", y, m, dd);
        rc = minutes_doc_text(d, BLOCK_SIGN, issuer) || minutes_doc_text(d, BLOCK_SIGN, line);
    }
    strbuf_free(&extra);
    plan_info_free(&p);
    return rc ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : DUBAN_OK;
}

int report_render_html(store *st, int64_t plan_id, enum light_group by, long today,
                       const light_rule *rule, const query_filter *f, const char *issuer,
                       strbuf *out, duban_error *err)
{
    light_tally_list groups;
    int *targets, *met;
    int rc = report_groups_where(st, plan_id, by, today, rule, f, &groups, &targets, &met, err);
    if (rc)
        return rc;
    table t;
    const table_column *cols = by == LIGHT_BY_AREA   ? area_cols
                               : by == LIGHT_BY_UNIT ? unit_cols
                                                     : leader_cols;
    table_init(&t, cols, by == LIGHT_BY_AREA ? 10 : 9);
    minutes_doc d = {0};
    if (fill_table(&t, by, FORMAT_TEXT, &groups, targets, met)) {
        table_free(&t);
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    } else {
        rc = html_doc(st, plan_id, by, today, f, issuer, &t, rule, &d, err);
    }
    if (!rc && minutes_write_html(&d, out, NULL, NULL))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    minutes_doc_free(&d);
    free(targets);
    free(met);
    light_tally_list_free(&groups);
    return rc;
}

int report_render_where(store *st, int64_t plan_id, enum light_group by, enum table_format fmt,
                        long today, const light_rule *rule, const query_filter *f,
                        const text_measure *m, strbuf *out, duban_error *err)
{
    light_tally_list groups;
    int *targets, *met;
    int rc = report_groups_where(st, plan_id, by, today, rule, f, &groups, &targets, &met, err);
    if (rc)
        return rc;
    int people = fmt == FORMAT_TEXT || fmt == FORMAT_MD;
    if (!rc && people)
        rc = heading(st, plan_id, by, fmt, today, f, out, err);
    table t;
    const table_column *cols = by == LIGHT_BY_AREA   ? area_cols
                               : by == LIGHT_BY_UNIT ? unit_cols
                                                     : leader_cols;
    table_init(&t, cols, by == LIGHT_BY_AREA ? 10 : 9);
    if (!rc && (fill_table(&t, by, fmt, &groups, targets, met) || table_render(&t, fmt, m, out)))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc && people &&
        (strbuf_append(out, "\n") || report_light_legend(store_statuses(st), rule, out) ||
         strbuf_append(out, "\n")))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    table_free(&t);
    free(targets);
    free(met);
    light_tally_list_free(&groups);
    return rc;
}
