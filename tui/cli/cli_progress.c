/* cli_progress.c - long work's progress on standard error (see
 * cli_progress.h). */
#include "cli/cli_progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define REDRAW_MS 100 /* at most ten lines a second within a step */

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether standard error is a terminal that can take "\r" and erase a
 * line (TERM unset or dumb: it cannot be told to). */
static int stderr_is_terminal(void)
{
    const char *term = getenv("TERM");
    return isatty(STDERR_FILENO) && term && *term && strcmp(term, "dumb");
}

/* "duban: 写入台账 writing the ledger 40000/100000 (40%) 3 s": the text is
 * duban's own (core's constant step names), no escaping is needed. */
static void draw(void *arg, const char *what, uint64_t done, uint64_t total)
{
    cli_progress *cp = arg;
    if (!what) { /* the work is over */
        cli_progress_clear(cp);
        return;
    }
    long now = now_ms();
    /* a new step shows at once, a step's counts ten times a second */
    int same_step = cp->shown && what == cp->what;
    if (now - cp->start_ms < cp->after_ms || (same_step && now - cp->drawn_ms < REDRAW_MS))
        return;
    long secs = (now - cp->start_ms) / 1000;
    if (same_step && done == cp->done && total == cp->total && secs == cp->secs)
        return;
    cp->drawn_ms = now;
    cp->shown = 1;
    cp->what = what;
    cp->done = done;
    cp->total = total;
    cp->secs = secs;
    if (total)
        fprintf(stderr, "\r\033[Kduban: %s %llu/%llu (%llu%%) %ld s", what,
                (unsigned long long)done, (unsigned long long)total,
                (unsigned long long)(done * 100 / total), secs);
    else
        fprintf(stderr, "\r\033[Kduban: %s… %ld s", what, secs);
    fflush(stderr);
}

void cli_progress_start(cli_progress *cp, long after_ms)
{
    memset(cp, 0, sizeof *cp);
    cp->after_ms = after_ms;
    cp->on = after_ms >= 0 && stderr_is_terminal();
    cp->start_ms = now_ms();
    cp->p.fn = draw;
    cp->p.arg = cp;
}

const progress_sink *cli_progress_get(cli_progress *cp)
{
    return cp->on ? &cp->p : NULL;
}

void cli_progress_clear(cli_progress *cp)
{
    if (!cp->shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    cp->shown = 0;
    cp->drawn_ms = 0;
}
