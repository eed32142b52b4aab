/* cli_args.c - parsing the command line and printing help. */
#include "cli/cli.h"

#include "plan/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const cli_command *cli_find(const char *name)
{
    for (size_t i = 0; i < cli_command_count; i++)
        if (!strcmp(cli_commands[i].name, name))
            return &cli_commands[i];
    return NULL;
}

/* "--name=value" or "--name value": returns the value or NULL (error set). */
static const char *option_value(const char *arg, const char *name, int argc, char **argv, int *i,
                                duban_error *err)
{
    size_t n = strlen(name);
    if (arg[n] == '=')
        return arg + n + 1;
    if (*i + 1 >= argc) {
        duban_fail(err, DUBAN_EINVAL, "option %s needs a value", name);
        return NULL;
    }
    return argv[++*i];
}

static int is_option(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return !strncmp(arg, name, n) && (arg[n] == '\0' || arg[n] == '=');
}

static int set_global(cli_ctx *ctx, const char *name, const char *value, duban_error *err)
{
    if (!strcmp(name, "--db")) {
        if (!*value)
            return duban_fail(err, DUBAN_EINVAL, "--db needs a path");
        snprintf(ctx->db_path, sizeof ctx->db_path, "%s", value);
        ctx->db_explicit = 1;
    } else if (!strcmp(name, "--config")) {
        if (!*value)
            return duban_fail(err, DUBAN_EINVAL, "--config needs a file");
        ctx->config_path = value;
    } else if (!strcmp(name, "--plan")) {
        ctx->plan_sel = value;
    } else if (!strcmp(name, "--today")) {
        duban_error e;
        if (date_parse(value, &ctx->today, &e))
            return duban_fail(err, DUBAN_EINVAL, "--today: %s", e.msg);
    } else if (!strcmp(name, "--format")) {
        ctx->format_html = !strcmp(value, "html"); /* checked in cli_parse() */
        if (!ctx->format_html && table_format_parse(value, &ctx->format))
            return duban_fail(err, DUBAN_EINVAL,
                              "--format: unknown format '%s' (use text, csv, json or md)", value);
        ctx->format_set = 1;
    }
    return DUBAN_OK;
}

static int parse_one(cli_ctx *ctx, int argc, char **argv, int *i, cli_args *args, duban_error *err)
{
    static const char *const globals[] = {"--db", "--plan", "--today", "--format", "--config"};
    static const char *const locals[] = {"--note", "--year", "--reason",
                                         "--by",   "--date", "--meeting"};
    const char **slots[] = {&args->note, &args->year, &args->reason,
                            &args->by,   &args->date, &args->meeting};
    const char *arg = argv[*i];
    for (size_t g = 0; g < sizeof globals / sizeof globals[0]; g++)
        if (is_option(arg, globals[g])) {
            const char *v = option_value(arg, globals[g], argc, argv, i, err);
            return v ? set_global(ctx, globals[g], v, err) : DUBAN_EINVAL;
        }
    for (size_t l = 0; l < sizeof locals / sizeof locals[0]; l++)
        if (is_option(arg, locals[l])) {
            const char *v = option_value(arg, locals[l], argc, argv, i, err);
            if (!v)
                return DUBAN_EINVAL;
            *slots[l] = v;
            return DUBAN_OK;
        }
    if (!strcmp(arg, "--dump")) {
        args->dump = 1;
        return DUBAN_OK;
    }
    if (!strcmp(arg, "--dry-run")) {
        args->dry_run = 1;
        return DUBAN_OK;
    }
    if (!strcmp(arg, "--since-last")) {
        args->since_last = 1;
        return DUBAN_OK;
    }
    if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
        args->help = 1;
        return DUBAN_OK;
    }
    return duban_fail(err, DUBAN_EINVAL, "unknown option '%s' (see 'duban --help')", arg);
}

int cli_parse(cli_ctx *ctx, int argc, char **argv, const char **command, cli_args *args,
              duban_error *err)
{
    memset(args, 0, sizeof *args);
    *command = NULL;
    int only_positional = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!only_positional && !strcmp(arg, "--")) {
            only_positional = 1;
        } else if (!only_positional && arg[0] == '-' && arg[1] != '\0' &&
                   strcmp(arg, "--version")) {
            if (parse_one(ctx, argc, argv, &i, args, err))
                return DUBAN_EINVAL;
        } else if (!*command) {
            *command = arg;
        } else if (args->npos < CLI_MAX_ARGS) {
            args->pos[args->npos++] = arg;
        } else {
            return duban_fail(err, DUBAN_EINVAL, "too many arguments");
        }
    }
    if (ctx->format_html && (!*command || strcmp(*command, "minutes")))
        return duban_fail(err, DUBAN_EINVAL,
                          "--format html is only for 'duban minutes' (use text, csv, json or md)");
    return DUBAN_OK;
}

void cli_print_usage(FILE *f)
{
    fprintf(f, "usage: duban [OPTIONS] [COMMAND [ARGS]]\n\n"
               "With no command, duban opens the full-screen front end on the plan.\n\n"
               "Commands:\n");
    for (size_t i = 0; i < cli_command_count; i++) {
        char head[64];
        snprintf(head, sizeof head, "%s %s", cli_commands[i].name, cli_commands[i].usage);
        fprintf(f, "  %-28s %s\n", head, cli_commands[i].summary);
    }
    fprintf(f, "\nOptions:\n"
               "  --db PATH          database file (default $XDG_DATA_HOME/duban/duban.db)\n"
               "  --plan PLAN        plan number or title (default: the most recent)\n"
               "  --today DATE       take DATE (YYYY-MM-DD) as today (also DUBAN_TODAY)\n"
               "  --format FORMAT    text, csv, json or md for listings (html: minutes)\n"
               "  --config FILE      configuration file (default\n"
               "                     $XDG_CONFIG_HOME/duban/config.ini)\n"
               "  -h, --help         show this help, or a command's with COMMAND --help\n"
               "  --version          show the version\n\n"
               "Exit status: 0 ok, 1 internal error, 2 bad usage or value, 3 not found,\n"
               "4 file is not a plan, 5 file system error, 6 database error,\n"
               "7 database from a newer duban, 8 nothing to undo or redo,\n"
               "9 invalid configuration.\n"
               "See duban(1).\n");
}

void cli_print_command_help(FILE *f, const cli_command *cmd)
{
    fprintf(f, "usage: duban %s %s\n\n%s\n", cmd->name, cmd->usage, cmd->summary);
    if (cmd->help)
        fprintf(f, "\n%s\n", cmd->help);
    fprintf(f, "\nGlobal options: --db PATH, --plan PLAN, --today DATE, --format FORMAT,\n"
               "--config FILE.\n");
}
