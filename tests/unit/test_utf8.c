/* test_utf8.c - strict UTF-8 decoding, encoding, validation, stepping back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "testutil.h"
#include "text/utf8.h"

#define FFFD UTF8_REPLACEMENT

/* Decodes the first sequence of the byte string s (length n). */
static void expect_decode(const char *s, size_t n, uint32_t want_cp, size_t want_len)
{
    uint32_t cp = 0;
    size_t len = utf8_decode(s, n, &cp);
    assert_int_equal(cp, want_cp);
    assert_int_equal(len, want_len);
}

static void test_decode_valid(void **state)
{
    (void)state;
    expect_decode("A", 1, 'A', 1);
    expect_decode("\x7F", 1, 0x7F, 1);
    expect_decode("\xC2\x80", 2, 0x80, 2);
    expect_decode("\xC3\xA9", 2, 0xE9, 2);
    expect_decode("\xDF\xBF", 2, 0x7FF, 2);
    expect_decode("\xE0\xA0\x80", 3, 0x800, 3);
    expect_decode("\xE4\xB8\xAD", 3, 0x4E2D, 3); /* 中 */
    expect_decode("\xED\x9F\xBF", 3, 0xD7FF, 3);
    expect_decode("\xEE\x80\x80", 3, 0xE000, 3);
    expect_decode("\xEF\xBF\xBD", 3, 0xFFFD, 3); /* a real U+FFFD */
    expect_decode("\xEF\xBF\xBF", 3, 0xFFFF, 3);
    expect_decode("\xF0\x90\x80\x80", 4, 0x10000, 4);
    expect_decode("\xF0\x9F\x98\x80", 4, 0x1F600, 4);
    expect_decode("\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4);
    /* Extra bytes after the sequence are not consumed. */
    expect_decode("\xE4\xB8\xADxyz", 6, 0x4E2D, 3);
}

static void test_decode_empty(void **state)
{
    (void)state;
    uint32_t cp = 1234;
    assert_int_equal(utf8_decode("", 0, &cp), 0);
    assert_int_equal(utf8_decode("abc", 0, &cp), 0);
}

static void test_decode_overlong(void **state)
{
    (void)state;
    expect_decode("\xC0\x80", 2, FFFD, 1);
    expect_decode("\xC0\xAF", 2, FFFD, 1);
    expect_decode("\xC1\xBF", 2, FFFD, 1);
    expect_decode("\xE0\x80\x80", 3, FFFD, 1);
    expect_decode("\xE0\x9F\xBF", 3, FFFD, 1);
    expect_decode("\xF0\x80\x80\x80", 4, FFFD, 1);
    expect_decode("\xF0\x8F\xBF\xBF", 4, FFFD, 1);
}

static void test_decode_surrogates_and_range(void **state)
{
    (void)state;
    expect_decode("\xED\xA0\x80", 3, FFFD, 1);     /* U+D800 */
    expect_decode("\xED\xB0\x80", 3, FFFD, 1);     /* U+DC00 */
    expect_decode("\xED\xBF\xBF", 3, FFFD, 1);     /* U+DFFF */
    expect_decode("\xF4\x90\x80\x80", 4, FFFD, 1); /* U+110000 */
    expect_decode("\xF5\x80\x80\x80", 4, FFFD, 1);
    expect_decode("\xF7\xBF\xBF\xBF", 4, FFFD, 1);
    expect_decode("\xF8\x88\x80\x80\x80", 5, FFFD, 1);
    expect_decode("\xFE", 1, FFFD, 1);
    expect_decode("\xFF", 1, FFFD, 1);
}

static void test_decode_truncated_and_bad_continuation(void **state)
{
    (void)state;
    expect_decode("\x80", 1, FFFD, 1); /* lone continuation */
    expect_decode("\xBF", 1, FFFD, 1);
    expect_decode("\xC3", 1, FFFD, 1);
    expect_decode("\xE4\xB8\xAD", 2, FFFD, 1); /* cut by n */
    expect_decode("\xE4\xB8", 2, FFFD, 1);
    expect_decode("\xF0\x9F\x98", 3, FFFD, 1);
    expect_decode("\xC3\x41", 2, FFFD, 1);
    expect_decode("\xE4\x41\xAD", 3, FFFD, 1);
    expect_decode("\xE4\xB8\x41", 3, FFFD, 1);
    expect_decode("\xF0\x9F\x98\x41", 4, FFFD, 1);
    expect_decode("\xE4\xC3\xA9", 3, FFFD, 1);
}

/* Decoding a whole malformed string always progresses and resynchronises
 * on the next good sequence. */
static void test_decode_stream(void **state)
{
    (void)state;
    const char s[] = "a\xE4\xB8"
                     "b\xC0\x80\xE4\xB8\xAD\x80\xF0\x9F\x98\x80";
    const uint32_t want[] = {'a', FFFD, FFFD, 'b', FFFD, FFFD, 0x4E2D, FFFD, 0x1F600};
    size_t n = sizeof s - 1, off = 0, k = 0;
    while (off < n) {
        uint32_t cp;
        size_t len = utf8_decode(s + off, n - off, &cp);
        assert_true(len >= 1);
        assert_true(k < sizeof want / sizeof want[0]);
        assert_int_equal(cp, want[k]);
        k++;
        off += len;
    }
    assert_int_equal(k, sizeof want / sizeof want[0]);
}

static void test_encode(void **state)
{
    (void)state;
    char out[4];
    assert_int_equal(utf8_encode('A', out), 1);
    assert_memory_equal(out, "A", 1);
    assert_int_equal(utf8_encode(0xE9, out), 2);
    assert_memory_equal(out, "\xC3\xA9", 2);
    assert_int_equal(utf8_encode(0x4E2D, out), 3);
    assert_memory_equal(out, "\xE4\xB8\xAD", 3);
    assert_int_equal(utf8_encode(0x1F600, out), 4);
    assert_memory_equal(out, "\xF0\x9F\x98\x80", 4);
    assert_int_equal(utf8_encode(0x10FFFF, out), 4);
    assert_memory_equal(out, "\xF4\x8F\xBF\xBF", 4);
    /* Not encodable: surrogates and past U+10FFFF give U+FFFD. */
    assert_int_equal(utf8_encode(0xD800, out), 3);
    assert_memory_equal(out, "\xEF\xBF\xBD", 3);
    assert_int_equal(utf8_encode(0x110000, out), 3);
    assert_memory_equal(out, "\xEF\xBF\xBD", 3);
}

/* Every scalar value round-trips through encode and decode. */
static void test_roundtrip_all_scalars(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char buf[4];
        size_t n = utf8_encode(cp, buf);
        size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        uint32_t back = 0;
        if (n != want || utf8_decode(buf, n, &back) != n || back != cp)
            fail_msg("U+%04X does not round-trip", (unsigned)cp);
    }
}

