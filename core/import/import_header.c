/* import_header.c - the optional "---" block of plan facts at the top. */
#include "import/import_priv.h"

#include <stdlib.h>
#include <string.h>

static int is_fence(const imp_line *l)
{
    return l->len == 3 && memcmp(l->s, "---", 3) == 0;
}

/* Splits "key: value" (ASCII or full-width colon) into trimmed parts. */
static int split_kv(const imp_line *l, const char **key, size_t *klen, const char **val,
                    size_t *vlen)
{
    const char *c = memchr(l->s, ':', l->len);
    const char *w = NULL;
    for (size_t i = 0; i + 3 <= l->len && !w; i++)
        if (memcmp(l->s + i, "：", 3) == 0)
            w = l->s + i;
    size_t clen = 1;
    if (!c || (w && w < c)) {
        c = w;
        clen = 3;
    }
    if (!c)
        return 0;
    *klen = (size_t)(c - l->s);
    *key = imp_trim(l->s, klen);
    *vlen = l->len - (size_t)(c + clen - l->s);
    *val = imp_trim(c + clen, vlen);
    return *klen > 0;
}

static int parse_year(const char *v, size_t n, int *year)
{
    if (n != 4)
        return 0;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (v[i] < '0' || v[i] > '9')
            return 0;
        y = y * 10 + (v[i] - '0');
    }
    *year = y;
    return y >= 1900;
}

/* "2021-07-01..2021-12-31" into h->start/end; a reason in why on error. */
static int parse_period(const char *v, size_t n, imp_header *h, duban_error *why)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 2 <= n && !dots; i++)
        if (v[i] == '.' && v[i + 1] == '.')
            dots = v + i;
    if (!dots)
        return duban_fail(why, DUBAN_EPARSE, "expected START..END");
    size_t an = (size_t)(dots - v), bn = n - an - 2;
    const char *a = imp_trim(v, &an), *b = imp_trim(dots + 2, &bn);
    if (an >= DATE_LEN || bn >= DATE_LEN)
        return duban_fail(why, DUBAN_EPARSE, "expected START..END as YYYY-MM-DD");
    char sa[DATE_LEN] = {0}, sb[DATE_LEN] = {0};
    memcpy(sa, a, an);
    memcpy(sb, b, bn);
    long da, db;
    if (date_parse(sa, &da, why) || date_parse(sb, &db, why))
        return DUBAN_EPARSE;
    if (da > db)
        return duban_fail(why, DUBAN_EPARSE, "the period ends before it starts");
    memcpy(h->start, sa, DATE_LEN);
    memcpy(h->end, sb, DATE_LEN);
    return DUBAN_OK;
}

static int set_text(char **dst, const char *v, size_t n)
{
    char *s = strndup(v, n);
    if (!s)
        return DUBAN_ENOMEM;
    free(*dst);
    *dst = s;
    return DUBAN_OK;
}

static int key_is(const char *k, size_t n, const char *want)
{
    return n == strlen(want) && memcmp(k, want, n) == 0;
}

/* One "key: value" line; unknown keys are ignored. */
static int header_line(const char *name, const imp_line *l, imp_header *h, duban_error *err)
{
    const char *k, *v;
    size_t kn, vn;
    duban_error why;
    if (!split_kv(l, &k, &kn, &v, &vn))
        return duban_fail(err, DUBAN_EPARSE, "%s:%d: malformed header line (expected key: value)",
                          name, l->no);
    int known = key_is(k, kn, "title") || key_is(k, kn, "year") || key_is(k, kn, "period") ||
                key_is(k, kn, "source");
    if (known && vn == 0)
        return duban_fail(err, DUBAN_EPARSE, "%s:%d: empty value for '%.*s'", name, l->no, (int)kn,
                          k);
    if (key_is(k, kn, "title"))
        return set_text(&h->title, v, vn);
    if (key_is(k, kn, "source"))
        return set_text(&h->source, v, vn);
    if (key_is(k, kn, "year") && !parse_year(v, vn, &h->year))
        return duban_fail(err, DUBAN_EPARSE, "%s:%d: invalid year '%.*s' (expected e.g. 2021)",
                          name, l->no, (int)vn, v);
    if (key_is(k, kn, "period") && parse_period(v, vn, h, &why))
        return duban_fail(err, DUBAN_EPARSE, "%s:%d: invalid period '%.*s': %s", name, l->no,
                          (int)vn, v, why.msg);
    return DUBAN_OK;
}

int imp_header_parse(const char *name, const imp_line *lines, size_t n, size_t *used, imp_header *h,
                     duban_error *err)
{
    memset(h, 0, sizeof *h);
    *used = 0;
    if (n == 0 || !is_fence(&lines[0]))
        return DUBAN_OK;
    size_t end = 1;
    while (end < n && !is_fence(&lines[end]))
        end++;
    if (end == n)
        return duban_fail(err, DUBAN_EPARSE, "%s:%d: header is not closed by a '---' line", name,
                          lines[0].no);
    h->present = 1;
    for (size_t i = 1; i < end; i++) {
        if (lines[i].len == 0 || lines[i].s[0] == '#')
            continue;
        int rc = header_line(name, &lines[i], h, err);
        if (rc) {
            imp_header_free(h);
            return rc == DUBAN_ENOMEM ? duban_fail(err, rc, "out of memory") : rc;
        }
    }
    *used = end + 1;
    return DUBAN_OK;
}

void imp_header_free(imp_header *h)
{
    free(h->title);
    free(h->source);
    h->title = h->source = NULL;
}
