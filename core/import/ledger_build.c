/* ledger_build.c - a ledger's grid of cells as a plan_doc: the header row,
 * the columns by name, areas, items, dues, statuses and notes (see
 * ledger_import.h). */
#include "import/ledger_priv.h"

#include "plan/date.h"
#include "plan/deadline.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER_ROWS 30 /* the header is looked for in the first rows */

enum lcol {
    L_REF,
    L_AREA,
    L_TITLE,
    L_BODY,
    L_UNIT,
    L_LEADER,
    L_DUE,
    L_STATUS,
    L_NOTE,
    L_EXTENDED,
    L_TARGETS,
    L_NKINDS
};

static const char *const col_names[L_NKINDS][12] = {
    [L_REF] = {"序号", "编号", "序"},
    [L_AREA] = {"方面", "类别", "板块", "领域", "重点领域", "分类", "工作板块"},
    [L_TITLE] = {"工作任务", "重点工作", "工作内容", "任务", "事项", "重点任务", "主要任务",
                 "工作事项", "任务名称", "项目名称", "重点工作任务"},
    [L_BODY] = {"具体内容", "工作目标", "目标任务", "目标要求", "具体措施", "任务内容"},
    [L_UNIT] = {"责任单位", "牵头单位", "主办单位", "承办单位", "责任部门", "牵头部门"},
    [L_LEADER] = {"责任领导", "分管领导", "牵头领导", "联系领导", "县领导"},
    [L_DUE] = {"完成时限", "时限", "完成时间", "时间节点", "截止时间", "完成期限"},
    [L_STATUS] = {"状态", "推进状态", "进度状态", "完成状态", "当前状态"},
    [L_NOTE] = {"进展情况", "最新进展", "工作进展", "推进情况", "进展", "完成情况", "推进落实情况"},
    [L_EXTENDED] = {"延期至", "延期时限", "调整后时限"},
    [L_TARGETS] = {"量化指标", "量化目标"},
};

/* Status words of ledgers besides the set's names, keys and aliases. */
static const struct {
    const char *word, *key;
} status_words[] = {
    {"完成", "done"},
    {"已办结", "done"},
    {"办结", "done"},
    {"正在推进", "in_progress"},
    {"进行中", "in_progress"},
    {"正在实施", "in_progress"},
    {"实施中", "in_progress"},
    {"序时推进", "in_progress"},
    {"按序时推进", "in_progress"},
    {"进度滞后", "behind"},
    {"未达序时", "behind"},
    {"未开始", "not_started"},
    {"尚未启动", "not_started"},
    {"暂停", "blocked"},
};

/* s without white space (ASCII, U+3000, U+00A0) and a trailing （...）. */
static void header_key(const char *s, char *out, size_t outsz)
{
    size_t n = 0;
    while (*s && n + 4 < outsz) {
        if (!strncmp(s, "（", 3) || *s == '(')
            break;
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        else if (!strncmp(s, "\xE3\x80\x80", 3))
            s += 3;
        else if (!strncmp(s, "\xC2\xA0", 2))
            s += 2;
        else
            out[n++] = *s++;
    }
    out[n] = '\0';
}

static int col_kind(const char *cell)
{
    char key[128];
    header_key(cell, key, sizeof key);
    for (int k = 0; *key && k < L_NKINDS; k++)
        for (int i = 0; i < 12 && col_names[k][i]; i++)
            if (!strcmp(key, col_names[k][i]))
                return k;
    return -1;
}

/* The header row (or -1) and its columns (cols[kind], -1 when absent). */
static long find_header(const lg_grid *g, long cols[L_NKINDS])
{
    for (size_t r = 0; r < g->nrows && r < HEADER_ROWS; r++) {
        int found = 0;
        for (int k = 0; k < L_NKINDS; k++)
            cols[k] = -1;
        for (size_t c = 0; c < g->ncols; c++) {
            int k = col_kind(lg_get(g, r, c));
            if (k >= 0 && cols[k] < 0) {
                cols[k] = (long)c;
                found++;
            }
        }
        if (cols[L_TITLE] >= 0 && found >= 2)
            return (long)r;
    }
    return -1;
}

char *lg_trimmed(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || !strncmp(s, "\xE3\x80\x80", 3))
        s += *s & 0x80 ? 3 : 1;
    size_t n = strlen(s);
    for (;;) {
        if (n && strchr(" \t\n\r", s[n - 1]))
            n--;
        else if (n >= 3 && !strncmp(s + n - 3, "\xE3\x80\x80", 3))
            n -= 3;
        else
            break;
    }
    return strndup(s, n);
}

