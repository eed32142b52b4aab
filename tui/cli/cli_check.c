/* cli_check.c - `duban check`: the database's integrity and the plan's
 * agreement with its history (core/edit/check.h).  Opens the file
 * read-only and never changes it. */
#include "cli/cli.h"

#include "edit/check.h"

#include <string.h>

int cmd_check(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban check");
    if (!ctx->db_explicit && cli_default_db_path(ctx->db_path, sizeof ctx->db_path, err))
        return err->code;
    store *st;
    int rc = store_open(ctx->db_path, STORE_READONLY, &st, err);
    if (rc)
        return rc;
    strbuf report = {0};
    size_t problems = 0;
    store_set_progress(st, cli_progress_get(&ctx->progress));
    rc = store_check(st, &report, &problems, err);
    store_close(st);
    for (const char *line = strbuf_str(&report); !rc && *line;) {
        const char *nl = strchr(line, '\n');
        int len = nl ? (int)(nl - line) : (int)strlen(line);
        rc = cli_say(err, "%.*s", len, line);
        line += len + (nl != NULL);
    }
    strbuf_free(&report);
    if (!rc && problems)
        return duban_fail(err, DUBAN_EDB,
                          "%s: %zu problem%s found (see above); restore a copy, or salvage it "
                          "(duban(1), check)",
                          ctx->db_path, problems, problems == 1 ? "" : "s");
    return rc ? rc
              : cli_say(err, "%s: ok (SQLite integrity, items agree with their history)",
                        ctx->db_path);
}
