/* import_tree.c - areas, items and sub-items from numbered and heading lines.
 *
 * Unnumbered headings are short plain lines (no sentence punctuation, at
 * most HEADING_MAX_CHARS characters) directly followed by a numbered line;
 * they count only when at least two of them are followed by the same
 * numbering style and that style is not used before the first of them.  The
 * styles in order of first use are levels 1..3; deeper ones are body text.
 */
#include "import/import_priv.h"

#include "base/strbuf.h"
#include "text/utf8.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

#define HEADING_MAX_CHARS 25

static int is_opening(uint32_t cp)
{
    return cp == '(' || cp == 0xFF08 || cp == 0x201C || cp == 0x2018 || cp == 0x300A ||
           cp == 0x300C || cp == 0x3010;
}

static int is_closing(uint32_t cp)
{
    return cp == ')' || cp == 0xFF09 || cp == 0x201D || cp == 0x2019 || cp == 0x300B ||
           cp == 0x300D || cp == 0x3011;
}

/* 。 ！ ？ ； ， ： and their ASCII forms (, ; : ! ?). */
static int is_stop(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0xFF0C ||
           cp == 0xFF1A || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?';
}

/* The first 。 ： or : outside brackets and quotes: the title is s[0..*tlen)
 * and the rest starts at *rest.  Returns 0 when there is none. */
static int sentence_end(const char *s, size_t n, size_t *tlen, size_t *rest)
{
    int depth = 0;
    uint32_t cp;
    for (size_t i = 0, k; i < n; i += k) {
        k = utf8_decode(s + i, n - i, &cp);
        if (is_opening(cp))
            depth++;
        else if (is_closing(cp) && depth > 0)
            depth--;
        else if (depth == 0 && (cp == 0x3002 || cp == 0xFF1A || cp == ':')) {
            *tlen = i;
            *rest = i + k;
            return 1;
        }
    }
    return 0;
}

static int title_only(const imp_line *l)
{
    size_t t, r;
    return l->mark.style != IMP_PLAIN &&
           !sentence_end(l->s + l->mark.len, l->len - l->mark.len, &t, &r);
}

static int heading_shaped(const imp_line *l)
{
    size_t chars = 0, k;
    uint32_t cp;
    for (size_t i = 0; i < l->len; i += k, chars++) {
        k = utf8_decode(l->s + i, l->len - i, &cp);
        if (is_stop(cp))
            return 0;
    }
    return chars > 0 && chars <= HEADING_MAX_CHARS;
}

/* A short plain line before a numbered one that does not take the body of
 * a title-only line before it (unless the numbering restarts at 1). */
static int heading_candidate(const imp_line *L, size_t n, size_t i)
{
    if (L[i].mark.style != IMP_PLAIN || i + 1 >= n || L[i + 1].mark.style == IMP_PLAIN)
        return 0;
    if (!heading_shaped(&L[i]))
        return 0;
    return !(i > 0 && title_only(&L[i - 1]) && L[i + 1].mark.value != 1);
}

static int mark_headings(imp_line *L, size_t n)
{
    unsigned char *cand = calloc(n ? n : 1, 1);
    if (!cand)
        return DUBAN_ENOMEM;
    size_t first = n, count = 0;
    int style = IMP_PLAIN, used_before = 0;
    for (size_t i = 0; i < n; i++) {
        if (!heading_candidate(L, n, i))
            continue;
        if (first == n) {
            first = i;
            style = L[i + 1].mark.style;
        }
        if (L[i + 1].mark.style == style) {
            cand[i] = 1;
            count++;
        }
    }
    for (size_t i = 0; i < first; i++)
        used_before |= L[i].mark.style == style;
    for (size_t i = 0; i < n && count >= 2 && !used_before; i++)
        if (cand[i]) {
            L[i].mark.style = IMP_HEADING;
            L[i].mark.len = 0;
        }
    free(cand);
    return DUBAN_OK;
}

typedef struct builder {
    plan_doc *doc;
    strbuf *bodies; /* parallel to doc->nodes */
    size_t cap;
    int level[IMP_NSTYLES];
    int area, item; /* current area and item, -1 for none */
    strbuf preamble;
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

/* A node from line l: title up to the first sentence end, the rest body. */
static int add_node(builder *b, const imp_line *l, int depth, int parent)
{
    if (grow(b))
        return DUBAN_ENOMEM;
    size_t idx = b->doc->nnodes, tn = l->len - l->mark.len, tlen, rest, rn = 0;
    const char *t = l->s + l->mark.len, *r = NULL;
    if (l->mark.style != IMP_HEADING && sentence_end(t, tn, &tlen, &rest)) {
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

static int place_line(builder *b, const imp_line *l)
{
    int lv = l->mark.style == IMP_PLAIN ? 0 : b->level[l->mark.style];
    size_t n = b->doc->nnodes;
    if (lv == 1) {
        b->area = (int)n;
        b->item = -1;
        return add_node(b, l, 1, -1);
    }
    if (lv == 2 && b->area >= 0) {
        b->item = (int)n;
        return add_node(b, l, 2, b->area);
    }
    if (lv == 3 && b->item >= 0)
        return add_node(b, l, 3, b->item);
    return append_line(n ? &b->bodies[n - 1] : &b->preamble, l->s, l->len);
}

static void assign_levels(const imp_line *L, size_t n, int level[IMP_NSTYLES])
{
    int next = 1;
    for (size_t i = 0; i < n; i++) {
        int st = L[i].mark.style;
        if (st != IMP_PLAIN && level[st] == 0)
            level[st] = next++;
    }
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

int imp_build_tree(imp_line *lines, size_t n, plan_doc *doc)
{
    builder b = {.doc = doc, .area = -1, .item = -1};
    int rc = mark_headings(lines, n);
    assign_levels(lines, n, b.level);
    for (size_t i = 0; i < n && rc == DUBAN_OK; i++)
        rc = place_line(&b, &lines[i]);
    return finish(&b, rc);
}
