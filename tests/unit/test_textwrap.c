/* test_textwrap.c - line wrapping (text_wrap): the line-breaking rules,
 * sanitising on the way, and properties checked on the seed plan's text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "seed_text.h"
#include "testutil.h"
#include "text/textwidth.h"
#include "text/utf8.h"

/* The measure the tests use; each test starts with ambiguous 1. */
static text_measure M = {1};

static int reset_ambiguous(void **state)
{
    (void)state;
    M.ambiguous = 1;
    return 0;
}

/* ---- wrapping ---------------------------------------------------------- */

static void expect_wrap(const char *s, int w, const char *const *want, size_t nwant)
{
    char **lines = NULL;
    size_t n = 0;
    assert_int_equal(text_wrap(s, w, &M, &lines, &n), DUBAN_OK);
    assert_non_null(lines);
    if (n != nwant)
        fail_msg("wrap(\"%s\", %d): %zu lines, want %zu (first: \"%s\")", s, w, n, nwant,
                 n ? lines[0] : "");
    for (size_t i = 0; i < n; i++)
        assert_string_equal(lines[i], want[i]);
    text_lines_free(lines, n);
}

#define WRAP(s, w, ...)                                                                            \
    do {                                                                                           \
        const char *const want_[] = {__VA_ARGS__};                                                 \
        expect_wrap((s), (w), want_, sizeof want_ / sizeof want_[0]);                              \
    } while (0)

static void test_wrap_basic(void **state)
{
    (void)state;
    WRAP("海盐县委", 4, "海盐", "县委");
    WRAP("海盐县委", 5, "海盐", "县委");
    WRAP("海盐县委", 8, "海盐县委");
    WRAP("", 10, "");
    WRAP(NULL, 10, "");
    WRAP("hello world foo", 11, "hello world", "foo");
    WRAP("hello world foo", 5, "hello", "world", "foo");
    WRAP("hello world foo", 8, "hello", "world", "foo");
    WRAP("ab cd ef", 4, "ab", "cd", "ef");
    WRAP("abcdefghij", 4, "abcd", "efgh", "ij");
    WRAP("aaa   bbb", 4, "aaa", "bbb");
    WRAP("中文abc中文", 5, "中文", "abc中", "文");
    WRAP("基金+股权+项目", 6, "基金+", "股权+", "项目");
}

static void test_wrap_newlines_and_sanitising(void **state)
{
    (void)state;
    WRAP("ab\ncd", 10, "ab", "cd");
    WRAP("ab\n\ncd", 10, "ab", "", "cd");
    WRAP("ab\n", 10, "ab", "");
    WRAP("ab\r\ncd", 10, "ab", "cd");
    WRAP("a\x1b]0;x\x07"
         "b",
         20, "a^[]0;x^Gb");
    WRAP("a\tb", 10, "a b");
    WRAP("\xFF\xFE", 10, "\xEF\xBF\xBD\xEF\xBF\xBD");
    WRAP("  indented", 20, "  indented");
}

static void test_wrap_bad_width(void **state)
{
    (void)state;
    char **lines = (char **)1;
    size_t n = 7;
    assert_int_equal(text_wrap("abc", 1, &M, &lines, &n), DUBAN_EINVAL);
    assert_null(lines);
    assert_int_equal(n, 0);
}

/* 禁则: closing punctuation never starts a line, openers never end one. */
static void test_wrap_line_breaking_rules(void **state)
{
    (void)state;
    /* "，" would start line 2: the last character moves down with it. */
    WRAP("海盐，县", 4, "海", "盐，", "县");
    /* An ASCII comma that still fits is kept on the line. */
    WRAP("海盐,县", 5, "海盐,", "县");
    WRAP("海盐,县", 4, "海", "盐,", "县");
    WRAP("海盐。”县", 6, "海", "盐。”", "县");
    /* Openers move to the next line. */
    WRAP("海盐（县）", 6, "海盐", "（县）");
    WRAP("海盐“县”", 5, "海盐", "“县”");
    WRAP("海盐(县)", 5, "海盐", "(县)");
    WRAP("《海盐县》", 4, "《海", "盐", "县》");
    WRAP("ab （县）", 7, "ab", "（县）");
    /* A hard break of an over-long run still avoids a closer at line start. */
    WRAP("abc，def", 3, "ab", "c，", "def");
    /* Quotes may break between a closer and the next opener. */
    WRAP("计划”“凤凰", 5, "计划”", "“凤凰");
    /* "——" and "……" are never split. */
    WRAP("中——中", 3, "中", "——", "中");
    WRAP("中……中", 3, "中", "……", "中");
}

