/* present_summary.c - the first slide of presentation mode: every area
 * with its progress bar, done/total, rate, overdue and at-risk counts
 * (from 120 columns) and lights, under a row of column names, and the
 * plan's completion rate (see present.h).  Zero counts are left blank.
 * From 120 columns the rows are spread over the height, so that the
 * table fills the screen instead of floating in a band of blank rows. */
#include "screen/present.h"

#include "screen/draw.h"

#include <stdio.h>
#include <string.h>

#define WIDE 120 /* from here: more columns, rows spread over the height */
#define SEP 2    /* columns between the numbers' columns */
#define RATE 6   /* the rate column: "完成率" over " 40%" */

enum { C_LATE, C_RISK, C_RED, C_YELLOW, C_GREEN, NUMS };

/* Columns of the table, centred in the width it is laid out for. */
typedef struct sum_cols {
    int x, tw, bar, count;
    int num[NUMS]; /* widths of the count columns, 0: not shown */
    int detail;    /* a second line: the area's items per status */
} sum_cols;

static const char *const num_names[NUMS] = {"逾期", "临期", "红灯", "黄灯", "绿灯"};

/* The count in column k of area ar. */
static int num_value(const area_row *ar, int k)
{
    switch (k) {
    case C_LATE:
        return ar->stats.overdue;
    case C_RISK:
        return ar->stats.at_risk;
    default:
        return ar->nlight[LIGHT_RED - (k - C_RED)];
    }
}

/* "(!) 3" in the light columns, "3" in the others. */
static void num_text(const area_row *ar, int k, char *buf, size_t bufsz)
{
    int v = num_value(ar, k);
    if (!v)
        snprintf(buf, bufsz, "%s", ""); /* a zero is left blank */
    else if (k >= C_RED)
        snprintf(buf, bufsz, "%s %d", light_glyph((light)(LIGHT_RED - (k - C_RED))), v);
    else
        snprintf(buf, bufsz, "%d", v);
}

/* Width of the row without the title. */
static int fixed_width(const sum_cols *c)
{
    int w = 4 + 3 + (c->bar ? c->bar + 2 : 0) + c->count + 2 + RATE + 1;
    for (int k = 0; k < NUMS; k++)
        w += c->num[k] ? SEP + c->num[k] : 0;
    return w;
}

/* The columns for a table w wide on a screen `cols` wide. */
static sum_cols measure(app *a, int w, int cols)
{
    sum_cols c = {0, draw_width("方面"), present_bar_width(a, w), draw_width("完成"), {0}, 0};
    for (int k = cols >= WIDE ? 0 : C_RED; k < NUMS; k++)
        c.num[k] = draw_width(num_names[k]);
    for (size_t i = 0; i < a->ol.nareas; i++) {
        const area_row *ar = &a->ol.areas[i];
        char buf[32];
        snprintf(buf, sizeof buf, "%d/%d", ar->stats.done, ar->stats.total);
        c.count = draw_width(buf) > c.count ? draw_width(buf) : c.count;
        c.tw = draw_width(ar->area.title) > c.tw ? draw_width(ar->area.title) : c.tw;
        for (int k = 0; k < NUMS; k++) {
            num_text(ar, k, buf, sizeof buf);
            if (c.num[k] && draw_width(buf) > c.num[k])
                c.num[k] = draw_width(buf);
        }
    }
    while (fixed_width(&c) + c.tw > w && c.bar > 8)
        c.bar--;
    if (fixed_width(&c) + c.tw > w)
        c.bar = 0;
    if (fixed_width(&c) + c.tw > w)
        c.tw = w - fixed_width(&c) > 6 ? w - fixed_width(&c) : 6; /* titles wrap */
    int total = fixed_width(&c) + c.tw;
    c.x = total < w ? (w - total) / 2 : 0;
    return c;
}

/* Column of the done/total count (after the title and the bar). */
static int count_x(const sum_cols *c)
{
    return c->x + 4 + c->tw + 3 + (c->bar ? c->bar + 2 : 0);
}

/* The names of the columns, over them. */
static void summary_header(app *a, int y, int x, int w, void *ctx)
{
    const sum_cols *c = ctx;
    (void)a;
    (void)w;
    draw_text(y, x + c->x + 4, c->tw, "方面", S_DIM);
    if (c->bar)
        draw_text(y, x + c->x + 4 + c->tw + 3, c->bar, "进度", S_DIM);
    int cx = x + count_x(c);
    draw_right(y, cx, c->count, "完成", S_DIM);
    draw_right(y, cx + c->count + 2, RATE, "完成率", S_DIM);
    cx += c->count + 2 + RATE + 1;
    for (int k = 0; k < NUMS; k++)
        if (c->num[k]) {
            draw_right(y, cx + SEP, c->num[k], num_names[k], S_DIM);
            cx += SEP + c->num[k];
        }
}

