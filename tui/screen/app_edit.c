/* app_edit.c - keyboard edits, prompts, undo/redo (see app_edit.h). */
#include "screen/app_edit.h"

#include "query/history_shown.h"

#include "screen/draw.h"
#include "screen/fields.h"
#include "edit/edit.h"
#include "plan/target.h"
#include "screen/search.h"
#include "base/strbuf.h"
#include "screen/view.h"
#include "screen/vmodel.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void app_edited(app *a)
{
    a->undo_kind = UNDO_LAST_EDIT;
    a->undo_id = 0;
}

void app_after_change(app *a, int64_t id)
{
    app_edited(a);
    duban_error err = {0};
    size_t area = a->ol.nareas;
    if (vm_refresh_node(a, id, &area, &err) || vm_refresh_area(a, area, id, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    a->changed_node = id; /* views may reload that node only */
    views_invalidate(a, VF_REFRESH_AFTER_EDIT);
    a->changed_node = 0;
}

void app_load_meeting(app *a)
{
    duban_error err = {0};
    meeting_free(&a->mtg);
    if (meeting_current(a->st, a->plan_id, &a->mtg, &err))
        app_message(a, S_ERROR, "%s", err.msg);
}

void app_reload(app *a)
{
    duban_error err = {0};
    if (vm_reload(a, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    app_load_meeting(a);
    views_invalidate(a, VF_REFRESH_AFTER_EDIT);
}

/* "目标 美丽乡村 " for field target.N of node id ("目标 " when unknown). */
static void target_label(app *a, int64_t id, const char *field, char *out, size_t outsz)
{
    target_list l;
    int seq = atoi(field + strlen("target."));
    snprintf(out, outsz, "目标 ");
    if (node_targets(a->st, id, &l, NULL))
        return;
    for (size_t i = 0; i < l.n; i++)
        if (l.v[i].seq == seq)
            snprintf(out, outsz, "目标 %s ", l.v[i].label);
    target_list_free(&l);
}

void app_describe(app *a, const edit_result *r, char *out, size_t outsz)
{
    strbuf sb = {0};
    if (!cli_change_text(a->ctx, r, &sb)) { /* structural: "5.4 added" */
        snprintf(out, outsz, "%s", strbuf_str(&sb));
        strbuf_free(&sb);
        return;
    }
    strbuf_free(&sb);
    char label[160];
    edit_field f;
    snprintf(label, sizeof label, "%s",
             edit_field_parse(r->field, &f) ? "" : field_change_label(f));
    if (!strncmp(r->field, "target.", 7))
        target_label(a, r->node_id, r->field, label, sizeof label);
    char ob[HISTORY_SHOWN_LEN], nb[HISTORY_SHOWN_LEN];
    if (!strcmp(r->field, "note"))
        snprintf(out, outsz, "%s %s%s", r->ref, label, r->new_value);
    else
        snprintf(out, outsz, "%s %s%s → %s", r->ref, label,
                 history_shown_value(a->st, r->field, r->old_value, ob),
                 history_shown_value(a->st, r->field, r->new_value, nb));
}

int app_editable(app *a, edit_field field, node *n)
{
    duban_error err = {0};
    int64_t id = app_selected(a);
    if (!id) {
        app_message(a, S_ERROR, "请先选择一个事项 select an item first");
        return 0;
    }
    if (node_by_id(a->st, id, n, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return 0;
    }
    if (n->depth == NODE_AREA && field != FIELD_NOTE) {
        app_message(a, S_ERROR, "%s 是方面，进度来自其事项 — 请选择事项 (areas take no %s)", n->ref,
                    edit_field_name(field));
        node_free(n);
        return 0;
    }
    return 1;
}

int app_apply(app *a, int64_t id, edit_field field, const char *value, const char *note)
{
    duban_error err = {0};
    edit_result r;
    int rc = edit_apply(a->st, id, field, value, note, &r, &err);
    if (rc) {
        app_message(a, S_ERROR, "%s", err.msg);
        return rc;
    }
    char what[400];
    app_describe(a, &r, what, sizeof what);
    if (!r.changed)
        app_message(a, S_NORMAL, "%s 未改变 unchanged", r.ref);
    else if (field == FIELD_STATUS)
        app_message(a, S_OK, "%s · 按 c 添加进展说明 (c: add a note)", what);
    else if (field == FIELD_NOTE)
        app_message(a, S_OK, "%s 已添加进展 note added", r.ref);
    else if (*r.note)
        app_message(a, S_OK, "%s (理由 %s)", what, r.note);
    else
        app_message(a, S_OK, "%s", what);
    if (r.changed)
        app_after_change(a, id);
    edit_result_free(&r);
    return DUBAN_OK;
}

void app_ask(app *a, prompt_kind kind, int64_t id, const char *prefill, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->prompt_title, sizeof a->prompt_title, fmt, ap);
    va_end(ap);
    lineedit_init(&a->le, prefill);
    a->prompt = kind;
    a->prompt_node = id;
    a->prompt_error[0] = '\0';
}

void app_ask_again(app *a, const char *why)
{
    snprintf(a->prompt_error, sizeof a->prompt_error, "%s", why);
}

void app_set_status(app *a, int idx)
{
    const status_set *set = store_statuses(a->st);
    node n;
    if (idx < 0 || (size_t)idx >= set->n || !app_editable(a, FIELD_STATUS, &n))
        return;
    app_apply(a, n.id, FIELD_STATUS, set->v[idx].key, NULL);
    node_free(&n);
}

void app_next_status(app *a)
{
    node n;
    if (!app_editable(a, FIELD_STATUS, &n))
        return;
    const status_def *d = status_next(store_statuses(a->st), n.status);
    if (d)
        app_apply(a, n.id, FIELD_STATUS, d->key, NULL);
    node_free(&n);
}

void app_prompt_search(app *a)
{
    search_begin(a);
    app_ask(a, PROMPT_SEARCH, 0, NULL, "搜索 /");
}

void app_prompt_field(app *a, edit_field f)
{
    node n;
    if (!field_prompt(f) || !app_editable(a, f, &n))
        return;
    app_ask(a, PROMPT_FIELD, n.id, field_prefill(f, &n), "%s", field_prompt(f));
    a->prompt_field = f;
    node_free(&n);
}

static void prompt_done(app *a, int accepted)
{
    switch (a->prompt) {
    case PROMPT_SEARCH:
        a->prompt = PROMPT_NONE;
        if (accepted)
            search_accept(a);
        else
            search_cancel(a);
        break;
    case PROMPT_FIELD:
        a->prompt = PROMPT_NONE;
        if (!accepted)
            app_message(a, S_NORMAL, "已取消 cancelled");
        else if (app_apply(a, a->prompt_node, a->prompt_field, a->le.buf, NULL) == DUBAN_EINVAL) {
            a->prompt = PROMPT_FIELD; /* a bad value: fix it, not type it all again */
            app_ask_again(a, a->msg);
        }
        break;
    default: /* the edits that ask twice, and meetings */
        app_flow_done(a, accepted);
        break;
    }
}

void app_prompt_key(app *a, int is_fn, uint32_t key)
{
    int r = lineedit_key(&a->le, is_fn, key);
    if (r == LE_ACCEPT || r == LE_CANCEL)
        prompt_done(a, r == LE_ACCEPT);
    else if (r == LE_CHANGED && a->prompt == PROMPT_SEARCH)
        search_update(a, a->le.buf);
}

void app_undo(app *a, int redo)
{
    if (!redo && a->undo_kind != UNDO_LAST_EDIT) {
        app_undo_flow(a);
        return;
    }
    app_edited(a);
    duban_error err = {0};
    edit_result r;
    int rc = redo ? edit_redo(a->st, a->plan_id, &r, &err) : edit_undo(a->st, a->plan_id, &r, &err);
    if (rc == DUBAN_EEMPTY) {
        app_message(a, S_NORMAL,
                    redo ? "没有可重做的修改 nothing to redo" : "没有可撤销的修改 nothing to undo");
        return;
    }
    if (rc) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    char what[400];
    app_describe(a, &r, what, sizeof what);
    app_message(a, S_OK, "%s %s%s", redo ? "已重做:" : "已撤销:", what,
                r.superseded == 2 ? "（原编号已归另一副本的事项，位置不变）"
                : r.superseded    ? "（保留另一副本在后的修改）"
                                  : "");
    /* Rows come and go with additions, removals, moves and cancellations. */
    int rows = !strcmp(r.field, "state") || !strcmp(r.field, "place") ||
               !strcmp(r.field, "order") || !strncmp(r.field, "plan.", 5);
    if (rows)
        app_reload(a);
    else
        app_after_change(a, r.node_id);
    if (!strncmp(r.field, "plan.", 5)) { /* the header shows the plan's title */
        plan_info_free(&a->plan);
        if (plan_get_header(a->st, a->plan_id, &a->plan, &err))
            app_message(a, S_ERROR, "%s", err.msg);
    }
    /* An undone addition (a redone deletion) has no row to reveal. */
    node still;
    int shown = !node_by_id(a->st, r.node_id, &still, NULL);
    if (shown)
        node_free(&still);
    if (shown && view_current(a)->reveal)
        view_current(a)->reveal(a, r.node_id);
    edit_result_free(&r);
}
