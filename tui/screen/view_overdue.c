/* view_overdue.c - items and milestones past due and not done, most
 * overdue first (query_overdue), grouped by area or (t) by unit, the
 * worst unit first.  Enter jumps to the item in the outline. */
#include "screen/view.h"

#include "screen/draw.h"
#include "screen/vmodel.h"
#include "query/dated_list.h"
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A line of the view: 12 bytes, one a row and one a group. */
typedef struct overdue_entry {
    uint32_t idx;   /* row of list (for a heading: its first row) */
    int32_t count;  /* heading: rows in the group; a row: its number */
    uint8_t header; /* 1: a group heading */
} overdue_entry;

typedef struct overdue_state {
    dated_list list; /* the rows, compact (query/dated_list.h) */
    int loaded;
    int by_unit;
    overdue_entry *rows;
    size_t nrows;
    size_t cursor, top; /* cursor is always on a data row */
    int ref_w;          /* width of the widest ref */
} overdue_state;

static overdue_state *state(const app *a)
{
    return view_state(a, VIEW_overdue);
}

static void *overdue_create(app *a)
{
    (void)a;
    return calloc(1, sizeof(overdue_state));
}

static void overdue_destroy(void *state)
{
    overdue_state *o = state;
    dated_list_free(&o->list);
    free(o->rows);
    free(o);
}

static void overdue_invalidate(app *a)
{
    state(a)->loaded = 0;
}

/* Heading and entry rows from the groups of core (query/group.h): areas
 * by number, or units worst first, as in the minutes (the unit of the
 * most overdue row first); most overdue first within a group. */
static int build_rows(overdue_state *o)
{
    group_list g;
    if (dated_list_group(&o->list, o->by_unit ? LIGHT_BY_UNIT : LIGHT_BY_AREA,
                         o->by_unit ? GROUP_ORDER_FIRST : GROUP_ORDER_KEY, &g))
        return -1;
    overdue_entry *rows = malloc((o->list.n + g.n + 1) * sizeof *rows);
    if (!rows) {
        group_list_free(&g);
        return -1;
    }
    size_t r = 0;
    int k = 0;
    for (size_t i = 0; i < g.n; i++) {
        rows[r++] = (overdue_entry){(uint32_t)g.v[i].rows[0], (int32_t)g.v[i].n, 1};
        for (size_t j = 0; j < g.v[i].n; j++)
            rows[r++] = (overdue_entry){(uint32_t)g.v[i].rows[j], ++k, 0};
    }
    group_list_free(&g);
    free(o->rows);
    o->rows = rows;
    o->nrows = r;
    o->ref_w = 4;
    for (size_t i = 0; i < o->list.n; i++) {
        int w = (int)strlen(dated_text(&o->list, o->list.v[i].ref)); /* refs are ASCII */
        if (w > o->ref_w)
            o->ref_w = w;
    }
    return 0;
}

/* Moves the cursor off a heading, in direction dir (then the other way). */
static void settle(overdue_state *o, int dir)
{
    if (!o->nrows)
        return;
    if (o->cursor >= o->nrows)
        o->cursor = o->nrows - 1;
    size_t c = o->cursor;
    while (o->rows[c].header && (dir > 0 ? c + 1 < o->nrows : c > 0))
        c = dir > 0 ? c + 1 : c - 1;
    while (o->rows[c].header && (dir > 0 ? c > 0 : c + 1 < o->nrows))
        c = dir > 0 ? c - 1 : c + 1;
    o->cursor = c;
}

