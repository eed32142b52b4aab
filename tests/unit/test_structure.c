/* Structural edits (edit/structure.h): adding, renaming, bodies,
 * cancelling, deleting, moving, renumbering, milestones, deleting notes;
 * each with its undo and redo, and bad input changing nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/structure.h"
#include "query/query.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long day(const char *s)
{
    long d = 0;
    assert_int_equal(date_parse(s, &d, NULL), 0);
    return d;
}

static void undo_ok(fixture *f)
{
    edit_result r;
    duban_error err;
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
}

static void redo_ok(fixture *f)
{
    edit_result r;
    duban_error err;
    assert_int_equal(edit_redo(f->st, f->plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
}

static int has_ref(fixture *f, const char *ref)
{
    node n;
    int rc = node_by_ref(f->st, f->plan, ref, &n, NULL);
    node_free(&n);
    return rc == DUBAN_OK;
}

static void expect_title(fixture *f, const char *ref, const char *title)
{
    node n;
    duban_error err;
    assert_int_equal(node_by_ref(f->st, f->plan, ref, &n, &err), DUBAN_OK);
    assert_string_equal(n.title, title);
    node_free(&n);
}

static int area_total(fixture *f, int area, long today)
{
    area_stats_list l;
    duban_error err;
    assert_int_equal(query_area_stats(f->st, f->plan, today, 0, &l, &err), DUBAN_OK);
    int total = area <= (int)l.n ? l.v[area - 1].total : -1;
    area_stats_list_free(&l);
    return total;
}

static size_t overdue_count(fixture *f, const char *today)
{
    overdue_list l;
    duban_error err;
    assert_int_equal(query_overdue(f->st, f->plan, day(today), &l, &err), DUBAN_OK);
    size_t n = l.n;
    overdue_list_free(&l);
    return n;
}

static void add_takes_next_number_and_undoes(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    node_new nn = {.title = "新增：数字乡村试点", .unit = "农业农村局"};
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1"), &nn, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "1.3");
    assert_string_equal(r.field, "state");
    edit_result_free(&r);
    expect_title(f, "1.3", "新增：数字乡村试点");
    node n;
    assert_int_equal(node_by_ref(f->st, f->plan, "1.3", &n, &err), DUBAN_OK);
    assert_string_equal(n.due, "2021-12-31"); /* the plan's end */
    assert_string_equal(n.status, "not_started");
    node_free(&n);
    assert_int_equal(area_total(f, 1, day("2021-07-01")), 3);
    undo_ok(f);
    assert_false(has_ref(f, "1.3"));
    assert_int_equal(area_total(f, 1, day("2021-07-01")), 2);
    redo_ok(f);
    expect_title(f, "1.3", "新增：数字乡村试点");
    /* After an undo, the number is not given again. */
    undo_ok(f);
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1"), &nn, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "1.4");
    edit_result_free(&r);
}

static void add_area_subitem_and_after(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    node_new area = {.title = "新的方面"};
    assert_int_equal(edit_add_node(f->st, f->plan, 0, &area, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "3");
    edit_result_free(&r);
    node_new sub = {.title = "子项"};
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1.1"), &sub, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "1.1.1");
    edit_result_free(&r);
    /* Sub-items cannot have children. */
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1.1.1"), &sub, &r, &err),
                     DUBAN_EINVAL);
    /* --after: numbered next, placed after 1.1 (and its sub-item). */
    node_new after = {.title = "插在1.1之后", .after_id = fixture_id(f, "1.1")};
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1"), &after, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "1.3");
    edit_result_free(&r);
    node_list l;
    assert_int_equal(node_children(f->st, f->plan, fixture_id(f, "1"), &l, &err), DUBAN_OK);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.v[1].ref, "1.3");
    assert_string_equal(l.v[2].ref, "1.2");
    node_list_free(&l);
}

