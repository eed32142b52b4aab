/* cli_sync.c - replicas and sync: clone, sync, conflicts (core/sync/sync.h). */
#include "cli/cli.h"

#include "plan/date.h"
#include "sync/sync.h"
#include "base/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cmd_clone(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban clone DEST [--name NAME]");
    int rc = sync_clone(ctx->st, args->pos[0], args->name, err);
    if (!rc)
        rc = cli_say(err, "cloned %s into %s, a replica of its own%s%s", ctx->db_path, args->pos[0],
                     args->name ? " named " : "", args->name ? args->name : "");
    return rc;
}

/* 从 笔记本 收到 12 处修改，1 处冲突 */
static int say_received(const sync_result *r, duban_error *err)
{
    int rc =
        cli_say(err, "从 %s 收到 %d 处修改，%d 处冲突", r->peer_name, r->received, r->conflicts);
    if (!rc && r->skipped)
        rc = cli_say(err, "%d 处修改是本副本没有的事项的（在别处新增），未应用", r->skipped);
    if (!rc && *r->refs_changed) /* say it: someone may have just announced "1.4" */
        rc = cli_say(err, "编号变动 refs changed here: %s", r->refs_changed);
    if (!rc && r->conflicts)
        rc = cli_say(err, "duban conflicts lists them");
    return rc;
}

static int sync_export_cmd(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 2)
        return duban_fail(err, DUBAN_EINVAL,
                          "usage: duban sync export FILE [--to NAME|--all|--since DATE]");
    char peer[SYNC_ID_LEN] = "";
    if (args->to) {
        sync_replica_list l;
        int rc = sync_status(ctx->st, ctx->plan_id, &l, err);
        for (size_t i = 0; !rc && i < l.n; i++)
            if (!l.v[i].is_self &&
                (!strcmp(l.v[i].name, args->to) || !strncmp(l.v[i].uuid, args->to, 8)))
                memcpy(peer, l.v[i].uuid, SYNC_ID_LEN);
        if (!rc)
            sync_replica_list_free(&l);
        if (!rc && !*peer)
            rc = duban_fail(err, DUBAN_ENOTFOUND,
                            "no replica named '%s' is known (see duban sync status)", args->to);
        if (rc)
            return rc;
    }
    strbuf image = {0};
    int rows = 0;
    if (args->since && date_parse(args->since, NULL, err))
        return DUBAN_EINVAL;
    int rc = sync_export(ctx->st, ctx->plan_id, *peer ? peer : NULL, args->all, args->since, &image,
                         &rows, err);
    if (!rc)
        rc = sync_write_file(args->pos[1], &image, err);
    if (!rc)
        rc = cli_say(err, "wrote %s: %d changes, %zu bytes", args->pos[1], rows, image.len);
    strbuf_free(&image);
    return rc;
}

static int sync_import_cmd(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 2)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban sync import FILE");
    char *data;
    size_t len;
    sync_result r;
    int rc = sync_read_file(args->pos[1], &data, &len, err);
    if (rc)
        return rc;
    rc = sync_import(ctx->st, args->pos[1], data, len, &r, err);
    free(data);
    return rc ? rc : say_received(&r, err);
}

static int sync_status_cmd(cli_ctx *ctx, duban_error *err)
{
    static const table_column cols[] = {
        {"replica", "REPLICA", 0}, {"id", "ID", 0},       {"self", "SELF", 0},
        {"edits", "EDITS", 1},     {"lacks", "LACKS", 0}, {"last_exchange", "LAST EXCHANGE", 0},
    };
    sync_replica_list l;
    int rc = sync_status(ctx->st, ctx->plan_id, &l, err);
    if (rc)
        return rc;
    table t;
    table_init(&t, cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; !rc && i < l.n; i++) {
        const sync_replica *r = &l.v[i];
        char name[128], edits[32], lacks[32], id[16];
        sync_display_name(r->uuid, r->name, name, sizeof name);
        snprintf(id, sizeof id, "%.8s", r->uuid);
        snprintf(edits, sizeof edits, "%lld", (long long)r->rows);
        if (r->missing < 0)
            snprintf(lacks, sizeof lacks, "?");
        else
            snprintf(lacks, sizeof lacks, "%lld", (long long)r->missing);
        const char *cells[] = {name, id, r->is_self ? "*" : "", edits, lacks, r->last_exchange};
        rc = table_add_row(&t, cells);
    }
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    sync_replica_list_free(&l);
    return rc;
}

