/* Lights: the rule with a fixed today (table-driven), its names, the
 * per-item query (milestones, extensions) and the counts per group. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "plan/light.h"
#include "query/query.h"
#include "query/query_view.h"
#include "report/report.h"
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

static void rule_table(void **state)
{
    (void)state;
    static const struct {
        const char *status, *deadline;
        int warn; /* -1: the default rule (NULL) */
        light want;
    } cases[] = {
        /* today is 2021-10-01 */
        {"in_progress", "2021-09-30", -1, LIGHT_RED},    /* a day late */
        {"not_started", "2021-01-01", -1, LIGHT_RED},    /* long late */
        {"in_progress", "2021-10-01", -1, LIGHT_YELLOW}, /* due today is not late */
        {"in_progress", "2021-10-15", -1, LIGHT_YELLOW}, /* last day of the window */
        {"in_progress", "2021-10-16", -1, LIGHT_GREEN},  /* just outside it */
        {"in_progress", "2021-12-31", -1, LIGHT_GREEN},
        {"in_progress", "", -1, LIGHT_GREEN},           /* no deadline */
        {"in_progress", "not-a-date", -1, LIGHT_GREEN}, /* unparsable = none */
        {"done", "2021-09-01", -1, LIGHT_GREEN},        /* done beats late */
        {"done", "2021-10-02", -1, LIGHT_GREEN},
        {"blocked", "2021-12-31", -1, LIGHT_RED}, /* 受阻 forces red */
        {"blocked", "", -1, LIGHT_RED},
        {"behind", "2021-12-31", -1, LIGHT_YELLOW}, /* 滞后 forces yellow */
        {"behind", "2021-09-30", -1, LIGHT_RED},    /* ... but late is red */
        {"behind", "", -1, LIGHT_YELLOW},
        {"in_progress", "2021-10-05", 3, LIGHT_GREEN}, /* a 3-day window */
        {"in_progress", "2021-10-04", 3, LIGHT_YELLOW},
        {"in_progress", "2021-10-01", 0, LIGHT_YELLOW}, /* window 0: only today */
        {"in_progress", "2021-10-02", 0, LIGHT_GREEN},
        {"unknown_key", "2021-12-31", -1, LIGHT_GREEN}, /* unknown status: not done */
        {"unknown_key", "2021-09-01", -1, LIGHT_RED},
    };
    long today = day("2021-10-01");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        light_rule r;
        light_rule_default(&r);
        if (cases[i].warn >= 0)
            r.warn_days = cases[i].warn;
        light got = light_of(status_defaults(), cases[i].warn >= 0 ? &r : NULL, cases[i].status,
                             cases[i].deadline, today);
        if (got != cases[i].want)
            fail_msg("case %zu (%s, '%s', warn %d): got %s, want %s", i, cases[i].status,
                     cases[i].deadline, cases[i].warn, light_key(got), light_key(cases[i].want));
    }
}

static void the_status_set_decides(void **state)
{
    (void)state;
    /* a configuration whose statuses have other keys: the roles in the
     * set, not the keys blocked and behind, force red and yellow */
    status_set set = {.n = 5};
    set.v[0] = (status_def){"open", "未办", "[ ]", "white", '1', 0, STATUS_ROLE_NONE};
    set.v[1] = (status_def){"stuck", "卡住", "[#]", "red", '2', 0, STATUS_ROLE_BLOCKED};
    set.v[2] = (status_def){"slow", "慢了", "[!]", "yellow", '3', 0, STATUS_ROLE_BEHIND};
    set.v[3] = (status_def){"blocked", "待定", "[?]", "white", '4', 0, STATUS_ROLE_NONE};
    set.v[4] = (status_def){"closed", "销号", "[x]", "green", '5', 1, STATUS_ROLE_BLOCKED};
    long today = day("2021-10-01");
    assert_int_equal(light_of(&set, NULL, "stuck", "2021-12-31", today), LIGHT_RED);
    assert_int_equal(light_of(&set, NULL, "slow", "2021-12-31", today), LIGHT_YELLOW);
    assert_int_equal(light_of(&set, NULL, "slow", "2021-09-30", today), LIGHT_RED);
    assert_int_equal(light_of(&set, NULL, "open", "2021-12-31", today), LIGHT_GREEN);
    /* done wins over a role */
    assert_int_equal(light_of(&set, NULL, "closed", "2021-09-01", today), LIGHT_GREEN);
    /* "done" is not a done key in this set, "blocked" and "behind" force
     * nothing here */
    assert_int_equal(light_of(&set, NULL, "done", "2021-09-01", today), LIGHT_RED);
    assert_int_equal(light_of(&set, NULL, "blocked", "2021-12-31", today), LIGHT_GREEN);
    assert_int_equal(light_of(&set, NULL, "behind", "2021-12-31", today), LIGHT_GREEN);
    /* the legend names the set's own blocked and behind statuses */
    strbuf sb = {0};
    assert_int_equal(report_light_legend(&set, NULL, &sb), DUBAN_OK);
    assert_non_null(strstr(strbuf_str(&sb), "逾期未完成或卡住；"));
    assert_non_null(strstr(strbuf_str(&sb), "到期未完成或慢了；"));
    assert_null(strstr(strbuf_str(&sb), "待定"));
    assert_null(strstr(strbuf_str(&sb), "销号"));
    strbuf_free(&sb);
}

