/* width_bench.c - the display-width call on the drawing hot path, duban's
 * own Unicode tables (core/text/widthtable.c) against libunistring.
 *
 *     width_bench [PLAN] [--rounds N]
 *
 * PLAN (default: the built-in seed, data/haiyan-2021-h2.plan) is read line
 * by line.  Each round times every variant over all lines, repeated until
 * at least 20 ms have passed; the report gives the median over the rounds
 * in nanoseconds per line and the ratio to duban's current text_width():
 *
 *   text_width        the whole current path: sanitising step + table
 *   cp/table          decode + text_cp_width() per code point (the table)
 *   cp/uc_width       decode + libunistring uc_width() per code point
 *   u8_strwidth       libunistring on the raw line (no sanitising)
 *
 * It also counts the code points whose width differs between the two (for
 * ambiguous width 1 and 2; libunistring takes a CJK encoding name for the
 * latter) and shows where UAX #14 (u8_possible_linebreaks) allows breaks
 * in a line of the seed with Chinese quotes.  Speed is never asserted.
 */
#define _POSIX_C_SOURCE 200809L
#include "text/textwidth.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#define MAX_ROUNDS 101

typedef struct lines {
    char **v;
    size_t n;
} lines;

static volatile long sink; /* keeps the measured calls alive */

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int read_lines(const char *path, lines *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) >= 0) {
        if (len && line[len - 1] == '\n')
            line[--len] = '\0';
        char **v = realloc(out->v, (out->n + 1) * sizeof *v);
        if (!v)
            break;
        out->v = v;
        out->v[out->n++] = strdup(line);
    }
    free(line);
    fclose(f);
    return out->n ? 0 : -1;
}

/* The sanitising rules of textwidth.c for controls, then libunistring. */
static int uni_cp_width(uint32_t cp, const char *encoding)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0;
    if (cp < 0x7F)
        return 1;
    int w = uc_width(cp, encoding);
    return w < 0 ? 0 : w;
}

/* What a variant measures with: duban's measure, libunistring's encoding. */
typedef struct mode {
    text_measure m;
    const char *enc; /* "UTF-8": ambiguous narrow; a CJK encoding: wide */
} mode;

static long width_text(const char *s, const mode *md)
{
    return text_width(s, &md->m);
}

static long width_cp_table(const char *s, const mode *md)
{
    size_t n = strlen(s);
    long w = 0;
    uint32_t cp;
    for (size_t off = 0; off < n;) {
        off += utf8_decode(s + off, n - off, &cp);
        w += text_cp_width(cp, &md->m);
    }
    return w;
}

static long width_cp_uni(const char *s, const mode *md)
{
    size_t n = strlen(s);
    long w = 0;
    uint32_t cp;
    for (size_t off = 0; off < n;) {
        off += utf8_decode(s + off, n - off, &cp);
        w += uni_cp_width(cp, md->enc);
    }
    return w;
}

static long width_u8(const char *s, const mode *md)
{
    return u8_strwidth((const uint8_t *)s, md->enc);
}

typedef struct variant {
    const char *name;
    long (*fn)(const char *, const mode *);
} variant;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Median over rounds of nanoseconds per line. */
static double measure(const variant *v, const lines *l, const mode *md, int rounds)
{
    double per[MAX_ROUNDS];
    for (int r = 0; r < rounds; r++) {
        long reps = 0, acc = 0;
        double t0 = now_ns(), t;
        do {
            for (size_t i = 0; i < l->n; i++)
                acc += v->fn(l->v[i], md);
            reps++;
        } while ((t = now_ns()) - t0 < 20e6);
        sink += acc;
        per[r] = (t - t0) / ((double)reps * (double)l->n);
    }
    qsort(per, (size_t)rounds, sizeof per[0], cmp_double);
    return per[rounds / 2];
}

/* Code points (excluding surrogates and unassigned-looking private use
 * planes) whose width differs between the table and libunistring. */
static void count_differences(const mode *md)
{
    long diff = 0;
    uint32_t first[8];
    int nfirst = 0;
    const text_measure *m = &md->m;
    const char *enc = md->enc;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp >= 0xF0000)
            continue;
        if (text_cp_width(cp, m) != uni_cp_width(cp, enc)) {
            if (nfirst < 8)
                first[nfirst++] = cp;
            diff++;
        }
    }
    printf("ambiguous %d (libunistring encoding %s): %ld code points differ", m->ambiguous, enc,
           diff);
    for (int i = 0; i < nfirst; i++)
        printf("%s U+%04X %d/%d", i ? "," : ", e.g.", (unsigned)first[i],
               text_cp_width(first[i], m), uni_cp_width(first[i], enc));
    printf(" (table/libunistring)\n");
}

static void show_breaks(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n);
    if (!p)
        return;
    u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", p);
    printf("UAX #14 breaks (|) in: ");
    for (size_t i = 0; i < n; i++) {
        if (p[i] == UC_BREAK_POSSIBLE)
            putchar('|');
        putchar(s[i]);
    }
    putchar('\n');
    free(p);
}

int main(int argc, char **argv)
{
    const char *path = DUBAN_SEED_PATH;
    int rounds = 21;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else
            path = argv[i];
    }
    if (rounds < 1 || rounds > MAX_ROUNDS) {
        fprintf(stderr, "width_bench: --rounds must be 1-%d\n", MAX_ROUNDS);
        return 2;
    }
    lines l = {NULL, 0};
    if (read_lines(path, &l)) {
        fprintf(stderr, "width_bench: cannot read %s\n", path);
        return 1;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < l.n; i++)
        bytes += strlen(l.v[i]);
    printf("%s: %zu lines, %zu bytes; median of %d rounds, ns per line\n", path, l.n, bytes,
           rounds);
    static const variant vs[] = {{"text_width", width_text},
                                 {"cp/table", width_cp_table},
                                 {"cp/uc_width", width_cp_uni},
                                 {"u8_strwidth", width_u8}};
    static const mode modes[] = {{{1}, "UTF-8"}, {{2}, "GBK"}};
    for (size_t m = 0; m < 2; m++) {
        double base = 0;
        printf("ambiguous width %d:\n", modes[m].m.ambiguous);
        for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) {
            double t = measure(&vs[i], &l, &modes[m], rounds);
            if (i == 0)
                base = t;
            printf("  %-12s %8.1f ns/line  x%.2f\n", vs[i].name, t, t / base);
        }
    }
    count_differences(&modes[0]);
    count_differences(&modes[1]);
    show_breaks("加快“转”的步伐，拥抱“新”的产业……确保良信电器等数字产业项目年内投运。");
    for (size_t i = 0; i < l.n; i++)
        free(l.v[i]);
    free(l.v);
    return 0;
}
