/* app_struct.c - structural edits from the keyboard (see app_edit.h):
 *
 *   i  新增事项 (title) -> added after the selected item (an area: at its end)
 *   r  名称 (title, prefilled) -> renamed in place
 *   X  取消理由 (reason) -> cancelled; on a cancelled item: restored at once
 *   D  节点 (N, prefilled) -> marked done, or reopened when done;
 *      "N YYYY-MM-DD" re-dates it, "N -" deletes it
 *   <  >  one place up or down among its siblings (its number stays)
 *   T  移到 (an area's or item's ref) -> moved there, next free number
 *   b  the body in $VISUAL / $EDITOR, curses left and restored around it
 *
 * Each is one core edit (edit/structure.h), undoable with u; the outline
 * is re-read afterwards since rows come and go.  No confirmation asked. */
#include "screen/app_edit.h"

#include "edit/structure.h"
#include "screen/draw.h"
#include "screen/view.h"
#include "screen/vmodel.h"

#include <ctype.h>
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The selected node into *n; 0 with a message when none. */
static int selected(app *a, node *n)
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
    return 1;
}

/* After a change that adds, removes or moves rows: re-read, keep id selected. */
static void after_structure(app *a, int64_t id)
{
    app_edited(a);
    app_reload(a);
    if (id && view_current(a)->reveal)
        view_current(a)->reveal(a, id);
}

void app_add_item(app *a)
{
    node n;
    if (!selected(a, &n))
        return;
    if (n.depth == NODE_AREA)
        app_ask(a, PROMPT_ADD_TITLE, n.id, NULL, "%s 新增事项 new item: ", n.ref);
    else
        app_ask(a, PROMPT_ADD_TITLE, n.id, NULL, "新增事项 (在 %s 之后) new item after %s: ", n.ref,
                n.ref);
    node_free(&n);
}

