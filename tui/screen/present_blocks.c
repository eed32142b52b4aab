/* present_blocks.c - the scrolling list of blocks a slide is made of (see
 * present.h): in one column, or in rows of `cols` blocks side by side,
 * spaced to fill the height, with the cursor's block always whole. */
#include "screen/present.h"

#include "screen/draw.h"

#include <stdio.h>
#include <stdlib.h>

#define MARGIN 2  /* columns left free at both sides */
#define COL_GAP 4 /* columns between blocks side by side */

static int ncols(const present_blocks *b)
{
    return b->cols > 1 ? b->cols : 1;
}

/* Width of one block when the slide's column is w wide. */
static int block_width(const present_blocks *b, int w)
{
    return (w - (ncols(b) - 1) * COL_GAP) / ncols(b);
}

static size_t nrows(const present_blocks *b)
{
    return (b->n + (size_t)ncols(b) - 1) / (size_t)ncols(b);
}

static int block_height(app *a, const present_blocks *b, size_t i, int w)
{
    flow f;
    b->layout(a, i, w, 0, &f, b->ctx);
    int h = flow_height(&f);
    flow_free(&f);
    return h > 0 ? h : 1;
}

/* Height of row r: its tallest block (bw: a block's width). */
static int row_height(app *a, const present_blocks *b, size_t r, int bw)
{
    int h = 1;
    for (size_t i = r * (size_t)ncols(b); i < b->n && i < (r + 1) * (size_t)ncols(b); i++) {
        int bh = block_height(a, b, i, bw);
        h = bh > h ? bh : h;
    }
    return h;
}

/* The rows' heights without gaps; -1 past 60 rows (not measured). */
static int rows_total(app *a, const present_blocks *b, int bw)
{
    if (nrows(b) > 60)
        return -1;
    int total = 0;
    for (size_t r = 0; r < nrows(b); r++)
        total += row_height(a, b, r, bw);
    return total;
}

int present_blocks_fit(app *a, const present_blocks *b, int w, int avail)
{
    int total = rows_total(a, b, block_width(b, w));
    return total >= 0 && total + ((int)nrows(b) - 1) * b->min_gap <= avail;
}

/* Blank lines between rows: from b->gap down to b->min_gap until all
 * fit, plus up to b->extra_max more when there is room; *fits says
 * whether everything fits. */
static int choose_gap(app *a, const present_blocks *b, int bw, int avail, int *fits, int *spare)
{
    *fits = *spare = 0;
    int total = rows_total(a, b, bw), rows = (int)nrows(b);
    if (total < 0)
        return b->gap;
    for (int gap = b->gap; gap >= b->min_gap; gap--) {
        int need = total + (rows - 1) * gap;
        if (need > avail)
            continue;
        int extra = (avail - need) / rows;
        extra = extra > b->extra_max ? b->extra_max : extra;
        *fits = 1;
        *spare = avail - need - (rows - 1) * extra;
        return gap + extra;
    }
    return b->min_gap;
}

/* Moves top (the first block of a row) so that the cursor's row ends
 * within avail rows. */
static void fit_top(app *a, const present_blocks *b, int bw, int avail, int gap)
{
    present_state *p = present_state_of(a);
    size_t c = (size_t)ncols(b), top = p->top / c, cur = p->cursor / c;
    if (top > cur)
        top = cur;
    size_t k = cur - top + 1;
    int *h = malloc(k * sizeof *h), used = 0;
    if (!h) {
        p->top = cur * c;
        return;
    }
    for (size_t i = 0; i < k; i++)
        used += (h[i] = row_height(a, b, top + i, bw)) + (i ? gap : 0);
    size_t drop = 0;
    while (used > avail && top + drop < cur)
        used -= h[drop++] + gap;
    p->top = (top + drop) * c;
    free(h);
}

