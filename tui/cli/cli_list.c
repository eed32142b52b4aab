/* cli_list.c - the listing commands: list, overdue, plans, history, search. */
#include "cli/cli.h"

#include "query/due_soon.h"
#include "query/group.h"
#include "edit/plan_edit.h"
#include "query/query.h"
#include "query/listing.h"
#include "report/report.h"
#include "plan/status.h"
#include "text/table_writer.h"
#include "text/utf8.h"
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cli_status_name(cli_ctx *ctx, const char *key)
{
    const status_def *d = status_by_key(store_statuses(ctx->st), key);
    return d ? d->name : key;
}

static int no_args(const cli_args *args, const char *cmd, duban_error *err)
{
    if (args->npos)
        return duban_fail(err, DUBAN_EINVAL, "%s: unexpected argument '%s'", cmd, args->pos[0]);
    return DUBAN_OK;
}

/* Data formats carry keys and names separately; text and Markdown show
 * the glyph with the name, the way the front end does. */
static const table_column list_cols[] = {
    {"ref", "REF", 0}, {"kind", "KIND", 0}, {"status", "STATUS", 0}, {"status_name", "NAME", 0},
    {"due", "DUE", 0}, {"unit", "UNIT", 0}, {"leader", "LEADER", 0}, {"title", "TITLE", 0},
};
static const table_column list_text_cols[] = {
    {"ref", "REF", 0},   {"status", "STATUS", 0}, {"due", "DUE", 0},
    {"unit", "UNIT", 0}, {"leader", "LEADER", 0}, {"title", "TITLE", 0},
};

/* a, b and c joined into buf (cut to size - 1 bytes, as snprintf would):
 * the listing does this for every row, so without a format string. */
static const char *join3(char *buf, size_t size, const char *a, const char *b, const char *c)
{
    const char *part[] = {a, b, c};
    size_t k = 0;
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(part[i]);
        if (n > size - 1 - k)
            n = size - 1 - k;
        memcpy(buf + k, part[i], n);
        k += n;
    }
    buf[k] = '\0';
    return buf;
}

/* The title indented two columns a level below the areas (md: with
 * no-break spaces): in buf when it fits, else in a heap copy left in
 * *heap for the caller to free (a title is never cut).  NULL when out of
 * memory. */
static const char *indented(char *buf, size_t size, int depth, const char *title, char **heap,
                            int md)
{
    /* Markdown renderers drop a cell's leading spaces: no-break spaces stay */
    const char *pad = md ? "\xC2\xA0" : " ";
    size_t step = strlen(pad), levels = depth <= 1 ? 0 : depth > 7 ? 6 : (size_t)(depth - 1);
    size_t n = levels * 2 * step, len = strlen(title);
    *heap = NULL;
    if (n + len >= size && !(buf = *heap = malloc(n + len + 1)))
        return NULL;
    for (size_t i = 0; i < n; i += step)
        memcpy(buf + i, pad, step);
    memcpy(buf + n, title, len + 1);
    return buf;
}

struct list_out {
    cli_ctx *ctx;
    table_writer *tw;
    int text; /* the columns people read (text, Markdown): list_text_cols */
};

/* Row n in o's columns, into cells: for people the status with its glyph
 * (已取消 for a cancelled node) and the title indented (in buf, or in a
 * copy left in *heap to free).  0, or DUBAN_ENOMEM. */
