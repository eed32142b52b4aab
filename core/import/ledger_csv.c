/* ledger_csv.c - a ledger saved as CSV (UTF-8, RFC 4180) read into a
 * grid (see ledger_priv.h). */
#include "import/ledger_priv.h"

#include "base/strbuf.h"
#include "text/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_all(const char *path, char **text, size_t *len, duban_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return duban_fail(err, duban_file_status(errno), "%s: %s", path, strerror(errno));
    strbuf sb = {0};
    char buf[65536];
    size_t n;
    int rc = DUBAN_OK;
    while (!rc && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (sb.len + n > LEDGER_MAX_BYTES)
            rc = duban_fail(err, DUBAN_EPARSE, "%s: larger than %u MiB", path,
                            LEDGER_MAX_BYTES >> 20);
        else if (strbuf_appendn(&sb, buf, n))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc && ferror(f))
        rc = duban_fail(err, DUBAN_EIO, "%s: cannot read", path);
    fclose(f);
    if (rc) {
        strbuf_free(&sb);
        return rc;
    }
    *len = sb.len;
    *text = strbuf_take(&sb);
    return *text ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

static int line_at(const char *text, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n');
    return line;
}

static int check_bytes(const char *path, const char *text, size_t len, duban_error *err)
{
    size_t bad;
    const char *nul = memchr(text, '\0', len);
    if (nul)
        return duban_fail(err, DUBAN_EPARSE, "%s:%d: NUL byte: not a CSV file", path,
                          line_at(text, (size_t)(nul - text)));
    if (!utf8_valid(text, len, &bad))
        return duban_fail(err, DUBAN_EPARSE,
                          "%s:%d: not UTF-8 (byte 0x%02X; save it as \"CSV UTF-8\")", path,
                          line_at(text, bad), (unsigned char)text[bad]);
    return DUBAN_OK;
}

/* One field at *p; its text (unquoted) into sb.  Returns 1 when the field
 * ended its record (or the input), else 0 (a comma follows). */
static int field(const char **p, const char *end, strbuf *sb, int *rc)
{
    const char *s = *p;
    if (s < end && *s == '"') {
        for (s++; s < end; s++) {
            if (*s == '"' && s + 1 < end && s[1] == '"')
                *rc |= strbuf_appendc(sb, *s++);
            else if (*s == '"')
                break;
            else
                *rc |= strbuf_appendc(sb, *s);
        }
        s += s < end; /* the closing quote */
    }
    while (s < end && *s != ',' && *s != '\n' && *s != '\r')
        *rc |= strbuf_appendc(sb, *s++); /* text after a closing quote is kept */
    int last = s >= end || *s != ',';
    if (s < end && *s == '\r' && s + 1 < end && s[1] == '\n')
        s++;
    *p = s < end ? s + 1 : s;
    return last;
}

/* A leading ' that `duban` (or another careful writer) put before = + - @
 * to keep a formula-like cell text is taken off again. */
static const char *unguard(const char *s, size_t *len)
{
    if (*len >= 2 && s[0] == '\'' && strchr("=+-@\t\r", s[1])) {
        (*len)--;
        return s + 1;
    }
    return s;
}

int lg_read_csv(const char *path, lg_grid *g, duban_error *err)
{
    char *text;
    size_t len;
    int rc = read_all(path, &text, &len, err);
    if (rc)
        return rc;
    rc = check_bytes(path, text, len, err);
    const char *p = text, *end = text + len;
    if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    int line = 1;
    for (size_t row = 0; !rc && p < end; row++) {
        int first_line = line;
        for (size_t col = 0; !rc; col++) {
            strbuf sb = {0};
            const char *start = p;
            int bad = strbuf_append(&sb, "");
            int last = field(&p, end, &sb, &bad);
            for (const char *q = start; q < p; q++)
                line += *q == '\n' || (*q == '\r' && (q + 1 >= p || q[1] != '\n'));
            size_t n = sb.len;
            const char *s = unguard(strbuf_str(&sb), &n);
            rc = bad ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                     : lg_set(g, row, col, s, n, err);
            strbuf_free(&sb);
            if (last)
                break;
        }
        if (!rc)
            g->lines[row] = first_line;
    }
    if (!rc && !g->nrows)
        rc = duban_fail(err, DUBAN_EPARSE, "%s:1: empty file", path);
    free(text);
    return rc;
}
