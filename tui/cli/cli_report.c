/* cli_report.c - `duban report`, `duban extend`, `duban progress`, and
 * what `duban show` says about lights, extensions and targets. */
#include "cli/cli.h"

#include "edit/edit.h"
#include "query/query.h"
#include "report/report.h"
#include "base/strbuf.h"
#include "plan/target.h"
#include "text/textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_light_rule(cli_ctx *ctx, light_rule *rule)
{
    light_rule_default(rule);
    if (ctx->config && ctx->config->warn_days >= 0)
        rule->warn_days = ctx->config->warn_days;
}

int cmd_report(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    enum light_group by = LIGHT_BY_AREA;
    if (args->npos)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban report [--by area|unit|leader]");
    if (args->by && light_group_parse(args->by, &by))
        return duban_fail(err, DUBAN_EINVAL,
                          "--by: unknown grouping '%s' (use area, unit or leader)", args->by);
    light_rule rule;
    cli_light_rule(ctx, &rule);
    query_filter f;
    int rc = cli_filter(ctx, args, &f, err);
    if (rc)
        return rc;
    strbuf sb = {0};
    if (ctx->format_html)
        rc = report_render_html(ctx->st, ctx->plan_id, by, ctx->today, &rule, &f, cli_issuer(ctx),
                                &sb, err);
    else
        rc = report_render_where(ctx->st, ctx->plan_id, by, ctx->format, ctx->today, &rule, &f,
                                 &ctx->measure, &sb, err);
    if (!rc)
        rc = cli_emit_data(ctx, &sb, err);
    strbuf_free(&sb);
    return rc;
}

/* The item named by ref, refusing areas (their progress is their items'). */
static int item_by_ref(cli_ctx *ctx, const char *ref, node *n, duban_error *err)
{
    int rc = node_by_ref(ctx->st, ctx->plan_id, ref, n, err);
    if (!rc && n->depth == NODE_AREA) {
        node_free(n);
        return duban_fail(err, DUBAN_EINVAL, "%s is an area; use an item ref such as %s.1", ref,
                          ref);
    }
    return rc;
}

int cmd_extend(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 2)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban extend REF DATE --reason TEXT");
    const char *date = args->pos[1], *reason = args->reason ? args->reason : "";
    if (*date && !*reason)
        return duban_fail(err, DUBAN_EINVAL,
                          "extend: --reason TEXT is required (why it was approved)");
    node n;
    int rc = item_by_ref(ctx, args->pos[0], &n, err);
    if (rc)
        return rc;
    edit_result r;
    rc = edit_apply(ctx->st, n.id, FIELD_EXTENSION, date, reason, &r, err);
    if (!rc) {
        char line[1024];
        if (!*r.new_value)
            snprintf(line, sizeof line, "%s extension withdrawn: due %s again", r.ref, n.due);
        else
            snprintf(line, sizeof line, "%s extension: %s → %s (original due %s; reason: %s)",
                     r.ref, *r.old_value ? r.old_value : "—", r.new_value, n.due, r.note);
        rc = cli_say(err, "%s", line);
        edit_result_free(&r);
    }
    node_free(&n);
    return rc;
}

static const target *find_target(const target_list *l, const char *field)
{
    int seq = atoi(field + strlen("target."));
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].seq == seq)
            return &l->v[i];
    return NULL;
}

int cmd_progress(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 3)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban progress REF LABEL VALUE [--note TEXT]");
    node n;
    int rc = item_by_ref(ctx, args->pos[0], &n, err);
    if (rc)
        return rc;
    edit_result r;
    target_list l = {0};
    rc = target_set_progress(ctx->st, n.id, args->pos[1], args->pos[2], args->note, &r, err);
    if (!rc && !(rc = node_targets(ctx->st, n.id, &l, err))) {
        const target *t = find_target(&l, r.field);
        char now[96] = "", line[1024];
        if (t)
            target_progress_text(t, now, sizeof now);
        if (!r.changed)
            snprintf(line, sizeof line, "%s %s: already %s", r.ref, t ? t->label : r.field, now);
        else
            snprintf(line, sizeof line, "%s %s: %s → %s%s%s%s", r.ref, t ? t->label : r.field,
                     *r.old_value ? r.old_value : "—", now, *r.note ? " (note: " : "", r.note,
                     *r.note ? ")" : "");
        rc = cli_say(err, "%s", line);
    }
    edit_result_free(&r);
    target_list_free(&l);
    node_free(&n);
    return rc;
}

