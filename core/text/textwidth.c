/* textwidth.c - display width, sanitising, truncation and wrapping (see
 * textwidth.h).  Widths come from our own Unicode tables (widthtable.c),
 * never from wcwidth() or the locale.
 */
#include "text/textwidth.h"

#include "base/error.h"
#include "text/utf8.h"
#include "text/widthtable.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

#define ELLIPSIS 0x2026u
#define SAN_MAX 12 /* longest sanitised form of one code point: "<U+10FFFF>" */

int text_ambiguous_width(const text_measure *m)
{
    return m && m->ambiguous == 2 ? 2 : 1;
}

int text_cp_width(uint32_t cp, const text_measure *m)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0;
    if (cp < 0x7F)
        return 1;
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        return 2; /* CJK Unified Ideographs, most of a plan: wide (all of the block) */
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = UTF8_REPLACEMENT; /* shown as U+FFFD */
    if (widthtable_zero(cp))
        return 0;
    if (widthtable_wide(cp))
        return 2;
    if (widthtable_ambiguous(cp))
        return text_ambiguous_width(m);
    return 1;
}

static int is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static size_t put_hex_form(uint32_t cp, char *out)
{
    static const char hex[] = "0123456789ABCDEF";
    int digits = cp > 0xFFFFF ? 6 : cp > 0xFFFF ? 5 : 4;
    size_t k = 0;
    out[k++] = '<';
    out[k++] = 'U';
    out[k++] = '+';
    for (int i = digits - 1; i >= 0; i--)
        out[k++] = hex[(cp >> (4 * i)) & 0xF];
    out[k++] = '>';
    return k;
}

/* One sanitising step: decodes the code point at s[0..n) (n > 0), writes
 * its terminal-safe form to out (SAN_MAX bytes), sets *outlen and *width
 * (display columns of that form) and returns the input bytes consumed. */
static size_t san_step(const char *s, size_t n, const text_measure *m, char *out, size_t *outlen,
                       int *width)
{
    uint32_t cp;
    size_t used = utf8_decode(s, n, &cp);
    if (cp == '\t' || cp == '\n' || cp == '\r') {
        out[0] = ' ';
        *outlen = 1;
    } else if (cp < 0x20 || cp == 0x7F) {
        out[0] = '^';
        out[1] = cp == 0x7F ? '?' : (char)(cp + 0x40);
        *outlen = 2;
    } else if ((cp >= 0x80 && cp < 0xA0) || is_bidi_control(cp)) {
        *outlen = put_hex_form(cp, out);
    } else {
        /* Re-encoding turns every malformed byte into EF BF BD. */
        *outlen = utf8_encode(cp, out);
        *width = text_cp_width(cp, m);
        return used;
    }
    *width = (int)*outlen; /* visible forms are printable ASCII */
    return used;
}

/* Is s[0..n) its own sanitised form (no control, C1 or bidi control
 * character, no malformed byte)?  The common case, copied as it is. */
int text_is_clean(const char *s, size_t n)
{
    for (size_t off = 0; off < n;) {
        unsigned char b = (unsigned char)s[off];
        if (b < 0x80) {
            if (b < 0x20 || b == 0x7F)
                return 0;
            off++;
            continue;
        }
        /* three bytes led by E3..EC, EE or EF (CJK, its punctuation) are
         * always well formed and never a control: no decoding */
        if (b >= 0xE3 && b != 0xED && off + 2 < n && ((unsigned char)s[off + 1] & 0xC0) == 0x80 &&
            ((unsigned char)s[off + 2] & 0xC0) == 0x80 && b <= 0xEF) {
            off += 3;
            continue;
        }
        uint32_t cp;
        size_t used = utf8_decode(s + off, n - off, &cp);
        if ((cp == UTF8_REPLACEMENT && used == 1) || cp < 0xA0 || is_bidi_control(cp))
            return 0;
        off += used;
    }
    return 1;
}

/* Sanitises s[0..n) into a new heap string. */
static char *sanitize_n(const char *s, size_t n)
{
    if (text_is_clean(s, n)) {
        char *copy = malloc(n + 1);
        if (copy) {
            memcpy(copy, s, n);
            copy[n] = '\0';
        }
        return copy;
    }
    char form[SAN_MAX];
    size_t total = 0, flen;
    int fw;
    for (size_t off = 0; off < n; total += flen)
        off += san_step(s + off, n - off, NULL, form, &flen, &fw);
    char *out = malloc(total + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t off = 0; off < n;) {
        off += san_step(s + off, n - off, NULL, out + k, &flen, &fw);
        k += flen;
    }
    out[k] = '\0';
    return out;
}

char *text_sanitize(const char *s)
{
    if (!s)
        s = "";
    return sanitize_n(s, strlen(s));
}

