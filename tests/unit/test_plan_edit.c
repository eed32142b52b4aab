/* Whole plans (edit/plan_edit.h): the default plan, renaming and
 * re-dating with undo, deleting; and the status set kept with each plan
 * (store/plan_status.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "edit/meeting.h"
#include "edit/plan_edit.h"
#include "query/query.h"
#include "store/plan_status.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t second_plan(fixture *f)
{
    plan_doc doc;
    int64_t id = 0;
    test_small_doc(&doc);
    assert_int_equal(store_add_plan(f->st, &doc, &id, NULL), DUBAN_OK);
    plan_doc_free(&doc);
    return id;
}

static void default_plan_is_chosen_not_the_newest(void **state)
{
    fixture *f = *state;
    duban_error err;
    int64_t newer = second_plan(f), got = 0;
    assert_int_equal(plan_resolve(f->st, NULL, &got, &err), DUBAN_OK);
    assert_int_equal(got, newer);
    assert_int_equal(plan_set_default(f->st, f->plan, &err), DUBAN_OK);
    assert_int_equal(plan_resolve(f->st, NULL, &got, &err), DUBAN_OK);
    assert_int_equal(got, f->plan);
    assert_int_equal(plan_set_default(f->st, 999, &err), DUBAN_ENOTFOUND);
    /* Deleting the default falls back to the newest. */
    assert_int_equal(plan_delete(f->st, f->plan, &err), DUBAN_OK);
    assert_int_equal(plan_resolve(f->st, NULL, &got, &err), DUBAN_OK);
    assert_int_equal(got, newer);
    assert_int_equal(plan_default(f->st, &got, &err), DUBAN_OK);
    assert_int_equal(got, 0);
}

static void rename_and_period_undo(void **state)
{
    fixture *f = *state;
    duban_error err;
    edit_result r;
    plan_info p;
    assert_int_equal(plan_rename(f->st, f->plan, "2022年计划", &r, &err), DUBAN_OK);
    assert_string_equal(r.field, "plan.title");
    edit_result_free(&r);
    assert_int_equal(plan_set_period(f->st, f->plan, "2022-01-01", "2022-12-31", &r, &err), 0);
    edit_result_free(&r);
    assert_int_equal(plan_get(f->st, f->plan, &p, &err), DUBAN_OK);
    assert_string_equal(p.title, "2022年计划");
    assert_string_equal(p.end, "2022-12-31");
    plan_info_free(&p);
    assert_int_equal(plan_set_period(f->st, f->plan, "2021-13-45", "2022-12-31", &r, &err),
                     DUBAN_EINVAL);
    assert_int_equal(plan_set_period(f->st, f->plan, "2022-12-31", "2022-01-01", &r, &err),
                     DUBAN_EINVAL);
    assert_int_equal(plan_rename(f->st, f->plan, "", &r, &err), DUBAN_EINVAL);
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(plan_get(f->st, f->plan, &p, &err), DUBAN_OK);
    assert_string_equal(p.title, "测试计划");
    assert_string_equal(p.start, "2021-07-01");
    plan_info_free(&p);
    assert_int_equal(edit_redo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(plan_get(f->st, f->plan, &p, &err), DUBAN_OK);
    assert_string_equal(p.title, "2022年计划");
    plan_info_free(&p);
}

/* plan_get and plan_list_all count the areas and items that count: not
 * cancelled or removed, and nothing above them cancelled or removed. */
static void counts_leave_out_cancelled_branches(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *ref, *state;
        int areas, items;
    } steps[] = {
        {NULL, NULL, 2, 5}, {"1.2.1", "cancelled", 2, 4}, {"1.2", "cancelled", 2, 2},
        {"1.2", "", 2, 4},  {"2", "cancelled", 1, 3},     {"1.1", "cancelled", 1, 2},
        {"2", "", 2, 3},    {"1.2.1", "", 2, 4},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (steps[i].ref)
            fixture_edit(f, steps[i].ref, FIELD_STATE, steps[i].state, "原因");
        plan_info p;
        plan_list pl;
        assert_int_equal(plan_get(f->st, f->plan, &p, NULL), DUBAN_OK);
        assert_int_equal(plan_list_all(f->st, &pl, NULL), DUBAN_OK);
        assert_int_equal(pl.n, 1);
        assert_int_equal(p.areas, steps[i].areas);
        assert_int_equal(p.items, steps[i].items);
        assert_int_equal(pl.v[0].areas, steps[i].areas);
        assert_int_equal(pl.v[0].items, steps[i].items);
        plan_info_free(&p);
        plan_list_free(&pl);
    }
}

