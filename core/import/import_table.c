/* import_table.c - work plans pasted as tables.
 *
 * Three renderings are read: pipe rows ("1 | 城乡居民收入增长7%左右。 | 市统计局 |"),
 * tab-separated rows, and a table flattened to one cell per line (or per
 * paragraph: blank lines are already gone).  The header row names the
 * columns; a header cell may have spaces inside (重 点 工 作 任 务) or be
 * split over two cells (责任 / 领导).  Known columns: 序号; the task (工作
 * 任务, 重点工作, 主要工作任务, 工作事项, 任务内容 …); a group (类别, 领域);
 * units (牵头单位, 责任单位, 配合单位, 责任部门); leaders (责任领导, 牵头领
 * 导, 分管领导); the deadline (完成时限, 时间节点, 进度安排); progress (进
 * 展情况, 目前进展); status (完成情况, 状态).  A header needs a task column
 * and one other known column.
 *
 * Each data row is rewritten as lines the tree builder understands: the
 * task cell as a numbered line (IMP_TABLE), then one plain line
 * "列名：内容" per other non-empty cell, so that the unit, leader and
 * deadline are found by the same code as in prose (import_roles.c,
 * deadline.h) and progress and status stay in the item's body.  A group
 * column gives an area heading when its value changes.  In pipe and tab
 * tables a row with an empty 序号 and task continues the row above; in a
 * one-cell-per-line table a row starts at a line holding only the next
 * number (1, 2, 3 …) and the task takes the lines the other columns do
 * not.  A row without a task cell is dropped with a warning.
 */
#include "import/import_priv.h"

#include "base/strbuf.h"
#include "text/cnnum.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 16

enum col_kind { C_OTHER, C_NO, C_TASK, C_GROUP, C_UNIT, C_LEADER, C_DUE, C_PROGRESS, C_STATUS };

static const struct {
    const char *name;
    int kind;
} headers[] = {
    {"序号", C_NO},           {"序號", C_NO},           {"编号", C_NO},
    {"工作任务", C_TASK},     {"工作任務", C_TASK},     {"重点工作", C_TASK},
    {"重點工作", C_TASK},     {"主要工作任务", C_TASK}, {"工作事项", C_TASK},
    {"任务内容", C_TASK},     {"重点工作任务", C_TASK}, {"重點工作任務", C_TASK},
    {"重点任务", C_TASK},     {"工作内容", C_TASK},     {"具体任务", C_TASK},
    {"主要任务", C_TASK},     {"目标任务", C_TASK},     {"具体工作", C_TASK},
    {"工作目标", C_TASK},     {"任务", C_TASK},         {"类别", C_GROUP},
    {"領域", C_GROUP},        {"领域", C_GROUP},        {"板块", C_GROUP},
    {"工作类别", C_GROUP},    {"重点领域", C_GROUP},    {"牵头单位", C_UNIT},
    {"牽頭單位", C_UNIT},     {"责任单位", C_UNIT},     {"責任單位", C_UNIT},
    {"配合单位", C_UNIT},     {"责任部门", C_UNIT},     {"責任部門", C_UNIT},
    {"牵头部门", C_UNIT},     {"主办单位", C_UNIT},     {"责任领导", C_LEADER},
    {"責任領導", C_LEADER},   {"牵头领导", C_LEADER},   {"牽頭領導", C_LEADER},
    {"分管领导", C_LEADER},   {"分管領導", C_LEADER},   {"联系领导", C_LEADER},
    {"完成时限", C_DUE},      {"完成時限", C_DUE},      {"时间节点", C_DUE},
    {"時間節點", C_DUE},      {"进度安排", C_DUE},      {"進度安排", C_DUE},
    {"完成时间", C_DUE},      {"时限", C_DUE},          {"进展情况", C_PROGRESS},
    {"進展情況", C_PROGRESS}, {"目前进展", C_PROGRESS}, {"工作进展", C_PROGRESS},
    {"完成情况", C_STATUS},   {"完成情況", C_STATUS},   {"状态", C_STATUS},
    {"狀態", C_STATUS},
};

typedef struct cell {
    const char *s;
    size_t len;
} cell;

typedef struct table {
    int ncols;
    int kind[MAX_COLS];
    char name[MAX_COLS][64]; /* the header as written, spaces removed */
    int task, group, no;     /* column indexes, -1 when absent */
} table;

