#include "text/table_writer.h"

#include "base/error.h"
#include "text/textwidth.h"
#include "text/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int table_writer_init(table_writer *tw, const table_column *cols, size_t ncols,
                      enum table_format fmt, const text_measure *m, strbuf *out,
                      table_flush_fn flush, void *arg)
{
    memset(tw, 0, sizeof *tw);
    tw->cols = cols;
    tw->ncols = ncols;
    tw->fmt = fmt;
    tw->m = m;
    tw->out = out;
    tw->flush = flush;
    tw->arg = arg;
    size_t n = ncols ? ncols : 1;
    tw->w = calloc(n, sizeof *tw->w);
    tw->cell = calloc(n, sizeof *tw->cell);
    tw->len = calloc(n, sizeof *tw->len);
    tw->pad = calloc(n, sizeof *tw->pad);
    tw->copy = calloc(n, sizeof *tw->copy);
    if (!tw->w || !tw->cell || !tw->len || !tw->pad || !tw->copy)
        return DUBAN_ENOMEM;
    for (size_t c = 0; c < ncols; c++) {
        tw->w[c] = text_width(cols[c].header, m);
        if (fmt == FORMAT_MD && tw->w[c] < 3)
            tw->w[c] = 3;
    }
    return DUBAN_OK;
}

void table_writer_free(table_writer *tw)
{
    for (size_t c = 0; tw->copy && c < tw->ncols; c++)
        strbuf_free(&tw->copy[c]);
    free(tw->copy);
    free(tw->pad);
    free(tw->len);
    free(tw->cell);
    free(tw->w);
    strbuf_free(&tw->kept);
    memset(tw, 0, sizeof *tw);
}

int table_writer_measures(const table_writer *tw)
{
    return tw->fmt == FORMAT_TEXT || tw->fmt == FORMAT_MD;
}

/* s with the Markdown escapes: & < > as entities, and (in_cell) '|' as
 * "\|", which would end a table cell; runs of other bytes copied at once. */
static int md_escape(strbuf *out, const char *s, int in_cell)
{
    const char *special = in_cell ? "&<>|" : "&<>";
    int rc = 0;
    for (;;) {
        size_t plain = strcspn(s, special);
        rc |= strbuf_appendn(out, s, plain);
        s += plain;
        if (!*s)
            return rc ? DUBAN_ENOMEM : DUBAN_OK;
        char c = *s++;
        rc |= strbuf_append(out, c == '&'   ? "&amp;"
                                 : c == '<' ? "&lt;"
                                 : c == '>' ? "&gt;"
                                            : "\\|");
    }
}

int md_append_text(strbuf *out, const char *s)
{
    return md_escape(out, s, 0);
}

/* Cell c of a row as the format shows it, in tw->cell[c] and tw->len[c]:
 * sanitised (most cells are clean: no copy), and for Markdown escaped. */
static int prepare_cell(table_writer *tw, size_t c, const char *s)
{
    size_t n = strlen(s);
    int clean = tw->sanitised || text_is_clean(s, n), md = tw->fmt == FORMAT_MD;
    if (clean && !(md && s[strcspn(s, "&<>|")])) {
        tw->cell[c] = s;
        tw->len[c] = n;
        return DUBAN_OK;
    }
    char *sanitised = clean ? NULL : text_sanitize(s);
    if (!clean && !sanitised)
        return DUBAN_ENOMEM;
    const char *text = sanitised ? sanitised : s;
    strbuf *copy = &tw->copy[c];
    strbuf_reset(copy);
    int rc = md ? md_escape(copy, text, 1) : strbuf_append(copy, text);
    free(sanitised);
    if (rc)
        return DUBAN_ENOMEM;
    tw->cell[c] = strbuf_str(copy);
    tw->len[c] = copy->len;
    return DUBAN_OK;
}

static int prepare_row(table_writer *tw, const char *const *cells)
{
    for (size_t c = 0; c < tw->ncols; c++)
        if (prepare_cell(tw, c, cells[c] ? cells[c] : ""))
            return DUBAN_ENOMEM;
    return DUBAN_OK;
}

