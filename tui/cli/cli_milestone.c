/* cli_milestone.c - `duban milestone REF list|add|date|done|reopen|delete`
 * and `duban note REF --delete N`. */
#include "cli/cli.h"

#include "base/strbuf.h"
#include "edit/structure.h"
#include "query/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const table_column ms_cols[] = {
    {"n", "N", 0},       {"due", "DUE", 0},       {"state", "STATE", 0},
    {"word", "WORD", 0}, {"phrase", "PHRASE", 0},
};

static int list_milestones(cli_ctx *ctx, const node *n, duban_error *err)
{
    milestone_list l;
    int rc = node_milestones(ctx->st, n->id, &l, err);
    if (rc)
        return rc;
    int item_done = status_is_done(store_statuses(ctx->st), n->status);
    table t;
    table_init(&t, ms_cols, sizeof ms_cols / sizeof ms_cols[0]);
    for (size_t i = 0; !rc && i < l.n; i++) {
        const milestone *m = &l.v[i];
        char num[16], state[64];
        snprintf(num, sizeof num, "%d", m->seq);
        if (*m->done)
            snprintf(state, sizeof state, "done %s", m->done);
        else
            snprintf(state, sizeof state, "%s", item_done ? "done (item done)" : "open");
        const char *cells[] = {num, m->due, state, m->word, m->phrase};
        if (table_add_row(&t, cells))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    milestone_list_free(&l);
    return rc;
}

static int parse_n(const char *s, int *n, duban_error *err)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 1 || v > 100000)
        return duban_fail(err, DUBAN_EINVAL, "'%s' is not a milestone number (see list)", s);
    *n = (int)v;
    return DUBAN_OK;
}

static int ms_say(cli_ctx *ctx, const edit_result *r, duban_error *err)
{
    strbuf sb = {0};
    int rc = cli_change_text(ctx, r, &sb) ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                                          : cli_say(err, "%s", strbuf_str(&sb));
    strbuf_free(&sb);
    return rc;
}

#define MS_USAGE "milestone REF list | add PHRASE DATE | date N DATE | done N | reopen N | delete N"

int cmd_milestone(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos < 2)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban " MS_USAGE);
    const char *verb = args->pos[1];
    static const struct {
        const char *verb;
        int nargs;
        milestone_op op;
    } verbs[] = {{"date", 4, MS_DATE},
                 {"done", 3, MS_DONE},
                 {"reopen", 3, MS_REOPEN},
                 {"delete", 3, MS_DELETE}};
    int v = -1;
    for (int i = 0; i < 4; i++)
        if (!strcmp(verb, verbs[i].verb))
            v = i;
    int want = !strcmp(verb, "list") ? 2 : !strcmp(verb, "add") ? 4 : v >= 0 ? verbs[v].nargs : -1;
    if (want != args->npos)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban " MS_USAGE);
    node n;
    int rc = cli_node(ctx, args->pos[0], &n, err);
    if (rc)
        return rc;
    edit_result r = {0};
    int num = 0;
    char today[DATE_LEN];
    date_format(ctx->today, today);
    if (!strcmp(verb, "list"))
        rc = list_milestones(ctx, &n, err);
    else if (!strcmp(verb, "add"))
        rc = edit_milestone_add(ctx->st, n.id, args->pos[2], args->pos[3], &r, err);
    else if (!(rc = parse_n(args->pos[2], &num, err)))
        rc = edit_milestone(ctx->st, n.id, num, verbs[v].op,
                            verbs[v].op == MS_DATE ? args->pos[3] : today, &r, err);
    if (!rc && strcmp(verb, "list"))
        rc = ms_say(ctx, &r, err);
    edit_result_free(&r);
    node_free(&n);
    return rc;
}

int cli_note_delete(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban note REF --delete N");
    node n;
    int rc = cli_node(ctx, args->pos[0], &n, err), num = 0;
    char *end;
    long v = strtol(args->delete_note, &end, 10);
    if (!rc && (!*args->delete_note || *end || v < 1 || v > 1000000))
        rc = duban_fail(err, DUBAN_EINVAL, "--delete '%s': not a note number", args->delete_note);
    num = (int)v;
    edit_result r = {0};
    if (!rc)
        rc = edit_note_delete(ctx->st, n.id, num, &r, err);
    if (!rc)
        rc = cli_say(err, "%s note %d deleted (kept in the history; duban undo restores it)", n.ref,
                     num);
    edit_result_free(&r);
    node_free(&n);
    return rc;
}