static const char *cell(const lg_grid *g, size_t row, const long cols[L_NKINDS], int kind)
{
    return cols[kind] < 0 ? "" : lg_get(g, row, (size_t)cols[kind]);
}

/* Dates that need no year: ISO and slashed forms, Excel serials. */
static int plain_date(const char *s, char due[DATE_LEN])
{
    int y, m, d, used = 0;
    char a, b;
    if (sscanf(s, "%4d%c%2d%c%2d%n", &y, &a, &m, &b, &d, &used) == 5 && a == b &&
        strchr("-/.", a) && date_valid_ymd(y, m, d) &&
        (!s[used] || s[used] == ' ' || s[used] == 'T')) {
        date_format(date_from_ymd(y, m, d), due);
        return 1;
    }
    char *end;
    double serial = strtod(s, &end);
    if (end != s && !*end && serial >= 1 && serial < 2958466) {
        long day = date_from_ymd(1899, 12, 30) + (long)serial; /* Excel's day 0 */
        date_to_ymd(day, &y, &m, &d);
        if (y >= 1900 && y <= 9999) {
            date_format(day, due);
            return 1;
        }
    }
    return 0;
}

static int parse_due(const char *s, int year, char due[DATE_LEN])
{
    int approx;
    return plain_date(s, due) || deadline_word_date(s, year, due, &approx);
}

/* The status key of a 状态 cell, or NULL when unknown. */
static const char *status_key(const status_set *set, const char *word)
{
    const status_def *d = status_lookup(set, word);
    if (d)
        return d->key;
    for (size_t i = 0; i < sizeof status_words / sizeof status_words[0]; i++) {
        if (strcmp(word, status_words[i].word))
            continue;
        if ((d = status_by_key(set, status_words[i].key)))
            return d->key;
        for (size_t k = 0; !strcmp(status_words[i].key, "done") && k < set->n; k++)
            if (set->v[k].done)
                return set->v[k].key;
    }
    return NULL;
}

/* The first YYYY-MM-DD in s into out; returns what follows it, or NULL. */
static const char *next_iso(const char *s, char out[DATE_LEN])
{
    for (; *s; s++) {
        char tmp[DATE_LEN];
        if (strlen(s) < 10 || !(*s >= '0' && *s <= '9'))
            continue;
        memcpy(tmp, s, 10);
        tmp[10] = '\0';
        long day;
        duban_error e;
        if (!date_parse(tmp, &day, &e)) {
            memcpy(out, tmp, DATE_LEN);
            return s + 10;
        }
    }
    return NULL;
}

/* Plan facts from the rows above the header: the title (the first text
 * that is not the period line) and "计划期间：D 至 D". */
static int plan_facts(const lg_grid *g, long header, plan_doc *doc)
{
    for (size_t r = 0; r < (size_t)header; r++)
        for (size_t c = 0; c < g->ncols; c++) {
            const char *s = lg_get(g, r, c), *rest;
            char a[DATE_LEN], b[DATE_LEN];
            if (strstr(s, "期间")) {
                if ((rest = next_iso(s, a)) && next_iso(rest, b) && strcmp(a, b) <= 0) {
                    memcpy(doc->start, a, DATE_LEN);
                    memcpy(doc->end, b, DATE_LEN);
                }
            } else if (*s && !doc->title && !strstr(s, "统计截至")) {
                if (!(doc->title = lg_trimmed(s)))
                    return DUBAN_ENOMEM;
            }
        }
    return DUBAN_OK;
}

/* Year: the argument, the period, 20xx年 in the title, the first row with
 * a plain date; 0 when none. */
static int plan_year(const lg_grid *g, long header, const long cols[L_NKINDS], int year,
                     const plan_doc *doc)
{
    if (year)
        return year;
    if (doc->start[0])
        return atoi(doc->start);
    const char *t = doc->title ? doc->title : "";
    for (const char *p = strstr(t, "年"); p; p = strstr(p + 1, "年"))
        if (p - t >= 4 && !strncmp(p - 4, "20", 2) && p[-2] >= '0' && p[-2] <= '9' &&
            p[-1] >= '0' && p[-1] <= '9')
            return atoi(p - 4);
    char due[DATE_LEN];
    for (size_t r = (size_t)header + 1; r < g->nrows; r++)
        if (plain_date(cell(g, r, cols, L_DUE), due))
            return atoi(due);
    return 0;
}

/* The period when the sheet does not say: the year, or its half when the
 * title says 上半年 / 下半年. */
