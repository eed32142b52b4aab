/* test_textwidth.c - display widths, sanitising and truncation (wrapping: test_textwrap.c). */
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
#include "text/widthtable.h"

/* The measure the tests use; each test starts with ambiguous 1. */
static text_measure M = {1};

static int reset_ambiguous(void **state)
{
    (void)state;
    M.ambiguous = 1;
    return 0;
}

static void assert_str_free(char *got, const char *want)
{
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* ---- code point widths ------------------------------------------------- */

/* The measure is a plain value: 2 is wide, anything else (NULL too) 1. */
static void test_ambiguous_setting(void **state)
{
    (void)state;
    assert_int_equal(text_ambiguous_width(NULL), 1); /* the default */
    static const int given[] = {1, 2, 3, 0, -1}, want[] = {1, 2, 1, 1, 1};
    for (size_t i = 0; i < sizeof given / sizeof given[0]; i++) {
        text_measure m = {given[i]};
        assert_int_equal(text_ambiguous_width(&m), want[i]);
        assert_int_equal(text_cp_width(0x201C, &m), want[i]); /* “ */
    }
    assert_int_equal(text_cp_width(0x201C, NULL), 1);
    /* two measures side by side: no hidden state between them */
    text_measure narrow = {1}, wide = {2};
    assert_int_equal(text_width("“三服务”", &wide), 10);
    assert_int_equal(text_width("“三服务”", &narrow), 8);
    assert_int_equal(text_width("“三服务”", &wide), 10);
}

static void test_cp_width_basic(void **state)
{
    (void)state;
    for (uint32_t cp = 0x20; cp < 0x7F; cp++)
        assert_int_equal(text_cp_width(cp, &M), 1);
    for (uint32_t cp = 0; cp < 0x20; cp++)
        assert_int_equal(text_cp_width(cp, &M), 0);
    for (uint32_t cp = 0x7F; cp < 0xA0; cp++)
        assert_int_equal(text_cp_width(cp, &M), 0);
    static const uint32_t wide[] = {
        0x4E2D, 0x6D77, 0x9FA5, 0x3400, 0x20000, 0x2A6D6, 0x30000, /* ideographs */
        0xAC00, 0xD7A3, 0x1100, 0x3042, 0x30A2,  0x3000,  0x3001,  0x3002,  0x300A,  0x300B,
        0x300C, 0x300D, 0x303E, 0xFF01, 0xFF08,  0xFF09,  0xFF0C,  0xFF1A,  0xFF1B,  0xFF1F,
        0xFF21, 0xFF60, 0xFFE0, 0xFFE6, 0x1F300, 0x1F600, 0x1F64F, 0x1F680, 0x1F9D0, 0x1F9FF};
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (text_cp_width(wide[i], &M) != 2)
            fail_msg("U+%04X should be wide", (unsigned)wide[i]);
    static const uint32_t zero[] = {0x0300, 0x0301, 0x036F,  0x0483,  0x0591, 0x093C, 0x1160,
                                    0x200B, 0x200C, 0x200D,  0x2060,  0x20D0, 0xFE00, 0xFE0F,
                                    0xFE20, 0xFEFF, 0xE0100, 0xE01EF, 0x302A};
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (text_cp_width(zero[i], &M) != 0)
            fail_msg("U+%04X should be zero width", (unsigned)zero[i]);
    static const uint32_t narrow[] = {0xE9,   0x0100, 0x0430 + 0x30, 0x05D0, 0x0E01, 0x2591,
                                      0x20A9, 0xFF61, 0xFF71,        0xFFE8, 0x303F, 0x1F321};
    for (size_t i = 0; i < sizeof narrow / sizeof narrow[0]; i++)
        if (text_cp_width(narrow[i], &M) != 1)
            fail_msg("U+%04X should be narrow", (unsigned)narrow[i]);
}

/* text_cp_width() answers U+4E00..U+9FFF without the tables; they agree. */
static void test_cjk_fast_path_matches_the_tables(void **state)
{
    (void)state;
    for (uint32_t cp = 0x4E00; cp <= 0x9FFF; cp++)
        if (!widthtable_wide(cp) || widthtable_zero(cp) || widthtable_ambiguous(cp))
            fail_msg("U+%04X is not plainly wide in widthtable.c", (unsigned)cp);
}

/* The width of a clean string, one code point at a time (no fast path). */
static int slow_width(const char *s)
{
    int w = 0;
    for (size_t off = 0, n = strlen(s); off < n;) {
        uint32_t cp;
        off += utf8_decode(s + off, n - off, &cp);
        w += text_cp_width(cp, &M);
    }
    return w;
}

/* text_width() and text_is_clean() skip decoding for ASCII and for
 * three-byte sequences; every such sequence, whole, cut short or at the
 * end, answers as the sanitised text does. */
static void test_fast_paths_match_sanitising(void **state)
{
    (void)state;
    char s[8];
    for (unsigned lead = 0xC0; lead <= 0xF0; lead++)
        for (unsigned b1 = 0x70; b1 <= 0xC0; b1++)
            for (unsigned b2 = 0x70; b2 <= 0xC0; b2++)
                for (int cut = 0; cut < 3; cut++) {
                    size_t k = 0;
                    s[k++] = 'a';
                    s[k++] = (char)lead;
                    if (cut < 2)
                        s[k++] = (char)b1;
                    if (cut < 1)
                        s[k++] = (char)b2;
                    s[k++] = cut == 2 ? '\0' : 'b';
                    s[k] = '\0';
                    char *clean = text_sanitize(s);
                    assert_non_null(clean);
                    if (text_is_clean(s, strlen(s)) != !strcmp(clean, s))
                        fail_msg("text_is_clean %02X %02X %02X cut %d", lead, b1, b2, cut);
                    if (text_width(s, &M) != slow_width(clean))
                        fail_msg("text_width %02X %02X %02X cut %d: %d, not %d", lead, b1, b2, cut,
                                 text_width(s, &M), slow_width(clean));
                    free(clean);
                }
}

/* “ ” — · … ← → ○ ● □ ■ △ ▲ ① █ ▒ and friends follow the setting. */
static void test_cp_width_ambiguous(void **state)
{
    (void)state;
    static const uint32_t amb[] = {
        0x00A1, 0x00A4, 0x00A7, 0x00A8, 0x00AA, 0x00AD, 0x00AE, 0x00B0,  0x00B7,  0x00BC,
        0x00C6, 0x00D7, 0x00E0, 0x00E9, 0x02C7, 0x0391, 0x03A9, 0x03B1,  0x03C9,  0x0401,
        0x0410, 0x044F, 0x0451, 0x2010, 0x2013, 0x2014, 0x2016, 0x2018,  0x2019,  0x201C,
        0x201D, 0x2020, 0x2022, 0x2026, 0x2030, 0x2032, 0x203B, 0x2103,  0x2116,  0x2121,
        0x2160, 0x216B, 0x2170, 0x2190, 0x2192, 0x2199, 0x21D2, 0x21D4,  0x2200,  0x221A,
        0x2460, 0x2473, 0x24E9, 0x2500, 0x254B, 0x2550, 0x2573, 0x2580,  0x2588,  0x258F,
        0x2592, 0x2593, 0x25A0, 0x25A1, 0x25B2, 0x25B3, 0x25B6, 0x25BC,  0x25C0,  0x25C6,
        0x25CB, 0x25CE, 0x25CF, 0x2605, 0x2606, 0x2609, 0x260E, 0x2640,  0x2642,  0x2660,
        0x2663, 0x2667, 0x266C, 0x266F, 0xE000, 0xF8FF, 0xFFFD, 0xF0000, 0x10FFFD};
    for (int aw = 1; aw <= 2; aw++) {
        M.ambiguous = aw;
        for (size_t i = 0; i < sizeof amb / sizeof amb[0]; i++)
            if (text_cp_width(amb[i], &M) != aw)
                fail_msg("U+%04X should be %d with ambiguous %d", (unsigned)amb[i], aw, aw);
        /* The setting changes nothing else. */
        assert_int_equal(text_cp_width('a', &M), 1);
        assert_int_equal(text_cp_width(0x4E2D, &M), 2);
        assert_int_equal(text_cp_width(0x0301, &M), 0);
        assert_int_equal(text_cp_width(0xFE0F, &M), 0); /* ambiguous in EAW but a mark */
        assert_int_equal(text_cp_width(0x2591, &M), 1);
    }
}

/* ---- string widths ----------------------------------------------------- */

static void test_width_strings(void **state)
{
    (void)state;
    assert_int_equal(text_width(NULL, &M), 0);
    assert_int_equal(text_width("", &M), 0);
    assert_int_equal(text_width("abc", &M), 3);
    assert_int_equal(text_width("海盐县", &M), 6);
    assert_int_equal(text_width("基金+股权+项目", &M), 14);
    assert_int_equal(text_width("中a，b。", &M), 8);
    assert_int_equal(text_width("（一）、《规划》「x」", &M), 2 * 10 + 1);
    assert_int_equal(text_width("e\xCC\x81", &M), 1);
    assert_int_equal(text_width("用好“基金+股权+项目”招商。", &M), 26);
    assert_int_equal(text_width("“三服务”", &M), 8);
    assert_int_equal(text_width("——", &M), 2);
    assert_int_equal(text_width("…", &M), 1);
    assert_int_equal(text_width("\xFF", &M), 1); /* U+FFFD, ambiguous */
    M.ambiguous = 2;
    assert_int_equal(text_width("基金+股权+项目", &M), 14);
    assert_int_equal(text_width("用好“基金+股权+项目”招商。", &M), 28);
    assert_int_equal(text_width("“三服务”", &M), 10);
    assert_int_equal(text_width("——", &M), 4);
    assert_int_equal(text_width("①○●□■△▲←→·", &M), 20);
    assert_int_equal(text_width("\xFF", &M), 2);
}

/* Width is measured on the sanitised form of the text. */
static void test_width_of_controls(void **state)
{
    (void)state;
    assert_int_equal(text_width("\x1b[31m", &M), 6); /* ^[[31m */
    assert_int_equal(text_width("a\tb", &M), 3);
    assert_int_equal(text_width("a\nb", &M), 3);
    assert_int_equal(text_width("\x7f", &M), 2);
    assert_int_equal(text_width("\xC2\x85", &M), 8);     /* <U+0085> */
    assert_int_equal(text_width("\xE2\x80\xAE", &M), 8); /* <U+202E> */
    const char *tricky[] = {
        "\x1b]0;pwned\x07", "a\x01\x02\x7f",  "\xC2\2332J", /* C1 CSI, then "2J" */
        "\xE4\xB8",         "x\xE2\x81\xA6y", "中\r\n文"};
    for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
        char *san = text_sanitize(tricky[i]);
        assert_non_null(san);
        assert_int_equal(text_width(tricky[i], &M), text_width(san, &M));
        free(san);
    }
}