static int node_cells(const struct list_out *o, const list_row *n, const char **cells,
                      char status[128], char buf[1024], char **heap)
{
    static const char *const kinds[] = {"", "area", "item", "subitem"};
    const status_def *d = status_by_key(store_statuses(o->ctx->st), n->status);
    int area = n->depth == NODE_AREA, cancelled = *n->state != '\0';
    *heap = NULL;
    if (o->text) {
        const char *shown =
            cancelled ? "[-] 已取消"
                      : join3(status, 128, d ? d->glyph : "?", " ", d ? d->name : n->status);
        const char *title =
            indented(buf, 1024, n->depth, n->title, heap, o->ctx->format == FORMAT_MD);
        const char *row[] = {n->ref,
                             area && !cancelled ? "" : shown,
                             area && !cancelled ? "" : n->due,
                             n->unit,
                             n->leader,
                             title};
        memcpy(cells, row, sizeof row);
        return title ? DUBAN_OK : DUBAN_ENOMEM;
    }
    const char *row[] = {n->ref,
                         kinds[n->depth > 3 ? 0 : n->depth],
                         cancelled ? "cancelled"
                         : area    ? ""
                                   : n->status,
                         cancelled ? "已取消"
                         : area    ? ""
                                   : (d ? d->name : n->status),
                         area && !cancelled ? "" : n->due,
                         n->unit,
                         n->leader,
                         n->title};
    memcpy(cells, row, sizeof row);
    return DUBAN_OK;
}

/* Row n to the writer, measured or written: its code stops the walk. */
static int put_node_row(struct list_out *o, const list_row *n, int measure)
{
    const char *cells[8];
    char status[128], buf[1024], *heap;
    int rc = node_cells(o, n, cells, status, buf, &heap);
    if (!rc)
        rc = measure ? table_writer_measure(o->tw, cells) : table_writer_row(o->tw, cells);
    free(heap);
    return rc;
}
static int measure_node_row(void *arg, const list_row *n)
{
    return put_node_row(arg, n, 1);
}
static int write_node_row(void *arg, const list_row *n)
{
    return put_node_row(arg, n, 0);
}

/* An aligned listing's measured rows are kept up to this many bytes
 * (some 400,000 items: 23 MiB at most for 100,000): a longer listing is
 * read twice and held nowhere. */
#define LIST_KEEP_BYTES (64u << 20)

static int read_again(void *arg)
{
    const struct list_out *o = arg;
    return !table_writer_kept(o->tw);
}

/* With a filter: the matching nodes and the areas and items above them
 * (node_all_where()), row by row as the listing takes them. */
static int list_filtered(cli_ctx *ctx, const query_filter *f, struct list_out *o, duban_error *err)
{
    node_list nodes;
    light_rule rule;
    cli_light_rule(ctx, &rule);
    int rc = node_all_where(ctx->st, ctx->plan_id, ctx->today, &rule, f, &nodes, err);
    for (int pass = table_writer_measures(o->tw) ? 0 : 1; !rc && pass < 2; pass++)
        for (size_t i = 0; !rc && i < nodes.n; i++) {
            const node *n = &nodes.v[i];
            list_row r = {n->id,  n->depth, n->ref,    n->title, n->status,
                          n->due, n->unit,  n->leader, n->state};
            rc = put_node_row(o, &r, !pass);
        }
    node_list_free(&nodes);
    return rc;
}

/* The listing is written as it is read (CSV, JSON); the aligned formats
 * measure it first and write the rows they kept, or read it again when it
 * is longer than LIST_KEEP_BYTES, holding no row (table_writer.h). */
int cmd_list(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (no_args(args, "list", err))
        return DUBAN_EINVAL;
    query_filter f;
    int rc = cli_filter(ctx, args, &f, err);
    if (rc)
        return rc;
    int text = ctx->format == FORMAT_TEXT || ctx->format == FORMAT_MD;
    table_writer tw;
    strbuf sb = {0};
    if ((rc = cli_writer_start(ctx, &tw, &sb, text ? list_text_cols : list_cols,
                               text ? sizeof list_text_cols / sizeof list_text_cols[0]
                                    : sizeof list_cols / sizeof list_cols[0],
                               err)))
        return rc;
    struct list_out o = {ctx, &tw, text};
    if (query_filter_active(&f)) {
        rc = list_filtered(ctx, &f, &o, err);
    } else { /* aligned: read once when what was measured could be kept */
        table_writer_keep(&tw, LIST_KEEP_BYTES);
        rc = query_list_twice(ctx->st, ctx->plan_id,
                              table_writer_measures(&tw) ? measure_node_row : NULL, read_again,
                              write_node_row, &o, err);
        if (!rc && table_writer_kept(&tw))
            rc = table_writer_write_kept(&tw);
    }
    return cli_writer_finish(&tw, &sb, rc, err);
}

