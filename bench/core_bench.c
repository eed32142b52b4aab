/* core_bench - in-process time of the core calls on the front end's hot
 * paths, against a bare durable SQLite transaction on the same file.
 *
 *   core_bench DB [--rounds N] [--today YYYY-MM-DD] [--only NAME]
 *
 * Each case runs 3 warm-up calls then N timed ones (default 31) and prints
 * one line: name, median and p95 in microseconds, the median's ratio
 * to the floor case, and the median CPU time of the process (less
 * sensitive to a busy machine than the wall clock).  The floor case,
 * "tx_floor": BEGIN IMMEDIATE, one upsert, COMMIT with synchronous = FULL
 * on the same database; "status_edit", next to it, is the status key in
 * process (edit_apply, alternately setting and setting back the status of
 * an item in the middle of the plan), is timed in rounds alternating
 * with floor transactions on a file of its own beside DB (DB-floor,
 * removed at the end) and its ratio taken against those; both files'
 * WALs are written past one checkpoint before timing.  "tx_edit_pages",
 * paired the same way, is a bare durable transaction writing as many
 * pages as a status edit does (12) with stock SQLite (4 KiB pages, two
 * writes a WAL frame): what the edit's pages would cost without the
 * store's smaller pages and one-write commits (store/wal_batch.h).  The database is written (the
 * ui_state rows "bench" and "folds", a meeting when it has none, the
 * status edits and their history): use a copy.  Speed is never asserted; see bench/README.md. */
#include "edit/edit.h"
#include "edit/meeting.h"
#include "query/area_summary.h"
#include "query/query.h"
#include "query/query_view.h"
#include "query/search_texts.h"
#include "store/store.h"
#include "plan/date.h"
#include "plan/light.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct ctx {
    store *st;
    sqlite3 *raw;
    sqlite3 *side; /* the paired floor's file (see open_side) */
    int64_t plan, area, item, meeting;
    long today;
    int k;
    search_texts *texts; /* the short words' copy, read at the first texts_find */
    int edits;           /* status_edit's own turn (tx_floor's rounds advance k) */
} ctx;