static void plan_period(plan_doc *doc)
{
    if (doc->start[0])
        return;
    const char *t = doc->title ? doc->title : "";
    int h2 = strstr(t, "下半年") != NULL, h1 = !h2 && strstr(t, "上半年");
    snprintf(doc->start, DATE_LEN, "%04d-%s", doc->year, h2 ? "07-01" : "01-01");
    snprintf(doc->end, DATE_LEN, "%04d-%s", doc->year, h1 ? "06-30" : "12-31");
}

typedef struct builder {
    const lg_grid *g;
    const long *cols;
    const status_set *set;
    plan_doc *doc;
    ledger_warnings *warn;
    size_t cap;
    int area, item;    /* indexes of the current area and item, -1 none */
    char item_ref[64]; /* the current item's 序号 */
    lg_numbers num;    /* the numbers given so far (序号 kept) */
} builder;

static int add_node(builder *b, int parent, int depth, const char *title, size_t row)
{
    plan_doc *doc = b->doc;
    if (doc->nnodes == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        doc_node *v = realloc(doc->nodes, cap * sizeof *v);
        if (!v)
            return -1;
        doc->nodes = v;
        b->cap = cap;
    }
    doc_node *n = &doc->nodes[doc->nnodes];
    memset(n, 0, sizeof *n);
    n->parent = parent;
    n->depth = depth;
    n->line = b->g->sheet ? (int)row + 1 : b->g->lines[row];
    n->title = lg_trimmed(title);
    n->body = strdup("");
    if (!n->title || !n->body) {
        free(n->title);
        free(n->body);
        return -1;
    }
    return (int)doc->nnodes++;
}

/* An optional text column as a heap string or NULL. */
static int opt_text(const char *s, char **out)
{
    *out = NULL;
    if (!*s)
        return DUBAN_OK;
    *out = lg_trimmed(s);
    if (*out && !**out) {
        free(*out);
        *out = NULL;
        return DUBAN_OK;
    }
    return *out ? DUBAN_OK : DUBAN_ENOMEM;
}

/* The item's cells; its 状态 only when with_status (a cancelled row's says 已取消). */
static int item_fields(builder *b, doc_node *n, size_t r, int with_status)
{
    const lg_grid *g = b->g;
    char where[512], *due = NULL, *status = NULL;
    int rc = opt_text(cell(g, r, b->cols, L_UNIT), &n->unit);
    rc = rc ? rc : opt_text(cell(g, r, b->cols, L_LEADER), &n->leader);
    rc = rc ? rc : opt_text(cell(g, r, b->cols, L_NOTE), &n->note);
    rc = rc ? rc : opt_text(cell(g, r, b->cols, L_DUE), &due);
    if (with_status)
        rc = rc ? rc : opt_text(cell(g, r, b->cols, L_STATUS), &status);
    char *body = NULL;
    rc = rc ? rc : opt_text(cell(g, r, b->cols, L_BODY), &body);
    if (body) {
        free(n->body);
        n->body = body;
    }
    const char *targets = cell(g, r, b->cols, L_TARGETS);
    if (!rc && *targets) {
        lg_where(g, r, b->cols[L_TARGETS], where, sizeof where);
        rc = lg_target_values(targets, n->title, n->body, n, where, b->warn);
    }
    if (!rc && due && !parse_due(due, b->doc->year, n->due)) {
        lg_where(g, r, b->cols[L_DUE], where, sizeof where);
        rc = lg_warn(b->warn, "%s: 完成时限 '%s' is not a date; due at the period end (%s)", where,
                     due, b->doc->end);
    }
    const char *ext = cell(g, r, b->cols, L_EXTENDED);
    if (!rc && *ext && !plain_date(ext, n->extended_due)) {
        lg_where(g, r, b->cols[L_EXTENDED], where, sizeof where);
        rc = lg_warn(b->warn, "%s: 延期至 '%s' is not a date; no extension", where, ext);
    }
    const char *key = status ? status_key(b->set, status) : NULL;
    if (!rc && status && !key) {
        lg_where(g, r, b->cols[L_STATUS], where, sizeof where);
        rc = lg_warn(b->warn, "%s: unknown status '%s'; the item keeps %s", where, status,
                     b->set->n ? b->set->v[0].name : "the first status");
    }
    if (key)
        snprintf(n->status, sizeof n->status, "%s", key);
    free(due);
    free(status);
    return rc;
}

static int row_is_empty(const lg_grid *g, size_t r)
{
    for (size_t c = 0; c < g->ncols; c++)
        if (*lg_get(g, r, c))
            return 0;
    return 1;
}

/* A row whose cells all hold one text (a heading merged across the row):
 * that text, else NULL. */