static void names_differ_without_colour(void **state)
{
    (void)state;
    const light all[] = {LIGHT_GREEN, LIGHT_YELLOW, LIGHT_RED};
    for (int i = 0; i < 3; i++)
        for (int j = i + 1; j < 3; j++) {
            assert_string_not_equal(light_glyph(all[i]), light_glyph(all[j]));
            assert_string_not_equal(light_name(all[i]), light_name(all[j]));
        }
    assert_string_equal(light_label(LIGHT_RED), "(!) 红灯");
    assert_string_equal(light_label(LIGHT_YELLOW), "(~) 黄灯");
    assert_string_equal(light_label(LIGHT_GREEN), "(o) 绿灯");
    assert_string_equal(light_key(LIGHT_RED), "red");
    assert_string_equal(light_short(LIGHT_YELLOW), "黄");
    for (int i = 0; i < 3; i++)
        for (const char *p = light_glyph(all[i]); *p; p++)
            assert_true((unsigned char)*p < 0x80); /* ASCII */
    int counts[LIGHT_COUNT] = {3, 0, 0};
    assert_int_equal(light_worst(counts), LIGHT_GREEN);
    counts[LIGHT_YELLOW] = 1;
    assert_int_equal(light_worst(counts), LIGHT_YELLOW);
    counts[LIGHT_RED] = 2;
    assert_int_equal(light_worst(counts), LIGHT_RED);
    assert_int_equal(light_rate_percent(1, 3), 33);
    assert_int_equal(light_rate_percent(2, 3), 67);
    assert_int_equal(light_rate_percent(1, 8), 13);
    assert_int_equal(light_rate_percent(0, 0), 0);
    enum light_group by;
    assert_int_equal(light_group_parse("unit", &by), 0);
    assert_int_equal(by, LIGHT_BY_UNIT);
    assert_int_equal(light_group_parse("units", &by), -1);
}

/* got is the same row as want, field by field. */
static void assert_same_light(const item_light *want, const item_light *got)
{
    assert_int_equal(want->node_id, got->node_id);
    assert_int_equal(want->area_id, got->area_id);
    assert_int_equal(want->area_seq, got->area_seq);
    assert_int_equal(want->depth, got->depth);
    assert_string_equal(want->ref, got->ref);
    assert_string_equal(want->status, got->status);
    assert_string_equal(want->due, got->due);
    assert_string_equal(want->extended_due, got->extended_due);
    assert_string_equal(want->deadline, got->deadline);
    assert_string_equal(want->unit, got->unit);
    assert_string_equal(want->leader, got->leader);
    assert_int_equal(want->light, got->light);
    assert_int_equal(want->done, got->done);
}

/* The light query_node_light() (SQL through the item's own row) gives
 * node x, compared with x. */
static void assert_node_light(fixture *f, const item_light *x, long today)
{
    item_light z;
    duban_error err;
    assert_int_equal(query_node_light(f->st, f->plan, x->node_id, today, NULL, &z, &err), 0);
    assert_same_light(&z, x);
    item_light_free_one(&z);
}

static const item_light *find(const item_light_list *l, const char *ref)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].ref, ref))
            return &l->v[i];
    fail_msg("no light for %s", ref);
    return NULL;
}

