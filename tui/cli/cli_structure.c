/* cli_structure.c - editing the plan's structure from the command line:
 * add, rename, body, move, renumber, cancel, restore, delete; and how a
 * structural change is described (also for undo and redo). */
#include "cli/cli.h"

#include "base/strbuf.h"
#include "edit/structure.h"
#include "query/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_node(cli_ctx *ctx, const char *ref, node *out, duban_error *err)
{
    int rc = node_by_ref(ctx->st, ctx->plan_id, ref, out, err);
    int64_t to = 0;
    if (rc != DUBAN_ENOTFOUND || node_moved_to(ctx->st, ctx->plan_id, ref, &to, NULL))
        return rc;
    node now;
    if (node_by_id(ctx->st, to, &now, NULL))
        return rc;
    rc = duban_fail(err, DUBAN_ENOTFOUND, "no item %s: it moved, it is now %s", ref, now.ref);
    node_free(&now);
    return rc;
}

/* What a structural change did, for people ("1.3 added", "milestone 2
 * done").  Returns 0 and fills sb, or -1 when field is a plain one. */
int cli_change_text(cli_ctx *ctx, const edit_result *r, strbuf *sb)
{
    (void)ctx;
    const char *f = r->field, *o = r->old_value, *n = r->new_value;
    int ms = 0;
    char attr[16] = "";
    if (!strcmp(f, "state")) {
        const char *what = !strcmp(o, "removed")     ? "added"
                           : !strcmp(n, "removed")   ? "deleted"
                           : !strcmp(n, "cancelled") ? "cancelled (已取消)"
                                                     : "restored";
        return strbuf_printf(sb, "%s %s", r->ref, what) ? -1 : 0;
    }
    if (!strcmp(f, "place"))
        return strbuf_printf(sb, "%s moved", r->ref) ? -1 : 0;
    if (!strcmp(f, "order"))
        return strbuf_printf(sb, "%s: order of its items changed", r->ref) ? -1 : 0;
    if (!strcmp(f, "title"))
        return strbuf_printf(sb, "%s title: %s → %s", r->ref, o, n) ? -1 : 0;
    if (!strcmp(f, "plan.title"))
        return strbuf_printf(sb, "plan title: %s → %s", o, n) ? -1 : 0;
    if (!strcmp(f, "body"))
        return strbuf_printf(sb, "%s body changed", r->ref) ? -1 : 0;
    if (!strcmp(f, "plan.period"))
        return strbuf_printf(sb, "plan period: %s → %s", o, n) ? -1 : 0;
    if (!strncmp(f, "note.", 5))
        return strbuf_printf(sb, "%s note %s", r->ref, *n ? "deleted" : "restored") ? -1 : 0;
    if (sscanf(f, "ms.%d.%15s", &ms, attr) != 2)
        return -1;
    if (!strcmp(attr, "due"))
        return strbuf_printf(sb, "%s milestone %d due: %s → %s", r->ref, ms, o, n) ? -1 : 0;
    if (!strcmp(attr, "done"))
        return strbuf_printf(sb, "%s milestone %d %s", r->ref, ms, *n ? "done" : "reopened") ? -1
                                                                                             : 0;
    return strbuf_printf(sb, "%s milestone %d %s", r->ref, ms, *n ? "deleted" : "added") ? -1 : 0;
}

static int say_result(cli_ctx *ctx, const edit_result *r, const char *extra, duban_error *err)
{
    strbuf sb = {0};
    int rc = cli_change_text(ctx, r, &sb);
    if (!rc && extra && *extra)
        rc = strbuf_append(&sb, extra);
    rc = rc ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : cli_say(err, "%s", strbuf_str(&sb));
    strbuf_free(&sb);
    return rc;
}

static int usage(const char *u, duban_error *err)
{
    return duban_fail(err, DUBAN_EINVAL, "usage: duban %s", u);
}