/* ---- sanitising -------------------------------------------------------- */

static void test_sanitize_escapes(void **state)
{
    (void)state;
    assert_str_free(text_sanitize("\033]0;pwned\007"), "^[]0;pwned^G");
    assert_str_free(text_sanitize("\033[2J\033[H"), "^[[2J^[[H");
    assert_str_free(text_sanitize("\033P1$r\033\\"), "^[P1$r^[\\");
    assert_str_free(text_sanitize("a\x01"
                                  "b\x1f"
                                  "c"),
                    "a^Ab^_c");
    assert_str_free(text_sanitize("\x08\x0b\x0c\x1a"), "^H^K^L^Z");
    assert_str_free(text_sanitize("del\x7f"), "del^?");
}

static void test_sanitize_whitespace_c1_bidi(void **state)
{
    (void)state;
    assert_str_free(text_sanitize("a\tb\nc\rd"), "a b c d");
    assert_str_free(text_sanitize("\xC2\x85"), "<U+0085>");
    assert_str_free(text_sanitize("\xC2\x80x\xC2\x9B"
                                  "31m\xC2\x9F"),
                    "<U+0080>x<U+009B>31m<U+009F>");
    assert_str_free(text_sanitize("abc\xE2\x80\xAE"
                                  "cba"),
                    "abc<U+202E>cba");
    assert_str_free(text_sanitize("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD"),
                    "<U+202A><U+202B><U+202C><U+202D>");
    assert_str_free(text_sanitize("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9"),
                    "<U+2066><U+2067><U+2068><U+2069>");
    /* Neighbours of the ranges pass through. */
    assert_str_free(text_sanitize("\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5"),
                    "\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5");
    assert_str_free(text_sanitize("\xC2\xA0"), "\xC2\xA0");
}

