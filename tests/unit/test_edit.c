/* Edits, history, undo and redo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "query/query.h"
#include "testutil.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void field_of(fixture *f, const char *ref, const char *field, char *out, size_t n)
{
    node nd;
    duban_error err;
    assert_int_equal(node_by_ref(f->st, f->plan, ref, &nd, &err), DUBAN_OK);
    const char *v = !strcmp(field, "status") ? nd.status
                    : !strcmp(field, "due")  ? nd.due
                    : !strcmp(field, "unit") ? nd.unit
                                             : nd.leader;
    snprintf(out, n, "%s", v);
    node_free(&nd);
}

static void expect_field(fixture *f, const char *ref, const char *field, const char *want)
{
    char got[256];
    field_of(f, ref, field, got, sizeof got);
    assert_string_equal(got, want);
}

static void status_by_name_key_and_number(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    assert_int_equal(
        edit_apply(f->st, fixture_id(f, "1.1"), FIELD_STATUS, "推进中", NULL, &r, &err), 0);
    assert_string_equal(r.old_value, "not_started");
    assert_string_equal(r.new_value, "in_progress");
    assert_true(r.changed);
    assert_string_equal(r.ref, "1.1");
    edit_result_free(&r);
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL);
    expect_field(f, "1.1", "status", "done");
    fixture_edit(f, "1.1", FIELD_STATUS, "3", NULL);
    expect_field(f, "1.1", "status", "behind");
    fixture_edit(f, "1.1", FIELD_STATUS, "in-progress", NULL);
    expect_field(f, "1.1", "status", "in_progress");
}

static void bad_values_change_nothing(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    int64_t id = fixture_id(f, "1.1");
    assert_int_equal(edit_apply(f->st, id, FIELD_STATUS, "finishedish", NULL, &r, &err),
                     DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "finishedish"));
    assert_non_null(strstr(err.msg, "已完成"));
    assert_int_equal(edit_apply(f->st, id, FIELD_DUE, "2021-13-45", NULL, &r, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "2021-13-45"));
    assert_int_equal(edit_apply(f->st, id, FIELD_DUE, "2021-02-29", NULL, &r, &err), DUBAN_EINVAL);
    assert_int_equal(edit_apply(f->st, id, FIELD_UNIT, "\xff\xfe", NULL, &r, &err), DUBAN_EINVAL);
    assert_int_equal(edit_apply(f->st, id, FIELD_NOTE, "   ", NULL, &r, &err), DUBAN_EINVAL);
    assert_int_equal(edit_apply(f->st, 99999, FIELD_UNIT, "x", NULL, &r, &err), DUBAN_ENOTFOUND);
    expect_field(f, "1.1", "status", "not_started");
    expect_field(f, "1.1", "due", "2021-08-31");
    history_list h;
    assert_int_equal(plan_history(f->st, f->plan, 0, &h, &err), DUBAN_OK);
    assert_int_equal(h.n, 0);
    history_list_free(&h);
}

static void each_edit_writes_one_history_row(void **state)
{
    fixture *f = *state;
    /* the time stamp comes from the store's caller, not the environment */
    setenv("DUBAN_NOW", "1999-01-01T00:00:00Z", 1);
    store_set_now(f->st, "2021-10-01T09:00:00Z");
    fixture_edit(f, "2.1", FIELD_STATUS, "done", "开元森泊已开工");
    fixture_edit(f, "2.1", FIELD_DUE, "2021-11-15", NULL);
    fixture_edit(f, "2.1", FIELD_UNIT, "  县商务局 ", NULL);
    fixture_edit(f, "2.1", FIELD_LEADER, "张三", NULL);
    fixture_edit(f, "2.1", FIELD_NOTE, "已完成签约", NULL);
    unsetenv("DUBAN_NOW");
    expect_field(f, "2.1", "unit", "县商务局");
    expect_field(f, "2.1", "leader", "张三");
    expect_field(f, "2.1", "due", "2021-11-15");
    history_list h;
    duban_error err;
    assert_int_equal(node_history(f->st, fixture_id(f, "2.1"), &h, &err), DUBAN_OK);
    assert_int_equal(h.n, 5);
    assert_string_equal(h.v[0].field, "status");
    assert_string_equal(h.v[0].old_value, "not_started");
    assert_string_equal(h.v[0].new_value, "done");
    assert_string_equal(h.v[0].note, "开元森泊已开工");
    assert_string_equal(h.v[0].at, "2021-10-01T09:00:00Z");
    assert_string_equal(h.v[1].old_value, "2021-09-30");
    assert_string_equal(h.v[4].field, "note");
    history_list_free(&h);
    note_list notes;
    assert_int_equal(node_notes(f->st, fixture_id(f, "2.1"), &notes, &err), DUBAN_OK);
    assert_int_equal(notes.n, 2); /* the status note and the plain note */
    assert_string_equal(notes.v[0].text, "开元森泊已开工");
    assert_string_equal(notes.v[1].text, "已完成签约");
    note_list_free(&notes);
}

