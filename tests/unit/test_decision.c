/* Decisions (议定事项) with a unit and a due date become tracked items:
 * under the item they are about, or in the area 会议议定事项 (made once,
 * reused); one transaction; undo right after takes both away, redo
 * brings both back; overdue like any other item. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/decision.h"
#include "edit/edit.h"
#include "edit/meeting.h"
#include "edit/structure.h"
#include "plan/date.h"
#include "query/query.h"
#include "store/store_internal.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void start(fixture *f)
{
    duban_error err;
    if (meeting_start(f->st, f->plan, "第三次推进会", "2021-10-01", NULL, &err))
        fail_msg("%s", err.msg);
}

static decision_added decide(fixture *f, const char *text, const char *unit, const char *due,
                             const char *about)
{
    decision_added d;
    duban_error err;
    int64_t id = about ? fixture_id(f, about) : 0;
    if (decision_add(f->st, f->plan, text, unit, due, id, &d, &err))
        fail_msg("%s", err.msg);
    return d;
}

static size_t count_decisions(fixture *f)
{
    meeting m;
    decision_list l;
    assert_int_equal(meeting_current(f->st, f->plan, &m, NULL), DUBAN_OK);
    assert_int_equal(decision_list_of(f->st, m.id, &l, NULL), DUBAN_OK);
    size_t n = l.n;
    decision_list_free(&l);
    meeting_free(&m);
    return n;
}

static int exists(fixture *f, const char *ref)
{
    node n;
    duban_error err;
    int rc = node_by_ref(f->st, f->plan, ref, &n, &err);
    if (!rc)
        node_free(&n);
    return rc == DUBAN_OK;
}

static void a_decision_without_item_goes_to_its_area(void **state)
{
    fixture *f = *state;
    start(f);
    decision_added d = decide(f, "  由县发改局牵头制定方案 ", " 县发改局 ", "2021-09-20", NULL);
    assert_true(d.id > 0);
    assert_string_equal(d.item_ref, "3.1"); /* the plan had two areas */
    node n;
    assert_int_equal(node_by_ref(f->st, f->plan, "3", &n, NULL), DUBAN_OK);
    assert_string_equal(n.title, DECISION_AREA);
    node_free(&n);
    assert_int_equal(node_by_ref(f->st, f->plan, "3.1", &n, NULL), DUBAN_OK);
    assert_int_equal(n.id, d.item_id);
    assert_string_equal(n.title, "由县发改局牵头制定方案");
    assert_string_equal(n.unit, "县发改局");
    assert_string_equal(n.due, "2021-09-20");
    node_free(&n);
    /* the area is reused */
    decision_added e = decide(f, "第二项", "县商务局", "2021-12-31", NULL);
    assert_string_equal(e.item_ref, "3.2");
    assert_false(exists(f, "4"));
    /* overdue like any other item */
    long today;
    assert_int_equal(date_parse("2021-10-01", &today, NULL), DUBAN_OK);
    overdue_list o;
    assert_int_equal(query_overdue(f->st, f->plan, today, &o, NULL), DUBAN_OK);
    int found = 0;
    for (size_t i = 0; i < o.n; i++)
        if (!strcmp(o.v[i].ref, "3.1")) {
            found = 1;
            assert_int_equal(o.v[i].days_late, 11);
            assert_string_equal(o.v[i].unit, "县发改局");
        }
    assert_true(found);
    overdue_list_free(&o);
    /* the decisions name their items */
    meeting m;
    decision_list l;
    assert_int_equal(meeting_current(f->st, f->plan, &m, NULL), DUBAN_OK);
    assert_int_equal(decision_list_of(f->st, m.id, &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].item_ref, "3.1");
    assert_int_equal(l.v[0].item_id, d.item_id);
    assert_string_equal(l.v[0].ref, "");
    assert_string_equal(l.v[0].unit, "县发改局");
    assert_string_equal(l.v[1].item_ref, "3.2");
    decision_list_free(&l);
    meeting_free(&m);
}