static void delete_refused_while_meeting_open(void **state)
{
    fixture *f = *state;
    duban_error err;
    int64_t mid = 0;
    fixture_edit(f, "1.1", 0 /* FIELD_STATUS */, "in_progress", "开工");
    assert_int_equal(meeting_start(f->st, f->plan, "推进会", "2021-09-01", &mid, &err), 0);
    assert_int_equal(plan_delete(f->st, f->plan, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "meeting"));
    plan_list pl;
    assert_int_equal(plan_list_all(f->st, &pl, &err), DUBAN_OK);
    assert_int_equal(pl.n, 1);
    plan_list_free(&pl);
    assert_int_equal(meeting_end(f->st, f->plan, &err), DUBAN_OK);
    assert_int_equal(plan_delete(f->st, f->plan, &err), DUBAN_OK);
    assert_int_equal(plan_list_all(f->st, &pl, &err), DUBAN_OK);
    assert_int_equal(pl.n, 0);
    plan_list_free(&pl);
    assert_int_equal(plan_delete(f->st, f->plan, &err), DUBAN_ENOTFOUND);
}

static void statuses_live_with_the_plan(void **state)
{
    fixture *f = *state;
    duban_error err;
    /* A county's own set: the defaults plus 已销号. */
    status_set custom = *status_defaults();
    status_def *closed = &custom.v[custom.n++];
    memset(closed, 0, sizeof *closed);
    snprintf(closed->key, sizeof closed->key, "closed");
    snprintf(closed->name, sizeof closed->name, "已销号");
    snprintf(closed->glyph, sizeof closed->glyph, "[=]");
    closed->done = 1;
    assert_int_equal(store_use_plan_statuses(f->st, f->plan, &custom, 1, &err), DUBAN_OK);
    fixture_edit(f, "1.1", 0, "closed", NULL);
    fixture_edit(f, "2.1", 0, "已销号", NULL);
    /* Opened with the defaults (no configuration): the stored set stands. */
    store_set_statuses(f->st, status_defaults());
    assert_int_equal(store_use_plan_statuses(f->st, f->plan, status_defaults(), 0, &err), 0);
    assert_non_null(status_by_key(store_statuses(f->st), "closed"));
    assert_true(status_is_done(store_statuses(f->st), "closed"));
    /* A configured set without it is refused while items use it. */
    assert_int_equal(store_use_plan_statuses(f->st, f->plan, status_defaults(), 1, &err),
                     DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "'closed' (已销号) is used by 2 items"));
    fixture_edit(f, "1.1", 0, "done", NULL);
    fixture_edit(f, "2.1", 0, "done", NULL);
    assert_int_equal(store_use_plan_statuses(f->st, f->plan, status_defaults(), 1, &err), 0);
    assert_null(status_by_key(store_statuses(f->st), "closed"));
    /* The round trip of the stored form. */
    char *text = status_set_serialize(&custom);
    status_set back;
    assert_int_equal(status_set_parse(text, &back), 0);
    assert_int_equal(back.n, custom.n);
    assert_string_equal(back.v[5].name, "已销号");
    assert_true(back.v[5].done);
    for (size_t i = 0; i < custom.n; i++) /* the light roles too (受阻 red, 滞后 yellow) */
        assert_int_equal(back.v[i].role, custom.v[i].role);
    assert_int_equal(status_role_of(&back, "blocked"), STATUS_ROLE_BLOCKED);
    free(text);
    assert_int_equal(status_set_parse("broken", &back), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(default_plan_is_chosen_not_the_newest, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(rename_and_period_undo, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(counts_leave_out_cancelled_branches, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(delete_refused_while_meeting_open, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(statuses_live_with_the_plan, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