static const table_column overdue_cols[] = {
    {"group", "GROUP", 0},    {"ref", "REF", 0},       {"due", "DUE", 0},
    {"days_late", "LATE", 1}, {"status", "STATUS", 0}, {"unit", "UNIT", 0},
    {"title", "ITEM", 0},     {"word", "DEADLINE", 0}, {"milestone", "MILESTONE", 0},
    {"area", "AREA", 0},
};

/* One row; the group column (cells[0]) only with --by. */
static int add_overdue_row(cli_ctx *ctx, table *t, const overdue_row *r, const char *group)
{
    char days[16];
    snprintf(days, sizeof days, "%d", r->days_late);
    const char *cells[] = {group,   r->ref,   r->due,  days,      cli_status_name(ctx, r->status),
                           r->unit, r->title, r->word, r->phrase, r->area_title};
    return table_add_row(t, group ? cells : cells + 1);
}

/* With --by: the rows by area, unit or leader (core's groups, query/group.h),
 * a group column first; none given is （未指定） for people, "" for machines. */
static int add_overdue_groups(cli_ctx *ctx, table *t, const overdue_list *l, enum light_group by)
{
    group_list g;
    if (group_overdue(l, by, GROUP_ORDER_KEY, &g))
        return DUBAN_ENOMEM;
    int people = ctx->format == FORMAT_TEXT || ctx->format == FORMAT_MD, rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < g.n; i++) {
        const char *key = people && !*g.v[i].key ? REPORT_NONE_GIVEN : g.v[i].key;
        for (size_t j = 0; !rc && j < g.v[i].n; j++)
            rc = add_overdue_row(ctx, t, &l->v[g.v[i].rows[j]], key);
    }
    group_list_free(&g);
    return rc;
}

int cmd_overdue(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    enum light_group by = LIGHT_BY_AREA;
    if (no_args(args, "overdue", err))
        return DUBAN_EINVAL;
    if (args->by && light_group_parse(args->by, &by))
        return duban_fail(err, DUBAN_EINVAL,
                          "--by: unknown grouping '%s' (use area, unit or leader)", args->by);
    overdue_list l;
    query_filter f;
    light_rule rule;
    cli_light_rule(ctx, &rule);
    int rc = cli_filter(ctx, args, &f, err);
    if (!rc)
        rc = query_overdue_where(ctx->st, ctx->plan_id, ctx->today, &rule, &f, &l, err);
    if (rc)
        return rc;
    table t;
    size_t skip = args->by ? 0 : 1; /* the group column */
    table_init(&t, overdue_cols + skip, sizeof overdue_cols / sizeof overdue_cols[0] - skip);
    if (args->by)
        rc = add_overdue_groups(ctx, &t, &l, by);
    for (size_t i = 0; !args->by && !rc && i < l.n; i++)
        rc = add_overdue_row(ctx, &t, &l.v[i], NULL);
    if (rc)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    overdue_list_free(&l);
    return rc;
}

static const table_column due_soon_cols[] = {
    {"ref", "REF", 0},        {"due", "DUE", 0},
    {"days_left", "LEFT", 1}, {"status", "STATUS", 0},
    {"unit", "UNIT", 0},      {"title", "ITEM", 0},
    {"word", "DEADLINE", 0},  {"milestone", "MILESTONE", 0},
    {"area", "AREA", 0},
};

