#include "text/table.h"

#include "base/error.h"
#include "text/textwidth.h"
#include "text/utf8.h"
#include "base/list.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int table_format_parse(const char *name, enum table_format *fmt)
{
    static const struct {
        const char *name;
        enum table_format fmt;
    } names[] = {{"text", FORMAT_TEXT},
                 {"csv", FORMAT_CSV},
                 {"json", FORMAT_JSON},
                 {"md", FORMAT_MD},
                 {"markdown", FORMAT_MD}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i].name)) {
            *fmt = names[i].fmt;
            return 0;
        }
    return -1;
}

void table_init(table *t, const table_column *cols, size_t ncols)
{
    memset(t, 0, sizeof *t);
    t->cols = cols;
    t->ncols = ncols;
}

/* The cells' text lives in a few large blocks rather than one heap
 * string a cell: a listing of 100,000 rows adds 600,000 cells. */
struct table_block {
    struct table_block *next;
    size_t used, size;
    char text[];
};

#define TABLE_BLOCK_MIN 65536

/* Room for n bytes in t's newest block (a new block when full). */
static char *block_room(table *t, size_t n)
{
    struct table_block *b = t->blocks;
    if (!b || b->size - b->used < n) {
        size_t size = n > TABLE_BLOCK_MIN ? n : TABLE_BLOCK_MIN;
        if (!(b = malloc(sizeof *b + size)))
            return NULL;
        b->next = t->blocks;
        b->used = 0;
        b->size = size;
        t->blocks = b;
    }
    char *p = b->text + b->used;
    b->used += n;
    return p;
}

/* Each kept cell's byte length sits just before its text, so rendering
 * copies it without a strlen: a listing renders 600,000 cells. */
#define CELL_LEN_SIZE sizeof(uint32_t)

static size_t cell_len(const char *kept)
{
    uint32_t n;
    memcpy(&n, kept - CELL_LEN_SIZE, sizeof n);
    return n;
}

/* s[0..n) laid out at p as a kept cell: its length, then its text and a
 * NUL.  Returns the text. */