static int starts_with_closer(const char *line)
{
    static const char *const closers[] = {"，", "。", "、", "；", "：", "？", "！",
                                          "）", "」", "』", "》", "”",  "’",  ",",
                                          ".",  ";",  ":",  "?",  "!",  ")"};
    for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++)
        if (!strncmp(line, closers[i], strlen(closers[i])))
            return 1;
    return 0;
}

static int ends_with_opener(const char *line)
{
    static const char *const openers[] = {"（", "「", "『", "《", "“", "‘", "("};
    size_t len = strlen(line);
    for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++) {
        size_t k = strlen(openers[i]);
        if (len >= k && !strcmp(line + len - k, openers[i]))
            return 1;
    }
    return 0;
}

/* The lines, concatenated, are the sanitised input with only spaces left
 * out (the ones dropped at breaks). */
static void assert_lines_cover(const char *san, char **lines, size_t n)
{
    const char *p = san;
    for (size_t i = 0; i < n; i++) {
        for (const char *q = lines[i]; *q; q++) {
            while (*p == ' ' && *q != ' ')
                p++;
            if (*p != *q)
                fail_msg("line %zu \"%s\" does not match the input at \"%.20s\"", i, lines[i], p);
            p++;
        }
    }
    while (*p == ' ')
        p++;
    assert_int_equal(*p, '\0');
}

/* One paragraph (no newlines) at width w: every invariant of text_wrap. */
static void check_wrap_paragraph(const char *s, int w, int check_rules)
{
    char **lines = NULL;
    size_t n = 0;
    assert_int_equal(text_wrap(s, w, &M, &lines, &n), DUBAN_OK);
    assert_true(n >= 1);
    for (size_t i = 0; i < n; i++) {
        int lw = text_width(lines[i], &M);
        if (lw > w || (i > 0 && (lines[i][0] == '\0' || lines[i][0] == ' ')))
            fail_msg("w=%d line %zu \"%s\" has width %d", w, i, lines[i], lw);
        assert_true(utf8_valid(lines[i], strlen(lines[i]), NULL));
        if (check_rules && i > 0 && starts_with_closer(lines[i]))
            fail_msg("w=%d line %zu starts with a closer: \"%s\"", w, i, lines[i]);
        if (check_rules && i + 1 < n && ends_with_opener(lines[i]))
            fail_msg("w=%d line %zu ends with an opener: \"%s\"", w, i, lines[i]);
    }
    char *san = text_sanitize(s);
    assert_non_null(san);
    assert_lines_cover(san, lines, n);
    free(san);
    text_lines_free(lines, n);
}

/* Every width from 2 to 40 on the seed paragraphs, both ambiguous widths.
 * The punctuation rules give way to the width limit only when an
 * unbreakable run such as 务”, is wider than the line, so they are checked
 * from width 5 up. */
static void test_wrap_property_seed(void **state)
{
    (void)state;
    const char *paras[] = {SEED_10, SEED_19,
                           "Mixed 中英 text, with “quotes” (and parens), "
                           "a verylongwordthatmustbehardbroken and 123."};
    for (int aw = 1; aw <= 2; aw++) {
        M.ambiguous = aw;
        for (size_t i = 0; i < sizeof paras / sizeof paras[0]; i++)
            for (int w = 2; w <= 40; w++)
                check_wrap_paragraph(paras[i], w, w >= 5);
    }
}

/* The whole shipped plan, line by line, at a few widths. */
static void test_wrap_property_plan(void **state)
{
    (void)state;
    char *text = test_read_file(DUBAN_SEED_PATH, NULL);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (!*line)
            continue;
        for (int w = 2; w <= 80; w += 3)
            check_wrap_paragraph(line, w, 0);
    }
    free(text);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, reset_ambiguous, reset_ambiguous)
    const struct CMUnitTest tests[] = {
        T(test_wrap_basic),         T(test_wrap_newlines_and_sanitising),
        T(test_wrap_bad_width),     T(test_wrap_line_breaking_rules),
        T(test_wrap_property_seed), T(test_wrap_property_plan),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