static void items_are_judged_by_their_earliest_deadline(void **state)
{
    fixture *f = *state;
    item_light_list l;
    duban_error err;
    /* 1.1: due 08-31 with a milestone 07-31; 2.1: due 09-30 */
    assert_int_equal(query_item_lights(f->st, f->plan, day("2021-07-20"), NULL, &l, &err), 0);
    assert_int_equal(l.n, 5); /* 1.1 1.2 1.2.1 1.2.2 2.1 */
    assert_string_equal(find(&l, "1.1")->deadline, "2021-07-31");
    assert_int_equal(find(&l, "1.1")->light, LIGHT_YELLOW);
    assert_int_equal(find(&l, "1.2")->light, LIGHT_GREEN);
    assert_int_equal(find(&l, "1.2.1")->depth, NODE_SUBITEM);
    assert_int_equal(find(&l, "2.1")->area_seq, 2);
    item_light_list_free(&l);
    assert_int_equal(query_item_lights(f->st, f->plan, day("2021-08-01"), NULL, &l, &err), 0);
    assert_int_equal(find(&l, "1.1")->light, LIGHT_RED); /* the milestone is late */
    item_light_list_free(&l);
}

static void an_extension_replaces_due_and_milestones(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_EXTENSION, "2021-10-31", "理由");
    item_light_list l;
    assert_int_equal(query_item_lights(f->st, f->plan, day("2021-10-01"), NULL, &l, NULL), 0);
    const item_light *x = find(&l, "1.1");
    assert_string_equal(x->due, "2021-08-31"); /* the original is kept */
    assert_string_equal(x->extended_due, "2021-10-31");
    assert_string_equal(x->deadline, "2021-10-31");
    assert_int_equal(x->light, LIGHT_GREEN);
    assert_int_equal(find(&l, "2.1")->light, LIGHT_RED);
    item_light_list_free(&l);
    assert_int_equal(query_item_lights(f->st, f->plan, day("2021-10-20"), NULL, &l, NULL), 0);
    assert_int_equal(find(&l, "1.1")->light, LIGHT_YELLOW);
    item_light_list_free(&l);
}

/* One area's lights are exactly the plan-wide query's rows of that area. */
static void one_area_matches_the_whole_plan(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.2", FIELD_EXTENSION, "2021-07-25", "理由");
    fixture_edit(f, "2.1", FIELD_STATUS, "blocked", "");
    long today = day("2021-07-20");
    item_light_list all, one;
    node_list areas;
    duban_error err;
    assert_int_equal(query_item_lights(f->st, f->plan, today, NULL, &all, &err), 0);
    assert_int_equal(node_children(f->st, f->plan, 0, &areas, &err), 0);
    size_t seen = 0;
    for (size_t a = 0; a < areas.n; a++) {
        assert_int_equal(query_area_lights(f->st, f->plan, areas.v[a].id, today, NULL, &one, &err),
                         0);
        for (size_t i = 0; i < one.n; i++, seen++) {
            const item_light *x = &one.v[i], *y = &all.v[seen];
            assert_int_equal(x->area_id, areas.v[a].id);
            assert_same_light(y, x);
            assert_node_light(f, x, today); /* one item alone gives the same row */
        }
        item_light_list_free(&one);
    }
    assert_int_equal(seen, all.n);
    assert_int_equal(find(&all, "1.2")->light, LIGHT_YELLOW); /* the extension */
    assert_int_equal(find(&all, "2.1")->light, LIGHT_RED);    /* blocked */
    item_light none;
    assert_int_equal(query_node_light(f->st, f->plan, areas.v[0].id, today, NULL, &none, &err),
                     DUBAN_ENOTFOUND); /* an area has no light of its own */
    assert_int_equal(query_area_lights(f->st, f->plan, 999999, today, NULL, &one, &err), 0);
    assert_int_equal(one.n, 0);
    item_light_list_free(&one);
    /* an item is not an area: not its sub-items' lights */
    assert_int_equal(
        query_area_lights(f->st, f->plan, fixture_id(f, "1.2"), today, NULL, &one, &err), 0);
    assert_int_equal(one.n, 0);
    item_light_list_free(&one);
    node_list_free(&areas);
    item_light_list_free(&all);
}

/* An area's first rows (node_subtree_head) and their lights
 * (query_area_lights_upto): the first rows of the whole area's, in the
 * same order, the lights stopping at the last row given, a cancelled
 * item's sub-items left out as the whole pass leaves them out. */
