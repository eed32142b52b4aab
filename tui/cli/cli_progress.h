/* cli_progress.h - long work's progress on the terminal (base/progress.h).
 *
 * One line on standard error, and only when that is a terminal: it
 * appears once the command has run after_ms (DUBAN_PROGRESS_MS, default
 * 1000; 0 at once, -1 never), is redrawn when the step changes and at
 * most ten times a second within one, with what the work is doing,
 * done/total and the seconds so far, and goes when the work says it is
 * over (what NULL), before the command prints its result; main() also
 * clears it, with cli_progress_clear(), before an error's line.  Call
 * order: cli_progress_start() once, then hand cli_progress_get() to the
 * store (store_set_progress()) or to the work. */
#ifndef DUBAN_CLI_PROGRESS_H
#define DUBAN_CLI_PROGRESS_H

#include "base/progress.h"

typedef struct cli_progress {
    progress_sink p;
    int on;           /* standard error is a terminal and after_ms >= 0 */
    long after_ms;    /* how long the work runs before its line shows */
    long start_ms;    /* when the command started */
    long drawn_ms;    /* when the line was last drawn, 0 never */
    const char *what; /* what it says, so that it is not drawn again unchanged */
    uint64_t done, total;
    long secs;
    int shown; /* a line is on the screen */
} cli_progress;

/* after_ms < 0: never shows. */
void cli_progress_start(cli_progress *cp, long after_ms);
/* The progress to hand on: NULL when nothing would ever show. */
const progress_sink *cli_progress_get(cli_progress *cp);
void cli_progress_clear(cli_progress *cp);

#endif
