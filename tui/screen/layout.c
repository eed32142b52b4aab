/* layout.c - regions, header, status line and separators around the
 * views (see layout.h). */
#include "screen/layout.h"

#include "screen/draw.h"
#include "screen/search.h"
#include "screen/view.h"
#include "screen/vmodel.h"

#include <stdio.h>
#include <string.h>

static int detail_wanted(const app *a)
{
    if (view_current(a)->flags & VF_NO_DETAIL)
        return 0;
    if (a->detail_pref >= 0)
        return a->detail_pref;
    return a->lay.cols >= LAYOUT_WIDE_COLS || a->lay.lines >= 40;
}

void layout_compute(app *a, int lines, int cols)
{
    layout *l = &a->lay;
    memset(l, 0, sizeof *l);
    l->lines = lines;
    l->cols = cols;
    l->vsep_x = l->hsep_y = -1;
    l->too_small = cols < LAYOUT_MIN_COLS || lines < LAYOUT_MIN_LINES;
    if (l->too_small)
        return;
    l->status = (rect){lines - 1, 0, 1, cols};
    if (view_current(a)->flags & VF_FULL_SCREEN) { /* e.g. a slide: its own top line */
        l->main = (rect){0, 0, lines - 1, cols};
        return;
    }
    l->header = (rect){0, 0, 1, cols};
    rect body = {1, 0, lines - 2, cols};
    l->main = body;
    if (!detail_wanted(a))
        return;
    if (cols >= LAYOUT_WIDE_COLS) {
        int w = cols * 11 / 20 < LAYOUT_MIN_COLS ? LAYOUT_MIN_COLS : cols * 11 / 20;
        l->main.w = w;
        l->vsep_x = w;
        l->detail = (rect){body.y, w + 1, body.h, cols - w - 1};
    } else {
        int dh = body.h / 2;
        l->main.h = body.h - dh - 1;
        l->hsep_y = body.y + l->main.h;
        l->detail = (rect){l->hsep_y + 1, 0, dh, cols};
    }
}

static void draw_header(app *a, rect r)
{
    char iso[DATE_LEN], date[64], right[160];
    date_format(a->today, iso);
    app_date(a, iso, date, sizeof date);
    char conflicts[32] = "";
    if (a->conflicts.n) /* synced edits that lost: duban conflicts lists them */
        snprintf(conflicts, sizeof conflicts, "   冲突 %zu", a->conflicts.n);
    snprintf(right, sizeof right, "%s%s   完成 %d/%d   逾期 %d%s ", date,
             a->ctx->sample_today ? "（示例日期）" : "", a->ol.done, a->ol.total, a->ol.overdue,
             conflicts);
    draw_blank(r.y, r.x, r.w, S_HEADER);
    int x = draw_right(r.y, r.x, r.w, right, S_HEADER);
    int left = r.x + 1, avail = x - r.x - 3;
    if (store_readonly(a->st)) { /* before anything: no edit will be taken */
        int used = draw_text(r.y, left, avail, "只读 read-only  ", S_HEADER | S_REVERSE);
        left += used;
        avail -= used;
    }
    if (a->mtg.id) { /* the open meeting first: edits now belong to it */
        char m[300];
        snprintf(m, sizeof m, "● 会议中: %s  ", a->mtg.title);
        int used = draw_text(r.y, left, avail, m, S_HEADER);
        left += used;
        avail -= used;
    }
    if (query_filter_active(&a->filter)) { /* what the screen is restricted to */
        char f[300], m[320];
        vm_filter_describe(a, f, sizeof f);
        snprintf(m, sizeof m, "▼ 筛选: %s  ", f);
        int used = draw_text(r.y, left, avail, m, S_HEADER);
        left += used;
        avail -= used;
    }
    draw_text(r.y, left, avail, a->plan.title, S_HEADER);
}