static void an_areas_head_is_the_start_of_its_rows(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.2", FIELD_STATE, "cancelled", "合并");
    long today = day("2021-07-20");
    int64_t area = fixture_id(f, "1");
    node_list all, head;
    item_light_list lights, upto;
    assert_int_equal(node_subtree(f->st, area, &all, NULL), 0);
    assert_int_equal(query_area_lights(f->st, f->plan, area, today, NULL, &lights, NULL), 0);
    assert_true(all.n >= 4);
    for (size_t max = 1; max <= all.n + 1; max++) {
        assert_int_equal(node_subtree_head(f->st, area, max, &head, NULL), 0);
        size_t n = max < all.n ? max : all.n;
        assert_int_equal(head.n, n);
        for (size_t i = 0; i < n; i++)
            assert_string_equal(head.v[i].ref, all.v[i].ref);
        int64_t last = head.v[n - 1].id;
        assert_int_equal(
            query_area_lights_upto(f->st, f->plan, area, last, today, NULL, &upto, NULL), 0);
        /* the lights of the rows given, every one the whole area's */
        size_t want = 0;
        for (size_t i = 0; i < lights.n; i++)
            for (size_t k = 0; k < n; k++)
                want += lights.v[i].node_id == head.v[k].id;
        assert_int_equal(upto.n, want);
        for (size_t i = 0; i < upto.n; i++)
            assert_same_light(&lights.v[i], &upto.v[i]);
        item_light_list_free(&upto);
        node_list_free(&head);
    }
    /* an unknown last row: the whole area's lights */
    assert_int_equal(query_area_lights_upto(f->st, f->plan, area, 999999, today, NULL, &upto, NULL),
                     0);
    assert_int_equal(upto.n, lights.n);
    item_light_list_free(&upto);
    item_light_list_free(&lights);
    node_list_free(&all);
}

/* The whole plan's and one area's lights come from one pass in outline
 * order (query/outline_pass.h), which finds an item's area and whether a
 * node above it is cancelled or removed from the sort keys alone; one
 * item's light (query_node_light) is SQL through the item's own row and
 * milestones.  They agree with nodes cancelled and removed at every depth,
 * sub-items under each, open, done and deleted milestones and an
 * extension, and the pass leaves out exactly the nodes below a cancelled
 * or removed one. */
