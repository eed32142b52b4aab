/* The minutes' blocks kept when a meeting ends (format "doc", for the
 * workbook): they read back as written, and a damaged text is refused
 * (no crash, nothing leaked) at every length. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "edit/meeting.h"
#include "edit/meeting_room.h"
#include "plan/date.h"
#include "report/minutes_internal.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *frozen_doc(fixture *f)
{
    int64_t id;
    long today;
    duban_error err;
    assert_int_equal(date_parse("2021-10-01", &today, NULL), DUBAN_OK);
    assert_int_equal(meeting_start(f->st, f->plan, "第三次推进会", "2021-10-01", &id, &err),
                     DUBAN_OK);
    fixture_edit(f, "1.1", FIELD_NOTE, "进展<一>&\n第二行", NULL);
    assert_int_equal(meeting_end(f->st, f->plan, &err), DUBAN_OK);
    assert_int_equal(minutes_freeze(f->st, id, today, NULL, "督查室", NULL, &err), DUBAN_OK);
    char *body = NULL;
    assert_int_equal(meeting_minutes_get(f->st, id, "doc", &body, &err), DUBAN_OK);
    assert_non_null(body);
    return body;
}

static void the_blocks_read_back_as_written(void **state)
{
    char *body = frozen_doc(*state);
    minutes_doc d;
    duban_error err;
    assert_int_equal(minutes_doc_decode(body, &d, &err), DUBAN_OK);
    assert_string_equal(d.title, "第三次推进会 会议纪要");
    int tables = 0;
    for (size_t i = 0; i < d.n; i++)
        tables += d.v[i].kind == BLOCK_TABLE;
    assert_true(tables >= 2);
    strbuf again = {0};
    assert_int_equal(minutes_doc_encode(&d, &again), DUBAN_OK);
    assert_string_equal(strbuf_str(&again), body);
    strbuf_free(&again);
    minutes_doc_free(&d);
    free(body);
}

static void a_damaged_text_is_refused(void **state)
{
    char *body = frozen_doc(*state);
    size_t n = strlen(body);
    duban_error err;
    minutes_doc d;
    /* every shorter text but those ending right after a whole record */
    for (size_t len = 0; len < n; len++) {
        char *cut = strndup(body, len);
        assert_non_null(cut);
        int rc = minutes_doc_decode(cut, &d, &err);
        if (rc == DUBAN_OK)
            minutes_doc_free(&d);
        else
            assert_int_equal(rc, DUBAN_EPARSE);
        free(cut);
    }
    /* a wrong length, a wrong kind, a table of no columns, a huge table */
    const char *bad[] = {
        "duban-minutes-doc 1\nT 3:ab\n",
        "duban-minutes-doc 1\nT 2:ab\nB 5 1:x\n",
        "duban-minutes-doc 1\nT 2:ab\nB 9 1:x\n",
        "duban-minutes-doc 1\nT 2:ab\nG 0 0\n",
        "duban-minutes-doc 1\nT 2:ab\nG 2 99999999999999999999\n",
        "duban-minutes-doc 1\nT 2:ab\nG 1 1\nC 1 1:k 1:h\n",
        "duban-minutes-doc 2\nT 2:ab\n",
        "",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(minutes_doc_decode(bad[i], &d, &err), DUBAN_EPARSE);
    free(body);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_blocks_read_back_as_written, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_damaged_text_is_refused, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
