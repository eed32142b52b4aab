#include "text/table.h"

#include "text/table_writer.h"

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
        t->rows[t->nrows] = p + CELL_LEN_SIZE; /* the first cell's text */
    for (size_t i = 0; !rc && i < t->ncols; i++) {
        const char *s = dirty && dirty[i] ? dirty[i] : cells[i] ? cells[i] : "";
        char *text = lay_cell(p, s, strlen(s));
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

/* The held rows through the one renderer (table_writer.h), twice for
 * the formats that align columns. */
int table_render_stream(const table *t, enum table_format fmt, const text_measure *m, strbuf *out,
                        table_flush_fn flush, void *arg)
{
    table_writer tw;
    const char **cells = calloc(t->ncols ? t->ncols : 1, sizeof *cells);
    int rc = table_writer_init(&tw, t->cols, t->ncols, fmt, m, out, flush, arg);
    rc = rc ? rc : cells ? DUBAN_OK : DUBAN_ENOMEM;
    tw.sanitised = 1; /* table_add_row() sanitised them */
    for (int pass = table_writer_measures(&tw) ? 0 : 1; !rc && pass < 2; pass++)
        for (size_t r = 0; !rc && r < t->nrows; r++) {
            const char *p = t->rows[r];
            for (size_t c = 0; c < t->ncols; c++, p = next_cell(p))
                cells[c] = p;
            rc = pass ? table_writer_row(&tw, cells) : table_writer_measure(&tw, cells);
        }
    rc = rc ? rc : table_writer_end(&tw);
    table_writer_free(&tw);
    free(cells);
    return rc;
}

int table_render(const table *t, enum table_format fmt, const text_measure *m, strbuf *out)
{
    return table_render_stream(t, fmt, m, out, NULL, NULL);
}
