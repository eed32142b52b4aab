/* The overdue rule with a fixed today, per-area stats, search, and the
 * append-only history. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "edit/structure.h"
#include "query/dated_rows.h"
#include "query/listing.h"
#include "query/query.h"
#include "store/store_internal.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long day(const char *s)
{
    long d;
    assert_int_equal(date_parse(s, &d, NULL), DUBAN_OK);
    return d;
}

static void nothing_is_overdue_on_the_first_day(void **state)
{
    fixture *f = *state;
    overdue_list l;
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-07-01"), &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 0);
    overdue_list_free(&l);
    /* due today is not late */
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-07-31"), &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 0);
    overdue_list_free(&l);
}

static void a_late_milestone_is_listed_with_its_phrase(void **state)
{
    fixture *f = *state;
    overdue_list l;
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-08-01"), &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0].ref, "1.1");
    assert_string_equal(l.v[0].phrase, "7月底完成");
    assert_string_equal(l.v[0].due, "2021-07-31");
    assert_int_equal(l.v[0].days_late, 1);
    assert_int_equal(l.v[0].area_seq, 1);
    overdue_list_free(&l);
}

static void most_overdue_first_and_items_cover_their_milestones(void **state)
{
    fixture *f = *state;
    overdue_list l;
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-10-01"), &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].ref, "1.1");
    assert_string_equal(l.v[0].phrase, ""); /* the item itself */
    assert_int_equal(l.v[0].days_late, 31);
    assert_string_equal(l.v[1].ref, "2.1");
    assert_int_equal(l.v[1].days_late, 1);
    assert_string_equal(l.v[1].area_title, "第二方面");
    overdue_list_free(&l);
}

static void done_items_are_never_overdue(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL);
    overdue_list l;
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-10-01"), &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0].ref, "2.1");
    overdue_list_free(&l);
    /* a new due date moves the item out of the list */
    fixture_edit(f, "2.1", FIELD_DUE, "2021-10-15", NULL);
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-10-01"), &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 0);
    overdue_list_free(&l);
}

static void sub_items_belong_to_their_area(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.2.1", FIELD_DUE, "2021-09-01", NULL);
    overdue_list l;
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-09-02"), &l, NULL), DUBAN_OK);
    int found = 0;
    for (size_t i = 0; i < l.n; i++)
        if (!strcmp(l.v[i].ref, "1.2.1")) {
            found = 1;
            assert_int_equal(l.v[i].area_seq, 1);
        }
    assert_true(found);
    overdue_list_free(&l);
}

static void area_stats_count_done_late_and_at_risk(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.2", FIELD_STATUS, "done", NULL);
    area_stats_list s;
    assert_int_equal(query_area_stats(f->st, f->plan, day("2021-09-20"), 14, &s, NULL), 0);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.v[0].total, 2);
    assert_int_equal(s.v[0].done, 1);
    assert_int_equal(s.v[0].overdue, 1); /* 1.1 */
    assert_int_equal(s.v[1].total, 1);
    assert_int_equal(s.v[1].overdue, 0);
    assert_int_equal(s.v[1].at_risk, 1); /* 2.1 due 09-30, within 14 days */
    area_stats one;
    assert_int_equal(
        query_area_stats_one(f->st, f->plan, s.v[1].area_id, day("2021-09-20"), 14, &one, NULL),
        DUBAN_OK);
    assert_int_equal(one.seq, 2);
    assert_int_equal(one.total, 1);
    assert_int_equal(one.at_risk, 1);
    area_stats_list_free(&s);
}

/* The per-area overdue rows add up to the overdue list, on several days. */
static void overdue_rows_match_the_overdue_list(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.2.1", FIELD_DUE, "2021-07-15", NULL);
    const char *days[] = {"2021-07-01", "2021-07-20", "2021-08-01",
                          "2021-09-01", "2021-10-01", "2022-01-01"};
    for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
        area_stats_list s;
        overdue_list l;
        assert_int_equal(query_area_stats(f->st, f->plan, day(days[d]), 14, &s, NULL), 0);
        assert_int_equal(query_overdue(f->st, f->plan, day(days[d]), &l, NULL), 0);
        int sum = 0;
        for (size_t i = 0; i < s.n; i++) {
            area_stats one;
            assert_int_equal(
                query_area_stats_one(f->st, f->plan, s.v[i].area_id, day(days[d]), 14, &one, NULL),
                DUBAN_OK);
            assert_int_equal(one.overdue_rows, s.v[i].overdue_rows);
            assert_int_equal(one.done, s.v[i].done);
            sum += s.v[i].overdue_rows;
        }
        assert_int_equal(sum, (int)l.n);
        area_stats_list_free(&s);
        overdue_list_free(&l);
    }
}

