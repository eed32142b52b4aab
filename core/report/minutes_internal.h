/* minutes_internal.h - the minutes as a sequence of blocks (headings,
 * paragraphs, list items, tables) built once by minutes.c and written out
 * by minutes_render.c as Markdown or HTML.  Internal to core. */
#ifndef DUBAN_MINUTES_INTERNAL_H
#define DUBAN_MINUTES_INTERNAL_H

#include "report/minutes.h"
#include "text/table.h"

#include <stddef.h>

enum block_kind { BLOCK_H1, BLOCK_H2, BLOCK_H3, BLOCK_P, BLOCK_LI, BLOCK_TABLE };

typedef struct minutes_block {
    enum block_kind kind;
    char *text; /* heading, paragraph or list item (sanitised); NULL for a table */
    table t;    /* BLOCK_TABLE only; cells sanitised by table_add_row */
} minutes_block;

typedef struct minutes_doc {
    char *title; /* for the HTML <title> */
    minutes_block *v;
    size_t n, cap;
} minutes_doc;

void minutes_doc_free(minutes_doc *d);
int minutes_write_md(const minutes_doc *d, const text_measure *m, strbuf *out);
int minutes_write_html(const minutes_doc *d, strbuf *out);
/* The blocks as a workbook at path (minutes_xlsx.c; see minutes_write_file). */
int minutes_write_xlsx(const minutes_doc *d, const char *path, duban_error *err);
/* HTML-escapes s (& < > " ') into out. */
int html_escape(strbuf *out, const char *s);

#endif