static void a_decision_about_an_item_is_a_sub_item(void **state)
{
    fixture *f = *state;
    start(f);
    decision_added d = decide(f, "加快进度", "县住建局", "2021-11-30", "1.2");
    assert_string_equal(d.item_ref, "1.2.3"); /* 1.2 had 1.2.1 and 1.2.2 */
    /* about a sub-item: a sibling of it (three levels at most) */
    d = decide(f, "再议", "县住建局", "2021-11-30", "1.2.1");
    assert_string_equal(d.item_ref, "1.2.4");
    /* about an area: an item of that area */
    d = decide(f, "新增一项", "县住建局", "2021-11-30", "2");
    assert_string_equal(d.item_ref, "2.2");
    assert_false(exists(f, "3")); /* no area of decisions was needed */
    /* without a unit, or without a due date: a decision only */
    d = decide(f, "研究", NULL, "2021-11-30", "1.1");
    assert_int_equal(d.item_id, 0);
    assert_string_equal(d.item_ref, "");
    d = decide(f, "研究", "县住建局", "", NULL);
    assert_int_equal(d.item_id, 0);
    d = decide(f, "研究", "   ", "2021-11-30", NULL);
    assert_int_equal(d.item_id, 0);
    assert_false(exists(f, "3"));
    assert_int_equal(count_decisions(f), 6);
}

static void undo_takes_the_item_and_the_decision(void **state)
{
    fixture *f = *state;
    start(f);
    decide(f, "只记录", NULL, NULL, NULL);
    decide(f, "落实", "县发改局", "2021-11-30", "1.1");
    assert_int_equal(count_decisions(f), 2);
    assert_true(exists(f, "1.1.1"));
    edit_result r;
    assert_int_equal(edit_undo(f->st, f->plan, &r, NULL), DUBAN_OK);
    assert_string_equal(r.ref, "1.1.1");
    edit_result_free(&r);
    assert_false(exists(f, "1.1.1"));
    assert_int_equal(count_decisions(f), 1);
    assert_int_equal(edit_redo(f->st, f->plan, &r, NULL), DUBAN_OK);
    edit_result_free(&r);
    assert_true(exists(f, "1.1.1"));
    assert_int_equal(count_decisions(f), 2);
}

/* A decision recorded by mistake is taken back: a plain one deleted, a
 * tracked one with its item (undo brings both back); refused without an
 * open meeting, for an ended meeting's, once the item has a note, and
 * for one already taken back; a refusal changes nothing. */
static void a_decision_is_taken_back(void **state)
{
    fixture *f = *state;
    start(f);
    decision_added plain = decide(f, "误记", NULL, NULL, "1.2");
    decision_added tracked = decide(f, "落实", "县发改局", "2021-11-30", "1.1");
    decision_added noted = decide(f, "已有进展", "县商务局", "2021-12-31", "1.1");
    fixture_edit(f, "1.1.2", FIELD_NOTE, "已开始", NULL);
    decision_withdrawn w;
    duban_error err;
    assert_int_equal(decision_withdraw(f->st, f->plan, plain.id, &w, &err), DUBAN_OK);
    assert_string_equal(w.item_ref, "");
    assert_int_equal(count_decisions(f), 2);
    assert_int_equal(decision_withdraw(f->st, f->plan, plain.id, &w, &err), DUBAN_ENOTFOUND);
    assert_int_equal(decision_withdraw(f->st, f->plan, tracked.id, &w, &err), DUBAN_OK);
    assert_string_equal(w.item_ref, "1.1.1");
    assert_false(exists(f, "1.1.1"));
    assert_int_equal(count_decisions(f), 1);
    assert_int_equal(decision_withdraw(f->st, f->plan, tracked.id, &w, &err), DUBAN_ENOTFOUND);
    edit_result r;
    assert_int_equal(edit_undo(f->st, f->plan, &r, NULL), DUBAN_OK); /* both back */
    edit_result_free(&r);
    assert_true(exists(f, "1.1.1"));
    assert_int_equal(count_decisions(f), 2);
    assert_int_equal(decision_withdraw(f->st, f->plan, noted.id, &w, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "cancel"));
    assert_true(exists(f, "1.1.2"));
    assert_int_equal(meeting_end(f->st, f->plan, NULL), DUBAN_OK);
    assert_int_equal(decision_withdraw(f->st, f->plan, tracked.id, &w, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "no meeting is open"));
    start(f);
    assert_int_equal(decision_withdraw(f->st, f->plan, tracked.id, &w, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "ended"));
    assert_true(exists(f, "1.1.1"));
    assert_int_equal(decision_withdraw(f->st, f->plan, 999, &w, &err), DUBAN_ENOTFOUND);
}

