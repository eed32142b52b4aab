/* Store: creation, migrations, refusals, plans (UI state: test_ui_state.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "query/query.h"
#include "store/schema.h"
#include "edit/check.h"
#include "import/import.h"
#include "plan/date.h"
#include "store/builtin.h"
#include "edit/edit.h"
#include "plan/target.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "testutil.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int pragma_int(const char *path, const char *pragma)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, pragma, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

static void create_migrates_to_current_version(void **state)
{
    char path[1024];
    test_path_in(path, sizeof path, *state, "new.db");
    store *st;
    duban_error err;
    assert_int_equal(store_open(path, STORE_CREATE, &st, &err), DUBAN_OK);
    store_close(st);
    assert_true(store_schema_version() >= 1);
    assert_int_equal(pragma_int(path, "PRAGMA user_version"), store_schema_version());
    /* reopening an up-to-date database changes nothing */
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_OK);
    store_close(st);
    assert_int_equal(pragma_int(path, "PRAGMA user_version"), store_schema_version());
}

static void missing_file_without_create_is_not_found(void **state)
{
    char path[1024];
    test_path_in(path, sizeof path, *state, "absent.db");
    store *st;
    duban_error err;
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_ENOTFOUND);
    assert_null(st);
    assert_non_null(strstr(err.msg, "absent.db"));
}

static void missing_directory_is_io_error(void **state)
{
    char path[1024];
    test_path_in(path, sizeof path, *state, "no/such/dir/x.db");
    store *st;
    duban_error err;
    assert_int_equal(store_open(path, STORE_CREATE, &st, &err), DUBAN_EIO);
    assert_non_null(strstr(err.msg, "does not exist"));
}

static void newer_database_is_refused_and_untouched(void **state)
{
    char path[1024];
    test_path_in(path, sizeof path, *state, "future.db");
    test_exec_sql(path, "CREATE TABLE plan(id INTEGER PRIMARY KEY); PRAGMA user_version = 999;");
    store *st;
    duban_error err;
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_ENEWER);
    assert_null(st);
    assert_non_null(strstr(err.msg, "999"));
    assert_non_null(strstr(err.msg, "future.db"));
    assert_int_equal(pragma_int(path, "PRAGMA user_version"), 999);
    /* not switched to WAL either: nothing was written */
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_stmt *s;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(s, 0), "delete");
    sqlite3_finalize(s);
    sqlite3_close(db);
}

static void foreign_and_garbage_files_are_refused(void **state)
{
    char path[1024];
    test_path_in(path, sizeof path, *state, "other.db");
    test_exec_sql(path, "CREATE TABLE photos(x);");
    store *st;
    duban_error err;
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_EDB);
    assert_non_null(strstr(err.msg, "not a duban database"));
    test_path_in(path, sizeof path, *state, "garbage.db");
    FILE *f = fopen(path, "wb");
    for (int i = 0; i < 200; i++)
        fputs("this is not sqlite ", f);
    fclose(f);
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_EDB);
    assert_non_null(strstr(err.msg, "garbage.db"));
}

static void wal_and_foreign_keys_are_on(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    store_close(st);
    char path[1024];
    test_path_in(path, sizeof path, *state, "t.db");
    test_pragma_is(path, "journal_mode", "wal");
}

/* The rows of sql on the file at path, as text (heap). */
static int append_row(void *sb, int n, char **cols, char **names)
{
    (void)names;
    for (int i = 0; i < n; i++)
        strbuf_printf(sb, "%s|", cols[i] ? cols[i] : "NULL");
    return strbuf_appendc(sb, '\n');
}
static char *query_text(const char *path, const char *sql)
{
    sqlite3 *db;
    strbuf sb = {0};
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, append_row, &sb, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(strbuf_appendc(&sb, '\0'), 0);
    return strbuf_take(&sb);
}

/* STORE_BUILD writes a new file only, with no WAL beside it (the pages
 * are written once); the next open turns WAL on. */
