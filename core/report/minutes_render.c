/* minutes_render.c - writing the minutes' blocks as Markdown or as one
 * self-contained printable HTML page. */
#include "report/minutes_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Block i as Markdown: a blank line after it, but for a list item
 * followed by another and for the last block (the text ends with exactly
 * one newline). */
static int md_block(const minutes_doc *d, size_t i, const text_measure *m, strbuf *out,
                    table_flush_fn flush, void *arg)
{
    static const char *const marks[] = {"# ", "## ", "### "};
    const minutes_block *b = &d->v[i];
    int last = i + 1 == d->n, next_li = !last && d->v[i + 1].kind == BLOCK_LI;
    const char *end = last || (b->kind == BLOCK_LI && next_li) ? "\n" : "\n\n";
    switch (b->kind) {
    case BLOCK_H1:
    case BLOCK_H2:
    case BLOCK_H3:
        return strbuf_append(out, marks[b->kind - BLOCK_H1]) | md_append_text(out, b->text) |
                       strbuf_append(out, end)
                   ? DUBAN_ENOMEM
                   : DUBAN_OK;
    case BLOCK_P:
    case BLOCK_SIGN:
        return md_append_text(out, b->text) | strbuf_append(out, end) ? DUBAN_ENOMEM : DUBAN_OK;
    case BLOCK_LI:
        return strbuf_append(out, "- ") | md_append_text(out, b->text) | strbuf_append(out, end)
                   ? DUBAN_ENOMEM
                   : DUBAN_OK;
    case BLOCK_TABLE: {
        int rc = table_render_stream(&b->t, FORMAT_MD, m, out, flush, arg);
        return rc || last ? rc : strbuf_append(out, "\n") ? DUBAN_ENOMEM : DUBAN_OK;
    }
    }
    return DUBAN_OK;
}

int minutes_write_md(const minutes_doc *d, const text_measure *m, strbuf *out, table_flush_fn flush,
                     void *arg)
{
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < d->n; i++)
        if (!(rc = md_block(d, i, m, out, flush, arg)))
            rc = table_flush_full(out, flush, arg);
    return rc;
}

int html_escape(strbuf *out, const char *s)
{
    int rc = 0;
    for (;;) {
        size_t plain = strcspn(s, "&<>\"'"); /* most text needs no entity: copy it at once */
        rc |= strbuf_appendn(out, s, plain);
        s += plain;
        if (!*s)
            return rc;
        switch (*s++) {
        case '&':
            rc |= strbuf_append(out, "&amp;");
            break;
        case '<':
            rc |= strbuf_append(out, "&lt;");
            break;
        case '>':
            rc |= strbuf_append(out, "&gt;");
            break;
        case '"':
            rc |= strbuf_append(out, "&quot;");
            break;
        default: /* '\'' */
            rc |= strbuf_append(out, "&#39;");
        }
    }
}