/* Counts the runs of the overdue reader's statement of the parents. */
static int count_parent_runs(unsigned type, void *ctx, void *p, void *x)
{
    (void)type;
    (void)x;
    const char *sql = sqlite3_sql(p);
    if (sql && strstr(sql, "WHERE id IN (SELECT value FROM json_each(?1))"))
        ++*(int *)ctx;
    return 0;
}

static void cancel_ref(store *st, int64_t plan, const char *ref)
{
    node n;
    edit_result r;
    assert_int_equal(node_by_ref(st, plan, ref, &n, NULL), 0);
    assert_int_equal(edit_apply(st, n.id, FIELD_STATE, "cancelled", "不做了", &r, NULL), 0);
    node_free(&n);
    edit_result_free(&r);
}

/* The seed plan far past its dates, with an item that has sub-items and
 * then a whole area cancelled: each row's area is its sort key's area,
 * the rows of an area add up to its overdue_rows (counted by SQL with
 * NODE_ACTIVE), no row is under a cancelled node, and the parents are
 * read in one statement (run for them, then for their parents), not a
 * look-up each row. */
static void overdue_reads_the_parents_once(void **state)
{
    fixture *f = *state;
    int64_t seed = test_add_seed_plan(f->st);
    node it;
    assert_int_equal(node_by_ref(f->st, seed, "1.2", &it, NULL), 0);
    for (int i = 0; i < 3; i++) { /* sub-items: rows whose parent is an item */
        node_new nn = {.title = "子项", .body = "", .due = "2021-08-01", .unit = "", .leader = ""};
        edit_result r;
        assert_int_equal(edit_add_node(f->st, seed, it.id, &nn, &r, NULL), 0);
        edit_result_free(&r);
    }
    node_free(&it);
    const char *item = "1.2", *area = "3";
    sqlite3_stmt *q;
    for (int round = 0; round < 3; round++) {
        if (round == 1)
            cancel_ref(f->st, seed, item);
        if (round == 2)
            cancel_ref(f->st, seed, area);
        int runs = 0;
        overdue_list l;
        sqlite3_trace_v2(f->st->db, SQLITE_TRACE_STMT, count_parent_runs, &runs);
        assert_int_equal(query_overdue(f->st, seed, day("2030-01-01"), &l, NULL), 0);
        sqlite3_trace_v2(f->st->db, 0, NULL, NULL);
        assert_true(l.n > 20);
        area_stats_list s;
        assert_int_equal(query_area_stats(f->st, seed, day("2030-01-01"), 14, &s, NULL), 0);
        for (size_t i = 0; i < s.n; i++) {
            size_t rows = 0;
            for (size_t k = 0; k < l.n; k++)
                rows += l.v[k].area_seq == s.v[i].seq;
            assert_int_equal(rows, s.v[i].overdue_rows);
        }
        assert_int_equal(
            sqlite3_prepare_v2(
                f->st->db,
                "SELECT a.seq, a.title, (SELECT count(*) FROM node c WHERE c.state <> ''"
                "  AND n.sort_key LIKE c.sort_key || '%')"
                " FROM node n JOIN node a ON a.plan_id = n.plan_id AND a.depth = 1"
                "  AND n.sort_key LIKE a.sort_key || '%' WHERE n.id = ?1",
                -1, &q, NULL),
            SQLITE_OK);
        for (size_t k = 0; k < l.n; k++) {
            sqlite3_bind_int64(q, 1, l.v[k].node_id);
            assert_int_equal(sqlite3_step(q), SQLITE_ROW);
            assert_int_equal(l.v[k].area_seq, sqlite3_column_int(q, 0));
            assert_string_equal(l.v[k].area_title, (const char *)sqlite3_column_text(q, 1));
            assert_int_equal(sqlite3_column_int(q, 2), 0); /* nothing above it cancelled */
            sqlite3_reset(q);
        }
        sqlite3_finalize(q);
        if (runs < 1 || runs > 2) /* the parents, then their parents */
            fail_msg("%d runs of the parents' statement", runs);
        area_stats_list_free(&s);
        overdue_list_free(&l);
    }
}