static double clock_us(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int search(ctx *c, const char *text)
{
    id_list ids;
    int rc = query_search(c->st, c->plan, text, &ids, NULL);
    id_list_free(&ids);
    return rc;
}
static int c_search3(ctx *c)
{
    return search(c, "招商引资");
}
static int c_search2(ctx *c)
{
    return search(c, "招商");
}
static int c_search1(ctx *c)
{
    return search(c, "招");
}
static int c_search_words(ctx *c)
{
    return search(c, "招商 县发改局");
}
/* The front end's calls per typed key: the index's candidates (3+
 * characters), and for short words the copy of the text (its load, then
 * a search of one and of two characters). */
static int c_candidates3(ctx *c)
{
    id_list ids;
    int rc = query_search_candidates(c->st, c->plan, "招商引资", &ids, NULL);
    id_list_free(&ids);
    return rc;
}
static int c_texts_load(ctx *c)
{
    search_texts *t;
    int rc = search_texts_load(c->st, &t, NULL);
    search_texts_free(t);
    return rc;
}
static int texts_find(ctx *c, const char *text)
{
    id_list ids;
    if (!c->texts && search_texts_load(c->st, &c->texts, NULL))
        return -1;
    int rc = search_texts_find(c->texts, text, &ids, NULL);
    id_list_free(&ids);
    return rc;
}
static int c_texts_find1(ctx *c)
{
    return texts_find(c, "招");
}
static int c_texts_find2(ctx *c)
{
    return texts_find(c, "招商");
}
static int c_item_stats(ctx *c)
{
    item_stats_list l;
    int rc = query_item_stats(c->st, c->plan, 0, c->item, c->today, &l, NULL);
    item_stats_list_free(&l);
    return rc;
}
static int c_area_item_stats(ctx *c)
{
    item_stats_list l;
    int rc = query_item_stats(c->st, c->plan, c->area, 0, c->today, &l, NULL);
    item_stats_list_free(&l);
    return rc;
}
static int c_area_stats(ctx *c)
{
    area_stats_list l;
    int rc = query_area_stats(c->st, c->plan, c->today, 14, &l, NULL);
    area_stats_list_free(&l);
    return rc;
}
static int c_item_lights(ctx *c)
{
    item_light_list l;
    light_rule rule = {0};
    rule.warn_days = 14;
    int rc = query_item_lights(c->st, c->plan, c->today, &rule, &l, NULL);
    item_light_list_free(&l);
    return rc;
}
/* An area's lights: the front end's load of an area it opens. */
static int c_area_lights(ctx *c)
{
    item_light_list l;
    light_rule rule = {0};
    rule.warn_days = 14;
    int rc = query_area_lights(c->st, c->plan, c->area, c->today, &rule, &l, NULL);
    item_light_list_free(&l);
    return rc;
}
static int c_area_summary(ctx *c)
{
    area_summary_list l;
    light_rule rule = {14};
    int rc = query_area_summary(c->st, c->plan, c->today, 14, &rule, &l, NULL);
    area_summary_list_free(&l);
    return rc;
}
static int c_subtree(ctx *c)
{
    node_list l;
    int rc = node_subtree(c->st, c->area, &l, NULL);
    node_list_free(&l);
    return rc;
}
/* What a fold key reads of a large area at once (vm_open): its first 256
 * rows and their lights. */
#define HEAD_ROWS 256
static int c_subtree_head(ctx *c)
{
    node_list l;
    int rc = node_subtree_head(c->st, c->area, HEAD_ROWS, &l, NULL);
    node_list_free(&l);
    return rc;
}
static int c_area_lights_head(ctx *c)
{
    node_list head;
    item_light_list l;
    light_rule rule = {0};
    rule.warn_days = 14;
    int rc = node_subtree_head(c->st, c->area, HEAD_ROWS, &head, NULL);
    int64_t last = !rc && head.n ? head.v[head.n - 1].id : 0;
    node_list_free(&head);
    rc = rc ? rc : query_area_lights_upto(c->st, c->plan, c->area, last, c->today, &rule, &l, NULL);
    if (!rc)
        item_light_list_free(&l);
    return rc;
}
static int c_plan_get(ctx *c)
{
    plan_info p;
    int rc = plan_get(c->st, c->plan, &p, NULL);
    plan_info_free(&p);
    return rc;
}
static int c_silent(ctx *c)
{
    node_list l;
    int rc = meeting_silent_items(c->st, c->meeting, &l, NULL);
    node_list_free(&l);
    return rc;
}
static int c_changes(ctx *c)
{
    meeting_change_list l;
    int rc = meeting_changes(c->st, c->meeting, &l, NULL);
    meeting_change_list_free(&l);
    return rc;
}
static int c_put_state(ctx *c)
{
    return store_put_state(c->st, c->plan, "folds", (c->k++ & 1) ? "1,2" : "1", NULL);
}
/* One durable upsert transaction on db. */
static int tx_floor_on(ctx *c, sqlite3 *db)
{
    sqlite3_stmt *s;
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    rc |= sqlite3_prepare_v2(db,
                             "INSERT INTO ui_state(plan_id, key, value) VALUES (?1, 'bench', ?2)"
                             " ON CONFLICT(plan_id, key) DO UPDATE SET value = excluded.value",
                             -1, &s, NULL);
    sqlite3_bind_int64(s, 1, c->plan);
    sqlite3_bind_int(s, 2, c->k++);
    rc |= sqlite3_step(s) != SQLITE_DONE;
    sqlite3_finalize(s);
    return rc | sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
}
static int c_tx_floor(ctx *c)
{
    return tx_floor_on(c, c->raw);
}

/* A bare durable transaction changing EDIT_PAGES rows of a table of the
 * floor's file, each on a page of its own (open_side): as many pages as
 * a status edit writes (tests/unit/test_pages_written.c), written as
 * stock SQLite writes them. */
#define EDIT_PAGES 12
static int c_tx_edit_pages(ctx *c)
{
    sqlite3_stmt *s;
    int rc = sqlite3_exec(c->side, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    rc |= sqlite3_prepare_v2(c->side, "UPDATE page_rows SET n = n + 1", -1, &s, NULL);
    rc |= sqlite3_step(s) != SQLITE_DONE;
    sqlite3_finalize(s);
    return rc | sqlite3_exec(c->side, "COMMIT", NULL, NULL, NULL);
}

/* The status key: one edit of the item's status (one durable
 * transaction with its history row), set and set back in turn. */
static int c_status_edit(ctx *c)
{
    edit_result r;
    int rc = edit_apply(c->st, c->item, FIELD_STATUS,
                        (c->edits++ & 1) ? "not_started" : "in_progress", NULL, &r, NULL);
    edit_result_free(&r);
    return rc;
}

/* paired: a durable write, timed in rounds alternating with a floor
 * transaction on a file of its own (open_side), its ratio taken against
 * those floor samples (the shared disk's latency moves between the
 * cases' blocks). */
static const struct bench_case {
    const char *name;
    int (*run)(ctx *);
    int paired;
} cases[] = {
    {"tx_floor", c_tx_floor, 0},
    {"status_edit", c_status_edit, 1},
    {"tx_edit_pages", c_tx_edit_pages, 1},
    {"put_state", c_put_state, 0},
    {"search3", c_search3, 0},
    {"search2", c_search2, 0},
    {"search1", c_search1, 0},
    {"search_words", c_search_words, 0},
    {"candidates3", c_candidates3, 0},
    {"texts_load", c_texts_load, 0},
    {"texts_find1", c_texts_find1, 0},
    {"texts_find2", c_texts_find2, 0},
    {"item_stats", c_item_stats, 0},
    {"area_item_stats", c_area_item_stats, 0},
    {"area_stats", c_area_stats, 0},
    {"plan_get", c_plan_get, 0},
    {"item_lights", c_item_lights, 0},
    {"area_lights", c_area_lights, 0},
    {"subtree", c_subtree, 0},
    {"subtree_head", c_subtree_head, 0},
    {"area_lights_head", c_area_lights_head, 0},
    {"silent", c_silent, 0},
    {"changes", c_changes, 0},
    {"area_summary", c_area_summary, 0},
};

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int scalar(sqlite3 *db, const char *sql, int64_t *out)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(s) == SQLITE_ROW ? 0 : -1;
    if (!rc)
        *out = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc;
}

/* The plan, a middle area, an item in the middle of the plan, and a
 * meeting (the last one; one is started when there is none). */
static int pick(ctx *c, duban_error *err)
{
    if (plan_resolve(c->st, NULL, &c->plan, err))
        return -1;
    if (scalar(c->raw,
               "SELECT id FROM node WHERE depth = 1 ORDER BY sort_key"
               " LIMIT 1 OFFSET (SELECT count(*) / 2 FROM node WHERE depth = 1)",
               &c->area) ||
        scalar(c->raw,
               "SELECT id FROM node WHERE depth = 2 ORDER BY sort_key"
               " LIMIT 1 OFFSET (SELECT count(*) / 2 FROM node WHERE depth = 2)",
               &c->item))
        return -1;
    if (scalar(c->raw, "SELECT id FROM meeting ORDER BY id DESC LIMIT 1", &c->meeting))
        return meeting_start(c->st, c->plan, "bench", "2021-10-01", &c->meeting, err);
    return 0;
}

/* The paired floor's own file, PATH-floor (same directory, same pragmas,
 * a ui_state table): the floor's writes on the plan's own file would
 * empty the store's page cache before every edit, which the front end's
 * keys never see.  Its WAL is written past one checkpoint first, so that
 * the timed commits overwrite it instead of growing the file (a growing
 * file's sync also writes its size).  Removed at the end. */
static int open_side(ctx *c, const char *path, char *side, size_t n)
{
    snprintf(side, n, "%s-floor", path);
    if (sqlite3_open(side, &c->side) != SQLITE_OK ||
        sqlite3_exec(c->side,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                     " CREATE TABLE IF NOT EXISTS ui_state(plan_id INTEGER NOT NULL,"
                     " key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (plan_id, key));"
                     " CREATE TABLE IF NOT EXISTS page_rows(id INTEGER PRIMARY KEY, n INTEGER,"
                     " pad BLOB)",
                     NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    /* rows of 3,900 bytes: one a page (tx_edit_pages) */
    char *fill = sqlite3_mprintf("DELETE FROM page_rows; WITH RECURSIVE k(i) AS (SELECT 1"
                                 " UNION ALL SELECT i + 1 FROM k WHERE i < %d)"
                                 " INSERT INTO page_rows SELECT i, 0, zeroblob(3900) FROM k",
                                 EDIT_PAGES);
    int filled = fill && sqlite3_exec(c->side, fill, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_free(fill);
    if (!filled)
        return -1;
    sqlite3_busy_timeout(c->side, 5000);
    int rc = 0;
    for (int w = 0; w < 1200; w++)
        rc |= tx_floor_on(c, c->side);
    return rc;
}

static void remove_side(ctx *c, const char *side)
{
    char f[4200];
    sqlite3_close(c->side);
    remove(side);
    snprintf(f, sizeof f, "%s-wal", side);
    remove(f);
    snprintf(f, sizeof f, "%s-shm", side);
    remove(f);
}

int main(int argc, char **argv)
{
    const char *path = NULL, *only = NULL, *today = "2021-10-01";
    int rounds = 31;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--today") && i + 1 < argc)
            today = argv[++i];
        else
            path = argv[i];
    }
    if (!path || rounds < 1) {
        fprintf(stderr, "usage: core_bench DB [--rounds N] [--today YYYY-MM-DD] [--only NAME]\n");
        return 2;
    }
    ctx c = {0};
    duban_error err = {0};
    if (date_parse(today, &c.today, &err) || store_open(path, 0, &c.st, &err) ||
        sqlite3_open(path, &c.raw) != SQLITE_OK || pick(&c, &err)) {
        fprintf(stderr, "core_bench: %s: %s\n", path, err.msg[0] ? err.msg : "cannot set up");
        return 1;
    }
    sqlite3_busy_timeout(c.raw, 5000);
    sqlite3_exec(c.raw, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
    char side[4096];
    if (open_side(&c, path, side, sizeof side)) {
        fprintf(stderr, "core_bench: %s: cannot set up the floor's file\n", side);
        return 1;
    }
    double *t = malloc(rounds * sizeof *t), *cpu = malloc(rounds * sizeof *cpu),
           *pf = malloc(rounds * sizeof *pf), floor_us = 0;
    printf("%-16s %10s %10s %8s %10s\n", "case", "median_us", "p95_us", "x_floor", "cpu_us");
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        if (only && strcmp(only, cases[k].name) && strcmp(cases[k].name, "tx_floor"))
            continue;
        int failed = 0;
        /* a paired case's writes first fill the store's WAL past one
         * checkpoint, as open_side() does the floor's: timed commits then
         * overwrite the file as the floor's do (a growing WAL's sync also
         * writes its size: about 170 us more an edit on this machine) */
        for (int w = 0; w < (cases[k].paired ? 150 : 3); w++)
            failed |= cases[k].run(&c);
        for (int r = 0; r < rounds; r++) {
            if (cases[k].paired) {
                double f0 = clock_us(CLOCK_MONOTONIC);
                failed |= tx_floor_on(&c, c.side);
                pf[r] = clock_us(CLOCK_MONOTONIC) - f0;
            }
            double t0 = clock_us(CLOCK_MONOTONIC), c0 = clock_us(CLOCK_PROCESS_CPUTIME_ID);
            failed |= cases[k].run(&c);
            t[r] = clock_us(CLOCK_MONOTONIC) - t0;
            cpu[r] = clock_us(CLOCK_PROCESS_CPUTIME_ID) - c0;
        }
        double base = floor_us;
        if (cases[k].paired) {
            qsort(pf, rounds, sizeof *pf, cmp_double);
            base = pf[rounds / 2];
        }
        qsort(t, rounds, sizeof *t, cmp_double);
        qsort(cpu, rounds, sizeof *cpu, cmp_double);
        double med = t[rounds / 2],
               p95 = t[(rounds * 95) / 100 < rounds ? (rounds * 95) / 100 : rounds - 1];
        if (k == 0)
            floor_us = med;
        printf("%-16s %10.0f %10.0f %8.2f %10.0f%s\n", cases[k].name, med, p95,
               k == 0     ? 1.0
               : base > 0 ? med / base
                          : 0,
               cpu[rounds / 2], failed ? "  FAILED" : "");
    }
    free(t);
    free(cpu);
    search_texts_free(c.texts);
    free(pf);
    remove_side(&c, side);
    sqlite3_close(c.raw);
    store_close(c.st);
    return 0;
}
