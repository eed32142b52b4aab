/* cli_show.c - `duban show REF` and `duban history [REF]`. */
#include "cli/cli.h"

#include "edit/structure.h"
#include "query/history_shown.h"
#include "query/query.h"
#include "sync/sync.h"
#include "plan/status.h"
#include "base/strbuf.h"
#include "text/textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct item_detail {
    node n;
    milestone_list ms;
    note_list notes;
    history_list hist;
    show_extra extra;
    sync_conflict_list conflicts; /* the item's, still to look at */
} item_detail;

static void item_detail_free(item_detail *d)
{
    node_free(&d->n);
    milestone_list_free(&d->ms);
    note_list_free(&d->notes);
    history_list_free(&d->hist);
    cli_show_extra_free(&d->extra);
    sync_conflict_list_free(&d->conflicts);
}

static int load_conflicts(cli_ctx *ctx, int64_t node_id, sync_conflict_list *l, duban_error *err)
{
    int rc = sync_conflicts(ctx->st, ctx->plan_id, l, err);
    if (!rc)
        sync_conflict_list_keep_node(l, node_id);
    return rc;
}

static int load_detail(cli_ctx *ctx, const char *ref, item_detail *d, duban_error *err)
{
    memset(d, 0, sizeof *d);
    int rc = node_by_ref(ctx->st, ctx->plan_id, ref, &d->n, err);
    int64_t moved = 0;
    if (rc == DUBAN_ENOTFOUND && !node_moved_to(ctx->st, ctx->plan_id, ref, &moved, NULL) &&
        !(rc = node_by_id(ctx->st, moved, &d->n, err)))
        cli_warn("%s has moved: it is now %s", ref, d->n.ref);
    if (!rc)
        rc = node_milestones(ctx->st, d->n.id, &d->ms, err);
    if (!rc)
        rc = node_notes(ctx->st, d->n.id, &d->notes, err);
    if (!rc)
        rc = node_history(ctx->st, d->n.id, &d->hist, err);
    if (!rc)
        rc = cli_show_extra_load(ctx, &d->n, &d->hist, &d->extra, err);
    if (!rc)
        rc = load_conflicts(ctx, d->n.id, &d->conflicts, err);
    return rc;
}

/* Appends sanitised s. */
static int put(strbuf *sb, const char *s)
{
    char *clean = text_sanitize(s);
    int rc = clean ? strbuf_append(sb, clean) : DUBAN_ENOMEM;
    free(clean);
    return rc;
}

/* A body, its line breaks kept (paragraphs): each line sanitised alone,
 * where put() would make the breaks spaces.  Ends with a line break. */
static int put_lines(strbuf *sb, const char *s)
{
    int rc = 0;
    while (*s) {
        size_t n = strcspn(s, "\n");
        char *line = strndup(s, n && s[n - 1] == '\r' ? n - 1 : n);
        rc |= line ? put(sb, line) | strbuf_appendc(sb, '\n') : DUBAN_ENOMEM;
        free(line);
        s += n + (s[n] == '\n');
    }
    return rc;
}

/* One conflict for people: the value kept, the one that lost (or the
 * edit kept on an item cancelled meanwhile), who and when. */
static int conflict_line(cli_ctx *ctx, const sync_conflict *c, strbuf *sb)
{
    char when[TIMESTAMP_LEN];
    int st = !strcmp(c->field, "status");
    int rc = put(sb, c->field) | strbuf_append(sb, ": ");
    if (c->cancelled)
        return rc | put(sb, c->lost_value) | strbuf_append(sb, " (") | put(sb, c->lost_by) |
               strbuf_printf(sb, " %s) 已保留; ", cli_time(ctx, c->lost_at, when)) |
               put(sb, c->won_by) | strbuf_append(sb, " 同时取消了此事项");
    rc |= strbuf_append(sb, "kept ") |
          put(sb, st ? cli_status_name(ctx, c->won_value) : c->won_value) |
          strbuf_append(sb, " (") | put(sb, c->won_by) | strbuf_append(sb, "), lost ") |
          put(sb, st ? cli_status_name(ctx, c->lost_value) : c->lost_value) |
          strbuf_append(sb, " (") | put(sb, c->lost_by) |
          strbuf_printf(sb, " %s)", cli_time(ctx, c->lost_at, when));
    return rc;
}

