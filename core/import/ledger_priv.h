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
/* A 量化指标 cell (what duban's ledger writes: "label value/goal unit"
 * per target, joined by "；" or ";" or line breaks) as the values of the
 * targets of the item's title and body (target_scan(), store_add_plan()'s
 * numbering) into n->values: each part names the first target with its
 * label not named before; a value of — is none.  A part of another form,
 * or naming no target, is a warning at where ("FILE:Sheet!M7"), not read.
 * DUBAN_OK, or DUBAN_ENOMEM. */
int lg_target_values(const char *cell, const char *title, const char *body, doc_node *n,
                     const char *where, ledger_warnings *warn);
/* A heap copy of s without white space (ASCII, U+3000) at either end;
 * NULL when out of memory. */
char *lg_trimmed(const char *s);
/* Appends a printf-style warning line; DUBAN_ENOMEM on failure. */
int lg_warn(ledger_warnings *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The numbers a ledger gives its rows (ledger_numbers.c).  A 序号 such as
 * "1.3" or "5.1.2" is kept as the numbers of the area, item and sub-item
 * (people and earlier minutes name items so, and an exported ledger, whose
 * numbers have gaps after moves, reads back as the same refs); a plain
 * row count ("7") numbers nothing.  A number that repeats or goes back
 * among its siblings becomes the next free one, with a warning. */
typedef struct lg_numbers {
    int last[3]; /* the last number given to an area, an item of the current
                    area, a sub-item of the current item */
} lg_numbers;
/* The parts of a dotted 序号 into v (at most 3); how many, 0 when ref is
 * not one (empty, a plain number, anything else). */
int lg_ref_parts(const char *ref, int v[3]);
/* The number of a new node at level (0 area, 1 item, 2 sub-item) that asks
 * for want (0: none): want when it is above the last given, else the
 * next; *moved is set when a number asked for could not be kept.  The
 * levels below start over. */
int lg_number(lg_numbers *n, int level, int want, int *moved);
/* 一 一、 （一） (十二): whether s is a Chinese ordinal, as area rows number
 * themselves. */
int lg_cn_ordinal(const char *s);
/* s without a leading ordinal and its 、 ("一、持之以恒抓招商" -> "持之以恒抓招商"). */
const char *lg_strip_ordinal(const char *s);

#endif
