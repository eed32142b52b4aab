/* minutes_data.c - reading a meeting's minutes and the section tables. */
#include "report/minutes_data.h"

#include "plan/date.h"
#include "edit/meeting_room.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void minutes_data_free(minutes_data *md)
{
    meeting_free(&md->m);
    plan_info_free(&md->plan);
    light_tally_list_free(&md->areas);
    meeting_change_list_free(&md->changes);
    overdue_list_free(&md->overdue);
    group_list_free(&md->units);
    node_list_free(&md->silent);
    target_list_free(&md->targets);
    free(md->attendees);
    decision_list_free(&md->decisions);
    item_report_list_free(&md->reports);
    memset(md, 0, sizeof *md);
}

DEFINE_KEEP_BY_ID(keep_changes, meeting_change_list, node_id)
DEFINE_KEEP_BY_ID(keep_nodes, node_list, id)
DEFINE_KEEP_BY_ID(keep_targets, target_list, node_id)
DEFINE_KEEP_BY_ID(keep_overdue, overdue_list, node_id)

/* A decision stays under a filter when the item it is about or the
 * tracked item it became matches. */
static int keep_decisions(decision_list *l, const id_list *ids)
{
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        decision *d = &l->v[i];
        if (id_list_contains(ids, d->node_id) || id_list_contains(ids, d->item_id))
            l->v[k++] = *d;
        else
            decision_free(d);
    }
    l->n = k;
    return DUBAN_OK;
}

/* Restricts the changes, the overdue rows, the silent items and the
 * targets to f. */
static int filter_sections(minutes_data *md, long today, duban_error *err)
{
    id_list ids;
    int rc = query_filter_ids(md->st, md->m.plan_id, today, md->rule, md->filter, &ids, err);
    if (rc)
        return rc;
    if (keep_changes(&md->changes, &ids) || keep_overdue(&md->overdue, &ids) ||
        keep_nodes(&md->silent, &ids) || keep_targets(&md->targets, &ids) ||
        keep_decisions(&md->decisions, &ids))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    id_list_free(&ids);
    return rc;
}

/* The sections read one after another (minutes_load() holds them in one
 * snapshot). */
static int load_sections(store *st, int64_t meeting_id, long today, const light_rule *rule,
                         const query_filter *f, minutes_data *md, duban_error *err)
{
    md->st = st;
    md->rule = rule;
    md->filter = f;
    date_format(today, md->today);
    int rc = meeting_get(st, meeting_id, &md->m, err);
    if (!rc)
        rc = plan_get_header(st, md->m.plan_id, &md->plan, err);
    if (!rc)
        rc = meeting_attendees(st, meeting_id, &md->attendees, err);
    if (!rc)
        rc = decision_list_of(st, meeting_id, &md->decisions, err);
    md->today_day = today;
    if (!rc)
        rc = query_light_tally_where(st, md->m.plan_id, LIGHT_BY_AREA, today, rule, f, &md->areas,
                                     err);
    if (!rc)
        rc = meeting_changes(st, meeting_id, &md->changes, err);
    if (!rc) /* what the minutes print of each row only (no leader, no area) */
        rc = query_overdue_brief(st, md->m.plan_id, today, &md->overdue, err);
    if (!rc)
        rc = meeting_silent_items(st, meeting_id, &md->silent, err);
    if (!rc)
        rc = plan_targets(st, md->m.plan_id, &md->targets, err);
    if (!rc && query_filter_active(f))
        rc = filter_sections(md, today, err);
    if (!rc && group_overdue(&md->overdue, LIGHT_BY_UNIT, GROUP_ORDER_FIRST, &md->units))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    /* the last reports of the silent items only (their 未报天数) */
    if (!rc)
        rc = query_node_reports(st, &md->silent, &md->reports, err);
    return rc;
}

int minutes_load(store *st, int64_t meeting_id, long today, const light_rule *rule,
                 const query_filter *f, minutes_data *md, duban_error *err)
{
    int own;
    memset(md, 0, sizeof *md);
    if (store_read_begin(st, &own, err))
        return DUBAN_EDB;
    int rc = load_sections(st, meeting_id, today, rule, f, md, err);
    store_read_end(st, own);
    if (rc)
        minutes_data_free(md);
    return rc;
}

const char *minutes_status_name(const minutes_data *md, const char *key)
{
    const status_def *d = status_by_key(store_statuses(md->st), key);
    return d ? d->name : key;
}

