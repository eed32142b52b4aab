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

/* A sanitised copy of s (textwidth.h) kept in t's blocks. */
static char *keep_cell(table *t, const char *s)
{
    size_t n = strlen(s);
    char *dirty = NULL;
    if (!text_is_clean(s, n)) {
        if (!(dirty = text_sanitize(s)))
            return NULL;
        s = dirty;
        n = strlen(s);
    }
    char *p = n < UINT32_MAX ? block_room(t, CELL_LEN_SIZE + n + 1) : NULL;
    if (p)
        p = lay_cell(p, s, n);
    free(dirty);
    return p;
}

int table_add_row(table *t, const char *const *cells)
{
    /* cap counts rows of ncols cells */
    if (grow_array((void **)&t->cells, &t->cap, t->nrows + 1, t->ncols * sizeof *t->cells))
        return DUBAN_ENOMEM;
    char **row = t->cells + t->nrows * t->ncols;
    for (size_t i = 0; i < t->ncols; i++)
        if (!(row[i] = keep_cell(t, cells[i] ? cells[i] : "")))
            return DUBAN_ENOMEM; /* the row is not counted; its text goes with the table */
    t->nrows++;
    return DUBAN_OK;
}

void table_free(table *t)
{
    while (t->blocks) {
        struct table_block *next = t->blocks->next;
        free(t->blocks);
        t->blocks = next;
    }
    free(t->cells);
    memset(t, 0, sizeof *t);
}

static const char *cell(const table *t, size_t r, size_t c)
{
    return t->cells[r * t->ncols + c];
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

#define TABLE_FLUSH_AT 65536

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

/* Data row r (cw: the cells' widths), written with one reservation: a
 * listing renders 100,000 rows.  Numeric cells are right-aligned by bytes
 * as "%*s" would; the last text column is not padded. */
static int put_data_row(strbuf *out, const table *t, size_t r, const int *w, const int *cw,
                        int markdown)
{
    const char *open = markdown ? "| " : "", *sep = markdown ? " | " : "  ";
    const char *close = markdown ? " |" : "";
    size_t lo = strlen(open), ls = strlen(sep), lc = strlen(close), need = lo + lc + 1;
    const char *const *cells = (const char *const *)t->cells + r * t->ncols;
    for (size_t c = 0; c < t->ncols; c++) {
        size_t n = cell_len(cells[c]);
        int pad = t->cols[c].numeric               ? w[c] - (int)n
                  : c + 1 == t->ncols && !markdown ? 0
                                                   : w[c] - cw[r * t->ncols + c];
        need += n + (pad > 0 ? (size_t)pad : 0) + (c + 1 < t->ncols ? ls : 0);
    }
    char *p = strbuf_extend(out, need);
    if (!p)
        return DUBAN_ENOMEM;
    memcpy(p, open, lo);
    p += lo;
    for (size_t c = 0; c < t->ncols; c++) {
        size_t n = cell_len(cells[c]);
        int numeric = t->cols[c].numeric;
        int pad = numeric                          ? w[c] - (int)n
                  : c + 1 == t->ncols && !markdown ? 0
                                                   : w[c] - cw[r * t->ncols + c];
        size_t spaces = pad > 0 ? (size_t)pad : 0;
        if (numeric)
            p = (char *)memset(p, ' ', spaces) + spaces;
        p = (char *)memcpy(p, cells[c], n) + n;
        if (!numeric)
            p = (char *)memset(p, ' ', spaces) + spaces;
        if (c + 1 < t->ncols)
            p = (char *)memcpy(p, sep, ls) + ls;
    }
    memcpy(p, close, lc);
    p[lc] = '\n';
    return DUBAN_OK;
}

static int render_text(const table *t, const text_measure *m, const sink *k, int markdown)
{
    int io = 0;
    /* each cell's width is measured once: cw[r * ncols + c] */
    int *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    size_t ncells = t->nrows * t->ncols;
    int *cw = calloc(ncells ? ncells : 1, sizeof *cw);
    if (!w || !cw) {
        free(w);
        free(cw);
        return DUBAN_ENOMEM;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        w[c] = text_width(t->cols[c].header, m);
        if (c + 1 == t->ncols && !markdown && !t->cols[c].numeric)
            break; /* the last text column is not padded: its width is never used */
        for (size_t r = 0; r < t->nrows; r++) {
            int x = cw[r * t->ncols + c] = text_width(cell(t, r, c), m);
            if (x > w[c])
                w[c] = x;
        }
        if (markdown && w[c] < 3)
            w[c] = 3;
    }
    int rc = put_head_row(k->out, t, w, m, markdown, 0);
    if (markdown)
        rc |= put_head_row(k->out, t, w, m, markdown, 1);
    io = !rc && spill(k);
    for (size_t r = 0; !rc && !io && r < t->nrows; r++)
        if (!(rc = put_data_row(k->out, t, r, w, cw, markdown)))
            io = spill(k);
    free(w);
    free(cw);
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
        for (size_t c = 0; c < t->ncols; c++) {
            if (c)
                rc |= strbuf_appendc(out, ',');
            const char *s = r < 0 ? t->cols[c].key : cell(t, (size_t)r, c);
            rc |= csv_cell(out, s, r < 0 ? strlen(s) : cell_len(s));
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
        for (size_t c = 0; c < t->ncols; c++) {
            rc |= strbuf_append(out, c ? ", " : "");
            rc |= json_append_string(out, t->cols[c].key);
            rc |= strbuf_append(out, ": ");
            const char *s = cell(t, r, c);
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

/* A heap copy of s[0..n) laid out as a kept cell (its length before it);
 * free(p - CELL_LEN_SIZE) frees it. */
static char *with_len(const char *s, size_t n)
{
    char *p = n < UINT32_MAX ? malloc(CELL_LEN_SIZE + n + 1) : NULL;
    return p ? lay_cell(p, s, n) : NULL;
}

/* Markdown: a '|' inside a cell would end the cell, so it becomes "\|";
 * & < > become entities (md_append_text).  Cells without any of them are
 * rendered as they are (most cells: no copy). */
static int render_markdown(const table *t, const text_measure *m, const sink *k)
{
    table esc = *t;
    size_t n = t->nrows * t->ncols;
    esc.cells = calloc(n ? n : 1, sizeof *esc.cells);
    if (!esc.cells)
        return DUBAN_ENOMEM;
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        if (!t->cells[i][strcspn(t->cells[i], "&<>|")]) {
            esc.cells[i] = t->cells[i];
            continue;
        }
        strbuf sb = {0};
        rc |= md_escape(&sb, t->cells[i], 1);
        esc.cells[i] = rc ? NULL : with_len(sb.s ? sb.s : "", sb.len);
        strbuf_free(&sb);
        rc |= !esc.cells[i];
    }
    if (!rc)
        rc = render_text(&esc, m, k, 1);
    else
        rc = DUBAN_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (esc.cells[i] && esc.cells[i] != t->cells[i])
            free(esc.cells[i] - CELL_LEN_SIZE);
    free(esc.cells);
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