/* While an edit waits for another program's write, that write commits:
 * the history row's old value is what that program wrote, the value the
 * edit replaces, not what the item held when the edit began to wait. */
static int commit_the_other_write(void *arg, int waited_ms)
{
    (void)waited_ms;
    sqlite3 **holder = arg;
    if (*holder) {
        assert_int_equal(sqlite3_exec(*holder, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(*holder);
        *holder = NULL;
    }
    return 1;
}

static void an_edit_replaces_what_another_program_wrote(void **state)
{
    fixture *f = *state;
    char path[1024];
    test_path_in(path, sizeof path, f->dir, "t.db");
    sqlite3 *holder;
    assert_int_equal(sqlite3_open(path, &holder), SQLITE_OK);
    assert_int_equal(sqlite3_exec(holder,
                                  "BEGIN IMMEDIATE; UPDATE node SET status = 'in_progress'"
                                  " WHERE ref = '1.1'",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    store_set_wait(f->st, commit_the_other_write, &holder);
    edit_result r;
    duban_error err;
    assert_int_equal(edit_apply(f->st, fixture_id(f, "1.1"), FIELD_STATUS, "done", NULL, &r, &err),
                     DUBAN_OK);
    assert_null(holder); /* it did wait */
    assert_true(r.changed);
    assert_string_equal(r.old_value, "in_progress");
    edit_result_free(&r);
    history_list h;
    assert_int_equal(node_history(f->st, fixture_id(f, "1.1"), &h, &err), DUBAN_OK);
    assert_int_equal(h.n, 1);
    assert_string_equal(h.v[0].old_value, "in_progress");
    assert_string_equal(h.v[0].new_value, "done");
    history_list_free(&h);
    store_set_wait(f->st, NULL, NULL);
}

static void same_value_is_a_no_op(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    assert_int_equal(
        edit_apply(f->st, fixture_id(f, "1.1"), FIELD_STATUS, "未启动", NULL, &r, &err), 0);
    assert_false(r.changed);
    edit_result_free(&r);
    int undo, redo;
    assert_int_equal(edit_undo_depth(f->st, f->plan, &undo, &redo, &err), DUBAN_OK);
    assert_int_equal(undo, 0);
}

static void undo_and_redo_walk_the_history(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_STATUS, "in_progress", NULL);
    fixture_edit(f, "1.1", FIELD_STATUS, "done", "ok");
    fixture_edit(f, "2.1", FIELD_UNIT, "县发改局", NULL);
    edit_result r;
    duban_error err;
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "2.1");
    assert_string_equal(r.field, "unit");
    edit_result_free(&r);
    expect_field(f, "2.1", "unit", "");
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    assert_string_equal(r.old_value, "in_progress");
    assert_string_equal(r.new_value, "done");
    edit_result_free(&r);
    expect_field(f, "1.1", "status", "in_progress");
    note_list notes;
    assert_int_equal(node_notes(f->st, fixture_id(f, "1.1"), &notes, &err), DUBAN_OK);
    assert_int_equal(notes.n, 0); /* the note went with the undone edit */
    note_list_free(&notes);
    assert_int_equal(edit_redo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    expect_field(f, "1.1", "status", "done");
    assert_int_equal(node_notes(f->st, fixture_id(f, "1.1"), &notes, &err), DUBAN_OK);
    assert_int_equal(notes.n, 1);
    note_list_free(&notes);
    int undo, redo;
    assert_int_equal(edit_undo_depth(f->st, f->plan, &undo, &redo, &err), DUBAN_OK);
    assert_int_equal(undo, 2);
    assert_int_equal(redo, 1);
    /* a new edit empties the redo stack */
    fixture_edit(f, "1.2", FIELD_LEADER, "李四", NULL);
    assert_int_equal(edit_redo(f->st, f->plan, &r, &err), DUBAN_EEMPTY);
    assert_non_null(strstr(err.msg, "nothing to redo"));
}

static void undo_survives_a_restart(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL);
    char path[1024];
    snprintf(path, sizeof path, "%s/t.db", f->dir);
    store_close(f->st);
    duban_error err;
    assert_int_equal(store_open(path, 0, &f->st, &err), DUBAN_OK);
    edit_result r;
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    expect_field(f, "1.1", "status", "not_started");
    store_close(f->st);
    assert_int_equal(store_open(path, 0, &f->st, &err), DUBAN_OK);
    assert_int_equal(edit_redo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    expect_field(f, "1.1", "status", "done");
}

static void undo_everything_then_nothing_left(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_NOTE, "第一条", NULL);
    fixture_edit(f, "1.1", FIELD_DUE, "2021-12-01", NULL);
    edit_result r;
    duban_error err;
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    assert_string_equal(r.field, "note");
    edit_result_free(&r);
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_EEMPTY);
    expect_field(f, "1.1", "due", "2021-08-31");
    note_list notes;
    assert_int_equal(node_notes(f->st, fixture_id(f, "1.1"), &notes, &err), DUBAN_OK);
    assert_int_equal(notes.n, 0);
    note_list_free(&notes);
    /* history kept every step: 2 edits + 2 undos */
    history_list h;
    assert_int_equal(plan_history(f->st, f->plan, 0, &h, &err), DUBAN_OK);
    assert_int_equal(h.n, 4);
    assert_string_equal(h.v[0].action, "undo");
    history_list_free(&h);
}

/* A random walk of edits, undos and redos against a model of the two
 * stacks: the store must agree on the value and on both depths. */
static void random_walk_matches_a_stack_model(void **state)
{
    fixture *f = *state;
    const char *values[] = {"县发改局", "县财政局", "县商务局", "县教育局"};
    char done_vals[256][16], redo_vals[256][16], current[16] = "";
    int ndone = 0, nredo = 0;
    unsigned rnd = 12345;
    for (int step = 0; step < 200; step++) {
        rnd = rnd * 1103515245u + 12345u;
        int op = (int)((rnd >> 16) % 3);
        edit_result r;
        duban_error err;
        if (op == 0 && ndone < 255) {
            const char *v = values[(rnd >> 20) % 4];
            if (!strcmp(v, current))
                continue;
            fixture_edit(f, "1.1", FIELD_UNIT, v, NULL);
            snprintf(done_vals[ndone++], 16, "%s", current); /* value before */
            snprintf(current, sizeof current, "%s", v);
            nredo = 0;
        } else if (op == 1) {
            int rc = edit_undo(f->st, f->plan, &r, &err);
            assert_int_equal(rc, ndone ? DUBAN_OK : DUBAN_EEMPTY);
            if (!rc) {
                snprintf(redo_vals[nredo++], 16, "%s", current);
                snprintf(current, sizeof current, "%s", done_vals[--ndone]);
                edit_result_free(&r);
            }
        } else {
            int rc = edit_redo(f->st, f->plan, &r, &err);
            assert_int_equal(rc, nredo ? DUBAN_OK : DUBAN_EEMPTY);
            if (!rc) {
                snprintf(done_vals[ndone++], 16, "%s", current);
                snprintf(current, sizeof current, "%s", redo_vals[--nredo]);
                edit_result_free(&r);
            }
        }
        expect_field(f, "1.1", "unit", current);
        int undo = -1, redo = -1;
        assert_int_equal(edit_undo_depth(f->st, f->plan, &undo, &redo, &err), DUBAN_OK);
        assert_int_equal(undo, ndone);
        assert_int_equal(redo, nredo);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(status_by_name_key_and_number, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(bad_values_change_nothing, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(each_edit_writes_one_history_row, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(same_value_is_a_no_op, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(an_edit_replaces_what_another_program_wrote, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(undo_and_redo_walk_the_history, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(random_walk_matches_a_stack_model, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(undo_survives_a_restart, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(undo_everything_then_nothing_left, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