int text_width(const char *s, const text_measure *m)
{
    char form[SAN_MAX];
    size_t flen, n = 0; /* strlen(s), once the slow path needs it */
    int fw, total = 0;
    if (!s)
        return 0;
    for (size_t off = 0; s[off];) {
        unsigned char b = (unsigned char)s[off];
        if (b >= 0x20 && b < 0x7F) { /* printable ASCII: one column, no decoding */
            total++;
            off++;
            continue;
        }
        if (b >= 0xE4 && b <= 0xE9 && ((unsigned char)s[off + 1] & 0xC0) == 0x80 &&
            ((unsigned char)s[off + 2] & 0xC0) == 0x80 &&
            (b > 0xE4 || (unsigned char)s[off + 1] >= 0xB8)) {
            total += 2; /* U+4E00..U+9FFF, most of a plan: wide, no decoding */
            off += 3;
            continue;
        }
        if (!n)
            n = off + strlen(s + off);
        off += san_step(s + off, n - off, m, form, &flen, &fw);
        total += fw;
    }
    return total;
}

size_t text_prefix_bytes(const char *s, int w, const text_measure *m)
{
    char form[SAN_MAX];
    size_t flen, n = s ? strlen(s) : 0, off = 0;
    int fw, total = 0;
    while (off < n) {
        size_t used = san_step(s + off, n - off, m, form, &flen, &fw);
        if (total + fw > w)
            break;
        total += fw;
        off += used;
    }
    return off;
}

char *text_truncate(const char *s, int w, const text_measure *m)
{
    if (w <= 0)
        return strdup("");
    char *san = text_sanitize(s);
    if (!san || text_width(san, m) <= w)
        return san;
    int ew = text_cp_width(ELLIPSIS, m);
    if (ew > w) { /* no room even for the ellipsis: plain cut */
        san[text_prefix_bytes(san, w, m)] = '\0';
        return san;
    }
    size_t cut = text_prefix_bytes(san, w - ew, m);
    char *out = malloc(cut + 4);
    if (out) {
        memcpy(out, san, cut);
        utf8_encode(ELLIPSIS, out + cut);
        out[cut + 3] = '\0';
    }
    free(san);
    return out;
}

char *text_fit(const char *s, int w, const text_measure *m)
{
    char *t = text_truncate(s, w, m);
    if (!t || w <= 0)
        return t;
    int pad = w - text_width(t, m);
    if (pad <= 0)
        return t;
    size_t len = strlen(t);
    char *out = realloc(t, len + (size_t)pad + 1);
    if (!out) {
        free(t);
        return NULL;
    }
    memset(out + len, ' ', (size_t)pad);
    out[len + (size_t)pad] = '\0';
    return out;
}

/* ---- wrapping ---------------------------------------------------------- */

enum cluster_class { CL_SPACE, CL_BREAK, CL_WORD };

/* A base character with the zero-width characters that follow it. */
struct cluster {
    size_t off, len;
    int width;
    enum cluster_class cls;
    uint32_t cp; /* the base character */
};

struct linevec {
    char **v;
    size_t n, cap;
};

/* Characters that must not start a line (closing punctuation):
 * ，。、；：？！）」』》”’】〕〉〗］｝． and , . ; : ? ! ) ] } */
