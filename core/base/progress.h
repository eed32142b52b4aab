/* progress.h - long work tells its caller how far it has got.
 *
 * Work that can take more than a second on a large plan (duban check,
 * clone, export, sync export) takes a `const progress_sink *` (NULL: nobody
 * is told; the store carries one, store_set_progress()) and calls
 * progress_tell() as it goes: what it is doing (a short constant text),
 * done of total (total 0: not known, it is only still going), and at its
 * end what NULL (the work is over: a line showing it can go).  It may
 * call often (every few thousand SQLite steps, every row): the function
 * decides what to show, and when.  core prints nothing itself; the
 * command line's function is tui/cli/cli_progress.c. */
#ifndef DUBAN_PROGRESS_H
#define DUBAN_PROGRESS_H

#include <stdint.h>

typedef struct progress_sink {
    void (*fn)(void *arg, const char *what, uint64_t done, uint64_t total);
    void *arg;
} progress_sink;

static inline void progress_tell(const progress_sink *p, const char *what, uint64_t done,
                                 uint64_t total)
{
    if (p && p->fn)
        p->fn(p->arg, what, done, total);
}

#endif
