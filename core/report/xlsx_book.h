/* xlsx_book.h - what core's XLSX writers share (internal to core/report):
 * a workbook written to a temporary file next to its path and renamed
 * over it once complete, and cells that are always text, never formulas.
 *
 * Call order: xlsx_book_open() -> add sheets and formats on b->wb through
 * b->lib (libxlsxwriter, opened by xlsx_book_open: xlsx_lib.h), write
 * cells with xlsx_text() / xlsx_date() / xlsx_keep() -> xlsx_book_close()
 * (always; it removes the temporary file when anything failed).
 */
#ifndef DUBAN_XLSX_BOOK_H
#define DUBAN_XLSX_BOOK_H

#include "base/error.h"
#include "report/xlsx_lib.h"

typedef struct xlsx_book {
    xlsx_lib lib;
    lxw_workbook *wb;
    const char *path; /* borrowed */
    char tmp[4096];
    lxw_error rc; /* the first failure while writing */
} xlsx_book;

/* DUBAN_EINVAL naming path, and nothing written, when path does not end
 * in .xlsx or holds something other than a workbook or nothing (a
 * database, a FIFO, a folder, another file); DUBAN_EIO naming path when
 * the temporary file cannot be made, or when libxlsxwriter cannot be
 * loaded.  Nothing is left to close after a failure. */
int xlsx_book_open(xlsx_book *b, const char *path, duban_error *err);
/* Writes the workbook and renames it over path; on any failure (also one
 * kept by xlsx_keep) removes the temporary file: DUBAN_EIO or DUBAN_ENOMEM. */
int xlsx_book_close(xlsx_book *b, duban_error *err);
/* Keeps the first libxlsxwriter failure. */
void xlsx_keep(xlsx_book *b, lxw_error e);
/* A text cell, sanitised line by line (no control character but the
 * line break reaches the XML; "\r\n" and "\r" are written "\n"), written
 * as a string even when it starts with "="; empty text is a blank cell
 * with format f; text longer than XLSX_TEXT_MAX bytes is cut (at a
 * character).  Returns the display width of its widest line. */
#define XLSX_TEXT_MAX 32000
int xlsx_text(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f);
/* A date cell (format date_fmt) when iso is YYYY-MM-DD, else text in
 * text_fmt.  Returns the display width of what was written. */
int xlsx_date(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *iso,
              lxw_format *date_fmt, lxw_format *text_fmt);

#endif
