/* utf8.h - strict UTF-8 decoding.
 *
 * Decoding never fails: malformed sequences (bad lead/continuation bytes,
 * overlongs, surrogates, code points past U+10FFFF, truncation) decode as
 * U+FFFD consuming exactly one byte, so callers always make progress.
 */
#ifndef DUBAN_UTF8_H
#define DUBAN_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point from s[0..n) into *cp; returns bytes consumed
 * (1..4), or 0 when n == 0.  Malformed input gives U+FFFD and 1. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encodes cp into out (>= 4 bytes); returns bytes written (1..4). */
size_t utf8_encode(uint32_t cp, char *out);

/* Returns 1 if s[0..n) is valid UTF-8, else 0 and sets *bad_offset (if
 * non-NULL) to the byte offset of the first malformed sequence. */
int utf8_valid(const char *s, size_t n, size_t *bad_offset);

/* Byte length of the code point before offset off in s (0 if off == 0). */
size_t utf8_prev(const char *s, size_t off);

#endif