/* The packed sort keys order as strcmp() does, and keys of another form
 * have none (they compare by text). */
static void packed_sort_keys_order_as_text(void **state)
{
    (void)state;
    const char *k[] = {"00001",
                       "00001.00001",
                       "00001.00001.00001",
                       "00001.00002",
                       "00001.00010",
                       "00001.00010.00009",
                       "00002",
                       "00000.00001",
                       "99999.99999",
                       "09999.00001.00001"};
    size_t n = sizeof k / sizeof k[0];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            uint64_t a = dated_pack_key(k[i], (int)strlen(k[i]));
            uint64_t b = dated_pack_key(k[j], (int)strlen(k[j]));
            assert_true(a && b);
            int want = strcmp(k[i], k[j]), got = (a > b) - (a < b);
            if ((want > 0) - (want < 0) != got)
                fail_msg("%s vs %s: %d by number", k[i], k[j], got);
        }
    const char *other[] = {"100000", "00001.00001.00001.00001", "0001", "00001.", "", "0000a"};
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
        assert_int_equal(dated_pack_key(other[i], (int)strlen(other[i])), 0);
}

/* The days late are CAST(julianday(today) - julianday(due) AS INTEGER),
 * also for a due date past its month's end (julianday() runs it on) and
 * for one that is no date (0). */
static void days_late_as_julianday(void **state)
{
    fixture *f = *state;
    const char *due[] = {"2021-02-30", "2020-02-29", "2021-09-31", "2021-7-01", "1999-12-31"};
    char *msg = NULL;
    for (size_t i = 0; i < sizeof due / sizeof due[0]; i++) {
        char sql[160];
        snprintf(sql, sizeof sql, "UPDATE node SET due = '%s' WHERE id = %lld", due[i],
                 (long long)fixture_id(f, "1.1"));
        assert_int_equal(sqlite3_exec(f->st->db, sql, NULL, NULL, &msg), SQLITE_OK);
        overdue_list l;
        assert_int_equal(query_overdue(f->st, f->plan, day("2021-10-01"), &l, NULL), 0);
        sqlite3_stmt *q;
        assert_int_equal(sqlite3_prepare_v2(f->st->db,
                                            "SELECT CAST(julianday('2021-10-01') - julianday(?1)"
                                            " AS INTEGER)",
                                            -1, &q, NULL),
                         SQLITE_OK);
        for (size_t k = 0; k < l.n; k++) {
            sqlite3_bind_text(q, 1, l.v[k].due, -1, SQLITE_STATIC);
            assert_int_equal(sqlite3_step(q), SQLITE_ROW);
            if (l.v[k].days_late != sqlite3_column_int(q, 0))
                fail_msg("%s: %d days, julianday says %d", l.v[k].due, l.v[k].days_late,
                         sqlite3_column_int(q, 0));
            sqlite3_reset(q);
        }
        sqlite3_finalize(q);
        overdue_list_free(&l);
    }
}

/* Per-item parts add up to the per-area statistics (query_area_stats),
 * and one item queried alone matches its row in the area's list. */
