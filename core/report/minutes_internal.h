/* minutes_internal.h - the minutes as a sequence of blocks (headings,
 * paragraphs, list items, tables) built once by minutes.c and written out
 * by minutes_render.c as Markdown or HTML.  Internal to core. */
#ifndef DUBAN_MINUTES_INTERNAL_H
#define DUBAN_MINUTES_INTERNAL_H

#include "report/minutes.h"
#include "text/table.h"

#include <stddef.h>

enum block_kind { BLOCK_H1, BLOCK_H2, BLOCK_H3, BLOCK_P, BLOCK_LI, BLOCK_TABLE, BLOCK_SIGN };

typedef struct minutes_block {
    enum block_kind kind;
    char *text; /* heading, paragraph, list item or 落款 (lines; sanitised); NULL for a table */
    table t;    /* BLOCK_TABLE only; cells sanitised by table_add_row */
    table_column *own_cols; /* a decoded table's columns (texts on the heap), else NULL */
} minutes_block;

typedef struct minutes_doc {
    char *title; /* for the HTML <title> */
    minutes_block *v;
    size_t n, cap;
} minutes_doc;

void minutes_doc_free(minutes_doc *d);
/* Appends a text block (sanitised) or moves *t into a table block (on
 * failure *t is freed); DUBAN_ENOMEM.  For other documents of the same
 * look (the 通报 as HTML, report.c). */
int minutes_doc_text(minutes_doc *d, enum block_kind kind, const char *text);
int minutes_doc_table(minutes_doc *d, table *t);
/* The blocks into out, handed to flush (when not NULL) as out fills
 * (table_render_stream()); what is left in out at the end is the
 * caller's.  DUBAN_OK, DUBAN_ENOMEM or DUBAN_EIO (flush failed). */
int minutes_write_md(const minutes_doc *d, const text_measure *m, strbuf *out, table_flush_fn flush,
                     void *arg);
int minutes_write_html(const minutes_doc *d, strbuf *out, table_flush_fn flush, void *arg);
/* The blocks as a workbook at path (minutes_xlsx.c; see minutes_write_file). */
int minutes_write_xlsx(const minutes_doc *d, const char *path, duban_error *err);
/* The blocks as text and back (minutes_doc_codec.c): what an ended
 * meeting keeps (format "doc") to write its workbook later with the
 * figures it ended with.  encode: DUBAN_ENOMEM; decode fills *d (free
 * with minutes_doc_free) or leaves it empty: DUBAN_EPARSE for a damaged
 * text, DUBAN_ENOMEM. */
int minutes_doc_encode(const minutes_doc *d, strbuf *out);
int minutes_doc_decode(const char *text, minutes_doc *d, duban_error *err);
/* HTML-escapes s (& < > " ') into out. */
int html_escape(strbuf *out, const char *s);

#endif