static int draw_prompt(app *a, rect r)
{
    /* why the last answer was not taken, between the label (shortened)
     * and the answer */
    int err = a->prompt_error[0] != '\0';
    int x = r.x + 1 + draw_text(r.y, r.x + 1, err ? r.w / 4 : r.w * 3 / 5, a->prompt_title, S_BOLD);
    if (err)
        x += draw_text(r.y, x, r.w / 2, a->prompt_error, S_ERROR) + 1;
    char count[64] = "";
    if (a->prompt == PROMPT_SEARCH && a->le.len)
        snprintf(count, sizeof count, " %zu 处 ", a->sr.nmatch);
    int avail = r.x + r.w - x - draw_width(count) - 1;
    size_t start;
    int col;
    lineedit_view(&a->le, avail, &start, &col);
    draw_text(r.y, x, avail, a->le.buf + start, S_NORMAL);
    draw_right(r.y, r.x, r.w, count, S_BOLD);
    return x + col;
}

static int draw_status(app *a, rect r)
{
    draw_blank(r.y, r.x, r.w, S_NORMAL);
    if (a->prompt != PROMPT_NONE)
        return draw_prompt(a, r);
    char pos[96], right[160];
    int x;
    if (view_current(a)->flags & VF_FULL_SCREEN) { /* no key hints on the wall: a faint ? */
        x = draw_right(r.y, r.x, r.w, " ? ", S_DIM);
    } else {
        const view_ops *v = view_current(a);
        if (v->position)
            v->position(a, pos, sizeof pos);
        else
            snprintf(pos, sizeof pos, "%s", v->name);
        snprintf(right, sizeof right, " %s   ? 帮助 ", pos);
        x = draw_right(r.y, r.x, r.w, right, S_BAR_LINE);
    }
    draw_text(r.y, r.x + 1, x - r.x - 3, a->msg, a->msg_style);
    return -1;
}

static void draw_too_small(const app *a)
{
    char need[64], now[64];
    snprintf(need, sizeof need, "need at least %dx%d", LAYOUT_MIN_COLS, LAYOUT_MIN_LINES);
    snprintf(now, sizeof now, "now %dx%d", a->lay.cols, a->lay.lines);
    const char *text[] = {"终端太小", "terminal too small:", need, now};
    int y = a->lay.lines / 2 - 2;
    for (int i = 0; i < 4; i++)
        if (y + i >= 0 && y + i < a->lay.lines)
            draw_centered(y + i, 0, a->lay.cols, text[i], i < 2 ? S_BOLD : S_NORMAL);
}

int layout_draw_moved(app *a, size_t from)
{
    layout *l = &a->lay;
    const view_ops *v = view_current(a), *pane = view_get(VIEW_detail);
    if (l->too_small || !v->draw_moved || a->prompt != PROMPT_NONE)
        return -2;
    if (v->sync)
        v->sync(a);
    if (l->detail.w > 0)
        pane->sync(a); /* it may read what the rows show (lights) */
    if (v->draw_moved(a, l->main, from))
        return -2;
    if (l->detail.w > 0)
        pane->draw(a, l->detail); /* it blanks every line of its region */
    return draw_status(a, l->status);
}

int layout_draw_frame(app *a)
{
    layout *l = &a->lay;
    if (l->too_small) {
        draw_too_small(a);
        return -1;
    }
    const view_ops *v = view_current(a), *pane = view_get(VIEW_detail);
    if (v->sync)
        v->sync(a);
    if (l->detail.w > 0)
        pane->sync(a); /* after the main view: it describes its selection */
    if (l->header.h)
        draw_header(a, l->header);
    v->draw(a, l->main);
    if (l->detail.w > 0)
        pane->draw(a, l->detail);
    if (l->vsep_x >= 0)
        draw_vline(l->main.y, l->vsep_x, l->main.h);
    if (l->hsep_y >= 0)
        draw_hline(l->hsep_y, 0, l->cols);
    return draw_status(a, l->status);
}
