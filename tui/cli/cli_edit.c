/* cli_edit.c - the editing commands: set, due, unit, leader, note, undo, redo. */
#include "cli/cli.h"

#include "edit/edit.h"
#include "query/query.h"
#include "base/strbuf.h"
#include "text/textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints "REF FIELD: OLD → NEW (note: ...)" for a result, prefixed. */
static int report(cli_ctx *ctx, const char *prefix, const edit_result *r, duban_error *err)
{
    strbuf sb = {0};
    int is_status = !strcmp(r->field, "status"), is_note = !strcmp(r->field, "note");
    const char *old_v = is_status ? cli_status_name(ctx, r->old_value) : r->old_value;
    const char *new_v = is_status ? cli_status_name(ctx, r->new_value) : r->new_value;
    int rc = strbuf_append(&sb, prefix);
    if (r->changed && !cli_change_text(ctx, r, &sb)) /* a structural edit */
        goto done;
    rc |= strbuf_printf(&sb, "%s %s: ", r->ref, r->field);
    if (is_note)
        rc |= strbuf_append(&sb, new_v);
    else if (!r->changed)
        rc |= strbuf_printf(&sb, "already %s", *new_v ? new_v : "—");
    else
        rc |= strbuf_printf(&sb, "%s → %s", *old_v ? old_v : "—", *new_v ? new_v : "—");
done:
    if (*r->note && !is_note)
        rc |= strbuf_printf(&sb, " (note: %s)", r->note);
    if (r->superseded == 2)
        rc |= strbuf_append(&sb, "; the item stays: an item from another replica holds its old "
                                 "number now");
    else if (r->superseded)
        rc |= strbuf_append(&sb, "; the field keeps another replica's later value");
    char *clean = rc ? NULL : text_sanitize(strbuf_str(&sb));
    strbuf_free(&sb);
    if (!clean)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    strbuf out = {0};
    rc = strbuf_append(&out, clean) | strbuf_appendc(&out, '\n');
    free(clean);
    rc = rc ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : cli_emit(&out, err);
    strbuf_free(&out);
    return rc;
}

static int edit_command(cli_ctx *ctx, const cli_args *args, edit_field field, const char *usage,
                        duban_error *err)
{
    if (args->npos != 2)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban %s", usage);
    node n;
    int rc = cli_node(ctx, args->pos[0], &n, err);
    if (rc)
        return rc;
    if (n.depth == NODE_AREA && field != FIELD_NOTE) {
        node_free(&n);
        return duban_fail(err, DUBAN_EINVAL,
                          "%s is an area; its progress comes from its items (use an item ref "
                          "such as %s.1)",
                          args->pos[0], args->pos[0]);
    }
    edit_result r;
    rc = edit_apply(ctx->st, n.id, field, args->pos[1], args->note, &r, err);
    node_free(&n);
    if (!rc)
        rc = report(ctx, "", &r, err);
    edit_result_free(&r);
    return rc;
}

int cmd_set(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    return edit_command(ctx, args, FIELD_STATUS, "set REF STATUS [--note TEXT]", err);
}

int cmd_due(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    return edit_command(ctx, args, FIELD_DUE, "due REF DATE [--note TEXT]", err);
}

int cmd_unit(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    return edit_command(ctx, args, FIELD_UNIT, "unit REF TEXT [--note TEXT]", err);
}

int cmd_leader(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    return edit_command(ctx, args, FIELD_LEADER, "leader REF TEXT [--note TEXT]", err);
}

int cmd_note(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->delete_note)
        return cli_note_delete(ctx, args, err);
    return edit_command(ctx, args, FIELD_NOTE, "note REF TEXT", err);
}

static int undo_redo(cli_ctx *ctx, const cli_args *args, int redo, duban_error *err)
{
    if (args->npos)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban %s", redo ? "redo" : "undo");
    edit_result r;
    int rc = redo ? edit_redo(ctx->st, ctx->plan_id, &r, err)
                  : edit_undo(ctx->st, ctx->plan_id, &r, err);
    if (!rc)
        rc = report(ctx, redo ? "redone: " : "undone: ", &r, err);
    edit_result_free(&r);
    return rc;
}

int cmd_undo(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    return undo_redo(ctx, args, 0, err);
}

int cmd_redo(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    return undo_redo(ctx, args, 1, err);
}
