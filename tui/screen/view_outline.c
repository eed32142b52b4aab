/* view_outline.c - the outline: 12 areas as panes, items under expanded
 * ones.  Draws only the visible rows of the view model (vmodel.h). */
#include "screen/view.h"

#include "screen/draw.h"
#include "screen/search.h"
#include "screen/vmodel.h"

#include <stdio.h>
#include <string.h>

/* Column widths of the right-hand part of area lines, from the numbers
 * of all areas so that the columns line up. */
typedef struct area_cols {
    int bar, count, red, yellow, right;
} area_cols;

static int digits(int v)
{
    char buf[16];
    return snprintf(buf, sizeof buf, "%d", v);
}

static area_cols measure_areas(const app *a, int w)
{
    area_cols c = {a->bar_width > 0 ? a->bar_width + 2 : 0, 0, 0, 0, 0};
    int total = 0, red = 0, yellow = 0;
    for (size_t i = 0; i < a->ol.nareas; i++) {
        const area_row *ar = &a->ol.areas[i];
        total = ar->stats.total > total ? ar->stats.total : total;
        red = ar->nlight[LIGHT_RED] > red ? ar->nlight[LIGHT_RED] : red;
        yellow = ar->nlight[LIGHT_YELLOW] > yellow ? ar->nlight[LIGHT_YELLOW] : yellow;
    }
    c.count = 2 * digits(total) + 2;
    c.red = red ? 4 + digits(red) + 1 : 0; /* "(!) 2" */
    c.yellow = yellow ? 4 + digits(yellow) + 1 : 0;
    c.right = c.bar + 1 + c.count + c.red + c.yellow;
    if (w - 6 - c.right < 16 && c.bar) { /* the title comes first */
        int cut = 16 - (w - 6 - c.right);
        int bar = c.bar - cut < 6 ? 0 : c.bar - cut;
        c.right -= c.bar - bar;
        c.bar = bar;
    }
    return c;
}

/* An area line: fold mark, number, title, bar, done/total, and how many
 * of its items are red (!) and yellow (~). */
