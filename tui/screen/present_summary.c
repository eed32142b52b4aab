/* present_summary.c - the first slide of presentation mode: every area
 * with its progress bar, done/total, rate and lights, and the plan's
 * completion rate (see present.h). */
#include "screen/present.h"

#include "screen/draw.h"

#include <stdio.h>
#include <string.h>

/* Columns of the table, centred in the width it is laid out for. */
typedef struct sum_cols {
    int x, tw, bar, count, light[LIGHT_COUNT];
} sum_cols;

static int digits(int v)
{
    char buf[16];
    return snprintf(buf, sizeof buf, "%d", v);
}

/* Width of the row without the title. */
static int fixed_width(const sum_cols *c)
{
    int w = 4 + 3 + (c->bar ? c->bar + 2 : 0) + c->count + 2 + 4 + 1;
    for (int l = 0; l < LIGHT_COUNT; l++)
        w += 2 + c->light[l];
    return w;
}

static sum_cols measure(app *a, int w)
{
    sum_cols c = {0, 0, present_bar_width(a, w), 0, {0, 0, 0}};
    for (size_t i = 0; i < a->ol.nareas; i++) {
        const area_row *ar = &a->ol.areas[i];
        char buf[32];
        snprintf(buf, sizeof buf, "%d/%d", ar->stats.done, ar->stats.total);
        c.count = draw_width(buf) > c.count ? draw_width(buf) : c.count;
        c.tw = draw_width(ar->area.title) > c.tw ? draw_width(ar->area.title) : c.tw;
        for (int l = 0; l < LIGHT_COUNT; l++)
            if (4 + digits(ar->nlight[l]) > c.light[l])
                c.light[l] = 4 + digits(ar->nlight[l]); /* "(!) 3" */
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

static void summary_layout(app *a, size_t i, int w, int selected, flow *f, void *ctx)
{
    const sum_cols *c = ctx;
    const area_row *ar = &a->ol.areas[i];
    const area_stats *s = &ar->stats;
    char buf[64];
    flow_init(f, w, 0);
    int x = c->x;
    snprintf(buf, sizeof buf, "%2d", ar->area.seq);
    flow_at(f, x, 2, buf, S_AREA);
    x += 4 + c->tw + 3;
    if (c->bar)
        flow_bar_at(f, x, c->bar, s->done, s->total);
    x += c->bar ? c->bar + 2 : 0;
    char count[32];
    snprintf(count, sizeof count, "%d/%d", s->done, s->total);
    snprintf(buf, sizeof buf, "%*s", c->count, count);
    flow_at(f, x, c->count, buf, S_BOLD);
    snprintf(buf, sizeof buf, "%3d%%", light_rate_percent(s->done, s->total));
    flow_at(f, x += c->count + 2, 4, buf, S_NORMAL);
    x += 4 + 1;
    for (int l = LIGHT_RED; l >= LIGHT_GREEN; l--) {
        snprintf(buf, sizeof buf, "%s %d", light_glyph((light)l), ar->nlight[l]);
        flow_at(f, x += 2, c->light[l], buf, ar->nlight[l] ? S_LIGHT + l : S_DIM);
        x += c->light[l];
    }
    flow_text_in(f, ar->area.title, S_AREA, c->x + 4, c->tw);
    f->head = flow_height(f);
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
    sum_cols c = measure(a, w);
    present_blocks b = {a->ol.nareas, a->spacing, 0, 1, 2, summary_layout, &c};
    present_blocks_draw(a, &b, r, y);
}
