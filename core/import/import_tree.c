/* import_tree.c - areas, items and sub-items from numbered and heading lines.
 *
 * Levels come from import_levels.c; levels past 3 are body text.  Items
 * with no area above them (a one-level list, a copy cut off at the top)
 * and a numbered list that restarts at 1 inside an area get an area of
 * their own, titled from the lead of an inline list ("……抓好三个方面的工
 * 作：一是……") or 未归类, with a warning for the latter.
 */
#include "import/import_priv.h"

#include "base/strbuf.h"
#include "text/utf8.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

typedef struct builder {
    plan_doc *doc;
    strbuf *bodies; /* parallel to doc->nodes */
    size_t cap;
    int level[IMP_NSTYLES];
    int section_style;        /* the style of section headings above the areas */
    int skip;                 /* inside a section or area that is not work */
    int section_skip;         /* inside a section that is not work */
    const imp_line *declared; /* the first line before the areas declaring a count */
    int declared_value;
    size_t declared_at, declared_len;
    int area, item;             /* current area and item, -1 for none */
    int last_style, last_value; /* numbering of the current area's last item */
    const imp_line *lead;       /* the lead line of an inline list just read */
    int inline_line;            /* source line of the current item if cut from a list */
    strbuf preamble;
    int preamble_line, preamble_lines; /* first line and count */
} builder;

static int grow(builder *b)
{
    size_t ncap = b->cap, bcap = b->cap;
    if (ARRAY_GROW(b->doc->nodes, ncap, b->doc->nnodes + 1) ||
        ARRAY_GROW(b->bodies, bcap, b->doc->nnodes + 1))
        return DUBAN_ENOMEM;
    memset(b->bodies + b->cap, 0, (bcap - b->cap) * sizeof *b->bodies); /* new strbufs empty */
    b->cap = bcap;
    return DUBAN_OK;
}

static int append_line(strbuf *sb, const char *s, size_t n)
{
    if (!n)
        return DUBAN_OK;
    if (sb->len && strbuf_appendc(sb, '\n'))
        return DUBAN_ENOMEM;
    return strbuf_appendn(sb, s, n);
}

/* A node from line l: title up to the first sentence end (an inline
 * entry's, a bullet's or a 一是 line's: clause end), the rest body. */
static int add_node(builder *b, const imp_line *l, int depth, int parent)
{
    if (grow(b))
        return DUBAN_ENOMEM;
    size_t idx = b->doc->nnodes, tn = l->len - l->mark.len, tlen, rest, rn = 0;
    const char *t = l->s + l->mark.len, *r = NULL;
    t = imp_trim(t, &tn);
    int split =
        (l->flags & IMP_F_INLINE) || l->mark.style == IMP_BULLET || l->mark.style == IMP_CN_SHI
            ? imp_clause_end(t, tn, &tlen, &rest)
            : imp_sentence_end(t, tn, &tlen, &rest);
    if (l->mark.style != IMP_HEADING && split) {
        const char *tt = imp_trim(t, &tlen);
        if (tlen) {
            r = t + rest;
            rn = tn - rest;
            t = tt;
            tn = tlen;
        }
    }
    doc_node *nd = &b->doc->nodes[idx];
    memset(nd, 0, sizeof *nd);
    if (!(nd->title = strndup(t, tn)))
        return DUBAN_ENOMEM;
    nd->parent = parent;
    nd->depth = depth;
    nd->line = l->no;
    b->doc->nnodes++;
    if (r)
        r = imp_trim(r, &rn);
    return r ? append_line(&b->bodies[idx], r, rn) : DUBAN_OK;
}