static void bad_input_changes_nothing(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    char longt[1600];
    memset(longt, 0, sizeof longt);
    for (int i = 0; i < 501; i++)
        strcat(longt, "字");
    const char *bad[] = {"", "   ", "a\xff", longt, "two\nlines"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        node_new nn = {.title = bad[i]};
        assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1"), &nn, &r, &err),
                         DUBAN_EINVAL);
        assert_int_equal(
            edit_apply(f->st, fixture_id(f, "1.1"), FIELD_TITLE, bad[i], NULL, &r, &err),
            DUBAN_EINVAL);
    }
    node_new nn = {.title = "x", .due = "2021-13-45"};
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1"), &nn, &r, &err),
                     DUBAN_EINVAL);
    nn.due = NULL;
    assert_int_equal(edit_add_node(f->st, f->plan, 999999, &nn, &r, &err), DUBAN_ENOTFOUND);
    nn.after_id = fixture_id(f, "2.1");
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1"), &nn, &r, &err),
                     DUBAN_EINVAL);
    /* 500 characters are fine. */
    longt[strlen(longt) - 3] = '\0';
    assert_int_equal(edit_apply(f->st, fixture_id(f, "1.1"), FIELD_TITLE, longt, NULL, &r, &err),
                     DUBAN_OK);
    edit_result_free(&r);
    undo_ok(f);
    assert_false(has_ref(f, "1.3"));
    assert_int_equal(edit_undo(f->st, f->plan, &r, &err), DUBAN_EEMPTY);
}

static void rename_and_body_undo(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    node n;
    assert_int_equal(node_by_ref(f->st, f->plan, "1.1", &n, &err), DUBAN_OK);
    char *old_title = strdup(n.title);
    node_free(&n);
    assert_int_equal(
        edit_apply(f->st, fixture_id(f, "1.1"), FIELD_TITLE, "  新标题  ", NULL, &r, &err), 0);
    edit_result_free(&r);
    expect_title(f, "1.1", "新标题");
    assert_int_equal(
        edit_apply(f->st, fixture_id(f, "1.1"), FIELD_BODY, "新的正文\n第二行", NULL, &r, &err), 0);
    edit_result_free(&r);
    id_list ids;
    assert_int_equal(query_search(f->st, f->plan, "第二行", &ids, &err), DUBAN_OK);
    assert_int_equal(ids.n, 1);
    id_list_free(&ids);
    undo_ok(f);
    undo_ok(f);
    expect_title(f, "1.1", old_title);
    redo_ok(f);
    expect_title(f, "1.1", "新标题");
    free(old_title);
}

static void cancel_leaves_counts_and_restores(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    size_t late = overdue_count(f, "2021-10-15"); /* 1.1 and 2.1 */
    assert_int_equal(late, 2);
    assert_int_equal(
        edit_apply(f->st, fixture_id(f, "1.1"), FIELD_STATE, "cancelled", "并入1.2", &r, &err), 0);
    edit_result_free(&r);
    assert_int_equal(overdue_count(f, "2021-10-15"), 1);
    assert_int_equal(area_total(f, 1, day("2021-10-15")), 1);
    node n;
    assert_int_equal(node_by_ref(f->st, f->plan, "1.1", &n, &err), DUBAN_OK);
    assert_string_equal(n.state, "cancelled");
    node_free(&n);
    note_list notes;
    assert_int_equal(node_notes(f->st, fixture_id(f, "1.1"), &notes, &err), DUBAN_OK);
    assert_int_equal(notes.n, 1);
    assert_string_equal(notes.v[0].text, "并入1.2");
    note_list_free(&notes);
    /* A cancelled area takes its items out with it. */
    assert_int_equal(edit_apply(f->st, fixture_id(f, "2"), FIELD_STATE, "cancelled", "", &r, &err),
                     0);
    edit_result_free(&r);
    assert_int_equal(overdue_count(f, "2021-10-15"), 0);
    assert_int_equal(edit_apply(f->st, fixture_id(f, "1.1"), FIELD_STATE, "", "", &r, &err), 0);
    edit_result_free(&r);
    assert_int_equal(overdue_count(f, "2021-10-15"), 1);
    undo_ok(f);
    undo_ok(f);
    undo_ok(f);
    assert_int_equal(overdue_count(f, "2021-10-15"), 2);
    assert_int_equal(edit_apply(f->st, fixture_id(f, "1.1"), FIELD_STATE, "removed", "", &r, &err),
                     DUBAN_EINVAL);
    /* A cancelled item takes its sub-items out too (parent lookups). */
    item_stats_list parts;
    assert_int_equal(
        edit_apply(f->st, fixture_id(f, "1.2"), FIELD_STATE, "cancelled", "x", &r, &err), 0);
    edit_result_free(&r);
    assert_int_equal(
        query_item_stats(f->st, f->plan, fixture_id(f, "1"), 0, day("2021-10-15"), &parts, &err),
        DUBAN_OK);
    assert_int_equal(parts.n, 1); /* 1.1 only: not 1.2, 1.2.1, 1.2.2 */
    assert_int_equal(parts.v[0].node_id, fixture_id(f, "1.1"));
    item_stats_list_free(&parts);
}

