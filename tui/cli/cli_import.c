/* cli_import.c - `duban import FILE [--year Y]`. */
#include "cli/cli.h"

#include "import/import.h"
#include "text/textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    int rc = import_file(args->pos[0], year, ctx->today, &doc, err);
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
