/* Out of memory on every allocation in turn: the importer, the deadline
 * and target scanners, the configuration reader and the output paths
 * (sanitiser, wrapping, tables in every format, JSON and Markdown
 * escaping) must fail cleanly with an error, never crash, and (under the
 * asan preset) leak nothing.  Linked with -Wl,--wrap=malloc,... so that
 * allocation number N of a scenario returns NULL (tests/CMakeLists.txt). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "config/config.h"
#include "edit/decision.h"
#include "edit/edit.h"
#include "edit/meeting.h"
#include "edit/meeting_room.h"
#include "report/minutes_internal.h"
#include "query/query.h"
#include "report/report.h"
#include "import/import.h"
#include "plan/deadline.h"
#include "plan/target.h"
#include "store/store_internal.h"
#include "testutil.h"
#include "text/table.h"
#include "text/textwidth.h"

#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static long countdown = -1; /* the allocation that fails: 0 the next; -1 none */
static int failed;          /* one did */

static int fail_now(void)
{
    if (countdown < 0)
        return 0;
    if (countdown-- == 0) {
        failed = 1;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n)
{
    return fail_now() ? NULL : __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t m)
{
    return fail_now() ? NULL : __real_calloc(n, m);
}
void *__wrap_realloc(void *p, size_t n)
{
    return fail_now() ? NULL : __real_realloc(p, n);
}
char *__wrap_strdup(const char *s)
{
    return fail_now() ? NULL : __real_strdup(s);
}
char *__wrap_strndup(const char *s, size_t n)
{
    return fail_now() ? NULL : __real_strndup(s, n);
}

/* Runs scenario with allocation 0, 1, 2, ... failing until it runs
 * through without reaching the failing one; every run with a failure must
 * return an error.  fresh (may be NULL) runs before each run, uncounted.
 * Returns the number of allocations it needs. */
static long every_allocation_after(const char *what, int (*scenario)(void), void (*fresh)(void))
{
    for (long n = 0;; n++) {
        if (fresh)
            fresh();
        failed = 0;
        countdown = n;
        int rc = scenario();
        countdown = -1;
        if (!failed) {
            assert_int_equal(rc, DUBAN_OK);
            return n;
        }
        if (rc == DUBAN_OK)
            fail_msg("%s: allocation %ld failed and it still said OK", what, n);
    }
}

static long every_allocation(const char *what, int (*scenario)(void))
{
    return every_allocation_after(what, scenario, NULL);
}

/* The scenarios on a database share one store (st) instead of opening a
 * new one for each run: making the schema anew (store_open of ":memory:")
 * cost most of every run, hundreds of times.  Before each run the empty
 * database made once (blank) is copied over st with SQLite's backup API
 * and st's statement cache is emptied, so every run starts from the same
 * state and allocates in the same order; SQLite's own allocations are not
 * counted (only core's calls are wrapped).  A run that left a statement
 * or a transaction open makes the copy fail.  store_open's and
 * store_close's own allocations fail in turn in open_scenario. */
static store *blank, *st;

static int open_scenario(void)
{
    duban_error err = {0};
    store *s = NULL;
    int rc = store_open(":memory:", STORE_CREATE, &s, &err);
    store_close(s);
    return rc;
}

static void open_stores(void)
{
    assert_int_equal(store_open(":memory:", STORE_CREATE, &blank, NULL), DUBAN_OK);
    assert_int_equal(store_open(":memory:", STORE_CREATE, &st, NULL), DUBAN_OK);
}

static void close_stores(void)
{
    store_close(st);
    store_close(blank);
    st = blank = NULL;
}

/* st made a copy of from, its statement cache emptied. */
static void copy_store(store *from)
{
    db_cache_clear(st);
    assert_int_equal(st->batch, 0);
    st->statuses = *status_defaults();
    sqlite3_backup *b = sqlite3_backup_init(st->db, "main", from->db, "main");
    assert_non_null(b);
    assert_int_equal(sqlite3_backup_step(b, -1), SQLITE_DONE);
    assert_int_equal(sqlite3_backup_finish(b), SQLITE_OK);
}

static void fresh_store(void)
{
    copy_store(blank);
}

static char *seed;
static size_t seed_len;

static int import_scenario(void)
{
    plan_doc doc;
    duban_error err = {0};
    int rc = import_parse("seed.plan", seed, seed_len, 0, 0, &doc, &err);
    if (!rc)
        plan_doc_free(&doc);
    return rc;
}

static int scan_scenario(void)
{
    doc_milestone *ms = NULL;
    size_t n = 0;
    int rc = deadline_scan("确保冰雪体育活动中心项目年内开工，三季度完成，10月底前验收。", 2021,
                           &ms, &n);
    for (size_t i = 0; i < n; i++) {
        free(ms[i].phrase);
        free(ms[i].word);
    }
    free(ms);
    target_hit *hits = NULL;
    size_t nh = 0;
    if (!rc)
        rc = target_scan("新时代美丽乡村17个，城镇登记失业率控制在2%以内，收入超150万元。", &hits,
                         &nh);
    target_hits_free(hits, nh);
    return rc;
}

static const config_action actions[] = {{"quit", {'q', 0}}, {"move_down", {'j', 0}}};

static int config_scenario(void)
{
    duban_config *cfg = NULL;
    duban_error err = {0};
    int rc = config_load(NULL, NULL, actions, 2, &cfg, &err);
    config_free(cfg);
    return rc;
}

static int text_scenario(void)
{
    static const char s[] =
        "海盐\033]52;c;x\a“引号”<b>&</b> a long line of Latin words, 再来一段中文。";
    char *clean = text_sanitize(s), *fit = text_fit(s, 12, NULL);
    char **lines = NULL;
    size_t count = 0;
    int rc = !clean || !fit ? DUBAN_ENOMEM : text_wrap(s, 10, NULL, &lines, &count);
    text_lines_free(lines, count);
    free(clean);
    free(fit);
    static const table_column cols[] = {{"ref", "REF", 0}, {"title", "标题", 0}, {"n", "N", 1}};
    table t;
    table_init(&t, cols, 3);
    for (int i = 0; !rc && i < 3; i++)
        rc = table_add_row(&t, (const char *[]){"1.1", s, "7"});
    for (int f = FORMAT_TEXT; !rc && f <= FORMAT_MD; f++) {
        strbuf sb = {0};
        rc = table_render(&t, (enum table_format)f, NULL, &sb);
        strbuf_free(&sb);
    }
    table_free(&t);
    strbuf sb = {0};
    if (!rc)
        rc = json_append_string(&sb, s) || md_append_text(&sb, s) ? DUBAN_ENOMEM : DUBAN_OK;
    strbuf_free(&sb);
    return rc;
}

/* A database (fresh_store()): store the plan.  Then, on a copy of the
 * database that holds it (fresh_seeded_store()): edit, undo, list,
 * report.  Two scenarios, not one: storing the plan takes a few of core's
 * allocations but much of SQLite's work (its statements, the search
 * index), which one scenario repeated in each of the ~1,000 runs that fail
 * an allocation after it. */
static plan_doc seed_doc; /* the seed imported once (import_scenario fails its allocations) */
static store *seeded;     /* blank with one plan stored (seed_doc, small) */
static int64_t seeded_plan;

static int store_scenario(void)
{
    duban_error err = {0};
    int64_t plan = 0;
    return store_add_plan(st, &seed_doc, &plan, &err);
}

static void fresh_seeded_store(void)
{
    copy_store(seeded);
}

/* seeded made: a new database holding doc, stored uncounted. */
static void open_seeded(plan_doc *doc)
{
    assert_int_equal(store_open(":memory:", STORE_CREATE, &seeded, NULL), DUBAN_OK);
    assert_int_equal(store_add_plan(seeded, doc, &seeded_plan, NULL), DUBAN_OK);
}

static void close_seeded(void)
{
    store_close(seeded);
    seeded = NULL;
}

static int edit_scenario(void)
{
    duban_error err = {0};
    int64_t plan = seeded_plan;
    node_list nodes = {0};
    int rc = node_all(st, plan, &nodes, &err);
    edit_result r = {0};
    if (!rc && nodes.n > 1)
        rc = edit_apply(st, nodes.v[1].id, FIELD_STATUS, "done", "进展<b>", &r, &err);
    edit_result_free(&r);
    if (!rc)
        rc = edit_undo(st, plan, &r, &err);
    edit_result_free(&r);
    node_list_free(&nodes);
    overdue_list od;
    if (!rc && !(rc = query_overdue(st, plan, date_from_ymd(2021, 10, 1), &od, &err)))
        overdue_list_free(&od);
    for (int f = FORMAT_TEXT; !rc && f <= FORMAT_MD; f++) {
        strbuf sb = {0};
        rc = report_render(st, plan, LIGHT_BY_UNIT, (enum table_format)f,
                           date_from_ymd(2021, 10, 1), NULL, NULL, &sb, &err);
        strbuf_free(&sb);
    }
    return rc;
}

/* A meeting on the small plan (stored once: fresh_seeded_store()): a
 * decision that becomes a tracked item (and the area of decisions), one
 * about an item, the end with its frozen minutes in every format, the
 * kept blocks read back. */
static plan_doc small; /* test_small_doc(), made before counting */

static int meeting_scenario(void)
{
    duban_error err = {0};
    int64_t plan = seeded_plan, mid = 0;
    int rc = meeting_start(st, plan, "第三次推进会", "2021-10-01", &mid, &err);
    decision_added d;
    if (!rc)
        rc = decision_add(st, plan, "制定方案\n细则另附", "县发改局", "2021-11-30", 0, &d, &err);
    node n = {0};
    if (!rc && !(rc = node_by_ref(st, plan, "1.2", &n, &err)))
        rc = decision_add(st, plan, "加快", "县商务局", "2021-12-31", n.id, &d, &err);
    node_free(&n);
    if (!rc)
        rc = meeting_end(st, plan, &err);
    if (!rc)
        rc = minutes_freeze(st, mid, date_from_ymd(2021, 10, 1), NULL, "督查室", NULL, &err);
    char *body = NULL;
    if (!rc)
        rc = meeting_minutes_get(st, mid, "doc", &body, &err);
    minutes_doc md;
    if (!rc && body && !(rc = minutes_doc_decode(body, &md, &err)))
        minutes_doc_free(&md);
    free(body);
    return rc;
}

static void meeting_fails_cleanly(void **state)
{
    (void)state;
    test_small_doc(&small);
    open_stores();
    open_seeded(&small);
    long n = every_allocation_after("meeting", meeting_scenario, fresh_seeded_store);
    close_seeded();
    close_stores();
    print_message("meeting: %ld allocations, each failed once\n", n);
    plan_doc_free(&small);
    assert_true(n > 100);
}

static void store_fails_cleanly(void **state)
{
    (void)state;
    seed = test_read_file(DUBAN_SEED_PATH, &seed_len);
    assert_int_equal(import_parse("seed.plan", seed, seed_len, 0, 0, &seed_doc, NULL), DUBAN_OK);
    assert_true(every_allocation("open", open_scenario) > 1);
    open_stores();
    long n = every_allocation_after("store", store_scenario, fresh_store);
    print_message("store: %ld allocations, each failed once\n", n);
    assert_true(n > 10);
    open_seeded(&seed_doc);
    n = every_allocation_after("edit", edit_scenario, fresh_seeded_store);
    print_message("edit, undo, list, report: %ld allocations, each failed once\n", n);
    assert_true(n > 100);
    close_seeded();
    close_stores();
    plan_doc_free(&seed_doc);
    free(seed);
}

static void import_fails_cleanly(void **state)
{
    (void)state;
    seed = test_read_file(DUBAN_SEED_PATH, &seed_len);
    long n = every_allocation("import", import_scenario);
    print_message("import: %ld allocations, each failed once\n", n);
    assert_true(n > 100);
    free(seed);
}

static void scanners_fail_cleanly(void **state)
{
    (void)state;
    assert_true(every_allocation("scan", scan_scenario) > 3);
}

static void config_fails_cleanly(void **state)
{
    (void)state;
    assert_true(every_allocation("config", config_scenario) > 10);
}

static void outputs_fail_cleanly(void **state)
{
    (void)state;
    assert_true(every_allocation("text", text_scenario) > 10);
}

/* SQLite's own allocations through the real allocator: SQLite is linked
 * from its archive (cmake/static_deps.cmake), so --wrap reaches its
 * calls too, and SQLite gets over some failures by itself (a smaller
 * cache, no lookaside) where core must not.  Each block carries its
 * size before it, as SQLite's own allocator does. */
static void *sqlite_malloc(int n)
{
    int64_t *p = __real_malloc((size_t)n + 8);
    if (p)
        *p++ = n;
    return p;
}
static void sqlite_free(void *p)
{
    if (p)
        free((int64_t *)p - 1);
}
static void *sqlite_realloc(void *p, int n)
{
    int64_t *q = __real_realloc((int64_t *)p - 1, (size_t)n + 8);
    if (q)
        *q++ = n;
    return q;
}
static int sqlite_size(void *p)
{
    return p ? (int)((int64_t *)p)[-1] : 0;
}
static int sqlite_roundup(int n)
{
    return (n + 7) & ~7;
}
static int sqlite_init(void *app)
{
    (void)app;
    return SQLITE_OK;
}
static void sqlite_shutdown(void *app)
{
    (void)app;
}

int main(void)
{
    static const sqlite3_mem_methods real = {
        sqlite_malloc,  sqlite_free, sqlite_realloc,  sqlite_size,
        sqlite_roundup, sqlite_init, sqlite_shutdown, NULL};
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &real) != SQLITE_OK)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(import_fails_cleanly), cmocka_unit_test(scanners_fail_cleanly),
        cmocka_unit_test(config_fails_cleanly), cmocka_unit_test(outputs_fail_cleanly),
        cmocka_unit_test(store_fails_cleanly),  cmocka_unit_test(meeting_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
