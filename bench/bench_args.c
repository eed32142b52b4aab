/* bench_args.c - pty_bench's scenarios and command line. */
#include "bench.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The front end's default key map: E expand all, C collapse all, g first
 * row, j/k next/previous row, Enter toggle fold, 5 set 已完成, u undo,
 * o overdue list and back, / search (each typed key searches; DEL takes
 * one character back), n/N next/previous match, F the filter picker. */
const scenario scenarios[] = {
    {"move", {"E", "g", NULL}, {"j", "k"}},
    {"fold", {"C", "g", NULL}, {"\r", "\r"}},
    {"status", {"E", "g", "j", NULL}, {"5", "u"}},
    {"overdue", {"g", NULL}, {"o", "o"}},
    /* 招商引资 / 招商引: three and four characters, the trigram index */
    {"search", {"C", "/", "招商引", NULL}, {"资", "\x7f"}},
    /* 招商 / 招: two and one characters, no index can serve them */
    {"search_short", {"C", "/", "招", NULL}, {"商", "\x7f"}},
    {"search_next", {"/", "招商引资", "\r", NULL}, {"n", "N"}},
    /* The same keys with a filter active: F opens the picker, j j the
     * first unit (the one with the most items), Enter sets it. */
    {"move_filter", {"F", "j", "j", "\r", "E", "g", NULL}, {"j", "k"}},
    {"fold_filter", {"F", "j", "j", "\r", "C", "g", NULL}, {"\r", "\r"}},
    {"status_filter", {"F", "j", "j", "\r", "E", "g", "j", NULL}, {"5", "u"}},
    /* p presentation mode, Tab area 1's slide (item 1 selected): 5 and u there */
    {"present_status", {"p", "\t", NULL}, {"5", "u"}},
    /* Within the overdue list: j/k, G/g (its last row and back), t (by
     * unit and back); the other views' switches: S due soon, m changes,
     * p presentation mode (each there and back). */
    {"overdue_move", {"g", "o", NULL}, {"j", "k"}},
    {"overdue_end", {"g", "o", NULL}, {"G", "g"}},
    {"overdue_group", {"g", "o", NULL}, {"t", "t"}},
    {"due_soon", {"g", NULL}, {"S", "S"}},
    {"due_soon_move", {"g", "S", NULL}, {"j", "k"}},
    {"changes", {"g", NULL}, {"m", "m"}},
    {"present", {"g", NULL}, {"p", "p"}},
    /* Every area expanded (E), then the overdue list: both views' rows held */
    {"overdue_all", {"E", "g", "o", NULL}, {"j", "k"}},
};
const size_t scenario_count = sizeof scenarios / sizeof scenarios[0];

