/* textwidth.h - display width, truncation, wrapping and sanitising of text.
 *
 * Widths are terminal columns: East Asian Wide and Fullwidth characters
 * count 2, combining marks and zero-width characters 0, East Asian
 * Ambiguous characters (“ ” — · ...) count the measure's ambiguous width
 * (1 by default, 2 for terminals that draw them wide), everything else 1.
 * Invalid UTF-8 counts as U+FFFD.
 *
 * There is no state here: every function that measures takes the
 * measure (a plain value the caller builds from the configuration; NULL
 * means the default, ambiguous 1).
 *
 * Functions returning char * give a heap string the caller frees, or NULL
 * when out of memory.  No function here ever splits a multi-byte sequence
 * or places half of a wide character.
 */
#ifndef DUBAN_TEXTWIDTH_H
#define DUBAN_TEXTWIDTH_H

#include "base/strbuf.h"

#include <stddef.h>
#include <stdint.h>

/* How the terminal measures text.  ambiguous is the width of East Asian
 * Ambiguous characters: 1 or 2 (anything else counts as 1). */
typedef struct text_measure {
    int ambiguous;
} text_measure;

/* The ambiguous width m stands for: 1 or 2 (1 for NULL). */
int text_ambiguous_width(const text_measure *m);

/* Width of one code point: 0, 1 or 2; control characters count 0. */
int text_cp_width(uint32_t cp, const text_measure *m);

/* Display width of a NUL-terminated UTF-8 string (after sanitising). */
int text_width(const char *s, const text_measure *m);

/* Appends s (NULL as "") to sb, padded with spaces to display width w
 * as measured by m (NULL: ambiguous width 1).  DUBAN_OK or DUBAN_ENOMEM. */
int strbuf_append_padded(strbuf *sb, const char *s, int w, const text_measure *m);

/* Returns a copy in which control characters (C0, DEL, C1), escape
 * sequences (ESC ... up to and including its final byte, CSI/OSC/DCS with
 * BEL or ST terminators) and invalid bytes cannot reach a terminal:
 * ESC becomes the visible "^[" and the rest of a sequence is kept as plain
 * text, other controls become "^X" / "<U+0085>"-style visible forms, tab
 * becomes one space, newline becomes one space, invalid UTF-8 becomes
 * U+FFFD.  The single path through which data text reaches the screen. */
char *text_sanitize(const char *s);

/* 1 when s[0..n) is its own text_sanitize() form (no control, C1 or bidi
 * control character, no malformed byte): the common case, which callers
 * may copy as it is; else 0. */
int text_is_clean(const char *s, size_t n);

/* Longest prefix of s (in bytes) whose width is <= w. */
size_t text_prefix_bytes(const char *s, int w, const text_measure *m);

/* Copy of s cut to at most width w; when cut, ends with "…" (width 1) and
 * the total stays <= w.  w <= 0 gives "". */
char *text_truncate(const char *s, int w, const text_measure *m);

/* Copy of s padded with spaces (or truncated with "…") to exactly width w. */
char *text_fit(const char *s, int w, const text_measure *m);

/* Wraps s into lines of width <= w (w >= 2) by display width, breaking
 * anywhere between CJK characters and at spaces in Latin text, following
 * the Chinese line-breaking rule: no line starts with one of
 * ，。、；：？！）」』》”’ (and their ASCII forms , . ; : ? ! ) ) and no line
 * ends with （「『《“‘ ( .  Newlines in s start a new line.  Sets *lines to
 * a heap array of *count heap strings; free with text_lines_free().
 * Returns 0, or DUBAN_ENOMEM. */
int text_wrap(const char *s, int w, const text_measure *m, char ***lines, size_t *count);
void text_lines_free(char **lines, size_t count);

#endif
