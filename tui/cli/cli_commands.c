/* cli_commands.c - the table of subcommands, from cli_commands.def: the
 * one place that names them, their arguments, options, formats and help. */
#include "cli/cli.h"

const cli_command cli_commands[] = {
#define CLI_COMMAND(fn, cmd_name, ...) {.name = cmd_name, .run = cmd_##fn, __VA_ARGS__},
#include "cli/cli_commands.def"
#undef CLI_COMMAND
};

const size_t cli_command_count = sizeof cli_commands / sizeof cli_commands[0];
