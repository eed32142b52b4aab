/* app_flow.c - edits that ask two questions on the status line, and
 * meetings (see app_edit.h).
 *
 *   x  延期至 (date) -> 延期理由 (reason)      edit_apply(FIELD_EXTENSION)
 *   P  目标 (which, when several) -> 当前值     target_set_progress()
 *   M  会议名称 (title; when none is open)       meeting_start() / meeting_end()
 *   Y  议定事项 -> 责任单位 -> 时限 (with a unit) decision_add()
 *
 * A bad answer (a date that is no date, an empty reason or text, a value
 * that is no number) keeps its prompt open with what was typed and says
 * why (app_ask_again), so that the answers before it are not typed again;
 * Esc gives up, and nothing is changed until the last answer is taken. */
#include "screen/app_edit.h"

#include "screen/draw.h"
#include "screen/view.h"
#include "edit/decision.h"
#include "edit/meeting_room.h"
#include "report/minutes.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int blank(const char *s)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    return *s == '\0';
}

void app_extend(app *a)
{
    node n;
    if (!app_editable(a, FIELD_EXTENSION, &n))
        return;
    app_ask(a, PROMPT_EXT_DATE, n.id, *n.extended_due ? n.extended_due : n.due,
            "%s 延期至 new due (原 %s): ", n.ref, *n.due ? n.due : "—");
    node_free(&n);
}

static void extension_date_done(app *a)
{
    duban_error err = {0};
    const char *v = a->le.buf;
    if (blank(v)) { /* withdraws an extension; nothing to ask */
        a->prompt = PROMPT_NONE;
        app_apply(a, a->prompt_node, FIELD_EXTENSION, "", NULL);
        return;
    }
    if (date_parse(v, NULL, &err)) {
        app_ask_again(a, err.msg);
        return;
    }
    snprintf(a->prompt_keep, sizeof a->prompt_keep, "%s", v);
    app_ask(a, PROMPT_EXT_REASON, a->prompt_node, NULL,
            "延期理由 reason (至 %s): ", a->prompt_keep);
}

static void extension_reason_done(app *a)
{
    if (blank(a->le.buf)) {
        app_ask_again(a, "延期需要理由 a reason is required (Esc 取消)");
        return;
    }
    a->prompt = PROMPT_NONE;
    app_apply(a, a->prompt_node, FIELD_EXTENSION, a->prompt_keep, a->le.buf);
}

/* Asks for the value of target t of node id. */
static void ask_value(app *a, int64_t id, const target *t)
{
    char goal[32], now[32] = "";
    target_format_number(t->number, goal);
    if (t->has_current)
        target_format_number(t->current, now);
    snprintf(a->prompt_keep, sizeof a->prompt_keep, "%s", t->label);
    app_ask(a, PROMPT_TARGET_VALUE, id, now, "%s 当前值 value (目标 %s%s %s): ", t->label,
            t->dir == TARGET_AT_MOST ? "≤" : "", goal, t->unit);
}

