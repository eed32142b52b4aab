/* view_present.c - presentation mode: one area per screen for the wall
 * (see present.h for the slides).  Slide 0 is the summary; Right, l,
 * PgDn or Tab go on (from the summary: to area 1), Space or Enter too
 * (from the summary: to the area under the cursor, as a click on its
 * row does), Left, h, PgUp, BackTab go back; Up/Down select an item, on
 * which every edit key works; Esc or p return to the outline. */
#include "screen/view.h"

#include "screen/draw.h"
#include "screen/present.h"
#include "screen/vmodel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

present_state *present_state_of(const app *a)
{
    return view_state(a, VIEW_present);
}

static void *present_create(app *a)
{
    (void)a;
    return calloc(1, sizeof(present_state));
}

static void present_destroy(void *state)
{
    present_state *p = state;
    target_list_free(&p->targets);
    item_report_list_free(&p->reports);
    present_more_free(p);
    free(p);
}

/* After an edit of one node (a->changed_node) only its report, milestones
 * and notes are read again (and the area's targets: one cheap query);
 * anything else reloads the slide's area. */
static void present_invalidate(app *a)
{
    present_state *p = present_state_of(a);
    if (!a->changed_node || (p->stale_node && p->stale_node != a->changed_node))
        p->targets_stale = 1;
    else
        p->stale_node = a->changed_node;
}

/* The edited node's report and more, with the area's targets; 1 when it
 * is not on the slide (the caller reloads all). */
static int reload_node(app *a, int64_t id, duban_error *err)
{
    present_state *p = present_state_of(a);
    item_report *old = (item_report *)item_report_find(&p->reports, id);
    if (!old)
        return 1;
    item_report r;
    target_list t;
    if (query_node_report(a->st, id, &r, err))
        return -1;
    item_report_free(old);
    *old = r;
    if (area_targets(a->st, p->targets_area, &t, err))
        return -1;
    target_list_free(&p->targets);
    p->targets = t;
    return present_more_reload(a, id, err) ? -1 : 0;
}

/* The area index of the current slide (nareas on the summary). */
static size_t slide_area(const app *a)
{
    size_t s = present_state_of(a)->slide;
    return s >= 1 && s <= a->ol.nareas ? s - 1 : a->ol.nareas;
}