/* The item's open conflicts (冲突), when it has any. */
static int show_conflicts(cli_ctx *ctx, const sync_conflict_list *l, strbuf *sb, int md)
{
    if (!l->n)
        return 0;
    int rc = strbuf_printf(sb, "\n%sconflicts (冲突; duban conflicts ack ID):%s\n",
                           md ? "### " : "", md ? "\n" : "");
    for (size_t i = 0; i < l->n; i++)
        rc |= strbuf_printf(sb, "%s%lld  ", md ? "- " : "  ", (long long)l->v[i].id) |
              conflict_line(ctx, &l->v[i], sb) | strbuf_appendc(sb, '\n');
    return rc;
}

/* "items: 3 (done 1, overdue 0, at risk 1)" for an area: what its line in
 * the outline counts.  0, or DUBAN_ENOMEM / a failure to read them. */
static int area_counts(cli_ctx *ctx, const node *area, strbuf *sb, int md)
{
    light_rule rule;
    area_stats s;
    cli_light_rule(ctx, &rule);
    if (query_area_stats_one(ctx->st, ctx->plan_id, area->id, ctx->today, rule.warn_days, &s, NULL))
        return strbuf_printf(sb, "%sitems: ?", md ? "- " : "");
    return strbuf_printf(sb, "%sitems: %d (done %d, overdue %d, at risk %d)", md ? "- " : "",
                         s.total, s.done, s.overdue, s.at_risk);
}