static void a_build_writes_a_new_file_without_wal(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    store_close(st);
    char path[1024], built[1024], wal[1100];
    test_path_in(path, sizeof path, *state, "t.db");
    duban_error err = {0};
    assert_int_equal(store_open(path, STORE_CREATE | STORE_BUILD, &st, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "t.db: exists"));
    test_pragma_is(path, "journal_mode", "wal");
    test_path_in(built, sizeof built, *state, "b.db");
    assert_int_equal(store_open(built, STORE_BUILD, &st, &err), DUBAN_EINVAL);
    assert_int_equal(access(built, F_OK), -1);

    assert_int_equal(store_open(built, STORE_CREATE | STORE_BUILD, &st, &err), DUBAN_OK);
    plan_doc doc;
    test_small_doc(&doc);
    assert_int_equal(store_begin(st, &err), DUBAN_OK);
    assert_int_equal(store_add_plan(st, &doc, &plan, &err), DUBAN_OK);
    sqlite3_stmt *cache;
    assert_int_equal(sqlite3_prepare_v2(st->db, "PRAGMA cache_size", -1, &cache, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(cache), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(cache, 0), -1048576); /* the build's batch cache */
    sqlite3_finalize(cache);
    snprintf(wal, sizeof wal, "%s-wal", built);
    assert_int_equal(access(wal, F_OK), -1);
    assert_int_equal(store_commit(st, &err), DUBAN_OK);
    plan_doc_free(&doc);
    store_close(st);
    test_pragma_is(built, "journal_mode", "delete");
    test_pragma_is(built, "page_size", "2048");
    assert_int_equal(store_open(built, 0, &st, &err), DUBAN_OK);
    store_close(st);
    test_pragma_is(built, "journal_mode", "wal");
    /* the same schema (node's indexes made again after the rows) and rows
     * as the plan added to an ordinary store */
    static const char *const same[] = {
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
        "SELECT id, plan_id, parent_id, depth, seq, ref, sort_key, title, status, due, length(gid)"
        " FROM node ORDER BY id",
        "SELECT count(DISTINCT gid) FROM node", "SELECT * FROM milestone ORDER BY id"};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        char *a = query_text(path, same[i]), *b = query_text(built, same[i]);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
}

/* A materialised subquery's page cache starts empty (store_open): with
 * SQLite's default each one laid out 20 pages at once (~86 KB), a page
 * fault a page on a virtual machine even when the table holds one row. */
static void materialised_tables_start_small(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(st->db,
                                        "WITH a AS MATERIALIZED (SELECT 1 AS x),"
                                        " b AS MATERIALIZED (SELECT x + 1 AS x FROM a),"
                                        " c AS MATERIALIZED (SELECT x + 1 AS x FROM b)"
                                        " SELECT (SELECT x FROM c), (SELECT count(*) FROM b)",
                                        -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_int64 before, now, high;
    assert_int_equal(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &before, &high, 1), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 3);
    assert_int_equal(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &now, &high, 0), SQLITE_OK);
    sqlite3_finalize(s);
    /* three tables: ~260 KB at the peak with the default, a few KB without */
    assert_true(high - before < 64 * 1024);
    store_close(st);
}

static void plan_is_stored_as_a_tree(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    duban_error err;
    node_list all;
    assert_int_equal(node_all(st, plan, &all, &err), DUBAN_OK);
    assert_int_equal(all.n, 7);
    const char *refs[] = {"1", "1.1", "1.2", "1.2.1", "1.2.2", "2", "2.1"};
    for (size_t i = 0; i < all.n; i++)
        assert_string_equal(all.v[i].ref, refs[i]);
    assert_int_equal(all.v[3].depth, NODE_SUBITEM);
    assert_int_equal(all.v[2].children, 2);
    assert_string_equal(all.v[1].status, "not_started");
    node_list_free(&all);
    node n;
    assert_int_equal(node_by_ref(st, plan, "1.2.2", &n, &err), DUBAN_OK);
    assert_string_equal(n.title, "子项二");
    node_free(&n);
    assert_int_equal(node_by_ref(st, plan, "9.9", &n, &err), DUBAN_ENOTFOUND);
    assert_non_null(strstr(err.msg, "9.9"));
    milestone_list ms;
    assert_int_equal(node_by_ref(st, plan, "1.1", &n, &err), DUBAN_OK);
    assert_int_equal(node_milestones(st, n.id, &ms, &err), DUBAN_OK);
    assert_int_equal(ms.n, 1);
    assert_string_equal(ms.v[0].due, "2021-07-31");
    assert_string_equal(ms.v[0].word, "7月底");
    milestone_list_free(&ms);
    node_free(&n);
    store_close(st);
}

