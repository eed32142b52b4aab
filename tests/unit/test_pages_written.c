/* The pages a status edit writes (issue 15).  Each page a transaction
 * changes is a frame of the WAL, written and synced at its commit: about
 * 20 us a frame on the bench's machine (bench/RESULTS.md), more than the
 * rest of an edit.  So a status edit changes each b-tree it touches in
 * one page (no index entry moved to another leaf, which splits or merges
 * leaves), and leaves alone what it has nothing to change.  A guard on
 * the pages, not a timer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "store/store_internal.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define WAL_HEADER 32
#define FRAME_HEADER 24

/* Many items of one area, all due the same day with the same status: the
 * index entries of one (plan, date) span many leaves of node_late. */
static int setup(void **state)
{
    fixture_setup(state);
    fixture *f = *state;
    char *sql = sqlite3_mprintf(
        "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 1500)"
        " INSERT INTO node(plan_id, parent_id, depth, seq, ref, sort_key, title, due)"
        " SELECT %lld, a.id, 2, 100 + i, '1.' || (100 + i), a.sort_key || '.' || (10000 + i),"
        " '第' || i || '项重点工作：推进乡村振兴和基础设施建设，按季度报送进展', '2021-12-31'"
        " FROM k, node a WHERE a.plan_id = %lld AND a.ref = '1';"
        "DELETE FROM area_summary_memo;",
        (long long)f->plan, (long long)f->plan);
    assert_int_equal(sqlite3_exec(f->st->db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(sql);
    sqlite3_wal_autocheckpoint(f->st->db, 0); /* frames only ever appended */
    return 0;
}

static long wal_size(fixture *f)
{
    char path[4096];
    snprintf(path, sizeof path, "%s-wal", sqlite3_db_filename(f->st->db, "main"));
    struct stat sb;
    return stat(path, &sb) ? 0 : (long)sb.st_size;
}

/* The b-tree (table or index) of each frame from byte `from` of the WAL
 * on, "name name ..." in frame order. */
static char *trees_written(fixture *f, long from)
{
    char path[4096];
    snprintf(path, sizeof path, "%s-wal", sqlite3_db_filename(f->st->db, "main"));
    FILE *wal = fopen(path, "rb");
    assert_non_null(wal);
    int page_size = 0;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(f->st->db, "PRAGMA page_size", -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    page_size = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    assert_int_equal(
        sqlite3_prepare_v2(f->st->db, "SELECT name FROM dbstat WHERE pageno = ?", -1, &s, NULL),
        SQLITE_OK);
    size_t cap = 4096, len = 0;
    char *out = calloc(1, cap);
    long at = from < WAL_HEADER ? WAL_HEADER : from;
    unsigned char h[FRAME_HEADER];
    while (!fseek(wal, at, SEEK_SET) && fread(h, 1, sizeof h, wal) == sizeof h) {
        unsigned page = (unsigned)h[0] << 24 | (unsigned)h[1] << 16 | (unsigned)h[2] << 8 | h[3];
        sqlite3_bind_int64(s, 1, page);
        const char *name =
            sqlite3_step(s) == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : "(free)";
        len += (size_t)snprintf(out + len, cap - len, "%s ", name);
        assert_true(len < cap);
        sqlite3_reset(s);
        at += FRAME_HEADER + page_size;
    }
    sqlite3_finalize(s);
    fclose(wal);
    return out;
}

static int times_in(const char *list, const char *name)
{
    int n = 0;
    size_t len = strlen(name);
    for (const char *p = list; (p = strstr(p, name)); p += len)
        if ((p == list || p[-1] == ' ') && p[len] == ' ')
            n++;
    return n;
}

static void a_status_edit_writes_one_page_of_each_tree(void **state)
{
    fixture *f = *state;
    /* the first edit makes the item's history, its last report and their
     * leaves; the measured one is an edit like every later one */
    fixture_edit(f, "1.850", FIELD_STATUS, "in_progress", NULL);
    fixture_edit(f, "1.850", FIELD_STATUS, "not_started", NULL);
    long from = wal_size(f);
    fixture_edit(f, "1.850", FIELD_STATUS, "in_progress", NULL);
    char *trees = trees_written(f, from);
    print_message("pages written: %s\n", trees);
    const char *once[] = {"node", "node_late", "node_listing", "node_stats", "history"};
    for (size_t i = 0; i < sizeof once / sizeof once[0]; i++)
        if (times_in(trees, once[i]) != 1)
            fail_msg("%s: %d pages, 1 wanted (%s)", once[i], times_in(trees, once[i]), trees);
    if (times_in(trees, "area_summary_memo"))
        fail_msg("an empty area_summary_memo was written (%s)", trees);
    free(trees);
}

static void edit_status(fixture *f)
{
    fixture_edit(f, "1.850", FIELD_STATUS, "in_progress", NULL);
}

/* The number of OpenEphemeral instructions in sql's program, its
 * triggers' programs included (EXPLAIN lists them). */
static int temporary_trees(fixture *f, const char *sql)
{
    char *explain = sqlite3_mprintf("EXPLAIN %s", sql);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(f->st->db, explain, -1, &s, NULL) != SQLITE_OK)
        fail_msg("cannot explain %s: %s", sql, sqlite3_errmsg(f->st->db));
    int n = 0;
    while (sqlite3_step(s) == SQLITE_ROW)
        n += !strcmp((const char *)sqlite3_column_text(s, 1), "OpenEphemeral");
    sqlite3_finalize(s);
    sqlite3_free(explain);
    return n;
}

/* SQLite tests `x IN (three constants or more)` by building a temporary
 * b-tree of them at each test: in history's CHECK and the last-report
 * trigger that was a fifth of a status edit's instructions (migration
 * 22 writes both as ORs).  No statement of a status edit builds one, and
 * the CHECK still refuses an action it does not know. */
static void a_status_edit_builds_no_temporary_tree(void **state)
{
    fixture *f = *state;
    test_caught c;
    test_catch_statements(f, edit_status, &c);
    assert_true(c.n > 0);
    for (int i = 0; i < c.n; i++) {
        if (temporary_trees(f, c.sql[i]))
            fail_msg("a temporary b-tree in: %s", c.sql[i]);
        free(c.sql[i]);
    }
    assert_int_equal(sqlite3_exec(f->st->db,
                                  "INSERT INTO history(plan_id, node_id, at, action, field)"
                                  " SELECT plan_id, id, '2021-10-01', 'edited', 'status'"
                                  " FROM node WHERE ref = '1.850'",
                                  NULL, NULL, NULL),
                     SQLITE_CONSTRAINT);
}

/* A kept count is still forgotten by the edit. */
static void a_kept_count_is_forgotten(void **state)
{
    fixture *f = *state;
    assert_int_equal(sqlite3_exec(f->st->db,
                                  "INSERT INTO area_summary_memo(plan_id, memo_key, numbers)"
                                  " VALUES (1, 'k', 'n')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    fixture_edit(f, "1.850", FIELD_STATUS, "in_progress", NULL);
    sqlite3_stmt *s;
    assert_int_equal(
        sqlite3_prepare_v2(f->st->db, "SELECT count(*) FROM area_summary_memo", -1, &s, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 0);
    sqlite3_finalize(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_status_edit_writes_one_page_of_each_tree, setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_kept_count_is_forgotten, setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(a_status_edit_builds_no_temporary_tree, setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
