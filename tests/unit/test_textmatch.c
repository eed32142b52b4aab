/* test_textmatch.c - the ranges a search's words mark in a text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "testutil.h"
#include "text/textmatch.h"

/* The marked text: each range between [ and ]. */
static void marked(const char *text, const char *query, char *out, size_t outsz)
{
    text_span sp[8];
    size_t n = text_match_spans(text, query, sp, 8), o = 0, k = 0;
    for (size_t i = 0; text[i] && o + 3 < outsz; i++) {
        if (k < n && sp[k].start == i)
            out[o++] = '[';
        out[o++] = text[i];
        if (k < n && sp[k].end == i + 1)
            out[o++] = ']', k++;
    }
    out[o] = 0;
}

static void expect(const char *text, const char *query, const char *want)
{
    char buf[512];
    marked(text, query, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void test_words(void **state)
{
    (void)state;
    expect("创新招商方式", "招商", "创新[招商]方式");
    /* every word, wherever it is; spaces, tabs and U+3000 separate them */
    expect("完善产业基金运行,用好基金招商", "招商 基金", "完善产业[基金]运行,用好[基金招商]");
    expect("县发改局", "\t发改\xE3\x80\x80局 ", "县[发改局]");
    expect("abc", "", "abc");
    expect("abc", "   ", "abc");
    expect("", "x", "");
}

static void test_case_and_overlap(void **state)
{
    (void)state;
    expect("PPP项目 ppp", "ppp", "[PPP]项目 [ppp]"); /* ASCII letters without case */
    expect("Ärger ärger", "ärger", "Ärger [ärger]"); /* others as they are */
    expect("aaaa", "aa", "[aaaa]");                  /* touching: one range */
    expect("abcdef", "bcd cde", "a[bcde]f");         /* overlapping: merged */
    expect("abcdef", "ef ab cd", "[abcdef]");
}

/* A word never matches inside a UTF-8 sequence. */
static void test_boundaries(void **state)
{
    (void)state;
    /* 中 is E4 B8 AD; "\xB8\xAD" alone is not a character of the text */
    expect("中文", "\xB8\xAD", "中文");
    text_span sp[2];
    assert_int_equal(text_match_spans("a a a a", "a", sp, 2), 2); /* room for 2 */
    assert_int_equal(sp[1].start, 2);
    assert_int_equal(text_word_separator("\xE3\x80\x80x"), 3);
    assert_int_equal(text_word_separator("x"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_case_and_overlap),
        cmocka_unit_test(test_boundaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
