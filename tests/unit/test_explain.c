/* The query plans of the hot paths (issue 15): every statement a hot-path
 * call runs is caught with sqlite3_trace_v2 and its EXPLAIN QUERY PLAN
 * checked: no full scan of a table, or per-row subquery scanning one,
 * where an index should serve; calls on one item or one area must not
 * walk the whole plan.  A guard on the plans, not a timer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "edit/meeting.h"
#include "plan/light.h"
#include "query/due_soon.h"
#include "query/item_report.h"
#include "query/listing.h"
#include "query/area_summary.h"
#include "query/query.h"
#include "query/query_view.h"
#include "report/minutes.h"
#include "store/store_internal.h"
#include "sync/sync.h"
#include "base/strbuf.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A hot-path call and what its plans may not contain beyond the rules
 * every statement follows (see check_plan). */
typedef struct hot_path {
    const char *name;
    void (*run)(fixture *f);
    const char *allowed_scan; /* names (space-separated) it may scan, or NULL */
    int one_item;             /* on one item or area: no walk of the plan */
} hot_path;

/* Is name, ending at the first space or NUL of d, a word of list? */
static int listed(const char *list, const char *d)
{
    size_t n = strcspn(d, " ");
    for (const char *p = list; p && *p;) {
        size_t k = strcspn(p, " ");
        if (k == n && !strncmp(p, d, n))
            return 1;
        p += k + (p[k] == ' ');
    }
    return 0;
}

/* The names the statement gives the tables: each table and the alias that
 * follows it after FROM or JOIN, space-separated into out. */
static void table_names(const char *sql, strbuf *out)
{
    static const char *const tables[] = {"node ", "history ", "milestone ", "note ", "target "};
    static const char *const keywords =
        "WHERE ON JOIN LEFT ORDER GROUP USING AS UNION LIMIT SET VALUES";
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        strbuf_printf(out, "%.*s ", (int)strlen(tables[t]) - 1, tables[t]);
        for (const char *p = sql; (p = strstr(p, tables[t])); p += strlen(tables[t])) {
            int after_from = p - sql >= 5 && !strncmp(p - 5, "FROM ", 5);
            int after_join = p - sql >= 5 && !strncmp(p - 5, "JOIN ", 5);
            const char *alias = p + strlen(tables[t]);
            size_t n = strcspn(alias, " ),");
            if ((after_from || after_join) && n && !listed(keywords, alias))
                strbuf_printf(out, "%.*s ", (int)n, alias);
        }
    }
}

/* A full scan of a table is "SCAN x" (x the table or its alias) without a
 * covering index; scans of CTEs, subquery results and virtual tables are
 * not.  Calls on one item or area may not read the plan's items or
 * history by (plan_id=?) alone, nor scan a table even through a covering
 * index. */
static void check_plan(const hot_path *h, const char *sql, const char *plan)
{
    static const char *const walks[] = {"node_by_due (plan_id=?)", "node_stats (plan_id=?)",
                                        "node_stats (plan_id=? AND depth",
                                        "history_by_plan (plan_id=?)"};
    strbuf names = {0};
    table_names(sql, &names);
    char line[512];
    for (const char *p = plan; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        snprintf(line, sizeof line, "%.*s", (int)len, p);
        p += len + (nl != NULL);
        const char *d = line + strspn(line, " ");
        if (!strncmp(d, "SCAN ", 5) && listed(strbuf_str(&names), d + 5) &&
            !strstr(d, "COVERING INDEX") && !listed(h->allowed_scan, d + 5))
            fail_msg("%s: full scan '%s' in\n%s\nplan:\n%s", h->name, d, sql, plan);
        if (h->one_item && !strncmp(d, "SCAN ", 5) && listed(strbuf_str(&names), d + 5))
            fail_msg("%s: walks a table ('%s') in\n%s\nplan:\n%s", h->name, d, sql, plan);
        for (size_t w = 0; h->one_item && w < sizeof walks / sizeof walks[0]; w++)
            if (strstr(d, walks[w]))
                fail_msg("%s: walks the plan ('%s') in\n%s\nplan:\n%s", h->name, d, sql, plan);
    }
    strbuf_free(&names);
}