/* An area for items that have no heading above them. */
static int add_area_for(builder *b, const imp_line *l)
{
    imp_line a = {.s = "未归类", .len = strlen("未归类"), .no = l->no};
    int titled = 0;
    if (b->lead && b->lead->len) {
        /* the last clause of the lead, without the colon: 抓好三个方面的工作 */
        size_t n = b->lead->len, start = 0;
        const char *s = b->lead->s;
        if (n >= 3 && (!memcmp(s + n - 3, "：", 3) || !memcmp(s + n - 3, "。", 3)))
            n -= 3;
        else if (n && s[n - 1] == ':')
            n--;
        for (size_t i = 0; i + 3 <= n; i++)
            if (!memcmp(s + i, "，", 3) || !memcmp(s + i, "。", 3))
                start = i + 3;
        for (size_t i = 0; i < n; i++)
            if (s[i] == ',' && i + 1 > start)
                start = i + 1;
        if (n > start) {
            a.s = s + start;
            a.len = n - start;
            a.no = b->lead->no;
            titled = 1;
        }
    }
    if (!titled && plan_doc_warn(b->doc, l->no,
                                 "numbered items with no area heading above them: kept in an area "
                                 "of their own, 未归类") != DUBAN_OK) {
        return DUBAN_ENOMEM;
    }
    a.mark.style = IMP_HEADING;
    b->area = (int)b->doc->nnodes;
    b->item = -1;
    b->last_style = IMP_PLAIN;
    return add_node(b, &a, 1, -1);
}

/* A short plain line without sentence punctuation (not a date such as
 * 2025年1月6日 or 二〇二四年一月 under a signature). */
static int looks_like_heading(const imp_line *l)
{
    if (l->mark.style != IMP_PLAIN || l->flags || !imp_heading_shaped(l->s, l->len, 25) ||
        imp_chars(l->s, l->len) < 4)
        return 0;
    for (size_t p = 0; p + 3 <= l->len; p++)
        if (!memcmp(l->s + p, "年", 3) || !memcmp(l->s + p, "月", 3))
            return 0;
    return 1;
}

static int place_line(builder *b, const imp_line *l)
{
    int lv = l->mark.style == IMP_PLAIN ? 0 : b->level[l->mark.style];
    size_t n = b->doc->nnodes;
    if (b->skip)
        return DUBAN_OK;
    if (lv == 1) {
        b->area = (int)n;
        b->item = -1;
        b->last_style = IMP_PLAIN;
        return add_node(b, l, 1, -1);
    }
    if (lv == 2) {
        int restart = l->mark.value == 1 && b->last_style == l->mark.style && b->last_value >= 2 &&
                      l->mark.style != IMP_BULLET && l->mark.style != IMP_RUNIN;
        if ((b->area < 0 || restart) && add_area_for(b, l))
            return DUBAN_ENOMEM;
        b->lead = NULL;
        b->item = (int)b->doc->nnodes;
        b->last_style = l->mark.style;
        b->last_value = l->mark.value;
        b->inline_line = l->flags & IMP_F_INLINE ? l->no : 0;
        return add_node(b, l, 2, b->area);
    }
    if (lv == 3 && b->item >= 0)
        return add_node(b, l, 3, b->item);
    b->lead = l->flags & IMP_F_LEAD ? l : NULL;
    if (!n && !b->preamble_lines++)
        b->preamble_line = l->no;
    if (!n && !b->declared && !(l->flags & IMP_F_LEAD) &&
        imp_declared_count(l->s, l->len, &b->declared_value, &b->declared_at, &b->declared_len))
        b->declared = l;
    if (n && b->area >= 0 && looks_like_heading(l) &&
        plan_doc_warn(b->doc, l->no,
                      "\"%.*s\" looks like a heading but has no numbering: kept as body text",
                      (int)l->len, l->s))
        return DUBAN_ENOMEM;
    /* a paragraph after an inline list closes the area, not its last entry */
    if (n && b->item == (int)n - 1 && b->area >= 0 && (l->flags & IMP_F_LEAD) == 0 &&
        b->inline_line && b->inline_line != l->no)
        return append_line(&b->bodies[b->area], l->s, l->len);
    return append_line(n && b->area >= 0 ? &b->bodies[n - 1] : &b->preamble, l->s, l->len);
}

