/* A meeting's net changes (changes_since_last_meeting) under the query
 * plan guard of test_explain.c: no loop of full scans nested in another
 * (issue 15: minutes at 10,000 items). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "edit/meeting.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

/* Two scans under one parent of a plan: a nested loop of full scans (of
 * tables or materialized CTEs), quadratic in what they read. */
static int nested_scans(store *st, const char *sql)
{
    strbuf q = {0};
    strbuf_printf(&q, "EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, strbuf_str(&q), -1, &s, NULL) != SQLITE_OK)
        fail_msg("cannot explain %s: %s", sql, sqlite3_errmsg(st->db));
    int parents[256], n = 0, nested = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(s, 3);
        if (strncmp(d, "SCAN ", 5) || strstr(d, "COVERING INDEX") || strstr(d, "VIRTUAL TABLE"))
            continue;
        int parent = sqlite3_column_int(s, 1);
        for (int i = 0; i < n; i++)
            nested |= parents[i] == parent;
        if (n < 256)
            parents[n++] = parent;
    }
    sqlite3_finalize(s);
    strbuf_free(&q);
    return nested;
}

/* A meeting's net changes read each item and field's first and last rows
 * by key, not by a self-join of the window's rows (which SQLite ran as a
 * scan inside a scan: minutes at 10k items). */
static void changes_since_last(fixture *f)
{
    meeting_change_list l;
    assert_int_equal(changes_since_last_meeting(f->st, f->plan, &l, NULL), DUBAN_OK);
    meeting_change_list_free(&l);
}

static void changes_do_not_nest_scans(void **state)
{
    fixture *f = *state;
    int64_t id;
    assert_int_equal(meeting_start(f->st, f->plan, "会", "2021-10-01", &id, NULL), DUBAN_OK);
    fixture_edit(f, "1.1", FIELD_STATUS, "done", NULL);
    test_caught c;
    test_catch_statements(f, changes_since_last, &c);
    int found = 0;
    for (int i = 0; i < c.n; i++) {
        if (strstr(c.sql[i], "old_value")) {
            found = 1;
            if (nested_scans(f->st, c.sql[i]))
                fail_msg("nested scans in\n%s", c.sql[i]);
        }
        free(c.sql[i]);
    }
    assert_true(found);
    /* the guard sees the old form */
    assert_true(nested_scans(
        f->st, "WITH r AS (SELECT h.*, row_number() OVER (PARTITION BY h.node_id, h.field"
               " ORDER BY h.id) AS rn_first, row_number() OVER (PARTITION BY h.node_id, h.field"
               " ORDER BY h.id DESC) AS rn_last FROM history h WHERE h.plan_id = 1)"
               " SELECT f.id FROM r f JOIN r l ON l.node_id = f.node_id AND l.field = f.field"
               " AND l.rn_last = 1 WHERE f.rn_first = 1"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(changes_do_not_nest_scans, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