int cmd_add(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->area ? args->npos != 1 : args->npos != 2)
        return usage("add AREA TITLE [--after REF] ... | add --area TITLE", err);
    node parent = {0}, after = {0};
    int rc = args->area ? DUBAN_OK : cli_node(ctx, args->pos[0], &parent, err);
    if (!rc && args->after)
        rc = cli_node(ctx, args->after, &after, err);
    edit_result r = {0};
    node_new nn = {.title = args->pos[args->area ? 0 : 1],
                   .body = args->body,
                   .due = args->due,
                   .unit = args->unit,
                   .leader = args->leader,
                   .after_id = after.id};
    if (!rc)
        rc = edit_add_node(ctx->st, ctx->plan_id, parent.id, &nn, &r, err);
    if (!rc) {
        char extra[1024];
        snprintf(extra, sizeof extra, ": %.1000s", nn.title);
        rc = say_result(ctx, &r, extra, err);
    }
    edit_result_free(&r);
    node_free(&parent);
    node_free(&after);
    return rc;
}

static int node_edit(cli_ctx *ctx, const char *ref, edit_field f, const char *value,
                     const char *note, duban_error *err)
{
    node n;
    int rc = cli_node(ctx, ref, &n, err);
    edit_result r = {0};
    if (!rc)
        rc = edit_apply(ctx->st, n.id, f, value, note, &r, err);
    char extra[600] = "";
    if (!rc && *r.note)
        snprintf(extra, sizeof extra, " (note: %.500s)", r.note);
    if (!rc && !r.changed)
        rc = cli_say(err, "%s: unchanged", n.ref);
    else if (!rc)
        rc = say_result(ctx, &r, extra, err);
    edit_result_free(&r);
    node_free(&n);
    return rc;
}

int cmd_rename(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 2)
        return usage("rename REF TITLE", err);
    return node_edit(ctx, args->pos[0], FIELD_TITLE, args->pos[1], NULL, err);
}

int cmd_cancel(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1 || !args->reason || !*args->reason)
        return usage("cancel REF --reason TEXT", err);
    return node_edit(ctx, args->pos[0], FIELD_STATE, "cancelled", args->reason, err);
}

int cmd_restore(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return usage("restore REF", err);
    return node_edit(ctx, args->pos[0], FIELD_STATE, "", args->note, err);
}

int cmd_delete(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return usage("delete REF", err);
    node n;
    int rc = cli_node(ctx, args->pos[0], &n, err);
    edit_result r = {0};
    if (!rc)
        rc = edit_delete_node(ctx->st, n.id, &r, err);
    if (!rc)
        rc = say_result(ctx, &r, " (duban undo brings it back)", err);
    edit_result_free(&r);
    node_free(&n);
    return rc;
}

int cmd_move(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 2)
        return usage("move REF AREA [--after REF]", err);
    node n = {0}, to = {0}, after = {0};
    int rc = cli_node(ctx, args->pos[0], &n, err);
    int dir = !strcmp(args->pos[1], "up") ? -1 : !strcmp(args->pos[1], "down") ? 1 : 0;
    if (!rc && dir) { /* one place up or down among its siblings */
        edit_result r = {0};
        if (args->after)
            rc = duban_fail(err, DUBAN_EINVAL, "move REF up|down takes no --after");
        if (!rc)
            rc = edit_reorder(ctx->st, n.id, dir, &r, err);
        if (!rc)
            rc = cli_say(err, "%s moved %s (its number stays)", n.ref, args->pos[1]);
        edit_result_free(&r);
        node_free(&n);
        return rc;
    }
    if (!rc)
        rc = cli_node(ctx, args->pos[1], &to, err);
    if (!rc && args->after)
        rc = cli_node(ctx, args->after, &after, err);
    edit_result r = {0};
    if (!rc)
        rc = edit_move_node(ctx->st, n.id, to.id, after.id, &r, err);
    if (!rc)
        rc = cli_say(err, "%s moved to %s (%s still leads to it)", n.ref, r.ref, n.ref);
    edit_result_free(&r);
    node_free(&n);
    node_free(&to);
    node_free(&after);
    return rc;
}

int cmd_renumber(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return usage("renumber AREA", err);
    node n;
    int rc = cli_node(ctx, args->pos[0], &n, err);
    edit_result r = {0};
    if (!rc)
        rc = edit_renumber(ctx->st, n.id, &r, err);
    if (!rc)
        rc = cli_say(err, "%s renumbered 1..%d in order; old refs lead to the items", n.ref,
                     n.children);
    edit_result_free(&r);
    node_free(&n);
    return rc;
}