static void test_sanitize_invalid_utf8(void **state)
{
    (void)state;
    assert_str_free(text_sanitize("a\xFF"
                                  "b"),
                    "a\xEF\xBF\xBD"
                    "b");
    assert_str_free(text_sanitize("\x85"), "\xEF\xBF\xBD");
    assert_str_free(text_sanitize("\xE4\xB8"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_str_free(text_sanitize("\xC0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_str_free(text_sanitize("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_str_free(text_sanitize("\xF4\x90\x80\x80"),
                    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

static void test_sanitize_passthrough(void **state)
{
    (void)state;
    assert_str_free(text_sanitize(NULL), "");
    assert_str_free(text_sanitize(""), "");
    assert_str_free(text_sanitize(SEED_10), SEED_10);
    assert_str_free(text_sanitize("e\xCC\x81 😀 ① ~"), "e\xCC\x81 😀 ① ~");
}

/* No byte sequence gets a control character through, the output is valid
 * UTF-8 and sanitising is idempotent. */
static void test_sanitize_property(void **state)
{
    (void)state;
    char buf[512];
    uint32_t seed = 12345;
    for (int round = 0; round < 400; round++) {
        size_t n = 0;
        for (; n < sizeof buf - 1; n++) {
            seed = seed * 1103515245u + 12345u;
            unsigned b = (seed >> 16) & 0xFF;
            buf[n] = (char)(round == 0 ? (unsigned)n % 255 + 1 : b ? b : 'x');
        }
        buf[n] = '\0';
        char *san = text_sanitize(buf);
        assert_non_null(san);
        size_t len = strlen(san);
        assert_true(utf8_valid(san, len, NULL));
        for (size_t off = 0; off < len;) {
            uint32_t cp;
            off += utf8_decode(san + off, len - off, &cp);
            assert_false(cp < 0x20 || (cp >= 0x7F && cp < 0xA0));
            assert_false((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069));
        }
        char *again = text_sanitize(san);
        assert_non_null(again);
        assert_string_equal(again, san);
        free(again);
        free(san);
    }
}

/* ---- prefix, truncate, fit --------------------------------------------- */

static void test_prefix_bytes(void **state)
{
    (void)state;
    assert_int_equal(text_prefix_bytes("海盐县", -1, &M), 0);
    assert_int_equal(text_prefix_bytes("海盐县", 0, &M), 0);
    assert_int_equal(text_prefix_bytes("海盐县", 1, &M), 0);
    assert_int_equal(text_prefix_bytes("海盐县", 2, &M), 3);
    assert_int_equal(text_prefix_bytes("海盐县", 3, &M), 3);
    assert_int_equal(text_prefix_bytes("海盐县", 5, &M), 6);
    assert_int_equal(text_prefix_bytes("海盐县", 6, &M), 9);
    assert_int_equal(text_prefix_bytes("海盐县", 100, &M), 9);
    assert_int_equal(text_prefix_bytes("中a", 3, &M), 4);
    assert_int_equal(text_prefix_bytes("ae\xCC\x81"
                                       "b",
                                       2, &M),
                     4); /* keeps the accent */
    assert_int_equal(text_prefix_bytes("\x1b"
                                       "a",
                                       1, &M),
                     0); /* ^[ is 2 wide */
    assert_int_equal(text_prefix_bytes("“x", 1, &M), 3);
    M.ambiguous = 2;
    assert_int_equal(text_prefix_bytes("“x", 1, &M), 0);
    assert_int_equal(text_prefix_bytes("“x", 2, &M), 3);
}

static void test_truncate(void **state)
{
    (void)state;
    assert_str_free(text_truncate("海盐县", 4, &M), "海…");
    assert_str_free(text_truncate("海盐县", 5, &M), "海盐…");
    assert_str_free(text_truncate("海盐县", 6, &M), "海盐县");
    assert_str_free(text_truncate("海盐县", 99, &M), "海盐县");
    assert_str_free(text_truncate("海盐县", 2, &M), "…");
    assert_str_free(text_truncate("海盐县", 1, &M), "…");
    assert_str_free(text_truncate("海盐县", 0, &M), "");
    assert_str_free(text_truncate("海盐县", -3, &M), "");
    assert_str_free(text_truncate("abcdef", 4, &M), "abc…");
    assert_str_free(text_truncate("abc", 3, &M), "abc");
    assert_str_free(text_truncate(NULL, 3, &M), "");
    assert_str_free(text_truncate("a\x1b[1mb", 99, &M), "a^[[1mb"); /* sanitised */
    assert_str_free(text_truncate("e\xCC\x81"
                                  "xyz",
                                  2, &M),
                    "e\xCC\x81…");
    M.ambiguous = 2;
    assert_str_free(text_truncate("海盐县", 4, &M), "海…");
    assert_str_free(text_truncate("海盐县", 5, &M), "海…");
    assert_str_free(text_truncate("abc", 1, &M), "a"); /* no room for a 2-wide "…" */
    assert_str_free(text_truncate("abc", 2, &M), "…");
}

static void test_fit(void **state)
{
    (void)state;
    assert_str_free(text_fit("海盐县", 4, &M), "海… ");
    assert_str_free(text_fit("海盐县", 6, &M), "海盐县");
    assert_str_free(text_fit("海盐县", 7, &M), "海盐县 ");
    assert_str_free(text_fit("ab", 5, &M), "ab   ");
    assert_str_free(text_fit("", 3, &M), "   ");
    assert_str_free(text_fit("abc", 0, &M), "");
    M.ambiguous = 2;
    assert_str_free(text_fit("abc", 1, &M), "a");
    assert_str_free(text_fit("海盐县", 3, &M), "… ");
}

/* For every width, truncate stays within it, fit hits it exactly, and
 * neither splits a character. */
static void test_truncate_fit_property(void **state)
{
    (void)state;
    const char *inputs[] = {SEED_19, "海盐县", "a“b”c——d…e①", "x\x1b]0;t\x07y\xC2\x85z", ""};
    for (int aw = 1; aw <= 2; aw++) {
        M.ambiguous = aw;
        for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
            int full = text_width(inputs[i], &M);
            for (int w = 0; w <= 60; w++) {
                char *t = text_truncate(inputs[i], w, &M);
                char *f = text_fit(inputs[i], w, &M);
                assert_non_null(t);
                assert_non_null(f);
                assert_true(text_width(t, &M) <= w);
                assert_int_equal(text_width(f, &M), w);
                assert_true(utf8_valid(t, strlen(t), NULL));
                assert_true(utf8_valid(f, strlen(f), NULL));
                if (w >= full) {
                    char *san = text_sanitize(inputs[i]);
                    assert_string_equal(t, san);
                    free(san);
                } else if (w >= aw) {
                    size_t len = strlen(t);
                    assert_true(len >= 3);
                    assert_string_equal(t + len - 3, "…");
                }
                free(t);
                free(f);
            }
        }
    }
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, reset_ambiguous, reset_ambiguous)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ambiguous_setting), /* first: checks the default */
        T(test_cp_width_basic),
        T(test_cjk_fast_path_matches_the_tables),
        T(test_cp_width_ambiguous),
        T(test_width_strings),
        T(test_fast_paths_match_sanitising),
        T(test_width_of_controls),
        T(test_sanitize_escapes),
        T(test_sanitize_whitespace_c1_bidi),
        T(test_sanitize_invalid_utf8),
        T(test_sanitize_passthrough),
        T(test_sanitize_property),
        T(test_prefix_bytes),
        T(test_truncate),
        T(test_fit),
        T(test_truncate_fit_property),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