static int no_line_start(uint32_t cp)
{
    static const uint32_t set[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09,
                                   0x300D, 0x300F, 0x300B, 0x201D, 0x2019, 0x3011, 0x3015, 0x3009,
                                   0x3017, 0xFF3D, 0xFF5D, 0xFF0E, ',',    '.',    ';',    ':',
                                   '?',    '!',    ')',    ']',    '}'};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

/* Characters that must not end a line (opening punctuation):
 * （「『《“‘【〔〈〖［｛ and ( [ { */
static int no_line_end(uint32_t cp)
{
    static const uint32_t set[] = {0xFF08, 0x300C, 0x300E, 0x300A, 0x201C, 0x2018, 0x3010, 0x3014,
                                   0x3008, 0x3016, 0xFF3B, 0xFF5B, '(',    '[',    '{'};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

/* CJK-like characters allow a break on either side: wide characters and
 * the ambiguous punctuation and symbols of Chinese text (“ — … ① ○),
 * except ‘ ’, which double as the Latin apostrophe. */
static enum cluster_class classify(uint32_t cp)
{
    if (cp == ' ')
        return CL_SPACE;
    if (widthtable_wide(cp))
        return CL_BREAK;
    if (cp >= 0x2000 && cp != 0x2018 && cp != 0x2019 && widthtable_ambiguous(cp))
        return CL_BREAK;
    return CL_WORD;
}

/* Splits the sanitised s into clusters; *out is NULL when s is empty. */
static int make_clusters(const char *s, const text_measure *m, struct cluster **out, size_t *count)
{
    size_t n = strlen(s), k = 0;
    *out = NULL;
    *count = 0;
    if (n == 0)
        return DUBAN_OK;
    struct cluster *c = malloc(n * sizeof *c);
    if (!c)
        return DUBAN_ENOMEM;
    for (size_t off = 0; off < n;) {
        uint32_t cp;
        size_t len = utf8_decode(s + off, n - off, &cp);
        int w = text_cp_width(cp, m);
        if (w == 0 && k > 0) {
            c[k - 1].len += len;
        } else {
            c[k++] = (struct cluster){off, len, w, classify(cp), cp};
        }
        off += len;
    }
    *out = c;
    *count = k;
    return DUBAN_OK;
}

/* 1 if a line may end before cluster b (0 < b < n) and the next start at b
 * without breaking the line-start / line-end rules; spaces before b are
 * dropped at the break. */
static int kinsoku_ok(const struct cluster *c, size_t b)
{
    size_t j = b - 1;
    while (j > 0 && c[j].cls == CL_SPACE)
        j--;
    if (c[j].cls != CL_SPACE && no_line_end(c[j].cp))
        return 0;
    return !no_line_start(c[b].cp);
}

/* 1 if b (0 < b < n) is a line-break opportunity. */
static int can_break(const struct cluster *c, size_t b)
{
    const struct cluster *prev = &c[b - 1], *next = &c[b];
    if (next->cls == CL_SPACE || !kinsoku_ok(c, b))
        return 0;
    if (prev->cls == CL_SPACE)
        return 1;
    if (prev->cls != CL_BREAK && next->cls != CL_BREAK)
        return 0;
    /* Never split a "——" or "……" pair. */
    if (prev->cp == next->cp && (prev->cp == 0x2014 || prev->cp == 0x2015 || prev->cp == ELLIPSIS))
        return 0;
    return 1;
}

/* End (exclusive) of the line starting at cluster st: the last break
 * opportunity that fits in w (trailing spaces do not count); failing that
 * the longest fitting run that respects the punctuation rules; failing
 * that the longest fitting run.  Always > st, because w >= 2. */
static size_t pick_end(const struct cluster *c, size_t n, size_t st, int w)
{
    int acc = 0, acc_ns = 0;
    size_t best = 0, maxfit = st + 1;
    for (size_t i = st; i < n; i++) {
        acc += c[i].width;
        if (c[i].cls != CL_SPACE)
            acc_ns = acc;
        if (acc_ns > w)
            break;
        maxfit = i + 1;
        if (i + 1 == n || can_break(c, i + 1))
            best = i + 1;
    }
    if (best)
        return best;
    for (size_t b = maxfit; b > st + 1; b--)
        if (kinsoku_ok(c, b))
            return b;
    return maxfit;
}

static int push_line(struct linevec *lv, const char *s, size_t len)
{
    if (ARRAY_GROW(lv->v, lv->cap, lv->n + 1))
        return DUBAN_ENOMEM;
    char *line = strndup(s, len);
    if (!line)
        return DUBAN_ENOMEM;
    lv->v[lv->n++] = line;
    return DUBAN_OK;
}

/* Wraps one newline-free segment of raw input. */
static int wrap_segment(const char *raw, size_t rawlen, int w, const text_measure *m,
                        struct linevec *lv)
{
    char *san = sanitize_n(raw, rawlen);
    if (!san)
        return DUBAN_ENOMEM;
    struct cluster *c;
    size_t n, st = 0;
    int rc = make_clusters(san, m, &c, &n);
    if (rc == DUBAN_OK && n == 0)
        rc = push_line(lv, "", 0);
    while (rc == DUBAN_OK && st < n) {
        if (st > 0)
            while (st < n && c[st].cls == CL_SPACE)
                st++; /* drop leading spaces of continuation lines */
        if (st == n)
            break;
        size_t end = pick_end(c, n, st, w), last = end;
        while (last > st && c[last - 1].cls == CL_SPACE)
            last--; /* and trailing spaces */
        size_t from = c[st].off;
        size_t to = last > st ? c[last - 1].off + c[last - 1].len : from;
        rc = push_line(lv, san + from, to - from);
        st = end;
    }
    free(c);
    free(san);
    return rc;
}

int text_wrap(const char *s, int w, const text_measure *m, char ***lines, size_t *count)
{
    *lines = NULL;
    *count = 0;
    if (w < 2)
        return DUBAN_EINVAL;
    if (!s)
        s = "";
    struct linevec lv = {NULL, 0, 0};
    int rc = DUBAN_OK;
    for (const char *p = s;; p++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        rc = wrap_segment(p, len, w, m, &lv);
        if (rc != DUBAN_OK || !nl)
            break;
        p = nl;
    }
    if (rc != DUBAN_OK) {
        text_lines_free(lv.v, lv.n);
        return rc;
    }
    *lines = lv.v;
    *count = lv.n;
    return DUBAN_OK;
}

void text_lines_free(char **lines, size_t count)
{
    if (!lines)
        return;
    for (size_t i = 0; i < count; i++)
        free(lines[i]);
    free(lines);
}

int strbuf_append_padded(strbuf *sb, const char *s, int w, const text_measure *m)
{
    if (strbuf_append(sb, s))
        return DUBAN_ENOMEM;
    for (int pad = w - text_width(s ? s : "", m); pad > 0; pad--)
        if (strbuf_appendc(sb, ' '))
            return DUBAN_ENOMEM;
    return DUBAN_OK;
}
