/* Meetings: opening and closing, history rows belonging to them, net
 * changes with undo, extensions in the overdue list, and the minutes /
 * report renderers (items without progress: test_meeting_silent.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "edit/meeting.h"
#include "report/minutes.h"
#include "report/minutes_data.h"
#include "query/query.h"
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

static void one_meeting_at_a_time(void **state)
{
    fixture *f = *state;
    duban_error err;
    meeting m;
    assert_int_equal(meeting_current(f->st, f->plan, &m, &err), DUBAN_OK);
    assert_int_equal(m.id, 0);
    int64_t id = fixture_meeting(f, "  第三次推进会 ");
    assert_int_equal(meeting_start(f->st, f->plan, "另一个会", "2021-10-02", NULL, &err),
                     DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "第三次推进会"));
    assert_int_equal(meeting_current(f->st, f->plan, &m, &err), DUBAN_OK);
    assert_int_equal(m.id, id);
    assert_string_equal(m.title, "第三次推进会");
    assert_string_equal(m.date, "2021-10-01");
    assert_int_equal(m.seq, 1);
    assert_true(m.open);
    meeting_free(&m);
    assert_int_equal(meeting_end(f->st, f->plan, &err), DUBAN_OK);
    assert_int_equal(meeting_end(f->st, f->plan, &err), DUBAN_EINVAL);
    assert_int_equal(meeting_start(f->st, f->plan, " ", "2021-10-02", NULL, &err), DUBAN_EINVAL);
    assert_int_equal(meeting_start(f->st, f->plan, "会", "2021-02-30", NULL, &err), DUBAN_EINVAL);
    assert_int_equal(meeting_start(f->st, 999, "会", "2021-10-02", NULL, &err), DUBAN_ENOTFOUND);
    /* the caller passes the date: core knows no today of its own */
    assert_int_equal(meeting_start(f->st, f->plan, "会", NULL, NULL, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "date"));
    int64_t second = fixture_meeting(f, "第四次推进会");
    meeting_list l;
    assert_int_equal(meeting_list_all(f->st, f->plan, &l, &err), DUBAN_OK);
    assert_int_equal(l.n, 2);
    assert_false(l.v[0].open);
    assert_string_not_equal(l.v[0].ended_at, "");
    assert_int_equal(l.v[1].seq, 2);
    meeting_list_free(&l);
    int64_t got;
    assert_int_equal(meeting_resolve(f->st, f->plan, NULL, &got, &err), DUBAN_OK);
    assert_int_equal(got, second);
    assert_int_equal(meeting_resolve(f->st, f->plan, "1", &got, &err), DUBAN_OK);
    assert_int_equal(got, id);
    assert_int_equal(meeting_resolve(f->st, f->plan, "77", &got, &err), DUBAN_ENOTFOUND);
    assert_int_equal(meeting_resolve(f->st, f->plan, "abc", &got, &err), DUBAN_EINVAL);
}

static int64_t history_meeting(fixture *f, int64_t history_id)
{
    sqlite3_stmt *s;
    assert_int_equal(
        db_prepare(f->st, "SELECT coalesce(meeting_id, 0) FROM history WHERE id = ?", &s, NULL), 0);
    sqlite3_bind_int64(s, 1, history_id);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int64_t m = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return m;
}

static void edits_in_a_meeting_belong_to_it(void **state)
{
    fixture *f = *state;
    history_list h;
    fixture_edit(f, "1.1", FIELD_STATUS, "in_progress", NULL); /* before: no meeting */
    int64_t id = fixture_meeting(f, "会");
    fixture_edit(f, "1.2", FIELD_STATUS, "done", NULL);
    fixture_undo(f);
    assert_int_equal(meeting_end(f->st, f->plan, NULL), DUBAN_OK);
    fixture_edit(f, "2.1", FIELD_STATUS, "behind", NULL); /* after */
    assert_int_equal(plan_history(f->st, f->plan, 0, &h, NULL), DUBAN_OK);
    assert_int_equal(h.n, 4); /* newest first */
    assert_int_equal(history_meeting(f, h.v[0].id), 0);
    assert_int_equal(history_meeting(f, h.v[1].id), id); /* the undo */
    assert_int_equal(history_meeting(f, h.v[2].id), id);
    assert_int_equal(history_meeting(f, h.v[3].id), 0);
    history_list_free(&h);
}

