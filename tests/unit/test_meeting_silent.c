/* Items without progress in a meeting's window (meeting_silent_items):
 * reports, sub-items, undone edits, cancelled items and areas, and the
 * two forms the list is read in (by the window's rows, item by item). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "edit/meeting.h"
#include "testutil.h"

#include <string.h>

static size_t silent_count(fixture *f, int64_t id, const char *ref)
{
    node_list l;
    duban_error err;
    if (meeting_silent_items(f->st, id, &l, &err))
        fail_msg("%s", err.msg);
    size_t n = l.n, found = 0;
    for (size_t i = 0; ref && i < l.n; i++)
        found += !strcmp(l.v[i].ref, ref);
    for (size_t i = 0; i < l.n; i++) { /* read without body and child count */
        assert_string_equal(l.v[i].body, "");
        assert_int_equal(l.v[i].children, -1);
    }
    node_list_free(&l);
    return ref ? found : n;
}

static void items_without_progress(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_NOTE, "导入后的进展", NULL);
    int64_t first = fixture_meeting(f, "第一次");
    fixture_edit(f, "1.2.2", FIELD_STATUS, "in_progress", NULL); /* a sub-item counts for 1.2 */
    fixture_edit(f, "2.1", FIELD_STATUS, "done", NULL);          /* done items are not listed */
    assert_int_equal(silent_count(f, first, NULL), 0);
    assert_int_equal(meeting_end(f->st, f->plan, NULL), DUBAN_OK);
    fixture_edit(f, "1.2", FIELD_NOTE, "会后报送", NULL);
    int64_t second = fixture_meeting(f, "第二次");
    fixture_edit(f, "1.1", FIELD_UNIT, "县建设局", NULL);
    fixture_undo(f); /* an undone edit is no progress */
    assert_int_equal(silent_count(f, second, NULL), 1);
    assert_int_equal(silent_count(f, second, "1.1"), 1);
    /* the first meeting's list is still computed up to its end */
    assert_int_equal(silent_count(f, first, NULL), 0);
}

/* Twelve changes of a unit, no report: the open window then holds more
 * history rows than the plan has nodes, and is read item by item. */
static void lengthen_window(fixture *f)
{
    for (int i = 0; i < 12; i++)
        fixture_edit(f, "1.2.2", FIELD_UNIT, i % 2 ? "甲" : "乙", NULL);
}

/* A window longer than the plan is read item by item (cause 3 of issue
 * 15): the same answer as the window's own rows give. */
static void items_without_progress_in_a_long_window(void **state)
{
    fixture *f = *state;
    int64_t id = fixture_meeting(f, "长会");
    for (int i = 0; i < 6; i++) /* more history rows than the plan has nodes */
        fixture_edit(f, "1.2.2", FIELD_STATUS, i % 2 ? "not_started" : "in_progress", NULL);
    fixture_edit(f, "1.1", FIELD_UNIT, "县建设局", NULL);
    fixture_undo(f); /* an undone edit is no progress */
    fixture_edit(f, "2.1", FIELD_NOTE, "进展", NULL);
    fixture_edit(f, "2.1", FIELD_NOTE, "再报", NULL);
    assert_int_equal(silent_count(f, id, NULL), 1);
    assert_int_equal(silent_count(f, id, "1.1"), 1);
}

/* A long window asks each item's last report first (schema 19), and
 * reads the history of those whose last report does not settle it: one
 * undone (an earlier report may still stand), or made after the window
 * (a past meeting's list). */
static void silent_after_the_last_report_is_undone_or_late(void **state)
{
    fixture *f = *state;
    int64_t first = fixture_meeting(f, "第一次");
    lengthen_window(f);
    fixture_edit(f, "2.1", FIELD_NOTE, "进展", NULL);
    fixture_edit(f, "2.1", FIELD_STATUS, "in_progress", NULL);
    fixture_undo(f); /* 2.1's last report is undone, its note stands */
    fixture_edit(f, "1.1", FIELD_STATUS, "in_progress", NULL);
    fixture_undo(f); /* 1.1's only report is undone */
    assert_int_equal(silent_count(f, first, "2.1"), 0);
    assert_int_equal(silent_count(f, first, "1.1"), 1);
    size_t listed = silent_count(f, first, NULL);
    assert_int_equal(meeting_end(f->st, f->plan, NULL), DUBAN_OK);
    fixture_edit(f, "1.1", FIELD_NOTE, "会后报送", NULL); /* after the first meeting */
    int64_t second = fixture_meeting(f, "第二次");
    assert_int_equal(silent_count(f, first, "1.1"), 1);
    assert_int_equal(silent_count(f, first, NULL), listed);
    lengthen_window(f);
    assert_int_equal(silent_count(f, second, "1.1"), 0);
}

/* A change of due date or unit is no report, and a cancelled item is not
 * listed, whichever form reads the window: first a window shorter than
 * the plan (read row by row), then one longer (read item by item). */
static void silent_forms_agree(void **state)
{
    fixture *f = *state;
    int64_t id = fixture_meeting(f, "两种读法");
    fixture_edit(f, "2.1", FIELD_DUE, "2021-12-31", NULL); /* not a report */
    fixture_edit(f, "1.2", FIELD_NOTE, "进展", NULL);
    edit_result r;
    assert_int_equal(
        edit_apply(f->st, fixture_id(f, "1.1"), FIELD_STATE, "cancelled", "并入1.2", &r, NULL), 0);
    edit_result_free(&r);
    assert_int_equal(silent_count(f, id, NULL), 1);
    assert_int_equal(silent_count(f, id, "2.1"), 1);
    lengthen_window(f);
    assert_int_equal(silent_count(f, id, NULL), 1);
    assert_int_equal(silent_count(f, id, "2.1"), 1);
}

/* The items of a cancelled area are not listed, in either form. */
static void silent_leaves_out_cancelled_areas(void **state)
{
    fixture *f = *state;
    int64_t id = fixture_meeting(f, "取消方面");
    edit_result r;
    assert_int_equal(
        edit_apply(f->st, fixture_id(f, "2"), FIELD_STATE, "cancelled", "合并", &r, NULL), 0);
    edit_result_free(&r);
    size_t shorter = silent_count(f, id, NULL);
    assert_true(shorter > 0);
    assert_int_equal(silent_count(f, id, "2.1"), 0);
    lengthen_window(f);
    assert_int_equal(silent_count(f, id, NULL), shorter);
    assert_int_equal(silent_count(f, id, "2.1"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(items_without_progress_in_a_long_window, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(items_without_progress, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(silent_forms_agree, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(silent_after_the_last_report_is_undone_or_late,
                                        fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(silent_leaves_out_cancelled_areas, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
