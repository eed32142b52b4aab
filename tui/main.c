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
    int crc = cli_load_config(ctx, err);
    if (crc || cmd->run == cmd_config || cmd->run == cmd_check) /* they open no store here */
        return crc ? crc : cmd->run(ctx, args, err);
    int is_import = cmd->run == cmd_import;
    int rc = cli_open_store(ctx, cmd->needs_plan, !is_import, err);
    if (!rc)
        rc = cmd->run(ctx, args, err);
    /* after the output, and only with it: an error stays one line */
    if (!rc && cmd->dated && ctx->sample_today)
        cli_warn("sample plan as of %s (--today or DUBAN_TODAY for another day)", CLI_SAMPLE_TODAY);
    return rc;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    cli_ctx ctx = {0};
    ctx.argv0 = argv[0];
    duban_error err = {0};
    const char *command = NULL;
    cli_args args;
    int rc = date_today(&ctx.today, &err);
    const char *env_today = getenv("DUBAN_TODAY");
    ctx.today_set = env_today && *env_today;
    if (!rc)
        rc = cli_parse(&ctx, argc, argv, &command, &args, &err);
    if (!rc && command && !strcmp(command, "--version")) {
        printf("duban %s\n", DUBAN_VERSION);
    } else if (!rc && command && !strcmp(command, "__options")) {
        /* for completion (data/duban.bash); not in --help */
        const cli_command *cmd = args.npos ? cli_find(args.pos[0]) : NULL;
        if (args.npos && !cmd)
            rc = duban_fail(&err, DUBAN_EINVAL, "unknown command '%s'", args.pos[0]);
        else
            cli_print_options(stdout, cmd);
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
