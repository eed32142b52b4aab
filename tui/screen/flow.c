/* flow.c - text laid out into lines before it is drawn (see flow.h). */
#include "screen/flow.h"

#include "screen/draw.h"
#include "base/strbuf.h"
#include "text/textwidth.h"

#include <stdlib.h>
#include <string.h>

void flow_init(flow *f, int width, int indent)
{
    memset(f, 0, sizeof *f);
    f->width = width > 4 ? width : 4;
    f->indent = indent < 0 ? 0 : indent > f->width - 4 ? f->width - 4 : indent;
}

void flow_free(flow *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].text);
    free(f->v);
    memset(f, 0, sizeof *f);
}

/* Appends a segment; text (may be NULL for a bar) is copied. */
static flow_seg *add(flow *f, int line, int col, int w, const char *text, int style)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        flow_seg *v = realloc(f->v, cap * sizeof *v);
        if (!v)
            return NULL;
        f->v = v;
        f->cap = cap;
    }
    char *copy = text ? duban_strdup(text) : NULL;
    if (text && !copy)
        return NULL;
    flow_seg *s = &f->v[f->n++];
    *s = (flow_seg){line, col, w, copy, style, 0, 0};
    return s;
}

void flow_newline(flow *f)
{
    if (f->col) {
        f->line++;
        f->col = 0;
    }
}

/* clean (sanitised) wrapped into [col, col + w) from the current line on;
 * the pen ends on a fresh line below it. */
static void wrap_lines(flow *f, const char *clean, int style, int col, int w)
{
    char **lines = NULL;
    size_t count = 0;
    if (text_wrap(clean, w > 2 ? w : 2, draw_measure(), &lines, &count))
        return;
    for (size_t i = 0; i < count; i++, f->line++)
        add(f, f->line, col, text_width(lines[i], draw_measure()), lines[i], style);
    f->col = 0;
    text_lines_free(lines, count);
}

void flow_text_in(flow *f, const char *text, int style, int col, int w)
{
    char *clean = text_sanitize(text ? text : "");
    if (clean && *clean)
        wrap_lines(f, clean, style, col, w);
    free(clean);
}

void flow_text(flow *f, const char *text, int style)
{
    flow_newline(f);
    flow_text_in(f, text, style, f->indent, f->width - f->indent);
}

/* The column for a piece of width w after gap, moving to a new line when
 * it does not fit. */
static int place(flow *f, int w, int gap)
{
    int x = f->col ? f->col + gap : f->indent;
    if (f->col && x + w > f->width) {
        f->line++;
        x = f->indent;
    }
    return x;
}

void flow_reserve(flow *f, int w, int gap)
{
    if (f->col && f->col + gap + w > f->width)
        flow_newline(f);
}

void flow_chip(flow *f, const char *text, int style, int gap)
{
    char *clean = text_sanitize(text ? text : "");
    int w = clean ? text_width(clean, draw_measure()) : 0;
    if (w > f->width - f->indent) { /* longer than a line: a paragraph */
        flow_newline(f);
        wrap_lines(f, clean, style, f->indent, f->width - f->indent);
    } else if (w > 0) {
        int x = place(f, w, gap);
        add(f, f->line, x, w, clean, style);
        f->col = x + w;
    }
    free(clean);
}

void flow_bar(flow *f, int w, int done, int total, int style, int gap)
{
    if (w < 3)
        return;
    if (w > f->width - f->indent)
        w = f->width - f->indent;
    int x = place(f, w, gap);
    flow_seg *s = add(f, f->line, x, w, NULL, style);
    if (s) {
        s->done = done;
        s->total = total;
    }
    f->col = x + w;
}

void flow_bar_at(flow *f, int col, int w, int done, int total)
{
    flow_seg *s = w >= 3 ? add(f, f->line, col, w, NULL, 0) : NULL;
    if (s) {
        s->done = done;
        s->total = total;
    }
}

void flow_at(flow *f, int col, int w, const char *text, int style)
{
    char *clean = text_sanitize(text ? text : "");
    if (clean && *clean && w > 0)
        add(f, f->line, col, w, clean, style);
    free(clean);
}

int flow_height(const flow *f)
{
    int h = f->line + (f->col > 0);
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].line + 1 > h)
            h = f->v[i].line + 1;
    return h;
}

int flow_extent(const flow *f)
{
    int w = 0;
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].col + f->v[i].w > w)
            w = f->v[i].col + f->v[i].w;
    return w;
}

int flow_line_extent(const flow *f, int line)
{
    int w = 0;
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].line == line && f->v[i].col + f->v[i].w > w)
            w = f->v[i].col + f->v[i].w;
    return w;
}

void flow_draw(const flow *f, int y, int x, int from, int h, int extra, int rev_lines)
{
    for (size_t i = 0; i < f->n; i++) {
        const flow_seg *s = &f->v[i];
        if (s->line < from || s->line >= from + h)
            continue;
        int style = s->style | (s->line < rev_lines ? extra : 0);
        int yy = y + s->line - from;
        if (s->text)
            draw_text(yy, x + s->col, s->w, s->text, style);
        else
            draw_bar(yy, x + s->col, s->w, s->done, s->total, style & S_REVERSE);
    }
}
