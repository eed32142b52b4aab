/* minutes_doc_codec.c - a minutes_doc as text and back, so the blocks of
 * an ended meeting are kept with its frozen minutes (format "doc") and
 * the workbook printed later is made of the figures of the day it ended
 * (minutes_internal.h).
 *
 * The text: a first line "duban-minutes-doc 1", then the title and one
 * record per block, every string written as LEN:BYTES (so any byte may be
 * in it):
 *   T LEN:title
 *   B KIND LEN:text                       a heading, paragraph, item, 落款
 *   G NCOLS NROWS                         a table, followed by
 *   C NUMERIC LEN:key LEN:header          its NCOLS columns, then
 *   LEN:cell ...                          its NROWS * NCOLS cells, row by row
 * Records end with a newline. */
#include "report/minutes_internal.h"

#include "base/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOC_MAGIC "duban-minutes-doc 1\n"
#define DOC_MAX_COLS 64

static int put_str(strbuf *out, const char *s)
{
    return strbuf_printf(out, "%zu:", strlen(s)) || strbuf_append(out, s);
}

int minutes_doc_encode(const minutes_doc *d, strbuf *out)
{
    int rc = strbuf_append(out, DOC_MAGIC) || strbuf_append(out, "T ") ||
             put_str(out, d->title ? d->title : "") || strbuf_appendc(out, '\n');
    for (size_t i = 0; !rc && i < d->n; i++) {
        const minutes_block *b = &d->v[i];
        if (b->kind != BLOCK_TABLE) {
            rc = strbuf_printf(out, "B %d ", (int)b->kind) || put_str(out, b->text) ||
                 strbuf_appendc(out, '\n');
            continue;
        }
        const table *t = &b->t;
        rc = strbuf_printf(out, "G %zu %zu\n", t->ncols, t->nrows);
        for (size_t c = 0; !rc && c < t->ncols; c++)
            rc = strbuf_printf(out, "C %d ", t->cols[c].numeric ? 1 : 0) ||
                 put_str(out, t->cols[c].key) || strbuf_appendc(out, ' ') ||
                 put_str(out, t->cols[c].header) || strbuf_appendc(out, '\n');
        for (size_t k = 0; !rc && k < t->ncols * t->nrows; k++)
            rc = put_str(out, table_cell(t, k / t->ncols, k % t->ncols)) ||
                 strbuf_appendc(out, '\n');
    }
    return rc ? DUBAN_ENOMEM : DUBAN_OK;
}

/* ---- reading ---- */

typedef struct cursor {
    const char *p, *end;
    int bad;
} cursor;

/* A decimal number up to max, then the byte `stop`. */
static size_t get_num(cursor *c, size_t max, char stop)
{
    size_t v = 0;
    const char *start = c->p;
    while (!c->bad && c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        v = v * 10 + (size_t)(*c->p++ - '0');
        c->bad |= v > max;
    }
    c->bad |= c->p == start || c->p >= c->end || *c->p != stop;
    c->p += !c->bad;
    return c->bad ? 0 : v;
}

static void expect(cursor *c, const char *s)
{
    size_t n = strlen(s);
    c->bad |= (size_t)(c->end - c->p) < n || memcmp(c->p, s, n);
    c->p += c->bad ? 0 : n;
}

/* A LEN:BYTES string, then `stop`; NULL (c->bad, or out of memory: *nomem)
 * on failure. */
static char *get_str(cursor *c, char stop, int *nomem)
{
    size_t n = get_num(c, (size_t)(c->end - c->p), ':');
    if (c->bad || (size_t)(c->end - c->p) < n + 1 || c->p[n] != stop) {
        c->bad = 1;
        return NULL;
    }
    char *s = malloc(n + 1);
    if (!s) {
        *nomem = c->bad = 1;
        return NULL;
    }
    memcpy(s, c->p, n);
    s[n] = '\0';
    c->p += n + 1;
    return s;
}

/* A table record's columns and cells into b (after "G "); what was read
 * is b's to free (minutes_doc_free) whatever happens. */
static void get_table(cursor *c, minutes_block *b, int *nomem)
{
    size_t ncols = get_num(c, DOC_MAX_COLS, ' ');
    size_t nrows = get_num(c, (size_t)(c->end - c->p), '\n');
    /* every cell takes 3 bytes at least ("0:\n") */
    c->bad |= !ncols || ncols * nrows > (size_t)(c->end - c->p) / 3;
    if (c->bad)
        return;
    b->own_cols = calloc(ncols, sizeof *b->own_cols);
    char **row = calloc(ncols, sizeof *row);
    if (!b->own_cols || !row) {
        free(row);
        *nomem = c->bad = 1;
        return;
    }
    /* the columns are filled in below; the table copies the cells (table.h) */
    table_init(&b->t, b->own_cols, ncols);
    for (size_t i = 0; !c->bad && i < ncols; i++) {
        expect(c, "C ");
        b->own_cols[i].numeric = (int)get_num(c, 1, ' ');
        b->own_cols[i].key = get_str(c, ' ', nomem);
        b->own_cols[i].header = get_str(c, '\n', nomem);
    }
    for (size_t r = 0; !c->bad && r < nrows; r++) {
        for (size_t i = 0; !c->bad && i < ncols; i++)
            row[i] = get_str(c, '\n', nomem);
        if (!c->bad && table_add_row(&b->t, (const char *const *)row))
            *nomem = c->bad = 1;
        for (size_t i = 0; i < ncols; i++) {
            free(row[i]);
            row[i] = NULL;
        }
    }
    free(row);
}

int minutes_doc_decode(const char *text, minutes_doc *d, duban_error *err)
{
    memset(d, 0, sizeof *d);
    cursor c = {text, text + strlen(text), 0};
    int nomem = 0;
    expect(&c, DOC_MAGIC);
    expect(&c, "T ");
    d->title = get_str(&c, '\n', &nomem);
    while (!c.bad && c.p < c.end) {
        if (ARRAY_GROW(d->v, d->cap, d->n + 1)) {
            nomem = c.bad = 1;
            break;
        }
        minutes_block *b = &d->v[d->n];
        memset(b, 0, sizeof *b);
        char kind = *c.p;
        expect(&c, kind == 'G' ? "G " : "B ");
        if (c.bad)
            break;
        d->n++;
        if (kind == 'G') {
            b->kind = BLOCK_TABLE;
            get_table(&c, b, &nomem);
        } else {
            b->kind = (enum block_kind)get_num(&c, BLOCK_SIGN, ' ');
            c.bad |= b->kind == BLOCK_TABLE;
            b->text = c.bad ? NULL : get_str(&c, '\n', &nomem);
            b->kind = c.bad ? BLOCK_P : b->kind; /* never freed as a table */
        }
    }
    if (!c.bad)
        return DUBAN_OK;
    minutes_doc_free(d);
    return nomem ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                 : duban_fail(err, DUBAN_EPARSE, "the frozen minutes are damaged");
}
