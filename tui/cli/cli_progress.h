/* cli_progress.h - long work's progress shown to people (base/progress.h).
 *
 * One line: what the work is doing, done/total and the seconds it has
 * run ("检查外键 foreign keys 1/4 (25%) 3 秒").  It appears once the work has
 * run after_ms (DUBAN_PROGRESS_MS, default 1000; 0 at once, -1 never),
 * is redrawn when the step changes and at most ten times a second within
 * one, never the same twice, and is taken away when the work says it is
 * over (what NULL).  A work that starts within 0.1 s of the end of the one
 * before (a command's next step: core reads, then the command formats)
 * counts from that one's start, so its line shows at once if the two have
 * run after_ms.  Where the line goes is the output function's
 * business: the command line's writes it on standard error, only when
 * that is a terminal (cli_progress_start()); the front end's on its status
 * line (tui.c).  Call order: cli_progress_start() or cli_progress_to()
 * once, then hand cli_progress_get() to the store (store_set_progress())
 * or to the work; main() calls cli_progress_clear() before an error's
 * line. */
#ifndef DUBAN_CLI_PROGRESS_H
#define DUBAN_CLI_PROGRESS_H

#include "base/progress.h"

/* Shows line (the whole of it, each time), or takes it away (NULL). */
typedef void (*cli_progress_show)(void *arg, const char *line);

typedef struct cli_progress {
    progress_sink p;
    int on;        /* a line can be shown and after_ms >= 0 */
    long after_ms; /* how long the work runs before its line shows */
    cli_progress_show show;
    void *show_arg;
    long start_ms;    /* when the work began (kept past its end for a step that follows) */
    long ended_ms;    /* when it said it was over, 0 while it runs */
    long drawn_ms;    /* when the line was last drawn */
    const char *what; /* what it says, so that it is not drawn again unchanged */
    uint64_t done, total;
    long secs;
    int shown; /* a line is showing */
} cli_progress;

/* The command line's: on standard error when that is a terminal. */
void cli_progress_start(cli_progress *cp, long after_ms);
/* Any other place: show(arg, line). */
void cli_progress_to(cli_progress *cp, long after_ms, cli_progress_show show, void *arg);
/* The progress to hand on: NULL when nothing would ever show. */
const progress_sink *cli_progress_get(cli_progress *cp);
void cli_progress_clear(cli_progress *cp);

#endif