static int sync_other(cli_ctx *ctx, const char *where, duban_error *err)
{
    struct stat sb;
    if (stat(where, &sb) != 0)
        return duban_fail(err, DUBAN_ENOTFOUND, "%s: no such database or folder", where);
    if (S_ISDIR(sb.st_mode)) {
        sync_dir_result r;
        int rc = sync_with_dir(ctx->st, ctx->plan_id, where, &r, err);
        if (!rc && r.skipped.len) {
            const char *s = strbuf_str(&r.skipped), *nl;
            for (; (nl = strchr(s, '\n')); s = nl + 1)
                cli_warn("skipped %.*s", (int)(nl - s), s);
        }
        if (!rc)
            rc = cli_say(err, "从 %d 个副本的文件收到 %d 处修改，%d 处冲突；写出 %d 处修改",
                         r.files_read, r.total.received, r.total.conflicts, r.rows_written);
        if (!rc && *r.total.refs_changed)
            rc = cli_say(err, "编号变动 refs changed here: %s", r.total.refs_changed);
        if (!rc && r.total.conflicts)
            rc = cli_say(err, "duban conflicts lists them");
        strbuf_free(&r.skipped);
        return rc;
    }
    sync_result in, out;
    int rc = sync_with_db(ctx->st, ctx->plan_id, where, &in, &out, err);
    if (!rc)
        rc = say_received(&in, err);
    if (!rc)
        rc = cli_say(err, "向 %s 发出 %d 处修改，%d 处冲突", in.peer_name, out.received,
                     out.conflicts);
    if (!rc && *out.refs_changed)
        rc =
            cli_say(err, "编号变动 (在 %s) refs changed there: %s", in.peer_name, out.refs_changed);
    return rc;
}

int cmd_sync(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    const char *sub = args->npos ? args->pos[0] : "";
    if ((args->to || args->all || args->since) && strcmp(sub, "export"))
        return duban_fail(err, DUBAN_EINVAL, "--to, --all and --since go with 'duban sync export'");
    if (args->name && strcmp(sub, "reidentify"))
        return duban_fail(err, DUBAN_EINVAL, "--name goes with 'duban sync reidentify N'");
    if (!strcmp(sub, "export"))
        return sync_export_cmd(ctx, args, err);
    if (!strcmp(sub, "import"))
        return sync_import_cmd(ctx, args, err);
    if (!strcmp(sub, "status") && args->npos == 1)
        return sync_status_cmd(ctx, err);
    if (!strcmp(sub, "name") && args->npos == 2) {
        int rc = sync_self_rename(ctx->st, args->pos[1], err);
        return rc ? rc : cli_say(err, "this replica is named %s", args->pos[1]);
    }
    if (!strcmp(sub, "reidentify") && args->npos == 2) {
        char *end;
        errno = 0;
        long long n = strtoll(args->pos[1], &end, 10);
        if (errno || *end || n < 0)
            return duban_fail(err, DUBAN_EINVAL, "reidentify: N must be an edit number");
        int rc = sync_reidentify(ctx->st, n, args->name, err);
        return rc ? rc : cli_say(err, "this replica has a new identity; sync again");
    }
    if (args->npos == 1 && strcmp(sub, "export") && strcmp(sub, "import"))
        return sync_other(ctx, sub, err);
    return duban_fail(err, DUBAN_EINVAL,
                      "usage: duban sync OTHER.db|DIR|export FILE|import FILE|status|name "
                      "TEXT|reidentify N");
}

static int conflicts_list(cli_ctx *ctx, duban_error *err)
{
    static const table_column cols[] = {
        {"id", "ID", 1},           {"ref", "REF", 0},         {"field", "FIELD", 0},
        {"kept", "KEPT", 0},       {"kept_by", "BY", 0},      {"lost", "LOST", 0},
        {"lost_by", "LOST BY", 0}, {"lost_at", "LOST AT", 0},
    };
    sync_conflict_list l;
    int rc = sync_conflicts(ctx->st, ctx->plan_id, &l, err);
    if (rc)
        return rc;
    table t;
    table_init(&t, cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; !rc && i < l.n; i++) {
        const sync_conflict *c = &l.v[i];
        char id[32];
        snprintf(id, sizeof id, "%lld", (long long)c->id);
        int st = !strcmp(c->field, "status");
        char field[300];
        strbuf lost = {0};
        /* an edit of an item cancelled meanwhile: both stand */
        snprintf(field, sizeof field, "%s%s", c->field, c->cancelled ? " (已取消的事项)" : "");
        if (strbuf_printf(&lost, "%s%s", st ? cli_status_name(ctx, c->lost_value) : c->lost_value,
                          c->cancelled ? " (保留)" : ""))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
        const char *cells[] = {
            id,
            c->ref,
            field,
            c->cancelled ? "已取消" : st ? cli_status_name(ctx, c->won_value) : c->won_value,
            c->won_by,
            strbuf_str(&lost),
            c->lost_by,
            c->lost_at};
        if (!rc)
            rc = table_add_row(&t, cells);
        strbuf_free(&lost);
    }
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    sync_conflict_list_free(&l);
    return rc;
}

int cmd_conflicts(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos == 0)
        return conflicts_list(ctx, err);
    if (args->npos == 2 && !strcmp(args->pos[0], "ack")) {
        char *end;
        errno = 0;
        long long n = strtoll(args->pos[1], &end, 10);
        if (errno || *end || n <= 0)
            return duban_fail(err, DUBAN_EINVAL,
                              "conflicts ack: N is a number from duban conflicts");
        int rc = sync_conflict_ack(ctx->st, ctx->plan_id, n, err);
        return rc ? rc : cli_say(err, "conflict %lld acknowledged", n);
    }
    return duban_fail(err, DUBAN_EINVAL, "usage: duban conflicts [ack N]");
}