/* The cell's text without white space inside (重 点 工 作 → 重点工作). */
static void squeeze(const cell *c, char *out, size_t outsz)
{
    size_t o = 0;
    for (size_t i = 0; i < c->len && o + 4 < outsz;) {
        size_t n = c->len - i, k = n;
        const char *p = imp_trim(c->s + i, &k);
        if (p != c->s + i) {
            i = (size_t)(p - c->s);
            continue;
        }
        uint32_t cp;
        size_t cl = utf8_decode(c->s + i, c->len - i, &cp);
        if (!cl)
            break;
        if (cp != '*') {
            memcpy(out + o, c->s + i, cl);
            o += cl;
        }
        i += cl;
    }
    out[o] = '\0';
}

static int header_kind(const char *name)
{
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
        if (!strcmp(name, headers[i].name))
            return headers[i].kind;
    return -1;
}

/* Splits a pipe or tab row into cells; returns the count (0: not a row). */
static int split_row(const imp_line *l, int tabs, cell *cells)
{
    int n = 0;
    size_t start = 0, i = 0;
    const char *s = l->s;
    size_t len = l->len, seps = 0;
    while (i <= len && n < MAX_COLS) {
        size_t k = 0;
        if (i < len && tabs && s[i] == '\t')
            k = 1;
        else if (i < len && !tabs && s[i] == '|')
            k = 1;
        else if (i + 3 <= len && !tabs && !memcmp(s + i, "｜", 3))
            k = 3;
        if (k || i == len) {
            cells[n].len = i - start;
            cells[n].s = imp_trim(s + start, &cells[n].len);
            n++;
            seps += k != 0;
            i += k ? k : 1;
            start = i;
        } else {
            i++;
        }
    }
    if (seps < (tabs ? 1u : 2u))
        return 0;
    /* "| a | b |": no cells before the first and after the last bar */
    if (!tabs && n && cells[0].len == 0 && (s[0] == '|' || !memcmp(s, "｜", 3))) {
        memmove(cells, cells + 1, (size_t)(n - 1) * sizeof *cells);
        n--;
    }
    if (!tabs && n && cells[n - 1].len == 0)
        n--;
    return n;
}

/* Reads a header from names[0..n); merges 责任 + 领导.  Returns 1 when it
 * has a task column and another known one. */
static int read_header(const cell *c, int n, table *t)
{
    memset(t, 0, sizeof *t);
    t->task = t->group = t->no = -1;
    int known = 0;
    for (int i = 0; i < n && t->ncols < MAX_COLS; i++) {
        char a[64], b[64], ab[128];
        squeeze(&c[i], a, sizeof a);
        int kind = header_kind(a);
        if (kind < 0 && i + 1 < n) {
            squeeze(&c[i + 1], b, sizeof b);
            snprintf(ab, sizeof ab, "%s%s", a, b);
            if ((kind = header_kind(ab)) >= 0 && strlen(ab) < sizeof a) {
                memcpy(a, ab, strlen(ab) + 1);
                i++;
            }
        }
        int col = t->ncols++;
        t->kind[col] = kind < 0 ? C_OTHER : kind;
        memcpy(t->name[col], a, sizeof a);
        known += kind > 0;
        if (kind == C_TASK && t->task < 0)
            t->task = col;
        if (kind == C_GROUP && t->group < 0)
            t->group = col;
        if (kind == C_NO && t->no < 0)
            t->no = col;
    }
    return t->task >= 0 && known >= 2;
}

typedef struct out {
    imp_line *v;
    size_t n, cap;
    imp_arena *arena;
} out;

static int push(out *o, const imp_line *l)
{
    if (o->n == o->cap) {
        size_t nc = o->cap ? o->cap * 2 : 64;
        imp_line *g = realloc(o->v, nc * sizeof *g);
        if (!g)
            return DUBAN_ENOMEM;
        o->v = g;
        o->cap = nc;
    }
    o->v[o->n++] = *l;
    return DUBAN_OK;
}

