/* import_bench - how long the importer takes to parse a plan, in process.
 *
 *   import_bench [--runs N] FILE...
 *
 * Reads each FILE once, then parses it N times (default 50) with
 * import_parse() and prints the fastest, median and slowest run in
 * milliseconds with the areas/items/warnings found.  Speed is never
 * asserted; see bench/README.md for the figures expected. */
#include "import/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int bench_file(const char *path, int runs)
{
    char *text;
    size_t len;
    duban_error err;
    if (import_read_file(path, &text, &len, &err)) {
        fprintf(stderr, "import_bench: %s\n", err.msg);
        return 1;
    }
    double *ms = calloc((size_t)runs, sizeof *ms);
    size_t areas = 0, items = 0, warns = 0;
    int rc = ms ? 0 : 1;
    for (int r = 0; r < runs && !rc; r++) {
        plan_doc doc;
        double t0 = now_ms();
        if (import_parse(path, text, len, 0, date_from_ymd(2024, 1, 1), &doc, &err)) {
            fprintf(stderr, "import_bench: %s\n", err.msg);
            rc = 1;
            break;
        }
        ms[r] = now_ms() - t0;
        areas = items = 0;
        for (size_t i = 0; i < doc.nnodes; i++) {
            areas += doc.nodes[i].depth == 1;
            items += doc.nodes[i].depth > 1;
        }
        warns = doc.nwarn;
        plan_doc_free(&doc);
    }
    if (!rc) {
        qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
        printf("%-40s %9zu bytes %6zu areas %6zu items %4zu warnings  "
               "min %8.3f ms  median %8.3f ms  max %8.3f ms  (%d runs)\n",
               path, len, areas, items, warns, ms[0], ms[runs / 2], ms[runs - 1], runs);
    }
    free(ms);
    free(text);
    return rc;
}

int main(int argc, char **argv)
{
    int runs = 50, rc = 0, i = 1;
    if (argc > 2 && !strcmp(argv[1], "--runs")) {
        runs = atoi(argv[2]);
        i = 3;
    }
    if (runs < 1 || i >= argc) {
        fprintf(stderr, "usage: import_bench [--runs N] FILE...\n");
        return 2;
    }
    for (; i < argc; i++)
        rc |= bench_file(argv[i], runs);
    return rc;
}
