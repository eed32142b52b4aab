/* present_draw.c - the slides of presentation mode: the head every slide
 * has, the scrolling list of blocks, and an area's slide (see present.h;
 * the summary slide is present_summary.c). */
#include "screen/present.h"

#include "screen/draw.h"
#include "base/strbuf.h"
#include "text/textwidth.h"
#include "text/utf8.h"
#include "screen/vmodel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN 2   /* columns left free at both sides */
#define GAP 3      /* columns between chips */
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
        flow_chip(f, buf, count[l] ? S_LIGHT + l : S_DIM, gap);
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

/* Punctuation that takes no letter-spacing around it: 、，。：；·— */
static int tight(uint32_t cp)
{
    return cp == 0x3001 || cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1A || cp == 0xFF1B ||
           cp == 0xB7 || cp == 0x2014;
}

/* s with a space between its characters ("一、持 之 以 恒"), or NULL. */
static char *letter_spaced(const char *s)
{
    strbuf sb = {0};
    size_t len = strlen(s);
    uint32_t prev = 0;
    for (size_t off = 0; off < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + off, len - off, &cp);
        int space = off && text_cp_width(cp, draw_measure()) == 2 &&
                    text_cp_width(prev, draw_measure()) == 2 && !tight(cp) &&
                    !tight(prev); /* between Chinese characters only */
        if ((space && strbuf_appendc(&sb, ' ')) || strbuf_appendn(&sb, s + off, n)) {
            strbuf_free(&sb);
            return NULL;
        }
        prev = cp;
        off += n;
    }
    return sb.s ? strbuf_take(&sb) : NULL;
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

/* The title centred on as many lines as it needs (letter-spaced on wide
 * screens), and a rule below; returns the row after the rule. */