/* A line of owned text: "name：value" or the value alone. */
static int push_text(out *o, int no, int style, int value, const char *name, const cell *c)
{
    strbuf sb = {0};
    if ((name && (strbuf_append(&sb, name) || strbuf_append(&sb, "："))) ||
        strbuf_appendn(&sb, c->s, c->len)) {
        strbuf_free(&sb);
        return DUBAN_ENOMEM;
    }
    size_t len = sb.len;
    char *s = strbuf_take(&sb);
    if (!s || imp_arena_keep(o->arena, s))
        return DUBAN_ENOMEM;
    imp_line l = {.s = s, .len = len, .no = no};
    l.mark.style = style;
    l.mark.value = value;
    return push(o, &l);
}

/* One data row: the group heading when it changes, the task line, then
 * "列名：内容" lines.  *last_group keeps the group value. */
static int emit_row(out *o, const table *t, const cell *c, int n, int no, int rowno,
                    char *last_group, plan_doc *doc)
{
    if (t->group >= 0 && t->group < n && c[t->group].len) {
        char g[256];
        squeeze(&c[t->group], g, sizeof g);
        if (strcmp(g, last_group)) {
            snprintf(last_group, 256, "%s", g);
            if (push_text(o, no, IMP_HEADING, 1, NULL, &c[t->group]))
                return DUBAN_ENOMEM;
        }
    }
    if (t->task >= n || c[t->task].len == 0)
        return plan_doc_warn(doc, no, "a table row without a task cell: not imported");
    if (push_text(o, no, IMP_TABLE, rowno, NULL, &c[t->task]))
        return DUBAN_ENOMEM;
    for (int i = 0; i < n && i < t->ncols; i++)
        if (i != t->task && i != t->no && i != t->group && c[i].len &&
            push_text(o, no, IMP_PLAIN, 0, t->name[i], &c[i]))
            return DUBAN_ENOMEM;
    return DUBAN_OK;
}

/* A second header row whose cells complete the first (责任 above 领导):
 * merges it into t and returns 1. */
static int header_more(table *t, const cell *c, int n)
{
    char joined[MAX_COLS][128];
    int any = 0;
    for (int k = 0; k < n && k < t->ncols; k++) {
        char b[64];
        squeeze(&c[k], b, sizeof b);
        snprintf(joined[k], sizeof joined[k], "%s%s", t->name[k], b);
        if (c[k].len && header_kind(joined[k]) < 0)
            return 0;
        any |= c[k].len != 0;
    }
    for (int k = 0; any && k < n && k < t->ncols; k++) {
        int kind = header_kind(joined[k]);
        if (!c[k].len || strlen(joined[k]) >= sizeof t->name[k])
            continue;
        memcpy(t->name[k], joined[k], strlen(joined[k]) + 1);
        t->kind[k] = kind;
        if (kind == C_TASK && t->task < 0)
            t->task = k;
    }
    return any;
}

/* A pipe row cut over two lines (the cell's text wrapped): while the row
 * has fewer cells than the header and does not end with a bar, the next
 * line is joined to it.  *row is L[*i] or a joined copy in the arena. */
static int whole_row(out *o, const imp_line *L, size_t m, size_t *i, const table *t, imp_line *row,
                     cell *c, int *n)
{
    *row = L[*i];
    *n = split_row(row, 0, c);
    while (*n > 0 && *n < t->ncols && *i + 1 < m && row->s[row->len - 1] != '|' &&
           (row->len < 3 || memcmp(row->s + row->len - 3, "｜", 3))) {
        strbuf sb = {0};
        if (strbuf_appendn(&sb, row->s, row->len) ||
            strbuf_appendn(&sb, L[*i + 1].s, L[*i + 1].len)) {
            strbuf_free(&sb);
            return DUBAN_ENOMEM;
        }
        size_t len = sb.len;
        char *s = strbuf_take(&sb);
        if (!s || imp_arena_keep(o->arena, s))
            return DUBAN_ENOMEM;
        row->s = s;
        row->len = len;
        (*i)++;
        *n = split_row(row, 0, c);
    }
    return DUBAN_OK;
}

