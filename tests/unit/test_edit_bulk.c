/* edit_apply_bulk(): the items an edit names are found by id in the plan
 * it is given, and only there (the generator's bulk path; tests/cli/
 * gen_bulk.sh holds its rows to edit_apply()'s). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit_bulk.h"
#include "query/query.h"
#include "store/store_internal.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

typedef struct bulk_fixture {
    char *dir;
    store *st;
    int64_t first, second; /* two plans, added in turn: ids second's after first's */
} bulk_fixture;

static int setup(void **state)
{
    bulk_fixture *f = calloc(1, sizeof *f);
    f->dir = test_mkdtemp();
    f->st = test_small_store(f->dir, &f->first);
    plan_doc doc;
    test_small_doc(&doc);
    duban_error err = {0};
    assert_int_equal(store_add_plan(f->st, &doc, &f->second, &err), DUBAN_OK);
    plan_doc_free(&doc);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    bulk_fixture *f = *state;
    store_close(f->st);
    test_rmdir_rf(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static int64_t id_of(bulk_fixture *f, int64_t plan, const char *ref)
{
    node n;
    duban_error err = {0};
    assert_int_equal(node_by_ref(f->st, plan, ref, &n, &err), DUBAN_OK);
    int64_t id = n.id;
    node_free(&n);
    return id;
}

static void status_is(bulk_fixture *f, int64_t id, const char *want)
{
    node n;
    duban_error err = {0};
    assert_int_equal(node_by_id(f->st, id, &n, &err), DUBAN_OK);
    assert_string_equal(n.status, want);
    node_free(&n);
}

/* Runs the edits in a batch of their own, committed when they succeed. */
static int bulk(bulk_fixture *f, int64_t plan, const edit_bulk *e, size_t n)
{
    duban_error err = {0};
    assert_int_equal(store_begin(f->st, &err), DUBAN_OK);
    int rc = edit_apply_bulk(f->st, plan, e, n, &err);
    if (rc)
        store_rollback(f->st);
    else
        assert_int_equal(store_commit(f->st, &err), DUBAN_OK);
    return rc;
}

static void items_of_the_plan_are_edited(void **state)
{
    bulk_fixture *f = *state;
    int64_t a = id_of(f, f->second, "1.1"), b = id_of(f, f->second, "2.1");
    edit_bulk e[] = {{b, FIELD_STATUS, "done", NULL}, {a, FIELD_STATUS, "in_progress", NULL}};
    assert_int_equal(bulk(f, f->second, e, 2), DUBAN_OK);
    status_is(f, a, "in_progress");
    status_is(f, b, "done");
    status_is(f, id_of(f, f->first, "1.1"), "not_started");
}

/* An id of another plan (below the plan's first id, or past its last)
 * is no item of this one: nothing of the call is kept. */
static void another_plans_item_is_not_found(void **state)
{
    bulk_fixture *f = *state;
    int64_t mine = id_of(f, f->first, "2.1"), theirs = id_of(f, f->second, "1.1");
    edit_bulk below[] = {{mine, FIELD_STATUS, "done", NULL}};
    assert_int_equal(bulk(f, f->second, below, 1), DUBAN_ENOTFOUND);
    edit_bulk past[] = {{mine, FIELD_STATUS, "done", NULL}, {theirs, FIELD_STATUS, "done", NULL}};
    assert_int_equal(bulk(f, f->first, past, 2), DUBAN_ENOTFOUND);
    status_is(f, mine, "not_started");
    status_is(f, theirs, "not_started");
}

/* Whether a history row of an action its CHECK refuses can be written
 * (written in a savepoint, then undone). */
static int bad_action_is_refused(bulk_fixture *f)
{
    char *sql =
        sqlite3_mprintf("SAVEPOINT probe; INSERT INTO history(plan_id, node_id, at,"
                        " action, field) VALUES (%lld, %lld, '2021-10-01', 'bogus', 'status')",
                        (long long)f->first, (long long)id_of(f, f->first, "1.1"));
    int rc = sqlite3_exec(f->st->db, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
    sqlite3_exec(f->st->db, "ROLLBACK TO probe; RELEASE probe", NULL, NULL, NULL);
    return rc == SQLITE_CONSTRAINT;
}

/* The call sets history's CHECK aside for its rows only: after it, done
 * or failed, the CHECK holds again. */
static void history_checks_hold_after_the_call(void **state)
{
    bulk_fixture *f = *state;
    assert_true(bad_action_is_refused(f));
    int64_t a = id_of(f, f->first, "1.1");
    edit_bulk ok[] = {{a, FIELD_STATUS, "done", NULL}};
    assert_int_equal(bulk(f, f->first, ok, 1), DUBAN_OK);
    assert_true(bad_action_is_refused(f));
    /* the other plan: bulk edits are for a plan without history */
    int64_t b = id_of(f, f->second, "1.1");
    edit_bulk bad[] = {{b, FIELD_STATUS, "in_progress", NULL}, {-1, FIELD_STATUS, "done", NULL}};
    assert_int_equal(bulk(f, f->second, bad, 2), DUBAN_ENOTFOUND);
    assert_true(bad_action_is_refused(f));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(items_of_the_plan_are_edited, setup, teardown),
        cmocka_unit_test_setup_teardown(another_plans_item_is_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(history_checks_hold_after_the_call, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
