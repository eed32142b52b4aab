/* tui.c - entry to the front end (until the interactive views land it
 * prints the list, as `duban list` does). */
#include "tui.h"

int tui_run(cli_ctx *ctx, duban_error *err)
{
    cli_args none = {0};
    return cmd_list(ctx, &none, err);
}
