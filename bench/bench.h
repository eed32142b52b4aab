/* bench.h - what pty_bench's files share: scenarios, options, argument
 * parsing (bench_args.c).  See pty_bench.c for the measurement. */
#ifndef DUBAN_BENCH_H
#define DUBAN_BENCH_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    const char *name;
    const char *setup[8]; /* sent once, NULL-terminated */
    const char *cycle[2]; /* sent alternately for warm-up and samples */
} scenario;

/* The scenarios (bench_args.c): the front end's default key map. */
extern const scenario scenarios[];
extern const size_t scenario_count;

typedef struct {
    int cols, rows;
    int quiet_ms;       /* settle window after each sample key */
    int start_quiet_ms; /* settle window for the first screen and setup keys */
    int first_ms;       /* longest wait for the first byte after a key */
    int start_ms;       /* longest wait for the first byte of the first screen */
    int samples, warmup;
    int json;
    const scenario *sc;
    const char *label;
    const char *trace_path;
    const char *key_clock; /* key_clock.so to preload into the child, or NULL */
    char **argv;           /* program to run */
} bench_opts;

void usage(FILE *f);
void default_opts(bench_opts *o);
/* Parses argv into *o (defaults first); returns 0, 1 for --help, or -1
 * after printing an error. */
int parse_args(int argc, char **argv, bench_opts *o);

#endif
