/* ledger_grid.c - the grid of cells a ledger file is read into, and the
 * dispatch by file kind (see ledger_priv.h, ledger_import.h). */
#include "import/ledger_priv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum ledger_kind ledger_kind_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return LEDGER_NOT;
    if (!strcasecmp(dot, ".csv"))
        return LEDGER_CSV;
    if (!strcasecmp(dot, ".xlsx"))
        return LEDGER_XLSX;
    return LEDGER_NOT;
}

static int grow_rows(lg_grid *g, size_t rows)
{
    if (rows <= g->cap)
        return DUBAN_OK;
    size_t cap = g->cap ? g->cap : 64;
    while (cap < rows)
        cap *= 2;
    char **c = realloc(g->cells, cap * g->ncols * sizeof *c);
    if (!c)
        return DUBAN_ENOMEM;
    memset(c + g->cap * g->ncols, 0, (cap - g->cap) * g->ncols * sizeof *c);
    g->cells = c;
    int *l = realloc(g->lines, cap * sizeof *l);
    if (!l)
        return DUBAN_ENOMEM;
    memset(l + g->cap, 0, (cap - g->cap) * sizeof *l);
    g->lines = l;
    g->cap = cap;
    return DUBAN_OK;
}

/* Widens every row to ncols columns. */
static int grow_cols(lg_grid *g, size_t ncols)
{
    if (ncols <= g->ncols)
        return DUBAN_OK;
    size_t cap = g->cap ? g->cap : 64;
    char **c = calloc(cap * ncols, sizeof *c);
    if (!c)
        return DUBAN_ENOMEM;
    for (size_t r = 0; r < g->nrows; r++)
        memcpy(c + r * ncols, g->cells + r * g->ncols, g->ncols * sizeof *c);
    free(g->cells);
    g->cells = c;
    g->ncols = ncols;
    if (!g->cap) {
        g->cap = cap;
        g->lines = calloc(cap, sizeof *g->lines);
        if (!g->lines)
            return DUBAN_ENOMEM;
    }
    return DUBAN_OK;
}

int lg_set(lg_grid *g, size_t row, size_t col, const char *s, size_t len, duban_error *err)
{
    if (row >= LEDGER_MAX_ROWS || col >= LEDGER_MAX_COLS)
        return duban_fail(err, DUBAN_EPARSE, "%s: more than %d rows or %d columns", g->path,
                          LEDGER_MAX_ROWS, LEDGER_MAX_COLS);
    size_t want = g->ncols ? g->ncols : 16;
    while (want <= col)
        want *= 2;
    want = want > LEDGER_MAX_COLS ? LEDGER_MAX_COLS : want;
    if ((row + 1) * want > LEDGER_MAX_CELLS)
        return duban_fail(err, DUBAN_EPARSE, "%s: more than %d cells", g->path, LEDGER_MAX_CELLS);
    if (grow_cols(g, want) || grow_rows(g, row + 1))
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (row >= g->nrows)
        g->nrows = row + 1;
    char **cell = &g->cells[row * g->ncols + col];
    free(*cell);
    *cell = strndup(s, len);
    return *cell ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

const char *lg_get(const lg_grid *g, size_t row, size_t col)
{
    if (row >= g->nrows || col >= g->ncols)
        return "";
    const char *s = g->cells[row * g->ncols + col];
    return s ? s : "";
}

void lg_col_name(size_t col, char out[8])
{
    char tmp[8];
    size_t n = 0;
    for (col++; col && n < 7; col = (col - 1) / 26)
        tmp[n++] = (char)('A' + (col - 1) % 26);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

void lg_where(const lg_grid *g, size_t row, long col, char *out, size_t outsz)
{
    if (!g->sheet) {
        snprintf(out, outsz, "%s:%d", g->path, row < g->cap ? g->lines[row] : (int)row + 1);
        return;
    }
    char name[8] = "A";
    if (col >= 0)
        lg_col_name((size_t)col, name);
    snprintf(out, outsz, "%s:%s!%s%zu", g->path, g->sheet, name, row + 1);
}

void lg_free(lg_grid *g)
{
    for (size_t i = 0; i < g->nrows * g->ncols; i++)
        free(g->cells[i]);
    free(g->cells);
    free(g->lines);
    free(g->sheet);
    memset(g, 0, sizeof *g);
}

int lg_warn(ledger_warnings *w, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    char **v = realloc(w->v, (w->n + 1) * sizeof *v);
    if (!v)
        return DUBAN_ENOMEM;
    w->v = v;
    w->v[w->n] = strdup(line);
    return w->v[w->n] ? (w->n++, DUBAN_OK) : DUBAN_ENOMEM;
}

void ledger_warnings_free(ledger_warnings *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->v[i]);
    free(w->v);
    w->v = NULL;
    w->n = 0;
}

int ledger_import_file(const char *path, int year, const status_set *set, plan_doc *out,
                       ledger_warnings *warn, duban_error *err)
{
    lg_grid g = {.path = path};
    enum ledger_kind k = ledger_kind_of(path);
    int rc = k == LEDGER_XLSX ? lg_read_xlsx(path, &g, err)
             : k == LEDGER_CSV
                 ? lg_read_csv(path, &g, err)
                 : duban_fail(err, DUBAN_EPARSE, "%s: not a .xlsx or .csv file", path);
    if (!rc)
        rc = lg_build(&g, year, set, out, warn, err);
    lg_free(&g);
    return rc;
}