static void plans_side_by_side_and_resolve(void **state)
{
    int64_t first, second, id;
    store *st = test_small_store(*state, &first);
    plan_doc doc;
    test_small_doc(&doc);
    free(doc.title);
    doc.title = strdup("另一个计划");
    duban_error err;
    assert_int_equal(store_add_plan(st, &doc, &second, &err), DUBAN_OK);
    plan_doc_free(&doc);
    assert_int_equal(plan_resolve(st, NULL, &id, &err), DUBAN_OK);
    assert_int_equal(id, second); /* default: most recent */
    assert_int_equal(plan_resolve(st, "测试", &id, &err), DUBAN_OK);
    assert_int_equal(id, first);
    char num[16];
    snprintf(num, sizeof num, "%lld", (long long)first);
    assert_int_equal(plan_resolve(st, num, &id, &err), DUBAN_OK);
    assert_int_equal(id, first);
    assert_int_equal(plan_resolve(st, "没有", &id, &err), DUBAN_ENOTFOUND);
    plan_list pl;
    assert_int_equal(plan_list_all(st, &pl, &err), DUBAN_OK);
    assert_int_equal(pl.n, 2);
    assert_int_equal(pl.v[0].items, 5);
    assert_int_equal(pl.v[0].areas, 2);
    plan_list_free(&pl);
    store_close(st);
}

/* A database left at schema 1 by an older duban is migrated in place and
 * keeps its data; its plans gain the targets found in their text. */
static void old_database_is_upgraded_with_its_data(void **state)
{
    char path[1024], sql[2048];
    test_path_in(path, sizeof path, *state, "v1.db");
    test_exec_sql(path, schema_migration(1));
    snprintf(sql, sizeof sql,
             "INSERT INTO plan(id, title, year, period_start, period_end, imported_at)"
             " VALUES (1, '旧计划', 2021, '2021-07-01', '2021-12-31', '2021-07-01T00:00:00Z');"
             "INSERT INTO node(id, plan_id, depth, seq, ref, sort_key, title, body, status, due)"
             " VALUES (1, 1, 1, 1, '1', '00001', '方面', '', 'not_started', '2021-12-31'),"
             " (2, 1, 2, 1, '1.1', '00001.00001', '美丽乡村', '确保创建新时代美丽乡村17个。',"
             " 'in_progress', '2021-12-31');"
             "PRAGMA user_version = 1;");
    test_exec_sql(path, sql);
    store *st;
    duban_error err;
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_OK);
    assert_int_equal(pragma_int(path, "PRAGMA user_version"), store_schema_version());
    node n;
    assert_int_equal(node_by_ref(st, 1, "1.1", &n, &err), DUBAN_OK);
    assert_string_equal(n.status, "in_progress");
    assert_string_equal(n.extended_due, "");
    target_list tl;
    assert_int_equal(node_targets(st, n.id, &tl, &err), DUBAN_OK);
    assert_int_equal(tl.n, 1);
    target_list_free(&tl);
    node_free(&n);
    store_close(st);
}

/* A schema-2 database with edits and an undo: after the upgrade the undo
 * state is filled from the history, so redo and undo carry on. */
