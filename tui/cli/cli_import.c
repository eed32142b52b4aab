/* cli_import.c - `duban import FILE [--year Y]`. */
#include "cli/cli.h"

#include "import/import.h"
#include "import/ledger_import.h"
#include "text/textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A plan text, or a ledger (台账) spreadsheet by its extension (.xlsx,
 * .csv), whose warnings go to stderr. */
static int cli_read_plan(cli_ctx *ctx, const char *path, int year, plan_doc *doc, duban_error *err)
{
    if (ledger_kind_of(path) == LEDGER_NOT)
        return import_file(path, year, ctx->today, doc, err);
    ledger_warnings warn = {0};
    int rc = ledger_import_file(path, year, store_statuses(ctx->st), doc, &warn, err);
    for (size_t i = 0; i < warn.n; i++)
        cli_warn("%s", warn.v[i]);
    ledger_warnings_free(&warn);
    return rc;
}

int cmd_import(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban import FILE [--year Y]");
    int year = 0;
    if (args->year) {
        char *end;
        long y = strtol(args->year, &end, 10);
        if (*end || end == args->year || y < 1900 || y > 9999)
            return duban_fail(err, DUBAN_EINVAL, "--year: '%s' is not a year (1900-9999)",
                              args->year);
        year = (int)y;
    }
    plan_doc doc;
    int rc = cli_read_plan(ctx, args->pos[0], year, &doc, err);
    if (rc)
        return rc;
    int64_t id = 0;
    rc = store_add_plan(ctx->st, &doc, &id, err);
    if (!rc) {
        size_t areas = 0, items = 0, milestones = 0;
        for (size_t i = 0; i < doc.nnodes; i++) {
            areas += doc.nodes[i].depth == 1;
            items += doc.nodes[i].depth >= 2;
            milestones += doc.nodes[i].nms;
        }
        rc = cli_say(
            err, "imported plan %lld \"%s\" (%d, %s..%s): %zu areas, %zu items, %zu milestones",
            (long long)id, doc.title, doc.year, doc.start, doc.end, areas, items, milestones);
    }
    plan_doc_free(&doc);
    return rc;
}