/* Pipe or tab rows from L[*i] (the header); advances *i past the table. */
static int read_rows(out *o, const imp_line *L, size_t m, size_t *i, int tabs, plan_doc *doc)
{
    cell c[MAX_COLS];
    table t;
    imp_line row;
    int n = split_row(&L[*i], tabs, c);
    if (!read_header(c, n, &t))
        return -1;
    char group[256] = "";
    int rowno = 0;
    if (*i + 1 < m && (n = split_row(&L[*i + 1], tabs, c)) > 0 && header_more(&t, c, n))
        (*i)++;
    for ((*i)++; *i < m && (n = split_row(&L[*i], tabs, c)) > 0; (*i)++) {
        if (!tabs && whole_row(o, L, m, i, &t, &row, c, &n))
            return DUBAN_ENOMEM;
        int dashes = 1;
        for (int k = 0; k < n && dashes; k++)
            dashes = c[k].len == 0 || strspn(c[k].s, "-:") >= c[k].len;
        if (dashes)
            continue;
        int cont = t.no >= 0 && t.no < n && c[t.no].len == 0 && rowno > 0;
        if (cont) {
            for (int k = 0; k < n; k++)
                if (k != t.no && c[k].len &&
                    push_text(o, L[*i].no, IMP_PLAIN, 0, k == t.task ? NULL : t.name[k], &c[k]))
                    return DUBAN_ENOMEM;
            continue;
        }
        if (emit_row(o, &t, c, n, L[*i].no, ++rowno, group, doc))
            return DUBAN_ENOMEM;
    }
    (*i)--;
    return DUBAN_OK;
}

/* A line holding only the number want (1 1、 1. ). */
static int bare_number(const imp_line *l, int want)
{
    int v;
    size_t k = cnnum_digits(l->s, l->len, 4, &v);
    if (!k || v != want)
        return 0;
    if (k == l->len)
        return 1;
    size_t rest = l->len - k;
    return (rest == 1 && (l->s[k] == '.' || l->s[k] == ')')) ||
           (rest == 3 && (!memcmp(l->s + k, "、", 3) || !memcmp(l->s + k, "．", 3)));
}

/* Header cells one per line from L[*i]: how many lines they take, 0 when
 * there is no such header. */
static size_t cell_header(const imp_line *L, size_t m, size_t i, table *t)
{
    cell c[MAX_COLS];
    size_t n = 0;
    for (; i + n < m && n < MAX_COLS; n++) {
        char a[64], ab[128];
        c[n].s = L[i + n].s;
        c[n].len = L[i + n].len;
        squeeze(&c[n], a, sizeof a);
        if (header_kind(a) >= 0)
            continue;
        /* 责任 / 领导 split over two lines */
        if (i + n + 1 < m) {
            cell d = {L[i + n + 1].s, L[i + n + 1].len};
            char b[64];
            squeeze(&d, b, sizeof b);
            snprintf(ab, sizeof ab, "%s%s", a, b);
            if (header_kind(ab) >= 0) {
                c[++n] = d;
                continue;
            }
        }
        break;
    }
    if (n < 3 || !read_header(c, (int)n, t))
        return 0;
    return n;
}

/* One-cell-per-line rows after a header of hn lines at L[*i]. */
static int read_cells(out *o, const imp_line *L, size_t m, size_t *i, size_t hn, const table *t,
                      plan_doc *doc)
{
    char group[256] = "";
    size_t p = *i + hn;
    int rowno = 0;
    if (t->no != 0) /* without 序号 first, rows are ncols lines each */
        for (; p + (size_t)t->ncols <= m && L[p].mark.style == IMP_PLAIN; p += (size_t)t->ncols) {
            cell c[MAX_COLS];
            for (int k = 0; k < t->ncols; k++)
                c[k] = (cell){L[p + (size_t)k].s, L[p + (size_t)k].len};
            if (emit_row(o, t, c, t->ncols, L[p].no, ++rowno, group, doc))
                return DUBAN_ENOMEM;
        }
    while (t->no == 0 && p < m && bare_number(&L[p], rowno + 1)) {
        size_t end = p + 1;
        while (end < m && !bare_number(&L[end], rowno + 2) && L[end].mark.style != IMP_CN_COMMA &&
               L[end].mark.style != IMP_CN_PAREN)
            end++;
        cell c[MAX_COLS] = {{0}};
        size_t lines = end - p - 1, after = (size_t)(t->ncols - 1 - t->task);
        size_t before = (size_t)t->task - 1,
               take = lines > before + after ? lines - before - after : (lines > before);
        for (size_t k = 0; k < before && k < lines; k++)
            c[1 + k] = (cell){L[p + 1 + k].s, L[p + 1 + k].len};
        size_t tl = p + 1 + before;
        if (take)
            c[t->task] = (cell){L[tl].s, L[tl].len};
        for (size_t k = 0; k < after && before + take + k < lines; k++)
            c[t->task + 1 + (int)k] = (cell){L[tl + take + k].s, L[tl + take + k].len};
        if (emit_row(o, t, c, t->ncols, L[p].no, ++rowno, group, doc))
            return DUBAN_ENOMEM;
        for (size_t k = 1; k < take; k++) /* the task's further lines: its body */
            if (push(o, &(imp_line){.s = L[tl + k].s, .len = L[tl + k].len, .no = L[tl + k].no}))
                return DUBAN_ENOMEM;
        p = end;
    }
    *i = p - 1;
    return DUBAN_OK;
}

