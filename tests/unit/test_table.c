/* Table rendering: alignment by display width, CSV quoting, JSON escaping,
 * Markdown cells, and sanitised text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "text/table.h"

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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
