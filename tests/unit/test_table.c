/* Table rendering: alignment by display width, CSV quoting, JSON escaping,
 * Markdown cells, and sanitised text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/error.h"
#include "text/table.h"
#include "text/table_writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const table_column cols[] = {{"ref", "REF", 0}, {"title", "TITLE", 0}, {"n", "N", 1}};

static char *render(enum table_format fmt, const char *const rows[][3], size_t nrows)
{
    table t;
    table_init(&t, cols, 3);
    for (size_t i = 0; i < nrows; i++)
        assert_int_equal(table_add_row(&t, rows[i]), 0);
    strbuf sb = {0};
    assert_int_equal(table_render(&t, fmt, NULL, &sb), 0);
    table_free(&t);
    return strbuf_take(&sb);
}

static void text_aligns_by_display_width(void **state)
{
    (void)state;
    const char *rows[][3] = {{"1.1", "海盐", "7"}, {"10.2", "ab", "12"}};
    char *s = render(FORMAT_TEXT, rows, 2);
    assert_string_equal(s, "REF   TITLE   N\n"
                           "1.1   海盐    7\n"
                           "10.2  ab     12\n");
    free(s);
}

/* The caller's measure aligns the columns: “ ” are two columns wide when
 * it says so, and nothing remembers it between calls. */
static void text_aligns_with_the_callers_measure(void **state)
{
    (void)state;
    table t;
    table_init(&t, cols, 3);
    const char *r1[] = {"1", "“abcd”", "2"}, *r2[] = {"2", "abcdefg", "3"};
    assert_int_equal(table_add_row(&t, r1), 0);
    assert_int_equal(table_add_row(&t, r2), 0);
    text_measure narrow = {1}, wide = {2};
    strbuf a = {0}, b = {0}, c = {0};
    assert_int_equal(table_render(&t, FORMAT_TEXT, &wide, &a), 0);
    assert_int_equal(table_render(&t, FORMAT_TEXT, &narrow, &b), 0);
    assert_int_equal(table_render(&t, FORMAT_TEXT, NULL, &c), 0);
    assert_non_null(strstr(strbuf_str(&a), "abcdefg   3\n"));
    assert_non_null(strstr(strbuf_str(&b), "abcdefg  3\n"));
    assert_string_equal(strbuf_str(&b), strbuf_str(&c));
    strbuf_free(&a);
    strbuf_free(&b);
    strbuf_free(&c);
    table_free(&t);
}

static void csv_quotes_when_needed(void **state)
{
    (void)state;
    const char *rows[][3] = {{"1.1", "a,b \"c\"", "1"}};
    char *s = render(FORMAT_CSV, rows, 1);
    assert_string_equal(s, "ref,title,n\r\n1.1,\"a,b \"\"c\"\"\",1\r\n");
    free(s);
}

static void json_escapes_and_numbers(void **state)
{
    (void)state;
    const char *rows[][3] = {{"1.1", "say \"hi\" \\ 海", "3"}, {"1.2", "x", ""}};
    char *s = render(FORMAT_JSON, rows, 2);
    assert_string_equal(s,
                        "[\n {\"ref\": \"1.1\", \"title\": \"say \\\"hi\\\" \\\\ 海\", \"n\": 3},\n"
                        " {\"ref\": \"1.2\", \"title\": \"x\", \"n\": null}\n]\n");
    free(s);
}

static void markdown_escapes_pipes(void **state)
{
    (void)state;
    const char *rows[][3] = {{"1.1", "a|b", "1"}};
    char *s = render(FORMAT_MD, rows, 1);
    assert_non_null(strstr(s, "| 1.1 | a\\|b  |   1 |"));
    assert_non_null(strstr(s, "| --- | ----- | --- |"));
    free(s);
}

static void control_characters_never_pass(void **state)
{
    (void)state;
    const char *rows[][3] = {{"1.1", "x\033]0;pwned\007y", "1"}};
    for (int f = FORMAT_TEXT; f <= FORMAT_MD; f++) {
        char *s = render((enum table_format)f, rows, 1);
        assert_null(strchr(s, '\033'));
        assert_null(strchr(s, '\007'));
        free(s);
    }
}