void app_progress(app *a)
{
    duban_error err = {0};
    node n;
    target_list l;
    if (!app_editable(a, FIELD_NOTE, &n))
        return;
    if (n.depth == NODE_AREA) {
        app_message(a, S_ERROR, "%s 是方面 — 请选择事项 (areas have no targets)", n.ref);
    } else if (node_targets(a->st, n.id, &l, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
    } else {
        if (l.n == 0)
            app_message(a, S_ERROR, "%s 没有量化指标 no numeric targets", n.ref);
        else if (l.n == 1)
            ask_value(a, n.id, &l.v[0]);
        else
            app_ask(a, PROMPT_TARGET, n.id, NULL, "%s 哪个目标 which target (1-%zu): ", n.ref, l.n);
        target_list_free(&l);
    }
    node_free(&n);
}

/* The answer to "which target": its number, or (a part of) its label. */
static void target_choice_done(app *a)
{
    duban_error err = {0};
    target_list l;
    size_t idx = 0;
    a->prompt = PROMPT_NONE;
    if (node_targets(a->st, a->prompt_node, &l, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    char *end;
    long k = strtol(a->le.buf, &end, 10);
    int rc = DUBAN_OK;
    if (end == a->le.buf || !blank(end))
        rc = target_find(&l, a->le.buf, &idx, &err);
    else if (k >= 1 && (size_t)k <= l.n)
        idx = (size_t)k - 1;
    else
        rc = duban_fail(&err, DUBAN_EINVAL, "没有第 %ld 个目标 no target %ld", k, k);
    if (rc)
        app_message(a, S_ERROR, "%s", err.msg);
    else
        ask_value(a, a->prompt_node, &l.v[idx]);
    target_list_free(&l);
}

static void target_value_done(app *a)
{
    duban_error err = {0};
    edit_result r;
    int rc = target_set_progress(a->st, a->prompt_node, a->prompt_keep, a->le.buf, NULL, &r, &err);
    if (rc == DUBAN_EINVAL) { /* not a number: fix it */
        app_ask_again(a, err.msg);
        return;
    }
    a->prompt = PROMPT_NONE;
    if (rc) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    char what[400];
    app_describe(a, &r, what, sizeof what);
    if (r.changed) {
        app_message(a, S_OK, "%s", what);
        app_after_change(a, a->prompt_node);
    } else {
        app_message(a, S_NORMAL, "%s 未改变 unchanged", r.ref);
    }
    edit_result_free(&r);
}

static void end_meeting(app *a)
{
    duban_error err = {0};
    meeting_change_list l = {0};
    char title[256];
    snprintf(title, sizeof title, "%s", a->mtg.title);
    int64_t id = a->mtg.id;
    if (meeting_end(a->st, a->plan_id, &err) ||
        minutes_freeze(a->st, id, a->today, &a->rule, cli_issuer(a->ctx), draw_measure(), &err) ||
        meeting_changes(a->st, id, &l, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
    } else {
        a->undo_kind = UNDO_MEETING_END;
        a->undo_id = id;
        app_message(a, S_OK, "会议已结束: %s · %zu 项变更 · u 撤销结束 reopens it · m 查看 changes",
                    title, l.n);
    }
    meeting_change_list_free(&l);
    app_load_meeting(a);
    views_invalidate(a, VF_FOLLOWS_MEETING);
}

/* u right after M (the meeting goes on) or after Y recorded a decision
 * without an item (it is taken back). */
void app_undo_flow(app *a)
{
    duban_error err = {0};
    int64_t id = a->undo_id;
    int reopen = a->undo_kind == UNDO_MEETING_END;
    app_edited(a);
    if (reopen ? meeting_reopen(a->st, a->plan_id, NULL, &err)
               : decision_withdraw(a->st, a->plan_id, id, NULL, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    if (reopen) {
        app_load_meeting(a);
        app_message(a, S_OK, "已撤销结束会议: %s 继续 meeting reopened", a->mtg.title);
    } else {
        app_message(a, S_OK, "已撤回议定事项 decision taken back");
    }
    views_invalidate(a, VF_FOLLOWS_MEETING);
}

void app_meeting(app *a)
{
    if (a->mtg.id) {
        end_meeting(a);
        return;
    }
    duban_error err = {0};
    meeting_list l;
    if (meeting_list_all(a->st, a->plan_id, &l, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    char num[32], title[64];
    app_chinese_number((int)l.n + 1, num, sizeof num);
    snprintf(title, sizeof title, "第%s次推进会", num);
    meeting_list_free(&l);
    app_ask(a, PROMPT_MEETING, 0, title, "开始会议 meeting title: ");
}

static void meeting_title_done(app *a)
{
    duban_error err = {0};
    char today[DATE_LEN];
    a->prompt = PROMPT_NONE;
    date_format(a->today, today);
    if (meeting_start(a->st, a->plan_id, a->le.buf, today, NULL, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    app_edited(a);
    app_load_meeting(a);
    views_invalidate(a, VF_FOLLOWS_MEETING);
    app_ask(a, PROMPT_ATTENDEES, 0, "", "参会人员 attendees (Enter 跳过 skips): ");
}

static void attendees_done(app *a)
{
    duban_error err = {0};
    a->prompt = PROMPT_NONE;
    if (!blank(a->le.buf) && meeting_set_attendees(a->st, a->mtg.id, a->le.buf, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    meeting_change_list before = {0}; /* counted, none kept */
    if (changes_before_meeting(a->st, a->mtg.id, 0, &before, &err))
        app_message(a, S_ERROR, "%s", err.msg);
    else
        app_message(a, S_OK, "● 会议开始: %s · 会前变更 %zu 项 (m 查看) · M 结束 ends it",
                    a->mtg.title, before.total);
    meeting_change_list_free(&before);
}

void app_decide(app *a)
{
    if (!a->mtg.id) {
        app_message(a, S_ERROR,
                    "议定事项属于会议: 先按 M 开始会议 (decisions belong to a meeting)");
        return;
    }
    int64_t id = app_selected(a);
    app_ask(a, PROMPT_DECISION, id, "", "议定事项 decision: ");
}

/* Y asks the text, then the unit (Enter: none), then, with a unit, the
 * due date (Enter: none); with both the decision becomes an item. */
static void decision_text_done(app *a)
{
    if (blank(a->le.buf)) {
        app_ask_again(a, "议定事项需要内容 a decision needs its text (Esc 取消)");
        return;
    }
    snprintf(a->prompt_keep, sizeof a->prompt_keep, "%s", a->le.buf);
    app_ask(a, PROMPT_DECISION_UNIT, a->prompt_node, "", "责任单位 unit (Enter 无 none): ");
}

static void decision_unit_done(app *a)
{
    snprintf(a->prompt_unit, sizeof a->prompt_unit, "%s", a->le.buf);
    if (blank(a->le.buf))
        a->prompt_unit[0] = '\0';
    else
        app_ask(a, PROMPT_DECISION_DUE, a->prompt_node, "",
                "时限 due YYYY-MM-DD (有时限则列入督办 tracked; Enter 无 none): ");
}

static void decision_done(app *a)
{
    duban_error err = {0};
    node n = {0};
    decision_added d = {0};
    const char *due = a->prompt == PROMPT_DECISION_DUE ? a->le.buf : "";
    if (!blank(due) && date_parse(due, NULL, &err)) { /* the text and unit stay */
        app_ask_again(a, err.msg);
        return;
    }
    a->prompt = PROMPT_NONE;
    if (a->prompt_node && node_by_id(a->st, a->prompt_node, &n, &err) == DUBAN_OK &&
        n.depth == NODE_AREA)
        n.id = 0; /* about an area: about nothing in particular */
    int rc = decision_add(a->st, a->plan_id, a->prompt_keep, a->prompt_unit, due, n.id, &d, &err);
    if (!rc && d.item_id) { /* a new row in the outline; u takes it away with the decision */
        app_edited(a);
        app_reload(a);
    } else if (!rc) { /* no history row: u takes it back (app_undo_flow) */
        a->undo_kind = UNDO_DECISION;
        a->undo_id = d.id;
    }
    if (rc)
        app_message(a, S_ERROR, "%s", err.msg);
    else if (d.item_id)
        app_message(a, S_OK,
                    "议定事项已记录, 列入督办 %s (u 撤销) decision recorded, tracked as %s",
                    d.item_ref, d.item_ref);
    else if (n.id)
        app_message(a, S_OK, "议定事项已记录 (关于 %s; u 撤回) decision recorded", n.ref);
    else
        app_message(a, S_OK, "议定事项已记录 (u 撤回) decision recorded");
    node_free(&n);
    views_invalidate(a, VF_FOLLOWS_MEETING);
}

void app_flow_done(app *a, int accepted)
{
    if (a->prompt >= PROMPT_ADD_TITLE && a->prompt <= PROMPT_MOVE_TO) {
        app_struct_done(a, accepted);
        return;
    }
    if (!accepted && a->prompt == PROMPT_ATTENDEES) { /* Esc: none given; the meeting is on */
        a->le.buf[0] = '\0';
        attendees_done(a);
        return;
    }
    if (!accepted) {
        a->prompt = PROMPT_NONE;
        app_message(a, S_NORMAL, "已取消 cancelled");
        return;
    }
    switch (a->prompt) {
    case PROMPT_EXT_DATE:
        extension_date_done(a);
        break;
    case PROMPT_EXT_REASON:
        extension_reason_done(a);
        break;
    case PROMPT_TARGET:
        target_choice_done(a);
        break;
    case PROMPT_TARGET_VALUE:
        target_value_done(a);
        break;
    case PROMPT_MEETING:
        meeting_title_done(a);
        break;
    case PROMPT_ATTENDEES:
        attendees_done(a);
        break;
    case PROMPT_DECISION:
        decision_text_done(a);
        break;
    case PROMPT_DECISION_UNIT:
        decision_unit_done(a);
        if (a->prompt == PROMPT_DECISION_UNIT) /* no unit: nothing more to ask */
            decision_done(a);
        break;
    case PROMPT_DECISION_DUE:
        decision_done(a);
        break;
    default:
        a->prompt = PROMPT_NONE;
        break;
    }
}
