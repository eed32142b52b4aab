/* The items the readers after a sync look at (TOUCHED_CTE,
 * store_internal.h: conflicts, check, a meeting's changes): those with
 * rows from two origins, and no others. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "store/store_internal.h"
#include "testutil.h"

/* The touched items' ids, in order, into ids (at most 8); their number. */
static int touched_ids(fixture *f, int64_t *ids)
{
    sqlite3_stmt *s;
    assert_int_equal(
        sqlite3_prepare_v2(f->st->db, "WITH" TOUCHED_CTE " SELECT node_id FROM touched ORDER BY 1",
                           -1, &s, NULL),
        SQLITE_OK);
    int n = 0;
    while (sqlite3_step(s) == SQLITE_ROW)
        if (n++ < 8)
            ids[n - 1] = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* What the readers after a sync look at (conflicts, check, a meeting's
 * changes): the items with rows from two origins.  A database that never
 * synced has none; a clone, whose history came from the replica it was
 * copied from, none until an item is edited here, then that item alone
 * (with every item it read the inherited history: 9 s at 100,000). */
static void touched_are_items_of_two_origins(void **state)
{
    fixture *f = *state;
    int64_t ids[8];
    fixture_edit(f, "1.1", FIELD_STATUS, "in_progress", NULL);
    fixture_edit(f, "1.2", FIELD_STATUS, "in_progress", NULL);
    assert_int_equal(touched_ids(f, ids), 0);
    /* the history as a clone holds it: made by the replica it came from */
    assert_int_equal(
        sqlite3_exec(f->st->db,
                     "UPDATE history_gid SET origin = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'", NULL,
                     NULL, NULL),
        SQLITE_OK);
    assert_int_equal(touched_ids(f, ids), 0);
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL); /* an edit made here */
    assert_int_equal(touched_ids(f, ids), 1);
    assert_int_equal(ids[0], fixture_id(f, "1.1"));
    /* a third replica's row, synced in, on an item only the first had edited */
    assert_int_equal(sqlite3_exec(f->st->db,
                                  "INSERT INTO history(plan_id, node_id, at, action, field,"
                                  " old_value, new_value) SELECT plan_id, id,"
                                  " '2021-10-01T08:00:00Z', 'edit', 'status', status, 'blocked'"
                                  " FROM node WHERE ref = '1.2';"
                                  "INSERT INTO history_gid(history_id, gid, origin, seq, hlc)"
                                  " VALUES (last_insert_rowid(), 'third-row',"
                                  " 'cccccccccccccccccccccccccccccccc', 1, 1)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(touched_ids(f, ids), 2);
    assert_true(ids[0] == fixture_id(f, "1.1") || ids[1] == fixture_id(f, "1.1"));
    assert_true(ids[0] == fixture_id(f, "1.2") || ids[1] == fixture_id(f, "1.2"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(touched_are_items_of_two_origins, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