static void upgrade_keeps_undo_and_redo(void **state)
{
    char path[1024];
    test_path_in(path, sizeof path, *state, "v2.db");
    test_exec_sql(path, schema_migration(1));
    test_exec_sql(path, schema_migration(2));
    test_exec_sql(
        path, "INSERT INTO plan(id, title, year, period_start, period_end, imported_at)"
              " VALUES (1, 'p', 2021, '2021-07-01', '2021-12-31', 't');"
              "INSERT INTO node(id, plan_id, depth, seq, ref, sort_key, title, status, unit)"
              " VALUES (1, 1, 1, 1, '1', '00001', 'a', 'not_started', ''),"
              " (2, 1, 2, 1, '1.1', '00001.00001', 'b', 'done', '');"
              "INSERT INTO history(id, plan_id, node_id, at, action, target_id, field, old_value,"
              " new_value) VALUES"
              " (1, 1, 2, 't', 'edit', NULL, 'status', 'not_started', 'in_progress'),"
              " (2, 1, 2, 't', 'edit', NULL, 'status', 'in_progress', 'done'),"
              " (3, 1, 2, 't', 'edit', NULL, 'unit', '', '县发改局'),"
              " (4, 1, 2, 't', 'undo', 3, 'unit', '县发改局', '');"
              "PRAGMA user_version = 2;");
    store *st;
    duban_error err;
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_OK);
    int undo, redo;
    assert_int_equal(edit_undo_depth(st, 1, &undo, &redo, &err), DUBAN_OK);
    assert_int_equal(undo, 2);
    assert_int_equal(redo, 1);
    edit_result r;
    assert_int_equal(edit_redo(st, 1, &r, &err), DUBAN_OK);
    assert_string_equal(r.field, "unit");
    edit_result_free(&r);
    assert_int_equal(edit_undo(st, 1, &r, &err), DUBAN_OK);
    assert_string_equal(r.field, "unit");
    edit_result_free(&r);
    assert_int_equal(edit_undo(st, 1, &r, &err), DUBAN_OK);
    assert_string_equal(r.new_value, "done");
    edit_result_free(&r);
    node n;
    assert_int_equal(node_by_ref(st, 1, "1.1", &n, &err), DUBAN_OK);
    assert_string_equal(n.status, "in_progress");
    node_free(&n);
    /* history is append-only again after the backfill */
    store_close(st);
    sqlite3 *db;
    sqlite3_open(path, &db);
    assert_int_not_equal(sqlite3_exec(db, "UPDATE history SET note = 'x'", NULL, NULL, NULL),
                         SQLITE_OK);
    sqlite3_close(db);
}

/* Migration 4 rebuilds the search index with unit and leader: the old
 * rows, their notes and their unit are found after the upgrade. */
static void upgrade_rebuilds_the_search_index(void **state)
{
    char path[1024];
    test_path_in(path, sizeof path, *state, "v3.db");
    for (int v = 1; v <= 3; v++)
        test_exec_sql(path, schema_migration(v));
    test_exec_sql(path,
                  "INSERT INTO plan(id, title, year, period_start, period_end, imported_at)"
                  " VALUES (1, 'p', 2021, '2021-07-01', '2021-12-31', 't');"
                  "INSERT INTO node(id, plan_id, depth, seq, ref, sort_key, title, status, unit)"
                  " VALUES (1, 1, 1, 1, '1', '00001', '方面', 'not_started', ''),"
                  " (2, 1, 2, 1, '1.1', '00001.00001', '美丽乡村', 'done', '县农业农村局');"
                  "INSERT INTO note(node_id, at, text) VALUES (2, 't', '召开现场推进会');"
                  "PRAGMA user_version = 3;");
    store *st;
    duban_error err;
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_OK);
    const char *found[] = {"美丽乡村", "现场推进会", "县农业农村局", "农村 推进"};
    for (size_t i = 0; i < sizeof found / sizeof found[0]; i++) {
        id_list ids;
        assert_int_equal(query_search(st, 1, found[i], &ids, &err), DUBAN_OK);
        assert_int_equal(ids.n, 1);
        assert_int_equal(ids.v[0], 2);
        id_list_free(&ids);
    }
    store_close(st);
}

/* The statements the store runs, one line each. */
static int is_gid(const char *g)
{
    size_t n = strspn(g, "0123456789abcdef");
    return n == 32 && !g[n];
}

/* New gids lead with their clock: text order is the order they were made
 * in, so the gid indexes take each new entry beside the last one. */
static void history_gids_follow_the_clock(void **state)
{
    (void)state;
    char a[33], b[33], c[33];
    store_history_gid(0x123456789abcLL, a);
    assert_true(is_gid(a));
    assert_memory_equal(a, "123456789abc", 12);
    store_history_gid(0x123456789abcLL, b);
    assert_true(is_gid(b));
    assert_string_not_equal(a, b); /* same clock, other random bits */
    store_history_gid(0x123456789abdLL, c);
    assert_true(strcmp(a, c) < 0 && strcmp(b, c) < 0);
    store_history_gid((int64_t)1 << 24, a);
    store_history_gid((int64_t)29 << 44, b);
    assert_memory_equal(a, "000001", 6);
    assert_true(strcmp(a, b) < 0);
}