static void csv_neutralises_formulas(void **state)
{
    (void)state;
    const char *rows[][3] = {
        {"=1+1", "@SUM(A1)", "-3"}, {"+cmd|' /C calc'!A0", "-2+3", "1.5"}, {"a=b", "-", "+7"}};
    char *s = render(FORMAT_CSV, rows, 3);
    assert_string_equal(s, "ref,title,n\r\n"
                           "'=1+1,'@SUM(A1),-3\r\n"
                           "'+cmd|' /C calc'!A0,'-2+3,1.5\r\n"
                           "a=b,'-,+7\r\n");
    free(s);
}

typedef struct collected {
    strbuf all;
    int flushes, fail_at;
} collected;

static int collect(void *arg, const strbuf *out)
{
    collected *c = arg;
    if (++c->flushes == c->fail_at)
        return 1;
    return strbuf_appendn(&c->all, strbuf_str(out), out->len);
}

/* A long table rendered in pieces (table_render_stream) is the same
 * bytes as rendered whole, in every format; its cells live in blocks of
 * their own (many rows, some long cells); a failing flush stops it. */
static void streamed_equals_whole(void **state)
{
    (void)state;
    static const table_column long_cols[] = {
        {"ref", "REF", 0}, {"n", "N", 1}, {"title", "TITLE", 0}};
    table t;
    table_init(&t, long_cols, 3);
    char ref[32], n[32], title[70000];
    for (int r = 0; r < 6000; r++) {
        snprintf(ref, sizeof ref, "%d.%d", r / 100, r % 100);
        snprintf(n, sizeof n, "%d", r * 7);
        int len = r % 997 == 0 ? 69990 : 1 + r % 40;
        for (int i = 0; i < len; i++)
            title[i] = "ab|,\"\t<"[(r + i) % 8];
        title[len] = '\0';
        const char *cells[] = {ref, n, r % 3 ? title : "海盐县“三服务”"};
        assert_int_equal(table_add_row(&t, cells), DUBAN_OK);
    }
    for (int f = FORMAT_TEXT; f <= FORMAT_MD; f++) {
        strbuf whole = {0}, rest = {0};
        collected c = {{0}, 0, 0};
        assert_int_equal(table_render(&t, (enum table_format)f, NULL, &whole), DUBAN_OK);
        assert_int_equal(table_render_stream(&t, (enum table_format)f, NULL, &rest, collect, &c),
                         DUBAN_OK);
        assert_true(c.flushes > 1);
        assert_true(rest.len < whole.len / 2);
        strbuf_appendn(&c.all, strbuf_str(&rest), rest.len);
        assert_int_equal(c.all.len, whole.len);
        assert_memory_equal(strbuf_str(&c.all), strbuf_str(&whole), whole.len);
        strbuf_free(&c.all);
        strbuf_reset(&rest);
        collected bad = {{0}, 0, 2};
        assert_int_equal(table_render_stream(&t, (enum table_format)f, NULL, &rest, collect, &bad),
                         DUBAN_EIO);
        strbuf_free(&bad.all);
        strbuf_free(&whole);
        strbuf_free(&rest);
    }
    table_free(&t);
}

/* table_cell() reads back each cell as kept: sanitised, NULL as "", rows
 * whose cells fill a block and start the next one intact. */
static void cells_read_back(void **state)
{
    (void)state;
    static const table_column three[] = {{"a", "A", 0}, {"b", "B", 0}, {"c", "C", 0}};
    table t;
    table_init(&t, three, 3);
    static char big[40000];
    memset(big, 'x', sizeof big - 1);
    for (int r = 0; r < 12; r++) {
        char a[16];
        snprintf(a, sizeof a, "r%d", r);
        const char *cells[] = {a, r % 2 ? NULL : "\x1b[31m红", big};
        assert_int_equal(table_add_row(&t, cells), DUBAN_OK);
    }
    assert_int_equal(t.nrows, 12);
    for (size_t r = 0; r < 12; r++) {
        char a[16];
        snprintf(a, sizeof a, "r%zu", r);
        assert_string_equal(table_cell(&t, r, 0), a);
        assert_string_equal(table_cell(&t, r, 1), r % 2 ? "" : "^[[31m红");
        assert_int_equal(strlen(table_cell(&t, r, 2)), sizeof big - 1);
    }
    table_free(&t);
    assert_null(t.rows);
}

