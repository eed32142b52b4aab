/* cli_plans.c - `duban plans default|rename|period|delete`. */
#include "cli/cli.h"

#include "edit/plan_edit.h"
#include "query/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLANS_USAGE "plans [default N | rename N TITLE | period N FROM..TO | delete N --yes]"

static int plan_number(cli_ctx *ctx, const char *s, int64_t *id, duban_error *err)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || v < 1)
        return duban_fail(err, DUBAN_EINVAL, "'%s' is not a plan number (see duban plans)", s);
    plan_info p;
    int rc = plan_get(ctx->st, v, &p, err);
    plan_info_free(&p);
    *id = v;
    return rc == DUBAN_ENOTFOUND ? duban_fail(err, rc, "no plan %s (see duban plans)", s) : rc;
}

static int plans_period(cli_ctx *ctx, int64_t id, const char *range, duban_error *err)
{
    const char *dots = strstr(range, "..");
    if (!dots || dots == range || !dots[2])
        return duban_fail(err, DUBAN_EINVAL, "period '%s': use FROM..TO (YYYY-MM-DD..YYYY-MM-DD)",
                          range);
    char from[32];
    snprintf(from, sizeof from, "%.*s", (int)(dots - range < 31 ? dots - range : 31), range);
    edit_result r = {0};
    int rc = plan_set_period(ctx->st, id, from, dots + 2, &r, err);
    if (!rc)
        rc = cli_say(err, "plan %lld period: %s → %s", (long long)id, r.old_value, r.new_value);
    edit_result_free(&r);
    return rc;
}

int cli_plans_edit(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    const char *verb = args->pos[0];
    int want = !strcmp(verb, "default") || !strcmp(verb, "delete")  ? 2
               : !strcmp(verb, "rename") || !strcmp(verb, "period") ? 3
                                                                    : -1;
    if (want != args->npos)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban " PLANS_USAGE);
    int64_t id = 0;
    int rc = plan_number(ctx, args->pos[1], &id, err);
    if (rc)
        return rc;
    if (!strcmp(verb, "default")) {
        rc = plan_set_default(ctx->st, id, err);
        return rc ? rc : cli_say(err, "plan %lld is the default plan", (long long)id);
    }
    if (!strcmp(verb, "period"))
        return plans_period(ctx, id, args->pos[2], err);
    if (!strcmp(verb, "rename")) {
        edit_result r = {0};
        rc = plan_rename(ctx->st, id, args->pos[2], &r, err);
        if (!rc)
            rc = cli_say(err, "plan %lld title: %s → %s", (long long)id, r.old_value, r.new_value);
        edit_result_free(&r);
        return rc;
    }
    if (!args->yes)
        return duban_fail(err, DUBAN_EINVAL,
                          "deleting plan %lld removes it and its history for good; add --yes",
                          (long long)id);
    plan_info p;
    if ((rc = plan_get(ctx->st, id, &p, err)))
        return rc;
    rc = plan_delete(ctx->st, id, err);
    if (!rc)
        rc = cli_say(err, "plan %lld deleted: %s", (long long)id, p.title);
    plan_info_free(&p);
    return rc;
}