static void edits_are_stamped_in_gid_order(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    sqlite3_stmt *q;
    assert_int_equal(
        sqlite3_prepare_v2(st->db, "SELECT id FROM node WHERE depth = 2 ORDER BY id", -1, &q, NULL),
        SQLITE_OK);
    duban_error err;
    for (int i = 0; sqlite3_step(q) == SQLITE_ROW; i++) {
        edit_result r;
        assert_int_equal(edit_apply(st, sqlite3_column_int64(q, 0), FIELD_STATUS,
                                    i % 2 ? "done" : "in_progress", NULL, &r, &err),
                         DUBAN_OK);
        edit_result_free(&r);
    }
    sqlite3_finalize(q);
    /* local rows out of order, and rows stamped (all are) */
    assert_int_equal(
        sqlite3_prepare_v2(st->db,
                           "SELECT (SELECT count(*) FROM history_gid a JOIN history_gid b"
                           "  ON b.history_id > a.history_id WHERE b.gid <= a.gid),"
                           " (SELECT count(*) FROM history_gid), (SELECT count(*) FROM history)",
                           -1, &q, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(q, 0), 0);
    assert_true(sqlite3_column_int(q, 1) >= 2);
    assert_int_equal(sqlite3_column_int(q, 1), sqlite3_column_int(q, 2));
    sqlite3_finalize(q);
    store_close(st);
}

typedef struct told {
    int calls, steps[8], nsteps, over;
    uint64_t total;
} told;

static void record_progress(void *arg, const char *what, uint64_t done, uint64_t total)
{
    told *t = arg;
    t->calls++;
    if (!what) { /* the work is over */
        t->over++;
        return;
    }
    assert_int_equal(t->over, 0); /* nothing after the end */
    t->total = total;
    if (!t->nsteps || t->steps[t->nsteps - 1] != (int)done)
        t->steps[t->nsteps < 8 ? t->nsteps++ : 7] = (int)done;
}

/* store_check() tells its four steps in order, then that it is over,
 * once; a later query on the store tells nothing. */
static void check_tells_its_steps(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    told t = {0};
    progress_sink sink = {record_progress, &t};
    store_set_progress(st, &sink);
    strbuf report = {0};
    size_t problems = 9;
    duban_error err;
    assert_int_equal(store_check(st, &report, &problems, &err), DUBAN_OK);
    assert_int_equal(problems, 0);
    assert_int_equal(t.nsteps, 4);
    for (int k = 0; k < 4; k++)
        assert_int_equal(t.steps[k], k);
    assert_int_equal(t.total, 4);
    assert_int_equal(t.over, 1);
    int calls = t.calls;
    assert_int_equal(sqlite3_exec(st->db,
                                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                  " WHERE i < 100000) SELECT count(*) FROM n",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(t.calls, calls);
    store_set_progress(st, NULL);
    assert_int_equal(store_check(st, &report, &problems, &err), DUBAN_OK);
    assert_int_equal(t.calls, calls);
    strbuf_free(&report);
    store_close(st);
}

/* The built-in plan's title and period, as builtin.h states them for
 * cli_db.c's "only the sample" test, are what parsing it gives, whatever
 * today is. */
static void builtin_plan_header(void **state)
{
    (void)state;
    static const char *const days[] = {"2021-10-01", "2026-12-01", "2019-01-01"};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        long today;
        duban_error err;
        assert_int_equal(date_parse(days[i], &today, &err), DUBAN_OK);
        plan_doc doc;
        assert_int_equal(import_parse("built-in plan", builtin_plan_haiyan, builtin_plan_haiyan_len,
                                      0, today, &doc, &err),
                         DUBAN_OK);
        assert_string_equal(doc.title, BUILTIN_PLAN_TITLE);
        assert_string_equal(doc.start, BUILTIN_PLAN_START);
        assert_string_equal(doc.end, BUILTIN_PLAN_END);
        plan_doc_free(&doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(create_migrates_to_current_version, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(missing_file_without_create_is_not_found, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(missing_directory_is_io_error, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(newer_database_is_refused_and_untouched, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(foreign_and_garbage_files_are_refused, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(wal_and_foreign_keys_are_on, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(a_build_writes_a_new_file_without_wal, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(materialised_tables_start_small, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(plan_is_stored_as_a_tree, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(plans_side_by_side_and_resolve, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(old_database_is_upgraded_with_its_data, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(upgrade_keeps_undo_and_redo, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(upgrade_rebuilds_the_search_index, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test(history_gids_follow_the_clock),
        cmocka_unit_test_setup_teardown(edits_are_stamped_in_gid_order, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(check_tells_its_steps, test_dir_setup, test_dir_teardown),
        cmocka_unit_test(builtin_plan_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