/* Whatever decodes as a multi-byte sequence is the canonical encoding of a
 * scalar value: no overlong, surrogate or out-of-range form slips through. */
static void test_decode_only_canonical(void **state)
{
    (void)state;
    static const unsigned char tails[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90,
                                          0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    size_t nt = sizeof tails;
    for (unsigned b0 = 0x80; b0 <= 0xFF; b0++)
        for (unsigned b1 = 0; b1 <= 0xFF; b1++)
            for (size_t i = 0; i < nt; i++)
                for (size_t j = 0; j < nt; j++) {
                    char s[4] = {(char)b0, (char)b1, (char)tails[i], (char)tails[j]};
                    uint32_t cp;
                    size_t len = utf8_decode(s, 4, &cp);
                    if (len == 1) {
                        assert_int_equal(cp, FFFD);
                        continue;
                    }
                    char re[4];
                    assert_false(cp >= 0xD800 && cp <= 0xDFFF);
                    assert_true(cp <= 0x10FFFF);
                    assert_int_equal(utf8_encode(cp, re), len);
                    assert_memory_equal(re, s, len);
                }
}

static void test_valid(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(utf8_valid("", 0, &bad));
    assert_true(utf8_valid("plain ascii", 11, NULL));
    const char *zh = "海盐县“基金+股权”😀\xEF\xBF\xBD";
    assert_true(utf8_valid(zh, strlen(zh), &bad));
    assert_int_equal(bad, 99); /* untouched on success */
    assert_false(utf8_valid("ab\xC0\x80", 4, &bad));
    assert_int_equal(bad, 2);
    assert_false(utf8_valid("\xE4\xB8\xAD\xED\xA0\x80", 6, &bad));
    assert_int_equal(bad, 3);
    assert_false(utf8_valid("\xE4\xB8\xAD\xE4\xB8", 5, &bad));
    assert_int_equal(bad, 3);
    assert_false(utf8_valid("\x80", 1, NULL));
    assert_false(utf8_valid("abc\xF4\x90\x80\x80", 7, &bad));
    assert_int_equal(bad, 3);
    /* The length argument bounds the check: the cut sequence is bad. */
    assert_false(utf8_valid("\xE4\xB8\xAD", 2, &bad));
    assert_int_equal(bad, 0);
}

static void test_prev(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80"; /* a é 中 😀 */
    assert_int_equal(utf8_prev(s, 0), 0);
    assert_int_equal(utf8_prev(s, 1), 1);
    assert_int_equal(utf8_prev(s, 3), 2);
    assert_int_equal(utf8_prev(s, 6), 3);
    assert_int_equal(utf8_prev(s, 10), 4);
    /* Malformed bytes step back one at a time, as they decode forwards. */
    assert_int_equal(utf8_prev("\xE4\xB8", 2), 1);
    assert_int_equal(utf8_prev("\xC3\xA9\xA9", 3), 1);
    assert_int_equal(utf8_prev("\xC3\xA9\xA9", 2), 2);
    assert_int_equal(utf8_prev("\x80\x80\x80\x80\x80", 5), 1);
    assert_int_equal(utf8_prev("\xED\xA0\x80", 3), 1);
    assert_int_equal(utf8_prev("\xC0\x80", 2), 1);
}

/* Walking back with utf8_prev visits exactly the boundaries that forward
 * decoding visits, on a string mixing good and bad sequences. */
static void test_prev_matches_forward(void **state)
{
    (void)state;
    const char s[] = "x\xE4\xB8\xAD\x80\xC3\xA9\xA9\xF0\x9F\x98\x80\xF0\x9F\x98"
                     "\xED\xA0\x80\xE4\xB8y\xC0\xAF\xF4\x90\x80\x80z";
    size_t n = sizeof s - 1, bounds[64], nb = 0;
    for (size_t off = 0; off < n;) {
        uint32_t cp;
        bounds[nb++] = off;
        off += utf8_decode(s + off, n - off, &cp);
    }
    size_t off = n;
    while (off > 0) {
        off -= utf8_prev(s, off);
        assert_true(nb > 0);
        assert_int_equal(off, bounds[--nb]);
    }
    assert_int_equal(nb, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_valid),
        cmocka_unit_test(test_decode_empty),
        cmocka_unit_test(test_decode_overlong),
        cmocka_unit_test(test_decode_surrogates_and_range),
        cmocka_unit_test(test_decode_truncated_and_bad_continuation),
        cmocka_unit_test(test_decode_stream),
        cmocka_unit_test(test_encode),
        cmocka_unit_test(test_roundtrip_all_scalars),
        cmocka_unit_test(test_decode_only_canonical),
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_prev),
        cmocka_unit_test(test_prev_matches_forward),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