static int show_text(cli_ctx *ctx, const item_detail *d, strbuf *sb, int md)
{
    char when[TIMESTAMP_LEN];
    const status_def *st = status_by_key(store_statuses(ctx->st), d->n.status);
    int rc = strbuf_append(sb, md ? "## " : "") | put(sb, d->n.ref) | strbuf_appendc(sb, ' ') |
             put(sb, d->n.title) | strbuf_append(sb, md ? "\n\n" : "\n\n");
    if (d->n.depth == NODE_AREA) /* an area has no status: its items' numbers */
        rc |= area_counts(ctx, &d->n, sb, md);
    else
        rc |= strbuf_printf(sb, "%sstatus: %s %s", md ? "- " : "", st ? st->glyph : "",
                            st ? st->name : d->n.status);
    if (*d->n.state) /* 已取消: out of the counts until restored */
        rc |= strbuf_append(sb, "  [-] 已取消 cancelled (duban restore brings it back)");
    rc |= strbuf_appendc(sb, '\n');
    rc |= strbuf_printf(sb, "%sdue:    %s\n", md ? "- " : "", *d->n.due ? d->n.due : "—");
    rc |= strbuf_append(sb, md ? "- unit:   " : "unit:   ") |
          put(sb, *d->n.unit ? d->n.unit : "—") | strbuf_appendc(sb, '\n');
    rc |= strbuf_append(sb, md ? "- leader: " : "leader: ") |
          put(sb, *d->n.leader ? d->n.leader : "—") | strbuf_append(sb, "\n");
    rc |= cli_show_extra_text(&d->extra, &d->n, sb, md); /* light, extension, targets */
    if (*d->n.body)
        rc |= strbuf_appendc(sb, '\n') | put_lines(sb, d->n.body);
    rc |= strbuf_printf(sb, "\n%smilestones:%s\n", md ? "### " : "", md ? "\n" : "");
    for (size_t i = 0; i < d->ms.n; i++) {
        const milestone *m = &d->ms.v[i];
        rc |= strbuf_printf(sb, "%s%s%s  ", md ? "- " : "  ", m->due, m->approximate ? "~" : "");
        rc |= put(sb, m->word) | strbuf_append(sb, "  ") | put(sb, m->phrase);
        if (*m->done)
            rc |= strbuf_printf(sb, "  [done %s]", m->done);
        rc |= strbuf_appendc(sb, '\n');
    }
    if (!d->ms.n)
        rc |= strbuf_append(sb, md ? "- none\n" : "  none\n");
    rc |= strbuf_printf(sb, "\n%snotes:%s\n", md ? "### " : "", md ? "\n" : "");
    for (size_t i = 0; i < d->notes.n; i++)
        rc |= strbuf_printf(sb, "%s%s  ", md ? "- " : "  ", cli_time(ctx, d->notes.v[i].at, when)) |
              put(sb, d->notes.v[i].text) | strbuf_appendc(sb, '\n');
    if (!d->notes.n)
        rc |= strbuf_append(sb, md ? "- none\n" : "  none\n");
    rc |= strbuf_printf(sb, "\n%shistory:%s\n", md ? "### " : "", md ? "\n" : "");
    for (size_t i = 0; i < d->hist.n; i++) {
        const history_row *h = &d->hist.v[i];
        rc |= strbuf_printf(sb, "%s%s  %s %s: ", md ? "- " : "  ", cli_time(ctx, h->at, when),
                            h->action, h->field);
        char ob[HISTORY_SHOWN_LEN], nb[HISTORY_SHOWN_LEN];
        const char *old_v, *new_v;
        history_shown_values(ctx->st, h, ob, nb, &old_v, &new_v);
        rc |= put(sb, old_v) | strbuf_append(sb, " → ") | put(sb, new_v);
        if (*h->note)
            rc |= strbuf_append(sb, "  (") | put(sb, h->note) | strbuf_appendc(sb, ')');
        rc |= strbuf_appendc(sb, '\n');
    }
    if (!d->hist.n)
        rc |= strbuf_append(sb, md ? "- none\n" : "  none\n");
    rc |= show_conflicts(ctx, &d->conflicts, sb, md);
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

static int kv(strbuf *sb, const char *key, const char *value, int last)
{
    return json_append_string(sb, key) | strbuf_append(sb, ": ") | json_append_string(sb, value) |
           strbuf_append(sb, last ? "" : ", ");
}

static int show_json(cli_ctx *ctx, const item_detail *d, strbuf *sb)
{
    int rc = strbuf_append(sb, "{");
    rc |= kv(sb, "ref", d->n.ref, 0) | kv(sb, "title", d->n.title, 0) |
          kv(sb, "body", d->n.body, 0) | kv(sb, "status", d->n.status, 0) |
          kv(sb, "status_name", cli_status_name(ctx, d->n.status), 0) | kv(sb, "due", d->n.due, 0) |
          kv(sb, "unit", d->n.unit, 0) | kv(sb, "leader", d->n.leader, 0) |
          strbuf_printf(sb, "\"cancelled\": %s, ", *d->n.state ? "true" : "false");
    rc |= cli_show_extra_json(&d->extra, &d->n, sb);
    rc |= strbuf_append(sb, "\n \"milestones\": [");
    for (size_t i = 0; i < d->ms.n; i++) {
        const milestone *m = &d->ms.v[i];
        rc |= strbuf_append(sb, i ? ", {" : "{") | strbuf_printf(sb, "\"n\": %d, ", m->seq) |
              kv(sb, "done", m->done, 0) | kv(sb, "due", m->due, 0) | kv(sb, "word", m->word, 0) |
              kv(sb, "phrase", m->phrase, 0) |
              strbuf_printf(sb, "\"approximate\": %s}", m->approximate ? "true" : "false");
    }
    rc |= strbuf_append(sb, "],\n \"notes\": [");
    for (size_t i = 0; i < d->notes.n; i++)
        rc |= strbuf_append(sb, i ? ", {" : "{") | kv(sb, "at", d->notes.v[i].at, 0) |
              kv(sb, "text", d->notes.v[i].text, 1) | strbuf_append(sb, "}");
    rc |= strbuf_append(sb, "],\n \"history\": [");
    for (size_t i = 0; i < d->hist.n; i++) {
        const history_row *h = &d->hist.v[i];
        rc |= strbuf_append(sb, i ? ", {" : "{") | kv(sb, "at", h->at, 0) |
              kv(sb, "action", h->action, 0) | kv(sb, "field", h->field, 0) |
              kv(sb, "old", h->old_value, 0) | kv(sb, "new", h->new_value, 0) |
              kv(sb, "note", h->note, 1) | strbuf_append(sb, "}");
    }
    rc |= strbuf_append(sb, "],\n \"conflicts\": [");
    for (size_t i = 0; i < d->conflicts.n; i++) {
        const sync_conflict *c = &d->conflicts.v[i];
        rc |= strbuf_printf(sb, "%s{\"id\": %lld, ", i ? ", " : "", (long long)c->id) |
              kv(sb, "field", c->field, 0) | kv(sb, "kept", c->won_value, 0) |
              kv(sb, "kept_by", c->won_by, 0) | kv(sb, "lost", c->lost_value, 0) |
              kv(sb, "lost_by", c->lost_by, 0) | kv(sb, "lost_at", c->lost_at, 0) |
              strbuf_printf(sb, "\"cancelled\": %s}", c->cancelled ? "true" : "false");
    }
    rc |= strbuf_append(sb, "]}\n");
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

static const table_column show_cols[] = {
    {"section", "SECTION", 0}, {"key", "KEY", 0}, {"value", "VALUE", 0}, {"detail", "DETAIL", 0}};

static int show_csv(cli_ctx *ctx, const item_detail *d, strbuf *sb)
{
    table t;
    table_init(&t, show_cols, 4);
    const char *fields[][4] = {
        {"item", "ref", d->n.ref, ""},
        {"item", "title", d->n.title, ""},
        {"item", "body", d->n.body, ""},
        {"item", "status", d->n.status, cli_status_name(ctx, d->n.status)},
        {"item", "due", d->n.due, ""},
        {"item", "unit", d->n.unit, ""},
        {"item", "leader", d->n.leader, ""},
    };
    int rc = 0;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        rc |= table_add_row(&t, fields[i]);
    rc |= cli_show_extra_csv(&d->extra, &d->n, &t);
    for (size_t i = 0; i < d->ms.n; i++)
        rc |= table_add_row(
            &t, (const char *[]){"milestone", d->ms.v[i].due, d->ms.v[i].word, d->ms.v[i].phrase});
    for (size_t i = 0; i < d->notes.n; i++)
        rc |= table_add_row(&t, (const char *[]){"note", d->notes.v[i].at, d->notes.v[i].text, ""});
    for (size_t i = 0; i < d->conflicts.n; i++) {
        strbuf line = {0};
        char id[32];
        snprintf(id, sizeof id, "%lld", (long long)d->conflicts.v[i].id);
        rc |= conflict_line(ctx, &d->conflicts.v[i], &line) |
              table_add_row(&t, (const char *[]){"conflict", id, strbuf_str(&line), ""});
        strbuf_free(&line);
    }
    for (size_t i = 0; i < d->hist.n; i++) {
        const history_row *h = &d->hist.v[i];
        char change[512];
        snprintf(change, sizeof change, "%s %s: %s -> %s", h->action, h->field, h->old_value,
                 h->new_value);
        rc |= table_add_row(&t, (const char *[]){"history", h->at, change, h->note});
    }
    if (!rc)
        rc = table_render(&t, FORMAT_CSV, NULL, sb);
    table_free(&t);
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

int cmd_show(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban show REF");
    item_detail d;
    int rc = load_detail(ctx, args->pos[0], &d, err);
    strbuf sb = {0};
    if (!rc) {
        if (ctx->format == FORMAT_JSON)
            rc = show_json(ctx, &d, &sb);
        else if (ctx->format == FORMAT_CSV)
            rc = show_csv(ctx, &d, &sb);
        else
            rc = show_text(ctx, &d, &sb, ctx->format == FORMAT_MD);
        if (!rc && ctx->format == FORMAT_MD) { /* the layout has no & < >: escape it all */
            strbuf md = {0};
            rc = md_append_text(&md, strbuf_str(&sb));
            strbuf_free(&sb);
            sb = md;
        }
        rc = rc ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : cli_emit_data(ctx, &sb, err);
    }
    strbuf_free(&sb);
    item_detail_free(&d);
    return rc;
}

static const table_column history_cols[] = {
    {"id", "#", 1},        {"at", "AT", 0},   {"action", "ACTION", 0}, {"ref", "REF", 0},
    {"field", "FIELD", 0}, {"old", "OLD", 0}, {"new", "NEW", 0},       {"note", "NOTE", 0},
};

/* Rows of the history formatted between two words to the progress line. */
#define HISTORY_TELL_ROWS 4096

int cmd_history(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos > 1)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban history [REF]");
    history_list l;
    node n = {0};
    int rc = args->npos ? cli_node(ctx, args->pos[0], &n, err) : 0;
    if (!rc)
        rc = args->npos ? node_history(ctx->st, n.id, &l, err)
                        : plan_history(ctx->st, ctx->plan_id, 0, &l, err);
    node_free(&n);
    if (rc)
        return rc;
    table t;
    table_init(&t, history_cols, sizeof history_cols / sizeof history_cols[0]);
    int text = ctx->format == FORMAT_TEXT || ctx->format == FORMAT_MD;
    const progress_sink *p = cli_progress_get(&ctx->progress);
    for (size_t i = 0; !rc && i < l.n; i++) {
        if (i % HISTORY_TELL_ROWS == 0) /* a million rows take seconds */
            progress_tell(p, "整理修改记录 formatting the history", i, l.n);
        const history_row *h = &l.v[i];
        char id[24], ob[HISTORY_SHOWN_LEN], nb[HISTORY_SHOWN_LEN];
        snprintf(id, sizeof id, "%lld", (long long)h->id);
        char when[TIMESTAMP_LEN];
        const char *old_v = h->old_value, *new_v = h->new_value;
        if (text) /* data formats keep the values as stored */
            history_shown_values(ctx->st, h, ob, nb, &old_v, &new_v);
        const char *cells[] = {
            id, cli_time(ctx, h->at, when), h->action, h->ref, h->field, old_v, new_v, h->note};
        if (table_add_row(&t, cells))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    progress_tell(p, NULL, 0, 0);
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    history_list_free(&l);
    return rc;
}
