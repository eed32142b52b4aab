/* key_clock_read.c - pty_bench's side of the key clock (key_clock.h). */
#include "key_clock.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int key_clock_match(const char *path, const int64_t *t0, const int64_t *t_last, int n,
                    int64_t *in_ns)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "pty_bench: key clock %s: %s (was the child built with it?)\n", path,
                strerror(errno));
        return -1;
    }
    for (int i = 0; i < n; i++)
        in_ns[i] = -1;
    long long start, end;
    int line = 0, matched = 0, i = 0, got;
    char buf[128];
    while (fgets(buf, sizeof buf, f)) {
        line++;
        if (sscanf(buf, "%lld %lld", &start, &end) != 2 || start <= 0 || end < 0) {
            fprintf(stderr, "pty_bench: key clock %s:%d: not \"START END\"\n", path, line);
            fclose(f);
            return -1;
        }
        /* samples and keys both come in time order */
        while (i < n && t_last[i] < start)
            i++;
        if (i < n && start >= t0[i] && end >= start && in_ns[i] < 0) {
            in_ns[i] = end - start;
            matched++;
        }
    }
    got = ferror(f) ? -1 : matched;
    fclose(f);
    if (got < 0)
        fprintf(stderr, "pty_bench: key clock %s: read error\n", path);
    return got;
}

static int cmp_ns(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int key_clock_summarise(const char *path, const int64_t *t0, const int64_t *t_last, int n,
                        key_clock_stats *out)
{
    memset(out, 0, sizeof *out);
    int64_t *in = calloc((size_t)(n > 0 ? n : 1), sizeof *in);
    if (!in || key_clock_match(path, t0, t_last, n, in) < 0) {
        free(in);
        return -1;
    }
    int m = 0;
    for (int i = 0; i < n; i++)
        if (in[i] >= 0)
            in[m++] = in[i];
    out->matched = m;
    if (m) {
        qsort(in, (size_t)m, sizeof *in, cmp_ns);
        out->median_us =
            (m % 2 ? (double)in[m / 2] : ((double)in[m / 2 - 1] + in[m / 2]) / 2) / 1e3;
        out->p95_us = (double)in[(19 * (long)m + 19) / 20 - 1] / 1e3;
    }
    free(in);
    return 0;
}
