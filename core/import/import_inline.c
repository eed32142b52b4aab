/* import_inline.c - 一是……二是…… lists written inside one paragraph.
 *
 * "今年将重点抓好三个方面的工作：一是扩大有效投资；二是……；三是……。" and
 * "（一）稳工业。一是稳住基本盘。要……二是……" hold their entries inline.  Each
 * ordinal X是 that starts a clause (at the start of the text or after
 * 。；;，,：:！!？? or a space) and continues the count 一, 二, 三 … is cut
 * out as a line of its own marked 一是-style (IMP_F_INLINE), so the tree
 * builder treats it like an entry written on its own line.  The text
 * before the first ordinal stays as the line (IMP_F_LEAD when it has no
 * numbering mark of its own).  Two ordinals at least; one alone is text,
 * unless the next line starts with 二是 ("……如下：一是……。" / "二是……").
 */
#include "import/import_priv.h"

#include "text/cnnum.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

#define MAX_INLINE 128

static int is_sep(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF1B || cp == ';' || cp == 0xFF0C || cp == ',' || cp == 0xFF1A ||
           cp == ':' || cp == 0xFF01 || cp == '!' || cp == 0xFF1F || cp == '?' || cp == ' ' ||
           cp == 0x3000;
}

/* Byte offsets of the ordinals 一是, 二是, … in s[from..n); returns how
 * many (0 or 1 mean no list).  len[k] is the bytes of the k-th mark. */
static size_t find_ordinals(const char *s, size_t n, size_t from, size_t *pos, size_t *len)
{
    size_t count = 0, k;
    uint32_t cp, prev = ' ';
    for (size_t i = from; i < n && count < MAX_INLINE; i += k, prev = cp) {
        k = utf8_decode(s + i, n - i, &cp);
        if (!k)
            break;
        int v;
        size_t c;
        if ((i != from && !is_sep(prev)) || !(c = cnnum_chinese(s + i, n - i, &v)) ||
            v != (int)count + 1 || n - i - c < 3 || memcmp(s + i + c, "是", 3) != 0)
            continue;
        pos[count] = i;
        len[count++] = c + 3;
    }
    return count;
}

/* Trims white space and a trailing ；;，,、 from s[0..*n). */
static const char *trim_entry(const char *s, size_t *n)
{
    s = imp_trim(s, n);
    for (;;) {
        size_t k = utf8_prev(s, *n);
        uint32_t cp;
        if (!k || !utf8_decode(s + *n - k, k, &cp) ||
            !(cp == 0xFF1B || cp == ';' || cp == 0xFF0C || cp == ',' || cp == 0x3001))
            return s;
        *n -= k;
        s = imp_trim(s, n);
    }
}

static int push(imp_line **out, size_t *m, size_t *cap, const imp_line *l)
{
    if (*m == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        imp_line *g = realloc(*out, nc * sizeof *g);
        if (!g)
            return DUBAN_ENOMEM;
        *out = g;
        *cap = nc;
    }
    (*out)[(*m)++] = *l;
    return DUBAN_OK;
}

/* Appends line l, cut at its inline ordinals when it has two or more, or
 * one (一是, after a lead) when the next line starts with 二是. */
static int expand(const imp_line *l, const imp_line *next, imp_line **out, size_t *m, size_t *cap)
{
    size_t pos[MAX_INLINE], len[MAX_INLINE];
    size_t from = l->mark.style == IMP_CN_SHI && l->mark.value == 1 ? 0 : l->mark.len;
    size_t k = find_ordinals(l->s, l->len, from, pos, len);
    int continued =
        k == 1 && pos[0] > from && next && next->mark.style == IMP_CN_SHI && next->mark.value == 2;
    if (k < 2 && !continued)
        return push(out, m, cap, l);
    imp_line head = *l;
    head.len = pos[0];
    const char *hs = trim_entry(head.s, &head.len);
    int rc = DUBAN_OK;
    if (head.len > l->mark.len && hs == head.s) {
        if (head.mark.style == IMP_PLAIN)
            head.flags |= IMP_F_LEAD;
        rc = push(out, m, cap, &head);
    }
    for (size_t i = 0; i < k && rc == DUBAN_OK; i++) {
        imp_line e = *l;
        e.s = l->s + pos[i];
        e.len = (i + 1 < k ? pos[i + 1] : l->len) - pos[i];
        trim_entry(e.s, &e.len);
        e.mark.style = IMP_CN_SHI;
        e.mark.value = (int)i + 1;
        e.mark.len = len[i];
        e.flags = IMP_F_INLINE;
        if (e.len > e.mark.len)
            rc = push(out, m, cap, &e);
    }
    return rc;
}

int imp_expand_inline(const imp_line *in, size_t n, imp_line **out, size_t *m)
{
    size_t cap = 0;
    *out = NULL;
    *m = 0;
    for (size_t i = 0; i < n; i++)
        if (expand(&in[i], i + 1 < n ? &in[i + 1] : NULL, out, m, &cap)) {
            free(*out);
            *out = NULL;
            return DUBAN_ENOMEM;
        }
    return DUBAN_OK;
}
