/* view_due_soon.c - items and milestones due in the next warn_days days
 * (近期到期), nearest first (query/due_soon.h; held compactly,
 * query/dated_list.h), following the filter.
 * Enter jumps to the item in the outline. */
#include "screen/view.h"

#include "screen/draw.h"
#include "screen/vmodel.h"
#include "query/dated_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct due_soon_state {
    dated_list list;
    int loaded;
    size_t cursor, top;
} due_soon_state;

static due_soon_state *state(const app *a)
{
    return view_state(a, VIEW_due_soon);
}

static void *due_soon_create(app *a)
{
    (void)a;
    return calloc(1, sizeof(due_soon_state));
}

static void due_soon_destroy(void *s)
{
    due_soon_state *d = s;
    dated_list_free(&d->list);
    free(d);
}

static void due_soon_invalidate(app *a)
{
    state(a)->loaded = 0;
}

static void due_soon_sync(app *a)
{
    due_soon_state *d = state(a);
    if (d->loaded)
        return;
    duban_error err = {0};
    if (dated_list_due_soon(a->st, a->plan_id, a->today, a->warn_days, &a->rule, &a->filter,
                            &d->list, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    if (d->cursor >= d->list.n)
        d->cursor = d->list.n ? d->list.n - 1 : 0;
    d->loaded = 1;
}

static void draw_row(app *a, const dated_item *row, int y, rect r, int rev)
{
    const dated_list *l = &state(a)->list;
    const status_set *set = store_statuses(a->st);
    const char *status = dated_text(l, row->status), *phrase = dated_text(l, row->phrase);
    const status_def *st = status_by_key(set, status);
    char due[64], buf[128];
    draw_blank(y, r.x, r.w, rev);
    app_date(a, dated_text(l, row->due), due, sizeof due);
    snprintf(buf, sizeof buf, "%s%s", due, row->extended ? " 延" : "");
    int x = r.x + 1;
    draw_text(y, x, 16, buf, S_RISK | rev);
    x += draw_width(due) + 5; /* room for " 延" */
    snprintf(buf, sizeof buf, row->days ? "%d 天后" : "今天", row->days);
    draw_text(y, x, 8, buf, S_BOLD | rev);
    x += 9;
    draw_text(y, x, 8, dated_text(l, row->ref), S_BOLD | rev);
    x += 8;
    draw_text(y, x, 12, st ? st->name : status,
              (st ? S_STATUS + (int)(st - set->v) : S_NORMAL) | rev);
    x += 9;
    int unit_w = r.w >= 100 ? 20 : 0;
    int w = draw_text(y, x, r.x + r.w - unit_w - x - 2, dated_text(l, row->title), rev);
    if (*phrase && x + w + 4 < r.x + r.w - unit_w) {
        draw_text(y, x + w, 3, " · ", rev);
        draw_text(y, x + w + 3, r.x + r.w - unit_w - x - w - 4, phrase, rev);
    }
    if (unit_w)
        draw_text(y, r.x + r.w - unit_w - 1, unit_w, dated_text(l, row->unit), rev);
}

static void due_soon_draw(app *a, rect r)
{
    due_soon_state *d = state(a);
    for (int y = r.y; y < r.y + r.h; y++)
        draw_blank(y, r.x, r.w, S_NORMAL);
    char head[128];
    snprintf(head, sizeof head, "近期到期 %d天内（含今天） due within %d days", a->warn_days,
             a->warn_days);
    draw_text(r.y, r.x + 1, r.w - 2, head, S_SECTION);
    if (!d->list.n) {
        draw_centered(r.y + r.h / 3, r.x, r.w, "近期没有到期事项 nothing is due soon", S_BOLD);
        return;
    }
    int h = r.h - 1;
    view_scroll_to(d->cursor, &d->top, d->list.n, h);
    for (int i = 0; i < h && d->top + (size_t)i < d->list.n; i++) {
        size_t k = d->top + (size_t)i;
        draw_row(a, &d->list.v[k], r.y + 1 + i, r, k == d->cursor ? S_REVERSE : 0);
    }
}

static view_result due_soon_handle(app *a, action act, int arg)
{
    due_soon_state *d = state(a);
    if (view_move_cursor(act, arg, &d->cursor, d->list.n, a->lay.main.h - 1))
        return VIEW_HANDLED;
    if (act != ACT_toggle)
        return VIEW_IGNORED;
    if (d->cursor < d->list.n) {
        duban_error err = {0};
        int64_t id = d->list.v[d->cursor].node_id;
        view_switch(a, VIEW_outline);
        if (vm_reveal(a, id, &err))
            app_message(a, S_ERROR, "%s", err.msg);
    }
    return VIEW_HANDLED;
}

static view_result due_soon_click(app *a, rect r, int y, int x)
{
    due_soon_state *d = state(a);
    (void)r;
    (void)x;
    size_t k = d->top + (size_t)(y - 1);
    if (y >= 1 && k < d->list.n)
        d->cursor = k;
    return VIEW_HANDLED;
}

static int64_t due_soon_selected(app *a)
{
    const due_soon_state *d = state(a);
    return d->cursor < d->list.n ? d->list.v[d->cursor].node_id : 0;
}

static void due_soon_position(app *a, char *out, size_t outsz)
{
    const due_soon_state *d = state(a);
    snprintf(out, outsz, "近期到期 %zu/%zu", d->list.n ? d->cursor + 1 : 0, d->list.n);
}

const view_ops view_due_soon = {
    .name = "due-soon",
    .flags = VF_REFRESH_AFTER_EDIT | VF_FOLLOWS_FILTER,
    .toggle = ACT_due_soon_view,
    .create = due_soon_create,
    .destroy = due_soon_destroy,
    .invalidate = due_soon_invalidate,
    .sync = due_soon_sync,
    .draw = due_soon_draw,
    .handle = due_soon_handle,
    .click = due_soon_click,
    .selected = due_soon_selected,
    .position = due_soon_position,
};