static const meeting_change *change_of(const meeting_change_list *l, const char *ref,
                                       const char *field)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].ref, ref) && !strcmp(l->v[i].field, field))
            return &l->v[i];
    return NULL;
}

/* Counts the statements run whose text holds the changes' "net" step. */
static int count_changes_statement(unsigned type, void *ctx, void *p, void *x)
{
    (void)type;
    (void)x;
    if (strstr(sqlite3_sql((sqlite3_stmt *)p), " net AS ("))
        ++*(int *)ctx;
    return 0;
}

/* A meeting with nothing written in its window has no change, found by
 * one seek: the long changes statement is neither compiled nor run. */
static void an_empty_window_runs_no_changes_statement(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "2.1", FIELD_UNIT, "县发改局", NULL); /* before the meeting */
    int64_t id = fixture_meeting(f, "会");
    int runs = 0;
    sqlite3_trace_v2(f->st->db, SQLITE_TRACE_STMT, count_changes_statement, &runs);
    meeting_change_list l;
    assert_int_equal(meeting_changes(f->st, id, &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 0);
    assert_int_equal(runs, 0);
    meeting_change_list_free(&l);
    fixture_edit(f, "1.1", FIELD_STATUS, "in_progress", NULL);
    assert_int_equal(meeting_changes(f->st, id, &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 1);
    assert_int_equal(runs, 1);
    meeting_change_list_free(&l);
    sqlite3_trace_v2(f->st->db, 0, NULL, NULL);
}

static void changes_are_the_net_effect(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "2.1", FIELD_UNIT, "县发改局", NULL); /* before the meeting */
    int64_t id = fixture_meeting(f, "会");
    fixture_edit(f, "1.1", FIELD_STATUS, "in_progress", "已开工");
    fixture_edit(f, "1.1", FIELD_STATUS, "done", "已完成验收");
    fixture_edit(f, "1.2", FIELD_STATUS, "blocked", NULL);
    fixture_undo(f); /* 1.2 back: no change */
    fixture_edit(f, "1.2", FIELD_DUE, "2021-11-30", NULL);
    fixture_edit(f, "1.2", FIELD_DUE, "2021-12-31", NULL); /* set back by hand: no change */
    fixture_edit(f, "1.2.1", FIELD_NOTE, "子项有进展", NULL);
    fixture_edit(f, "2.1", FIELD_NOTE, "撤回的说明", NULL);
    fixture_undo(f); /* the note is withdrawn */
    fixture_undo(f); /* 1.2.1's note too */
    fixture_edit(f, "1.2.1", FIELD_NOTE, "子项有新进展", NULL);
    meeting_change_list l;
    duban_error err;
    assert_int_equal(meeting_changes(f->st, id, &l, &err), DUBAN_OK);
    const meeting_change *c = change_of(&l, "1.1", "status");
    assert_non_null(c);
    assert_string_equal(c->old_value, "not_started");
    assert_string_equal(c->new_value, "done");
    assert_string_equal(c->note, "已完成验收");
    assert_null(change_of(&l, "1.2", "status"));
    assert_null(change_of(&l, "1.2", "due"));
    assert_null(change_of(&l, "2.1", "note"));
    c = change_of(&l, "1.2.1", "note");
    assert_non_null(c);
    assert_string_equal(c->new_value, "子项有新进展");
    assert_int_equal(l.n, 2);
    meeting_change_list_free(&l);

    /* a second meeting undoes a note made in the first */
    assert_int_equal(meeting_end(f->st, f->plan, NULL), DUBAN_OK);
    int64_t second = fixture_meeting(f, "第二次");
    fixture_undo(f); /* 1.2.1's second note */
    assert_int_equal(meeting_changes(f->st, second, &l, &err), DUBAN_OK);
    assert_int_equal(l.n, 0); /* undoing a note of an earlier meeting is not listed */
    meeting_change_list_free(&l);
    fixture_edit(f, "2.1", FIELD_STATUS, "behind", NULL);
    assert_int_equal(changes_since_last_meeting(f->st, f->plan, &l, &err), DUBAN_OK);
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0].ref, "2.1");
    meeting_change_list_free(&l);
    /* the first meeting's changes are as they were at its end */
    assert_int_equal(meeting_changes(f->st, id, &l, &err), DUBAN_OK);
    assert_int_equal(l.n, 2);
    meeting_change_list_free(&l);
}