static void lights_agree_over_the_plan_an_area_and_one_item(void **state)
{
    fixture *f = *state;
    char *sql = sqlite3_mprintf(
        "INSERT INTO node(plan_id, parent_id, depth, seq, ref, sort_key, title, due)"
        " VALUES (%lld, NULL, 1, 3, '3', '00003', '第三方面', ''),"
        " (%lld, NULL, 1, 4, '4', '00004', '第四方面', '');"
        "INSERT INTO node(plan_id, parent_id, depth, seq, ref, sort_key, title, due)"
        " SELECT plan_id, id, 2, 1, ref || '.1', sort_key || '.00001', '项', '2021-09-01'"
        " FROM node WHERE plan_id = %lld AND ref IN ('3', '4');"
        "INSERT INTO node(plan_id, parent_id, depth, seq, ref, sort_key, title, due, unit)"
        " SELECT plan_id, id, 3, k.i, ref || '.' || k.i, sort_key || '.000' || k.i,"
        "  '子项' || k.i, CASE k.i WHEN 11 THEN '2021-08-15' ELSE '' END, 'u' || k.i"
        " FROM node, (SELECT 11 AS i UNION ALL SELECT 12 UNION ALL SELECT 13) k"
        " WHERE plan_id = %lld AND ref IN ('1.1', '1.2', '2.1', '3.1', '4.1');"
        "UPDATE node SET state = 'cancelled' WHERE plan_id = %lld AND ref IN ('3', '1.1', "
        "'1.2.12');"
        "UPDATE node SET state = 'removed' WHERE plan_id = %lld AND ref IN ('4', '2.1', '1.2.2');"
        "UPDATE node SET extended_due = '2021-12-01' WHERE plan_id = %lld AND ref = '1.2.1';"
        "INSERT INTO milestone(node_id, seq, phrase, word, due, done, state)"
        " SELECT id, 9, 'p', 'w', d.due, d.done, d.state FROM node,"
        "  (SELECT '2021-07-01' AS due, '' AS done, '' AS state, '1.2.11' AS r"
        "   UNION ALL SELECT '2021-06-01', '2021-06-02', '', '1.2.13'"
        "   UNION ALL SELECT '2021-06-01', '', 'deleted', '1.2.13'"
        "   UNION ALL SELECT '2021-07-10', '', '', '1.2.13'"
        "   UNION ALL SELECT '2021-05-01', '', '', '1.2.1'"
        "   UNION ALL SELECT '2021-05-01', '', '', '3.1.11') d"
        " WHERE plan_id = %lld AND ref = d.r;",
        (long long)f->plan, (long long)f->plan, (long long)f->plan, (long long)f->plan,
        (long long)f->plan, (long long)f->plan, (long long)f->plan, (long long)f->plan);
    char *msg = NULL;
    if (sqlite3_exec(f->st->db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s", msg);
    sqlite3_free(sql);
    node_list areas;
    duban_error err;
    assert_int_equal(node_children(f->st, f->plan, 0, &areas, &err), 0);
    const char *days[] = {"2021-06-15", "2021-07-20", "2021-12-31"};
    for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
        item_light_list all, one;
        assert_int_equal(query_item_lights(f->st, f->plan, day(days[d]), NULL, &all, &err), 0);
        size_t seen = 0;
        for (size_t a = 0; a < areas.n; a++) {
            assert_int_equal(
                query_area_lights(f->st, f->plan, areas.v[a].id, day(days[d]), NULL, &one, &err),
                0);
            for (size_t i = 0; i < one.n; i++, seen++) {
                assert_true(seen < all.n);
                const item_light *x = &one.v[i], *y = &all.v[seen];
                assert_same_light(y, x);
                assert_node_light(f, x, day(days[d])); /* the SQL of one item */
            }
            item_light_list_free(&one);
        }
        assert_int_equal(seen, all.n);
        /* what the states leave out, and what the milestones decide */
        char refs[256] = "";
        for (size_t i = 0; i < all.n; i++)
            snprintf(refs + strlen(refs), sizeof refs - strlen(refs), "%s ", all.v[i].ref);
        assert_string_equal(refs, "1.2 1.2.1 1.2.11 1.2.13 ");
        assert_string_equal(find(&all, "1.2.11")->deadline, "2021-07-01");
        assert_string_equal(find(&all, "1.2.13")->deadline, "2021-07-10");
        assert_string_equal(find(&all, "1.2.1")->deadline, "2021-12-01");
        item_light_list_free(&all);
    }
    node_list_free(&areas);
}

static void counts_per_area_unit_and_leader(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.2", FIELD_STATUS, "done", "理由");
    fixture_edit(f, "1.1", FIELD_UNIT, "县发改局", "理由");
    fixture_edit(f, "2.1", FIELD_UNIT, "县发改局", "理由");
    fixture_edit(f, "1.2", FIELD_LEADER, "王县长", "理由");
    light_tally_list t;
    duban_error err;
    long today = day("2021-09-20");
    assert_int_equal(query_light_tally(f->st, f->plan, LIGHT_BY_AREA, today, NULL, &t, &err), 0);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.v[0].key, "1");
    assert_string_equal(t.v[0].title, "第一方面");
    assert_int_equal(t.v[0].total, 2); /* sub-items are not counted */
    assert_int_equal(t.v[0].done, 1);
    assert_int_equal(t.v[0].count[LIGHT_RED], 1);    /* 1.1 late */
    assert_int_equal(t.v[0].count[LIGHT_GREEN], 1);  /* 1.2 done */
    assert_int_equal(t.v[1].count[LIGHT_YELLOW], 1); /* 2.1 due 09-30 */
    light_tally sum;
    light_tally_total(&t, &sum);
    assert_int_equal(sum.total, 3);
    assert_int_equal(sum.count[LIGHT_RED] + sum.count[LIGHT_YELLOW] + sum.count[LIGHT_GREEN], 3);
    light_tally_list_free(&t);

    assert_int_equal(query_light_tally(f->st, f->plan, LIGHT_BY_UNIT, today, NULL, &t, &err), 0);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.v[0].key, "县发改局");
    assert_int_equal(t.v[0].total, 2);
    assert_string_equal(t.v[1].key, ""); /* none given: last */
    light_tally_list_free(&t);

    assert_int_equal(query_light_tally(f->st, f->plan, LIGHT_BY_LEADER, today, NULL, &t, &err), 0);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.v[0].key, "王县长");
    assert_int_equal(t.v[0].done, 1);
    assert_int_equal(t.v[1].total, 2);
    light_tally_list_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_table),
        cmocka_unit_test(the_status_set_decides),
        cmocka_unit_test(names_differ_without_colour),
        cmocka_unit_test_setup_teardown(items_are_judged_by_their_earliest_deadline, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(an_extension_replaces_due_and_milestones, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(an_areas_head_is_the_start_of_its_rows, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(one_area_matches_the_whole_plan, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(lights_agree_over_the_plan_an_area_and_one_item,
                                        fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(counts_per_area_unit_and_leader, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