static void add_done(app *a)
{
    duban_error err = {0};
    node n;
    edit_result r;
    if (node_by_id(a->st, a->prompt_node, &n, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    node_new nn = {.title = a->le.buf};
    int64_t parent = n.depth == NODE_AREA ? n.id : n.parent_id;
    nn.after_id = n.depth == NODE_AREA ? 0 : n.id;
    if (edit_add_node(a->st, a->plan_id, parent, &nn, &r, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
    } else {
        app_message(a, S_OK, "%s 新增 added: %s (u 撤销 undo)", r.ref, a->le.buf);
        after_structure(a, r.node_id);
        edit_result_free(&r);
    }
    node_free(&n);
}

void app_rename(app *a)
{
    node n;
    if (!selected(a, &n))
        return;
    app_ask(a, PROMPT_RENAME, n.id, n.title, "%s 名称 title: ", n.ref);
    node_free(&n);
}

void app_cancel_item(app *a)
{
    node n;
    if (!selected(a, &n))
        return;
    if (*n.state) { /* restore: undoable, so nothing to ask */
        duban_error err = {0};
        edit_result r;
        if (edit_apply(a->st, n.id, FIELD_STATE, "", NULL, &r, &err)) {
            app_message(a, S_ERROR, "%s", err.msg);
        } else {
            app_message(a, S_OK, "%s 已恢复 restored", n.ref);
            edit_result_free(&r);
            after_structure(a, n.id);
        }
    } else {
        app_ask(a, PROMPT_CANCEL_REASON, n.id, NULL, "%s 取消理由 reason for cancelling: ", n.ref);
    }
    node_free(&n);
}

static void cancel_done(app *a)
{
    duban_error err = {0};
    edit_result r;
    const char *p = a->le.buf;
    while (*p && isspace((unsigned char)*p))
        p++;
    if (!*p) {
        app_message(a, S_ERROR, "取消需要理由, 未修改 a reason is required (X: again)");
        return;
    }
    if (edit_apply(a->st, a->prompt_node, FIELD_STATE, "cancelled", a->le.buf, &r, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    app_message(a, S_OK, "%s 已取消 cancelled (理由 %s; X 恢复 restores)", r.ref, r.note);
    after_structure(a, r.node_id);
    edit_result_free(&r);
}

/* Marks milestone m of node id done, or reopens it when it is done. */
static void toggle_milestone(app *a, int64_t id, const milestone *m)
{
    duban_error err = {0};
    edit_result r;
    char today[DATE_LEN];
    date_format(a->today, today);
    int reopen = *m->done != '\0';
    if (edit_milestone(a->st, id, m->seq, reopen ? MS_REOPEN : MS_DONE, today, &r, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    app_message(a, S_OK, "%s 节点 %d %s: %s", r.ref, m->seq, reopen ? "重开 reopened" : "完成 done",
                m->phrase);
    app_after_change(a, id);
    edit_result_free(&r);
}

void app_milestone_done(app *a)
{
    duban_error err = {0};
    node n;
    milestone_list l;
    if (!selected(a, &n))
        return;
    if (node_milestones(a->st, n.id, &l, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
    } else if (!l.n) {
        app_message(a, S_ERROR, "%s 没有节点 no milestones", n.ref);
    } else {
        /* Prefilled with the first open one: Enter marks it done. */
        size_t first = 0;
        while (first + 1 < l.n && *l.v[first].done)
            first++;
        char pre[16];
        snprintf(pre, sizeof pre, "%d", l.v[first].seq);
        app_ask(
            a, PROMPT_MILESTONE, n.id, pre,
            "%s 节点 milestone N: 完成/重开 done/reopen · N 日期 re-date · N - delete: ", n.ref);
    }
    milestone_list_free(&l);
    node_free(&n);
}

/* "N" toggles milestone N, "N YYYY-MM-DD" re-dates it, "N -" deletes it. */
static void milestone_choice_done(app *a)
{
    duban_error err = {0};
    milestone_list l;
    char *end;
    long k = strtol(a->le.buf, &end, 10);
    while (*end == ' ')
        end++;
    if (node_milestones(a->st, a->prompt_node, &l, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    size_t i = 0;
    while (i < l.n && l.v[i].seq != k)
        i++;
    edit_result r;
    int op = !*end ? -1 : !strcmp(end, "-") ? MS_DELETE : MS_DATE;
    if (i == l.n) {
        app_message(a, S_ERROR, "没有节点 '%s' no such milestone", a->le.buf);
    } else if (op < 0) {
        toggle_milestone(a, a->prompt_node, &l.v[i]);
    } else if (edit_milestone(a->st, a->prompt_node, (int)k, (milestone_op)op, end, &r, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
    } else {
        char what[400];
        app_describe(a, &r, what, sizeof what);
        app_message(a, S_OK, "%s", what);
        app_after_change(a, a->prompt_node);
        edit_result_free(&r);
    }
    milestone_list_free(&l);
}

void app_edit_body(app *a)
{
    node n;
    if (!selected(a, &n))
        return;
    duban_error err = {0};
    char path[] = "/tmp/duban-body-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        app_message(a, S_ERROR, "cannot write a temporary file");
        node_free(&n);
        return;
    }
    fprintf(f, "%s\n", n.body);
    fclose(f);
    /* Leave curses for the editor and come back (calcurse's
     * wins_prepare_external / wins_unprepare_external). */
    def_prog_mode();
    endwin();
    int rc = cli_run_editor(path, &err);
    reset_prog_mode();
    a->repaint = 1;
    char *text = NULL;
    if (!rc) {
        FILE *in = fopen(path, "rb");
        strbuf sb = {0};
        char chunk[4096];
        size_t got;
        while (in && (got = fread(chunk, 1, sizeof chunk, in)) > 0)
            strbuf_appendn(&sb, chunk, got);
        if (in)
            fclose(in);
        text = duban_strdup(strbuf_str(&sb));
        strbuf_free(&sb);
    }
    unlink(path);
    size_t len = text ? strlen(text) : 0;
    while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
        text[--len] = '\0';
    if (rc)
        app_message(a, S_ERROR, "%s", err.msg);
    else if (!text || !strcmp(text, n.body))
        app_message(a, S_NORMAL, "%s 内容未改变 body unchanged", n.ref);
    else
        app_apply(a, n.id, FIELD_BODY, text, NULL);
    free(text);
    node_free(&n);
}

void app_move_item(app *a, int dir)
{
    node n;
    if (!selected(a, &n))
        return;
    duban_error err = {0};
    edit_result r;
    int rc = edit_reorder(a->st, n.id, dir, &r, &err);
    if (rc == DUBAN_EEMPTY) {
        app_message(a, S_NORMAL, "%s", err.msg);
    } else if (rc) {
        app_message(a, S_ERROR, "%s", err.msg);
    } else {
        app_message(a, S_OK, "%s %s (编号不变 its number stays)", n.ref,
                    dir < 0 ? "上移 moved up" : "下移 moved down");
        edit_result_free(&r);
        after_structure(a, n.id);
    }
    node_free(&n);
}

void app_move_to(app *a)
{
    node n;
    if (!selected(a, &n))
        return;
    app_ask(a, PROMPT_MOVE_TO, n.id, NULL,
            "%s 移到 move to (方面或事项编号 area or item ref): ", n.ref);
    node_free(&n);
}

static void move_to_done(app *a)
{
    duban_error err = {0};
    node to;
    edit_result r;
    int64_t moved = 0;
    const char *ref = a->le.buf;
    if (node_by_ref(a->st, a->plan_id, ref, &to, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        return;
    }
    if (edit_move_node(a->st, a->prompt_node, to.id, 0, &r, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
    } else {
        app_message(a, S_OK,
                    "移到 moved: 现为 now %s (旧编号仍可找到 the old ref still leads to it)",
                    r.ref);
        moved = r.node_id;
        edit_result_free(&r);
        after_structure(a, moved);
    }
    node_free(&to);
}

void app_struct_done(app *a, int accepted)
{
    prompt_kind kind = a->prompt;
    a->prompt = PROMPT_NONE;
    if (!accepted) {
        app_message(a, S_NORMAL, "已取消输入 cancelled");
        return;
    }
    if (kind == PROMPT_ADD_TITLE)
        add_done(a);
    else if (kind == PROMPT_RENAME)
        app_apply(a, a->prompt_node, FIELD_TITLE, a->le.buf, NULL);
    else if (kind == PROMPT_CANCEL_REASON)
        cancel_done(a);
    else if (kind == PROMPT_MILESTONE)
        milestone_choice_done(a);
    else if (kind == PROMPT_MOVE_TO)
        move_to_done(a);
}
