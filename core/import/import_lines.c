/* import_lines.c - lines of a plan and the numbering marks that start them. */
#include "import/import_priv.h"

#include "text/cnnum.h"
#include "text/utf8.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

static size_t lit(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return k <= n && memcmp(s, w, k) == 0 ? k : 0;
}

/* Bytes of white space at s: ASCII, U+3000 ideographic space, U+00A0. */
static size_t space_at(const char *s, size_t n)
{
    if (n && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\v' || s[0] == '\f'))
        return 1;
    size_t k = lit(s, n, "\u3000");
    return k ? k : lit(s, n, "\u00a0");
}

const char *imp_trim(const char *s, size_t *n)
{
    size_t k;
    while (*n && (k = space_at(s, *n)) != 0) {
        s += k;
        *n -= k;
    }
    while (*n) {
        size_t pk = utf8_prev(s, *n);
        if (!pk || space_at(s + *n - pk, pk) != pk)
            break;
        *n -= pk;
    }
    return s;
}

int imp_split_lines(const char *text, size_t len, imp_line **lines, size_t *n)
{
    size_t cap = 0, count = 0, pos = lit(text, len, "\xEF\xBB\xBF");
    imp_line *out = NULL;
    for (int no = 1; pos < len || (pos == len && count == 0); no++) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (ARRAY_GROW(out, cap, count + 1)) {
            free(out);
            return DUBAN_ENOMEM;
        }
        imp_line *l = &out[count++];
        memset(l, 0, sizeof *l);
        l->len = end - pos;
        l->s = imp_trim(text + pos, &l->len);
        l->no = no;
        pos = end + 1;
    }
    *lines = out;
    *n = count;
    return DUBAN_OK;
}

static size_t open_paren(const char *s, size_t n)
{
    size_t k = lit(s, n, "(");
    return k ? k : lit(s, n, "（");
}

static size_t close_paren(const char *s, size_t n)
{
    size_t k = lit(s, n, ")");
    return k ? k : lit(s, n, "）");
}

/* (1) （一） (一） and the like. */
static int paren_mark(const char *s, size_t n, imp_mark *m)
{
    size_t p = open_paren(s, n), k, c;
    if (!p)
        return 0;
    if ((k = cnnum_digits(s + p, n - p, 2, &m->value)) != 0)
        m->style = IMP_ARABIC_PAREN;
    else if ((k = cnnum_chinese(s + p, n - p, &m->value)) != 0)
        m->style = IMP_CN_PAREN;
    else
        return 0;
    if (!(c = close_paren(s + p + k, n - p - k)))
        return 0;
    m->len = p + k + c;
    return 1;
}

/* 1. 1、 1． 1000、 but not 1.5 */
static int arabic_mark(const char *s, size_t n, imp_mark *m)
{
    size_t k = cnnum_digits(s, n, 4, &m->value), e;
    if (!k)
        return 0;
    if ((e = lit(s + k, n - k, ".")) != 0) {
        int d;
        if (cnnum_digits(s + k + e, n - k - e, 9, &d))
            return 0;
    } else if (!(e = lit(s + k, n - k, "、")) && !(e = lit(s + k, n - k, "．"))) {
        return 0;
    }
    m->style = IMP_ARABIC;
    m->len = k + e;
    return 1;
}

/* 一、 一． 一. 一是 */
static int chinese_mark(const char *s, size_t n, imp_mark *m)
{
    size_t k = cnnum_chinese(s, n, &m->value), e;
    if (!k)
        return 0;
    if ((e = lit(s + k, n - k, "、")) || (e = lit(s + k, n - k, "．")) ||
        (e = lit(s + k, n - k, ".")))
        m->style = IMP_CN_COMMA;
    else if ((e = lit(s + k, n - k, "是")) != 0)
        m->style = IMP_CN_SHI;
    else
        return 0;
    m->len = k + e;
    return 1;
}

/* ① .. ⑳ */
static int circled_mark(const char *s, size_t n, imp_mark *m)
{
    uint32_t cp;
    size_t k = utf8_decode(s, n, &cp);
    if (!k || cp < 0x2460 || cp > 0x2473)
        return 0;
    m->style = IMP_CIRCLED;
    m->value = (int)(cp - 0x245F);
    m->len = k;
    return 1;
}

/* A bullet glyph, or "-" "*" "?" followed by white space (a "?" is what
 * a lost glyph becomes in some conversions; "-5%" is not a bullet). */
static int bullet_mark(const char *s, size_t n, imp_mark *m)
{
    static const uint32_t glyphs[] = {0x2022, 0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x25AA, 0x25C6,
                                      0x25C7, 0x2605, 0x2606, 0x00B7, 0x30FB, 0xFF65, 0x2023};
    uint32_t cp;
    size_t k = utf8_decode(s, n, &cp);
    if (!k)
        return 0;
    int ok = 0;
    for (size_t i = 0; i < sizeof glyphs / sizeof glyphs[0] && !ok; i++)
        ok = cp == glyphs[i];
    if (!ok && (cp == '-' || cp == '*' || cp == '?' || cp == 0xFF1F))
        ok = k < n && space_at(s + k, n - k);
    if (!ok)
        return 0;
    m->style = IMP_BULLET;
    m->value = 1;
    m->len = k;
    return 1;
}

void imp_number(const char *s, size_t n, imp_mark *m)
{
    memset(m, 0, sizeof *m);
    if (!paren_mark(s, n, m) && !arabic_mark(s, n, m) && !chinese_mark(s, n, m) &&
        !circled_mark(s, n, m) && !bullet_mark(s, n, m)) {
        memset(m, 0, sizeof *m);
        return;
    }
    size_t k;
    while (m->len < n && (k = space_at(s + m->len, n - m->len)) != 0)
        m->len += k;
    if (m->value < 1 || m->len >= n)
        memset(m, 0, sizeof *m);
}
