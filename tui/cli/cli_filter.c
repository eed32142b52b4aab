/* cli_filter.c - the filter options (--unit --leader --status --light
 * --due-within) into a core filter (query/filter.h). */
#include "cli/cli.h"

#include "plan/status.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

int cli_filter(cli_ctx *ctx, const cli_args *args, query_filter *f, duban_error *err)
{
    query_filter_clear(f);
    /* a filter that is not UTF-8 matches nothing: say so instead (exit 2) */
    if (args->unit && !utf8_valid(args->unit, strlen(args->unit), NULL))
        return duban_fail(err, DUBAN_EINVAL, "--unit: not valid UTF-8");
    if (args->leader && !utf8_valid(args->leader, strlen(args->leader), NULL))
        return duban_fail(err, DUBAN_EINVAL, "--leader: not valid UTF-8");
    f->unit = args->unit;
    f->leader = args->leader;
    if (args->where_status) {
        const status_def *d = status_lookup(store_statuses(ctx->st), args->where_status);
        if (!d)
            return duban_fail(err, DUBAN_EINVAL, "--status: unknown status '%s'",
                              args->where_status);
        f->status = d->key;
    }
    if (args->where_light) {
        light l;
        if (light_parse(args->where_light, &l))
            return duban_fail(err, DUBAN_EINVAL,
                              "--light: unknown light '%s' (use red, yellow or green)",
                              args->where_light);
        f->light = (int)l;
    }
    if (args->due_within) {
        char *end;
        long n = strtol(args->due_within, &end, 10);
        if (!*args->due_within || *end || n < 0 || n > 36500)
            return duban_fail(err, DUBAN_EINVAL, "--due-within: not a number of days: '%s'",
                              args->due_within);
        f->due_within = (int)n;
    }
    return DUBAN_OK;
}

const char *cli_issuer(const cli_ctx *ctx)
{
    return ctx->config ? ctx->config->issuer : "";
}