/* The node's light: its own, or for an area the worst of its items. */
static int node_light(cli_ctx *ctx, const node *n, light *l, char deadline[DATE_LEN],
                      duban_error *err)
{
    light_rule rule;
    cli_light_rule(ctx, &rule);
    deadline[0] = '\0';
    if (n->depth != NODE_AREA) {
        item_light x;
        int rc = query_node_light(ctx->st, n->plan_id, n->id, ctx->today, &rule, &x, err);
        if (!rc) {
            *l = x.light;
            memcpy(deadline, x.deadline, DATE_LEN);
            item_light_free_one(&x);
        }
        return rc;
    }
    item_light_list items;
    int rc = query_area_lights(ctx->st, n->plan_id, n->id, ctx->today, &rule, &items, err);
    int counts[LIGHT_COUNT] = {0};
    for (size_t i = 0; !rc && i < items.n; i++)
        if (items.v[i].depth == NODE_ITEM)
            counts[items.v[i].light]++;
    *l = light_worst(counts);
    item_light_list_free(&items);
    return rc;
}

int cli_show_extra_load(cli_ctx *ctx, const node *n, const history_list *h, show_extra *x,
                        duban_error *err)
{
    memset(x, 0, sizeof *x);
    snprintf(x->reason, sizeof x->reason, "%s", history_extension_reason(h, n->extended_due));
    int rc = node_light(ctx, n, &x->light, x->deadline, err);
    return rc ? rc : node_targets(ctx->st, n->id, &x->targets, err);
}

void cli_show_extra_free(show_extra *x)
{
    target_list_free(&x->targets);
}

/* Appends sanitised s (text that came from the plan or from people). */
static int put_clean(strbuf *sb, const char *s)
{
    char *clean = text_sanitize(s);
    int rc = clean ? strbuf_append(sb, clean) : DUBAN_ENOMEM;
    free(clean);
    return rc;
}

int cli_show_extra_text(const show_extra *x, const node *n, strbuf *sb, int md)
{
    const char *li = md ? "- " : "";
    int rc = 0;
    if (*n->extended_due)
        rc |= strbuf_printf(sb, "%sextended: %s (延期, original due %s; ", li, n->extended_due,
                            n->due) |
              put_clean(sb, *x->reason ? x->reason : "no reason recorded") |
              strbuf_append(sb, ")\n");
    if (*n->state) /* a cancelled item has no light: it is out of the counts */
        rc |= strbuf_printf(sb, "%slight:  — (已取消 cancelled)", li);
    else
        rc |= strbuf_printf(sb, "%slight:  %s", li, light_label(x->light));
    if (*x->deadline && n->depth != NODE_AREA && !*n->state)
        rc |= strbuf_printf(sb, " (deadline %s)", x->deadline);
    rc |= strbuf_appendc(sb, '\n');
    for (size_t i = 0; i < x->targets.n; i++) {
        const target *t = &x->targets.v[i];
        char progress[96];
        target_progress_text(t, progress, sizeof progress);
        rc |= strbuf_printf(sb, "%starget: ", li) | put_clean(sb, t->label) |
              strbuf_printf(sb, " %s (%s)\n", progress,
                            t->dir == TARGET_AT_MOST ? "at most" : "at least");
    }
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

static int json_kv(strbuf *sb, const char *key, const char *value)
{
    return json_append_string(sb, key) | strbuf_append(sb, ": ") | json_append_string(sb, value) |
           strbuf_append(sb, ", ");
}

int cli_show_extra_json(const show_extra *x, const node *n, strbuf *sb)
{
    const target_list *tl = &x->targets;
    int rc = json_kv(sb, "extended_due", n->extended_due) |
             json_kv(sb, "extension_reason", x->reason) |
             json_kv(sb, "light", light_key(x->light)) |
             json_kv(sb, "light_label", light_label(x->light));
    rc |= strbuf_append(sb, "\n \"targets\": [");
    for (size_t i = 0; i < tl->n; i++) {
        const target *t = &tl->v[i];
        char num[32], cur[32] = "null";
        target_format_number(t->number, num);
        if (t->has_current)
            target_format_number(t->current, cur);
        rc |= strbuf_append(sb, i ? ", {" : "{") | json_kv(sb, "label", t->label);
        rc |= strbuf_printf(sb, "\"number\": %s, \"current\": %s, ", num, cur);
        rc |= json_kv(sb, "unit", t->unit) | json_kv(sb, "direction", target_dir_key(t->dir));
        rc |= strbuf_printf(sb, "\"met\": %s}", target_met(t) ? "true" : "false");
    }
    rc |= strbuf_append(sb, "], ");
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

int cli_show_extra_csv(const show_extra *x, const node *n, table *t)
{
    int rc = table_add_row(t, (const char *[]){"item", "extended_due", n->extended_due, x->reason});
    rc |= table_add_row(
        t, (const char *[]){"item", "light", light_key(x->light), light_label(x->light)});
    for (size_t i = 0; i < x->targets.n; i++) {
        const target *tg = &x->targets.v[i];
        char progress[96];
        target_progress_text(tg, progress, sizeof progress);
        rc |= table_add_row(
            t, (const char *[]){"target", tg->label, progress, target_dir_key(tg->dir)});
    }
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}