/* "[ ] 未启动 2   [>] 推进中 1": the area's items per status (zeros left
 * out), at column col of a new line. */
static void status_line(app *a, const area_row *ar, flow *f, int col)
{
    const status_set *set = store_statuses(a->st);
    const int *n = ar->nstatus;
    flow_newline(f); /* the title's paragraph left the pen on a fresh line */
    int x = col;
    for (size_t i = 0; i < set->n; i++) {
        char buf[128];
        if (!n[i])
            continue;
        snprintf(buf, sizeof buf, "%s %s %d", set->v[i].glyph, set->v[i].name, n[i]);
        flow_at(f, x, draw_width(buf), buf, S_STATUS + (int)i);
        x += draw_width(buf) + 3;
    }
}

static void summary_layout(app *a, size_t i, int w, int selected, flow *f, void *ctx)
{
    const sum_cols *c = ctx;
    const area_row *ar = &a->ol.areas[i];
    const area_stats *s = &ar->stats;
    char buf[64];
    flow_init(f, w, 0);
    snprintf(buf, sizeof buf, "%2d", ar->area.seq);
    flow_at(f, c->x, 2, buf, S_AREA);
    if (c->bar)
        flow_bar_at(f, c->x + 4 + c->tw + 3, c->bar, s->done, s->total);
    int x = count_x(c);
    char count[32];
    snprintf(count, sizeof count, "%d/%d", s->done, s->total);
    snprintf(buf, sizeof buf, "%*s", c->count, count);
    flow_at(f, x, c->count, buf, S_BOLD);
    snprintf(buf, sizeof buf, "%*d%%", RATE - 1, light_rate_percent(s->done, s->total));
    flow_at(f, x += c->count + 2, RATE, buf, S_NORMAL);
    x += RATE + 1;
    for (int k = 0; k < NUMS; k++) {
        if (!c->num[k])
            continue;
        num_text(ar, k, count, sizeof count);
        snprintf(buf, sizeof buf, "%*s", c->num[k] - draw_width(count) + (int)strlen(count), count);
        int style = k == C_LATE ? S_LATE : k == C_RISK ? S_RISK : S_LIGHT + LIGHT_RED - (k - C_RED);
        if (*count)
            flow_at(f, x + SEP, c->num[k], buf, style);
        x += SEP + c->num[k];
    }
    flow_text_in(f, ar->area.title, S_AREA, c->x + 4, c->tw);
    f->head = flow_height(f);
    if (c->detail)
        status_line(a, ar, f, c->x + 4);
    (void)selected;
}

/* 完成率, the plan's bar, done/total, and the lights of all areas on
 * the same line when they fit, else on the next. */
static void figures(app *a, flow *f, int w, int split)
{
    int count[LIGHT_COUNT] = {0};
    char buf[64];
    for (size_t i = 0; i < a->ol.nareas; i++)
        for (int l = 0; l < LIGHT_COUNT; l++)
            count[l] += a->ol.areas[i].nlight[l];
    flow_init(f, w, 0);
    snprintf(buf, sizeof buf, "完成率 %d%%", light_rate_percent(a->ol.done, a->ol.total));
    flow_chip(f, buf, S_BOLD, 3);
    flow_bar(f, present_bar_width(a, w), a->ol.done, a->ol.total, 0, 2);
    snprintf(buf, sizeof buf, "完成 %d/%d", a->ol.done, a->ol.total);
    flow_chip(f, buf, S_NORMAL, 2);
    if (split)
        flow_newline(f);
    present_light_chips(f, count, 5);
    if (!split && flow_height(f) > 1) {
        flow_free(f);
        figures(a, f, w, 1);
    }
}

void present_draw_summary(app *a, rect r)
{
    char pos[64];
    flow fig;
    snprintf(pos, sizeof pos, "总览 · %zu 个方面", a->ol.nareas);
    figures(a, &fig, r.w - 4, 0);
    int y = present_head(a, r, pos, a->plan.title, &fig);
    flow_free(&fig);
    int x, w = present_column(r, &x);
    sum_cols c = measure(a, w, r.w);
    int wide = r.w >= WIDE;
    present_blocks b = {
        .n = a->ol.nareas,
        .gap = a->spacing,
        .min_gap = 0,
        .extra_max = wide ? r.h : 1,
        .centre = 2,
        .centre_max = wide ? 1 : 0, /* the room left goes below the table, not above it */
        .header = summary_header,
        .header_h = 1,
        .layout = summary_layout,
        .ctx = &c,
    };
    c.detail = wide; /* when every area fits with its second line */
    c.detail = wide && present_blocks_fit(a, &b, w, r.y + r.h - y - b.header_h);
    present_blocks_draw(a, &b, r, y);
}