static void overdue_sync(app *a)
{
    overdue_state *o = state(a);
    if (o->loaded)
        return;
    duban_error err = {0};
    free(o->rows);
    o->rows = NULL;
    o->nrows = 0;
    /* the header's count is the list's length: read it into one block */
    if (a->ol.overdue > 0)
        dated_list_reserve(&o->list, (size_t)a->ol.overdue);
    if (dated_list_overdue(a->st, a->plan_id, a->today, &a->rule, &a->filter, &o->list, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    if (build_rows(o))
        o->nrows = 0;
    o->loaded = 1;
    settle(o, 1);
}

static void draw_heading(app *a, const overdue_entry *e, int y, rect r)
{
    const dated_list *l = &state(a)->list;
    const dated_item *row = &l->v[e->idx];
    const char *unit = dated_text(l, row->unit);
    char buf[512];
    if (state(a)->by_unit)
        snprintf(buf, sizeof buf, "%s", *unit ? unit : REPORT_NO_UNIT " no unit");
    else
        snprintf(buf, sizeof buf, "%d %s", row->area_seq, dated_text(l, row->area_title));
    int w = draw_text(y, r.x + 1, r.w - 12, buf, S_SECTION);
    snprintf(buf, sizeof buf, "(%d)", e->count);
    draw_text(y, r.x + 2 + w, 10, buf, S_NORMAL);
}

static void draw_entry(app *a, const dated_item *row, int y, rect r, int rev)
{
    const dated_list *l = &state(a)->list;
    const status_set *set = store_statuses(a->st);
    const status_def *d = status_by_key(set, dated_text(l, row->status));
    const char *word = dated_text(l, row->word), *phrase = dated_text(l, row->phrase);
    char buf[64];
    draw_blank(y, r.x, r.w, rev);
    int x = r.x + 3;
    draw_text(y, x, state(a)->ref_w, dated_text(l, row->ref), S_BOLD | rev);
    x += state(a)->ref_w + 2;
    snprintf(buf, sizeof buf, "逾期 %d 天", row->days);
    draw_text(y, x, 13, buf, S_LATE | rev);
    char due[64];
    app_date(a, dated_text(l, row->due), due, sizeof due);
    x += 13;
    x += draw_text(y, x, 16, due, rev) + 2;
    if (*word)
        x += draw_text(y, x, 10, word, S_BOLD | rev) + 2;
    draw_text(y, x, 4, d ? d->glyph : "[?]", (d ? S_STATUS + (int)(d - set->v) : 0) | rev);
    x += 4;
    int unit_w = r.w >= 110 && !state(a)->by_unit ? 16 : 0;
    int text_w = r.x + r.w - x - (unit_w ? unit_w + 2 : 0) - 1;
    x += draw_text(y, x, text_w, dated_text(l, row->title), rev);
    if (*phrase && x + 4 < r.x + r.w - unit_w) {
        draw_text(y, x, 3, " · ", rev);
        draw_text(y, x + 3, r.x + r.w - unit_w - x - 4, phrase, rev);
    }
    if (unit_w)
        draw_text(y, r.x + r.w - unit_w - 1, unit_w, dated_text(l, row->unit), rev);
}

static void overdue_draw(app *a, rect r)
{
    overdue_state *o = state(a);
    if (!o->nrows) {
        draw_centered(r.y + r.h / 3, r.x, r.w, "没有逾期事项 nothing is overdue", S_BOLD);
        return;
    }
    view_scroll_to(o->cursor, &o->top, o->nrows, r.h);
    if (o->top == 1 && o->rows[0].header && o->cursor < (size_t)r.h)
        o->top = 0; /* keep the first heading in view */
    for (int i = 0; i < r.h && o->top + (size_t)i < o->nrows; i++) {
        size_t k = o->top + (size_t)i;
        const overdue_entry *e = &o->rows[k];
        if (e->header)
            draw_heading(a, e, r.y + i, r);
        else
            draw_entry(a, &o->list.v[e->idx], r.y + i, r, k == o->cursor ? S_REVERSE : 0);
    }
}

static view_result jump(app *a)
{
    overdue_state *o = state(a);
    if (o->cursor >= o->nrows || o->rows[o->cursor].header)
        return VIEW_HANDLED;
    duban_error err = {0};
    int64_t id = o->list.v[o->rows[o->cursor].idx].node_id;
    view_switch(a, VIEW_outline);
    if (vm_reveal(a, id, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    return VIEW_HANDLED;
}

static view_result overdue_handle(app *a, action act, int arg)
{
    overdue_state *o = state(a);
    size_t before = o->cursor;
    if (view_move_cursor(act, arg, &o->cursor, o->nrows, a->lay.main.h)) {
        settle(o, o->cursor >= before ? 1 : -1);
        return VIEW_HANDLED;
    }
    switch (act) {
    case ACT_toggle:
        return jump(a);
    case ACT_group_toggle:
        o->by_unit = !o->by_unit;
        o->cursor = 0;
        o->top = 0;
        if (!o->loaded)
            return VIEW_HANDLED;
        if (build_rows(o)) /* the same rows, grouped anew: no query */
            o->nrows = 0;
        settle(o, 1);
        return VIEW_HANDLED;
    default:
        return VIEW_IGNORED;
    }
}

static view_result overdue_click(app *a, rect r, int y, int x)
{
    overdue_state *o = state(a);
    (void)r;
    (void)x;
    size_t k = o->top + (size_t)y;
    if (y >= 0 && k < o->nrows && !o->rows[k].header)
        o->cursor = k;
    return VIEW_HANDLED;
}

static int64_t overdue_selected(app *a)
{
    const overdue_state *o = state(a);
    if (o->cursor >= o->nrows || o->rows[o->cursor].header)
        return 0;
    return o->list.v[o->rows[o->cursor].idx].node_id;
}

static void overdue_position(app *a, char *out, size_t outsz)
{
    const overdue_state *o = state(a);
    int k = o->cursor < o->nrows ? o->rows[o->cursor].count : 0;
    snprintf(out, outsz, "逾期 %d/%zu · t %s", k, o->list.n, o->by_unit ? "按方面" : "按单位");
}

const view_ops view_overdue = {
    .name = "overdue",
    .flags = VF_REFRESH_AFTER_EDIT | VF_FOLLOWS_FILTER,
    .toggle = ACT_overdue_view,
    .create = overdue_create,
    .destroy = overdue_destroy,
    .invalidate = overdue_invalidate,
    .sync = overdue_sync,
    .draw = overdue_draw,
    .handle = overdue_handle,
    .click = overdue_click,
    .selected = overdue_selected,
    .position = overdue_position,
};