static void delete_only_without_history(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    fixture_edit(f, "2.1", FIELD_STATUS, "in_progress", NULL);
    assert_int_equal(edit_delete_node(f->st, fixture_id(f, "2.1"), &r, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "cancel"));
    assert_int_equal(edit_delete_node(f->st, fixture_id(f, "1.2"), &r, &err), DUBAN_EINVAL);
    int64_t id = fixture_id(f, "1.1");
    assert_int_equal(edit_delete_node(f->st, id, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_false(has_ref(f, "1.1"));
    assert_int_equal(area_total(f, 1, day("2021-07-01")), 1);
    undo_ok(f);
    assert_true(has_ref(f, "1.1"));
    /* An added item can be deleted again, its addition being its only history. */
    node_new nn = {.title = "误加"};
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "2"), &nn, &r, &err), DUBAN_OK);
    int64_t added = r.node_id;
    edit_result_free(&r);
    assert_int_equal(edit_delete_node(f->st, added, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_false(has_ref(f, "2.2"));
}

static void move_keeps_old_ref(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    int64_t id = fixture_id(f, "1.2");
    assert_int_equal(edit_move_node(f->st, id, fixture_id(f, "2"), 0, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "2.2");
    edit_result_free(&r);
    assert_false(has_ref(f, "1.2"));
    assert_true(has_ref(f, "2.2.1"));
    int64_t to = 0;
    assert_int_equal(node_moved_to(f->st, f->plan, "1.2", &to, &err), DUBAN_OK);
    assert_int_equal(to, id);
    assert_int_equal(node_moved_to(f->st, f->plan, "1.2.2", &to, &err), DUBAN_OK);
    assert_int_equal(to, fixture_id(f, "2.2.2"));
    /* 1.2 is never given again. */
    node_new nn = {.title = "新"};
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1"), &nn, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "1.3");
    edit_result_free(&r);
    undo_ok(f);
    undo_ok(f);
    assert_true(has_ref(f, "1.2.1"));
    assert_false(has_ref(f, "2.2"));
    assert_int_equal(node_moved_to(f->st, f->plan, "1.2", &to, &err), DUBAN_ENOTFOUND);
    redo_ok(f);
    assert_true(has_ref(f, "2.2.2"));
    /* Into itself, or too deep, or an unknown area: refused. */
    assert_int_equal(edit_move_node(f->st, fixture_id(f, "2"), fixture_id(f, "2.2"), 0, &r, &err),
                     DUBAN_EINVAL);
    assert_int_equal(edit_move_node(f->st, fixture_id(f, "2"), fixture_id(f, "2"), 0, &r, &err),
                     DUBAN_EINVAL);
    assert_int_equal(edit_move_node(f->st, fixture_id(f, "2.2"), fixture_id(f, "1.1"), 0, &r, &err),
                     DUBAN_EINVAL);
    assert_int_equal(edit_move_node(f->st, fixture_id(f, "2.1"), 424242, 0, &r, &err),
                     DUBAN_ENOTFOUND);
    /* An area with flat items may become an item. */
    assert_int_equal(edit_move_node(f->st, fixture_id(f, "1"), fixture_id(f, "2"), 0, &r, &err),
                     DUBAN_OK);
    assert_string_equal(r.ref, "2.3");
    edit_result_free(&r);
    assert_true(has_ref(f, "2.3.1"));
    undo_ok(f);
    assert_true(has_ref(f, "1.1"));
}

static void renumber_closes_gaps(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    int64_t id = fixture_id(f, "1.1");
    assert_int_equal(edit_move_node(f->st, id, fixture_id(f, "2"), 0, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    int64_t i12 = fixture_id(f, "1.2");
    assert_int_equal(edit_renumber(f->st, fixture_id(f, "1"), &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(fixture_id(f, "1.1"), i12);
    assert_true(has_ref(f, "1.1.2"));
    int64_t to = 0;
    assert_int_equal(node_moved_to(f->st, f->plan, "1.2.1", &to, &err), DUBAN_OK);
    assert_int_equal(to, fixture_id(f, "1.1.1"));
    assert_int_equal(edit_renumber(f->st, fixture_id(f, "1"), &r, &err), DUBAN_EEMPTY);
    undo_ok(f);
    assert_int_equal(fixture_id(f, "1.2"), i12);
    assert_false(has_ref(f, "1.1"));
    redo_ok(f);
    assert_int_equal(fixture_id(f, "1.1"), i12);
}

static void milestones_each_with_status(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    int64_t id = fixture_id(f, "1.2");
    assert_int_equal(overdue_count(f, "2021-08-15"), 1); /* 1.1's milestone */
    assert_int_equal(edit_milestone_add(f->st, id, "三季度开工", "2021-08-01", &r, &err), 0);
    assert_string_equal(r.field, "ms.1.state");
    edit_result_free(&r);
    assert_int_equal(overdue_count(f, "2021-08-15"), 2);
    assert_int_equal(edit_milestone(f->st, id, 1, MS_DONE, "2021-08-10", &r, &err), 0);
    edit_result_free(&r);
    assert_int_equal(overdue_count(f, "2021-08-15"), 1);
    milestone_list ml;
    assert_int_equal(node_milestones(f->st, id, &ml, &err), DUBAN_OK);
    assert_int_equal(ml.n, 1);
    assert_string_equal(ml.v[0].done, "2021-08-10");
    assert_int_equal(ml.v[0].seq, 1);
    milestone_list_free(&ml);
    assert_int_equal(edit_milestone(f->st, id, 1, MS_DONE, "2021-08-11", &r, &err), DUBAN_EEMPTY);
    assert_int_equal(edit_milestone(f->st, id, 1, MS_REOPEN, NULL, &r, &err), 0);
    edit_result_free(&r);
    assert_int_equal(overdue_count(f, "2021-08-15"), 2);
    assert_int_equal(edit_milestone(f->st, id, 1, MS_DATE, "2021-13-45", &r, &err), DUBAN_EINVAL);
    assert_int_equal(edit_milestone(f->st, id, 1, MS_DATE, "2021-09-30", &r, &err), 0);
    edit_result_free(&r);
    assert_int_equal(overdue_count(f, "2021-08-15"), 1);
    assert_int_equal(edit_milestone(f->st, id, 1, MS_DELETE, NULL, &r, &err), 0);
    edit_result_free(&r);
    assert_int_equal(edit_milestone(f->st, id, 1, MS_DONE, "2021-08-11", &r, &err),
                     DUBAN_ENOTFOUND);
    assert_int_equal(edit_milestone(f->st, id, 7, MS_DONE, "2021-08-11", &r, &err),
                     DUBAN_ENOTFOUND);
    assert_int_equal(node_milestones(f->st, id, &ml, &err), DUBAN_OK);
    assert_int_equal(ml.n, 0);
    milestone_list_free(&ml);
    undo_ok(f); /* delete */
    undo_ok(f); /* date */
    assert_int_equal(overdue_count(f, "2021-08-15"), 2);
    for (int i = 0; i < 3; i++)
        undo_ok(f); /* reopen, done, add */
    assert_int_equal(node_milestones(f->st, id, &ml, &err), DUBAN_OK);
    assert_int_equal(ml.n, 0);
    milestone_list_free(&ml);
    redo_ok(f);
    assert_int_equal(overdue_count(f, "2021-08-15"), 2);
    /* An item marked done closes its milestones. */
    fixture_edit(f, "1.2", FIELD_STATUS, "done", NULL);
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL);
    assert_int_equal(overdue_count(f, "2021-08-15"), 0);
}

static void note_delete_kept_in_history(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    fixture_edit(f, "2.1", FIELD_NOTE, "第一条", NULL);
    fixture_edit(f, "2.1", FIELD_NOTE, "写错了", NULL);
    int64_t id = fixture_id(f, "2.1");
    assert_int_equal(edit_note_delete(f->st, id, 2, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    note_list nl;
    assert_int_equal(node_notes(f->st, id, &nl, &err), DUBAN_OK);
    assert_int_equal(nl.n, 1);
    assert_string_equal(nl.v[0].text, "第一条");
    note_list_free(&nl);
    id_list ids;
    assert_int_equal(query_search(f->st, f->plan, "写错了", &ids, &err), DUBAN_OK);
    assert_int_equal(ids.n, 0);
    id_list_free(&ids);
    history_list h;
    assert_int_equal(node_history(f->st, id, &h, &err), DUBAN_OK);
    assert_int_equal(h.n, 3);
    assert_string_equal(h.v[1].new_value, "写错了");
    history_list_free(&h);
    assert_int_equal(edit_note_delete(f->st, id, 5, &r, &err), DUBAN_ENOTFOUND);
    undo_ok(f);
    assert_int_equal(node_notes(f->st, id, &nl, &err), DUBAN_OK);
    assert_int_equal(nl.n, 2);
    note_list_free(&nl);
    redo_ok(f);
    assert_int_equal(node_notes(f->st, id, &nl, &err), DUBAN_OK);
    assert_int_equal(nl.n, 1);
    note_list_free(&nl);
}

/* A note no edit wrote (a ledger's first note) is deleted by its own id. */
static void imported_note_delete(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    plan_doc doc;
    int64_t plan = 0;
    test_small_doc(&doc);
    for (size_t i = 0; i < doc.nnodes; i++)
        if (doc.nodes[i].depth == NODE_ITEM && !doc.nodes[i].note) {
            doc.nodes[i].note = strdup("导入的进展");
            break;
        }
    assert_int_equal(store_add_plan(f->st, &doc, &plan, &err), DUBAN_OK);
    plan_doc_free(&doc);
    node n;
    assert_int_equal(node_by_ref(f->st, plan, "1.1", &n, &err), DUBAN_OK);
    note_list nl;
    assert_int_equal(node_notes(f->st, n.id, &nl, &err), DUBAN_OK);
    assert_int_equal(nl.n, 1);
    note_list_free(&nl);
    assert_int_equal(edit_note_delete(f->st, n.id, 1, &r, &err), DUBAN_OK);
    assert_int_equal(strncmp(r.field, "note.i", 6), 0);
    edit_result_free(&r);
    assert_int_equal(node_notes(f->st, n.id, &nl, &err), DUBAN_OK);
    assert_int_equal(nl.n, 0);
    note_list_free(&nl);
    assert_int_equal(edit_undo(f->st, plan, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(node_notes(f->st, n.id, &nl, &err), DUBAN_OK);
    assert_int_equal(nl.n, 1);
    note_list_free(&nl);
    node_free(&n);
}

static void undo_across_restart(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    node_new nn = {.title = "重启后撤销"};
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "2"), &nn, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(edit_move_node(f->st, fixture_id(f, "2.2"), fixture_id(f, "1"), 0, &r, &err),
                     DUBAN_OK);
    edit_result_free(&r);
    char path[1024];
    snprintf(path, sizeof path, "%s", store_path(f->st));
    store_close(f->st);
    assert_int_equal(store_open(path, 0, &f->st, &err), DUBAN_OK);
    undo_ok(f);
    assert_true(has_ref(f, "2.2"));
    undo_ok(f);
    assert_false(has_ref(f, "2.2"));
    store_close(f->st);
    assert_int_equal(store_open(path, 0, &f->st, &err), DUBAN_OK);
    redo_ok(f);
    redo_ok(f);
    expect_title(f, "1.3", "重启后撤销");
}

static void expect_order(fixture *f, const char *parent, const char *const *refs, size_t n)
{
    node_list l;
    duban_error err;
    assert_int_equal(node_children(f->st, f->plan, fixture_id(f, parent), &l, &err), DUBAN_OK);
    assert_int_equal(l.n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(l.v[i].ref, refs[i]);
    node_list_free(&l);
}

static void reorder_swaps_places_keeps_refs(void **state)
{
    fixture *f = *state;
    edit_result r;
    duban_error err;
    node_new nn = {.title = "after 1.1", .after_id = fixture_id(f, "1.1")};
    assert_int_equal(edit_add_node(f->st, f->plan, fixture_id(f, "1"), &nn, &r, &err), 0);
    edit_result_free(&r);
    expect_order(f, "1", (const char *[]){"1.1", "1.3", "1.2"}, 3);
    /* 1.2 (with its sub-items) up past 1.3, then past 1.1. */
    assert_int_equal(edit_reorder(f->st, fixture_id(f, "1.2"), -1, &r, &err), DUBAN_OK);
    assert_string_equal(r.ref, "1.2");
    edit_result_free(&r);
    expect_order(f, "1", (const char *[]){"1.1", "1.2", "1.3"}, 3);
    assert_int_equal(edit_reorder(f->st, fixture_id(f, "1.2"), -1, &r, &err), DUBAN_OK);
    edit_result_free(&r);
    expect_order(f, "1", (const char *[]){"1.2", "1.1", "1.3"}, 3);
    expect_order(f, "1.2", (const char *[]){"1.2.1", "1.2.2"}, 2);
    node_list all;
    assert_int_equal(node_all(f->st, f->plan, &all, &err), DUBAN_OK);
    const char *outline[] = {"1", "1.2", "1.2.1", "1.2.2", "1.1", "1.3", "2", "2.1"};
    assert_int_equal(all.n, 8);
    for (size_t i = 0; i < all.n; i++)
        assert_string_equal(all.v[i].ref, outline[i]);
    node_list_free(&all);
    assert_int_equal(edit_reorder(f->st, fixture_id(f, "1.2"), -1, &r, &err), DUBAN_EEMPTY);
    assert_int_equal(edit_reorder(f->st, fixture_id(f, "1"), 1, &r, &err), DUBAN_EINVAL);
    undo_ok(f);
    undo_ok(f);
    expect_order(f, "1", (const char *[]){"1.1", "1.3", "1.2"}, 3);
    redo_ok(f);
    expect_order(f, "1", (const char *[]){"1.1", "1.2", "1.3"}, 3);
    assert_int_equal(edit_reorder(f->st, fixture_id(f, "1.3"), 1, &r, &err), DUBAN_EEMPTY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(add_takes_next_number_and_undoes, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(add_area_subitem_and_after, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(bad_input_changes_nothing, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(rename_and_body_undo, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(cancel_leaves_counts_and_restores, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(delete_only_without_history, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(move_keeps_old_ref, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(renumber_closes_gaps, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(milestones_each_with_status, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(note_delete_kept_in_history, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(undo_across_restart, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(imported_note_delete, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(reorder_swaps_places_keeps_refs, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