static int has_char(const imp_line *l, char ch)
{
    return memchr(l->s, ch, l->len) != NULL;
}

static int has_fullwidth_bar(const imp_line *l)
{
    for (size_t p = 0; p + 3 <= l->len; p++)
        if (!memcmp(l->s + p, "｜", 3))
            return 1;
    return 0;
}

/* The value of the first body line "name：…" for one of names, or NULL. */
static char *body_value(const char *body, const int kind, int *oom)
{
    for (const char *p = body; p && *p;) {
        size_t n = strcspn(p, "\n");
        for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
            size_t k = strlen(headers[i].name);
            if (headers[i].kind == kind && n > k + 3 && !memcmp(p, headers[i].name, k) &&
                !memcmp(p + k, "：", 3)) {
                char *v = strndup(p + k + 3, n - k - 3);
                *oom = !v;
                return v;
            }
        }
        p += n + (p[n] == '\n');
    }
    return NULL;
}

int imp_set_progress(plan_doc *doc)
{
    for (size_t i = 0; i < doc->nnodes; i++) {
        doc_node *nd = &doc->nodes[i];
        int oom = 0;
        if (nd->depth < 2)
            continue;
        nd->note = body_value(nd->body, C_PROGRESS, &oom);
        if (!oom)
            nd->status_text = body_value(nd->body, C_STATUS, &oom);
        if (oom)
            return DUBAN_ENOMEM;
    }
    return DUBAN_OK;
}

int imp_arena_keep(imp_arena *a, char *s)
{
    if (a->n == a->cap) {
        size_t nc = a->cap ? a->cap * 2 : 64;
        char **g = realloc(a->s, nc * sizeof *g);
        if (!g) {
            free(s);
            return DUBAN_ENOMEM;
        }
        a->s = g;
        a->cap = nc;
    }
    a->s[a->n++] = s;
    return DUBAN_OK;
}

void imp_arena_free(imp_arena *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->s[i]);
    free(a->s);
    memset(a, 0, sizeof *a);
}

/* The short plain line just before a table is its caption: it titles the
 * area of the rows when no heading does. */
static void mark_caption(imp_line *l)
{
    if (l->mark.style == IMP_PLAIN && imp_heading_shaped(l->s, l->len, 40))
        l->flags |= IMP_F_LEAD;
}

int imp_expand_tables(const imp_line *L, size_t m, imp_line **res, size_t *rn, imp_arena *arena,
                      plan_doc *doc)
{
    out o = {.arena = arena};
    int rc = DUBAN_OK;
    for (size_t i = 0; i < m && rc == DUBAN_OK; i++) {
        table t;
        size_t hn;
        int tabs = has_char(&L[i], '\t');
        int r = -1;
        size_t before = o.n;
        if (tabs || has_char(&L[i], '|') || has_fullwidth_bar(&L[i]))
            r = read_rows(&o, L, m, &i, tabs, doc);
        else if (L[i].mark.style == IMP_PLAIN && (hn = cell_header(L, m, i, &t)) != 0)
            r = read_cells(&o, L, m, &i, hn, &t, doc);
        if (r >= 0 && before > 0 && o.n > before)
            mark_caption(&o.v[before - 1]);
        if (r < 0)
            rc = push(&o, &L[i]);
        else
            rc = r;
    }
    if (rc) {
        free(o.v);
        return rc;
    }
    *res = o.v;
    *rn = o.n;
    return DUBAN_OK;
}