static const char *merged_heading(const lg_grid *g, size_t r)
{
    const char *text = NULL;
    int cells = 0;
    for (size_t c = 0; c < g->ncols; c++) {
        const char *s = lg_get(g, r, c);
        if (!*s)
            continue;
        if (text && strcmp(text, s))
            return NULL;
        text = s;
        cells++;
    }
    return cells > 1 ? text : NULL;
}

/* A 状态 of 已取消 (duban's ledger marks cancelled items so): the item is
 * stored cancelled where it stands, so that a ledger read back neither
 * brings it back to life nor renumbers the items after it. */
static int cancelled_row(builder *b, size_t r)
{
    char *st = lg_trimmed(cell(b->g, r, b->cols, L_STATUS));
    int yes = st && (!strcmp(st, "已取消") || !strcmp(st, "取消") || !strcmp(st, "已撤销"));
    free(st);
    return yes;
}

/* The ref node idx will have, from the numbers given so far. */
static void ref_of(const plan_doc *doc, int idx, char *out, size_t outsz)
{
    const doc_node *n = &doc->nodes[idx];
    if (n->parent < 0)
        snprintf(out, outsz, "%d", n->seq);
    else if (doc->nodes[n->parent].parent < 0)
        snprintf(out, outsz, "%d.%d", doc->nodes[n->parent].seq, n->seq);
    else
        snprintf(out, outsz, "%d.%d.%d", doc->nodes[doc->nodes[n->parent].parent].seq,
                 doc->nodes[n->parent].seq, n->seq);
}

/* A warning about row r's 序号 ref, saying the ref node idx has instead. */
static int warn_number(builder *b, size_t r, int idx, const char *ref, const char *why)
{
    char where[512], now[48];
    lg_where(b->g, r, b->cols[L_REF], where, sizeof where);
    ref_of(b->doc, idx, now, sizeof now);
    return lg_warn(b->warn, "%s: 序号 '%s' %s; it is %s here", where, ref, why, now);
}

/* Node idx, made from row r, numbered at level (0 area, 1 item, 2
 * sub-item) with the part of its 序号 ref for that level (want, 0 none). */
static int number_node(builder *b, size_t r, int idx, int level, int want, const char *ref)
{
    int moved;
    b->doc->nodes[idx].seq = lg_number(&b->num, level, want, &moved);
    return moved ? warn_number(b, r, idx, ref, "repeats or goes back") : DUBAN_OK;
}

/* A new area made from row r; want: its number from the row's 序号. */
static int new_area(builder *b, size_t r, const char *title, int want, const char *ref)
{
    b->area = add_node(b, -1, 1, title, r);
    b->item = -1;
    b->item_ref[0] = '\0';
    return b->area < 0 ? DUBAN_ENOMEM : number_node(b, r, b->area, 0, want, ref);
}

/* An item whose 序号 names another area than the one its 方面 puts it in
 * keeps its own number there: said, naming the cell. */
static int check_area_part(builder *b, size_t r, int idx, const int *parts, int nparts,
                           const char *ref)
{
    if (nparts < 2 || parts[0] == b->doc->nodes[b->area].seq)
        return DUBAN_OK;
    return warn_number(b, r, idx, ref, "names another area than its 方面");
}

/* One row under the header: an area row, an item, a sub-item or nothing. */
static int add_row(builder *b, size_t r)
{
    const lg_grid *g = b->g;
    const char *ref = cell(g, r, b->cols, L_REF), *title = cell(g, r, b->cols, L_TITLE);
    const char *area = cell(g, r, b->cols, L_AREA);
    if (row_is_empty(g, r))
        return DUBAN_OK;
    const char *heading = merged_heading(g, r);
    if (heading)
        return new_area(b, r, lg_strip_ordinal(heading), 0, ref);
    if (lg_cn_ordinal(ref) && !*cell(g, r, b->cols, L_UNIT) && !*cell(g, r, b->cols, L_DUE) &&
        !*cell(g, r, b->cols, L_STATUS) && !*cell(g, r, b->cols, L_LEADER))
        return new_area(b, r, *title ? title : area, 0, ref);
    char where[512];
    if (!*title) {
        lg_where(g, r, b->cols[L_TITLE], where, sizeof where);
        return lg_warn(b->warn, "%s: no 工作任务; the row is skipped", where);
    }
    int parts[3], nparts = lg_ref_parts(ref, parts), rc = DUBAN_OK;
    char *a = lg_trimmed(area);
    if (!a)
        return DUBAN_ENOMEM;
    if (*a && (b->area < 0 || strcmp(b->doc->nodes[b->area].title, a)))
        rc = new_area(b, r, a, nparts >= 2 ? parts[0] : 0, ref);
    else if (b->area < 0)
        rc = new_area(b, r, "未分类", nparts >= 2 ? parts[0] : 0, ref);
    free(a);
    if (rc)
        return rc;
    /* "5.1.2" right under "5.1" is its sub-item */
    size_t k = strlen(b->item_ref);
    int sub = b->item >= 0 && k && !strncmp(ref, b->item_ref, k) && ref[k] == '.' && ref[k + 1] &&
              !strchr(ref + k + 1, '.');
    int idx = add_node(b, sub ? b->item : b->area, sub ? 3 : 2, title, r);
    if (idx < 0)
        return DUBAN_ENOMEM;
    if ((rc = number_node(b, r, idx, sub ? 2 : 1, nparts == (sub ? 3 : 2) ? parts[sub + 1] : 0,
                          ref)) ||
        (!sub && (rc = check_area_part(b, r, idx, parts, nparts, ref))))
        return rc;
    if (!sub) {
        b->item = idx;
        snprintf(b->item_ref, sizeof b->item_ref, "%s", ref);
    }
    if (cancelled_row(b, r)) { /* its status cell says 已取消, no status */
        b->doc->nodes[idx].cancelled = 1;
        return item_fields(b, &b->doc->nodes[idx], r, 0);
    }
    return item_fields(b, &b->doc->nodes[idx], r, 1);
}