/* Does column c take padding?  The last text column of a text table is
 * not padded: its width is never used. */
static int padded(const table_writer *tw, size_t c)
{
    return c + 1 < tw->ncols || tw->fmt == FORMAT_MD || tw->cols[c].numeric;
}

/* A kept cell: its byte length and width (-1: not measured), then its
 * bytes and a NUL. */
typedef struct kept_cell {
    uint32_t len;
    int32_t width;
} kept_cell;

/* The prepared cell c, of width x, appended to the kept rows; past
 * keep_max (or out of memory) they are let go.  The whole allowance is
 * asked for with the first cell: a block that large is mapped, its pages
 * taken only as rows fill them, and the rows never move (grown by
 * doubling, 100,000 rows were copied 18 times, each copy faulting fresh
 * pages in: a third of `duban list`).  Refused, it grows as it goes. */
static void keep_cell(table_writer *tw, size_t c, int x)
{
    if (!tw->kept.s)
        (void)strbuf_reserve(&tw->kept, tw->keep_max);
    kept_cell k = {(uint32_t)tw->len[c], x};
    if (tw->len[c] + sizeof k + 1 > tw->keep_max - tw->kept.len ||
        strbuf_appendn(&tw->kept, (const char *)&k, sizeof k) ||
        strbuf_appendn(&tw->kept, tw->cell[c], tw->len[c]) || strbuf_appendc(&tw->kept, '\0')) {
        strbuf_free(&tw->kept);
        tw->keep_failed = 1;
    }
}

int table_writer_measure(table_writer *tw, const char *const *cells)
{
    int keep = table_writer_kept(tw);
    for (size_t c = 0; c < tw->ncols; c++) {
        int measured = padded(tw, c);
        if (!measured && !keep) /* a listing's title: neither checked nor measured */
            continue;
        if (prepare_cell(tw, c, cells[c] ? cells[c] : ""))
            return DUBAN_ENOMEM;
        int x = measured ? text_width(tw->cell[c], tw->m) : -1;
        if (x > tw->w[c])
            tw->w[c] = x;
        if (keep && !tw->keep_failed)
            keep_cell(tw, c, x);
    }
    return DUBAN_OK;
}

void table_writer_keep(table_writer *tw, size_t max_bytes)
{
    tw->keep_max = max_bytes < UINT32_MAX ? max_bytes : UINT32_MAX; /* a kept_cell's len */
}

int table_writer_kept(const table_writer *tw)
{
    return tw->keep_max && !tw->keep_failed && table_writer_measures(tw);
}

int table_flush_full(strbuf *out, table_flush_fn flush, void *arg)
{
    if (!flush || out->len < TABLE_FLUSH_AT)
        return DUBAN_OK;
    if (flush(arg, out))
        return DUBAN_EIO;
    strbuf_reset(out);
    return DUBAN_OK;
}

/* DUBAN_EIO when the flush failed. */
static int spill(table_writer *tw)
{
    return table_flush_full(tw->out, tw->flush, tw->arg);
}

static int append_spaces(strbuf *out, int n)
{
    static const char spaces[] = "                                ";
    int rc = 0;
    for (; n > 0; n -= (int)sizeof spaces - 1)
        rc |=
            strbuf_appendn(out, spaces, n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1);
    return rc;
}

/* The header row, or Markdown's separator row of dashes under it. */
static int put_head_row(const table_writer *tw, int dashes)
{
    strbuf *out = tw->out;
    int markdown = tw->fmt == FORMAT_MD;
    int rc = strbuf_append(out, markdown ? "| " : "");
    for (size_t c = 0; c < tw->ncols; c++) {
        int last = c + 1 == tw->ncols;
        const char *s = tw->cols[c].header;
        if (dashes) {
            for (int i = 0; i < tw->w[c]; i++)
                rc |= strbuf_appendc(out, '-');
        } else if (tw->cols[c].numeric) { /* right-aligned as "%*s" would (by bytes) */
            rc |= append_spaces(out, tw->w[c] - (int)strlen(s)) | strbuf_append(out, s);
        } else {
            rc |= strbuf_append_padded(out, s, padded(tw, c) ? tw->w[c] : 0, tw->m);
        }
        rc |= strbuf_append(out, last ? (markdown ? " |" : "") : (markdown ? " | " : "  "));
    }
    return rc | strbuf_appendc(out, '\n');
}

