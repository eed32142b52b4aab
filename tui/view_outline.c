/* view_outline.c - the outline: 12 areas as panes, items under expanded
 * ones.  Draws only the visible rows of the view model (vmodel.h). */
#include "view.h"

#include "draw.h"
#include "search.h"
#include "vmodel.h"

#include <stdio.h>
#include <string.h>

static void outline_sync(app *a)
{
    (void)a;
}

/* "[####------]" with the done part in the bar style. */
static void draw_bar(int y, int x, int w, int done, int total, int rev)
{
    int fill = total > 0 ? (done * (w - 2) + total / 2) / total : 0;
    if (done > 0 && fill == 0)
        fill = 1;
    char buf[128];
    int inner = w - 2 < (int)sizeof buf - 1 ? w - 2 : (int)sizeof buf - 1;
    draw_text(y, x, 1, "[", rev);
    memset(buf, '#', (size_t)inner);
    buf[fill < inner ? fill : inner] = '\0';
    draw_text(y, x + 1, fill, buf, S_BAR | rev);
    memset(buf, '-', (size_t)inner);
    buf[inner - (fill < inner ? fill : inner)] = '\0';
    draw_text(y, x + 1 + fill, inner - fill, buf, rev);
    draw_text(y, x + w - 1, 1, "]", rev);
}

/* Column widths of the right-hand part of area lines, from the numbers
 * of all areas so that the columns line up. */
typedef struct area_cols {
    int bar, count, late, risk, right;
} area_cols;

static int digits(int v)
{
    char buf[16];
    return snprintf(buf, sizeof buf, "%d", v);
}

static area_cols measure_areas(const app *a, int w)
{
    area_cols c = {a->bar_width > 0 ? a->bar_width + 2 : 0, 0, 0, 0, 0};
    int total = 0, late = 0, risk = 0;
    for (size_t i = 0; i < a->ol.nareas; i++) {
        const area_stats *s = &a->ol.areas[i].stats;
        total = s->total > total ? s->total : total;
        late = s->overdue > late ? s->overdue : late;
        risk = s->at_risk > risk ? s->at_risk : risk;
    }
    c.count = 2 * digits(total) + 2;
    c.late = late ? 5 + digits(late) + 2 : 0; /* "逾期 N" */
    c.risk = risk ? 5 + digits(risk) + 1 : 0;
    c.right = c.bar + 1 + c.count + c.late + c.risk;
    if (w - 6 - c.right < 16 && c.bar) { /* the title comes first */
        int cut = 16 - (w - 6 - c.right);
        int bar = c.bar - cut < 6 ? 0 : c.bar - cut;
        c.right -= c.bar - bar;
        c.bar = bar;
    }
    return c;
}

static void draw_area(const area_row *ar, const area_cols *c, int y, rect r, int rev)
{
    const area_stats *s = &ar->stats;
    char buf[64];
    draw_text(y, r.x + 1, 2, ar->expanded ? "▾" : "▸", S_AREA | rev);
    snprintf(buf, sizeof buf, "%2d", ar->area.seq);
    draw_text(y, r.x + 3, 3, buf, S_AREA | rev);
    draw_text(y, r.x + 6, r.w - 6 - c->right - 1, ar->area.title, S_AREA | rev);
    int x = r.x + r.w - c->right;
    if (c->bar)
        draw_bar(y, x, c->bar, s->done, s->total, rev);
    snprintf(buf, sizeof buf, "%d/%d", s->done, s->total);
    draw_text(y, x + c->bar + 1, c->count, buf, rev);
    x += c->bar + 1 + c->count;
    if (s->overdue) {
        snprintf(buf, sizeof buf, "逾期 %d", s->overdue);
        draw_text(y, x, c->late, buf, S_LATE | rev);
    }
    if (s->at_risk) {
        snprintf(buf, sizeof buf, "临期 %d", s->at_risk);
        draw_text(y, x + c->late, c->risk, buf, S_RISK | rev);
    }
}

/* Width of the widest status name, for aligned labels. */
static int status_name_width(const status_set *set)
{
    int w = 0;
    for (size_t i = 0; i < set->n; i++)
        if (draw_width(set->v[i].name) > w)
            w = draw_width(set->v[i].name);
    return w;
}

static int due_style(app *a, const node *n, int done)
{
    char today[DATE_LEN], soon[DATE_LEN];
    if (done || !n->due[0])
        return S_NORMAL;
    date_format(a->today, today);
    date_format(a->today + a->warn_days, soon);
    if (strcmp(n->due, today) < 0)
        return S_LATE;
    return strcmp(n->due, soon) <= 0 ? S_RISK : S_NORMAL;
}

/* Widths shared by all item rows of a frame. */
typedef struct item_cols {
    int name, due;
} item_cols;

static void draw_item(app *a, const node *n, int y, rect r, const item_cols *c, int rev)
{
    const status_set *set = store_statuses(a->st);
    const status_def *d = status_by_key(set, n->status);
    int style = d ? S_STATUS + (int)(d - set->v) : S_NORMAL;
    int name_w = c->name, due_w = c->due;
    int x = r.x + (n->depth > NODE_ITEM ? 6 : 3), col = n->depth > NODE_ITEM ? 8 : 6;
    int ref_w = draw_text(y, x, 16, n->ref, S_BOLD | rev);
    x += ref_w + 1 > col ? ref_w + 1 : col;
    draw_text(y, x, 4, d ? d->glyph : "[?]", style | rev);
    draw_text(y, x + 4, name_w, d ? d->name : n->status, style | rev);
    x += 4 + name_w + 2;
    int unit_w = r.w >= 80 ? (r.w >= 120 ? 20 : 12) : 0;
    int right = due_w + 2 + (unit_w ? unit_w + 2 : 0) + 1;
    draw_text(y, x, r.x + r.w - right - x - 1, n->title, rev);
    x = r.x + r.w - right;
    char due[64];
    app_date(a, n->due, due, sizeof due);
    draw_text(y, x, due_w, due, due_style(a, n, d && d->done) | rev);
    if (unit_w)
        draw_text(y, x + due_w + 2, unit_w, n->unit, rev);
}