static void a_long_or_multiline_text_is_the_body(void **state)
{
    fixture *f = *state;
    start(f);
    decision_added d = decide(f, "第一行\n第二行", "县发改局", "2021-11-30", NULL);
    node n;
    assert_int_equal(node_by_id(f->st, d.item_id, &n, NULL), DUBAN_OK);
    assert_string_equal(n.title, "第一行");
    assert_string_equal(n.body, "第一行\n第二行");
    node_free(&n);
    char long_text[1800];
    for (size_t i = 0; i < 600; i++)
        memcpy(long_text + 3 * i, "议", 3);
    long_text[3 * 599] = '\0'; /* 599 characters: the title keeps 500 */
    d = decide(f, long_text, "县发改局", "2021-11-30", NULL);
    assert_int_equal(node_by_id(f->st, d.item_id, &n, NULL), DUBAN_OK);
    assert_int_equal(strlen(n.title), 3 * EDIT_TITLE_MAX);
    assert_string_equal(n.body, long_text);
    node_free(&n);
}

static void a_refused_decision_writes_nothing(void **state)
{
    fixture *f = *state;
    start(f);
    duban_error err;
    char unit[1100];
    memset(unit, 'x', sizeof unit - 1);
    unit[sizeof unit - 1] = '\0';
    assert_int_equal(decision_add(f->st, f->plan, "x", unit, "2021-11-30", 0, NULL, &err),
                     DUBAN_EINVAL);
    assert_int_equal(decision_add(f->st, f->plan, "x", "县发改局", "2021-13-01", 0, NULL, &err),
                     DUBAN_EINVAL);
    assert_int_equal(count_decisions(f), 0);
    assert_false(exists(f, "3"));
    /* about an item taken away (an undone addition): the decision row,
     * written first, goes with the refusal */
    node_new nn = {.title = "误加"};
    edit_result r;
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1"), &nn, &r, NULL), DUBAN_OK);
    int64_t gone = r.node_id;
    edit_result_free(&r);
    assert_int_equal(edit_undo(f->st, f->plan, &r, NULL), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(decision_add(f->st, f->plan, "x", "县发改局", "2021-11-30", gone, NULL, &err),
                     DUBAN_ENOTFOUND);
    assert_int_equal(count_decisions(f), 0);
}

static void inside_a_batch(void **state)
{
    fixture *f = *state;
    start(f);
    assert_int_equal(store_begin(f->st, NULL), DUBAN_OK);
    decision_added d = decide(f, "批量", "县发改局", "2021-11-30", NULL);
    assert_int_equal(store_commit(f->st, NULL), DUBAN_OK);
    assert_string_equal(d.item_ref, "3.1");
    assert_true(exists(f, "3.1"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_decision_without_item_goes_to_its_area, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_decision_about_an_item_is_a_sub_item, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(undo_takes_the_item_and_the_decision, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_decision_is_taken_back, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(a_long_or_multiline_text_is_the_body, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_refused_decision_writes_nothing, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(inside_a_batch, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
