/* widthtable.h - internal to textwidth.c: Unicode width classes.
 *
 * Sorted, non-overlapping code point range tables generated from the
 * Unicode 14.0 character database (General_Category and East_Asian_Width),
 * looked up by binary search.  Each function returns 1 if cp is in the
 * class, else 0.  Controls (C0, DEL, C1) are not in any table; textwidth.c
 * handles them.  Not part of the core API: include only from textwidth.c
 * and its tests.
 */
#ifndef DUBAN_WIDTHTABLE_H
#define DUBAN_WIDTHTABLE_H

#include <stdint.h>

/* Zero-width: combining marks (Mn, Me), format characters (Cf) except the
 * visible soft hyphen U+00AD and prepended concatenation marks, line and
 * paragraph separators, Hangul medial vowels and final consonants. */
int widthtable_zero(uint32_t cp);

/* East Asian Wide (W) or Fullwidth (F): two columns. */
int widthtable_wide(uint32_t cp);

/* East Asian Ambiguous (A): one or two columns depending on the terminal. */
int widthtable_ambiguous(uint32_t cp);

#endif