/* Dues not given: a sub-item its item's, an item the period end; an area
 * the latest of its items'. */
static void fill_dues(plan_doc *doc)
{
    for (size_t i = 0; i < doc->nnodes; i++) {
        doc_node *n = &doc->nodes[i];
        if (n->depth == 2 && !n->due[0])
            memcpy(n->due, doc->end, DATE_LEN);
        if (n->depth == 3 && !n->due[0])
            memcpy(n->due, doc->nodes[n->parent].due, DATE_LEN);
    }
    for (size_t i = 0; i < doc->nnodes; i++) {
        doc_node *n = &doc->nodes[i];
        if (n->depth != 2)
            continue;
        doc_node *a = &doc->nodes[n->parent];
        if (strcmp(n->due, a->due) > 0)
            memcpy(a->due, n->due, DATE_LEN);
    }
    for (size_t i = 0; i < doc->nnodes; i++)
        if (!doc->nodes[i].due[0])
            memcpy(doc->nodes[i].due, doc->end, DATE_LEN);
}

static char *base_title(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

static int build_rows(builder *b, long header, duban_error *err)
{
    int rc = DUBAN_OK;
    for (size_t r = (size_t)header + 1; !rc && r < b->g->nrows; r++)
        rc = add_row(b, r);
    if (rc)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    size_t items = 0;
    for (size_t i = 0; i < b->doc->nnodes; i++)
        items += b->doc->nodes[i].depth >= 2;
    char where[512];
    lg_where(b->g, (size_t)header, -1, where, sizeof where);
    if (!items)
        return duban_fail(err, DUBAN_EPARSE, "%s: no items under the header", where);
    fill_dues(b->doc);
    return DUBAN_OK;
}

int lg_build(const lg_grid *g, int year, const status_set *set, plan_doc *out,
             ledger_warnings *warn, duban_error *err)
{
    long cols[L_NKINDS];
    long header = find_header(g, cols);
    if (header < 0)
        return duban_fail(
            err, DUBAN_EPARSE,
            "%s%s%s: no header row (工作任务 or 重点工作, 工作内容, 任务 and one more "
            "column such as 责任单位) in the first %d rows",
            g->path, g->sheet ? ":" : "", g->sheet ? g->sheet : "", HEADER_ROWS);
    plan_doc doc = {0};
    builder b = {
        .g = g, .cols = cols, .set = set, .doc = &doc, .warn = warn, .area = -1, .item = -1};
    int rc = plan_facts(g, header, &doc) ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : 0;
    if (!rc && !(doc.year = plan_year(g, header, cols, year, &doc)))
        rc = duban_fail(err, DUBAN_EPARSE,
                        "%s: cannot tell the plan's year (no period above the header, no 20xx年 "
                        "in the title, no dated row); give --year",
                        g->path);
    if (!rc) {
        plan_period(&doc);
        if (!doc.title)
            doc.title = base_title(g->path);
        doc.source = strdup(g->path);
        doc.preamble = strdup("");
        if (!doc.title || !doc.source || !doc.preamble)
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = build_rows(&b, header, err);
    if (rc) {
        plan_doc_free(&doc);
        return rc;
    }
    *out = doc;
    return DUBAN_OK;
}