static char *lay_cell(char *p, const char *s, size_t n)
{
    uint32_t len = (uint32_t)n;
    memcpy(p, &len, sizeof len);
    p += CELL_LEN_SIZE;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* The cell after kept cell p in its row. */
static const char *next_cell(const char *p)
{
    return p + cell_len(p) + 1 + CELL_LEN_SIZE;
}

/* Sanitised copies (textwidth.h) of the cells that need one, in dirty
 * (allocated on the first such cell), and the row's kept size in *size. */
static int clean_row(const table *t, const char *const *cells, char ***dirty, size_t *size)
{
    *size = 0;
    for (size_t i = 0; i < t->ncols; i++) {
        const char *s = cells[i] ? cells[i] : "";
        size_t n = strlen(s);
        if (!text_is_clean(s, n)) {
            if (!*dirty && !(*dirty = calloc(t->ncols, sizeof **dirty)))
                return DUBAN_ENOMEM;
            if (!((*dirty)[i] = text_sanitize(s)))
                return DUBAN_ENOMEM;
            n = strlen((*dirty)[i]);
        }
        if (n >= UINT32_MAX)
            return DUBAN_ENOMEM;
        *size += CELL_LEN_SIZE + n + 1;
    }
    return DUBAN_OK;
}

/* A row's cells lie end to end in one block, so that the table keeps one
 * pointer a row: a listing of 100,000 rows adds 600,000 cells. */
int table_add_row(table *t, const char *const *cells)
{
    /* cap counts rows */
    if (grow_array((void **)&t->rows, &t->cap, t->nrows + 1, sizeof *t->rows))
        return DUBAN_ENOMEM;
    char **dirty = NULL, *p = NULL;
    size_t size;
    int rc = clean_row(t, cells, &dirty, &size);
    if (!rc && !(p = block_room(t, size ? size : 1)))
        rc = DUBAN_ENOMEM;
    if (!rc)
        t->rows[t->nrows] = p; /* (no columns: never read) */
    for (size_t i = 0; !rc && i < t->ncols; i++) {
        const char *s = dirty && dirty[i] ? dirty[i] : cells[i] ? cells[i] : "";
        char *text = lay_cell(p, s, strlen(s));
        if (!i)
            t->rows[t->nrows] = text;
        p = text + cell_len(text) + 1;
    }
    for (size_t i = 0; dirty && i < t->ncols; i++)
        free(dirty[i]);
    free(dirty);
    if (!rc)
        t->nrows++;
    return rc;
}

void table_free(table *t)
{
    while (t->blocks) {
        struct table_block *next = t->blocks->next;
        free(t->blocks);
        t->blocks = next;
    }
    free(t->rows);
    memset(t, 0, sizeof *t);
}

const char *table_cell(const table *t, size_t r, size_t c)
{
    const char *p = t->rows[r];
    while (c--)
        p = next_cell(p);
    return p;
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

/* Where rendered rows go: out, handed to flush (when set) whenever it
 * holds TABLE_FLUSH_AT bytes at the end of a row, then emptied. */
typedef struct sink {
    strbuf *out;
    table_flush_fn flush;
    void *arg;
} sink;

#define TABLE_FLUSH_AT 16384

/* 1 when the flush failed (the caller stops, DUBAN_EIO). */
static int spill(const sink *k)
{
    if (!k->flush || k->out->len < TABLE_FLUSH_AT)
        return 0;
    if (k->flush(k->arg, k->out))
        return 1;
    strbuf_reset(k->out);
    return 0;
}

/* The header row, or Markdown's separator row of dashes under it. */
static int put_head_row(strbuf *out, const table *t, const int *w, const text_measure *m,
                        int markdown, int dashes)
{
    int rc = strbuf_append(out, markdown ? "| " : "");
    for (size_t c = 0; c < t->ncols; c++) {
        int last = c + 1 == t->ncols;
        const char *s = t->cols[c].header;
        if (dashes) {
            for (int i = 0; i < w[c]; i++)
                rc |= strbuf_appendc(out, '-');
        } else if (t->cols[c].numeric) { /* right-aligned as "%*s" would (by bytes) */
            rc |= append_spaces(out, w[c] - (int)strlen(s)) | strbuf_append(out, s);
        } else {
            rc |= strbuf_append_padded(out, s, last && !markdown ? 0 : w[c], m);
        }
        rc |= strbuf_append(out, last ? (markdown ? " |" : "") : (markdown ? " | " : "  "));
    }
    return rc | strbuf_appendc(out, '\n');
}

/* Cell p's padding to width w: numeric cells are right-aligned by bytes
 * as "%*s" would; the last text column is not padded. */
static size_t cell_pad(const table *t, size_t c, const char *p, const int *w, const text_measure *m,
                       int markdown)
{
    int pad = t->cols[c].numeric               ? w[c] - (int)cell_len(p)
              : c + 1 == t->ncols && !markdown ? 0
                                               : w[c] - text_width(p, m);
    return pad > 0 ? (size_t)pad : 0;
}

/* Data row r, written with one reservation: a listing renders 100,000
 * rows.  A cell's width is measured again rather than kept from the
 * first pass: a kept width a cell cost 2.3 MiB at 100,000 rows. */
static int put_data_row(strbuf *out, const table *t, size_t r, const int *w, const text_measure *m,
                        int markdown)
{
    const char *open = markdown ? "| " : "", *sep = markdown ? " | " : "  ";
    const char *close = markdown ? " |" : "";
    size_t lo = strlen(open), ls = strlen(sep), lc = strlen(close), need = lo + lc + 1;
    size_t pads[64], *pad = t->ncols <= 64 ? pads : malloc(t->ncols * sizeof *pad);
    if (!pad)
        return DUBAN_ENOMEM;
    const char *p = t->rows[r];
    for (size_t c = 0; c < t->ncols; c++, p = next_cell(p)) {
        pad[c] = cell_pad(t, c, p, w, m, markdown);
        need += cell_len(p) + pad[c] + (c + 1 < t->ncols ? ls : 0);
    }
    char *o = strbuf_extend(out, need);
    if (!o) {
        if (pad != pads)
            free(pad);
        return DUBAN_ENOMEM;
    }
    o = (char *)memcpy(o, open, lo) + lo;
    p = t->rows[r];
    for (size_t c = 0; c < t->ncols; c++, p = next_cell(p)) {
        size_t n = cell_len(p);
        int numeric = t->cols[c].numeric;
        if (numeric)
            o = (char *)memset(o, ' ', pad[c]) + pad[c];
        o = (char *)memcpy(o, p, n) + n;
        if (!numeric)
            o = (char *)memset(o, ' ', pad[c]) + pad[c];
        if (c + 1 < t->ncols)
            o = (char *)memcpy(o, sep, ls) + ls;
    }
    memcpy(o, close, lc);
    o[lc] = '\n';
    if (pad != pads)
        free(pad);
    return DUBAN_OK;
}

/* w[c]: column c's width, its header's or its widest cell's. */
static void measure_columns(const table *t, const text_measure *m, int markdown, int *w)
{
    /* the last text column is not padded: its width is never used */
    size_t measured = t->ncols;
    if (measured && !markdown && !t->cols[measured - 1].numeric)
        measured--;
    for (size_t c = 0; c < t->ncols; c++)
        w[c] = text_width(t->cols[c].header, m);
    for (size_t r = 0; r < t->nrows; r++) {
        const char *p = t->rows[r];
        for (size_t c = 0; c < measured; c++, p = next_cell(p)) {
            int x = text_width(p, m);
            if (x > w[c])
                w[c] = x;
        }
    }
    for (size_t c = 0; markdown && c < t->ncols; c++)
        if (w[c] < 3)
            w[c] = 3;
}

static int render_text(const table *t, const text_measure *m, const sink *k, int markdown)
{
    int io = 0;
    int *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    if (!w)
        return DUBAN_ENOMEM;
    measure_columns(t, m, markdown, w);
    int rc = put_head_row(k->out, t, w, m, markdown, 0);
    if (markdown)
        rc |= put_head_row(k->out, t, w, m, markdown, 1);
    io = !rc && spill(k);
    for (size_t r = 0; !rc && !io && r < t->nrows; r++)
        if (!(rc = put_data_row(k->out, t, r, w, m, markdown)))
            io = spill(k);
    free(w);
    return io ? DUBAN_EIO : rc ? DUBAN_ENOMEM : DUBAN_OK;
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

static int render_csv(const table *t, const sink *k)
{
    strbuf *out = k->out;
    int rc = 0, io = 0;
    for (long r = -1; r < (long)t->nrows; r++) {
        const char *p = r < 0 ? NULL : t->rows[r];
        for (size_t c = 0; c < t->ncols; c++) {
            if (c)
                rc |= strbuf_appendc(out, ',');
            if (r < 0) {
                rc |= csv_cell(out, t->cols[c].key, strlen(t->cols[c].key));
            } else {
                rc |= csv_cell(out, p, cell_len(p));
                p = next_cell(p);
            }
        }
        rc |= strbuf_appendn(out, "\r\n", 2);
        if (!rc && (io = spill(k)))
            break;
    }
    return io ? DUBAN_EIO : rc ? DUBAN_ENOMEM : DUBAN_OK;
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

static int render_json(const table *t, const sink *k)
{
    strbuf *out = k->out;
    int rc = strbuf_append(out, "["), io = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        rc |= strbuf_append(out, r ? ",\n {" : "\n {");
        const char *s = t->rows[r];
        for (size_t c = 0; c < t->ncols; c++, s = next_cell(s)) {
            rc |= strbuf_append(out, c ? ", " : "");
            rc |= json_append_string(out, t->cols[c].key);
            rc |= strbuf_append(out, ": ");
            if (t->cols[c].numeric && *s)
                rc |= strbuf_append(out, s);
            else if (t->cols[c].numeric)
                rc |= strbuf_append(out, "null");
            else
                rc |= json_append_string(out, s);
        }
        rc |= strbuf_append(out, "}");
        if (!rc && (io = spill(k)))
            return DUBAN_EIO;
    }
    rc |= strbuf_append(out, t->nrows ? "\n]\n" : "]\n");
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
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

/* Markdown: a '|' inside a cell would end the cell, so it becomes "\|";
 * & < > become entities (md_append_text).  The escaped cells are kept in
 * a second table, rendered as text is. */
static int render_markdown(const table *t, const text_measure *m, const sink *k)
{
    size_t nc = t->ncols ? t->ncols : 1;
    const char **cells = calloc(nc, sizeof *cells);
    strbuf *esc = calloc(nc, sizeof *esc);
    table md;
    table_init(&md, t->cols, t->ncols);
    int rc = cells && esc ? DUBAN_OK : DUBAN_ENOMEM;
    for (size_t r = 0; !rc && r < t->nrows; r++) {
        const char *p = t->rows[r];
        for (size_t c = 0; !rc && c < t->ncols; c++, p = next_cell(p)) {
            cells[c] = p;
            if (!p[strcspn(p, "&<>|")])
                continue; /* most cells: no copy */
            strbuf_reset(&esc[c]);
            rc = md_escape(&esc[c], p, 1);
            cells[c] = strbuf_str(&esc[c]);
        }
        rc = rc ? rc : table_add_row(&md, cells);
    }
    if (!rc)
        rc = render_text(&md, m, k, 1);
    table_free(&md);
    for (size_t c = 0; esc && c < nc; c++)
        strbuf_free(&esc[c]);
    free(esc);
    free(cells);
    return rc;
}

int table_render_stream(const table *t, enum table_format fmt, const text_measure *m, strbuf *out,
                        table_flush_fn flush, void *arg)
{
    sink k = {out, flush, arg};
    switch (fmt) {
    case FORMAT_CSV:
        return render_csv(t, &k);
    case FORMAT_JSON:
        return render_json(t, &k);
    case FORMAT_MD:
        return render_markdown(t, m, &k);
    default:
        return render_text(t, m, &k, 0);
    }
}

int table_render(const table *t, enum table_format fmt, const text_measure *m, strbuf *out)
{
    return table_render_stream(t, fmt, m, out, NULL, NULL);
}