static long today(void)
{
    long d;
    assert_int_equal(date_parse("2021-10-01", &d, NULL), DUBAN_OK);
    return d;
}

static void search_long(fixture *f)
{
    id_list l;
    assert_int_equal(query_search(f->st, f->plan, "第一项", &l, NULL), DUBAN_OK);
    id_list_free(&l);
}
static void search_mixed(fixture *f)
{
    id_list l;
    assert_int_equal(query_search(f->st, f->plan, "第一项 一", &l, NULL), DUBAN_OK);
    id_list_free(&l);
}
static void search_short(fixture *f)
{
    id_list l;
    assert_int_equal(query_search(f->st, f->plan, "子项", &l, NULL), DUBAN_OK);
    id_list_free(&l);
}
static void item_stats_one(fixture *f)
{
    item_stats_list l;
    assert_int_equal(query_item_stats(f->st, f->plan, 0, fixture_id(f, "1.1"), today(), &l, NULL),
                     DUBAN_OK);
    item_stats_list_free(&l);
}
static void item_stats_area(fixture *f)
{
    item_stats_list l;
    assert_int_equal(query_item_stats(f->st, f->plan, fixture_id(f, "1"), 0, today(), &l, NULL),
                     DUBAN_OK);
    item_stats_list_free(&l);
}
static void area_stats_all(fixture *f)
{
    area_stats_list l;
    assert_int_equal(query_area_stats(f->st, f->plan, today(), 14, &l, NULL), DUBAN_OK);
    area_stats_list_free(&l);
}
static void area_stats_one(fixture *f)
{
    area_stats s;
    assert_int_equal(
        query_area_stats_one(f->st, f->plan, fixture_id(f, "1"), today(), 14, &s, NULL), DUBAN_OK);
}
static void plan_summary(fixture *f)
{
    plan_info p;
    assert_int_equal(plan_get(f->st, f->plan, &p, NULL), DUBAN_OK);
    plan_info_free(&p);
}
/* What every start without a day given asks (is this only the sample?). */
static void plan_headers(fixture *f)
{
    plan_list l;
    assert_int_equal(plan_list_headers(f->st, &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 1);
    plan_list_free(&l);
}
static void lights_area(fixture *f)
{
    item_light_list l;
    light_rule rule = {14};
    assert_int_equal(
        query_area_lights(f->st, f->plan, fixture_id(f, "1"), today(), &rule, &l, NULL), DUBAN_OK);
    item_light_list_free(&l);
}
static void light_one(fixture *f)
{
    item_light l;
    light_rule rule = {14};
    assert_int_equal(
        query_node_light(f->st, f->plan, fixture_id(f, "1.2"), today(), &rule, &l, NULL), DUBAN_OK);
    item_light_free_one(&l);
}
/* An area's first rows and their lights (a fold key, the first frame). */
static void area_head(fixture *f)
{
    node_list l;
    item_light_list lights;
    light_rule rule = {14};
    int64_t area = fixture_id(f, "1");
    assert_int_equal(node_subtree_head(f->st, area, 2, &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 2);
    assert_int_equal(
        query_area_lights_upto(f->st, f->plan, area, l.v[1].id, today(), &rule, &lights, NULL),
        DUBAN_OK);
    item_light_list_free(&lights);
    node_list_free(&l);
}
static void subtree(fixture *f)
{
    node_list l;
    assert_int_equal(node_subtree(f->st, fixture_id(f, "1"), &l, NULL), DUBAN_OK);
    node_list_free(&l);
}
static void fold_state(fixture *f)
{
    assert_int_equal(store_put_state(f->st, f->plan, "folds", "1", NULL), DUBAN_OK);
}
static void status_edit(fixture *f)
{
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL);
    edit_result r;
    assert_int_equal(edit_undo(f->st, f->plan, &r, NULL), DUBAN_OK);
    edit_result_free(&r);
}
static void no_progress(fixture *f)
{
    int64_t id;
    assert_int_equal(meeting_start(f->st, f->plan, "会", "2021-10-01", &id, NULL), DUBAN_OK);
    fixture_edit(f, "1.1", FIELD_NOTE, "进展", NULL);
    /* both forms: a short window, then one longer than the plan */
    node_list l;
    assert_int_equal(meeting_silent_items(f->st, id, &l, NULL), DUBAN_OK);
    node_list_free(&l);
    for (int i = 0; i < 8; i++)
        fixture_edit(f, "2.1", FIELD_NOTE, i % 2 ? "甲" : "乙", NULL);
    assert_int_equal(meeting_silent_items(f->st, id, &l, NULL), DUBAN_OK);
    node_list_free(&l);
    meeting_change_list c;
    assert_int_equal(meeting_changes(f->st, id, &c, NULL), DUBAN_OK);
    meeting_change_list_free(&c);
}

static void overdue(fixture *f)
{
    overdue_list l;
    assert_int_equal(query_overdue(f->st, f->plan, today(), &l, NULL), DUBAN_OK);
    assert_true(l.n > 0);
    overdue_list_free(&l);
}

static void silent_reports(fixture *f)
{
    node_list nodes = {0};
    item_report_list l;
    assert_int_equal(node_children(f->st, f->plan, fixture_id(f, "1"), &nodes, NULL), DUBAN_OK);
    assert_int_equal(query_node_reports(f->st, &nodes, &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, nodes.n);
    item_report_list_free(&l);
    node_list_free(&nodes);
}

static void area_summary_all(fixture *f)
{
    area_summary_list l;
    light_rule rule = {14};
    assert_int_equal(query_area_summary(f->st, f->plan, today(), 14, &rule, &l, NULL), DUBAN_OK);
    area_summary_list_free(&l);
}
static void first_frame_heads(fixture *f)
{
    plan_info p;
    assert_int_equal(plan_get_header(f->st, f->plan, &p, NULL), DUBAN_OK);
    plan_info_free(&p);
    node_list l;
    assert_int_equal(node_areas(f->st, f->plan, &l, NULL), DUBAN_OK);
    node_list_free(&l);
}
static void search_candidates(fixture *f)
{
    const char *texts[] = {"第一项", "第一项 一", "子项"};
    for (int i = 0; i < 3; i++) {
        id_list l;
        assert_int_equal(query_search_candidates(f->st, f->plan, texts[i], &l, NULL), DUBAN_OK);
        id_list_free(&l);
    }
}
static void outline_ids(fixture *f)
{
    id_list l;
    assert_int_equal(query_outline_ids(f->st, f->plan, &l, NULL), DUBAN_OK);
    id_list_free(&l);
}
/* A row from another replica (of no history row): without one the
 * conflicts' statement is not run at all (test_sync.c). */
static void conflicts(fixture *f)
{
    assert_int_equal(sqlite3_exec(f->st->db,
                                  "INSERT INTO history_gid(history_id, gid, origin, seq, hlc)"
                                  " VALUES (-1, 'explain-other', 'ffffffff', 1, 1)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sync_conflict_list l;
    assert_int_equal(sync_conflicts(f->st, f->plan, &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 0);
    sync_conflict_list_free(&l);
    assert_int_equal(
        sqlite3_exec(f->st->db, "DELETE FROM history_gid WHERE history_id = -1", NULL, NULL, NULL),
        SQLITE_OK);
}

static void due_soon(fixture *f)
{
    due_soon_list l;
    light_rule rule = {14};
    assert_int_equal(query_due_soon(f->st, f->plan, today(), 30, &rule, NULL, &l, NULL), DUBAN_OK);
    due_soon_list_free(&l);
}

static void minutes_open_meeting(fixture *f)
{
    meeting m; /* the one an earlier path opened, else a new one */
    assert_int_equal(meeting_current(f->st, f->plan, &m, NULL), DUBAN_OK);
    int64_t id = m.id;
    meeting_free(&m);
    if (!id)
        assert_int_equal(meeting_start(f->st, f->plan, "会", "2021-10-01", &id, NULL), DUBAN_OK);
    fixture_edit(f, "1.1", FIELD_NOTE, "进展", NULL);
    for (int fmt = MINUTES_MD; fmt <= MINUTES_HTML; fmt++) {
        strbuf sb = {0};
        assert_int_equal(
            minutes_render(f->st, id, (enum minutes_format)fmt, today(), NULL, NULL, &sb, NULL),
            DUBAN_OK);
        strbuf_free(&sb);
    }
}

/* What a peer lacks: the rows past what it holds, origin by origin, and
 * what this replica holds (the peer recorded as holding every row but
 * the last edit's: one new row to send). */
static void sync_rows_for_peer(fixture *f)
{
    fixture_edit(f, "1.2", FIELD_STATUS, "in_progress", NULL);
    assert_int_equal(sqlite3_exec(f->st->db,
                                  "INSERT INTO replica(uuid, name) VALUES ('eeee', 'peer');"
                                  "INSERT INTO sync_peer_seen(plan_gid, replica, origin, seq)"
                                  " SELECT p.gid, 'eeee', g.origin, max(g.seq) - 1 FROM plan p,"
                                  " history_gid g GROUP BY g.origin",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    strbuf sb = {0};
    int rows = -1;
    assert_int_equal(sync_export(f->st, f->plan, "eeee", 0, NULL, &sb, &rows, NULL), DUBAN_OK);
    assert_int_equal(rows, 1);
    strbuf_free(&sb);
}

/* sync status: each replica's edits and what it lacks, by ranges of
 * history_gid's (origin, seq) index. */
static void sync_status_ranges(fixture *f)
{
    sync_replica_list l;
    assert_int_equal(sync_status(f->st, f->plan, &l, NULL), DUBAN_OK);
    assert_true(l.n > 0);
    sync_replica_list_free(&l);
}

static const hot_path paths[] = {
    {"search (long words)", search_long, NULL, 1},
    {"search (long and short words)", search_mixed, NULL, 1},
    {"search (short words: one pass over the index's text by design)", search_short, NULL, 0},
    {"item stats, one item", item_stats_one, NULL, 1},
    {"item stats, one area", item_stats_area, NULL, 1},
    {"area stats, all", area_stats_all, NULL, 0},
    {"area stats, one area", area_stats_one, NULL, 1},
    {"plan summary", plan_summary, NULL, 0},
    {"plan headers", plan_headers, NULL, 1},
    {"lights, one area", lights_area, NULL, 1},
    {"light, one item", light_one, NULL, 1},
    {"an area's rows", subtree, NULL, 1},
    {"an area's first rows and their lights", area_head, NULL, 1},
    {"fold (UI state)", fold_state, NULL, 1},
    {"status key and undo", status_edit, NULL, 1},
    {"no-progress list and changes", no_progress, NULL, 0},
    /* not one item, but what is late is an index range, not the plan */
    {"overdue", overdue, NULL, 1},
    /* the minutes' 未报进展 days: the listed items only */
    {"reports of listed items", silent_reports, NULL, 1},
    {"conflicts (front end start): only the items another replica touched", conflicts, NULL, 1},
    {"area lines (front end start): indexes only", area_summary_all, NULL, 0},
    {"search as you type: the index alone (short words: one pass over its text)", search_candidates,
     NULL, 1},
    {"search: the outline's ids (once a search), an index alone", outline_ids, NULL, 0},
    {"plan header and areas (front end start): no walk of the items", first_frame_heads, NULL, 1},
    /* what falls due: index ranges (node_late, milestone_open_by_due), as overdue */
    {"due soon", due_soon, NULL, 1},
    /* every list of the minutes (overdue, no progress, ...); the targets
     * (a few) are read whole rather than probed for at every node */
    {"minutes of an open meeting", minutes_open_meeting, "t", 0},
    /* what a sync sends: the new rows, not the history */
    {"sync: the rows a peer lacks", sync_rows_for_peer, NULL, 1},
    {"sync status: what each replica lacks, origin by origin", sync_status_ranges, NULL, 1},
};

static void hot_path_plans_use_indexes(void **state)
{
    fixture *f = *state;
    for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
        test_caught c;
        test_catch_statements(f, paths[k].run, &c);
        assert_true(c.n > 0);
        for (int i = 0; i < c.n; i++) {
            char *plan = test_query_plan(f->st, c.sql[i]);
            if (getenv("DUBAN_SHOW_PLANS"))
                printf("== %s\n%s\n%s\n", paths[k].name, c.sql[i], plan);
            check_plan(&paths[k], c.sql[i], plan);
            free(plan);
            free(c.sql[i]);
        }
    }
}

/* Overdue reads the late items (node_late, covering what the list reads:
 * schema 18) and open milestones by their own indexes (schema 10),
 * milestones first, in two statements, and the rows' distinct parents,
 * then their parents, by primary key in a third: no correlated subquery
 * a row; with one done status no list of them to look a status up in. */
static void overdue_uses_its_indexes(void **state)
{
    fixture *f = *state;
    test_caught c;
    test_catch_statements(f, overdue, &c);
    assert_int_equal(c.n, 3);
    strbuf all = {0};
    int listed = 0; /* a list subquery outside the parents' statement */
    for (int i = 0; i < c.n; i++) {
        char *plan = test_query_plan(f->st, c.sql[i]);
        strbuf_append(&all, plan);
        listed |= strstr(plan, "LIST SUBQUERY") && !strstr(c.sql[i], "json_each(?1)");
        free(plan);
        free(c.sql[i]);
    }
    const char *plans = strbuf_str(&all);
    if (!strstr(plans,
                "SEARCH n USING COVERING INDEX node_late (plan_id=? AND <expr>>? AND <expr><?)") ||
        !strstr(plans, "SEARCH m USING INDEX milestone_open_by_due (due<?)") ||
        !strstr(plans, "SEARCH node USING INTEGER PRIMARY KEY (rowid=?)") ||
        strstr(plans, "CORRELATED") || listed)
        fail_msg("overdue does not use node_late, milestone_open_by_due and joins:\n%s", plans);
    strbuf_free(&all);
}

static void lights_all(fixture *f)
{
    item_light_list l;
    light_rule rule = {14};
    assert_int_equal(query_item_lights(f->st, f->plan, today(), &rule, &l, NULL), DUBAN_OK);
    item_light_list_free(&l);
}

/* The whole plan's lights (report, ledger, filters) are one pass in
 * outline order (query/outline_pass.h): no lookup of a node's parent or
 * area a row, no index built for the milestones at each call. */
static void lights_read_in_one_pass(void **state)
{
    fixture *f = *state;
    test_caught c;
    test_catch_statements(f, lights_all, &c);
    strbuf all = {0};
    for (int i = 0; i < c.n; i++) {
        char *plan = test_query_plan(f->st, c.sql[i]);
        strbuf_append(&all, plan);
        free(plan);
        free(c.sql[i]);
    }
    const char *plans = strbuf_str(&all);
    if (!strstr(plans, "SEARCH node USING INDEX node_stats (plan_id=?)") ||
        !strstr(plans, "SCAN milestone USING COVERING INDEX milestone_open") ||
        strstr(plans, "CORRELATED") || strstr(plans, "AUTOMATIC"))
        fail_msg("the lights are not one pass over node_stats and milestone_open:\n%s", plans);
    strbuf_free(&all);
}

/* Schema 15: each history index serves its readers.  The no-progress
 * probe of an item reads history_by_node alone (covering: id, field,
 * action), once its last report (schema 19) is found by key; so does the
 * stamp's look-up of an item's changes of one field; a meeting's rows
 * and a row's successor come by equality from the partial indexes. */
static void history_indexes_serve_readers(void **state)
{
    fixture *f = *state;
    char *plans = test_plans_with(f, no_progress, "h.node_id = c.id");
    if (!strstr(plans,
                "SEARCH h USING COVERING INDEX history_by_node (node_id=? AND id>? AND id<?)"))
        fail_msg("the no-progress probe does not read history_by_node alone:\n%s", plans);
    if (!strstr(plans, "SEARCH r USING INTEGER PRIMARY KEY (rowid=?)"))
        fail_msg("the no-progress list does not join node_last_report by key:\n%s", plans);
    free(plans);
    plans = test_plans_with(f, status_edit, "h.field = ?2");
    if (!strstr(plans, "SEARCH h USING INDEX history_by_node (node_id=?)"))
        fail_msg("the stamp's field look-up does not use history_by_node:\n%s", plans);
    free(plans);
    plans = test_query_plan(f->st, "SELECT id FROM history WHERE meeting_id = ?1");
    assert_non_null(strstr(plans, "USING COVERING INDEX history_by_meeting (meeting_id=?)"));
    free(plans);
    plans = test_query_plan(f->st, "SELECT 1 FROM history_gid c WHERE c.prev_gid = ?1");
    assert_non_null(strstr(plans, "USING COVERING INDEX history_gid_by_prev (prev_gid=?)"));
    free(plans);
}

static int count_row(void *arg, const list_row *r)
{
    (void)r;
    ++*(int *)arg;
    return DUBAN_OK;
}
static void listing(fixture *f)
{
    int n = 0;
    assert_int_equal(query_list_each(f->st, f->plan, count_row, &n, NULL), DUBAN_OK);
    assert_true(n > 0);
}

/* Schema 16: the listing (duban list) reads node_listing alone, in
 * outline order: no node row, no sort. */
static void listing_reads_its_index_alone(void **state)
{
    fixture *f = *state;
    char *plans = test_plans_with(f, listing, "ORDER BY sort_key");
    if (strcmp(plans, "SEARCH node USING COVERING INDEX node_listing (plan_id=?)\n"))
        fail_msg("the listing does not read node_listing alone:\n%s", plans);
    free(plans);
}

/* Schema 21: a search reads no node's row and no note: the words are
 * tested in the FTS5 index and its copy of the text, each match looked
 * up in node_search (covering: plan, state, place), for long, mixed and
 * short words alike. */
static void search_reads_no_row(void **state)
{
    fixture *f = *state;
    void (*const runs[])(fixture *) = {search_long, search_mixed, search_short};
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        char *plans = test_plans_with(f, runs[i], "ORDER BY n.sort_key");
        if (!strstr(plans, "SEARCH n USING COVERING INDEX node_search (id=?)\n") ||
            strstr(plans, "PRIMARY KEY") || strstr(plans, " t ") || strstr(plans, "SCAN n"))
            fail_msg("search %zu reads rows:\n%s", i, plans);
        free(plans);
    }
}

/* The guard itself catches what it should: a scan and a plan walk. */
static void the_guard_sees_a_scan(void **state)
{
    fixture *f = *state;
    char *plan = test_query_plan(f->st, "SELECT count(*) FROM history h WHERE h.note = 'x'");
    assert_non_null(strstr(plan, "SCAN h"));
    free(plan);
    strbuf names = {0};
    table_names("SELECT 1 FROM history h JOIN node n ON n.id = h.node_id", &names);
    assert_true(listed(strbuf_str(&names), "h"));
    assert_true(listed(strbuf_str(&names), "n"));
    assert_false(listed(strbuf_str(&names), "ON"));
    strbuf_free(&names);
    plan = test_query_plan(f->st, "SELECT id FROM node WHERE plan_id = 1 AND (?1 = 0 OR id = ?1)");
    assert_non_null(strstr(plan, "(plan_id=?)"));
    free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(hot_path_plans_use_indexes, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(the_guard_sees_a_scan, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(lights_read_in_one_pass, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(overdue_uses_its_indexes, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(history_indexes_serve_readers, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(search_reads_no_row, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(listing_reads_its_index_alone, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