static int draw_title(rect r, int y, const char *title)
{
    int w = r.w - 8;
    char *clean = text_sanitize(title), *wide = NULL;
    if (!clean)
        return y;
    if (r.w >= 120 && (wide = letter_spaced(clean)) &&
        text_width(wide, draw_measure()) > w * 2 / 3) {
        free(wide);
        wide = NULL;
    }
    char **lines = NULL;
    size_t n = 0;
    int tw = 0;
    if (!text_wrap(wide ? wide : clean, w, draw_measure(), &lines, &n)) {
        for (size_t i = 0; i < n; i++, y++) {
            draw_centered(y, r.x, r.w, lines[i], S_AREA);
            tw = text_width(lines[i], draw_measure()) > tw ? text_width(lines[i], draw_measure())
                                                           : tw;
        }
        text_lines_free(lines, n);
    }
    draw_rule(r, y, tw);
    free(wide);
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

static int block_height(app *a, const present_blocks *b, size_t i, int w)
{
    flow f;
    b->layout(a, i, w, 0, &f, b->ctx);
    int h = flow_height(&f);
    flow_free(&f);
    return h > 0 ? h : 1;
}

/* Blank lines between blocks: from b->gap down to b->min_gap until all
 * fit, plus up to b->extra_max more when there is room; *fits says
 * whether everything fits (lists longer than 60 are not measured). */
static int choose_gap(app *a, const present_blocks *b, int w, int avail, int *fits, int *spare)
{
    *fits = *spare = 0;
    if (b->n > 60)
        return b->gap;
    int total = 0;
    for (size_t i = 0; i < b->n; i++)
        total += block_height(a, b, i, w);
    int gaps = (int)b->n - 1;
    for (int gap = b->gap; gap >= b->min_gap; gap--) {
        int need = total + gaps * gap;
        if (need > avail)
            continue;
        int extra = (avail - need) / (int)b->n;
        extra = extra > b->extra_max ? b->extra_max : extra;
        *fits = 1;
        *spare = avail - need - gaps * extra;
        return gap + extra;
    }
    return b->min_gap;
}

/* Moves top so that the cursor's block ends within avail rows. */
static void fit_top(app *a, const present_blocks *b, int w, int avail, int gap)
{
    present_state *p = present_state_of(a);
    if (p->top > p->cursor)
        p->top = p->cursor;
    size_t k = p->cursor - p->top + 1;
    int *h = malloc(k * sizeof *h), used = 0;
    if (!h) {
        p->top = p->cursor;
        return;
    }
    for (size_t i = 0; i < k; i++)
        used += (h[i] = block_height(a, b, p->top + i, w)) + (i ? gap : 0);
    size_t drop = 0;
    while (used > avail && p->top + drop < p->cursor)
        used -= h[drop++] + gap;
    p->top += drop;
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

/* Draws block i (its first `shown` lines) at row y of the column
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
        p->vis_h[p->vis_n++] = shown;
    }
    flow_free(&f);
    return h;
}

void present_blocks_draw(app *a, const present_blocks *b, rect r, int y)
{
    present_state *p = present_state_of(a);
    int x, w = present_column(r, &x), avail = r.y + r.h - y, fits, spare;
    p->vis_n = 0;
    p->vis_first = p->top;
    if (avail < 1 || b->n == 0)
        return;
    if (p->cursor >= b->n)
        p->cursor = b->n - 1;
    int gap = choose_gap(a, b, w, avail, &fits, &spare);
    if (fits)
        y += b->centre > 0 ? spare / b->centre : 0; /* 2: halfway, 3: a third */
    if (fits)
        p->top = 0;
    else
        fit_top(a, b, w, avail - 1, gap); /* the last row says what is hidden */
    p->vis_first = p->top;
    int row = y, end = r.y + r.h - !fits;
    size_t i = p->top, whole = p->top;
    for (; i < b->n && row < end; i++) {
        int h = draw_block(a, b, i, x, w, row, end - row);
        whole += row + h <= end;
        row += h + gap;
    }
    if (!fits)
        draw_more(r, end, p->top, b->n - whole);
}

/* "时限 2021-12-31", or "原 2021-12-31 → 延 2022-03-31" when extended. */
static void due_text(app *a, const node *n, char *out, size_t outsz)
{
    char due[64], ext[64];
    app_date(a, n->due, due, sizeof due);
    app_date(a, n->extended_due, ext, sizeof ext);
    if (*n->extended_due)
        snprintf(out, outsz, "原 %s → 延 %s", *n->due ? due : "—", ext);
    else if (*n->due)
        snprintf(out, outsz, "时限 %s", due);
    else
        snprintf(out, outsz, "时限 —");
}

typedef struct area_ctx {
    size_t area;
    int refw, tbar;
} area_ctx;

/* Status, light, days late, due date and unit of item k. */
static void item_chips(app *a, flow *f, size_t area, size_t k)
{
    const node *n = &a->ol.areas[area].items.v[k];
    const status_set *set = store_statuses(a->st);
    const status_def *d = status_by_key(set, n->status);
    const item_light *l = vm_item_light(a, area, k);
    char buf[512];
    long day;
    snprintf(buf, sizeof buf, "%s %s",
             *n->state ? "[-]"
             : d       ? d->glyph
                       : "[?]",
             *n->state ? "已取消"
             : d       ? d->name
                       : n->status);
    flow_newline(f);
    flow_chip(f, buf, *n->state ? S_DIM : d ? S_STATUS + (int)(d - set->v) : S_NORMAL, GAP);
    if (l)
        flow_chip(f, light_label(l->light), S_LIGHT + (int)l->light, GAP);
    if (l && !l->done && *l->deadline && !date_parse(l->deadline, &day, NULL) && day < a->today) {
        /* late on a milestone, not on the item's own date: say which day */
        const char *eff = *l->extended_due ? l->extended_due : l->due;
        if (strcmp(l->deadline, eff))
            snprintf(buf, sizeof buf, "逾期 %ld 天（节点 %s）", a->today - day, l->deadline);
        else
            snprintf(buf, sizeof buf, "逾期 %ld 天", a->today - day);
        flow_chip(f, buf, S_LATE, GAP);
    }
    due_text(a, n, buf, sizeof buf);
    flow_chip(f, buf, S_NORMAL, GAP);
    flow_chip(f, n->unit, S_NORMAL, GAP);
}

/* The item's targets, "9/17个" with a bar (numbered when several). */
static void item_targets(app *a, flow *f, int64_t id, int bar)
{
    const target_list *t = &present_state_of(a)->targets;
    int count = 0, k = 0;
    for (size_t i = 0; i < t->n; i++)
        count += t->v[i].node_id == id;
    for (size_t i = 0; i < t->n; i++) {
        const target *x = &t->v[i];
        if (x->node_id != id)
            continue;
        char prog[96], num[16] = "", buf[512];
        target_progress_text(x, prog, sizeof prog);
        if (count > 1)
            snprintf(num, sizeof num, "[%d] ", ++k);
        snprintf(buf, sizeof buf, "%s%s %s%s", num, x->label, prog, target_met(x) ? " 达成" : "");
        int with_bar = bar && x->dir == TARGET_AT_LEAST && x->number > 0;
        if (k <= 1)
            flow_newline(f);
        flow_reserve(f, draw_width(buf) + (with_bar ? 1 + bar : 0), GAP);
        flow_chip(f, buf, target_met(x) ? S_OK : S_NORMAL, GAP);
        if (with_bar) {
            double c = x->has_current ? x->current : 0;
            flow_bar(f, bar, (int)(c * 1000 / x->number), 1000, 0, 1);
        }
    }
}

static void item_layout(app *a, size_t k, int w, int selected, flow *f, void *ctx)
{
    const area_ctx *c = ctx;
    const node *n = &a->ol.areas[c->area].items.v[k];
    int sub = n->depth > NODE_ITEM ? 4 : 0;
    flow_init(f, w, 2 + c->refw + 2 + sub);
    if (selected)
        flow_at(f, 0, 2, "▶", S_BOLD);
    flow_at(f, 2 + sub, c->refw, n->ref, S_BOLD);
    flow_text(f, n->title, S_BOLD);
    f->head = flow_height(f);
    item_chips(a, f, c->area, k);
    item_targets(a, f, n->id, c->tbar);
}

static void draw_area_slide(app *a, rect r)
{
    size_t i = present_state_of(a)->slide - 1;
    const area_row *ar = &a->ol.areas[i];
    const area_stats *s = &ar->stats;
    char pos[64], num[32], title[512], buf[64];
    snprintf(pos, sizeof pos, "方面 %zu/%zu", i + 1, a->ol.nareas);
    app_chinese_number(ar->area.seq, num, sizeof num);
    snprintf(title, sizeof title, "%s、%s", num, ar->area.title);
    flow fig;
    int bar = present_bar_width(a, r.w);
    flow_init(&fig, r.w - 2 * MARGIN, 0);
    snprintf(buf, sizeof buf, "完成 %d/%d", s->done, s->total);
    flow_chip(&fig, buf, S_BOLD, GAP);
    flow_bar(&fig, bar, s->done, s->total, 0, 2);
    snprintf(buf, sizeof buf, "%d%%", light_rate_percent(s->done, s->total));
    flow_chip(&fig, buf, S_BOLD, 2);
    present_light_chips(&fig, ar->nlight, GAP + 2);
    int y = present_head(a, r, pos, title, &fig);
    flow_free(&fig);
    present_state_of(a)->vis_n = 0;
    if (!ar->loaded || ar->items.n == 0) {
        draw_centered(y, r.x, r.w, "本方面没有事项 no items", S_DIM);
        return;
    }
    area_ctx c = {i, 0, bar == 0 ? 0 : bar / 2 > 8 ? bar / 2 : 8};
    for (size_t k = 0; k < ar->items.n; k++)
        c.refw =
            (int)strlen(ar->items.v[k].ref) > c.refw ? (int)strlen(ar->items.v[k].ref) : c.refw;
    present_blocks b = {ar->items.n, 1 + a->spacing, 1, r.h >= 40 ? 3 : 1, 0, item_layout, &c};
    present_blocks_draw(a, &b, r, y);
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
        draw_area_slide(a, r);
}