static const target *target_of(const minutes_data *md, int64_t node_id, int seq)
{
    for (size_t i = 0; i < md->targets.n; i++)
        if (md->targets.v[i].node_id == node_id && md->targets.v[i].seq == seq)
            return &md->targets.v[i];
    return NULL;
}

const char *minutes_change_value(const minutes_data *md, const meeting_change *c, const char *v,
                                 char *buf, size_t bufsz)
{
    if (!*v)
        return "—";
    if (!strcmp(c->field, "status"))
        return minutes_status_name(md, v);
    if (!strncmp(c->field, "target.", 7)) {
        const target *t = target_of(md, c->node_id, atoi(c->field + 7));
        char goal[32];
        if (!t)
            return v;
        target_format_number(t->number, goal);
        snprintf(buf, bufsz, "%s/%s%s", v, goal, t->unit);
        return buf;
    }
    return v;
}

void minutes_change_field(const meeting_change *c, char *buf, size_t bufsz)
{
    if (*c->label)
        snprintf(buf, bufsz, "%s：%s", meeting_field_title(c->field), c->label);
    else
        snprintf(buf, bufsz, "%s", meeting_field_title(c->field));
}

static const table_column summary_cols[] = {
    {"area", "方面", 0},       {"title", "名称", 0},     {"items", "事项", 1},
    {"done", "已完成", 1},     {"rate", "完成率", 1},    {"red", "(!) 红灯", 1},
    {"yellow", "(~) 黄灯", 1}, {"green", "(o) 绿灯", 1},
};

void minutes_tally_numbers(const light_tally *g, int percent, char out[6][16])
{
    int v[] = {g->total,
               g->done,
               light_rate_percent(g->done, g->total),
               g->count[LIGHT_RED],
               g->count[LIGHT_YELLOW],
               g->count[LIGHT_GREEN]};
    for (int i = 0; i < 6; i++)
        snprintf(out[i], sizeof out[i], i == 2 && percent ? "%d%%" : "%d", v[i]);
}

static int summary_row(table *t, const char *key, const char *title, const light_tally *g)
{
    char n[6][16];
    minutes_tally_numbers(g, 1, n);
    const char *cells[] = {key, title, n[0], n[1], n[2], n[3], n[4], n[5]};
    return table_add_row(t, cells);
}

int minutes_summary_table(const minutes_data *md, table *t)
{
    table_init(t, summary_cols, sizeof summary_cols / sizeof summary_cols[0]);
    int rc = 0;
    for (size_t i = 0; !rc && i < md->areas.n; i++)
        rc = summary_row(t, md->areas.v[i].key, md->areas.v[i].title, &md->areas.v[i]);
    light_tally sum;
    light_tally_total(&md->areas, &sum);
    if (rc || summary_row(t, "合计", "", &sum)) {
        table_free(t);
        return DUBAN_ENOMEM;
    }
    return DUBAN_OK;
}

static const table_column change_cols[] = {
    {"ref", "事项", 0}, {"title", "名称", 0}, {"field", "变更", 0}, {"old", "原值", 0},
    {"new", "新值", 0}, {"note", "说明", 0},  {"at", "时间", 0},
};

int minutes_changes_table(const minutes_data *md, table *t)
{
    table_init(t, change_cols, sizeof change_cols / sizeof change_cols[0]);
    for (size_t i = 0; i < md->changes.n; i++) {
        const meeting_change *c = &md->changes.v[i];
        char field[256], ob[64], nb[64], when[TIMESTAMP_LEN];
        date_local_time(c->at, when);
        minutes_change_field(c, field, sizeof field);
        const char *cells[] = {c->ref,
                               c->title,
                               field,
                               minutes_change_value(md, c, c->old_value, ob, sizeof ob),
                               minutes_change_value(md, c, c->new_value, nb, sizeof nb),
                               c->note,
                               when};
        if (table_add_row(t, cells)) {
            table_free(t);
            return DUBAN_ENOMEM;
        }
    }
    return DUBAN_OK;
}

static const table_column overdue_cols[] = {
    {"ref", "事项", 0},           {"title", "名称", 0},
    {"due", "时限", 0},           {"extended_due", "延期至", 0},
    {"days_late", "逾期天数", 1}, {"status", "状态", 0},
    {"milestone", "逾期节点", 0},
};

/* "%d" of v into out (a row each: no printf). */
static void format_days(int v, char out[16])
{
    char tmp[16];
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    int n = 0;
    do
        tmp[n++] = (char)('0' + u % 10);
    while ((u /= 10));
    int k = 0;
    if (v < 0)
        out[k++] = '-';
    while (n)
        out[k++] = tmp[--n];
    out[k] = '\0';
}