static void draw_area(const area_row *ar, const area_cols *c, int y, rect r, int rev, const char *q)
{
    const area_stats *s = &ar->stats;
    char buf[64];
    draw_text(y, r.x + 1, 2, ar->expanded ? "▾" : "▸", S_AREA | rev);
    snprintf(buf, sizeof buf, "%2d", ar->area.seq);
    draw_text(y, r.x + 3, 3, buf, S_AREA | rev);
    draw_text_match(y, r.x + 6, r.w - 6 - c->right - 1, ar->area.title, S_AREA | rev, q);
    int x = r.x + r.w - c->right;
    if (c->bar)
        draw_bar(y, x, c->bar, s->done, s->total, rev);
    snprintf(buf, sizeof buf, "%d/%d", s->done, s->total);
    draw_text(y, x + c->bar + 1, c->count, buf, rev);
    x += c->bar + 1 + c->count;
    if (ar->nlight[LIGHT_RED]) {
        snprintf(buf, sizeof buf, "%s %d", light_glyph(LIGHT_RED), ar->nlight[LIGHT_RED]);
        draw_text(y, x, c->red, buf, S_LIGHT_RED | rev);
    }
    if (ar->nlight[LIGHT_YELLOW]) {
        snprintf(buf, sizeof buf, "%s %d", light_glyph(LIGHT_YELLOW), ar->nlight[LIGHT_YELLOW]);
        draw_text(y, x + c->red, c->yellow, buf, S_LIGHT_YELLOW | rev);
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

/* Widths and dates shared by all item rows of a frame. */
typedef struct item_cols {
    int name, due;
    char today[DATE_LEN], soon[DATE_LEN]; /* the day, and the last day at risk */
} item_cols;

/* The due date's style: late, at risk, or plain (done items are plain). */
static int due_style(const item_cols *c, const node *n, int done)
{
    const char *due = *n->extended_due ? n->extended_due : n->due;
    if (done || !due[0])
        return S_NORMAL;
    if (strcmp(due, c->today) < 0)
        return S_LATE;
    return strcmp(due, c->soon) <= 0 ? S_RISK : S_NORMAL;
}

/* q: the search whose words are marked in the title and unit, or NULL. */
static void draw_item(app *a, const outline_row *row, int y, rect r, const item_cols *c, int rev,
                      const char *q)
{
    node item; /* borrows the view model's strings */
    vm_items_get(&a->ol.areas[row->area].items, (size_t)row->item, &item);
    const node *n = &item;
    item_light lv;
    const item_light *l = vm_item_light(a, (size_t)row->area, (size_t)row->item, &lv);
    const status_set *set = store_statuses(a->st);
    const status_def *d = status_by_key(set, n->status);
    int style = d ? S_STATUS + (int)(d - set->v) : S_NORMAL;
    int name_w = c->name, due_w = c->due;
    int x = r.x + (n->depth > NODE_ITEM ? 6 : 3), col = n->depth > NODE_ITEM ? 8 : 6;
    int ref_w = draw_text(y, x, 16, n->ref, S_BOLD | rev);
    x += ref_w + 1 > col ? ref_w + 1 : col;
    if (l) /* the light first: it is what the room looks for */
        draw_text(y, x, 3, light_glyph(l->light), (S_LIGHT + (int)l->light) | rev);
    x += 4;
    if (*n->state) { /* 已取消: kept, out of the counts */
        draw_text(y, x, 4 + name_w, "[-] 已取消", S_DIM | rev);
    } else {
        draw_text(y, x, 4, d ? d->glyph : "[?]", style | rev);
        draw_text(y, x + 4, name_w, d ? d->name : n->status, style | rev);
    }
    x += 4 + name_w + 2;
    /* a quarter of a wide pane (20 to 40 columns): 县文旅局、县商务局 was
     * cut at 12 while the titles left half the row empty */
    int unit_w = r.w < 80 ? 0 : r.w < 100 ? 12 : r.w / 4 > 40 ? 40 : r.w / 4 < 20 ? 20 : r.w / 4;
    int right = due_w + 2 + (unit_w ? unit_w + 2 : 0) + 1;
    for (size_t i = 0; i < a->conflicts.n; i++)
        if (a->conflicts.v[i].node_id == n->id) { /* a synced edit of it lost */
            x += draw_text(y, x, r.x + r.w - right - x - 1, "冲突 ", S_LATE | rev);
            break;
        }
    draw_text_match(y, x, r.x + r.w - right - x - 1, n->title, rev, q);
    x = r.x + r.w - right;
    char due[64];
    app_date(a, *n->extended_due ? n->extended_due : n->due, due, sizeof due);
    int dw = draw_text(y, x, due_w, due, due_style(c, n, d && d->done) | rev);
    if (*n->extended_due) /* an approved extension, as on the slides */
        draw_text(y, x + dw + 1, due_w - dw - 1, "延", S_BOLD | rev);
    if (unit_w)
        draw_text_match(y, x + due_w + 2, unit_w, n->unit, rev, q);
}

/* 1 if an item of the loaded lights has an extension: the due column
 * then has room for " 延" on every screen.  Counted per area as the
 * lights are read (vm_stats.c), not item by item at every frame. */
static int any_extended(const app *a)
{
    for (size_t i = 0; i < a->ol.nareas; i++)
        if (a->ol.areas[i].lights_loaded && a->ol.areas[i].nextended)
            return 1;
    return 0;
}

/* Rows that fit in h lines with the configured spacing. */
static int visible_rows(const app *a, int h)
{
    int n = (h + a->spacing) / (1 + a->spacing);
    return n > 0 ? n : 1;
}

/* What every row of a frame is drawn with. */
typedef struct outline_frame {
    area_cols cols;
    item_cols icols;
    int n; /* rows that fit */
} outline_frame;

static void measure_frame(app *a, rect r, outline_frame *f)
{
    memset(f, 0, sizeof *f); /* compared as bytes (frame_sig) */
    f->cols = measure_areas(a, r.w);
    char sample[64];
    app_date(a, "2021-12-31", sample, sizeof sample);
    f->icols.name = status_name_width(store_statuses(a->st));
    f->icols.due = draw_width(sample) + (any_extended(a) ? 3 : 0);
    date_format(a->today, f->icols.today);
    date_format(a->today + a->warn_days, f->icols.soon);
    f->n = visible_rows(a, r.h);
}

/* FNV-1a of what the rows were drawn with: the frame, the region, the
 * first row and the number of rows; never 0. */
static uint64_t frame_sig(const app *a, const outline_frame *f, rect r)
{
    uint64_t h = 14695981039346656037u;
    const unsigned char *parts[] = {(const void *)f, (const void *)&r, (const void *)&a->ol.top,
                                    (const void *)&a->ol.nrows, (const void *)&a->spacing};
    size_t sizes[] = {sizeof *f, sizeof r, sizeof a->ol.top, sizeof a->ol.nrows, sizeof a->spacing};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
        for (size_t i = 0; i < sizes[k]; i++)
            h = (h ^ parts[k][i]) * 1099511628211u;
    return h ? h : 1;
}

/* Outline row `row` (visible: top <= row < top + f->n) on its line. */
static void draw_row(app *a, rect r, const outline_frame *f, size_t row)
{
    int y = r.y + (int)(row - a->ol.top) * (1 + a->spacing);
    int rev = row == a->ol.cursor ? S_REVERSE : 0;
    const outline_row *orow = &a->ol.rows[row];
    draw_blank(y, r.x, r.w, rev);
    const char *q = search_is_match(a, vm_row_id(a, row)) ? a->sr.text : NULL;
    if (q)
        draw_text(y, r.x, 1, "*", S_MATCH | rev);
    if (orow->item < 0)
        draw_area(&a->ol.areas[orow->area], &f->cols, y, r, rev, q);
    else
        draw_item(a, orow, y, r, &f->icols, rev, q);
}

static void outline_draw(app *a, rect r)
{
    outline_frame f;
    measure_frame(a, r, &f);
    view_scroll_to(a->ol.cursor, &a->ol.top, a->ol.nrows, f.n);
    for (int y = r.y; y < r.y + r.h; y++)
        draw_blank(y, r.x, r.w, S_NORMAL);
    for (int i = 0; i < f.n && a->ol.top + (size_t)i < a->ol.nrows; i++)
        draw_row(a, r, &f, a->ol.top + (size_t)i);
    a->ol.drawn = frame_sig(a, &f, r);
}

/* A move that keeps the rows where they were and how they are drawn:
 * the row left and the row reached, nothing else. */
static int outline_draw_moved(app *a, rect r, size_t from)
{
    outline_frame f;
    measure_frame(a, r, &f);
    size_t top = a->ol.top;
    view_scroll_to(a->ol.cursor, &top, a->ol.nrows, f.n);
    if (!a->ol.drawn || top != a->ol.top || frame_sig(a, &f, r) != a->ol.drawn ||
        from >= a->ol.nrows || from < top || from - top >= (size_t)f.n)
        return -1;
    draw_row(a, r, &f, from);
    draw_row(a, r, &f, a->ol.cursor);
    return 0;
}

static void fold(app *a, size_t area, int on)
{
    duban_error err = {0};
    if (vm_open(a, area, on, &err) || vm_save_folds(a, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    vm_rebuild_rows(a);
}

static void fold_all(app *a, int on, size_t except)
{
    duban_error err = {0};
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < a->ol.nareas; i++)
        rc = vm_open(a, i, i == except ? 1 : on, &err);
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
    if (view_move_cursor(act, arg, &a->ol.cursor, a->ol.nrows, visible_rows(a, a->lay.main.h)))
        return VIEW_HANDLED;
    switch (act) {
    case ACT_next_area:
    case ACT_slide_next:
        jump_area(a, 1);
        break;
    case ACT_prev_area:
    case ACT_slide_prev:
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
    case ACT_back: /* Esc: the search first, then the filter */
        if (a->sr.active)
            search_clear(a);
        else if (query_filter_active(&a->filter))
            view_set_filter(a, NULL);
        else
            return VIEW_IGNORED;
        break;
    default:
        return VIEW_IGNORED;
    }
    return VIEW_HANDLED;
}

static view_result outline_click(app *a, rect r, int y, int x)
{
    (void)r;
    (void)x;
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

/* Expands the node's area and selects it (after an undo). */
static void outline_reveal(app *a, int64_t id)
{
    duban_error err = {0};
    if (vm_reveal(a, id, &err))
        app_message(a, S_ERROR, "%s", err.msg);
}

const view_ops view_outline = {
    .name = "outline",
    .draw = outline_draw,
    .draw_moved = outline_draw_moved,
    .handle = outline_handle,
    .click = outline_click,
    .selected = outline_selected,
    .position = outline_position,
    .reveal = outline_reveal,
};