/* The rows one writer test renders: dirty cells, Markdown's specials, a
 * numeric column, NULL cells, wide and long text. */
#define WRITER_ROWS 3000
static void writer_row_cells(int r, char *ref, char *n, char *title, const char **cells)
{
    snprintf(ref, 32, "%d.%d", r / 100, r % 100);
    snprintf(n, 32, "%d", r * 13);
    int len = 1 + r % 50;
    for (int i = 0; i < len; i++)
        title[i] = "ab|<&\"\t,"[(r + i) % 8];
    title[len] = '\0';
    cells[0] = r % 7 ? ref : "x\033[2Jy";
    cells[1] = r % 5 ? n : NULL;
    cells[2] = r % 3 ? title : "海盐县“三服务”";
    cells[3] = r % 11 ? "单位" : "=cmd|' /C calc'!A0";
}

static const table_column writer_cols[] = {
    {"ref", "REF", 0}, {"n", "N", 1}, {"title", "TITLE", 0}, {"unit", "UNIT", 0}};

/* The first rows of writer_row_cells through a table_writer in format f,
 * keeping up to keep bytes of them (0: none), into c (c->all: every byte,
 * the flushed pieces and what was left); 1 when they were written from
 * what was kept. */
static int render_through_writer(enum table_format f, int rows, size_t keep, collected *c)
{
    char ref[32], n[32], title[64];
    const char *cells[4];
    strbuf rest = {0};
    table_writer tw;
    assert_int_equal(table_writer_init(&tw, writer_cols, 4, f, NULL, &rest, collect, c), DUBAN_OK);
    assert_int_equal(table_writer_measures(&tw), f == FORMAT_TEXT || f == FORMAT_MD);
    if (keep)
        table_writer_keep(&tw, keep);
    for (int r = 0; table_writer_measures(&tw) && r < rows; r++) {
        writer_row_cells(r, ref, n, title, cells);
        assert_int_equal(table_writer_measure(&tw, cells), DUBAN_OK);
    }
    int kept = table_writer_kept(&tw);
    if (kept)
        assert_int_equal(table_writer_write_kept(&tw), DUBAN_OK);
    for (int r = 0; !kept && r < rows; r++) {
        writer_row_cells(r, ref, n, title, cells);
        assert_int_equal(table_writer_row(&tw, cells), DUBAN_OK);
    }
    assert_int_equal(table_writer_end(&tw), DUBAN_OK);
    table_writer_free(&tw);
    strbuf_appendn(&c->all, strbuf_str(&rest), rest.len);
    strbuf_free(&rest);
    return kept;
}

/* table_writer: rows given twice (text, Markdown) or once (CSV, JSON)
 * render the bytes the held table renders, also flushed in pieces and
 * with no rows; a failing flush stops it with DUBAN_EIO. */
static void writer_equals_held_table(void **state)
{
    (void)state;
    char ref[32], n[32], title[64];
    const char *cells[4];
    for (int rows = 0; rows <= WRITER_ROWS; rows += WRITER_ROWS) {
        table t;
        table_init(&t, writer_cols, 4);
        for (int r = 0; r < rows; r++) {
            writer_row_cells(r, ref, n, title, cells);
            assert_int_equal(table_add_row(&t, cells), DUBAN_OK);
        }
        for (int f = FORMAT_TEXT; f <= FORMAT_MD; f++) {
            strbuf held = {0};
            collected c = {{0}, 0, 0};
            assert_int_equal(table_render(&t, (enum table_format)f, NULL, &held), DUBAN_OK);
            render_through_writer((enum table_format)f, rows, 0, &c);
            assert_true(rows == 0 || c.flushes > 1);
            assert_int_equal(c.all.len, held.len);
            assert_memory_equal(strbuf_str(&c.all), strbuf_str(&held), held.len);
            strbuf_free(&c.all);
            strbuf_free(&held);
        }
        table_free(&t);
    }
    strbuf out = {0};
    collected bad = {{0}, 0, 1};
    table_writer tw;
    assert_int_equal(table_writer_init(&tw, writer_cols, 4, FORMAT_CSV, NULL, &out, collect, &bad),
                     DUBAN_OK);
    int rc = DUBAN_OK;
    for (int r = 0; r < WRITER_ROWS && !rc; r++) {
        writer_row_cells(r, ref, n, title, cells);
        rc = table_writer_row(&tw, cells);
    }
    assert_int_equal(rc, DUBAN_EIO);
    table_writer_free(&tw);
    strbuf_free(&bad.all);
    strbuf_free(&out);
}

