/* table_writer.h - rows rendered as they come: the one renderer of the
 * text, CSV, JSON and Markdown tables (table.h renders its held rows
 * through it), for listings too long to hold (duban list beyond some
 * 400,000 items holds no row).  CSV and JSON rows go out as they are given.
 * Text and Markdown align each column to its widest cell, so they take
 * the rows twice: every row to table_writer_measure() first, then the
 * same rows, in the same order, to table_writer_row().
 *
 * Call order: table_writer_init() -> table_writer_measure()* (every row,
 * when table_writer_measures()) -> table_writer_row()* ->
 * table_writer_end() -> table_writer_free() (always, also after an
 * error).  The header goes out before the first row (or at the end when
 * there is none).
 *
 * A listing that is short enough need not be read twice: after
 * table_writer_keep(), the measured rows are kept as they will be written
 * (up to max_bytes of them; past that nothing is kept), and when
 * table_writer_kept() says all of them were, table_writer_write_kept()
 * writes them in place of the second table_writer_row()* pass.
 *
 * Cells (NULL = "") are sanitised and escaped as table.h says of each
 * format.  Output goes to out, handed to flush (when not NULL) whenever
 * it holds 16 KiB or more at the end of a row, then emptied: flush
 * writes it where it belongs and returns 0, or non-zero to stop.  What
 * is left in out at the end is the caller's to write.  Each call returns
 * DUBAN_OK, DUBAN_ENOMEM or DUBAN_EIO (a flush failed); after an error
 * only table_writer_free() is left to call.
 */
#ifndef DUBAN_TABLE_WRITER_H
#define DUBAN_TABLE_WRITER_H

#include "text/table.h"

typedef struct table_writer {
    const table_column *cols; /* borrowed, as the rest */
    size_t ncols;
    enum table_format fmt;
    const text_measure *m;
    strbuf *out;
    table_flush_fn flush;
    void *arg;
    int *w;            /* each column's width (text, Markdown) */
    const char **cell; /* the row being rendered, sanitised and escaped */
    size_t *len;       /* and its cells' byte lengths */
    size_t *pad;       /* and the spaces each takes (text, Markdown) */
    strbuf *copy;      /* the cells that needed a copy to be so */
    size_t rows;       /* rows written */
    int sanitised;     /* cells come sanitised (table.h's held rows): not checked again */
    int started;       /* the header is out */
    const int *known;  /* the row's cells' widths (-1: not measured), when written from kept */
    strbuf kept;       /* the measured rows as written, cell by cell (table_writer_keep()) */
    size_t keep_max;   /* 0: no row is kept */
    int keep_failed;   /* the rows passed keep_max, or memory ran out: none kept */
} table_writer;

int table_writer_init(table_writer *tw, const table_column *cols, size_t ncols,
                      enum table_format fmt, const text_measure *m, strbuf *out,
                      table_flush_fn flush, void *arg);
/* 1 when the format aligns columns (text, Markdown): measure every row. */
int table_writer_measures(const table_writer *tw);
int table_writer_measure(table_writer *tw, const char *const *cells);
int table_writer_row(table_writer *tw, const char *const *cells);
int table_writer_end(table_writer *tw);
/* Keeps the rows measured from now on, up to max_bytes (> 0) of them. */
void table_writer_keep(table_writer *tw, size_t max_bytes);
/* 1 when every measured row was kept (table_writer_keep() was called,
 * and they fit), else 0. */
int table_writer_kept(const table_writer *tw);
/* Writes the kept rows as table_writer_row() would, one after another,
 * and lets them go.  Only when table_writer_kept(). */
int table_writer_write_kept(table_writer *tw);
void table_writer_free(table_writer *tw);

#endif