int minutes_overdue_table(const minutes_data *md, const row_group *unit, table *t)
{
    table_init(t, overdue_cols, sizeof overdue_cols / sizeof overdue_cols[0]);
    for (size_t i = 0; i < unit->n; i++) {
        const overdue_row *r = &md->overdue.v[unit->rows[i]];
        char days[16], late[1024];
        format_days(r->days_late, days);
        late[0] = '\0';
        if (*r->phrase)
            snprintf(late, sizeof late, "%s：%s", r->word, r->phrase);
        int ext = *r->original_due != '\0';
        const char *cells[] = {r->ref,
                               r->title,
                               ext ? r->original_due : r->due,
                               ext ? r->due : "",
                               days,
                               minutes_status_name(md, r->status),
                               late};
        if (table_add_row(t, cells)) {
            table_free(t);
            return DUBAN_ENOMEM;
        }
    }
    return DUBAN_OK;
}

static const table_column silent_cols[] = {
    {"ref", "事项", 0}, {"title", "名称", 0},    {"status", "状态", 0},
    {"due", "时限", 0}, {"unit", "责任单位", 0}, {"days", "未报天数", 1},
};

long minutes_silent_days(const minutes_data *md, size_t i)
{
    /* the reports are the silent items', in the same (outline) order */
    int64_t id = md->silent.v[i].id;
    const item_report *r = i < md->reports.n && md->reports.v[i].node_id == id
                               ? &md->reports.v[i]
                               : item_report_find(&md->reports, id);
    return item_report_silent_days(r, md->plan.start, md->today_day);
}

int minutes_silent_table(const minutes_data *md, table *t)
{
    table_init(t, silent_cols, sizeof silent_cols / sizeof silent_cols[0]);
    for (size_t i = 0; i < md->silent.n; i++) {
        const node *n = &md->silent.v[i];
        char due[64];
        if (*n->extended_due)
            snprintf(due, sizeof due, "%s（延期，原 %s）", n->extended_due, n->due);
        else
            snprintf(due, sizeof due, "%s", n->due);
        long days = minutes_silent_days(md, i);
        char num[24] = "";
        if (days >= 0)
            snprintf(num, sizeof num, "%ld", days);
        const char *cells[] = {n->ref, n->title, minutes_status_name(md, n->status),
                               due,    n->unit,  num};
        if (table_add_row(t, cells)) {
            table_free(t);
            return DUBAN_ENOMEM;
        }
    }
    return DUBAN_OK;
}

static const table_column decision_cols[] = {
    {"seq", "序号", 1},      {"text", "议定内容", 0}, {"ref", "事项", 0},
    {"unit", "责任单位", 0}, {"due", "时限", 0},      {"item", "督办事项", 0},
};

int minutes_decisions_table(const minutes_data *md, table *t)
{
    table_init(t, decision_cols, sizeof decision_cols / sizeof decision_cols[0]);
    for (size_t i = 0; i < md->decisions.n; i++) {
        const decision *x = &md->decisions.v[i];
        char seq[24];
        snprintf(seq, sizeof seq, "%zu", i + 1);
        const char *cells[] = {seq, x->text, x->ref, x->unit, x->due, x->item_ref};
        if (table_add_row(t, cells)) {
            table_free(t);
            return DUBAN_ENOMEM;
        }
    }
    return DUBAN_OK;
}

static const table_column target_cols[] = {
    {"ref", "事项", 0},     {"label", "指标", 0}, {"goal", "目标", 0},
    {"current", "当前", 0}, {"state", "情况", 0},
};

int minutes_targets_table(const minutes_data *md, table *t)
{
    table_init(t, target_cols, sizeof target_cols / sizeof target_cols[0]);
    for (size_t i = 0; i < md->targets.n; i++) {
        const target *x = &md->targets.v[i];
        char goal[96], num[32], cur[32] = "—";
        target_format_number(x->number, num);
        snprintf(goal, sizeof goal, "%s%s%s", x->dir == TARGET_AT_MOST ? "不超过" : "不少于", num,
                 x->unit);
        if (x->has_current)
            target_format_number(x->current, cur);
        const char *state = !x->has_current ? "未报" : target_met(x) ? "已达标" : "未达标";
        const char *cells[] = {x->ref, x->label, goal, cur, state};
        if (table_add_row(t, cells)) {
            table_free(t);
            return DUBAN_ENOMEM;
        }
    }
    return DUBAN_OK;
}