int cmd_due_soon(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (no_args(args, "due-soon", err))
        return DUBAN_EINVAL;
    light_rule rule;
    cli_light_rule(ctx, &rule);
    long days = rule.warn_days;
    char *end = NULL;
    if (args->days &&
        ((days = strtol(args->days, &end, 10)) < 0 || days > 3650 || !*args->days || *end))
        return duban_fail(err, DUBAN_EINVAL, "--days: not a number of days: '%s'", args->days);
    query_filter f;
    due_soon_list l;
    int rc = cli_filter(ctx, args, &f, err);
    if (!rc)
        rc = query_due_soon(ctx->st, ctx->plan_id, ctx->today, (int)days, &rule, &f, &l, err);
    if (rc)
        return rc;
    table t;
    table_init(&t, due_soon_cols, sizeof due_soon_cols / sizeof due_soon_cols[0]);
    for (size_t i = 0; !rc && i < l.n; i++) {
        const due_soon_row *r = &l.v[i];
        char left[16], due[DATE_LEN + 8];
        snprintf(left, sizeof left, "%d", r->days_left);
        int people = ctx->format == FORMAT_TEXT || ctx->format == FORMAT_MD;
        snprintf(due, sizeof due, "%s%s", r->due, people && r->extended ? " 延" : "");
        const char *cells[] = {r->ref,       due,      left,    cli_status_name(ctx, r->status),
                               r->unit,      r->title, r->word, r->phrase,
                               r->area_title};
        if (table_add_row(&t, cells))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    due_soon_list_free(&l);
    return rc;
}

static const table_column plan_cols[] = {
    {"id", "PLAN", 1},           {"title", "TITLE", 0},          {"year", "YEAR", 1},
    {"period_start", "FROM", 0}, {"period_end", "TO", 0},        {"areas", "AREAS", 1},
    {"items", "ITEMS", 1},       {"imported_at", "IMPORTED", 0},
};

int cmd_plans(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->yes && !(args->npos && !strcmp(args->pos[0], "delete")))
        return duban_fail(err, DUBAN_EINVAL, "--yes goes with 'duban plans delete N'");
    if (args->npos) /* default|rename|period|delete N ... */
        return cli_plans_edit(ctx, args, err);
    if (no_args(args, "plans", err))
        return DUBAN_EINVAL;
    plan_list l;
    int rc = plan_list_all(ctx->st, &l, err);
    if (rc)
        return rc;
    int64_t chosen = 0; /* the default plan (plans default N), marked in text */
    if ((rc = plan_default(ctx->st, &chosen, err))) {
        plan_list_free(&l);
        return rc;
    }
    table t;
    table_init(&t, plan_cols, sizeof plan_cols / sizeof plan_cols[0]);
    for (size_t i = 0; !rc && i < l.n; i++) {
        const plan_info *p = &l.v[i];
        char id[24], year[16], areas[16], items[16], title[600];
        snprintf(title, sizeof title, "%.500s%s", p->title,
                 p->id == chosen && ctx->format == FORMAT_TEXT ? "  (默认 default)" : "");
        snprintf(id, sizeof id, "%lld", (long long)p->id);
        snprintf(year, sizeof year, "%d", p->year);
        snprintf(areas, sizeof areas, "%d", p->areas);
        snprintf(items, sizeof items, "%d", p->items);
        const char *cells[] = {id, title, year, p->start, p->end, areas, items, p->imported_at};
        if (table_add_row(&t, cells))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    plan_list_free(&l);
    return rc;
}

static const table_column search_cols[] = {
    {"ref", "REF", 0}, {"status", "STATUS", 0}, {"due", "DUE", 0}, {"title", "TITLE", 0}};

struct search_out {
    cli_ctx *ctx;
    table *t;
};

/* One search match (a list_row_fn): DUBAN_ENOMEM stops the listing. */
static int add_search_row(void *arg, const list_row *n)
{
    struct search_out *o = arg;
    const char *cells[] = {n->ref, cli_status_name(o->ctx, n->status), n->due, n->title};
    return table_add_row(o->t, cells);
}

int cmd_search(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban search TEXT");
    if (!utf8_valid(args->pos[0], strlen(args->pos[0]), NULL))
        return duban_fail(err, DUBAN_EINVAL, "search: the text is not valid UTF-8");
    id_list ids;
    int rc = query_search(ctx->st, ctx->plan_id, args->pos[0], &ids, err);
    if (rc)
        return rc;
    table t;
    table_init(&t, search_cols, sizeof search_cols / sizeof search_cols[0]);
    struct search_out o = {ctx, &t};
    if ((rc = query_list_ids_each(ctx->st, ids.v, ids.n, add_search_row, &o, err)) == DUBAN_ENOMEM)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    id_list_free(&ids);
    return rc;
}