/* The minutes' overdue rows (query_overdue_brief) are query_overdue's
 * without leader and area. */
static void overdue_brief_is_overdue_without_leader_and_area(void **state)
{
    fixture *f = *state;
    overdue_list full, brief;
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-12-31"), &full, NULL), DUBAN_OK);
    assert_int_equal(query_overdue_brief(f->st, f->plan, day("2021-12-31"), &brief, NULL),
                     DUBAN_OK);
    assert_true(full.n > 0);
    assert_int_equal(full.n, brief.n);
    for (size_t i = 0; i < full.n; i++) {
        const overdue_row *a = &full.v[i], *b = &brief.v[i];
        assert_int_equal(a->node_id, b->node_id);
        assert_string_equal(a->ref, b->ref);
        assert_string_equal(a->title, b->title);
        assert_string_equal(a->phrase, b->phrase);
        assert_string_equal(a->word, b->word);
        assert_string_equal(a->due, b->due);
        assert_int_equal(a->days_late, b->days_late);
        assert_string_equal(a->status, b->status);
        assert_string_equal(a->unit, b->unit);
        assert_string_equal(a->original_due, b->original_due);
        assert_string_equal(b->leader, "");
        assert_string_equal(b->area_title, "");
        assert_int_equal(b->area_seq, 0);
    }
    overdue_list_free(&full);
    overdue_list_free(&brief);
}

static void extensions_keep_the_original_due(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "2.1", FIELD_EXTENSION, "2021-10-31", "资金到位推迟");
    overdue_list l;
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-10-10"), &l, NULL), DUBAN_OK);
    for (size_t i = 0; i < l.n; i++)
        assert_string_not_equal(l.v[i].ref, "2.1");
    overdue_list_free(&l);
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-11-02"), &l, NULL), DUBAN_OK);
    size_t i = 0;
    while (i < l.n && strcmp(l.v[i].ref, "2.1"))
        i++;
    assert_true(i < l.n);
    assert_string_equal(l.v[i].due, "2021-10-31");
    assert_string_equal(l.v[i].original_due, "2021-09-30");
    assert_int_equal(l.v[i].days_late, 2);
    overdue_list_free(&l);
    /* an extended item's milestones are covered by the extension */
    fixture_edit(f, "1.1", FIELD_EXTENSION, "2021-12-31", "调整");
    assert_int_equal(query_overdue(f->st, f->plan, day("2021-08-02"), &l, NULL), DUBAN_OK);
    assert_int_equal(l.n, 0);
    overdue_list_free(&l);
    node n;
    assert_int_equal(node_by_ref(f->st, f->plan, "1.1", &n, NULL), DUBAN_OK);
    assert_string_equal(n.due, "2021-08-31");
    assert_string_equal(n.extended_due, "2021-12-31");
    node_free(&n);
    fixture_undo(f);
    assert_int_equal(node_by_ref(f->st, f->plan, "1.1", &n, NULL), DUBAN_OK);
    assert_string_equal(n.extended_due, "");
    node_free(&n);
    area_stats_list s;
    assert_int_equal(query_area_stats(f->st, f->plan, day("2021-10-10"), 14, &s, NULL), 0);
    assert_int_equal(s.v[1].overdue, 0);
    assert_int_equal(s.v[1].at_risk, 0); /* 10-31 is beyond 14 days */
    area_stats_list_free(&s);
    edit_result r;
    node_by_ref(f->st, f->plan, "2.1", &n, NULL);
    assert_int_equal(edit_apply(f->st, n.id, FIELD_EXTENSION, "soon", NULL, &r, NULL),
                     DUBAN_EINVAL);
    node_free(&n);
}

