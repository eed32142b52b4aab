/* The view state the front end keeps (folds): written without a sync and,
 * from the idle tick, without waiting for another writer; data_version
 * sees other connections' commits.  (Moved out of test_store.c.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/store.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "testutil.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void ui_state_round_trips(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    duban_error err;
    char *v;
    assert_int_equal(store_get_state(st, plan, "folds", &v, &err), DUBAN_OK);
    assert_null(v);
    assert_int_equal(store_put_state(st, plan, "folds", "1,5", &err), DUBAN_OK);
    assert_int_equal(store_put_state(st, plan, "folds", "2", &err), DUBAN_OK);
    assert_int_equal(store_get_state(st, plan, "folds", &v, &err), DUBAN_OK);
    assert_string_equal(v, "2");
    free(v);
    store_close(st);
}

static int count_waits(void *arg, int waited_ms)
{
    (void)waited_ms;
    return ++*(int *)arg < 3; /* gives up at the third call */
}

/* store_try_put_state() while another connection holds the write lock:
 * nothing written, no wait (the wait function is never asked), the next
 * try saves; an edit afterwards still waits through the wait function. */
static void try_put_state_does_not_wait(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    int waits = 0, saved = -1;
    store_set_wait(st, count_waits, &waits);
    char path[1024];
    test_path_in(path, sizeof path, *state, "t.db");
    sqlite3 *holder;
    assert_int_equal(sqlite3_open(path, &holder), SQLITE_OK);
    assert_int_equal(sqlite3_exec(holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    duban_error err;
    assert_int_equal(store_try_put_state(st, plan, "folds", "1", &saved, &err), DUBAN_OK);
    assert_int_equal(saved, 0);
    assert_int_equal(waits, 0);
    char *v;
    assert_int_equal(store_get_state(st, plan, "folds", &v, &err), DUBAN_OK);
    assert_null(v);
    assert_int_equal(sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(store_try_put_state(st, plan, "folds", "1", &saved, &err), DUBAN_OK);
    assert_int_equal(saved, 1);
    assert_int_equal(store_get_state(st, plan, "folds", &v, &err), DUBAN_OK);
    assert_string_equal(v, "1");
    free(v);
    assert_int_equal(sqlite3_exec(holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    waits = 0;
    assert_int_not_equal(store_put_state(st, plan, "folds", "2", &err), DUBAN_OK);
    assert_int_equal(waits, 3);
    sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(holder);
    store_close(st);
}

static void data_version_sees_other_connections(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    duban_error err;
    int64_t v1, v2, v3;
    assert_int_equal(store_data_version(st, &v1, &err), DUBAN_OK);
    char path[1024];
    test_path_in(path, sizeof path, *state, "t.db");
    store *other;
    assert_int_equal(store_open(path, 0, &other, &err), DUBAN_OK);
    assert_int_equal(store_put_state(other, plan, "k", "v", &err), DUBAN_OK);
    store_close(other);
    assert_int_equal(store_data_version(st, &v2, &err), DUBAN_OK);
    assert_int_not_equal(v1, v2);
    assert_int_equal(store_data_version(st, &v3, &err), DUBAN_OK);
    assert_int_equal(v2, v3);
    store_close(st);
}

static int record_stmt(unsigned type, void *ctx, void *p, void *x)
{
    (void)type;
    (void)x;
    char *sql = sqlite3_expanded_sql(p);
    strbuf_printf(ctx, "%s\n", sql ? sql : "");
    sqlite3_free(sql);
    return 0;
}

/* Issue 15: a fold (UI state) is committed with synchronous = NORMAL (no
 * fsync of the WAL), and the connection is FULL again for edits. */
static void ui_state_is_written_without_fsync(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    strbuf log = {0};
    sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, record_stmt, &log);
    duban_error err;
    assert_int_equal(store_put_state(st, plan, "folds", "1,2", &err), DUBAN_OK);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    const char *weak = strstr(strbuf_str(&log), "PRAGMA synchronous = NORMAL");
    const char *row = strstr(strbuf_str(&log), "INSERT INTO ui_state");
    const char *full = strstr(strbuf_str(&log), "PRAGMA synchronous = FULL");
    assert_non_null(weak);
    assert_non_null(row);
    assert_non_null(full);
    assert_true(weak < row && row < full);
    strbuf_free(&log);
    char *v = NULL;
    assert_int_equal(store_get_state(st, plan, "folds", &v, &err), DUBAN_OK);
    assert_string_equal(v, "1,2");
    free(v);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(st->db, "PRAGMA synchronous", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(q, 0), 2); /* FULL */
    sqlite3_finalize(q);
    store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(ui_state_round_trips, test_dir_setup, test_dir_teardown),
        cmocka_unit_test_setup_teardown(try_put_state_does_not_wait, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(data_version_sees_other_connections, test_dir_setup,
                                        test_dir_teardown),
        cmocka_unit_test_setup_teardown(ui_state_is_written_without_fsync, test_dir_setup,
                                        test_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
