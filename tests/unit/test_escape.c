/* The escaping paths of the data formats: JSON strings write C1 controls,
 * bidi controls and line separators as \uXXXX; Markdown text and table
 * cells write & < > as entities. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report/minutes_internal.h"
#include "text/table.h"

#include <stdlib.h>
#include <string.h>

static char *json(const char *s)
{
    strbuf sb = {0};
    assert_int_equal(json_append_string(&sb, s), 0);
    return strbuf_take(&sb);
}

static void json_escapes_c1_and_bidi(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"a\xc2\x85"
         "b",
         "\"a\\u0085b\""}, /* NEL (C1) */
        {"\xc2\x9b"
         "2J",
         "\"\\u009b2J\""},                                  /* CSI (C1) */
        {"x\xe2\x80\xaey", "\"x\\u202ey\""},                /* RLO */
        {"\xe2\x80\xaa\xe2\x80\xac", "\"\\u202a\\u202c\""}, /* LRE, PDF */
        {"\xe2\x81\xa6\xe2\x81\xa9", "\"\\u2066\\u2069\""}, /* LRI, PDI */
        {"\xe2\x80\xa8", "\"\\u2028\""},                    /* line separator */
        {"\033]52;c;x\007", "\"\\u001b]52;c;x\\u0007\""},
        {"\x7f", "\"\\u007f\""},
        {"a\xff"
         "b",
         "\"a\xef\xbf\xbd"
         "b\""},                                /* malformed byte: U+FFFD */
        {"海盐 “引号” é", "\"海盐 “引号” é\""}, /* ordinary text stays */
        {"q\"\\\n", "\"q\\\"\\\\\\n\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = json(cases[i].in);
        assert_string_equal(s, cases[i].want);
        free(s);
    }
}

static void markdown_text_escapes_html(void **state)
{
    (void)state;
    strbuf sb = {0};
    assert_int_equal(md_append_text(&sb, "<img src=x onerror=alert(1)> & <script>"), 0);
    assert_string_equal(strbuf_str(&sb), "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;");
    strbuf_free(&sb);
}

static void markdown_cells_escape_html(void **state)
{
    (void)state;
    static const table_column cols[] = {{"t", "T", 0}};
    table t;
    table_init(&t, cols, 1);
    assert_int_equal(table_add_row(&t, (const char *[]){"<b>a|b</b> & c"}), 0);
    strbuf sb = {0};
    assert_int_equal(table_render(&t, FORMAT_MD, NULL, &sb), 0);
    assert_non_null(strstr(strbuf_str(&sb), "| &lt;b&gt;a\\|b&lt;/b&gt; &amp; c |"));
    assert_null(strchr(strbuf_str(&sb), '<'));
    strbuf_free(&sb);
    table_free(&t);
}

/* The HTML path (minutes, 通报) writes all five specials as entities and
 * copies everything else as it is, at the ends of the text too. */
static void html_escapes_every_special(void **state)
{
    (void)state;
    strbuf sb = {0};
    assert_int_equal(html_escape(&sb, "&a<b>c\"d'e 甲'"), 0);
    assert_string_equal(strbuf_str(&sb), "&amp;a&lt;b&gt;c&quot;d&#39;e 甲&#39;");
    strbuf_reset(&sb);
    assert_int_equal(html_escape(&sb, "没有特殊字符"), 0);
    assert_string_equal(strbuf_str(&sb), "没有特殊字符");
    strbuf_free(&sb);
}

/* Plain and escaped cells side by side are aligned on what is written. */
static void markdown_plain_and_escaped_cells_align(void **state)
{
    (void)state;
    static const table_column cols[] = {{"t", "T", 0}, {"u", "U", 0}};
    table t;
    table_init(&t, cols, 2);
    assert_int_equal(table_add_row(&t, (const char *[]){"|x", "甲"}), 0);
    assert_int_equal(table_add_row(&t, (const char *[]){"abcd", "a&"}), 0);
    strbuf sb = {0};
    assert_int_equal(table_render(&t, FORMAT_MD, NULL, &sb), 0);
    assert_string_equal(strbuf_str(&sb), "| T    | U      |\n"
                                         "| ---- | ------ |\n"
                                         "| \\|x  | 甲     |\n"
                                         "| abcd | a&amp; |\n");
    strbuf_free(&sb);
    table_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_escapes_c1_and_bidi),
        cmocka_unit_test(markdown_text_escapes_html),
        cmocka_unit_test(markdown_cells_escape_html),
        cmocka_unit_test(html_escapes_every_special),
        cmocka_unit_test(markdown_plain_and_escaped_cells_align),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
