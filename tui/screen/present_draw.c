/* present_draw.c - the slides of presentation mode: the head every slide
 * has (top line, title, rule, figures) and the choice of slide (see
 * present.h; the blocks are present_blocks.c, the slides
 * present_summary.c and present_area.c). */
#include "screen/present.h"

#include "screen/draw.h"
#include "base/strbuf.h"
#include "text/textwidth.h"

#include <stdio.h>
#include <stdlib.h>

#define MARGIN 2   /* columns left free at both sides */
#define COLUMN 112 /* the widest column of blocks: wider screens centre it */

int present_column(rect r, int *x)
{
    int w = r.w - 2 * MARGIN > COLUMN ? COLUMN : r.w - 2 * MARGIN;
    *x = r.x + (r.w - w) / 2;
    return w;
}

int present_bar_width(const app *a, int cols)
{
    if (a->bar_width <= 0)
        return 0;
    int w = cols / 5, least = a->bar_width + 2;
    w = w < least ? least : w;
    return w > 60 ? 60 : w;
}

void present_light_chips(flow *f, const int count[LIGHT_COUNT], int gap)
{
    for (int l = LIGHT_RED; l >= LIGHT_GREEN; l--) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s %d", light_label((light)l), count[l]);
        if (count[l]) /* a zero is left blank */
            flow_chip(f, buf, S_LIGHT + l, gap);
    }
}

/* Meeting (or plan) on the left, position and date on the right. */
static void draw_top(app *a, rect r, const char *pos)
{
    char iso[DATE_LEN], date[64], left[320];
    date_format(a->today, iso);
    app_date(a, iso, date, sizeof date);
    draw_blank(r.y, r.x, r.w, S_NORMAL);
    int x = draw_right(r.y, r.x, r.w - 1, date, S_DIM);
    x = draw_right(r.y, r.x, x - r.x - 3, pos, S_BOLD);
    if (a->mtg.id) {
        snprintf(left, sizeof left, "● 会议中: %s", a->mtg.title);
        draw_text(r.y, r.x + 1, x - r.x - 4, left, S_BOLD);
    } else if (present_state_of(a)->slide > 0) {
        draw_text(r.y, r.x + 1, x - r.x - 4, a->plan.title, S_DIM);
    }
}

/* A heavy rule a little wider than the title (tw columns), centred. */
static void draw_rule(rect r, int y, int tw)
{
    int cw = draw_width("━"), w = tw + 8 > r.w - 4 ? r.w - 4 : tw + 8;
    strbuf sb = {0};
    for (int i = 0; i + cw <= w; i += cw)
        strbuf_append(&sb, "━");
    draw_centered(y, r.x, r.w, strbuf_str(&sb), S_AREA);
    strbuf_free(&sb);
}

/* The title centred on as many lines as it needs, and a rule below;
 * returns the row after the rule.  No letter-spacing: a space between
 * Chinese characters alone would tear "海盐县2021年" and "十一、" apart. */
static int draw_title(rect r, int y, const char *title)
{
    int w = r.w - 8;
    char *clean = text_sanitize(title);
    if (!clean)
        return y;
    char **lines = NULL;
    size_t n = 0;
    int tw = 0;
    if (!text_wrap(clean, w, draw_measure(), &lines, &n)) {
        for (size_t i = 0; i < n; i++, y++) {
            draw_centered(y, r.x, r.w, lines[i], S_AREA);
            tw = text_width(lines[i], draw_measure()) > tw ? text_width(lines[i], draw_measure())
                                                           : tw;
        }
        text_lines_free(lines, n);
    }
    draw_rule(r, y, tw);
    free(clean);
    return y + 1;
}

int present_head(app *a, rect r, const char *pos, const char *title, const flow *figures)
{
    draw_top(a, r, pos);
    int pad = r.h >= 50 ? 2 : r.h >= 32 ? 1 : 0; /* room: a larger look */
    int y = draw_title(r, r.y + 1 + pad, title) + (pad > 1);
    int fh = flow_height(figures);
    for (int i = 0; i < fh; i++) /* each line centred */
        flow_draw(figures, y + i, r.x + (r.w - flow_line_extent(figures, i)) / 2, i, 1, 0, 0);
    return y + fh + 1 + pad;
}

size_t present_count(const app *a)
{
    if (present_state_of(a)->slide == 0 || present_state_of(a)->slide > a->ol.nareas)
        return a->ol.nareas;
    const area_row *ar = &a->ol.areas[present_state_of(a)->slide - 1];
    return ar->loaded ? ar->items.n : 0;
}

void present_draw(app *a, rect r)
{
    for (int y = r.y; y < r.y + r.h; y++)
        draw_blank(y, r.x, r.w, S_NORMAL);
    if (present_state_of(a)->slide == 0 || present_state_of(a)->slide > a->ol.nareas)
        present_draw_summary(a, r);
    else
        present_draw_area(a, r);
}
