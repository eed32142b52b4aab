/* sync_world.h - three replicas of a small plan (a plan and two clones)
 * that make random edits of every kind and exchange them at random, for
 * the sync tests (test_sync.c: they converge; test_sync_files.c: damaged
 * change files are refused).  Every call fails the running cmocka test
 * on an unexpected error. */
#ifndef DUBAN_TEST_SYNC_WORLD_H
#define DUBAN_TEST_SYNC_WORLD_H

#include "testutil.h"

#include "base/strbuf.h"
#include "store/store.h"

#include <stdint.h>

#define NREP 3
#define NFILES 64

#include <unistd.h>

typedef struct world {
    char *dir;
    char path[NREP][512];
    store *st[NREP];
    int64_t plan[NREP];
    strbuf files[NFILES]; /* change files written so far (a ring) */
    int nfiles;
    unsigned seed;
    long clock[NREP]; /* seconds since 2021-10-01T00:00:00Z, per replica */
} world;

/* A pseudo-random number below n, from the world's seed. */
unsigned rnd(world *w, unsigned n);
/* Moves replica r's clock (mostly forward, sometimes back) and sets it
 * as the time of its next edits. */
void set_clock(world *w, int r);
/* The plan in a temporary folder and its clones; world_close() removes
 * them. */
void world_open(world *w, unsigned seed);
void world_close(world *w);
/* One random edit on replica r (refusals the edit may meet are fine). */
void random_edit(world *w, int r);
/* One random exchange between two replicas: database to database, a
 * change file for one or for all, or an old file again. */
void random_exchange(world *w);
/* Replica r's plan, history, notes and conflicts by global identity (a
 * text to compare; the caller frees it). */
char *dump(world *w, int r);
/* The id of ref on replica r. */
int64_t id_of(world *w, int r, const char *ref);
/* Every replica exchanges with the next, twice round. */
void exchange_all(world *w);

#endif
