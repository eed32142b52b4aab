/* Migration 4 (editable structure): a database of schema 3, with items,
 * notes, history and an undone edit, upgrades keeping every item, ref and
 * history row; its old edits can still be undone and redone, and the new
 * edits work on it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/structure.h"
#include "query/query.h"
#include "store/schema.h"
#include "testutil.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count_rows(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

static void schema3_upgrades_with_everything(void **state)
{
    (void)state;
    char *dir = test_mkdtemp(), path[1024];
    snprintf(path, sizeof path, "%s/v3.db", dir);
    for (int v = 1; v <= 3; v++)
        test_exec_sql(path, schema_migration(v));
    test_exec_sql(path, "CREATE TRIGGER history_is_append_only BEFORE UPDATE ON history"
                        "  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;");
    test_exec_sql(
        path, "INSERT INTO plan(id, title, year, period_start, period_end, imported_at)"
              " VALUES (1, '旧计划', 2021, '2021-07-01', '2021-12-31', 't');"
              "INSERT INTO node(id, plan_id, parent_id, depth, seq, ref, sort_key, title, status,"
              " due) VALUES (1, 1, NULL, 1, 1, '1', '00001', '方面', 'not_started', ''),"
              " (2, 1, 1, 2, 1, '1.1', '00001.00001', '甲', 'in_progress', '2021-09-30'),"
              " (3, 1, 1, 2, 2, '1.2', '00001.00002', '乙', 'not_started', '2021-12-31'),"
              " (4, 1, 3, 3, 1, '1.2.1', '00001.00002.00001', '丙', 'not_started', '');"
              "INSERT INTO milestone(node_id, seq, phrase, word, due)"
              " VALUES (2, 1, '8月底开工', '8月底', '2021-08-31');"
              "INSERT INTO history(id, plan_id, node_id, at, action, target_id, field, old_value,"
              " new_value, done_top, redo_top) VALUES"
              " (1, 1, 2, 't', 'edit', NULL, 'status', 'not_started', 'in_progress', -1, 0),"
              " (2, 1, 3, 't', 'edit', NULL, 'note', '', '已对接', -1, 0),"
              " (3, 1, 3, 't', 'edit', NULL, 'due', '2021-10-31', '2021-12-31', -1, 0),"
              " (4, 1, 3, 't', 'undo', 3, 'due', '2021-12-31', '2021-10-31', 2, -1),"
              " (5, 1, 3, 't', 'redo', 3, 'due', '2021-10-31', '2021-12-31', -1, 0);"
              "INSERT INTO note(node_id, history_id, at, text) VALUES (3, 2, 't', '已对接');"
              "PRAGMA user_version = 3;");
    store *st;
    duban_error err;
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_OK);
    node_list all;
    assert_int_equal(node_all(st, 1, &all, &err), DUBAN_OK);
    assert_int_equal(all.n, 4);
    const char *refs[] = {"1", "1.1", "1.2", "1.2.1"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(all.v[i].ref, refs[i]);
        assert_string_equal(all.v[i].state, "");
    }
    node_list_free(&all);
    history_list h;
    assert_int_equal(plan_history(st, 1, 0, &h, &err), DUBAN_OK);
    assert_int_equal(h.n, 5);
    history_list_free(&h);
    note_list nl;
    assert_int_equal(node_notes(st, 3, &nl, &err), DUBAN_OK);
    assert_int_equal(nl.n, 1);
    note_list_free(&nl);
    milestone_list ml;
    assert_int_equal(node_milestones(st, 2, &ml, &err), DUBAN_OK);
    assert_int_equal(ml.n, 1);
    assert_int_equal(ml.v[0].seq, 1);
    assert_string_equal(ml.v[0].done, "");
    milestone_list_free(&ml);
    /* The old stacks carry on: undo the redone due, then the note. */
    edit_result r;
    assert_int_equal(edit_undo(st, 1, &r, &err), DUBAN_OK);
    assert_string_equal(r.field, "due");
    edit_result_free(&r);
    /* New edits on the upgraded database. */
    assert_int_equal(edit_milestone(st, 2, 1, MS_DONE, "2021-08-20", &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(edit_move_node(st, 4, 1, 0, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "1.3");
    edit_result_free(&r);
    assert_int_equal(edit_undo(st, 1, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(edit_undo(st, 1, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(edit_undo(st, 1, &r, &err), DUBAN_OK);
    assert_string_equal(r.field, "note");
    edit_result_free(&r);
    store_close(st);
    assert_int_equal(count_rows(path, "PRAGMA user_version"), store_schema_version());
    assert_int_equal(count_rows(path, "SELECT count(*) FROM history WHERE id <= 5"), 5);
    test_rmdir_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(schema3_upgrades_with_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