/* Rows that fit in h lines with the configured spacing. */
static int visible_rows(const app *a, int h)
{
    int n = (h + a->spacing) / (1 + a->spacing);
    return n > 0 ? n : 1;
}

static void outline_draw(app *a, rect r)
{
    area_cols cols = measure_areas(a, r.w);
    char sample[64];
    app_date(a, "2021-12-31", sample, sizeof sample);
    item_cols icols = {status_name_width(store_statuses(a->st)), draw_width(sample)};
    int n = visible_rows(a, r.h);
    view_scroll_to(a->ol.cursor, &a->ol.top, a->ol.nrows, n);
    for (int y = r.y; y < r.y + r.h; y++)
        draw_blank(y, r.x, r.w, S_NORMAL);
    for (int i = 0; i < n && a->ol.top + (size_t)i < a->ol.nrows; i++) {
        size_t row = a->ol.top + (size_t)i;
        int y = r.y + i * (1 + a->spacing);
        int rev = row == a->ol.cursor ? S_REVERSE : 0;
        const outline_row *orow = &a->ol.rows[row];
        const node *nd = vm_row_node(a, row);
        draw_blank(y, r.x, r.w, rev);
        if (search_is_match(a, nd->id))
            draw_text(y, r.x, 1, "*", S_MATCH | rev);
        if (orow->item < 0)
            draw_area(&a->ol.areas[orow->area], &cols, y, r, rev);
        else
            draw_item(a, nd, y, r, &icols, rev);
    }
}

static void fold(app *a, size_t area, int on)
{
    duban_error err = {0};
    if (vm_expand(a, area, on, &err) || vm_save_folds(a, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    vm_rebuild_rows(a);
}

static void fold_all(app *a, int on, size_t except)
{
    duban_error err = {0};
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < a->ol.nareas; i++)
        rc = vm_expand(a, i, i == except ? 1 : on, &err);
    if (rc || vm_save_folds(a, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    vm_rebuild_rows(a);
}

static void jump_area(app *a, int dir)
{
    size_t cur = vm_cursor_area(a);
    int on_area = a->ol.cursor < a->ol.nrows && a->ol.rows[a->ol.cursor].item < 0;
    if (dir < 0 && !on_area)
        a->ol.cursor = vm_area_row(a, cur); /* first to this area's line */
    else if (dir < 0 && cur > 0)
        a->ol.cursor = vm_area_row(a, cur - 1);
    else if (dir > 0 && cur + 1 < a->ol.nareas)
        a->ol.cursor = vm_area_row(a, cur + 1);
}

static view_result activate(app *a)
{
    if (a->ol.cursor >= a->ol.nrows)
        return VIEW_HANDLED;
    const outline_row *row = &a->ol.rows[a->ol.cursor];
    if (row->item < 0)
        fold(a, (size_t)row->area, !a->ol.areas[row->area].expanded);
    else if (!a->lay.detail.w)
        a->detail_pref = 1;
    return VIEW_HANDLED;
}

static view_result outline_handle(app *a, action act, int arg)
{
    (void)arg;
    if (view_move_cursor(act, &a->ol.cursor, a->ol.nrows, visible_rows(a, a->lay.main.h)))
        return VIEW_HANDLED;
    switch (act) {
    case ACT_next_area:
        jump_area(a, 1);
        break;
    case ACT_prev_area:
        jump_area(a, -1);
        break;
    case ACT_toggle:
        return activate(a);
    case ACT_expand_all:
        fold_all(a, 1, a->ol.nareas);
        break;
    case ACT_collapse_all:
        fold_all(a, 0, a->ol.nareas);
        break;
    case ACT_focus_area:
        fold_all(a, 0, vm_cursor_area(a));
        a->ol.top = vm_area_row(a, vm_cursor_area(a));
        break;
    case ACT_search_next:
        search_step(a, 1);
        break;
    case ACT_search_prev:
        search_step(a, -1);
        break;
    case ACT_back:
        if (!a->sr.active)
            return VIEW_IGNORED;
        search_clear(a);
        break;
    default:
        return VIEW_IGNORED;
    }
    return VIEW_HANDLED;
}

static view_result outline_click(app *a, rect r, int y, int x, int wheel)
{
    (void)r;
    (void)x;
    if (wheel) {
        for (int i = 0; i < 3; i++)
            view_move_cursor(wheel < 0 ? ACT_move_up : ACT_move_down, &a->ol.cursor, a->ol.nrows,
                             0);
        return VIEW_HANDLED;
    }
    size_t row = a->ol.top + (size_t)(y / (1 + a->spacing));
    if (y < 0 || y % (1 + a->spacing) || row >= a->ol.nrows)
        return VIEW_HANDLED;
    a->ol.cursor = row;
    if (a->ol.rows[row].item < 0)
        return activate(a);
    return VIEW_HANDLED;
}

static int64_t outline_selected(app *a)
{
    return vm_selected(a);
}

static void outline_position(app *a, char *out, size_t outsz)
{
    snprintf(out, outsz, "方面 %zu/%zu", a->ol.nareas ? vm_cursor_area(a) + 1 : 0, a->ol.nareas);
}

const view_ops view_outline = {
    .name = "outline",
    .sync = outline_sync,
    .draw = outline_draw,
    .handle = outline_handle,
    .click = outline_click,
    .selected = outline_selected,
    .position = outline_position,
};
