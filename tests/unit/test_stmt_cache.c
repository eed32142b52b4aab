/* The statements a store keeps prepared (store/stmt_cache.c): the same
 * statement comes back for the same SQL, reset and unbound; a nested use
 * gets its own; another text at a reused address is prepared again; and
 * edits run through it keep working, batched or not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "store/store_internal.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

static const char one_sql[] = "SELECT ?1 + 1";

static void same_statement_comes_back_reset(void **state)
{
    fixture *f = *state;
    sqlite3_stmt *a, *b;
    assert_int_equal(db_prepare_cached(f->st, one_sql, &a, NULL), DUBAN_OK);
    sqlite3_bind_int(a, 1, 41);
    assert_int_equal(sqlite3_step(a), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(a, 0), 42);
    db_stmt_done(f->st, a);
    assert_int_equal(db_prepare_cached(f->st, one_sql, &b, NULL), DUBAN_OK);
    assert_ptr_equal(a, b);
    assert_false(sqlite3_stmt_busy(b));
    /* bindings were cleared: NULL + 1 is NULL */
    assert_int_equal(sqlite3_step(b), SQLITE_ROW);
    assert_int_equal(sqlite3_column_type(b, 0), SQLITE_NULL);
    db_stmt_done(f->st, b);
}

static void nested_use_gets_its_own(void **state)
{
    fixture *f = *state;
    sqlite3_stmt *outer, *inner;
    assert_int_equal(db_prepare_cached(f->st, one_sql, &outer, NULL), DUBAN_OK);
    sqlite3_bind_int(outer, 1, 1);
    assert_int_equal(sqlite3_step(outer), SQLITE_ROW);
    assert_int_equal(db_prepare_cached(f->st, one_sql, &inner, NULL), DUBAN_OK);
    assert_ptr_not_equal(outer, inner);
    sqlite3_bind_int(inner, 1, 9);
    assert_int_equal(sqlite3_step(inner), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(inner, 0), 10);
    db_stmt_done(f->st, inner); /* finalised: not the cached one */
    assert_int_equal(sqlite3_column_int(outer, 0), 2);
    db_stmt_done(f->st, outer);
}

static void other_text_at_the_same_address(void **state)
{
    fixture *f = *state;
    char sql[64];
    sqlite3_stmt *s;
    snprintf(sql, sizeof sql, "SELECT 1");
    assert_int_equal(db_prepare_cached(f->st, sql, &s, NULL), DUBAN_OK);
    db_stmt_done(f->st, s);
    snprintf(sql, sizeof sql, "SELECT 2");
    assert_int_equal(db_prepare_cached(f->st, sql, &s, NULL), DUBAN_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 2);
    db_stmt_done(f->st, s);
}

static void edits_run_through_it(void **state)
{
    fixture *f = *state;
    int64_t id = fixture_id(f, "1.1");
    static const char *const values[] = {"in_progress", "behind", "done", "blocked"};
    for (int i = 0; i < 8; i++)
        fixture_edit(f, "1.1", FIELD_STATUS, values[i % 4], i % 3 ? NULL : "进展");
    assert_int_equal(store_begin(f->st, NULL), DUBAN_OK);
    for (int i = 0; i < 8; i++) {
        edit_result r;
        assert_int_equal(edit_apply(f->st, id, FIELD_NOTE, "批量", NULL, &r, NULL), DUBAN_OK);
        edit_result_free(&r);
    }
    assert_int_equal(store_commit(f->st, NULL), DUBAN_OK);
    sqlite3_stmt *s;
    assert_int_equal(db_prepare(f->st, "SELECT count(*) FROM history WHERE node_id = ?", &s, NULL),
                     DUBAN_OK);
    sqlite3_bind_int64(s, 1, id);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 16);
    sqlite3_finalize(s);
    assert_true(f->st->ncached > 0);
    /* fixture_teardown closes the store: every cached statement is
     * finalised (SQLite would not close otherwise; ASan sees a leak) */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(same_statement_comes_back_reset, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(nested_use_gets_its_own, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(other_text_at_the_same_address, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(edits_run_through_it, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