static int finish(builder *b, int rc)
{
    plan_doc *doc = b->doc;
    for (size_t i = 0; i < doc->nnodes && rc == DUBAN_OK; i++)
        if (!(doc->nodes[i].body = strbuf_take(&b->bodies[i])))
            rc = DUBAN_ENOMEM;
    if (rc == DUBAN_OK && !(doc->preamble = strbuf_take(&b->preamble)))
        rc = DUBAN_ENOMEM;
    for (size_t i = 0; i < b->cap; i++)
        strbuf_free(&b->bodies[i]);
    free(b->bodies);
    strbuf_free(&b->preamble);
    return rc;
}

/* A list of one inner style only (1. 一是 ① bullets): its entries are
 * items, so that each can carry a status. */
static void one_level_items(int level[IMP_NSTYLES])
{
    int count = 0, style = IMP_PLAIN;
    for (int st = 1; st < IMP_NSTYLES; st++)
        if (level[st]) {
            count++;
            style = st;
        }
    if (count == 1 && style != IMP_HEADING && style != IMP_CN_COMMA && style != IMP_CN_PAREN)
        level[style] = 2;
}

/* Sections and areas that are not work: their lines are dropped. */
static int place_all(builder *b, const imp_line *L, size_t m)
{
    int rc = DUBAN_OK;
    for (size_t i = 0; i < m && rc == DUBAN_OK; i++) {
        int st = L[i].mark.style;
        if (st != IMP_PLAIN && st == b->section_style) {
            rc = imp_section_skip(L, m, i, b->level, b->doc, &b->section_skip);
            b->area = b->item = -1;
            b->skip = b->section_skip;
            continue;
        }
        if (st != IMP_PLAIN && b->level[st] == 1 && !b->section_skip) {
            b->skip = imp_is_review_area(&L[i]);
            if (b->skip && plan_doc_warn(b->doc, L[i].no,
                                         "area \"%.*s\" reviews past work: not imported as work",
                                         (int)(L[i].len - L[i].mark.len), L[i].s + L[i].mark.len))
                return DUBAN_ENOMEM;
        }
        if (rc == DUBAN_OK)
            rc = place_line(b, &L[i]);
    }
    return rc;
}

int imp_build_tree(const imp_line *lines, size_t n, plan_doc *doc)
{
    builder b = {.doc = doc, .area = -1, .item = -1};
    imp_line *T, *L;
    size_t tn, m;
    imp_arena arena = {0};
    if (imp_expand_tables(lines, n, &T, &tn, &arena, doc)) {
        imp_arena_free(&arena);
        return DUBAN_ENOMEM;
    }
    int ex = imp_expand_inline(T, tn, &L, &m);
    free(T);
    if (ex) {
        imp_arena_free(&arena);
        return DUBAN_ENOMEM;
    }
    int rc = imp_assign_levels(L, m, b.level);
    one_level_items(b.level);
    imp_find_sections(L, m, b.level, &b.section_style);
    if (rc == DUBAN_OK)
        rc = place_all(&b, L, m);
    if (rc == DUBAN_OK && b.declared)
        rc = imp_check_counts(doc, b.declared_value, b.declared->no, b.declared->s, b.declared_at,
                              b.declared_len);
    else if (rc == DUBAN_OK)
        rc = imp_check_counts(doc, 0, 0, NULL, 0, 0);
    if (rc == DUBAN_OK && b.preamble_lines && doc->nnodes)
        rc = plan_doc_warn(doc, b.preamble_line,
                           "%d line%s before the first area kept as the preamble (not items)",
                           b.preamble_lines, b.preamble_lines > 1 ? "s" : "");
    free(L);
    rc = finish(&b, rc);
    imp_arena_free(&arena);
    return rc;
}