static void renderers_say_what_happened(void **state)
{
    fixture *f = *state;
    int64_t id = fixture_meeting(f, "第三次<推进会>");
    fixture_edit(f, "1.1", FIELD_STATUS, "done", "已完成 & <验收>");
    fixture_edit(f, "2.1", FIELD_EXTENSION, "2021-12-31", "延期");
    strbuf sb = {0};
    duban_error err;
    long today = day("2021-10-01");
    assert_int_equal(minutes_render(f->st, id, MINUTES_HTML, today, NULL, NULL, &sb, &err), 0);
    const char *html = strbuf_str(&sb);
    assert_non_null(strstr(html, "<!DOCTYPE html>"));
    assert_non_null(strstr(html, "@page"));
    assert_non_null(strstr(html, "第三次&lt;推进会&gt;"));
    assert_non_null(strstr(html, "已完成 &amp; &lt;验收&gt;"));
    assert_null(strstr(html, "<验收>"));
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "http"));
    strbuf_reset(&sb);
    assert_int_equal(minutes_render(f->st, id, MINUTES_MD, today, NULL, NULL, &sb, &err), 0);
    assert_non_null(strstr(strbuf_str(&sb), "## 二、本次会议调度情况"));
    assert_non_null(strstr(strbuf_str(&sb), "| 未启动 "));
    assert_non_null(
        strstr(strbuf_str(&sb), "| 已完成 &amp; &lt;验收&gt; ")); /* no raw HTML in Markdown */
    assert_non_null(strstr(strbuf_str(&sb), "| 延期"));
    strbuf_reset(&sb);
    assert_int_equal(minutes_render(f->st, 999, MINUTES_MD, today, NULL, NULL, &sb, &err),
                     DUBAN_ENOTFOUND);
    strbuf_reset(&sb);
    assert_int_equal(
        report_render(f->st, f->plan, LIGHT_BY_AREA, FORMAT_JSON, today, NULL, NULL, &sb, &err), 0);
    assert_non_null(strstr(strbuf_str(&sb), "\"area\": \"1\""));
    assert_non_null(strstr(strbuf_str(&sb), "\"done\": 1"));
    strbuf_free(&sb);
}

/* The reports between meetings, capped: the first max in the order of
 * the whole list, and all of them counted. */
static void reports_before_a_meeting_are_capped(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_STATUS, "in_progress", NULL);
    fixture_edit(f, "1.2", FIELD_STATUS, "behind", NULL);
    fixture_edit(f, "2.1", FIELD_UNIT, "县发改局", NULL);
    int64_t id = fixture_meeting(f, "第一次");
    meeting_change_list all, two, none;
    duban_error err;
    assert_int_equal(changes_before_meeting(f->st, id, SIZE_MAX, &all, &err), DUBAN_OK);
    assert_int_equal(all.n, 3);
    assert_int_equal(all.total, 3);
    assert_int_equal(changes_before_meeting(f->st, id, 2, &two, &err), DUBAN_OK);
    assert_int_equal(two.n, 2);
    assert_int_equal(two.total, 3);
    for (size_t i = 0; i < two.n; i++) {
        assert_string_equal(two.v[i].ref, all.v[i].ref);
        assert_string_equal(two.v[i].field, all.v[i].field);
        assert_string_equal(two.v[i].new_value, all.v[i].new_value);
    }
    assert_int_equal(changes_before_meeting(f->st, id, 0, &none, &err), DUBAN_OK);
    assert_int_equal(none.n, 0);
    assert_null(none.v);
    assert_int_equal(none.total, 3);
    meeting_change_list_free(&all);
    meeting_change_list_free(&two);
    meeting_change_list_free(&none);
}

/* Another program's edit, committed while the minutes are read: when
 * the overdue list's statement starts, 1.1 is set done through a second
 * connection. */
typedef struct late_edit {
    store *other;
    int64_t node_id;
    int done;
} late_edit;

static int edit_midway(unsigned type, void *arg, void *stmt, void *sql)
{
    late_edit *e = arg;
    (void)type;
    (void)stmt;
    if (!e->done && strstr(sql, "nullif(n.extended_due")) {
        edit_result r;
        duban_error err;
        e->done = 1;
        if (edit_apply(e->other, e->node_id, FIELD_STATUS, "done", NULL, &r, &err))
            fail_msg("edit_apply: %s", err.msg);
        edit_result_free(&r);
    }
    return 0;
}

/* The minutes are read in one snapshot: an edit another program commits
 * while they are read shows in none of their sections (here the areas'
 * numbers, read before it, and the overdue list, read after, would
 * disagree on 1.1). */