/* "↑ 前面 2 项" on the left, "↓ 更多 5 项" on the right of row y. */
static void draw_more(rect r, int y, size_t above, size_t below)
{
    char buf[64];
    draw_blank(y, r.x, r.w, S_NORMAL);
    if (above) {
        snprintf(buf, sizeof buf, "↑ 前面 %zu 项", above);
        draw_text(y, r.x + MARGIN, r.w / 2 - MARGIN, buf, S_DIM);
    }
    if (below) {
        snprintf(buf, sizeof buf, "↓ 更多 %zu 项", below);
        draw_right(y, r.x, r.w - MARGIN, buf, S_BOLD);
    }
}

/* Draws block i (its first `room` lines at most) at row y of the column
 * [x, x + w); returns its height. */
static int draw_block(app *a, const present_blocks *b, size_t i, int x, int w, int y, int room)
{
    present_state *p = present_state_of(a);
    flow f;
    int sel = i == p->cursor;
    b->layout(a, i, w, sel, &f, b->ctx);
    int h = flow_height(&f), shown = h < room ? h : room;
    for (int k = 0; sel && k < f.head && k < shown; k++)
        draw_blank(y + k, x - 1, w + 2, S_REVERSE);
    flow_draw(&f, y, x, 0, shown, sel ? S_REVERSE : 0, f.head);
    if (p->vis_n < PRESENT_VISIBLE_MAX) {
        p->vis_y[p->vis_n] = y;
        p->vis_h[p->vis_n] = shown;
        p->vis_x[p->vis_n] = x;
        p->vis_w[p->vis_n++] = w;
    }
    flow_free(&f);
    return h;
}

/* Draws the row of blocks starting with block i; returns its height. */
static int draw_row(app *a, const present_blocks *b, size_t i, int x, int bw, int y, int room)
{
    int h = 0;
    for (size_t k = i; k < b->n && k < i + (size_t)ncols(b); k++) {
        int bh = draw_block(a, b, k, x + (int)(k - i) * (bw + COL_GAP), bw, y, room);
        h = bh > h ? bh : h;
    }
    return h;
}

void present_blocks_draw(app *a, const present_blocks *b, rect r, int y)
{
    present_state *p = present_state_of(a);
    int x, w = b->width > 0 ? b->width : present_column(r, &x);
    int bw = block_width(b, w), avail = r.y + r.h - y, fits, spare;
    x = r.x + (r.w - w) / 2;
    p->vis_n = 0;
    p->vis_first = p->top;
    if (avail < 1 || b->n == 0)
        return;
    if (p->cursor >= b->n)
        p->cursor = b->n - 1;
    int head = b->header && avail > b->header_h + 1 ? b->header_h : 0;
    avail -= head;
    int gap = choose_gap(a, b, bw, avail, &fits, &spare);
    if (fits && b->centre > 0) { /* 2: halfway, 3: a third */
        int shift = spare / b->centre;
        y += b->centre_max > 0 && shift > b->centre_max ? b->centre_max : shift;
    }
    if (head)
        b->header(a, y, x, w, b->ctx);
    y += head;
    if (fits)
        p->top = 0;
    else
        fit_top(a, b, bw, avail - 1, gap); /* the last row says what is hidden */
    p->vis_first = p->top;
    int row = y, end = r.y + r.h - !fits;
    size_t i = p->top, whole = p->top;
    for (; i < b->n && row < end; i += (size_t)ncols(b)) {
        int h = draw_row(a, b, i, x, bw, row, end - row);
        if (row + h <= end)
            whole = i + (size_t)ncols(b) < b->n ? i + (size_t)ncols(b) : b->n;
        if (b->rules && gap >= 3 && i + (size_t)ncols(b) < b->n && row + h + gap < end)
            draw_hline(row + h + gap / 2, x + 2, w - 4); /* wide gaps: a rule between rows */
        row += h + gap;
    }
    if (!fits)
        draw_more(r, end, p->top, b->n - whole);
}
