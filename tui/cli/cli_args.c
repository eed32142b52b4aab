/* cli_args.c - parsing the command line with the option tables
 * (cli_options.def for the commands' options, cli_globals for the rest). */
#include "cli/cli.h"

#include "plan/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const cli_option cli_options[CLI_OPTION_COUNT] = {
#define CLI_OPTION(field, name, arg, help, words) {name, arg, help, words},
#define CLI_FLAG(field, name, help) {name, NULL, help, ""},
#include "cli/cli_options.def"
#undef CLI_OPTION
#undef CLI_FLAG
};

_Static_assert(CLI_OPTION_COUNT <= 64, "cli_command.options is a 64-bit mask");

const cli_option cli_globals[] = {
    {"--db", "PATH", "database file (default $XDG_DATA_HOME/duban/duban.db)", "@file"},
    {"--plan", "PLAN", "plan number or title (default: see plans default)", "@plan"},
    {"--today", "DATE", "take DATE (YYYY-MM-DD) as today (also DUBAN_TODAY)", ""},
    {"--format", "FORMAT",
     "text, csv, json or md for listings (html: minutes, report; xlsx: export, minutes)",
     "text csv json md html xlsx"},
    {"--config", "FILE", "configuration file (default $XDG_CONFIG_HOME/duban/config.ini)", "@file"},
    {"--no-bom", NULL, "CSV without the UTF-8 byte-order mark (setting csv_bom)", ""},
    {NULL, NULL, NULL, NULL},
};

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
        ctx->today_set = 1;
    } else if (!strcmp(name, "--format")) {
        ctx->format_html = !strcmp(value, "html"); /* checked in cli_check_format() */
        ctx->format_xlsx = !strcmp(value, "xlsx");
        if (!ctx->format_html && !ctx->format_xlsx && table_format_parse(value, &ctx->format))
            return duban_fail(err, DUBAN_EINVAL,
                              "--format: unknown format '%s' (use text, csv, json or md)", value);
        ctx->format_set = 1;
    } else if (!strcmp(name, "--no-bom")) {
        ctx->no_bom = 1;
    }
    return DUBAN_OK;
}

static void set_option(cli_args *args, enum cli_option_id id, const char *value)
{
    switch (id) {
#define CLI_OPTION(field, name, arg, help, words)                                                  \
    case CLI_OPTION_##field:                                                                       \
        args->field = value;                                                                       \
        break;
#define CLI_FLAG(field, name, help)                                                                \
    case CLI_OPTION_##field:                                                                       \
        args->field = 1;                                                                           \
        break;
#include "cli/cli_options.def"
#undef CLI_OPTION
#undef CLI_FLAG
    case CLI_OPTION_COUNT:
        break;
    }
}

/* One option at argv[*i]; a command option sets its bit in *seen. */
static int parse_one(cli_ctx *ctx, int argc, char **argv, int *i, cli_args *args, uint64_t *seen,
                     duban_error *err)
{
    const char *arg = argv[*i];
    if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
        args->help = 1;
        return DUBAN_OK;
    }
    if (!strcmp(arg, "-o")) /* the one short option: -o FILE is --output FILE */
        arg = "--output";
    for (const cli_option *g = cli_globals; g->name; g++)
        if (g->arg ? is_option(arg, g->name) : !strcmp(arg, g->name)) {
            const char *v = g->arg ? option_value(arg, g->name, argc, argv, i, err) : "";
            return v ? set_global(ctx, g->name, v, err) : DUBAN_EINVAL;
        }
    for (int o = 0; o < CLI_OPTION_COUNT; o++) {
        const cli_option *opt = &cli_options[o];
        if (opt->arg ? !is_option(arg, opt->name) : strcmp(arg, opt->name))
            continue;
        const char *v = opt->arg ? option_value(arg, opt->name, argc, argv, i, err) : "";
        if (!v)
            return DUBAN_EINVAL;
        set_option(args, (enum cli_option_id)o, v);
        *seen |= UINT64_C(1) << o;
        return DUBAN_OK;
    }
    /* "-3 万元", "-5%": text, not an option; '--' before it says so */
    if (arg[1] != '-')
        return duban_fail(err, DUBAN_EINVAL,
                          "unknown option '%s' (text that starts with '-' goes after '--', e.g. "
                          "duban note 3.2 -- '%s')",
                          arg, arg);
    return duban_fail(err, DUBAN_EINVAL, "unknown option '%s' (see 'duban --help')", arg);
}

