/* table.h - rows of text rendered as an aligned text table, CSV, JSON or
 * Markdown.  The listing commands and the reports build one and render it
 * into a strbuf; the caller writes the result where it belongs.  A table
 * holds its rows; table_writer.h renders rows as they come (it is what
 * table_render() uses), for listings too long to hold.
 *
 * Call order: table_init() -> table_add_row()* -> table_render()* ->
 * table_free().  Cells are copied.  Text and Markdown cells are sanitised
 * (textwidth.h) and aligned by display width; CSV follows RFC 4180 (cells
 * sanitised, quoted when needed, CRLF line ends; a cell a spreadsheet would
 * run as a formula, with a leading = + - @, tab or CR and not a plain
 * number, gets a leading ' so that it stays text); JSON is an array of
 * objects keyed by the column keys, with every control character escaped.
 * Markdown cells also have | & < > escaped (\|, &amp; &lt; &gt;).
 * Text and Markdown are aligned with the caller's measure (textwidth.h;
 * NULL = ambiguous 1).
 */
#ifndef DUBAN_TABLE_H
#define DUBAN_TABLE_H

#include "base/strbuf.h"
#include "text/textwidth.h"

#include <stddef.h>

enum table_format { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON, FORMAT_MD };

typedef struct table_column {
    const char *key;    /* JSON key and CSV header, e.g. "ref" */
    const char *header; /* text/Markdown header, e.g. "REF" */
    int numeric;        /* JSON number (cell must be an integer) and right-aligned */
} table_column;

struct table_block;

typedef struct table {
    const table_column *cols; /* borrowed; must outlive the table */
    size_t ncols;
    size_t nrows, cap;
    char **rows;                /* private: each row's cells, end to end (table_cell() reads one) */
    struct table_block *blocks; /* where the cells' text is kept */
} table;

/* The UTF-8 byte-order mark that makes Excel and WPS read a CSV file as
 * UTF-8.  table_render() never writes it (a rendering may be one part of
 * the output); whoever writes the whole CSV stream puts it first. */
#define TABLE_CSV_BOM "\xEF\xBB\xBF"

/* Parses text|csv|json|md; returns 0 or -1. */
int table_format_parse(const char *name, enum table_format *fmt);

void table_init(table *t, const table_column *cols, size_t ncols);
/* Appends a row of ncols cells (NULL cells are ""); DUBAN_ENOMEM on failure. */
int table_add_row(table *t, const char *const *cells);
/* The (sanitised) text of row r's cell c; r < nrows, c < ncols.  Owned by
 * the table.  O(c): a row is read cell by cell. */
const char *table_cell(const table *t, size_t r, size_t c);
int table_render(const table *t, enum table_format fmt, const text_measure *m, strbuf *out);
/* Rendered output is handed out in pieces of about this size: big enough
 * for few writes, small enough that the buffer stays in a few pages. */
#define TABLE_FLUSH_AT 16384
/* The same, handing out to flush whenever it holds TABLE_FLUSH_AT or more
 * at the end of a row (then emptying it), so that a long table's rendering is
 * never whole in memory: flush writes it where it belongs and returns 0,
 * or non-zero to stop (DUBAN_EIO).  What is left in out at the end is the caller's to
 * write.  DUBAN_OK, DUBAN_ENOMEM or DUBAN_EIO. */
typedef int (*table_flush_fn)(void *arg, const strbuf *out);
int table_render_stream(const table *t, enum table_format fmt, const text_measure *m, strbuf *out,
                        table_flush_fn flush, void *arg);
/* Hands out to flush, then empties it, once it holds TABLE_FLUSH_AT or
 * more: the same pieces for output made around tables (the minutes'
 * headings and paragraphs).  Nothing without flush.  DUBAN_OK or
 * DUBAN_EIO. */
int table_flush_full(strbuf *out, table_flush_fn flush, void *arg);
void table_free(table *t);

/* JSON string literal of s (quoted, escaped) appended to out: " \ and
 * controls (C0, DEL, C1), the bidi controls U+202A..U+202E and
 * U+2066..U+2069 and U+2028/U+2029 are escaped (\uXXXX); malformed UTF-8
 * becomes U+FFFD. */
int json_append_string(strbuf *out, const char *s);

/* Markdown text: s appended with & < > written as &amp; &lt; &gt;, so that
 * no HTML in data reaches a Markdown renderer.  s should be sanitised
 * (text_sanitize) first.  Returns 0 or DUBAN_ENOMEM. */
int md_append_text(strbuf *out, const char *s);

#endif