static const char html_head[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>";

static const char html_style[] =
    "</title>\n<style>\n"
    "@page { size: A4; margin: 18mm 15mm 18mm 15mm;\n"
    "  @bottom-center { content: \"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\";"
    " font-size: 9pt; } }\n"
    "html { background: #fff; }\n"
    "body { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Songti SC\","
    " SimSun, serif; font-size: 11pt; line-height: 1.5; color: #000; max-width: 190mm;"
    " margin: 0 auto; padding: 8mm; }\n"
    "h1 { font-size: 18pt; text-align: center; margin: 0 0 8pt; }\n"
    "h2 { font-size: 14pt; border-bottom: 1.5pt solid #000; margin: 14pt 0 6pt; }\n"
    "h3 { font-size: 12pt; margin: 10pt 0 4pt; }\n"
    "ul.meta { list-style: none; padding: 0; margin: 0 0 8pt; }\n"
    "p { margin: 4pt 0; }\n"
    "table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 10pt; }\n"
    "th, td { border: 0.75pt solid #444; padding: 2pt 4pt; text-align: left;"
    " vertical-align: top; }\n"
    "th { background: #eee; white-space: nowrap; }\n"
    "td.num, th.num { text-align: right; white-space: nowrap; }\n"
    "td.nw { white-space: nowrap; }\n"
    "p.sign { text-align: right; margin: 24pt 0 0; }\n"
    "p.sign + p.sign { margin-top: 0; }\n"
    ".red { color: #b00000; font-weight: bold; }\n"
    ".yellow { color: #8a5a00; font-weight: bold; }\n"
    ".green { color: #006400; }\n"
    "@media print {\n"
    "  body { max-width: none; padding: 0; font-size: 10.5pt; }\n"
    "  h1, h2, h3 { page-break-after: avoid; break-after: avoid; }\n"
    "  table { page-break-inside: auto; }\n"
    "  thead { display: table-header-group; }\n"
    "  tr { page-break-inside: avoid; break-inside: avoid; }\n"
    "  th { background: none; }\n"
    "}\n"
    "</style>\n</head>\n<body>\n";

/* The colour class of a light column, from its header's glyph. */
static const char *column_class(const table_column *c)
{
    if (!strncmp(c->header, "(!)", 3))
        return "red";
    if (!strncmp(c->header, "(~)", 3))
        return "yellow";
    if (!strncmp(c->header, "(o)", 3))
        return "green";
    return "";
}

/* Dates and statuses never wrap inside a cell. */
static int no_wrap(const table_column *c)
{
    return !strcmp(c->key, "due") || !strcmp(c->key, "extended_due") || !strcmp(c->key, "status") ||
           !strcmp(c->key, "at") || !strcmp(c->key, "date");
}

/* The opening tag of a column's cells ("<td class=\"num red\">"), made
 * once a table. */
static void open_tag(char *buf, size_t size, const char *tag, const table_column *c)
{
    const char *cls = no_wrap(c) && !strcmp(tag, "td") ? "nw" : column_class(c);
    if (c->numeric || *cls)
        snprintf(buf, size, "<%s class=\"%s%s%s\">", tag, c->numeric ? "num" : "",
                 c->numeric && *cls ? " " : "", cls);
    else
        snprintf(buf, size, "<%s>", tag);
}

static int cell(strbuf *out, const char *open, const char *close, const char *text)
{
    return strbuf_append(out, open) | html_escape(out, text) | strbuf_append(out, close);
}

/* A body cell: its opening tag of known length, the text, "</td>". */
static int td(strbuf *out, const char *open, size_t open_len, const char *text)
{
    return strbuf_appendn(out, open, open_len) | html_escape(out, text) |
           strbuf_appendn(out, "</td>", 5);
}

#define HTML_TAG_MAX 48

/* DUBAN_OK, DUBAN_ENOMEM or DUBAN_EIO (flush failed). */
static int html_table(strbuf *out, const table *t, table_flush_fn flush, void *arg)
{
    char(*open)[HTML_TAG_MAX] = malloc((t->ncols ? t->ncols : 1) * sizeof *open);
    size_t *len = malloc((t->ncols ? t->ncols : 1) * sizeof *len);
    if (!open || !len) {
        free(open);
        free(len);
        return DUBAN_ENOMEM;
    }
    int rc = strbuf_append(out, "<table>\n<thead><tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        open_tag(open[c], sizeof open[c], "th", &t->cols[c]);
        rc |= cell(out, open[c], "</th>", t->cols[c].header);
    }
    rc |= strbuf_append(out, "</tr></thead>\n<tbody>\n");
    for (size_t c = 0; c < t->ncols; c++) {
        open_tag(open[c], sizeof open[c], "td", &t->cols[c]);
        len[c] = strlen(open[c]);
    }
    int io = DUBAN_OK;
    for (size_t r = 0; !rc && !io && r < t->nrows; r++) {
        rc |= strbuf_appendn(out, "<tr>", 4);
        for (size_t c = 0; c < t->ncols; c++)
            rc |= td(out, open[c], len[c], table_cell(t, r, c));
        rc |= strbuf_appendn(out, "</tr>\n", 6);
        io = rc ? DUBAN_OK : table_flush_full(out, flush, arg);
    }
    free(open);
    free(len);
    rc |= strbuf_append(out, "</tbody>\n</table>\n");
    return io ? io : rc ? DUBAN_ENOMEM : DUBAN_OK;
}

/* Non-zero when out of memory. */
static int html_block(strbuf *out, const minutes_doc *d, size_t i)
{
    static const char *const tags[] = {"h1", "h2", "h3", "p"};
    const minutes_block *b = &d->v[i];
    int rc = 0;
    if (b->kind == BLOCK_SIGN)
        return strbuf_append(out, "<p class=\"sign\">") | html_escape(out, b->text) |
               strbuf_append(out, "</p>\n");
    if (b->kind == BLOCK_LI) {
        int first = !i || d->v[i - 1].kind != BLOCK_LI;
        int last = i + 1 == d->n || d->v[i + 1].kind != BLOCK_LI;
        rc |= strbuf_append(out, first ? "<ul class=\"meta\">\n<li>" : "<li>");
        rc |= html_escape(out, b->text);
        return rc | strbuf_append(out, last ? "</li>\n</ul>\n" : "</li>\n");
    }
    rc |= strbuf_printf(out, "<%s>", tags[b->kind]) | html_escape(out, b->text);
    return rc | strbuf_printf(out, "</%s>\n", tags[b->kind]);
}

int minutes_write_html(const minutes_doc *d, strbuf *out, table_flush_fn flush, void *arg)
{
    int rc = strbuf_append(out, html_head) | html_escape(out, d->title ? d->title : "") |
                     strbuf_append(out, html_style)
                 ? DUBAN_ENOMEM
                 : DUBAN_OK;
    for (size_t i = 0; !rc && i < d->n; i++) {
        if (d->v[i].kind == BLOCK_TABLE)
            rc = html_table(out, &d->v[i].t, flush, arg);
        else
            rc = html_block(out, d, i) ? DUBAN_ENOMEM : DUBAN_OK;
        rc = rc ? rc : table_flush_full(out, flush, arg);
    }
    return rc ? rc : strbuf_append(out, "</body>\n</html>\n") ? DUBAN_ENOMEM : DUBAN_OK;
}
