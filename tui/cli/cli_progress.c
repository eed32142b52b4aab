/* cli_progress.c - long work's progress shown to people (see
 * cli_progress.h). */
#include "cli/cli_progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define REDRAW_MS 100 /* at most ten lines a second within a step */
/* A work that starts this soon after the one before ended continues it
 * (a command's steps: core reads, then the command formats): its line
 * counts from the first one's start, instead of waiting after_ms again. */
#define CONTINUE_MS 100

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + 1; /* never 0: "none" */
}

/* Whether standard error is a terminal that can take "\r" and erase a
 * line (TERM unset or dumb: it cannot be told to). */
static int stderr_is_terminal(void)
{
    const char *term = getenv("TERM");
    return isatty(STDERR_FILENO) && term && *term && strcmp(term, "dumb");
}

/* The command line's output: "duban: LINE" over the line before.  The
 * text is duban's own (core's constant step names), no escaping is
 * needed. */
static void show_on_stderr(void *arg, const char *line)
{
    (void)arg;
    if (line)
        fprintf(stderr, "\r\033[Kduban: %s", line);
    else
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

static void tell(void *arg, const char *what, uint64_t done, uint64_t total)
{
    cli_progress *cp = arg;
    long now = now_ms();
    if (!what) { /* the work is over */
        cli_progress_clear(cp);
        cp->ended_ms = cp->start_ms ? now : 0;
        return;
    }
    if (cp->start_ms && cp->ended_ms && now - cp->ended_ms > CONTINUE_MS)
        cp->start_ms = 0; /* a new work */
    cp->ended_ms = 0;
    if (!cp->start_ms)
        cp->start_ms = now;
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
    char line[200];
    if (total)
        snprintf(line, sizeof line, "%s %llu/%llu (%llu%%) %ld 秒", what, (unsigned long long)done,
                 (unsigned long long)total, (unsigned long long)(done * 100 / total), secs);
    else
        snprintf(line, sizeof line, "%s… %ld 秒", what, secs);
    cp->show(cp->show_arg, line);
}

void cli_progress_to(cli_progress *cp, long after_ms, cli_progress_show show, void *arg)
{
    memset(cp, 0, sizeof *cp);
    cp->after_ms = after_ms;
    cp->on = after_ms >= 0;
    cp->show = show;
    cp->show_arg = arg;
    cp->p.fn = tell;
    cp->p.arg = cp;
}

void cli_progress_start(cli_progress *cp, long after_ms)
{
    cli_progress_to(cp, after_ms, show_on_stderr, NULL);
    cp->on = cp->on && stderr_is_terminal();
}

const progress_sink *cli_progress_get(cli_progress *cp)
{
    return cp->on ? &cp->p : NULL;
}

void cli_progress_clear(cli_progress *cp)
{
    if (!cp->shown)
        return;
    cp->show(cp->show_arg, NULL);
    cp->shown = 0;
}