/* Text and Markdown: the row in tw->cell, written with one reservation.
 * Numeric cells are right-aligned by bytes as "%*s" would. */
static int put_text_row(table_writer *tw)
{
    int markdown = tw->fmt == FORMAT_MD;
    const char *open = markdown ? "| " : "", *sep = markdown ? " | " : "  ";
    const char *close = markdown ? " |" : "";
    size_t lo = strlen(open), ls = strlen(sep), lc = strlen(close), need = lo + lc + 1;
    for (size_t c = 0; c < tw->ncols; c++) {
        int pad = !padded(tw, c)                   ? 0
                  : tw->cols[c].numeric            ? tw->w[c] - (int)tw->len[c]
                  : tw->known && tw->known[c] >= 0 ? tw->w[c] - tw->known[c]
                                                   : tw->w[c] - text_width(tw->cell[c], tw->m);
        tw->pad[c] = pad > 0 ? (size_t)pad : 0;
        need += tw->len[c] + tw->pad[c] + (c + 1 < tw->ncols ? ls : 0);
    }
    char *o = strbuf_extend(tw->out, need);
    if (!o)
        return DUBAN_ENOMEM;
    o = (char *)memcpy(o, open, lo) + lo;
    for (size_t c = 0; c < tw->ncols; c++) {
        size_t n = tw->len[c], pad = tw->pad[c];
        int numeric = tw->cols[c].numeric;
        if (numeric)
            o = (char *)memset(o, ' ', pad) + pad;
        o = (char *)memcpy(o, tw->cell[c], n) + n;
        if (!numeric)
            o = (char *)memset(o, ' ', pad) + pad;
        if (c + 1 < tw->ncols)
            o = (char *)memcpy(o, sep, ls) + ls;
    }
    memcpy(o, close, lc);
    o[lc] = '\n';
    return DUBAN_OK;
}

