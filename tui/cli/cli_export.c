/* cli_export.c - `duban export --format xlsx [-o FILE]`: the ledger (台账)
 * as a workbook, written by core (report/ledger.h). */
#include "cli/cli.h"

#include "query/filter.h"
#include "report/ledger.h"

#include <stdio.h>

int cmd_export(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban export [--format xlsx] [-o FILE]");
    char day[DATE_LEN], def[64];
    date_format(ctx->today, day);
    snprintf(def, sizeof def, "台账-%s.xlsx", day);
    const char *path = args->output ? args->output : def;
    if (!*path)
        return duban_fail(err, DUBAN_EINVAL, "--output needs a file name");
    light_rule rule;
    cli_light_rule(ctx, &rule);
    query_filter f;
    int rc = cli_filter(ctx, args, &f, err);
    if (rc)
        return rc;
    ledger lg;
    rc = ledger_load(ctx->st, ctx->plan_id, ctx->today, &rule, &f, &lg, err);
    if (!rc)
        rc = ledger_write_xlsx(&lg, path, cli_progress_get(&ctx->progress), err);
    if (!rc)
        rc = cli_say(err, "wrote %s: %zu items, as of %s", path, lg.nrows, day);
    ledger_free(&lg);
    return rc;
}