static void present_sync(app *a)
{
    present_state *p = present_state_of(a);
    if (p->slide > a->ol.nareas)
        p->slide = a->ol.nareas;
    size_t i = slide_area(a);
    if (i == a->ol.nareas)
        return;
    duban_error err = {0};
    if (vm_load_items(a, i, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    int64_t id = a->ol.areas[i].area.id, edited = p->stale_node;
    p->stale_node = 0;
    if (p->targets_area == id && !p->targets_stale) {
        int rc = edited ? reload_node(a, edited, &err) : 0;
        if (rc < 0)
            app_message(a, S_ERROR, "%s", err.msg);
        if (rc <= 0)
            return;
    }
    target_list_free(&p->targets);
    item_report_list_free(&p->reports);
    if (area_targets(a->st, id, &p->targets, &err) ||
        query_area_reports(a->st, id, &p->reports, &err) || present_more_load(a, i, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    p->targets_area = id;
    p->targets_stale = 0;
}

static void go_to(app *a, size_t slide, size_t cursor)
{
    present_state_of(a)->slide = slide > a->ol.nareas ? a->ol.nareas : slide;
    present_state_of(a)->cursor = cursor;
    present_state_of(a)->top = 0;
}

/* The next slide; from the summary the first area, or with `open` the
 * area under the cursor. */
static void next_slide(app *a, int open)
{
    const present_state *p = present_state_of(a);
    if (p->slide == 0)
        go_to(a, open ? p->cursor + 1 : 1, 0);
    else if (p->slide < a->ol.nareas)
        go_to(a, p->slide + 1, 0);
}

static void prev_slide(app *a)
{
    const present_state *p = present_state_of(a);
    if (p->slide > 0)
        go_to(a, p->slide - 1, 0); /* from area 1: the summary, on area 1 */
}

static int64_t present_selected(app *a);

/* Back to the outline with the presented item selected there. */
static void leave(app *a)
{
    int64_t id = present_selected(a);
    view_switch(a, VIEW_outline);
    if (id)
        vm_select(a, id);
}

static view_result present_handle(app *a, action act, int arg)
{
    switch (act) {
    case ACT_move_down:
    case ACT_move_up:
    case ACT_first_row:
    case ACT_last_row:
        view_move_cursor(act, arg, &present_state_of(a)->cursor, present_count(a), 1);
        break;
    case ACT_slide_next:
    case ACT_next_area:
    case ACT_page_down:
        next_slide(a, 0);
        break;
    case ACT_toggle:
        next_slide(a, 1);
        break;
    case ACT_slide_prev:
    case ACT_prev_area:
    case ACT_page_up:
        prev_slide(a);
        break;
    case ACT_back:
    case ACT_present:
        leave(a);
        break;
    case ACT_expand_all:
    case ACT_collapse_all:
    case ACT_focus_area:
    case ACT_toggle_detail:
    case ACT_detail_down:
    case ACT_detail_up:
    case ACT_group_toggle:
        break; /* nothing folds or scrolls beside the slide */
    default:
        return VIEW_IGNORED;
    }
    return VIEW_HANDLED;
}

/* A click selects the block under it (items side by side: by column
 * too); on the summary it opens that area's slide. */
static view_result present_click(app *a, rect r, int y, int x)
{
    present_state *p = present_state_of(a);
    int sy = r.y + y, sx = r.x + x;
    for (size_t j = 0; j < p->vis_n; j++) {
        if (sy < p->vis_y[j] || sy >= p->vis_y[j] + p->vis_h[j])
            continue;
        if (sx < p->vis_x[j] - 2 || sx >= p->vis_x[j] + p->vis_w[j] + 2)
            continue; /* the other column, or the margin */
        p->cursor = p->vis_first + j;
        if (p->slide == 0)
            next_slide(a, 1);
        break;
    }
    return VIEW_HANDLED;
}

static int64_t present_selected(app *a)
{
    const present_state *p = present_state_of(a);
    size_t i = slide_area(a);
    if (i == a->ol.nareas)
        return p->cursor < a->ol.nareas ? a->ol.areas[p->cursor].area.id : 0;
    const area_row *ar = &a->ol.areas[i];
    if (ar->loaded && p->cursor < ar->items.n)
        return ar->items.v[p->cursor].id;
    return ar->area.id;
}

static void present_position(app *a, char *out, size_t outsz)
{
    size_t i = slide_area(a);
    if (i == a->ol.nareas)
        snprintf(out, outsz, "总览 overview");
    else
        snprintf(out, outsz, "方面 %zu/%zu", i + 1, a->ol.nareas);
}

void present_enter(app *a, size_t slide)
{
    go_to(a, slide, slide == 0 ? vm_cursor_area(a) : 0);
    view_switch(a, VIEW_present);
}

/* p from the outline: the summary with the cursor's area selected. */
static void present_open(app *a)
{
    go_to(a, 0, vm_cursor_area(a));
}

/* Moves to the slide holding node id and selects it (after an undo). */
static void present_reveal(app *a, int64_t id)
{
    item_light lv;
    const item_light *l = vm_light(a, id, &lv);
    size_t i = vm_area_index(a, l ? l->area_id : id);
    duban_error err = {0};
    if (i == a->ol.nareas)
        return;
    go_to(a, i + 1, 0);
    if (vm_load_items(a, i, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    const area_row *ar = &a->ol.areas[i];
    for (size_t k = 0; k < ar->items.n; k++)
        if (ar->items.v[k].id == id)
            present_state_of(a)->cursor = k;
}

const view_ops view_present = {
    .name = "present",
    .flags = VF_REFRESH_AFTER_EDIT | VF_NO_DETAIL | VF_FULL_SCREEN | VF_FOLLOWS_FILTER,
    .toggle = ACT_present,
    .create = present_create,
    .destroy = present_destroy,
    .invalidate = present_invalidate,
    .sync = present_sync,
    .draw = present_draw,
    .handle = present_handle,
    .click = present_click,
    .selected = present_selected,
    .position = present_position,
    .enter = present_open,
    .reveal = present_reveal,
};
