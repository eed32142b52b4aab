/* tui.h - the full-screen front end.
 *
 * tui_run() takes an open store with a resolved plan (ctx->st,
 * ctx->plan_id), runs the ncurses interface until the user quits, and
 * restores the terminal.  When standard output is not a terminal it prints
 * the plan as `duban list` does instead.  Returns a core status code.
 */
#ifndef DUBAN_TUI_H
#define DUBAN_TUI_H

#include "cli/cli.h"

int tui_run(cli_ctx *ctx, duban_error *err);

#endif