void usage(FILE *f)
{
    fprintf(f, "usage: pty_bench [options] DUBAN DB\n"
               "       pty_bench [options] -- PROGRAM [ARG...]\n"
               "       pty_bench --self-test [ECHO_BASELINE [KEY_CLOCK]]\n"
               "options:\n"
               "  --scenario NAME   move, fold, status, overdue, search, search_short,\n"
               "                    search_next, move_filter, fold_filter, status_filter,\n"
               "                    present_status, overdue_move, overdue_end, overdue_group,\n"
               "                    due_soon, due_soon_move, changes, present or overdue_all:\n"
               "                    keys to measure (default move)\n"
               "  --samples N       measured keys (default 200)\n"
               "  --warmup N        unmeasured keys first (default 10)\n"
               "  --quiet MS        settle window after a key (default 50)\n"
               "  --start-quiet MS  settle window for the first screen and setup (default 200)\n"
               "  --first-timeout MS  longest wait for a key's first byte (default 2000)\n"
               "  --start-timeout MS  longest wait for the first screen (default 30000)\n"
               "  --size COLSxROWS  window size (default 80x24)\n"
               "  --label NAME      name in the report (default: DB or PROGRAM)\n"
               "  --trace FILE      write every key and chunk with its time (us)\n"
               "  --key-clock LIB   preload LIB (key_clock.so) into the program and report\n"
               "                    each key's work inside it as well (key_clock.h)\n"
               "  --json            one JSON object instead of the table\n");
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        fprintf(stderr, "pty_bench: bad number '%s'\n", s);
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int parse_size(const char *s, bench_opts *o)
{
    int c, r, used = 0;
    if (sscanf(s, "%dx%d%n", &c, &r, &used) != 2 || s[used] || c < 10 || r < 3 || c > 1000 ||
        r > 1000) {
        fprintf(stderr, "pty_bench: bad size '%s' (want COLSxROWS)\n", s);
        return -1;
    }
    o->cols = c;
    o->rows = r;
    return 0;
}

static const scenario *find_scenario(const char *name)
{
    for (size_t i = 0; i < scenario_count; i++)
        if (!strcmp(scenarios[i].name, name))
            return &scenarios[i];
    fprintf(stderr,
            "pty_bench: unknown scenario '%s' (move, fold, status, overdue, search, search_short, "
            "search_next, move_filter, fold_filter, status_filter, present_status, overdue_move, "
            "overdue_end, overdue_group, due_soon, due_soon_move, changes, present, overdue_all)\n",
            name);
    return NULL;
}

void default_opts(bench_opts *o)
{
    memset(o, 0, sizeof *o);
    o->cols = 80;
    o->rows = 24;
    o->quiet_ms = 50;
    o->start_quiet_ms = 200;
    o->first_ms = 2000;
    o->start_ms = 30000;
    o->samples = 200;
    o->warmup = 10;
    o->sc = &scenarios[0];
}

/* Parses one option taking a value.  Returns 1 if it was one, 0 if not,
 * -1 on a bad value. */
static int parse_valued(const char *opt, const char *val, bench_opts *o)
{
    if (!strcmp(opt, "--scenario"))
        return (o->sc = find_scenario(val)) ? 1 : -1;
    if (!strcmp(opt, "--size"))
        return parse_size(val, o) ? -1 : 1;
    if (!strcmp(opt, "--label") || !strcmp(opt, "--trace") || !strcmp(opt, "--key-clock")) {
        *(opt[2] == 'l' ? &o->label : opt[2] == 't' ? &o->trace_path : &o->key_clock) = val;
        return 1;
    }
    int *dst = !strcmp(opt, "--samples")         ? &o->samples
               : !strcmp(opt, "--warmup")        ? &o->warmup
               : !strcmp(opt, "--quiet")         ? &o->quiet_ms
               : !strcmp(opt, "--start-quiet")   ? &o->start_quiet_ms
               : !strcmp(opt, "--first-timeout") ? &o->first_ms
               : !strcmp(opt, "--start-timeout") ? &o->start_ms
                                                 : NULL;
    if (!dst)
        return 0;
    return parse_int(val, dst == &o->samples ? 1 : 0, 10000000, dst) ? -1 : 1;
}

/* Fills o->argv from the operands.  DUBAN DB becomes DUBAN --db DB. */
static int set_command(bench_opts *o, char **rest, int nrest, int dashdash)
{
    static char *duban_argv[4];
    if (dashdash && nrest >= 1) {
        o->argv = rest;
    } else if (!dashdash && nrest == 2) {
        duban_argv[0] = rest[0];
        duban_argv[1] = "--db";
        duban_argv[2] = rest[1];
        o->argv = duban_argv;
    } else {
        usage(stderr);
        return -1;
    }
    if (!o->label)
        o->label = dashdash ? rest[0] : rest[1];
    return 0;
}

int parse_args(int argc, char **argv, bench_opts *o)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (!strcmp(argv[i], "--")) {
            return set_command(o, argv + i + 1, argc - i - 1, 1);
        } else if (!strcmp(argv[i], "--json")) {
            o->json = 1;
        } else if (!strcmp(argv[i], "--help")) {
            usage(stdout);
            exit(0);
        } else {
            int r = i + 1 < argc ? parse_valued(argv[i], argv[i + 1], o) : 0;
            if (r <= 0) {
                if (r == 0)
                    fprintf(stderr, "pty_bench: unknown option or missing value: %s\n", argv[i]);
                return -1;
            }
            i++;
        }
    }
    return set_command(o, argv + i, argc - i, 0);
}
