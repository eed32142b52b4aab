/* ledger_priv.h - the ledger importer's pieces (see ledger_import.h).
 *
 * ledger_csv.c and ledger_xlsx.c read a file into a grid of cells;
 * ledger_build.c finds the header and turns the grid into a plan_doc;
 * ledger_grid.c holds the grid and names cells in messages.
 */
#ifndef DUBAN_LEDGER_PRIV_H
#define DUBAN_LEDGER_PRIV_H

#include "import/ledger_import.h"

typedef struct lg_grid {
    const char *path; /* for messages */
    char *sheet;      /* XLSX: the sheet's name; NULL for CSV */
    char **cells;     /* nrows * LEDGER_MAX_COLS is too much: rows of ncols */
    size_t nrows, ncols, cap;
    int *lines; /* CSV: the first line of each row */
} lg_grid;

/* Sets cell (row, col) to a copy of s[0..len); grows the grid.  Returns
 * DUBAN_OK, DUBAN_ENOMEM, or DUBAN_EPARSE past LEDGER_MAX_ROWS/COLS. */
int lg_set(lg_grid *g, size_t row, size_t col, const char *s, size_t len, duban_error *err);
/* The cell's text, "" when empty or outside the grid. */
const char *lg_get(const lg_grid *g, size_t row, size_t col);
/* "FILE:7" (CSV) or "FILE:Sheet1!B7" (XLSX) for a cell; col < 0: the row. */
void lg_where(const lg_grid *g, size_t row, long col, char *out, size_t outsz);
void lg_free(lg_grid *g);
/* "B" for 1, "AA" for 26 (0-based column). */
void lg_col_name(size_t col, char out[8]);

int lg_read_csv(const char *path, lg_grid *g, duban_error *err);
int lg_read_xlsx(const char *path, lg_grid *g, duban_error *err);

/* The grid as a plan (ledger_build.c). */
int lg_build(const lg_grid *g, int year, const status_set *set, plan_doc *out,
             ledger_warnings *warn, duban_error *err);
/* Appends a printf-style warning line; DUBAN_ENOMEM on failure. */
int lg_warn(ledger_warnings *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
