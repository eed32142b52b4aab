/* dispatch.c - what an action does: the main view's meaning first, then
 * the application's (see dispatch.h). */
#include "screen/dispatch.h"

#include "screen/app_edit.h"
#include "screen/draw.h"
#include "screen/fields.h"
#include "screen/search.h"

static int detail_shown(const app *a)
{
    return a->lay.detail.w > 0 && a->lay.detail.h > 0;
}

/* What an edit action is: it changes the plan (EDITS), and most of the
 * time asks a question on the status line first (ASKS); 0 for others. */
enum { EDITS = 1, ASKS = 2 };
static int edit_kind(action act)
{
    edit_field f;
    switch (act) {
    case ACT_extend:
    case ACT_progress:
    case ACT_meeting:
    case ACT_add_item:
    case ACT_rename:
    case ACT_cancel_item:
    case ACT_milestone_done:
    case ACT_move_item_to:
    case ACT_decide:
        return EDITS | ASKS;
    case ACT_set_status:
    case ACT_next_status:
    case ACT_edit_body:
    case ACT_move_item_up:
    case ACT_move_item_down:
    case ACT_undo:
    case ACT_redo:
        return EDITS;
    default: /* d, w, a, c: one question each (fields.def) */
        return field_for_action(act, &f) ? EDITS | ASKS : 0;
    }
}

static view_result edit_action_run(app *a, action act, int arg);

/* An action that would have asked but refused (no milestone, no meeting,
 * read-only...): what was typed after its key, meant as the answer, is
 * dropped, not run as keys (digits in the outline set statuses). */
static view_result edit_action(app *a, action act, int arg)
{
    view_result r = edit_action_run(a, act, arg);
    if (r == VIEW_HANDLED && (edit_kind(act) & ASKS) && a->prompt == PROMPT_NONE &&
        a->msg_style == S_ERROR)
        flushinp();
    return r;
}

static view_result edit_action_run(app *a, action act, int arg)
{
    edit_field f;
    if ((edit_kind(act) & EDITS) && store_readonly(a->st)) { /* say so before asking anything */
        char why[256] = "it is open read-only";
        store_can_write(store_path(a->st), why, sizeof why);
        app_message(a, S_ERROR, "只读 read-only, cannot edit: %s", why);
        return VIEW_HANDLED;
    }
    if (field_for_action(act, &f)) { /* d, w, a, c: one question (fields.def) */
        app_prompt_field(a, f);
        return VIEW_HANDLED;
    }
    switch (act) {
    case ACT_set_status:
        app_set_status(a, arg);
        break;
    case ACT_next_status:
        app_next_status(a);
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
    case ACT_decide:
        app_decide(a);
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

/* Actions that change the main view; VIEW_IGNORED for others.  A view's
 * toggle action (view.h) opens it, and closes it when it is shown. */
static view_result view_action(app *a, action act)
{
    view_id id = view_by_toggle(act);
    if (id < VIEW_COUNT) {
        if (a->view == id)
            view_close(a);
        else
            view_open(a, id);
        return VIEW_HANDLED;
    }
    if (act != ACT_back)
        return VIEW_IGNORED;
    view_close(a);
    return VIEW_HANDLED;
}

static view_result global_action(app *a, action act, int arg)
{
    switch (act) {
    case ACT_quit:
        return VIEW_QUIT;
    case ACT_redraw:
        return VIEW_REPAINT;
    case ACT_toggle_detail:
        a->detail_pref = !detail_shown(a);
        break;
    case ACT_detail_down:
    case ACT_detail_up:
        return view_handle(a, VIEW_detail, act, arg);
    case ACT_search:
        view_switch(a, VIEW_outline);
        app_prompt_search(a);
        break;
    case ACT_search_next:
    case ACT_search_prev:
        view_switch(a, VIEW_outline);
        search_step(a, act == ACT_search_next ? 1 : -1);
        break;
    default:
        if (view_action(a, act) == VIEW_HANDLED)
            break;
        return edit_action(a, act, arg);
    }
    return VIEW_HANDLED;
}

view_result dispatch_action(app *a, action act, int arg)
{
    if (act == ACT_NONE)
        return VIEW_IGNORED;
    view_result r = view_handle(a, a->view, act, arg);
    return r == VIEW_IGNORED ? global_action(a, act, arg) : r;
}
