/* actions.c - the action table, key lookup and dispatch (see actions.h). */
#include "screen/actions.h"

#include "screen/app_edit.h"
#include "screen/draw.h"
#include "screen/keymap.h"
#include "screen/search.h"
#include "screen/view.h"

#include <stdio.h>
#include <string.h>

static const action_info action_table[] = {
    {"", {0, 0}, ""},
#define ACTION(name, key1, key2, help) {#name, {key1, key2}, help},
#include "screen/actions.def"
#undef ACTION
};

const action_info *action_get(action act)
{
    return act > ACT_NONE && act < ACT_COUNT ? &action_table[act] : NULL;
}

action action_for_key(const struct duban_config *cfg, int is_fn, int key, const status_set *set,
                      int *arg)
{
    *arg = 0;
    for (size_t i = 0; !is_fn && key > 0 && key < 128 && i < set->n; i++)
        if (set->v[i].shortcut == key) {
            *arg = (int)i;
            return ACT_set_status;
        }
    int act = keymap_action(cfg, is_fn, key);
    return act > ACT_NONE && act < ACT_COUNT ? (action)act : ACT_NONE;
}

static int detail_shown(const app *a)
{
    return a->lay.detail.w > 0 && a->lay.detail.h > 0;
}

static view_result edit_action(app *a, action act, int arg)
{
    switch (act) {
    case ACT_set_status:
        app_set_status(a, arg);
        break;
    case ACT_next_status:
        app_next_status(a);
        break;
    case ACT_edit_due:
        app_prompt(a, PROMPT_DUE);
        break;
    case ACT_edit_unit:
        app_prompt(a, PROMPT_UNIT);
        break;
    case ACT_edit_leader:
        app_prompt(a, PROMPT_LEADER);
        break;
    case ACT_add_note:
        app_prompt(a, PROMPT_NOTE);
        break;
    case ACT_extend:
        app_extend(a);
        break;
    case ACT_progress:
        app_progress(a);
        break;
    case ACT_meeting:
        app_meeting(a);
        break;
    case ACT_add_item:
        app_add_item(a);
        break;
    case ACT_rename:
        app_rename(a);
        break;
    case ACT_cancel_item:
        app_cancel_item(a);
        break;
    case ACT_milestone_done:
        app_milestone_done(a);
        break;
    case ACT_edit_body:
        app_edit_body(a);
        break;
    case ACT_move_item_up:
        app_move_item(a, -1);
        break;
    case ACT_move_item_down:
        app_move_item(a, 1);
        break;
    case ACT_move_item_to:
        app_move_to(a);
        break;
    case ACT_undo:
        app_undo(a, 0);
        break;
    case ACT_redo:
        app_undo(a, 1);
        break;
    default:
        return VIEW_IGNORED;
    }
    return VIEW_HANDLED;
}

/* Toggles view v: back to the outline when it is shown. */
static void toggle_view(app *a, const view_ops *v)
{
    view_switch(a, a->view == v ? NULL : v);
}

/* Actions that change the main view; VIEW_IGNORED for others. */
static view_result view_action(app *a, action act)
{
    switch (act) {
    case ACT_help:
        if (a->view == &view_help) {
            view_switch(a, a->help_return);
        } else {
            a->help_return = a->view;
            view_switch(a, &view_help);
        }
        break;
    case ACT_overdue_view:
        toggle_view(a, &view_overdue);
        break;
    case ACT_changes:
        toggle_view(a, &view_changes);
        break;
    case ACT_present:
        if (a->view == &view_present)
            present_leave(a);
        else
            present_enter(a, 0);
        break;
    case ACT_back:
        view_switch(a, NULL);
        break;
    default:
        return VIEW_IGNORED;
    }
    return VIEW_HANDLED;
}

static view_result global_action(app *a, action act, int arg)
{
    int page = a->lay.detail.h > 2 ? a->lay.detail.h / 2 : 1;
    switch (act) {
    case ACT_quit:
        return VIEW_QUIT;
    case ACT_redraw:
        return VIEW_REPAINT;
    case ACT_toggle_detail:
        a->detail_pref = !detail_shown(a);
        break;
    case ACT_detail_down:
        return detail_scroll(a, page);
    case ACT_detail_up:
        return detail_scroll(a, -page);
    case ACT_search:
        view_switch(a, NULL);
        app_prompt(a, PROMPT_SEARCH);
        break;
    case ACT_search_next:
    case ACT_search_prev:
        view_switch(a, NULL);
        search_step(a, act == ACT_search_next ? 1 : -1);
        break;
    default:
        if (view_action(a, act) == VIEW_HANDLED)
            break;
        return edit_action(a, act, arg);
    }
    return VIEW_HANDLED;
}

int actions_dispatch(struct app *a, action act, int arg)
{
    if (act == ACT_NONE)
        return VIEW_IGNORED;
    view_result r = a->view->handle(a, act, arg);
    return r == VIEW_IGNORED ? global_action(a, act, arg) : r;
}
