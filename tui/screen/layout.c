/* layout.c - regions, header, status line, and the helpers every view
 * shares (see layout.h, view.h). */
#include "screen/layout.h"

#include "screen/draw.h"
#include "screen/search.h"
#include "screen/view.h"
#include "screen/vmodel.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void app_message(app *a, int style, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    a->msg_style = style;
}

int64_t app_selected(app *a)
{
    return a->view->selected(a);
}

void app_date(const app *a, const char *iso, char *out, size_t outsz)
{
    if (!*iso || config_format_date(a->ctx->config, iso, out, outsz) != DUBAN_OK)
        snprintf(out, outsz, "%s", iso);
}

void app_chinese_number(int n, char *out, size_t outsz)
{
    static const char *const d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 1 || n > 99)
        snprintf(out, outsz, "%d", n);
    else if (n < 10)
        snprintf(out, outsz, "%s", d[n]);
    else
        snprintf(out, outsz, "%s十%s", n >= 20 ? d[n / 10] : "", d[n % 10]);
}

void view_switch(app *a, const view_ops *v)
{
    a->view = v ? v : &view_outline;
}

int view_move_cursor(action act, size_t *cursor, size_t n, int page)
{
    size_t c = *cursor, p = page > 1 ? (size_t)page - 1 : 1;
    switch (act) {
    case ACT_move_down:
        c++;
        break;
    case ACT_move_up:
        c = c ? c - 1 : 0;
        break;
    case ACT_page_down:
        c += p;
        break;
    case ACT_page_up:
        c = c > p ? c - p : 0;
        break;
    case ACT_first_row:
        c = 0;
        break;
    case ACT_last_row:
        c = n;
        break;
    default:
        return 0;
    }
    *cursor = n == 0 ? 0 : c >= n ? n - 1 : c;
    return 1;
}

void view_scroll_to(size_t cursor, size_t *top, size_t n, int h)
{
    size_t hh = h > 0 ? (size_t)h : 1;
    if (*top + hh > n)
        *top = n > hh ? n - hh : 0; /* no empty space below when it fits */
    if (cursor < *top)
        *top = cursor;
    else if (cursor >= *top + hh)
        *top = cursor - hh + 1;
}

static int detail_wanted(const app *a)
{
    if (a->view == &view_help || a->view == &view_present)
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
    if (a->view == &view_present) { /* the slide has its own top line */
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
    if (a->conflicts) /* synced edits that lost: duban conflicts lists them */
        snprintf(conflicts, sizeof conflicts, "   冲突 %d", a->conflicts);
    snprintf(right, sizeof right, "%s%s   完成 %d/%d   逾期 %d%s ", date,
             a->ctx->sample_today ? "（示例日期）" : "", a->ol.done, a->ol.total, a->ol.overdue,
             conflicts);
    draw_blank(r.y, r.x, r.w, S_HEADER);
    int x = draw_right(r.y, r.x, r.w, right, S_HEADER);
    int left = r.x + 1, avail = x - r.x - 3;
    if (a->mtg.id) { /* the open meeting first: edits now belong to it */
        char m[300];
        snprintf(m, sizeof m, "● 会议中: %s  ", a->mtg.title);
        int used = draw_text(r.y, left, avail, m, S_HEADER);
        left += used;
        avail -= used;
    }
    draw_text(r.y, left, avail, a->plan.title, S_HEADER);
}

/* The prompt's label for each kind. */
static const char *prompt_label(const app *a, prompt_kind k)
{
    if (k >= PROMPT_EXT_DATE)
        return a->prompt_title;
    switch (k) {
    case PROMPT_SEARCH:
        return "搜索 /";
    case PROMPT_DUE:
        return "时限 due (YYYY-MM-DD): ";
    case PROMPT_UNIT:
        return "责任单位 unit: ";
    case PROMPT_LEADER:
        return "分管领导 leader: ";
    case PROMPT_NOTE:
        return "进展 note: ";
    default:
        return "";
    }
}

static int draw_prompt(app *a, rect r)
{
    const char *label = prompt_label(a, a->prompt);
    int x = r.x + 1 + draw_text(r.y, r.x + 1, r.w * 3 / 5, label, S_BOLD);
    char count[64] = "";
    if (a->prompt == PROMPT_SEARCH && a->le.len)
        snprintf(count, sizeof count, " %zu 处 ", a->sr.matches.n);
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
    if (a->view == &view_present) { /* no key hints on the wall: a faint ? only */
        x = draw_right(r.y, r.x, r.w, " ? ", S_DIM);
    } else {
        a->view->position(a, pos, sizeof pos);
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

int layout_draw_frame(app *a)
{
    layout *l = &a->lay;
    if (l->too_small) {
        draw_too_small(a);
        return -1;
    }
    a->view->sync(a);
    if (l->detail.w > 0)
        detail_sync(a, l->detail.w - 2);
    if (l->header.h)
        draw_header(a, l->header);
    a->view->draw(a, l->main);
    if (l->detail.w > 0)
        detail_draw(a, l->detail);
    if (l->vsep_x >= 0)
        draw_vline(l->main.y, l->vsep_x, l->main.h);
    if (l->hsep_y >= 0)
        draw_hline(l->hsep_y, 0, l->cols);
    return draw_status(a, l->status);
}
