/* import_counts.c - counts a plan declares: 重点抓好9个方面, 八个方面,
 * （6项）, 五大攻坚行动, 20件30个民生实事.
 *
 * A count in the text before the first area is the number of areas (N件
 * of 民生实事, or N件M个, the number of items); one in an area's title (or
 * the lead of an inline list that became its title) is the number of its
 * items.  A mismatch is a warning naming the
 * line, never an error: a copy taken from the web is often cut short.
 */
#include "import/import_priv.h"

#include "text/cnnum.h"
#include "text/utf8.h"

#include <string.h>

static size_t lit(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return k <= n && memcmp(s, w, k) == 0 ? k : 0;
}

/* Bytes up to the end of w when it starts within window bytes, else 0. */
static size_t has_within(const char *s, size_t n, size_t window, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n && i <= window; i++)
        if (!memcmp(s + i, w, k))
            return i + k;
    return 0;
}

int imp_declared_count(const char *s, size_t n, int *value, size_t *at, size_t *len)
{
    uint32_t cp, prev = 0;
    for (size_t i = 0, k; i < n; i += k, prev = cp) {
        if (!(k = utf8_decode(s + i, n - i, &cp)))
            return 0;
        int v;
        size_t c = cnnum_any(s + i, n - i, 3, &v), e = 0;
        if (!c || v < 2 || cnnum_is_numeral(prev) || prev == 0x7B2C /* 第 */)
            continue;
        const char *r = s + i + c;
        size_t rn = n - i - c;
        if ((e = lit(r, rn, "个方面")) || (e = lit(r, rn, "個方面")) || (e = lit(r, rn, "方面")))
            ;
        else if ((prev == '(' || prev == 0xFF08) &&
                 ((e = lit(r, rn, "项")) || (e = lit(r, rn, "項"))) &&
                 (lit(r + e, rn - e, ")") || lit(r + e, rn - e, "）")))
            ;
        else if ((e = lit(r, rn, "大"))) {
            size_t w = has_within(r + e, rn - e, 9, "行动");
            if (!w)
                w = has_within(r + e, rn - e, 9, "行動");
            if (!w)
                w = has_within(r + e, rn - e, 9, "工程");
            if (!w)
                continue;
            e += w;
        } else if ((e = lit(r, rn, "件"))) {
            int v2; /* 20件30个, 10件民生实事 */
            if (!cnnum_digits(r + e, rn - e, 3, &v2) && !has_within(r + e, rn - e, 6, "实事"))
                continue;
        } else {
            continue;
        }
        *value = v;
        *at = i;
        *len = c + e;
        return 1;
    }
    return 0;
}

static int warn_mismatch(plan_doc *doc, int line, const char *s, size_t at, size_t len, int want,
                         size_t found, const char *what)
{
    if ((size_t)want == found)
        return DUBAN_OK;
    return plan_doc_warn(doc, line,
                         "declares %.*s but %zu %s found (the copy may be cut short, or "
                         "numbered in another way)",
                         (int)len, s + at, found, what);
}

int imp_check_counts(plan_doc *doc, int pre_value, int pre_line, const char *pre_s, size_t pre_at,
                     size_t pre_len)
{
    size_t areas = 0;
    for (size_t i = 0; i < doc->nnodes; i++) {
        doc_node *a = &doc->nodes[i];
        if (a->depth != 1)
            continue;
        areas++;
        int v;
        size_t at, len, items = 0;
        if (!imp_declared_count(a->title, strlen(a->title), &v, &at, &len))
            continue;
        for (size_t j = i + 1; j < doc->nnodes && doc->nodes[j].depth > 1; j++)
            items += doc->nodes[j].depth == 2;
        if (warn_mismatch(doc, a->line, a->title, at, len, v, items, "items"))
            return DUBAN_ENOMEM;
    }
    if (!pre_value)
        return DUBAN_OK;
    /* 20件(30个) 民生实事 counts items, 九个方面 areas */
    if (pre_len >= 3 && !memcmp(pre_s + pre_at + pre_len - 3, "件", 3)) {
        size_t items = 0;
        for (size_t i = 0; i < doc->nnodes; i++)
            items += doc->nodes[i].depth == 2;
        return warn_mismatch(doc, pre_line, pre_s, pre_at, pre_len, pre_value, items, "items");
    }
    return warn_mismatch(doc, pre_line, pre_s, pre_at, pre_len, pre_value, areas, "areas");
}
