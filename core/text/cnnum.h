/* cnnum.h - numbers as written in Chinese plans: 10, １０ (full width), 十.
 *
 * Readers look at s[0..n) and return the bytes consumed (0 when there is
 * no number there), storing the value in *v.  Pure functions, no state.
 */
#ifndef DUBAN_CNNUM_H
#define DUBAN_CNNUM_H

#include <stddef.h>
#include <stdint.h>

/* ASCII or full-width decimal digits, at most maxdigits of them (a longer
 * run is not a number of that size and gives 0). */
size_t cnnum_digits(const char *s, size_t n, int maxdigits, int *v);

/* A Chinese numeral 一 .. 九十九 (一二三四五六七八九 and 十). */
size_t cnnum_chinese(const char *s, size_t n, int *v);

/* Digits (up to maxdigits) or a Chinese numeral. */
size_t cnnum_any(const char *s, size_t n, int maxdigits, int *v);

/* 1 when cp is a digit (ASCII or full width) or a Chinese numeral
 * character (一..十 百 千 万 两 零 〇 几). */
int cnnum_is_numeral(uint32_t cp);

#endif
