/* cli_help.c - `duban --help`, `duban CMD --help` and the option list for
 * completion, all written from the tables (cli_commands.def,
 * cli_options.def, cli_globals). */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#define HELP_WIDTH 79
#define HELP_INDENT 21 /* "  --format FORMAT    " */

/* "REF STATUS [--note TEXT]": the usage with the options the command
 * takes that its usage does not already name. */
static void usage_line(const cli_command *cmd, char *out, size_t outsz)
{
    const char *usage = cmd->usage ? cmd->usage : "";
    snprintf(out, outsz, "%s", usage);
    for (int o = 0; o < CLI_OPTION_COUNT; o++) {
        const cli_option *opt = &cli_options[o];
        if (!(cmd->options & (UINT64_C(1) << o)) || strstr(usage, opt->name))
            continue;
        size_t len = strlen(out);
        snprintf(out + len, outsz - len, "%s[%s%s%s]", len ? " " : "", opt->name,
                 opt->arg ? " " : "", opt->arg ? opt->arg : "");
    }
}

/* "  --name ARG         help", the help wrapped at HELP_WIDTH. */
static void print_option(FILE *f, const cli_option *opt)
{
    char head[64];
    snprintf(head, sizeof head, "%s%s%s", opt->name, opt->arg ? " " : "", opt->arg ? opt->arg : "");
    fprintf(f, "  %-*s", HELP_INDENT - 3, head);
    const char *s = opt->help;
    int col = strlen(head) > HELP_INDENT - 3 ? (int)strlen(head) + 2 : HELP_INDENT - 1;
    while (*s) {
        size_t n = strlen(s);
        size_t room = (size_t)(HELP_WIDTH - col - 1);
        if (n > room) {
            n = room;
            while (n > 0 && s[n] != ' ')
                n--;
            if (n == 0)
                n = strcspn(s, " ");
        }
        fprintf(f, " %.*s\n", (int)n, s);
        s += n;
        while (*s == ' ')
            s++;
        if (*s)
            fprintf(f, "%*s", HELP_INDENT - 1, "");
        col = HELP_INDENT - 1;
    }
}

void cli_print_usage(FILE *f)
{
    fprintf(f, "usage: duban [OPTIONS] [COMMAND [ARGS]]\n\n"
               "With no command, duban opens the full-screen front end on the plan.\n\n"
               "Commands:\n");
    for (size_t i = 0; i < cli_command_count; i++) {
        char usage[256], head[320];
        usage_line(&cli_commands[i], usage, sizeof usage);
        snprintf(head, sizeof head, "%s %s", cli_commands[i].name, usage);
        fprintf(f, "  %-28s %s\n", head, cli_commands[i].summary);
    }
    fprintf(f, "\nOptions:\n");
    for (const cli_option *g = cli_globals; g->name; g++)
        print_option(f, g);
    fprintf(f, "  -h, --help         show this help, or a command's with COMMAND --help\n"
               "  --version          show the version\n\n"
               "Exit status: 0 ok, 1 internal error, 2 bad usage or value, 3 not found,\n"
               "4 file is not a plan, 5 file system error, 6 database error,\n"
               "7 database from a newer duban, 8 nothing to undo or redo,\n"
               "9 invalid configuration.\n"
               "See duban(1).\n");
}

/* "text, md, csv, json": the --format values of mask, in a fixed order. */
static void format_words(unsigned mask, const char *sep, char *out, size_t outsz)
{
    static const char *const names[] = {"text", "csv", "json", "md", "html", "xlsx"};
    out[0] = '\0';
    for (unsigned i = 0; i < 6; i++) {
        if (!(mask & (1u << i)))
            continue;
        size_t len = strlen(out);
        snprintf(out + len, outsz - len, "%s%s", len ? sep : "", names[i]);
    }
}

void cli_print_command_help(FILE *f, const cli_command *cmd)
{
    char usage[256], formats[64];
    usage_line(cmd, usage, sizeof usage);
    fprintf(f, "usage: duban %s %s\n\n%s\n", cmd->name, usage, cmd->summary);
    if (cmd->help)
        fprintf(f, "\n%s\n", cmd->help);
    if (cmd->options) {
        fprintf(f, "\nOptions:\n");
        for (int o = 0; o < CLI_OPTION_COUNT; o++)
            if (cmd->options & (UINT64_C(1) << o))
                print_option(f, &cli_options[o]);
    }
    format_words(cmd->formats, ", ", formats, sizeof formats);
    fprintf(f, "\nFormats (--format): %s.\n", formats);
    fprintf(f, "Global options: --db PATH, --plan PLAN, --today DATE, --format FORMAT,\n"
               "--config FILE, --no-bom.\n");
}

static void print_option_line(FILE *f, const cli_option *opt, const char *words)
{
    fprintf(f, "%s\t%s\t%s\n", opt->name, opt->arg ? opt->arg : "", words);
}

void cli_print_options(FILE *f, const cli_command *cmd)
{
    for (const cli_option *g = cli_globals; g->name; g++) {
        char formats[64];
        const char *words = g->words;
        if (cmd && !strcmp(g->name, "--format")) {
            format_words(cmd->formats, " ", formats, sizeof formats);
            words = formats;
        }
        print_option_line(f, g, words);
    }
    fprintf(f, "--help\t\t\n");
    if (!cmd)
        fprintf(f, "--version\t\t\n");
    for (int o = 0; o < CLI_OPTION_COUNT; o++)
        if (!cmd || (cmd->options & (UINT64_C(1) << o)))
            print_option_line(f, &cli_options[o], cli_options[o].words);
}

void cli_print_usage_words(FILE *f, const cli_command *cmd)
{
    char usage[256];
    snprintf(usage, sizeof usage, "%s", cmd->usage ? cmd->usage : "");
    int skip_value = 0;
    for (char *save = NULL, *w = strtok_r(usage, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        if (skip_value || !strncmp(w, "--", 2)) { /* "--reason TEXT": an option, not an argument */
            skip_value = !skip_value;
            continue;
        }
        size_t n = strlen(w);
        if (w[0] == '[' && w[n - 1] == ']') {
            w[n - 1] = '\0';
            w++;
        }
        fprintf(f, "%s\n", w);
    }
}

int cli_hidden_command(const char *command, const cli_args *args, int *rc, duban_error *err)
{
    int usage = !strcmp(command, "__usage");
    if (!usage && strcmp(command, "__options"))
        return 0;
    const cli_command *cmd = args->npos ? cli_find(args->pos[0]) : NULL;
    if (usage && !args->npos)
        *rc = duban_fail(err, DUBAN_EINVAL, "usage: duban __usage COMMAND");
    else if (args->npos && !cmd)
        *rc = duban_fail(err, DUBAN_EINVAL, "%s: unknown command '%s'", command, args->pos[0]);
    else if (usage)
        cli_print_usage_words(stdout, cmd);
    else
        cli_print_options(stdout, cmd);
    return 1;
}