static void item_stats_add_up_to_area_stats(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.2.1", FIELD_DUE, "2021-07-15", NULL);
    fixture_edit(f, "1.2", FIELD_STATUS, "done", NULL);
    fixture_edit(f, "2.1", FIELD_EXTENSION, "2021-11-30", "批准");
    /* an item cancelled with its sub-item, a sub-item removed: the area's
     * list (one pass over its range of node_stats) leaves them out as
     * NODE_ACTIVE does */
    int64_t removed = fixture_id(f, "1.2.2");
    char *sql = sqlite3_mprintf(
        "INSERT INTO node(plan_id, parent_id, depth, seq, ref, sort_key, title, due)"
        " SELECT plan_id, id, 2, 2, '2.2', sort_key || '.00002', '项', '2021-07-10'"
        " FROM node WHERE plan_id = %lld AND ref = '2';"
        "INSERT INTO node(plan_id, parent_id, depth, seq, ref, sort_key, title, due)"
        " SELECT plan_id, id, 3, 1, '2.2.1', sort_key || '.00001', '子项', '2021-07-10'"
        " FROM node WHERE plan_id = %lld AND ref = '2.2';"
        "UPDATE node SET state = 'cancelled' WHERE plan_id = %lld AND ref = '2.2';"
        "UPDATE node SET state = 'removed' WHERE plan_id = %lld AND ref = '1.2.2';",
        (long long)f->plan, (long long)f->plan, (long long)f->plan, (long long)f->plan);
    assert_int_equal(sqlite3_exec(f->st->db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(sql);
    const char *days[] = {"2021-07-01", "2021-07-20", "2021-08-01", "2021-09-20",
                          "2021-10-01", "2021-11-25", "2022-01-01"};
    for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
        area_stats_list s;
        assert_int_equal(query_area_stats(f->st, f->plan, day(days[d]), 14, &s, NULL), 0);
        for (size_t i = 0; i < s.n; i++) {
            item_stats_list items;
            assert_int_equal(
                query_item_stats(f->st, f->plan, s.v[i].area_id, 0, day(days[d]), &items, NULL), 0);
            area_stats sum = {0};
            for (size_t k = 0; k < items.n; k++) {
                item_stats_add(&sum, &items.v[k], day(days[d]) + 14, 1);
                item_stats_list one;
                assert_int_equal(query_item_stats(f->st, f->plan, 0, items.v[k].node_id,
                                                  day(days[d]), &one, NULL),
                                 0);
                assert_int_equal(one.n, 1);
                assert_memory_equal(&one.v[0], &items.v[k], sizeof one.v[0]);
                item_stats_list_free(&one);
            }
            for (size_t k = 0; k < items.n; k++)
                assert_true(items.v[k].node_id != fixture_id(f, "2.2") &&
                            items.v[k].node_id != fixture_id(f, "2.2.1") &&
                            items.v[k].node_id != removed);
            assert_int_equal(items.n, s.v[i].seq == 1 ? 3 : 1); /* 1.1 1.2 1.2.1; 2.1 */
            assert_int_equal(sum.total, s.v[i].total);
            assert_int_equal(sum.done, s.v[i].done);
            assert_int_equal(sum.overdue, s.v[i].overdue);
            assert_int_equal(sum.at_risk, s.v[i].at_risk);
            assert_int_equal(sum.overdue_rows, s.v[i].overdue_rows);
            /* removing every item again gives zero */
            for (size_t k = 0; k < items.n; k++)
                item_stats_add(&sum, &items.v[k], day(days[d]) + 14, -1);
            assert_int_equal(sum.total + sum.done + sum.overdue + sum.at_risk + sum.overdue_rows,
                             0);
            item_stats_list_free(&items);
        }
        area_stats_list_free(&s);
    }
}

static size_t search_count(fixture *f, const char *q)
{
    id_list ids;
    duban_error err;
    if (query_search(f->st, f->plan, q, &ids, &err))
        fail_msg("search: %s", err.msg);
    size_t n = ids.n;
    id_list_free(&ids);
    return n;
}

static void search_titles_bodies_and_notes(void **state)
{
    fixture *f = *state;
    assert_int_equal(search_count(f, "子项一"), 1);
    assert_int_equal(search_count(f, "子项"), 2); /* short: LIKE path */
    assert_int_equal(search_count(f, "方面"), 2);
    assert_int_equal(search_count(f, "不存在的内容"), 0);
    assert_int_equal(search_count(f, "\"子项"), 0); /* quotes are data */
    assert_int_equal(search_count(f, "专题会议"), 0);
    fixture_edit(f, "2.1", FIELD_NOTE, "召开专题会议研究", NULL);
    assert_int_equal(search_count(f, "专题会议"), 1);
    edit_result r;
    assert_int_equal(edit_undo(f->st, f->plan, &r, NULL), DUBAN_OK);
    edit_result_free(&r);
    assert_int_equal(search_count(f, "专题会议"), 0);
}

/* Issue 12: unit and leader are searched too, and every word must match. */
static void search_unit_leader_and_all_words(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_UNIT, "县发改局", NULL);
    fixture_edit(f, "2.1", FIELD_LEADER, "王副县长", NULL);
    assert_int_equal(search_count(f, "县发改局"), 1); /* unit, long word */
    assert_int_equal(search_count(f, "发改"), 1);     /* unit, short word */
    assert_int_equal(search_count(f, "王副县长"), 1); /* leader */
    assert_int_equal(search_count(f, "第一项 发改"), 1);
    assert_int_equal(search_count(f, "第一项 王副县长"), 0);    /* every word */
    assert_int_equal(search_count(f, "子项 二"), 1);            /* two short words */
    assert_int_equal(search_count(f, "子项\xE3\x80\x80二"), 1); /* ideographic space */
    assert_int_equal(search_count(f, "  "), 0);
    assert_int_equal(search_count(f, "%"), 0); /* LIKE's wildcards are data */
    assert_int_equal(search_count(f, "_"), 0);
    fixture_edit(f, "1.1", FIELD_UNIT, "县财政局", NULL); /* the index follows edits */
    assert_int_equal(search_count(f, "县发改局"), 0);
    assert_int_equal(search_count(f, "县财政局"), 1);
    id_list ids;
    duban_error err;
    assert_int_equal(query_search(f->st, f->plan, "a b c d e f g h i j k l m n o p q", &ids, &err),
                     DUBAN_EINVAL);
}