/* Kept rows (table_writer_keep()): measured once and written from what
 * was kept, text and Markdown render the held table's bytes; past the
 * limit nothing is kept and the second pass writes them as before. */
static void writer_kept_rows_equal_held_table(void **state)
{
    (void)state;
    char ref[32], n[32], title[64];
    const char *cells[4];
    table t;
    table_init(&t, writer_cols, 4);
    for (int r = 0; r < WRITER_ROWS; r++) {
        writer_row_cells(r, ref, n, title, cells);
        assert_int_equal(table_add_row(&t, cells), DUBAN_OK);
    }
    static const enum table_format aligned[] = {FORMAT_TEXT, FORMAT_MD};
    for (size_t f = 0; f < 2; f++) {
        strbuf held = {0};
        assert_int_equal(table_render(&t, aligned[f], NULL, &held), DUBAN_OK);
        for (size_t limit = 1 << 10; limit <= 1 << 24; limit <<= 14) {
            collected c = {{0}, 0, 0};
            assert_int_equal(render_through_writer(aligned[f], WRITER_ROWS, limit, &c),
                             limit > 1 << 10);
            assert_int_equal(c.all.len, held.len);
            assert_memory_equal(strbuf_str(&c.all), strbuf_str(&held), held.len);
            strbuf_free(&c.all);
        }
        strbuf_free(&held);
    }
    table_free(&t);
}

/* Measures every writer row in text keeping up to limit bytes: 1 when
 * they were kept (*len: their bytes), and whether their block moved. */
static int measure_kept(size_t limit, size_t *len, int *moved)
{
    char ref[32], n[32], title[64];
    const char *cells[4];
    strbuf rest = {0};
    table_writer tw;
    assert_int_equal(table_writer_init(&tw, writer_cols, 4, FORMAT_TEXT, NULL, &rest, NULL, NULL),
                     DUBAN_OK);
    table_writer_keep(&tw, limit);
    const char *block = NULL;
    *moved = 0;
    for (int r = 0; r < WRITER_ROWS; r++) {
        writer_row_cells(r, ref, n, title, cells);
        assert_int_equal(table_writer_measure(&tw, cells), DUBAN_OK);
        if (!r)
            block = tw.kept.s;
        *moved |= table_writer_kept(&tw) && tw.kept.s != block;
    }
    int kept = table_writer_kept(&tw);
    *len = tw.kept.len;
    table_writer_free(&tw);
    strbuf_free(&rest);
    return kept;
}

/* The kept rows live in one block asked for with the first row (they
 * never move as they grow), and a limit of exactly their size keeps them
 * while one byte less keeps none. */
static void writer_keeps_rows_in_one_block(void **state)
{
    (void)state;
    size_t need, len;
    int moved;
    assert_int_equal(measure_kept(1 << 24, &need, &moved), 1);
    assert_int_equal(moved, 0);
    assert_int_equal(measure_kept(need, &len, &moved), 1);
    assert_int_equal(len, need);
    assert_int_equal(moved, 0);
    assert_int_equal(measure_kept(need - 1, &len, &moved), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_aligns_by_display_width),
        cmocka_unit_test(text_aligns_with_the_callers_measure),
        cmocka_unit_test(csv_quotes_when_needed),
        cmocka_unit_test(json_escapes_and_numbers),
        cmocka_unit_test(markdown_escapes_pipes),
        cmocka_unit_test(control_characters_never_pass),
        cmocka_unit_test(csv_neutralises_formulas),
        cmocka_unit_test(streamed_equals_whole),
        cmocka_unit_test(cells_read_back),
        cmocka_unit_test(writer_equals_held_table),
        cmocka_unit_test(writer_kept_rows_equal_held_table),
        cmocka_unit_test(writer_keeps_rows_in_one_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