static void minutes_read_one_snapshot(void **state)
{
    fixture *f = *state;
    int64_t id = fixture_meeting(f, "调度会");
    char path[1024];
    test_path_in(path, sizeof path, f->dir, "t.db");
    late_edit e = {.node_id = fixture_id(f, "1.1")};
    duban_error err;
    assert_int_equal(store_open(path, 0, &e.other, &err), DUBAN_OK);
    sqlite3_trace_v2(f->st->db, SQLITE_TRACE_STMT, edit_midway, &e);
    minutes_data md;
    assert_int_equal(minutes_load(f->st, id, day("2021-10-01"), NULL, NULL, &md, &err), DUBAN_OK);
    sqlite3_trace_v2(f->st->db, 0, NULL, NULL);
    assert_true(e.done);
    assert_int_equal(md.areas.v[0].done, 0);
    int listed = 0;
    for (size_t i = 0; i < md.overdue.n; i++)
        listed |= !strcmp(md.overdue.v[i].ref, "1.1");
    assert_true(listed);
    minutes_data_free(&md);
    /* the edit is there for what reads next */
    assert_int_equal(minutes_load(f->st, id, day("2021-10-01"), NULL, NULL, &md, &err), DUBAN_OK);
    assert_int_equal(md.areas.v[0].done, 1);
    minutes_data_free(&md);
    store_close(e.other);
}

/* A table_flush_fn keeping what it is handed; it fails at piece fail_at
 * (1 the first, 0 never). */
typedef struct pieces {
    strbuf all;
    size_t n, largest, fail_at;
} pieces;

static int keep_piece(void *arg, const strbuf *sb)
{
    pieces *p = arg;
    if (++p->n == p->fail_at)
        return 1;
    if (sb->len > p->largest)
        p->largest = sb->len;
    return strbuf_appendn(&p->all, sb->s, sb->len);
}

/* Long minutes are written as they are made, in pieces of TABLE_FLUSH_AT
 * bytes and at most a row (here a 9 KB note) more, the same text as
 * rendered whole; a failed write stops them with DUBAN_EIO. */
static void minutes_are_handed_out_in_pieces(void **state)
{
    fixture *f = *state;
    int64_t id = fixture_meeting(f, "调度会");
    static const char *const refs[] = {"1.1", "1.2", "1.2.1", "1.2.2", "2.1"};
    char note[3 * 3000 + 1];
    for (size_t i = 0; i + 3 < sizeof note; i += 3)
        memcpy(note + i, "进", 3);
    note[sizeof note - 1] = '\0';
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        fixture_edit(f, refs[i], FIELD_NOTE, note, NULL);
    long today = day("2030-01-01");
    for (int fmt = MINUTES_MD; fmt <= MINUTES_JSON; fmt++) {
        strbuf whole = {0}, rest = {0};
        pieces p = {0};
        duban_error err;
        assert_int_equal(minutes_render_where(f->st, id, (enum minutes_format)fmt, today, NULL,
                                              NULL, NULL, NULL, &whole, NULL, NULL, &err),
                         DUBAN_OK);
        assert_int_equal(minutes_render_where(f->st, id, (enum minutes_format)fmt, today, NULL,
                                              NULL, NULL, NULL, &rest, keep_piece, &p, &err),
                         DUBAN_OK);
        assert_int_equal(strbuf_appendn(&p.all, rest.s, rest.len), 0);
        assert_string_equal(strbuf_str(&p.all), strbuf_str(&whole));
        assert_true(p.n >= 2);
        assert_true(p.largest >= TABLE_FLUSH_AT && p.largest < TABLE_FLUSH_AT + 12288);
        assert_true(rest.len < TABLE_FLUSH_AT + 12288);
        strbuf_free(&p.all);
        strbuf_reset(&rest);
        p = (pieces){.fail_at = 2};
        assert_int_equal(minutes_render_where(f->st, id, (enum minutes_format)fmt, today, NULL,
                                              NULL, NULL, NULL, &rest, keep_piece, &p, &err),
                         DUBAN_EIO);
        assert_string_equal(err.msg, "cannot write output");
        strbuf_free(&p.all);
        strbuf_free(&rest);
        strbuf_free(&whole);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(one_meeting_at_a_time, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(reports_before_a_meeting_are_capped, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(edits_in_a_meeting_belong_to_it, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(an_empty_window_runs_no_changes_statement, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(changes_are_the_net_effect, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(overdue_brief_is_overdue_without_leader_and_area,
                                        fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(extensions_keep_the_original_due, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(renderers_say_what_happened, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(minutes_are_handed_out_in_pieces, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(minutes_read_one_snapshot, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