/* A plain number ("-3", "+1.5") is data to a spreadsheet, not a formula. */
static int csv_plain_number(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (!(*s >= '0' && *s <= '9'))
        return 0;
    while (*s >= '0' && *s <= '9')
        s++;
    if (*s == '.') {
        s++;
        if (!(*s >= '0' && *s <= '9'))
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

/* A cell Excel, WPS or LibreOffice would run as a formula (leading = + - @,
 * tab or CR) gets a leading ' so that it stays text (CSV injection). */
static int csv_formula_like(const char *s)
{
    return strchr("=+-@\t\r", *s) && *s && !csv_plain_number(s);
}

/* s (n bytes) as one CSV field: quoted when it holds , " CR or LF. */
static int csv_cell(strbuf *out, const char *s, size_t n)
{
    const char *lead = csv_formula_like(s) ? "'" : "";
    if (!strpbrk(s, ",\"\r\n")) {
        char *p = strbuf_extend(out, n + (*lead != '\0'));
        if (!p)
            return DUBAN_ENOMEM;
        if (*lead)
            *p++ = *lead;
        memcpy(p, s, n);
        return DUBAN_OK;
    }
    int rc = strbuf_appendc(out, '"') | strbuf_append(out, lead);
    for (; *s; s++)
        rc |= *s == '"' ? strbuf_append(out, "\"\"") : strbuf_appendc(out, *s);
    return rc | strbuf_appendc(out, '"');
}

/* Code points written as \uXXXX although JSON would allow them raw: C1
 * controls, the bidi embeddings, overrides and isolates (they reorder
 * what a terminal or browser shows) and the line and paragraph
 * separators (they end a JavaScript string). */
static int json_must_escape(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

int json_append_string(strbuf *out, const char *s)
{
    int rc = strbuf_appendc(out, '"');
    size_t n = strlen(s);
    for (size_t off = 0; off < n;) {
        uint32_t cp;
        size_t used = utf8_decode(s + off, n - off, &cp);
        char enc[4];
        if (cp == '"' || cp == '\\')
            rc |= strbuf_printf(out, "\\%c", (char)cp);
        else if (cp == '\n')
            rc |= strbuf_append(out, "\\n");
        else if (json_must_escape(cp))
            rc |= strbuf_printf(out, "\\u%04x", (unsigned)cp);
        else /* re-encoding turns a malformed byte into U+FFFD */
            rc |= strbuf_appendn(out, enc, utf8_encode(cp, enc));
        off += used;
    }
    return rc | strbuf_appendc(out, '"');
}

static int put_csv_row(table_writer *tw, int header)
{
    int rc = 0;
    for (size_t c = 0; c < tw->ncols; c++) {
        if (c)
            rc |= strbuf_appendc(tw->out, ',');
        const char *s = header ? tw->cols[c].key : tw->cell[c];
        rc |= csv_cell(tw->out, s, header ? strlen(s) : tw->len[c]);
    }
    return rc | strbuf_appendn(tw->out, "\r\n", 2) ? DUBAN_ENOMEM : DUBAN_OK;
}

static int put_json_row(table_writer *tw)
{
    strbuf *out = tw->out;
    int rc = strbuf_append(out, tw->rows ? ",\n {" : "\n {");
    for (size_t c = 0; c < tw->ncols; c++) {
        const char *s = tw->cell[c];
        rc |= strbuf_append(out, c ? ", " : "");
        rc |= json_append_string(out, tw->cols[c].key);
        rc |= strbuf_append(out, ": ");
        if (tw->cols[c].numeric && *s)
            rc |= strbuf_append(out, s);
        else if (tw->cols[c].numeric)
            rc |= strbuf_append(out, "null");
        else
            rc |= json_append_string(out, s);
    }
    return rc | strbuf_append(out, "}") ? DUBAN_ENOMEM : DUBAN_OK;
}

/* The header (text, Markdown, CSV) or JSON's opening bracket, once. */
static int start(table_writer *tw)
{
    if (tw->started)
        return DUBAN_OK;
    tw->started = 1;
    int rc;
    switch (tw->fmt) {
    case FORMAT_CSV:
        rc = put_csv_row(tw, 1);
        break;
    case FORMAT_JSON:
        rc = strbuf_append(tw->out, "[");
        break;
    case FORMAT_MD:
        rc = put_head_row(tw, 0) | put_head_row(tw, 1);
        break;
    default:
        rc = put_head_row(tw, 0);
    }
    return rc ? DUBAN_ENOMEM : spill(tw);
}

int table_writer_row(table_writer *tw, const char *const *cells)
{
    int rc = start(tw);
    if (rc || (rc = prepare_row(tw, cells)))
        return rc;
    switch (tw->fmt) {
    case FORMAT_CSV:
        rc = put_csv_row(tw, 0);
        break;
    case FORMAT_JSON:
        rc = put_json_row(tw);
        break;
    default:
        rc = put_text_row(tw);
    }
    tw->rows++;
    return rc ? rc : spill(tw);
}

int table_writer_end(table_writer *tw)
{
    int rc = start(tw);
    if (!rc && tw->fmt == FORMAT_JSON && strbuf_append(tw->out, tw->rows ? "\n]\n" : "]\n"))
        rc = DUBAN_ENOMEM;
    return rc;
}

int table_writer_write_kept(table_writer *tw)
{
    int *known = calloc(tw->ncols ? tw->ncols : 1, sizeof *known);
    int rc = known ? start(tw) : DUBAN_ENOMEM;
    tw->known = known;
    for (size_t at = 0; !rc && at < tw->kept.len; tw->rows++) {
        for (size_t c = 0; c < tw->ncols; c++) {
            kept_cell k;
            memcpy(&k, tw->kept.s + at, sizeof k);
            tw->cell[c] = tw->kept.s + at + sizeof k;
            tw->len[c] = k.len;
            known[c] = k.width;
            at += sizeof k + k.len + 1;
        }
        if (!(rc = put_text_row(tw)))
            rc = spill(tw);
    }
    tw->known = NULL;
    free(known);
    strbuf_free(&tw->kept);
    return rc;
}
