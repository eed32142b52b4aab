/* present_area.c - an area's slide in presentation mode (see present.h):
 * its figures, then one block per item: the title, status, light, days
 * late, due date (延 when extended) and unit, targets with bars, the
 * latest progress note and "N 天未报进展".  As much as the screen holds:
 * each item's text (body), milestones and earlier notes when every block
 * fits with them (the whole notes history when it fits); from 160
 * columns two items side by side; from 120 columns the full width, gaps
 * of a few rows between the items (a rule in them) and the room left
 * below the last. */
#include "screen/present.h"

#include "screen/draw.h"
#include "screen/vmodel.h"

#include <stdio.h>
#include <string.h>

#define MARGIN 2  /* columns left free at both sides */
#define GAP 3     /* columns between chips */
#define WIDE 120  /* from here the slide uses the whole width */
#define TWO 160   /* from here two items side by side */
#define HISTORY 8 /* most earlier notes on a slide with room */

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
    int body;  /* each item's text under its title */
    int loose; /* blank lines between the parts of a block */
    int more;  /* milestones and up to this many earlier notes (present_more.c) */
} area_ctx;

/* Status, light, days late, due date and unit of item k. */
static void item_chips(app *a, flow *f, size_t area, size_t k)
{
    node item; /* borrows the view model's strings */
    vm_items_get(&a->ol.areas[area].items, k, &item);
    const node *n = &item;
    const status_set *set = store_statuses(a->st);
    const status_def *d = status_by_key(set, n->status);
    item_light lv;
    const item_light *l = vm_item_light(a, area, k, &lv);
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

/* "节点 2021-09-30 三季度  phrase" for each milestone: done ones dim
 * and ticked, late ones in the overdue colour. */
static void item_milestones(app *a, flow *f, const present_more *m, int done)
{
    char today[DATE_LEN];
    date_format(a->today, today);
    for (size_t i = 0; m && i < m->ms.n; i++) {
        const milestone *x = &m->ms.v[i];
        int closed = done || *x->done, late = !closed && strcmp(x->due, today) < 0;
        char day[64], buf[2048];
        app_date(a, x->due, day, sizeof day);
        snprintf(buf, sizeof buf, "节点 %s %s%s  %s%s", day, x->word, x->approximate ? "(约)" : "",
                 x->phrase, closed ? "  ✓" : "");
        flow_text(f, buf, late ? S_LATE : closed ? S_DIM : S_NORMAL);
    }
}

/* Up to `most` notes before the latest, newest first, dim. */
static void earlier_notes(app *a, flow *f, const present_more *m, int most)
{
    for (size_t i = m && m->notes.n > 1 ? m->notes.n - 1 : 0, shown = 0;
         i-- > 0 && shown < (size_t)most; shown++) {
        char day[DATE_LEN], shown_day[64], buf[4096];
        snprintf(day, sizeof day, "%.10s", m->notes.v[i].at);
        app_date(a, day, shown_day, sizeof shown_day);
        snprintf(buf, sizeof buf, "进展 %s  %s", shown_day, m->notes.v[i].text);
        flow_text(f, buf, S_DIM);
    }
}

/* A blank line in the flow (between the parts of a loose block). */
static void blank_line(flow *f)
{
    flow_newline(f);
    f->line++;
}

/* The latest progress note ("进展 10-01 text", wrapped), with up to
 * `more` notes before it, and, for an item not done with no report for
 * silent_days or more, "N 天未报进展"; after a blank line when loose (the
 * milestones, when there are, come first). */
static void item_progress(app *a, flow *f, const node *n, const item_light *l, int more, int loose)
{
    const item_report *r = item_report_find(&present_state_of(a)->reports, n->id);
    int limit = a->ctx->config ? a->ctx->config->silent_days : 30;
    long days = item_report_silent_days(r, a->plan.start, a->today);
    int silent = (!l || !l->done) && days >= limit;
    if (loose && ((r && *r->note) || silent))
        blank_line(f);
    if (r && *r->note) {
        char day[64], buf[4096];
        app_date(a, r->note_day, day, sizeof day);
        snprintf(buf, sizeof buf, "进展 %s  %s", day, r->note);
        flow_text(f, buf, S_NORMAL);
        if (more)
            earlier_notes(a, f, present_more_find(a, n->id), more);
    }
    if (silent) {
        char buf[64];
        snprintf(buf, sizeof buf, "%ld 天未报进展", days);
        flow_newline(f);
        flow_chip(f, buf, S_RISK, GAP);
    }
}

static void item_layout(app *a, size_t k, int w, int selected, flow *f, void *ctx)
{
    const area_ctx *c = ctx;
    node item; /* borrows the view model's strings */
    vm_items_get(&a->ol.areas[c->area].items, k, &item);
    const node *n = &item;
    int sub = n->depth > NODE_ITEM ? 4 : 0;
    flow_init(f, w, 2 + c->refw + 2 + sub);
    if (selected)
        flow_at(f, 0, 2, "▶", S_BOLD);
    flow_at(f, 2 + sub, c->refw, n->ref, S_BOLD);
    flow_text(f, n->title, S_BOLD);
    f->head = flow_height(f);
    const present_more *read = present_more_find(a, n->id); /* the text is read there */
    const char *body = read ? read->body : n->body;
    if (c->body && body && *body) {
        if (c->loose)
            blank_line(f);
        flow_text(f, body, S_NORMAL);
        if (c->loose)
            blank_line(f);
    }
    item_chips(a, f, c->area, k);
    item_targets(a, f, n->id, c->tbar);
    item_light lv;
    const item_light *l = vm_item_light(a, c->area, k, &lv);
    const present_more *m = c->more ? read : NULL;
    if (c->loose && m && m->ms.n)
        blank_line(f);
    item_milestones(a, f, m, l && l->done);
    item_progress(a, f, n, l, c->more, c->loose && !(m && m->ms.n));
}

/* The richest layout whose blocks all fit in avail rows: with the items'
 * text, milestones and earlier notes (the notes history, else the two
 * before the latest; loosely set, then tight), with the text only (loose,
 * tight, from TWO columns two items side by side), else without it (two
 * side by side from TWO columns: more of a long list on the screen). */
static void choose_layout(app *a, present_blocks *b, area_ctx *c, int w, int cols, int avail)
{
    static const struct {
        int body, loose, more, two;
    } levels[] = {{1, 1, HISTORY, 0}, {1, 1, 2, 0}, {1, 0, 2, 0}, {1, 1, 0, 0},
                  {1, 0, 0, 0},       {1, 0, 0, 1}, {0, 0, 0, 0}};
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
        if (levels[i].two && (cols < TWO || b->n < 2))
            continue;
        c->body = levels[i].body;
        c->loose = levels[i].loose;
        c->more = levels[i].more;
        b->cols = levels[i].two ? 2 : 1;
        if (present_blocks_fit(a, b, w, avail))
            return;
    }
    c->body = c->loose = c->more = 0;
    b->cols = cols >= TWO && b->n > 1 ? 2 : 1;
}

void present_draw_area(app *a, rect r)
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
    area_ctx c = {i, 0, bar == 0 ? 0 : bar / 2 > 8 ? bar / 2 : 8, 0, 0, 0};
    for (size_t k = 0; k < ar->items.n; k++) {
        int w = (int)strlen(strpool_str(&ar->items.pool, ar->items.v[k].ref));
        c.refw = w > c.refw ? w : c.refw;
    }
    int wide = r.w >= WIDE;
    present_blocks b = {
        .n = ar->items.n,
        .gap = 1 + a->spacing,
        .min_gap = 1,
        /* wide: gaps of up to 4 rows with a rule in them, the room left
           below the items rather than in bands between them */
        .extra_max = wide        ? r.h / 12 - 1
                     : r.h >= 40 ? 3
                                 : 1,
        .centre = wide ? 2 : 0,
        .centre_max = wide ? 1 : 0,
        .width = wide ? r.w - 4 * MARGIN : 0,
        .rules = wide,
        .layout = item_layout,
        .ctx = &c,
    };
    int x, w = b.width ? b.width : present_column(r, &x);
    choose_layout(a, &b, &c, w, r.w, r.y + r.h - y);
    present_blocks_draw(a, &b, r, y);
}
