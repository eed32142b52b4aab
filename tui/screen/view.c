/* view.c - the registry of views and what every view shares (see view.h). */
#include "screen/view.h"

#include <stdlib.h>

static const view_ops *const registry[VIEW_COUNT] = {
#define VIEW(name) [VIEW_##name] = &view_##name,
#include "screen/views.def"
#undef VIEW
};

const view_ops *view_get(view_id id)
{
    return registry[id < VIEW_COUNT ? id : VIEW_outline];
}

const view_ops *view_current(const app *a)
{
    return view_get(a->view);
}

void *view_state(const app *a, view_id id)
{
    return id < VIEW_COUNT ? a->view_state[id] : NULL;
}

int views_create(app *a, duban_error *err)
{
    for (int i = 0; i < VIEW_COUNT; i++) {
        if (!registry[i]->create)
            continue;
        a->view_state[i] = registry[i]->create(a);
        if (!a->view_state[i])
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    return DUBAN_OK;
}

void views_destroy(app *a)
{
    for (int i = 0; i < VIEW_COUNT; i++) {
        if (a->view_state[i] && registry[i]->destroy)
            registry[i]->destroy(a->view_state[i]);
        a->view_state[i] = NULL;
    }
}

void views_invalidate(app *a, unsigned flags)
{
    for (int i = 0; i < VIEW_COUNT; i++)
        if ((registry[i]->flags & flags) && registry[i]->invalidate)
            registry[i]->invalidate(a);
}

void view_switch(app *a, view_id id)
{
    a->view = id < VIEW_COUNT && !(registry[id]->flags & VF_PANE) ? id : VIEW_outline;
}

void view_open(app *a, view_id id)
{
    if (id >= VIEW_COUNT)
        return;
    if (registry[id]->flags & VF_RETURNS)
        a->view_return = a->view;
    if (registry[id]->enter)
        registry[id]->enter(a);
    view_switch(a, id);
}

void view_close(app *a)
{
    view_switch(a, view_current(a)->flags & VF_RETURNS ? a->view_return : VIEW_outline);
}

view_id view_by_toggle(action act)
{
    for (int i = 0; act != ACT_NONE && i < VIEW_COUNT; i++)
        if (registry[i]->toggle == act)
            return (view_id)i;
    return VIEW_COUNT;
}

view_result view_handle(app *a, view_id id, action act, int arg)
{
    if (id >= VIEW_COUNT || !registry[id]->handle)
        return VIEW_IGNORED;
    return registry[id]->handle(a, act, arg);
}

view_result view_wheel(app *a, view_id id, int dir)
{
    if (!dir)
        return VIEW_IGNORED;
    return view_handle(a, id, dir < 0 ? ACT_move_up : ACT_move_down, VIEW_WHEEL_LINES);
}

int64_t app_selected(app *a)
{
    const view_ops *v = view_current(a);
    return v->selected ? v->selected(a) : 0;
}

int view_move_cursor(action act, int count, size_t *cursor, size_t n, int page)
{
    size_t c = *cursor, p = page > 1 ? (size_t)page - 1 : 1, k = count > 1 ? (size_t)count : 1;
    switch (act) {
    case ACT_move_down:
        c += k;
        break;
    case ACT_move_up:
        c = c > k ? c - k : 0;
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
