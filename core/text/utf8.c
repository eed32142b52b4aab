/* utf8.c - strict UTF-8 decoding and encoding (see utf8.h).
 *
 * Follows the Unicode "well-formed UTF-8 byte sequences" table (Unicode
 * 14.0, table 3-7): the second byte's allowed range depends on the lead
 * byte, which rules out overlongs (C0, C1, E0 80..9F, F0 80..8F),
 * surrogates (ED A0..BF) and code points past U+10FFFF (F4 90.., F5..FF).
 */
#include "text/utf8.h"

static int is_cont(unsigned char b)
{
    return (b & 0xC0u) == 0x80u;
}

/* Sequence length for lead byte b and the allowed range of the second
 * byte; 0 for a byte that cannot start a sequence. */
static size_t lead_info(unsigned char b, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0)
            *lo = 0xA0;
        else if (b == 0xED)
            *hi = 0x9F;
        return 3;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0)
            *lo = 0x90;
        else if (b == 0xF4)
            *hi = 0x8F;
        return 4;
    }
    return 0;
}

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    const unsigned char *p = (const unsigned char *)s;
    unsigned char lo, hi;
    size_t len = lead_info(p[0], &lo, &hi);
    *cp = UTF8_REPLACEMENT;
    if (len == 0 || len > n)
        return 1;
    if (len == 1) {
        *cp = p[0];
        return 1;
    }
    if (p[1] < lo || p[1] > hi)
        return 1;
    for (size_t i = 2; i < len; i++)
        if (!is_cont(p[i]))
            return 1;
    static const unsigned char lead_mask[5] = {0, 0, 0x1F, 0x0F, 0x07};
    uint32_t v = p[0] & lead_mask[len];
    for (size_t i = 1; i < len; i++)
        v = (v << 6) | (p[i] & 0x3Fu);
    *cp = v;
    return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = UTF8_REPLACEMENT;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
    size_t off = 0;
    while (off < n) {
        uint32_t cp;
        size_t len = utf8_decode(s + off, n - off, &cp);
        /* A genuine U+FFFD is three bytes; one byte means malformed. */
        if (cp == UTF8_REPLACEMENT && len == 1) {
            if (bad_offset)
                *bad_offset = off;
            return 0;
        }
        off += len;
    }
    return 1;
}

size_t utf8_prev(const char *s, size_t off)
{
    if (off == 0)
        return 0;
    const unsigned char *p = (const unsigned char *)s;
    size_t start = off - 1;
    /* Walk back over at most three continuation bytes to a lead byte. */
    while (start > 0 && off - start < 4 && is_cont(p[start]))
        start--;
    uint32_t cp;
    size_t len = utf8_decode(s + start, off - start, &cp);
    /* Only a well-formed sequence ending exactly at off counts; anything
     * else decodes forwards as single bytes, so step back one. */
    return len == off - start ? len : 1;
}
