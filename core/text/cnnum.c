/* cnnum.c - reading Arabic, full-width and Chinese numerals. */
#include "text/cnnum.h"

#include <string.h>

static const char *const cn_digit_str[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* One ASCII or full-width (U+FF10..U+FF19, EF BC 90..99) digit. */
static size_t digit_at(const char *s, size_t n, int *d)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && u[0] >= '0' && u[0] <= '9') {
        *d = u[0] - '0';
        return 1;
    }
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
        *d = u[2] - 0x90;
        return 3;
    }
    return 0;
}

size_t cnnum_digits(const char *s, size_t n, int maxdigits, int *v)
{
    size_t p = 0;
    int val = 0, count = 0, d;
    size_t k;
    while ((k = digit_at(s + p, n - p, &d)) != 0) {
        if (++count > maxdigits)
            return 0;
        val = val * 10 + d;
        p += k;
    }
    if (!count)
        return 0;
    *v = val;
    return p;
}

static size_t cn_digit(const char *s, size_t n, int *d)
{
    for (int i = 0; i < 9; i++)
        if (n >= 3 && memcmp(s, cn_digit_str[i], 3) == 0) {
            *d = i + 1;
            return 3;
        }
    return 0;
}

size_t cnnum_chinese(const char *s, size_t n, int *v)
{
    int tens = 0, ones = 0;
    size_t p = cn_digit(s, n, &tens);
    if (n - p >= 3 && memcmp(s + p, "十", 3) == 0) {
        p += 3;
        size_t q = cn_digit(s + p, n - p, &ones);
        *v = (p > 3 ? tens : 1) * 10 + (q ? ones : 0);
        return p + q;
    }
    if (!p)
        return 0;
    *v = tens;
    return p;
}

size_t cnnum_any(const char *s, size_t n, int maxdigits, int *v)
{
    size_t k = cnnum_digits(s, n, maxdigits, v);
    return k ? k : cnnum_chinese(s, n, v);
}

int cnnum_is_numeral(uint32_t cp)
{
    static const uint32_t cn[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                  0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343,
                                  0x4E07, 0x4E24, 0x96F6, 0x3007, 0x51E0};
    if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
        return 1;
    for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
        if (cp == cn[i])
            return 1;
    return 0;
}