/* Refuses the command options given that the command does not take. */
static int check_taken(const char *command, uint64_t seen, duban_error *err)
{
    const cli_command *cmd = command ? cli_find(command) : NULL;
    if (command && !cmd)
        return DUBAN_OK; /* an unknown command is reported as such */
    uint64_t foreign = seen & ~(cmd ? cmd->options : 0);
    for (int o = 0; o < CLI_OPTION_COUNT; o++) {
        if (!(foreign & (UINT64_C(1) << o)))
            continue;
        if (!cmd)
            return duban_fail(err, DUBAN_EINVAL, "%s goes with a command (see 'duban --help')",
                              cli_options[o].name);
        return duban_fail(err, DUBAN_EINVAL, "%s does not take %s (see 'duban %s --help')",
                          cmd->name, cli_options[o].name, cmd->name);
    }
    return DUBAN_OK;
}

int cli_parse(cli_ctx *ctx, int argc, char **argv, const char **command, cli_args *args,
              duban_error *err)
{
    memset(args, 0, sizeof *args);
    *command = NULL;
    int only_positional = 0;
    uint64_t seen = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!only_positional && !strcmp(arg, "--")) {
            only_positional = 1;
        } else if (!only_positional && arg[0] == '-' && arg[1] != '\0' &&
                   strcmp(arg, "--version")) {
            if (parse_one(ctx, argc, argv, &i, args, &seen, err))
                return DUBAN_EINVAL;
        } else if (!*command) {
            *command = arg;
        } else if (args->npos < CLI_MAX_ARGS) {
            args->pos[args->npos++] = arg;
        } else {
            return duban_fail(err, DUBAN_EINVAL, "too many arguments");
        }
    }
    if (*command && (!strcmp(*command, "--version") || !strncmp(*command, "__", 2)))
        return DUBAN_OK;
    if (ctx->format_html && !*command)
        return duban_fail(err, DUBAN_EINVAL,
                          "--format html is only for 'duban minutes' (use text, csv, json or md)");
    if (ctx->format_xlsx && !*command)
        return duban_fail(err, DUBAN_EINVAL, "--format xlsx is only for 'duban export'");
    return check_taken(*command, seen, err);
}

/* "text", "md, html or csv": the formats of mask, for a message. */
static void format_names(unsigned mask, char *out, size_t outsz)
{
    static const char *const names[] = {"text", "csv", "json", "md", "html", "xlsx"};
    static const int order[] = {FORMAT_TEXT, FORMAT_MD, 4, FORMAT_CSV, FORMAT_JSON, 5};
    int n = 0, total = 0;
    for (size_t i = 0; i < 6; i++)
        total += (mask & (1u << order[i])) != 0;
    out[0] = '\0';
    for (size_t i = 0; i < 6; i++) {
        if (!(mask & (1u << order[i])))
            continue;
        size_t len = strlen(out);
        snprintf(out + len, outsz - len, "%s%s",
                 n == 0           ? ""
                 : n == total - 1 ? " or "
                                  : ", ",
                 names[order[i]]);
        n++;
    }
}

int cli_check_format(const cli_ctx *ctx, const cli_command *cmd, duban_error *err)
{
    if (!ctx->format_set)
        return DUBAN_OK;
    unsigned f = ctx->format_html   ? CLI_FMT_HTML
                 : ctx->format_xlsx ? CLI_FMT_XLSX
                                    : CLI_FMT(ctx->format);
    if (cmd->formats & f)
        return DUBAN_OK;
    static const char *const names[] = {"text", "csv", "json", "md"};
    char ok[64];
    format_names(cmd->formats, ok, sizeof ok);
    return duban_fail(err, DUBAN_EINVAL, "%s does not write --format %s (it writes %s)", cmd->name,
                      ctx->format_html   ? "html"
                      : ctx->format_xlsx ? "xlsx"
                                         : names[ctx->format],
                      ok);
}