static void history_rows_cannot_be_rewritten(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL);
    duban_error err;
    assert_int_not_equal(db_exec(f->st, "UPDATE history SET new_value = 'x'", &err), DUBAN_OK);
    assert_non_null(strstr(err.msg, "append-only"));
}

typedef struct two_passes {
    char seen[2][64][64]; /* each pass's rows: "ref status" */
    int n[2], pass;
    store *other; /* another connection, which edits during the first pass */
    int64_t node;
} two_passes;

static int see_row(two_passes *t, int pass, const list_row *r)
{
    if (t->n[pass] < 64)
        snprintf(t->seen[pass][t->n[pass]++], 64, "%s %s", r->ref, r->status);
    return DUBAN_OK;
}
static int first_pass(void *arg, const list_row *r)
{
    two_passes *t = arg;
    if (t->other && t->n[0] == 0) { /* committed by another connection mid-listing */
        edit_result res;
        assert_int_equal(edit_apply(t->other, t->node, FIELD_STATUS, "done", NULL, &res, NULL),
                         DUBAN_OK);
        edit_result_free(&res);
    }
    return see_row(t, 0, r);
}
static int second_pass(void *arg, const list_row *r)
{
    return see_row(arg, 1, r);
}
static int stop_at_first(void *arg, const list_row *r)
{
    (void)arg;
    (void)r;
    return DUBAN_ENOMEM;
}

/* query_list_twice(): the same rows twice, from one snapshot: a status
 * another connection commits during the first pass shows in neither;
 * the first pass's code stops it; without a first pass, one pass. */
static void listing_twice_reads_one_snapshot(void **state)
{
    fixture *f = *state;
    char path[4096];
    snprintf(path, sizeof path, "%s/t.db", f->dir);
    two_passes t = {0};
    assert_int_equal(store_open(path, 0, &t.other, NULL), DUBAN_OK);
    t.node = fixture_id(f, "2.1");
    assert_int_equal(query_list_twice(f->st, f->plan, first_pass, NULL, second_pass, &t, NULL),
                     DUBAN_OK);
    store_close(t.other);
    assert_int_equal(t.n[0], 7);
    assert_int_equal(t.n[1], 7);
    for (int i = 0; i < 7; i++)
        assert_string_equal(t.seen[0][i], t.seen[1][i]);
    assert_string_equal(t.seen[1][6], "2.1 not_started");
    two_passes again = {0};
    assert_int_equal(query_list_twice(f->st, f->plan, NULL, NULL, second_pass, &again, NULL),
                     DUBAN_OK);
    assert_int_equal(again.n[0], 0);
    assert_string_equal(again.seen[1][6], "2.1 done"); /* the next listing sees it */
    assert_int_equal(
        query_list_twice(f->st, f->plan, stop_at_first, NULL, second_pass, &again, NULL),
        DUBAN_ENOMEM);
    assert_int_equal(again.n[1], 7);
    assert_true(sqlite3_get_autocommit(f->st->db)); /* no transaction left open */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(nothing_is_overdue_on_the_first_day, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_late_milestone_is_listed_with_its_phrase, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(most_overdue_first_and_items_cover_their_milestones,
                                        fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(done_items_are_never_overdue, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(sub_items_belong_to_their_area, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(area_stats_count_done_late_and_at_risk, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(item_stats_add_up_to_area_stats, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(overdue_rows_match_the_overdue_list, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(overdue_reads_the_parents_once, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test(packed_sort_keys_order_as_text),
        cmocka_unit_test_setup_teardown(days_late_as_julianday, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(search_titles_bodies_and_notes, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(search_unit_leader_and_all_words, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(history_rows_cannot_be_rewritten, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(listing_twice_reads_one_snapshot, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
