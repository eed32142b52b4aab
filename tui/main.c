/* main.c - duban's entry point: parse, open, dispatch, map errors to
 * exit statuses.  The only place that calls exit status decisions. */
#include "cli/cli.h"

#include "plan/date.h"
#include "screen/tui.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_command(cli_ctx *ctx, const char *name, const cli_args *args, duban_error *err)
{
    const cli_command *cmd = cli_find(name);
    if (!cmd) {
        return duban_fail(err, DUBAN_EINVAL, "unknown command '%s' (see 'duban --help')", name);
    }
    if (args->help) {
        cli_print_command_help(stdout, cmd);
        return DUBAN_OK;
    }
    if (cli_check_format(ctx, cmd, err))
        return err->code;
    cli_progress_start(&ctx->progress, ctx->progress_ms);
    int crc = cli_load_config(ctx, err);
    if (crc || cmd->own_store)
        return crc ? crc : cmd->run(ctx, args, err);
    int is_import = cmd->run == cmd_import;
    if (is_import && args->dry_run) /* a preview opens no database */
        return cmd->run(ctx, args, err);
    /* a whole plan read in outline order touches every page of the node
     * table: through a map that is a page fault per 64 KiB, slower than
     * read() (list at 100k: 78 against 72 ms); lookups gain from the map */
    ctx->map_file = !cmd->scans_plan;
    int rc = cli_open_store(ctx, cmd->needs_plan, !is_import, err);
    if (!rc)
        rc = cmd->run(ctx, args, err);
    cli_progress_clear(&ctx->progress); /* before an error's line */
    /* after the output, and only with it: an error stays one line */
    if (!rc && cmd->dated && ctx->sample_today)
        cli_warn("sample plan as of %s (--today or DUBAN_TODAY for another day)", CLI_SAMPLE_TODAY);
    return rc;
}

/* What core takes from the environment, read here once: core itself
 * reads none.  DUBAN_TODAY must parse; --today (cli_parse) overrides it. */
static int read_environment(cli_ctx *ctx, duban_error *err)
{
    ctx->env.xdg_config_home = getenv("XDG_CONFIG_HOME");
    ctx->env.home = getenv("HOME");
    ctx->now = getenv("DUBAN_NOW");
    ctx->progress_ms = 1000;
    const char *pms = getenv("DUBAN_PROGRESS_MS");
    if (pms && *pms) {
        char *end;
        long v = strtol(pms, &end, 10);
        if (*end || v < -1)
            return duban_fail(err, DUBAN_EINVAL,
                              "DUBAN_PROGRESS_MS: '%s' is not a number of milliseconds (or -1)",
                              pms);
        ctx->progress_ms = v;
    }
    const char *today = getenv("DUBAN_TODAY");
    ctx->today_set = today && *today; /* the sample's own day yields to it */
    if (!ctx->today_set)
        return date_local_today(&ctx->today, err);
    duban_error e;
    if (date_parse(today, &ctx->today, &e))
        return duban_fail(err, DUBAN_EINVAL, "DUBAN_TODAY: %s", e.msg);
    return DUBAN_OK;
}

int main(int argc, char **argv)
{
    /* the character set only (curses needs it): numbers are read and
     * written as in C, 9.5 whatever the user's LC_NUMERIC, and no other
     * category's files are loaded at every start */
    setlocale(LC_CTYPE, "");
    cli_ctx ctx = {0};
    query_filter_clear(&ctx.filter);
    ctx.argv0 = argv[0];
    duban_error err = {0};
    const char *command = NULL;
    cli_args args;
    int rc = read_environment(&ctx, &err);
    if (!rc)
        rc = cli_parse(&ctx, argc, argv, &command, &args, &err);
    if (!rc && command && !strcmp(command, "--version")) {
        printf("duban %s\n", DUBAN_VERSION);
    } else if (!rc && command && cli_hidden_command(command, &args, &rc, &err)) {
        /* done: completion's queries */
    } else if (!rc && !command && args.help) {
        cli_print_usage(stdout);
    } else if (!rc && command) {
        rc = run_command(&ctx, command, &args, &err);
    } else if (!rc) {
        rc = cli_load_config(&ctx, &err);
        if (!rc)
            rc = cli_open_store(&ctx, 1, 1, &err);
        if (!rc)
            rc = tui_run(&ctx, &err);
    }
    store_close(ctx.st);
    cli_free_config(&ctx);
    if (rc) {
        cli_warn("%s", err.msg[0] ? err.msg : "failed");
        return duban_exit_status(rc);
    }
    return 0;
}
