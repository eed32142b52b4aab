/* cli_report.c - `duban report`, `duban extend`, `duban progress`, and
 * what `duban show` says about lights, extensions and targets. */
#include "cli.h"

#include "edit.h"
#include "query.h"
#include "report.h"
#include "strbuf.h"
#include "target.h"
#include "textwidth.h"

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
    strbuf sb = {0};
    int rc = report_render(ctx->st, ctx->plan_id, by, ctx->format, ctx->today, &rule, &sb, err);
    if (!rc)
        rc = cli_emit(&sb, err);
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

/* The reason given with the extension that stands ("" if none found). */
static int extension_reason(cli_ctx *ctx, const node *n, char *out, size_t outsz, duban_error *err)
{
    history_list h;
    out[0] = '\0';
    int rc = node_history(ctx->st, n->id, &h, err);
    for (size_t i = 0; !rc && i < h.n; i++)
        if (!strcmp(h.v[i].field, "extension") && !strcmp(h.v[i].action, "edit") &&
            !strcmp(h.v[i].new_value, n->extended_due))
            snprintf(out, outsz, "%s", h.v[i].note);
    history_list_free(&h);
    return rc;
}

/* The node's light: its own, or for an area the worst of its items. */
static int node_light(cli_ctx *ctx, const node *n, light *l, char deadline[DATE_LEN],
                      duban_error *err)
{
    light_rule rule;
    item_light_list items;
    cli_light_rule(ctx, &rule);
    int rc = query_item_lights(ctx->st, n->plan_id, ctx->today, &rule, &items, err);
    int counts[LIGHT_COUNT] = {0};
    *l = LIGHT_GREEN;
    deadline[0] = '\0';
    for (size_t i = 0; !rc && i < items.n; i++) {
        const item_light *x = &items.v[i];
        if (x->node_id == n->id) {
            *l = x->light;
            memcpy(deadline, x->deadline, DATE_LEN);
        } else if (n->depth == NODE_AREA && x->area_id == n->id && x->depth == NODE_ITEM) {
            counts[x->light]++;
        }
    }
    if (n->depth == NODE_AREA)
        *l = light_worst(counts);
    item_light_list_free(&items);
    return rc;
}

int cli_show_extra_text(cli_ctx *ctx, const node *n, strbuf *sb, int md)
{
    const char *li = md ? "- " : "";
    light l;
    char deadline[DATE_LEN], reason[512];
    target_list tl;
    duban_error err;
    if (node_light(ctx, n, &l, deadline, &err) ||
        extension_reason(ctx, n, reason, sizeof reason, &err))
        return DUBAN_EDB;
    int rc = 0;
    if (*n->extended_due)
        rc |= strbuf_printf(sb, "%sextended: %s (延期, original due %s; %s)\n", li, n->extended_due,
                            n->due, *reason ? reason : "no reason recorded");
    rc |= strbuf_printf(sb, "%slight:  %s", li, light_label(l));
    if (*deadline && n->depth != NODE_AREA)
        rc |= strbuf_printf(sb, " (deadline %s)", deadline);
    rc |= strbuf_appendc(sb, '\n');
    if (node_targets(ctx->st, n->id, &tl, &err))
        return DUBAN_EDB;
    for (size_t i = 0; i < tl.n; i++) {
        char progress[96];
        target_progress_text(&tl.v[i], progress, sizeof progress);
        rc |= strbuf_printf(sb, "%starget: %s %s (%s)\n", li, tl.v[i].label, progress,
                            tl.v[i].dir == TARGET_AT_MOST ? "at most" : "at least");
    }
    target_list_free(&tl);
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

static int json_kv(strbuf *sb, const char *key, const char *value)
{
    return json_append_string(sb, key) | strbuf_append(sb, ": ") | json_append_string(sb, value) |
           strbuf_append(sb, ", ");
}

int cli_show_extra_json(cli_ctx *ctx, const node *n, strbuf *sb)
{
    light l;
    char deadline[DATE_LEN], reason[512];
    target_list tl;
    duban_error err;
    if (node_light(ctx, n, &l, deadline, &err) ||
        extension_reason(ctx, n, reason, sizeof reason, &err) ||
        node_targets(ctx->st, n->id, &tl, &err))
        return DUBAN_EDB;
    int rc = json_kv(sb, "extended_due", n->extended_due) |
             json_kv(sb, "extension_reason", *n->extended_due ? reason : "") |
             json_kv(sb, "light", light_key(l)) | json_kv(sb, "light_label", light_label(l));
    rc |= strbuf_append(sb, "\n \"targets\": [");
    for (size_t i = 0; i < tl.n; i++) {
        const target *t = &tl.v[i];
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
    target_list_free(&tl);
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

int cli_show_extra_csv(cli_ctx *ctx, const node *n, table *t)
{
    light l;
    char deadline[DATE_LEN], reason[512];
    target_list tl;
    duban_error err;
    if (node_light(ctx, n, &l, deadline, &err) ||
        extension_reason(ctx, n, reason, sizeof reason, &err) ||
        node_targets(ctx->st, n->id, &tl, &err))
        return DUBAN_EDB;
    int rc = table_add_row(t, (const char *[]){"item", "extended_due", n->extended_due,
                                               *n->extended_due ? reason : ""});
    rc |= table_add_row(t, (const char *[]){"item", "light", light_key(l), light_label(l)});
    for (size_t i = 0; i < tl.n; i++) {
        char progress[96];
        target_progress_text(&tl.v[i], progress, sizeof progress);
        rc |= table_add_row(
            t, (const char *[]){"target", tl.v[i].label, progress, target_dir_key(tl.v[i].dir)});
    }
    target_list_free(&tl);
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}
