/* minutes_xlsx.c - the minutes' blocks as one worksheet 会议纪要: headings
 * in bold, paragraphs and list items as text rows, each table with its
 * header (light columns in their colours), numbers as numbers and dates
 * as dates. */
#include "report/minutes_internal.h"

#include "report/xlsx_book.h"

#include <stdlib.h>
#include <string.h>

#define MAX_COLS 32
#define MAX_WIDTH 50

typedef struct mx {
    xlsx_book book;
    lxw_worksheet *ws;
    lxw_format *h[3], *text, *wrap, *head, *num, *date, *light[3];
    int width[MAX_COLS];
} mx;

static void formats(mx *x)
{
    lxw_workbook *wb = x->book.wb;
    const xlsx_lib *xl = &x->book.lib;
    static const double sizes[] = {16, 13, 11};
    for (int i = 0; i < 3; i++) {
        x->h[i] = xl->workbook_add_format(wb);
        xl->format_set_bold(x->h[i]);
        xl->format_set_font_size(x->h[i], sizes[i]);
    }
    x->text = xl->workbook_add_format(wb);
    xl->format_set_border(x->text, LXW_BORDER_THIN);
    xl->format_set_align(x->text, LXW_ALIGN_VERTICAL_TOP);
    x->wrap = xl->workbook_add_format(wb);
    xl->format_set_border(x->wrap, LXW_BORDER_THIN);
    xl->format_set_text_wrap(x->wrap);
    xl->format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
    x->num = xl->workbook_add_format(wb);
    xl->format_set_border(x->num, LXW_BORDER_THIN);
    x->date = xl->workbook_add_format(wb);
    xl->format_set_border(x->date, LXW_BORDER_THIN);
    xl->format_set_num_format(x->date, "yyyy-mm-dd");
    x->head = xl->workbook_add_format(wb);
    xl->format_set_bold(x->head);
    xl->format_set_border(x->head, LXW_BORDER_THIN);
    xl->format_set_bg_color(x->head, 0xD9E1F2);
    static const lxw_color_t fills[] = {0xFFC7CE, 0xFFEB9C, 0xC6EFCE};
    for (int i = 0; i < 3; i++) {
        x->light[i] = xl->workbook_add_format(wb);
        xl->format_set_bold(x->light[i]);
        xl->format_set_border(x->light[i], LXW_BORDER_THIN);
        xl->format_set_bg_color(x->light[i], fills[i]);
    }
}

/* The header format of a column: a light column in its colour. */
static lxw_format *head_format(mx *x, const table_column *c)
{
    static const char *const glyphs[] = {"(!)", "(~)", "(o)"};
    for (int i = 0; i < 3; i++)
        if (!strncmp(c->header, glyphs[i], 3))
            return x->light[i];
    return x->head;
}

static int is_number(const char *s)
{
    char *end;
    if (!*s)
        return 0;
    strtod(s, &end);
    return !*end;
}

static void table_rows(mx *x, const table *t, int *row)
{
    for (size_t c = 0; c < t->ncols && c < MAX_COLS; c++) {
        int w = xlsx_text(&x->book, x->ws, *row, (int)c, t->cols[c].header,
                          head_format(x, &t->cols[c]));
        x->width[c] = w > x->width[c] ? w : x->width[c];
    }
    ++*row;
    for (size_t r = 0; r < t->nrows; r++, ++*row)
        for (size_t c = 0; c < t->ncols && c < MAX_COLS; c++) {
            const char *s = table_cell(t, r, c);
            int w;
            if (t->cols[c].numeric && is_number(s)) {
                xlsx_keep(&x->book,
                          x->book.lib.worksheet_write_number(x->ws, (lxw_row_t)*row, (lxw_col_t)c,
                                                             strtod(s, NULL), x->num));
                w = (int)strlen(s);
            } else if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
                w = xlsx_date(&x->book, x->ws, *row, (int)c, s, x->date, x->text);
            } else {
                w = xlsx_text(&x->book, x->ws, *row, (int)c, s, x->wrap);
            }
            x->width[c] = w > x->width[c] ? w : x->width[c];
        }
}

int minutes_write_xlsx(const minutes_doc *d, const char *path, duban_error *err)
{
    mx x = {0};
    int rc = xlsx_book_open(&x.book, path, err);
    if (rc)
        return rc;
    formats(&x);
    x.ws = x.book.lib.workbook_add_worksheet(x.book.wb, "会议纪要");
    if (!x.ws)
        xlsx_keep(&x.book, LXW_ERROR_MEMORY_MALLOC_FAILED);
    int row = 0;
    for (size_t i = 0; x.ws && !x.book.rc && i < d->n; i++) {
        const minutes_block *b = &d->v[i];
        if (b->kind == BLOCK_TABLE) {
            table_rows(&x, &b->t, &row);
        } else if (b->kind == BLOCK_LI || b->kind == BLOCK_P || b->kind == BLOCK_SIGN) {
            char *line = malloc(strlen(b->text) + 8);
            if (!line)
                xlsx_keep(&x.book, LXW_ERROR_MEMORY_MALLOC_FAILED);
            else
                strcat(strcpy(line, b->kind == BLOCK_LI ? "· " : ""), b->text);
            xlsx_text(&x.book, x.ws, row++, 0, line, NULL);
            free(line);
        } else {
            row += b->kind != BLOCK_H1 && row > 0; /* a blank row before a section */
            xlsx_text(&x.book, x.ws, row++, 0, b->text, x.h[b->kind - BLOCK_H1]);
        }
    }
    for (int c = 0; x.ws && c < MAX_COLS && x.width[c]; c++) {
        int w = x.width[c] + 2;
        xlsx_keep(&x.book, x.book.lib.worksheet_set_column(x.ws, (lxw_col_t)c, (lxw_col_t)c,
                                                           w > MAX_WIDTH ? MAX_WIDTH : w, NULL));
    }
    if (x.ws) {
        x.book.lib.worksheet_set_landscape(x.ws);
        x.book.lib.worksheet_fit_to_pages(x.ws, 1, 0);
    }
    return xlsx_book_close(&x.book, err);
}
